"""The window's frame: what opens at start, views, as-of year, undo, errors, language."""

from __future__ import annotations

import gc
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from dialogs import press_ok, type_text, with_dialog
from PySide6.QtCore import QEvent, QModelIndex, QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QTreeView,
    QWidget,
)

from ljtracker.domain import change_names as names
from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.errors import UserError
from ljtracker.domain.model import Method, Plan, Quality, Settings, Thresholds
from ljtracker.domain.validation import Problem
from ljtracker.services import editing
from ljtracker.storage import reads
from ljtracker.storage.history import recent_changes
from ljtracker.storage.workbook import Workbook, WorkbookError
from ljtracker.ui import app, i18n
from ljtracker.ui.actions import Act
from ljtracker.ui.app_settings import AppSettings
from ljtracker.ui.dashboard_model import Column
from ljtracker.ui.figure_cells import Field
from ljtracker.ui.main_window import MainWindow
from ljtracker.ui.navigator_model import NodeKind
from ljtracker.ui.preferences import Preferences

SET_GDP = ChangeName("Set the 2022 figure of LJ-GDP", "设置 LJ-GDP 的 2022年数据")


@pytest.fixture
def window(user_dirs: Path, qtbot: Any) -> Iterator[MainWindow]:
    created = app.create_window([])
    qtbot.addWidget(created)
    yield created
    created.close()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def record(_parent: object, title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    return shown


def target_id(window: MainWindow, code: str, plan_code: str = "LJ2025") -> int:
    assert window.session is not None
    plan = reads.plan_by_code(window.session.workbook, plan_code)
    assert plan is not None and plan.id is not None
    target = reads.target_by_code(window.session.workbook, plan.id, code)
    assert target is not None and target.id is not None
    return target.id


def set_gdp_2022(window: MainWindow, value: float) -> None:
    entry = editing.ObservationEntry(
        target_id(window, "LJ-GDP"), 2022, value, Quality.OFFICIAL, "test", ""
    )
    window.apply(SET_GDP, lambda wb: editing.set_observations(wb, [entry], SET_GDP))


def gdp_2022(window: MainWindow) -> float | None:
    assert window.session is not None
    gdp = target_id(window, "LJ-GDP")
    found = [o.value for o in reads.observations(window.session.workbook, [gdp]) if o.year == 2022]
    return found[0] if found else None


def status_texts(window: MainWindow) -> list[str]:
    return [label.text() for label in window.statusBar().findChildren(QLabel)]


def navigator_statuses(window: MainWindow) -> dict[int, str]:
    """Every target's status as the navigator shows it."""
    from ljtracker.ui.navigator_model import STATUS_ROLE

    return navigator_targets(window, STATUS_ROLE)


def navigator_tooltip(window: MainWindow, target: int) -> str:
    return navigator_targets(window, Qt.ItemDataRole.ToolTipRole)[target]


def navigator_targets(window: MainWindow, role: int) -> dict[int, str]:
    """What every target's item in the navigator holds in `role`."""
    from ljtracker.ui.navigator_model import ID_ROLE, KIND_ROLE

    model = window.views["navigator"].findChild(QTreeView).model()
    found: dict[int, str] = {}

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(KIND_ROLE) == "target":
                found[int(index.data(ID_ROLE))] = str(index.data(role))
            walk(index)

    walk(QModelIndex())
    return found


def test_first_start_opens_a_demo_copy_with_navigator_and_dashboard(
    window: MainWindow, user_dirs: Path
) -> None:
    assert window.session is not None
    path = window.session.workbook.path
    data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert path == Path(data) / "demo.ljt"
    assert user_dirs in path.parents
    assert window.windowTitle() == "demo.ljt — ljtracker"
    assert window.views["navigator"].isVisibleTo(window)
    assert window.centralWidget().currentWidget() is window.views["dashboard"]
    assert window.selected_item() == ("plan", reads.plan_by_code(window.session.workbook,
                                                                  "LJ2025").id)  # fmt: skip
    texts = status_texts(window)
    assert "All changes saved" in texts
    assert any("4 plans" in t and "24 targets" in t for t in texts)


def test_the_counts_speak_of_one_in_the_singular(window: MainWindow, tmp_path: Path) -> None:
    from ljtracker.services.demo import write_plans
    from ljtracker.storage.workbook import Workbook

    target = {"code": "T1", "name_en": "Jobs", "unit": "万人", "comparator": "at_least"}
    target |= {"target_year": 2025, "target_value": 10.0}
    target["observations"] = [{"year": 2022, "value": 8.0}]
    plan = {
        "code": "P1",
        "title_zh": "规划",
        "title_en": "Plan",
        "start_year": 2021,
        "end_year": 2025,
    }
    with Workbook.create(tmp_path / "one.ljt") as wb, wb.change(ChangeName("One of each")) as w:
        write_plans(w, {"plans": [{**plan, "targets": [target]}]})
    assert window.open_path(tmp_path / "one.ljt")
    assert "1 plan · 1 target · 1 yearly figure" in status_texts(window)


def test_a_workbook_open_read_only_offers_nothing_that_would_change_it(
    window: MainWindow, tmp_path: Path
) -> None:
    from ljtracker.storage.workbook import Workbook

    assert window.session is not None
    copy = tmp_path / "shared.ljt"
    copy.write_bytes(window.session.workbook.path.read_bytes())
    window.set_workbook(Workbook.open(copy, read_only=True))
    writing = (Act.IMPORT, Act.PASTE, Act.NEW_PLAN, Act.NEW_TARGET, Act.EDIT_ITEM)
    assert not any(window.commands[act].isEnabled() for act in writing)
    assert window.commands[Act.EXPORT].isEnabled() and window.commands[Act.PRINT].isEnabled()
    assert "Opened read-only: nothing can be changed" in status_texts(window)
    assert window.session is not None
    plan = reads.plan_by_code(window.session.workbook, "LJ2025")
    assert plan is not None and plan.id is not None
    window.show_plan_view("year_entry")
    window.show_plan(plan.id)
    model = window.views["year_entry"].model
    assert model.rowCount() > 0
    cells = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert not any(model.flags(i) & Qt.ItemFlag.ItemIsEditable for i in cells)

    window.set_workbook(Workbook.open(copy))  # opened for writing: all of it comes back
    assert all(window.commands[act].isEnabled() for act in (Act.IMPORT, Act.NEW_PLAN))


def test_a_plan_brought_into_an_empty_workbook_is_shown(window: MainWindow, tmp_path: Path) -> None:
    """Imported into a new workbook, a plan used to leave 'no plans yet' in the window."""
    from ljtracker.domain.model import Plan
    from ljtracker.storage.workbook import Workbook

    Workbook.create(tmp_path / "new.ljt").close()
    assert window.open_path(tmp_path / "new.ljt")
    stack = window.centralWidget()
    assert "no plans yet" in stack.currentWidget().text()
    session = window.session
    assert session is not None
    plan = Plan("SC14", "十四五规划", "14th Five-Year Plan", 2021, 2025)
    session.apply(ChangeName("Import"), lambda wb: editing.add_plan(wb, plan))
    assert stack.currentWidget() is window.views["dashboard"]
    assert window.selected_item() == ("plan", reads.plan_by_code(session.workbook, "SC14").id)


def test_choosing_a_target_shows_its_page_and_the_dashboard_comes_back(
    window: MainWindow,
) -> None:
    gdp = target_id(window, "LJ-GDP")
    window.views["navigator"].select_target(gdp)
    assert window.centralWidget().currentWidget() is window.views["target"]
    assert window.selected_item() == ("target", gdp)
    assert not window.commands[Act.VIEW_DASHBOARD].isChecked()

    window.commands[Act.VIEW_DASHBOARD].trigger()
    assert window.centralWidget().currentWidget() is window.views["dashboard"]
    assert window.commands[Act.VIEW_DASHBOARD].isChecked()


def test_a_short_window_keeps_the_chart_off_the_yearly_table(
    window: MainWindow, qtbot: Any
) -> None:
    window.resize(1000, 650)
    window.show()
    qtbot.waitExposed(window)
    window.views["navigator"].select_target(target_id(window, "LJ-GDP"))
    page = window.views["target"]
    qtbot.waitUntil(lambda: page.isVisible() and page.tabs.height() > 0)
    QApplication.processEvents()
    chart_bottom = page.chart.mapTo(page, page.chart.rect().bottomLeft()).y()
    tabs_top = page.tabs.mapTo(page, page.tabs.rect().topLeft()).y()
    assert chart_bottom < tabs_top  # nothing drawn over the tabs and the table's header
    assert page.tabs.height() >= page.tabs.minimumSizeHint().height()


def test_as_of_year_reaches_the_session_and_the_statuses(window: MainWindow) -> None:
    combo = window.findChild(QComboBox, "as_of_year")
    years = [combo.itemText(i) for i in range(combo.count())]
    assert years[0] == "All years"
    assert years[1] == "2025" and years[-1] == "2018"  # to the end of LJ2025
    assert years[1:] == sorted(years[1:], reverse=True)

    gdp = target_id(window, "LJ-GDP")
    # on all figures, in 2026: its 2025 figure is not in
    assert navigator_statuses(window)[gdp] == "not_assessable"
    combo.setCurrentIndex(years.index("2023"))
    assert window.session is not None and window.session.as_of_year == 2023
    assert navigator_statuses(window)[gdp] == "on_track"  # 2021: 4,000
    combo.setCurrentIndex(years.index("2020"))
    assert navigator_statuses(window)[gdp] == "not_assessable"  # no figure after the baseline
    assert "no figure after the baseline year yet" in navigator_tooltip(window, gdp)
    combo.setCurrentIndex(0)
    assert window.session.as_of_year is None
    assert "the target year 2025 has come" in navigator_tooltip(window, gdp)
    assert "Status: Not assessable (figure due)" in navigator_tooltip(window, gdp)
    page = window.views["target"]
    window.views["navigator"].select_target(gdp)
    assert page.status_text() == "Not assessable (figure due)"


def test_a_baseline_moved_earlier_adds_its_year_to_the_as_of_choices(window: MainWindow) -> None:
    combo = window.findChild(QComboBox, "as_of_year")
    assert window.session is not None
    wb = window.session.workbook
    gdp = reads.target_by_id(wb, target_id(window, "LJ-GDP"))
    assert gdp is not None and gdp.baseline_value is not None
    window.session.apply(
        ChangeName("Move the baseline"),
        lambda w: editing.update_target(w, replace(gdp, baseline_year=2010)),
    )
    years = [combo.itemText(i) for i in range(combo.count())]
    assert years[-1] == "2010"
    assert years[1] == "2025"


def test_undo_and_redo_read_as_the_change_and_work(window: MainWindow) -> None:
    undo, redo = window.commands[Act.UNDO], window.commands[Act.REDO]
    assert not undo.isEnabled()
    set_gdp_2022(window, 4500)
    assert gdp_2022(window) == 4500
    assert undo.text() == f"&Undo {SET_GDP.en}"
    assert undo.isEnabled() and not redo.isEnabled()

    undo.trigger()
    assert gdp_2022(window) is None
    assert redo.text() == f"&Redo {SET_GDP.en}"
    redo.trigger()
    assert gdp_2022(window) == 4500
    assert "All changes saved" in status_texts(window)


def test_a_step_that_was_itself_an_undo_reads_as_one_in_the_edit_menu(window: MainWindow) -> None:
    """Reverting an undo from the history made a step the menu called "Undo Redo: Set …"."""
    redone = names.redo(SET_GDP)
    entry = editing.ObservationEntry(target_id(window, "LJ-GDP"), 2022, 4500.0)
    window.apply(redone, lambda wb: editing.set_observations(wb, [entry], redone))
    assert window.commands[Act.UNDO].text() == f"&Undo “Redo: {SET_GDP.en}”"
    window.commands[Act.UNDO].trigger()
    assert window.commands[Act.REDO].text() == f"&Redo “Redo: {SET_GDP.en}”"


def test_undo_while_a_value_is_typed_drops_the_typing_only(window: MainWindow, qtbot: Any) -> None:
    """The toolbar's Undo undid the change before and left the editor open, to save its value
    over what it brought back."""
    set_gdp_2022(window, 4500)
    window.show_target(target_id(window, "LJ-GDP"))
    page = window.views["target"]
    row = page.table_model.row_for_year(2022)
    assert row is not None
    page.table.setFocus()
    index = page.table_model.index(row, page.table_model.column_of(Field.VALUE))
    page.table.setCurrentIndex(index)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = page.table.indexWidget(index)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "4321")
    assert page.table.state() == QAbstractItemView.State.EditingState

    window.commands[Act.UNDO].trigger()
    assert page.table.state() != QAbstractItemView.State.EditingState
    assert gdp_2022(window) == 4500  # the change before stays
    assert window.commands[Act.UNDO].text() == f"&Undo {SET_GDP.en}"
    window.commands[Act.UNDO].trigger()  # the next Undo takes it back
    assert gdp_2022(window) is None
    window.commands[Act.REDO].trigger()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)  # an editor opened, nothing typed
    assert page.table.state() == QAbstractItemView.State.EditingState
    window.commands[Act.UNDO].trigger()
    assert page.table.state() != QAbstractItemView.State.EditingState
    assert gdp_2022(window) is None  # Undo did what it said


def test_a_failed_write_is_shown_and_not_claimed_saved(
    window: MainWindow, warnings: list[tuple[str, str]]
) -> None:
    assert window.session is not None
    window.session.workbook.conn.execute("PRAGMA query_only = ON")
    set_gdp_2022(window, 4500)
    assert len(warnings) == 1
    title, text = warnings[0]
    assert title == "The change was not saved"
    assert "not saved" in text
    assert "All changes saved" not in status_texts(window)
    assert "Last change NOT saved" in status_texts(window)
    assert window.session.undo_stack.count() == 0

    window.session.workbook.conn.execute("PRAGMA query_only = OFF")
    set_gdp_2022(window, 4600)
    assert "All changes saved" in status_texts(window)


def test_a_file_that_fails_to_be_read_is_not_claimed_saved(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk gone from under the window failed the change, then the status line's own count
    of figures, which stopped it at "All changes saved"."""
    assert window.session is not None

    def disk_gone(*_: object) -> dict[str, int]:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(reads, "counts", disk_gone)
    window.session.not_saved.emit()
    assert "Last change NOT saved" in status_texts(window)


def test_a_refused_change_is_explained_in_the_window_language(
    window: MainWindow, warnings: list[tuple[str, str]]
) -> None:
    def refuse(_wb: object) -> Any:
        raise editing.EditError([Problem("value", "the value is not a number", "数值不是数字")])

    window.apply(ChangeName("Refused"), refuse)
    window.set_language("zh")
    window.apply(ChangeName("Refused"), refuse)
    failed = WorkbookError("x.ljt: cannot be written", "x.ljt：无法写入")
    window.guarded(lambda: (_ for _ in ()).throw(failed))
    assert [text for _title, text in warnings] == [
        "the value is not a number",
        "数值不是数字",
        "x.ljt：无法写入",
    ]


def test_the_window_opens_in_the_language_asked_for_this_time_only(
    user_dirs: Path, qtbot: Any
) -> None:
    """As `ljtracker --lang zh` opens it: the user's own choice stays what it was."""
    chosen = AppSettings().language
    try:
        created = app.create_window([], "zh")
        qtbot.addWidget(created)
        assert created.lang == "zh"
        assert created.menuBar().actions()[0].text().startswith("文件")
        assert AppSettings().language == chosen
    finally:
        i18n.install(chosen)


@pytest.mark.parametrize(("kept", "shown"), [("zh", "zh"), ("en", "en")])
def test_preferences_in_a_window_opened_in_a_language_keep_what_they_show(
    user_dirs: Path, qtbot: Any, kept: str, shown: str
) -> None:
    """Opened with --lang zh by a user who chose English: OK on 中文 keeps Chinese from now
    on; choosing English switches the window back."""
    AppSettings().language = "en"
    try:
        created = app.create_window([], "zh")
        qtbot.addWidget(created)
        assert created.language_choice == "zh"  # what Preferences shows
        chosen = Preferences(kept, AppSettings().decimals, None, settings_writable=True)
        created.apply_preferences(chosen)
        assert (created.lang, AppSettings().language) == (shown, kept)
    finally:
        i18n.install("en")


def test_language_switch_keeps_the_work_and_retranslates(window: MainWindow, qtbot: Any) -> None:
    window.show()
    qtbot.waitExposed(window)
    set_gdp_2022(window, 4500)
    session = window.session
    assert session is not None
    gdp = target_id(window, "LJ-GDP")
    window.show_target(gdp)
    page = window.views["target"]
    page.tabs.setCurrentWidget(page.history)
    menus = window.menuBar().actions()
    assert [m.text() for m in menus] == ["&File", "&Edit", "&View", "&Help"]

    window.set_language("zh")
    assert window.session is session and session.lang == "zh"
    assert session.undo_stack.count() == 1
    assert [m.text() for m in menus] == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert window.commands[Act.UNDO].text() == f"撤销(&U) {SET_GDP.zh}"
    assert window.centralWidget().currentWidget() is window.views["target"]
    page = window.views["target"]
    assert page.tabs.currentWidget() is page.history  # still reading the history
    assert "所有更改均已保存" in status_texts(window)
    assert history_names(page) == [SET_GDP.zh]  # made in English, read in Chinese

    window.commands[Act.UNDO].trigger()
    assert gdp_2022(window) is None
    assert history_names(page) == [f"撤销：{SET_GDP.zh}", SET_GDP.zh]
    window.set_language("en")
    assert [m.text() for m in menus] == ["&File", "&Edit", "&View", "&Help"]
    assert window.commands[Act.REDO].text() == f"&Redo {SET_GDP.en}"
    page = window.views["target"]
    assert history_names(page) == [f"Undo: {SET_GDP.en}", SET_GDP.en]


def history_names(page: Any) -> list[str]:
    """The names of the changes the target page's history lists, newest first."""
    model = page.history.history_model
    names = [model.index(row, 2).data() for row in range(model.rowCount())]
    return [name for name in names if name != "Create the demo workbook" and "示例" not in name]


@pytest.mark.usefixtures("while_the_demo_plans_run")
def test_changing_the_method_is_one_undo_step_and_changes_statuses(window: MainWindow) -> None:
    assert window.session is not None
    gdp = target_id(window, "LJ-GDP")
    assert navigator_statuses(window)[gdp] == "on_track"  # 2021: 4,000, schedule index 1.13
    stricter = Settings(Method.SCHEDULE, Thresholds(schedule_on_track=1.2))
    window.apply_preferences(Preferences("en", 2, stricter))
    assert window.session.settings == stricter
    assert window.session.undo_stack.count() == 1
    # the step names the method before and after, as the history does
    named = "Change the progress method from growth ratio to time elapsed (schedule) and its"
    assert window.commands[Act.UNDO].text() == f"&Undo {named} thresholds"
    newest = recent_changes(window.session.workbook, 1)[0].name
    assert newest.en == f"{named} thresholds"
    assert newest.zh == "将进展评估方法由增长比值法改为序时进度法，并更改阈值"
    assert navigator_statuses(window)[gdp] == "needs_acceleration"

    window.commands[Act.UNDO].trigger()
    assert window.session.settings.method is Method.GROWTH_RATIO
    assert navigator_statuses(window)[gdp] == "on_track"
    window.apply_preferences(
        Preferences("en", 2, Settings(Method.GROWTH_RATIO, stricter.thresholds))
    )
    assert window.commands[Act.UNDO].text() == "&Undo Change the progress thresholds"


def test_close_shows_the_start_page_and_the_demo_button_reopens(window: MainWindow) -> None:
    window.commands[Act.CLOSE].trigger()
    assert window.session is None
    assert window.centralWidget().currentWidget() is window.start_page
    assert window.windowTitle() == "ljtracker"
    assert not window.commands[Act.SAVE_COPY].isEnabled()
    assert window.commands[Act.OPEN].isEnabled()

    buttons = {b.text(): b for b in window.start_page.findChildren(QPushButton)}
    assert set(buttons) == {"&Open…", "&New…", "Open the &Demo Workbook"}
    buttons["Open the &Demo Workbook"].click()
    assert window.session is not None
    assert window.session.workbook.path.name == "demo.ljt"


def test_find_focuses_the_navigator_filter(window: MainWindow, qtbot: Any) -> None:
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.views["dashboard"].setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    focused = QApplication.focusWidget()
    assert isinstance(focused, QLineEdit)
    assert window.views["navigator"].isAncestorOf(focused)


def test_the_usual_keys_work_and_no_two_commands_share_one(window: MainWindow) -> None:
    """Redo answered Ctrl+Y alone (the first of the platform's keys), Close Ctrl+F4 alone,
    and Quit no key at all where the platform's theme names none."""
    keys: dict[str, list[Act]] = {}
    for act in Act:
        for sequence in window.commands[act].shortcuts():
            keys.setdefault(sequence.toString(), []).append(act)
    assert {key: acts for key, acts in keys.items() if len(acts) > 1} == {}
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= {k for k, acts in keys.items() if Act.REDO in acts}
    assert keys["Ctrl+W"] == [Act.CLOSE] and keys["Ctrl+Q"] == [Act.QUIT]


def test_every_action_has_a_tooltip_and_menu_text(window: MainWindow) -> None:
    for act in Act:
        action = window.commands[act]
        assert action.text(), act
        assert action.toolTip() and action.toolTip() != action.text().replace("&", ""), act


def test_the_command_opens_the_window_on_the_demo_copy(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "LJTRACKER_SCREENSHOT": str(shot),
        "LANG": "en_US.UTF-8",
    }
    result = subprocess.run(
        [sys.executable, "-m", "ljtracker"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "ljtracker" / "ljtracker" / "demo.ljt").is_file()
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 600


def test_the_window_shows_before_loading_what_only_changes_and_dialogs_need(
    demo_path: Path, tmp_path: Path
) -> None:
    """Editing, spreadsheets and the preferences dialog load when first used, not at start."""
    script = (
        "import sys\n"
        "from ljtracker.cli import main\n"
        "from ljtracker.ui.app import prepare_application\n"
        "app = prepare_application(['ljtracker'])\n"
        "def painted():\n"
        "    print(sorted(m for m in sys.modules if m in LATER))\n"
        "    app.quit()\n"
        "LATER = {'ljtracker.services.editing', 'ljtracker.sheets.cells',\n"
        "         'ljtracker.ui.preferences', 'ljtracker.storage.history'}\n"
        "from PySide6.QtCore import QTimer\n"
        "QTimer.singleShot(0, painted)\n"
        "sys.exit(main([sys.argv[1]]))\n"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-c", script, str(demo_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0] == "[]"


def test_edit_paste_and_copy_go_to_the_focused_table(window: MainWindow, qtbot: Any) -> None:
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.commands[Act.VIEW_YEAR_ENTRY].trigger()
    grid = window.views["year_entry"]
    assert window.centralWidget().currentWidget() is grid
    grid.set_year(2022)
    table = grid.table
    value = table.model().column_of(Field.VALUE)
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, value))
    QApplication.clipboard().setText("4,500\n")
    window.commands[Act.PASTE].trigger()
    assert gdp_2022(window) == 4500
    assert window.session is not None and window.session.undo_stack.count() == 1

    QApplication.clipboard().clear()
    window.commands[Act.COPY].trigger()
    assert QApplication.clipboard().text().strip() == "4500"


def test_copy_takes_the_text_selected_in_the_explanation(window: MainWindow, qtbot: Any) -> None:
    """Not the yearly table's current cell, which the page's own copy gives."""
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.show_target(target_id(window, "LJ-GDP"))
    page = window.views["target"]
    page.explanation.setFocus()
    page.explanation.setSelection(0, 12)
    QApplication.clipboard().clear()
    window.commands[Act.COPY].trigger()
    assert QApplication.clipboard().text() == page.explanation.text()[:12]
    value = page.cards[0].value  # a card's figure is selectable too
    value.setFocus()
    window.commands[Act.COPY].trigger()  # nothing selected in it: not the table's cell either
    assert QApplication.clipboard().text() == page.explanation.text()[:12]
    value.setSelection(0, len(value.text()))
    window.commands[Act.COPY].trigger()
    assert QApplication.clipboard().text() == value.text()


@pytest.mark.parametrize("focus", ["as_of", "dashboard_title"])
def test_copy_and_paste_where_nothing_takes_them_leave_the_clipboard_alone(
    window: MainWindow, qtbot: Any, focus: str
) -> None:
    """Sent on as keys to a widget that does not take them, they came back as the window's
    own shortcut, again and again."""
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    if focus == "as_of":
        widget: QWidget | None = window.findChild(QComboBox)
    else:
        widget = window.views["dashboard"].findChild(QLabel)
    assert widget is not None
    widget.setFocus()
    QApplication.clipboard().setText("kept")
    window.commands[Act.COPY].trigger()
    window.commands[Act.PASTE].trigger()
    assert QApplication.clipboard().text() == "kept"


def test_the_window_layout_comes_back_at_the_next_start(window: MainWindow, qtbot: Any) -> None:
    window.resize(760, 560)  # within the offscreen screen: restoring fits it there
    window.commands[Act.SHOW_NAVIGATOR].trigger()
    assert not window.views["navigator"].isVisibleTo(window)
    window.close()
    again = app.create_window([])
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (760, 560)
    assert not again.commands[Act.SHOW_NAVIGATOR].isChecked()
    again.commands[Act.SHOW_NAVIGATOR].trigger()
    assert again.views["navigator"].isVisibleTo(again)


def test_the_first_window_fits_the_screen(qtbot: Any) -> None:
    """With no layout kept, it took 1,400 by 900 on any screen (the offscreen one is 800 by
    800, as a small laptop's room would be smaller than that size)."""
    first = app.create_window([])
    qtbot.addWidget(first)
    first.restore_layout(None, None)  # as at a first start: no layout kept
    room = QApplication.primaryScreen().availableGeometry()
    assert room.width() < 1400
    assert (first.width(), first.height()) == (room.width(), min(900, room.height()))


def test_an_undo_that_cannot_be_written_is_shown_and_can_be_tried_again(
    window: MainWindow, warnings: list[tuple[str, str]]
) -> None:
    set_gdp_2022(window, 4500)
    assert window.session is not None
    undo, redo = window.commands[Act.UNDO], window.commands[Act.REDO]
    window.session.workbook.conn.execute("PRAGMA query_only = ON")
    undo.trigger()
    assert [title for title, _text in warnings] == ["The change was not saved"]
    assert not warnings[0][1].startswith("Error calling")
    assert "Last change NOT saved" in status_texts(window)
    assert gdp_2022(window) == 4500
    assert undo.isEnabled() and undo.text() == f"&Undo {SET_GDP.en}" and not redo.isEnabled()

    window.session.workbook.conn.execute("PRAGMA query_only = OFF")
    undo.trigger()
    assert gdp_2022(window) is None
    assert redo.isEnabled() and not undo.isEnabled()

    window.session.workbook.conn.execute("PRAGMA query_only = ON")
    redo.trigger()
    assert len(warnings) == 2 and gdp_2022(window) is None
    assert redo.isEnabled() and redo.text() == f"&Redo {SET_GDP.en}"
    window.session.workbook.conn.execute("PRAGMA query_only = OFF")
    redo.trigger()
    assert gdp_2022(window) == 4500
    undo.trigger()
    assert gdp_2022(window) is None


def test_undo_keeps_a_later_figure_another_program_wrote(
    window: MainWindow, warnings: list[tuple[str, str]]
) -> None:
    """Another program (its lock deleted as a message suggested) wrote the same figure after
    the window did: Undo had silently taken that figure away."""
    set_gdp_2022(window, 4300)
    assert window.session is not None
    other = editing.ObservationEntry(
        target_id(window, "LJ-GDP"), 2022, 4500, Quality.OFFICIAL, "yearbook 2023", ""
    )
    editing.set_observations(window.session.workbook, [other])  # not through the window
    undo = window.commands[Act.UNDO]
    undo.trigger()
    assert gdp_2022(window) == 4500
    assert len(warnings) == 1
    assert "changed again since, outside this window (#3" in warnings[0][1]
    assert "nothing was changed here" in warnings[0][1]  # said of a Redo as well
    assert undo.isEnabled() and undo.text() == f"&Undo {SET_GDP.en}"


def test_deleting_the_target_shown_returns_to_its_plan_and_undo_brings_it_back(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    pop = target_id(window, "LJ-POP")
    window.show_target(pop)
    assert window.commands[Act.MOVE_UP].isEnabled()
    window.commands[Act.DELETE_ITEM].trigger()
    assert window.session is not None
    assert reads.target_by_id(window.session.workbook, pop) is None
    plan = reads.plan_by_code(window.session.workbook, "LJ2025")
    assert plan is not None
    assert window.selected_item() == ("plan", plan.id)
    assert window.centralWidget().currentWidget() is window.views["dashboard"]
    assert window.commands[Act.UNDO].text() == "&Undo Delete target LJ-POP"
    window.commands[Act.UNDO].trigger()
    assert reads.target_by_id(window.session.workbook, pop) is not None


def test_help_explains_the_method_and_thresholds_in_use(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_: shown.append(text))
    window.commands[Act.METHOD_HELP].trigger()
    assert "Growth ratio" in shown[0] and "R ≥ 0.95" in shown[0] and "1.50 %" in shown[0]


def test_what_waits_for_the_first_paint_runs_once_after_it(
    user_dirs: Path, demo_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "UNPAINTED_MS", app.SETTLE_MS)  # so that waiting past it is quick
    window = app.create_window([str(demo_path)])
    qtbot.addWidget(window)
    painted: list[bool] = []
    calls: list[bool] = []

    class PaintSeen(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    seen = PaintSeen(window)
    window.installEventFilter(seen)
    app._AfterFirstPaint(window, lambda: calls.append(bool(painted)))
    qtbot.wait(app.UNPAINTED_MS + app.SETTLE_MS * 2)
    assert calls == []  # not shown, not painted: nothing runs

    window.show()
    qtbot.waitUntil(lambda: calls == [True])
    window.update()
    qtbot.wait(app.SETTLE_MS * 2)
    assert calls == [True]
    window.close()


def test_the_collector_held_off_while_starting_runs_again_once_the_window_is_painted(
    user_dirs: Path, demo_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the window installs its own
    try:
        _qapp, window = app.start_window([str(demo_path)])  # as `ljtracker PATH` does
        qtbot.addWidget(window)
        assert not gc.isenabled() and gc.get_freeze_count() > 0  # imports frozen, then off
        qtbot.waitUntil(gc.isenabled)
        assert window.session is not None and window.session.workbook._db is not None
        window.close()
    finally:
        gc.unfreeze()
        gc.enable()


def test_an_error_while_the_window_first_shows_is_told_in_the_window(
    user_dirs: Path, demo_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Showing the window runs its slots (the navigator's dock becoming visible): an error
    told to the user there reaches the window, not only the terminal."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the window installs its own
    told: list[str] = []
    monkeypatch.setattr(MainWindow, "report_error", lambda _self, error: told.append(str(error)))
    sync = MainWindow._sync_navigator_action

    def failing(self: MainWindow) -> None:
        if self.isVisible():
            raise UserError("the navigator could not be shown", "无法显示导航栏")
        sync(self)

    monkeypatch.setattr(MainWindow, "_sync_navigator_action", failing)
    try:
        _qapp, window = app.start_window([str(demo_path)])
        qtbot.addWidget(window)
        qtbot.waitUntil(gc.isenabled)
        assert "the navigator could not be shown" in told
        window.close()
    finally:
        gc.unfreeze()
        gc.enable()


def test_closing_views_leaves_no_chart_for_the_collector(window: MainWindow, qtbot: Any) -> None:
    """A pyqtgraph chart freed by Python's collector while open can crash the interpreter;
    the window's charts belong to their pages and go with them."""
    from ljtracker.ui.overview_chart import OverviewChart
    from ljtracker.ui.progress_chart import ProgressChart

    def open_charts() -> set[int]:
        # Not collected here: a leaked open chart would crash the collector, not fail the test.
        charts = (o for o in gc.get_objects() if isinstance(o, ProgressChart | OverviewChart))
        return {id(chart) for chart in charts if shiboken6.isValid(chart)}

    def shown_charts() -> set[int]:
        views = window.views
        return {id(views[name].chart) for name in ("dashboard", "target") if name in views}

    window.show()
    window.show_target(target_id(window, "LJ-GDP"))
    assert len(shown_charts()) == 2 and open_charts() == shown_charts()
    window.set_language("zh")  # every page is made again, in Chinese
    window.show_plan(reads.plans(window.session.workbook)[0].id)
    window.show_target(target_id(window, "LJ-POP"))
    qtbot.wait(10)
    assert len(shown_charts()) == 2 and open_charts() == shown_charts()
    window.close_workbook()
    qtbot.wait(10)
    assert open_charts() == set()


def test_what_waits_for_the_first_paint_runs_when_the_window_has_nothing_to_paint(
    qtbot: Any,
) -> None:
    window = QMainWindow()
    covering = QTableView()
    covering.setAutoFillBackground(True)  # the window's own area is all covered
    window.setCentralWidget(covering)
    qtbot.addWidget(window)
    calls: list[bool] = []
    app._AfterFirstPaint(window, lambda: calls.append(True))
    window.show()
    qtbot.waitUntil(lambda: calls == [True], timeout=app.UNPAINTED_MS * 3)
    qtbot.wait(app.SETTLE_MS * 2)
    assert calls == [True]


def test_a_file_that_is_not_a_workbook_is_refused_in_the_window_language(
    window: MainWindow, warnings: list[tuple[str, str]], tmp_path: Path
) -> None:
    bad = tmp_path / "notes.ljt"
    bad.write_text("not a workbook", encoding="utf-8")
    window.set_language("zh")
    assert not window.open_path(bad)
    assert any(f"{bad}：不是 ljtracker 工作簿（不是 SQLite 数据库文件）" in t for _, t in warnings)


def test_no_menu_has_two_entries_on_one_access_key(window: MainWindow) -> None:
    def clashes() -> list[list[str]]:
        found = []
        for menu in window.menuBar().findChildren(QMenu):
            keys: dict[str, list[str]] = {}
            for action in menu.actions():
                key = re.search(r"&(\w)", action.text())
                if key:
                    keys.setdefault(key.group(1).lower(), []).append(action.text())
            found += [texts for texts in keys.values() if len(texts) > 1]
        return found

    assert clashes() == []
    window.set_language("zh")
    try:
        assert clashes() == []
    finally:
        window.set_language("en")


def test_language_switch_keeps_the_area_shown(window: MainWindow, qtbot: Any) -> None:
    window.show()
    qtbot.waitExposed(window)
    assert window.session is not None
    plan = reads.plan_by_code(window.session.workbook, "LJ2025")
    assert plan is not None and plan.id is not None
    window.switcher.show_plan(plan.id)
    tree = window.views["navigator"].findChild(QTreeView)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # the plan's first area, as a planner picks it
    shown = window.switcher.shown
    assert shown is not None and shown[1] == plan.id and shown[2] is not None

    window.set_language("zh")
    tree = window.views["navigator"].findChild(QTreeView)
    tree.setFocus()  # a tree without a current row would take its first, another plan
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert window.switcher.shown == shown
    assert window.views["navigator"].current_selection() == ("area", shown[2])


def test_a_workbook_deleted_while_open_is_not_claimed_saved_and_a_copy_is_offered(
    window: MainWindow, warnings: list[tuple[str, str]], tmp_path: Path
) -> None:
    assert window.session is not None
    set_gdp_2022(window, 4500)
    window.session.workbook.path.unlink()  # by another program
    set_gdp_2022(window, 4600)
    assert "Last change NOT saved" in status_texts(window)
    (_title, text), *_ = warnings
    assert "deleted, moved or replaced" in text
    assert "File ▸ Save a Copy As… still keeps everything the workbook held" in text

    def close_without_saving() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == "Close &Without Saving").click()

    asked: list[str] = []
    QTimer.singleShot(0, close_without_saving)
    window.commands[Act.CLOSE].trigger()  # asked first: what it holds is in no file now
    assert window.session is None
    assert asked and "is in no file now, and goes when the workbook is closed" in asked[0]


def write_gdp_2022_elsewhere(window: MainWindow, value: float) -> None:
    """Another program (not this window, past its lock) sets LJ-GDP's 2022 figure."""
    assert window.session is not None
    other = sqlite3.connect(window.session.workbook.path)
    with other:
        other.execute(
            "INSERT INTO observation (target_id, year, value) VALUES (?, 2022, ?)"
            " ON CONFLICT DO UPDATE SET value = excluded.value",
            [target_id(window, "LJ-GDP"), value],
        )
    other.close()


def test_a_read_only_workbook_damaged_since_is_said_so_when_the_window_is_back(
    window: MainWindow, qtbot: Any, warnings: list[tuple[str, str]]
) -> None:
    assert window.session is not None
    path = window.session.workbook.path
    window.set_workbook(Workbook.open(path, read_only=True))
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    terminal = QWidget()
    qtbot.addWidget(terminal)
    with qtbot.waitActive(terminal):
        terminal.show()
        terminal.activateWindow()
    data = bytearray(path.read_bytes())
    data[4096 * 4 : 4096 * 4 + 32] = b"\x00" * 32
    path.write_bytes(bytes(data))
    with qtbot.waitActive(window):
        window.activateWindow()
    [(title, text)] = warnings
    assert title == "The workbook could not be opened again"  # not "The change was not saved"
    assert "damaged" in text
    assert window.session is None


def shown_gdp_2022(window: MainWindow) -> str:
    """LJ-GDP's 2022 value as the target page shows it."""
    page = window.views["target"]
    row = page.table_model.row_for_year(2022)
    if row is None:
        return ""
    index = page.table_model.index(row, page.table_model.column_of(Field.VALUE))
    return str(index.data())


def test_a_change_after_another_program_wrote_is_refused_and_the_workbook_opened_again(
    window: MainWindow, warnings: list[tuple[str, str]], qtbot: Any
) -> None:
    assert window.session is not None
    gdp = target_id(window, "LJ-GDP")
    window.show_target(gdp)
    set_gdp_2022(window, 4500)
    assert window.session.undo_stack.count() == 1
    write_gdp_2022_elsewhere(window, 4321)
    set_gdp_2022(window, 4600)
    qtbot.waitUntil(lambda: "4,321" in shown_gdp_2022(window))
    [(title, text)] = warnings
    assert title == "The change was not saved"
    assert "Another program wrote into demo.ljt while it was open here" in text
    assert "opened again to show what it holds now" in text
    assert gdp_2022(window) == 4321, "what the other program wrote is kept"
    assert window.session.undo_stack.count() == 0, "no undo step of the contents it replaced"
    assert window.switcher.shown == ("target", gdp, None)
    assert "Last change NOT saved" not in status_texts(window)


def test_an_older_copy_put_over_the_file_names_the_changes_it_no_longer_holds(
    window: MainWindow, warnings: list[tuple[str, str]], qtbot: Any, tmp_path: Path
) -> None:
    """Two figures saved, then a copy from before them written over the file: the next
    change was refused and the window opened again, and the two were gone without a word."""
    assert window.session is not None
    path = window.session.workbook.path
    older = tmp_path / "older.ljt"
    shutil.copyfile(path, older)
    set_gdp_2022(window, 4500)
    gdp = target_id(window, "LJ-GDP")
    entry = editing.ObservationEntry(gdp, 2023, 4700, Quality.OFFICIAL, "test", "")
    set_2023 = ChangeName("Set LJ-GDP 2023", "设置 LJ-GDP 2023年")
    window.apply(set_2023, lambda wb: editing.set_observations(wb, [entry], set_2023))
    undo, redo = window.commands[Act.UNDO], window.commands[Act.REDO]
    for step in (undo, redo, undo, redo):  # undone and redone: one change in force
        step.trigger()
    entry_2024 = editing.ObservationEntry(gdp, 2024, 4800, Quality.OFFICIAL, "test", "")
    set_2024 = ChangeName("Set LJ-GDP 2024", "设置 LJ-GDP 2024年")
    window.apply(set_2024, lambda wb: editing.set_observations(wb, [entry_2024], set_2024))
    undo.trigger()  # undone: nothing of it to lose
    shutil.copyfile(older, path)  # written over in place, as a copy program does
    set_gdp_2022(window, 4600)
    qtbot.waitUntil(lambda: len(warnings) == 1)
    assert warnings[0][1].endswith(
        f"The file no longer holds 2 changes made here before: {SET_GDP.en}; Set LJ-GDP"
        " 2023. Make them again if they are still wanted."
    )


def test_a_figure_typed_after_another_program_wrote_opens_the_workbook_again_in_place(
    window: MainWindow, warnings: list[tuple[str, str]], qtbot: Any
) -> None:
    """Typed into the yearly table, the refusal showed in the page's banner, and the window
    went on showing what the file no longer held, every later edit refused."""
    assert window.session is not None
    gdp = target_id(window, "LJ-GDP")
    window.show_target(gdp)
    window.session.set_as_of_year(2023)
    page = window.views["target"]
    page.tabs.setCurrentIndex(1)  # the revision history
    navigator = window.views["navigator"]
    navigator.set_filter_text("GDP")
    write_gdp_2022_elsewhere(window, 4321)
    model = page.table_model
    row = model.row_for_year(2022)
    assert row is not None
    index = model.index(row, model.column_of(Field.VALUE))
    assert not model.setData(index, "4600", Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: len(warnings) == 1)
    assert "Another program wrote into" in warnings[0][1]
    assert window.switcher.shown == ("target", gdp, None)
    assert "4,321" in shown_gdp_2022(window)
    assert window.session.as_of_year == 2023
    assert window.views["target"].tabs.currentIndex() == 1
    assert window.views["navigator"].filter_text() == "GDP"


def test_undo_after_another_program_wrote_opens_the_workbook_again(
    window: MainWindow, warnings: list[tuple[str, str]], qtbot: Any
) -> None:
    """Undo was refused as "changed again since, outside this window", and the window went
    on showing 4,500 while the file held 4,321."""
    assert window.session is not None
    gdp = target_id(window, "LJ-GDP")
    window.show_target(gdp)
    set_gdp_2022(window, 4500)
    with Workbook.open(window.session.workbook.path) as other:  # its lock taken away
        entry = editing.ObservationEntry(gdp, 2022, 4321, Quality.OFFICIAL, "bureau", "")
        editing.set_observations(other, [entry])
    window.commands[Act.UNDO].trigger()
    qtbot.waitUntil(lambda: "4,321" in shown_gdp_2022(window))
    assert any("Another program wrote into" in text for _, text in warnings)
    assert window.session.undo_stack.count() == 0


def test_a_read_only_window_waits_while_another_program_is_writing(
    window: MainWindow,
) -> None:
    assert window.session is not None
    path = window.session.workbook.path
    window.set_workbook(Workbook.open(path, read_only=True))
    window.show_target(target_id(window, "LJ-GDP"))
    opened = window.session.workbook
    write_gdp_2022_elsewhere(window, 4321)
    writer = sqlite3.connect(path)
    writer.execute("BEGIN EXCLUSIVE")  # in the middle of its next change
    window._follow_other_writers()
    assert window.session.workbook is opened, "not opened again while the writer holds it"
    writer.rollback()
    writer.close()
    window._follow_other_writers()
    assert window.session.workbook is not opened and "4,321" in shown_gdp_2022(window)


_CRASHING_WRITER = textwrap.dedent(
    """
    import os, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("UPDATE observation SET value = 4321 WHERE year = 2022")
    conn.execute("PRAGMA cache_size = 1")  # its pages go to the file before it ends
    conn.execute("BEGIN")
    conn.execute("UPDATE observation SET note = hex(randomblob(500))")
    os._exit(1)
    """
)


def test_a_read_only_window_opens_again_after_a_writer_stopped_mid_change(
    window: MainWindow,
) -> None:
    """The journal a stopped writer left was taken for a writer at work, for ever."""
    assert window.session is not None
    path = window.session.workbook.path
    set_gdp_2022(window, 4500)
    window.set_workbook(Workbook.open(path, read_only=True))
    window.show_target(target_id(window, "LJ-GDP"))
    opened = window.session.workbook
    subprocess.run([sys.executable, "-c", _CRASHING_WRITER, str(path)], check=False)
    assert path.with_name(path.name + "-journal").stat().st_size > 0
    window._follow_other_writers()
    assert window.session.workbook is not opened
    assert "4,321" in shown_gdp_2022(window), "its committed change shown, the other rolled back"


def test_a_workbook_open_read_only_shows_what_another_program_wrote_when_the_window_is_back(
    window: MainWindow, qtbot: Any
) -> None:
    assert window.session is not None
    path = window.session.workbook.path
    window.set_workbook(Workbook.open(path, read_only=True))
    gdp = target_id(window, "LJ-GDP")
    window.show_target(gdp)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    terminal = QWidget()  # where the user ran the command that wrote
    qtbot.addWidget(terminal)
    with qtbot.waitActive(terminal):
        terminal.show()
        terminal.activateWindow()
    write_gdp_2022_elsewhere(window, 4321)
    assert "4,321" not in shown_gdp_2022(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    assert window.session.workbook.read_only
    assert "4,321" in shown_gdp_2022(window)
    assert window.switcher.shown == ("target", gdp, None)


def type_unconfirmed(window: MainWindow, qtbot: Any, text: str) -> tuple[Path, int, QWidget]:
    """Type into LJ-GDP's 2022 value cell, the editor holding the focus of the active window,
    without pressing Enter."""
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert window.session is not None
    gdp = target_id(window, "LJ-GDP")
    window.views["navigator"].select_target(gdp)
    page = window.views["target"]
    qtbot.waitUntil(page.isVisible)
    model = page.table_model
    row = model.row_for_year(2022)
    assert row is not None
    index = model.index(row, model.column_of(Field.VALUE))
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = page.table.indexWidget(index)
    assert editor is not None
    qtbot.keyClicks(editor, text)
    assert editor.hasFocus() and window.isActiveWindow()  # as while a user types
    return window.session.workbook.path, gdp, editor


@pytest.mark.parametrize("closing", ["the window", "the workbook"])
def test_a_figure_being_typed_is_kept_when_closing(
    window: MainWindow, qtbot: Any, closing: str
) -> None:
    """Typed into a cell and not yet confirmed with Enter, as clicking elsewhere keeps it."""
    path, gdp, _editor = type_unconfirmed(window, qtbot, "4,300")

    if closing == "the window":
        window.close()
    else:
        window.commands[Act.CLOSE].trigger()

    with Workbook.open(path) as wb:
        kept = {o.year: o.value for o in reads.observations(wb, [gdp])}
    assert kept[2022] == 4300.0


def test_preferences_wait_for_a_value_that_cannot_be_taken(
    window: MainWindow, qtbot: Any, warnings: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A language chosen there rebuilt the views: the cell's text was gone without a word."""
    from ljtracker.ui import preferences

    asked: list[object] = []
    monkeypatch.setattr(preferences, "ask_preferences", lambda *args: asked.append(args))
    _path, _gdp, editor = type_unconfirmed(window, qtbot, "4,3OO")

    window.commands[Act.PREFERENCES].trigger()

    assert not asked and editor.isVisible()
    (title, text), *_ = warnings
    assert title == "A value cannot be taken" and "4,3OO" in text


def test_a_value_that_cannot_be_taken_keeps_the_window_open_and_says_why(
    window: MainWindow, qtbot: Any, warnings: list[tuple[str, str]]
) -> None:
    _path, _gdp, editor = type_unconfirmed(window, qtbot, "4,3OO")

    window.close()

    assert window.isVisible() and window.session is not None  # not closed: nothing lost
    (title, text), *_ = warnings
    assert title == "A value cannot be taken"
    assert text.startswith('2022, Value: "4,3OO" is not a number')
    assert text.endswith("Correct it, or press Esc in its cell to drop it.")
    assert editor.isVisible()
    window.commands[Act.CLOSE].trigger()
    assert window.session is not None and len(warnings) == 2


def test_a_value_not_taken_keeps_its_page_shown_and_says_why(
    window: MainWindow, qtbot: Any, warnings: list[tuple[str, str]]
) -> None:
    """Choosing another target in the navigator showed it on the same page, and the text
    typed into the first target's cell, refused, was gone without a word."""
    _path, gdp, editor = type_unconfirmed(window, qtbot, "4,3OO")
    navigator = window.views["navigator"]
    tree = navigator._tree
    population = navigator._proxy.mapFromSource(
        navigator._model.index_of(NodeKind.TARGET, target_id(window, "LJ-POP"))
    )
    tree.scrollTo(population)

    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(population).center()
    )

    (title, text), *_ = warnings
    assert title == "A value cannot be taken" and '"4,3OO" is not a number' in text
    assert window.switcher.shown == ("target", gdp, None)
    assert editor.isVisible() and editor.text() == "4,3OO"
    assert navigator.current_selection() == ("target", gdp)
    window.commands[Act.VIEW_YEAR_ENTRY].trigger()  # nor another kind of page
    assert window.switcher.shown == ("target", gdp, None) and len(warnings) == 2
    assert not window.commands[Act.VIEW_YEAR_ENTRY].isChecked()

    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # dropped, by the user
    navigator.select_target(target_id(window, "LJ-POP"))
    assert window.switcher.shown == ("target", target_id(window, "LJ-POP"), None)
    assert len(warnings) == 2


@pytest.mark.parametrize("command", [Act.NEW_TARGET, Act.NEW_PLAN, Act.NEXT_PLAN])
def test_a_value_not_taken_is_said_before_a_new_plan_or_target_is_made(
    window: MainWindow,
    qtbot: Any,
    warnings: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    command: Act,
) -> None:
    """The plan or target was recorded, then showing it was refused for the typed text: the
    planner was left on the old page to find what they had just made."""
    from ljtracker.ui import plan_dialogs

    opened: list[str] = []
    for name in ("new_target", "new_plan", "next_plan"):
        monkeypatch.setattr(plan_dialogs, name, lambda *_, name=name: opened.append(name))
    _path, gdp, editor = type_unconfirmed(window, qtbot, "4,3OO")

    window.commands[command].trigger()

    assert not opened and editor.isVisible() and editor.text() == "4,3OO"
    (title, text), *_ = warnings
    assert title == "A value cannot be taken" and '"4,3OO" is not a number' in text
    assert window.switcher.shown == ("target", gdp, None)


def test_a_new_plan_and_a_new_target_are_shown_once_added(window: MainWindow, qtbot: Any) -> None:
    def plan(dialog: QDialog) -> None:
        for name, text in (
            ("code", "LJ2030"),
            ("title_zh", "两江新区2030"),
            ("start_year", "2026"),
            ("end_year", "2030"),
        ):
            type_text(qtbot, dialog, name, text)
        press_ok(qtbot, dialog)

    def target(dialog: QDialog) -> None:
        for name, text in (("code", "LJ30-GDP"), ("name_zh", "地区生产总值")):
            type_text(qtbot, dialog, name, text)
        dialog.findChild(QRadioButton, "monitoring").click()
        press_ok(qtbot, dialog)

    session = window.session
    assert session is not None
    window.views["navigator"].select_target(target_id(window, "LJ-GDP"))
    with_dialog(qtbot, plan, window.commands[Act.NEW_PLAN].trigger)
    added = reads.plan_by_code(session.workbook, "LJ2030")
    assert added is not None
    assert window.centralWidget().currentWidget() is window.views["dashboard"]
    assert window.selected_item() == ("plan", added.id)
    with_dialog(qtbot, target, window.commands[Act.NEW_TARGET].trigger)
    new = reads.target_by_code(session.workbook, added.id or 0, "LJ30-GDP")
    assert new is not None
    assert window.centralWidget().currentWidget() is window.views["target"]
    assert window.selected_item() == ("target", new.id)


def test_a_first_window_1200_wide_shows_the_dashboard_s_status_column_whole(
    window: MainWindow, qtbot: Any
) -> None:
    """The navigator took 340 px, and a 1,200 px window's dashboard pushed its status column
    out of view behind a scroll bar."""
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    dashboard = window.views["dashboard"]
    qtbot.waitUntil(lambda: dashboard.isVisible() and dashboard.table.model().rowCount() > 0)
    QApplication.processEvents()
    header = dashboard.table.horizontalHeader()
    status_end = header.sectionViewportPosition(Column.STATUS) + header.sectionSize(Column.STATUS)
    assert status_end <= dashboard.table.viewport().width()
    assert header.sectionSize(Column.STATUS) >= 130


def test_language_switch_keeps_the_navigator_s_plans_and_areas_open_or_closed(
    window: MainWindow, qtbot: Any
) -> None:
    """The rebuilt navigator opened every plan again and closed every area."""
    window.show()
    qtbot.waitExposed(window)

    def plans(tree: QTreeView) -> dict[str, QModelIndex]:
        model = tree.model()
        return {model.index(r, 0).data().split()[0]: model.index(r, 0) for r in range(4)}

    tree = window.views["navigator"].findChild(QTreeView)
    before = plans(tree)
    tree.expand(tree.model().index(0, 0, before["LJ2025"]))  # its first area
    tree.collapse(before["CQ2022"])
    opened = window.views["navigator"].opened()

    window.set_language("zh")
    tree = window.views["navigator"].findChild(QTreeView)
    after = plans(tree)
    assert tree.isExpanded(tree.model().index(0, 0, after["LJ2025"]))
    assert not tree.isExpanded(after["CQ2022"])
    assert window.views["navigator"].opened() == opened

    window.views["navigator"].set_filter_text("GDP")  # opens all it shows, for now
    window.set_language("en")
    window.views["navigator"].set_filter_text("")
    assert window.views["navigator"].opened() == opened

    tree = window.views["navigator"].findChild(QTreeView)
    tree.collapseAll()
    window.set_language("zh")
    assert window.views["navigator"].opened() == set()  # all closed stays so


def write_the_change_away(window: MainWindow, change_id: int) -> None:
    """Another program writes an older copy over the file: LJ-GDP's 2022 figure and the
    change that entered it are gone."""
    assert window.session is not None
    other = sqlite3.connect(window.session.workbook.path)
    with other:
        other.execute(
            "DELETE FROM observation WHERE target_id = ? AND year = 2022",
            [target_id(window, "LJ-GDP")],
        )
        other.execute("DELETE FROM revision WHERE change_id = ?", [change_id])
        other.execute("DELETE FROM change WHERE id = ?", [change_id])
    other.close()


@pytest.mark.parametrize("change_gone", [False, True])
def test_a_revert_from_the_history_after_another_program_wrote_opens_the_workbook_again(
    window: MainWindow, warnings: list[tuple[str, str]], qtbot: Any, change_gone: bool
) -> None:
    """The check made before asking ran outside the window's guard: nothing was said, and
    the window went on showing what the file no longer held; where the change itself was gone,
    the window said "there is no change #2", a number its history does not show."""
    assert window.session is not None
    gdp = target_id(window, "LJ-GDP")
    window.show_target(gdp)
    set_gdp_2022(window, 4500)
    window.show()
    qtbot.waitExposed(window)
    page = window.views["target"]
    page.tabs.setCurrentWidget(page.history)
    qtbot.waitUntil(lambda: page.history.model().rowCount() > 0)
    page.history.setCurrentIndex(page.history.model().index(0, 0))
    if change_gone:
        write_the_change_away(window, page.history.history_model.revision(0).change_id)
    else:
        write_gdp_2022_elsewhere(window, 4321)
    assert not page.history.revert_chosen()
    qtbot.waitUntil(lambda: shown_gdp_2022(window) == ("" if change_gone else "4,321"))
    assert [text for _, text in warnings if "Another program wrote into" in text]
    assert not [text for _, text in warnings if "no change #" in text]


def year_entry_at_2022(window: MainWindow) -> tuple[Plan, Any]:
    """LJ2025's year entry on 2022, at its fourth target's value."""
    assert window.session is not None
    plan = reads.plan_by_code(window.session.workbook, "LJ2025")
    assert plan is not None and plan.id is not None
    window.show_plan_view("year_entry")
    window.show_plan(plan.id)
    entry = window.views["year_entry"]
    entry.set_year(2022)
    entry.table.setCurrentIndex(entry.model.index(3, 1))
    return plan, entry


def test_the_year_entry_keeps_its_year_and_cell_when_the_window_is_rebuilt(
    window: MainWindow,
) -> None:
    """After a language switch (or the workbook opened again) the grid showed its first open
    year, 2024, where the planner was typing 2022's figures: the next figure typed went to the
    wrong year."""
    plan, entry = year_entry_at_2022(window)
    window.set_language("zh")
    entry = window.views["year_entry"]
    assert entry.year == 2022
    assert (entry.table.currentIndex().row(), entry.table.currentIndex().column()) == (3, 1)
    window.set_language("en")
    assert window.views["year_entry"].year == 2022
    # rebuilt while a target's page was shown, then back to the plan's year entry
    entry = window.views["year_entry"]
    code = entry.model.figure_row(3).target.code
    window.show_target(target_id(window, "LJ-GDP"))
    window.set_language("zh")
    window.show_plan(plan.id)
    entry = window.views["year_entry"]
    assert entry.year == 2022
    assert entry.model.figure_row(entry.table.currentIndex().row()).target.code == code


def test_the_history_s_columns_fit_their_text_after_a_language_switch(
    window: MainWindow, qtbot: Any
) -> None:
    """Fitted before the language's font came (a switch rebuilds the page, and the font
    follows), "When" was cut ("2026-12-01 0…")."""
    gdp = target_id(window, "LJ-GDP")
    window.show_target(gdp)
    window.show()
    qtbot.waitExposed(window)
    page = window.views["target"]
    page.tabs.setCurrentWidget(page.history)
    history = page.history
    qtbot.waitUntil(lambda: history.model().rowCount() > 0)
    font = history.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)  # as the other language's font may be wider
    history.setFont(font)
    QApplication.processEvents()
    assert history.columnWidth(0) >= history.sizeHintForColumn(0)


def test_the_year_entry_opened_again_stays_on_its_target_and_leaves_other_plans_alone(
    window: MainWindow,
) -> None:
    """Put back by row number, the cell moved to another target when another program had
    deleted a row above it; a deleted plan's year and cell were put on the plan shown in its
    stead."""
    _, entry = year_entry_at_2022(window)
    code = entry.model.figure_row(3).target.code
    first = entry.model.figure_row(0).target
    other = sqlite3.connect(window.session.workbook.path)
    with other:  # another program deletes the first target
        other.execute("DELETE FROM observation WHERE target_id = ?", [first.id])
        other.execute("DELETE FROM target WHERE id = ?", [first.id])
    other.close()
    window.open_again()
    entry = window.views["year_entry"]
    assert entry.year == 2022
    assert entry.model.figure_row(entry.table.currentIndex().row()).target.code == code

    lj2020 = reads.plan_by_code(window.session.workbook, "LJ2020")
    assert lj2020 is not None and lj2020.id is not None
    window.show_plan(lj2020.id)
    window.views["year_entry"].set_year(2019)
    other = sqlite3.connect(window.session.workbook.path)
    with other:  # and then the plan shown
        other.execute("PRAGMA foreign_keys = OFF")
        other.execute(
            "DELETE FROM observation WHERE target_id IN (SELECT id FROM target WHERE plan_id = ?)",
            [lj2020.id],
        )
        other.execute("DELETE FROM target WHERE plan_id = ?", [lj2020.id])
        other.execute("DELETE FROM area WHERE plan_id = ?", [lj2020.id])
        other.execute("DELETE FROM plan WHERE id = ?", [lj2020.id])
    other.close()
    window.open_again()
    assert window.switcher.shown is not None and window.switcher.shown[1] != lj2020.id
    assert window.views["year_entry"].year != 2019


def test_a_view_made_again_for_a_language_or_decimals_leaves_the_as_of_year_to_the_new_one(
    window: MainWindow, qtbot: Any
) -> None:
    """The target page and the year entry listened to the session's as-of year through a
    lambda, which outlived them when a language or decimal places made every view again:
    each later choice of year raised "Internal C++ object already deleted"."""
    window.show()
    window.show_target(target_id(window, "LJ-GDP"))
    window.show_plan_view("year_entry")
    window.set_language("zh")
    window.set_language("en")
    assert window.session is not None
    window.apply_preferences(Preferences("en", 3, window.session.settings))
    window.show_target(target_id(window, "LJ-GDP"))
    combo = window.findChild(QComboBox, "as_of_year")
    combo.setCurrentIndex(combo.findData(2023))
    assert window.session.as_of_year == 2023
    page = window.views["target"]
    assert page.progress is not None and page.progress.assessment.latest is not None
    assert page.progress.assessment.latest.year <= 2023  # judged as of the year chosen
