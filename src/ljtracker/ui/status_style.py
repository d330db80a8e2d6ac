"""How each status looks in the window: its colour and a distinct shape drawn as its icon."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from ljtracker.domain.explain import shown_label
from ljtracker.domain.model import Status
from ljtracker.domain.status_look import MISSED, Shown, look_of

SHAPES: dict[Shown, str] = {
    Status.TARGET_ACHIEVED: "star",
    Status.ON_TRACK: "check",
    Status.NEEDS_ACCELERATION: "triangle",
    Status.LIMITED_PROGRESS: "diamond",
    Status.DETERIORATION: "cross",
    Status.NOT_ASSESSABLE: "dash",
    MISSED: "exclamation",
}


def color(status: Shown) -> QColor:
    return QColor(look_of(status).color)


def label(status: Shown, lang: str) -> str:
    return shown_label(status, lang)


def paint_status(painter: QPainter, rect: QRectF, status: Shown) -> None:
    """Draw the status shape filling `rect` (a square)."""
    shape = SHAPES[status]
    c = color(status)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    side = min(rect.width(), rect.height())
    r = QRectF(0, 0, side, side)
    r.moveCenter(rect.center())
    pen_width = max(1.5, side / 7)
    painter.setPen(
        QPen(
            c, pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
        )
    )
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inner = r.adjusted(pen_width, pen_width, -pen_width, -pen_width)
    if shape == "star":
        painter.setBrush(c)
        painter.drawPolygon(_star(inner))
    elif shape == "check":
        path = QPainterPath(QPointF(inner.left(), inner.center().y()))
        path.lineTo(inner.left() + inner.width() * 0.38, inner.bottom())
        path.lineTo(inner.right(), inner.top())
        painter.drawPath(path)
    elif shape == "triangle":
        painter.setBrush(c)
        painter.drawPolygon(
            QPolygonF(
                [QPointF(inner.center().x(), inner.top()), inner.bottomRight(), inner.bottomLeft()]
            )
        )
    elif shape == "diamond":
        painter.setBrush(c)
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(inner.center().x(), inner.top()),
                    QPointF(inner.right(), inner.center().y()),
                    QPointF(inner.center().x(), inner.bottom()),
                    QPointF(inner.left(), inner.center().y()),
                ]
            )
        )
    elif shape == "cross":
        painter.drawLine(inner.topLeft(), inner.bottomRight())
        painter.drawLine(inner.topRight(), inner.bottomLeft())
    elif shape == "exclamation":  # drawn heavier: a single stroke would read fainter than the rest
        pen = painter.pen()
        pen.setWidthF(pen_width * 1.6)
        painter.setPen(pen)
        x = inner.center().x()
        painter.drawLine(QPointF(x, inner.top()), QPointF(x, inner.bottom() - pen_width * 2.6))
        painter.drawPoint(QPointF(x, inner.bottom() - pen_width * 0.3))
    else:
        y = inner.center().y()
        painter.drawLine(QPointF(inner.left(), y), QPointF(inner.right(), y))
    painter.restore()


def _star(r: QRectF) -> QPolygonF:
    points = []
    for i in range(10):
        radius = r.width() / 2 if i % 2 == 0 else r.width() / 5
        angle = math.pi / 2 + i * math.pi / 5
        points.append(
            QPointF(
                r.center().x() + radius * math.cos(angle), r.center().y() - radius * math.sin(angle)
            )
        )
    return QPolygonF(points)


_icons: dict[tuple[Shown, int], QIcon] = {}


def icon(status: Shown, size: int = 16) -> QIcon:
    key = (status, size)
    if key not in _icons:
        result = QIcon()
        for scale in (1, 2):
            pixmap = QPixmap(size * scale, size * scale)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            paint_status(painter, QRectF(0, 0, size * scale, size * scale), status)
            painter.end()
            pixmap.setDevicePixelRatio(scale)
            result.addPixmap(pixmap)
        _icons[key] = result
    return _icons[key]
