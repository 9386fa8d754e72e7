"""The job-complex editor: the hours matrix, the optimiser, the balance chart, saving.

The editor holds a *draft* (hours per cell and the pinned cells). Every change - a cell
typed in, pins set or released, the optimiser's answer, a saved set loaded - is an undo
step on the page's undo stack, and after each the draft is measured again
(:func:`~pareconapp.core.jobs.assess_assignment`): hours filled, each complex's deviation
from the workplace averages, the rules broken. The optimiser runs in a
:class:`~pareconapp.ui.background.BackgroundTask` with a progress bar (time used of the
limit) and Cancel; it keeps the pinned cells and re-shares the rest. Saving (facilitator
passphrase) records the draft as the workplace's current job complexes.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.i18n import UserError
from pareconapp.i18n import render
from pareconapp.services.job_complexes import (
    Cell,
    JobComplexInputs,
    JobComplexService,
    SavedAssignment,
    SolverReport,
)
from pareconapp.ui import passphrase
from pareconapp.ui.background import BackgroundTask
from pareconapp.ui.errors import show_user_error
from pareconapp.ui.jobs.charts import ComplexScatter, ComplexScatterData, ScatterPoint
from pareconapp.ui.jobs.labels import (
    GOOD,
    POOR,
    deviation,
    found_by,
    hours,
    percent_of_range,
)
from pareconapp.ui.jobs.matrix import ComplexMatrixModel, MatrixViews

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pareconapp.core.jobs import Assessment, JobComplexSolution
    from pareconapp.services.assembly import AssemblyService


@dataclass(frozen=True)
class Draft:
    """Hours per cell (non-zero) and the pinned cells."""

    cells: Mapping[Cell, float]
    pinned: frozenset[Cell] = frozenset()

    def pins(self) -> dict[Cell, float]:
        """The pinned cells with their hours (what the optimiser must keep)."""
        return {cell: self.cells.get(cell, 0.0) for cell in self.pinned}


class DraftChange(QUndoCommand):
    """One change of the draft: from ``before`` to ``after``."""

    def __init__(self, editor: JobComplexEditor, text: str, before: Draft, after: Draft) -> None:
        super().__init__(text)
        self.editor, self.before, self.after = editor, before, after

    def redo(self) -> None:
        """Show the draft after the change."""
        self.editor.show_draft(self.after)

    def undo(self) -> None:
        """Show the draft before the change."""
        self.editor.show_draft(self.before)


class SaveDialog(QDialog):
    """Title and note of a set of job complexes being saved."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save as the current job complexes"))
        self.title = QLineEdit(title)
        self.title.setMaxLength(200)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Why this set, what changed (for the history)"))
        self.note.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Note:"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, 260)


class JobComplexEditor(QWidget):
    """Members x tasks hours with live balance, the optimiser, the chart and saving."""

    saved = Signal(int)
    """A set of job complexes was saved (its id)."""
    balance_changed = Signal()
    """The draft (and so its balance) changed."""

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.assembly: AssemblyService | None = None
        self.inputs = JobComplexInputs((), (), 1, 20)
        self.draft = Draft({})
        self.assessment: Assessment | None = None
        self.task: BackgroundTask | None = None
        self._report: tuple[Draft, SolverReport, JobComplexSolution] | None = None
        self._highlight: int | None = None

        self.max_tasks = QSpinBox()
        self.max_tasks.setRange(1, 50)
        self.max_tasks.setToolTip(self.tr("K: the most distinct tasks in one member's complex"))
        self.time_limit = QDoubleSpinBox()
        self.time_limit.setRange(1, 3600)
        self.time_limit.setDecimals(0)
        self.time_limit.setSuffix(self.tr(" s"))
        self.keep_weight = QDoubleSpinBox()
        self.keep_weight.setRange(0, 10)
        self.keep_weight.setDecimals(2)
        self.keep_weight.setSingleStep(0.05)
        self.keep_weight.setSpecialValueText(self.tr("no"))
        self.keep_weight.setToolTip(
            self.tr(
                "Keep close to the draft: rating points one hour moved is worth (0: ignore "
                "the draft and balance only)"
            )
        )
        self.optimise_button = QPushButton(self.tr("&Optimise (keeps pinned cells)"))
        self.optimise_button.setObjectName("primaryButton")
        self.optimise_button.setToolTip(self.tr("Re-share every cell that is not pinned (Ctrl+R)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.pin_button = QPushButton(self.tr("&Pin / unpin"))
        self.pin_button.setToolTip(
            self.tr("Pin the selected cells (the optimiser keeps them) or release them (Ctrl+P)")
        )
        self.balance = QLabel()
        self.balance.setObjectName("complexBalance")
        self.balance.setWordWrap(True)
        self.balance.setTextFormat(Qt.TextFormat.RichText)
        self.solver = QLabel()
        self.solver.setObjectName("solverReport")
        self.solver.setWordWrap(True)
        self.model = ComplexMatrixModel(self._cell_edited, self)
        self.views = MatrixViews(self.model)
        self.chart = ComplexScatter()
        self.chart.setObjectName("complexChart")
        self.problems = QListWidget()
        self.problems.setObjectName("complexProblems")
        self.problems.setAccessibleName(self.tr("Rules the draft breaks"))
        self.problems.setWordWrap(True)
        self.problems_heading = QLabel()
        self.problems_heading.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("complexDetail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.history = QComboBox()
        self.history.setAccessibleName(self.tr("Saved job complexes"))
        self.load_button = QPushButton(self.tr("&Load"))
        self.load_button.setToolTip(self.tr("Load a saved set into the editor (undoable)"))
        self.save_button = QPushButton(self.tr("&Save as current…"))
        self.save_button.setObjectName("primaryButton")

        settings = QHBoxLayout()
        for text, widget in (
            (self.tr("Most tasks per member (K):"), self.max_tasks),
            (self.tr("Time limit:"), self.time_limit),
            (self.tr("Keep close to the draft:"), self.keep_weight),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            settings.addWidget(label)
            settings.addWidget(widget)
            settings.addSpacing(8)
        settings.addStretch(1)
        settings.addWidget(self.pin_button)
        settings.addWidget(self.optimise_button)
        run = QHBoxLayout()
        run.addWidget(self.progress, 1)
        run.addWidget(self.cancel_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.chart, 0)
        right_layout.addWidget(self.detail)
        right_layout.addWidget(self.problems_heading)
        right_layout.addWidget(self.problems, 2)
        right_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.views)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([700, 340])
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Saved:")))
        bottom.addWidget(self.history, 1)
        bottom.addWidget(self.load_button)
        bottom.addSpacing(24)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(settings)
        layout.addLayout(run)
        layout.addWidget(self.balance)
        layout.addWidget(self.solver)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.optimise_button.clicked.connect(self.optimise)
        self.cancel_button.clicked.connect(self.cancel)
        self.pin_button.clicked.connect(self.toggle_pins)
        self.load_button.clicked.connect(self.load_selected)
        self.save_button.clicked.connect(self.save)
        for view in (self.views.summary, self.views.tasks):
            view.selectionModel().currentChanged.connect(lambda *_: self._selection_changed())
        for keys, slot in (("Ctrl+P", self.toggle_pins), ("Ctrl+R", self.optimise)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- loading ----------------------------------------------------------------------------

    def set_assembly(self, assembly: AssemblyService | None) -> None:
        """Edit ``assembly``'s job complexes, starting from the current saved set."""
        if self.task is not None and not self.task.is_finished:
            self.task.cancel()
        self.task = None
        self.assembly = assembly
        self.draft = Draft({})
        self._report = None
        self.undo_stack.clear()
        if assembly is None:
            self.inputs = JobComplexInputs((), (), 1, 20)
            self.model.set_inputs(self.inputs)
            self.show_draft(self.draft)
            return
        settings = assembly.job_complexes.settings()
        self.max_tasks.setValue(settings.max_tasks)
        self.time_limit.setValue(settings.time_limit)
        self.keep_weight.setValue(settings.keep_weight)
        self.refresh()
        current = assembly.job_complexes.current()
        if current is not None:
            self.show_draft(self._draft_of(current))

    def refresh(self) -> None:
        """Reload tasks, ratings, members and the saved sets; keep the draft."""
        if self.assembly is None:
            return
        self.inputs = self.assembly.job_complexes.inputs()
        self.model.set_inputs(self.inputs)
        self.history.clear()
        for saved in self.assembly.job_complexes.history():
            self.history.addItem(
                self.tr("{title} ({date}, largest deviation {deviation})").format(
                    title=saved.title,
                    date=saved.created_at.strftime("%Y-%m-%d"),
                    deviation=f"{saved.largest_deviation:.2f}",
                ),
                saved.id,
            )
        self.load_button.setEnabled(self.history.count() > 0)
        self.show_draft(self._known(self.draft))

    def _known(self, draft: Draft) -> Draft:
        """The draft without cells of tasks or members no longer in the inputs."""
        tasks = {t.id for t in self.inputs.tasks}
        members = {m.id for m in self.inputs.members}

        def known(cell: Cell) -> bool:
            return cell[0] in tasks and cell[1] in members

        return Draft(
            {c: h for c, h in draft.cells.items() if known(c)},
            frozenset(c for c in draft.pinned if known(c)),
        )

    def _draft_of(self, saved: SavedAssignment) -> Draft:
        return self._known(Draft(dict(saved.cells), frozenset(saved.pinned)))

    # -- the draft --------------------------------------------------------------------------

    def change(self, text: str, after: Draft) -> None:
        """Make a change of the draft as an undo step."""
        self.undo_stack.push(DraftChange(self, text, self.draft, after))

    def show_draft(self, draft: Draft) -> None:
        """Show ``draft`` and its balance (undo steps call this)."""
        self.draft = Draft({c: h for c, h in draft.cells.items() if h > 0}, draft.pinned)
        self.assessment = None
        problem_error: str | None = None
        if self.assembly is not None and self.inputs.tasks and self.inputs.members:
            try:
                problem = self.inputs.problem(self.max_tasks.value(), self.draft.pins())
                self.assessment = JobComplexService.assess(problem, self.draft.cells)
            except UserError as error:
                problem_error = render(error.message)
        balance = self.assessment.balance if self.assessment else None
        self.model.set_draft(self.draft.cells, self.draft.pinned, balance)
        self._show_balance(problem_error)
        self._show_chart()
        self.balance_changed.emit()

    def _cell_edited(self, cell: Cell, value: float) -> None:
        cells = dict(self.draft.cells)
        cells[cell] = value
        task = self.inputs.task(cell[0])
        self.change(
            self.tr("Set {hours} h of {task}").format(
                hours=hours(value), task=task.name if task else "?"
            ),
            Draft(cells, self.draft.pinned),
        )

    def set_hours(self, cell: Cell, value: float) -> None:
        """Type ``value`` hours into a cell (as an undo step)."""
        self._cell_edited(cell, value)

    def toggle_pins(self, cells: list[Cell] | None = None) -> None:
        """Pin the given (or selected) cells, or release them if all are pinned."""
        chosen = cells if cells is not None else self.views.selected_cells()
        if not chosen:
            return
        pinned = set(self.draft.pinned)
        if all(c in pinned for c in chosen):
            pinned.difference_update(chosen)
            text = self.tr("Release %n cell(s)", "", len(chosen))
        else:
            pinned.update(chosen)
            text = self.tr("Pin %n cell(s)", "", len(chosen))
        self.change(text, Draft(self.draft.cells, frozenset(pinned)))

    # -- showing the balance ----------------------------------------------------------------

    def _show_balance(self, problem_error: str | None) -> None:
        self.problems.clear()
        assessment = self.assessment
        span = float(self.inputs.scale_high - self.inputs.scale_low)
        if not self.inputs.tasks or not self.inputs.members:
            self.balance.setText(
                self.tr("Add active tasks with hours and members with weekly hours first.")
            )
            self.problems_heading.clear()
            return
        if assessment is None:
            self.balance.setText(f"<span style='color:{POOR.name()}'>{problem_error or ''}</span>")
            self.problems_heading.clear()
            return
        balance = assessment.balance
        colour = GOOD if balance.largest_deviation <= 0.01 * span else POOR
        self.balance.setText(
            self.tr(
                "Largest deviation from the workplace average: <b style='color:{colour}'>"
                "{largest} points ({share} of the scale)</b> — empowerment {e}, desirability "
                "{d}.  Workplace average: empowerment {avg_e}, desirability {avg_d}."
            ).format(
                colour=colour.name(),
                largest=f"{balance.largest_deviation:.2f}",
                share=percent_of_range(balance.largest_deviation, span),
                e=f"{balance.largest_empowerment_deviation:.2f}",
                d=f"{balance.largest_desirability_deviation:.2f}",
                avg_e=f"{balance.workplace_empowerment:.2f}",
                avg_d=f"{balance.workplace_desirability:.2f}",
            )
        )
        self.problems.setVisible(not assessment.valid)
        if assessment.valid:
            self.problems_heading.setText(self.tr("Every rule is met."))
            self.problems_heading.setStyleSheet(f"color: {GOOD.name()}; font-weight: 600;")
        else:
            self.problems_heading.setText(
                self.tr("%n rule(s) broken:", "", len(assessment.problems))
            )
            self.problems_heading.setStyleSheet(f"color: {POOR.name()}; font-weight: 600;")
            for problem in assessment.problems:
                self.problems.addItem(QListWidgetItem(render(problem)))
        self._show_report()

    def _show_report(self) -> None:
        report = self._report
        if report is None or report[0] != self.draft:
            edited = report is not None
            self.solver.setText(
                self.tr("Edited by hand since the optimiser ran.") if edited else ""
            )
            return
        _, _, solution = report
        span = solution.scale_range
        if solution.status.value == "optimal":
            proof = self.tr("proven the best possible")
        else:
            proof = self.tr(
                "proven bound {bound}: no assignment can do better, so at most {gap} points "
                "({share}) could still be gained"
            ).format(
                bound=f"{solution.bound:.2f}",
                gap=f"{solution.gap:.2f}",
                share=percent_of_range(solution.gap, span),
            )
        stopped = self.tr(" Stopped early: the best found so far.") if solution.cancelled else ""
        self.solver.setText(
            self.tr("Optimiser: {proof}; found by {stage} in {seconds} s.{stopped}").format(
                proof=proof,
                stage=found_by(solution.found_by),
                seconds=f"{solution.seconds:.1f}",
                stopped=stopped,
            )
        )

    def _selection_changed(self) -> None:
        self._highlight = self.views.selected_member()
        self._show_chart()

    def _show_detail(self) -> None:
        complex_ = None
        if self.assessment is not None:
            complex_ = next(
                (c for c in self.assessment.balance.complexes if c.member_id == self._highlight),
                None,
            )
        if complex_ is None:
            self.detail.setText(self.tr("Select a member to see their complex here."))
            return
        names = {t.id: t.name for t in self.inputs.tasks}
        member = next((m.name for m in self.inputs.members if m.id == complex_.member_id), "?")
        parts = [
            self.tr("{task} {hours} h").format(task=names.get(t, "?"), hours=hours(h))
            for t, h in sorted(complex_.hours.items(), key=lambda th: -th[1])
        ]
        self.detail.setText(
            self.tr(
                "<b>{member}</b>: {tasks}.<br>Empowerment {e} ({de}), desirability {d} ({dd})."
            ).format(
                member=escape(member),
                tasks=escape(", ".join(parts)),
                e=f"{complex_.empowerment:.2f}",
                de=deviation(complex_.empowerment_deviation),
                d=f"{complex_.desirability:.2f}",
                dd=deviation(complex_.desirability_deviation),
            )
        )

    def _show_chart(self) -> None:
        self._show_detail()
        if self.assessment is None:
            self.chart.set_data(None)
            return
        balance = self.assessment.balance
        names = {m.id: m.name for m in self.inputs.members}
        span = float(self.inputs.scale_high - self.inputs.scale_low)
        self.chart.set_data(
            ComplexScatterData(
                tuple(
                    ScatterPoint(
                        names.get(c.member_id, "?"),
                        c.empowerment,
                        c.desirability,
                        c.member_id == self._highlight,
                    )
                    for c in balance.complexes
                    if c.total_hours > 0
                ),
                (balance.workplace_empowerment, balance.workplace_desirability),
                0.01 * span,
                (self.tr("Empowerment"), self.tr("Desirability")),
                self.tr("workplace average"),
                self.tr("within 1 % of the scale"),
            )
        )

    # -- the optimiser ----------------------------------------------------------------------

    def optimise(self) -> None:
        """Re-share every unpinned cell in the background, within the time limit."""
        if self.assembly is None or (self.task is not None and not self.task.is_finished):
            return
        keep = self.keep_weight.value()
        try:
            problem = self.inputs.problem(
                self.max_tasks.value(),
                self.draft.pins(),
                current=dict(self.draft.cells),  # a valid draft is the one to beat
                keep_weight=keep,
            )
        except UserError as error:
            show_user_error(self, error)
            return
        limit = self.time_limit.value()
        started = self.draft
        self._store_settings()
        task = BackgroundTask(
            lambda progress: JobComplexService.optimise(problem, limit, progress), self
        )
        self.task = task
        task.progressed.connect(self._progressed)
        task.succeeded.connect(lambda solution: self._optimised(task, started, solution))
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self.solver.setText(self.tr("Cancelled before any answer.")))
        task.finished.connect(self._finished)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Optimising… 0 s of {limit} s").format(limit=f"{limit:g}"))
        self.progress.show()
        self.cancel_button.show()
        self.optimise_button.setEnabled(False)
        self.solver.setText(self.tr("Optimising…"))
        task.start()

    def cancel(self) -> None:
        """Stop the optimiser; the best assignment found so far is kept."""
        if self.task is not None:
            self.task.cancel()

    def _progressed(self, done: int, total: int, message: str) -> None:
        del message  # the core's message is for logs; the text here is translated
        self.progress.setValue(int(1000 * done / total) if total else 0)
        self.progress.setFormat(
            self.tr("Optimising… {done} s of {total} s").format(
                done=f"{done / 1000:.0f}", total=f"{total / 1000:.0f}"
            )
        )

    def _optimised(
        self, task: BackgroundTask, started: Draft, solution: JobComplexSolution
    ) -> None:
        if task is not self.task:
            return  # another assembly was opened meanwhile
        after = Draft(solution.balance.cells(), started.pinned)
        self._report = (
            after,
            SolverReport(solution.bound, solution.found_by, solution.seconds),
            solution,
        )
        if after == self.draft:  # nothing better than the draft: no undo step
            self.show_draft(after)
        else:
            self.change(self.tr("Optimise"), after)

    def _failed(self, error: BaseException) -> None:
        from pareconapp.core.jobs import JobComplexesInfeasible

        if isinstance(error, JobComplexesInfeasible):
            self.solver.setText(
                f"<b style='color:{POOR.name()}'>"
                + self.tr("No assignment can meet every rule:")
                + "</b>"
            )
            self.problems_heading.setText(self.tr("Why:"))
            self.problems_heading.setStyleSheet(f"color: {POOR.name()}; font-weight: 600;")
            self.problems.clear()
            self.problems.show()
            for reason in error.reasons:
                self.problems.addItem(QListWidgetItem(render(reason)))
            return
        if isinstance(error, UserError):
            self.solver.setText(render(error.message))
            show_user_error(self, error)
            return
        raise error

    def _finished(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.optimise_button.setEnabled(True)

    def _store_settings(self) -> None:
        if self.assembly is None:
            return
        from dataclasses import replace

        service = self.assembly.job_complexes
        settings = replace(
            service.settings(),
            max_tasks=self.max_tasks.value(),
            time_limit=self.time_limit.value(),
            keep_weight=self.keep_weight.value(),
        )
        try:
            service.save_settings(settings)
        except UserError as error:
            show_user_error(self, error)

    # -- saving and loading -----------------------------------------------------------------

    def ask_title(self) -> tuple[str, str] | None:
        """Ask for a title and a note (tests replace this)."""
        dialog = SaveDialog(self.tr("Job complexes"), self)
        if not dialog.exec():
            return None
        return dialog.title.text(), dialog.note.toPlainText()

    def save(self) -> None:
        """Record the draft as the workplace's current job complexes (passphrase)."""
        assembly = self.assembly
        if assembly is None:
            return
        if self.assessment is not None and not self.assessment.valid:
            QMessageBox.warning(
                self,
                self.tr("Save job complexes"),
                self.tr(
                    "The draft breaks %n rule(s); fix them (see the list) before saving.",
                    "",
                    len(self.assessment.problems),
                ),
            )
            return
        answer = self.ask_title()
        if answer is None:
            return
        if not passphrase.confirm_facilitator(
            assembly.security,
            self.tr(
                "Facilitator passphrase: record these job complexes as the workplace's "
                "current ones."
            ),
            self,
        ):
            return
        title, note = answer
        report = self._report[1] if self._report and self._report[0] == self.draft else None
        try:
            problem = self.inputs.problem(self.max_tasks.value(), self.draft.pins())
            saved = assembly.job_complexes.save(title, note, problem, self.draft.cells, report)
        except UserError as error:
            show_user_error(self, error)
            return
        self.refresh()
        self.saved.emit(saved.id)

    def load_selected(self) -> None:
        """Load the saved set chosen in the history into the editor (undoable)."""
        assignment_id = self.history.currentData()
        if self.assembly is None or assignment_id is None:
            return
        saved = self.assembly.job_complexes.assignment(int(assignment_id))
        self.change(self.tr("Load “{title}”").format(title=saved.title), self._draft_of(saved))

    @property
    def busy(self) -> bool:
        """Whether the optimiser is running."""
        return self.task is not None and not self.task.is_finished
