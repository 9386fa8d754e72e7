"""Projector mode: the presentation window the facilitator drives from the main window.

- :mod:`.models` - Qt-free view models built from the services (what could reach the room);
- :mod:`.follow` - which view "follow the meeting" shows (plain functions);
- :mod:`.views` - the views (a registry: adding one is three small steps, see its docstring);
- :mod:`.paint` - scaled text, lists, bars and cards shared by the views;
- :mod:`.surface` - the painted widget and its themes (``resources/themes/projector-*.qss``);
- :mod:`.window` - the presentation window; :mod:`.screens` - screens and the chooser;
- :mod:`.controller` - what is shown now (follow, pin, blank, pages, the kiosk's rule);
- :mod:`.preview` - the thumbnail in the main window; :mod:`.cheat_sheet` - Help > Keyboard
  Shortcuts; :mod:`.integration` - the Projector menu, keys and dock in the main window.
"""
