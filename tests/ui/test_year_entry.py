"""The year-entry grid: one year for every target of a plan, last year's figure beside it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from ljtracker.domain.model import Quality
from ljtracker.services import clock
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook
from ljtracker.ui.app_settings import format_value
from ljtracker.ui.figure_cells import Field
from ljtracker.ui.figure_delegates import FigureEditor
from ljtracker.ui.figure_model import COPY_ROLE
from ljtracker.ui.session import Session
from ljtracker.ui.target_page import TargetPage
from ljtracker.ui.year_entry import YearEntryView
from ljtracker.ui.year_entry_model import CODE_COLUMN, PREVIOUS_COLUMN


def plan_id(session: Session) -> int:
    plan = reads.plan_by_code(session.workbook, "LJ2025")
    assert plan is not None and plan.id is not None
    return plan.id


def target_id(session: Session, code: str) -> int:
    target = reads.target_by_code(session.workbook, plan_id(session), code)
    assert target is not None and target.id is not None
    return target.id


def open_grid(qtbot: QtBot, session: Session, year: int = 2022) -> YearEntryView:
    view = YearEntryView(session)
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.show_plan(plan_id(session))
    view.set_year(year)
    view.show()
    qtbot.waitExposed(view)
    return view


def row_of(view: YearEntryView, code: str) -> int:
    for row in range(view.model.rowCount()):
        if view.model.index(row, CODE_COLUMN).data() == code:
            return row
    raise AssertionError(code)


def cell(view: YearEntryView, code: str, field: Field) -> QModelIndex:
    return view.model.index(row_of(view, code), view.model.column_of(field))


def figure(session: Session, code: str, year: int) -> Any:
    found = [o for o in reads.observations(session.workbook, [target_id(session, code)])]
    return next(((o.value, o.quality) for o in found if o.year == year), None)


def type_into(qtbot: QtBot, view: YearEntryView, index: QModelIndex, text: str) -> FigureEditor:
    view.table.setFocus()
    view.table.setCurrentIndex(index)
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    editor = view.table.indexWidget(index)
    assert isinstance(editor, FigureEditor)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on the next turn of the event loop
    return editor


def test_the_grid_lists_every_target_with_last_years_figure(qtbot: QtBot, session: Session) -> None:
    view = open_grid(qtbot, session, 2022)
    model = view.model
    assert model.rowCount() == len(reads.targets(session.workbook, plan_id(session)))
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "Code",
        "Name",
        "Unit",
        "2021 (for reference)",
        "2022",
        "Quality",
        "Source",
        "Note",
    ]
    gdp = row_of(view, "LJ-GDP")
    four_thousand = format_value(4000.0, model.decimals)  # the user's decimal places
    assert model.index(gdp, PREVIOUS_COLUMN).data() == four_thousand
    assert "Preliminary" in model.index(gdp, PREVIOUS_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert not model.index(gdp, PREVIOUS_COLUMN).flags() & Qt.ItemFlag.ItemIsEditable
    assert model.index(gdp, 1).data() == "GDP of the whole new area"
    assert model.index(gdp, 2).data() == "亿元"

    view.set_year(2023)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "2022 (for reference)"
    latest_earlier = f"{four_thousand} (2021)"
    assert model.index(gdp, PREVIOUS_COLUMN).data() == latest_earlier
    # copied to a spreadsheet, 2021's figure does not pass as 2022's under its heading
    assert model.index(gdp, PREVIOUS_COLUMN).data(COPY_ROLE) == "4000 (2021)"
    session.lang = "zh"
    assert model.index(gdp, PREVIOUS_COLUMN).data() == f"{four_thousand}（2021年）"


def test_a_2022_figure_entered_in_the_grid_appears_on_the_target_page(
    qtbot: QtBot, session: Session
) -> None:
    page = TargetPage(session)
    qtbot.addWidget(page)
    page.show_target(target_id(session, "LJ-GDP"))
    view = open_grid(qtbot, session, 2022)

    type_into(qtbot, view, cell(view, "LJ-GDP", Field.VALUE), "4,400")

    assert figure(session, "LJ-GDP", 2022) == (4400.0, Quality.OFFICIAL)
    shown = format_value(4400.0, view.model.decimals)
    assert cell(view, "LJ-GDP", Field.VALUE).data() == shown
    row = page.table_model.row_for_year(2022)
    assert row is not None
    value_column = page.table_model.column_of(Field.VALUE)
    assert page.table_model.index(row, value_column).data() == shown
    xs, ys = page.chart.items["actual"].getData()
    assert list(xs)[-1] == 2022 and list(ys)[-1] == 4400
    assert session.undo_stack.undoText() == "Set the 2022 figure of LJ-GDP"


def test_a_refused_number_in_the_grid_changes_nothing(qtbot: QtBot, session: Session) -> None:
    view = open_grid(qtbot, session, 2022)
    editor = type_into(qtbot, view, cell(view, "LJ-SEI", Field.VALUE), "45%%")
    assert editor.problem
    assert view.message_bar.isVisible()
    assert view.message_bar.text() == f"LJ-SEI 2022, Value: {editor.problem}"  # names the cell
    assert figure(session, "LJ-SEI", 2022) is None
    assert session.undo_stack.count() == 0


def test_the_quality_choice_list_in_the_grid(qtbot: QtBot, session: Session) -> None:
    view = open_grid(qtbot, session, 2021)
    index = cell(view, "LJ-GDP", Field.QUALITY)
    view.table.setFocus()
    view.table.setCurrentIndex(index)
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    combo = view.table.indexWidget(index)
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Preliminary"
    combo.setCurrentIndex(combo.findData(Quality.ESTIMATE.value))
    combo.activated.emit(combo.currentIndex())  # as a click on the list entry does
    QApplication.processEvents()
    assert figure(session, "LJ-GDP", 2021) == (4000.0, Quality.ESTIMATE)
    assert cell(view, "LJ-GDP", Field.QUALITY).data() == "Estimate"


def test_a_pasted_column_fills_several_targets_in_one_step(qtbot: QtBot, session: Session) -> None:
    view = open_grid(qtbot, session, 2022)
    first = row_of(view, "LJ-GDP")
    codes = [view.model.index(first + i, CODE_COLUMN).data() for i in range(3)]
    view.table.setCurrentIndex(cell(view, codes[0], Field.VALUE))

    assert view.paste("4,400\tpreliminary\n16\n\n")

    assert figure(session, codes[0], 2022) == (4400.0, Quality.PRELIMINARY)
    assert figure(session, codes[1], 2022) == (16.0, Quality.OFFICIAL)
    assert figure(session, codes[2], 2022) is None  # an empty cell leaves the year as it is
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Paste 2 figures for 2022"
    session.undo_stack.undo()
    assert figure(session, codes[0], 2022) is None and figure(session, codes[1], 2022) is None


def test_a_paste_of_figures_writing_would_refuse_lists_each_beneath_its_heading(
    qtbot: QtBot, session: Session
) -> None:
    now = clock.this_year()
    view = open_grid(qtbot, session, now + 1)  # a year still to come
    first = row_of(view, "LJ-GDP")
    second = view.model.index(first + 1, CODE_COLUMN).data()
    view.table.setCurrentIndex(cell(view, "LJ-GDP", Field.VALUE))

    assert not view.paste("4,400\n16\n")

    assert view.message_bar.text() == "\n".join(
        [
            "Nothing was pasted:",
            f"• Row 1 (LJ-GDP {now + 1}): the year has not come yet (this is {now}); a figure of"
            " a year to come is a forecast, not an actual figure",
            f"• Row 2 ({second} {now + 1}): the year has not come yet (this is {now}); a figure"
            " of a year to come is a forecast, not an actual figure",
        ]
    )
    assert session.undo_stack.count() == 0


def test_a_paste_over_several_estimates_names_them_in_one_note(
    qtbot: QtBot, demo_path: Path
) -> None:
    session = Session(Workbook.open(demo_path), lang="zh")
    try:
        view = open_grid(qtbot, session, 2023)
        view.table.setCurrentIndex(cell(view, "LJ-SHARE-GDP", Field.VALUE))
        assert view.paste("16\n21\n")  # the 2023 shares are estimates, with their sources
        assert view.message_bar.is_note and view.message_bar.text() == (
            "LJ-SHARE-GDP 2023年、LJ-SHARE-IND 2023年：新数值沿用各数据原有的数据质量、来源或"
            "备注；如已不再适用，请在旁边修改。"
        )
    finally:
        session.close()


@pytest.fixture
def grid(qtbot: QtBot, session: Session) -> YearEntryView:
    """The grid on 2022, held until the fixtures requested after it are torn down (the model
    tester lets go of the model then)."""
    return open_grid(qtbot, session, 2022)


def test_the_grid_model_passes_the_model_tester(grid: YearEntryView, qtmodeltester: Any) -> None:
    view = grid
    qtmodeltester.check(view.model, force_py=True)
    view.set_year(2021)
    qtmodeltester.check(view.model, force_py=True)


def test_the_grid_opens_on_no_year_still_to_come(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # LJ2025's figures reach 2023: the grid opens on 2024, unless 2024 has not come yet
    view = YearEntryView(session)
    qtbot.addWidget(view)
    view.show_plan(plan_id(session))
    assert view.year == 2024
    monkeypatch.setattr(clock, "this_year", lambda: 2023)
    later = YearEntryView(session)
    qtbot.addWidget(later)
    later.show_plan(plan_id(session))
    assert later.year == 2023


def test_after_choosing_another_year_the_grid_keeps_its_place(
    qtbot: QtBot, session: Session
) -> None:
    view = open_grid(qtbot, session, 2022)
    share = cell(view, "LJ-SHARE-GDP", Field.VALUE)
    view.table.setCurrentIndex(share)
    view.year_box.setFocus()
    qtbot.keyClick(view.year_box, Qt.Key.Key_Up)
    assert view.year == 2023
    # Tab from the year box, then typing, goes into the same target's figure of 2023
    current = view.table.currentIndex()
    assert view.model.figure_row(current.row()).target.code == "LJ-SHARE-GDP"
    assert current.column() == share.column()


def test_the_grid_keeps_its_target_when_another_target_goes(qtbot: QtBot, session: Session) -> None:
    """It kept the row number: with a target above deleted, typing went into the next one's."""
    from ljtracker.domain.change_names import ChangeName
    from ljtracker.services import editing

    view = open_grid(qtbot, session, 2022)
    view.table.setCurrentIndex(cell(view, "LJ-HTM", Field.VALUE))
    gone = target_id(session, "LJ-SHARE-GDP")
    session.apply(ChangeName("Delete"), lambda wb: editing.delete_target(wb, gone))
    current = view.table.currentIndex()
    assert view.model.figure_row(current.row()).target.code == "LJ-HTM"
    session.apply(
        ChangeName("Delete"), lambda wb: editing.delete_target(wb, target_id(session, "LJ-HTM"))
    )
    current = view.table.currentIndex()
    assert current.isValid() and view.model.figure_row(current.row()).target.code != "LJ-HTM"


def test_a_plan_opens_on_its_first_figure_whatever_the_place_before(
    qtbot: QtBot, session: Session
) -> None:
    view = open_grid(qtbot, session, 2022)
    view.table.setCurrentIndex(view.model.index(row_of(view, "LJ-SHARE-GDP"), CODE_COLUMN))
    other = reads.plan_by_code(session.workbook, "CQST2025")
    assert other is not None and other.id is not None
    view.show_plan(other.id)
    current = view.table.currentIndex()
    assert (current.row(), current.column()) == (0, view.model.column_of(Field.VALUE))


def test_a_figure_of_the_year_not_over_yet_is_marked_as_an_estimate(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "this_year", lambda: 2024)  # within LJ2025's period
    view = open_grid(qtbot, session, 2024)

    type_into(qtbot, view, cell(view, "LJ-GDP", Field.VALUE), "4,900")

    assert figure(session, "LJ-GDP", 2024) == (4900.0, Quality.ESTIMATE)
    assert view.message_bar.is_note and view.message_bar.text() == (
        "LJ-GDP 2024: 2024 is not over yet, so the new figure is marked as an estimate; set"
        " its quality beside it if it is preliminary or official."
    )
    # a quality given beside the value is taken, and a year that is over stays official
    view.table.setCurrentIndex(cell(view, "LJ-SHARE-GDP", Field.VALUE))
    assert view.paste("15.5\tpreliminary\n21\n")
    assert figure(session, "LJ-SHARE-GDP", 2024) == (15.5, Quality.PRELIMINARY)
    second = view.model.index(row_of(view, "LJ-SHARE-GDP") + 1, CODE_COLUMN).data()
    assert figure(session, second, 2024) == (21.0, Quality.ESTIMATE)
    assert view.message_bar.text().startswith(f"{second} 2024: 2024 is not over yet")
    view.set_year(2023)
    type_into(qtbot, view, cell(view, "LJ-HTM", Field.VALUE), "53")
    assert figure(session, "LJ-HTM", 2023) == (53.0, Quality.OFFICIAL)
    assert view.message_bar.text() == ""


def type_at_cursor(qtbot: QtBot, view: YearEntryView, text: str) -> None:
    """Type over the current cell as a planner does, without opening it first, and press
    Enter: the first key opens the cell, the rest go to its editor."""
    view.table.setFocus()
    qtbot.keyClicks(view.table, text[0])
    editor = view.table.indexWidget(view.table.currentIndex())
    assert isinstance(editor, FigureEditor)
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on the next turn of the event loop


def test_figures_typed_down_a_column_go_each_to_its_own_row(qtbot: QtBot, session: Session) -> None:
    """Enter took the figure and stayed on its cell, so the next figure typed wrote over it,
    as a spreadsheet's Enter, which moves down, would not."""
    view = open_grid(qtbot, session, 2022)
    first = cell(view, "LJ-SHARE-GDP", Field.VALUE)
    view.table.setCurrentIndex(first)
    below = view.model.index(first.row() + 1, first.column())
    next_code = view.model.index(first.row() + 1, CODE_COLUMN).data()
    type_at_cursor(qtbot, view, "15.4")
    assert view.table.currentIndex() == below
    type_at_cursor(qtbot, view, "16.2")
    assert figure(session, "LJ-SHARE-GDP", 2022)[0] == 15.4
    assert figure(session, next_code, 2022)[0] == 16.2
    assert session.undo_stack.count() == 2


def test_a_share_over_100_keeps_its_cell_open_with_the_text_to_correct(
    qtbot: QtBot, session: Session
) -> None:
    """Refused only on writing, 150 closed the cell and was lost, where a text that is no
    number keeps it open."""
    view = open_grid(qtbot, session, 2022)
    index = cell(view, "LJ-SHARE-GDP", Field.VALUE)
    editor = type_into(qtbot, view, index, "150")
    assert view.table.indexWidget(index) is editor and editor.text() == "150"
    assert "above the indicator's natural limit of 100" in editor.problem
    assert view.table.currentIndex() == index  # refused: Enter does not move on
    assert figure(session, "LJ-SHARE-GDP", 2022) is None
    assert session.undo_stack.count() == 0


def test_another_year_waits_for_a_value_that_cannot_be_taken(
    qtbot: QtBot, session: Session
) -> None:
    """Choosing another year showed its rows, and the refused text was gone without a word."""
    view = open_grid(qtbot, session, 2022)
    index = cell(view, "LJ-SHARE-GDP", Field.VALUE)
    editor = type_into(qtbot, view, index, "150")

    view.year_box.setValue(2021)

    assert view.year == 2022 and view.year_box.value() == 2022
    assert view.table.indexWidget(index) is editor and editor.text() == "150"
    assert "natural limit of 100" in view.message_bar.text()
    assert view.message_bar.text().endswith("Correct it, or press Esc in its cell to drop it.")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    view.year_box.setValue(2021)
    assert view.year == 2021 and "Figures for 2021" in view.title.text()
    assert view.message_bar.isHidden()  # what it said was of the text dropped


def test_a_column_pasted_with_the_baselines_it_repeats_is_taken(
    qtbot: QtBot, session: Session
) -> None:
    """A year's column copied from a sheet holds the baselines of that year too: the paste
    was refused whole for them, though each was the baseline shown."""
    view = open_grid(qtbot, session, 2020)
    first = row_of(view, "LJ-GDP")  # 3,750, 15 and 15: the baselines of 2020
    codes = [view.model.index(first + i, CODE_COLUMN).data() for i in range(4)]
    assert codes[3] == "LJ-GDP-DIRECT"  # its baseline is 2021's
    view.table.setCurrentIndex(cell(view, "LJ-GDP", Field.VALUE))
    assert view.paste("3,750\n15\n15\n2100\n")
    assert figure(session, "LJ-GDP-DIRECT", 2020) == (2100.0, Quality.OFFICIAL)
    assert figure(session, "LJ-GDP", 2020) is None  # the baseline stays the target's own
    assert not view.paste("3,760\n")  # another value is still no way to change a baseline
    assert "2020 is the baseline year" in view.message_bar.text()


def test_empty_cells_copied_beyond_the_last_column_are_left_out(
    qtbot: QtBot, session: Session
) -> None:
    """A spreadsheet copies empty cells to the right of a row: "4,100\\t\\t\\t\\t" was refused
    as five columns wide where four fit."""
    view = open_grid(qtbot, session, 2022)
    view.table.setCurrentIndex(cell(view, "LJ-GDP", Field.VALUE))
    room = view.model.columnCount() - view.table.currentIndex().column()
    assert view.paste("4,100" + "\t" * room + "\n")
    assert figure(session, "LJ-GDP", 2022) == (4100.0, Quality.OFFICIAL)
    assert not view.paste("4,100" + "\t" * room + "x\n")  # something there: still refused
    assert f"there is room for {room}" in view.message_bar.text()


def test_typing_into_a_locked_cell_says_why_it_is_locked(qtbot: QtBot, session: Session) -> None:
    """A letter typed into the source of a year without a figure did nothing, silently; its
    first letter then searched the column and moved to a source starting with it, and the
    rest of the text was typed over that figure's source."""
    view = open_grid(qtbot, session, 2021)
    sources = [view.model.figure_row(row_of(view, c)).source for c in ("LJ-GDP", "LJ-GDP-DIRECT")]
    assert any(s.startswith("C") for s in sources)  # where the search went
    view.table.setFocus()
    locked = cell(view, "LJ-SHARE-GDP", Field.SOURCE)
    view.table.setCurrentIndex(locked)
    qtbot.keyClicks(view.table, "Chongqing Daily")
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert view.message_bar.text() == "There is no 2021 figure yet; enter the value first."
    assert view.table.currentIndex() == locked
    assert session.undo_stack.count() == 0


def test_chinese_typed_by_an_input_method_into_a_locked_cell_stays_there(
    qtbot: QtBot, session: Session
) -> None:
    """Text an input method commits went past the key check: its first character searched
    the column and the cursor jumped to another target's source."""
    view = open_grid(qtbot, session, 2021)
    view.table.setFocus()
    locked = cell(view, "LJ-SHARE-GDP", Field.SOURCE)
    view.table.setCurrentIndex(locked)
    typed = QInputMethodEvent()
    typed.setCommitString("重庆日报")
    QApplication.sendEvent(view.table, typed)
    assert view.message_bar.text() == "There is no 2021 figure yet; enter the value first."
    assert view.table.currentIndex() == locked
    assert view.table.state() != view.table.State.EditingState


def test_a_year_to_come_is_said_to_be_one_before_anything_is_typed(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hint said "Type over a cell or paste a block…" for a year to come; only what was
    typed was then refused."""
    monkeypatch.setattr(clock, "this_year", lambda: 2023)
    view = open_grid(qtbot, session, 2023)
    view.year_box.setValue(2024)
    assert view.hint.text().startswith("2024 has not come yet (this is 2023)")
    view.year_box.setValue(2023)
    assert view.hint.text().startswith("Type over a cell")
