"""The minutes in the desktop app: the export dialog with its preview, approval and errata.

The main window adds "File > Export Minutes…" with :func:`install_minutes_actions`.
"""

from pareconapp.ui.minutes.actions import install_minutes_actions
from pareconapp.ui.minutes.dialog import MinutesDialog, open_minutes_dialog

__all__ = ["MinutesDialog", "install_minutes_actions", "open_minutes_dialog"]
