"""The yearly table redraws what a change alters, every cell of it, and little else."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from pytestqt.qtbot import QtBot
from target_pages import lj2025_page

from ljtracker.domain.change_names import ChangeName
from ljtracker.services import editing
from ljtracker.services.editing import ObservationEntry
from ljtracker.storage import reads
from ljtracker.ui.figure_cells import Field, plain_number
from ljtracker.ui.observation_model import ObservationTableModel
from ljtracker.ui.session import Session
from ljtracker.ui.target_page import TargetPage

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole)


def _shown(model: ObservationTableModel) -> dict[tuple[int, int], tuple[Any, ...]]:
    def plain(value: Any) -> Any:
        return value.color().name() if hasattr(value, "color") else value

    return {
        (row, column): tuple(plain(model.index(row, column).data(role)) for role in ROLES)
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    }


@contextmanager
def redrawn_rows(model: ObservationTableModel) -> Iterator[set[int]]:
    """The rows the model says changed, checked to hold every cell whose text or color did."""
    rows: set[int] = set()

    def note(first: QModelIndex, last: QModelIndex, _roles: Any = None) -> None:
        rows.update(range(first.row(), last.row() + 1))

    before = _shown(model)
    model.dataChanged.connect(note)
    try:
        yield rows
    finally:
        model.dataChanged.disconnect(note)
    after = _shown(model)
    assert after.keys() == before.keys()
    stale = {row for row, column in after if after[row, column] != before[row, column]} - rows
    assert not stale, f"rows shown out of date: {sorted(stale)}"


def row_of(page: TargetPage, year: int) -> int:
    row = page.table_model.row_for_year(year)
    assert row is not None
    return row


def changed(page: TargetPage, change: Callable[[], object]) -> set[int]:
    with redrawn_rows(page.table_model) as rows:
        change()
    return rows


def test_an_edit_redraws_its_own_row(qtbot: QtBot, session: Session) -> None:
    page = lj2025_page(qtbot, session)
    model = page.table_model
    cell = model.index(row_of(page, 2021), model.column_of(Field.VALUE))

    rows = changed(page, lambda: model.setData(cell, plain_number(4111.0)))

    assert rows == {row_of(page, 2021)}
    assert cell.data() == model.show_number(4111.0)


def test_a_figure_of_another_target_redraws_nothing(qtbot: QtBot, session: Session) -> None:
    page = lj2025_page(qtbot, session)
    plan = reads.plan_by_code(session.workbook, "LJ2025")
    assert plan is not None and plan.id is not None
    other = reads.target_by_code(session.workbook, plan.id, "LJ-SEI")
    assert other is not None and other.id is not None
    entry = ObservationEntry(other.id, 2022, 45.0)

    rows = changed(
        page,
        lambda: session.apply(ChangeName("x"), lambda wb: editing.set_observations(wb, [entry])),
    )

    assert rows == set()


def test_an_as_of_year_greys_the_later_rows(qtbot: QtBot, session: Session) -> None:
    page = lj2025_page(qtbot, session)

    def greyed(year: int) -> bool:
        brush = page.table_model.index(row_of(page, year), 0).data(Qt.ItemDataRole.ForegroundRole)
        return brush is not None and brush.color() == grey

    grey = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    assert not greyed(2021)

    rows = changed(page, lambda: session.set_as_of_year(2020))

    assert {row_of(page, 2021), row_of(page, 2022)} <= rows
    assert greyed(2021) and greyed(2022) and not greyed(2020)
    changed(page, lambda: session.set_as_of_year(None))
    assert not greyed(2021) and not greyed(2022)


def test_a_new_target_value_redraws_the_planned_column(qtbot: QtBot, session: Session) -> None:
    page = lj2025_page(qtbot, session)
    assert page.progress is not None
    target = replace(page.progress.target, target_value=6000.0)

    rows = changed(
        page, lambda: session.apply(ChangeName("t"), lambda wb: editing.update_target(wb, target))
    )

    assert row_of(page, 2023) in rows
