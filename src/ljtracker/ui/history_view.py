"""A target's revision history: when, who, what, and each value from old to new."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMessageBox, QTableView, QWidget

from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.errors import UserError
from ljtracker.services import editing
from ljtracker.services.revision_text import area_names, describe_revision, units_in_force
from ljtracker.storage import reads
from ljtracker.storage.history import Revision, moment_text, revisions_of_target
from ljtracker.storage.workbook import WorkbookWrittenElsewhere
from ljtracker.ui import i18n
from ljtracker.ui.session import Session

Index = QModelIndex | QPersistentModelIndex


def local_time(at: str) -> str:
    return moment_text(at)[:16]  # to the minute


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._revisions: list[Revision] = []
        self.lang = "en"  # of the field names and choices
        self.areas: Mapping[int, str] = {}
        self._units: list[str] = []  # of the target's figures at each revision

    def set_revisions(
        self,
        revisions: list[Revision],
        lang: str,
        areas: Mapping[int, str] | None = None,
        unit: str = "",
    ) -> None:
        self.beginResetModel()
        self._revisions, self.lang, self.areas = revisions, lang, areas or {}
        self._units = units_in_force(revisions, unit)
        self.endResetModel()

    def revision(self, row: int) -> Revision:
        return self._revisions[row]

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
        rev = self.revision(index.row())
        column = index.column()
        if column == 0:
            return local_time(rev.at) if role == Qt.ItemDataRole.DisplayRole else rev.at
        if column == 1:
            return rev.user
        if column == 2:
            return rev.name.text(self.lang)
        return describe_revision(rev, self.lang, self.areas, self._units[index.row()])


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
        # a change recorded before the workbook was opened here is not on the Undo stack
        self.revert_action = QAction(self.tr("&Revert This Change"), self)
        self.revert_action.setToolTip(
            self.tr("Take back the chosen change as a new change, which Undo takes back in turn")
        )
        self.revert_action.triggered.connect(self.revert_chosen)
        self.revert_action.setEnabled(False)
        self.addAction(self.revert_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.selectionModel().currentChanged.connect(self._update_action)

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
        areas = area_names(wb, self.session.lang)
        target = reads.target_by_id(wb, self._target_id)
        unit = target.unit if target is not None else ""
        self.history_model.set_revisions(revisions, self.session.lang, areas, unit)
        self._fit_columns()
        self._update_action()

    def _update_action(self) -> None:
        writable = not self.session.workbook.read_only
        self.revert_action.setEnabled(writable and self.currentIndex().isValid())

    def revert_chosen(self) -> bool:
        """Revert the change of the chosen row (all it wrote, not only this row), as one step
        of Undo; a refusal is said and changes nothing. False when nothing was reverted."""
        index = self.currentIndex()
        if not index.isValid():
            return False
        revision = self.history_model.revision(index.row())
        change_id = revision.change_id
        session = self.session
        try:
            refused, name = session.tried(
                lambda wb: (
                    editing.history_revert_refusal(wb, change_id),
                    editing.revert_name(wb, change_id),
                )
            )
            if refused is not None:
                raise refused  # said before anything is asked
            if not self._reverts_beyond_agreed(change_id, revision.name):
                return False
            session.apply(name, lambda wb: editing.revert_from_history(wb, change_id, name))
        except WorkbookWrittenElsewhere:
            return False  # the window says so, and opens the workbook again
        except UserError as error:
            QMessageBox.warning(self, self.tr("Not reverted"), i18n.error_text(error, session.lang))
            return False
        return True

    def _reverts_beyond_agreed(self, change_id: int, name: ChangeName) -> bool:
        """A change that wrote beyond this target (a paste, an import) is reverted whole: asked
        first, saying how far it reaches."""
        if self._target_id is None:
            return True
        reach = editing.reach_beyond(self.session.workbook, change_id, self._target_id)
        if not reach.beyond:
            return True
        lang = self.session.lang
        said = [
            self.tr("“{name}” reaches beyond this target's figures.").format(name=name.text(lang))
        ]
        if reach.figures:
            said.append(
                self.tr(
                    "Other targets it also changed: {targets}; their figures: {figures}."
                ).format(targets=reach.targets, figures=reach.figures)
            )
        elif reach.targets:
            said.append(
                self.tr("Other targets whose definitions it also changed: {targets}.").format(
                    targets=reach.targets
                )
            )
        if reach.structure:
            said.append(self.tr("It also changed plans or areas."))
        if reach.deletes_target:
            said.append(self.tr("It created this target: reverting it deletes the target."))
        text = ("" if lang == "zh" else " ").join(said) + "\n\n"
        text += self.tr(
            "Reverting takes all of it back, as one step that Undo takes back. Revert it?"
        )
        answer = QMessageBox.question(
            self,
            self.tr("Revert a change that reaches further?"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _fit_columns(self) -> None:
        for column in range(3):
            self.resizeColumnToContents(column)
        self.horizontalHeader().resizeSection(2, min(self.columnWidth(2), 320))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._load()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the language's font comes after its words
            self._fit_columns()
