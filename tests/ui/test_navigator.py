"""The navigator, driven through its widgets: plans, areas, targets, statuses and the filter."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLineEdit, QTreeView
from pytestqt.qtbot import QtBot

from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Status, Target
from ljtracker.services import editing
from ljtracker.services.editing import ObservationEntry
from ljtracker.storage import reads
from ljtracker.ui.navigator import Navigator
from ljtracker.ui.navigator_model import (
    KIND_ROLE,
    STATUS_ROLE,
    NavigatorModel,
    status_icon,
)
from ljtracker.ui.session import Session

# progress by pace: in 2025 the demo's targets are not yet due
pytestmark = pytest.mark.usefixtures("while_the_demo_plans_run")

LJ_GDP = 1  # ids in the demo workbook
LJ_SHARE_FDI = 4
SCI_TECH_AREA = 1
LJ2025 = 1


@pytest.fixture
def navigator(session: Session, qtbot: QtBot) -> Navigator:
    nav = Navigator(session)
    qtbot.addWidget(nav)
    nav.resize(360, 600)
    nav.show()
    qtbot.waitExposed(nav)
    return nav


def tree(nav: Navigator) -> QTreeView:
    view = nav.findChild(QTreeView)
    assert view is not None
    return view


def filter_box(nav: Navigator) -> QLineEdit:
    box = nav.findChild(QLineEdit)
    assert box is not None
    return box


def children(view: QTreeView, parent: QModelIndex | None = None) -> list[QModelIndex]:
    model = view.model()
    parent = QModelIndex() if parent is None else parent
    return [model.index(row, 0, parent) for row in range(model.rowCount(parent))]


def visible_texts(view: QTreeView, parent: QModelIndex | None = None) -> list[str]:
    texts = []
    for index in children(view, parent):
        texts.append(index.data())
        texts += visible_texts(view, index)
    return texts


def find(view: QTreeView, code: str, parent: QModelIndex | None = None) -> QModelIndex:
    for index in children(view, parent):
        if str(index.data()).split("  ")[0] == code:
            return index
        found = find(view, code, index)
        if found.isValid():
            return found
    return QModelIndex()


def codes(texts: list[str]) -> set[str]:
    return {text.split("  ")[0] for text in texts}


def test_tree_shows_plans_their_areas_and_targets(navigator: Navigator) -> None:
    view = tree(navigator)
    plans = children(view)
    assert codes([p.data() for p in plans]) == {"CQ2022", "CQST2025", "LJ2020", "LJ2025"}
    lj2025 = find(view, "LJ2025")
    areas = [i for i in children(view, lj2025) if i.data(KIND_ROLE) == "area"]
    assert len(areas) == 6
    assert areas[0].data() == "Sci-tech innovation centre and real economy, advanced manufacturing"
    under_area = children(view, areas[0])
    assert under_area[0].data() == "LJ-GDP  GDP of the whole new area"
    cq2022 = find(view, "CQ2022")
    assert [i.data(KIND_ROLE) for i in children(view, cq2022)] == ["target"] * 6


def test_targets_without_an_area_come_before_the_areas(session: Session, qtbot: QtBot) -> None:
    target = Target(plan_id=LJ2025, code="LJ-NEW", name_zh="新指标", name_en="New target", unit="%")
    session.apply(ChangeName("Add target"), lambda wb: editing.add_target(wb, target))
    nav = Navigator(session)
    qtbot.addWidget(nav)
    view = tree(nav)
    kinds = [i.data(KIND_ROLE) for i in children(view, find(view, "LJ2025"))]
    assert kinds == ["target"] + ["area"] * 6
    assert find(view, "LJ-NEW").parent().data() == find(view, "LJ2025").data()


def test_target_shows_status_by_icon_tooltip_and_accessible_description(
    navigator: Navigator,
) -> None:
    index = find(tree(navigator), "LJ-GDP")
    assert index.data(STATUS_ROLE) == Status.ON_TRACK.value
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon)
    assert icon.cacheKey() == status_icon(Status.ON_TRACK).cacheKey()
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Status: On track" in tooltip
    assert "5.92 %" in tooltip  # the explanation, with its numbers
    assert index.data(Qt.ItemDataRole.AccessibleDescriptionRole) == "On track"
    other = find(tree(navigator), "LJ-SHARE-FDI")
    assert other.data(Qt.ItemDataRole.AccessibleDescriptionRole) == "Limited progress"


def test_chinese_session_shows_chinese_names_and_labels(session: Session, qtbot: QtBot) -> None:
    session.lang = "zh"
    nav = Navigator(session)
    qtbot.addWidget(nav)
    index = find(tree(nav), "LJ-GDP")
    assert index.data() == "LJ-GDP  两江新区地区生产总值"
    assert index.data(Qt.ItemDataRole.AccessibleDescriptionRole) == "进展顺利"


def test_filter_keeps_matches_and_their_parents(navigator: Navigator, qtbot: QtBot) -> None:
    box = filter_box(navigator)
    assert box.placeholderText() == "Filter by code or name"
    assert box.isClearButtonEnabled()
    qtbot.keyClicks(box, "gdp")
    shown = codes(visible_texts(tree(navigator)))
    assert {"LJ2025", "LJ-GDP", "LJ-GDP-DIRECT", "LJ-SHARE-GDP"} <= shown
    assert "Sci-tech innovation centre and real economy, advanced manufacturing" in shown
    assert "CQ18-AIR" not in shown
    assert "LJ-SHARE-FDI" not in shown
    assert tree(navigator).isExpanded(find(tree(navigator), "LJ-GDP").parent())
    box.clear()
    assert "CQ18-AIR" in codes(visible_texts(tree(navigator)))


def test_filter_matches_chinese_names(navigator: Navigator) -> None:
    filter_box(navigator).setText("生产总值")
    shown = codes(visible_texts(tree(navigator)))
    assert {"LJ-GDP", "LJ-SHARE-GDP", "CQ18-RD", "LJ14-GDP"} <= shown
    assert "CQ18-AIR" not in shown
    assert "LJ-POP" not in shown


def test_filter_on_a_plan_title_shows_the_whole_plan(navigator: Navigator) -> None:
    filter_box(navigator).setText("Government Work Report")
    shown = codes(visible_texts(tree(navigator)))
    assert {"CQ2022", "CQ18-AIR", "CQ18-URB"} <= shown
    assert "LJ2025" not in shown


def test_clicking_a_target_emits_target_selected(navigator: Navigator, qtbot: QtBot) -> None:
    view = tree(navigator)
    index = find(view, "LJ-GDP")
    view.scrollTo(index)
    with qtbot.waitSignal(navigator.target_selected) as blocker:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
    assert blocker.args == [LJ_GDP]
    assert navigator.current_selection() == ("target", LJ_GDP)


def test_keyboard_moves_and_enter_activates(navigator: Navigator, qtbot: QtBot) -> None:
    view = tree(navigator)
    navigator.select_target(LJ_GDP)
    view.setFocus()
    with qtbot.waitSignal(navigator.target_selected) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert blocker.args == [2]  # LJ-SHARE-GDP, next in its area
    with qtbot.waitSignal(navigator.target_selected) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [2]
    with qtbot.waitSignal(navigator.area_selected) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Up)
        qtbot.keyClick(view, Qt.Key.Key_Up)
    assert blocker.args == [LJ2025, SCI_TECH_AREA]


def test_filter_box_hands_over_to_the_tree(navigator: Navigator, qtbot: QtBot) -> None:
    navigator.focus_filter()
    box = filter_box(navigator)
    assert QApplication.focusWidget() is box
    qtbot.keyClicks(box, "LJ-SHARE-FDI")
    with qtbot.waitSignal(navigator.target_selected) as blocker:
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert blocker.args == [LJ_SHARE_FDI]
    assert QApplication.focusWidget() is tree(navigator)


def test_select_plan_and_target_from_outside(navigator: Navigator, qtbot: QtBot) -> None:
    with qtbot.waitSignal(navigator.plan_selected) as blocker:
        navigator.select_plan(2)
    assert blocker.args == [2]
    assert navigator.current_selection() == ("plan", 2)
    filter_box(navigator).setText("CQ18")
    navigator.select_target(LJ_GDP)  # hidden by the filter: the filter is cleared
    assert filter_box(navigator).text() == ""
    assert navigator.current_selection() == ("target", LJ_GDP)


def test_new_figure_updates_the_status_and_undo_restores_it(
    navigator: Navigator, session: Session
) -> None:
    entry = ObservationEntry(LJ_GDP, 2022, 3800.0)
    session.apply(ChangeName("Set figure"), lambda wb: editing.set_observations(wb, [entry]))
    index = find(tree(navigator), "LJ-GDP")
    assert index.data(STATUS_ROLE) == Status.LIMITED_PROGRESS.value
    assert "Limited progress" in index.data(Qt.ItemDataRole.ToolTipRole)
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == status_icon(Status.LIMITED_PROGRESS).cacheKey()
    session.undo_stack.undo()
    index = find(tree(navigator), "LJ-GDP")
    assert index.data(STATUS_ROLE) == Status.ON_TRACK.value
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == status_icon(Status.ON_TRACK).cacheKey()


def test_structure_change_keeps_selection_and_expansion(
    navigator: Navigator, session: Session
) -> None:
    view = tree(navigator)
    navigator.select_target(LJ_GDP)
    view.collapse(find(view, "CQ2022"))
    assert view.isExpanded(find(view, "LJ2025"))
    target = Target(plan_id=2, code="CQ18-NEW", name_zh="新指标", name_en="New target", unit="%")
    session.apply(ChangeName("Add target"), lambda wb: editing.add_target(wb, target))
    assert find(view, "CQ18-NEW").isValid()
    assert navigator.current_selection() == ("target", LJ_GDP)
    assert not view.isExpanded(find(view, "CQ2022"))
    assert view.isExpanded(find(view, "LJ2025"))
    assert view.isExpanded(find(view, "LJ-GDP").parent())


def test_an_area_back_by_an_undo_shows_its_targets(navigator: Navigator, session: Session) -> None:
    """Undoing an area's deletion brought it back collapsed, its targets out of sight."""
    view = tree(navigator)
    view.collapse(find(view, "CQ2022"))
    session.apply(ChangeName("Delete area"), lambda wb: editing.delete_area(wb, SCI_TECH_AREA))
    assert find(view, "LJ-GDP").parent() == find(view, "LJ2025")  # of no area now
    session.undo_stack.undo()
    area = find(view, "LJ-GDP").parent()
    assert area != find(view, "LJ2025") and view.isExpanded(area)
    assert not view.isExpanded(find(view, "CQ2022"))  # what was collapsed stays so


def test_deleting_the_selected_target_selects_its_area(
    navigator: Navigator, session: Session, qtbot: QtBot
) -> None:
    navigator.select_target(LJ_GDP)
    with qtbot.waitSignal(navigator.area_selected) as blocker:
        session.apply(ChangeName("Delete"), lambda wb: editing.delete_target(wb, LJ_GDP))
    assert blocker.args == [LJ2025, SCI_TECH_AREA]
    assert not find(tree(navigator), "LJ-GDP").isValid()
    assert navigator.current_selection() == ("area", SCI_TECH_AREA)


def test_renamed_target_shows_its_new_name(navigator: Navigator, session: Session) -> None:
    target = reads.target_by_id(session.workbook, LJ_GDP)
    assert target is not None
    renamed = Target(**{**target.__dict__, "name_en": "Gross domestic product"})
    session.apply(ChangeName("Rename"), lambda wb: editing.update_target(wb, renamed))
    assert find(tree(navigator), "LJ-GDP").data() == "LJ-GDP  Gross domestic product"


def test_as_of_year_changes_the_statuses(navigator: Navigator, session: Session) -> None:
    session.set_as_of_year(2020)
    index = find(tree(navigator), "LJ-GDP")
    assert index.data(STATUS_ROLE) == Status.NOT_ASSESSABLE.value
    assert "Not assessable" in index.data(Qt.ItemDataRole.ToolTipRole)
    session.set_as_of_year(None)
    assert find(tree(navigator), "LJ-GDP").data(STATUS_ROLE) == Status.ON_TRACK.value


def test_models_pass_the_model_tester(navigator: Navigator, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = navigator.findChild(NavigatorModel)
    assert model is not None
    qtmodeltester.check(model)
    filter_box(navigator).setText("GDP")
    qtmodeltester.check(tree(navigator).model())


def test_language_change_redraws_a_shown_navigator(navigator: Navigator, session: Session) -> None:
    session.lang = "zh"
    QApplication.sendEvent(navigator, QEvent(QEvent.Type.LanguageChange))
    assert find(tree(navigator), "LJ-GDP").data() == "LJ-GDP  两江新区地区生产总值"
    navigator.hide()
    session.close()
    QApplication.sendEvent(navigator, QEvent(QEvent.Type.LanguageChange))  # no read


def test_the_first_plan_of_a_new_workbook_opens_with_its_area(qtbot: QtBot, tmp_path: Path) -> None:
    """In an empty workbook the first plan added stayed collapsed, its area out of sight."""
    from ljtracker.domain.model import Area, Plan
    from ljtracker.storage.workbook import Workbook

    session = Session(Workbook.create(tmp_path / "new.ljt"), lang="en")
    nav = Navigator(session)
    qtbot.addWidget(nav)
    plan = Plan("P1", "规划一", "Plan one", 2021, 2025)
    session.apply(ChangeName("Add plan"), lambda wb: editing.add_plan(wb, plan))
    added = reads.plan_by_code(session.workbook, "P1")
    assert added is not None and added.id is not None
    area = Area(added.id, 0, "领域一", "Area one")
    session.apply(ChangeName("Add area"), lambda wb: editing.add_area(wb, area))
    view = tree(nav)
    assert view.isExpanded(find(view, "P1"))
    assert find(view, "Area one").isValid()
    session.workbook.close()


def test_a_workbook_another_program_holds_locked_leaves_statuses_out_not_the_tree_broken(
    navigator: Navigator, session: Session
) -> None:
    """Statuses are judged as the tree paints them: a read refused there is not raised out of
    the painting, nor tried again at every paint."""
    session.workbook.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(session.workbook.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program writing its change
    try:
        view = tree(navigator)
        gdp = find(view, "LJ-GDP")
        view.expand(gdp.parent())
        view.viewport().repaint()
        assert gdp.data(STATUS_ROLE) is None
        assert gdp.data(Qt.ItemDataRole.DecorationRole) is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    session.set_as_of_year(2024)  # judged again once asked
    assert find(tree(navigator), "LJ-GDP").data(STATUS_ROLE) is not None


def test_a_target_hidden_by_the_filter_is_not_left_current_under_another(
    navigator: Navigator, qtbot: QtBot
) -> None:
    """LJ-GDP's page shown, "share" typed into the filter: the tree's cursor moved to
    LJ-SHARE-GDP unannounced, so the page kept showing LJ-GDP (and took its edits) while the
    navigator highlighted LJ-SHARE-GDP, and a click on it announced nothing."""
    with qtbot.waitSignal(navigator.target_selected):
        navigator.select_target(LJ_GDP)
    view = tree(navigator)
    announced: list[int] = []
    navigator.target_selected.connect(announced.append)
    qtbot.keyClicks(filter_box(navigator), "share")  # narrowed letter by letter
    assert not view.currentIndex().isValid()
    assert not view.selectionModel().selectedIndexes()
    share = find(view, "LJ-SHARE-GDP")
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(share).center()
    )
    assert len(announced) == 1 and announced[0] != LJ_GDP
    assert navigator.current_selection() == ("target", announced[0])
    filter_box(navigator).setText("")
    assert navigator.current_selection() == ("target", announced[0])


def test_the_shown_target_is_current_again_when_the_filter_shows_it(
    navigator: Navigator, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(navigator.target_selected):
        navigator.select_target(LJ_GDP)
    filter_box(navigator).setText("LJ-SHARE-FDI")
    filter_box(navigator).setText("")
    assert navigator.current_selection() == ("target", LJ_GDP)
