"""The progress chart: what it draws for a target, its axes, legend, hover and colors."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPalette, QTextLayout
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ljtracker.domain.model import (
    Comparator,
    Direction,
    Milestone,
    Observation,
    Quality,
    Target,
    Trajectory,
)
from ljtracker.domain.progress import assess, planned_path
from ljtracker.fonts import simplified_chinese_family
from ljtracker.services.progress import TargetProgress, target_progress
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook
from ljtracker.ui import i18n
from ljtracker.ui.progress_chart import ProgressChart, ValueAxis, YearAxis


def gdp_progress(demo_path: Path, as_of: int | None = None) -> TargetProgress:
    with Workbook.open(demo_path) as wb:
        plan = reads.plan_by_code(wb, "LJ2025")
        assert plan is not None and plan.id is not None
        target = reads.target_by_code(wb, plan.id, "LJ-GDP")
        assert target is not None
        return target_progress(wb, target, as_of_year=as_of)


def progress_of(target: Target, observations: list[Observation]) -> TargetProgress:
    return TargetProgress(target, tuple(observations), assess(target, observations))


def chart_of(qtbot: QtBot, progress: TargetProgress, as_of: int | None = None) -> ProgressChart:
    chart = ProgressChart()
    qtbot.addWidget(chart)
    chart.resize(800, 420)
    chart.set_progress(progress, "en", as_of)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def xy(item: object) -> list[tuple[float, float]]:
    xs, ys = item.getData()  # type: ignore[attr-defined]
    return [(float(x), round(float(y), 2)) for x, y in zip(xs, ys, strict=True)]


def test_the_gdp_chart_draws_plan_target_projection_and_legend(
    qtbot: QtBot, demo_path: Path
) -> None:
    progress = gdp_progress(demo_path)
    chart = chart_of(qtbot, progress)

    assert xy(chart.items["actual"]) == [(2020.0, 3750.0), (2021.0, 4000.0)]
    planned = [(float(y), round(v, 2)) for y, v in planned_path(progress.target)]
    assert xy(chart.items["planned"]) == planned
    assert [y for _, y in xy(chart.items["target"])] == [5000.0, 5000.0]
    assert xy(chart.items["projection"]) == [(2021.0, 4000.0), (2025.0, 5178.15)]
    assert chart.legend_labels() == [
        "Actual figures",
        "Preliminary",
        "Baseline 2020",
        "Planned path",
        "Target: at least 5,000 亿元 by 2025",
        "Projection: 5,178.15 亿元 in 2025",
    ]
    assert chart.unit_label() == "亿元"  # written across above the values, not on its side
    assert not chart.plot_item.getAxis("left").label.isVisible()
    (x_low, x_high), _ = chart.plot_item.getViewBox().viewRange()
    assert x_low <= 2020 and x_high >= 2025


def test_a_chinese_chart_writes_amounts_as_the_cards_do(qtbot: QtBot, demo_path: Path) -> None:
    progress = gdp_progress(demo_path)
    chart = ProgressChart()
    qtbot.addWidget(chart)
    chart.set_progress(progress, "zh")
    labels = chart.legend_labels()
    assert any(
        label.endswith("5,178.15亿元 in 2025") or "5,178.15亿元" in label for label in labels
    )
    assert not [label for label in labels if "5,178.15 亿元" in label]


def test_each_quality_has_its_own_marker_shape_or_fill(qtbot: QtBot) -> None:
    target = Target(1, "T", "", "Jobs", "persons", direction=Direction.INCREASE, id=1)
    observations = [
        Observation(1, 2020, 10.0, Quality.OFFICIAL),
        Observation(1, 2021, 11.0, Quality.PRELIMINARY),
        Observation(1, 2022, 12.0, Quality.ESTIMATE),
    ]
    chart = chart_of(qtbot, progress_of(target, observations))
    markers = {
        quality: (
            chart.items[f"quality:{quality.value}"].opts["symbol"],
            chart.items[f"quality:{quality.value}"].opts["brush"].color().name(),
        )
        for quality in (Quality.PRELIMINARY, Quality.ESTIMATE)
    }
    assert markers[Quality.PRELIMINARY][0] != markers[Quality.ESTIMATE][0]
    assert "Baseline 2020 (first figure)" in chart.legend_labels()
    assert {"Preliminary", "Estimate"} <= set(chart.legend_labels())
    assert "target" not in chart.items and "projection" not in chart.items


def test_an_about_target_is_a_band(qtbot: QtBot) -> None:
    target = Target(
        1,
        "UR",
        "城镇调查失业率",
        "Surveyed urban unemployment rate",
        "%",
        comparator=Comparator.ABOUT,
        tolerance=0.5,
        baseline_year=2020,
        baseline_value=5.6,
        target_year=2025,
        target_value=5.5,
        trajectory=Trajectory.LINEAR,
        id=1,
    )
    chart = chart_of(qtbot, progress_of(target, [Observation(1, 2021, 5.1)]))
    band = chart.items["band"]
    assert band.opts["fillLevel"] == pytest.approx(5.0)
    assert [y for _, y in xy(band)] == [6.0, 6.0]
    assert "Target: about 5.5 % (± 0.5 percentage points) by 2025" in chart.legend_labels()


def test_figures_after_the_as_of_year_are_grey_and_not_counted(
    qtbot: QtBot, demo_path: Path
) -> None:
    progress = gdp_progress(demo_path)
    later = Observation(progress.target.id or 0, 2022, 4500.0, Quality.ESTIMATE)
    observations = [*progress.observations, later]
    shown = TargetProgress(
        progress.target,
        tuple(observations),
        assess(progress.target, observations, as_of_year=2021),
    )
    chart = chart_of(qtbot, shown, as_of=2021)
    assert 2022.0 not in [x for x, _ in xy(chart.items["actual"])]
    assert xy(chart.items["later"]) == [(2022.0, 4500.0)]
    assert "After 2021: not counted" in chart.legend_labels()


def test_hovering_a_point_shows_year_value_quality_and_source(
    qtbot: QtBot, demo_path: Path
) -> None:
    chart = chart_of(qtbot, gdp_progress(demo_path))
    view_box = chart.plot_item.getViewBox()
    at = view_box.mapViewToScene(QPointF(2021, 4000))
    chart.scene().sigMouseMoved.emit(at + QPointF(3, -2))
    text = chart.hover_text()
    assert text.splitlines()[:3] == ["2021", "4,000 亿元", "Preliminary"]
    assert "Source: Chongqing Daily" in text

    far = view_box.mapViewToScene(QPointF(2023, 3800))
    chart.scene().sigMouseMoved.emit(far)
    assert chart.hover_text() == ""


def test_year_ticks_are_whole_years_without_grouping(qtbot: QtBot) -> None:
    axis = YearAxis("bottom")
    levels = axis.tickValues(2019.5, 2025.5, 600)
    assert levels == [(1.0, [2020.0, 2021.0, 2022.0, 2023.0, 2024.0, 2025.0])]
    assert axis.tickStrings([2021.0, 2022.0], 1.0, 1.0) == ["2021", "2022"]
    narrow = axis.tickValues(1990.0, 2030.0, 200)
    assert all(v == int(v) for v in narrow[0][1]) and len(narrow[0][1]) <= 5
    values = ValueAxis("left")
    step, ticks = values.tickValues(3650, 5300, 400)[0]
    assert step in (200, 250, 500) and ticks[0] >= 3650
    assert values.tickStrings([4000.0, 4500.0], 1.0, 500.0) == ["4,000", "4,500"]


def test_colors_follow_a_dark_palette(qtbot: QtBot, demo_path: Path) -> None:
    chart = chart_of(qtbot, gdp_progress(demo_path))
    light_line = chart.items["actual"].opts["pen"].color().name()
    palette = chart.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1f22"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    chart.setPalette(palette)
    assert chart.backgroundBrush().color().lightness() < 128
    dark_line = chart.items["actual"].opts["pen"].color().name()
    assert dark_line != light_line
    assert QColor(dark_line).lightness() > QColor(light_line).lightness()
    # the legend drawn before the switch is written in the new text color too
    assert all("#e6e6e6" in label.item.toHtml() for _, label in chart.legend.items)


def drawn_with(text: str, font: QFont) -> set[str]:
    """The families of the fonts that draw `text`, checked to have a glyph for every character
    (no empty boxes)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert all(0 not in run.glyphIndexes() for run in runs)
    return {run.rawFont().familyName() for run in runs}


def test_chinese_labels_are_drawn_in_a_simplified_chinese_font(
    qtbot: QtBot, demo_path: Path
) -> None:
    chinese = simplified_chinese_family()
    if chinese is None:
        pytest.skip("no Simplified Chinese font is installed (the set-up installs one)")
    english_font = QApplication.font()
    i18n.install("zh")
    try:
        chart = ProgressChart()
        qtbot.addWidget(chart)
        chart.set_progress(gdp_progress(demo_path), "zh")
        label = next(label for _, label in chart.legend.items if "不低于" in label.text)
        # not Noto Sans CJK JP, which font fallback finds first and which draws Japanese forms
        assert chinese in drawn_with(label.text, label.item.font())
    finally:
        i18n.install("en")
    assert QApplication.font() == english_font


def test_redrawing_updates_the_series_and_drops_what_is_gone(qtbot: QtBot, demo_path: Path) -> None:
    progress = gdp_progress(demo_path)
    chart = chart_of(qtbot, progress)
    actual = chart.items["actual"]
    more = [*progress.observations, Observation(progress.target.id or 0, 2022, 4400.0)]
    chart.set_progress(
        TargetProgress(progress.target, tuple(more), assess(progress.target, more)), "en"
    )
    assert chart.items["actual"] is actual  # updated in place, not drawn anew
    assert xy(actual)[-1] == (2022.0, 4400.0)
    assert "Official" in chart.legend_labels()
    assert any(label.startswith("Projection: 5,") for label in chart.legend_labels())

    monitoring = Target(1, "M", "", "Jobs", "persons", direction=Direction.INCREASE, id=9)
    chart.set_progress(progress_of(monitoring, [Observation(9, 2020, 1.0)]), "en")
    assert set(chart.items) == {"baseline"}
    assert chart.legend_labels() == ["Baseline 2020 (first figure)"]
    drawn = [i for i in chart.plot_item.items if i is not chart.hover_label]
    assert drawn == [chart.items["baseline"]]


def test_hiding_the_target_from_the_legend_hides_its_marker(qtbot: QtBot, demo_path: Path) -> None:
    chart = chart_of(qtbot, gdp_progress(demo_path))
    chart.items["target"].setVisible(False)  # what a click on its legend entry does
    assert not chart.items["target_marker"].isVisible()
    chart.items["target"].setVisible(True)
    assert chart.items["target_marker"].isVisible()


def test_a_figure_of_the_target_year_is_drawn_over_the_target_marker(
    qtbot: QtBot, demo_path: Path
) -> None:
    progress = gdp_progress(demo_path)
    final = [*progress.observations, Observation(progress.target.id or 0, 2025, 4980.0)]
    chart = chart_of(qtbot, progress_of(progress.target, final))
    figures = [item for role, item in chart.items.items() if role.startswith("quality:")]
    assert figures
    assert all(f.zValue() > chart.items["target_marker"].zValue() for f in figures)


def test_milestones_are_marked_and_the_plan_passes_through_them(qtbot: QtBot) -> None:
    target = Target(
        1,
        "M",
        "",
        "Output",
        "bn",
        comparator=Comparator.AT_LEAST,
        baseline_year=2020,
        baseline_value=100.0,
        target_year=2025,
        target_value=200.0,
        milestones=(Milestone(2022, 160.0),),
        id=1,
    )
    chart = chart_of(qtbot, progress_of(target, [Observation(1, 2021, 120.0)]))
    assert xy(chart.items["milestones"]) == [(2022.0, 160.0)]
    assert (2022.0, 160.0) in xy(chart.items["planned"])
    assert "Milestones" in chart.legend_labels()


def test_the_legend_moves_off_the_points_it_would_cover(qtbot: QtBot, demo_path: Path) -> None:
    progress = gdp_progress(demo_path)
    chart = chart_of(qtbot, progress)
    # a rising series leaves the top left free of points, but the target's line runs there
    assert chart.legend_corner() == "bottom right"
    low = Observation(progress.target.id or 0, 2022, 1234.0)  # a fall far below the baseline
    observations = [*progress.observations, low]
    chart.set_progress(progress_of(progress.target, observations), "en")
    assert chart.legend_corner() == "bottom left"  # the baseline and target are at the top


def test_the_legend_is_placed_again_once_the_chart_has_its_size(
    qtbot: QtBot, demo_path: Path
) -> None:
    progress = gdp_progress(demo_path)
    low = Observation(progress.target.id or 0, 2022, 1234.0)
    chart = ProgressChart()
    qtbot.addWidget(chart)
    chart.resize(120, 90)  # drawn before it was laid out, as a new page draws it
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_progress(progress_of(progress.target, [*progress.observations, low]), "en")
    chart.resize(800, 420)
    qtbot.waitUntil(lambda: chart.plot_item.getViewBox().sceneBoundingRect().width() > 500)
    assert chart.legend_corner() == "bottom left"


def from_100_to_200(**changes: Any) -> Target:
    """At least 200 bn by 2026 from 100 in 2020."""
    target = Target(1, "X", "x", "x", "bn", comparator=Comparator.AT_LEAST, id=1)
    target = replace(target, baseline_year=2020, baseline_value=100.0, target_year=2026)
    return replace(target, target_value=200.0, **changes)


def _points_under_legend(chart: ProgressChart) -> list[tuple[float, float]]:
    """The drawn points (markers) that the legend hides."""
    legend = chart.legend.sceneBoundingRect()
    view = chart.plot_item.getViewBox()
    hidden = []
    for item in chart.items.values():
        if not item.isVisible():
            continue
        if isinstance(item, pg.ScatterPlotItem):
            xs, ys = item.data["x"], item.data["y"]
        elif isinstance(item, pg.PlotDataItem) and item.opts.get("symbol") is not None:
            xs, ys = item.getData()  # a line with markers: the projection
        else:
            continue
        for x, y in zip(xs, ys, strict=True):
            if legend.contains(view.mapViewToScene(QPointF(x, y))):
                hidden.append((float(x), float(y)))
    return hidden


def _beside_the_values(chart: ProgressChart) -> bool:
    view = chart.plot_item.getViewBox().sceneBoundingRect()
    return chart.legend.sceneBoundingRect().left() >= view.right()


def test_a_short_chart_puts_its_legend_beside_the_values_or_in_two_columns(
    qtbot: QtBot,
) -> None:
    progress = progress_of(
        from_100_to_200(), [Observation(1, 2023, 66.0)]
    )  # falling: a projection too
    chart = chart_of(qtbot, progress)
    assert chart.legend.columns == 1  # tall enough for one column
    assert not _beside_the_values(chart) and _points_under_legend(chart) == []
    view = chart.plot_item.getViewBox()
    chart.resize(930, 240)  # a target page in a short window: every corner covers a line
    qtbot.waitUntil(lambda: _beside_the_values(chart))
    assert chart.legend_corner() == "beside" and chart.legend.columns == 1
    assert chart.legend.sceneBoundingRect().bottom() <= view.sceneBoundingRect().bottom()
    assert len(chart.legend_labels()) == 6
    chart.resize(620, 240)  # too narrow to give a third of it up
    qtbot.waitUntil(lambda: chart.legend.columns == 2)
    QApplication.processEvents()
    assert not _beside_the_values(chart) and _points_under_legend(chart) == []
    chart.resize(930, 240)
    qtbot.waitUntil(lambda: _beside_the_values(chart))
    assert chart.legend.columns == 1


def test_a_legend_that_would_lie_over_the_figures_line_goes_beside_it(
    qtbot: QtBot, demo_path: Path
) -> None:
    """The dotted line to a 2024 figure ran under the legend in the top left corner."""
    progress = gdp_progress(demo_path)
    later = Observation(progress.target.id or 0, 2024, 5200.0, Quality.PRELIMINARY)
    chart = chart_of(qtbot, progress_of(progress.target, [*progress.observations, later]))
    chart.resize(975, 230)  # the target page's chart in a window of 1,280 by 800
    qtbot.waitUntil(lambda: _beside_the_values(chart))
    assert chart.legend_corner() == "beside"
    chart.resize(975, 600)  # tall: a corner is free again
    qtbot.waitUntil(lambda: not _beside_the_values(chart))
    QApplication.processEvents()
    assert chart.legend_corner() != "beside" and _points_under_legend(chart) == []
    assert chart.plot_item.getViewBox().sceneBoundingRect().right() > 950  # its room given back


def test_a_legend_beside_the_values_stays_whole_on_a_short_chart(qtbot: QtBot) -> None:
    """Beside the values of a chart barely taller than the legend, its foot was cut off."""
    figures = [
        Observation(1, 2021, 120.0),
        Observation(1, 2022, 140.0),
        Observation(1, 2023, 150.0),
    ]
    chart = chart_of(qtbot, progress_of(from_100_to_200(), figures))
    for height in range(130, 260, 10):
        chart.resize(1200, height)
        qtbot.waitUntil(lambda h=height: chart.height() == h)
        for _ in range(3):
            QApplication.processEvents()
        legend = chart.legend.sceneBoundingRect()
        if chart.legend_corner() == "beside":
            assert legend.top() >= 0 and legend.bottom() <= height - 4, height


def test_where_every_corner_holds_a_point_the_values_make_room_for_the_legend(
    qtbot: QtBot, demo_path: Path
) -> None:
    """A slipped 2022 figure (4.4 for 4,400) sent the projection to 0, under the legend."""
    progress = gdp_progress(demo_path)
    slip = Observation(progress.target.id or 0, 2022, 4.4)
    slipped = progress_of(progress.target, [*progress.observations, slip])
    chart = chart_of(qtbot, slipped)
    chart.resize(600, 290)  # a narrow target page: no room for the legend beside the values
    qtbot.waitUntil(lambda: chart.plot_item.getViewBox().sceneBoundingRect().height() < 290)
    chart.set_progress(slipped, "en")
    QApplication.processEvents()  # the room beside the values, kept at 800 wide, given back
    assert chart.legend_corner() != "beside" and _points_under_legend(chart) == []
    shown = chart.plot_item.getViewBox().viewRange()
    chart.set_progress(slipped, "en")  # drawn again (an edit elsewhere): the view stays still
    assert chart.plot_item.getViewBox().viewRange() == shown
    assert _points_under_legend(chart) == []
    # the room is worked out anew for each size: it does not pile up, and is given back
    lows = []
    view = chart.plot_item.getViewBox()
    for height in (700, 340, 300, 700):
        chart.resize(600, height)
        qtbot.waitUntil(
            lambda h=height: abs(view.sceneBoundingRect().height() - h) < 70
        )  # less its axis and unit
        QApplication.processEvents()
        lows.append(view.viewRange()[1][0])
        assert _points_under_legend(chart) == []
    assert lows[0] == lows[3] < 0 and lows[2] < lows[1] < lows[0]
    assert lows[2] >= lows[0] - (shown[1][1] - lows[0])  # the legend has half the chart at most


def test_a_legend_too_tall_to_make_room_for_takes_two_columns_instead(qtbot: QtBot) -> None:
    """A CPI band target on a short chart: six entries in one column, more than half its
    height, sat on the projection in every corner."""
    cpi = Target(1, "T-CPI", "居民消费价格涨幅", "CPI growth", "%", comparator=Comparator.ABOUT)
    cpi = replace(cpi, tolerance=0.5, baseline_year=2020, baseline_value=2.3, target_year=2025)
    cpi = replace(cpi, target_value=3.0, id=1)
    figures = [Observation(1, 2021, 0.9), Observation(1, 2022, 2.0), Observation(1, 2023, 0.3)]
    chart = chart_of(qtbot, progress_of(cpi, figures))
    chart.resize(1015, 290)  # wide: beside the values
    qtbot.waitUntil(lambda: _beside_the_values(chart))
    assert chart.legend.columns == 1
    chart.resize(800, 290)  # too narrow to give up its width
    view = chart.plot_item.getViewBox()
    qtbot.waitUntil(lambda: not _beside_the_values(chart))
    QApplication.processEvents()
    assert len(chart.legend_labels()) == 6 and chart.legend.columns == 2
    assert _points_under_legend(chart) == []
    chart.resize(800, 600)  # tall enough for one column again
    qtbot.waitUntil(lambda: view.sceneBoundingRect().height() > 500)
    QApplication.processEvents()
    assert chart.legend.columns == 1 and _points_under_legend(chart) == []


def test_the_same_figures_at_the_same_size_give_the_same_legend(qtbot: QtBot) -> None:
    """Two columns, once taken for crowded figures, stayed for figures one column suits."""
    cpi = Target(1, "T-CPI", "居民消费价格涨幅", "CPI growth", "%", comparator=Comparator.ABOUT)
    cpi = replace(cpi, tolerance=0.5, baseline_year=2020, baseline_value=2.3, target_year=2025)
    cpi = replace(cpi, target_value=3.0, id=1)
    crowded = [Observation(1, 2021, 0.9), Observation(1, 2022, 2.0), Observation(1, 2023, 0.3)]
    roomy = [Observation(1, 2021, 0.9), Observation(1, 2022, 1.0), Observation(1, 2023, 3.5)]
    chart = ProgressChart()
    qtbot.addWidget(chart)
    chart.show()
    qtbot.waitExposed(chart)
    for width, columns, where in ((800, [2, 1], "two columns"), (1015, [1, 1], "beside")):
        chart.resize(width, 290)
        drawn = []
        for shown in (crowded, roomy, crowded, roomy):
            chart.set_progress(progress_of(cpi, shown), "en")
            for _ in range(3):  # a change of room beside the values lays the chart out again
                QApplication.processEvents()
            view = chart.plot_item.getViewBox()
            drawn.append((chart.legend.columns, view.viewRange(), chart.legend_corner()))
        assert drawn[0] == drawn[2] and drawn[1] == drawn[3], where
        assert [columns for columns, _, _ in drawn] == columns * 2, where
    assert drawn[0][2] == "beside" and drawn[1][2] != "beside"


def test_the_legend_keeps_its_size_however_often_the_chart_is_resized(qtbot: QtBot) -> None:
    target = from_100_to_200(milestones=(Milestone(2023, 150.0),))
    figures = [
        Observation(1, 2021, 110.0, Quality.PRELIMINARY),
        Observation(1, 2022, 120.0, Quality.ESTIMATE),
        Observation(1, 2023, 170.0),
    ]
    chart = chart_of(qtbot, progress_of(target, figures))
    assert len(chart.legend_labels()) >= 8
    sizes = []
    for _ in range(4):
        for size in ((800, 460), (1200, 240)):
            chart.resize(*size)
            qtbot.waitUntil(lambda: chart.plot_item.getViewBox().sceneBoundingRect().width() > 700)
            QApplication.processEvents()
            sizes.append((chart.legend.columns, round(chart.legend.boundingRect().height())))
    assert [columns for columns, _ in sizes] == [1, 2] * 4  # one column tall, two short
    assert sizes[4:] == sizes[2:4] * 2  # the same size every time (it used to grow)
    assert max(height for _, height in sizes) == sizes[0][1]


def test_milestones_show_where_the_baseline_already_meets_the_target(qtbot: QtBot) -> None:
    """A ceiling kept from its baseline has no planned path; its milestones still show."""
    kept = replace(
        from_100_to_200(comparator=Comparator.AT_MOST, milestones=(Milestone(2023, 95.0),)),
        target_value=120.0,
    )
    chart = chart_of(qtbot, progress_of(kept, [Observation(1, 2022, 110.0)]))
    assert "planned" not in chart.items
    assert xy(chart.items["milestones"]) == [(2023.0, 95.0)]
    assert "Milestones" in chart.legend_labels()


def test_years_without_a_figure_are_not_drawn_as_measured(qtbot: QtBot) -> None:
    """Figures of 2020 and 2023 were joined by the solid line of actual figures, as if the
    years between had been measured; that stretch is dotted now, and the legend says why."""
    target = from_100_to_200()
    figures = [Observation(1, 2021, 110.0), Observation(1, 2022, 120.0)]
    chart = chart_of(qtbot, progress_of(target, [*figures, Observation(1, 2025, 170.0)]))
    solid = xy(chart.items["actual"])
    assert solid[:3] == [(2020.0, 100.0), (2021.0, 110.0), (2022.0, 120.0)]
    assert math.isnan(solid[3][0]) and solid[4:] == [(2025.0, 170.0)]  # broken before 2025
    assert chart.items["actual"].opts["connect"] == "finite"
    assert xy(chart.items["actual_gaps"]) == [(2022.0, 120.0), (2025.0, 170.0)]
    assert chart.items["actual_gaps"].opts["pen"].style() == Qt.PenStyle.DotLine
    assert "No figures between" in chart.legend_labels()
    chart.set_progress(progress_of(target, figures), "en", None)
    assert "actual_gaps" not in chart.items
    assert "No figures between" not in chart.legend_labels()
