"""The Planning area's widgets: the round, the proposal editors, the IFB's screens, charts."""
