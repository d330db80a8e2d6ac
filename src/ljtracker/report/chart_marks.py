"""Marks shared by the chart and its legend: colors, line styles and point markers.

Observations are marked by quality (official: filled circle; preliminary: open circle; estimate:
open diamond), the baseline by a square, the target by a ring, a milestone by a filled diamond
on the planned path, the projection's end by an open circle. Lines differ by dash pattern as
well as color.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from ljtracker.domain.model import Quality
from ljtracker.report.flow import Kit

OBSERVED = QColor("#0b4f8a")
PLANNED = QColor("#6b6b6b")
TARGET = QColor("#007a5a")  # the window's target colour (#009E73), darker for paper; red warns
PROJECTION = QColor("#c26a00")
BASELINE = QColor("#2b2b2b")
MILESTONE = QColor("#a3437f")  # the window's milestone color, darker for paper
BAND = QColor(0, 158, 115, 50)
GRID = QColor("#dcdfe3")

DATA_MM = 0.6
GUIDE_MM = 0.5
MARKER_MM = 2.3


def pen(kit: Kit, color: QColor, mm: float, dashes: list[float] | None = None) -> QPen:
    result = QPen(color, kit.scale.mm(mm))
    result.setCapStyle(Qt.PenCapStyle.FlatCap if dashes else Qt.PenCapStyle.RoundCap)
    result.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dashes:
        result.setDashPattern(dashes)
    return result


PLANNED_DASHES = [5.0, 3.0]
GAP_DASHES = [1.0, 2.0]  # the observed line across years without a figure
PROJECTION_DASHES = [0.1, 2.2]
TARGET_DASHES = [8.0, 2.0, 1.5, 2.0]


def projection_pen(kit: Kit) -> QPen:
    result = pen(kit, PROJECTION, GUIDE_MM, PROJECTION_DASHES)
    result.setCapStyle(Qt.PenCapStyle.RoundCap)
    return result


def _diamond(centre: QPointF, r: float) -> QPolygonF:
    x, y = centre.x(), centre.y()
    return QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)])


# how far beyond the marker's half-size the baseline's square and the target's ring reach,
# as painted and as measured for what a label must keep clear of
_REACH = {"baseline": 1.45, "target": 1.3}


def marker_shape(kit: Kit, centre: QPointF, kind: str) -> QPainterPath:
    """The area a marker of this kind covers, its outline's width included."""
    half = kit.scale.mm(MARKER_MM) / 2 * _REACH.get(kind, 1.0) + kit.scale.mm(0.25)
    shape = QPainterPath()
    if kind == "baseline":
        shape.addRect(QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half))
    else:
        shape.addEllipse(centre, half, half)
    return shape


def paint_marker(painter: QPainter, kit: Kit, centre: QPointF, kind: str) -> None:
    """Markers: quality of an observation, the baseline (square), target (ring), milestone,
    projection."""
    size = kit.scale.mm(MARKER_MM)
    half = size / 2
    outline = kit.scale.mm(0.35)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(centre.x() - half, centre.y() - half, size, size)
    if kind == Quality.OFFICIAL.value:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(OBSERVED)
        painter.drawEllipse(box)
    elif kind == Quality.PRELIMINARY.value:
        painter.setPen(QPen(OBSERVED, outline))
        painter.setBrush(QColor("white"))
        painter.drawEllipse(box.adjusted(outline / 2, outline / 2, -outline / 2, -outline / 2))
    elif kind == Quality.ESTIMATE.value:
        painter.setPen(QPen(OBSERVED, outline))
        painter.setBrush(QColor("white"))
        r = half * 1.15
        painter.drawPolygon(_diamond(centre, r))
    elif kind == "milestone":
        painter.setPen(QPen(QColor("white"), outline * 0.6))
        painter.setBrush(MILESTONE)
        r = half * 1.3
        painter.drawPolygon(_diamond(centre, r))
    elif kind == "baseline":
        painter.setPen(QPen(BASELINE, outline))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        grow = half * (_REACH["baseline"] - 1)
        painter.drawRect(box.adjusted(-grow, -grow, grow, grow))
    elif kind == "target":
        painter.setPen(QPen(TARGET, outline * 1.3))
        painter.setBrush(QColor("white"))
        grow = half * (_REACH["target"] - 1)
        painter.drawEllipse(box.adjusted(-grow, -grow, grow, grow))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TARGET)
        painter.drawEllipse(box.adjusted(half * 0.5, half * 0.5, -half * 0.5, -half * 0.5))
    elif kind == "projection":
        painter.setPen(QPen(PROJECTION, outline))
        painter.setBrush(QColor("white"))
        painter.drawEllipse(box)
    painter.restore()
