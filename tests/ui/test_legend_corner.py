"""Where a chart's legend goes: the corner that hides the fewest points, then lines."""

from __future__ import annotations

import math

import pytest

from ljtracker.ui.legend_corner import (
    BOTTOM_LEFT,
    BOTTOM_RIGHT,
    TOP_LEFT,
    TOP_RIGHT,
    Box,
    Polyline,
    best_corner,
    corner_box,
    lines_under,
)

VIEW = ((2020.0, 2030.0), (0.0, 100.0))


def covered(
    box: Box, points: list[tuple[float, float]], lines: list[Polyline]
) -> tuple[int, int, float]:
    """How many points lie in the box, how many lines run through it, and their length."""
    return (sum(box.holds(x, y) for x, y in points), *lines_under(box, lines))


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
    assert covered(box, [], [([1.0], [1.0]), ([], [])]) == (0, 0, 0.0)  # no segment


def test_a_line_broken_by_a_gap_is_measured_in_its_pieces() -> None:
    # a series drawn in runs has a gap (nan) between them: only the drawn pieces count
    box = Box(0.0, 0.0, 1.0, 1.0)
    broken = ([0.0, 1.0, math.nan, 0.0, 1.0], [0.5, 0.5, math.nan, 0.25, 0.25])
    assert covered(box, [], [broken]) == (0, 1, pytest.approx(2.0))
    assert covered(box, [], [([math.nan, 5.0], [math.nan, 5.0])]) == (0, 0, 0.0)


CORNERS = [TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT]
SIZE = (0.3, 0.3)


def test_the_corner_with_fewest_points_wins_then_fewest_lines_then_preference() -> None:
    rising = ([2020.0, 2030.0], [0.0, 100.0])  # through the bottom left and the top right
    assert best_corner(CORNERS, VIEW, SIZE, [], []) == TOP_LEFT  # nothing anywhere
    assert best_corner(CORNERS, VIEW, SIZE, [(2021.0, 95.0)], []) == TOP_RIGHT
    assert best_corner(CORNERS, VIEW, SIZE, [], [rising]) == TOP_LEFT
    falling = ([2020.0, 2030.0], [100.0, 0.0])  # through the top left and bottom right
    assert best_corner(CORNERS, VIEW, SIZE, [], [falling]) == TOP_RIGHT
    # a point outweighs any line: the line's corner is taken to spare the point
    assert best_corner(CORNERS[:2], VIEW, SIZE, [(2029.0, 95.0)], [falling]) == TOP_LEFT
    both = ([2020.0, 2030.0], [95.0, 95.0])  # across the top: the bottom corners are free
    assert best_corner(CORNERS, VIEW, SIZE, [], [both, rising]) == BOTTOM_RIGHT
    assert best_corner(CORNERS, VIEW, SIZE, [], [both, falling]) == BOTTOM_LEFT
