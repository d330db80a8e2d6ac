"""What lies around and within a table's rows: the title and unit above its header, notes
between its rows and below them, and another table's header where it ends."""

from __future__ import annotations

import re
from collections.abc import Collection

from ljtracker.domain.model import Quality
from ljtracker.domain.number_text import counted
from ljtracker.sheets.cells import CellProblem, Note, Sheet, is_blank
from ljtracker.sheets.layout import Located
from ljtracker.sheets.note_quality import qualities_noted
from ljtracker.sheets.table_columns import LABEL_LOOKUP, year_columns
from ljtracker.sheets.template import normalize_header
from ljtracker.sheets.title_words import ENGLISH_UNIT, names_part_of_a_year
from ljtracker.sheets.title_year import TitleCell, TitleRefused
from ljtracker.sheets.year_headers import header_year

_NOTE_START = re.compile(
    r"^\s*(?:(?:注|附注|说明|备注|注释|资料来源|数据来源|来源|notes?|sources?)\s*[0-9]*\s*[:：.、]"
    r"|注\s*[0-9①-⑳]|[*※†‡①-⑳])",
    re.IGNORECASE,
)

# "单位：亿元", "本表金额单位：万元" above a table, or a list of units ("单位：亿元，%"); not
# "人口单位：万人", the unit of some rows only
TITLE_UNIT = re.compile(
    r"(?<![\u3400-\u9fff])(?:本表|表内|表中|全表|计量|金额|货币|数据|价值)*(?:单位|units?)\s*[:：]\s*"
    rf"((?:{ENGLISH_UNIT}|[^\s,，、;；)）]+)"
    rf"(?:\s*[,，、]\s*(?:{ENGLISH_UNIT}|[^\s,，、;；)）:：]+))*)",
    re.IGNORECASE,
)


def title_cells(sheet: Sheet, header: int, start: int = 0) -> list[TitleCell]:
    """The cells above a table's header: its title, unit and notes (from row `start`)."""
    return [
        TitleCell(r, c, sheet.text(r, c))
        for r in range(start, header)
        for c in range(sheet.width)
        if sheet.text(r, c) and (r, c) not in sheet.merged_copies
    ]


def at_title(sheet: Sheet, refused: TitleRefused) -> CellProblem:
    cell = refused.cell
    return CellProblem(
        sheet.name, cell.row, cell.col, cell.text, refused.message_en, refused.message_zh
    )


def is_note_text(text: str) -> bool:
    """Whether the text reads as a note or a source line: "注：…", "资料来源：…", "*…"."""
    return bool(_NOTE_START.match(text))


def is_note(sheet: Sheet, row: int) -> bool:
    first = next((sheet.text(row, c) for c in range(sheet.width) if sheet.text(row, c)), "")
    return is_note_text(first)


def merged_copy(sheet: Sheet, cell: Located) -> bool:
    """Whether the cell's text was copied there from the first cell of a merged range."""
    return (cell.row, cell.col) in sheet.merged_copies


def merged_across(sheet: Sheet, row: int) -> bool:
    """Whether the row is one text merged across it: every filled cell after the first holds
    a copy of it (a footnote merged across the table), not figures of its own."""
    filled = [c for c in range(sheet.width) if not is_blank(sheet.cell(row, c))]
    return len(filled) > 1 and all((row, c) in sheet.merged_copies for c in filled[1:])


def figures_below(sheet: Sheet, row: int, figure_cols: list[int]) -> bool:
    """Whether a row after `row`, before another table's header, that is no note of its own
    has a figure in `figure_cols`: a note line between rows of the table, which ends only
    where no figure of it follows."""
    for below in range(row + 1, sheet.height):
        if another_header(sheet, below):
            return False
        if any(not is_blank(sheet.cell(below, col)) for col in figure_cols) and not (
            is_note(sheet, below) and merged_across(sheet, below)
        ):
            return True
    return False


def another_header(sheet: Sheet, row: int, own_years: Collection[int] = ()) -> bool:
    """Whether the row heads another table below the first: years across it, and no name of
    an indicator before them (its label column's own heading, "指标", or nothing). Asked of
    every row of a table: a row that names its indicator first is answered at that cell. One
    year is enough after the label column's heading ("指标 | 2022年"), where it is none of the
    table's `own_years`: a table of one year (the table's own is its header's second line,
    below "统计期 | 2023"). So is a heading naming part of a year ("指标 | 2024年1-9月"): its
    figures are no year's."""
    headed = False
    for col in range(sheet.width):
        if (year := header_year(sheet.cell(row, col))) is not None:
            single = headed and year not in own_years
            return single or len(year_columns(sheet, row)) >= 2
        text = sheet.text(row, col)
        if headed and text and names_part_of_a_year(text):
            return True
        if text and not LABEL_LOOKUP.get(normalize_header(text)):
            return False
        headed = headed or bool(text)
    return False


def another_table(row: int) -> Note:
    return Note(
        f"row {row + 1} heads another table: it and the rows below are not imported (import"
        " that table from a sheet of its own)",
        f"第 {row + 1} 行是另一张表格的表头：该表未导入（请将其放在单独的工作表中导入）",
    )


def note_within(row: int) -> Note:
    return Note(
        f"row {row + 1} is a note within the table: not imported",
        f"第 {row + 1} 行是表格中的注释，未导入",
    )


def notes_from(sheet: Sheet, row: int, unmarked: Collection[int] = ()) -> tuple[Note, ...]:
    """The lines below the table, from `row`, which are not imported; and those that say the
    figures of a year are preliminary or estimated, where the table gives that year's figures
    (`unmarked`: the years whose figures have no quality of their own) no quality."""
    texts = [
        (r, "".join(sheet.text(r, c) for c in range(sheet.width)).strip())
        for r in range(row, sheet.height)
    ]
    texts = [(r, text) for r, text in texts if text]
    notes = [
        Note(
            f"{counted(len(texts), 'note line')} below the table, from row {row + 1}: not imported",
            f"表格下方第 {row + 1} 行起的 {len(texts)} 行注释未导入",
        )
    ]
    for r, text in texts:
        noted = {y: q for y, q in qualities_noted(text).items() if y in unmarked}
        for quality in dict.fromkeys(noted.values()):
            years = [y for y, q in noted.items() if q is quality]
            notes.append(_quality_noted(r, text, years, quality))
    return tuple(notes)


_NOTED_AS = {
    Quality.PRELIMINARY: ("preliminary", "初步数"),
    Quality.ESTIMATE: ("estimates", "估算数"),
}


def _quality_noted(row: int, text: str, years: list[int], quality: Quality) -> Note:
    named = "、".join(map(str, years))
    named_en = " and ".join(filter(None, (", ".join(map(str, years[:-1])), str(years[-1]))))
    word_en, word_zh = _NOTED_AS[quality]
    return Note(
        f"row {row + 1} below the table says the {named_en} figures are"
        f" {word_en} (“{text}”); a note is not read: they go in as official unless their"
        " quality is given",
        f"表格下方第 {row + 1} 行注明 {named} 年数据为{word_zh}（“{text}”）；注释不会被读取："
        "除非另行注明数据质量，这些数值将作为正式数据导入",
    )


def title_unit(sheet: Sheet, header: int) -> str:
    for row in range(header):
        for col in range(sheet.width):
            m = TITLE_UNIT.search(sheet.text(row, col))
            if m:
                return m[1]
    return ""
