"""The assembly file: SQLAlchemy models, opening and migrating files, transactions."""
