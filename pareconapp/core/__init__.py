"""The parecon institutions as plain Python: no Qt, no SQLAlchemy."""
