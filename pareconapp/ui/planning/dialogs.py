"""Forms of the Planning area: a new planning year, real or a walk-through."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pareconapp.services.planning import DEFAULT_RULE, PRICE_RULE_NAMES, YearFields
from pareconapp.store.models import CouncilKind
from pareconapp.store.models_planning import PlanningRole
from pareconapp.ui.forms import error_label, ok_cancel
from pareconapp.ui.planning import labels

if TYPE_CHECKING:
    from pareconapp.services.members import CouncilRow


class YearDialog(QDialog):
    """A new planning year: its name, this assembly's role and id, the IFB's settings.

    With *walk-through* checked, the rest of the federation is simulated (a generated economy,
    or an economy file such as the Pequod data of *Democratic Economic Planning*).
    """

    def __init__(
        self,
        councils: list[CouncilRow],
        assembly_name: str,
        next_year: int,
        practice: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("New walk-through") if practice else self.tr("New planning year")
        )
        self.councils = councils
        self.name = QLineEdit(self.tr("Walk-through") if practice else str(next_year))
        self.role = QComboBox()
        for value in (PlanningRole.WORKER, PlanningRole.CONSUMER, PlanningRole.IFB):
            self.role.addItem(labels.role(value), value.value)
        self.code = QLineEdit(_slug(assembly_name))
        self.code.setToolTip(
            self.tr("Lower-case letters, digits, '-', '.' or '_': the same in every file")
        )
        self.display_name = QLineEdit(assembly_name)
        self.council = QComboBox()
        self.rule = QComboBox()
        for name in PRICE_RULE_NAMES:
            self.rule.addItem(labels.rule(name), name)
        self.rule.setCurrentIndex(self.rule.findData("dep" if practice else DEFAULT_RULE))
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.5, 50)
        self.threshold.setSuffix(" %")
        self.threshold.setValue(5)
        self.max_rounds = QSpinBox()
        self.max_rounds.setRange(1, 1000)
        self.max_rounds.setValue(20)

        self.practice = QCheckBox(self.tr("&Walk-through: simulate the rest of the federation"))
        self.practice.setChecked(practice)
        self.generated = QRadioButton(self.tr("&Generate councils"))
        self.generated.setChecked(True)
        self.from_file = QRadioButton(self.tr("Economy &file (Pequod EDN or .npz)"))
        self.seed = QSpinBox()
        self.seed.setRange(1, 1_000_000)
        self.seed.setValue(1)
        self.councils_per_kind = QSpinBox()
        self.councils_per_kind.setRange(1, 100_000)
        self.councils_per_kind.setValue(60)
        self.goods_per_kind = QSpinBox()
        self.goods_per_kind.setRange(1, 100)
        self.goods_per_kind.setValue(3)
        self.economy_path = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.economy_path, 1)
        path_row.addWidget(browse)
        simulation = QGroupBox(self.tr("Simulated federation"))
        simulated = QFormLayout(simulation)
        simulated.addRow(self.generated)
        simulated.addRow(self.tr("Councils of each kind:"), self.councils_per_kind)
        simulated.addRow(self.tr("Goods of each kind:"), self.goods_per_kind)
        simulated.addRow(self.tr("Seed:"), self.seed)
        simulated.addRow(self.from_file)
        simulated.addRow(path_row)
        self.simulation = simulation

        form = QFormLayout()
        form.addRow(self.tr("&Name of the year:"), self.name)
        form.addRow(self.tr("This assembly is the:"), self.role)
        form.addRow(self.tr("Its &id in the federation:"), self.code)
        form.addRow(self.tr("Its name in the &federation:"), self.display_name)
        form.addRow(self.tr("&Local council:"), self.council)
        form.addRow(self.tr("IFB's price &rule:"), self.rule)
        form.addRow(self.tr("Stop when every good is &within:"), self.threshold)
        form.addRow(self.tr("…or after &rounds:"), self.max_rounds)
        note = QLabel(
            self.tr(
                "A council takes its goods and prices from the IFB's round files; an IFB sets "
                "up the goods and the councils next. Rounds cost real meetings: the Newton and "
                "secant rules need far fewer of them than the DEP rule."
            )
        )
        note.setWordWrap(True)
        self.error = error_label()
        buttons = ok_cancel(self, self._check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.practice)
        layout.addWidget(simulation)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.role.currentIndexChanged.connect(lambda _: self._role_changed())
        self.practice.toggled.connect(self.simulation.setVisible)
        self.simulation.setVisible(practice)
        self._role_changed()

    def _role_changed(self) -> None:
        role = PlanningRole(self.role.currentData())
        kind = {
            PlanningRole.WORKER: CouncilKind.WORKER,
            PlanningRole.CONSUMER: CouncilKind.CONSUMER,
        }.get(role)
        self.council.clear()
        self.council.addItem(self.tr("(none)"), None)
        for council in self.councils:
            if council.kind is kind:
                self.council.addItem(council.name, council.id)
        if self.council.count() > 1:
            self.council.setCurrentIndex(1)
        self.council.setEnabled(kind is not None)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Economy file"),
            "",
            self.tr("Economies (*.clj *.edn *.npz);;All files (*)"),
        )
        if name:
            self.economy_path.setText(name)
            self.from_file.setChecked(True)

    def _check(self) -> None:
        wants_file = self.practice.isChecked() and self.from_file.isChecked()
        if wants_file and not Path(self.economy_path.text()).is_file():
            self.error.setText(self.tr("Choose the economy file."))
            self.error.show()
            return
        self.accept()

    def fields(self) -> YearFields:
        """What was entered."""
        return YearFields(
            self.name.text(),
            PlanningRole(self.role.currentData()),
            self.code.text(),
            self.display_name.text(),
            self.council.currentData(),
            self.rule.currentData(),
            self.threshold.value() / 100,
            self.max_rounds.value(),
        )

    def economy_file(self) -> Path | None:
        """The chosen economy file (``None``: generate one)."""
        if self.practice.isChecked() and self.from_file.isChecked():
            return Path(self.economy_path.text())
        return None


def _slug(name: str) -> str:
    words = "".join(c.lower() if c.isascii() and c.isalnum() else "-" for c in name).split("-")
    return "-".join(w for w in words if w)[:40] or "our-council"
