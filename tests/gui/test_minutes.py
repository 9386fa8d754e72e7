"""The minutes in the desktop app: File > Export Minutes, the preview, export in the
background, approval proposed at the next meeting, errata, the Meetings page button."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from pareconapp.exports.formats import ExportFormat
from pareconapp.services.assembly import AssemblyService
from pareconapp.services.clock import ManualClock
from pareconapp.services.minutes import ApprovalState
from pareconapp.ui import passphrase
from pareconapp.ui.minutes.dialog import MinutesDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def assembly(demo_file):
    service = AssemblyService.open(demo_file, ManualClock())
    yield service
    service.close()


@pytest.fixture
def dialog(qtbot, assembly, message_boxes):
    from pareconapp.ui.app import create_application

    create_application()
    widget = MinutesDialog(assembly)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.document is not None, timeout=10_000)
    yield widget
    widget.done(0)


def _choose(dialog, monkeypatch, fmt: ExportFormat, path) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData(fmt.value))
    monkeypatch.setattr(dialog, "choose_export_path", lambda _fmt, _suggestion: path)


def test_preview_of_the_last_meeting_held(dialog, assembly) -> None:
    assert dialog.meeting_id() == assembly.minutes.last_meeting_id()
    assert dialog.meeting.count() == 2  # the planned meeting has no minutes
    text = dialog.preview.toPlainText()
    assert "Minutes of General assembly - jig quotes" in text
    assert "Decision: Colour of the new workshop door" in text
    assert "Draft minutes" in dialog.status.text()
    assert dialog.export_button.isEnabled()
    assert dialog.approve_button.isEnabled()
    assert not dialog.erratum_button.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData(ExportFormat.HTML.value))
    assert not dialog.paper.isEnabled()


def test_switching_meetings_rebuilds_the_preview(qtbot, dialog) -> None:
    dialog.meeting.setCurrentIndex(1)
    qtbot.waitUntil(
        lambda: dialog.document is not None and "spring" in dialog.document.title, timeout=10_000
    )
    assert "Open on Saturdays from June to August" in dialog.preview.toPlainText()


def test_export_pdf_in_the_background(qtbot, dialog, monkeypatch, tmp_path) -> None:
    target = tmp_path / "minutes.pdf"
    _choose(dialog, monkeypatch, ExportFormat.PDF, target)
    seen: list[tuple[int, int]] = []
    dialog.export()
    task = dialog._export_task
    assert task is not None and not dialog.export_button.isEnabled()
    task.progressed.connect(lambda done, total, _m: seen.append((done, total)))
    qtbot.waitUntil(lambda: dialog._export_task is None, timeout=20_000)
    assert target.read_bytes().startswith(b"%PDF")
    assert dialog.exported_paths == [target]
    assert "minutes.pdf" in dialog.message.text()
    assert dialog.export_button.isEnabled() and dialog.progress.isHidden()
    assert seen and seen[-1][0] == seen[-1][1]


def test_export_csv_writes_three_tables(qtbot, dialog, monkeypatch, tmp_path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    _choose(dialog, monkeypatch, ExportFormat.CSV, folder / "minutes.csv")
    dialog.export()
    qtbot.waitUntil(lambda: dialog._export_task is None, timeout=20_000)
    assert sorted(p.name for p in folder.iterdir()) == [
        "minutes-actions.csv",
        "minutes-decisions.csv",
        "minutes-votes.csv",
    ]


def test_export_error_is_shown(qtbot, dialog, monkeypatch, tmp_path, message_boxes) -> None:
    _choose(dialog, monkeypatch, ExportFormat.MARKDOWN, tmp_path / "missing" / "minutes.md")
    dialog.export()
    qtbot.waitUntil(lambda: dialog._export_task is None, timeout=20_000)
    assert message_boxes.shown[-1][0] == "warning"
    assert "Could not write" in message_boxes.shown[-1][2]


def test_propose_approval_needs_the_passphrase(qtbot, dialog, assembly, monkeypatch) -> None:
    monkeypatch.setattr(passphrase, "confirm_facilitator", lambda *args: False)
    dialog.propose_approval()
    assert assembly.minutes.state(dialog.meeting_id()).approval is ApprovalState.NONE
    monkeypatch.setattr(passphrase, "confirm_facilitator", lambda *args: True)
    dialog.propose_approval()
    state = assembly.minutes.state(dialog.meeting_id())
    assert state.approval is ApprovalState.PROPOSED
    assert state.approval_decision_title.startswith("Approve the minutes of")
    assert dialog.changed
    qtbot.waitUntil(lambda: dialog.document is not None, timeout=10_000)
    assert "their approval is on the next agenda" in dialog.status.text()
    assert not dialog.approve_button.isEnabled()


def test_erratum_on_approved_minutes(qtbot, dialog, assembly, monkeypatch) -> None:
    meeting = dialog.meeting_id()
    decision = assembly.minutes.propose_approval(meeting)
    upcoming = assembly.decisions.decision(decision).meeting_id
    members = assembly.members.list_members(active_only=True)
    for member in members:
        assembly.attendance.check_in(upcoming, member.id)
    assembly.decisions.open_ballot(decision)
    assembly.decisions.set_hand_counts(decision, {(0, '"yes"'): len(members)})
    assembly.decisions.close_ballot(decision)
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.document is not None, timeout=10_000)
    assert "Approved minutes" in dialog.status.text()
    assert dialog.erratum_button.isEnabled() and not dialog.preface_button.isEnabled()
    monkeypatch.setattr(passphrase, "confirm_facilitator", lambda *args: True)
    monkeypatch.setattr(dialog, "ask_erratum", lambda: "Greta arrived at 17:45.")
    dialog.add_erratum()
    qtbot.waitUntil(
        lambda: dialog.document is not None and dialog.document.sections[-1].key == "errata",
        timeout=10_000,
    )
    assert "Greta arrived at 17:45." in dialog.preview.toPlainText()


def test_preface(qtbot, dialog, assembly, monkeypatch) -> None:
    monkeypatch.setattr(dialog, "ask_preface", lambda current: "<p>Chaired by Bilal.</p>")
    dialog.edit_preface()
    qtbot.waitUntil(lambda: dialog.document is not None, timeout=10_000)
    assert dialog.document.sections[0].key == "preface"
    assert assembly.minutes.state(dialog.meeting_id()).preface == "<p>Chaired by Bilal.</p>"


def test_file_menu_action_and_meetings_button(qtbot, window, demo_file, monkeypatch) -> None:
    from tests.gui.conftest import open_and_wait

    action = window.minutes_action  # the main window installs it
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert texts.index("Export &Minutes…") == texts.index("Save a &Copy As…") - 1
    assert not action.isEnabled()
    open_and_wait(qtbot, window, demo_file)
    assert action.isEnabled()
    opened: list[int | None] = []

    def fake_exec(self) -> int:
        opened.append(self.meeting_id())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(MinutesDialog, "exec", fake_exec)
    meetings = next(p for p in window.pages if p.area_id == "meetings")
    window.show_area(window.pages.index(meetings))
    planned = next(m for m in meetings.list_model.rows() if m.status.value == "planned")
    meetings.select_meeting(planned.id)
    assert not meetings.minutes_button.isEnabled()
    held = window.assembly.minutes.last_meeting_id()
    meetings.select_meeting(held)
    assert meetings.minutes_button.isEnabled()
    meetings.minutes_button.click()
    action.trigger()
    assert opened == [held, held]
    window.close_assembly()
    assert not action.isEnabled()
