"""The Tasks & Jobs area: the task catalogue, rating rounds and the job-complex editor.

- :mod:`.tasks_panel`, :mod:`.task_dialog`, :mod:`.task_import` - the task catalogue;
- :mod:`.rounds_panel`, :mod:`.round_setup`, :mod:`.results`, :mod:`.paper_grid` - rating
  rounds, their results (dot plots) and typing in paper forms;
- :mod:`.kiosk` - a rating round on the shared laptop (a
  :class:`~pareconapp.ui.kiosk.session.KioskSession`);
- :mod:`.editor`, :mod:`.matrix`, :mod:`.outside` - the members x tasks hours editor with the
  optimiser, and balancing across workplaces;
- :mod:`.charts` - dot plots and the complexes' scatter chart, painted with QPainter so the
  projector and the minutes can draw them too.
"""
