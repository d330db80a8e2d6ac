"""Edit Figure: a statistics revision (value, quality, source, note) as one change and undo step."""

from __future__ import annotations

from typing import Any

import pytest
from dialogs import press_ok, shown, type_text, with_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Observation, Plan, Quality
from ljtracker.services import clock, editing
from ljtracker.storage import reads
from ljtracker.storage.history import revisions_of_target
from ljtracker.ui.actions import Act
from ljtracker.ui.figure_cells import Field
from ljtracker.ui.main_window import MainWindow
from ljtracker.ui.session import Session
from ljtracker.ui.target_page import TargetPage

pytestmark = pytest.mark.usefixtures("while_the_demo_plans_run")

REVISION = {
    "value": "4,015.7",
    "source": "Chongqing Statistical Yearbook 2022",
    "note": "revised by the bureau",
}


def target_id(session: Session, code: str) -> int:
    plan = reads.plan_by_code(session.workbook, "LJ2025")
    assert plan is not None
    target = reads.target_by_code(session.workbook, plan.id or 0, code)
    assert target is not None and target.id is not None
    return target.id


def page_of(qtbot: QtBot, session: Session, code: str = "LJ-GDP") -> TargetPage:
    page = TargetPage(session)
    qtbot.addWidget(page)
    page.show_target(target_id(session, code))
    return page


def gdp_figure(session: Session, year: int) -> Observation:
    found = [
        o
        for o in reads.observations(session.workbook, [target_id(session, "LJ-GDP")])
        if o.year == year
    ]
    assert found, year
    return found[0]


def on_year(page: TargetPage, year: int) -> None:
    row = page.table_model.row_for_year(year)
    assert row is not None
    page.table.setCurrentIndex(page.table_model.index(row, page.table_model.column_of(Field.VALUE)))


def revise(qtbot: QtBot, fields: dict[str, str], quality: Quality) -> Any:
    def fill(dialog: QDialog) -> None:
        for name, text in fields.items():
            type_text(qtbot, dialog, name, text)
        combo = dialog.findChild(QComboBox, "quality")
        assert combo is not None
        combo.setCurrentIndex(
            [Quality.OFFICIAL, Quality.PRELIMINARY, Quality.ESTIMATE].index(quality)
        )
        press_ok(qtbot, dialog)

    return fill


def test_a_revision_of_all_four_fields_is_one_change_and_one_undo_step(
    qtbot: QtBot, session: Session
) -> None:
    page = page_of(qtbot, session)
    before = gdp_figure(session, 2021)
    assert before.quality is Quality.PRELIMINARY and before.value == 4000
    on_year(page, 2021)
    steps = session.undo_stack.count()

    with_dialog(qtbot, revise(qtbot, REVISION, Quality.OFFICIAL), page.table.edit_figure)

    after = gdp_figure(session, 2021)
    assert (after.value, after.quality, after.source, after.note) == (
        4015.7,
        Quality.OFFICIAL,
        "Chongqing Statistical Yearbook 2022",
        "revised by the bureau",
    )
    assert session.undo_stack.count() == steps + 1
    assert session.undo_stack.undoText() == "Change the 2021 figure of LJ-GDP"
    newest = revisions_of_target(session.workbook, before.target_id)[0]
    assert newest.action == "update" and newest.entity == "observation"
    session.undo_stack.undo()
    assert gdp_figure(session, 2021) == before


@pytest.mark.parametrize(
    ("fields", "quality", "undo_name"),
    [
        ({"note": "revised by the bureau"}, Quality.PRELIMINARY,
         "Set the note on the 2021 figure of LJ-GDP"),
        ({}, Quality.OFFICIAL, "Mark the 2021 figure of LJ-GDP as official"),
        ({"source": "Yearbook", "note": "checked"}, Quality.PRELIMINARY,
         "Edit the quality, source or note of the 2021 figure of LJ-GDP"),
    ],
)  # fmt: skip
def test_the_undo_step_names_what_the_form_changed(
    qtbot: QtBot, session: Session, fields: dict[str, str], quality: Quality, undo_name: str
) -> None:
    """With the value kept, the step was named "Change the 2021 figure" whatever changed."""
    page = page_of(qtbot, session)
    before = gdp_figure(session, 2021)
    on_year(page, 2021)
    with_dialog(qtbot, revise(qtbot, fields, quality), page.table.edit_figure)
    assert gdp_figure(session, 2021).value == before.value
    assert session.undo_stack.undoText() == undo_name


def test_the_form_opens_on_the_figure_as_it_is(qtbot: QtBot, session: Session) -> None:
    page = page_of(qtbot, session)
    on_year(page, 2021)
    seen: dict[str, str] = {}

    def look(dialog: QDialog) -> None:
        seen["title"] = dialog.windowTitle()
        was = dialog.findChild(QLabel, "figure_was")
        assert was is not None
        seen["was"] = was.text()
        combo = dialog.findChild(QComboBox, "quality")
        assert combo is not None
        seen["quality"] = combo.currentText()

    with_dialog(qtbot, look, page.table.edit_figure)

    assert seen["title"] == "Edit the 2021 Figure"
    assert seen["was"].startswith("Now: 4,000 亿元 (preliminary), from Chongqing Daily")
    assert seen["quality"] == "Preliminary"


def test_a_value_the_parser_refuses_keeps_the_form_open_and_changes_nothing(
    qtbot: QtBot, session: Session
) -> None:
    page = page_of(qtbot, session)
    on_year(page, 2021)
    before = gdp_figure(session, 2021)
    messages: dict[str, str] = {}

    def fill(dialog: QDialog) -> None:
        type_text(qtbot, dialog, "value", "4,015.7亿")
        press_ok(qtbot, dialog)
        assert dialog.isVisible()
        messages["value"] = shown(dialog, "value")

    with_dialog(qtbot, fill, page.table.edit_figure)

    assert "亿" in messages["value"]
    assert gdp_figure(session, 2021) == before
    assert session.undo_stack.count() == 0


def test_a_figure_past_the_natural_limit_is_refused_at_the_value(
    qtbot: QtBot, session: Session
) -> None:
    page = page_of(qtbot, session, "LJ-SEI")
    on_year(page, 2021)
    messages: dict[str, str] = {}

    def fill(dialog: QDialog) -> None:
        type_text(qtbot, dialog, "value", "101")
        press_ok(qtbot, dialog)
        messages["value"] = shown(dialog, "value")

    with_dialog(qtbot, fill, page.table.edit_figure)

    assert "100" in messages["value"]
    assert session.undo_stack.count() == 0


def test_the_baseline_row_says_where_the_baseline_is_changed(
    qtbot: QtBot, session: Session
) -> None:
    page = page_of(qtbot, session)
    on_year(page, 2020)
    assert page.table.edit_figure()  # said why, in the message bar
    assert "2020 is the baseline year" in page.message_bar.text()


def test_the_edit_menu_edits_the_figure_of_the_page_shown(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    session = window.session
    assert session is not None
    window.switcher.show_target(target_id(session, "LJ-GDP"))
    page = window.views["target"]
    on_year(page, 2021)
    window.views["navigator"].setFocus()  # the menu is used with the focus elsewhere

    with_dialog(
        qtbot,
        revise(qtbot, REVISION, Quality.OFFICIAL),
        window.commands[Act.EDIT_FIGURE].trigger,
    )

    assert gdp_figure(session, 2021).quality is Quality.OFFICIAL
    assert session.undo_stack.count() == 1


def test_a_value_being_typed_is_taken_before_the_form_opens(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The form opened on the old figure, and the typed value was written after it: two
    changes for one revision, the form's value lost under the typed one."""
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    session = window.session
    assert session is not None
    window.switcher.show_target(target_id(session, "LJ-GDP"))
    page = window.views["target"]
    on_year(page, 2021)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = page.table.indexWidget(page.table.currentIndex())
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "4100")  # not confirmed with Enter
    seen: dict[str, str] = {}

    def look(dialog: QDialog) -> None:
        value = dialog.findChild(QLineEdit, "value")
        assert value is not None
        seen["value"] = value.text()

    with_dialog(qtbot, look, window.commands[Act.EDIT_FIGURE].trigger)

    assert seen["value"] == "4100"
    assert gdp_figure(session, 2021).value == 4100
    assert session.undo_stack.count() == 1  # the typed value; the form was cancelled


def test_a_year_still_to_come_is_refused_before_the_form_opens(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "this_year", lambda: 2024)
    page = page_of(qtbot, session)
    on_year(page, 2025)  # it is 2024: the target's year, shown for its planned value
    assert page.table.edit_figure()  # said at once: the form's OK would refuse it
    assert page.message_bar.text().startswith("2025: the year has not come yet (this is 2024)")


def test_no_row_is_offered_for_next_year_before_it_has_come(qtbot: QtBot, session: Session) -> None:
    """With a figure of 2025 in, in 2025, a row of 2026 was offered, and typing into it was
    refused: the row for the next year's figure comes with that year."""
    page = page_of(qtbot, session)  # it is 2025, the plan's last year
    assert page.table_model.row_for_year(2025) is not None
    assert page.table_model.row_for_year(2026) is None


def test_the_form_s_alt_keys_reach_its_fields(qtbot: QtBot, session: Session) -> None:
    """The labels showed Alt+V, Q, S and N, and none of them moved the focus."""
    page = page_of(qtbot, session)
    on_year(page, 2021)
    reached: list[str] = []

    def press(dialog: QDialog) -> None:
        with qtbot.waitActive(dialog):
            dialog.activateWindow()
        for key in (Qt.Key.Key_S, Qt.Key.Key_N, Qt.Key.Key_Q, Qt.Key.Key_V):
            qtbot.keyClick(dialog.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
            reached.append(QApplication.focusWidget().objectName())

    with_dialog(qtbot, press, page.table.edit_figure)

    assert reached == ["source", "note", "quality", "value"]


def test_with_no_year_to_edit_the_status_bar_says_what_to_choose(
    window: MainWindow, qtbot: QtBot
) -> None:
    session = window.session
    assert session is not None
    plan = Plan("EMPTY", "空规划", "An empty plan", 2026, 2030)
    session.apply(ChangeName("Add"), lambda wb: editing.add_plan(wb, plan))
    added = reads.plan_by_code(session.workbook, "EMPTY")
    assert added is not None and added.id is not None
    window.show()
    window.show_plan(added.id)
    window.commands[Act.VIEW_YEAR_ENTRY].trigger()  # a grid without rows, no current year

    window.commands[Act.EDIT_FIGURE].trigger()

    assert window.statusBar().currentMessage().startswith("Choose a year")


def test_a_new_figure_of_the_year_not_over_yet_opens_as_an_estimate(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "this_year", lambda: 2024)
    page = page_of(qtbot, session)
    seen: list[str] = []

    def look(dialog: QDialog) -> None:
        combo = dialog.findChild(QComboBox, "quality")
        assert combo is not None
        seen.append(f"{dialog.windowTitle()}: {combo.currentText()}")
        dialog.reject()

    for year in (2024, 2023):
        on_year(page, year)
        with_dialog(qtbot, look, page.table.edit_figure)

    assert seen == ["Enter the 2024 Figure: Estimate", "Enter the 2023 Figure: Official"]
