"""The Tasks & Jobs page: a rating round on the kiosk, a follow-up round, the job-complex
editor (optimise, edit a cell, pin, undo, save), tasks and their CSV, impact from hours."""

from __future__ import annotations

import sqlite3

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from pareconapp.services.assembly import AssemblyService
from pareconapp.services.clock import ManualClock, system_clock
from pareconapp.store.models_jobs import RoundStatus
from pareconapp.ui import passphrase
from pareconapp.ui.jobs.kiosk import RatingForm
from pareconapp.ui.kiosk.window import KioskWindow, Screen
from pareconapp.ui.pages.jobs import JobsPage

pytestmark = pytest.mark.gui

ENTER = Qt.Key.Key_Return


@pytest.fixture
def page(qtbot, demo_file, message_boxes, monkeypatch):
    from pareconapp.ui.app import create_application

    create_application()
    assembly = AssemblyService.open(demo_file, ManualClock(system_clock()))  # after the demo
    widget = JobsPage()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.set_assembly(assembly)
    widget.show()
    monkeypatch.setattr(passphrase, "confirm_facilitator", lambda *args: True)
    yield widget
    kiosk = widget.rounds.kiosk
    if kiosk is not None and shiboken6.isValid(kiosk):
        kiosk.dismiss()
    widget.editor.cancel()
    assembly.close()


def press(qtbot, window: KioskWindow, *keys) -> None:
    """Keys where the keyboard focus is, as a person at the laptop would press them."""
    for key in keys:
        qtbot.keyClick(window.focusWidget() or window, key)


def rate_on_the_kiosk(qtbot, window: KioskWindow, name: str, keys: list) -> None:
    assert window.screen_shown is Screen.HANDOVER
    press(qtbot, window, ENTER)
    qtbot.keyClicks(window.filter, name)
    qtbot.keyClick(window.filter, ENTER)
    assert window.screen_shown is Screen.FORM
    form = window.form
    assert isinstance(form, RatingForm)
    press(qtbot, window, *keys)
    assert form.is_complete(), form.hint()
    press(qtbot, window, ENTER)  # every task done: on to the review
    assert window.screen_shown is Screen.REVIEW
    press(qtbot, window, ENTER)
    assert window.screen_shown is Screen.HANDOVER
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_rating_round_by_two_members_on_the_kiosk(qtbot, page) -> None:
    assembly = page.assembly
    rounds = page.rounds
    page.tabs.setCurrentWidget(rounds)
    rounds.new_round()
    setup = rounds.setup
    qtbot.keyClicks(setup.title, "Autumn ratings")
    setup._tick_all(setup.tasks, False)
    setup._tick_all(setup.raters, False)
    for widget, count in ((setup.tasks, 2), (setup.raters, 2)):
        for row in range(count):
            widget.item(row).setCheckState(Qt.CheckState.Checked)
    assert setup.task_count.text().startswith("2")
    setup.save_button.click()
    row = rounds.round
    assert row is not None and row.title == "Autumn ratings"
    assert row.status is RoundStatus.DRAFT and len(row.task_ids) == 2
    rounds.open_button.click()
    assert rounds.round.status is RoundStatus.OPEN
    rounds.kiosk_full_screen = False
    rounds.kiosk_button.click()
    window = rounds.kiosk
    assert isinstance(window, KioskWindow)
    window.confirm_guard_ms = 0
    qtbot.waitExposed(window)
    raters = sorted(
        (r for r in assembly.ratings.raters(row.id) if r.chosen), key=lambda r: r.display_name
    )
    first, second = raters[0].display_name, raters[1].display_name
    k = Qt.Key
    # First rater: 7 and 9 for the first task (7 cannot take a second digit, so the form
    # moves on to desirability), Enter for the next task; there Right twice (from the
    # middle, 10, to 11), Down to desirability, "2" "0" for 20, Up and Left: 10.
    rate_on_the_kiosk(
        qtbot,
        window,
        first,
        [
            k.Key_7,
            k.Key_9,
            ENTER,
            k.Key_Right,
            k.Key_Right,
            k.Key_Down,
            k.Key_2,
            k.Key_0,
            k.Key_Up,
            k.Key_Left,
        ],
    )
    assert "1 of 2" in window.progress.text()
    # Second rater: 12 ("1" waits for a second digit) and 14, then skips the second task.
    rate_on_the_kiosk(qtbot, window, second, [k.Key_1, k.Key_2, k.Key_1, k.Key_4, ENTER, k.Key_S])
    assert "2 of 2" in window.progress.text()
    press(qtbot, window, ENTER)  # both have rated: neither can be picked again
    for name in (first, second):
        assert not any(
            index.flags() & Qt.ItemFlag.ItemIsEnabled
            for index in (
                window.people_proxy.index(r, 0) for r in range(window.people_proxy.rowCount())
            )
            if str(index.data()).startswith(name)
        )
    window.dismiss()
    assert rounds.kiosk is None
    rounds.close_button.click()
    assert rounds.round.status is RoundStatus.CLOSED
    assert rounds.tabs.currentWidget() is rounds.results
    results = assembly.ratings.results(row.id)
    one, two = (results.result(t) for t in row.task_ids)
    assert one.empowerment == (7, 12) and one.desirability == (9, 14)
    assert two.empowerment == (10,) and two.desirability == (20,)  # the second rater skipped
    assert rounds.results.plots.data is not None
    assert len(rounds.results.plots.data.rows) == 2
    connection = sqlite3.connect(assembly.path)
    try:
        stored = connection.execute(
            "SELECT rater_id FROM task_rating WHERE round_id = ?", (row.id,)
        ).fetchall()
    finally:
        connection.close()
    assert stored == [(None,)] * 3  # anonymous: no rater stored with a rating


def test_a_follow_up_round_for_the_contested_tasks_typed_from_paper(qtbot, page) -> None:
    assembly = page.assembly
    rounds = page.rounds
    page.tabs.setCurrentWidget(rounds)
    first = next(r for r in rounds.rows if r.follows_id is None)
    rounds.select(first.id)
    assert rounds.follow_up_button.isEnabled()
    contested = assembly.ratings.results(first.id).contested
    rounds.follow_up_button.click()
    follow_up = rounds.round
    assert follow_up.follows_id == first.id and follow_up.task_ids == contested
    rounds.open_button.click()
    task = contested[0]

    def fill_two_forms(dialog) -> None:
        for e, d in ((10, 11), (12, 13)):
            for task_id in contested:
                dialog.set_cell(task_id, 0, str(e))
                dialog.set_cell(task_id, 1, str(d))
            dialog.record()
        # half a pair is refused, and nothing is stored for that form
        dialog.set_cell(task, 0, "9")
        dialog.record()
        assert "give both ratings" in dialog.error.text()

    rounds.run_dialog = fill_two_forms
    rounds.paper_button.click()
    assert assembly.ratings.progress(follow_up.id)[0] == 2
    rounds.close_button.click()
    summary = assembly.ratings.results(follow_up.id).result(task).summary
    assert summary.empowerment.mean == 11 and summary.desirability.mean == 12
    view = rounds.results
    view.task.setCurrentIndex(view.task.findData(task))
    # the first round, the demo's follow-up and this one
    assert view.history.rowCount() == 3
    assert view.history.item(2, 0).text() == follow_up.title
    assert assembly.ratings.current_ratings()[task].round_id == follow_up.id


def wait_for_optimiser(qtbot, editor) -> None:
    assert editor.busy
    with qtbot.waitSignal(editor.task.finished, timeout=30_000):
        pass


def test_optimise_edit_a_cell_undo_and_save(qtbot, page) -> None:
    assembly = page.assembly
    editor = page.editor
    page.tabs.setCurrentWidget(editor)
    saved = assembly.job_complexes.current()
    assert editor.draft.cells == saved.cells
    before = editor.assessment.balance.largest_deviation
    # pin one cell of the first member, then optimise the rest
    cell = next(c for c in editor.draft.cells if c[1] == editor.inputs.members[0].id)
    editor.toggle_pins([cell])
    assert cell in editor.draft.pinned
    hours = editor.draft.cells[cell]
    editor.time_limit.setValue(1)
    editor.optimise_button.click()
    assert editor.progress.isVisible() and editor.cancel_button.isVisible()
    wait_for_optimiser(qtbot, editor)
    assert not editor.progress.isVisible()
    assert editor.draft.cells[cell] == hours  # the pinned cell was kept
    assert editor.assessment.valid
    after = editor.assessment.balance.largest_deviation
    assert after < before
    assert "Optimiser:" in editor.solver.text() and "bound" in editor.solver.text()
    optimised = editor.draft
    # edit a cell by hand: a rule breaks, the totals show it; undo restores the draft
    other = next(c for c in editor.draft.cells if c != cell)
    index = editor.model.index_of(other)
    assert editor.model.setData(index, str(editor.draft.cells[other] + 1))
    assert editor.draft.cells[other] == optimised.cells[other] + 1
    assert not editor.assessment.valid
    assert editor.problems.count() >= 2  # the task over-covered, the member over-filled
    summary = editor.model.index(index.row(), 1)
    assert summary.data(Qt.ItemDataRole.ForegroundRole) is not None  # hours shown red
    page.undo_stack.undo()
    assert editor.draft == optimised and editor.assessment.valid
    page.undo_stack.redo()
    page.undo_stack.undo()
    # save the optimised draft as the current job complexes
    editor.ask_title = lambda: ("Autumn complexes", "After the autumn ratings")
    editor.save_button.click()
    current = assembly.job_complexes.current()
    assert current.title == "Autumn complexes" and current.id != saved.id
    assert dict(current.cells) == dict(optimised.cells)
    assert current.pinned == {cell: hours}
    assert current.found_by != "edited" and current.bound is not None
    assert editor.history.count() == 2
    # loading the older set back is an undoable step
    editor.history.setCurrentIndex(editor.history.findData(saved.id))
    editor.load_button.click()
    assert editor.draft.cells == saved.cells
    page.undo_stack.undo()
    assert editor.draft.cells == optimised.cells


def test_an_impossible_problem_lists_its_reasons(qtbot, page) -> None:
    editor = page.editor
    page.tabs.setCurrentWidget(editor)
    editor.max_tasks.setValue(1)
    editor.optimise_button.click()
    wait_for_optimiser(qtbot, editor)
    assert "No assignment can meet every rule" in editor.solver.text()
    reasons = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert reasons and any("at most 1" in r for r in reasons)


def test_tasks_tab_adds_a_task_and_imports_a_csv(qtbot, page, tmp_path, message_boxes) -> None:
    assembly = page.assembly
    panel = page.tasks
    ana = next(m.id for m in assembly.members.list_members() if m.display_name == "Ana")
    dialog = panel._dialog(None)
    dialog.name.setText("Sharpen the saws")
    dialog.hours.setValue(3)
    dialog.listed.setChecked(True)
    dialog.save()  # nobody ticked: refused, the dialog stays open with the reason
    assert "at least one member" in dialog.error.text()
    dialog.set_member(ana, qualified=True, training=False)
    dialog.save()
    task = next(t for t in assembly.tasks.list_tasks() if t.name == "Sharpen the saws")
    assert task.restricted and task.qualified == {ana}
    path = tmp_path / "tasks.csv"
    path.write_text("name,weekly_hours,qualified\nOil the chains,2,Ana\n", encoding="utf-8")
    panel.choose_csv_to_import = lambda: path
    shown = []
    panel.confirm_import = lambda d: shown.append(d.preview.ok) or True
    panel.import_csv()
    assert shown == [True]
    oiled = next(t for t in assembly.tasks.list_tasks() if t.name == "Oil the chains")
    assert oiled.qualified == {ana}
    assert any(r.name == "Oil the chains" for r in panel.model.rows())
    # a rated task cannot be deleted (it is kept for the record)
    panel.select(next(t.id for t in panel.model.rows() if t.name == "Bookkeeping"))
    panel.delete_task()
    assert any("Mark it inactive" in text for _, _, text in message_boxes.shown)


def test_impact_from_hours_on_chosen_tasks(qtbot, demo_file, message_boxes) -> None:
    from pareconapp.core.decisions import DecisionRule, RuleKind
    from pareconapp.services.decisions import DecisionFields
    from pareconapp.store.models import BallotMode
    from pareconapp.ui.app import create_application
    from pareconapp.ui.decisions.impact import ImpactEditor

    create_application()
    assembly = AssemblyService.open(demo_file, ManualClock())
    try:
        decision = assembly.decisions.create(
            DecisionFields(
                "Buy a welding fume extractor",
                rule=DecisionRule(RuleKind.SIMPLE_MAJORITY),
                ballot_mode=BallotMode.ROLL_CALL,
            )
        )
        editor = ImpactEditor()
        qtbot.addWidget(editor)
        editor.show_decision(assembly, assembly.decisions.decision(decision))
        editor.method.setCurrentIndex(editor.method.findData("hours"))
        assert editor.inputs.currentIndex() == 2
        welding = next(t for t in assembly.tasks.list_tasks() if t.name.startswith("Frame welding"))
        for row in range(editor.task_list.count()):
            item = editor.task_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == welding.id:
                item.setCheckState(Qt.CheckState.Checked)
        editor.rationale.setPlainText("The welders breathe the fumes every day.")
        editor.compute_button.click()
        row = assembly.decisions.decision(decision)
        assert row.impact_method == "hours"
        assert row.impact_input["tasks"] == [welding.id]
        hours = assembly.job_complexes.hours_on_tasks({welding.id})
        total = sum(hours.values())
        for member, weight in row.weights.weights.items():
            assert weight == hours[member] / total
        assert set(row.weights.weights) == {m for m, h in hours.items() if h > 0}
    finally:
        assembly.close()


def test_cancelling_the_optimiser_keeps_the_best_so_far(qtbot, page) -> None:
    editor = page.editor
    page.tabs.setCurrentWidget(editor)
    before = editor.assessment.balance.largest_deviation
    editor.time_limit.setValue(60)
    editor.optimise_button.click()
    with qtbot.waitSignal(editor.task.progressed, timeout=10_000):
        pass
    editor.cancel_button.click()
    wait_for_optimiser(qtbot, editor)
    assert "Stopped early" in editor.solver.text()
    assert editor.assessment.valid
    assert editor.assessment.balance.largest_deviation <= before
    assert editor.optimise_button.isEnabled() and not editor.cancel_button.isVisible()
