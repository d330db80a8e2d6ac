"""Numbers grouped into runs of consecutive ones: rows to redraw, years a source served."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """The distinct numbers, ascending, as (first, last) runs: 1, 2, 3, 5 -> (1, 3), (5, 5)."""
    found: list[tuple[int, int]] = []
    for number in sorted(set(numbers)):
        if found and found[-1][1] == number - 1:
            found[-1] = (found[-1][0], number)
        else:
            found.append((number, number))
    return found


Point = tuple[int, float]  # a year and its figure


def across_gaps(points: Sequence[Point]) -> tuple[list[list[Point]], list[tuple[Point, Point]]]:
    """Points in year order joined where their years follow each other, and the pairs that
    have years without a figure between them: a chart draws the second kind differently, as
    a line there would suggest figures that were never measured."""
    joined: list[list[Point]] = []
    gaps: list[tuple[Point, Point]] = []
    for point in points:
        if joined and point[0] == joined[-1][-1][0] + 1:
            joined[-1].append(point)
            continue
        if joined:
            gaps.append((joined[-1][-1], point))
        joined.append([point])
    return joined, gaps
