"""Form fields that check what is typed and show the reason right beneath the field.

Numbers go through the one parser (`parse_number`, `parse_year`); a field keeps its own parse
error and also shows a problem the form hands it (a domain rule or a refusal from a service).
Messages appear once the user has left the field, or for every field when OK is pressed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ljtracker.domain.model import Area, Milestone
from ljtracker.domain.numbers import (
    NumberError,
    NumberProblem,
    is_missing_marker,
    parse_number,
    parse_year,
)
from ljtracker.domain.validation import Problem
from ljtracker.domain.wording import title
from ljtracker.services.changes import Changes
from ljtracker.services.editing import EditError
from ljtracker.storage import reads
from ljtracker.storage.workbook import WorkbookError
from ljtracker.ui import i18n
from ljtracker.ui.session import Session

_LABEL_END = re.compile(r"\s*[:：]\s*$")  # "Code:" names the input "Code"
PROBLEM_COLOR = "#D55E00"  # vermillion (Okabe–Ito): readable on light and dark backgrounds
V = TypeVar("V")
F = TypeVar("F", bound="Field")


def pick(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def problem_text(problem: Problem, lang: str) -> str:
    """A domain or service problem as a sentence in the session's language."""
    text = pick(lang, problem.message_en, problem.message_zh)
    return text[:1].upper() + text[1:]


def area_name(area: Area, lang: str) -> str:
    if lang == "zh":
        return area.name_zh or area.name_en
    return area.name_en or area.name_zh


def number_text(value: float | None) -> str:
    """A stored value as editable text that parses back to exactly the same float."""
    if value is None:
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


class FieldMessage(QLabel):
    """Why a field's content is refused; hidden while there is nothing to say."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}_message")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {PROBLEM_COLOR};")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class Field(QWidget):
    """An input widget with its message beneath it. `changed` fires on every edit."""

    changed = Signal()

    def __init__(self, key: str, editor: QWidget, body: QWidget | None = None) -> None:
        super().__init__()
        self.key = key
        self.editor = editor
        editor.setObjectName(key)
        self.message = FieldMessage(key)
        self.revealed = False
        self._problem = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(body or editor)
        layout.addWidget(self.message)
        self.setFocusProxy(editor)
        if isinstance(editor, QLineEdit):
            editor.textChanged.connect(self._edited)
            editor.editingFinished.connect(self.reveal)
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(self._chosen)
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(self._edited)

    def own_error(self) -> str:
        """The field's own complaint about its text (a parse error); "" when fine."""
        return ""

    def typed(self) -> object:
        """What the field holds as typed or chosen, to tell whether the user changed it."""
        editor = self.editor
        if isinstance(editor, QLineEdit):
            return editor.text()
        if isinstance(editor, QComboBox):
            return editor.currentIndex()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        return None

    def set_problem(self, text: str) -> None:
        self._problem = text
        self.refresh_message()

    def shown_problem(self) -> str:
        """What the field would say if revealed: its own error first, else the form's problem."""
        if not self.isEnabled():
            return ""
        return self.own_error() or self._problem

    def reveal(self) -> None:
        self.revealed = True
        self.refresh_message()

    def refresh_message(self) -> None:
        text = self.shown_problem() if self.revealed else ""
        self.message.show_message(text)
        self.editor.setAccessibleDescription(text)  # read out by screen readers with the field

    def _edited(self) -> None:
        self.changed.emit()
        self.refresh_message()

    def _chosen(self) -> None:
        self.revealed = True
        self._edited()

    def changeEvent(self, event: Any) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.EnabledChange:
            self.refresh_message()


class TextField(Field):
    def __init__(self, key: str, placeholder: str = "") -> None:
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        super().__init__(key, self.line)

    def text(self) -> str:
        return self.line.text().strip()

    def set_text(self, text: str) -> None:
        self.line.setText(text)
        self.line.setCursorPosition(0)


class NotesField(Field):
    def __init__(self, key: str) -> None:
        self.box = QPlainTextEdit()
        self.box.setTabChangesFocus(True)
        self.box.setFixedHeight(self.box.fontMetrics().lineSpacing() * 4 + 12)
        super().__init__(key, self.box)

    def text(self) -> str:
        return self.box.toPlainText().strip()

    def set_text(self, text: str) -> None:
        self.box.setPlainText(text)


class _ParsedField(Field, Generic[V]):
    """A line edit whose text is parsed; empty (or a missing-figure mark) is None if optional."""

    def __init__(self, key: str, lang: str, optional: bool, placeholder: str = "") -> None:
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self.lang = lang
        self.optional = optional
        super().__init__(key, self.line)

    def parse(self, text: str) -> V:
        raise NotImplementedError

    def _result(self) -> tuple[V | None, str]:
        text = self.line.text()
        if self.optional and is_missing_marker(text):
            return None, ""
        try:
            return self.parse(text), ""
        except NumberError as e:
            return None, pick(self.lang, e.message_en, e.message_zh)

    def value(self) -> V | None:
        return self._result()[0]

    def own_error(self) -> str:
        return self._result()[1]


class NumberField(_ParsedField[float]):
    """A number through `parse_number`; `unit` tells whether a percent sign is allowed."""

    def __init__(
        self,
        key: str,
        lang: str,
        *,
        optional: bool = True,
        unit: Callable[[], str] = str,
        placeholder: str = "",
        plus_minus: bool = False,
        goal: bool = False,
    ) -> None:
        self._unit = unit
        self._plus_minus = plus_minus
        self._goal = goal  # "about 90 %" is said by the comparator, not marked as an estimate
        super().__init__(key, lang, optional, placeholder)

    def parse(self, text: str) -> float:
        try:
            return parse_number(text, unit=self._unit(), plus_minus=self._plus_minus)
        except NumberError as e:
            if not self._goal or e.problem is not NumberProblem.APPROXIMATE:
                raise
            said = QCoreApplication.translate(
                "FormDialog",
                '"{text}" is an approximate amount; enter the number alone: a target of about'
                ' a value takes the comparator "About (a band)".',
            ).format(text=e.text.strip())
            raise NumberError(e.text, said, said, problem=e.problem) from e

    def set_value(self, value: float | None) -> None:
        self.line.setText(number_text(value))


class YearField(_ParsedField[int]):
    def __init__(self, key: str, lang: str, *, optional: bool = True) -> None:
        super().__init__(key, lang, optional)
        self.line.setMaxLength(16)

    def parse(self, text: str) -> int:
        return parse_year(text)

    def set_value(self, year: int | None) -> None:
        self.line.setText("" if year is None else str(year))


class ChoiceField(Field, Generic[V]):
    """A combo box of (label, value) choices; the value may be None ("none" choices)."""

    def __init__(self, key: str, choices: Sequence[tuple[str, V]]) -> None:
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(12)
        self._values = [value for _, value in choices]
        for label, _ in choices:
            self.combo.addItem(label)
        super().__init__(key, self.combo)

    def value(self) -> V:
        return self._values[max(self.combo.currentIndex(), 0)]

    def set_value(self, value: V) -> None:
        if value in self._values:
            self.combo.setCurrentIndex(self._values.index(value))


class MilestonesField(Field):
    """A small table of (year, value) rows, each cell through the parser, with add and remove."""

    def __init__(self, key: str, lang: str, *, unit: Callable[[], str] = str) -> None:
        self.lang = lang
        self._unit = unit
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Year"), self.tr("Value")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setFixedHeight(self.table.fontMetrics().lineSpacing() * 6)
        self.add_button = QPushButton(self.tr("Add milestone"))
        self.add_button.setObjectName(f"{key}_add")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName(f"{key}_remove")
        self.remove_button.setToolTip(self.tr("Remove the selected milestones"))
        body = QWidget()
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        super().__init__(key, self.table, body)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemChanged.connect(self._edited)

    def add_row(self, year: str = "", value: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        year_item = QTableWidgetItem(year)
        self.table.setItem(row, 0, year_item)
        self.table.setItem(row, 1, QTableWidgetItem(value))
        if not year:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(year_item)
        self._edited()

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if not rows and self.table.currentRow() >= 0:
            rows = {self.table.currentRow()}
        for row in sorted(rows, reverse=True):
            self.table.removeRow(row)
        self.reveal()
        self._edited()

    def set_milestones(self, milestones: Sequence[Milestone]) -> None:
        self.table.setRowCount(0)
        for milestone in milestones:
            self.add_row(str(milestone.year), number_text(milestone.value))

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _parsed(self) -> tuple[list[Milestone], str]:
        milestones: list[Milestone] = []
        for row in range(self.table.rowCount()):
            year_text, value_text = self._cell(row, 0), self._cell(row, 1)
            if not year_text.strip() and not value_text.strip():
                continue
            try:
                year = parse_year(year_text)
                value = parse_number(value_text, unit=self._unit())
            except NumberError as e:
                problem = pick(self.lang, e.message_en, e.message_zh)
                return [], self.tr("Row {row}: {problem}").format(row=row + 1, problem=problem)
            milestones.append(Milestone(year, value))
        return sorted(milestones, key=lambda m: m.year), ""

    def value(self) -> tuple[Milestone, ...]:
        return tuple(self._parsed()[0])

    def typed(self) -> object:
        rows = ((self._cell(row, 0), self._cell(row, 1)) for row in range(self.table.rowCount()))
        return tuple(row for row in rows if any(cell.strip() for cell in row))

    def own_error(self) -> str:
        return self._parsed()[1]


class FormDialog(QDialog, Generic[V]):
    """A dialog of fields. OK writes through `submit` only when no field has a problem; a
    refusal from the service (a duplicate code) is shown at its field and the dialog stays."""

    # Problem.field names shown at other fields, in an English and in a Chinese window ("name"
    # beneath the name in the window's language).
    problem_aliases: ClassVar[dict[str, tuple[str, str]]] = {}

    def __init__(
        self, session: Session, submit: Callable[[V], Changes], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = session.lang
        self._submit = submit
        self.fields: dict[str, Field] = {}
        self.changes: Changes | None = None
        self._shown_with: dict[str, object] | None = None  # what the fields held when shown
        self.form_message = FieldMessage("form")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def set_width_for(self, characters: int) -> None:
        """At least as wide as `characters` Latin letters, in either language (a Chinese font's
        average character is a full-width one, twice as wide), and never wider than the screen."""
        metrics = self.fontMetrics()
        wanted = min(metrics.averageCharWidth(), metrics.horizontalAdvance("x")) * characters
        screen = self.screen()
        if screen is not None:
            wanted = min(wanted, screen.availableGeometry().width() * 9 // 10)
        self.setMinimumWidth(wanted)

    def showEvent(self, event: QShowEvent) -> None:
        self._name_inputs()
        if self._shown_with is None:
            self._shown_with = self._typed()
        super().showEvent(event)

    def _typed(self) -> dict[str, object]:
        return {key: field.typed() for key, field in self.fields.items()} | {
            "": self.chosen_besides_fields()
        }

    def chosen_besides_fields(self) -> object:
        """What the form's inputs that are not fields hold (radio buttons, say)."""
        return None

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous():  # the window's close button: as Cancel
            super().closeEvent(event)
        else:  # closed by the program
            self.done(QDialog.DialogCode.Rejected)
            event.accept()

    def reject(self) -> None:
        """Cancel, Esc or the window's close button: what was typed is dropped only when the
        user says so."""
        if self._shown_with is not None and self._typed() != self._shown_with:
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("FormDialog", "Discard What Was Typed?"),
                QCoreApplication.translate(
                    "FormDialog", "Close the form without saving what was typed in it?"
                ),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def _name_inputs(self) -> None:
        """Each input named by its label, for a screen reader: the labels point at the fields,
        whose inputs would otherwise have no name."""
        for label in self.findChildren(QLabel):
            buddy = label.buddy()
            if not isinstance(buddy, Field):
                continue
            # a label's Alt+letter goes to its buddy only when that can take the focus: the
            # input, not the field around it
            label.setBuddy(buddy.editor)
            if not buddy.editor.accessibleName():
                buddy.editor.setAccessibleName(_LABEL_END.sub("", label.text().replace("&", "")))

    def note_label(self, name: str) -> QLabel:
        """A note under the fields on what a value entered means (hidden until it has one)."""
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.hide()
        return label

    def plan_label(self, plan_id: int) -> QLabel:
        """The plan the form's area or target belongs to, named at its top."""
        plan = reads.plan_by_id(self.session.workbook, plan_id)
        label = QLabel(
            QCoreApplication.translate("FormDialog", "Plan: {title}").format(
                title=title(plan, self.lang) if plan else ""
            )
        )
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    def add(self, field: F) -> F:
        self.fields[field.key] = field
        field.changed.connect(self.refresh)
        return field

    def collect(self) -> tuple[V, list[Problem]]:
        """The value the fields describe, and what is wrong with it."""
        raise NotImplementedError

    def update_enabled(self) -> None:
        """Enable the fields the current choices need."""

    def refresh(self) -> None:
        self.update_enabled()
        self.show_problems(self.collect()[1])

    def show_problems(self, problems: Sequence[Problem]) -> None:
        at_field: dict[str, list[str]] = {}
        general: list[str] = []
        for problem in problems:
            alias = self.problem_aliases.get(problem.field)
            key = problem.field if alias is None else alias[self.lang == "zh"]
            text = problem_text(problem, self.lang)
            if key in self.fields:
                at_field.setdefault(key, []).append(text)
            else:
                general.append(text)
        for key, field in self.fields.items():
            field.set_problem("\n".join(dict.fromkeys(at_field.get(key, []))))
        self.form_message.show_message("\n".join(dict.fromkeys(general)))
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Grow, when messages need more room than the dialog has: a dialog keeps its size
        as its contents grow, and squeezed its fields to a line to make room for them."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        width = max(self.width(), layout.totalMinimumSize().width())
        # wrapped messages are as tall as the width leaves them: ask at the dialog's width
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        height = max(height, layout.totalSizeHint().height())
        if height <= self.height() and width <= self.width():
            return
        screen = self.screen().availableGeometry()  # and never past the screen's edge
        border = self.frameGeometry().size() - self.size()  # the window's frame and title
        width = min(width, screen.width() - border.width())
        height = min(max(self.height(), height), screen.height() - border.height())
        self.resize(width, height)
        frame = self.frameGeometry()
        if frame.bottom() > screen.bottom() or frame.right() > screen.right():
            self.move(
                max(screen.left(), min(frame.left(), screen.right() - frame.width())),
                max(screen.top(), min(frame.top(), screen.bottom() - frame.height())),
            )

    def _focus_first_problem(self) -> None:
        for field in self.fields.values():
            if field.shown_problem():
                field.setFocus()
                return

    def accept(self) -> None:
        for field in self.fields.values():
            field.reveal()
        self.update_enabled()
        value, problems = self.collect()
        self.show_problems(problems)
        if problems or any(field.shown_problem() for field in self.fields.values()):
            self._focus_first_problem()
            return
        try:
            self.changes = self._submit(value)
        except EditError as e:
            self.show_problems(e.problems)
            self._focus_first_problem()
            return
        except WorkbookError as e:
            self.form_message.show_message(i18n.error_text(e, self.lang))
            return
        super().accept()
