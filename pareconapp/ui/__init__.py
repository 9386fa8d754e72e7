"""Qt widgets, models and dialogs. Widgets call services; they never hold a session."""
