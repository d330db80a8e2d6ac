"""A wide table: one row per indicator, one column per year."""

from __future__ import annotations

from ljtracker.domain.numbers import NumberError, parse_number
from ljtracker.sheets.cells import (
    Cell,
    CellProblem,
    Note,
    Sheet,
    column_letter,
    is_blank,
    read_text,
)
from ljtracker.sheets.layout import SCAN_ROWS, Figure, Indicator, Layout, Located, ShapeKind
from ljtracker.sheets.sub_headings import beside_column, forecast_column, sub_headings
from ljtracker.sheets.table_bounds import (
    another_header,
    another_table,
    at_title,
    figures_below,
    is_note,
    is_note_text,
    merged_across,
    merged_copy,
    note_within,
    notes_from,
    title_cells,
    title_unit,
)
from ljtracker.sheets.table_columns import (
    LABEL_LOOKUP,
    LONG_LOOKUP,
    header_columns,
    supersedes,
    unit_in,
    year_columns,
)
from ljtracker.sheets.template import normalize_header
from ljtracker.sheets.title_words import YEAR, names_part_of_a_year
from ljtracker.sheets.title_year import TitleCell, years_title_refused
from ljtracker.sheets.year_headers import header_quality, header_year, is_forecast_header


def _label_roles(sheet: Sheet, header: int, year_cols: dict[int, int]) -> dict[int, str]:
    """Which non-year columns hold names, codes and units: by header text, looking up to two
    rows above for a header merged over several rows."""
    roles: dict[int, str] = {}
    for col in range(sheet.width):
        if col in year_cols:
            continue
        for row in range(header, max(header - 3, -1), -1):
            role = LABEL_LOOKUP.get(normalize_header(sheet.text(row, col)))
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
        for column, col in header_columns(sheet, row, LONG_LOOKUP).items():
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


def _figures_above(sheet: Sheet, header: int, year_cols: dict[int, int]) -> bool:
    """Whether a row above the header holds a number under one of its years: the rows of a
    table above it, which a table read from the header down would leave out unsaid."""
    return any(
        isinstance(sheet.cell(row, col), float) or _plain_number(sheet.text(row, col))
        for row in range(header)
        for col in year_cols
    )


def _plain_number(text: str) -> bool:
    try:
        parse_number(text)
    except NumberError:
        return False
    return bool(text.strip())


def wide_table(sheet: Sheet) -> Layout | None:
    headings = _year_headings(sheet)

    def header_years(row: int) -> int:
        """How many years the row heads, leaving out those under a heading of years."""
        return sum(1 for col in year_columns(sheet, row) if headings.get(col, row) >= row)

    candidates = [(header_years(r), -r) for r in range(min(SCAN_ROWS, sheet.height))]
    if not candidates or max(candidates)[0] == 0:
        return None
    header = -max(candidates)[1]
    year_cols = year_columns(sheet, header)
    if len(year_cols) == 1 and _figures_above(sheet, header, year_cols):
        return None  # a table of one year, then another's header: one_year_table says so
    titled = years_title_refused(
        [*title_cells(sheet, header), *_labels_naming_no_year(sheet, header, year_cols)],
        year_cols.values(),
    )
    if titled is not None:
        return Layout(sheet, ShapeKind.WIDE, header, problems=(at_title(sheet, titled),))
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
    superseded = {c: f for c, f in repeats.items() if supersedes(sheet, header, f, c)}
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
    label_col = min((c for c, role in roles.items() if role in ("name", "code")), default=0)
    for row in range(header + 1, sheet.height):
        if all(is_blank(c) for c in sheet.rows[row]):
            continue
        # the table's own years repeated on the line under its header are its header's
        # second line ("统计期 | 2023" over "指标 | 2023年"); after its rows, another table's
        if another_header(sheet, row, () if indicators else year_cols.values()):
            # the lines just above it that hold no figure are its own: a title, a unit
            while (
                indicators
                and not indicators[-1].figures
                and _blank_between(sheet, indicators[-1].row, row)
            ):
                row = indicators.pop().row
            ignored.append(another_table(row))
            break
        figures = tuple(
            Figure(year, headers[col], Located(row, col, cell), qualities[col])
            for col, year in year_cols.items()
            if not is_blank(cell := sheet.cell(row, col))
        )
        if is_note(sheet, row) and (not figures or merged_across(sheet, row)):
            # 注：… (or merged across the table, its text copied into every cell)
            if not figures_below(sheet, row, list(year_cols)):
                end = row
                break
            ignored.append(note_within(row))
            continue
        if (heading := _heading_below(sheet, row, year_cols, label_col)) is not None:
            return Layout(sheet, ShapeKind.WIDE, header, problems=(heading,))
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
        unit, unit_cell = unit_in(sheet, row, unit_col)
        problems += _second_figures(sheet, row, repeats, year_cols, unit or "%")
        problems += _second_figures(sheet, row, superseded, year_cols, unit or "%", blank=True)
        indicators.append(
            Indicator(
                key=f"row {row + 1}",
                label_cell=_located(sheet, row, label_cols[0] if label_cols else code_col),
                names=names,
                code=code,
                unit=unit,
                unit_cell=unit_cell,
                figures=figures,
            )
        )
    if end < sheet.height:
        unmarked = {
            f.year
            for i in indicators
            for f in i.figures
            if f.quality is None and f.year is not None
        }
        ignored += notes_from(sheet, end, unmarked)
        below = title_cells(sheet, sheet.height, start=end)
        if (refused := years_title_refused(below, year_cols.values())) is not None:
            problems.append(at_title(sheet, refused))
    return Layout(
        sheet,
        ShapeKind.WIDE,
        header,
        indicators=tuple(indicators),
        years=tuple(sorted(year_cols.values())),
        table_unit=title_unit(sheet, header),
        ignored=tuple(ignored),
        problems=tuple(problems),
    )


def _heading_below(
    sheet: Sheet, row: int, year_cols: dict[int, int], label_col: int
) -> CellProblem | None:
    """Why a table is refused at a row below its figures that holds none under its years but
    heads one of them with a part of a year ("2024年1-9月", "截至9月末") or another year
    ("2024年"), whatever its label cell says: the header or title of another table, whose
    figures would go in as the year's above. None where the row does not (a text merged across
    the whole table from its label column is a note or title, and a note typed in a year's
    cell is a note, read as such; one merged over its years only is a header)."""
    if merged_across(sheet, row):
        first = next(col for col in range(sheet.width) if not is_blank(sheet.cell(row, col)))
        if first <= label_col:
            return None
    texts = {col: "" if is_note_text(t := sheet.text(row, col)) else t for col in year_cols}
    if any(_is_number(text) for text in texts.values() if text):
        return None
    for col, year in year_cols.items():
        text, cell = texts[col], sheet.cell(row, col)
        if names_part_of_a_year(text):
            return CellProblem(
                sheet.name,
                row,
                col,
                text,
                f"the column of {year} is marked below its figures as a part of a year ({text}):"
                " figures are imported for whole years only; import the table below it from a"
                " sheet of its own",
                f"{year}年一栏在数据下方注明为一年中的部分时期（{text}）：仅导入全年数据；"
                "其下的表格请放在单独的工作表中导入",
            )
        other = header_year(cell) if text and isinstance(cell, str) else None
        if other is not None and other != year:
            return CellProblem(
                sheet.name,
                row,
                col,
                text,
                f"the column of {year} is headed {text} below its figures: import the table"
                " below it from a sheet of its own",
                f"{year}年一栏在数据下方又以“{text}”为题：其下的表格请放在单独的工作表中导入",
            )
    return None


def _blank_between(sheet: Sheet, above: int, below: int) -> bool:
    return all(is_blank(c) for r in range(above + 1, below) for c in sheet.rows[r])


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
        if merged_copy(sheet, f.value)
    ]
