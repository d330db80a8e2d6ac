"""The cell editors open in a window's tables: what is typed there is kept or dropped as the
user would by clicking elsewhere or pressing Esc."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

from ljtracker.ui.figure_delegates import typed_problem


def open_editors(window: QWidget) -> list[tuple[QAbstractItemView, QWidget]]:
    """The cell editors open in the window's tables, each with its table."""
    editors = []
    for view in window.findChildren(QAbstractItemView):
        if view.state() is QAbstractItemView.State.EditingState:
            editor = view.indexWidget(view.currentIndex())
            if editor is not None:
                editors.append((view, editor))
    return editors


def drop_typing(window: QWidget) -> bool:
    """Close the open cell editors as Esc does, dropping what was typed; whether anything had
    been typed into one."""
    typed = False
    for _view, editor in open_editors(window):
        typed |= isinstance(editor, QLineEdit) and editor.isModified()
        escape = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(editor, escape)
    return typed


def finish_typing(window: QWidget) -> str | None:
    """What is being typed into a cell is kept, as when the user clicks elsewhere: its editor
    commits on losing the focus, whether or not the window has it. A text that cannot be taken
    stays in its open editor; why is returned."""
    for view, editor in open_editors(window):
        if editor.hasFocus():  # a real focus-out, the focus gone: the delegate commits
            editor.clearFocus()
        else:
            leaving = QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.OtherFocusReason)
            QApplication.sendEvent(editor, leaving)
        if view.state() is QAbstractItemView.State.EditingState:
            editor.setFocus()
            return typed_problem(editor)
    return None
