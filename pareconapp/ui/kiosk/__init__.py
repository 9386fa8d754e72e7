"""The shared-laptop kiosk: one full-screen frame for anything members do in turn.

:class:`~pareconapp.ui.kiosk.window.KioskWindow` walks each person through hand-over, name,
PIN, form, review and Confirm; a :class:`~pareconapp.ui.kiosk.session.KioskSession` supplies
what is specific (a secret ballot, a rating round). See :mod:`.session` for the interface.
"""
