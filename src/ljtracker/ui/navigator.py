"""The navigator: a filterable tree of plans, areas and targets with their statuses."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ljtracker.domain.model import Plan
from ljtracker.services.changes import Changes
from ljtracker.services.progress import TargetProgress
from ljtracker.storage import reads
from ljtracker.storage.workbook import WorkbookError
from ljtracker.ui.lazy_view import LazyView
from ljtracker.ui.navigator_model import (
    SEARCH_ROLE,
    NavigatorModel,
    NodeKey,
    NodeKind,
    PlanOutline,
    key_of,
    path_of,
)
from ljtracker.ui.session import Session


class _FilterEdit(QLineEdit):
    """The filter box: Down or Enter moves into the tree, Escape clears."""

    leave_down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.leave_down.emit()
        elif event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
        else:
            super().keyPressEvent(event)


class Navigator(LazyView):
    """Selecting a node emits plan_selected, area_selected(plan_id, area_id) or target_selected;
    Enter (or the platform's activation) emits it again."""

    plan_selected = Signal(int)
    area_selected = Signal(int, int)
    target_selected = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._quiet = False
        self._expanded_before_filter: set[NodeKey] | None = None
        self._shown: NodeKey | None = None  # the node last announced: the page shown
        self._shown_once = False  # the first tree is shown as the window opens, plans open
        self._plans: dict[int, Plan] = {}  # those in the tree, by id

        self._model = NavigatorModel(self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._proxy.setFilterRole(SEARCH_ROLE)
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._proxy.setRecursiveFilteringEnabled(True)
        self._proxy.setAutoAcceptChildRows(True)

        self._filter = _FilterEdit(self)
        self._filter.setClearButtonEnabled(True)
        self._filter.textChanged.connect(self._apply_filter)
        self._filter.leave_down.connect(self._enter_tree)

        self._tree = QTreeView(self)
        self._tree.setModel(self._proxy)
        self._tree.setHeaderHidden(True)
        self._tree.setUniformRowHeights(True)
        self._tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self._tree.activated.connect(self._on_activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._filter)
        layout.addWidget(self._tree)
        self.setFocusProxy(self._tree)

        session.changed.connect(self._on_changed)
        session.as_of_changed.connect(self.refresh_statuses)
        session.settings_changed.connect(self.refresh_statuses)
        self._retranslate()
        self.reload()
        self._expand_plans()

    # --- what the main window calls

    def select_plan(self, plan_id: int) -> None:
        self._select((NodeKind.PLAN, plan_id))

    def select_area(self, area_id: int) -> None:
        self._select((NodeKind.AREA, area_id))

    def select_target(self, target_id: int) -> None:
        """Make the target current (emits target_selected when the selection changes)."""
        self._select((NodeKind.TARGET, target_id))

    def filter_text(self) -> str:
        return self._filter.text()

    def set_filter_text(self, text: str) -> None:
        self._filter.setText(text)

    def opened(self) -> set[NodeKey]:
        """The plans and areas open in the tree; while a filter opens all, those open before."""
        if self._expanded_before_filter is not None:
            return set(self._expanded_before_filter)
        return self._expanded_keys()

    def open_nodes(self, keys: Iterable[NodeKey]) -> None:
        """Open those plans and areas that are in the tree, and close the others."""
        with self._quietly():
            self._restore_expansion(set(keys))

    def focus_filter(self) -> None:
        self._filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._filter.selectAll()

    def current_selection(self) -> tuple[str, int] | None:
        key = key_of(self._tree.currentIndex())
        return None if key is None else (key[0].value, key[1])

    def reload(self) -> None:
        """Rebuild the tree from the workbook, keeping the selection and the expanded nodes."""
        current = path_of(self._tree.currentIndex())
        expanded = self._expanded_keys()
        known = self._keys()
        with self._quietly():
            self._model.populate(self._outlines(), self._session.lang, self._judge_plan)
            # a plan or area new to the tree (added, or back by an undo) shows its targets
            new = self._keys() - known if self._shown_once else set()
            self._restore_expansion(expanded | new)
        self._shown_once = True
        if current:
            self._restore_current(current)

    def refresh_statuses(self) -> None:
        """Judge every target again (another as-of year or method) as it is shown."""
        self._model.forget_statuses()

    def _outlines(self) -> list[PlanOutline]:
        plans = reads.plans(self._session.workbook)
        self._plans = {plan.id: plan for plan in plans if plan.id is not None}
        outline = self._session.progress.plan_outline
        return [(plan, *outline(plan_id)) for plan_id, plan in self._plans.items()]

    def _judge_plan(self, plan_id: int) -> tuple[TargetProgress, ...]:
        """The plan's targets judged, asked for as the tree paints them: a workbook another
        program holds locked leaves them without a status, not the painting broken."""
        session, plan = self._session, self._plans.get(plan_id)
        if plan is None:
            return ()
        try:
            progress = session.progress.plan_progress(
                plan, as_of_year=session.as_of_year, method=session.settings.method
            )
        except (sqlite3.Error, WorkbookError):
            return ()
        return progress.targets

    # --- reacting to the session

    def _on_changed(self, changes: Changes) -> None:
        if changes.structure or (changes.plan_ids and not changes.target_ids):
            self.reload()
        elif changes.target_ids:
            self._refresh_targets(changes.target_ids)

    def _refresh_targets(self, target_ids: Iterable[int]) -> None:
        session = self._session
        rows = []
        for target_id in sorted(target_ids):
            target = reads.target_by_id(session.workbook, target_id)
            if target is None:
                self.reload()
                return
            rows.append(
                session.progress.target_progress(
                    target, as_of_year=session.as_of_year, method=session.settings.method
                )
            )
        if not self._model.update_targets(rows):
            self.reload()

    def _retranslate(self) -> None:
        self._filter.setPlaceholderText(self.tr("Filter by code or name"))
        self._filter.setToolTip(
            self.tr("Show only plans, areas and targets whose code or name (Chinese or English)")
            + " "
            + self.tr("contains this text")
        )
        self._filter.setAccessibleName(self.tr("Filter"))
        self._tree.setAccessibleName(self.tr("Plans, areas and targets"))

    # --- selection

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet:
            self._announce(current)

    def _on_activated(self, index: QModelIndex) -> None:
        self._announce(index)

    def _announce(self, index: QModelIndex) -> None:
        path = path_of(index)
        if not path:
            return
        self._shown = path[0]
        kind, node_id = path[0]
        plan_id = path[-1][1]
        if kind is NodeKind.PLAN:
            self.plan_selected.emit(node_id)
        elif kind is NodeKind.AREA:
            self.area_selected.emit(plan_id, node_id)
        else:
            self.target_selected.emit(node_id)

    def _select(self, key: NodeKey) -> bool:
        source = self._model.index_of(*key)
        if not source.isValid():
            return False
        index = self._proxy.mapFromSource(source)
        if not index.isValid():  # hidden by the filter
            self._filter.clear()
            index = self._proxy.mapFromSource(source)
        self._tree.scrollTo(index)
        self._tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _restore_current(self, path: list[NodeKey]) -> None:
        """Select the node again after a rebuild, or its nearest surviving parent (announced)."""
        with self._quietly():
            if self._select(path[0]):
                return
        for key in path[1:]:
            if self._select(key):
                return
        if self._proxy.rowCount() > 0:
            first = self._proxy.index(0, 0)
            self._tree.setCurrentIndex(first)

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        was, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = was

    # --- filtering and expansion

    def _apply_filter(self, text: str) -> None:
        text = text.strip()
        if text and self._expanded_before_filter is None:
            self._expanded_before_filter = self._expanded_keys()
        current = path_of(self._tree.currentIndex())
        shown = self._shown or (current[0] if current else None)
        with self._quietly():
            self._proxy.setFilterFixedString(text)
            if text:
                self._tree.expandAll()
            elif self._expanded_before_filter is not None:
                self._restore_expansion(self._expanded_before_filter)
                self._expanded_before_filter = None
            self._keep_shown_current(shown)

    def _keep_shown_current(self, shown: NodeKey | None) -> None:
        """The node whose page is shown stays current while the filter shows it; hidden, no
        node is: Qt would move the cursor to a neighbour unannounced, which the page would not
        follow (and a click on it would announce nothing)."""
        selection = self._tree.selectionModel()
        index = (
            QModelIndex()
            if shown is None
            else self._proxy.mapFromSource(self._model.index_of(*shown))
        )
        if index.isValid():
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._tree.scrollTo(index)
        else:
            selection.clear()

    def _enter_tree(self) -> None:
        """From the filter box: focus the tree on the current target, or the first target shown."""
        self._tree.setFocus(Qt.FocusReason.OtherFocusReason)
        current = key_of(self._tree.currentIndex())
        if current is not None and current[0] is NodeKind.TARGET:
            return
        index = self._first_target(QModelIndex())
        if index.isValid():
            self._tree.setCurrentIndex(index)

    def _first_target(self, parent: QModelIndex) -> QModelIndex:
        for row in range(self._proxy.rowCount(parent)):
            index = self._proxy.index(row, 0, parent)
            key = key_of(index)
            if key is not None and key[0] is NodeKind.TARGET:
                return index
            found = self._first_target(index)
            if found.isValid():
                return found
        return QModelIndex()

    def _walk(self, parent: QModelIndex) -> Iterator[QModelIndex]:
        for row in range(self._proxy.rowCount(parent)):
            index = self._proxy.index(row, 0, parent)
            yield index
            yield from self._walk(index)

    def _keys(self) -> set[NodeKey]:
        return {key for index in self._walk(QModelIndex()) if (key := key_of(index)) is not None}

    def _expanded_keys(self) -> set[NodeKey]:
        return {
            key
            for index in self._walk(QModelIndex())
            if self._tree.isExpanded(index) and (key := key_of(index)) is not None
        }

    def _restore_expansion(self, keys: set[NodeKey]) -> None:
        if self._proxy.filterRegularExpression().pattern():
            self._tree.expandAll()
            return
        self._tree.collapseAll()
        for key in keys:
            index = self._proxy.mapFromSource(self._model.index_of(*key))
            if index.isValid():
                self._tree.expand(index)

    def _expand_plans(self) -> None:
        for row in range(self._proxy.rowCount()):
            self._tree.expand(self._proxy.index(row, 0))
