"""Recognising a sheet's shape: the app's template (plans, areas, targets or observations), a
wide table (one row per indicator, one column per year) or a long table (indicator, year,
value).

Nothing is parsed as a number here: the shapes only say which cell holds what, so that the
importer parses each cell once, with the unit of the target it belongs to.
"""

from __future__ import annotations

from collections.abc import Mapping

from ljtracker.sheets.cells import Sheet, is_blank
from ljtracker.sheets.layout import SCAN_ROWS, Layout, ShapeKind
from ljtracker.sheets.long_table import long_table, one_year_table
from ljtracker.sheets.table_columns import LONG_LOOKUP, header_columns, year_columns
from ljtracker.sheets.template import (
    AREA_ALIASES,
    OBSERVATION_ALIASES,
    PLAN_ALIASES,
    TARGET_ALIASES,
    TARGET_COLUMNS,
    header_lookup,
)
from ljtracker.sheets.wide_table import wide_table

_PLAN_LOOKUP = header_lookup(PLAN_ALIASES)
_AREA_LOOKUP = header_lookup(AREA_ALIASES)
_TARGET_LOOKUP = header_lookup(TARGET_ALIASES)

# columns only a targets sheet has: with plan and code, they make one without a name column
# (targets given their targets, say), unless years head columns (a wide table of figures)
_SHARED_COLUMNS = {"plan", "area", "code", "name_zh", "name_en", "unit", "responsible", "notes"}
_TARGET_ONLY = frozenset(TARGET_COLUMNS) - _SHARED_COLUMNS

_OBSERVATION_LOOKUP = header_lookup(OBSERVATION_ALIASES)


def _only(sheet: Sheet, row: int, columns: dict[str, int]) -> bool:
    """Whether the header row names nothing but these columns: the plans and areas sheets are
    recognised only as the template has them, never in a table of the office's own."""
    named = [col for col in range(sheet.width) if sheet.text(row, col)]
    return len(named) == len(columns)


def detect(sheet: Sheet, year: int | None = None) -> Layout | None:
    """The sheet's layout, or None when no known shape is found; `year`: the year of a table
    without a year column, given by the user, who has read its title."""
    for row in range(min(SCAN_ROWS, sheet.height)):
        targets = header_columns(sheet, row, _TARGET_LOOKUP)
        observations = header_columns(sheet, row, _OBSERVATION_LOOKUP)
        long = header_columns(sheet, row, LONG_LOOKUP)
        if {"plan", "code"} <= targets.keys() and (
            targets.keys() & {"name_zh", "name_en"}
            or (targets.keys() & _TARGET_ONLY and not _has_figures(sheet, row, long))
        ):
            return _template(sheet, row, ShapeKind.TARGETS, targets)
        if {"plan", "code", "year", "value"} <= observations.keys():
            return _template(sheet, row, ShapeKind.OBSERVATIONS, observations)
        plans = header_columns(sheet, row, _PLAN_LOOKUP)
        if {"plan", "title_zh", "title_en"} <= plans.keys() and _only(sheet, row, plans):
            return _template(sheet, row, ShapeKind.PLANS, plans)
        areas = header_columns(sheet, row, _AREA_LOOKUP)
        if {"plan", "area_zh", "area_en"} <= areas.keys() and _only(sheet, row, areas):
            return _template(sheet, row, ShapeKind.AREAS, areas)
        if {"year", "value"} <= long.keys() and long.keys() & {"name", "code"}:
            return long_table(sheet, row, long)
    return wide_table(sheet) or one_year_table(sheet, year)


def _has_figures(sheet: Sheet, row: int, long: Mapping[str, int]) -> bool:
    """Whether the header names figures: year and value columns, by any of their names, or
    columns headed by years (a wide table)."""
    return {"year", "value"} <= long.keys() or bool(year_columns(sheet, row))


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
