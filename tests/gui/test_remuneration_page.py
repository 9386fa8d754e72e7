"""The Remuneration page: open a period, enter hours, collect effort ratings on the kiosk,
contest a rating, approve, export."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from pareconapp.services.assembly import AssemblyService
from pareconapp.store.models_remuneration import PeriodStatus
from pareconapp.ui.pages.remuneration import RemunerationPage
from pareconapp.ui.remuneration.dialogs import EntryDialog, PeriodDialog
from pareconapp.ui.remuneration.effort_kiosk import EffortForm, EffortKioskSession

pytestmark = pytest.mark.gui


@pytest.fixture
def page(open_page):
    return open_page(RemunerationPage)


def test_the_demo_periods_are_shown_with_breakdowns(page) -> None:
    assert page.periods.count() == 2
    assert page.current.status is PeriodStatus.OPEN
    total = sum(
        Decimal(page.table.item(r, 9).text().replace(",", "")) for r in range(page.table.rowCount())
    )
    assert total == page.table_data.remuneration.total
    page.table.selectRow(0)
    text = page.breakdown.toPlainText()
    assert "Score =" in text
    assert "Share =" in text


def test_enter_a_period_rate_contest_approve_export(qtbot, page, monkeypatch, tmp_path) -> None:
    def period_exec(dialog: PeriodDialog) -> int:
        dialog.day.setDate(dialog.day.date().addYears(1))
        dialog.amount.setText("90000")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PeriodDialog, "exec", period_exec)
    page.new_button.click()
    period = page.current
    assert page.periods.count() == 3
    assert page.table_data.remuneration.budget == Decimal(90000)

    def entry_exec(dialog: EntryDialog) -> int:
        dialog.hours.setText("100")
        dialog.reason.setText("started in the middle of the quarter")
        return QDialog.DialogCode.Accepted

    page.table.selectRow(0)
    monkeypatch.setattr(EntryDialog, "exec", entry_exec)
    page.edit_button.click()
    assert page.table.item(0, 1).text() == "100.00"

    # two members rate on the shared laptop
    session = EffortKioskSession(page.assembly, period.id)
    people = session.people()
    for rater in people[:2]:
        form = session.make_form(rater.member_id)
        assert isinstance(form, EffortForm)
        for spin in form.values.values():
            spin.setValue(9)
        assert form.is_complete()
        session.submit(rater.member_id, form)
        form.deleteLater()
    assert {p.member_id for p in session.people() if p.done} == {p.member_id for p in people[:2]}
    page._fill_table()
    rated = page.table_data.remuneration.members[2]
    assert rated.scored.effort.value == 9

    # contest a rating: it lands on the next meeting's agenda
    monkeypatch.setattr(
        "PySide6.QtWidgets.QInputDialog.getText",
        lambda *args, **kwargs: ("My effort was higher than that", True),
    )
    page.table.selectRow(2)
    page.contest_button.click()
    planned = next(m for m in page.assembly.meetings.list_meetings() if m.status.value == "planned")
    titles = [i.title for i in page.assembly.meetings.meeting(planned.id).items]
    assert any(t.startswith("Effort rating contested") for t in titles)

    target = tmp_path / "table.csv"
    monkeypatch.setattr(page, "choose_export_path", lambda suggestion: target)
    page.export_button.click()
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == page.table.rowCount()
    assert sum(Decimal(r["share"]) for r in rows) == Decimal(90000)

    page.approve_button.click()
    assert page.assembly.remuneration.period(period.id).status is PeriodStatus.APPROVED
    assert not page.edit_button.isEnabled()


def test_cli_exports_the_last_period(page, tmp_path: Path, capsys) -> None:
    from pareconapp.cli import main

    path = page.assembly.path
    page.assembly.close()
    out = tmp_path / "out.csv"
    assert main(["remuneration", str(path), "--period", "last", "--csv", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("member,hours_worked")
    assert main(["remuneration", str(path), "--period", "nonesuch"]) == 2
    assert "no period" in capsys.readouterr().err
    page.assembly = AssemblyService.open(path)  # let the fixture close it
