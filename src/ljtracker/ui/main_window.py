"""The main window: lays out the views, menus and toolbar, and wires them to the session."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer
from PySide6.QtGui import (
    QActionGroup,
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from ljtracker import __version__
from ljtracker.domain import change_names as names
from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.errors import UserError
from ljtracker.domain.model import Settings
from ljtracker.services.changes import Changes
from ljtracker.services.settings import save_settings
from ljtracker.storage import reads
from ljtracker.storage.atomic import OutputError
from ljtracker.storage.workbook import (
    Workbook,
    WorkbookError,
    WorkbookWrittenElsewhere,
    being_written,
)
from ljtracker.ui import file_ops, i18n
from ljtracker.ui.actions import Act, ActionRegistry, button_text
from ljtracker.ui.app_settings import AppSettings
from ljtracker.ui.as_of_box import AsOfBox
from ljtracker.ui.figure_delegates import correct_or_drop
from ljtracker.ui.open_editors import drop_typing, finish_typing
from ljtracker.ui.session import ServiceAction, Session
from ljtracker.ui.status_line import StatusLine
from ljtracker.ui.view_switcher import PLAN, YEAR_ENTRY, ViewSwitcher

if TYPE_CHECKING:
    from ljtracker.ui.preferences import Preferences

DEFAULT_SIZE = (1400, 900)
NAVIGATOR_MIN_WIDTH = 180
NAVIGATOR_WIDTH = 340  # at most, at first


class MainWindow(QMainWindow):
    """One workbook at a time; `session` is None while none is open."""

    def __init__(
        self, app_settings: AppSettings, language: str = "system", this_time: str | None = None
    ) -> None:
        """`language`: the user's choice; `this_time`: the language asked for on the command
        line, which the window speaks (and Preferences shows) until another is chosen."""
        super().__init__()
        self.setObjectName("main_window")
        self.app_settings = app_settings
        self.language_choice = this_time or language
        self.lang = i18n.effective_language(self.language_choice)
        self.session: Session | None = None
        self._reopen_pending = False  # after another program wrote into the workbook
        self._follow_pending = False  # a read-only window's look again, while it is written
        self._gone_said: Workbook | None = None  # the workbook whose file was said to be gone
        # a workbook whose file is gone, and its newest change when a copy of it was saved
        self._kept_copy: tuple[Workbook, tuple[int, str] | None] | None = None
        self._forwarding_key = False  # Copy or Paste sent on to a widget that does not take it
        self._undo_group = QUndoGroup(self)
        self.commands = ActionRegistry(self)

        self._stack = QStackedWidget()
        self.start_page = file_ops.StartPage(self._open_dialog, self._new_workbook, self.open_demo)
        self._empty_hint = QLabel()
        self._empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack.addWidget(self.start_page)
        self._stack.addWidget(self._empty_hint)
        self.setCentralWidget(self._stack)
        self._dock = QDockWidget()
        self._dock.setObjectName("navigator_dock")
        self._dock.setMinimumWidth(NAVIGATOR_MIN_WIDTH)  # never squeezed past reading
        self._dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self._dock)
        self.resizeDocks([self._dock], [NAVIGATOR_WIDTH], Qt.Orientation.Horizontal)
        self.switcher = ViewSwitcher(self._stack, self._dock, self.start_page, self._empty_hint)
        self.switcher.may_leave = self._may_leave
        self.switcher.shown_changed.connect(self._on_shown_changed)

        self._view_group = QActionGroup(self)
        self._view_group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self._view_group.addAction(self.commands[Act.VIEW_DASHBOARD])
        self._view_group.addAction(self.commands[Act.VIEW_YEAR_ENTRY])
        self._as_of = AsOfBox(self)
        self._build_menus()
        self._build_toolbar()
        self._status = StatusLine(self)
        self._wire_actions()
        self._retranslate()
        self._set_session(None)

    # --- layout

    def _build_menus(self) -> None:
        bar = self.menuBar()
        a = self.commands
        self._menus: dict[str, QMenu] = {}
        self._recent_menu = QMenu(self)
        self._recent_menu.aboutToShow.connect(self._fill_recent_menu)
        layout: dict[str, list[Act | QMenu | None]] = {
            "file": [Act.NEW, Act.OPEN, self._recent_menu, Act.SAVE_COPY, None,
                     Act.PRINT_PREVIEW, Act.PRINT, Act.EXPORT_PDF, None, Act.IMPORT,
                     Act.EXPORT, Act.BACKUPS, None, Act.CLOSE, Act.QUIT],
            "edit": [Act.UNDO, Act.REDO, None, Act.COPY, Act.PASTE, Act.EDIT_FIGURE, Act.FIND, None,
                     Act.NEW_PLAN, Act.NEXT_PLAN, Act.NEW_AREA, Act.NEW_TARGET, Act.EDIT_ITEM,
                     Act.DELETE_ITEM, Act.MOVE_UP, Act.MOVE_DOWN, None, Act.PREFERENCES],
            "view": [Act.VIEW_DASHBOARD, Act.VIEW_YEAR_ENTRY, None, Act.SHOW_NAVIGATOR],
            "help": [Act.METHOD_HELP, None, Act.ABOUT],
        }  # fmt: skip
        for name, entries in layout.items():
            menu = bar.addMenu("")
            menu.setObjectName(f"menu_{name}")
            self._menus[name] = menu
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                elif isinstance(entry, QMenu):
                    menu.addMenu(entry)
                else:
                    menu.addAction(a[entry])

    def _build_toolbar(self) -> None:
        self._toolbar = self.addToolBar("")
        self._toolbar.setObjectName("main_toolbar")
        self._toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        entries = (Act.OPEN, None, Act.UNDO, Act.REDO, None, Act.VIEW_DASHBOARD,
                   Act.VIEW_YEAR_ENTRY, None, Act.NEW_TARGET, Act.PRINT_PREVIEW, None)  # fmt: skip
        for entry in entries:
            if entry is None:
                self._toolbar.addSeparator()
            else:
                self._toolbar.addAction(self.commands[entry])
        self._toolbar.addWidget(self._as_of.label)
        self._toolbar.addWidget(self._as_of.combo)

    def _retranslate(self) -> None:
        self.commands.retranslate()
        titles = {"file": self.tr("&File"), "edit": self.tr("&Edit"), "view": self.tr("&View"),
                  "help": self.tr("&Help")}  # fmt: skip
        for name, title in titles.items():
            self._menus[name].setTitle(title)
        self._recent_menu.setTitle(self.tr("Open &Recent"))
        self._toolbar.setWindowTitle(self.tr("Toolbar"))
        self._dock.setWindowTitle(self.tr("Navigator"))
        self._empty_hint.setText(
            self.tr("This workbook has no plans yet. Add one with Edit ▸ New Plan…")
        )
        self.start_page.retranslate()
        self._update_undo_actions()
        self._as_of.retranslate()
        self._status.show(self.session)

    # --- the session

    def open_path(self, path: str | Path) -> bool:
        """Open a workbook file in place of the current one; False (and a message) on failure."""
        path = Path(path)
        current = None if self.session is None else self.session.workbook
        # one open read-only is opened again: for figures written since, and for changes
        if (
            current is not None
            and not current.read_only
            and current.path.resolve() == path.resolve()
            and not current.is_gone()  # else the file now there is opened, as it says to
        ):
            return True
        if self.session is not None and not self._may_close():
            return False
        if current is not None and current.is_gone():  # its lock is let go before opening
            self._set_session(None)
        workbook = file_ops.open_workbook_file(self, path)
        if workbook is None:
            return False
        self.set_workbook(workbook)
        return True

    def set_workbook(self, workbook: Workbook) -> None:
        self._set_session(Session(workbook, self.lang))
        self.app_settings.add_recent(workbook.path)
        self.app_settings.set_last_workbook(workbook.path)

    def open_again(self) -> None:
        """Open the workbook again, after another program wrote into it, at the place shown:
        the pages then show what the file holds, and the undo steps of what it held go."""
        session = self.session
        if session is None:
            return
        before, place, as_of = session.workbook, self.switcher.place(), session.as_of_year
        self._set_session(None)
        workbook = self._open_once_more(before)
        if workbook is None:
            return
        again = Session(workbook, self.lang)
        self._set_session(again)
        self.switcher.return_to(place)
        again.set_as_of_year(as_of)

    def _open_once_more(self, before: Workbook) -> Workbook | None:
        if not before.read_only:
            return file_ops.open_workbook_file(self, before.path)
        try:
            return Workbook.open(before.path, read_only=True)
        except WorkbookError as e:
            QMessageBox.warning(
                self,
                self.tr("The workbook could not be opened again"),
                i18n.error_text(e, self.lang),
            )
            return None

    def _when_written_elsewhere(self) -> None:
        # Once the view that made the change has said it was refused, and its form is closed.
        if not self._reopen_pending:
            self._reopen_pending = True
            QTimer.singleShot(0, self._open_again_after_refusal)

    def _open_again_after_refusal(self) -> None:
        if QApplication.activeModalWidget() is not None:
            QTimer.singleShot(200, self._open_again_after_refusal)
            return
        self._reopen_pending = False
        if self.session is None:
            return
        text = self.tr(
            "Another program wrote into {name} while it was open here, so the change was"
            " not saved: it would have written over what that program wrote.\n\nThe"
            " workbook is opened again to show what it holds now."
        ).format(name=self.session.workbook.path.name)
        count, shown = self._lost_changes(self.session)
        if count:  # an older copy of the file was put in its place
            text += "\n\n" + (
                self.tr(
                    "The file no longer holds {count} change made here before: {changes}. Make"
                    " it again if it is still wanted."
                )
                if count == 1
                else self.tr(
                    "The file no longer holds {count} changes made here before: {changes}. Make"
                    " them again if they are still wanted."
                )
            ).format(count=count, changes=shown)
        QMessageBox.warning(self, self.tr("The change was not saved"), text)
        self.open_again()

    def close_workbook(self) -> None:
        if not self._may_close():
            return
        self._set_session(None)
        self.app_settings.set_last_workbook(None)

    def open_demo(self) -> None:
        self.guarded(lambda: self.open_path(file_ops.ensure_demo_copy()))

    def _set_session(self, session: Session | None) -> None:
        old = self.session
        if old is not None:
            finish_typing(self)
        self.switcher.build(None)
        if old is not None:
            self._undo_group.removeStack(old.undo_stack)
            old.close()
            old.deleteLater()
        self.session = session
        if session is not None:
            self._undo_group.addStack(session.undo_stack)
            self._undo_group.setActiveStack(session.undo_stack)
            session.changed.connect(self._on_changed)
            session.not_saved.connect(lambda: self._status.show(self.session, saved=False))
            session.written_elsewhere.connect(self._when_written_elsewhere)
            session.as_of_changed.connect(lambda _year: self._as_of.fill(self.session))
            self.start_page.note.clear()
        writable = session is not None and not session.workbook.read_only
        self.commands.set_workbook_open(session is not None, writable=writable)
        self.switcher.build(session)
        self.switcher.show_first_plan(self.app_settings.last_plan_code)
        self._as_of.fill(session)
        self._status.show(session, saved=True)
        self._update_undo_actions()

    def _may_leave(self) -> bool:
        """Whether the workbook may be closed, or the page shown give way to another: not
        while a typed value cannot be taken, which would be lost without a word."""
        problem = finish_typing(self)
        if problem is None:
            return True
        QMessageBox.warning(
            self,
            self.tr("A value cannot be taken"),
            f"{problem}\n\n{correct_or_drop()}",
        )
        return False

    def _may_close(self) -> bool:
        """Whether the workbook may be closed: no typed value would be lost, and what the
        window holds is kept (saved as a copy, or let go by the planner) when its file was
        deleted, moved or replaced while open."""
        if not self._may_leave():
            return False
        session = self.session
        if session is None or session.workbook.read_only:
            return True
        workbook = session.workbook
        if workbook.is_gone():
            # not asked once a copy is kept, nor when another file is in its place (a sync
            # tool's newer copy) and nothing was changed here; a deleted file's contents are
            # in this window only, changed here or not
            kept = self._kept_copy == (workbook, workbook.newest_change)
            replaced = workbook.path.exists() and not session.made_changes
            return kept or replaced or self._kept_before_closing(workbook, session.made_changes)
        count, shown = self._lost_changes(session)
        if count:  # an older copy was written over the file: nothing here to keep
            QMessageBox.warning(
                self,
                self.tr("Changes made here are not in the file"),
                (
                    self.tr(
                        "Another program wrote an older copy over {name} while it was open"
                        " here: the file no longer holds {count} change made here: {changes}."
                        " Make it again if it is still wanted."
                    )
                    if count == 1
                    else self.tr(
                        "Another program wrote an older copy over {name} while it was open"
                        " here: the file no longer holds {count} changes made here: {changes}."
                        " Make them again if they are still wanted."
                    )
                ).format(name=session.workbook.path.name, count=count, changes=shown),
            )
        return True

    def _lost_changes(self, session: Session) -> tuple[int, str]:
        """How many changes made here the file no longer holds, and the first five named."""
        lost = [name.text(self.lang) for name in session.lost_changes()]
        return len(lost), "; ".join(lost[:5]) + ("; …" if len(lost) > 5 else "")

    def _kept_before_closing(self, workbook: Workbook, changed_here: bool) -> bool:
        self._gone_said = workbook  # not said again when the window is active again
        said = (
            self.tr(
                "{name} was deleted, moved or replaced by another program while it was open"
                " here. What this window holds, with every change made here, is in no file"
                " now, and goes when the workbook is closed."
            )
            if changed_here
            else self.tr(
                "{name} was deleted or moved by another program while it was open here. What"
                " this window holds is in no file now, and goes when the workbook is closed."
            )
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("The workbook's file is gone"),
            said.format(name=workbook.path.name),
            parent=self,
        )
        box.setInformativeText(self.tr("Save a copy of it to keep it."))
        save = box.addButton(self.tr("&Save a Copy As…"), QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton(
            self.tr("Close &Without Saving"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        box.exec()
        if box.clickedButton() is save:
            return file_ops.save_copy_as(self, workbook) is not None
        return box.clickedButton() is drop

    def _on_changed(self, changes: Changes) -> None:
        self._status.show(self.session, saved=True)
        if changes.structure or (changes.years and not self._as_of.span_holds(changes.years)):
            self._as_of.fill(self.session)
        self.switcher.follow(changes, self.app_settings.last_plan_code)

    # --- what is shown

    @property
    def views(self) -> dict[str, Any]:
        return self.switcher.views

    def show_plan(self, plan_id: int, area_id: int | None = None) -> None:
        self.switcher.show_plan(plan_id, area_id)

    def show_target(self, target_id: int) -> None:
        self.switcher.show_target(target_id)

    def show_plan_view(self, mode: str) -> None:
        """The current plan's dashboard (PLAN) or year entry grid (YEAR_ENTRY)."""
        self.switcher.set_plan_mode(mode)

    def selected_item(self) -> tuple[str, int] | None:
        return self.switcher.selected_item()

    def _on_shown_changed(self) -> None:
        shown, plan = self.switcher.shown, self.switcher.current_plan()
        kind = None if shown is None else shown[0]
        self.commands[Act.VIEW_DASHBOARD].setChecked(kind == PLAN)
        self.commands[Act.VIEW_YEAR_ENTRY].setChecked(kind == YEAR_ENTRY)
        if self.session is not None and plan is not None:
            found = reads.plan_by_id(self.session.workbook, plan[0])
            if found is not None:
                self.app_settings.last_plan_code = found.code
        self._update_selection_actions()

    # --- actions

    def _update_undo_actions(self) -> None:
        open_ = self.session is not None
        for act, text, can, label in (
            (Act.UNDO, self._undo_group.undoText(), self._undo_group.canUndo(), self.tr("&Undo")),
            (Act.REDO, self._undo_group.redoText(), self._undo_group.canRedo(), self.tr("&Redo")),
        ):
            action = self.commands[act]
            if names.names_a_step(text):  # "Undo “Undo: Set X”", not "Undo Undo: Set X"
                text = self.tr("“{name}”").format(name=text)
            action.setText(f"{label} {text}" if text else label)
            action.setIconText(button_text(label))
            action.setEnabled(open_ and can)

    def _update_selection_actions(self) -> None:
        ready = (
            self.session is not None
            and not self.session.workbook.read_only
            and self.commands.available(Act.NEW_TARGET)
        )
        plan, selected = self.switcher.current_plan(), self.switcher.selected_item()
        movable = selected is not None and selected[0] in ("area", "target")
        for act, usable in (
            (Act.NEXT_PLAN, plan is not None),
            (Act.NEW_AREA, plan is not None),
            (Act.NEW_TARGET, plan is not None),
            (Act.EDIT_ITEM, selected is not None),
            (Act.DELETE_ITEM, selected is not None),
            (Act.MOVE_UP, movable),
            (Act.MOVE_DOWN, movable),
        ):
            self.commands[act].setEnabled(ready and usable)

    # --- errors

    def report_error(self, error: Exception) -> None:
        """Show a refused or unsaved change; the one place errors from actions end up."""
        if isinstance(error, WorkbookWrittenElsewhere):
            return  # said as the workbook is opened again (_open_again_after_refusal)
        if isinstance(error, WorkbookError):
            title = self.tr("The change was not saved")
        elif isinstance(error, OutputError):
            title = self.tr("The file was not written")
        else:
            title = self.tr("The change was refused")
        QMessageBox.warning(self, title, i18n.error_text(error, self.lang))

    def guarded(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except UserError as e:
            self.report_error(e)
            return None

    def apply(self, name: ChangeName, action: ServiceAction) -> Changes | None:
        """Run a service through the session; errors are shown and nothing is claimed saved."""
        session = self.session
        assert session is not None
        result: Changes | None = self.guarded(lambda: session.apply(name, action))
        return result

    def _undo_or_redo(self, step: Callable[[], None]) -> None:
        # Typing not yet taken is the last thing done: Undo (or Redo) drops it, as Esc would,
        # and does no more; left open, it would be saved over what the step brought back.
        if drop_typing(self):
            return
        # Quiet while the step runs: an error raised in the command must reach this caller,
        # and a slot run in between would swallow it.
        stack = self._undo_group.activeStack()
        if stack is None:
            return
        index = stack.index()
        for source in (self._undo_group, stack):
            source.blockSignals(True)
        try:
            step()
        except UserError as e:
            # The stack has moved although the step changed nothing: move it back, so that the
            # step can be tried again once the workbook can be written.
            stack.setIndex(index)
            for source in (self._undo_group, stack):
                source.blockSignals(False)
            self.report_error(e)
        finally:
            for source in (self._undo_group, stack):
                source.blockSignals(False)
        self._update_undo_actions()

    # --- actions

    def _wire_actions(self) -> None:
        a = self.commands
        calls: dict[Act, Callable[[], Any]] = {
            Act.NEW: self._new_workbook,
            Act.OPEN: self._open_dialog,
            Act.SAVE_COPY: self._save_copy,
            Act.PRINT_PREVIEW: lambda: self._call("report_dialog", "open_report_dialog", "preview"),
            Act.PRINT: lambda: self._call("report_dialog", "open_report_dialog", "print"),
            Act.EXPORT_PDF: lambda: self._call("report_dialog", "open_report_dialog", "pdf"),
            Act.IMPORT: lambda: self._call("import_wizard", "run_import_wizard"),
            Act.EXPORT: lambda: self._call("export_dialog", "run_export_dialog"),
            Act.BACKUPS: lambda: self._call("backups_dialog", "show_backups"),
            Act.CLOSE: self.close_workbook,
            Act.QUIT: self.close,
            Act.UNDO: lambda: self._undo_or_redo(self._undo_group.undo),
            Act.REDO: lambda: self._undo_or_redo(self._undo_group.redo),
            Act.COPY: lambda: self._to_focused_table(QKeySequence.StandardKey.Copy),
            Act.PASTE: lambda: self._to_focused_table(QKeySequence.StandardKey.Paste),
            Act.EDIT_FIGURE: self._edit_figure,
            Act.FIND: self._find,
            Act.NEW_PLAN: self._new_plan,
            Act.NEXT_PLAN: self._next_plan,
            Act.NEW_AREA: self._new_area,
            Act.NEW_TARGET: self._new_target,
            Act.EDIT_ITEM: lambda: self._on_selected("edit"),
            Act.DELETE_ITEM: lambda: self._on_selected("delete"),
            Act.MOVE_UP: lambda: self._move(-1),
            Act.MOVE_DOWN: lambda: self._move(1),
            Act.PREFERENCES: self._edit_preferences,
            Act.VIEW_DASHBOARD: lambda: self.show_plan_view(PLAN),
            Act.VIEW_YEAR_ENTRY: lambda: self.show_plan_view(YEAR_ENTRY),
            Act.SHOW_NAVIGATOR: lambda: self._dock.setVisible(a[Act.SHOW_NAVIGATOR].isChecked()),
            Act.METHOD_HELP: self._method_help,
            Act.ABOUT: self._about,
        }
        for act, call in calls.items():
            a[act].triggered.connect(lambda _checked=False, call=call: self.guarded(call))
        self._dock.visibilityChanged.connect(lambda _visible: self._sync_navigator_action())
        for signal in (self._undo_group.indexChanged, self._undo_group.activeStackChanged):
            signal.connect(lambda *_: self._update_undo_actions())

    def _sync_navigator_action(self) -> None:
        self.commands[Act.SHOW_NAVIGATOR].setChecked(not self._dock.isHidden())

    def restore_layout(self, geometry: QByteArray | None, state: QByteArray | None) -> None:
        """The size, position, dock and toolbar the window had when it last closed."""
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*self._first_size())
        if state is None or not self.restoreState(state):
            self.resizeDocks([self._dock], [self._navigator_width()], Qt.Orientation.Horizontal)
        self._sync_navigator_action()

    def _first_size(self) -> tuple[int, int]:
        """The window's size at its first start: DEFAULT_SIZE, or the screen's room for
        windows where that is smaller (a laptop of 1,366 by 768)."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return DEFAULT_SIZE
        room = screen.availableGeometry()
        return min(DEFAULT_SIZE[0], room.width()), min(DEFAULT_SIZE[1], room.height())

    def _navigator_width(self) -> int:
        """The navigator's first width: a fifth of the window, leaving a narrow window's
        dashboard room for its status column."""
        return max(NAVIGATOR_MIN_WIDTH, min(NAVIGATOR_WIDTH, self.width() // 5))

    def _call(self, module: str, function: str, *args: Any) -> Any:
        """Run a function of another window module, imported only when it is needed."""
        if self.session is None:
            return None
        implementation = importlib.import_module(f"ljtracker.ui.{module}")
        return getattr(implementation, function)(self, self.session, *args)

    def _new_workbook(self) -> None:
        if self.session is not None and not self._may_close():
            return
        workbook = file_ops.new_workbook(self, self._start_folder())
        if workbook is not None:
            self.set_workbook(workbook)

    def _save_copy(self) -> None:
        if self.session is None:
            return
        workbook = self.session.workbook
        gone = not workbook.read_only and workbook.is_gone()
        saved = file_ops.save_copy_as(self, workbook)
        if gone and saved is not None:
            self._kept_copy = (workbook, workbook.newest_change)
            if saved.resolve() == workbook.path.resolve():
                self.open_again()  # the file is back in its place: changes go into it again

    def _open_dialog(self) -> None:
        path = file_ops.ask_open_path(self, self._start_folder())
        if path is not None:
            self.open_path(path)

    def _start_folder(self) -> str:
        return "" if self.session is None else str(self.session.workbook.path.parent)

    def _fill_recent_menu(self) -> None:
        self._recent_menu.clear()
        paths = self.app_settings.recent_files()
        for number, path in enumerate(paths, start=1):
            action = self._recent_menu.addAction(f"&{number} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if not paths:
            self._recent_menu.addAction(self.tr("No recent workbooks")).setEnabled(False)

    def open_recent(self, path: str) -> None:
        if Path(path).exists():
            self.open_path(path)
        elif self._holds(Path(path)):
            QMessageBox.information(
                self,
                self.tr("Workbook not found"),
                self.tr(
                    "{path} no longer exists, but this window still holds all it held, newer"
                    " than any backup: File ▸ Save a Copy As… keeps it, its history too."
                ).format(path=path),
            )
        elif file_ops.missing_recent(self, self.app_settings, path):
            self.open_path(path)

    def _holds(self, path: Path) -> bool:
        """Whether the workbook open here is the one at `path` (or was, its file gone)."""
        current = None if self.session is None else self.session.workbook
        return current is not None and current.path.resolve() == path.resolve()

    def _find(self) -> None:
        self._dock.show()
        navigator = self.views.get("navigator")
        if navigator is not None and hasattr(navigator, "focus_filter"):
            navigator.focus_filter()

    def _to_focused_table(self, key: QKeySequence.StandardKey) -> None:
        """Copy and paste go to the focused table (its own method, or the key it handles)."""
        if self._forwarding_key:  # the widget let the key come back as this shortcut
            return
        focused = QApplication.focusWidget()
        copy = key == QKeySequence.StandardKey.Copy
        if copy and isinstance(focused, QLabel):  # a sentence or a figure, not the table's
            if focused.hasSelectedText():  # Qt ends a selected paragraph with U+2029
                QApplication.clipboard().setText(focused.selectedText().replace("\u2029", "\n"))
            return
        method = "copy_selection" if copy else "paste_selection"
        widget = _focused_with(method)
        if widget is not None:
            getattr(widget, method)()
        elif focused is not None:
            combination = QKeySequence(key)[0]  # type: ignore[index]
            self._forwarding_key = True
            try:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    event = QKeyEvent(kind, combination.key(), combination.keyboardModifiers())
                    QApplication.sendEvent(focused, event)
            finally:
                self._forwarding_key = False

    def _edit_figure(self) -> None:
        """The figure of the focused table's current year, else of the table shown; a value
        being typed into a cell is taken first (or the form waits for it)."""
        if not self._may_leave():
            return
        widget = _focused_with("edit_figure")
        if widget is None:
            shown = getattr(self._stack.currentWidget(), "table", None)
            widget = shown if isinstance(shown, QWidget) and shown.isVisible() else None
        edit: Callable[[], bool] | None = getattr(widget, "edit_figure", None)
        if edit is None or not edit():
            self.statusBar().showMessage(
                self.tr("Choose a year in a target's yearly figures or in the year entry first."),
                8000,
            )

    # A plan or target added is shown, and the page may not give way to it: asked first.

    def _new_plan(self) -> None:
        if self._may_leave():
            self._show_added_plan(self._call("plan_dialogs", "new_plan"))

    def _next_plan(self) -> None:
        if (plan := self.switcher.current_plan()) is not None and self._may_leave():
            self._show_added_plan(self._call("plan_dialogs", "next_plan", plan[0]))

    def _show_added_plan(self, changes: object) -> None:
        if isinstance(changes, Changes) and len(changes.plan_ids) == 1:
            self.show_plan(next(iter(changes.plan_ids)))

    def _new_area(self) -> None:
        if (plan := self.switcher.current_plan()) is not None:
            self._call("plan_dialogs", "new_area", plan[0])

    def _new_target(self) -> None:
        if (plan := self.switcher.current_plan()) is not None and self._may_leave():
            changes = self._call("plan_dialogs", "new_target", plan[0], plan[1])
            if isinstance(changes, Changes) and len(changes.target_ids) == 1:
                self.show_target(next(iter(changes.target_ids)))

    def _on_selected(self, verb: str) -> None:
        if (selected := self.selected_item()) is not None:
            self._call("plan_dialogs", f"{verb}_{selected[0]}", selected[1])

    def _move(self, delta: int) -> None:
        selected = self.selected_item()
        if selected is not None and selected[0] in ("area", "target"):
            self._call("plan_dialogs", f"move_{selected[0]}", selected[1], delta)

    def _edit_preferences(self) -> None:
        from ljtracker.ui.preferences import Preferences, ask_preferences  # loaded when used

        if self.session is not None and not self._may_leave():  # the views are rebuilt after
            return
        current = Preferences(
            self.language_choice,
            self.app_settings.decimals,
            None if self.session is None else self.session.settings,
            settings_writable=self.session is None or not self.session.workbook.read_only,
        )
        chosen = ask_preferences(self, current)
        if chosen is not None:
            self.apply_preferences(chosen)

    def apply_preferences(self, chosen: Preferences) -> None:
        """Method and thresholds go to the workbook (one undo step); the rest to QSettings."""
        session, settings = self.session, chosen.settings
        if session is not None and settings is not None and settings != session.settings:
            self.apply(
                names.change_settings(session.settings, settings),
                lambda wb: save_settings(wb, settings),
            )
        rebuild = chosen.decimals != self.app_settings.decimals
        self.app_settings.decimals = chosen.decimals
        if chosen.language != self.language_choice:
            self.set_language(chosen.language)  # rebuilds the views
            return
        # the language of this window (as --lang opened it), kept as the user's from now
        self.app_settings.language = chosen.language
        if rebuild:
            self.switcher.rebuild()

    def set_language(self, choice: str) -> None:
        """Switch the window's language at once, keeping the workbook, its undo steps and view."""
        self.language_choice = choice
        self.app_settings.language = choice
        self.lang = i18n.install(choice)
        if self.session is not None:
            self.session.set_language(self.lang)
        self._retranslate()
        self.switcher.rebuild()

    def _method_help(self) -> None:
        from ljtracker.ui.preferences import method_explanation  # loaded when used

        settings = Settings() if self.session is None else self.session.settings
        QMessageBox.information(
            self, self.tr("How progress is judged"), method_explanation(settings)
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ljtracker"),
            self.tr(
                "ljtracker {version}\n\nTracks a development plan's targets year by year: "
                "the figures with their sources, which targets are on track and why, and the "
                "progress report.\n\nMIT licence."
            ).format(version=__version__),
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() is QEvent.Type.ActivationChange and self.isActiveWindow():
            self._follow_other_writers()

    def _follow_other_writers(self) -> None:
        """A workbook open read-only is opened again when another program (the command line,
        a window that holds it for writing) has written into it since; one open for writing
        whose file is gone is said to be, once."""
        workbook = None if self.session is None else self.session.workbook
        if workbook is None:
            return
        if not workbook.read_only:
            self._say_if_gone(workbook)
            return
        if not workbook.written_elsewhere(ask_sqlite=False):  # never waits for a writer's lock
            return
        if being_written(workbook.path):  # the writer is at it: look again in a moment
            if self.isActiveWindow() and not self._follow_pending:
                self._follow_pending = True
                QTimer.singleShot(1000, self._follow_again)
            return
        self.open_again()

    def _say_if_gone(self, workbook: Workbook) -> None:
        if self._gone_said is workbook or not workbook.is_gone():
            return
        self._gone_said = workbook
        self._status.show(self.session, saved=False)
        QMessageBox.warning(
            self,
            self.tr("The workbook's file is gone"),
            self.tr(
                "{name} was deleted, moved or replaced by another program while it was open"
                " here. Nothing more can be saved into it. What this window holds, with every"
                " change made here, is kept until the workbook is closed: File ▸ Save a Copy"
                " As… keeps it."
            ).format(name=workbook.path.name),
        )

    def _follow_again(self) -> None:
        self._follow_pending = False
        self._follow_other_writers()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session is not None and not self._may_close():
            event.ignore()
            return
        self.app_settings.save_window_layout(self.saveGeometry(), self.saveState())
        if self.session is not None:
            self.app_settings.set_last_workbook(self.session.workbook.path)
            self._set_session(None)
        self.app_settings.sync()
        super().closeEvent(event)


def _focused_with(method: str) -> QWidget | None:
    """The focused widget, or the nearest of its parents, that has `method`."""
    widget = QApplication.focusWidget()
    while widget is not None and not callable(getattr(widget, method, None)):
        widget = widget.parentWidget()
    return widget
