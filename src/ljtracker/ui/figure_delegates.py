"""Cell editors for figures: numbers through the one parser, quality as a choice list.

A refused number keeps its editor open with a red border and the reason beside the cell;
nothing is written until the text is one the parser accepts (Escape gives up the edit).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from ljtracker.domain.model import Quality
from ljtracker.ui.quality_text import QUALITIES, quality_label

Index = QModelIndex | QPersistentModelIndex

_COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
_PROBLEM_STYLE = "QLineEdit { border: 2px solid #CC3311; }"


class FigureEditor(QLineEdit):
    """A line edit that can show why its text is refused."""

    def __init__(self, parent: QWidget, index: Index) -> None:
        super().__init__(parent)
        self.index = QPersistentModelIndex(index)
        self.original = ""
        self.problem = ""
        self.textEdited.connect(self.clear_problem)

    def show_problem(self, message: str) -> None:
        self.problem = message
        self.setStyleSheet(_PROBLEM_STYLE)
        self.setToolTip(message)
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message, self)

    def clear_problem(self) -> None:
        if self.problem:
            self.problem = ""
            self.setStyleSheet("")
            self.setToolTip("")
            QToolTip.hideText()


def typed_problem(editor: QWidget) -> str | None:
    """Why the text typed into a figure cell's open editor cannot be taken, named with its
    cell ("2022, Value: …"); None when it can, or the editor is not a figure cell's."""
    if not isinstance(editor, FigureEditor) or not editor.index.isValid():
        return None
    model: Any = editor.index.model()
    index = model.index(editor.index.row(), editor.index.column())
    problem = model.problem_with(index, editor.text())
    return None if problem is None else model.at_cell(index, problem)


def correct_or_drop() -> str:
    """What to do with a typed value that cannot be taken, said after why."""
    return QCoreApplication.translate(
        "MainWindow", "Correct it, or press Esc in its cell to drop it."
    )


def leaving_forward(event: QEvent) -> bool | None:
    """For Ctrl+Tab, which leaves a figure table: True (forward) or False (Ctrl+Shift+Tab,
    backward); None for any other event."""
    if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
        return None
    modifiers = event.modifiers()
    if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or not (
        modifiers & Qt.KeyboardModifier.ControlModifier
    ):
        return None
    return event.key() == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier


class TableDelegate(QStyledItemDelegate):
    """A delegate of the figure tables: Ctrl+Tab commits the open cell and leaves the table,
    as it does with no cell open (Tab alone moves on to the next cell); Enter commits it and
    says so, for the table to move down a row."""

    entered = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        forward = leaving_forward(event)
        if forward is None or not isinstance(watched, QWidget):
            if (
                isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            ):
                self.entered.emit()
            return super().eventFilter(watched, event)
        self.commitData.emit(watched)
        self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
        view = self.parent()
        if isinstance(view, QWidget):
            QWidget.focusNextPrevChild(view, forward)
        return True


class NumberDelegate(TableDelegate):
    """Edits a value cell; the model's `problem_with` decides whether the text is taken."""

    problem_shown = Signal(str)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = FigureEditor(parent, index)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, FigureEditor)
        editor.original = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if not editor.text():
            editor.setText(editor.original)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, FigureEditor)
        if editor.text() != editor.original:
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, FigureEditor) and self._holds_back(watched, event):
            return True
        return super().eventFilter(watched, event)

    def _holds_back(self, editor: FigureEditor, event: QEvent) -> bool:
        """True when the event would commit a refused text: the editor then stays open."""
        committing = event.type() == QEvent.Type.FocusOut or (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in _COMMIT_KEYS
        )
        if not committing or editor.text() == editor.original or not editor.index.isValid():
            return False
        model: Any = editor.index.model()
        problem = model.problem_with(editor.index, editor.text())
        if problem is None:
            return False
        if event.type() != QEvent.Type.FocusOut:
            editor.show_problem(problem)  # beside the cell: it needs no name there
            self.problem_shown.emit(model.at_cell(editor.index, problem))
        return True


class QualityDelegate(TableDelegate):
    """A choice list of the qualities, with translated labels; choosing one commits it."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for quality in QUALITIES:
            combo.addItem(quality_label(quality), quality.value)
        combo.activated.connect(lambda _: self._commit(combo))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole) or Quality.OFFICIAL.value
        editor.setCurrentIndex(max(0, editor.findData(current)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        chosen = Quality(editor.currentData())
        if chosen.value != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, chosen, Qt.ItemDataRole.EditRole)
