"""Rating rounds: the list, a round's setup, taking it (kiosk or paper), closing, results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pareconapp.store.models_jobs import RoundStatus
from pareconapp.ui import passphrase
from pareconapp.ui.guard import attempt, guarded
from pareconapp.ui.jobs.labels import round_status
from pareconapp.ui.jobs.results import RoundResultsView
from pareconapp.ui.jobs.round_setup import RoundSetup

if TYPE_CHECKING:
    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.ratings import RatingRoundRow


class RoundsPanel(QWidget):
    """Every rating round; the selected one's setup, actions and results."""

    changed = Signal()
    """A round was created, opened, rated or closed (other tabs may show new ratings)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.round: RatingRoundRow | None = None
        self.kiosk: QWidget | None = None
        self.kiosk_full_screen = True
        """Whether the shared-laptop screen fills the screen (tests and screenshots: no)."""
        self.rows: list[RatingRoundRow] = []
        self.chooser = QComboBox()
        self.chooser.setObjectName("roundChooser")
        self.chooser.setAccessibleName(self.tr("Rating round"))
        self.chooser.setMinimumWidth(360)
        self.new_button = QPushButton(self.tr("New &round"))
        self.follow_up_button = QPushButton(self.tr("&Follow-up for contested tasks"))
        self.follow_up_button.setToolTip(
            self.tr("A new round re-rating only the tasks this closed round flags as contested")
        )
        self.delete_button = QPushButton(self.tr("Delete draft"))

        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.heading.setWordWrap(True)
        self.progress = QLabel()
        self.open_button = QPushButton(self.tr("&Open for rating…"))
        self.open_button.setObjectName("primaryButton")
        self.kiosk_button = QPushButton(self.tr("Rate on the &shared laptop"))
        self.kiosk_button.setObjectName("primaryButton")
        self.paper_button = QPushButton(self.tr("Type in &paper forms…"))
        self.close_button = QPushButton(self.tr("&Close the round…"))
        self.setup = RoundSetup()
        self.results = RoundResultsView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.setup, self.tr("Setup"))
        self.tabs.addTab(self.results, self.tr("Results"))

        choose = QHBoxLayout()
        label = QLabel(self.tr("R&ound:"))
        label.setBuddy(self.chooser)
        choose.addWidget(label)
        choose.addWidget(self.chooser, 1)
        choose.addWidget(self.new_button)
        choose.addWidget(self.follow_up_button)
        choose.addWidget(self.delete_button)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.kiosk_button)
        actions.addWidget(self.paper_button)
        actions.addWidget(self.close_button)
        actions.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(choose)
        layout.addWidget(self.heading)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)

        self.chooser.activated.connect(lambda _: self._show_selected())
        self.new_button.clicked.connect(self.new_round)
        self.follow_up_button.clicked.connect(self.follow_up)
        self.delete_button.clicked.connect(self.delete_draft)
        self.open_button.clicked.connect(self.open_round)
        self.kiosk_button.clicked.connect(self.start_kiosk)
        self.paper_button.clicked.connect(self.type_paper_forms)
        self.close_button.clicked.connect(self.close_round)
        self.setup.saved.connect(self._saved)

    # -- showing ----------------------------------------------------------------------------

    def set_assembly(self, assembly: AssemblyService | None) -> None:
        """Show ``assembly``'s rounds."""
        self.assembly = assembly
        self.round = None
        self.refresh()

    def refresh(self) -> None:
        """Reload the rounds, keeping the selection."""
        if self.assembly is None:
            self.rows = []
            self.chooser.clear()
            return
        keep = self.round.id if self.round else None
        self.rows = self.assembly.ratings.list_rounds()
        self.select(keep if keep is not None else (self.rows[0].id if self.rows else None))

    def _fill_chooser(self, chosen: int | None) -> None:
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for row in self.rows:
            self.chooser.addItem(
                self.tr("{title} ({status}, {done}/{raters} rated)").format(
                    title=row.title,
                    status=round_status(row.status),
                    done=row.done_count,
                    raters=len(row.rater_ids),
                ),
                row.id,
            )
        if chosen is None:
            self.chooser.addItem(self.tr("(a new round)"), None)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(chosen)))
        self.chooser.blockSignals(False)

    def select(self, round_id: int | None) -> None:
        """Select a round (or none: a new round's setup)."""
        known = any(r.id == round_id for r in self.rows)
        self._fill_chooser(round_id if known else None)
        if known:
            self._show_selected()
        else:
            self._show(None)

    def _show_selected(self) -> None:
        round_id = self.chooser.currentData()
        row = None
        if round_id is not None and self.assembly is not None:
            row = self.assembly.ratings.round(int(round_id))
        self._show(row)

    def _show(self, row: RatingRoundRow | None) -> None:
        self.round = row
        if self.assembly is None:
            return
        status = row.status if row else None
        if row is None:
            self.heading.setText(self.tr("New rating round"))
            self.progress.clear()
        else:
            anonymous = self.tr("anonymous") if row.anonymous else self.tr("names kept")
            self.heading.setText(
                self.tr("{title} — {status} · scale {low}–{high} · {anonymous}").format(
                    title=row.title,
                    status=round_status(row.status),
                    low=row.scale_low,
                    high=row.scale_high,
                    anonymous=anonymous,
                )
            )
            self.progress.setText(
                self.tr("%n task(s)", "", len(row.task_ids))
                + " · "
                + self.tr("{done} of {raters} raters have rated").format(
                    done=row.done_count, raters=len(row.rater_ids)
                )
            )
        self.open_button.setVisible(status is RoundStatus.DRAFT)
        for button in (self.kiosk_button, self.paper_button, self.close_button):
            button.setVisible(status is RoundStatus.OPEN)
        self.delete_button.setEnabled(status is RoundStatus.DRAFT)
        self.follow_up_button.setEnabled(status is RoundStatus.CLOSED)
        self.setup.show_round(self.assembly, row)
        closed = status is RoundStatus.CLOSED
        results = self.assembly.ratings.results(row.id) if closed and row else None
        self.results.show_results(self.assembly, results)
        self.tabs.setTabEnabled(1, closed)
        self.tabs.setCurrentIndex(1 if closed else 0)

    def _saved(self, round_id: int) -> None:
        self.round = None
        self.refresh()
        self.select(round_id)
        self.changed.emit()

    # -- actions ----------------------------------------------------------------------------

    def new_round(self) -> None:
        """A new round's setup (every active task and member ticked)."""
        self._fill_chooser(None)
        self._show(None)
        self.tabs.setCurrentIndex(0)
        self.setup.title.setFocus()

    def follow_up(self) -> None:
        """Prepare a round re-rating the contested tasks of the selected closed round."""
        row, assembly = self.round, self.assembly
        if row is None or assembly is None:
            return
        title = self.tr("{title} – contested tasks").format(title=row.title)
        round_id = guarded(self, lambda: assembly.ratings.follow_up(row.id, title))
        if round_id is not None:
            self._saved(round_id)

    def delete_draft(self) -> None:
        """Delete the selected draft round."""
        row, assembly = self.round, self.assembly
        if row is None or assembly is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete round"),
            self.tr("Delete the draft round “{title}”?").format(title=row.title),
        )
        if answer == QMessageBox.StandardButton.Yes and attempt(
            self, lambda: assembly.ratings.delete_round(row.id)
        ):
            self.round = None
            self.refresh()

    def open_round(self) -> None:
        """Open the draft for rating (facilitator passphrase)."""
        row, assembly = self.round, self.assembly
        if row is None or assembly is None:
            return
        if not passphrase.confirm_facilitator(
            assembly.security,
            self.tr(
                "Facilitator passphrase: open “{title}” for rating. Its tasks, raters and "
                "scale are then fixed."
            ).format(title=row.title),
            self,
        ):
            return
        if attempt(self, lambda: assembly.ratings.open_round(row.id)):
            self._saved(row.id)

    def close_round(self) -> None:
        """Close the open round (facilitator passphrase); its results are then shown."""
        row, assembly = self.round, self.assembly
        if row is None or assembly is None:
            return
        done, chosen = assembly.ratings.progress(row.id)
        if not passphrase.confirm_facilitator(
            assembly.security,
            self.tr(
                "Facilitator passphrase: close “{title}”. Nobody can rate after this; "
                "{missing} of {chosen} raters have not rated."
            ).format(title=row.title, missing=chosen - done, chosen=chosen),
            self,
        ):
            return
        if attempt(self, lambda: assembly.ratings.close_round(row.id)):
            self._saved(row.id)

    def start_kiosk(self) -> None:
        """Hand the laptop round: the full-screen rating kiosk for the open round."""
        row, assembly = self.round, self.assembly
        if row is None or assembly is None:
            return
        from pareconapp.ui.jobs.kiosk import RatingKioskSession
        from pareconapp.ui.kiosk.window import KioskWindow

        session = guarded(self, lambda: RatingKioskSession(assembly, row.id))
        if session is None:
            return
        kiosk = KioskWindow(session, self)
        self.kiosk = kiosk
        kiosk.finished.connect(lambda _outcome: self._kiosk_finished(row.id))
        kiosk.start(self.kiosk_full_screen)

    def _kiosk_finished(self, round_id: int) -> None:
        kiosk, self.kiosk = self.kiosk, None
        if kiosk is not None:
            kiosk.deleteLater()
        self._saved(round_id)

    def type_paper_forms(self) -> None:
        """Type in the raters' paper forms."""
        row, assembly = self.round, self.assembly
        if row is None or assembly is None:
            return
        from pareconapp.ui.jobs.paper_grid import PaperFormsDialog

        dialog = PaperFormsDialog(assembly, row.id, self)
        self.run_dialog(dialog)
        if dialog.recorded:
            self._saved(row.id)

    def run_dialog(self, dialog: QDialog) -> None:
        """Show a modal dialog (tests replace this to drive it)."""
        dialog.exec()
