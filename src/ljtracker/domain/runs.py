"""Numbers grouped into runs of consecutive ones: rows to redraw, years a source served."""

from __future__ import annotations

from collections.abc import Iterable


def runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """The distinct numbers, ascending, as (first, last) runs: 1, 2, 3, 5 -> (1, 3), (5, 5)."""
    found: list[tuple[int, int]] = []
    for number in sorted(set(numbers)):
        if found and found[-1][1] == number - 1:
            found[-1] = (found[-1][0], number)
        else:
            found.append((number, number))
    return found
