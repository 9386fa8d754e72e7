"""Peer effort ratings on the shared laptop: each member rates the others' effort."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pareconapp.ui.kiosk.session import KioskForm, KioskPerson, KioskSession

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.remuneration import EntryRow

_tr = QCoreApplication.translate


class EffortForm(KioskForm):
    """A slider and a number per colleague; a value must be set for each before review."""

    def __init__(
        self, colleagues: list[EntryRow], low: int, high: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.colleagues = colleagues
        self.low, self.high = low, high
        self.values: dict[int, QSpinBox] = {}
        intro = QLabel(
            self.tr(
                "Rate how hard each colleague worked this period, from {low} (very little "
                "effort) to {high} (great effort). Not output or talent: effort and "
                "commitment."
            ).format(low=low, high=high)
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.first: QSpinBox | None = None
        for row, colleague in enumerate(colleagues):
            name = QLabel(colleague.display_name)
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(low, high)
            spin = QSpinBox()
            spin.setRange(low - 1, high)
            spin.setSpecialValueText("—")
            spin.setValue(low - 1)
            spin.setAccessibleName(colleague.display_name)
            slider.setValue((low + high) // 2)
            slider.valueChanged.connect(spin.setValue)
            spin.valueChanged.connect(lambda v, s=slider: v >= self.low and s.setValue(v))
            spin.valueChanged.connect(lambda _v: self.changed.emit())
            grid.addWidget(name, row, 0)
            grid.addWidget(slider, row, 1)
            grid.addWidget(spin, row, 2)
            self.values[colleague.member_id] = spin
            self.first = self.first or spin
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)

    def ratings(self) -> dict[int, Decimal]:
        """The ratings given (only colleagues with a value)."""
        return {
            member: Decimal(spin.value())
            for member, spin in self.values.items()
            if spin.value() >= self.low
        }

    def is_complete(self) -> bool:
        """Every colleague rated."""
        return len(self.ratings()) == len(self.values)

    def hint(self) -> str:
        """Who is still unrated."""
        missing = len(self.values) - len(self.ratings())
        return self.tr("%n colleague(s) still to rate", "", missing)

    def review_html(self) -> str:
        """Each colleague with the rating given."""
        ratings = self.ratings()
        rows = "".join(
            f"<tr><td>{html.escape(c.display_name)}</td><td align='right'>"
            f"{ratings.get(c.member_id, '')}</td></tr>"
            for c in self.colleagues
        )
        return f"<table cellpadding='4'>{rows}</table>"

    def focus_first(self) -> None:
        """Start at the first colleague."""
        if self.first is not None:
            self.first.setFocus()
            self.first.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up and Down move between colleagues."""
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.focusNextPrevChild(event.key() == Qt.Key.Key_Down)
            return
        super().keyPressEvent(event)


class EffortKioskSession(KioskSession):
    """Collect a period's peer effort ratings on the shared laptop."""

    def __init__(self, assembly: AssemblyService, period_id: int) -> None:
        self.assembly = assembly
        self.period_id = period_id
        self.security = assembly.security
        self.row = assembly.remuneration.period(period_id)

    def title(self) -> str:
        """Effort ratings of the period."""
        return _tr("Remuneration", "Effort ratings: {period}").format(period=self.row.name)

    def people(self) -> list[KioskPerson]:
        """Members of the period; those who handed in are done."""
        done = self.assembly.remuneration.raters_done(self.period_id)
        return [
            KioskPerson(
                e.member_id,
                e.display_name,
                e.member_id not in done,
                e.member_id in done,
                _tr("Remuneration", "rated") if e.member_id in done else "",
            )
            for e in self.assembly.remuneration.entries(self.period_id)
        ]

    def needs_pin(self, member_id: int) -> bool:
        """PINs when the assembly uses them."""
        return self.assembly.security.uses_pins()

    def verify_pin(self, member_id: int, pin: str) -> bool:
        """Check the member's PIN."""
        return self.assembly.members.verify_pin(member_id, pin)

    def make_form(self, member_id: int) -> KioskForm:
        """Everyone but the rater."""
        scale = self.row.rules.effort_scale
        colleagues = [
            e
            for e in self.assembly.remuneration.entries(self.period_id)
            if e.member_id != member_id
        ]
        return EffortForm(colleagues, int(scale.low), int(scale.high))

    def submit(self, member_id: int, form: KioskForm) -> str | None:
        """Store the ratings (anonymous unless the period says otherwise)."""
        assert isinstance(form, EffortForm)
        self.assembly.remuneration.rate_effort(self.period_id, member_id, form.ratings())
        return None

    def progress_text(self) -> str:
        """How many have handed in."""
        done = len(self.assembly.remuneration.raters_done(self.period_id))
        total = len(self.assembly.remuneration.entries(self.period_id))
        return _tr("Remuneration", "{done} of {total} have rated").format(done=done, total=total)
