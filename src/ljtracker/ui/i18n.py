"""Which language the window speaks, and the translators that make it speak it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QGuiApplication

from ljtracker import package_file
from ljtracker.domain.errors import UserError
from ljtracker.fonts import simplified_chinese_family
from ljtracker.storage.workbook import WorkbookGone

QM_RESOURCE = "ljtracker_zh_CN.qm"
QT_CATALOGS = ("qtbase_zh_CN.qm",)

# QTranslator reads a catalog loaded from memory in place: each one keeps its bytes here.
_installed: list[tuple[QTranslator, bytes]] = []
_system_font: QFont | None = None
# PySide prefixes errors raised inside Qt virtual calls (an undo command's undo()) with this.
_OVERRIDE_PREFIX = re.compile(r"^Error calling Python override of [\w:]+\(\): ")


def system_language() -> str:
    """ "zh" when the system locale is Chinese, else "en"."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def effective_language(choice: str) -> str:
    """The language shown for a preference of "system", "zh" or "en"."""
    return choice if choice in ("zh", "en") else system_language()


def own_catalog() -> bytes | None:
    """The compiled Simplified Chinese translation shipped in the package (None if missing)."""
    try:
        return package_file("translations", QM_RESOURCE).read_bytes()
    except FileNotFoundError:
        return None


def _translator(data: bytes) -> QTranslator | None:
    translator = QTranslator()
    return translator if translator.load(data) else None


class _QtGaps(QTranslator):
    """Strings of Qt's own dialogs that Qt's Chinese catalog has only in an older wording
    (before an access key was added), so that they would show in English."""

    GAPS: ClassVar[dict[tuple[str, str], str]] = {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
        ("QPrintSettingsOutput", "Page &Set:"): "页面组(&S)：",
        ("QPageSetupWidget", "Page &order:"): "页面顺序(&O)：",
        ("QPageSetupWidget", "Pages &per sheet:"): "每张页数(&P)：",
    }

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self.GAPS.get((context, source), "")

    def isEmpty(self) -> bool:
        return False


def _qt_catalogs() -> list[bytes]:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return [(folder / name).read_bytes() for name in QT_CATALOGS if (folder / name).is_file()]


def install(language: str) -> str:
    """Install the translators for `language` ("system", "zh", "en"); returns "zh" or "en".

    Installing posts a LanguageChange event to every widget, so open windows can retranslate.
    """
    app = QCoreApplication.instance()
    assert app is not None
    for old, _data in _installed:
        app.removeTranslator(old)
    _installed.clear()
    lang = effective_language(language)
    _font_for(lang)
    if lang == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        gaps = _QtGaps()  # asked last: Qt asks the translator installed last first
        if app.installTranslator(gaps):
            _installed.append((gaps, b""))
        ours = own_catalog()
        for data in [*_qt_catalogs(), *([ours] if ours is not None else [])]:
            translator = _translator(data)
            if translator is not None and app.installTranslator(translator):
                _installed.append((translator, data))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return lang


def _font_for(lang: str) -> None:
    """In Chinese, the system's font for Latin text and a Simplified Chinese one for Chinese:
    left to itself, font fallback may take the first CJK font the system lists (on Debian,
    Noto Sans CJK JP), which draws shared characters in their Japanese forms. A Chinese system
    already has such a font first; an English window keeps the system's font as it is."""
    global _system_font
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    if _system_font is None:
        _system_font = QGuiApplication.font()
    font = QFont(_system_font)
    if lang == "zh" and (chinese := simplified_chinese_family()) is not None:
        font.setFamilies([_system_font.family(), chinese])
    if QGuiApplication.font() != font:
        QGuiApplication.setFont(font)


def current_language() -> str:
    """The language `install` last set: "zh" or "en"."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def error_text(error: Exception, lang: str) -> str:
    """A service or parser error as one message in the window's language."""
    if lang == "zh" and isinstance(error, UserError):
        text = error.message_zh
    else:
        text = _OVERRIDE_PREFIX.sub("", str(error))
    if isinstance(error, WorkbookGone):
        text += "\n" + QCoreApplication.translate(
            "MainWindow",
            "File ▸ Save a Copy As… still keeps everything the workbook held, its history too.",
        )
    return text


def language_names() -> dict[str, str]:
    """Names for the language choice; each language is named in itself."""
    return {
        "system": QCoreApplication.translate("Language", "System language"),
        "zh": "中文（简体）",
        "en": "English",
    }
