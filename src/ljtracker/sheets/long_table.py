"""A long table (indicator, year, value by row), or one of one year, its year in its title."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from ljtracker.domain.model import Quality
from ljtracker.domain.numbers import says_not_given
from ljtracker.sheets.cells import CellProblem, Note, Sheet, column_letter, is_blank
from ljtracker.sheets.layout import SCAN_ROWS, Figure, Indicator, Layout, Located, ShapeKind
from ljtracker.sheets.sub_headings import beside_column, is_beside
from ljtracker.sheets.table_bounds import (
    TITLE_UNIT,
    at_title,
    figures_below,
    is_note,
    merged_across,
    merged_copy,
    note_within,
    notes_from,
    title_cells,
    title_unit,
)
from ljtracker.sheets.table_columns import LONG_LOOKUP, header_columns, unit_in
from ljtracker.sheets.template import normalize_header
from ljtracker.sheets.title_words import COMPARED, names_part_of_a_year
from ljtracker.sheets.title_year import TitleCell, TitleRefused, TitleYear, title_year
from ljtracker.sheets.year_headers import (
    header_year,
    names_a_forecast,
    names_an_estimate,
    quality_in,
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


def one_year_table(sheet: Sheet, given: int | None) -> Layout | None:
    """A table of one year's figures, its year named only in the title above it ("两江新区
    2023年主要经济指标" over "指标 | 绝对值 | 比上年增长%"), or `given`: a long table of that
    year, its value column's mark ("绝对值（初步）") or the title's giving them their quality.
    Refused, with the reason at the title, where that names a part of a year, several years,
    another year than the one given, targets or forecasts."""
    for row in range(min(SCAN_ROWS, sheet.height)):
        columns = header_columns(sheet, row, LONG_LOOKUP)
        if not columns.keys() & {"name", "code"}:
            continue
        if "value" not in columns:
            part = _part_of_a_year_column(sheet, row)
            if part is not None:
                return Layout(sheet, ShapeKind.ONE_YEAR, row, problems=(part,))
            continue
        found = title_year(title_cells(sheet, row), given)
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
            return Layout(sheet, ShapeKind.ONE_YEAR, row, problems=(at_title(sheet, found),))
        cell = found.cell or value
        located = Located(cell.row, cell.col, sheet.cell(cell.row, cell.col))
        layout = long_table(sheet, row, columns, (found.year, located))
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
        header_word = LONG_LOOKUP.get(normalize_header(text)) == "name"
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
    if cell.blank or merged_copy(sheet, cell):
        return False
    if isinstance(cell.value, float):
        return True
    text = unicodedata.normalize("NFKC", cell.text).strip()
    return (
        _FIGURE.fullmatch(text) is not None
        and _YEAR_FIRST.match(text) is None
        and TITLE_UNIT.search(text) is None
    )


def _merged_down(sheet: Sheet, cell: Located) -> bool:
    """Whether the cell holds a copy of the one above it, merged down (a header of two rows),
    rather than of one before it in its row (a title merged across)."""
    return merged_copy(sheet, cell) and sheet.text(cell.row - 1, cell.col) == cell.text


def _names_another_year(text: str, year: int) -> bool:
    named = header_year(text)
    if named is None:
        found = title_year([TitleCell(0, 0, text)])
        named = found.year if isinstance(found, TitleYear) else None
    return named is not None and named != year


def long_table(
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
        note = is_note(sheet, row)
        blank_value = is_blank(sheet.cell(row, columns["value"]))
        name = sheet.text(row, columns["name"]) if "name" in columns else ""
        code = sheet.text(row, columns["code"]) if "code" in columns else ""
        if note and (blank_value or merged_across(sheet, row) or not (name or code)):
            if not figures_below(sheet, row, [columns["value"]]):  # 注：… below the table
                end = row
                break
            ignored.append(note_within(row))
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
        unit, unit_cell = unit_in(sheet, first, unit_col)
        indicators.append(
            Indicator(
                key=f"{code} {name}".strip(),
                label_cell=Located(first, label_col, sheet.cell(first, label_col)),
                names=(name,) if name else (),
                code=code,
                unit=unit,
                unit_cell=unit_cell,
                figures=figures,
            )
        )
    if end < sheet.height:
        unmarked = {
            year
            for indicator in indicators
            for f in indicator.figures
            if (f.quality_cell is None or not f.quality_cell.text)
            and (year := header_year(f.year_cell.value)) is not None
        }
        ignored += notes_from(sheet, end, unmarked)
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
        table_unit=title_unit(sheet, header),
        ignored=tuple(ignored),
    )


_SERIAL = frozenset({"序号", "编号", "no.", "no", "#", "行次"})


def _column_unread(sheet: Sheet, header: int, col: int) -> Note:
    letter, title = column_letter(col), sheet.text(header, col)
    return Note(
        f"column {letter} ({title!r}) is none the table's figures need: not imported",
        f"第 {letter} 列（“{title}”）不属于导入所需的列，未导入",
    )
