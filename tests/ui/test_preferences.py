"""The preferences dialog: language, the workbook's method and thresholds, decimal places."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QDoubleSpinBox

from ljtracker.domain.model import Method, Settings, Thresholds
from ljtracker.ui import preferences
from ljtracker.ui.actions import Act
from ljtracker.ui.app_settings import AppSettings, format_value
from ljtracker.ui.main_window import MainWindow
from ljtracker.ui.preferences import Preferences, PreferencesDialog


def dialog_for(qtbot: Any, settings: Settings | None = None) -> PreferencesDialog:
    dialog = PreferencesDialog(Preferences("system", 2, settings))
    qtbot.addWidget(dialog)
    return dialog


def spin(dialog: PreferencesDialog, label: str) -> QDoubleSpinBox:
    found = [s for s in dialog.findChildren(QDoubleSpinBox) if s.accessibleName() == label]
    assert len(found) == 1, label
    return found[0]


def test_the_dialog_shows_the_workbook_settings_and_returns_the_choice(qtbot: Any) -> None:
    current = Settings(Method.PROJECTION, Thresholds(projection_on_track=0.9))
    dialog = dialog_for(qtbot, current)
    assert dialog.method.currentData() == "projection"
    assert spin(dialog, "On track when r is at least").value() == pytest.approx(0.9)
    assert spin(dialog, "On track from a yearly growth of").value() == pytest.approx(1.5)
    assert dialog.preferences() == Preferences("system", 2, current)

    dialog.method.setCurrentIndex(dialog.method.findData("schedule"))
    spin(dialog, "On track when S is at least").setValue(1.1)
    spin(dialog, "On track from a yearly growth of").setValue(2.0)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.decimals.setValue(0)
    chosen = dialog.preferences()
    assert chosen.language == "zh" and chosen.decimals == 0
    assert chosen.settings is not None
    assert chosen.settings.method is Method.SCHEDULE
    assert chosen.settings.thresholds.schedule_on_track == pytest.approx(1.1)
    assert chosen.settings.thresholds.monitoring_on_track == pytest.approx(0.02)


def test_thresholds_out_of_order_block_ok_and_say_why(qtbot: Any) -> None:
    dialog = dialog_for(qtbot, Settings())
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    spin(dialog, "Needs acceleration when R is at least").setValue(1.5)
    assert not ok.isEnabled()
    assert "R" in dialog._problems.text()
    spin(dialog, "Needs acceleration when R is at least").setValue(0.5)
    assert ok.isEnabled()


def test_without_a_workbook_only_the_user_settings_change(qtbot: Any) -> None:
    dialog = dialog_for(qtbot, None)
    assert not dialog.method.isEnabled()
    assert dialog.preferences().settings is None


def test_the_explanation_names_the_thresholds_in_use() -> None:
    text = preferences.method_explanation(Settings(Method.SCHEDULE, Thresholds(1.05)))
    assert "Time-elapsed progress" in text
    assert "S ≥ 1.00" in text and "0.90 ≤ S < 1.00" in text
    assert "1.50 %" in text  # indicators without a target
    growth = preferences.method_explanation(Settings(thresholds=Thresholds(growth_on_track=1.05)))
    assert "R ≥ 1.05" in growth
    assert "its pace is given beside it, never on track" in growth  # once the target year has come


def reference_2021(window: MainWindow) -> str:
    """The LJ-GDP figure of 2021 as the year entry grid shows it beside 2022."""
    grid = window.views["year_entry"]
    grid.set_year(2022)
    model = grid.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = next(c for c, text in enumerate(headers) if str(text).startswith("2021"))
    return str(model.index(0, column).data())


def test_decimal_places_are_kept_per_user_and_shown_at_once(window: MainWindow) -> None:
    assert window.session is not None
    assert AppSettings().decimals is None
    window.commands[Act.VIEW_YEAR_ENTRY].trigger()
    assert reference_2021(window) == "4,000"

    window.apply_preferences(Preferences("en", 1, window.session.settings))
    assert AppSettings().decimals == 1
    assert format_value(5000.126) == "5,000.1"
    assert window.centralWidget().currentWidget() is window.views["year_entry"]
    assert reference_2021(window) == "4,000.0"
    assert window.session.undo_stack.count() == 0

    window.apply_preferences(Preferences("en", None, window.session.settings))
    assert reference_2021(window) == "4,000"


def test_the_decimals_box_offers_as_needed(qtbot: Any) -> None:
    dialog = dialog_for(qtbot, None)
    assert dialog.decimals.text() == "2"
    dialog.decimals.setValue(dialog.decimals.minimum())
    assert dialog.decimals.text() == "As needed"
    assert dialog.preferences().decimals is None
    assert "5,000 · 12.5 · 0.125" in dialog._example.text()


def test_preferences_change_language_at_once(window: MainWindow) -> None:
    assert window.session is not None
    window.apply_preferences(Preferences("zh", 2, window.session.settings))
    assert window.lang == "zh" and window.session.lang == "zh"
    assert AppSettings().language == "zh"
    assert window.commands[Act.PREFERENCES].text() == "首选项(&N)…"
    assert window.session.undo_stack.count() == 0


def test_a_workbook_open_read_only_shows_its_method_but_does_not_offer_to_change_it(
    qtbot: Any,
) -> None:
    current = Settings(Method.SCHEDULE, Thresholds())
    dialog = PreferencesDialog(Preferences("system", 2, current, settings_writable=False))
    qtbot.addWidget(dialog)
    assert dialog.method.currentData() == "schedule"  # what the workbook uses, shown
    assert not dialog.method.isEnabled()
    assert dialog.method.parentWidget().toolTip() == (
        "The workbook is open read-only: its method stays"
    )
    restore = dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.RestoreDefaults
    )
    assert not restore.isEnabled()
    assert dialog.preferences().settings == current


def test_the_places_a_user_chose_round_a_half_up() -> None:
    assert format_value(2.5, 0) == "3"
    assert format_value(1234.5, 0) == "1,235"
    assert format_value(4400.125, 2) == "4,400.13"


def test_a_figure_below_one_keeps_two_significant_digits_whatever_the_places() -> None:
    """An energy intensity of 0.5, 0.49, 0.48 and 0.47 read 0, 0, 0, 0 with no decimals."""
    assert [format_value(v, 0) for v in (0.5, 0.49, 0.47)] == ["0.50", "0.49", "0.47"]
    assert format_value(0.047, 1) == "0.047"
    assert format_value(-0.0041, 2) == "-0.0041"
    assert format_value(0.4712, 3) == "0.471"  # more places chosen than two digits need
    assert format_value(0.0, 0) == "0" and format_value(12.34, 0) == "12"
    # rounding up into the next power of ten keeps two digits, no more
    assert (format_value(0.995, 0), format_value(0.0995, 1)) == ("1", "0.10")
    assert format_value(0.9949, 0) == "0.99"
