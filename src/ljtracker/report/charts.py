"""Vector charts painted with QPainter: a target's progress chart and the status-by-area bars.

They are drawn straight into the document (no widget screenshots), so they stay sharp at any
zoom and their labels stay text. Data lines are at least 0.5 mm wide on paper; series differ by
dash pattern and marker shape as well as color, so a grey print still reads.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QBrush,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)

from ljtracker.domain.model import Quality
from ljtracker.domain.number_text import format_number
from ljtracker.domain.runs import across_gaps
from ljtracker.report import style
from ljtracker.report.chart_legend import LegendItem, legend_height, paint_legend
from ljtracker.report.chart_marks import (
    BAND,
    DATA_MM,
    GAP_DASHES,
    GRID,
    GUIDE_MM,
    MARKER_MM,
    OBSERVED,
    PLANNED,
    PLANNED_DASHES,
    TARGET,
    TARGET_DASHES,
    marker_shape,
    paint_marker,
    pen,
    projection_pen,
)
from ljtracker.report.document import ChartPoint, ProgressChart
from ljtracker.report.flow import Kit

HEADROOM = 0.06  # share of the value range kept free above and below the data


def tick_labels(ticks: list[float]) -> list[str]:
    """The ticks written alike, with the decimals their step needs: 26.5, 27.0, 27.5 (not
    26.5, 27, 27.5, which reads as two kinds of figure)."""
    steps = [b - a for a, b in pairwise(ticks)]
    step = min(steps, default=1.0)
    fraction = f"{step:.10f}".rstrip("0").partition(".")[2]
    return [_grouped(tick, len(fraction)) for tick in ticks]


def _grouped(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    return text.removeprefix("-") if float(value) == 0 else text  # never "-0.0"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) covering low..high.

    The range is widened a little first, so that no point sits on the plot's edge.
    """
    if high <= low:
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    room = (high - low) * HEADROOM
    low, high = low - room, high + room
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step + 1e-9) * step
    last = math.ceil(high / step - 1e-9) * step
    ticks = []
    value = first
    while value <= last + step * 1e-6:
        ticks.append(round(value, 10))
        value += step
    return ticks


def year_step(span: int) -> int:
    return 1 if span <= 12 else 2 if span <= 24 else 5


@dataclass(frozen=True)
class _Frame:
    plot: QRectF
    first_year: int
    last_year: int
    low: float
    high: float

    def x(self, year: float) -> float:
        span = self.last_year - self.first_year + 1
        return self.plot.left() + (year - self.first_year + 0.5) / span * self.plot.width()

    def y(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        return self.plot.bottom() - share * self.plot.height()

    def point(self, p: ChartPoint) -> QPointF:
        return self.at(p.year, p.value)

    def at(self, year: float, value: float) -> QPointF:
        return QPointF(self.x(year), self.y(value))


def _all_points(chart: ProgressChart) -> list[ChartPoint]:
    points = [*chart.series, *chart.planned, *chart.milestones, *chart.projection]
    points += [p for p in (chart.baseline, chart.target) if p is not None]
    return points


def _legend_items(chart: ProgressChart, kit: Kit) -> list[LegendItem]:
    labels = chart.labels
    items: list[LegendItem] = []

    def line_sample(line_pen: QPen, marker: str = "") -> Callable[[QPainter, QRectF], None]:
        def sample(painter: QPainter, box: QRectF) -> None:
            y = box.center().y()
            painter.setPen(line_pen)
            painter.drawLine(QPointF(box.left(), y), QPointF(box.right(), y))
            if marker:
                paint_marker(painter, kit, box.center(), marker)

        return sample

    def marker_sample(kind: str) -> Callable[[QPainter, QRectF], None]:
        return lambda painter, box: paint_marker(painter, kit, box.center(), kind)

    if chart.series:
        joined, gaps = across_gaps(_observed_line(chart))
        if any(len(run) > 1 for run in joined):
            items.append(LegendItem(labels.observed, line_sample(pen(kit, OBSERVED, DATA_MM))))
        if gaps:
            items.append(LegendItem(labels.gap, line_sample(_gap_pen(kit))))
        present = {p.quality for p in chart.series}
        for quality, word in labels.qualities:
            if quality in present:
                items.append(LegendItem(word, marker_sample(quality.value)))
    if chart.baseline is not None:
        items.append(LegendItem(labels.baseline, marker_sample("baseline")))
    if chart.band is not None:

        def band_sample(painter: QPainter, box: QRectF) -> None:
            painter.fillRect(box.adjusted(0, box.height() * 0.2, 0, -box.height() * 0.2), BAND)

        items.append(LegendItem(labels.band, band_sample))
    if chart.target is not None:
        target_pen = pen(kit, TARGET, GUIDE_MM, TARGET_DASHES)
        items.append(LegendItem(labels.target, line_sample(target_pen, "target")))
    if chart.planned:
        items.append(
            LegendItem(labels.planned, line_sample(pen(kit, PLANNED, GUIDE_MM, PLANNED_DASHES)))
        )
    if chart.milestones:
        items.append(LegendItem(labels.milestones, marker_sample("milestone")))
    if chart.projection:
        items.append(LegendItem(labels.projection, line_sample(projection_pen(kit))))
    return items


def paint_progress_chart(painter: QPainter, rect: QRectF, chart: ProgressChart, kit: Kit) -> None:
    s = kit.scale
    font = style.font("chart")
    fm = QFontMetricsF(font, kit.device)
    items = _legend_items(chart, kit)
    legend_h = legend_height(items, kit, rect.width())
    points = _all_points(chart)
    values = [p.value for p in points] + list(chart.band or ())
    line_h = fm.height()
    plot_h = rect.height() - line_h * 1.4 - line_h - s.mm(2.5) - legend_h
    label_room = _label_gap(kit) + fm.ascent() + 1
    ticks = _ticks_with_room(values, chart.series[-1] if chart.series else None, plot_h, label_room)
    years = [p.year for p in points] + [chart.as_of_year]
    first_year, last_year = min(years), max(years)
    label_w = max(fm.horizontalAdvance(label) for label in tick_labels(ticks))
    plot = QRectF(
        rect.left() + label_w + s.mm(2),
        rect.top() + line_h * 1.4,
        rect.width() - label_w - s.mm(4),
        plot_h,
    )
    frame = _Frame(plot, first_year, last_year, ticks[0], ticks[-1])
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    if chart.band is not None:
        top, bottom = frame.y(chart.band[1]), frame.y(chart.band[0])
        painter.fillRect(QRectF(plot.left(), top, plot.width(), bottom - top), BAND)
    _paint_axes(painter, kit, frame, ticks, fm, chart)
    if chart.planned:
        painter.setPen(pen(kit, PLANNED, GUIDE_MM, PLANNED_DASHES))
        painter.drawPolyline(QPolygonF([frame.point(p) for p in chart.planned]))
    for milestone in chart.milestones:
        paint_marker(painter, kit, frame.point(milestone), "milestone")
    if chart.target is not None:
        y = frame.y(chart.target.value)
        painter.setPen(pen(kit, TARGET, GUIDE_MM, TARGET_DASHES))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
    if chart.projection:
        painter.setPen(projection_pen(kit))
        painter.drawPolyline(QPolygonF([frame.point(p) for p in chart.projection]))
        paint_marker(painter, kit, frame.point(chart.projection[-1]), "projection")
    if chart.target is not None:  # beneath a figure of the target year, which it rings
        paint_marker(painter, kit, frame.point(chart.target), "target")
    _paint_observed(painter, kit, frame, chart, fm)
    painter.restore()
    legend_top = rect.bottom() - legend_h
    paint_legend(painter, items, kit, QRectF(rect.left(), legend_top, rect.width(), legend_h))


def _paint_axes(
    painter: QPainter,
    kit: Kit,
    frame: _Frame,
    ticks: list[float],
    fm: QFontMetricsF,
    chart: ProgressChart,
) -> None:
    s, plot = kit.scale, frame.plot
    for tick, label in zip(ticks, tick_labels(ticks), strict=True):
        y = frame.y(tick)
        painter.setPen(QPen(GRID, s.mm(0.15)))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(style.MUTED)
        x = plot.left() - s.mm(1.5) - fm.horizontalAdvance(label)
        painter.drawText(QPointF(x, y + fm.ascent() / 2 - fm.descent() / 2), label)
    painter.setPen(QPen(style.RULE, s.mm(0.25)))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    step = year_step(frame.last_year - frame.first_year)
    for year in range(frame.first_year, frame.last_year + 1):
        x = frame.x(year)
        painter.setPen(QPen(style.RULE, s.mm(0.25)))
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + s.mm(1)))
        if (year - frame.first_year) % step == 0:
            label = str(year)
            painter.setPen(style.MUTED)
            baseline = plot.bottom() + s.mm(1.5) + fm.ascent()
            painter.drawText(QPointF(x - fm.horizontalAdvance(label) / 2, baseline), label)
    painter.setPen(style.INK)
    if chart.unit:
        painter.drawText(
            QPointF(plot.left() - s.mm(1.5), plot.top() - fm.height() * 0.55), chart.unit
        )
    x = frame.x(chart.as_of_year)
    painter.setPen(pen(kit, style.MUTED, 0.25, [4.0, 3.0]))
    painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
    label = chart.labels.as_of
    width = fm.horizontalAdvance(label)
    left = min(
        max(x - width / 2, plot.left() + fm.horizontalAdvance(chart.unit) + s.mm(3)),
        plot.right() - width,
    )
    painter.setPen(style.MUTED)
    painter.drawText(QPointF(left, plot.top() - fm.height() * 0.55), label)


def _observed_line(chart: ProgressChart) -> list[tuple[int, float]]:
    """The points the observed line joins: the figures, and the baseline before them."""
    line = list(chart.series)
    baseline = chart.baseline
    if baseline is not None and all(p.year != baseline.year for p in line):
        line = sorted([baseline, *line], key=lambda p: p.year)
    return [(p.year, p.value) for p in line]


def _gap_pen(kit: Kit) -> QPen:
    return pen(kit, OBSERVED, DATA_MM / 2, GAP_DASHES)


def _paint_observed(
    painter: QPainter, kit: Kit, frame: _Frame, chart: ProgressChart, fm: QFontMetricsF
) -> None:
    baseline = chart.baseline
    joined, gaps = across_gaps(_observed_line(chart))
    painter.setBrush(QBrush())
    painter.setPen(pen(kit, OBSERVED, DATA_MM))
    for run in joined:
        if len(run) > 1:
            path = QPainterPath(frame.at(*run[0]))
            for year, value in run[1:]:
                path.lineTo(frame.at(year, value))
            painter.drawPath(path)
    # no line through years without a figure, only dots: nothing was measured there
    painter.setPen(_gap_pen(kit))
    for start, end in gaps:
        painter.drawLine(frame.at(*start), frame.at(*end))
    if baseline is not None:
        paint_marker(painter, kit, frame.point(baseline), "baseline")
    for p in chart.series:
        paint_marker(painter, kit, frame.point(p), (p.quality or Quality.OFFICIAL).value)
    if chart.series:
        _label_latest(painter, kit, frame, chart, fm)


def _label_gap(kit: Kit) -> float:
    return kit.scale.mm(MARKER_MM) * 0.7


def _ticks_with_room(
    values: list[float], latest: ChartPoint | None, plot_height: float, room: float
) -> list[float]:
    """The value axis's ticks, reaching high enough that the latest figure's label fits
    above its marker: beneath it, it would sit on the line rising to the marker."""
    low, high = min(values), max(values)
    ticks = nice_ticks(low, high)
    if latest is None or plot_height <= room * 2:
        return ticks
    for _ in range(3):  # a wider range gives each unit less room: a step or two settles it
        per_unit = plot_height / (ticks[-1] - ticks[0])
        if (ticks[-1] - latest.value) * per_unit >= room:
            break
        high = max(high, latest.value + room / per_unit)
        ticks = nice_ticks(low, high)
    return ticks


def _drawn_shapes(kit: Kit, frame: _Frame, chart: ProgressChart) -> list[QPainterPath]:
    """What the chart draws that a label must not cover: its lines, as wide as drawn, and its
    markers."""
    plot = frame.plot
    lines = [[frame.at(year, value) for year, value in _observed_line(chart)]]
    lines += [[frame.point(p) for p in chart.planned], [frame.point(p) for p in chart.projection]]
    if chart.target is not None:
        y = frame.y(chart.target.value)
        lines.append([QPointF(plot.left(), y), QPointF(plot.right(), y)])
    as_of = frame.x(chart.as_of_year)
    lines.append([QPointF(as_of, plot.top()), QPointF(as_of, plot.bottom())])
    stroker = QPainterPathStroker()
    stroker.setWidth(kit.scale.mm(DATA_MM))
    shapes = []
    for line in lines:
        if len(line) > 1:
            path = QPainterPath(line[0])
            for corner in line[1:]:
                path.lineTo(corner)
            shapes.append(stroker.createStroke(path))
    return shapes + [marker_shape(kit, frame.point(p), kind) for p, kind in _markers(chart)]


def _markers(chart: ProgressChart) -> list[tuple[ChartPoint, str]]:
    """The chart's markers, each with its kind."""
    marks = [(p, "figure") for p in chart.series] + [(p, "milestone") for p in chart.milestones]
    marks += [(p, "projection") for p in chart.projection[-1:]]
    marks += [(p, "baseline") for p in (chart.baseline,) if p is not None]
    return marks + [(p, "target") for p in (chart.target,) if p is not None]


def latest_label_box(kit: Kit, frame: _Frame, chart: ProgressChart, fm: QFontMetricsF) -> QRectF:
    """Where the latest figure's label goes: beside its marker, inside the plot, over none of
    the chart's lines and markers (4,900 written on a target line of 5,000 reads as the
    target), trying above and to the left first; where every place covers something, the
    one that covers least."""
    latest = chart.series[-1]
    at = frame.point(latest)
    # clear of the widest marker drawn where the latest figure is (a baseline's square)
    here = [marker_shape(kit, at, kind) for p, kind in _markers(chart) if frame.point(p) == at]
    reach = max((shape.boundingRect().width() / 2 for shape in here), default=0.0)
    gap = max(_label_gap(kit), reach + kit.scale.mm(0.2))
    width = fm.horizontalAdvance(format_number(latest.value))
    height = fm.ascent() + fm.descent()
    plot = frame.plot
    left = max(at.x() - gap - width, plot.left() + gap)
    right = at.x() + gap
    above = at.y() - gap - fm.ascent()
    below = at.y() + gap
    tops = (above, below, above - height, below + height)
    places = [QRectF(x, top, width, height) for top in tops[:2] for x in (left, right)]
    places += [QRectF(left, top, width, height) for top in tops[2:]]
    inside = [p for p in places if plot.contains(p)] or [places[0]]
    shapes = _drawn_shapes(kit, frame, chart)
    return min(inside, key=lambda p: sum(shape.intersects(p) for shape in shapes))


def _label_latest(
    painter: QPainter, kit: Kit, frame: _Frame, chart: ProgressChart, fm: QFontMetricsF
) -> None:
    """The latest figure, written beside its marker."""
    place = latest_label_box(kit, frame, chart, fm)
    painter.setPen(OBSERVED)
    painter.drawText(
        QPointF(place.left(), place.top() + fm.ascent()), format_number(chart.series[-1].value)
    )
