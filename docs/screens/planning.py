"""Planning: a council's round and proposal, the consumer side, the IFB, walk-through charts."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from pareconapp.ui.main_window import MainWindow
from screens.common import assembly_of, page, shot, show_area

IFB_YEAR = "Federation 2027"
WALK_THROUGH = "Walk-through"


def planning_page(window: MainWindow) -> Any:
    """Show the Planning page and return it."""
    show_area(window, "planning")
    return page(window, "planning")


def year_named(window: MainWindow, name: str) -> int | None:
    """The id of the planning year called ``name``, if there is one."""
    return next((y.id for y in assembly_of(window).planning.years() if y.name == name), None)


def show_year(window: MainWindow, year_id: int) -> Any:
    """The Planning page showing ``year_id`` (after a year was added behind its back)."""
    planning = planning_page(window)
    planning.refresh()
    planning.select_year(year_id)
    return planning


def worker_year(window: MainWindow) -> Any:
    """The demo's own year as a worker council."""
    years = assembly_of(window).planning.years()
    real = next(y for y in years if not y.practice and y.role.value == "worker")
    return show_year(window, real.id)


def walk_through(window: MainWindow) -> Any:
    """The demo's six-round walk-through."""
    year = year_named(window, WALK_THROUGH)
    assert year is not None
    return show_year(window, year)


def ifb_year(window: MainWindow) -> Any:
    """The demo federation seen from its IFB (added on first use)."""
    from pareconapp.services.demo_planning import add_demo_ifb_year

    year = year_named(window, IFB_YEAR)
    if year is None:
        year = add_demo_ifb_year(assembly_of(window), IFB_YEAR)
    return show_year(window, year)


@shot("planning-round")
def planning_round(window: MainWindow) -> QWidget:
    worker_year(window).council.setCurrentIndex(0)
    return window


@shot("planning-proposal")
def planning_proposal(window: MainWindow) -> QWidget:
    worker_year(window).council.setCurrentIndex(1)
    return window


@shot("planning-convergence")
def planning_convergence(window: MainWindow) -> QWidget:
    planning = walk_through(window)
    planning.council.setCurrentIndex(2)
    planning.council.charts.choice.setCurrentIndex(0)
    return window


@shot("planning-prices")
def planning_prices(window: MainWindow) -> QWidget:
    planning = walk_through(window)
    planning.council.setCurrentIndex(2)
    planning.council.charts.choice.setCurrentIndex(1)
    return window


@shot("planning-walk-part")
def planning_walk_part(window: MainWindow) -> QWidget:
    walk_through(window).council.setCurrentIndex(3)
    return window


@shot("planning-walk-proposal")
def planning_walk_proposal(window: MainWindow) -> QWidget:
    walk_through(window).council.setCurrentIndex(1)
    return window


@shot("planning-ifb-round")
def planning_ifb_round(window: MainWindow) -> QWidget:
    ifb_year(window).ifb.setCurrentIndex(0)
    return window


@shot("planning-ifb-setup")
def planning_ifb_setup(window: MainWindow) -> QWidget:
    ifb_year(window).ifb.setCurrentIndex(1)
    return window


@shot("planning-supply-demand")
def planning_supply_demand(window: MainWindow) -> QWidget:
    planning = ifb_year(window)
    planning.ifb.setCurrentIndex(2)
    planning.ifb_charts.choice.setCurrentIndex(2)
    return window


@shot("planning-ifb-plan")
def planning_ifb_plan(window: MainWindow) -> QWidget:
    from pareconapp.services.planning import YearFields
    from pareconapp.store.models_planning import PlanningRole

    service = assembly_of(window).planning
    year = year_named(window, "IFB practice")
    if year is None:
        fields = YearFields(
            "IFB practice", PlanningRole.IFB, "practice-ifb", "Practice IFB", rule="newton"
        )
        year = service.practice.generate(
            fields, seed=3, consumer_councils=200, worker_councils=200, goods_per_kind=3
        )
        while service.year(year).status.value != "final":
            service.practice.step(year)
        service.ifb.build_variants(year)
    show_year(window, year).ifb.setCurrentIndex(3)
    return window


@shot("planning-consumer")
def planning_consumer(window: MainWindow) -> QWidget:
    from pareconapp.services.demo_planning import add_demo_consumer_year

    year = year_named(window, "2027 (Riverside)")
    if year is None:
        year = add_demo_consumer_year(assembly_of(window))
    show_year(window, year).council.setCurrentIndex(1)
    return window
