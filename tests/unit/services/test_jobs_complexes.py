"""Job complexes: the problem from the catalogue, saving with history, impact hours, outside."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.jobs import JobComplexesInfeasible
from pareconapp.services.assembly import AssemblyService
from pareconapp.services.demo import create_demo_file
from pareconapp.services.job_complexes import JobSettings, SolverReport, balanced_draft
from pareconapp.services.tasks import TaskFields


def test_inputs_hold_the_active_tasks_with_their_latest_ratings(assembly) -> None:
    inputs = assembly.job_complexes.inputs()
    assert len(inputs.tasks) == 30 and not inputs.unrated
    assert (inputs.scale_low, inputs.scale_high) == (1, 20)
    members = assembly.members.list_members(active_only=True)
    assert {m.id for m in inputs.members} == {m.id for m in members if m.weekly_hours > 0}
    assert sum(t.hours for t in inputs.tasks) == sum(m.hours for m in inputs.members)
    current = assembly.ratings.current_ratings()
    welding = next(t for t in inputs.tasks if t.name == "Frame welding and brazing")
    assert welding.empowerment == current[welding.id].empowerment
    row = assembly.tasks.task(welding.id)
    assert welding.may_do == row.qualified | row.training  # trainees count as qualified
    problem = inputs.problem(6)
    task = next(t for t in problem.tasks if t.id == welding.id)
    assert task.qualified == welding.may_do


def test_unrated_tasks_are_named_before_optimising(assembly) -> None:
    assembly.tasks.add_task(TaskFields("Inventory count", weekly_hours=3))
    inputs = assembly.job_complexes.inputs()
    assert [t.name for t in inputs.unrated] == ["Inventory count"]
    with pytest.raises(UserError, match="Inventory count"):
        inputs.problem(6)


def test_hours_that_do_not_add_up_are_explained(assembly) -> None:
    assembly.tasks.add_task(TaskFields("Extra shift", weekly_hours=20))
    inputs = assembly.job_complexes.inputs()
    extra = next(t for t in inputs.tasks if t.name == "Extra shift")
    rated = replace(
        inputs,
        tasks=tuple(
            replace(t, empowerment=5.0, desirability=5.0) if t is extra else t for t in inputs.tasks
        ),
    )
    with pytest.raises(JobComplexesInfeasible) as caught:
        assembly.job_complexes.optimise(rated.problem(6), 1.0)
    assert "but the tasks need" in str(caught.value.reasons[0])


def test_the_demo_saved_balanced_complexes(assembly) -> None:
    current = assembly.job_complexes.current()
    assert current is not None
    assert current.largest_deviation < 1.0  # of a 19-point range
    assert current.found_by == "exchanges"
    assert [a.id for a in assembly.job_complexes.history()] == [current.id]
    inputs = assembly.job_complexes.inputs()
    assessment = assembly.job_complexes.assess(inputs.problem(6), current.cells)
    assert assessment.valid


def test_saving_records_the_current_assignment_with_history(assembly) -> None:
    before = assembly.job_complexes.current()
    assert before is not None
    inputs = assembly.job_complexes.inputs()
    first_task, member = inputs.tasks[0].id, inputs.members[0].id
    pinned = {(first_task, member): before.cells.get((first_task, member), 0.0)}
    problem = inputs.problem(6, pinned=pinned)
    balance = balanced_draft(problem, steps=50, seed=3)
    saved = assembly.job_complexes.save(
        "Summer", "  With a pin  ", problem, balance.cells(), SolverReport(0.0, "solver", 2.0)
    )
    assert saved.note == "With a pin"
    assert saved.pinned == pinned
    assert saved.bound == 0.0 and saved.found_by == "solver"
    assert assembly.job_complexes.current() == saved
    assert [a.id for a in assembly.job_complexes.history()] == [saved.id, before.id]
    assert assembly.job_complexes.assignment(before.id).cells == before.cells


def test_an_assignment_that_breaks_a_rule_is_not_saved(assembly) -> None:
    inputs = assembly.job_complexes.inputs()
    problem = inputs.problem(6)
    cells = dict(assembly.job_complexes.current().cells)
    cell = next(iter(cells))
    cells[cell] += 1
    with pytest.raises(UserError, match="cannot be saved"):
        assembly.job_complexes.save("Broken", "", problem, cells)
    with pytest.raises(UserError, match="Title"):
        assembly.job_complexes.save(" ", "", problem, assembly.job_complexes.current().cells)
    assert len(assembly.job_complexes.history()) == 1


def test_hours_on_tasks_for_impact(assembly) -> None:
    current = assembly.job_complexes.current()
    task = next(iter(current.cells))[0]
    hours = assembly.job_complexes.hours_on_tasks({task})
    members = assembly.members.list_members(active_only=True)
    assert set(hours) == {m.id for m in members}
    for member in members:
        assert hours[member.id] == Fraction(str(current.cells.get((task, member.id), 0)))
    assert sum(hours.values()) == Fraction(str(assembly.tasks.task(task).weekly_hours))


def test_hours_on_tasks_needs_saved_complexes(tmp_path: Path) -> None:
    path = tmp_path / "empty.parecon"
    assembly = AssemblyService.create(path, "Empty")
    try:
        with pytest.raises(UserError, match="No job complexes"):
            assembly.job_complexes.hours_on_tasks({1})
    finally:
        assembly.close()


def test_settings_and_outside_hours(assembly) -> None:
    settings = assembly.job_complexes.settings()
    assert settings.society_empowerment is not None  # the demo sets them
    changed = replace(settings, max_tasks=5, time_limit=3.0, outside_mode="add")
    assembly.job_complexes.save_settings(changed)
    assert assembly.job_complexes.settings() == changed
    with pytest.raises(UserError, match="Most tasks"):
        assembly.job_complexes.save_settings(replace(changed, max_tasks=0))
    current = assembly.job_complexes.current()
    inputs = assembly.job_complexes.inputs()
    balance = assembly.job_complexes.assess(inputs.problem(6), current.cells).balance
    outside = assembly.job_complexes.outside_hours(balance.complexes, changed)
    assert len(outside) == len(balance.complexes)
    assert all(o.hours >= 0 for o in outside)
    with pytest.raises(UserError, match="society"):
        assembly.job_complexes.outside_hours(balance.complexes, JobSettings())


def test_the_demo_is_deterministic(tmp_path: Path) -> None:
    saved = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.parecon"
        create_demo_file(path, members=12, seed=1)
        assembly = AssemblyService.open(path)
        try:
            current = assembly.job_complexes.current()
            saved.append((dict(current.cells), current.largest_deviation))
        finally:
            assembly.close()
    assert saved[0] == saved[1]
