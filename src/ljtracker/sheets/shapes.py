"""Recognising a sheet's shape: the app's template (plans, areas, targets or observations), a
wide table (one row per indicator, one column per year) or a long table (indicator, year,
value).

Nothing is parsed as a number here: the shapes only say which cell holds what, so that the
importer parses each cell once, with the unit of the target it belongs to.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from ljtracker.domain.model import Quality
from ljtracker.domain.number_text import counted
from ljtracker.domain.numbers import NumberError, parse_number, says_not_given
from ljtracker.sheets.cells import (
    Cell,
    CellProblem,
    Note,
    Sheet,
    column_letter,
    is_blank,
    read_text,
)
from ljtracker.sheets.sub_headings import (
    beside_column,
    forecast_column,
    is_beside,
    sub_headings,
)
from ljtracker.sheets.template import (
    AREA_ALIASES,
    OBSERVATION_ALIASES,
    PLAN_ALIASES,
    TARGET_ALIASES,
    TARGET_COLUMNS,
    header_lookup,
    normalize_header,
)
from ljtracker.sheets.title_words import COMPARED, ENGLISH_UNIT, YEAR, names_part_of_a_year
from ljtracker.sheets.title_year import (
    TitleCell,
    TitleRefused,
    TitleYear,
    title_year,
    years_title_refused,
)
from ljtracker.sheets.year_headers import (
    header_quality,
    header_year,
    is_forecast_header,
    names_a_forecast,
    names_an_estimate,
    quality_in,
)

SCAN_ROWS = 50  # the header is looked for in the first rows


class ShapeKind(StrEnum):
    PLANS = "plans"
    AREAS = "areas"
    TARGETS = "targets"
    OBSERVATIONS = "observations"
    WIDE = "wide"
    LONG = "long"
    ONE_YEAR = "one_year"  # a long table without a year column, its year in its title


# an office's own tables, matched to a plan's targets, as opposed to the template's sheets
TABLE_KINDS = frozenset({ShapeKind.WIDE, ShapeKind.LONG, ShapeKind.ONE_YEAR})


class Located(NamedTuple):  # a tuple: one is made for every cell an import reads
    row: int
    col: int
    value: Cell

    @property
    def text(self) -> str:
        return read_text(self.value).strip()

    @property
    def blank(self) -> bool:
        return is_blank(self.value)


class Record:
    """One row of a template sheet: the cells of the columns the sheet has. A cell is made into
    a Located only when asked for (an import reads many rows and few of their cells' places)."""

    def __init__(self, row: int, values: tuple[Cell, ...], columns: Mapping[str, int]) -> None:
        self.row = row
        self._values = values
        self._columns = columns

    @cached_property
    def cells(self) -> dict[str, Located]:
        values = self._values
        return {name: Located(self.row, col, values[col]) for name, col in self._columns.items()}

    def cell(self, column: str) -> Located:
        col = self._columns[column]
        return Located(self.row, col, self._values[col])

    def text(self, column: str) -> str:
        """The cell's text as Located.text gives it; "" when the sheet has no such column."""
        col = self._columns.get(column)
        if col is None:
            return ""
        return read_text(self._values[col]).strip()


@dataclass(frozen=True)
class Figure:
    year: int | None  # known from a wide table's header; None: read from year_cell
    year_cell: Located
    value: Located
    quality: Quality | None = None  # as a wide table's header gives it ("2023年（初步）")
    # a long table's own cells of the figure's row, where it has such columns
    unit_cell: Located | None = None
    quality_cell: Located | None = None
    source_cell: Located | None = None
    note_cell: Located | None = None


@dataclass(frozen=True)
class Indicator:
    """One indicator of a wide or long table, with its figures."""

    key: str  # stable within the sheet, for the mapping
    label_cell: Located  # where the indicator's name (or code) is
    names: tuple[str, ...]
    code: str
    unit: str
    unit_cell: Located | None
    figures: tuple[Figure, ...]

    @property
    def label(self) -> str:
        return self.names[0] if self.names else self.code

    @property
    def row(self) -> int:
        return self.label_cell.row


@dataclass(frozen=True)
class Layout:
    sheet: Sheet
    kind: ShapeKind
    header_row: int
    columns: tuple[tuple[str, int], ...] = ()  # a template's columns: name, column number
    record_rows: tuple[int, ...] = ()  # a template's rows with something in its columns
    indicators: tuple[Indicator, ...] = ()
    years: tuple[int, ...] = ()
    table_unit: str = ""
    ignored: tuple[Note, ...] = ()
    problems: tuple[CellProblem, ...] = ()
    # a table of one year whose year was read from its title (not given): the cell naming it
    year_read_at: Located | None = None

    @property
    def refusal(self) -> CellProblem | None:
        """Why a table with no rows to import is refused (a title naming 1—9月), else None."""
        return self.problems[0] if self.problems and not self.indicators else None

    @cached_property
    def records(self) -> tuple[Record, ...]:
        """A template's rows, each with the cells of its columns."""
        rows = self.sheet.rows
        columns = dict(self.columns)
        return tuple(Record(row, rows[row], columns) for row in self.record_rows)


_LABEL_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "指标",
        "指标名称",
        "项目",
        "名称",
        "中文名称",
        "英文名称",
        "name_zh",
        "name_en",
        "indicator",
        "item",
        "series",
    ),
    "code": ("代码", "指标代码", "编码", "indicator code"),
    "unit": ("单位", "计量单位", "units"),
}
_LONG_ALIASES: dict[str, tuple[str, ...]] = {
    **_LABEL_ALIASES,
    "year": (
        "年份",
        "年度",
        "年",
        "时间",
        "报告期",
        "统计时期",
        "统计年度",
        "period",
        "time",
        "reference year",
        "reporting year",
        "time_period",
        "ref_period",
    ),
    "value": (
        "数值",
        "值",
        "数据",
        "实际值",
        "绝对值",  # a bulletin's figure, beside its growth on the year before
        "完成值",
        "完成数",
        "总量",
        "全年",
        "本年",  # beside "上年": the year's figure and the year before's
        "1-12月",  # the months a year's figure sums, as monthly bulletins head it
        "1—12月",
        "1–12月",
        "1～12月",
        "1至12月",
        "1-12月份",
        "amount",
        "figure",
        "obs_value",
    ),
    "quality": OBSERVATION_ALIASES["quality"],
    "source": OBSERVATION_ALIASES["source"],
    "note": OBSERVATION_ALIASES["note"],
}
_PLAN_LOOKUP = header_lookup(PLAN_ALIASES)
_AREA_LOOKUP = header_lookup(AREA_ALIASES)
_TARGET_LOOKUP = header_lookup(TARGET_ALIASES)
# columns only a targets sheet has: with plan and code, they make one without a name column
# (targets given their targets, say), unless years head columns (a wide table of figures)
_SHARED_COLUMNS = {"plan", "area", "code", "name_zh", "name_en", "unit", "responsible", "notes"}
_TARGET_ONLY = frozenset(TARGET_COLUMNS) - _SHARED_COLUMNS
_OBSERVATION_LOOKUP = header_lookup(OBSERVATION_ALIASES)
_LABEL_LOOKUP = header_lookup(_LABEL_ALIASES)
_LONG_LOOKUP = header_lookup(_LONG_ALIASES)

_NOTE_START = re.compile(
    r"^\s*(?:(?:注|附注|说明|备注|注释|资料来源|数据来源|来源|notes?|sources?)\s*[0-9]*\s*[:：.、]"
    r"|注\s*[0-9①-⑳]|[*※†‡①-⑳])",
    re.IGNORECASE,
)
# "单位：亿元", "本表金额单位：万元" above a table, or a list of units ("单位：亿元，%"); not
# "人口单位：万人", the unit of some rows only
_TITLE_UNIT = re.compile(
    r"(?<![\u3400-\u9fff])(?:本表|表内|表中|全表|计量|金额|货币|数据|价值)*(?:单位|units?)\s*[:：]\s*"
    rf"((?:{ENGLISH_UNIT}|[^\s,，、;；)）]+)"
    rf"(?:\s*[,，、]\s*(?:{ENGLISH_UNIT}|[^\s,，、;；)）:：]+))*)",
    re.IGNORECASE,
)


def _columns(sheet: Sheet, row: int, lookup: dict[str, str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for col in range(sheet.width):
        text = sheet.text(row, col)
        column = lookup.get(normalize_header(text))
        if column == "value" and names_part_of_a_year(text):  # "全年（1-9月）": not the year's
            continue
        if column is not None and column not in found:
            found[column] = col
    return found


def _only(sheet: Sheet, row: int, columns: dict[str, int]) -> bool:
    """Whether the header row names nothing but these columns: the plans and areas sheets are
    recognised only as the template has them, never in a table of the office's own."""
    named = [col for col in range(sheet.width) if sheet.text(row, col)]
    return len(named) == len(columns)


def detect(sheet: Sheet, year: int | None = None) -> Layout | None:
    """The sheet's layout, or None when no known shape is found; `year`: the year of a table
    without a year column, given by the user, who has read its title."""
    for row in range(min(SCAN_ROWS, sheet.height)):
        targets = _columns(sheet, row, _TARGET_LOOKUP)
        observations = _columns(sheet, row, _OBSERVATION_LOOKUP)
        long = _columns(sheet, row, _LONG_LOOKUP)
        if {"plan", "code"} <= targets.keys() and (
            targets.keys() & {"name_zh", "name_en"}
            or (targets.keys() & _TARGET_ONLY and not _has_figures(sheet, row, long))
        ):
            return _template(sheet, row, ShapeKind.TARGETS, targets)
        if {"plan", "code", "year", "value"} <= observations.keys():
            return _template(sheet, row, ShapeKind.OBSERVATIONS, observations)
        plans = _columns(sheet, row, _PLAN_LOOKUP)
        if {"plan", "title_zh", "title_en"} <= plans.keys() and _only(sheet, row, plans):
            return _template(sheet, row, ShapeKind.PLANS, plans)
        areas = _columns(sheet, row, _AREA_LOOKUP)
        if {"plan", "area_zh", "area_en"} <= areas.keys() and _only(sheet, row, areas):
            return _template(sheet, row, ShapeKind.AREAS, areas)
        if {"year", "value"} <= long.keys() and long.keys() & {"name", "code"}:
            return _long(sheet, row, long)
    return _wide(sheet) or _one_year(sheet, year)


def _title_cells(sheet: Sheet, header: int, start: int = 0) -> list[TitleCell]:
    """The cells above a table's header: its title, unit and notes (from row `start`)."""
    return [
        TitleCell(r, c, sheet.text(r, c))
        for r in range(start, header)
        for c in range(sheet.width)
        if sheet.text(r, c) and (r, c) not in sheet.merged_copies
    ]


def _at_title(sheet: Sheet, refused: TitleRefused) -> CellProblem:
    cell = refused.cell
    return CellProblem(
        sheet.name, cell.row, cell.col, cell.text, refused.message_en, refused.message_zh
    )


def _part_of_a_year_column(sheet: Sheet, row: int) -> CellProblem | None:
    """Why a table of one year whose only column of figures is headed by a part of a year
    ("本年累计（1-9月）", "1-9月") is refused."""
    for col in range(sheet.width):
        text = sheet.text(row, col)
        if text and names_part_of_a_year(text) and not is_beside(text):
            letter = column_letter(col)
            return CellProblem(
                sheet.name,
                row,
                col,
                text,
                f"column {letter} ({text!r}) names a part of a year: figures are imported for"
                " whole years only",
                f"第 {letter} 列（“{text}”）所指为一年中的部分时期：仅导入全年数据",
            )
    return None


def _one_year(sheet: Sheet, given: int | None) -> Layout | None:
    """A table of one year's figures, its year named only in the title above it ("两江新区
    2023年主要经济指标" over "指标 | 绝对值 | 比上年增长%"), or `given`: a long table of that
    year, its value column's mark ("绝对值（初步）") or the title's giving them their quality.
    Refused, with the reason at the title, where that names a part of a year, several years,
    another year than the one given, targets or forecasts."""
    for row in range(min(SCAN_ROWS, sheet.height)):
        columns = _columns(sheet, row, _LONG_LOOKUP)
        if not columns.keys() & {"name", "code"}:
            continue
        if "value" not in columns:
            part = _part_of_a_year_column(sheet, row)
            if part is not None:
                return Layout(sheet, ShapeKind.ONE_YEAR, row, problems=(part,))
            continue
        found = title_year(_title_cells(sheet, row), given)
        if found is None:
            return None
        value = TitleCell(row, columns["value"], sheet.text(row, columns["value"]))
        if isinstance(found, TitleYear) and names_a_forecast(value.text):
            found = TitleRefused(  # "预计数": as a header "2025年预计" is, not read
                value,
                f"column {column_letter(value.col)} ({value.text!r}) may hold forecasts, not"
                " figures: not imported. To import them as estimates, head it 数值 and import"
                " it with the quality Estimate",
                f"第 {column_letter(value.col)} 列（“{value.text}”）可能是预测值而非实际数据，"
                "未导入。如需按估算数据导入，请把列标题改为“数值”，并在导入时将数据质量选为“估算”",
            )
        if isinstance(found, TitleRefused):
            return Layout(sheet, ShapeKind.ONE_YEAR, row, problems=(_at_title(sheet, found),))
        cell = found.cell or value
        located = Located(cell.row, cell.col, sheet.cell(cell.row, cell.col))
        layout = _long(sheet, row, columns, (found.year, located))
        within = _another_table_within(layout)
        if within is not None:
            return Layout(sheet, ShapeKind.ONE_YEAR, row, problems=(within,))
        return layout if given is not None else replace(layout, year_read_at=located)
    return None


def _another_table_within(layout: Layout) -> CellProblem | None:
    """Why a table of one year is refused where its rows hold another table's start, with rows
    of figures below it: a row that repeats the header's name column ("指标"), or a row
    without a figure of its own that names another year ("2022年", "两江新区2022年主要经济
    指标") besides the years it compares with ("较2020年降低"); those rows would take the
    first title's year."""
    sheet, year = layout.sheet, layout.years[0]
    figure_rows = [
        f.value.row for i in layout.indicators for f in i.figures if _a_figure(sheet, f.value)
    ]
    for indicator in layout.indicators:
        label = indicator.label_cell
        text = label.text
        header_word = _LONG_LOOKUP.get(normalize_header(text)) == "name"
        if (
            _merged_down(sheet, label)  # a header of two rows
            or not any(row > label.row for row in figure_rows)
            or any(_holds_a_figure(sheet, f.value, header_word) for f in indicator.figures)
        ):
            continue
        if header_word:
            en = f"row {label.row + 1} repeats the table's header ({text!r}): another table"
            zh = f"第 {label.row + 1} 行重复了表头（“{text}”）：其下是另一个表格"
        elif not text.lstrip().startswith("其中") and _names_another_year(
            COMPARED.sub(" ", text), year
        ):  # "其中：2022年结转项目" is a part of the table; "较2020年" is no year of its own
            en = f"a row names another year ({text!r}): the rows below it may be that year's"
            zh = f"有指明另一年份的行（“{text}”）：其下各行可能属于该年"
        else:
            continue
        return CellProblem(
            sheet.name,
            label.row,
            label.col,
            text,
            f"{en}, in a table of one year: give each table a sheet of its own, or add a year"
            " column",
            f"{zh}，而本表为单年表格：请将各表格分别放在单独的工作表中，或添加年份列",
        )
    return None


# a figure as a value cell may hold it: ４，０００, −1.2, 3 200, 12.5％, 3.2‰, 4.35e3, 4000*,
# (4500), 约200, ≥5000, USD 650 bn, 4500亿元人民币, 2.5个百分点, 3,320 [p],
# 4500（2023年修订数）, 4,350 (revised March 2024)
_FIGURE = re.compile(
    r"(?:约|大约|近|超过|逾|≥|≤|>|<|~|≈|USD|US\$|RMB|CNY|EUR|GBP|¥|\$|€|£)?\s*"
    r"[(]?[+\-\u2212]?[0-9][0-9,.\s']*(?:e[+\-]?[0-9]+)?[)]?[%‰]?\s*(?:[*†‡#]+|\[[^\[\]]{1,4}\])?"
    r"(?:\s?(?![年月季日])[^\W\d_]{1,5})?(?:\s*[(][^()]{0,30}[)])?",
    re.IGNORECASE,
)
# a heading starting with a year, not a figure: "2022年实际", "2022 (RMB 100 mn)", "2022-23",
# "2022 actual", "2022"; not 2015.6 or 2050 (r), figures
_YEAR_FIRST = re.compile(
    r"(?:19|20)[0-9]{2}(?:\s*[年/\-]|\s*[(][^()]*[0-9][^()]*[)]|$|\s+[^\W\d_]{3,})",
    re.IGNORECASE,
)
# a year, alone or with its month or words: "2022", "2022.12", "2019（预计）", "2022 [p]"
_A_YEAR_FIRST = re.compile(r"\s*(?:19|20)[0-9]{2}(?![0-9,])")


def _holds_a_figure(sheet: Sheet, cell: Located, header_word: bool) -> bool:
    """Whether a value cell makes its row an indicator's: it holds a figure, or says one is
    not given. Beside a header's word ("指标", "项目"), a value starting with a year is that
    header's heading ("2022", "2022.12", "2019（预计）", "2022 [p]"), though it reads as a
    figure: the table is refused rather than its rows below taken as another year's."""
    if says_not_given(cell.text):
        return True
    if not _a_figure(sheet, cell):
        return False
    if isinstance(cell.value, float):
        return not (header_word and 1900 <= cell.value < 2100)
    text = unicodedata.normalize("NFKC", cell.text)
    return not (header_word and _A_YEAR_FIRST.match(text))


def _a_figure(sheet: Sheet, cell: Located) -> bool:
    """Whether a value cell holds a figure, in any form one may be written; not a mark of one
    not given ("—", "n/a"), a unit, a heading ("绝对值", "2022年1-4季度", "Q1-Q4 2022") or a
    copy of a title merged across."""
    if cell.blank or _merged_copy(sheet, cell):
        return False
    if isinstance(cell.value, float):
        return True
    text = unicodedata.normalize("NFKC", cell.text).strip()
    return (
        _FIGURE.fullmatch(text) is not None
        and _YEAR_FIRST.match(text) is None
        and _TITLE_UNIT.search(text) is None
    )


def _merged_down(sheet: Sheet, cell: Located) -> bool:
    """Whether the cell holds a copy of the one above it, merged down (a header of two rows),
    rather than of one before it in its row (a title merged across)."""
    return _merged_copy(sheet, cell) and sheet.text(cell.row - 1, cell.col) == cell.text


def _names_another_year(text: str, year: int) -> bool:
    named = header_year(text)
    if named is None:
        found = title_year([TitleCell(0, 0, text)])
        named = found.year if isinstance(found, TitleYear) else None
    return named is not None and named != year


def _has_figures(sheet: Sheet, row: int, long: Mapping[str, int]) -> bool:
    """Whether the header names figures: year and value columns, by any of their names, or
    columns headed by years (a wide table)."""
    return {"year", "value"} <= long.keys() or bool(_year_columns(sheet, row))


def _template(sheet: Sheet, header: int, kind: ShapeKind, columns: dict[str, int]) -> Layout:
    named = tuple(columns.items())  # each column is within the sheet's width
    cols = tuple(col for _, col in named)
    rows = sheet.rows
    kept = tuple(
        row
        for row in range(header + 1, sheet.height)
        if not all(is_blank(rows[row][col]) for col in cols)
    )
    return Layout(sheet, kind, header, columns=named, record_rows=kept)


def _is_note(sheet: Sheet, row: int) -> bool:
    first = next((sheet.text(row, c) for c in range(sheet.width) if sheet.text(row, c)), "")
    return bool(_NOTE_START.match(first))


def _merged_copy(sheet: Sheet, cell: Located) -> bool:
    """Whether the cell's text was copied there from the first cell of a merged range."""
    return (cell.row, cell.col) in sheet.merged_copies


def _merged_across(sheet: Sheet, row: int) -> bool:
    """Whether the row is one text merged across it: every filled cell after the first holds
    a copy of it (a footnote merged across the table), not figures of its own."""
    filled = [c for c in range(sheet.width) if not is_blank(sheet.cell(row, c))]
    return len(filled) > 1 and all((row, c) in sheet.merged_copies for c in filled[1:])


def _figures_below(sheet: Sheet, row: int, figure_cols: list[int]) -> bool:
    """Whether a row after `row`, before another table's header, that is no note of its own
    has a figure in `figure_cols`: a note line between rows of the table, which ends only
    where no figure of it follows."""
    for below in range(row + 1, sheet.height):
        if _another_header(sheet, below):
            return False
        if any(not is_blank(sheet.cell(below, col)) for col in figure_cols) and not (
            _is_note(sheet, below) and _merged_across(sheet, below)
        ):
            return True
    return False


def _another_header(sheet: Sheet, row: int) -> bool:
    """Whether the row heads another table below the first: years across it, and no name of
    an indicator before them (its label column's own heading, "指标", or nothing). Asked of
    every row of a table: a row that names its indicator first is answered at that cell."""
    for col in range(sheet.width):
        if header_year(sheet.cell(row, col)) is not None:
            return len(_year_columns(sheet, row)) >= 2
        text = sheet.text(row, col)
        if text and not _LABEL_LOOKUP.get(normalize_header(text)):
            return False
    return False


def _another_table(row: int) -> Note:
    return Note(
        f"row {row + 1} heads another table: it and the rows below are not imported (import"
        " that table from a sheet of its own)",
        f"第 {row + 1} 行是另一张表格的表头：该表未导入（请将其放在单独的工作表中导入）",
    )


def _note_within(row: int) -> Note:
    return Note(
        f"row {row + 1} is a note within the table: not imported",
        f"第 {row + 1} 行是表格中的注释，未导入",
    )


def _notes_from(sheet: Sheet, row: int) -> tuple[Note, ...]:
    lines = sum(
        1 for r in range(row, sheet.height) if any(sheet.text(r, c) for c in range(sheet.width))
    )
    return (
        Note(
            f"{counted(lines, 'note line')} below the table, from row {row + 1}: not imported",
            f"表格下方第 {row + 1} 行起的 {lines} 行注释未导入",
        ),
    )


def _long(
    sheet: Sheet,
    header: int,
    columns: dict[str, int],
    one_year: tuple[int, Located] | None = None,
) -> Layout:
    """A table of figures by row; `one_year`: the year every figure is of, where the table
    has no year column, with the title cell that names it."""
    grouped: dict[str, list[int]] = {}
    ignored: list[Note] = []
    end = sheet.height
    for row in range(header + 1, sheet.height):
        if all(is_blank(c) for c in sheet.rows[row]):
            continue
        note = _is_note(sheet, row)
        blank_value = is_blank(sheet.cell(row, columns["value"]))
        name = sheet.text(row, columns["name"]) if "name" in columns else ""
        code = sheet.text(row, columns["code"]) if "code" in columns else ""
        if note and (blank_value or _merged_across(sheet, row) or not (name or code)):
            if not _figures_below(sheet, row, [columns["value"]]):  # 注：… below the table
                end = row
                break
            ignored.append(_note_within(row))
            continue
        if not name and not code:
            ignored.append(
                Note(
                    f"row {row + 1} has no indicator name or code: not imported",
                    f"第 {row + 1} 行没有指标名称或代码，未导入",
                )
            )
            continue
        grouped.setdefault(f"{code}\n{name}", []).append(row)
    indicators = []

    def own(row: int, column: str) -> Located | None:
        col = columns.get(column)
        return None if col is None else Located(row, col, sheet.cell(row, col))

    # the quality the value column's heading ("绝对值（初步）") or the title gives its figures
    quality = quality_in(sheet.text(header, columns["value"]))
    if quality is None and one_year is not None:
        title = one_year[1].text
        quality = quality_in(title) or (Quality.ESTIMATE if names_an_estimate(title) else None)
    for key, rows in grouped.items():
        code, name = key.split("\n", 1)
        unit_col = columns.get("unit")
        first = rows[0]
        figures = tuple(
            Figure(
                None if one_year is None else one_year[0],
                Located(row, columns["year"], sheet.cell(row, columns["year"]))
                if one_year is None
                else one_year[1],
                Located(row, columns["value"], sheet.cell(row, columns["value"])),
                quality,
                unit_cell=own(row, "unit"),
                quality_cell=own(row, "quality"),
                source_cell=own(row, "source"),
                note_cell=own(row, "note"),
            )
            for row in rows
        )
        label_col = columns["name"] if name else columns["code"]
        indicators.append(
            Indicator(
                key=f"{code} {name}".strip(),
                label_cell=Located(first, label_col, sheet.cell(first, label_col)),
                names=(name,) if name else (),
                code=code,
                unit="" if unit_col is None else sheet.text(first, unit_col),
                unit_cell=None
                if unit_col is None
                else Located(first, unit_col, sheet.cell(first, unit_col)),
                figures=figures,
            )
        )
    if end < sheet.height:
        ignored += _notes_from(sheet, end)
    # named, but for a serial number or a heading merged over the next column
    unread = [
        c
        for c in range(sheet.width)
        if sheet.text(header, c)
        and c not in columns.values()
        and (header, c) not in sheet.merged_copies
        and normalize_header(sheet.text(header, c)) not in _SERIAL
    ]
    ignored = [
        beside_column(sheet, header, col)
        if is_beside(sheet.text(header, col))
        else _column_unread(sheet, header, col)
        for col in unread
    ] + ignored
    return Layout(
        sheet,
        ShapeKind.LONG if one_year is None else ShapeKind.ONE_YEAR,
        header,
        indicators=tuple(indicators),
        years=() if one_year is None else (one_year[0],),
        table_unit=_title_unit(sheet, header),
        ignored=tuple(ignored),
    )


_SERIAL = frozenset({"序号", "编号", "no.", "no", "#", "行次"})


def _column_unread(sheet: Sheet, header: int, col: int) -> Note:
    letter, title = column_letter(col), sheet.text(header, col)
    return Note(
        f"column {letter} ({title!r}) is none the table's figures need: not imported",
        f"第 {letter} 列（“{title}”）不属于导入所需的列，未导入",
    )


def _year_columns(sheet: Sheet, row: int) -> dict[int, int]:
    """The column of each year the row heads: the first, or one headed final where the first
    is not ("2022年（最终核实）" beside "2022年（初步）")."""
    found: dict[int, int] = {}  # year -> column
    for col in range(sheet.width):
        year = header_year(sheet.cell(row, col))
        if year is None:
            continue
        if year not in found or _supersedes(sheet, row, col, found[year]):
            found[year] = col
    return {col: year for year, col in sorted(found.items(), key=lambda item: item[1])}


def _supersedes(sheet: Sheet, row: int, col: int, other: int) -> bool:
    """Whether the year column `col` is headed final and `other`, of the same year,
    preliminary (a column of the year unmarked is compared with it figure by figure)."""
    marks = header_quality(sheet.cell(row, col)), header_quality(sheet.cell(row, other))
    return marks == (Quality.OFFICIAL, Quality.PRELIMINARY)


def _label_roles(sheet: Sheet, header: int, year_cols: dict[int, int]) -> dict[int, str]:
    """Which non-year columns hold names, codes and units: by header text, looking up to two
    rows above for a header merged over several rows."""
    roles: dict[int, str] = {}
    for col in range(sheet.width):
        if col in year_cols:
            continue
        for row in range(header, max(header - 3, -1), -1):
            role = _LABEL_LOOKUP.get(normalize_header(sheet.text(row, col)))
            if role is not None:
                roles[col] = role
                break
    if "name" not in roles.values():
        first_year = min(year_cols)
        for col in range(first_year):
            if col not in roles and _has_text(sheet, header, col):
                roles[col] = "name"
                break
    return roles


def _has_text(sheet: Sheet, header: int, col: int) -> bool:
    for row in range(header + 1, min(sheet.height, header + 40)):
        cell = sheet.cell(row, col)
        if isinstance(cell, str) and cell.strip() and header_year(cell) is None:
            return True
    return False


def _year_headings(sheet: Sheet) -> dict[int, int]:
    """The columns headed as holding years ("年份", "year") with years in more than one row
    below, each with its heading's row: those years are figures of a long table, not the
    headers of a wide one (a "年份" above a row of years is)."""
    found: dict[int, int] = {}
    last = min(SCAN_ROWS, sheet.height)
    for row in range(last):
        for column, col in _columns(sheet, row, _LONG_LOOKUP).items():
            below = (r for r in range(row + 1, last) if header_year(sheet.cell(r, col)))
            if column == "year" and col not in found and next(below, None) and next(below, None):
                found[col] = row
    return found


def _is_number(text: str) -> bool:
    try:
        parse_number(text)
    except NumberError:
        return False
    return True


def _year_over_parts(sheet: Sheet, header: int, year_cols: dict[int, int]) -> CellProblem | None:
    """Why a table is refused where a row between its years and its first figures names a
    part of a year under one of them ("2024年" over "1-9月 | 1-12月", a row of months under a
    row of units): a column may hold part of a year's figures. None where none does."""
    for below in range(header + 1, min(header + 1 + SCAN_ROWS, sheet.height)):
        if any(_is_number(sheet.text(below, col)) for col in year_cols):
            return None  # the figures have begun
        for col, year in year_cols.items():
            text = sheet.text(below, col)
            if names_part_of_a_year(text):
                return CellProblem(
                    sheet.name,
                    below,
                    col,
                    text,
                    f"the column of {year} is marked as a part of the year ({text}): figures"
                    " are imported for whole years only",
                    f"{year}年一栏注明为一年中的部分时期（{text}）：仅导入全年数据",
                )
    return None


def _labels_naming_no_year(sheet: Sheet, header: int, year_cols: dict[int, int]) -> list[TitleCell]:
    """The header's cells beside its years that name no year, read with the title for a part of
    a year ("指标（1-9月累计）"); "2024年1-9月" is a column of its own, left out."""
    return [
        TitleCell(header, col, text)
        for col in range(sheet.width)
        if col not in year_cols
        and (text := sheet.text(header, col))
        and YEAR.search(text) is None
        and (header, col) not in sheet.merged_copies
    ]


def _wide(sheet: Sheet) -> Layout | None:
    headings = _year_headings(sheet)

    def header_years(row: int) -> int:
        """How many years the row heads, leaving out those under a heading of years."""
        return sum(1 for col in _year_columns(sheet, row) if headings.get(col, row) >= row)

    candidates = [(header_years(r), -r) for r in range(min(SCAN_ROWS, sheet.height))]
    if not candidates or max(candidates)[0] == 0:
        return None
    header = -max(candidates)[1]
    year_cols = _year_columns(sheet, header)
    titled = years_title_refused(
        [*_title_cells(sheet, header), *_labels_naming_no_year(sheet, header, year_cols)],
        year_cols.values(),
    )
    if titled is not None:
        return Layout(sheet, ShapeKind.WIDE, header, problems=(_at_title(sheet, titled),))
    # headers merged down over several rows: the figures start below the last of them
    while header + 1 < sheet.height and all(
        (header + 1, col) in sheet.merged_copies for col in year_cols
    ):
        header += 1
    year_row = header
    sub = sub_headings(sheet, header, year_cols)
    if sub is not None:  # "2022年" over "绝对值 | 比上年增长%": the figures start below
        year_cols = sub.figures
        header += 1
    if (part := _year_over_parts(sheet, header, year_cols)) is not None:
        return Layout(sheet, ShapeKind.WIDE, header, problems=(part,))
    beside, forecasts = (sub.beside, sub.forecasts) if sub else ({}, {})
    roles = _label_roles(sheet, header, year_cols)
    if "name" not in roles.values() and "code" not in roles.values():
        return None
    repeats = _repeated_years(sheet, header, year_cols)
    superseded = {c: f for c, f in repeats.items() if _supersedes(sheet, header, f, c)}
    repeats = {c: f for c, f in repeats.items() if c not in superseded}
    ignored = [
        Note(
            f"column {column_letter(col)} ({sheet.text(header, col)!r}) is left out: column"
            f" {column_letter(final)} gives the final figures of {year_cols[final]}",
            f"第 {column_letter(col)} 列（“{sheet.text(header, col)}”）未导入：第"
            f" {column_letter(final)} 列为 {year_cols[final]} 年的最终数据",
        )
        for col, final in superseded.items()
    ]
    ignored += [
        _not_a_year(sheet, header, col)
        for col in range(sheet.width)
        if col not in year_cols
        and col not in roles
        and col not in repeats
        and col not in superseded
        and col not in beside
        and col not in forecasts
        and sheet.text(header, col)
    ]
    ignored += [beside_column(sheet, header, col) for col in beside]
    ignored += [forecast_column(sheet, header, col, y) for col, y in forecasts.items()]
    ignored += [
        Note(
            f"column {column_letter(col)} repeats the year {year_cols[first]} of column "
            f"{column_letter(first)}: not imported (a figure unlike that column's is refused)",
            f"第 {column_letter(col)} 列与第 {column_letter(first)} 列同为 {year_cols[first]} 年，"
            "未导入（与该列不同的数值不予接受）",
        )
        for col, first in repeats.items()
    ]
    indicators: list[Indicator] = []
    problems: list[CellProblem] = []
    end = sheet.height
    headers = {col: Located(year_row, col, sheet.cell(year_row, col)) for col in year_cols}
    qualities = {
        col: header_quality(cell.value) or (sub.qualities.get(col) if sub else None)
        for col, cell in headers.items()
    }
    for row in range(header + 1, sheet.height):
        if all(is_blank(c) for c in sheet.rows[row]):
            continue
        if _another_header(sheet, row):
            ignored.append(_another_table(row))
            break
        figures = tuple(
            Figure(year, headers[col], Located(row, col, cell), qualities[col])
            for col, year in year_cols.items()
            if not is_blank(cell := sheet.cell(row, col))
        )
        if _is_note(sheet, row) and (not figures or _merged_across(sheet, row)):
            # 注：… (or merged across the table, its text copied into every cell)
            if not _figures_below(sheet, row, list(year_cols)):
                end = row
                break
            ignored.append(_note_within(row))
            continue
        label_cols = [c for c, role in roles.items() if role == "name" and sheet.text(row, c)]
        code_col = next((c for c, role in roles.items() if role == "code"), None)
        names = tuple(sheet.text(row, c) for c in label_cols)
        code = "" if code_col is None else sheet.text(row, code_col)
        if not names and not code:
            if figures:
                ignored.append(
                    Note(
                        f"row {row + 1} has figures but no indicator name: not imported",
                        f"第 {row + 1} 行有数值但没有指标名称，未导入",
                    )
                )
            continue
        unit_col = next((c for c, role in roles.items() if role == "unit"), None)
        problems += _merged_figures(sheet, figures)
        unit = sheet.text(row, unit_col) if unit_col is not None else ""
        problems += _second_figures(sheet, row, repeats, year_cols, unit or "%")
        problems += _second_figures(sheet, row, superseded, year_cols, unit or "%", blank=True)
        indicators.append(
            Indicator(
                key=f"row {row + 1}",
                label_cell=_located(sheet, row, label_cols[0] if label_cols else code_col),
                names=names,
                code=code,
                unit="" if unit_col is None else sheet.text(row, unit_col),
                unit_cell=None
                if unit_col is None
                else Located(row, unit_col, sheet.cell(row, unit_col)),
                figures=figures,
            )
        )
    if end < sheet.height:
        ignored += _notes_from(sheet, end)
        below = _title_cells(sheet, sheet.height, start=end)
        if (refused := years_title_refused(below, year_cols.values())) is not None:
            problems.append(_at_title(sheet, refused))
    return Layout(
        sheet,
        ShapeKind.WIDE,
        header,
        indicators=tuple(indicators),
        years=tuple(sorted(year_cols.values())),
        table_unit=_title_unit(sheet, header),
        ignored=tuple(ignored),
        problems=tuple(problems),
    )


def _not_a_year(sheet: Sheet, header: int, col: int) -> Note:
    letter, title = column_letter(col), sheet.text(header, col)
    if is_forecast_header(sheet.cell(header, col)):
        return Note(
            f"column {letter} ({title!r}) may hold forecasts, not figures: not imported. To"
            " import it as estimates, head it with the year alone and import it on its own with"
            " the quality Estimate",
            f"第 {letter} 列（“{title}”）可能是预测值而非实际数据，未导入。如需按估算数据导入，"
            "请把列标题改为年份，并单独导入该列、数据质量选“估算”",
        )
    return Note(
        f"column {letter} ({title!r}) is not a year: not imported",
        f"第 {letter} 列（“{title}”）不是年份，未导入",
    )


def _located(sheet: Sheet, row: int, col: int | None) -> Located:
    col = 0 if col is None else col
    return Located(row, col, sheet.cell(row, col))


def _repeated_years(sheet: Sheet, header: int, year_cols: dict[int, int]) -> dict[int, int]:
    """Columns headed by a year an earlier column has, each with that earlier column."""
    first_of = {year: col for col, year in year_cols.items()}
    repeats = {}
    for col in range(sheet.width):
        year = header_year(sheet.cell(header, col))
        if year is not None and col not in year_cols:
            repeats[col] = first_of[year]
    return repeats


def _second_figures(
    sheet: Sheet,
    row: int,
    repeats: dict[int, int],
    year_cols: dict[int, int],
    unit: str,
    *,
    blank: bool = False,
) -> list[CellProblem]:
    """A figure in a column that repeats a year, unlike the one of the year's column read;
    `blank`: only where that column is empty (a preliminary figure the final column lacks)."""
    problems = []
    for col, first in repeats.items():
        second, kept = sheet.cell(row, col), sheet.cell(row, first)
        if is_blank(second) or _same_figure(second, kept, unit):
            continue
        if blank and not is_blank(kept):
            continue
        year, letter = year_cols[first], column_letter(first)
        if blank:
            said = (
                f"a figure for {year} where the final column ({letter}) is empty; give the"
                " final figure there, or leave this one out",
                f"此处有 {year} 年的数值，而最终数据列（第 {letter} 列）为空；"
                "请在该列填写最终数据，或删去此数值",
            )
        elif is_blank(kept):
            said = (
                f"a figure for {year} in a second {year} column, while the first (column "
                f"{letter}) is empty; keep one of the two columns",
                f"第二个 {year} 年列中的数值，而第一个（第 {letter} 列）为空；请只保留其中一列",
            )
        else:
            shown = sheet.text(row, first)
            said = (
                f"a second figure for {year} ({shown} in column {letter}); keep one of the two"
                " columns",
                f"{year} 年的第二个数值（第 {letter} 列为 {shown}）；请只保留其中一列",
            )
        problems.append(CellProblem(sheet.name, row, col, sheet.text(row, col), *said))
    return problems


def _same_figure(a: Cell, b: Cell, unit: str) -> bool:
    """The same cell content, or the same number written two ways (120 and "120"; "15%" and
    "15 %" where the unit is a percentage)."""
    if a == b:
        return True
    try:
        return parse_number(read_text(a), unit=unit) == parse_number(read_text(b), unit=unit)
    except NumberError:
        return False


def _merged_figures(sheet: Sheet, figures: tuple[Figure, ...]) -> list[CellProblem]:
    return [
        CellProblem(
            sheet.name,
            f.value.row,
            f.value.col,
            f.value.text,
            "this cell is part of merged cells; a figure cannot stand for several years or "
            "indicators. Unmerge the cells and enter each figure",
            "该单元格属于合并单元格，一个数值不能代表多个年份或指标；请取消合并并逐一填写",
        )
        for f in figures
        if _merged_copy(sheet, f.value)
    ]


def _title_unit(sheet: Sheet, header: int) -> str:
    for row in range(header):
        for col in range(sheet.width):
            m = _TITLE_UNIT.search(sheet.text(row, col))
            if m:
                return m[1]
    return ""
