"""The open workbook as the window sees it: the file, the undo stack, the as-of year."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ljtracker.domain import change_names as names
from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Settings
from ljtracker.services.changes import Changes
from ljtracker.services.progress import ProgressCache
from ljtracker.services.settings import load_settings
from ljtracker.storage.workbook import (
    Workbook,
    WorkbookError,
    WorkbookWrittenElsewhere,
    changes_on_disk,
)

ServiceAction = Callable[[Workbook], Changes]
T = TypeVar("T")


class ChangeCommand(QUndoCommand):
    """One user action, already applied; undo and redo revert recorded changes."""

    def __init__(self, session: Session, changes: Changes, name: ChangeName) -> None:
        super().__init__(name.text(session.lang))
        self.name = name
        self._session = session
        self._applied = changes.change_id
        self._reverted: int | None = None
        self._skip_next = True  # the first redo: the change was made already

    def redo(self) -> None:
        if self._pass_over():
            return
        assert self._reverted is not None
        changes = self._revert(self._reverted, names.redo(self.name))
        self._applied = changes.change_id
        self._session.remember(changes)
        self._session.changed.emit(changes)

    def undo(self) -> None:
        if self._pass_over():
            return
        assert self._applied is not None
        changes = self._revert(self._applied, names.undo(self.name))
        self._reverted = changes.change_id
        self._session.changed.emit(changes)

    @property
    def applied(self) -> int | None:
        """The recorded change that made this step last: its own, or its redo's."""
        return self._applied

    def _pass_over(self) -> bool:
        skip, self._skip_next = self._skip_next, False
        return skip

    def _revert(self, change_id: int, name: ChangeName) -> Changes:
        # Loaded here, not with the window: the view that made the change has loaded it already.
        from ljtracker.services.editing import undo_recorded

        try:
            self._session.check_no_other_writer()
            # refused, as `revert` is, while a later change to the same rows is in effect: one
            # written by another program (whose lock was taken away) would be lost
            return undo_recorded(self._session.workbook, change_id, name)
        except BaseException as error:
            # The stack counts this step as done; moving it back must not run the step again.
            self._skip_next = True
            if isinstance(error, WorkbookError):
                self._session.refused(error)
            raise


class Session(QObject):
    """Holds the open workbook. Views listen to `changed`; edits go through `apply`."""

    changed = Signal(object)  # Changes
    not_saved = Signal()  # a change could not be written
    # another program wrote into the file: what the views show is no longer what it holds
    written_elsewhere = Signal()
    as_of_changed = Signal(object)  # int | None
    settings_changed = Signal()

    def __init__(self, workbook: Workbook, lang: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.lang = lang  # "zh" or "en": which names and explanations the views show
        self.undo_stack = QUndoStack(self)
        self.as_of_year: int | None = None
        self.report_choices: object | None = None  # the report dialog's, kept while open
        self.settings: Settings = load_settings(workbook)
        self._made: dict[int, str] = {}  # when each change made here was recorded
        # Connected first, so that every view that redraws on a change reads the new figures.
        self.progress = ProgressCache(workbook)
        self.changed.connect(self.progress.forget)
        self.changed.connect(self._reload_settings)

    def apply(self, name: ChangeName, action: ServiceAction) -> Changes:
        """Run a service; a change that happened becomes one undo step.

        Raises the service's error (EditError, WorkbookError) with nothing changed.
        """
        with self._guarded():
            changes = action(self.workbook)
        if not changes.empty:
            self.remember(changes)
            self.undo_stack.push(ChangeCommand(self, changes, name))
            self.changed.emit(changes)
        return changes

    def tried(self, trial: Callable[[Workbook], T]) -> T:
        """Run a service that reads what a change would do (whether a revert can be made, what
        it is called), refused as a change is when the file has changed under the window."""
        with self._guarded():
            return trial(self.workbook)

    @contextmanager
    def _guarded(self) -> Iterator[None]:
        try:
            self.check_no_other_writer()
            yield
        except WorkbookError as error:
            self.refused(error)
            raise

    def remember(self, changes: Changes) -> None:
        """Keep when a change made here was recorded, for `lost_changes`."""
        newest = self.workbook.newest_change  # noted as the change was written
        if newest is not None and newest[0] == changes.change_id:
            self._made[newest[0]] = newest[1]

    @property
    def made_changes(self) -> bool:
        """Whether any change was written from here (an undo or redo is one)."""
        return bool(self._made)

    def lost_changes(self) -> list[ChangeName]:
        """The steps made here and not undone whose change the file on disk no longer holds
        (an older copy was written over it), oldest first; none when it cannot be read."""
        done = [self.undo_stack.command(i) for i in range(self.undo_stack.index())]
        steps = [(c.applied, c.name) for c in done if isinstance(c, ChangeCommand) and c.applied]
        held = changes_on_disk(self.workbook.path, [number for number, _ in steps])
        if held is None:
            return []
        return [name for number, name in steps if held.get(number) != self._made.get(number)]

    def check_no_other_writer(self) -> None:
        """Before a change is checked against what the window shows (a target still there, a
        step still undoable): refuse it when the file has changed under the window."""
        if not self.workbook.read_only:
            self.workbook.check_still_there()

    def refused(self, error: WorkbookError) -> None:
        """Tell the views that a change was not written, and why when they must act on it."""
        self.not_saved.emit()
        if isinstance(error, WorkbookWrittenElsewhere):
            self.written_elsewhere.emit()

    def set_language(self, lang: str) -> None:
        """Show names and explanations in `lang`, the undo steps' names too."""
        self.lang = lang
        for index in range(self.undo_stack.count()):
            command = self.undo_stack.command(index)
            if isinstance(command, ChangeCommand):
                command.setText(command.name.text(lang))

    def set_as_of_year(self, year: int | None) -> None:
        if year != self.as_of_year:
            self.as_of_year = year
            self.as_of_changed.emit(year)

    def _reload_settings(self, changes: Changes) -> None:
        if changes.settings:
            self.settings = load_settings(self.workbook)
            self.settings_changed.emit()

    def close(self) -> None:
        self.undo_stack.clear()
        self.workbook.close()
