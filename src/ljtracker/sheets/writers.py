"""Writing clean XLSX and CSV files: the template, and a workbook's plans as exported.

Numbers stay numbers; text that begins like a formula (=, +, -, @, tab, carriage return) is
written so that no spreadsheet runs it: as a quoted-prefix string in XLSX, behind an
apostrophe in CSV. Every file is written whole or not at all.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import xlsxwriter
from xlsxwriter.exceptions import XlsxWriterException

from ljtracker.domain.model import Area, Method, Observation, Plan, Target
from ljtracker.domain.progress import Assessment
from ljtracker.sheets.cells import SheetError, cell_text, guard_text
from ljtracker.sheets.template import (
    COLUMN_HELP,
    OBSERVATION_ALIASES,
    OBSERVATION_COLUMNS,
    OBSERVATIONS_SHEET,
    TARGET_ALIASES,
    TARGET_COLUMNS,
    TARGETS_SHEET,
)
from ljtracker.sheets.xlsx_sheets import Styles, summary_sheet, table_sheet, wide_sheet
from ljtracker.storage.atomic import OutputError, atomic_output

OutCell = str | float | int | None
Table = tuple[tuple[str, ...], list[list[OutCell]]]
TABLES = ("observations", "targets")


@dataclass(frozen=True)
class TargetExport:
    target: Target
    area: Area | None
    observations: tuple[Observation, ...]
    assessment: Assessment


@dataclass(frozen=True)
class PlanExport:
    plan: Plan
    areas: tuple[Area, ...]
    targets: tuple[TargetExport, ...]
    as_of_year: int | None
    method: Method


def _area_name(area: Area | None, lang: str) -> str:
    if area is None:
        return ""
    return (area.name_zh or area.name_en) if lang == "zh" else (area.name_en or area.name_zh)


def _value(value: object) -> OutCell:
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, int | float | str):
        return value
    return str(value)


def targets_table(plans: Sequence[PlanExport], lang: str) -> Table:
    rows: list[list[OutCell]] = []
    for plan in plans:
        for row in plan.targets:
            t = row.target
            values = {
                "plan": plan.plan.code,
                "area": _area_name(row.area, lang),
                **{name: getattr(t, name) for name in TARGET_COLUMNS[2:]},
            }
            rows.append([_value(values[name]) for name in TARGET_COLUMNS])
    return TARGET_COLUMNS, rows


def observations_table(plans: Sequence[PlanExport]) -> Table:
    rows: list[list[OutCell]] = []
    for plan in plans:
        for row in plan.targets:
            for o in row.observations:
                values: list[OutCell] = [plan.plan.code, row.target.code, o.year, o.value]
                rows.append([*values, o.quality.value, o.source, o.note])
    return OBSERVATION_COLUMNS, rows


def _csv_cell(value: OutCell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return guard_text(value)
    return cell_text(float(value))


def write_csv(path: str | Path, table: Table) -> None:
    """A CSV file in UTF-8 with BOM (so that Excel reads Chinese), CRLF line ends."""
    header, rows = table
    with atomic_output(path) as temp, temp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows([_csv_cell(c) for c in row] for row in rows)


def _new_book(path: Path) -> xlsxwriter.Workbook:
    return xlsxwriter.Workbook(
        str(path),
        {
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "nan_inf_to_errors": True,
        },
    )


def _close(book: xlsxwriter.Workbook, path: str | Path) -> None:
    try:
        book.close()
    except (XlsxWriterException, OSError) as e:
        raise OutputError(f"{path}: could not be written ({e})", f"{path}：无法写入（{e}）") from e


def write_xlsx(path: str | Path, plans: Sequence[PlanExport], lang: str) -> None:
    """Per plan a summary sheet, the template's targets and observations sheets for all plans,
    and per plan a wide sheet of figures (targets x years)."""
    with atomic_output(path) as temp:
        book = _new_book(temp)
        book.set_properties({"title": ", ".join(p.plan.code for p in plans) or "ljtracker"})
        styles = Styles(book)
        for plan in plans:
            summary_sheet(book, styles, plan, lang)
        table_sheet(book, styles, TARGETS_SHEET, targets_table(plans, lang))
        table_sheet(book, styles, OBSERVATIONS_SHEET, observations_table(plans))
        for plan in plans:
            wide_sheet(book, styles, plan, lang)
        _close(book, path)


def _template_header(columns: Sequence[str], lang: str) -> tuple[str, ...]:
    """The template's column names: in Chinese, the first Chinese name each column accepts."""
    if lang != "zh":
        return tuple(columns)
    aliases = TARGET_ALIASES if columns == TARGET_COLUMNS else OBSERVATION_ALIASES
    return tuple(aliases[column][0] for column in columns)


def _help_table(lang: str) -> Table:
    zh = lang == "zh"
    header = (
        ("表", "列", "也可写作", "说明") if zh else ("sheet", "column", "Chinese name", "meaning")
    )
    rows: list[list[OutCell]] = []
    for sheet, columns, aliases in (
        (TARGETS_SHEET, TARGET_COLUMNS, TARGET_ALIASES),
        (OBSERVATIONS_SHEET, OBSERVATION_COLUMNS, OBSERVATION_ALIASES),
    ):
        for column in columns:
            en, zh_text = COLUMN_HELP[column]
            if zh:
                rows.append([sheet, aliases[column][0], column, zh_text])
            else:
                rows.append([sheet, column, aliases[column][0], en])
    return header, rows


def write_template(path: str | Path, *, table: str = "observations", lang: str = "en") -> None:
    """The empty template: XLSX with both sheets and a sheet of instructions, or one CSV table."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        if table not in TABLES:
            raise SheetError(
                f"no template table {table!r}; choose {' or '.join(TABLES)}",
                f"模板中没有“{table}”表；请选择 {' 或 '.join(TABLES)}",
            )
        columns = TARGET_COLUMNS if table == "targets" else OBSERVATION_COLUMNS
        write_csv(path, (_template_header(columns, lang), []))
        return
    if suffix != ".xlsx":
        raise SheetError(
            f"{path.name}: choose a file name ending in .xlsx or .csv",
            f"{path.name}：请使用以 .xlsx 或 .csv 结尾的文件名",
        )
    with atomic_output(path) as temp:
        book = _new_book(temp)
        styles = Styles(book)
        for sheet, columns in (
            (TARGETS_SHEET, TARGET_COLUMNS),
            (OBSERVATIONS_SHEET, OBSERVATION_COLUMNS),
        ):
            table_sheet(book, styles, sheet, (_template_header(columns, lang), []), lang)
        table_sheet(book, styles, "说明" if lang == "zh" else "instructions", _help_table(lang))
        _close(book, path)
