"""The user's own settings (QSettings), the data folder and the light or dark look."""

from __future__ import annotations

import json
import math
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ljtracker.domain.number_text import fixed_places, format_number, shown_places

ORGANIZATION = "ljtracker"
APPLICATION = "ljtracker"
MAX_RECENT = 8
MAX_DECIMALS = 4
LANGUAGE_CHOICES = ("system", "zh", "en")


class AppSettings:
    """Typed access to the settings that belong to the user rather than to a workbook."""

    def __init__(self) -> None:
        self._store = QSettings()

    def _text(self, key: str, default: str = "") -> str:
        value = self._store.value(key, default)
        return value if isinstance(value, str) else default

    @property
    def language(self) -> str:
        value = self._text("language", "system")
        return value if value in LANGUAGE_CHOICES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("language", value if value in LANGUAGE_CHOICES else "system")

    @property
    def decimals(self) -> int | None:
        """Decimal places shown for figures; None: as few as the figure needs (the default)."""
        try:
            value = int(self._text("decimals", "auto"))
        except ValueError:
            return None
        return min(max(value, 0), MAX_DECIMALS)

    @decimals.setter
    def decimals(self, value: int | None) -> None:
        text = "auto" if value is None else str(min(max(int(value), 0), MAX_DECIMALS))
        self._store.setValue("decimals", text)

    def recent_files(self) -> list[str]:
        try:
            values = json.loads(self._text("recent_files", "[]"))
        except json.JSONDecodeError:
            return []
        if not isinstance(values, list):
            return []
        return [v for v in values if isinstance(v, str)][:MAX_RECENT]

    def _set_recent(self, paths: list[str]) -> None:
        self._store.setValue("recent_files", json.dumps(paths[:MAX_RECENT], ensure_ascii=False))

    def add_recent(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        self._set_recent([text, *(p for p in self.recent_files() if p != text)])

    def remove_recent(self, path: str | Path) -> None:
        text = str(path)
        self._set_recent([p for p in self.recent_files() if p != text])

    def last_workbook(self) -> str | None:
        """The workbook open when the window last closed; "" after Close; None on a first start."""
        if not self._store.contains("last_workbook"):
            return None
        return self._text("last_workbook")

    def set_last_workbook(self, path: str | Path | None) -> None:
        self._store.setValue("last_workbook", "" if path is None else str(Path(path).resolve()))

    @property
    def last_plan_code(self) -> str:
        return self._text("last_plan_code")

    @last_plan_code.setter
    def last_plan_code(self, code: str) -> None:
        self._store.setValue("last_plan_code", code)

    def window_layout(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self._store.value("window/geometry")
        state = self._store.value("window/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def save_window_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self._store.setValue("window/geometry", geometry)
        self._store.setValue("window/state", state)

    def sync(self) -> None:
        self._store.sync()


def data_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def format_value(value: float, decimals: int | None = None) -> str:
    """A figure with grouping and `decimals` places (by default the places the user chose),
    a figure below 1 with two significant digits at least: with no decimals, an intensity of
    0.47 would read 0, like its neighbours 0.48 and 0.49."""
    places = AppSettings().decimals if decimals is None else decimals
    if places is None:
        return format_number(value)
    if 0 < abs(value) < 1 and math.isfinite(value):
        two = 1 - math.floor(math.log10(abs(value)))  # places for two significant digits
        rounded = abs(float(fixed_places(value, two)))
        if rounded >= 1:  # 0.995 is 1: as many places as chosen
            two = places
        elif rounded >= 10 ** (2 - two):  # 0.0995 is 0.10, not 0.100
            two -= 1
        places = max(places, two)
    return shown_places(value, places, grouped=True)


def _dark_palette() -> QPalette:
    palette = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#e6e6e6")
    disabled = QColor("#7f8083")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#26282b"),
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Link: QColor("#6cb4f5"),
        QPalette.ColorRole.Highlight: QColor("#2f65ca"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Light: QColor("#3c3f43"),
        QPalette.ColorRole.Midlight: QColor("#34363a"),
        QPalette.ColorRole.Mid: QColor("#25272a"),
        QPalette.ColorRole.Dark: QColor("#191a1c"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
    }
    for role, color in roles.items():
        palette.setColor(role, color)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_style(app: QApplication, dark: bool | None = None) -> None:
    """Fusion with a palette that follows the system scheme (or `dark` when given)."""
    app.setStyle("Fusion")
    scheme = QGuiApplication.styleHints().colorScheme()
    use_dark = scheme == Qt.ColorScheme.Dark if dark is None else dark
    style = app.style()
    app.setPalette(_dark_palette() if use_dark else style.standardPalette())


def follow_system_scheme(app: QApplication) -> None:
    """Re-apply the palette whenever the system switches between light and dark."""
    apply_style(app)
    if not app.property("follows_scheme"):
        app.setProperty("follows_scheme", True)
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: apply_style(app))
