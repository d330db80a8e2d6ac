"""Tab-separated blocks to and from spreadsheets, and what a paste would write or refuse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from target_pages import lj2025_page

from ljtracker.domain.model import Quality
from ljtracker.sheets.template import ENUM_WORDS
from ljtracker.storage.workbook import Workbook
from ljtracker.ui import i18n
from ljtracker.ui.clipboard import format_tsv, parse_tsv, plan_paste
from ljtracker.ui.figure_cells import Field
from ljtracker.ui.figure_model import COPY_ROLE
from ljtracker.ui.session import Session
from ljtracker.ui.target_page import TargetPage


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (
            "4400\tofficial\r\n4500\tpreliminary\r\n",
            [["4400", "official"], ["4500", "preliminary"]],
        ),
        ("4400\n4500", [["4400"], ["4500"]]),
        ("4400\n\n4600\n", [["4400"], [""], ["4600"]]),
        ("4400\n\n", [["4400"], [""]]),
        ("\r\n", [[""]]),
        ("", []),
        ('"a\tb"\t"line 1\nline 2"\n', [["a\tb", "line 1\nline 2"]]),
        ('"say ""4,000"""\tx\n', [['say "4,000"', "x"]]),
        ('ab"c\t1\n', [['ab"c', "1"]]),
    ],
)
def test_parse_tsv_reads_what_spreadsheets_copy(text: str, rows: list[list[str]]) -> None:
    assert parse_tsv(text) == rows


@given(
    st.lists(
        st.lists(st.text(st.characters(blacklist_categories=["Cs"])), min_size=1, max_size=4),
        min_size=1,
        max_size=4,
    )
)
def test_format_tsv_reads_back_unchanged(rows: list[list[str]]) -> None:
    assert parse_tsv(format_tsv(rows)) == rows


def test_format_tsv_quotes_only_cells_that_need_it() -> None:
    assert format_tsv([["4000", "a\tb"], ["x", 'say "hi"']]) == '4000\t"a\tb"\nx\t"say ""hi"""\n'


@pytest.fixture
def page(demo_path: Path, qtbot: QtBot) -> Iterator[TargetPage]:
    session = Session(Workbook.open(demo_path), lang="en")
    yield lj2025_page(qtbot, session)
    session.close()


def at(page: TargetPage, year: int, field: Field) -> tuple[int, int]:
    row = page.table_model.row_for_year(year)
    assert row is not None
    return row, page.table_model.column_of(field)


def test_a_paste_is_planned_cell_by_cell(page: TargetPage) -> None:
    model = page.table_model
    plan = plan_paste(model, *at(page, 2021, Field.VALUE), [["—", "official"], ["4400", ""]])
    assert plan.problems == []
    assert [(e.year, e.value, e.quality) for e in plan.entries] == [
        (2021, 4000.0, Quality.OFFICIAL),  # "—" leaves the figure, the quality changes
        (2022, 4400.0, Quality.OFFICIAL),
    ]


@pytest.mark.parametrize(
    ("year", "field", "block", "problem"),
    [
        (
            2022,
            Field.NOTE,
            [["a", "b"]],
            "The block is 2 columns wide; from Note there is room for 1.",
        ),
        (
            2025,
            Field.VALUE,
            [["1"], ["2"], ["3"]],
            "The block has 3 rows; from 2025 there is room for 2.",
        ),
        (
            2022,
            Field.VALUE,
            [["x"]],
            'Row 1, column 1 (2022, Value): "x" is not a number.',
        ),
        (2020, Field.VALUE, [["3800"]], "Row 1, column 1 (2020, Value): 2020 is the baseline year"),
        (2023, Field.QUALITY, [["official"]], "Row 1 (2023): There is no 2023 figure yet"),
    ],
)
def test_a_paste_names_each_cell_it_cannot_use(
    page: TargetPage, year: int, field: Field, block: list[list[str]], problem: str
) -> None:
    plan = plan_paste(page.table_model, *at(page, year, field), block)
    assert any(p.startswith(problem) for p in plan.problems), plan.problems


def test_a_row_whose_value_cannot_be_read_is_named_once(page: TargetPage) -> None:
    block = [["4,400*", "official", "bureau"]]  # a footnote mark on a year without a figure
    plan = plan_paste(page.table_model, *at(page, 2023, Field.VALUE), block)
    assert len(plan.problems) == 1 and "footnote" in plan.problems[0], plan.problems


def test_a_refused_paste_names_the_figures_writing_would_refuse_with_the_unread_cells(
    demo_path: Path, qtbot: QtBot
) -> None:
    """A share over its natural limit of 100 was refused only when written: the first
    refusal named the cell that could not be read, the next one this figure."""
    session = Session(Workbook.open(demo_path), lang="en")
    try:
        page = lj2025_page(qtbot, session, "LJ-SHARE-GDP")
        block = [["1,234.5"], ["约 5000"], ["16"]]
        problems = plan_paste(page.table_model, *at(page, 2021, Field.VALUE), block).problems
        assert len(problems) == 2, problems
        assert problems[0].startswith("Row 1 (2021): ") and "natural limit of 100" in problems[0]
        assert problems[1].startswith("Row 2, column 1 (2022, Value): ")
        assert not page.paste("1,234.5\n约 5000\n16\n")
        assert "natural limit of 100" in page.message_bar.text()
        assert "约 5000" in page.message_bar.text()
    finally:
        session.close()


def test_a_paste_must_start_in_a_figure_column(page: TargetPage) -> None:
    row, _ = at(page, 2022, Field.VALUE)
    plan = plan_paste(page.table_model, row, 0, [["2022", "4400"]])
    assert plan.problems == [
        "Start the paste in one of the columns Value (亿元), Quality, Source, Note."
    ]


def test_copy_quotes_a_note_with_a_tab_and_puts_it_on_the_clipboard(page: TargetPage) -> None:
    row, column = at(page, 2021, Field.VALUE)
    page.table.setCurrentIndex(page.table_model.index(row, column))
    assert page.paste('4100\t\t\t"note\twith a tab"\n')
    note = page.table_model.index(row, page.table_model.column_of(Field.NOTE))
    assert note.data() == "note\twith a tab"
    # as a click on the cell does, whatever modifier keys an earlier test left down
    page.table.selectionModel().setCurrentIndex(
        note, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert page.copy() == '"note\twith a tab"\n'
    assert QGuiApplication.clipboard().text() == '"note\twith a tab"\n'


def test_delete_on_a_note_empties_it_and_names_the_step(page: TargetPage) -> None:
    session = page.session
    note = page.table_model.index(*at(page, 2021, Field.NOTE))
    page.table.setCurrentIndex(note)
    assert page.table.clear_selected()
    assert note.data() == ""
    assert page.table_model.index(*at(page, 2021, Field.VALUE)).data(COPY_ROLE) == "4000"
    assert session.undo_stack.undoText() == "Clear the note on the 2021 figure of LJ-GDP"
    session.undo_stack.undo()
    assert note.data().startswith("“Expected to exceed 400 bn yuan”")


def test_a_paste_that_changes_nothing_says_so(page: TargetPage) -> None:
    page.table.setCurrentIndex(page.table_model.index(*at(page, 2023, Field.VALUE)))
    before = page.session.undo_stack.count()
    assert not page.paste("-\n")  # no figure, where there is none
    assert page.message_bar.text() == "Nothing was pasted: it changes no figure."
    assert page.session.undo_stack.count() == before
    page.table.setCurrentIndex(page.table_model.index(*at(page, 2021, Field.VALUE)))
    assert not page.paste("4,000\n")  # the figure there, pasted again
    assert page.message_bar.text() == "Nothing was pasted: it changes no figure."
    assert page.session.undo_stack.count() == before


def test_a_single_pasted_figure_is_named_by_its_year(page: TargetPage) -> None:
    page.table.setCurrentIndex(page.table_model.index(*at(page, 2023, Field.VALUE)))
    assert page.paste("4,500\n")
    assert page.session.undo_stack.undoText() == "Paste the 2023 figure of LJ-GDP"


def test_a_paste_over_a_preliminary_figure_says_what_it_keeps(page: TargetPage) -> None:
    """As typing does: the 2021 figure is preliminary, with a source and a note."""
    bar = page.message_bar
    page.table.setCurrentIndex(page.table_model.index(*at(page, 2021, Field.VALUE)))
    assert page.paste("4040\n4410\n")  # 2022 had no figure: nothing kept there
    assert not bar.isHidden() and bar.is_note
    assert bar.text() == (
        "LJ-GDP 2021: the new value keeps the figure's quality (Preliminary), source and note;"
        " change them beside the value if they no longer hold (Edit Figure, Ctrl+Shift+E,"
        " changes all four as one)."
    )
    assert page.paste("4050\tOfficial\n")  # a quality pasted with it is not kept
    assert bar.text().startswith("LJ-GDP 2021: the new value keeps the figure's source and note")
    page.table.setCurrentIndex(page.table_model.index(*at(page, 2021, Field.QUALITY)))
    assert page.paste("Estimate\n")  # no new value: nothing to say
    assert bar.isHidden()


def test_a_paste_of_several_figures_names_only_what_they_keep(page: TargetPage) -> None:
    """Pasted with their quality, revised figures were said to keep their "quality, source
    or note": the planner was told the official revision had not taken."""
    bar = page.message_bar
    page.table.setCurrentIndex(page.table_model.index(*at(page, 2021, Field.VALUE)))
    assert page.paste("4040\tOfficial\tYearbook\n4410\tOfficial\tYearbook\n")
    page.table.setCurrentIndex(page.table_model.index(*at(page, 2021, Field.VALUE)))
    assert page.paste("4050\tOfficial\n4420\tOfficial\n")
    assert bar.text() == (  # 2021 has a note, 2022 none
        "LJ-GDP 2021, LJ-GDP 2022: the new values keep the source or note their figures had;"
        " change them beside the values if they no longer hold."
    )
    assert "quality" not in bar.text()


def test_a_paste_says_what_its_empty_cells_emptied(page: TargetPage) -> None:
    """A row pasted with its Source and Note cells empty emptied them, as a spreadsheet
    does, while the note spoke only of the quality kept."""
    bar = page.message_bar
    page.table.setCurrentIndex(page.table_model.index(*at(page, 2021, Field.VALUE)))
    assert page.paste("4040\t\t\t\n")
    assert bar.text().splitlines() == [
        "LJ-GDP 2021: the new value keeps the figure's quality (Preliminary); change it"
        " beside the value if it no longer holds (Edit Figure, Ctrl+Shift+E, changes all four as"
        " one).",
        "LJ-GDP 2021: the block's empty cells emptied the source and note.",
    ]
    page.table.setCurrentIndex(page.table_model.index(*at(page, 2021, Field.SOURCE)))
    assert page.paste("Yearbook\tchecked\n")  # nothing emptied: nothing said of it
    assert "emptied" not in bar.text()
    page.table.setCurrentIndex(page.table_model.index(*at(page, 2021, Field.VALUE)))
    assert page.paste("4040\t\tYearbook\tchecked\n4400\t\tBulletin\tfirst\n")
    assert page.paste("4050\t\tYearbook\t\n4410\t\t\tfirst\n")  # a note, a source
    assert bar.text().splitlines()[-2:] == [
        "LJ-GDP 2021: the block's empty cells emptied the note.",
        "LJ-GDP 2022: the block's empty cells emptied the source.",
    ]


def test_a_refused_paste_reads_as_chinese_in_a_chinese_window(
    demo_path: Path, qtbot: QtBot
) -> None:
    i18n.install("zh")
    session = Session(Workbook.open(demo_path), lang="zh")
    try:
        page = lj2025_page(qtbot, session)
        model = page.table_model
        bad = plan_paste(model, *at(page, 2022, Field.VALUE), [["x"]]).problems
        assert bad[0].startswith("第 1 行第 1 列（2022年，数值）：")
        tall = plan_paste(model, *at(page, 2025, Field.VALUE), [["1"], ["2"], ["3"]]).problems
        assert tall == ["该区域有 3 行；从 2025年 开始只能容纳 2 行。"]
        first = plan_paste(model, at(page, 2022, Field.VALUE)[0], 0, [["2022"]]).problems
        assert first == ["请从以下列之一开始粘贴：数值（亿元）、数据质量、来源、备注。"]
    finally:
        session.close()
        i18n.install("en")


@pytest.mark.parametrize(
    ("word", "quality"),
    [(w, Quality(value)) for value, words in ENUM_WORDS[Quality].items() for w in words],
)
def test_a_paste_reads_every_quality_word_an_import_reads(
    page: TargetPage, word: str, quality: Quality
) -> None:
    plan = plan_paste(page.table_model, *at(page, 2023, Field.VALUE), [["4400", word]])
    assert not plan.problems
    assert [entry.quality for entry in plan.entries] == [quality]
