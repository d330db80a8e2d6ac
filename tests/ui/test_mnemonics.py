"""Each dialog's Alt+letter keys are its own: two labels with one letter reach only the first."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from ljtracker.ui import i18n
from ljtracker.ui.export_dialog import ExportDialog
from ljtracker.ui.report_dialog import ReportDialog
from ljtracker.ui.session import Session

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonics(dialog: QWidget) -> list[str]:
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    return [m.group(1).casefold() for text in texts if (m := _MNEMONIC.search(text))]


DIALOGS: dict[str, Callable[[Session], QDialog]] = {
    "export": ExportDialog,
    "report": ReportDialog,
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_no_two_labels_of_a_dialog_share_a_key(
    qtbot: QtBot, session: Session, name: str, lang: str
) -> None:
    try:
        i18n.install(lang)
        dialog = DIALOGS[name](session)
        qtbot.addWidget(dialog)
        keys = mnemonics(dialog)
    finally:
        i18n.install("en")
    assert keys
    assert [key for key, count in Counter(keys).items() if count > 1] == []
