"""A chart legend: samples with their labels, flowing left to right over as many rows as needed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QPainter

from ljtracker.report import style
from ljtracker.report.flow import Kit

SAMPLE_MM = 7.0
GAP_MM = 1.5
SPACING_MM = 4.5


@dataclass(frozen=True)
class LegendItem:
    label: str
    sample: Callable[[QPainter, QRectF], None]


def _rows(items: list[LegendItem], kit: Kit, width: float) -> list[list[tuple[LegendItem, float]]]:
    fm = QFontMetricsF(style.font("chart"), kit.device)
    s = kit.scale
    rows: list[list[tuple[LegendItem, float]]] = [[]]
    x = 0.0
    for item in items:
        item_width = s.mm(SAMPLE_MM + GAP_MM) + fm.horizontalAdvance(item.label)
        if rows[-1] and x + item_width > width:
            rows.append([])
            x = 0.0
        rows[-1].append((item, x))
        x += item_width + s.mm(SPACING_MM)
    return rows if rows[0] else []


def row_height(kit: Kit) -> float:
    return QFontMetricsF(style.font("chart"), kit.device).height() * 1.5


def legend_height(items: list[LegendItem], kit: Kit, width: float) -> float:
    return len(_rows(items, kit, width)) * row_height(kit)


def paint_legend(painter: QPainter, items: list[LegendItem], kit: Kit, rect: QRectF) -> None:
    fm = QFontMetricsF(style.font("chart"), kit.device)
    s = kit.scale
    height = row_height(kit)
    painter.save()
    painter.setFont(style.font("chart"))
    for index, row in enumerate(_rows(items, kit, rect.width())):
        top = rect.top() + index * height
        for item, x in row:
            box = QRectF(rect.left() + x, top, s.mm(SAMPLE_MM), height)
            painter.save()
            item.sample(painter, box)
            painter.restore()
            painter.setPen(style.INK)
            baseline = top + (height + fm.ascent() - fm.descent()) / 2
            painter.drawText(QPointF(box.right() + s.mm(GAP_MM), baseline), item.label)
    painter.restore()
