"""What the progress chart shows under the pointer: the nearest point's lines, beside it."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

HOVER_DISTANCE = 24  # pixels from a point within which hovering shows it
HOVER_WIDTH = 320  # pixels; longer sources wrap


@dataclass(frozen=True)
class HoverPoint:
    """A point the pointer can come near; its lines are written only then, not at each redraw."""

    x: float
    y: float
    lines: Callable[[], Sequence[str]]

    @property
    def text(self) -> str:
        return "\n".join(line for line in self.lines() if line)


class HoverLabel:
    """The points of a chart the pointer can come near, and the label showing the nearest."""

    def __init__(self, plot_item: pg.PlotItem) -> None:
        self._view_box = plot_item.getViewBox()
        self.label = pg.TextItem(anchor=(0, 1))
        self.label.setZValue(100)
        self.label.hide()
        plot_item.addItem(self.label, ignoreBounds=True)
        self.points: list[HoverPoint] = []

    def clear(self) -> None:
        self.points = []
        self.label.hide()

    def add(self, x: float, y: float, lines: Callable[[], Sequence[str]]) -> None:
        self.points.append(HoverPoint(x, y, lines))

    def set_colors(self, background: QColor, border: QColor, text: QColor) -> None:
        self.label.fill = pg.mkBrush(background)
        self.label.border = pg.mkPen(border)
        self.label.setColor(text)

    def show_near(self, scene_pos: QPointF) -> None:
        """Show the nearest point's lines, or nothing when no point is near the pointer."""
        view_box = self._view_box
        if not self.points or not view_box.sceneBoundingRect().contains(scene_pos):
            self.label.hide()
            return

        def distance(p: HoverPoint) -> float:
            at = view_box.mapViewToScene(QPointF(p.x, p.y))
            return math.hypot(at.x() - scene_pos.x(), at.y() - scene_pos.y())

        nearest = min(self.points, key=distance)
        if distance(nearest) > HOVER_DISTANCE:
            self.label.hide()
            return
        (x_low, x_high), (y_low, y_high) = view_box.viewRange()
        self.label.setAnchor(
            (
                1 if nearest.x > (x_low + x_high) / 2 else 0,
                0 if nearest.y > (y_low + y_high) / 2 else 1,
            )
        )
        self.label.setText(nearest.text)
        text_item = self.label.textItem
        text_item.setTextWidth(-1)
        if text_item.boundingRect().width() > HOVER_WIDTH:
            text_item.setTextWidth(HOVER_WIDTH)
        self.label.setPos(nearest.x, nearest.y)
        self.label.show()

    def text(self) -> str:
        return self.label.textItem.toPlainText() if self.label.isVisible() else ""
