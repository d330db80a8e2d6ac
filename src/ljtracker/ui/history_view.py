"""A target's revision history: when, who, what, and each value from old to new."""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ljtracker.domain.explain import format_number
from ljtracker.domain.model import Comparator, Direction, Kind, Quality, Trajectory
from ljtracker.domain.wording import area_name
from ljtracker.services.import_plan import field_name
from ljtracker.sheets.template import choice_word
from ljtracker.storage import reads
from ljtracker.storage.history import Revision, revisions_of_target
from ljtracker.storage.writer import Entity
from ljtracker.ui.quality_text import quality_label
from ljtracker.ui.session import Session

Index = QModelIndex | QPersistentModelIndex
DASH = "—"
_QUIET_FIELDS = {"id", "plan_id", "target_id", "position"}
_CHOICES: dict[str, type[Enum]] = {
    "kind": Kind,
    "comparator": Comparator,
    "direction": Direction,
    "trajectory": Trajectory,
}


def local_time(at: str) -> str:
    try:
        return datetime.datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return at


def _shown(key: str, value: Any, areas: Mapping[int, str]) -> str:
    if value is None or value == "" or value == "[]":
        return DASH
    if key == "area_id":
        return areas.get(value) or QCoreApplication.translate(
            "HistoryView", "an area since deleted"
        )
    if key.endswith("year"):
        return str(value)
    if key == "milestones":
        steps = json.loads(value)  # [[year, value], ...], as storage.rows writes them
        return ", ".join(f"{year}: {format_number(float(amount))}" for year, amount in steps)
    if isinstance(value, float | int) and not isinstance(value, bool):
        return format_number(float(value))
    return str(value)


def _figure(row: dict[str, Any] | None, lang: str) -> str:
    if row is None:
        return DASH
    quality = quality_label(Quality(row["quality"])) if row.get("quality") else ""
    text = f"{row['year']}: {format_number(row['value'])}"
    if not quality:
        return text
    return f"{text}（{quality}）" if lang == "zh" else f"{text} ({quality})"


# Target fields the template has no column for, or names differently.
_OTHER_FIELDS = {
    "area_id": ("area", "领域"),
    "milestones": ("milestones", "阶段目标"),
    "natural_limit": ("natural limit", "自然上限"),
}


def _field(key: str, lang: str) -> str:
    if key in _OTHER_FIELDS:
        return _OTHER_FIELDS[key][lang == "zh"]
    return field_name(key, "zh") if lang == "zh" else key.replace("_", " ")


def _choice(key: str, value: Any, lang: str) -> Any:
    """A kind, comparator, direction or trajectory as the template words it in Chinese."""
    kind = _CHOICES.get(key)
    if lang != "zh" or kind is None or not value:
        return value
    return choice_word(kind(value), lang)


def describe_revision(
    rev: Revision, lang: str = "en", areas: Mapping[int, str] | None = None
) -> str:
    """The revision's old → new, naming only the fields that changed (`areas`: the areas'
    names by id)."""
    if rev.entity is Entity.OBSERVATION and (rev.old is None or rev.new is None):
        return f"{_figure(rev.old, lang)} → {_figure(rev.new, lang)}"
    if rev.old is None or rev.new is None:
        row = rev.new or rev.old or {}
        name = str(row.get("code", row.get("id", "")))
        return f"{DASH} → {name}" if rev.old is None else f"{name} → {DASH}"
    changed = [
        key for key in rev.new if key not in _QUIET_FIELDS and rev.new.get(key) != rev.old.get(key)
    ]
    parts = []
    for key in changed:
        old, new = rev.old.get(key), rev.new.get(key)
        if key in ("quality", "baseline_quality"):
            old, new = (quality_label(Quality(v)) if v else v for v in (old, new))
        else:
            old, new = _choice(key, old, lang), _choice(key, new, lang)
        colon = "：" if lang == "zh" else ": "
        shown_old, shown_new = (_shown(key, v, areas or {}) for v in (old, new))
        parts.append(f"{_field(key, lang)}{colon}{shown_old} → {shown_new}")
    prefix = f"{rev.new['year']} " if rev.entity is Entity.OBSERVATION else ""
    return prefix + ("；" if lang == "zh" else "; ").join(parts)


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._revisions: list[Revision] = []
        self.lang = "en"  # of the field names and choices
        self.areas: Mapping[int, str] = {}

    def set_revisions(
        self, revisions: list[Revision], lang: str, areas: Mapping[int, str] | None = None
    ) -> None:
        self.beginResetModel()
        self._revisions, self.lang, self.areas = revisions, lang, areas or {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._revisions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Old → new")]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        rev = self._revisions[index.row()]
        column = index.column()
        if column == 0:
            return local_time(rev.at) if role == Qt.ItemDataRole.DisplayRole else rev.at
        if column == 1:
            return rev.user
        if column == 2:
            return rev.description
        return describe_revision(rev, self.lang, self.areas)


class HistoryView(QTableView):
    """The revisions of the shown target and of its figures, newest first."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.history_model = HistoryModel(self)
        self._target_id: int | None = None
        self._stale = False
        self.setModel(self.history_model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def show_target(self, target_id: int) -> None:
        """Show this target's revisions; put aside in its tab, it reads them when shown, so
        that an edit on the yearly figures does not query the history each time."""
        self._target_id = target_id
        self._stale = True
        if not (self.parentWidget() is not None and self.isHidden()):
            self._load()

    def _load(self) -> None:
        self._stale = False
        if self._target_id is None:
            return
        wb = self.session.workbook
        revisions = revisions_of_target(wb, self._target_id)
        every_area = [a for plan in reads.plans(wb) if plan.id for a in reads.areas(wb, plan.id)]
        areas = {a.id: area_name(a, self.session.lang) for a in every_area if a.id is not None}
        self.history_model.set_revisions(revisions, self.session.lang, areas)
        self._fit_columns()

    def _fit_columns(self) -> None:
        for column in range(3):
            self.resizeColumnToContents(column)
        self.horizontalHeader().resizeSection(2, min(self.columnWidth(2), 320))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._load()
