"""The year-entry grid's model: a plan's targets for one year, last year's figure beside each."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QGuiApplication, QPalette

from ljtracker.domain import wording
from ljtracker.domain.model import Observation, Target
from ljtracker.domain.number_text import format_number
from ljtracker.ui.figure_cells import FigureRow, figure_row, plain_number
from ljtracker.ui.figure_model import COPY_ROLE, FigureTableModel
from ljtracker.ui.quality_text import quality_label

CODE_COLUMN, NAME_COLUMN, UNIT_COLUMN, PREVIOUS_COLUMN = range(4)


def _reference(target: Target, year: int, by_year: Mapping[int, Observation]) -> FigureRow | None:
    """The figure of the year before, or else the latest earlier one (or the baseline)."""
    years = [y for y in by_year if y < year]
    if target.baseline_year is not None and target.baseline_value is not None:
        years += [target.baseline_year] if target.baseline_year < year else []
    return figure_row(target, max(years), by_year) if years else None


class YearEntryModel(FigureTableModel):
    """Code, name, unit, the previous year's figure (reference), then this year's figure."""

    def __init__(self, session: Any, parent: Any = None) -> None:
        super().__init__(session, parent)
        self.year = 0
        self._previous: dict[int, FigureRow | None] = {}

    def show_year(
        self,
        targets: Sequence[Target],
        observations: Mapping[int, Sequence[Observation]],
        year: int,
        as_of_year: int | None,
    ) -> None:
        year_changed = year != self.year
        self.year = year
        rows, previous = [], {}
        for target in targets:
            assert target.id is not None
            by_year = {o.year: o for o in observations.get(target.id, ())}
            rows.append(figure_row(target, year, by_year))
            previous[target.id] = _reference(target, year, by_year)
        self._previous = previous
        self.set_rows(rows, as_of_year)
        if year_changed:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def lead_headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Unit"),
            self.tr("{year} (for reference)").format(year=self.year - 1),
        ]

    def value_header(self) -> str:
        return str(self.year)

    def row_name(self, row: FigureRow) -> str:
        return self.tr("{code} {year}", "a target's row, as messages name it").format(
            code=row.target.code, year=row.year
        )

    def lead_data(self, row: FigureRow, column: int, role: int) -> Any:
        target = row.target
        if column == PREVIOUS_COLUMN:
            assert target.id is not None
            return self._previous_data(self._previous[target.id], role)
        if role in (Qt.ItemDataRole.DisplayRole, COPY_ROLE):
            if column == CODE_COLUMN:
                return target.code
            if column == NAME_COLUMN:
                return wording.name(target, self.session.lang)
            return target.unit
        if role == Qt.ItemDataRole.ToolTipRole and column in (CODE_COLUMN, NAME_COLUMN):
            return wording.in_words(target, self.session.lang)
        return None

    def _previous_data(self, previous: FigureRow | None, role: int) -> Any:
        if previous is None or previous.value is None:
            return None
        value = previous.value
        older = previous.year != self.year - 1
        if role in (Qt.ItemDataRole.DisplayRole, COPY_ROLE):
            # an earlier year's figure keeps its year, copied too: not to pass as the year's
            shown = role == Qt.ItemDataRole.DisplayRole
            text = self.show_number(value) if shown else plain_number(value)
            if not older:
                return text
            if self.session.lang == "zh":
                return f"{text}（{previous.year}年）"
            return f"{text} ({previous.year})"
        if role == Qt.ItemDataRole.ForegroundRole and older:
            return QBrush(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{previous.year}: {format_number(value, previous.target.unit)}"]
            if previous.baseline:
                lines[0] += " " + self.tr("(baseline)")
            if previous.quality is not None:
                lines.append(quality_label(previous.quality))
            if previous.source:
                lines.append(self.tr("Source: {source}").format(source=previous.source))
            return "\n".join(lines)
        return None
