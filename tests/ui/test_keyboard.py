"""The window with the keyboard alone: Tab gets out of tables, charts take no focus, a wizard's
new page has the focus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ljtracker.storage import reads
from ljtracker.ui.dashboard import DashboardView
from ljtracker.ui.figure_cells import Field
from ljtracker.ui.session import Session
from ljtracker.ui.target_page import TargetPage


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1100, 850)
    widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()
    return widget


def lj2025_page(qtbot: QtBot, session: Session) -> TargetPage:
    page = TargetPage(session)
    plan = reads.plan_by_code(session.workbook, "LJ2025")
    assert plan is not None
    gdp = reads.target_by_code(session.workbook, plan.id or 0, "LJ-GDP")
    assert gdp is not None
    page.show_target(gdp.id or 0)
    shown(qtbot, page)
    return page


def test_tab_moves_through_the_yearly_table_then_out_of_it(qtbot: QtBot, session: Session) -> None:
    page = lj2025_page(qtbot, session)
    table, model = page.table, page.table_model
    last = model.index(model.rowCount() - 1, model.columnCount() - 1)
    table.setFocus()
    table.setCurrentIndex(model.index(0, model.column_of(Field.VALUE)))
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert table.hasFocus() and table.currentIndex().column() == model.column_of(Field.VALUE) + 1
    table.setCurrentIndex(last)
    qtbot.keyClick(table, Qt.Key.Key_Tab)  # past the last cell: on to what follows
    assert not table.hasFocus() and table.currentIndex() == last
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not table.hasFocus()
    table.setFocus()
    table.setCurrentIndex(model.index(1, 1))
    qtbot.keyClick(table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # from anywhere
    assert not table.hasFocus()


def test_charts_take_no_focus(qtbot: QtBot, session: Session) -> None:
    page = lj2025_page(qtbot, session)
    assert page.chart.focusPolicy() is Qt.FocusPolicy.NoFocus
    dashboard = DashboardView(session)
    assert dashboard.chart.plot.focusPolicy() is Qt.FocusPolicy.NoFocus


def test_tab_goes_on_past_the_dashboard_s_table(qtbot: QtBot, session: Session) -> None:
    window = QWidget()
    dashboard = DashboardView(session, window)
    after = QLineEdit(window)  # what follows the dashboard in the window
    layout = QVBoxLayout(window)
    layout.addWidget(dashboard)
    layout.addWidget(after)
    plan = reads.plan_by_code(session.workbook, "LJ2025")
    assert plan is not None
    dashboard.show_plan(plan.id or 0)
    shown(qtbot, window)
    dashboard.table.setFocus()
    dashboard.table.setCurrentIndex(dashboard.table.model().index(0, 0))
    qtbot.keyClick(dashboard.table, Qt.Key.Key_Tab)
    assert not dashboard.table.hasFocus()


def test_the_import_preview_has_the_focus_once_shown(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    from ljtracker.ui.import_wizard import ImportWizard

    path = tmp_path / "figures.csv"
    path.write_text("plan,code,year,value\nLJ2025,LJ-GDP,2022,4200\n", encoding="utf-8")
    wizard = ImportWizard(session)
    shown(qtbot, wizard)
    wizard.file_page.path.setText(str(path))
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    qtbot.waitUntil(lambda: wizard.preview_page.lines.hasFocus())
    focused = QApplication.focusWidget()
    assert focused is not None and focused.isVisible()


def test_ctrl_tab_in_an_open_cell_keeps_what_was_typed_and_leaves_the_table(
    qtbot: QtBot, session: Session
) -> None:
    page = lj2025_page(qtbot, session)
    table, model = page.table, page.table_model
    row = model.row_for_year(2022)
    assert row is not None
    index = model.index(row, model.column_of(Field.VALUE))
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.indexWidget(index)
    assert editor is not None
    qtbot.keyClicks(editor, "4200")
    qtbot.keyClick(editor, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert not table.hasFocus() and not table.isAncestorOf(QApplication.focusWidget())
    assert model.figure_row(row).value == 4200.0
