"""The progress chart's legend: one column, or two on a short chart, in the corner where it
hides the least."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsGridLayout

from ljtracker.ui.legend_corner import Corner, Polyline, best_corner, corner_box

_OFFSET = (10, 8)  # from the corner's edges, in pixels
_MARKER = 9  # a marker's radius, in pixels: one whose middle is that near is half hidden
# the largest share of the chart's height the values make room for a legend in: a taller
# legend would leave them too little
MOST_ROOM = 0.5


class ProgressLegend(pg.LegendItem):  # type: ignore[misc]
    """Entries fill rows of `columns` entries each, in the order they were added."""

    def __init__(self) -> None:
        super().__init__(offset=_OFFSET, verSpacing=-4)
        self.corner: Corner | None = None  # where it was last anchored
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
        sizes = [
            (s.boundingRect().width() + label.minimumWidth(), label.minimumHeight())
            for s, label in self.items
        ]
        one_column = sum(max(height, 20.0) for _, height in sizes)
        two_columns = 2 * max(width for width, _ in sizes)
        short = one_column > frame.height() / 2 and 3 * two_columns <= 2 * frame.width()
        columns = 2 if short or (crowded and 10 * two_columns <= 9 * frame.width()) else 1
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
            own = self.boundingRect()
            size = (
                (own.width() + _OFFSET[0] + _MARKER) / frame.width(),
                (own.height() + _OFFSET[1] + _MARKER) / frame.height(),
            )
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
            right, bottom = corner
            dx, dy = _OFFSET
            offset = (-dx if right else dx, -dy if bottom else dy)
            self.anchor((right, bottom), (right, bottom), offset=offset)
        return covering

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
