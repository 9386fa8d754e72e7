"""The task catalogue: editing, qualifications, deletion rules, CSV import and export."""

from __future__ import annotations

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.services.assembly import AssemblyService
from pareconapp.services.tasks import TaskFields


def _ids(assembly: AssemblyService) -> dict[str, int]:
    return {m.display_name: m.id for m in assembly.members.list_members(active_only=True)}


def test_add_edit_and_qualifications(assembly: AssemblyService) -> None:
    ids = _ids(assembly)
    ana, bilal, carmen = ids["Ana"], ids["Bilal"], ids["Carmen"]
    row = assembly.tasks.add_task(
        TaskFields(
            "  Truing jig calibration ",
            "Check the jig.",
            6,
            2,
            "Frame building",
            restricted=True,
            qualified=frozenset({ana}),
            training=frozenset({bilal}),
        )
    )
    assert row.name == "Truing jig calibration"
    assert row.may_do == {ana, bilal}
    assert row.allows(bilal) and not row.allows(carmen)
    changed = assembly.tasks.update_task(
        row.id,
        TaskFields(
            row.name,
            weekly_hours=7.5,
            block_hours=1.5,
            restricted=True,
            qualified=frozenset({ana, bilal}),
            training=frozenset({carmen}),
        ),
    )
    assert changed.qualified == {ana, bilal} and changed.training == {carmen}
    assert assembly.tasks.task(row.id).weekly_hours == 7.5
    opened = assembly.tasks.update_task(row.id, TaskFields(row.name, weekly_hours=7.5))
    assert opened.may_do is None and opened.allows(carmen)


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        (TaskFields(""), "needs a name"),
        (TaskFields("Bookkeeping"), "already a task"),
        (TaskFields("X", weekly_hours=-1), "Hours/week"),
        (TaskFields("X", weekly_hours=1.001), "whole minutes"),
        (TaskFields("X", block_hours=0), "Minimum block"),
        (TaskFields("X", restricted=True), "at least one member"),
    ],
)
def test_bad_fields_are_refused_with_the_field_named(
    assembly: AssemblyService, fields: TaskFields, fragment: str
) -> None:
    before = len(assembly.tasks.list_tasks())
    with pytest.raises(UserError, match=fragment):
        assembly.tasks.add_task(fields)
    assert len(assembly.tasks.list_tasks()) == before


def test_member_both_qualified_and_in_training_is_refused(assembly: AssemblyService) -> None:
    ana = _ids(assembly)["Ana"]
    with pytest.raises(UserError, match="not both"):
        assembly.tasks.add_task(
            TaskFields("Y", restricted=True, qualified=frozenset({ana}), training=frozenset({ana}))
        )


def test_a_rated_task_is_kept_but_a_new_one_can_be_deleted_and_restored(
    assembly: AssemblyService,
) -> None:
    rated = next(t for t in assembly.tasks.list_tasks() if t.name == "Bookkeeping")
    with pytest.raises(UserError, match="Mark it inactive"):
        assembly.tasks.delete_task(rated.id)
    assert assembly.tasks.task(rated.id).name == "Bookkeeping"
    new = assembly.tasks.add_task(TaskFields("Sharpen the saws", weekly_hours=2))
    fields = assembly.tasks.delete_task(new.id)
    with pytest.raises(UserError):
        assembly.tasks.task(new.id)
    back = assembly.tasks.restore_task(fields, new.id)
    assert back.id == new.id and back.name == "Sharpen the saws"


def test_export_then_import_round_trip(assembly: AssemblyService) -> None:
    text = assembly.tasks.export_csv()
    lines = text.splitlines()
    assert lines[0] == (
        "name,description,weekly_hours,block_hours,category,qualified,training,active"
    )
    assert len(lines) == 1 + len(assembly.tasks.list_tasks())
    welding = next(line for line in lines if line.startswith("Frame welding"))
    assert "everyone" not in welding
    # Renamed, the same rows import into the same assembly as new tasks.
    renamed = "\n".join([lines[0]] + [f"New {line}" for line in lines[1:]]) + "\n"
    preview = assembly.tasks.preview_csv(renamed.encode())
    assert preview.ok, [str(p) for r in preview.rows for p in r.problems]
    before = {t.name: t for t in assembly.tasks.list_tasks()}
    assert assembly.tasks.import_csv(renamed.encode()) == len(lines) - 1
    after = {t.name: t for t in assembly.tasks.list_tasks()}
    original = before["Frame welding and brazing"]
    copy = after["New Frame welding and brazing"]
    assert copy.qualified == original.qualified and copy.training == original.training
    assert copy.weekly_hours == original.weekly_hours
    assert copy.block_hours == original.block_hours
    assert after["New Bookkeeping"].restricted
    assert not after["New Cleaning the workshop"].restricted


def test_import_preview_lists_every_problem_and_imports_nothing(
    assembly: AssemblyService,
) -> None:
    data = (
        "Task;Hours;Block;Qualified;In training;Active\n"
        "Bookkeeping;4;1;;;yes\n"
        "Ferry bikes;x;1;;;yes\n"
        "Sort screws;2;0;;;yes\n"
        "Wax chains;3;1;Nobody Here;;yes\n"
        "Oil chains;3;1;Ana;Ana;maybe\n"
        "Sort screws;2;1;;;yes\n"
        "\n"
    ).encode("cp1252")
    preview = assembly.tasks.preview_csv(data)
    assert not preview.ok
    problems = {row.line: " ".join(str(p) for p in row.problems) for row in preview.rows}
    assert "already a task" in problems[2]
    assert "Weekly hours" in problems[3]
    assert "minimum block" in problems[4]
    assert 'no member called "Nobody Here"' in problems[5]
    assert "both as qualified and as in training" in problems[6]
    assert "Active must be yes or no" in problems[6]
    assert "appears twice (also on line 4)" in problems[7]
    before = len(assembly.tasks.list_tasks())
    with pytest.raises(UserError, match="nothing was imported"):
        assembly.tasks.import_csv(data)
    assert len(assembly.tasks.list_tasks()) == before


def test_import_file_problems(assembly: AssemblyService) -> None:
    assert not assembly.tasks.preview_csv(b"").ok
    preview = assembly.tasks.preview_csv(b"colour,hours\nred,2\n")
    texts = [str(p) for p in preview.file_problems]
    assert any('Unknown column "colour"' in t for t in texts)
    assert any('including "name"' in t for t in texts)
