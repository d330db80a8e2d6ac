"""Driving a modal dialog from a test: open it, fill its fields, press its buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot


def with_dialog(qtbot: QtBot, fill: Callable[[QDialog], None], open_it: Callable[[], Any]) -> Any:
    """Open a modal dialog and drive it with `fill` while it runs; a dialog left open by
    `fill` (a refused OK) is cancelled afterwards, so the call always returns."""
    failures: list[BaseException] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            failures.append(AssertionError(f"no dialog is open: {dialog!r}"))
            return
        try:
            fill(dialog)
        except BaseException as e:
            failures.append(e)
        finally:
            if dialog.isVisible():  # closed as it is, without asking about what was typed
                dialog.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(0, drive)
    result = open_it()
    if failures:
        raise failures[0]
    return result


def type_text(qtbot: QtBot, dialog: QDialog, name: str, text: str) -> None:
    edit = dialog.findChild(QLineEdit, name)
    assert edit is not None, name
    edit.clear()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:  # QTest's key clicks cannot carry characters beyond Latin-1
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(edit, event)
    assert edit.text() == text


def press_ok(qtbot: QtBot, dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def shown(dialog: QDialog, name: str) -> str:
    label = dialog.findChild(QLabel, f"{name}_message")
    assert label is not None, name
    return label.text() if label.isVisibleTo(dialog) else ""
