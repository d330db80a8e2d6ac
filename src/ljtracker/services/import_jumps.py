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
    replaces: _Point | None = None  # a new figure's: the workbook's it revises


def import_jumps(target: Target, workbook: dict[int, float], new: dict[int, float]) -> list[Jump]:
    """The jumps among `new` (year: value), the figures an import sets that differ from the
    workbook's, whose figures (year: value) are `workbook`; in year order."""
    trusted = _trusted(target, workbook, new)
    sound_years = {point.year for point in trusted}
    news = [
        _Point(year, value, False, replaces=_replaced(year, workbook, sound_years))
        for year, value in sorted(new.items())
    ]
    if not news:
        return []
    if not trusted:
        middle = sorted(news, key=lambda point: point.value)[(len(news) - 1) // 2]
        start = _Point(middle.year, middle.value, True)
        earlier = [p for p in news if p.year < middle.year][::-1]
        later = [p for p in news if p.year > middle.year]
        # a figure they replace is the doubtful one only where most of the workbook's bear the
        # row out; else (a table in another unit over them) a jump from it refuses the import
        near = [value for value in workbook.values() if _near(target, start, value)]
        borne_out = 2 * len(near) > len(workbook)
        found = _walk(target, earlier, start, borne_out)[::-1]
        found += _walk(target, later, start, borne_out)
        own = _jump(target, start, middle.replaces) if middle.replaces else None
        if own is not None and borne_out:
            own = replace(own, known_doubtful=True)
        return sorted([*found, *([own] if own else [])], key=lambda jump: jump.year)
    first = trusted[0]
    earlier = [p for p in news if p.year < first.year][::-1]
    # a year the import revises is walked as its new figure, which is checked against the
    # workbook's it replaces as well
    revised = {p.year for p in news}
    later = sorted(
        [p for p in news if p.year >= first.year]
        + [p for p in trusted[1:] if p.year not in revised],
        key=lambda p: p.year,
    )
    return _walk(target, earlier, first, True)[::-1] + _walk(target, later, first, True)


def _replaced(year: int, workbook: dict[int, float], sound_years: set[int]) -> _Point | None:
    if year not in workbook:
        return None
    return _Point(year, workbook[year], sound=year in sound_years)


def _trusted(target: Target, workbook: dict[int, float], new: dict[int, float]) -> list[_Point]:
    """The workbook's figures and baseline, in year order, but for a figure the import
    replaces that nothing else in the workbook bears out: ten times (or a tenth of) its
    nearest other figure or the baseline, or alone (a slip being put right, or the figure a
    row in another unit revises: the revision is named either way)."""
    baseline = target.baseline_year, target.baseline_value
    points = {
        year: _Point(year, value, True)
        for year, value in workbook.items()
        if year not in new or _borne_out(target, year, value, workbook)
    }
    if baseline[0] is not None and baseline[1] is not None and baseline[0] not in points:
        points[baseline[0]] = _Point(baseline[0], baseline[1], True, is_baseline=True)
    return sorted(points.values(), key=lambda point: point.year)


def _borne_out(target: Target, year: int, value: float, workbook: dict[int, float]) -> bool:
    """Whether a workbook figure is near its nearest other figure, or the baseline of any
    year, its own included."""
    others = [(other, v) for other, v in workbook.items() if other != year]
    baseline = target.baseline_year, target.baseline_value
    if baseline[0] == year and baseline[1] is not None:
        return jump_between(target, year, value, year, baseline[1], True) is None
    if not others and baseline[0] is None:
        return False
    return jump_from(target, year, value, others) is None


def _walk(target: Target, away: list[_Point], start: _Point, borne_out: bool) -> list[Jump]:
    """The new figures of `away`, in order away from `start`, that jump from the nearest sound
    figure towards `start` or from the one they replace, or, a lone spike, from the next
    figure away. `borne_out`: whether the workbook's figures bear `start` out (it is one of
    theirs, or most of them are near it), so that a jump from a replaced figure they do not
    bear out shows that figure to be the doubtful one."""
    found = []
    sound = start
    for index, point in enumerate(away):
        if point.sound:
            sound = point
            continue
        following = away[index + 1] if index + 1 < len(away) else None
        near = _jump(target, point, sound)
        own = _jump(target, point, point.replaces) if point.replaces else None
        beyond = None
        if near is None and own is None and following is not None:
            beyond = _jump(target, point, following)
            beyond = beyond if beyond is not None and _lone_spike(beyond, sound.value) else None
        if borne_out and own is not None and point.replaces and not point.replaces.sound:
            own = replace(own, known_doubtful=True)
        # of two, the one that would refuse the import (a fraction for a %, 1/100 of the
        # figure it replaces, but 1/75 of the year before)
        said = [jump for jump in (near, own) if jump is not None]
        named = max(said, key=lambda jump: jump.refuses_import) if said else beyond
        if named is not None:
            found.append(named)
        # a figure far from the sound one, or from a sound one it revises, measures nothing
        doubted = near or beyond or (own if point.replaces and point.replaces.sound else None)
        if doubted is None and _measures(point, sound, following):
            sound = point
    return found


def _measures(point: _Point, sound: _Point, following: _Point | None) -> bool:
    """Whether a figure that passed is the measure of the next: not a zero (a stand-in for
    no figure), nor a change of sign the next figure does not keep."""
    if point.value == 0:
        return False
    if sound.value == 0 or point.value * sound.value > 0:
        return True
    return following is None or following.value * point.value > 0


def _jump(target: Target, point: _Point, known: _Point) -> Jump | None:
    return jump_between(target, point.year, point.value, known.year, known.value, known.is_baseline)


def _near(target: Target, point: _Point, value: float) -> bool:
    """Whether `value` is of the point's sign and within ten times of it either way."""
    return point.value * value > 0 and _jump(target, point, _Point(point.year, value, True)) is None


def _lone_spike(beyond: Jump, sound: float) -> bool:
    """Whether a figure ten times (or a tenth of) the next one away is far enough the same way
    from the sound one to be the slip itself."""
    if beyond.below_zero or beyond.value * sound <= 0:
        return False
    ratio = beyond.value / sound
    return ratio >= _LONE_SPIKE if beyond.up else ratio <= 1 / _LONE_SPIKE
