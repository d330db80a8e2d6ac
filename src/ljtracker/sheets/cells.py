"""Cells as read from any spreadsheet file, and where a cell is."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ljtracker.domain.errors import UserError

Cell = str | float  # text ("" when empty) or a number


class SheetError(UserError):
    """A file cannot be read as a spreadsheet."""

    def of_file(self, name: str) -> SheetError:
        """The same message, naming the file first unless it does already."""
        if self.message_en.startswith(name):
            return self
        return SheetError(f"{name}: {self.message_en}", f"{name}：{self.message_zh}")


def column_letter(col: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA"."""
    letters = ""
    n = col + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_address(sheet: str, row: int, col: int) -> str:
    """Where a cell is, as spreadsheets write it: "表!B4" for row 3, column 1."""
    return f"{sheet}!{column_letter(col)}{row + 1}"


def cell_text(cell: Cell) -> str:
    """A cell as text: numbers exactly as stored, whole numbers without ".0"."""
    if isinstance(cell, str):
        return cell
    if math.isfinite(cell) and cell.is_integer() and abs(cell) < 1e15:
        return str(int(cell))
    return repr(cell)


_NOISE_ULPS = 4  # how many units in the last place a formula's arithmetic leaves at most


def without_binary_noise(number: float) -> float:
    """A formula's result as its arithmetic meant it: 4000*1.1 is stored as
    4400.0000000000009, a few units in the last place from 4400. Only a number that close to
    one of at most 12 significant digits is moved; a figure stored to more digits, such as
    12,345,678,901,234.56, is kept as it is."""
    if not math.isfinite(number) or number.is_integer():
        return number
    meant = float(f"{number:.12g}")
    return meant if abs(meant - number) <= _NOISE_ULPS * math.ulp(number) else number


def reads_as(held: float | None, read: float | None) -> bool:
    """Whether a number read from a spreadsheet is the figure the workbook holds: the same, or
    the same once the held one is without a formula's noise (imported before it was dropped,
    then exported: the file gives it back clean)."""
    if held is None or read is None:
        return held is read
    return held == read or without_binary_noise(held) == read


def read_text(cell: Cell) -> str:
    """The text the number parser reads from a spreadsheet's cell: cell_text, without a
    formula's binary noise."""
    if cell.__class__ is str:  # most cells, and every cell of a CSV file
        return cell
    return cell_text(without_binary_noise(cell))  # type: ignore[arg-type]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard_text(text: str) -> str:
    """Text for a CSV cell that no spreadsheet runs as a formula: a leading apostrophe before
    =, +, -, @, tab or carriage return (and before an apostrophe, so that it reverses)."""
    return "'" + text if text.startswith((*FORMULA_STARTS, "'")) else text


def unguard_text(text: str) -> str:
    """The reverse of guard_text."""
    if text.startswith("'") and text[1:].startswith((*FORMULA_STARTS, "'")):
        return text[1:]
    return text


def is_blank(cell: Cell) -> bool:
    return isinstance(cell, str) and not cell.strip()


@dataclass(frozen=True)
class Sheet:
    """One sheet's cells, rows of equal length; row and column numbers start at 0."""

    name: str
    rows: tuple[tuple[Cell, ...], ...]
    merged_copies: frozenset[tuple[int, int]] = frozenset()  # cells filled from a merged range
    decimal_comma_possible: bool = False  # a semicolon-separated file, as Europe writes them
    # what the spreadsheet program does not show (XLSX): the sheet, its rows and its columns
    hidden: bool = False
    hidden_rows: frozenset[int] = frozenset()
    hidden_cols: frozenset[int] = frozenset()

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def cell(self, row: int, col: int) -> Cell:
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return ""

    def text(self, row: int, col: int) -> str:
        return read_text(self.cell(row, col)).strip()


class Note(NamedTuple):
    """What an import read in a particular way or left aside, in English and in Chinese."""

    en: str
    zh: str

    def said_in(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class SourceFile:
    path: Path
    kind: str  # "xlsx", "xls", "ods" or "csv"
    sheets: tuple[Sheet, ...]
    notes: tuple[Note, ...] = field(default=())  # how it was read: encoding, delimiter

    def sheet(self, name: str) -> Sheet:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        names = ", ".join(s.name for s in self.sheets)
        names_zh = "、".join(s.name for s in self.sheets)
        raise SheetError(
            f"{self.path.name}: no sheet named {name!r} (sheets: {names})",
            f"{self.path.name}：没有名为“{name}”的工作表（现有工作表：{names_zh}）",
        )


@dataclass(frozen=True)
class CellProblem:
    """A cell that cannot be read, with where it is (row and column as the user sees them)."""

    sheet: str
    row: int  # 0-based
    col: int  # 0-based
    text: str
    message_en: str
    message_zh: str

    @property
    def where(self) -> str:
        return cell_address(self.sheet, self.row, self.col)

    def __str__(self) -> str:
        return f"{self.where}: {self.message_en}"
