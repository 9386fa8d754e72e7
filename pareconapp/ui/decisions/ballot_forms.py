"""Ballot forms for the shared-laptop kiosk: one per kind of decision rule.

Each form shows the proposal (title, full text, the rule in words) and the choices as large
buttons or lists, and returns what :meth:`DecisionService.cast_secret
<pareconapp.services.decisions.DecisionService.cast_secret>` takes:

=========================  ====================================  =========================
rule                       form                                  keys
=========================  ====================================  =========================
simple / super-majority    :class:`YesNoForm` -> ``YesNo``       Y / N / A (or 1 / 2 / 3)
plurality                  :class:`PluralityForm` -> option or   1-9 an option, A abstain
                           ``None`` (abstain)
approval                   :class:`ApprovalForm` ->              1-9 approve or not
                           ``frozenset`` of options
Schulze, instant-runoff    :class:`RankedForm` -> options best   Space rank / unrank,
                           first (partial rankings allowed)      Alt+Up / Alt+Down move
consensus                  :class:`ConsensusForm` ->             1 agree, 2 stand aside,
                           ``ConsensusVote``                     3 block (reason required)
consent                    :class:`ConsentForm` -> ``ConsentVote``  1 consent, 2 object
                                                                 (reason required), 3 abstain
=========================  ====================================  =========================

Page Up / Page Down scroll the proposal's text from anywhere in the form. A form keeps its
choice only in its own widgets; the kiosk destroys it after the ballot is cast.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.decisions import (
    ConsensusStance,
    ConsensusVote,
    ConsentStance,
    ConsentVote,
    RuleKind,
    YesNo,
    describe_rule,
)
from pareconapp.i18n import render
from pareconapp.services.decisions import MAX_REASON_LENGTH, DecisionRow
from pareconapp.ui.kiosk.session import KioskForm

if TYPE_CHECKING:
    from pareconapp.core.decisions.ballots import Choice

OPTION_ROLE = Qt.ItemDataRole.UserRole
_ABSTAIN = object()
"""The value of a plurality ballot's abstain button."""
DIGIT_KEYS = {Qt.Key(Qt.Key.Key_1.value + i): i for i in range(9)}
"""Number keys 1-9 and the option (or choice) index each selects."""


def rule_in_words(decision: DecisionRow) -> str:
    """How the ballot is counted, as a voter needs it: the rule (and abstentions)."""
    sentences = describe_rule(decision.rule)
    count = 2 if decision.rule.kind.is_yes_no else 1
    return " ".join(render(sentence) for sentence in sentences[:count])


def _label(text: str, name: str, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _mnemonic_free(text: str) -> str:
    """Button text with ``&`` shown as itself rather than as a shortcut marker."""
    return text.replace("&", "&&")


class ChoiceButton(QPushButton):
    """A large checkable button for one choice, with its key shown in front."""

    def __init__(self, key: str, text: str, value: object, parent: QWidget | None = None) -> None:
        super().__init__(f"[{key}]   {_mnemonic_free(text)}", parent)
        self.setObjectName("ballotChoice")
        self.setCheckable(True)
        self.setAutoDefault(False)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value = value
        self.setAccessibleName(text)


class BallotForm(KioskForm):
    """The proposal (title, rule, text) and the choices.

    Choices among buttons sit to the right of the proposal, in a scroll area when there are
    many; a form with :attr:`WIDE` set (the ranked ballot) puts them below the proposal,
    across the whole width, with the proposal's text in a shorter box.
    """

    WIDE = False
    """Choices below the proposal across the whole width (rather than beside it)."""
    WIDE_TEXT_HEIGHT = 130

    def __init__(self, decision: DecisionRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ballotForm")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.decision = decision
        title = _label(decision.title, "ballotTitle")
        rule = _label(rule_in_words(decision), "ballotRule")
        self.text = QTextBrowser()
        self.text.setObjectName("ballotText")
        self.text.setOpenLinks(False)
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text.setAccessibleName(self.tr("Proposal text"))
        self.text.setHtml(
            decision.text
            if decision.text.strip()
            else "<p><i>{}</i></p>".format(escape(self.tr("The proposal has no further text.")))
        )
        self.heading = _label(self.choice_heading(), "ballotSection")
        self.help = _label("", "ballotHelp")
        self.help.hide()
        self.choices = QVBoxLayout()
        self.choices.setSpacing(12)
        self.choices.setContentsMargins(0, 0, 0, 0)
        proposal = QVBoxLayout()
        proposal.setSpacing(10)
        proposal.addWidget(title)
        proposal.addWidget(rule)
        side = QVBoxLayout()
        side.setSpacing(10)
        side.addWidget(self.heading)
        side.addWidget(self.help)
        if self.WIDE:
            self.choice_area: QScrollArea | None = None
            self.text.setMaximumHeight(self.WIDE_TEXT_HEIGHT)
            proposal.addWidget(self.text)
            side.addLayout(self.choices, 1)
            layout: QBoxLayout = QVBoxLayout(self)
            layout.setSpacing(14)
            layout.addLayout(proposal)
            layout.addLayout(side, 1)
        else:
            proposal.addWidget(self.text, 1)
            inner = QWidget()
            inner.setObjectName("ballotChoices")
            inner.setLayout(self.choices)
            self.choice_area = QScrollArea()
            self.choice_area.setObjectName("ballotChoiceArea")
            self.choice_area.setWidgetResizable(True)
            self.choice_area.setFrameShape(QFrame.Shape.NoFrame)
            self.choice_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.choice_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.choice_area.setWidget(inner)
            side.addWidget(self.choice_area, 1)
            layout = QHBoxLayout(self)
            layout.setSpacing(32)
            layout.addLayout(proposal, 11)
            layout.addLayout(side, 9)
        layout.setContentsMargins(0, 0, 0, 0)

    def set_help(self, text: str) -> None:
        """A line of help under the choices' heading."""
        self.help.setText(text)
        self.help.setVisible(bool(text))

    def show_choice(self, widget: QWidget) -> None:
        """Scroll the choices so ``widget`` is in view."""
        if self.choice_area is not None:
            self.choice_area.ensureWidgetVisible(widget)

    # -- for subclasses ---------------------------------------------------------------------

    def choice_heading(self) -> str:
        """The heading above the choices."""
        return self.tr("Your vote")

    def choice(self) -> Choice:
        """The choice to cast (only asked for when :meth:`is_complete`)."""
        raise NotImplementedError

    def _add_buttons(self, entries: list[tuple[str, str, object]], exclusive: bool) -> QButtonGroup:
        """Add ``(key, label, value)`` choice buttons; return their group."""
        group = QButtonGroup(self)
        group.setExclusive(exclusive)
        for key, text, value in entries:
            button = ChoiceButton(key, text, value)
            group.addButton(button)
            self.choices.addWidget(button)
        self.choices.addStretch(1)
        group.buttonToggled.connect(lambda *_: self.changed.emit())
        return group

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Page Up / Page Down scroll the proposal text; other keys go to the subclass."""
        if event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            bar = self.text.verticalScrollBar()
            step = bar.pageStep() if event.key() == Qt.Key.Key_PageDown else -bar.pageStep()
            bar.setValue(bar.value() + step)
            event.accept()
            return
        if self.choice_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def choice_key(self, event: QKeyEvent) -> bool:
        """Handle a key that picks a choice; return whether it was one."""
        return False

    def _review(self, lead: str, body: str) -> str:
        return (
            f"<p>{escape(self.decision.title)}</p>"
            f"<p>{escape(lead)}</p>"
            f'<div style="font-size: 36px; font-weight: 700;">{body}</div>'
        )


_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _plain_key(event: QKeyEvent) -> bool:
    """Whether the key was pressed without Ctrl, Alt or Meta (Shift and keypad are fine)."""
    return not event.modifiers() & _COMMAND_MODIFIERS


def _click(form: BallotForm, button: QAbstractButton | None) -> bool:
    """Choose ``button`` as a click would (focus first: choosing may move the focus on)."""
    if button is None or not button.isEnabled():
        return False
    button.setFocus(Qt.FocusReason.ShortcutFocusReason)
    form.show_choice(button)
    group = button.group()
    if group is not None and group.exclusive():
        button.setChecked(True)
    else:
        button.toggle()
    return True


class _ExclusiveForm(BallotForm):
    """A form with one choice among big buttons, picked by click, letter or number key."""

    def __init__(self, decision: DecisionRow, parent: QWidget | None = None) -> None:
        super().__init__(decision, parent)
        entries = self.entries()
        self.group = self._add_buttons(
            [(key, text, value) for key, text, value, _ in entries], True
        )
        self._keys: dict[int, QAbstractButton] = {}
        for button, (_, _, _, keys) in zip(self.group.buttons(), entries, strict=True):
            for key in keys:
                self._keys[key] = button

    def entries(self) -> list[tuple[str, str, object, tuple[int, ...]]]:
        """``(shown key, label, value, keys)`` for each button."""
        raise NotImplementedError

    def chosen(self) -> object:
        """The value of the checked button (``None`` when none is checked)."""
        button = self.group.checkedButton()
        return button.value if isinstance(button, ChoiceButton) else None

    def choice_key(self, event: QKeyEvent) -> bool:
        """Letters and numbers pick a choice."""
        return _plain_key(event) and _click(self, self._keys.get(event.key()))

    def is_complete(self) -> bool:
        """Whether a choice is made."""
        return self.group.checkedButton() is not None

    def focus_first(self) -> None:
        """Focus the checked choice, or the first."""
        button = self.group.checkedButton() or self.group.buttons()[0]
        button.setFocus()


class YesNoForm(_ExclusiveForm):
    """Yes, no or abstain (simple and super-majority)."""

    def entries(self) -> list[tuple[str, str, object, tuple[int, ...]]]:
        """Yes, no, abstain."""
        return [
            (self.tr("Y"), self.tr("Yes"), YesNo.YES, (Qt.Key.Key_Y, Qt.Key.Key_1)),
            (self.tr("N"), self.tr("No"), YesNo.NO, (Qt.Key.Key_N, Qt.Key.Key_2)),
            (self.tr("A"), self.tr("Abstain"), YesNo.ABSTAIN, (Qt.Key.Key_A, Qt.Key.Key_3)),
        ]

    def hint(self) -> str:
        """What to do."""
        return self.tr("Choose yes, no or abstain.")

    def choice(self) -> YesNo:
        """The vote."""
        value = self.chosen()
        assert isinstance(value, YesNo)
        return value

    def review_html(self) -> str:
        """The vote in words."""
        names = {
            YesNo.YES: self.tr("Yes"),
            YesNo.NO: self.tr("No"),
            YesNo.ABSTAIN: self.tr("Abstain"),
        }
        return self._review(self.tr("Your vote:"), escape(names[self.choice()]))


class PluralityForm(_ExclusiveForm):
    """One of the options, or abstain."""

    def __init__(self, decision: DecisionRow, parent: QWidget | None = None) -> None:
        super().__init__(decision, parent)
        self.set_help(self.tr("Choose one option (number keys 1-9), or abstain (A)."))

    def entries(self) -> list[tuple[str, str, object, tuple[int, ...]]]:
        """The options, then abstain."""
        digits = list(DIGIT_KEYS)
        rows: list[tuple[str, str, object, tuple[int, ...]]] = [
            (str(i + 1) if i < 9 else "·", option, option, (digits[i],) if i < 9 else ())
            for i, option in enumerate(self.decision.ballot_options)
        ]
        rows.append((self.tr("A"), self.tr("Abstain"), _ABSTAIN, (Qt.Key.Key_A,)))
        return rows

    def hint(self) -> str:
        """What to do."""
        return self.tr("Choose an option, or abstain.")

    def choice(self) -> str | None:
        """The option chosen, ``None`` to abstain."""
        value = self.chosen()
        return None if value is _ABSTAIN else str(value)

    def review_html(self) -> str:
        """The choice in words."""
        option = self.choice()
        if option is None:
            return self._review(self.tr("You abstain."), escape(self.tr("Abstain")))
        return self._review(self.tr("You choose:"), escape(option))


class ApprovalForm(BallotForm):
    """Approve any number of the options (none: abstain)."""

    def __init__(self, decision: DecisionRow, parent: QWidget | None = None) -> None:
        super().__init__(decision, parent)
        self.set_help(
            self.tr(
                "Approve every option you can live with (number keys 1-9 switch one on or "
                "off). Approving none is an abstention."
            )
        )
        options = decision.ballot_options
        self.group = self._add_buttons(
            [(str(i + 1) if i < 9 else "·", o, o) for i, o in enumerate(options)], False
        )
        self._keys: dict[int, QAbstractButton] = dict(
            zip(DIGIT_KEYS, self.group.buttons(), strict=False)
        )

    def choice_heading(self) -> str:
        """Heading."""
        return self.tr("Your approval")

    def choice_key(self, event: QKeyEvent) -> bool:
        """Number keys toggle an option."""
        return _plain_key(event) and _click(self, self._keys.get(event.key()))

    def is_complete(self) -> bool:
        """Always: approving none abstains (the review says so)."""
        return True

    def choice(self) -> frozenset[str]:
        """The options approved."""
        return frozenset(
            str(b.value)
            for b in self.group.buttons()
            if isinstance(b, ChoiceButton) and b.isChecked()
        )

    def review_html(self) -> str:
        """The approved options, in ballot order."""
        approved = self.choice()
        names = [o for o in self.decision.ballot_options if o in approved]
        if not names:
            return self._review(
                self.tr("You approve no option: this counts as an abstention."),
                escape(self.tr("Abstain")),
            )
        lines = "<br>".join(f"✓&nbsp;&nbsp;{escape(name)}" for name in names)
        rest = [o for o in self.decision.ballot_options if o not in approved]
        others = (
            "<p>{}</p>".format(
                escape(self.tr("Not approved: {options}").format(options=", ".join(rest)))
            )
            if rest
            else ""
        )
        return self._review(self.tr("You approve:"), lines) + others

    def focus_first(self) -> None:
        """The first option."""
        self.group.buttons()[0].setFocus()


class RankingList(QListWidget):
    """One of the two lists of a ranked ballot (drag and drop between them)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class RankedForm(BallotForm):
    """Rank the options best first (Schulze, instant-runoff); options left out are unranked.

    Space moves the highlighted option to the other list (ranking adds it at the bottom),
    Alt+Up / Alt+Down move it within the ranking, Tab switches lists; the mouse drags.
    """

    WIDE = True

    def __init__(self, decision: DecisionRow, parent: QWidget | None = None) -> None:
        super().__init__(decision, parent)
        self.heading.hide()
        self.set_help(
            self.tr(
                "Rank the options you support, best first; rank as many as you like.  "
                "Space: rank or unrank the highlighted option.  Alt+↑ / Alt+↓: move it.  "
                "Tab: the other list.  Or drag with the mouse."
            )
        )
        self.ranked = RankingList("ballotRanked")
        self.ranked.setAccessibleName(self.tr("Your ranking, best first"))
        self.unranked = RankingList("ballotUnranked")
        self.unranked.setAccessibleName(self.tr("Not ranked"))
        for option in decision.ballot_options:
            item = QListWidgetItem(option)
            item.setData(OPTION_ROLE, option)
            self.unranked.addItem(item)
        self.rank_button = QPushButton(self.tr("Rank ▶"))
        self.unrank_button = QPushButton(self.tr("◀ Unrank"))
        self.up_button = QPushButton(self.tr("▲ Up"))
        self.down_button = QPushButton(self.tr("▼ Down"))
        middle = QVBoxLayout()
        middle.addStretch(1)
        for button in (self.rank_button, self.unrank_button, self.up_button, self.down_button):
            button.setObjectName("kioskButton")
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            middle.addWidget(button)
            if button is self.unrank_button:
                middle.addSpacing(24)
        middle.addStretch(1)
        self.rank_button.clicked.connect(lambda: self._toggle(self.unranked))
        self.unrank_button.clicked.connect(lambda: self._toggle(self.ranked))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        left = QVBoxLayout()
        left.addWidget(_label(self.tr("Not ranked"), "ballotListHeading"))
        left.addWidget(self.unranked, 1)
        right = QVBoxLayout()
        right.addWidget(_label(self.tr("Your ranking (best first)"), "ballotListHeading"))
        right.addWidget(self.ranked, 1)
        row = QHBoxLayout()
        row.setSpacing(20)
        row.addLayout(left, 1)
        row.addLayout(middle)
        row.addLayout(right, 1)
        self.choices.addLayout(row, 1)
        for widget in (self.ranked, self.unranked):
            model = widget.model()
            model.rowsInserted.connect(self._renumber)
            model.rowsRemoved.connect(self._renumber)
            model.rowsMoved.connect(self._renumber)
            widget.installEventFilter(self)
        self.setTabOrder(self.unranked, self.ranked)
        self._renumber()

    def choice_heading(self) -> str:
        """Heading."""
        return self.tr("Your ranking")

    def eventFilter(self, watched: object, event: object) -> bool:
        """Space and Alt+arrows in either list."""
        return (
            watched in (self.ranked, self.unranked)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and self._list_key(watched, event)
        )

    def _list_key(self, widget: object, event: QKeyEvent) -> bool:
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_Space and isinstance(widget, RankingList):
            self._toggle(widget)
            return True
        if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and widget is self.ranked:
            self._move(-1 if key == Qt.Key.Key_Up else 1)
            return True
        return False

    def _toggle(self, source: QListWidget) -> None:
        """Move the highlighted option of ``source`` to the other list."""
        row = source.currentRow()
        if row < 0:
            return
        target = self.unranked if source is self.ranked else self.ranked
        item = source.takeItem(row)
        if target is self.unranked:  # back among the unranked in ballot order
            order = self.decision.ballot_options
            position = sum(
                1
                for i in range(target.count())
                if order.index(target.item(i).data(OPTION_ROLE))
                < order.index(item.data(OPTION_ROLE))
            )
            target.insertItem(position, item)
        else:
            target.addItem(item)
        if source.count():
            source.setCurrentRow(min(row, source.count() - 1))
            source.setFocus()
        else:
            target.setCurrentItem(item)
            target.setFocus()
        self._renumber()

    def _move(self, step: int) -> None:
        row = self.ranked.currentRow()
        new = row + step
        if row < 0 or not 0 <= new < self.ranked.count():
            return
        item = self.ranked.takeItem(row)
        self.ranked.insertItem(new, item)
        self.ranked.setCurrentRow(new, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.ranked.setFocus()
        self._renumber()

    def _renumber(self, *args: object) -> None:
        for i in range(self.ranked.count()):
            item = self.ranked.item(i)
            item.setText(f"{i + 1}.  {item.data(OPTION_ROLE)}")
        for i in range(self.unranked.count()):
            item = self.unranked.item(i)
            item.setText(str(item.data(OPTION_ROLE)))
        self.changed.emit()

    def is_complete(self) -> bool:
        """Always: a partial ranking is allowed and an empty one abstains."""
        return True

    def choice(self) -> tuple[str, ...]:
        """The options ranked, best first."""
        return tuple(str(self.ranked.item(i).data(OPTION_ROLE)) for i in range(self.ranked.count()))

    def review_html(self) -> str:
        """The ranking and what is left unranked."""
        ranking = self.choice()
        if not ranking:
            return self._review(
                self.tr("You rank no option: this counts as an abstention."),
                escape(self.tr("Abstain")),
            )
        lines = "<br>".join(
            f"{rank}.&nbsp;&nbsp;{escape(option)}" for rank, option in enumerate(ranking, 1)
        )
        rest = [o for o in self.decision.ballot_options if o not in ranking]
        unranked = (
            "<p>{}</p>".format(
                escape(
                    self.tr("Not ranked (below all you ranked): {options}").format(
                        options=", ".join(rest)
                    )
                )
            )
            if rest
            else ""
        )
        return self._review(self.tr("Your ranking, best first:"), lines) + unranked

    def focus_first(self) -> None:
        """The first unranked option (or the ranking when all are ranked)."""
        widget = self.unranked if self.unranked.count() else self.ranked
        if widget.currentRow() < 0 and widget.count():
            widget.setCurrentRow(0)
        widget.setFocus()


class ReasonEdit(QPlainTextEdit):
    """A reason of at most :data:`MAX_REASON_LENGTH` characters; Enter goes on (no newlines)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ballotReason")
        self.setTabChangesFocus(True)
        self.textChanged.connect(self._limit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter is not a newline here: it reaches the kiosk, which goes on to the review."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()
            return
        super().keyPressEvent(event)

    def _limit(self) -> None:
        text = self.toPlainText()
        if len(text) > MAX_REASON_LENGTH:
            cursor = self.textCursor()
            position = min(cursor.position(), MAX_REASON_LENGTH)
            self.setPlainText(text[:MAX_REASON_LENGTH])
            cursor = self.textCursor()
            cursor.setPosition(position)
            self.setTextCursor(cursor)

    def reason(self) -> str:
        """The reason typed, trimmed."""
        return self.toPlainText().strip()


class _StanceForm(_ExclusiveForm):
    """A stance among buttons plus a reason that some stances require."""

    def __init__(self, decision: DecisionRow, parent: QWidget | None = None) -> None:
        super().__init__(decision, parent)
        self.reason_label = _label(self.tr("Reason"), "ballotSection")
        self.reason = ReasonEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.counter = _label("", "ballotCounter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.choices.insertWidget(self.choices.count() - 1, self.reason_label)
        self.choices.insertWidget(self.choices.count() - 1, self.reason, 1)
        self.choices.insertWidget(self.choices.count() - 1, self.counter)
        self.reason.textChanged.connect(self._reason_changed)
        self.group.buttonToggled.connect(self._stance_changed)
        self._stance_changed()

    def reason_allowed(self) -> bool:
        """Whether the chosen stance takes a reason."""
        raise NotImplementedError

    def reason_required(self) -> bool:
        """Whether the chosen stance needs a reason."""
        raise NotImplementedError

    def _stance_changed(self, *args: object) -> None:
        allowed = self.reason_allowed()
        self.reason.setEnabled(allowed)
        self.reason_label.setText(
            self.tr("Reason (required)") if self.reason_required() else self.tr("Reason")
        )
        self.reason.setPlaceholderText(
            self.tr("Say why, in a sentence or two.")
            if allowed
            else self.tr("(Only for the stances that give a reason.)")
        )
        self._reason_changed()
        if self.reason_required() and not self.reason.reason():
            self.reason.setFocus()

    def _reason_changed(self) -> None:
        self.counter.setText(
            self.tr("{n} / {max} characters").format(
                n=len(self.reason.toPlainText()), max=MAX_REASON_LENGTH
            )
        )
        self.changed.emit()

    def given_reason(self) -> str:
        """The reason when the stance takes one, else empty."""
        return self.reason.reason() if self.reason_allowed() else ""

    def is_complete(self) -> bool:
        """A stance, and a reason where one is required."""
        return super().is_complete() and (not self.reason_required() or bool(self.given_reason()))

    def _review_reason(self) -> str:
        reason = self.given_reason()
        if not reason:
            return ""
        return "<p>{}</p><blockquote>{}</blockquote>".format(
            escape(self.tr("Your reason:")), escape(reason).replace("\n", "<br>")
        )


class ConsensusForm(_StanceForm):
    """Agree, stand aside (reason optional) or block (reason required)."""

    def entries(self) -> list[tuple[str, str, object, tuple[int, ...]]]:
        """Agree, stand aside, block."""
        return [
            ("1", self.tr("Agree"), ConsensusStance.AGREE, (Qt.Key.Key_1,)),
            ("2", self.tr("Stand aside"), ConsensusStance.STAND_ASIDE, (Qt.Key.Key_2,)),
            ("3", self.tr("Block"), ConsensusStance.BLOCK, (Qt.Key.Key_3,)),
        ]

    def choice_heading(self) -> str:
        """Heading."""
        return self.tr("Your stance")

    def reason_allowed(self) -> bool:
        """Stand aside and block take a reason."""
        return self.chosen() in (ConsensusStance.STAND_ASIDE, ConsensusStance.BLOCK)

    def reason_required(self) -> bool:
        """A block must give its reason."""
        return self.chosen() is ConsensusStance.BLOCK

    def hint(self) -> str:
        """What is missing."""
        if self.chosen() is None:
            return self.tr("Choose agree, stand aside or block.")
        return self.tr("A block needs its reason.")

    def choice(self) -> ConsensusVote:
        """The stance and its reason."""
        stance = self.chosen()
        assert isinstance(stance, ConsensusStance)
        return ConsensusVote(stance, self.given_reason())

    def review_html(self) -> str:
        """Stance and reason in words."""
        names = {
            ConsensusStance.AGREE: self.tr("Agree"),
            ConsensusStance.STAND_ASIDE: self.tr("Stand aside"),
            ConsensusStance.BLOCK: self.tr("Block"),
        }
        vote = self.choice()
        return self._review(self.tr("Your stance:"), escape(names[vote.stance])) + (
            self._review_reason()
        )


class ConsentForm(_StanceForm):
    """Consent, object (reason required) or abstain."""

    def entries(self) -> list[tuple[str, str, object, tuple[int, ...]]]:
        """Consent, object, abstain."""
        return [
            ("1", self.tr("Consent"), ConsentStance.CONSENT, (Qt.Key.Key_1,)),
            ("2", self.tr("Object"), ConsentStance.OBJECT, (Qt.Key.Key_2,)),
            ("3", self.tr("Abstain"), ConsentStance.ABSTAIN, (Qt.Key.Key_3,)),
        ]

    def choice_heading(self) -> str:
        """Heading."""
        return self.tr("Your stance")

    def reason_allowed(self) -> bool:
        """Only an objection gives a reason."""
        return self.chosen() is ConsentStance.OBJECT

    def reason_required(self) -> bool:
        """An objection must give its reason."""
        return self.reason_allowed()

    def hint(self) -> str:
        """What is missing."""
        if self.chosen() is None:
            return self.tr("Choose consent, object or abstain.")
        return self.tr("An objection needs its reason.")

    def choice(self) -> ConsentVote:
        """The stance and, for an objection, its reason."""
        stance = self.chosen()
        assert isinstance(stance, ConsentStance)
        return ConsentVote(stance, self.given_reason())

    def review_html(self) -> str:
        """Stance and reason in words."""
        names = {
            ConsentStance.CONSENT: self.tr("Consent"),
            ConsentStance.OBJECT: self.tr("Object"),
            ConsentStance.ABSTAIN: self.tr("Abstain"),
        }
        vote = self.choice()
        return self._review(self.tr("Your stance:"), escape(names[vote.stance])) + (
            self._review_reason()
        )


FORMS: dict[RuleKind, type[BallotForm]] = {
    RuleKind.SIMPLE_MAJORITY: YesNoForm,
    RuleKind.SUPER_MAJORITY: YesNoForm,
    RuleKind.PLURALITY: PluralityForm,
    RuleKind.APPROVAL: ApprovalForm,
    RuleKind.SCHULZE: RankedForm,
    RuleKind.INSTANT_RUNOFF: RankedForm,
    RuleKind.CONSENSUS: ConsensusForm,
    RuleKind.CONSENT: ConsentForm,
}
"""The ballot form for each rule."""


def make_ballot_form(decision: DecisionRow, parent: QWidget | None = None) -> BallotForm:
    """A new, empty ballot form for ``decision``'s rule."""
    return FORMS[decision.rule.kind](decision, parent)
