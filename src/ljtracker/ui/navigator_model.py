"""The navigator's tree: plans, their areas, and targets, each target with its status."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)

from ljtracker.domain import wording
from ljtracker.domain.model import Area, Plan, Target
from ljtracker.domain.progress import Assessment
from ljtracker.domain.status_look import Shown
from ljtracker.services.progress import TargetProgress
from ljtracker.ui import status_style

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # NodeKind value
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the plan's, area's or target's id
PLAN_ROLE = Qt.ItemDataRole.UserRole + 3  # the id of the plan the node belongs to
AREA_ROLE = Qt.ItemDataRole.UserRole + 4  # a target's area id, or None
STATUS_ROLE = Qt.ItemDataRole.UserRole + 5  # a target's Status value
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 6  # code and names in both languages, for the filter
SHOWN_ROLE = Qt.ItemDataRole.UserRole + 7  # what its icon shows: the status, or missed


class NodeKind(StrEnum):
    PLAN = "plan"
    AREA = "area"
    TARGET = "target"


NodeKey = tuple[NodeKind, int]
# a plan with its areas, and its targets area by area
PlanOutline = tuple[Plan, Sequence[Area], Sequence[Target]]
# a plan's targets judged, given the plan's id
Judge = Callable[[int], Iterable[TargetProgress]]

# what a target's node shows of its status
_STATUS_ROLES = frozenset(
    {
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleDescriptionRole,
        STATUS_ROLE,
        SHOWN_ROLE,
    }
)


_icons: dict[tuple[Shown, int], QIcon] = {}


def status_icon(status: Shown, size: int = 16) -> QIcon:
    """The status icon, on a light disc when its row is selected so it stays visible."""
    if (status, size) not in _icons:
        icon = QIcon(status_style.icon(status, size))
        for scale in (1, 2):
            pixmap = QPixmap(size * scale, size * scale)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("white"))
            painter.drawEllipse(QRectF(0, 0, size * scale, size * scale))
            inset = size * scale * 0.15
            box = QRectF(inset, inset, size * scale - 2 * inset, size * scale - 2 * inset)
            status_style.paint_status(painter, box, status)
            painter.end()
            pixmap.setDevicePixelRatio(scale)
            icon.addPixmap(pixmap, QIcon.Mode.Selected)
        _icons[(status, size)] = icon
    return _icons[(status, size)]


def _tooltip(heading: str, *lines: str) -> str:
    """Rich-text tooltip from plain strings, escaped so user data never turns into markup."""
    body = "".join(f"<br>{html.escape(line)}" for line in lines if line)
    return f"<p><b>{html.escape(heading)}</b>{body}</p>"


def _item(
    kind: NodeKind, node_id: int, plan_id: int, text: str, search: Iterable[str]
) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(kind.value, KIND_ROLE)
    item.setData(node_id, ID_ROLE)
    item.setData(plan_id, PLAN_ROLE)
    item.setData(" ".join(s for s in search if s), SEARCH_ROLE)
    return item


class NavigatorModel(QStandardItemModel):
    """Plans → areas → targets; targets without an area sit under the plan, after the areas."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: dict[NodeKey, QStandardItem] = {}
        # Each target is judged when its node is first shown or asked about, with the other
        # targets of its plan: judging a thousand targets held up the window's first paint,
        # when a plan's targets sit in closed areas.
        self._judged: dict[int, tuple[Target, Assessment]] = {}
        self._judge: Judge | None = None
        self._plans_judged: set[int] = set()  # asked once: a plan that gave nothing stays so
        self._lang = "en"

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role in _STATUS_ROLES and super().data(index, KIND_ROLE) == NodeKind.TARGET:
            judged = self._judged_target(
                super().data(index, ID_ROLE), super().data(index, PLAN_ROLE)
            )
            return None if judged is None else self._status_data(role, *judged)
        return super().data(index, role)

    def _judged_target(self, target_id: int, plan_id: int) -> tuple[Target, Assessment] | None:
        judged = self._judged.get(target_id)
        if judged is None and self._judge is not None:
            if plan_id in self._plans_judged:
                return None
            self._plans_judged.add(plan_id)
            for row in self._judge(plan_id):
                if row.target.id is not None:
                    self._judged[row.target.id] = (row.target, row.assessment)
            judged = self._judged.get(target_id)
        return judged

    def _status_data(self, role: int, target: Target, assessment: Assessment) -> Any:
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(assessment.shown)
        if role == STATUS_ROLE:
            return assessment.status.value
        if role == SHOWN_ROLE:
            return str(assessment.shown)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return assessment.status_text(self._lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._target_tooltip(target, assessment)
        return None

    def populate(self, plans: Sequence[PlanOutline], lang: str, judge: Judge) -> None:
        """The tree of the plans given; `judge` judges a plan's targets when they are shown."""
        self._lang = lang
        self._judge = judge
        self.clear()
        self._items = {}
        self._judged = {}
        self._plans_judged = set()
        for plan, areas, targets in plans:
            self.appendRow(self._plan_item(plan, areas, targets))

    def forget_statuses(self) -> None:
        """Judge every target again when next shown (another as-of year or method)."""
        self._judged.clear()
        self._plans_judged.clear()
        roles = list(_STATUS_ROLES)
        parents = [self.invisibleRootItem().child(row) for row in range(self.rowCount())]
        while parents:
            parent = parents.pop()
            count = parent.rowCount()
            if count:
                first, last = parent.child(0).index(), parent.child(count - 1).index()
                self.dataChanged.emit(first, last, roles)
                parents += [parent.child(row) for row in range(count)]

    def _plan_item(
        self, plan: Plan, areas: Sequence[Area], targets: Sequence[Target]
    ) -> QStandardItem:
        assert plan.id is not None
        item = self._plan_node(plan)
        area_items: dict[int, QStandardItem] = {}
        for area in areas:
            assert area.id is not None
            area_item = self._area_node(area)
            area_items[area.id] = area_item
        loose: list[QStandardItem] = []
        for target in targets:
            target_item = self._target_node(target)
            parent = area_items.get(target.area_id or -1)
            if parent is None:
                loose.append(target_item)
            else:
                parent.appendRow(target_item)
        # targets of no area come first, so that none reads as part of the last area
        for child in [*loose, *area_items.values()]:
            item.appendRow(child)
        for area in areas:
            assert area.id is not None
            count = area_items[area.id].rowCount()
            area_items[area.id].setToolTip(
                _tooltip(
                    wording.area_name(area, self._lang),
                    QCoreApplication.translate("NavigatorModel", "{0} targets").format(count),
                )
            )
        return item

    def _plan_node(self, plan: Plan) -> QStandardItem:
        assert plan.id is not None
        title = wording.title(plan, self._lang)
        item = _item(
            NodeKind.PLAN,
            plan.id,
            plan.id,
            f"{plan.code}  {title}",
            (plan.code, plan.title_zh, plan.title_en),
        )
        period = QCoreApplication.translate("NavigatorModel", "Plan period {0}–{1}").format(
            plan.start_year, plan.end_year
        )
        item.setToolTip(_tooltip(f"{plan.code}  {title}", period, plan.issuer))
        self._items[(NodeKind.PLAN, plan.id)] = item
        return item

    def _area_node(self, area: Area) -> QStandardItem:
        assert area.id is not None
        item = _item(
            NodeKind.AREA,
            area.id,
            area.plan_id,
            wording.area_name(area, self._lang),
            (area.name_zh, area.name_en),
        )
        self._items[(NodeKind.AREA, area.id)] = item
        return item

    def _target_node(self, target: Target) -> QStandardItem:
        assert target.id is not None
        item = _item(NodeKind.TARGET, target.id, target.plan_id, "", ())
        self._items[(NodeKind.TARGET, target.id)] = item
        self._fill_target(item, target)
        return item

    def _fill_target(self, item: QStandardItem, target: Target) -> None:
        text = f"{target.code}  {wording.name(target, self._lang)}"
        # Each value set is a change the tree reacts to: only what differs is set.
        for role, value in (
            (Qt.ItemDataRole.DisplayRole, text),
            (AREA_ROLE, target.area_id),
            (SEARCH_ROLE, " ".join((target.code, target.name_zh, target.name_en))),
        ):
            if item.data(role) != value:
                item.setData(value, role)

    def _target_tooltip(self, target: Target, assessment: Assessment) -> str:
        label = assessment.status_text(self._lang)
        explanation = assessment.explanation_zh if self._lang == "zh" else assessment.explanation_en
        return _tooltip(
            f"{target.code}  {wording.name(target, self._lang)}",
            QCoreApplication.translate("NavigatorModel", "Status: {0}").format(label),
            explanation,
        )

    def update_targets(self, rows: Iterable[TargetProgress]) -> bool:
        """Refresh names and statuses in place; False when a target is not where the tree has it
        (added, deleted or moved), so the tree must be rebuilt."""
        for row in rows:
            target: Target = row.target
            assert target.id is not None
            item = self._items.get((NodeKind.TARGET, target.id))
            if item is None or not self._in_place(item, target):
                return False
            self._fill_target(item, target)
            self._judged[target.id] = (target, row.assessment)
            item.emitDataChanged()
        return True

    def _in_place(self, item: QStandardItem, target: Target) -> bool:
        parent = item.parent()
        if parent is None or item.data(PLAN_ROLE) != target.plan_id:
            return False
        kind, parent_id = parent.data(KIND_ROLE), parent.data(ID_ROLE)
        if target.area_id is None or (NodeKind.AREA, target.area_id) not in self._items:
            return bool(kind == NodeKind.PLAN.value)
        return bool(kind == NodeKind.AREA.value and parent_id == target.area_id)

    def index_of(self, kind: NodeKind, node_id: int) -> QModelIndex:
        item = self._items.get((kind, node_id))
        return QModelIndex() if item is None else self.indexFromItem(item)


def key_of(index: QModelIndex) -> NodeKey | None:
    """The (kind, id) of a node, through any proxy."""
    if not index.isValid():
        return None
    return NodeKind(index.data(KIND_ROLE)), int(index.data(ID_ROLE))


def path_of(index: QModelIndex) -> list[NodeKey]:
    """The keys from the node up to its plan, the node first."""
    keys = []
    while index.isValid():
        key = key_of(index)
        if key is not None:
            keys.append(key)
        index = index.parent()
    return keys
