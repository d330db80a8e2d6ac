"""Writing clean XLSX and CSV files: the template, and a workbook's plans as exported.

Numbers stay numbers; text that begins like a formula (=, +, -, @, tab, carriage return) is
written so that no spreadsheet runs it: as a quoted-prefix string in XLSX, behind an
apostrophe in CSV. Every file is written whole or not at all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import xlsxwriter
from xlsxwriter.exceptions import XlsxWriterException

from ljtracker.domain.milestone_text import milestones_text
from ljtracker.domain.model import Area, Method, Observation, Plan, Target
from ljtracker.domain.progress import Assessment
from ljtracker.sheets.cells import SheetError, cell_text, guard_text
from ljtracker.sheets.template import (
    AREA_ALIASES,
    AREA_COLUMNS,
    AREAS_SHEET,
    COLUMN_HELP,
    OBSERVATION_ALIASES,
    OBSERVATION_COLUMNS,
    OBSERVATIONS_SHEET,
    PLAN_ALIASES,
    PLAN_COLUMNS,
    PLANS_SHEET,
    TARGET_ALIASES,
    TARGET_COLUMNS,
    TARGETS_SHEET,
    choice_word,
)
from ljtracker.sheets.xlsx_sheets import Styles, summary_sheet, table_sheet, wide_sheet
from ljtracker.storage.atomic import OutputError, atomic_output

OutCell = str | float | int | None
Table = tuple[tuple[str, ...], list[list[OutCell]]]
TABLES = ("observations", "targets", "plans", "areas")
_SHEETS = (  # the template's sheets, in the order an import reads them
    (PLANS_SHEET, PLAN_COLUMNS, PLAN_ALIASES),
    (AREAS_SHEET, AREA_COLUMNS, AREA_ALIASES),
    (TARGETS_SHEET, TARGET_COLUMNS, TARGET_ALIASES),
    (OBSERVATIONS_SHEET, OBSERVATION_COLUMNS, OBSERVATION_ALIASES),
)


def table_choices(lang: str) -> str:
    """'observations, targets, plans or areas' (或 in Chinese), for messages."""
    if lang == "zh":
        return "、".join(TABLES[:-1]) + " 或 " + TABLES[-1]
    return ", ".join(TABLES[:-1]) + " or " + TABLES[-1]


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


def _value(value: object, lang: str) -> OutCell:
    if value is None:
        return None
    if isinstance(value, Enum):
        return choice_word(value, lang)
    if isinstance(value, int | float | str):
        return value
    return str(value)


def _plans_rows(plans: Sequence[PlanExport]) -> list[list[OutCell]]:
    rows: list[list[OutCell]] = []
    for export in plans:
        plan = export.plan
        values = {"plan": plan.code, **{name: getattr(plan, name) for name in PLAN_COLUMNS[1:]}}
        rows.append([_value(values[name], "en") for name in PLAN_COLUMNS])  # no choices
    return rows


def _areas_rows(plans: Sequence[PlanExport]) -> list[list[OutCell]]:
    return [
        [export.plan.code, area.name_zh, area.name_en]
        for export in plans
        for area in sorted(export.areas, key=lambda a: a.position)
    ]


def _targets_rows(plans: Sequence[PlanExport], lang: str) -> list[list[OutCell]]:
    rows: list[list[OutCell]] = []
    for plan in plans:
        for row in plan.targets:
            t = row.target
            values = {
                **{name: getattr(t, name) for name in TARGET_COLUMNS[2:]},
                "plan": plan.plan.code,
                "area": _area_name(row.area, lang),
                "milestones": milestones_text(t.milestones),
            }
            rows.append([_value(values[name], lang) for name in TARGET_COLUMNS])
    return rows


def _observations_rows(plans: Sequence[PlanExport], lang: str) -> list[list[OutCell]]:
    rows: list[list[OutCell]] = []
    for plan in plans:
        for row in plan.targets:
            for o in row.observations:
                values: list[OutCell] = [plan.plan.code, row.target.code, o.year, o.value]
                rows.append([*values, choice_word(o.quality, lang), o.source, o.note])
    return rows


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


@contextmanager
def _xlsx_book(path: str | Path) -> Iterator[xlsxwriter.Workbook]:
    """A workbook made in memory and written to `path` whole: a full disk fails the write
    cleanly, with no temporary files of XlsxWriter's left behind."""
    with atomic_output(path) as temp:
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(
            buffer,
            {
                "in_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
                "nan_inf_to_errors": True,
            },
        )
        yield book
        try:
            book.close()
        except XlsxWriterException as e:
            raise OutputError(
                f"{path}: could not be written ({e})", f"{path}：无法写入（{e}）"
            ) from e
        temp.write_bytes(buffer.getvalue())


def template_table(sheet: str, plans: Sequence[PlanExport], lang: str) -> Table:
    """One of the template's sheets filled with the plans: plans, areas, targets or
    observations; in Chinese with the template's Chinese headers and words."""
    if sheet == PLANS_SHEET:
        rows = _plans_rows(plans)
    elif sheet == AREAS_SHEET:
        rows = _areas_rows(plans)
    elif sheet == TARGETS_SHEET:
        rows = _targets_rows(plans, lang)
    else:
        rows = _observations_rows(plans, lang)
    return _template_header(sheet, lang), rows


def write_xlsx(path: str | Path, plans: Sequence[PlanExport], lang: str) -> None:
    """Per plan a summary sheet, the template's plans, areas, targets and observations sheets
    for all plans, and per plan a wide sheet of figures (targets x years)."""
    with _xlsx_book(path) as book:
        book.set_properties({"title": ", ".join(p.plan.code for p in plans) or "ljtracker"})
        styles = Styles(book)
        for plan in plans:
            summary_sheet(book, styles, plan, lang)
        for sheet, _, _ in _SHEETS:
            table_sheet(book, styles, sheet, template_table(sheet, plans, lang), lang)
        for plan in plans:
            wide_sheet(book, styles, plan, lang)


def _template_header(sheet: str, lang: str) -> tuple[str, ...]:
    """A template sheet's column names: in Chinese, the first Chinese name each accepts."""
    _, columns, aliases = next(entry for entry in _SHEETS if entry[0] == sheet)
    if lang != "zh":
        return columns
    return tuple(aliases[column][0] for column in columns)


def _help_table(lang: str) -> Table:
    zh = lang == "zh"
    header = (
        ("表", "列", "也可写作", "说明") if zh else ("sheet", "column", "Chinese name", "meaning")
    )
    rows: list[list[OutCell]] = []
    for sheet, columns, aliases in _SHEETS:
        for column in columns:
            en, zh_text = COLUMN_HELP[column]
            if zh:
                rows.append([sheet, aliases[column][0], column, zh_text])
            else:
                rows.append([sheet, column, aliases[column][0], en])
    return header, rows


def write_template(path: str | Path, *, table: str = "observations", lang: str = "en") -> None:
    """The empty template: XLSX with its four sheets and a sheet of instructions, or one CSV
    table."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        if table not in TABLES:
            raise SheetError(
                f"no template table {table!r}; choose {table_choices('en')}",
                f"模板中没有“{table}”表；请选择 {table_choices('zh')}",
            )
        write_csv(path, (_template_header(table, lang), []))
        return
    if suffix != ".xlsx":
        raise SheetError(
            f"{path.name}: choose a file name ending in .xlsx or .csv",
            f"{path.name}：请使用以 .xlsx 或 .csv 结尾的文件名",
        )
    with _xlsx_book(path) as book:
        styles = Styles(book)
        for sheet, _, _ in _SHEETS:
            table_sheet(book, styles, sheet, (_template_header(sheet, lang), []), lang)
        table_sheet(book, styles, "说明" if lang == "zh" else "instructions", _help_table(lang))
