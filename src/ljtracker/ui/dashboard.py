"""The plan dashboard: counts per status and area, the targets table and the overview chart."""

from __future__ import annotations

import heapq

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QIcon, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ljtracker.domain import explain, wording
from ljtracker.domain.model import Area
from ljtracker.services.changes import Changes
from ljtracker.services.progress import PlanProgress
from ljtracker.storage import reads
from ljtracker.ui.dashboard_model import (
    TARGET_ID_ROLE,
    VALUE_ROLE,
    Column,
    StatusCountsModel,
    TargetSortProxy,
    TargetTableModel,
)
from ljtracker.ui.delegates_bar import AchievementBarDelegate
from ljtracker.ui.lazy_view import LazyView
from ljtracker.ui.overview_chart import OverviewChart, StatusLegend
from ljtracker.ui.session import Session

# the latest figure with its year and quality, "5,360（2026年，初步）", needs about 200
MAX_COLUMN_WIDTH = {Column.NAME: 340, Column.TARGET: 240, Column.LATEST: 240, Column.UNIT: 96}
# The order the columns are shown in: the status and how far along first, so that a narrow
# window shows them too, then the figures behind them.
SHOWN_ORDER = (
    Column.CODE,
    Column.NAME,
    Column.STATUS,
    Column.ACHIEVEMENT,
    Column.UNIT,
    Column.BASELINE,
    Column.LATEST,
    Column.TARGET,
    Column.GROWTH,
)
# (column, narrowest width) in the order columns give up width when the table is too narrow
# The name tells targets apart ("Share of Chongqing's GDP", "… industrial output"), so the
# target and latest figure, whose tooltips say all, give up width before it goes below 160.
SHRINK_STEPS = (
    (Column.NAME, 200),
    (Column.UNIT, 60),
    (Column.TARGET, 140),
    (Column.LATEST, 130),
    (Column.NAME, 160),
    (Column.ACHIEVEMENT, 110),
    (Column.NAME, 130),
    (Column.STATUS, 160),  # a long status ("Missed (…) ⚠") is elided; its tooltip says all
    (Column.TARGET, 120),
    (Column.LATEST, 120),
    (Column.STATUS, 130),
)
MAX_AREA_WIDTH = 220
CHART_MIN_WIDTH = 240
CHART_MIN_HEIGHT = 300
ICON_SIZE = 18


class NameDelegate(QStyledItemDelegate):
    """A name cut in the middle in English, where names end in what tells them apart ("Share
    of Chongqing's … output value"), and at the end in Chinese, where they begin with it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.elide = Qt.TextElideMode.ElideRight

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = self.elide


class IconHeader(QHeaderView):
    """Horizontal header that draws a section with an icon as the icon alone, centred; the label
    stays the section's text for tooltips and screen readers, and the legend names the icons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(False)

    def _icon(self, section: int) -> QIcon | None:
        model = self.model()
        icon = (
            None
            if model is None
            else model.headerData(section, self.orientation(), Qt.ItemDataRole.DecorationRole)
        )
        return icon if isinstance(icon, QIcon) else None

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        icon = self._icon(section)
        if icon is None:
            super().paintSection(painter, rect, section)
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        self.initStyleOptionForIndex(option, section)
        option.rect = rect
        option.text = ""
        option.icon = QIcon()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        side = ICON_SIZE
        target = QRect(0, 0, side, side)
        target.moveCenter(rect.center())
        icon.paint(painter, target)

    def sectionSizeFromContents(self, section: int) -> QSize:
        size = super().sectionSizeFromContents(section)
        if self._icon(section) is None:
            return size
        digits = self.fontMetrics().horizontalAdvance("000")
        return QSize(max(ICON_SIZE, digits) + 16, size.height())


class DashboardView(LazyView):
    """Shows one plan (or one of its areas); double-click or Enter on a target emits
    target_activated, as does a click on its point in the chart."""

    target_activated = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._plan_id: int | None = None
        self._area_id: int | None = None
        self._progress: PlanProgress | None = None
        self._widths = [100] * len(Column)  # natural column widths, long ones capped

        self._title = QLabel(self)
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        self._title.setWordWrap(True)
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self._title.setFont(font)
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._subtitle = QLabel(self)
        self._subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self._subtitle.setWordWrap(True)

        self.counts_model = StatusCountsModel(self)
        self._counts = QTableView(self)
        self._counts.setTabKeyNavigation(False)
        self._counts.setHorizontalHeader(IconHeader(self._counts))
        self._counts.setModel(self.counts_model)
        self._counts.verticalHeader().hide()
        self._counts.verticalHeader().setDefaultSectionSize(self._counts.fontMetrics().height() + 6)
        self._counts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._counts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._counts.setWordWrap(False)
        self._counts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._counts.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

        self.chart = OverviewChart(self)
        self.chart.target_clicked.connect(self.target_activated)

        self.table_model = TargetTableModel(self)
        self.proxy = TargetSortProxy(self)
        self.proxy.setSourceModel(self.table_model)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # rows to choose from: Tab goes on past them
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(
            Column.ACHIEVEMENT, AchievementBarDelegate(VALUE_ROLE, self.table)
        )
        self._names = NameDelegate(self.table)
        self.table.setItemDelegateForColumn(Column.NAME, self._names)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        row_height = self.table.fontMetrics().height() + 10
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        header = self.table.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for visual, column in enumerate(SHOWN_ORDER):
            header.moveSection(header.visualIndex(column), visual)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._on_activated)
        self.table.viewport().installEventFilter(self)

        self.chart.setMinimumWidth(CHART_MIN_WIDTH)
        counts_pane = QWidget(self)  # lets the row grow taller than the counts table
        counts_layout = QVBoxLayout(counts_pane)
        counts_layout.setContentsMargins(0, 0, 0, 0)
        counts_layout.addWidget(self._counts)
        self.legend = StatusLegend(session.lang, columns=3, parent=counts_pane)
        counts_layout.addWidget(self.legend)
        counts_layout.addStretch(1)
        self._top = QSplitter(Qt.Orientation.Horizontal, self)
        self._top.addWidget(counts_pane)
        self._top.addWidget(self.chart)
        self._top.setStretchFactor(1, 1)
        self._top.setChildrenCollapsible(False)
        self._splitter = QSplitter(Qt.Orientation.Vertical, self)
        self._splitter.addWidget(self._top)
        self._splitter.addWidget(self.table)
        self._splitter.setStretchFactor(1, 1)
        self._splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._subtitle)
        layout.addWidget(self._splitter, 1)
        self.setFocusProxy(self.table)

        session.changed.connect(self._on_changed)
        session.as_of_changed.connect(self._reload_when_shown)
        session.settings_changed.connect(self._reload_when_shown)
        # No "no plan" state is drawn here: the page is shown only once it has a plan.
        self._name_tables()

    def show_plan(self, plan_id: int, area_id: int | None = None) -> None:
        """Show the plan, or only the targets of one of its areas."""
        self._plan_id, self._area_id = plan_id, area_id
        self.reload()
        self._share_space()

    def _reload_when_shown(self) -> None:
        """Reload now, or when shown again if the window has put this page aside."""
        if self.parentWidget() is not None and self.isHidden():
            self._stale = True
        else:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        session = self._session
        plan = None if self._plan_id is None else reads.plan_by_id(session.workbook, self._plan_id)
        if plan is None:
            self._show_nothing()
            return
        progress = session.progress.plan_progress(
            plan, as_of_year=session.as_of_year, method=session.settings.method
        )
        self._progress = progress
        area = next((a for a in progress.areas if a.id == self._area_id), None)
        rows = [r for r in progress.targets if area is None or r.target.area_id == area.id]
        lang = session.lang

        self._title.setText(f"{plan.code}  {wording.title(plan, lang)}")
        self.legend.set_language(lang)
        self._subtitle.setText(self._subtitle_text(progress, area))
        self.counts_model.set_rows(progress.areas, progress.targets, lang)
        self.legend.show_missed(self.counts_model.counts_missed())
        self._fit_counts()
        self.chart.set_rows(rows, lang, of_area=area is not None)
        selected = self._selected_target()
        self._names.elide = (
            Qt.TextElideMode.ElideRight if lang == "zh" else Qt.TextElideMode.ElideMiddle
        )
        self.table_model.set_rows(rows, lang)
        # a column of dashes only, as of the plan's end, would take the names' room
        hide_growth = not self.table_model.needs_growth_column()
        self.table.setColumnHidden(Column.GROWTH, hide_growth)
        if hide_growth and self.proxy.sortColumn() == Column.GROWTH:  # no order by a hidden one
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.proxy.sort(-1)
        self._fit_columns()
        if selected is not None:
            self._select_target(selected)

    def _subtitle_text(self, progress: PlanProgress, area: Area | None) -> str:
        plan = progress.plan
        parts = [self.tr("Plan period {0}–{1}").format(plan.start_year, plan.end_year)]
        if self._session.as_of_year is None:
            parts.append(self.tr("Status from the latest figures"))
        else:
            parts.append(self.tr("Status as of {0}").format(self._session.as_of_year))
        method = explain.method_name(progress.settings.method, self._session.lang)
        parts.append(self.tr("Method: {0}").format(method))
        if area is not None:
            name = wording.area_name(area, self._session.lang)
            parts.insert(0, self.tr("Area: {0}").format(name))
        return "  ·  ".join(parts)

    def _show_nothing(self) -> None:
        self._progress = None
        self._title.setText(self.tr("No plan selected"))
        self._subtitle.setText(self.tr("Choose a plan or an area in the navigator."))
        self.counts_model.set_rows([], [], self._session.lang)
        self.chart.set_rows([], self._session.lang)
        self.table_model.set_rows([], self._session.lang)

    def _on_changed(self, changes: Changes) -> None:
        if self._plan_id is None:
            return
        shown = set() if self._progress is None else {r.target.id for r in self._progress.targets}
        if (
            changes.structure
            or self._plan_id in changes.plan_ids
            or not shown.isdisjoint(changes.target_ids)
        ):
            self._reload_when_shown()

    def _retranslate(self) -> None:
        self._name_tables()
        if self._plan_id is None:
            self._show_nothing()

    def _name_tables(self) -> None:
        self.table.setAccessibleName(self.tr("Targets of the plan"))
        self._counts.setAccessibleName(self.tr("Targets per status and area"))

    def _on_activated(self, index: QModelIndex) -> None:
        target_id = index.data(TARGET_ID_ROLE)
        if target_id is not None:
            self.target_activated.emit(int(target_id))

    def _selected_target(self) -> int | None:
        index = self.table.currentIndex()
        return None if not index.isValid() else index.data(TARGET_ID_ROLE)

    def _select_target(self, target_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(TARGET_ID_ROLE) == target_id:
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_flexible_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Columns as wide as their contents, long texts capped (full text in the tooltip)."""
        header = self.table.horizontalHeader()
        self._widths = [
            0
            if header.isSectionHidden(c)
            else min(
                max(self._content_width(c), header.sectionSizeHint(c)),
                MAX_COLUMN_WIDTH.get(c, 1000),
            )
            for c in Column
        ]
        for column in Column:
            header.resizeSection(column, self._widths[column])
        self._fit_flexible_columns()

    def _content_width(self, column: Column) -> int:
        """The width sizeHintForColumn gives the column, found by asking the delegate of the
        few cells whose text is widest (its widest line): asking every cell held up a large
        plan's opening."""
        table, model = self.table, self.table_model
        cells = model.cells(column)
        view_metrics = table.fontMetrics()

        def text_width(row: int) -> int:
            text, font = cells[row]
            metrics = view_metrics if font is None else QFontMetrics(font)
            return metrics.size(0, text).width()

        widest = heapq.nlargest(3, range(len(cells)), key=text_width)
        hints = [
            table.sizeHintForIndex(self.proxy.mapFromSource(model.index(row, column))).width()
            for row in widest
        ]
        return max(hints, default=0) + (1 if table.showGrid() else 0)

    def _fit_flexible_columns(self) -> None:
        """Give up width where the table is too narrow: first from the name, then the target
        and the latest figure, each down to a floor; beyond that the table scrolls."""
        widths = list(self._widths)
        excess = sum(widths) - self.table.viewport().width()
        for column, floor in SHRINK_STEPS:
            if excess <= 0:
                break
            give = max(0, min(excess, widths[column] - floor))
            widths[column] -= give
            excess -= give
        header = self.table.horizontalHeader()
        for column in Column:
            if header.sectionSize(column) != widths[column] and not header.isSectionHidden(column):
                header.resizeSection(column, widths[column])

    def _share_space(self) -> None:
        """Give the counts table its natural size and the chart the rest of the top row."""
        counts = self._counts.width()
        self._top.setSizes([counts, max(CHART_MIN_WIDTH, self._top.width() - counts)])
        top = max(CHART_MIN_HEIGHT, self._counts.height() + self.legend.sizeHint().height())
        self._splitter.setSizes([top, max(1, self._splitter.height() - top)])

    def _fit_counts(self) -> None:
        view = self._counts
        view.resizeColumnsToContents()
        header = view.horizontalHeader()
        if header.sectionSize(0) > MAX_AREA_WIDTH:
            header.resizeSection(0, MAX_AREA_WIDTH)
        frame = view.frameWidth() * 2
        view.setFixedSize(
            header.length() + frame, header.height() + view.verticalHeader().length() + frame
        )
