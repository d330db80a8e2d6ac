"""Which corner of a chart a legend covers least: first the fewest points, then the least
length of line."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Corner = tuple[int, int]  # (right, bottom)
TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT = (0, 0), (1, 0), (0, 1), (1, 1)
Polyline = tuple[Sequence[float], Sequence[float]]  # xs, ys


@dataclass(frozen=True)
class Box:
    """A rectangle in data coordinates."""

    left: float
    low: float
    width: float
    height: float

    def holds(self, x: float, y: float) -> bool:
        return self.left <= x <= self.left + self.width and self.low <= y <= self.low + self.height


def corner_box(
    corner: Corner, view: tuple[tuple[float, float], tuple[float, float]], size: tuple[float, float]
) -> Box:
    """The part of the view (x range, y range) that a legend of `size` (as a share of the
    view's width and height) takes in that corner."""
    (x0, x1), (y0, y1) = view
    width, height = min(1.0, size[0]) * (x1 - x0), min(1.0, size[1]) * (y1 - y0)
    right, bottom = corner
    return Box(x1 - width if right else x0, y0 if bottom else y1 - height, width, height)


def best_corner(
    corners: Sequence[Corner],
    view: tuple[tuple[float, float], tuple[float, float]],
    size: tuple[float, float],
    points: Sequence[tuple[float, float]],
    lines: Sequence[Polyline],
) -> Corner:
    """Of `corners` (in order of preference), the one where a legend of `size` covers the
    fewest points, then the fewest lines, then the least length of line."""
    boxes = {corner: corner_box(corner, view, size) for corner in corners}
    counts = {corner: sum(box.holds(x, y) for x, y in points) for corner, box in boxes.items()}
    fewest = min(counts.values())
    tied = [corner for corner in corners if counts[corner] == fewest]
    if len(tied) == 1:
        return tied[0]
    return min(tied, key=lambda corner: lines_under(boxes[corner], lines))


def lines_under(box: Box, lines: Iterable[Polyline]) -> tuple[int, float]:
    """How many lines run through the box, and their length in it (in box widths and
    heights)."""
    crossing, length = 0, 0.0
    if box.width <= 0 or box.height <= 0:
        return crossing, length
    for xs, ys in lines:
        u = [(x - box.left) / box.width for x in xs]
        v = [(y - box.low) / box.height for y in ys]
        inside = sum(
            _inside_unit_square(u[i], v[i], u[i + 1], v[i + 1])
            for i in range(len(u) - 1)
            # a gap between runs of a series (nan) is not drawn
            if math.isfinite(u[i] + v[i] + u[i + 1] + v[i + 1])
        )
        crossing += inside > 0
        length += inside
    return crossing, length


def _inside_unit_square(u0: float, v0: float, u1: float, v1: float) -> float:
    """The length of the segment's part inside [0, 1] x [0, 1] (Liang-Barsky clipping)."""
    du, dv = u1 - u0, v1 - v0
    start, end = 0.0, 1.0
    for step, distance in ((-du, u0), (du, 1 - u0), (-dv, v0), (dv, 1 - v0)):
        if step == 0:
            if distance < 0:
                return 0.0
            continue
        t = distance / step
        if step < 0:
            start = max(start, t)
        else:
            end = min(end, t)
        if start > end:
            return 0.0
    return (end - start) * math.hypot(du, dv)
