"""Slips among the figures an import sets for one target. Each new figure is checked against
the nearest figure already found sound: the workbook's (its figures and the baseline) or one
of the import's own that passed. The check walks outward from the workbook's first figure (or,
for a target with none, from the median of the import's row), so that a slip is named once,
the right figures beside it are not, and a block in another unit is named whole. A figure the
import revises is also checked against the one it replaces."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ljtracker.domain.model import Target
from ljtracker.services.figure_jumps import Jump, jump_between, jump_from

# a lone figure this far from the sound one on one side, and ten times so on the other, is the
# slip: 34,000 between 3,100 and a 3,750 baseline (a slipped 3,400)
_LONE_SPIKE = 5.0


@dataclass(frozen=True)
class _Point:
    year: int
    value: float
    sound: bool  # the workbook's, or the start of a walk: checked against nothing
    is_baseline: bool = False


def import_jumps(target: Target, workbook: dict[int, float], new: dict[int, float]) -> list[Jump]:
    """The jumps among `new` (year: value), the figures an import sets that differ from the
    workbook's, whose figures (year: value) are `workbook`; in year order."""
    news = [_Point(year, value, False) for year, value in sorted(new.items())]
    trusted = _trusted(target, workbook, new)
    if not news:
        return []
    if not trusted:
        middle = sorted(news, key=lambda point: point.value)[(len(news) - 1) // 2]
        start = _Point(middle.year, middle.value, True)
        earlier = [p for p in news if p.year < middle.year][::-1]
        later = [p for p in news if p.year > middle.year]
        return _walk(target, earlier, start)[::-1] + _walk(target, later, start)
    first = trusted[0]
    earlier = [p for p in news if p.year < first.year][::-1]
    # of one year, the new figure first: checked against the one it replaces
    later = sorted(
        [p for p in news if p.year >= first.year] + trusted[1:], key=lambda p: (p.year, p.sound)
    )
    return _walk(target, earlier, first)[::-1] + _walk(target, later, first)


def _trusted(target: Target, workbook: dict[int, float], new: dict[int, float]) -> list[_Point]:
    """The workbook's figures and baseline, in year order, but for a figure the import
    replaces that is far from the workbook's nearest other figure: a slip being put right."""
    baseline = target.baseline_year, target.baseline_value
    points = {
        year: _Point(year, value, True)
        for year, value in workbook.items()
        if year not in new or jump_from(target, year, value, _others(workbook, year)) is None
    }
    if baseline[0] is not None and baseline[1] is not None and baseline[0] not in points:
        points[baseline[0]] = _Point(baseline[0], baseline[1], True, is_baseline=True)
    return sorted(points.values(), key=lambda point: point.year)


def _others(workbook: dict[int, float], year: int) -> list[tuple[int, float]]:
    return [(other, value) for other, value in workbook.items() if other != year]


def _walk(target: Target, away: list[_Point], start: _Point) -> list[Jump]:
    """The new figures of `away`, in order away from `start`, that jump from the nearest sound
    figure towards `start` (of their own year: the one they replace), or, a lone spike, from
    the next figure away."""
    found = []
    sound = start
    for index, point in enumerate(away):
        if point.sound:
            sound = point
            continue
        following = away[index + 1 : index + 3]
        own = following.pop(0) if following and following[0].year == point.year else None
        near = _jump(target, point, sound)
        if near is None and own is not None:
            near = _jump(target, point, own)
        beyond = None
        if near is None and following:
            beyond = _jump(target, point, replace(following[0], is_baseline=False))
        if near is not None:
            found.append(near)
        elif beyond is not None and _lone_spike(beyond, sound.value):
            found.append(beyond)
        elif point.value != 0 and (sound.value == 0 or point.value * sound.value > 0):
            sound = point  # a zero or a change of sign measures nothing after it
    return found


def _jump(target: Target, point: _Point, known: _Point) -> Jump | None:
    return jump_between(target, point.year, point.value, known.year, known.value, known.is_baseline)


def _lone_spike(beyond: Jump, sound: float) -> bool:
    """Whether a figure ten times (or a tenth of) the next one away is far enough the same way
    from the sound one to be the slip itself."""
    if beyond.below_zero or beyond.value * sound <= 0:
        return False
    ratio = beyond.value / sound
    return ratio >= _LONE_SPIKE if beyond.up else ratio <= 1 / _LONE_SPIKE
