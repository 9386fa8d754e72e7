"""The minutes in the desktop app: the export dialog with its preview, approval and errata.

The main window adds "File > Export Minutes…" with
:func:`pareconapp.ui.minutes.actions.install_minutes_actions`; the dialog lives in
:mod:`pareconapp.ui.minutes.dialog` (imported when first opened).
"""
