"""The progress chart's legend: one column, or two on a short chart, in the corner where it
hides the least, or beside the values where every corner would hide some."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsGridLayout

from ljtracker.ui.legend_corner import Corner, Polyline, best_corner, corner_box, lines_under

_OFFSET = (10, 8)  # from the corner's edges, in pixels
_MARKER = 9  # a marker's radius, in pixels: one whose middle is that near is half hidden
# the largest share of the chart's height the values make room for a legend in: a taller
# legend would leave them too little
MOST_ROOM = 0.5
# a line under the legend for less than this share of its size only grazes it
_GRAZE = 0.1
# the largest share of the chart's width a legend beside the values takes from them
MOST_BESIDE = 0.4


class ProgressLegend(pg.LegendItem):  # type: ignore[misc]
    """Entries fill rows of `columns` entries each, in the order they were added."""

    def __init__(self) -> None:
        super().__init__(offset=_OFFSET, verSpacing=-4)
        self.corner: Corner | None = None  # where it was last anchored inside the values
        self.beside = False  # to the right of the values, outside them
        self.columns = 1
        self._grid: QGraphicsGridLayout = self.layout

    def _addItemToLayout(self, sample: pg.ItemSample, label: pg.LabelItem) -> None:
        # pyqtgraph finds the next free cell from the grid's counts, which keep the columns of
        # an earlier column count
        index = next(n for n, (s, _) in enumerate(self.items) if s is sample)
        row, column = divmod(index, self.columns)
        # a grid stretches each label to its share of the legend's height; measured so, the
        # legend would grow with every change of columns
        label.resize(label.minimumSize())
        self._grid.addItem(sample, row, 2 * column, alignment=Qt.AlignmentFlag.AlignVCenter)
        self._grid.addItem(label, row, 2 * column + 1)

    def clear(self) -> None:
        super().clear()
        self._new_layout()

    def fit_columns(self, frame: QRectF, *, crowded: bool = False) -> None:
        """Two columns when one would take more than half the chart's height and two fit in
        two thirds of its width: a short chart keeps more of its points in view. Decided
        from the entries' own sizes, so the same chart size gives the same legend. Two also
        where they fit in nine tenths of it and one column is `crowded`: it covers points,
        and is too tall for the values to make room for it."""
        if frame.height() < 1 or len(self.items) < 2:
            return
        width, height = self._one_column()
        two_columns = 2 * width
        short = height > frame.height() / 2 and 3 * two_columns <= 2 * frame.width()
        self._set_columns(2 if short or (crowded and 10 * two_columns <= 9 * frame.width()) else 1)

    def _one_column(self) -> tuple[float, float]:
        """The width and height of the entries in one column, in pixels."""
        sizes = [
            (s.boundingRect().width() + label.minimumWidth(), label.minimumHeight())
            for s, label in self.items
        ]
        return max(width for width, _ in sizes), sum(max(height, 20.0) for _, height in sizes)

    def _set_columns(self, columns: int) -> None:
        if columns != self.columns:
            self.columns = columns
            self._new_layout()
            for sample, label in self.items:
                self._addItemToLayout(sample, label)
            self.updateSize()

    def place(
        self,
        corners: Sequence[Corner],
        frame: QRectF,
        view: tuple[tuple[float, float], tuple[float, float]],
        points: Sequence[tuple[float, float]],
        lines: Sequence[Polyline],
    ) -> float:
        """Anchor the legend in the corner of `corners` (in order of preference) where it
        covers the fewest points, then lines; the first corner before the chart is laid out.
        Returns the share of the view's height it takes there when it covers a point even so
        (every corner holds one), else 0."""

        def best() -> tuple[Corner, float]:
            """The corner to take, and the share of the height it takes there if it covers a
            point (else 0)."""
            size = self._share_of(frame)
            corner = best_corner(corners, view, size, points, lines)
            box = corner_box(corner, view, size)
            return corner, size[1] if any(box.holds(x, y) for x, y in points) else 0.0

        self.fit_columns(frame)
        corner, covering = corners[0], 0.0
        if frame.width() >= 1 and frame.height() >= 1:
            corner, covering = best()
            if covering > MOST_ROOM and self.columns == 1:
                self.fit_columns(frame, crowded=True)  # two columns, where they fit
                corner, covering = best()
        if corner != self.corner:
            self.corner = corner
            if not self.beside:
                self._anchor_in_corner()
        return covering

    def _share_of(self, frame: QRectF, margin: float = _MARKER) -> tuple[float, float]:
        """The share of the chart's width and height the legend takes in a corner, with
        `margin` pixels around it."""
        own = self.boundingRect()
        return (
            (own.width() + _OFFSET[0] + margin) / frame.width(),
            (own.height() + _OFFSET[1] + margin) / frame.height(),
        )

    def _anchor_in_corner(self) -> None:
        right, bottom = self.corner or (0, 0)
        dx, dy = _OFFSET
        self.anchor(
            (right, bottom), (right, bottom), offset=(-dx if right else dx, -dy if bottom else dy)
        )

    def hides(
        self,
        frame: QRectF,
        view: tuple[tuple[float, float], tuple[float, float]],
        points: Sequence[tuple[float, float]],
        lines: Sequence[Polyline],
    ) -> bool:
        """Whether, in its corner, the legend lies over any of the points or lines (more than
        grazing them)."""
        if self.corner is None or frame.width() < 1 or frame.height() < 1:
            return False
        box = corner_box(self.corner, view, self._share_of(frame))
        if any(box.holds(x, y) for x, y in points):
            return True
        box = corner_box(self.corner, view, self._share_of(frame, 0))
        return lines_under(box, lines)[1] > _GRAZE

    def fits_beside(self, frame: QRectF, height: float) -> bool:
        """Whether a legend of one column fits beside the values (`frame`, as they are with
        none beside them), taking no more than its share of their width, nor more than the
        chart's `height`."""
        if frame.height() < 1 or not self.items:
            return False
        own_width, own_height = self._one_column()
        return (
            own_width + 4 * _OFFSET[0] <= MOST_BESIDE * frame.width()
            and own_height + 2 * _OFFSET[1] + _MARKER <= height
        )

    def put_beside(self, chart: pg.PlotItem, top: float) -> float:
        """One column to the right of the values, `top` pixels down the chart (where the
        values start) or higher, so as to end above the chart's foot; the pixels to keep for
        it right of the values."""
        self._set_columns(1)
        self.beside = True
        if self.parentItem() is not chart:
            self.setParentItem(chart)
        own = self.boundingRect()
        top = max(0.0, min(top, chart.size().height() - own.height() - _OFFSET[1]))
        self.anchor((1, 0), (1, 0), offset=(-_OFFSET[0], top))
        return float(own.width()) + 2 * _OFFSET[0]

    def put_inside(self, view: pg.ViewBox) -> None:
        """Back in its corner of the values."""
        if self.beside or self.parentItem() is not view:
            self.beside = False
            self.setParentItem(view)
            self._anchor_in_corner()

    def _new_layout(self) -> None:
        """A fresh grid, without the rows and columns of earlier entries."""
        old = self._grid
        for index in reversed(range(old.count())):
            old.removeAt(index)
        grid = QGraphicsGridLayout()
        grid.setVerticalSpacing(old.verticalSpacing())
        grid.setHorizontalSpacing(old.horizontalSpacing())
        self._grid = self.layout = grid  # pyqtgraph sizes the legend from self.layout
        self.setLayout(grid)
