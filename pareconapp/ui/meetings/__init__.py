"""The Meetings area: preparing meetings, running them, attendance, stack, action items."""
