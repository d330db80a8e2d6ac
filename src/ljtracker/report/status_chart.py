"""The summary's small chart: one stacked bar of statuses for all targets and for each area.

Each segment carries its status glyph and count, and the legend repeats glyph and label, so the
chart reads without color.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from ljtracker.domain.status_look import Shown, look_of
from ljtracker.report import style
from ljtracker.report.chart_legend import LegendItem, legend_height, paint_legend
from ljtracker.report.document import StatusChart
from ljtracker.report.flow import Kit
from ljtracker.report.textflow import Lines, draw_lines, wrap

LABEL_SHARE = 0.36
BAR_MM = 4.6
ROW_GAP_MM = 1.8


@dataclass(frozen=True)
class _Layout:
    labels: list[Lines]
    row_heights: list[float]
    legend: list[LegendItem]
    legend_height: float

    @property
    def height(self) -> float:
        return sum(self.row_heights) + self.legend_height


def _layout(chart: StatusChart, kit: Kit, width: float) -> _Layout:
    s = kit.scale
    labels = [
        wrap(bar.label, style.font("table", bold=bar.total_row), kit, width * LABEL_SHARE)
        for bar in chart.bars
    ]
    heights = [max(lines.height, s.mm(BAR_MM)) + s.mm(ROW_GAP_MM) for lines in labels]
    legend = [LegendItem(label, _glyph_sample(status)) for status, label in chart.legend]
    return _Layout(labels, heights, legend, legend_height(legend, kit, width) + s.mm(1.5))


def _glyph_sample(status: Shown) -> Callable[[QPainter, QRectF], None]:
    def sample(painter: QPainter, box: QRectF) -> None:
        painter.fillRect(
            box.adjusted(0, box.height() * 0.22, 0, -box.height() * 0.22),
            style.status_color(status),
        )
        painter.setFont(style.font("chart", bold=True))
        painter.setPen(QColor(look_of(status).on_color))
        fm = QFontMetricsF(painter.font(), painter.device())
        glyph = look_of(status).symbol
        x = box.center().x() - fm.horizontalAdvance(glyph) / 2
        painter.drawText(QPointF(x, box.center().y() + (fm.ascent() - fm.descent()) / 2), glyph)

    return sample


def status_chart_height(chart: StatusChart, kit: Kit, width: float) -> float:
    return _layout(chart, kit, width).height


def paint_status_chart(painter: QPainter, rect: QRectF, chart: StatusChart, kit: Kit) -> None:
    s = kit.scale
    layout = _layout(chart, kit, rect.width())
    fm = QFontMetricsF(style.font("chart", bold=True), kit.device)
    bar_left = rect.left() + rect.width() * LABEL_SHARE + s.mm(3)
    total_w = fm.horizontalAdvance("0000")
    bar_width = rect.right() - bar_left - total_w - s.mm(2)
    most = max((sum(n for _, n in bar.counts) for bar in chart.bars), default=0) or 1
    top = rect.top()
    painter.save()
    for bar, label, height in zip(chart.bars, layout.labels, layout.row_heights, strict=True):
        bar_h = s.mm(BAR_MM)
        bar_top = top + (height - s.mm(ROW_GAP_MM) - bar_h) / 2
        draw_lines(
            painter,
            label,
            rect.left(),
            top + (height - s.mm(ROW_GAP_MM) - label.height) / 2,
            rect.width() * LABEL_SHARE,
            style.INK,
        )
        x = bar_left
        painter.setFont(style.font("chart", bold=True))
        for status, count in bar.counts:
            if not count:
                continue
            look = look_of(status)
            w = bar_width * count / most
            painter.fillRect(QRectF(x, bar_top, w, bar_h), style.status_color(status))
            for text in (f"{look.symbol} {count}", str(count)):
                if fm.horizontalAdvance(text) + s.mm(1) <= w:
                    painter.setPen(QColor(look.on_color))
                    baseline = bar_top + (bar_h + fm.ascent() - fm.descent()) / 2
                    painter.drawText(
                        QPointF(x + (w - fm.horizontalAdvance(text)) / 2, baseline), text
                    )
                    break
            x += w
        painter.setPen(style.INK)
        total = str(sum(n for _, n in bar.counts))
        painter.drawText(
            QPointF(x + s.mm(1.5), bar_top + (bar_h + fm.ascent() - fm.descent()) / 2), total
        )
        top += height
    painter.restore()
    legend_rect = QRectF(rect.left(), top + s.mm(1.5), rect.width(), layout.legend_height)
    paint_legend(painter, layout.legend, kit, legend_rect)
