"""The yearly table of one target: a row per year, with the planned value beside each figure."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ljtracker.domain.model import Plan
from ljtracker.domain.progress import planned_path
from ljtracker.services import clock
from ljtracker.services.progress import TargetProgress
from ljtracker.ui.figure_cells import FigureRow, figure_row, plain_number
from ljtracker.ui.figure_model import COPY_ROLE, FigureTableModel

YEAR_COLUMN = 0
PLANNED_COLUMN = 1


def table_years(progress: TargetProgress, plan: Plan | None) -> range:
    """From the baseline (or first figure) to the later of target year and latest figure, + 1.

    The extra year is the row where next year's figure is entered, once that year has come.
    A target without a baseline starts at the year before its plan's, whose figure a plan's
    baseline usually is (its first figure serves as the baseline).
    """
    target = progress.target
    years = [o.year for o in progress.observations]
    starts = [*years, *([target.baseline_year] if target.baseline_year is not None else [])]
    if target.baseline_year is None and plan is not None:
        starts.append(plan.start_year - 1)
    if not starts:
        starts = [target.target_year or 2000]
    ends = [*years, *([target.target_year] if target.target_year is not None else [])]
    if target.target_year is None and plan is not None:
        ends.append(plan.end_year)
    last = max(ends or starts)
    return range(min(starts), last + (2 if last < clock.this_year() else 1))


class ObservationTableModel(FigureTableModel):
    """Year, planned value, then the editable figure columns of one target."""

    def __init__(self, session: Any, parent: Any = None) -> None:
        super().__init__(session, parent)
        self._planned: dict[int, float] = {}
        self._unit = ""

    def show_progress(
        self, progress: TargetProgress, plan: Plan | None, as_of_year: int | None
    ) -> None:
        target = progress.target
        self._planned = dict(planned_path(target))
        unit_changed = target.unit != self._unit
        self._unit = target.unit
        by_year = {o.year: o for o in progress.observations}
        rows = [figure_row(target, year, by_year) for year in table_years(progress, plan)]
        self.set_rows(rows, as_of_year, lead_from_rows=True)
        if unit_changed:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def row_for_year(self, year: int) -> int | None:
        for number in range(self.rowCount()):
            if self.figure_row(number).year == year:
                return number
        return None

    def lead_headers(self) -> list[str]:
        return [self.tr("Year"), self.tr("Planned")]

    def value_header(self) -> str:
        if self._unit:
            return self.tr("Value ({unit})").format(unit=self._unit)
        return self.tr("Value")

    def row_name(self, row: FigureRow) -> str:
        return self.tr("{year}", "a year's row, as messages name it").format(year=row.year)

    def lead_data(self, row: FigureRow, column: int, role: int) -> Any:
        planned = self._planned.get(row.year)
        if role in (Qt.ItemDataRole.DisplayRole, COPY_ROLE):
            if column == YEAR_COLUMN:
                if row.baseline and role == Qt.ItemDataRole.DisplayRole:
                    return self.tr("{year} (baseline)").format(year=row.year)
                return str(row.year)
            if planned is None:
                return ""
            return (
                self.show_number(planned)
                if role == Qt.ItemDataRole.DisplayRole
                else (plain_number(round(planned, 6)))
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PLANNED_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == PLANNED_COLUMN and planned is not None:
            return self.tr("On the planned path from the baseline to the target")
        return None
