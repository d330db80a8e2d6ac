"""The progress chart of one target: figures by quality, baseline, plan, target and projection.

Figures after the as-of year are drawn grey and hollow, and the legend says they are not
counted. Colors come from the Okabe–Ito palette, lighter on a dark background; every series
also differs by line style or marker shape, so none rests on color alone.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPalette
from PySide6.QtWidgets import QGraphicsScene, QWidget

from ljtracker.domain import wording
from ljtracker.domain.model import Comparator, Observation, Quality, Target
from ljtracker.domain.number_text import format_number, join_unit
from ljtracker.domain.progress import planned_path
from ljtracker.domain.runs import across_gaps
from ljtracker.services.progress import TargetProgress
from ljtracker.ui.chart_axes import ValueAxis, YearAxis
from ljtracker.ui.chart_hover import HoverLabel
from ljtracker.ui.chart_series import SeriesSet
from ljtracker.ui.legend_corner import BOTTOM_LEFT, BOTTOM_RIGHT, TOP_LEFT, TOP_RIGHT, Polyline
from ljtracker.ui.progress_legend import MOST_ROOM, ProgressLegend
from ljtracker.ui.quality_text import QUALITIES, quality_label

__all__ = ["ProgressChart", "ValueAxis", "YearAxis"]


def _bullseye() -> QPainterPath:
    """The target's marker: a ring with a dot, unlike the star of an achieved status."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for radius in (0.5, 0.32, 0.14):
        path.addEllipse(QPointF(0, 0), radius, radius)
    return path


_BULLSEYE = _bullseye()
# (on a light background, on a dark one)
OBSERVED = ("#0072B2", "#56B4E9")
TARGET = ("#009E73", "#2FD5A0")
PROJECTION = ("#D55E00", "#E69F00")
MILESTONE = ("#CC79A7", "#E4A5C8")

# Marker per quality: shape and whether it is filled. Shapes differ, not only the fill.
QUALITY_MARKERS: dict[Quality, tuple[str, bool]] = {
    Quality.OFFICIAL: ("o", True),
    Quality.PRELIMINARY: ("o", False),
    Quality.ESTIMATE: ("t1", False),
}


# lines across the whole chart, seen on either side of a legend: not counted when placing it
_ACROSS = frozenset({"target", "band"})


class Line(pg.PlotDataItem):  # type: ignore[misc]
    """A series drawn as a line. Its points lie inside the view, whose ranges are set from
    them, so it is not limited to the view again each time the range moves."""

    def __init__(self, **options: Any) -> None:
        super().__init__(dynamicRangeLimit=None, **options)


class ProgressChart(pg.PlotWidget):  # type: ignore[misc]
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent, axisItems={"bottom": YearAxis("bottom"), "left": ValueAxis("left")}
        )
        # A dozen items that move on every edit: keeping a spatial index of them costs more
        # than it saves.
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        # nothing in the chart answers keys: Tab and a switch of view pass it by
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot_item = self.getPlotItem()
        self.plot_item.setMenuEnabled(False)
        self.plot_item.hideButtons()
        self.plot_item.setMouseEnabled(x=False, y=False)
        self.plot_item.getAxis("left").enableAutoSIPrefix(False)
        self.legend = ProgressLegend()
        self.legend.setParentItem(self.plot_item.getViewBox())
        self.series = SeriesSet(self.plot_item, self.legend)
        self.hover = HoverLabel(self.plot_item)
        self.hover_label = self.hover.label
        # said in the middle of a chart with nothing to draw, instead of values no one has
        self.empty_note = pg.LabelItem(justify="center")
        self.empty_note.setParentItem(self.plot_item.getViewBox())
        self.empty_note.anchor(itemPos=(0.5, 0.5), parentPos=(0.5, 0.5))
        self.empty_note.hide()
        self._shown: tuple[TargetProgress, str, int | None] | None = None
        self._extra_y: list[float] = []
        self._axis_label: str | None = None
        # the target, the years and the values in view, kept while a correction stays inside
        # (the values before any room is made for the legend)
        self._view: tuple[int | None, tuple[float, float], tuple[float, float]] | None = None
        self._dark = False
        self._legend_room = 0.0  # pixels kept right of the values for the legend beside them
        self.scene().sigMouseMoved.connect(self.hover_at)
        # what the legend covers depends on the chart's size: placed again once laid out
        self.plot_item.getViewBox().sigResized.connect(self._place_legend_again)
        self._apply_palette()
        self._ready = True

    # --- colors ----------------------------------------------------------------------------

    def _color(self, pair: tuple[str, str]) -> QColor:
        return QColor(pair[1] if self._dark else pair[0])

    def _apply_palette(self) -> None:
        palette = self.palette()
        self._background = palette.color(QPalette.ColorRole.Base)
        self._foreground = palette.color(QPalette.ColorRole.Text)
        self._dark = self._background.lightness() < 128
        self.setBackground(self._background)
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setPen(pg.mkPen(self._muted(140)))
            axis.setTextPen(pg.mkPen(self._foreground))
        self.plot_item.showGrid(x=True, y=True, alpha=0.12)
        legend_background = QColor(self._background)
        legend_background.setAlpha(225)
        self.legend.setBrush(pg.mkBrush(legend_background))
        self.legend.setPen(pg.mkPen(self._muted(90)))
        self.legend.setLabelTextColor(self._foreground)
        for _sample, label in self.legend.items:  # pyqtgraph colors only the labels added later
            label.setText(label.text)
        self.hover.set_colors(legend_background, self._muted(160), self._foreground)
        if self._axis_label is not None:
            self._write_unit()

    def _muted(self, alpha: int) -> QColor:
        color = QColor(self._foreground)
        color.setAlpha(alpha)
        return color

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        ready = getattr(self, "_ready", False)  # Qt sends palette changes during __init__
        if ready and event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
            if self._shown is not None:
                self.set_progress(*self._shown)

    # --- drawing ---------------------------------------------------------------------------

    def set_progress(
        self, progress: TargetProgress, lang: str, as_of_year: int | None = None
    ) -> None:
        """Draw the target's progress; figures after `as_of_year` are grey and not counted."""
        self._shown = (progress, lang, as_of_year)
        self._begin()
        target, assessment = progress.target, progress.assessment
        counted, later = _split_at(progress.observations, as_of_year)
        baseline_year = assessment.baseline_year
        baseline_value = assessment.baseline_value
        figures = [o for o in counted if o.year != baseline_year]
        self._draw_actual(target, figures, baseline_year, baseline_value)
        for quality in QUALITIES:
            self._draw_figures(target, [o for o in figures if o.quality is quality], quality)
        if baseline_year is not None and baseline_value is not None:
            self._draw_baseline(target, progress, baseline_year, baseline_value)
        self._draw_plan(target)
        self._draw_target(target, lang)
        self._draw_projection(progress)
        self._draw_later(target, later, as_of_year)
        self.series.finish()
        self._set_ranges()
        self._say_if_empty()
        unit = target.unit.strip()
        self._set_axis_label(html.escape(unit) if unit else None)
        self._place_legend(target)

    @property
    def items(self) -> dict[str, Any]:
        """The drawn series by role."""
        return self.series.items

    def _begin(self) -> None:
        self.series.begin()
        self.hover.clear()
        self._extra_y = []

    def _hover(self, x: float, y: float, lines: Callable[[], Sequence[str]]) -> None:
        self.hover.add(x, y, lines)

    def _amount(self, value: float, unit: str) -> str:
        """A value and its unit as the page's cards write them ("5,000亿元" in Chinese)."""
        chinese = self._shown is not None and self._shown[1] == "zh"
        return join_unit(format_number(value), unit, zh=chinese)

    def _value_lines(self, title: str, value: float, unit: str) -> tuple[str, ...]:
        return (title, self._amount(value, unit))

    def _figure_lines(
        self,
        target: Target,
        year: int,
        value: float,
        quality: Quality | None,
        source: str,
        title: str,
    ) -> tuple[str, ...]:
        return (
            title,
            self._amount(value, target.unit),
            quality_label(quality) if quality is not None else "",
            self.tr("Source: {source}").format(source=source) if source else "",
        )

    def _draw_actual(
        self,
        target: Target,
        figures: list[Observation],
        baseline_year: int | None,
        baseline_value: float | None,
    ) -> None:
        points = sorted((o.year, o.value) for o in figures)
        if baseline_year is not None and baseline_value is not None:
            points = sorted([(baseline_year, baseline_value), *points])
        if len(points) < 2:
            return
        joined, gaps = across_gaps(points)
        if any(len(run) > 1 for run in joined):
            # one item for all runs of years: NaN between two runs, which "finite" leaves open
            between = [(math.nan, math.nan)]
            line = [p for run in joined for p in (*between, *run)][1:]
            self.series.draw(
                "actual",
                Line,
                self.tr("Actual figures"),
                x=[p[0] for p in line],
                y=[p[1] for p in line],
                connect="finite",
                pen=pg.mkPen(self._color(OBSERVED), width=2.5),
                antialias=True,
            )
        if gaps:
            ends = [p for pair in gaps for p in pair]
            self.series.draw(
                "actual_gaps",
                Line,
                self.tr("No figures between"),
                x=[p[0] for p in ends],
                y=[p[1] for p in ends],
                connect="pairs",
                pen=pg.mkPen(self._color(OBSERVED), width=1.5, style=Qt.PenStyle.DotLine),
                antialias=True,
            )

    def _draw_figures(self, target: Target, figures: list[Observation], quality: Quality) -> None:
        if not figures:
            return
        symbol, filled = QUALITY_MARKERS[quality]
        color = self._color(OBSERVED)
        self.series.draw(
            f"quality:{quality.value}",
            pg.ScatterPlotItem,
            quality_label(quality),
            z=2,
            x=[o.year for o in figures],
            y=[o.value for o in figures],
            symbol=symbol,
            size=11,
            pen=pg.mkPen(color, width=2),
            brush=pg.mkBrush(color if filled else self._background),
        )
        for o in figures:
            lines = partial(
                self._figure_lines, target, o.year, o.value, o.quality, o.source, str(o.year)
            )
            self._hover(o.year, o.value, lines)

    def _draw_baseline(
        self, target: Target, progress: TargetProgress, year: int, value: float
    ) -> None:
        from_first = progress.assessment.baseline_from_first_observation
        first = next((o for o in progress.observations if o.year == year), None)
        quality = first.quality if from_first and first else target.baseline_quality
        source = first.source if from_first and first else target.baseline_source
        name = self.tr("Baseline {year}").format(year=year)
        if from_first:
            name = self.tr("Baseline {year} (first figure)").format(year=year)
        self.series.draw(
            "baseline",
            pg.ScatterPlotItem,
            name,
            z=2,
            x=[year],
            y=[value],
            symbol="s",
            size=11,
            pen=pg.mkPen(self._foreground, width=1.5),
            brush=pg.mkBrush(self._muted(200)),
        )
        self._hover(
            year, value, partial(self._figure_lines, target, year, value, quality, source, name)
        )

    def _draw_plan(self, target: Target) -> None:
        path = planned_path(target)
        if len(path) >= 2:
            self.series.draw(
                "planned",
                Line,
                self.tr("Planned path"),
                x=[p[0] for p in path],
                y=[p[1] for p in path],
                pen=pg.mkPen(self._muted(170), width=1.5, style=Qt.PenStyle.DashLine),
                antialias=True,
            )
            for year, value in path[1:-1]:
                self._hover(year, value, partial(self._planned_lines, year, value, target.unit))
        # also where there is no path to the target (one its baseline already meets)
        if target.milestones:
            self.series.draw(
                "milestones",
                pg.ScatterPlotItem,
                self.tr("Milestones"),
                z=1,
                x=[m.year for m in target.milestones],
                y=[m.value for m in target.milestones],
                symbol="d",
                size=12,
                pen=pg.mkPen(self._color(MILESTONE), width=2),
                brush=pg.mkBrush(self._color(MILESTONE)),
            )
            for m in target.milestones:
                title = self.tr("Milestone {year}").format(year=m.year)
                lines = partial(self._value_lines, title, m.value, target.unit)
                self._hover(m.year, m.value, lines)

    def _x_extent(self, target: Target) -> tuple[float, float]:
        xs = [p.x for p in self.hover.points] + [
            y for y in (target.baseline_year, target.target_year) if y is not None
        ]
        return (min(xs), max(xs)) if xs else (0.0, 1.0)

    def _draw_target(self, target: Target, lang: str) -> None:
        year, value = target.target_year, target.target_value
        if target.comparator is None or year is None or value is None:
            return
        color = self._color(TARGET)
        low, high = self._x_extent(target)
        low, high = low - 0.5, max(high, year) + 0.5
        goal = wording.goal(target, lang)
        name = self.tr("Target: {goal}").format(goal=goal)
        tolerance = abs(target.tolerance or 0.0)
        band = target.comparator is Comparator.ABOUT and tolerance > 0
        if band:
            fill = QColor(color)
            fill.setAlpha(50)
            self.series.draw(
                "band",
                Line,
                name,
                linked=("target", "target_marker"),
                z=-2,
                x=[low, high],
                y=[value + tolerance] * 2,
                pen=pg.mkPen(color, width=1),
                fillLevel=value - tolerance,
                fillBrush=pg.mkBrush(fill),
            )
            self._extra_y += [value - tolerance, value + tolerance]
        self.series.draw(
            "target",
            Line,
            None if band else name,
            linked=() if band else ("target_marker",),
            z=-1,
            x=[low, high],
            y=[value, value],
            pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashDotLine),
        )
        self.series.draw(
            "target_marker",
            pg.ScatterPlotItem,
            z=1,  # beneath a figure of the target year, which it rings
            x=[year],
            y=[value],
            symbol=_BULLSEYE,
            size=18,
            pen=pg.mkPen(color, width=1.5),
            brush=pg.mkBrush(color),
        )
        title = self.tr("Target {year}").format(year=year)
        self._hover(year, value, lambda: (title, goal))

    def _draw_projection(self, progress: TargetProgress) -> None:
        target, assessment = progress.target, progress.assessment
        latest, projected = assessment.latest, assessment.projected_value.value
        year = target.target_year
        if latest is None or projected is None or year is None or latest.year >= year:
            return
        name = self.tr("Projection: {value} in {year}").format(
            value=self._amount(projected, target.unit), year=year
        )
        self.series.draw(
            "projection",
            Line,
            name,
            z=-1,
            x=[latest.year, year],
            y=[latest.value, projected],
            pen=pg.mkPen(self._color(PROJECTION), width=2, style=Qt.PenStyle.DotLine),
            antialias=True,
            symbol="o",
            symbolSize=7,
            symbolPen=pg.mkPen(self._color(PROJECTION), width=1.5),
            symbolBrush=pg.mkBrush(self._background),
        )
        title = self.tr("Projection for {year}").format(year=year)
        self._hover(year, projected, partial(self._value_lines, title, projected, target.unit))

    def _draw_later(self, target: Target, later: list[Observation], as_of: int | None) -> None:
        if not later or as_of is None:
            return
        grey = self._muted(110)
        self.series.draw(
            "later",
            pg.ScatterPlotItem,
            self.tr("After {year}: not counted").format(year=as_of),
            z=2,
            x=[o.year for o in later],
            y=[o.value for o in later],
            symbol=[QUALITY_MARKERS[o.quality][0] for o in later],
            size=10,
            pen=pg.mkPen(grey, width=1.5),
            brush=pg.mkBrush(self._background),
        )
        for o in later:
            self._hover(o.year, o.value, partial(self._later_lines, target, o))

    def _planned_lines(self, year: int, value: float, unit: str) -> tuple[str, ...]:
        return self._value_lines(self.tr("Planned for {year}").format(year=year), value, unit)

    def _later_lines(self, target: Target, o: Observation) -> tuple[str, ...]:
        title = self.tr("{year} (after the as-of year, not counted)").format(year=o.year)
        return self._figure_lines(target, o.year, o.value, o.quality, o.source, title)

    def _set_ranges(self) -> None:
        xs = [p.x for p in self.hover.points]
        ys = [p.y for p in self.hover.points] + self._extra_y
        if not xs:  # the empty chart's own values, not the last target's
            self._view = None
            view = self.plot_item.getViewBox()
            if view.viewRange() != [[0, 1], [0, 1]]:
                view.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
            return
        assert self._shown is not None
        target_id = self._shown[0].target.id
        x_range = (min(xs) - 0.5, max(xs) + 0.5)
        shown = self._view
        same = shown is not None and shown[:2] == (target_id, x_range)
        y_range = steady_range(min(ys), max(ys), shown[2] if same and shown else None)
        self._view = (target_id, x_range, y_range)  # set in view with the legend's room

    def _say_if_empty(self) -> None:
        """With nothing drawn, the chart says so; it shows no values nor an empty legend."""
        empty = self._view is None
        if empty:
            self.empty_note.setText(
                self.tr("No baseline, target or figure to chart yet"),
                color=self._muted(170),
            )
        self.empty_note.setVisible(empty)
        self.legend.setVisible(not empty)
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            if axis.style["showValues"] == empty:
                axis.setStyle(showValues=not empty)

    def _set_axis_label(self, text: str | None) -> None:
        """The unit above the values, written across (a Chinese unit turned on its side reads
        badly); set again only when it changes, since setting it lays the chart out anew."""
        if text != self._axis_label:
            self._axis_label = text
            self._write_unit()

    def _write_unit(self) -> None:
        if self._axis_label is None:
            self.plot_item.setTitle(None)
            return
        size = f"{self.font().pointSizeF():g}pt"
        self.plot_item.setTitle(self._axis_label, justify="left", color=self._foreground, size=size)
        # a line of the unit's height, not pyqtgraph's 30 pixels for a title
        line = self.plot_item.titleLabel.item.boundingRect().height()
        self.plot_item.layout.setRowFixedHeight(0, math.ceil(line))

    def unit_label(self) -> str:
        """The unit as written above the values ("" when none is)."""
        return str(self.plot_item.titleLabel.text) if self._axis_label else ""

    def _place_legend(self, target: Target) -> None:
        """Of equals, the top left for rising series and the top right for falling ones
        (where the lines usually are not), then the other top corner, then the bottom ones.
        Where the best of them would hide a point or a line, beside the values when they
        keep most of their width; else the values make room for it above or below them."""
        top = [TOP_LEFT, TOP_RIGHT] if target.sign > 0 else [TOP_RIGHT, TOP_LEFT]
        view = self.plot_item.getViewBox()
        corners = [*top, BOTTOM_LEFT, BOTTOM_RIGHT]
        # the values as they would be with no legend beside them
        frame = view.sceneBoundingRect().adjusted(0, 0, self._legend_room, 0)
        points, lines, own_lines = self._drawn()
        if self._view is None:  # nothing drawn
            self._keep_beside(False)
            self.legend.place(corners, frame, view.viewRange(), points, lines)
            return
        # placed on the values as the figures want them, before any room is made
        _, x_range, (low, high) = self._view
        share = self.legend.place(corners, frame, (x_range, (low, high)), points, lines)
        hides = self.legend.hides(frame, (x_range, (low, high)), points, own_lines)
        height = self.plot_item.size().height()
        self._keep_beside(hides and self.legend.fits_beside(frame, height))
        if self._legend_room:
            share = 0.0
        elif 0 < share <= MOST_ROOM:
            # every corner holds a point: the values' axis is made taller on the legend's side
            span = (high - low) / (1 - share)
            bottom = self.legend.corner is not None and self.legend.corner[1]
            low, high = (high - span, high) if bottom else (low, low + span)
        if [list(x_range), [low, high]] != view.viewRange():
            view.setRange(xRange=x_range, yRange=(low, high), padding=0)

    def _keep_beside(self, beside: bool) -> None:
        """The legend beside the values, in room kept right of them, or in its corner of
        them."""
        view = self.plot_item.getViewBox()
        room = 0.0
        if beside:
            room = self.legend.put_beside(self.plot_item, view.geometry().top())
        else:
            self.legend.put_inside(view)
        if room != self._legend_room:
            self._legend_room = room
            self.plot_item.layout.setContentsMargins(1, 1, 1 + room, 1)

    def _place_legend_again(self) -> None:
        if self._shown is not None:
            self._place_legend(self._shown[0].target)

    def _drawn(self) -> tuple[list[tuple[float, float]], list[Polyline], list[Polyline]]:
        """The points (markers) and the lines the legend should keep clear of, and of those
        lines the ones that do not run across the whole chart."""
        points: list[tuple[float, float]] = []
        lines: list[Polyline] = []
        own_lines: list[Polyline] = []
        for role, item in self.series.items.items():
            if not item.isVisible():
                continue
            if isinstance(item, pg.ScatterPlotItem):
                points += zip(item.data["x"].tolist(), item.data["y"].tolist(), strict=True)
            elif isinstance(item, Line) and item.xData is not None:
                xs, ys = item.xData.tolist(), item.yData.tolist()
                lines.append((xs, ys))
                if role == "band":  # its lower edge too: a legend on the band hides it
                    lines.append((xs, [item.opts["fillLevel"]] * len(xs)))
                if role not in _ACROSS:
                    own_lines.append((xs, ys))
                if item.opts.get("symbol") is not None and role not in _ACROSS:
                    points += zip(xs, ys, strict=True)
        return points, lines, own_lines

    # --- reading back ----------------------------------------------------------------------

    def legend_labels(self) -> list[str]:
        return self.series.legend_labels()

    def legend_corner(self) -> str:
        if self.legend.beside:
            return "beside"
        right, bottom = self.legend.corner or TOP_LEFT
        return f"{'bottom' if bottom else 'top'} {'right' if right else 'left'}"

    def hover_at(self, scene_pos: QPointF) -> None:
        """Show the nearest point's year, value, quality and source under the pointer."""
        self.hover.show_near(scene_pos)

    def hover_points(self) -> list[tuple[float, float, str]]:
        """Each point the pointer can show, with what it would show."""
        return [(p.x, p.y, p.text) for p in self.hover.points]

    def hover_text(self) -> str:
        return self.hover.text()


def steady_range(low: float, high: float, shown: tuple[float, float] | None) -> tuple[float, float]:
    """The values to show for figures from `low` to `high`: a tenth of their spread beyond
    each end, or the range `shown` now while it still holds them with at least three quarters
    of that margin (a marker at the edge is not cut) and is no more than a quarter wider. A
    corrected figure then moves on a chart that stays still, and the axis is not drawn anew
    for it."""
    pad = (high - low) * 0.1 or abs(high) * 0.1 or 1.0
    wanted = (low - pad, high + pad)
    if shown is None:
        return wanted
    below, above = shown
    holds = below <= low - pad * 0.75 and high + pad * 0.75 <= above
    snug = above - below <= 1.25 * (wanted[1] - wanted[0])
    return shown if holds and snug else wanted


def _split_at(
    observations: Sequence[Observation], as_of_year: int | None
) -> tuple[list[Observation], list[Observation]]:
    """The figures up to `as_of_year` (all when None), and those after it."""
    if as_of_year is None:
        return list(observations), []
    counted = [o for o in observations if o.year <= as_of_year]
    return counted, [o for o in observations if o.year > as_of_year]
