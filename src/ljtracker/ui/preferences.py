"""Preferences: language, the workbook's progress method and thresholds, number format."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ljtracker.domain import explain
from ljtracker.domain.model import Method, Settings, Thresholds
from ljtracker.domain.number_text import format_number, format_percent, format_ratio
from ljtracker.ui import i18n
from ljtracker.ui.app_settings import LANGUAGE_CHOICES, MAX_DECIMALS, format_value
from ljtracker.ui.i18n import language_names

translate = QCoreApplication.translate
AUTOMATIC = -1  # the decimals box's "as needed" position
PERCENT_FIELDS = frozenset({"monitoring_on_track", "monitoring_needs_acceleration"})


def method_names() -> dict[Method, str]:
    return {
        Method.GROWTH_RATIO: translate("Preferences", "Growth ratio (Open SDG, Statistics Canada)"),
        Method.PROJECTION: translate("Preferences", "Projection to the target year (UN SDG)"),
        Method.SCHEDULE: translate("Preferences", "Time-elapsed progress (序时进度)"),
    }


def threshold_labels() -> dict[str, str]:
    return {
        "growth_on_track": translate("Preferences", "On track when R is at least"),
        "growth_needs_acceleration": translate(
            "Preferences", "Needs acceleration when R is at least"
        ),
        "projection_on_track": translate("Preferences", "On track when r is at least"),
        "projection_needs_acceleration": translate(
            "Preferences", "Needs acceleration when r is at least"
        ),
        "projection_limited": translate("Preferences", "Limited progress when r is at least"),
        "projection_stagnation": translate("Preferences", "Called stagnation when r is below"),
        "schedule_on_track": translate("Preferences", "On track when S is at least"),
        "schedule_needs_acceleration": translate(
            "Preferences", "Needs acceleration when S is at least"
        ),
        "monitoring_on_track": translate("Preferences", "On track from a yearly growth of"),
        "monitoring_needs_acceleration": translate(
            "Preferences", "Needs acceleration from a yearly growth of"
        ),
    }


METHOD_FIELDS = {
    Method.GROWTH_RATIO: ("growth_on_track", "growth_needs_acceleration"),
    Method.PROJECTION: (
        "projection_on_track",
        "projection_needs_acceleration",
        "projection_limited",
        "projection_stagnation",
    ),
    Method.SCHEDULE: ("schedule_on_track", "schedule_needs_acceleration"),
}


def threshold_problems(t: Thresholds) -> list[str]:
    """Thresholds that would make the statuses overlap; empty when they are in order."""
    checks = [
        (t.growth_on_track > t.growth_needs_acceleration >= 0, "R"),
        (t.monitoring_on_track > t.monitoring_needs_acceleration >= 0, "g"),
        (
            t.projection_on_track
            > t.projection_needs_acceleration
            >= t.projection_stagnation
            >= t.projection_limited,
            "r",
        ),
        (t.schedule_on_track > t.schedule_needs_acceleration >= 0, "S"),
    ]
    message = translate(
        "Preferences",
        "The thresholds for {name} must fall from “on track” to “needs acceleration” to zero.",
    )
    return [message.format(name=name) for ok, name in checks if not ok]


def _shown(name: str, value: float) -> str:
    if name in PERCENT_FIELDS:
        return format_percent(value, zh=i18n.current_language() == "zh")
    return format_ratio(value)


def method_explanation(settings: Settings) -> str:
    """How statuses are decided with these settings, in a few plain sentences."""
    t = {name: _shown(name, value) for name, value in asdict(settings.thresholds).items()}
    intro = translate(
        "Preferences",
        "Method in use: {method}. A target counts as achieved as soon as the latest figure "
        "meets it; a band target (“about”) is on track while inside its band.",
    ).format(method=method_names()[settings.method])
    if settings.method is Method.GROWTH_RATIO:
        rule = translate(
            "Preferences",
            "R is the yearly growth observed since the baseline divided by the yearly growth "
            "needed to reach the target. On track: R ≥ {a}. Needs acceleration: {b} ≤ R < {a}. "
            "Limited progress: 0 ≤ R < {b}. Deterioration: R < 0.",
        ).format(a=t["growth_on_track"], b=t["growth_needs_acceleration"])
    elif settings.method is Method.PROJECTION:
        rule = translate(
            "Preferences",
            "The observed growth is projected to the target year; r is the share of the planned "
            "change that projection reaches. On track: r ≥ {a}. Needs acceleration: "
            "{b} ≤ r < {a}. Limited progress: {c} ≤ r < {b} (stagnation below {d}). "
            "Deterioration: r < {c}.",
        ).format(
            a=t["projection_on_track"],
            b=t["projection_needs_acceleration"],
            c=t["projection_limited"],
            d=t["projection_stagnation"],
        )
    else:
        rule = translate(
            "Preferences",
            "S is the change achieved so far divided by the change planned by now (序时进度). "
            "On track: S ≥ {a}. Needs acceleration: {b} ≤ S < {a}. Limited progress: "
            "0 ≤ S < {b}. Deterioration: S < 0.",
        ).format(a=t["schedule_on_track"], b=t["schedule_needs_acceleration"])
    monitoring = translate(
        "Preferences",
        "Indicators without a target are judged by their yearly growth g in the desired "
        "direction: on track from {a}, needs acceleration from {b}, limited progress from 0, "
        "deterioration below 0.",
    ).format(a=t["monitoring_on_track"], b=t["monitoring_needs_acceleration"])
    after = (
        explain.AFTER_TARGET_YEAR_ZH
        if i18n.current_language() == "zh"
        else explain.AFTER_TARGET_YEAR_EN
    )
    return "\n\n".join([intro, rule, monitoring, after])


@dataclass(frozen=True)
class Preferences:
    language: str  # "system", "zh" or "en"
    decimals: int | None  # None: as few as each figure needs
    settings: Settings | None  # None when no workbook is open
    settings_writable: bool = True  # False while the workbook is open read-only


class PreferencesDialog(QDialog):
    def __init__(self, current: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._current = current
        self._spins: dict[str, QDoubleSpinBox] = {}
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        self.language = QComboBox()
        names = language_names()
        for choice in LANGUAGE_CHOICES:
            self.language.addItem(names[choice], choice)
        self.language.setCurrentIndex(LANGUAGE_CHOICES.index(current.language))

        self.decimals = QSpinBox()
        self.decimals.setRange(AUTOMATIC, MAX_DECIMALS)
        self.decimals.setSpecialValueText(self.tr("As needed"))
        self.decimals.setValue(AUTOMATIC if current.decimals is None else current.decimals)
        self._example = QLabel()
        self.decimals.valueChanged.connect(self._show_example)
        self._show_example()

        general = QFormLayout()
        general.addRow(self.tr("&Language:"), self.language)
        general.addRow(self.tr("&Decimal places shown:"), self.decimals)
        general.addRow("", self._example)

        self.method = QComboBox()
        self._problems = QLabel()
        self._problems.setWordWrap(True)
        self._problems.setStyleSheet("color: #CC3311")
        progress = self._progress_box(current.settings or Settings())
        writable = current.settings is not None and current.settings_writable
        progress.setEnabled(writable)
        if current.settings is None:
            progress.setToolTip(self.tr("Open a workbook to change its progress method"))
        elif not writable:
            progress.setToolTip(self.tr("The workbook is open read-only: its method stays"))

        restore = self._buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.setText(self.tr("Default Thresholds"))
        restore.setEnabled(writable)
        restore.clicked.connect(lambda: self._set_thresholds(Thresholds()))

        layout = QVBoxLayout(self)
        layout.addLayout(general)
        layout.addWidget(progress)
        layout.addWidget(self._problems)
        layout.addWidget(self._buttons)
        self._check()

    def _progress_box(self, settings: Settings) -> QGroupBox:
        box = QGroupBox(self.tr("Progress method (stored in this workbook)"))
        labels = threshold_labels()
        self._form = QFormLayout(box)
        self._form.addRow(self.tr("&Method:"), self.method)
        for method, name in method_names().items():
            self.method.addItem(name, method.value)
            for field in METHOD_FIELDS[method]:
                self._form.addRow(labels[field], self._spin(field))
        self._form.addRow(QLabel(self.tr("Indicators without a target:")))
        for field in ("monitoring_on_track", "monitoring_needs_acceleration"):
            self._form.addRow(labels[field], self._spin(field))
        self.method.currentIndexChanged.connect(self._show_method_rows)
        self.method.setCurrentIndex(list(Method).index(settings.method))
        self._show_method_rows()
        self._set_thresholds(settings.thresholds)
        return box

    def _show_method_rows(self) -> None:
        """Only the thresholds of the chosen method (and those for indicators without one)."""
        shown = set(METHOD_FIELDS[Method(self.method.currentData())])
        for method_fields in METHOD_FIELDS.values():
            for field in method_fields:
                self._form.setRowVisible(self._spins[field], field in shown)
        self.adjustSize()

    def _spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setAccessibleName(threshold_labels()[name])
        if name in PERCENT_FIELDS:
            spin.setRange(0.0, 100.0)
            spin.setSuffix("%" if i18n.current_language() == "zh" else " %")
        else:
            spin.setRange(-10.0, 10.0)
        spin.setDecimals(2)
        spin.setSingleStep(0.05 if name not in PERCENT_FIELDS else 0.1)
        spin.valueChanged.connect(self._check)
        self._spins[name] = spin
        return spin

    def _set_thresholds(self, thresholds: Thresholds) -> None:
        for name, value in asdict(thresholds).items():
            self._spins[name].setValue(value * 100 if name in PERCENT_FIELDS else value)

    def _thresholds(self) -> Thresholds:
        values = {
            f.name: self._spins[f.name].value() / (100 if f.name in PERCENT_FIELDS else 1)
            for f in fields(Thresholds)
        }
        return Thresholds(**values)

    def _chosen_decimals(self) -> int | None:
        value = self.decimals.value()
        return None if value == AUTOMATIC else value

    def _show_example(self) -> None:
        places = self._chosen_decimals()
        examples = [
            format_number(v) if places is None else format_value(v, places)
            for v in (5000.0, 12.5, 0.125)
        ]
        self._example.setText(self.tr("For example: {value}").format(value=" · ".join(examples)))

    def _check(self) -> None:
        if len(self._spins) < len(fields(Thresholds)):
            return
        problems = threshold_problems(self._thresholds())
        self._problems.setText("\n".join(problems))
        self._problems.setVisible(bool(problems))
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def preferences(self) -> Preferences:
        settings = None
        if self._current.settings is not None:
            settings = replace(
                self._current.settings,
                method=Method(self.method.currentData()),
                thresholds=self._thresholds(),
            )
        return Preferences(self.language.currentData(), self._chosen_decimals(), settings)


def ask_preferences(parent: QWidget | None, current: Preferences) -> Preferences | None:
    """The preferences the user chose, or None when they cancelled."""
    dialog = PreferencesDialog(current, parent)
    return dialog.preferences() if dialog.exec() == QDialog.DialogCode.Accepted else None
