"""Where a chart's legend goes: the corner that hides the fewest points, then lines."""

from __future__ import annotations

import pytest

from ljtracker.ui.legend_corner import (
    BOTTOM_RIGHT,
    TOP_LEFT,
    Box,
    corner_box,
    covered,
)

VIEW = ((2020.0, 2030.0), (0.0, 100.0))


def test_a_corner_box_takes_the_legend_share_of_the_view() -> None:
    assert corner_box(TOP_LEFT, VIEW, (0.3, 0.4)) == Box(2020.0, 60.0, 3.0, 40.0)
    assert corner_box(BOTTOM_RIGHT, VIEW, (0.3, 0.4)) == Box(2027.0, 0.0, 3.0, 40.0)
    assert corner_box(TOP_LEFT, VIEW, (1.5, 2.0)) == Box(2020.0, 0.0, 10.0, 100.0)  # capped


def test_points_and_lines_under_a_box_are_counted() -> None:
    box = Box(0.0, 0.0, 10.0, 10.0)
    points = [(5.0, 5.0), (10.0, 10.0), (11.0, 5.0)]  # inside, on the edge, outside
    diagonal = ([-5.0, 15.0], [-5.0, 15.0])  # crosses corner to corner
    above = ([0.0, 10.0], [20.0, 20.0])  # passes above
    count, lines, length = covered(box, points, [diagonal, above])
    assert (count, lines) == (2, 1)
    assert length == pytest.approx(2**0.5)  # the box's diagonal, in box widths and heights


def test_a_line_along_many_segments_counts_once() -> None:
    box = Box(0.0, 0.0, 1.0, 1.0)
    zigzag = ([0.1, 0.5, 0.9], [0.1, 0.9, 0.1])
    assert covered(box, [], [zigzag])[:2] == (0, 1)
    assert covered(box, [], [([2.0, 3.0], [2.0, 3.0])]) == (0, 0, 0.0)
