"""The minutes dialog: preview, export in any format, approval and errata.

The minutes are built in the background (a full-day meeting takes a moment) and shown as
they will print; exporting runs in the background too, with a progress bar and Cancel.
Proposing the approval at the next meeting and recording an erratum ask for the facilitator
passphrase.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.i18n import UserError
from pareconapp.exports.formats import ExportFormat, export_minutes
from pareconapp.exports.qt_locale import QtLocalizer
from pareconapp.services.minutes import ApprovalState, MinutesState
from pareconapp.ui import passphrase
from pareconapp.ui.background import BackgroundTask
from pareconapp.ui.errors import show_user_error
from pareconapp.ui.guard import attempt, guarded
from pareconapp.ui.meetings.labels import date_time
from pareconapp.ui.rich_text import RichTextEditor

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from pareconapp.core.progress import Progress
    from pareconapp.exports.document import Document
    from pareconapp.services.assembly import AssemblyService


def format_name(fmt: ExportFormat) -> str:
    """A format's name in the user's language."""
    source = fmt.description
    return QCoreApplication.translate(source.context, source.text)


def _build_preview(
    assembly: AssemblyService, meeting_id: int, progress: Progress
) -> tuple[Document, QTextDocument]:
    """Runs in the background: the minutes and a text document showing them."""
    from pareconapp.exports.qt_document import build_text_document

    document = assembly.minutes.document(meeting_id, QtLocalizer(), progress)
    text, _charts = build_text_document(document, charts="image")
    app = QCoreApplication.instance()
    if app is not None:
        text.moveToThread(app.thread())
    return document, text


class MinutesDialog(QDialog):
    """Preview and export a meeting's minutes; propose their approval; record errata."""

    def __init__(
        self,
        assembly: AssemblyService,
        meeting_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.assembly = assembly
        self.document: Document | None = None
        self.state: MinutesState | None = None
        self._preview_task: BackgroundTask | None = None
        self._export_task: BackgroundTask | None = None
        self._pending_preview = False
        self.setWindowTitle(self.tr("Minutes"))
        self.resize(1100, 760)

        self.meeting = QComboBox()
        self.meeting.setAccessibleName(self.tr("Meeting"))
        for row in assembly.minutes.held_meetings():
            self.meeting.addItem(f"{date_time(row.starts_at)} · {row.title}", row.id)
        self.status = QLabel()
        self.status.setObjectName("minutesStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(self.tr("Preview of the minutes"))
        self.preview.setOpenLinks(False)
        self.preview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.format = QComboBox()
        self.format.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.format.setMinimumContentsLength(16)
        for fmt in ExportFormat:
            self.format.addItem(format_name(fmt), fmt.value)
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Letter"), "letter")
        from pareconapp.exports.pdf import default_paper

        self.paper.setCurrentIndex(max(0, self.paper.findData(default_paper())))
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setObjectName("primaryButton")
        self.cancel_button = QPushButton(self.tr("Cancel export"))
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.preface_button = QPushButton(self.tr("Edit the p&reface…"))
        self.preface_button.setToolTip(
            self.tr("A few words printed above the record (draft minutes only)")
        )
        self.approve_button = QPushButton(self.tr("Propose &approval at the next meeting…"))
        self.erratum_button = QPushButton(self.tr("Record an erra&tum…"))
        self.erratum_button.setToolTip(
            self.tr("Approved minutes never change; a correction is printed after them")
        )

        export_box = QGroupBox(self.tr("Export"))
        export_layout = QVBoxLayout(export_box)
        for text, field in ((self.tr("&Format:"), self.format), (self.tr("&Paper:"), self.paper)):
            label = QLabel(text)
            label.setBuddy(field)
            export_layout.addWidget(label)
            export_layout.addWidget(field)
        export_layout.addSpacing(6)
        export_layout.addWidget(self.export_button)
        export_layout.addWidget(self.progress)
        export_layout.addWidget(self.cancel_button)
        approval_box = QGroupBox(self.tr("Approval"))
        approval_layout = QVBoxLayout(approval_box)
        approval_layout.addWidget(self.preface_button)
        approval_layout.addWidget(self.approve_button)
        approval_layout.addWidget(self.erratum_button)
        side = QVBoxLayout()
        side.addWidget(export_box)
        side.addWidget(approval_box)
        side.addWidget(self.message)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(340)

        head = QHBoxLayout()
        label = QLabel(self.tr("&Meeting:"))
        label.setBuddy(self.meeting)
        head.addWidget(label)
        head.addWidget(self.meeting, 1)
        body = QHBoxLayout()
        body.addWidget(self.preview, 1)
        body.addWidget(side_widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.status)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        self.meeting.currentIndexChanged.connect(lambda _: self.reload())
        self.format.currentIndexChanged.connect(lambda _: self._update_buttons())
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.preface_button.clicked.connect(self.edit_preface)
        self.approve_button.clicked.connect(self.propose_approval)
        self.erratum_button.clicked.connect(self.add_erratum)
        if meeting_id is not None:
            index = self.meeting.findData(meeting_id)
            if index >= 0:
                self.meeting.setCurrentIndex(index)
        self.reload()

    # -- state ------------------------------------------------------------------------------

    def meeting_id(self) -> int | None:
        """The meeting whose minutes are shown."""
        data = self.meeting.currentData()
        return None if data is None else int(data)

    def reload(self) -> None:
        """Build the minutes of the chosen meeting again (in the background)."""
        meeting_id = self.meeting_id()
        self.document = None
        self._update_buttons()
        if meeting_id is None:
            self.status.setText(self.tr("No meeting has been held yet, so there are no minutes."))
            self.preview.clear()
            return
        if self._preview_task is not None:
            self._pending_preview = True
            return
        assembly = self.assembly
        self.message.setText(self.tr("Drawing up the minutes…"))
        task = BackgroundTask(lambda progress: _build_preview(assembly, meeting_id, progress))
        task.succeeded.connect(self._show_preview)
        task.failed.connect(self._failed)
        task.finished.connect(self._preview_finished)
        self._preview_task = task
        task.start()

    def _preview_finished(self) -> None:
        self._preview_task = None
        if self._pending_preview:
            self._pending_preview = False
            self.reload()

    def _show_preview(self, result: tuple[Document, QTextDocument]) -> None:
        if self._pending_preview:
            return
        document, text = result
        self.document = document
        text.setParent(self.preview)  # so the next setDocument deletes it
        self.preview.setDocument(text)
        self.message.clear()
        meeting_id = self.meeting_id()
        self.state = self.assembly.minutes.state(meeting_id) if meeting_id is not None else None
        self.status.setText(self._status_text())
        self._update_buttons()

    def _status_text(self) -> str:
        state = self.state
        if state is None:
            return ""
        if state.approval is ApprovalState.APPROVED:
            text = self.tr(
                "<b>Approved minutes</b>, frozen with SHA-256 <code>{sha}</code>."
            ).format(sha=state.sha256 or "")
            if state.errata:
                text += " " + self.tr("Errata recorded since: %n.", "", len(state.errata))
            return text
        lines = {
            ApprovalState.NONE: self.tr(
                "<b>Draft minutes</b>, drawn up from the record. Notes and outcomes can still "
                "be corrected on the Meetings page."
            ),
            ApprovalState.PROPOSED: self.tr(
                '<b>Draft minutes</b>; their approval is on the next agenda ("{title}").'
            ),
            ApprovalState.VOTING: self.tr(
                '<b>Draft minutes being approved</b> ("{title}"): they are locked while the '
                "vote is open."
            ),
            ApprovalState.PASSED: self.tr('<b>Approved</b> ("{title}").'),
            ApprovalState.FAILED: self.tr(
                '<b>Draft minutes</b>: the approval vote ("{title}") did not pass. Correct them '
                "and propose the approval again."
            ),
        }
        return lines[state.approval].format(title=state.approval_decision_title)

    def _update_buttons(self) -> None:
        ready = self.document is not None and self._export_task is None
        state = self.state if ready else None
        self.export_button.setEnabled(ready)
        self.paper.setEnabled(self.format.currentData() == ExportFormat.PDF.value)
        approval = state.approval if state is not None else None
        self.preface_button.setEnabled(approval is not None and not approval.locked)
        self.approve_button.setEnabled(approval in (ApprovalState.NONE, ApprovalState.FAILED))
        self.erratum_button.setEnabled(approval is ApprovalState.APPROVED)

    def _failed(self, error: BaseException) -> None:
        self.message.clear()
        if isinstance(error, UserError):
            show_user_error(self, error, self.tr("Minutes"))
            return
        raise error

    # -- export ---------------------------------------------------------------------------

    def choose_export_path(self, fmt: ExportFormat, suggestion: Path) -> Path | None:
        """Ask where to export (tests replace this)."""
        pattern = f"{format_name(fmt)} (*{fmt.suffix})"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the minutes"), str(suggestion), pattern
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(fmt.suffix)

    def export(self) -> None:
        """Ask for a file and write the minutes to it in the background."""
        if self.document is None or self._export_task is not None:
            return
        fmt = ExportFormat(self.format.currentData())
        title = self.state.meeting_title if self.state is not None else "minutes"
        safe = "".join(c if c.isalnum() or c in " -_" else "-" for c in title).strip()
        suggestion = self.assembly.path.parent / f"{self.tr('Minutes')} - {safe}{fmt.suffix}"
        path = self.choose_export_path(fmt, suggestion)
        if path is None:
            return
        document, paper = self.document, str(self.paper.currentData())
        task = BackgroundTask(lambda progress: export_minutes(document, fmt, path, paper, progress))
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._exported)
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self.message.setText(self.tr("Export cancelled.")))
        task.finished.connect(self._export_finished)
        self._export_task = task
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.message.setText(self.tr("Writing {name}…").format(name=path.name))
        self._update_buttons()
        task.start()

    def cancel_export(self) -> None:
        """Stop the export at its next page."""
        if self._export_task is not None:
            self._export_task.cancel()

    def _progressed(self, done: int, total: int, _message: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(self.tr("page %v of %m"))

    def _exported(self, paths: list[Path]) -> None:
        names = ", ".join(p.name for p in paths)
        self.message.setText(self.tr("Exported to {names}").format(names=names))
        self.exported_paths = paths

    def _export_finished(self) -> None:
        self._export_task = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_buttons()

    # -- prose, approval and errata -------------------------------------------------------

    def ask_preface(self, current: str) -> str | None:
        """Ask for the preface (tests replace this)."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Preface of the minutes"))
        editor = RichTextEditor()
        editor.set_html(current)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(self.tr("Printed above the record, e.g. who chaired which part:")))
        layout.addWidget(editor, 1)
        layout.addWidget(buttons)
        dialog.resize(560, 320)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return editor.html()

    def edit_preface(self) -> None:
        """Edit the preface of draft minutes."""
        meeting_id = self.meeting_id()
        if meeting_id is None or self.state is None:
            return
        text = self.ask_preface(self.state.preface)
        if text is None:
            return
        if attempt(self, lambda: self.assembly.minutes.set_preface(meeting_id, text)):
            self.changed = True
            self.reload()

    def propose_approval(self) -> None:
        """Put the approval of these minutes on the next meeting's agenda."""
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return
        assembly = self.assembly
        if not passphrase.confirm_facilitator(
            assembly.security,
            self.tr(
                'Enter the facilitator passphrase to put the approval of the minutes of "{title}" '
                "on the next meeting's agenda."
            ).format(title=self.state.meeting_title if self.state is not None else ""),
            self,
        ):
            return
        decision = guarded(
            self, lambda: assembly.minutes.propose_approval(meeting_id, QtLocalizer())
        )
        if decision is None:
            return
        row = assembly.decisions.decision(decision)
        target = assembly.meetings.meeting(row.meeting_id).meeting if row.meeting_id else None
        QMessageBox.information(
            self,
            self.tr("Approval proposed"),
            self.tr(
                'The decision "{decision}" is the first item of "{meeting}". Open its ballot '
                "there (Decisions page); when it passes, these minutes are frozen."
            ).format(decision=row.title, meeting=target.title if target else ""),
        )
        self.changed = True
        self.reload()

    def ask_erratum(self) -> str | None:
        """Ask for the text of an erratum (tests replace this)."""
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Record an erratum"),
            self.tr("What is corrected (printed after the approved minutes):"),
        )
        return text if ok and text.strip() else None

    def add_erratum(self) -> None:
        """Record a correction to approved minutes."""
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return
        text = self.ask_erratum()
        if text is None:
            return
        assembly = self.assembly
        if not passphrase.confirm_facilitator(
            assembly.security,
            self.tr("Enter the facilitator passphrase to record the erratum."),
            self,
        ):
            return
        if (
            guarded(
                self,
                lambda: assembly.minutes.add_erratum(meeting_id, text, loc=QtLocalizer()),
            )
            is not None
        ):
            self.changed = True
            self.reload()

    changed = False
    """Whether the dialog changed the record (pages showing it should refresh)."""
    exported_paths: list[Path] = []  # noqa: RUF012 - replaced per instance

    def done(self, result: int) -> None:
        """Let a running export finish writing before closing."""
        if self._export_task is not None:
            self._export_task.cancel()
        super().done(result)


def open_minutes_dialog(
    parent: QWidget, assembly: AssemblyService, meeting_id: int | None = None
) -> bool:
    """Show the minutes dialog; ``True`` if it changed the record."""
    dialog = MinutesDialog(assembly, meeting_id, parent)
    dialog.exec()
    return dialog.changed
