"""Use cases the GUI and the CLI call: one transaction per user action.

Services return plain frozen dataclasses, never ORM objects, so no widget ever holds a
database session or a lazily loading object.
"""
