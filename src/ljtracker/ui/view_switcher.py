"""Which view the window shows: the navigator in its dock and one page in the centre."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QStackedWidget, QWidget

from ljtracker.services.changes import Changes
from ljtracker.storage import reads
from ljtracker.ui.actions import module_available
from ljtracker.ui.session import Session

if TYPE_CHECKING:
    from ljtracker.ui.navigator_model import NodeKey

VIEWS = {
    "navigator": ("ljtracker.ui.navigator", "Navigator"),
    "dashboard": ("ljtracker.ui.dashboard", "DashboardView"),
    "target": ("ljtracker.ui.target_page", "TargetPage"),
    "year_entry": ("ljtracker.ui.year_entry", "YearEntryView"),
}
PLAN, YEAR_ENTRY, TARGET = "plan", "year_entry", "target"
Shown = tuple[str, int, int | None]  # (PLAN | YEAR_ENTRY | TARGET, id, area id)


class YearEntryPlace(NamedTuple):
    plan_id: int
    year: int
    target_id: int | None  # the current cell's row, by its target, and its column
    column: int | None


class Place(NamedTuple):
    shown: Shown | None
    tab: int  # the target page's
    filter_text: str  # the navigator's
    opened: frozenset[NodeKey] | None = None  # the navigator's plans and areas opened
    year_entry: YearEntryPlace | None = None  # the year entry's plan, year and cell


class _Views(dict[str, Any]):
    """The views of one session by name; a page is built the first time it is asked for, so
    opening a workbook builds only what it shows."""

    def __init__(self, make: Callable[[str], Any]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, name: str) -> Any:
        if name not in VIEWS:
            raise KeyError(name)
        view = self[name] = self._make(name)
        return view


class ViewSwitcher(QObject):
    """Builds the views for a session and keeps what is shown: a plan, its year entry, a target.

    The views come from other modules, imported when a workbook opens; one that is not
    installed is replaced by a note, so the window still works without it.
    """

    shown_changed = Signal()

    def __init__(
        self, stack: QStackedWidget, dock: QDockWidget, start_page: QWidget, empty_page: QWidget
    ) -> None:
        super().__init__(stack)
        self._stack, self._dock = stack, dock
        self._start_page, self._empty_page = start_page, empty_page
        self.session: Session | None = None
        self.views: dict[str, Any] = {}
        self.shown: Shown | None = None
        self.plan_mode = PLAN  # what choosing a plan shows: its dashboard or its year entry
        self._target_home: tuple[int, int | None] = (0, None)  # the shown target's plan, area
        # the year entry's place before the views were built again, until it is shown
        self._year_entry_back: YearEntryPlace | None = None
        # whether the page shown may give way to another: not while a value typed into one of
        # its cells cannot be taken (showing another plan or target would drop the text)
        self.may_leave: Callable[[], bool] = lambda: True

    def build(self, session: Session | None) -> None:
        self._clear()
        self.session = session
        self._year_entry_back = None
        if session is None:
            hint = QLabel(self.tr("Open a workbook to see its plans, areas and targets here."))
            hint.setWordWrap(True)
            hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            hint.setContentsMargins(8, 8, 8, 8)
            self._set_dock_widget(hint)
            self._stack.setCurrentWidget(self._start_page)
            self.shown_changed.emit()
            return
        self.views = _Views(lambda name: self._make_view(name, session))
        navigator = self.views["navigator"]
        self._set_dock_widget(navigator)
        navigator.setFocus()
        if hasattr(navigator, "plan_selected"):
            navigator.plan_selected.connect(lambda plan_id: self.show_plan(plan_id))
            navigator.area_selected.connect(self.show_plan)
            navigator.target_selected.connect(self.show_target)
        self._stack.setCurrentWidget(self._empty_page)

    def _make_view(self, name: str, session: Session) -> Any:
        view = self._make(name, session)
        if name == "navigator":
            return view
        self._stack.addWidget(view)
        if name == "dashboard" and hasattr(view, "target_activated"):
            view.target_activated.connect(self.show_target)
        return view

    def _set_dock_widget(self, widget: QWidget) -> None:
        previous = self._dock.widget()  # the views were deleted already: a hint, if anything
        self._dock.setWidget(widget)
        if previous is not None:
            previous.deleteLater()

    def rebuild(self) -> None:
        """New views for the same session and the same place (after a language change)."""
        place = self.place()
        self.build(self.session)
        self.return_to(place)

    def place(self) -> Place:
        """Where the user is: the page shown, the target page's tab, the navigator's filter,
        the year entry's year and cell."""
        tab = self.views["target"].tabs.currentIndex() if "target" in self.views else 0
        entry: Any = self.views.get("year_entry")
        year_entry = entry.place() if hasattr(entry, "place") else self._year_entry_back
        navigator: Any = self.views.get("navigator")
        if not hasattr(navigator, "opened"):  # not available in this installation
            return Place(self.shown, tab, "", None, year_entry)
        opened = frozenset(navigator.opened())
        return Place(self.shown, tab, navigator.filter_text(), opened, year_entry)

    def return_to(self, place: Place) -> None:
        """Show the page of `place`, or the first plan when it is gone or there was none."""
        navigator: Any = self.views.get("navigator")
        if hasattr(navigator, "opened"):
            if place.opened is not None:
                navigator.open_nodes(place.opened)
            if place.filter_text:
                navigator.set_filter_text(place.filter_text)
        self._year_entry_back = place.year_entry
        shown = place.shown
        if shown is not None and shown[0] == TARGET:
            self.show_target(shown[1])
            self.views["target"].tabs.setCurrentIndex(place.tab)  # still on the history
        elif shown is not None:
            self.show_plan(shown[1], shown[2])
            self._resume_year_entry()  # shown already (the first plan, on opening)
        if self.shown is None:
            self.show_first_plan()

    def _resume_year_entry(self) -> None:
        """The year entry back where it was before the views were built again, when it shows
        that plan: on another year, or another target, the figure typed next would go to the
        wrong one."""
        back, shown = self._year_entry_back, self.shown
        if back is None or shown is None or shown[:2] != (YEAR_ENTRY, back.plan_id):
            return
        view: Any = self.views["year_entry"]
        if hasattr(view, "return_to"):
            self._year_entry_back = None
            view.return_to(back.year, back.target_id, back.column)

    def _make(self, name: str, session: Session) -> Any:
        module, class_name = VIEWS[name]
        if not module_available(module):
            label = QLabel(self.tr("This view is not available in this installation."))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            return label
        return getattr(importlib.import_module(module), class_name)(session)

    def _clear(self) -> None:
        # Deleted at once: a view left for later would still answer events (a language change)
        # by reading a workbook that is already closed.
        for view in self.views.values():
            shiboken6.delete(view)
        self.views = {}
        self.shown = None

    def show_first_plan(self, preferred_code: str = "") -> None:
        """The plan with `preferred_code`, else the first plan entered; a hint when none."""
        if self.session is None:
            return
        plans = reads.plans(self.session.workbook)
        if not plans:
            self.shown = None
            self._stack.setCurrentWidget(self._empty_page)
            self.shown_changed.emit()
            return
        preferred = [p for p in plans if p.code == preferred_code]
        plan = preferred[0] if preferred else min(plans, key=lambda p: p.id or 0)
        assert plan.id is not None
        self.show_plan(plan.id)

    def show_plan(self, plan_id: int, area_id: int | None = None) -> None:
        """The plan (or one area of it) on the dashboard, or the plan's year entry grid."""
        shown: Shown = (self.plan_mode, plan_id, area_id)
        if self.session is None or shown == self.shown:
            return
        if reads.plan_by_id(self.session.workbook, plan_id) is None or not self._may_leave():
            return
        self.shown = shown
        if self.plan_mode == YEAR_ENTRY:
            view = self.views["year_entry"]
            if hasattr(view, "show_plan"):
                view.show_plan(plan_id)
            self._resume_year_entry()
        else:
            view = self.views["dashboard"]
            if hasattr(view, "show_plan"):
                view.show_plan(plan_id, area_id)
        self._stack.setCurrentWidget(view)
        self._point_navigator()
        self.shown_changed.emit()

    def show_target(self, target_id: int) -> None:
        if self.session is None or self.shown == (TARGET, target_id, None):
            return
        target = reads.target_by_id(self.session.workbook, target_id)
        if target is None or not self._may_leave():
            return
        self.shown = (TARGET, target_id, None)
        self._target_home = (target.plan_id, target.area_id)
        view = self.views["target"]
        if hasattr(view, "show_target"):
            view.show_target(target_id)
        self._stack.setCurrentWidget(view)
        self._point_navigator()
        self.shown_changed.emit()

    def _point_navigator(self) -> None:
        """The navigator's current row made what is shown, or a tree left without one takes
        its first (another plan) when it gets the focus."""
        item = self.selected_item()
        if item is None:
            return
        kind, item_id = item
        select = getattr(self.views["navigator"], f"select_{kind}", None)
        if select is not None:
            select(item_id)

    def _may_leave(self) -> bool:
        """Whether what is shown may give way; if not, the navigator shows it again."""
        if self.shown is None or self.may_leave():
            return True
        self._point_navigator()
        return False

    def set_plan_mode(self, mode: str) -> None:
        """Show the current plan's dashboard (PLAN) or year entry grid (YEAR_ENTRY)."""
        before, self.plan_mode = self.plan_mode, mode
        plan = self.current_plan()
        if plan is not None:
            self.show_plan(*plan)
            if self.shown != (mode, *plan):  # refused: the page shown stays, and its mode
                self.plan_mode = before
                self.shown_changed.emit()

    def current_plan(self) -> tuple[int, int | None] | None:
        """The plan (and area) in view; for a target, the plan and area it belongs to."""
        if self.shown is None:
            return None
        if self.shown[0] == TARGET:
            return self._target_home
        return self.shown[1], self.shown[2]

    def selected_item(self) -> tuple[str, int] | None:
        """("plan" | "area" | "target", id) of what is shown."""
        if self.shown is None:
            return None
        kind, item_id, area_id = self.shown
        if kind == TARGET:
            return "target", item_id
        return ("area", area_id) if area_id is not None else ("plan", item_id)

    def follow(self, changes: Changes, preferred_code: str = "") -> None:
        """After plans or targets changed: leave a page whose plan or target is gone, and the
        page saying there is no plan once there is one (an import, an undone deletion)."""
        if not changes.structure or self.session is None:
            return
        if self.shown is None:
            self.show_first_plan(preferred_code)
            return
        kind, item_id, _area = self.shown
        wb = self.session.workbook
        if kind == TARGET:
            gone = reads.target_by_id(wb, item_id) is None
        else:
            gone = reads.plan_by_id(wb, item_id) is None
        if not gone:
            return
        home = self._target_home[0] if kind == TARGET else None
        self.shown = None
        if home is not None and reads.plan_by_id(wb, home) is not None:
            self.show_plan(home)
        else:
            self.show_first_plan(preferred_code)
