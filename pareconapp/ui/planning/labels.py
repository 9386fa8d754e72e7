"""Translated names and number formats of the Planning area, in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pareconapp.core.planning_exchange.catalogue import GoodCategory
from pareconapp.core.planning_exchange.files import CouncilKind, Question, QuestionReason, Variant
from pareconapp.store.models_planning import PlanningRole

_tr = QCoreApplication.translate


def category(value: GoodCategory) -> str:
    """A good's category (the core names it; translated here)."""
    return _tr(value.label.context, value.label.text)


def role(value: PlanningRole) -> str:
    """The part an assembly plays in a planning year."""
    return {
        PlanningRole.WORKER: _tr("Planning", "worker council"),
        PlanningRole.CONSUMER: _tr("Planning", "consumer council"),
        PlanningRole.IFB: _tr("Planning", "Iteration Facilitation Board (IFB)"),
    }[value]


def role_short(value: PlanningRole) -> str:
    """The part an assembly plays, in a few letters (lists, titles)."""
    return {
        PlanningRole.WORKER: _tr("Planning", "worker council"),
        PlanningRole.CONSUMER: _tr("Planning", "consumer council"),
        PlanningRole.IFB: _tr("Planning", "IFB"),
    }[value]


def role_of_council(kind: CouncilKind) -> str:
    """A federation council's kind."""
    return {
        CouncilKind.WORKER: _tr("Planning", "worker council"),
        CouncilKind.CONSUMER: _tr("Planning", "consumer council"),
    }[kind]


def rule(name: str) -> str:
    """A price rule's name with what it does."""
    return {
        "newton": _tr("Planning", "Newton (fewest rounds; needs price responses)"),
        "secant": _tr("Planning", "Secant (few rounds, from totals only)"),
        "dep": _tr("Planning", "DEP 2021 (the book's tables, csvgen.clj)"),
        "dep-book": _tr("Planning", "DEP 2021 as the book words it"),
    }.get(name, name)


def question(item: Question, council: str) -> str:
    """Why other councils should question a proposal."""
    if item.reason is QuestionReason.RATIO:
        return _tr("Planning", "{council}: SB/SC {ratio} is below 1").format(
            council=council, ratio=f"{item.value or 0:.2f}"
        )
    if item.reason is QuestionReason.BUDGET:
        return _tr("Planning", "{council}: requests cost {cost}, the budget is {budget}").format(
            council=council, cost=money(item.value or 0), budget=money(item.limit or 0)
        )
    return _tr("Planning", "{council}: not adopted by a vote of the council").format(
        council=council
    )


def variant_name(variant: Variant) -> str:
    """A plan variant's name (translated when the app knows it)."""
    from pareconapp.core.planning_exchange.variants import VARIANT_TEXTS  # loads numpy

    texts = VARIANT_TEXTS.get(variant.id)
    return _tr(texts[0].context, texts[0].text) if texts else variant.name


def variant_description(variant: Variant) -> str:
    """What a plan variant aims at."""
    from pareconapp.core.planning_exchange.variants import VARIANT_TEXTS

    texts = VARIANT_TEXTS.get(variant.id)
    return _tr(texts[1].context, texts[1].text) if texts else variant.description


def money(value: float) -> str:
    """An amount at indicative prices."""
    return f"{value:,.2f}"


def quantity(value: float) -> str:
    """A quantity: whole units from 100 up, otherwise up to two decimals."""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}"


def price(value: float) -> str:
    """An indicative price."""
    return f"{value:,.2f}" if value >= 1 else f"{value:.4g}"


def share(value: float) -> str:
    """A share or an imbalance as a percentage."""
    return f"{value * 100:.1f} %"
