"""The assembly file: SQLAlchemy models, opening and migrating files, transactions.

Each area keeps its models in a module of its own (``models.py`` for the foundation,
meetings and decisions; ``models_<area>.py`` for later areas), all on the same declarative
``Base``. :func:`load_models` imports every one of them so the metadata is complete for
Alembic, the schema tests and relationships between areas.
"""

from __future__ import annotations

import importlib
import pkgutil

from sqlalchemy import MetaData


def load_models() -> MetaData:
    """Import every ``pareconapp.store.models*`` module; return the complete metadata."""
    for module in pkgutil.iter_modules(__path__):
        if module.name.startswith("models"):
            importlib.import_module(f"{__name__}.{module.name}")
    from pareconapp.store.models import Base

    return Base.metadata
