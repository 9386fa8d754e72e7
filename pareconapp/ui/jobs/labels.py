"""Translated names and number formats of the Tasks & Jobs area, in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from pareconapp.core.rating_rounds import RoundStatus

_tr = QCoreApplication.translate

GOOD = QColor("#1d6f5f")
"""Within the goal (1 % of the scale's range)."""
FAIR = QColor("#9a6700")
"""Within 5 % of the range."""
POOR = QColor("#b00020")
"""Further off, or a broken rule."""


def hours(value: float) -> str:
    """Hours without needless decimals: ``12``, ``7.5``, ``1.25``."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def rating(value: float | None) -> str:
    """A rating or average with one decimal (``–`` when unknown)."""
    return "–" if value is None else f"{value:.1f}"


def deviation(value: float) -> str:
    """A signed deviation in rating points, two decimals (never "-0.00")."""
    return "0.00" if abs(value) < 0.005 else f"{value:+.2f}"


def percent_of_range(value: float, span: float) -> str:
    """``value`` as a percentage of the scale's range."""
    return f"{100 * value / span:.1f} %" if span else "–"


def balance_colour(value: float, span: float) -> QColor:
    """Green within 1 % of the range, amber within 5 %, red beyond."""
    share = abs(value) / span if span else 0.0
    if share <= 0.01:
        return GOOD
    if share <= 0.05:
        return FAIR
    return POOR


def round_status(status: RoundStatus) -> str:
    """A rating round's status in words."""
    return {
        RoundStatus.DRAFT: _tr("Jobs", "being prepared"),
        RoundStatus.OPEN: _tr("Jobs", "open for rating"),
        RoundStatus.CLOSED: _tr("Jobs", "closed"),
    }[status]


def aggregate_method(method: str) -> str:
    """An aggregate method's name (``core.jobs.AggregateMethod`` value)."""
    return {
        "mean": _tr("Jobs", "mean"),
        "median": _tr("Jobs", "median"),
        "trimmed_mean": _tr("Jobs", "trimmed mean"),
    }[method]


def spread_measure(measure: str) -> str:
    """A spread measure's short name (``core.jobs.SpreadMeasure`` value)."""
    return {"sd": _tr("Jobs", "SD"), "iqr": _tr("Jobs", "IQR")}[measure]


def found_by(stage: str) -> str:
    """Which optimiser stage found an assignment, in words."""
    return {
        "greedy": _tr("Jobs", "the quick first draft"),
        "exchanges": _tr("Jobs", "exchanges between members"),
        "regrouping": _tr("Jobs", "re-sharing small groups"),
        "solver": _tr("Jobs", "the exact solver"),
        "current": _tr("Jobs", "the current assignment"),
        "edited": _tr("Jobs", "editing by hand"),
    }.get(stage, stage)
