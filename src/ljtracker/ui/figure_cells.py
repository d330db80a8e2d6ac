"""A target's figure for a year as table cells: reading a cell's text, and naming each change.

The yearly table and the year-entry grid both edit figures cell by cell (value, quality,
source, note); typed and pasted text goes through the same checks here, numbers through the
project's one parser.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from ljtracker.domain import change_names as names
from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Observation, Quality, Target, unstated_quality
from ljtracker.domain.numbers import NumberError, NumberProblem, is_missing_marker, parse_number
from ljtracker.services import clock
from ljtracker.services.editing import ObservationEntry
from ljtracker.ui.quality_text import QualityError, parse_quality


class Field(StrEnum):
    VALUE = "value"
    QUALITY = "quality"
    SOURCE = "source"
    NOTE = "note"


FIELDS = tuple(Field)


def field_label(field: Field) -> str:
    return {
        Field.VALUE: QCoreApplication.translate("FigureTable", "Value"),
        Field.QUALITY: QCoreApplication.translate("FigureTable", "Quality"),
        Field.SOURCE: QCoreApplication.translate("FigureTable", "Source"),
        Field.NOTE: QCoreApplication.translate("FigureTable", "Note"),
    }[field]


def plain_number(value: float) -> str:
    """The exact number without grouping, as a spreadsheet reads it back."""
    return f"{value:.15g}"


@dataclass(frozen=True)
class FigureRow:
    """A target's figure for a year; `baseline` rows show the target's own baseline, read-only."""

    target: Target
    year: int
    observation: Observation | None
    baseline: bool = False

    @property
    def value(self) -> float | None:
        if self.observation is not None:
            return self.observation.value
        return self.target.baseline_value if self.baseline else None

    @property
    def quality(self) -> Quality | None:
        if self.observation is not None:
            return self.observation.quality
        return self.target.baseline_quality if self.baseline else None

    @property
    def source(self) -> str:
        if self.observation is not None:
            return self.observation.source
        return self.target.baseline_source if self.baseline else ""

    @property
    def note(self) -> str:
        return self.observation.note if self.observation is not None else ""

    @property
    def key(self) -> tuple[int | None, int]:
        return (self.target.id, self.year)


def figure_row(target: Target, year: int, by_year: Mapping[int, Observation]) -> FigureRow:
    observation = by_year.get(year)
    baseline = (
        observation is None and target.baseline_year == year and target.baseline_value is not None
    )
    return FigureRow(target, year, observation, baseline)


class CellError(ValueError):
    """A cell's text that cannot be used; the message says why, in the view's language."""


def no_figure_message(year: int) -> str:
    """Why a year's quality, source or note waits for its value."""
    return QCoreApplication.translate(
        "FigureTable", "There is no {year} figure yet; enter the value first."
    ).format(year=year)


def baseline_row_message(year: int) -> str:
    """Why the baseline's row is not edited in the table."""
    return QCoreApplication.translate(
        "FigureTable", "{year} is the baseline year; change the baseline in the target."
    ).format(year=year)


def parse_cell(row: FigureRow, field: Field, value: object, *, lang: str, pasting: bool) -> Any:
    """The value a cell's text means; None for a cell that leaves the figure as it is.

    Raises CellError. A pasted value cell that is empty or marks a missing figure ("—") is
    None; typed in, it is refused, because removing a figure is done with Delete.
    """
    if row.baseline:
        if pasting and _repeats_baseline(row, field, str(value)):
            return None  # a column copied with its baseline row: the baseline as it is
        raise CellError(baseline_row_message(row.year))
    if field is Field.VALUE:
        return _parse_value(row, value, lang=lang, pasting=pasting)
    if field is Field.QUALITY:
        if isinstance(value, Quality):
            return value
        try:
            return parse_quality(str(value))
        except QualityError as error:
            raise CellError(str(error)) from error
    return str(value).strip()


def _repeats_baseline(row: FigureRow, field: Field, text: str) -> bool:
    """Whether a cell pasted on the baseline's row leaves it empty or says what it shows."""
    if is_missing_marker(text):
        return True
    try:
        if field is Field.VALUE:
            return parse_number(text, unit=row.target.unit) == row.value
        if field is Field.QUALITY:
            return parse_quality(text) is row.quality
    except (NumberError, QualityError):
        return False
    return text.strip() == (row.source if field is Field.SOURCE else row.note)


def _parse_value(row: FigureRow, value: object, *, lang: str, pasting: bool) -> float | None:
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    text = repr(float(value)) if numeric else str(value)  # type: ignore[arg-type]
    if pasting and is_missing_marker(text):
        return None
    try:
        return parse_number(text, unit=row.target.unit)
    except NumberError as error:
        message = error.message_zh if lang == "zh" else error.message_en
        if error.problem in (NumberProblem.EMPTY, NumberProblem.MISSING_MARKER):
            message += QCoreApplication.translate(
                "FigureTable", " To remove the figure, select the cell and press Delete."
            )
        raise CellError(message) from error


def entry_with(row: FigureRow, changes: Mapping[Field, Any]) -> ObservationEntry | None:
    """The figure with `changes` applied; None when there is nothing to write.

    Raises CellError for a quality, source or note given to a year without a figure.
    """
    assert row.target.id is not None
    old = row.observation
    value = changes.get(Field.VALUE)
    if value is None:
        value = None if old is None else old.value
    if value is None:
        if any(changes.get(f) for f in (Field.QUALITY, Field.SOURCE, Field.NOTE)):
            raise CellError(no_figure_message(row.year))
        return None
    quality = changes.get(Field.QUALITY) or (
        old.quality if old else unstated_quality(row.year, clock.this_year())
    )
    source = changes.get(Field.SOURCE, old.source if old else "")
    note = changes.get(Field.NOTE, old.note if old else "")
    return ObservationEntry(row.target.id, row.year, value, quality, source, note)


def describe_edit(row: FigureRow, field: Field, entry: ObservationEntry) -> ChangeName:
    """The undo step's name for one edited cell: "Set the 2022 figure of LJ-GDP"."""
    code, year = row.target.code, row.year
    if field is Field.VALUE:
        return names.set_figure(code, year, new=row.observation is None)
    if field is Field.QUALITY:
        return names.mark_figure(code, year, entry.quality)
    if field is Field.SOURCE:
        return names.set_source(code, year)
    return names.set_note(code, year)


def describe_form_edit(row: FigureRow, entry: ObservationEntry) -> ChangeName:
    """The undo step's name for the Edit Figure form, after what it changed: a new value, or
    the one field of the figure changed, else its details."""
    old, code, year = row.observation, row.target.code, row.year
    if old is None or old.value != entry.value:
        return names.set_figure(code, year, new=old is None)
    changed = [
        field
        for field, before, after in (
            (Field.QUALITY, old.quality, entry.quality),
            (Field.SOURCE, old.source, entry.source),
            (Field.NOTE, old.note, entry.note),
        )
        if before != after
    ]
    if changed == [Field.SOURCE] and not entry.source:
        return names.clear_source(code, year)
    if changed == [Field.NOTE] and not entry.note:
        return names.clear_note(code, year)
    if len(changed) == 1:
        return describe_edit(row, changed[0], entry)
    return names.edit_figure_details(code, year)


def describe_clear(cleared: Sequence[tuple[FigureRow, frozenset[Field]]]) -> ChangeName:
    """The undo step's name for Delete on cells: figures removed, or sources and notes emptied."""
    removals = [row for row, fields in cleared if Field.VALUE in fields]
    if len(cleared) == 1:
        row, fields = cleared[0]
        code, year = row.target.code, row.year
        if removals:
            return names.remove_figure(code, year)
        if fields == {Field.SOURCE}:
            return names.clear_source(code, year)
        if fields == {Field.NOTE}:
            return names.clear_note(code, year)
        return names.clear_source_and_note(code, year)
    if len(removals) == len(cleared):
        return names.remove_figures(len(removals))
    return names.clear_figures(len(cleared))


def describe_paste(entries: Sequence[ObservationEntry], rows: Sequence[FigureRow]) -> ChangeName:
    """The undo step's name for a paste: "Paste 3 figures of LJ-GDP", "… for 2022"."""
    if len(entries) == 1:
        row = next(r for r in rows if r.key == (entries[0].target_id, entries[0].year))
        return names.paste_figure(row.target.code, row.year)
    codes = {r.target.code for r in rows}
    years = {e.year for e in entries}
    if len(codes) == 1:
        return names.paste_figures(len(entries), code=next(iter(codes)))
    if len(years) == 1:
        return names.paste_figures(len(entries), year=next(iter(years)))
    return names.paste_figures(len(entries))
