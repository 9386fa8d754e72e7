"""The shared-laptop kiosk: a full-screen window passed from person to person.

Screens, in order for each person: hand-over -> pick your name -> PIN (if needed) -> the
session's form -> review -> Confirm -> "Recorded" (a banner on the next hand-over screen, or,
with a receipt code, a screen that waits for "Done") -> hand-over. What each person enters
lives only in their form widget, which is destroyed after Confirm or cancel; no screen keeps
a copy, nothing is undoable and nothing is logged. There is no way back to an earlier person.

Keys: Enter always goes on (start, pick the highlighted name, check the PIN, review,
confirm); typing on the name screen filters the names, arrows move in the list; Backspace on
the review screen goes back to the form; Escape (or closing the window, or the Facilitator
button) asks for the facilitator passphrase, after which the facilitator may go back to the
kiosk, leave it, or run the session's action (e.g. close the ballot). Keys the form does not
use reach the window; an Enter held down (auto-repeat) or pressed within
:data:`CONFIRM_GUARD_MS` of the review appearing does not confirm.

The session (see :mod:`pareconapp.ui.kiosk.session`) supplies people, PIN checks, forms and
storage; this module knows nothing of what is being voted or rated.
"""

from __future__ import annotations

import unicodedata
from enum import Enum
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QElapsedTimer,
    QEvent,
    QEventLoop,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QKeyEvent,
    QRegularExpressionValidator,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.i18n import UserError
from pareconapp.core.secrets import MAX_PIN_DIGITS
from pareconapp.paths import resources_dir
from pareconapp.ui import passphrase
from pareconapp.ui.errors import show_user_error
from pareconapp.ui.guard import attempt, busy_cursor

if TYPE_CHECKING:
    from collections.abc import Callable

    from pareconapp.ui.kiosk.session import KioskForm, KioskPerson, KioskSession

T = TypeVar("T")

PIN_TRIES = 3
"""Wrong PINs allowed before the kiosk returns to the hand-over screen."""
BANNER_MS = 4000
"""How long "Recorded" (or another notice) stays on the hand-over screen."""
CONFIRM_GUARD_MS = 600
"""Enter does not confirm (or dismiss a receipt) this soon after the screen appeared."""
FACILITATOR_IDLE_MS = 60_000
"""The facilitator screen falls back to the hand-over screen after this long untouched."""
BASE_FONT_PX = 24
"""The smallest text in the kiosk: readable on a laptop passed around a room."""

MEMBER_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
NOTE_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_ROLE = Qt.ItemDataRole.UserRole + 3

_ROOT = QModelIndex()
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_LIST_KEYS = (
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
)


class KioskOutcome(Enum):
    """How the kiosk was left (always by the facilitator)."""

    LEFT = "left"
    """The facilitator left the kiosk; nothing else happened."""
    ACTION_DONE = "action_done"
    """The facilitator ran the session's action (e.g. closed the ballot)."""


class Screen(Enum):
    """The kiosk's screens."""

    HANDOVER = "handover"
    PICK = "pick"
    PIN = "pin"
    FORM = "form"
    REVIEW = "review"
    RECORDED = "recorded"
    FACILITATOR = "facilitator"


def search_key(text: str) -> str:
    """``text`` folded for type-to-filter: case and accents do not matter (Zoë ~ zoe)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def kiosk_style_sheet() -> str:
    """The kiosk's style sheet (large type, high contrast)."""
    return (resources_dir() / "themes" / "kiosk.qss").read_text(encoding="utf-8")


def _label(text: str = "", name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _button(text: str, name: str = "kioskButton") -> QPushButton:
    """A large button the mouse (or a finger) presses; keys are handled by the window."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


class PeopleModel(QAbstractListModel):
    """The names on the name screen; people who cannot be picked are disabled (greyed)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people: list[KioskPerson] = []
        self._keys: list[str] = []

    def set_people(self, people: list[KioskPerson]) -> None:
        """Show ``people`` (in their order)."""
        self.beginResetModel()
        self._people = list(people)
        self._keys = [search_key(person.display_name) for person in self._people]
        self.endResetModel()

    def person(self, row: int) -> KioskPerson:
        """The person in ``row``."""
        return self._people[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        """One row per person."""
        return 0 if parent.isValid() else len(self._people)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """The name (with the note for those who cannot be picked) and the lookup roles."""
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if person.can_take_part:
                return person.display_name
            mark = "✓" if person.done else "–"
            return f"{person.display_name}   {mark} {person.note}".rstrip()
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return person.note
        if role == MEMBER_ROLE:
            return person.member_id
        if role == SEARCH_ROLE:
            return self._keys[index.row()]
        if role == NOTE_ROLE:
            return person.note
        if role == NAME_ROLE:
            return person.display_name
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        """Only people who may take part can be picked; the others are greyed."""
        if not index.isValid() or not self._people[index.row()].can_take_part:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class KioskWindow(QWidget):
    """The full-screen kiosk for one :class:`KioskSession`.

    Show it with :meth:`start` (or :meth:`run`, which waits until it is left); it emits
    :attr:`finished` with a :class:`KioskOutcome` when the facilitator leaves (and then
    closes). :attr:`outcome` holds the same value.
    """

    finished = Signal(object)

    def __init__(self, session: KioskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("kioskWindow")
        self.session = session
        self.outcome: KioskOutcome | None = None
        self.confirm_guard_ms = CONFIRM_GUARD_MS
        self._member_id: int | None = None
        self._member_name = ""
        self._form: KioskForm | None = None
        self._pin_tries = 0
        self._may_close = False
        self._asking = False
        self._shown_at = QElapsedTimer()
        self.setWindowTitle(session.title())
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        font = QFont(self.font())
        font.setPixelSize(BASE_FONT_PX)
        self.setFont(font)
        self.setStyleSheet(kiosk_style_sheet())

        self.title = _label(session.title(), "kioskTitle")
        self.facilitator_button = _button(self.tr("Facilitator…"), "kioskFacilitatorButton")
        self.facilitator_button.setToolTip(self.tr("Needs the facilitator passphrase (Esc)"))
        self.facilitator_button.clicked.connect(self.request_facilitator)
        self.form_person = _label("", "kioskPerson", wrap=False)
        self.form_person.setAccessibleName(self.tr("Whose turn it is"))
        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(self.title, 1)
        top.addWidget(self.form_person)
        top.addWidget(self.facilitator_button)

        self.stack = QStackedWidget()
        self._screens: dict[Screen, QWidget] = {}
        self._build_handover()
        self._build_pick()
        self._build_pin()
        self._build_form()
        self._build_review()
        self._build_recorded()
        self._build_facilitator()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 32)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(lambda: self._set_banner(""))
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.setInterval(FACILITATOR_IDLE_MS)
        self._idle_timer.timeout.connect(self.resume)
        self.show_handover()

    # -- building the screens -------------------------------------------------------------

    def _add_screen(self, screen: Screen, widget: QWidget) -> QVBoxLayout:
        widget.setObjectName(f"kiosk{screen.value.capitalize()}Screen")
        self._screens[screen] = widget
        self.stack.addWidget(widget)
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(18)
        return layout

    def _build_handover(self) -> None:
        layout = self._add_screen(Screen.HANDOVER, QWidget())
        self.banner = _label("", "kioskBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        policy = self.banner.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.banner.setSizePolicy(policy)
        self.banner.hide()
        self.handover_heading = _label(self.session.handover_text(), "kioskHeading")
        self.handover_heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.handover_hint = _label(
            self.tr("Next person: press Enter or the button to begin."), "kioskHint"
        )
        self.handover_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = _button(self.tr("Begin  ▶"), "kioskPrimary")
        self.start_button.clicked.connect(self.show_pick)
        self.progress = _label("", "kioskProgress")
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.banner)
        layout.addStretch(2)
        layout.addWidget(self.handover_heading)
        layout.addWidget(self.handover_hint)
        layout.addSpacing(24)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(3)
        layout.addWidget(self.progress)

    def _build_pick(self) -> None:
        layout = self._pick_layout = self._add_screen(Screen.PICK, QWidget())
        heading = _label(self.session.pick_text(), "kioskHeading")
        hint = _label(
            self.tr("Type the start of your name, then press Enter (or click your name)."),
            "kioskHint",
        )
        self.filter = QLineEdit()
        self.filter.setObjectName("kioskFilter")
        self.filter.setPlaceholderText(self.tr("Type your name…"))
        self.filter.setAccessibleName(self.tr("Type your name"))
        self.filter.setClearButtonEnabled(True)
        self.people_model = PeopleModel(self)
        self.people_proxy = QSortFilterProxyModel(self)
        self.people_proxy.setSourceModel(self.people_model)
        self.people_proxy.setFilterRole(SEARCH_ROLE)
        self.names = QListView()
        self.names.setObjectName("kioskNames")
        self.names.setModel(self.people_proxy)
        self.names.setAccessibleName(self.tr("Names"))
        self.names.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the filter
        self.names.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.names.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.names.setUniformItemSizes(True)
        self.pick_status = _label("", "kioskStatus")
        back = _button(self.tr("◀ Back"))
        back.clicked.connect(self.cancel_person)
        bottom = QHBoxLayout()
        bottom.addWidget(back)
        bottom.addWidget(self.pick_status, 1)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.filter)
        layout.addWidget(self.names, 1)
        layout.addLayout(bottom)
        self.filter.textChanged.connect(self._filter)
        self.filter.installEventFilter(self)
        self.names.clicked.connect(self._pick)

    def _build_pin(self) -> None:
        layout = self._add_screen(Screen.PIN, QWidget())
        self.pin_heading = _label("", "kioskHeading")
        hint = _label(self.tr("Type your PIN and press Enter."), "kioskHint")
        self.pin = QLineEdit()
        self.pin.setObjectName("kioskPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setValidator(
            QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{MAX_PIN_DIGITS}}}"), self)
        )
        self.pin.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
        )
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin.setMaximumWidth(420)
        self.pin_status = _label("", "kioskError")
        not_me = _button(self.tr("◀ Not me"))
        not_me.clicked.connect(self.cancel_person)
        ok = _button(self.tr("OK  ▶"), "kioskPrimary")
        ok.clicked.connect(self.check_pin)
        bottom = QHBoxLayout()
        bottom.addWidget(not_me)
        bottom.addStretch(1)
        bottom.addWidget(ok)
        layout.addStretch(1)
        layout.addWidget(self.pin_heading)
        layout.addWidget(hint)
        layout.addWidget(self.pin)
        layout.addWidget(self.pin_status)
        layout.addStretch(2)
        layout.addLayout(bottom)

    def _build_form(self) -> None:
        layout = self._add_screen(Screen.FORM, QWidget())
        self.form_holder = QVBoxLayout()
        self.form_holder.setContentsMargins(0, 0, 0, 0)
        self.form_hint = _label("", "kioskStatus")
        cancel = _button(self.tr("✕ Cancel, start over"))
        cancel.setToolTip(self.tr("Discard this and go back to the hand-over screen"))
        cancel.clicked.connect(self.cancel_person)
        self.review_button = _button(self.tr("Review  ▶"), "kioskPrimary")
        self.review_button.clicked.connect(self.show_review)
        bottom = QHBoxLayout()
        bottom.addWidget(cancel)
        bottom.addWidget(self.form_hint, 1)
        bottom.addWidget(self.review_button)
        layout.addLayout(self.form_holder, 1)
        layout.addLayout(bottom)

    def _build_review(self) -> None:
        layout = self._add_screen(Screen.REVIEW, QWidget())
        heading = _label(self.tr("Check, then confirm"), "kioskHeading")
        self.review = QTextBrowser()
        self.review.setObjectName("kioskReview")
        self.review.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.review.setUndoRedoEnabled(False)
        self.review.setOpenLinks(False)
        hint = _label(self.tr("Enter: confirm.  Backspace: go back and change it."), "kioskHint")
        change = _button(self.tr("◀ Change"))
        change.clicked.connect(self.back_to_form)
        cancel = _button(self.tr("✕ Cancel"))
        cancel.setToolTip(self.tr("Discard this and go back to the hand-over screen"))
        cancel.clicked.connect(self.cancel_person)
        self.confirm_button = _button(self.session.confirm_text() + "  ✓", "kioskConfirm")
        self.confirm_button.clicked.connect(self.confirm)
        bottom = QHBoxLayout()
        bottom.addWidget(change)
        bottom.addWidget(cancel)
        bottom.addStretch(1)
        bottom.addWidget(self.confirm_button)
        layout.addWidget(heading)
        layout.addWidget(self.review, 1)
        layout.addWidget(hint)
        layout.addLayout(bottom)

    def _build_recorded(self) -> None:
        layout = self._add_screen(Screen.RECORDED, QWidget())
        self.recorded_heading = _label("", "kioskHeading")
        self.recorded_heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.receipt = _label("", "kioskReceipt", wrap=False)
        self.receipt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.receipt.setAccessibleName(self.tr("Receipt code"))
        self.receipt_hint = _label(
            self.tr(
                "Write the code down now: it will not be shown again. When the results are "
                "published, find it in the list to check your entry was counted as cast."
            ),
            "kioskHint",
        )
        self.receipt_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_button = _button(self.tr("Done, hand the laptop on  ▶"), "kioskPrimary")
        self.done_button.clicked.connect(self.finish_recorded)
        layout.addStretch(1)
        layout.addWidget(self.recorded_heading)
        layout.addWidget(self.receipt, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.receipt_hint)
        layout.addSpacing(24)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)

    def _build_facilitator(self) -> None:
        layout = self._add_screen(Screen.FACILITATOR, QWidget())
        heading = _label(self.tr("Facilitator"), "kioskHeading")
        self.facilitator_progress = _label("", "kioskProgress")
        self.back_to_kiosk_button = QPushButton(self.tr("◀ Back to the shared laptop"))
        self.leave_button = QPushButton(self.tr("Leave the kiosk (nothing else changes)"))
        action = self.session.close_action()
        self.action_button: QPushButton | None = None
        buttons = [self.back_to_kiosk_button, self.leave_button]
        if action is not None:
            self.action_button = QPushButton(action.label)
            buttons.append(self.action_button)
        for button in buttons:
            button.setObjectName("kioskButton")
            button.setAutoDefault(False)
        self.back_to_kiosk_button.clicked.connect(self.resume)
        self.leave_button.clicked.connect(lambda: self.dismiss(KioskOutcome.LEFT))
        if self.action_button is not None:
            self.action_button.clicked.connect(self.run_action)
        layout.addWidget(heading)
        layout.addWidget(self.facilitator_progress)
        layout.addSpacing(24)
        for button in buttons:
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    # -- showing ---------------------------------------------------------------------------

    def start(self, full_screen: bool = True) -> None:
        """Show the kiosk (full screen, modal for the application) at the hand-over screen."""
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.show_handover()
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        self.raise_()
        self.activateWindow()

    def run(self, full_screen: bool = True) -> KioskOutcome:
        """Show the kiosk and wait until the facilitator leaves it; return how they left.

        The window deletes itself afterwards (``deleteLater``); use the returned outcome.
        """
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        self.start(full_screen)
        if self.outcome is None:
            loop.exec()
        outcome = self.outcome
        assert outcome is not None
        self.deleteLater()
        return outcome

    @property
    def screen_shown(self) -> Screen:
        """The screen on display."""
        current = self.stack.currentWidget()
        return next(screen for screen, widget in self._screens.items() if widget is current)

    @property
    def form(self) -> KioskForm | None:
        """The current person's form (``None`` between people)."""
        return self._form

    def _show(self, screen: Screen) -> None:
        self.stack.setCurrentWidget(self._screens[screen])
        self._shown_at.start()
        self.facilitator_button.setVisible(screen is not Screen.FACILITATOR)
        if screen is Screen.FACILITATOR:
            self._idle_timer.start()
        else:
            self._idle_timer.stop()

    def show_handover(self, notice: str = "") -> None:
        """Forget the current person and wait for the next one (``notice``: a banner)."""
        self._discard()
        self._set_banner(notice)
        if notice:
            self._banner_timer.start(BANNER_MS)
        else:
            self._banner_timer.stop()
        self.progress.setText(self.session.progress_text())
        self._show(Screen.HANDOVER)
        self.setFocus()

    def _set_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def show_pick(self) -> None:
        """The name screen, with everyone read fresh from the session."""
        self._discard()
        self._set_banner("")
        self.people_model.set_people(self.session.people())
        self.pick_status.clear()
        self.filter.setText("")
        self._show(Screen.PICK)
        self._pick_layout.activate()  # the list gets its real size before scrolling to a name
        self.names.scrollToTop()
        self._filter("")
        self.filter.setFocus()

    def _filter(self, text: str) -> None:
        self.people_proxy.setFilterFixedString(search_key(text.strip()))
        self.pick_status.clear()
        self._select_row(self._enabled_row(0, 1))

    def _enabled_row(self, start: int, step: int) -> int:
        """The first pickable row from ``start`` in direction ``step`` (-1 if none)."""
        row = start
        while 0 <= row < self.people_proxy.rowCount():
            if self.people_proxy.index(row, 0).flags() & Qt.ItemFlag.ItemIsEnabled:
                return row
            row += step
        return -1

    def _select_row(self, row: int) -> None:
        selection = self.names.selectionModel()
        if row < 0:
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), selection.SelectionFlag.Clear)
            return
        index = self.people_proxy.index(row, 0)
        selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect)
        self.names.scrollTo(index)

    def _move_in_list(self, key: int) -> None:
        current = self.names.currentIndex()
        row = current.row() if current.isValid() else -1
        page = max(1, self.names.viewport().height() // max(1, self.names.sizeHintForRow(0)))
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -page,
            Qt.Key.Key_PageDown: page,
        }[Qt.Key(key)]
        if row < 0:
            target = self._enabled_row(0, 1)
        else:
            last = self.people_proxy.rowCount() - 1
            start = min(max(row + step, 0), last)
            target = self._enabled_row(start, 1 if step > 0 else -1)
            if target < 0:
                target = self._enabled_row(start, -1 if step > 0 else 1)
        if target >= 0:
            self._select_row(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys in the name filter move the highlight in the list of names."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in _LIST_KEYS:
                self._move_in_list(event.key())
                return True
        return super().eventFilter(watched, event)

    # -- one person ------------------------------------------------------------------------

    def pick_current(self) -> None:
        """Pick the highlighted name (Enter on the name screen)."""
        index = self.names.currentIndex()
        if index.isValid():
            self._pick(index)
        elif self.people_proxy.rowCount():
            self._pick(self.people_proxy.index(0, 0))  # says why they cannot be picked
        elif self.filter.text().strip():
            self.pick_status.setText(self.tr("No name matches what you typed."))

    def _pick(self, index: QModelIndex) -> None:
        name = str(index.data(NAME_ROLE))
        if not index.flags() & Qt.ItemFlag.ItemIsEnabled:
            note = str(index.data(NOTE_ROLE) or "")
            self.pick_status.setText(
                self.tr("{name}: {note}").format(name=name, note=note) if note else name
            )
            return
        member_id = int(index.data(MEMBER_ROLE))
        self._discard()
        self._member_id = member_id
        self._member_name = name
        self._pin_tries = 0
        needs_pin = self._ask(lambda: self.session.needs_pin(member_id))
        if needs_pin is None:
            self.show_handover()
        elif needs_pin:
            self.pin.setText("")
            self.pin_status.clear()
            self.pin_heading.setText(self.tr("Hello, {name}").format(name=self._member_name))
            self._show(Screen.PIN)
            self.pin.setFocus()
        else:
            self._open_form()

    def check_pin(self) -> None:
        """Check the PIN typed (Enter on the PIN screen)."""
        member_id = self._member_id
        if member_id is None:
            return
        pin = self.pin.text()
        self.pin.setText("")
        if not pin:
            return
        with busy_cursor():
            right = self._ask(lambda: self.session.verify_pin(member_id, pin))
        if right is None:
            self.show_handover()
        elif right:
            self._open_form()
        else:
            self._pin_tries += 1
            left = PIN_TRIES - self._pin_tries
            if left <= 0:
                self.show_handover(self.tr("Too many wrong PINs. Ask the facilitator for help."))
            else:
                self.pin_status.setText(
                    self.tr("That PIN is not right. Tries left: {n}.").format(n=left)
                )
                self.pin.setFocus()

    def _open_form(self) -> None:
        member_id = self._member_id
        if member_id is None:
            return
        form = self._ask(lambda: self.session.make_form(member_id))
        if form is None:
            self.show_handover()
            return
        self._form = form
        form.setParent(self._screens[Screen.FORM])
        self.form_holder.addWidget(form)
        form.changed.connect(self._form_changed)
        self.form_person.setText(self._member_name)
        self._form_changed()
        self._show(Screen.FORM)
        form.show()
        form.focus_first()

    def _form_changed(self) -> None:
        form = self._form
        complete = form is not None and form.is_complete()
        self.review_button.setEnabled(complete)
        self.form_hint.setText("" if complete or form is None else form.hint())

    def show_review(self) -> None:
        """The review screen (Enter on the form, when it is complete)."""
        form = self._form
        if form is None or self.screen_shown is not Screen.FORM:
            return
        if not form.is_complete():
            self._form_changed()
            return
        self.review.setHtml(form.review_html())
        self._show(Screen.REVIEW)
        self.setFocus()

    def back_to_form(self) -> None:
        """From the review back to the same person's form."""
        if self._form is None or self.screen_shown is not Screen.REVIEW:
            return
        self._clear_review()
        self._show(Screen.FORM)
        self._form.focus_first()

    def confirm(self) -> None:
        """Store the current person's form and hand the laptop on."""
        form, member_id = self._form, self._member_id
        if form is None or member_id is None or self.screen_shown is not Screen.REVIEW:
            return
        try:
            with busy_cursor():
                receipt = self.session.submit(member_id, form)
        except UserError as error:
            show_user_error(self, error)
            return
        del form
        done = self.session.done_text(receipt)
        self._discard()
        if receipt:
            self.recorded_heading.setText(done)
            self.receipt.setText(receipt)
            self._show(Screen.RECORDED)
            self.setFocus()
        else:
            self.show_handover(done)

    def finish_recorded(self) -> None:
        """The person has written their receipt down: clear it and hand over."""
        self.show_handover()

    def cancel_person(self) -> None:
        """Discard the current person's screens and go back to the hand-over screen."""
        self.show_handover()

    def _discard(self) -> None:
        """Destroy the current person's form and clear every screen that showed them."""
        form, self._form = self._form, None
        if form is not None:
            form.changed.disconnect(self._form_changed)
            form.hide()
            self.form_holder.removeWidget(form)
            form.deleteLater()
        self._member_id = None
        self._member_name = ""
        self._pin_tries = 0
        self.form_person.clear()
        self.form_hint.clear()
        self.pin.setText("")
        self.pin_status.clear()
        self.pin_heading.clear()
        self._clear_review()
        self.receipt.clear()
        self.recorded_heading.clear()
        self.filter.setText("")

    def _clear_review(self) -> None:
        self.review.clear()
        self.review.document().clearUndoRedoStacks()

    def _ask(self, call: Callable[[], T]) -> T | None:
        try:
            return call()
        except UserError as error:
            show_user_error(self, error)
            return None

    # -- the facilitator -------------------------------------------------------------------

    def request_facilitator(self) -> None:
        """Ask for the passphrase; on success show the facilitator's choices."""
        if self._asking or self.screen_shown is Screen.FACILITATOR:
            return
        self._asking = True
        try:
            allowed = passphrase.confirm_facilitator(
                self.session.security,
                self.tr(
                    "Facilitator passphrase: to leave the shared-laptop screen or end it. "
                    "Anything the current person has not confirmed is discarded."
                ),
                self,
            )
        finally:
            self._asking = False
        if allowed:
            self._discard()
            self.facilitator_progress.setText(self.session.progress_text())
            self._show(Screen.FACILITATOR)
            self.back_to_kiosk_button.setFocus()

    def resume(self) -> None:
        """From the facilitator screen back to the hand-over screen."""
        self.show_handover()

    def run_action(self) -> None:
        """Run the session's facilitator action (after a question), then leave."""
        action = self.session.close_action()
        if action is None or self.screen_shown is not Screen.FACILITATOR:
            return
        self._idle_timer.stop()
        answer = QMessageBox.question(self, action.label, action.question)
        if answer != QMessageBox.StandardButton.Yes:
            self._idle_timer.start()
            return
        if attempt(self, action.run):
            self.dismiss(KioskOutcome.ACTION_DONE)
        else:
            self._idle_timer.start()

    def dismiss(self, outcome: KioskOutcome = KioskOutcome.LEFT) -> None:
        """Close the kiosk without asking (after the passphrase, or by the app itself)."""
        self._discard()
        self._idle_timer.stop()
        self._banner_timer.stop()
        self.outcome = outcome
        self._may_close = True
        self.close()
        self.finished.emit(outcome)

    # -- keys and closing ------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter goes on, Escape asks for the facilitator, Backspace goes back on review."""
        key = event.key()
        screen = self.screen_shown
        if key == Qt.Key.Key_Escape:
            if screen is Screen.FACILITATOR:
                self.resume()
            else:
                self.request_facilitator()
            return
        if key in _ENTER_KEYS:
            if not event.isAutoRepeat():
                self._enter(screen)
            return
        form = self._form
        if screen is Screen.FORM and form is not None:
            focused = self.focusWidget()
            if focused is not form and not form.isAncestorOf(focused):
                event.ignore()
                form.keyPressEvent(event)  # the form's keys work wherever the focus is
                if event.isAccepted():
                    return
        if screen is Screen.HANDOVER and key == Qt.Key.Key_Space:
            self.show_pick()
            return
        if screen is Screen.REVIEW and key == Qt.Key.Key_Backspace:
            self.back_to_form()
            return
        super().keyPressEvent(event)

    def _enter(self, screen: Screen) -> None:
        if screen is Screen.HANDOVER:
            self.show_pick()
        elif screen is Screen.PICK:
            self.pick_current()
        elif screen is Screen.PIN:
            self.check_pin()
        elif screen is Screen.FORM:
            self.show_review()
        elif screen in (Screen.REVIEW, Screen.RECORDED):
            if self._shown_at.elapsed() < self.confirm_guard_ms:
                return
            if screen is Screen.REVIEW:
                self.confirm()
            else:
                self.finish_recorded()
        elif screen is Screen.FACILITATOR:
            focused = self.focusWidget()
            if isinstance(focused, QPushButton):
                focused.click()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window needs the facilitator passphrase like Escape does."""
        if self._may_close:
            event.accept()
            return
        event.ignore()
        QTimer.singleShot(0, self.request_facilitator)
