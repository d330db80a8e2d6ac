"""Reading cells as the values of targets and figures, each through the project's parsers,
collecting a problem (with sheet, row and column) for every cell that cannot be read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar

from ljtracker.domain.milestone_text import parse_milestones
from ljtracker.domain.model import Comparator, Direction, Kind, Milestone, Quality, Trajectory
from ljtracker.domain.numbers import NumberError, is_missing_marker, parse_number, parse_year
from ljtracker.domain.validation import Problem, iso_issue_date
from ljtracker.sheets.cells import CellProblem, Sheet
from ljtracker.sheets.layout import Located, Record
from ljtracker.sheets.template import enum_choices, enum_choices_zh, enum_from_text

E = TypeVar("E", bound=Enum)
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")

PLAN_TEXT_FIELDS = ("title_zh", "title_en", "issuer", "issue_date", "source_url", "notes")
PLAN_YEAR_FIELDS = ("start_year", "end_year")
TEXT_FIELDS = ("name_zh", "name_en", "unit", "baseline_source", "responsible", "notes")
YEAR_FIELDS = ("baseline_year", "target_year")
NUMBER_FIELDS = ("baseline_value", "target_value", "tolerance", "natural_limit")
ENUM_FIELDS: dict[str, tuple[type[Enum], Enum | None]] = {
    "kind": (Kind, Kind.EXPECTED),
    "comparator": (Comparator, None),
    "direction": (Direction, None),
    "trajectory": (Trajectory, Trajectory.LINEAR),
    "baseline_quality": (Quality, Quality.OFFICIAL),
}
_ENUM_NAMES: dict[type[Enum], tuple[str, str]] = {
    Kind: ("a kind", "指标属性"),
    Comparator: ("a comparator", "比较方式"),
    Direction: ("a direction", "方向"),
    Trajectory: ("a trajectory", "路径"),
    Quality: ("a data quality", "数据质量"),
}


@dataclass
class CellReader:
    """Parses cells of one sheet, noting a problem for each cell it cannot read."""

    sheet: str
    problems: list[CellProblem] = field(default_factory=list)
    decimal_comma_possible: bool = False

    @classmethod
    def of(cls, sheet: Sheet) -> CellReader:
        return cls(sheet.name, decimal_comma_possible=sheet.decimal_comma_possible)

    def problem(self, cell: Located, message_en: str, message_zh: str) -> None:
        self.problems.append(
            CellProblem(self.sheet, cell.row, cell.col, cell.text, message_en, message_zh)
        )

    def number(self, cell: Located, unit: str, *, plus_minus: bool = False) -> float | None:
        """The cell's number; None for an empty cell or a missing-figure marker."""
        text = cell.text
        if is_missing_marker(text):
            return None
        try:
            return parse_number(
                text,
                unit=unit,
                decimal_comma_possible=self.decimal_comma_possible,
                plus_minus=plus_minus,
            )
        except NumberError as e:
            self.problem(cell, e.message_en, e.message_zh)
            return None

    def year(self, cell: Located) -> int | None:
        text = cell.text
        if is_missing_marker(text):
            return None
        try:
            return parse_year(text)
        except NumberError as e:
            self.problem(cell, e.message_en, e.message_zh)
            return None

    def milestones(self, cell: Located, unit: str) -> tuple[Milestone, ...] | None:
        try:
            return parse_milestones(
                cell.text, unit, decimal_comma_possible=self.decimal_comma_possible
            )
        except NumberError as e:
            self.problem(cell, e.message_en, e.message_zh)
            return None

    def choice(self, cell: Located, enum: type[E], default: E | None) -> E | None:
        try:
            value = enum_from_text(enum, cell.text)
        except ValueError:
            name_en, name_zh = _ENUM_NAMES[enum]
            self.problem(
                cell,
                f'"{cell.text}" is not {name_en}; use {enum_choices(enum)}',
                f"“{cell.text}”不是有效的{name_zh}；可填{enum_choices_zh(enum)}",
            )
            return default
        return default if value is None else value

    def validation(self, record: Record, problems: list[Problem], fallback: str) -> None:
        """Place the problems of a whole target on the cell of the field they concern."""
        for p in problems:
            cell = record.cells.get(p.field) or record.cells.get(fallback)
            if cell is None:
                cell = next(iter(record.cells.values()))
            self.problem(cell, p.message_en, p.message_zh)


def target_fields(record: Record, reader: CellReader, current_unit: str) -> dict[str, Any]:
    """The target fields the record gives, parsed. A blank cell (or a missing-figure marker in
    a number or year column) gives nothing: it never erases what the target has.
    `current_unit` serves when the record gives no unit."""
    given = {
        name: cell
        for name, cell in record.cells.items()
        if not is_missing_marker(cell.text) and not (name in TEXT_FIELDS and not cell.text)
    }
    values: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        if name in given:
            values[name] = given[name].text
    unit = values.get("unit", current_unit)
    for name in YEAR_FIELDS:
        if name in given:
            values[name] = reader.year(given[name])
    for name in NUMBER_FIELDS:
        if name in given:
            values[name] = reader.number(given[name], unit, plus_minus=name == "tolerance")
    if "milestones" in given:
        values["milestones"] = reader.milestones(given["milestones"], unit)
    for name, (enum, default) in ENUM_FIELDS.items():
        if name in given:
            values[name] = reader.choice(given[name], enum, default)
    return values


def plan_fields(record: Record, reader: CellReader) -> dict[str, Any]:
    """The plan fields the record gives, parsed; a blank cell gives nothing."""
    values: dict[str, Any] = {}
    for name, cell in record.cells.items():
        if is_missing_marker(cell.text):
            continue
        if name == "issue_date":  # a date cell with a time of day: its date
            date = cell.text.split("T")[0] if _DATE_TIME.match(cell.text) else cell.text
            values[name] = iso_issue_date(date)
        elif name in PLAN_TEXT_FIELDS:
            values[name] = cell.text
        elif name in PLAN_YEAR_FIELDS:
            values[name] = reader.year(cell)
    return values


def quality(record: Record, reader: CellReader) -> Quality | None:
    """The quality the record gives; None when its cell is blank or missing."""
    if not record.text("quality"):
        return None
    return reader.choice(record.cell("quality"), Quality, Quality.OFFICIAL)
