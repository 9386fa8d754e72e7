"""Tasks & jobs: the catalogue, rating rounds, the rating kiosk, the job-complex editor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QWidget

from pareconapp.ui.main_window import MainWindow
from screens.common import SIZE, assembly_of, keep, page, settle, shot, show_area


def jobs_page(window: MainWindow) -> Any:
    """Show the Tasks & jobs page and return it."""
    show_area(window, "jobs")
    return page(window, "jobs")


@shot("jobs-tasks")
def jobs_tasks(window: MainWindow) -> QWidget:
    jobs = jobs_page(window)
    jobs.tabs.setCurrentWidget(jobs.tasks)
    jobs.tasks.table.selectRow(6)
    return window


@shot("jobs-task-dialog")
def jobs_task_dialog(window: MainWindow) -> QWidget:
    jobs = jobs_page(window)
    jobs.tabs.setCurrentWidget(jobs.tasks)
    task = next(t for t in jobs.tasks.model.rows() if t.name.startswith("Frame welding"))
    dialog = keep(jobs.tasks._dialog(task))
    dialog.resize(720, 700)
    dialog.show()
    return dialog


@shot("jobs-import-preview")
def jobs_import_preview(window: MainWindow) -> QWidget:
    from pareconapp.core.csv_import import decode_csv
    from pareconapp.ui.jobs.task_import import TaskImportDialog

    data = (
        b"name;weekly_hours;block_hours;category;qualified;training\n"
        b"Inventory count;6;2;Shop & logistics;;\n"
        b"Bookkeeping;4;1;Coordination;Ana;\n"
        b"Tyre recycling;x;1;Care of the place;;\n"
        b"Wheel jig repair;3;1;Frame building;Nobody Here;Ana\n"
    )
    preview = assembly_of(window).tasks.preview_csv(data)
    dialog = keep(TaskImportDialog(preview, "new-tasks.csv", decode_csv(data), window))
    dialog.show()
    return dialog


@shot("jobs-dot-plots")
def jobs_dot_plots(window: MainWindow) -> QWidget:
    jobs = jobs_page(window)
    jobs.tabs.setCurrentWidget(jobs.rounds)
    first = next(r for r in jobs.rounds.rows if r.follows_id is None)
    jobs.rounds.select(first.id)
    return window


@shot("jobs-round-setup")
def jobs_round_setup(window: MainWindow) -> QWidget:
    jobs = jobs_page(window)
    jobs.tabs.setCurrentWidget(jobs.rounds)
    jobs.rounds.new_round()
    jobs.rounds.setup.title.setText("Autumn ratings")
    return window


@shot("jobs-editor")
def jobs_editor(window: MainWindow) -> QWidget:
    jobs = jobs_page(window)
    jobs.tabs.setCurrentWidget(jobs.editor)
    editor = jobs.editor
    # two pinned cells of the first member, and a member chosen for the chart
    first = editor.inputs.members[0].id
    shown = {t.id for t in editor.inputs.tasks[:9]}
    cells = [c for c in editor.draft.cells if c[1] == first and c[0] in shown][:2]
    editor.toggle_pins(cells)
    editor.views.summary.selectRow(3)
    return window


@shot("jobs-editor-optimised")
def jobs_editor_optimised(window: MainWindow) -> QWidget:
    jobs = jobs_page(window)
    jobs.tabs.setCurrentWidget(jobs.editor)
    editor = jobs.editor
    editor.time_limit.setValue(3)
    loop = QEventLoop()
    editor.optimise()
    editor.task.finished.connect(loop.quit)
    loop.exec()
    editor.views.summary.selectRow(3)
    return window


@shot("jobs-outside")
def jobs_outside(window: MainWindow) -> QWidget:
    jobs = jobs_page(window)
    jobs.tabs.setCurrentWidget(jobs.outside)
    return window


@shot("jobs-paper-forms")
def jobs_paper_forms(window: MainWindow) -> QWidget:
    from pareconapp.services.ratings import RoundFields
    from pareconapp.ui.jobs.paper_grid import PaperFormsDialog

    assembly = assembly_of(window)
    tasks = [t.id for t in assembly.tasks.list_tasks(active_only=True)][:12]
    members = frozenset(m.id for m in assembly.members.list_members(active_only=True)[:10])
    round_id = assembly.ratings.create_round(RoundFields("Paper round", tuple(tasks), members))
    assembly.ratings.open_round(round_id)
    dialog = keep(PaperFormsDialog(assembly, round_id, window))
    for task_id, (empowerment, desirability) in zip(
        tasks[:5], ((12, 8), (7, 9), (15, 14), (3, 2), (10, 11)), strict=False
    ):
        dialog.set_cell(task_id, 0, str(empowerment))
        dialog.set_cell(task_id, 1, str(desirability))
    dialog.show()
    return dialog


@shot("jobs-rating-kiosk")
def jobs_rating_kiosk(window: MainWindow) -> QWidget:
    from pareconapp.services.ratings import RoundFields
    from pareconapp.ui.jobs.kiosk import RatingKioskSession
    from pareconapp.ui.kiosk.window import KioskWindow

    assembly = assembly_of(window)
    tasks = [t.id for t in assembly.tasks.list_tasks(active_only=True)][:8]
    members = frozenset(m.id for m in assembly.members.list_members(active_only=True))
    round_id = assembly.ratings.create_round(RoundFields("Autumn ratings", tuple(tasks), members))
    assembly.ratings.open_round(round_id)
    kiosk = keep(KioskWindow(RatingKioskSession(assembly, round_id)))
    kiosk.resize(*SIZE)
    kiosk.start(full_screen=False)
    settle()
    kiosk.show_pick()
    kiosk.pick_current()
    form = kiosk.form
    form.set_value(0, 14)
    form.set_value(1, 9)
    form.next_task()
    form.set_value(0, 6)
    form._focus_dimension(1)
    return kiosk
