"""The Simplified Chinese translation: complete, loadable, up to date with the window's strings."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtWidgets import QApplication

from ljtracker.domain.numbers import NumberError, parse_number
from ljtracker.domain.validation import Problem
from ljtracker.services.editing import EditError
from ljtracker.storage.workbook import WorkbookError
from ljtracker.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "ljtracker_zh_CN.ts"
QM = ROOT / "src" / "ljtracker" / "translations" / "ljtracker_zh_CN.qm"
TOOLS = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{\w*\}|%\d")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in a .ts file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    i18n.install("zh")
    yield
    i18n.install("en")


def test_the_shipped_catalog_loads_and_translates() -> None:
    data = i18n.own_catalog()
    assert data is not None
    translator = QTranslator()
    assert translator.load(data)
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("MainWindow", "All changes saved") == "所有更改均已保存"


def test_installing_chinese_translates_ours_and_qts_strings_and_english_undoes_it(
    chinese: None,
) -> None:
    translate = QCoreApplication.translate
    assert translate("Actions", "&Open…") == "打开(&O)…"
    assert translate("QPlatformTheme", "Cancel") == "取消"
    assert i18n.install("en") == "en"
    assert translate("Actions", "&Open…") == "&Open…"
    assert translate("QPlatformTheme", "Cancel") == "Cancel"


def test_no_message_is_left_unfinished_or_empty() -> None:
    found = messages(TS)
    assert len(found) > 300
    left = [
        f"{context}: {source}"
        for context, source, translation in found
        if not (translation.text or "").strip() or translation.get("type") is not None
    ]
    assert left == []


def test_translations_keep_placeholders_and_accelerators() -> None:
    wrong = []
    for context, source, translation in messages(TS):
        text = translation.text or ""
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append(f"{context}: {source} -> {text} (placeholders)")
        if re.search(r"&\w", source) and not re.search(r"&\w", text):
            wrong.append(f"{context}: {source} -> {text} (no accelerator)")
    assert wrong == []


def test_the_ts_holds_every_string_the_window_shows(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "src" / "ljtracker" / "ui").glob("*.py"))
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    wanted = {(context, source) for context, source, _ in messages(fresh)}
    shipped = {(context, source) for context, source, _ in messages(TS)}
    assert sorted(wanted - shipped) == []


def test_the_compiled_catalog_matches_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "check.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == QM.read_bytes()


def test_errors_are_shown_in_the_window_language() -> None:
    refused = EditError([Problem("value", "not a number", "不是数字")])
    assert i18n.error_text(refused, "zh") == "不是数字"
    assert i18n.error_text(refused, "en") == "not a number"
    raised_in_undo = WorkbookError(
        "Error calling Python override of QUndoCommand::undo(): w.ljt: the change was not saved",
        "w.ljt：更改未能保存",
    )
    assert i18n.error_text(raised_in_undo, "en") == "w.ljt: the change was not saved"
    assert i18n.error_text(raised_in_undo, "zh") == "w.ljt：更改未能保存"
    with pytest.raises(NumberError) as not_a_number:
        parse_number("12,34,5")
    assert i18n.error_text(not_a_number.value, "zh") == not_a_number.value.message_zh
    assert i18n.error_text(not_a_number.value, "en") == str(not_a_number.value)
    assert not_a_number.value.message_zh != str(not_a_number.value)


@pytest.mark.parametrize(
    ("locale", "system"), [("zh_CN.UTF-8", "zh"), ("en_GB.UTF-8", "en"), ("C", "en")]
)
def test_language_choice_follows_the_system_unless_chosen(locale: str, system: str) -> None:
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "from ljtracker.ui.i18n import effective_language as e;"
            "print(e('system'), e('en'), e('zh'))",
        ],
        env={**os.environ, "LC_ALL": locale, "LANG": locale, "LANGUAGE": ""},
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.split() == [system, "en", "zh"]


def test_qts_own_dialogs_speak_chinese_where_its_catalog_lags(chinese: None) -> None:
    """Qt's Chinese catalog lacks the file and page set-up dialogs' newer labels (with their
    access keys), which showed in English beside Chinese ones."""
    from PySide6.QtPrintSupport import QPageSetupDialog, QPrinter
    from PySide6.QtWidgets import QFileDialog, QLabel

    files = QFileDialog(None, "x")
    files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    printer = QPrinter()
    pages = QPageSetupDialog(printer)
    try:
        labels = [label.text() for d in (files, pages) for label in d.findChildren(QLabel)]
        assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
        english = [text for text in labels if re.search("[A-Za-z]{3}", text)]
        assert english == []
    finally:
        files.deleteLater()
        pages.deleteLater()
