"""What a sheet's shape says about it: which cells hold what (a template's rows, a table's
indicators and their figures), for the importer to read each cell once, with its target's unit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from ljtracker.domain.model import Quality
from ljtracker.sheets.cells import Cell, CellProblem, Note, Sheet, is_blank, read_text

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
