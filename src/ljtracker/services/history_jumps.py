"""Slips in an imported history: figures of years before all of a target's figures and its
baseline have nothing trusted before them. They are checked outward from the first figure of
the workbook after them (or, with none, from the median of the imported row), each against
the nearest one already found sound, so that a slip is named once and the right figures
beside it are not."""

from __future__ import annotations

from ljtracker.domain.model import Target
from ljtracker.services.figure_jumps import Jump, jump_between

YearValue = tuple[int, float]
# a lone figure this far from the sound one on one side, and ten times so on the other, is the
# slip: 34,000 between 3,100 and a 3,750 baseline (a slipped 3,400)
_LONE_SPIKE = 5.0


def history_jumps(
    target: Target, history: list[YearValue], anchor: tuple[int, float, bool] | None
) -> list[Jump]:
    """The jumps among `history` (year, value), in year order, all before `anchor` (year, value,
    whether it is the baseline): the workbook's first figure, or none."""
    if not history:
        return []
    if anchor is not None:
        return _walk(target, history[::-1], anchor)[::-1]
    middle = sorted(range(len(history)), key=lambda i: history[i][1])[(len(history) - 1) // 2]
    start = (*history[middle], False)
    earlier = _walk(target, history[middle - 1 :: -1] if middle else [], start)
    return earlier[::-1] + _walk(target, history[middle + 1 :], start)


def _walk(target: Target, away: list[YearValue], start: tuple[int, float, bool]) -> list[Jump]:
    """The figures of `away`, in order away from `start`, that jump from the nearest sound
    figure towards `start`, or, a lone spike, from the next one away. Each is named against the
    earlier of the two when it jumps the same way from both."""
    found = []
    sound = start
    for index, (year, value) in enumerate(away):
        near = jump_between(target, year, value, *sound)
        beyond = None
        if index + 1 < len(away):
            beyond = jump_between(target, year, value, *away[index + 1], False)
        if near is not None:
            if beyond is not None and _same_way(near, beyond):
                near = min(near, beyond, key=lambda jump: jump.known_year)
            found.append(near)
        elif beyond is not None and _lone_spike(beyond, sound[1]):
            found.append(beyond)
        else:
            sound = (year, value, False)
    return found


def _same_way(one: Jump, other: Jump) -> bool:
    return not one.below_zero and not other.below_zero and one.up == other.up


def _lone_spike(beyond: Jump, sound: float) -> bool:
    """Whether a figure ten times (or a tenth of) the next one away is far enough the same way
    from the sound one to be the slip itself."""
    if beyond.below_zero or beyond.value * sound <= 0:
        return False
    ratio = beyond.value / sound
    return ratio >= _LONE_SPIKE if beyond.up else ratio <= 1 / _LONE_SPIKE
