"""A rating round on the shared laptop: the kiosk session and the rating form.

:class:`RatingKioskSession` plugs an open rating round into the generic
:class:`~pareconapp.ui.kiosk.window.KioskWindow`: the name screen lists the members (the
round's raters who have not rated yet can be picked), a PIN is asked when the assembly uses
PINs and the member has one, the form is a :class:`RatingForm`, and Confirm stores the
ratings with :meth:`~pareconapp.services.ratings.RatingService.submit` (in an anonymous round
without any link to the rater). The session keeps nothing of a form once it is stored and
never shows anyone's ratings.

The form shows one task at a time with a slider for empowerment and one for desirability,
the scale's anchors under each. Keys: type the number (two digits for 10-20: "1", "2" is
12); Left/Right move the slider by one; Up/Down switch between the two ratings; Enter goes
to the next task (and, when every task is rated or skipped, on to the review); S skips the
task; Page Up/Page Down go to the previous/next task; Delete clears a rating.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, user_error
from pareconapp.i18n import translate
from pareconapp.store.models_jobs import RoundStatus
from pareconapp.ui.kiosk.session import KioskAction, KioskForm, KioskPerson, KioskSession

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QKeyEvent

    from pareconapp.core.jobs import TaskRating
    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.ratings import RatingRoundRow

DIGIT_DELAY_MS = 900
"""How long a typed digit waits for a second one (``1`` then ``2`` is 12)."""

_FORM_STYLE = """
QSlider#ratingSlider { min-height: 54px; }
QSlider#ratingSlider::groove:horizontal {
    height: 12px; background: #c9cfd4; border-radius: 6px;
}
QSlider#ratingSlider::sub-page:horizontal { background: #9fc7bd; border-radius: 6px; }
QSlider#ratingSlider::handle:horizontal {
    width: 34px; margin: -12px 0; border-radius: 17px; background: #1d6f5f;
    border: 3px solid #ffffff;
}
QSlider#ratingSlider[unset="true"]::handle:horizontal { background: #9aa4ad; }
QSlider#ratingSlider[unset="true"]::sub-page:horizontal { background: #c9cfd4; }
QFrame#ratingDimension { border: 2px solid #c9cfd4; border-radius: 8px; background: #ffffff; }
QFrame#ratingDimension[current="true"] { border: 4px solid #1d6f5f; }
QLabel#ratingValue { font-size: 48px; font-weight: 700; min-width: 90px; }
QLabel#ratingAnchor { font-size: 20px; color: #3d4a55; }
QListWidget#ratingTasks {
    font-size: 20px; background: #ffffff; border: 2px solid #c9cfd4; border-radius: 6px;
}
QListWidget#ratingTasks::item { padding: 6px 8px; color: #15202b; }
QListWidget#ratingTasks::item:selected { background: #1d6f5f; color: #ffffff; }
"""


@dataclass(frozen=True)
class RatedTask:
    """A task as the rating form shows it."""

    id: int
    name: str
    description: str


def _label(text: str, name: str, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class DimensionRow(QFrame):
    """One rating of the current task: heading, value, slider and the scale's anchors."""

    def __init__(
        self, heading: str, low: int, high: int, low_anchor: str, high_anchor: str
    ) -> None:
        super().__init__()
        self.setObjectName("ratingDimension")
        self.low, self.high = low, high
        self.heading = _label(heading, "ballotSection")
        self.value_label = _label("–", "ratingValue", wrap=False)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("ratingSlider")
        self.slider.setRange(low, high)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1 if high - low <= 20 else max(1, (high - low) // 10))
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slider.setCursor(Qt.CursorShape.PointingHandCursor)
        self.slider.setAccessibleName(heading)
        low_text = f"{low} = {low_anchor}" if low_anchor else str(low)
        high_text = f"{high} = {high_anchor}" if high_anchor else str(high)
        self.low_anchor = _label(low_text, "ratingAnchor")
        self.high_anchor = _label(high_text, "ratingAnchor")
        self.high_anchor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.value_label)
        anchors = QHBoxLayout()
        anchors.addWidget(self.low_anchor, 1, Qt.AlignmentFlag.AlignTop)
        anchors.addSpacing(24)
        anchors.addWidget(self.high_anchor, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 10)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.slider)
        layout.addLayout(anchors)

    def show_value(self, value: int | None, current: bool) -> None:
        """Show ``value`` (``None``: not rated yet) and whether this row has the keys."""
        self.slider.blockSignals(True)
        self.slider.setValue(value if value is not None else (self.low + self.high) // 2)
        self.slider.blockSignals(False)
        self.value_label.setText("–" if value is None else str(value))
        for widget, name, flag in (
            (self.slider, "unset", value is None),
            (self, "current", current),
        ):
            widget.setProperty(name, flag)
            widget.style().unpolish(widget)
            widget.style().polish(widget)


class RatingForm(KioskForm):
    """One member's ratings of every task of a round, one task at a time."""

    def __init__(
        self, round_row: RatingRoundRow, tasks: list[RatedTask], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ratingForm")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(_FORM_STYLE)
        self.round = round_row
        self.tasks = tasks
        self.low, self.high = round_row.scale_low, round_row.scale_high
        self.values: dict[int, list[int | None]] = {t.id: [None, None] for t in tasks}
        self.skipped: set[int] = set()
        self.index = 0
        self.dimension = 0
        self._typed = ""
        self._digit_timer = QTimer(self)
        self._digit_timer.setSingleShot(True)
        self._digit_timer.setInterval(DIGIT_DELAY_MS)
        self._digit_timer.timeout.connect(self._digits_done)

        self.task_list = QListWidget()
        self.task_list.setObjectName("ratingTasks")
        self.task_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.task_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.task_list.setAccessibleName(self.tr("Tasks to rate"))
        self.task_list.setFixedWidth(330)
        self.task_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.task_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for task in tasks:
            self.task_list.addItem(QListWidgetItem(task.name))
        self.task_list.currentRowChanged.connect(self._list_row_changed)
        self.counter = _label("", "ballotCounter")
        self.name = _label("", "ballotTitle")
        self.description = _label("", "ballotHelp")
        anchors = round_row.anchors
        self.rows = (
            DimensionRow(
                self.tr("Empowerment"),
                self.low,
                self.high,
                anchors.empowerment_low,
                anchors.empowerment_high,
            ),
            DimensionRow(
                self.tr("Desirability (quality of life)"),
                self.low,
                self.high,
                anchors.desirability_low,
                anchors.desirability_high,
            ),
        )
        for dimension, row in enumerate(self.rows):
            row.slider.valueChanged.connect(
                lambda value, d=dimension: self._slider_moved(d, int(value))
            )
            row.slider.sliderPressed.connect(lambda d=dimension: self._focus_dimension(d))
        self.keys = _label(
            self.tr(
                "Type the number, or ←/→.  ↑/↓: the other rating.  Enter: next task.  "
                "S: skip this task."
            ),
            "ballotHelp",
        )
        self.previous_button = self._button(self.tr("◀ Previous"), self.previous_task)
        self.skip_button = self._button(self.tr("Skip this task  [S]"), self.skip)
        self.next_button = self._button(self.tr("Next task ▶"), self.next_task)
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.next_button)
        main = QVBoxLayout()
        main.setSpacing(10)
        main.addWidget(self.counter)
        main.addWidget(self.name)
        main.addWidget(self.description)
        main.addWidget(self.rows[0])
        main.addWidget(self.rows[1])
        main.addStretch(1)
        main.addWidget(self.keys)
        main.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        layout.addWidget(self.task_list)
        layout.addLayout(main, 1)
        self._show()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("kioskButton")
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- state ------------------------------------------------------------------------------

    @property
    def task(self) -> RatedTask:
        """The task shown."""
        return self.tasks[self.index]

    def value(self, task_id: int, dimension: int) -> int | None:
        """The rating given (``None``: not yet, or skipped)."""
        return self.values[task_id][dimension]

    def task_done(self, task_id: int) -> bool:
        """Rated in both dimensions, or skipped."""
        return task_id in self.skipped or None not in self.values[task_id]

    def set_value(self, dimension: int, value: int | None) -> None:
        """Rate the task shown in one dimension (``None`` clears)."""
        if value is not None:
            value = min(self.high, max(self.low, value))
        self.values[self.task.id][dimension] = value
        if value is not None:
            self.skipped.discard(self.task.id)
        self._show()
        self.changed.emit()

    def go_to(self, index: int) -> None:
        """Show another task (its empowerment first)."""
        self._digits_done(advance=False)
        self.index = max(0, min(len(self.tasks) - 1, index))
        self.dimension = 0
        self._show()

    def next_task(self) -> None:
        """The next task not done yet after this one (or simply the next)."""
        count = len(self.tasks)
        for step in range(1, count + 1):
            candidate = (self.index + step) % count
            if not self.task_done(self.tasks[candidate].id):
                self.go_to(candidate)
                return
        self.go_to(self.index + 1)

    def previous_task(self) -> None:
        """The task before this one."""
        self.go_to(self.index - 1)

    def skip(self) -> None:
        """Skip the task shown (no rating is stored for it) and go on."""
        self.values[self.task.id] = [None, None]
        self.skipped.add(self.task.id)
        self.changed.emit()
        self.next_task()

    def ratings(self) -> list[TaskRating]:
        """What to store: every task rated (skipped tasks are left out)."""
        from pareconapp.core.jobs import TaskRating

        return [
            TaskRating(task_id, e, d)
            for task_id, (e, d) in self.values.items()
            if task_id not in self.skipped and e is not None and d is not None
        ]

    # -- KioskForm --------------------------------------------------------------------------

    def is_complete(self) -> bool:
        """Every task rated in both dimensions or skipped."""
        return all(self.task_done(t.id) for t in self.tasks)

    def hint(self) -> str:
        """How many tasks are left."""
        left = sum(1 for t in self.tasks if not self.task_done(t.id))
        return self.tr("Still to rate or skip: %n task(s)", "", left)

    def review_html(self) -> str:
        """Every task with the ratings given, or "skipped"."""
        rows = []
        skipped = escape(self.tr("skipped"))
        for task in self.tasks:
            e, d = self.values[task.id]
            if task.id in self.skipped:
                cells = f"<td colspan='2'><i>{skipped}</i></td>"
            else:
                cells = f"<td align='right'><b>{e}</b></td><td align='right'><b>{d}</b></td>"
            rows.append(f"<tr><td>{escape(task.name)}</td>{cells}</tr>")
        head = "<tr><th align='left'>{}</th><th>{}</th><th>{}</th></tr>".format(
            escape(self.tr("Task")), escape(self.tr("Empowerment")), escape(self.tr("Desirability"))
        )
        scale = escape(self.tr("Scale {low} to {high}.").format(low=self.low, high=self.high))
        return (
            f"<p>{scale}</p><table cellpadding='6' cellspacing='0' width='100%'>"
            + head
            + "".join(rows)
            + "</table>"
        )

    def focus_first(self) -> None:
        """The keys go to the form itself."""
        self.setFocus()

    # -- keys -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Digits rate, arrows move and switch, Enter goes on, S skips."""
        key = event.key()
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self._digit(text)
        elif key == Qt.Key.Key_Left:
            self._step(-1)
        elif key == Qt.Key.Key_Right:
            self._step(+1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._focus_dimension(1 - self.dimension)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._digits_done(advance=False)
            if self.is_complete():
                event.ignore()  # the kiosk goes on to the review
                return
            self.next_task()
        elif key == Qt.Key.Key_S:
            self.skip()
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_N):
            self.go_to(self.index + 1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_P):
            self.go_to(self.index - 1)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._typed = ""
            self.set_value(self.dimension, None)
        else:
            event.ignore()
            return
        event.accept()

    def _digit(self, digit: str) -> None:
        typed = self._typed + digit
        value = int(typed)
        if value > self.high:
            typed, value = digit, int(digit)
        self._typed = typed
        if self.low <= value <= self.high:
            self.set_value(self.dimension, value)
        if value * 10 > self.high:  # no second digit can follow
            self._digits_done()
        else:
            self._digit_timer.start()

    def _digits_done(self, advance: bool = True) -> None:
        """The typed number is complete: go from empowerment on to desirability."""
        self._digit_timer.stop()
        had = bool(self._typed)
        self._typed = ""
        if advance and had and self.dimension == 0 and self.value(self.task.id, 0) is not None:
            self._focus_dimension(1)

    def _step(self, delta: int) -> None:
        self._digits_done(advance=False)
        current = self.value(self.task.id, self.dimension)
        middle = (self.low + self.high) // 2
        self.set_value(self.dimension, middle if current is None else current + delta)

    def _focus_dimension(self, dimension: int) -> None:
        self._digits_done(advance=False)
        self.dimension = dimension
        self._show()

    def _slider_moved(self, dimension: int, value: int) -> None:
        self.dimension = dimension
        self.set_value(dimension, value)

    def _list_row_changed(self, row: int) -> None:
        if row >= 0 and row != self.index:
            self.go_to(row)

    # -- showing ----------------------------------------------------------------------------

    def _show(self) -> None:
        task = self.task
        self.counter.setText(
            self.tr("Task {n} of {count}").format(n=self.index + 1, count=len(self.tasks))
        )
        self.name.setText(task.name)
        self.description.setText(task.description)
        self.description.setVisible(bool(task.description))
        for dimension, row in enumerate(self.rows):
            row.show_value(self.value(task.id, dimension), dimension == self.dimension)
        skipped = task.id in self.skipped
        self.skip_button.setText(self.tr("Skipped") if skipped else self.tr("Skip this task  [S]"))
        self._refresh_list()

    def _refresh_list(self) -> None:
        skipped = self.tr("skipped")
        for index, task in enumerate(self.tasks):
            item = self.task_list.item(index)
            e, d = self.values[task.id]
            if task.id in self.skipped:
                mark = f"–  {task.name}  ({skipped})"
            elif e is not None and d is not None:
                mark = f"✓  {task.name}"
            else:
                mark = f"    {task.name}"
            item.setText(mark)
        self.task_list.blockSignals(True)
        self.task_list.setCurrentRow(self.index)
        self.task_list.blockSignals(False)
        self.task_list.scrollToItem(self.task_list.item(self.index))


class RatingKioskSession(KioskSession):
    """The kiosk session of one open rating round."""

    def __init__(self, assembly: AssemblyService, round_id: int) -> None:
        row = assembly.ratings.round(round_id)
        if row.status is not RoundStatus.OPEN:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "RatingKiosk", '"{title}" is not open for rating: open the round first.'
                ),
                title=row.title,
            )
        self._assembly = assembly
        self._round = row
        self.security = assembly.security
        tasks = {t.id: t for t in assembly.tasks.list_tasks()}
        self._tasks = [
            RatedTask(t, tasks[t].name, tasks[t].description) for t in row.task_ids if t in tasks
        ]

    @property
    def round_id(self) -> int:
        """The round rated."""
        return self._round.id

    def title(self) -> str:
        """The window title."""
        return translate("RatingKiosk", "Rating tasks: {title}").format(title=self._round.title)

    def people(self) -> list[KioskPerson]:
        """Every member listed; the round's raters who have not rated can be picked."""
        people = []
        for rater in self._assembly.ratings.raters(self.round_id):
            if rater.done:
                note = translate("RatingKiosk", "rated")
            elif not rater.chosen:
                note = translate("RatingKiosk", "not a rater in this round")
            else:
                note = ""
            people.append(
                KioskPerson(rater.member_id, rater.display_name, rater.may_rate, rater.done, note)
            )
        return people

    def needs_pin(self, member_id: int) -> bool:
        """When the assembly uses PINs, members who have one type it."""
        if not self.security.uses_pins():
            return False
        return any(
            r.member_id == member_id and r.has_pin
            for r in self._assembly.ratings.raters(self.round_id)
        )

    def verify_pin(self, member_id: int, pin: str) -> bool:
        """Whether ``pin`` is the member's PIN."""
        return self._assembly.members.verify_pin(member_id, pin)

    def make_form(self, member_id: int) -> KioskForm:
        """A blank rating form with every task of the round."""
        return RatingForm(self._round, self._tasks)

    def submit(self, member_id: int, form: KioskForm) -> str | None:
        """Store the ratings (no receipt)."""
        if not isinstance(form, RatingForm):
            raise TypeError("a rating round's kiosk takes rating forms only")
        self._assembly.ratings.submit(self.round_id, member_id, form.ratings())
        return None

    def done_text(self, receipt: str | None) -> str:
        """Thanks."""
        return translate("RatingKiosk", "✓  Your ratings are in. Thank you!")

    def handover_text(self) -> str:
        """Heading of the hand-over screen."""
        return translate("RatingKiosk", "Pass the laptop to the next rater")

    def pick_text(self) -> str:
        """Heading of the name screen."""
        return translate("RatingKiosk", "Who is rating? Find your name")

    def confirm_text(self) -> str:
        """The Confirm button."""
        return translate("RatingKiosk", "Hand in my ratings")

    def progress_text(self) -> str:
        """Raters done so far (a count, never a rating)."""
        done, chosen = self._assembly.ratings.progress(self.round_id)
        return translate("RatingKiosk", "Rated so far: {done} of {chosen}").format(
            done=done, chosen=chosen
        )

    def close_action(self) -> KioskAction:
        """Close the round (its results are then shown outside the kiosk)."""
        done, chosen = self._assembly.ratings.progress(self.round_id)
        question = translate(
            "RatingKiosk",
            "Close the rating round “{title}” now? Nobody can rate after this. "
            "Raters who have not rated: {missing}.",
        ).format(title=self._round.title, missing=max(0, chosen - done))
        return KioskAction(
            translate("RatingKiosk", "Close the rating round now"), question, self._close
        )

    def _close(self) -> None:
        self._assembly.ratings.close_round(self.round_id)
