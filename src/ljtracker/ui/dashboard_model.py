"""Item models of the plan dashboard: the targets table and the counts per status and area."""

from __future__ import annotations

import html
from collections.abc import Sequence
from enum import IntEnum
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from ljtracker.domain import wording
from ljtracker.domain.model import Area, Status
from ljtracker.domain.number_text import format_number, format_percent
from ljtracker.domain.progress import Quantity
from ljtracker.domain.status_look import MISSED, Shown, counted_as, every_shown
from ljtracker.services.progress import TargetProgress
from ljtracker.ui import status_style
from ljtracker.ui.navigator_model import status_icon
from ljtracker.ui.quality_text import quality_label

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a number (or None) where the column is numeric
TARGET_ID_ROLE = Qt.ItemDataRole.UserRole + 2
VALUE_ROLE = Qt.ItemDataRole.UserRole + 3  # the achievement as a float, for the bar delegate
DASH = "—"
Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FONT = Qt.ItemDataRole.FontRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
STATUS_ORDER = list(Status)
_SHOWN_ORDER = every_shown()
# the Latest cell of a status that rests on an old figure (on a light background, on a dark one)
OLD_FIGURE_COLORS = (QColor("#9a5b00"), QColor("#f0b45a"))


class Column(IntEnum):
    CODE = 0
    NAME = 1
    UNIT = 2
    BASELINE = 3
    LATEST = 4
    TARGET = 5
    ACHIEVEMENT = 6
    STATUS = 7
    GROWTH = 8


def column_title(column: Column) -> str:
    return {
        Column.CODE: QCoreApplication.translate("DashboardModel", "Code"),
        Column.NAME: QCoreApplication.translate("DashboardModel", "Name"),
        Column.UNIT: QCoreApplication.translate("DashboardModel", "Unit"),
        Column.BASELINE: QCoreApplication.translate("DashboardModel", "Baseline"),
        Column.LATEST: QCoreApplication.translate("DashboardModel", "Latest"),
        Column.TARGET: QCoreApplication.translate("DashboardModel", "Target"),
        Column.ACHIEVEMENT: QCoreApplication.translate("DashboardModel", "Achievement"),
        Column.STATUS: QCoreApplication.translate("DashboardModel", "Status"),
        Column.GROWTH: QCoreApplication.translate("DashboardModel", "Needed\nfrom now"),
    }[column]


def column_tip(column: Column) -> str:
    return {
        Column.BASELINE: QCoreApplication.translate("DashboardModel", "Baseline value (year)"),
        Column.LATEST: QCoreApplication.translate(
            "DashboardModel",
            "Latest figure up to the as-of year (year, quality); in brown italics when it is two"
            " or more years before the as-of year (a figure of the target year does not age)",
        ),
        Column.ACHIEVEMENT: QCoreApplication.translate(
            "DashboardModel",
            "Share of the planned change achieved: 0 at the baseline, 1 at the target",
        ),
        Column.GROWTH: QCoreApplication.translate(
            "DashboardModel", "Growth needed per year, from the latest figure, to reach the target"
        ),
    }.get(column, column_title(column))


def _reason(quantity: Quantity, lang: str) -> str:
    return quantity.reason_zh if lang == "zh" else quantity.reason_en


def _old_figure_color() -> QColor:
    dark = QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    return OLD_FIGURE_COLORS[dark]


@cache
def _italic() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


def _age(year: int, age: int) -> str:
    return QCoreApplication.translate(
        "DashboardModel", "An old figure: from {0}, {1} years before the as-of year"
    ).format(year, age)


def _html(*lines: str) -> str:
    return "<p>" + "<br>".join(html.escape(line) for line in lines if line) + "</p>"


class TargetTableModel(QAbstractTableModel):
    """One row per target of the shown plan (or area), in the plan's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TargetProgress] = []
        self._texts: dict[int, list[str]] = {}  # each shown row's cells, made when first asked
        self._lang = "en"

    def set_rows(self, rows: Sequence[TargetProgress], lang: str) -> None:
        """Show these targets; the same targets in the same order keep the view's selection."""
        same = lang == self._lang and [r.target.id for r in rows] == [
            r.target.id for r in self._rows
        ]
        if same and rows:
            self._rows, self._texts = list(rows), {}
            last = self.index(len(rows) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows, self._texts = list(rows), {}
        self._lang = lang
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_title(Column(section))
        if role == Qt.ItemDataRole.ToolTipRole:
            return column_tip(Column(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for every role of every cell whenever the table is measured or painted: the
        # cells' texts are made once per row, and roles no cell answers return at once.
        row_number = index.row()
        if not index.isValid() or row_number >= len(self._rows):
            return None
        if role == _DISPLAY:
            return self._row_texts(row_number)[index.column()]
        if role == _ALIGNMENT:
            return _RIGHT if index.column() in _NUMERIC else None
        if role == _FOREGROUND:
            if self._row_texts(row_number)[index.column()] == DASH:
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            return _old_figure_color() if self._is_old_figure(index) else None
        if role == _FONT:
            return _italic() if self._is_old_figure(index) else None
        row, column = self._rows[row_number], Column(index.column())
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == TARGET_ID_ROLE:
            return row.target.id
        if role == VALUE_ROLE and column is Column.ACHIEVEMENT:
            return row.assessment.achievement.value
        if role == _TOOLTIP:
            return self._tooltip(row, column)
        if role == _DECORATION and column is Column.STATUS:
            return status_icon(row.assessment.shown)
        return None

    def needs_growth_column(self) -> bool:
        """Whether any target has a growth needed from now to show (none has, as of its
        target year, or without targets)."""
        return any(r.assessment.required_growth_from_latest.value is not None for r in self._rows)

    def cells(self, column: Column) -> list[tuple[str, QFont | None]]:
        """Each row's text in the column, and the font it asks for (None: the view's)."""
        return [
            (self._row_texts(r)[column], _italic() if self._old_figure(r, column) else None)
            for r in range(len(self._rows))
        ]

    def _is_old_figure(self, index: Index) -> bool:
        return self._old_figure(index.row(), index.column())

    def _old_figure(self, row_number: int, column: int) -> bool:
        """Whether this is the Latest cell of a status that rests on an old figure."""
        if column != Column.LATEST:
            return False
        return self._rows[row_number].assessment.latest_age is not None

    def _row_texts(self, row_number: int) -> list[str]:
        texts = self._texts.get(row_number)
        if texts is None:
            row = self._rows[row_number]
            texts = self._texts[row_number] = [self._text(row, column) for column in Column]
        return texts

    def _text(self, row: TargetProgress, column: Column) -> str:
        t, a, lang = row.target, row.assessment, self._lang
        if column is Column.CODE:
            return t.code
        if column is Column.NAME:
            return wording.name(t, lang)
        if column is Column.UNIT:
            return t.unit
        if column is Column.BASELINE:
            if a.baseline_value is None or a.baseline_year is None:
                return DASH
            if lang == "zh":
                return f"{format_number(a.baseline_value)}（{a.baseline_year}年）"
            return f"{format_number(a.baseline_value)} ({a.baseline_year})"
        if column is Column.LATEST:
            latest = a.shown_latest
            if latest is None:
                return DASH
            quality = quality_label(latest.quality).lower()
            if lang == "zh":
                return f"{format_number(latest.value)}（{latest.year}年，{quality}）"
            return f"{format_number(latest.value)} ({latest.year}, {quality})"
        if column is Column.TARGET:  # in full in its tooltip
            return wording.goal_short(t, lang)
        if column is Column.ACHIEVEMENT:
            value = a.achievement.value
            return DASH if value is None else format_percent(value, zh=lang == "zh")
        if column is Column.STATUS:
            return a.status_text(lang)
        growth = a.required_growth_from_latest.value
        return DASH if growth is None else format_percent(growth, zh=lang == "zh")

    def _sort_key(self, row: TargetProgress, column: Column) -> Any:
        a = row.assessment
        if column is Column.BASELINE:
            return a.baseline_value
        if column is Column.LATEST:
            return None if a.shown_latest is None else a.shown_latest.value
        if column is Column.ACHIEVEMENT:
            return a.achievement.value
        if column is Column.GROWTH:
            return a.required_growth_from_latest.value
        if column is Column.STATUS:
            return _SHOWN_ORDER.index(a.shown)
        return self._text(row, column).casefold()

    def _tooltip(self, row: TargetProgress, column: Column) -> str | None:
        a, lang = row.assessment, self._lang
        if column is Column.STATUS or column is Column.NAME:
            explanation = a.explanation_zh if lang == "zh" else a.explanation_en
            return _html(wording.in_words(row.target, lang), explanation)
        if column is Column.ACHIEVEMENT and a.achievement.value is None:
            return _html(_reason(a.achievement, lang))
        if column is Column.GROWTH:
            growth, amount = a.required_growth_from_latest, a.required_yearly_amount
            if growth.value is None:
                return _html(_reason(growth, lang))
            if amount.value is not None:
                yearly = wording.yearly_change(amount.value, row.target.unit, lang)
                return _html(
                    QCoreApplication.translate("DashboardModel", "{0} a year, or {1}").format(
                        self._text(row, column), yearly
                    )
                )
        if column is Column.LATEST and (latest := a.shown_latest) is not None:
            lines = [self._text(row, column), latest.source]
            if a.latest_age is not None:
                lines.append(_age(latest.year, a.latest_age))
            return _html(*lines)
        if column is Column.TARGET:
            return _html(wording.goal(row.target, lang))
        text = self._text(row, column)
        return _html(text) if text != DASH else None


_NUMERIC = {Column.BASELINE, Column.LATEST, Column.ACHIEVEMENT, Column.GROWTH}


class TargetSortProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE; targets without a value go last in either order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            if a is None and b is None:
                return left.row() < right.row()
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return (a is None) == descending
        if a == b:
            return left.row() < right.row()
        return bool(a < b)


class StatusCountsModel(QAbstractTableModel):
    """Targets per status in each area: an area column, a column per status, and a total;
    rows for the areas, "No area" when some targets have none, and "All"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels: list[str] = []
        self._counts: list[list[int]] = []
        self._columns: list[Shown] = list(STATUS_ORDER)
        self._lang = "en"

    def set_rows(self, areas: Sequence[Area], rows: Sequence[TargetProgress], lang: str) -> None:
        self.beginResetModel()
        self._lang = lang
        shown = [row.assessment.shown for row in rows]
        # a target whose year came unmet, its pace not assessable, is counted as its row says
        self._columns = counted_as(shown)
        width = len(self._columns)
        by_area: dict[int | None, list[int]] = {a.id: [0] * width for a in areas}
        loose = [0] * width
        total = [0] * width
        for row, marked in zip(rows, shown, strict=True):
            column = self._columns.index(marked)
            by_area.get(row.target.area_id, loose)[column] += 1
            total[column] += 1
        self._labels = [wording.area_name(a, lang) for a in areas]
        self._counts = [by_area[a.id] for a in areas]
        if areas and sum(loose):
            self._labels.append(QCoreApplication.translate("DashboardModel", "No area"))
            self._counts.append(loose)
        self._labels.append(QCoreApplication.translate("DashboardModel", "All"))
        self._counts.append(total)
        self.endResetModel()

    def total(self) -> int:
        return sum(self._counts[-1]) if self._counts else 0

    def counts_missed(self) -> bool:
        """Whether the counts have a column of their own for targets marked missed."""
        return MISSED in self._columns

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._counts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns) + 2:
            return None
        if section == 0:
            return (
                QCoreApplication.translate("DashboardModel", "Area")
                if role == Qt.ItemDataRole.DisplayRole
                else None
            )
        if section == len(self._columns) + 1:
            return (
                QCoreApplication.translate("DashboardModel", "Total")
                if role == Qt.ItemDataRole.DisplayRole
                else None
            )
        status = self._columns[section - 1]
        label = status_style.label(status, self._lang)
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            return label
        if role == Qt.ItemDataRole.DecorationRole:
            return status_style.icon(status)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._counts):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.FontRole and row == len(self._counts) - 1:
            font = QApplication.font()
            font.setBold(True)
            return font
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self._labels[row]
            return None
        counts = self._counts[row]
        value = sum(counts) if column == len(self._columns) + 1 else counts[column - 1]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and value == 0:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None
