"""The progress chart redrawn in place after a change draws what a chart drawn anew draws.

Only the view may differ: a correction that stays inside it leaves it where it was."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Comparator, Method, Observation, Quality, Settings, Target
from ljtracker.domain.progress import assess
from ljtracker.services import editing
from ljtracker.services.progress import TargetProgress
from ljtracker.services.settings import save_settings
from ljtracker.storage import reads
from ljtracker.ui.figure_cells import Field, plain_number
from ljtracker.ui.progress_chart import ProgressChart
from ljtracker.ui.session import Session
from ljtracker.ui.target_page import TargetPage


def _pen(pen: Any) -> tuple[str, float, Qt.PenStyle] | None:
    return None if pen is None else (pen.color().name(), pen.widthF(), pen.style())


def _item_drawing(item: Any) -> tuple[Any, ...]:
    xs, ys = item.getData()
    points = tuple((float(x), round(float(y), 6)) for x, y in zip(xs, ys, strict=True))
    if isinstance(item, pg.ScatterPlotItem):
        symbols = tuple(str(spot.symbol()) for spot in item.points())
        brush = item.opts["brush"].color().name()
        return ("scatter", points, symbols, item.opts["size"], _pen(item.opts["pen"]), brush)
    opts = item.opts
    return ("line", points, _pen(pg.mkPen(opts["pen"])), opts["fillLevel"], opts["symbol"])


def drawing(chart: ProgressChart, *, view: bool = True) -> dict[str, Any]:
    """Everything the chart shows, as plain values: series, legend, axis label and, unless
    `view` is False, the ranges in view."""
    in_scene = [item for item in chart.plot_item.items if item is not chart.hover_label]
    assert sorted(map(id, in_scene)) == sorted(map(id, chart.items.values()))
    (x_low, x_high), (y_low, y_high) = chart.plot_item.getViewBox().viewRange()
    drawn = {
        "series": {
            role: (_item_drawing(item), item.zValue(), item.isVisible())
            for role, item in chart.items.items()
        },
        "legend": chart.legend_labels(),
        "unit": chart.unit_label(),
        "hover": chart.hover_points(),
    }
    if view:
        drawn["ranges"] = tuple(round(v, 6) for v in (x_low, x_high, y_low, y_high))
    return drawn


def view_of(chart: ProgressChart) -> tuple[float, float, float, float]:
    (x_low, x_high), (y_low, y_high) = chart.plot_item.getViewBox().viewRange()
    return x_low, x_high, y_low, y_high


def shows_every_point(chart: ProgressChart) -> bool:
    x_low, x_high, y_low, y_high = view_of(chart)
    return all(x_low < x < x_high and y_low < y < y_high for x, y, _ in chart.hover_points())


def redrawn_as_anew(qtbot: QtBot, page: TargetPage, as_of: int | None = None) -> bool:
    """The page's chart, redrawn in place, shows what a new chart would, every point in view."""
    assert page.progress is not None
    fresh = drawn_anew(qtbot, page.progress, as_of)
    del fresh["ranges"]
    return drawing(page.chart, view=False) == fresh and shows_every_point(page.chart)


def drawn_anew(qtbot: QtBot, progress: TargetProgress, as_of: int | None = None) -> dict[str, Any]:
    chart = ProgressChart()
    qtbot.addWidget(chart)
    chart.set_progress(progress, "en", as_of)
    return drawing(chart)


def open_page(qtbot: QtBot, session: Session, code: str) -> TargetPage:
    plan = reads.plan_by_code(session.workbook, "LJ2025")
    assert plan is not None and plan.id is not None
    target = reads.target_by_code(session.workbook, plan.id, code)
    assert target is not None and target.id is not None
    page = TargetPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 850)
    page.show_target(target.id)
    page.show()
    qtbot.waitExposed(page)
    return page


def value_cell(page: TargetPage, year: int) -> QModelIndex:
    model = page.table_model
    row = model.row_for_year(year)
    assert row is not None
    return model.index(row, model.column_of(Field.VALUE))


def type_figure(page: TargetPage, year: int, value: float) -> None:
    """As the yearly table's delegate commits a typed number."""
    cell = value_cell(page, year)
    assert page.table_model.setData(cell, plain_number(value), Qt.ItemDataRole.EditRole)


def test_after_an_edit_the_chart_shows_the_new_value(qtbot: QtBot, session: Session) -> None:
    page = open_page(qtbot, session, "LJ-GDP")
    items_before = dict(page.chart.items)

    type_figure(page, 2021, 4123.0)

    assert page.progress is not None
    chart = page.chart
    assert (2021.0, 4123.0) in _item_drawing(chart.items["actual"])[1]
    assert _item_drawing(chart.items["quality:preliminary"])[1] == ((2021.0, 4123.0),)
    assert _item_drawing(chart.items["projection"])[1][0] == (2021.0, 4123.0)
    assert chart.items == items_before  # the same items, given new data
    assert redrawn_as_anew(qtbot, page)


def test_edits_undo_and_redo_each_draw_as_a_fresh_chart(qtbot: QtBot, session: Session) -> None:
    page = open_page(qtbot, session, "LJ-GDP")
    for value in (4100.0, 4200.5, 3900.0):
        type_figure(page, 2021, value)
        assert redrawn_as_anew(qtbot, page)
    session.undo_stack.undo()
    assert page.progress is not None
    assert (2021.0, 4200.5) in _item_drawing(page.chart.items["actual"])[1]
    assert redrawn_as_anew(qtbot, page)
    session.undo_stack.redo()
    assert redrawn_as_anew(qtbot, page)


def test_a_first_figure_and_a_removed_one_change_what_is_drawn(
    qtbot: QtBot, session: Session
) -> None:
    page = open_page(qtbot, session, "LJ-GDP")
    type_figure(page, 2022, 4300.0)
    assert page.progress is not None
    assert "Official" in page.chart.legend_labels()
    assert redrawn_as_anew(qtbot, page)

    official = page.chart.items["quality:official"]
    assert page.table_model.clear_cells([value_cell(page, 2022)])  # Delete on the cell
    assert "quality:official" not in page.chart.items
    assert official.scene() is None  # taken off the chart, not only hidden
    assert "Official" not in page.chart.legend_labels()
    assert redrawn_as_anew(qtbot, page)


def test_a_changed_target_or_method_draws_as_a_fresh_chart(qtbot: QtBot, session: Session) -> None:
    page = open_page(qtbot, session, "LJ-GDP")
    assert page.progress is not None
    target = page.progress.target
    about = replace(target, comparator=Comparator.ABOUT, tolerance=250.0, unit="bn yuan")
    session.apply(ChangeName("about"), lambda wb: editing.update_target(wb, about))
    assert page.progress is not None
    assert "band" in page.chart.items
    assert page.chart.unit_label() == "bn yuan"
    assert redrawn_as_anew(qtbot, page)

    at_least = replace(about, comparator=Comparator.AT_LEAST, tolerance=None)
    session.apply(ChangeName("back"), lambda wb: editing.update_target(wb, at_least))
    assert "band" not in page.chart.items
    assert redrawn_as_anew(qtbot, page)

    settings = Settings(method=Method.SCHEDULE)
    session.apply(ChangeName("method"), lambda wb: save_settings(wb, settings))
    assert redrawn_as_anew(qtbot, page)

    session.set_as_of_year(2020)
    assert "After 2020: not counted" in page.chart.legend_labels()
    assert redrawn_as_anew(qtbot, page, 2020)


def test_another_target_in_the_same_chart_draws_as_a_fresh_chart(qtbot: QtBot) -> None:
    rising = Target(
        1,
        "R",
        "",
        "Output",
        "bn",
        comparator=Comparator.AT_LEAST,
        baseline_year=2020,
        baseline_value=100.0,
        target_year=2025,
        target_value=200.0,
        id=1,
    )
    falling = replace(rising, comparator=Comparator.AT_MOST, target_value=50.0, unit="t", id=2)
    # a monitoring indicator not yet given a figure: nothing to draw, nor the last one's values
    watched = Target(1, "W", "", "Watched", "%", id=3)
    chart = ProgressChart()
    qtbot.addWidget(chart)
    shown = [
        (rising, [Observation(1, 2021, 120.0, Quality.ESTIMATE)]),
        (watched, []),
        (falling, []),
        (falling, [Observation(2, 2021, 90.0), Observation(2, 2022, 80.0)]),
        (rising, [Observation(1, 2023, 150.0, Quality.PRELIMINARY)]),
    ]
    for target, figures in shown:
        progress = TargetProgress(target, tuple(figures), assess(target, figures))
        chart.set_progress(progress, "en")
        assert drawing(chart) == drawn_anew(qtbot, progress)


def test_repeated_edits_do_not_render_the_markers_again(qtbot: QtBot, session: Session) -> None:
    page = open_page(qtbot, session, "LJ-GDP")
    markers = page.chart.items["quality:preliminary"]
    type_figure(page, 2021, 4001.0)
    rendered = len(markers.fragmentAtlas)  # pyqtgraph's cache of the symbols it has drawn
    for step in range(20):
        type_figure(page, 2021, 4002.0 + step)
    assert page.chart.items["quality:preliminary"] is markers
    assert len(markers.fragmentAtlas) == rendered


def test_a_correction_inside_the_view_leaves_the_view_where_it_was(
    qtbot: QtBot, session: Session
) -> None:
    page = open_page(qtbot, session, "LJ-GDP")
    type_figure(page, 2021, 4100.0)
    view = view_of(page.chart)
    type_figure(page, 2021, 4104.0)  # a revised figure, a little higher
    assert view_of(page.chart) == view
    assert (2021.0, 4104.0) in _item_drawing(page.chart.items["actual"])[1]


def test_a_figure_beyond_the_view_or_far_inside_it_fits_the_view_anew(
    qtbot: QtBot, session: Session
) -> None:
    page = open_page(qtbot, session, "LJ-GDP")
    type_figure(page, 2021, 4100.0)
    fitted = drawing(page.chart)["ranges"]
    type_figure(page, 2021, 9000.0)  # a slipped digit: the view grows to show it
    assert shows_every_point(page.chart)
    assert drawing(page.chart) == drawn_anew(qtbot, page.progress)
    type_figure(page, 2021, 4100.0)  # corrected: the view is not left twice too tall
    assert drawing(page.chart)["ranges"] == fitted
