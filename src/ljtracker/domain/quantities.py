"""The numbers METHOD.md computes for a target: its frame (baseline, latest figure, target)
and every quantity, each a number or the reason it is undefined."""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from typing import NamedTuple

from ljtracker.domain import explain
from ljtracker.domain.explain import Reason
from ljtracker.domain.model import Comparator, Observation, Target
from ljtracker.domain.trajectory import path_value, power

year_of = attrgetter("year")  # of an observation: what figures are ordered and searched by


@dataclass(frozen=True, slots=True)
class Quantity:
    """One computed number, or why it is undefined."""

    value: float | None
    reason_en: str = ""
    reason_zh: str = ""


def number(value: float | None) -> Quantity:
    if value is None or not math.isfinite(value):
        return undefined(explain.TOO_LARGE)
    return Quantity(value)


def undefined(reason: Reason) -> Quantity:
    return Quantity(None, reason.en, reason.zh)


def reason_of(quantity: Quantity) -> Reason:
    return Reason(quantity.reason_en, quantity.reason_zh)


class Frame(NamedTuple):
    """The numbers a target's assessment works from, once baseline and latest are settled.

    A named tuple: one is made for every target each time it is judged, and a tuple costs a
    fraction of a frozen dataclass to make."""

    target: Target
    t0: int
    y0: float
    from_first: bool
    latest: Observation | None
    after: Sequence[Observation]  # the figures after the baseline year, oldest first
    year: int | None  # the target's
    value: float | None  # the target's
    latest_met: bool  # whether the latest figure meets the target
    # why a quantity needing the latest figure, the target value or the target year fails
    why_no_latest: Reason | None
    why_no_value: Reason | None
    why_no_year: Reason | None
    # A floor, ceiling or band the baseline (the target's own, else its first figure) already
    # met: there is no path to it, so no progress along one and no growth it needs.
    why_no_path: Reason | None
    # A rate held about a value (inflation about 3 %) has no meaningful growth rate: its
    # projection is the linear trend, and what is still needed a yearly amount.
    why_no_growth: Reason | None
    # where the target ended: the first figure of its year or after, when one is in (kept
    # apart from the figures, which a kept frame drops)
    ended: float | None = None

    @property
    def series(self) -> tuple[tuple[int, float], ...]:
        """The baseline, then the figures up to the latest."""
        return ((self.t0, self.y0), *((o.year, o.value) for o in self.after))

    def nonpositive(self, *, latest: bool = True, target: bool = True) -> Reason | None:
        unit = self.target.unit
        if self.y0 <= 0:
            return explain.nonpositive("baseline", "基期", self.t0, self.y0, unit)
        if latest and self.latest is not None and self.latest.value <= 0:
            return explain.nonpositive("latest", "最新", self.latest.year, self.latest.value, unit)
        if target and self.value is not None and self.year is not None and self.value <= 0:
            return explain.nonpositive("target", "目标", self.year, self.value, unit)
        return None


QUANTITY_NAMES = (
    "achievement",
    "elapsed",
    "planned",
    "schedule_index",
    "observed_growth",
    "required_growth",
    "required_growth_from_latest",
    "required_yearly_amount",
    "projected",
)


_AFTER = Frame._fields.index("after")


def _without_figures(f: Frame) -> Frame:
    """The frame with no figures after the baseline (as `_replace`, at a fraction of its cost)."""
    return Frame._make((*f[:_AFTER], (), *f[_AFTER + 1 :]))


class Quantities:
    """A target's quantities, each worked out when first read: a status needs one or two of
    them, and only the views showing a target read them all.

    The frame is kept without its figures (a report keeps every target's assessment); the
    projection, the one quantity that may read them (a linear trend), is then worked out at
    once."""

    observed_growth: Quantity  # read by two of the methods, and by the projection

    def __init__(self, f: Frame) -> None:
        self.observed_growth = _observed_growth(f)
        if self.observed_growth.value is None and f.latest is not None:
            self.projected = _projected(f, self.observed_growth)
        self._f = _without_figures(f)

    @classmethod
    def all_undefined(cls, reason: Reason) -> Quantities:
        q = cls.__new__(cls)
        vars(q).update(dict.fromkeys(QUANTITY_NAMES, undefined(reason)))
        return q

    def with_time_up(self, over: Quantity) -> Quantities:
        """These quantities with nothing more needed from the latest figure: `over` says why."""
        q = Quantities.__new__(Quantities)
        vars(q).update(vars(self))
        q.required_growth_from_latest = q.required_yearly_amount = over
        return q

    @cached_property
    def achievement(self) -> Quantity:
        return _achievement(self._f)

    @cached_property
    def elapsed(self) -> Quantity:
        return _elapsed(self._f)

    @cached_property
    def planned(self) -> Quantity:
        return _planned(self._f)

    @cached_property
    def schedule_index(self) -> Quantity:
        return _schedule_index(self._f, self.planned)

    @cached_property
    def required_growth(self) -> Quantity:
        return _required_growth(self._f)

    @cached_property
    def required_growth_from_latest(self) -> Quantity:
        return _required_from_latest(self._f, _before_target_year(self._f))

    @cached_property
    def required_yearly_amount(self) -> Quantity:
        return _required_amount(self._f, _before_target_year(self._f))

    @cached_property
    def projected(self) -> Quantity:
        return _projected(self._f, self.observed_growth)

    def __iter__(self) -> Iterator[Quantity]:
        return (getattr(self, name) for name in QUANTITY_NAMES)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Quantities) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in QUANTITY_NAMES)
        return f"Quantities({shown})"


def _achievement(f: Frame) -> Quantity:
    if reason := f.why_no_latest or f.why_no_value or f.why_no_path:
        return undefined(reason)
    assert f.latest is not None and f.value is not None
    if f.value == f.y0:
        return undefined(explain.TARGET_EQUALS_BASELINE)
    return number((f.latest.value - f.y0) / (f.value - f.y0))


def _elapsed(f: Frame) -> Quantity:
    if reason := f.why_no_latest or f.why_no_year:
        return undefined(reason)
    assert f.latest is not None and f.year is not None
    return number((f.latest.year - f.t0) / (f.year - f.t0))


def _planned(f: Frame) -> Quantity:
    if reason := f.why_no_latest or f.why_no_value or f.why_no_year or f.why_no_path:
        return undefined(reason)
    assert f.latest is not None and f.value is not None and f.year is not None
    value = path_value(
        (f.t0, f.y0),
        (f.year, f.value),
        f.target.trajectory,
        f.target.milestones,
        f.latest.year,
    )
    return undefined(explain.COMPOUND_NONPOSITIVE) if value is None else number(value)


def _schedule_index(f: Frame, planned: Quantity) -> Quantity:
    if planned.value is None:
        return planned
    if f.target.comparator is Comparator.ABOUT:  # inside the band or not, whatever the pace
        return undefined(explain.BAND_RULE)
    assert f.latest is not None
    if planned.value == f.y0:
        return undefined(explain.PLANNED_EQUALS_BASELINE)
    return number((f.latest.value - f.y0) / (planned.value - f.y0))


def _observed_growth(f: Frame) -> Quantity:
    if reason := f.why_no_growth or f.why_no_latest or f.nonpositive(target=False):
        return undefined(reason)
    assert f.latest is not None
    return number(_rate(f.latest.value / f.y0, f.latest.year - f.t0))


def _rate(factor: float, years: int) -> float | None:
    grown = power(factor, 1 / years)
    return None if grown is None else grown - 1


def _required_growth(f: Frame) -> Quantity:
    if reason := (
        f.why_no_growth
        or f.why_no_value
        or f.why_no_year
        or f.why_no_path
        or f.nonpositive(latest=False)
    ):
        return undefined(reason)
    assert f.value is not None and f.year is not None
    return number(_rate(f.value / f.y0, f.year - f.t0))


def _before_target_year(f: Frame) -> Reason | None:
    """Why nothing more is needed from the latest figure: none yet, target met, or time up."""
    if reason := f.why_no_latest or f.why_no_value or f.why_no_year:
        return reason
    assert f.latest is not None and f.year is not None and f.value is not None
    if f.latest_met:  # within a band too: nothing more is needed
        within_band = f.target.comparator is Comparator.ABOUT
        return explain.WITHIN_BAND if within_band else explain.ALREADY_MET
    return explain.TARGET_YEAR_REACHED if f.latest.year >= f.year else None


def _required_from_latest(f: Frame, nothing_more: Reason | None) -> Quantity:
    if reason := nothing_more or f.why_no_growth or f.nonpositive():
        return undefined(reason)
    assert f.latest is not None and f.value is not None and f.year is not None
    return number(_rate(f.value / f.latest.value, f.year - f.latest.year))


def _required_amount(f: Frame, nothing_more: Reason | None) -> Quantity:
    if reason := nothing_more:
        return undefined(reason)
    assert f.latest is not None and f.value is not None and f.year is not None
    goal = f.value
    if f.target.comparator is Comparator.ABOUT:  # outside its band: to its nearer edge
        tolerance = abs(f.target.tolerance or 0.0)
        goal += -tolerance if f.latest.value < f.value else tolerance
    return number((goal - f.latest.value) / (f.year - f.latest.year))


def _projected(f: Frame, observed: Quantity) -> Quantity:
    if reason := f.why_no_latest or f.why_no_year:
        return undefined(reason)
    assert f.latest is not None and f.year is not None
    if f.ended is not None:  # no trend nor pace stands in for the figure
        return number(f.ended)
    if observed.value is not None:
        return number(power(1 + observed.value, f.year - f.latest.year, f.latest.value))
    return number(_linear_trend(f.series, f.year))


def _linear_trend(points: Sequence[tuple[int, float]], year: int) -> float:
    """Least-squares line through the points, evaluated at year (points span 2+ years)."""
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    return mean_y + sxy / sxx * (year - mean_x)


def usable_figures(
    observations: Sequence[Observation], as_of_year: int | None
) -> list[Observation]:
    """One observation per year (the last given wins), oldest first, none after as_of_year."""
    by_year = {o.year: o for o in observations if as_of_year is None or o.year <= as_of_year}
    return sorted(by_year.values(), key=year_of)


def frame_of(target: Target, usable: Sequence[Observation]) -> Frame | None:
    """The frame of a target judged on its usable figures (see usable_figures)."""
    if target.baseline_year is not None and target.baseline_value is not None:
        t0, y0, from_first = target.baseline_year, target.baseline_value, False
    elif usable:
        t0, y0, from_first = usable[0].year, usable[0].value, True
    else:
        return None
    after = usable[bisect.bisect_right(usable, t0, key=year_of) :]
    latest = after[-1] if after else None
    value = target.target_value
    return Frame(
        target,
        t0,
        y0,
        from_first,
        latest,
        after,
        year=target.target_year,
        value=value,
        latest_met=latest is not None and value is not None and target.met_by(latest.value),
        why_no_latest=None if latest is not None else _no_latest(target, t0, y0, from_first),
        why_no_value=None if value is not None else _no_goal(target, explain.NO_TARGET_VALUE),
        why_no_year=_why_no_year(target, t0),
        why_no_path=explain.BASELINE_MET if target.kept_from(y0) else None,
        why_no_growth=explain.BAND_GROWTH if target.comparator is Comparator.ABOUT else None,
        ended=_ended(after, target.target_year),
    )


def _ended(figures: Sequence[Observation], year: int | None) -> float | None:
    """The value of the first figure of `year` or after, among figures in year order."""
    ended = None if year is None else first_from(figures, year)
    return None if ended is None else ended.value


def _no_latest(target: Target, t0: int, y0: float, from_first: bool) -> Reason:
    """Why no figure comes after the baseline: none yet, or the only one serves as it."""
    return explain.single_figure(t0, y0, target.unit) if from_first else explain.NO_LATEST


def _why_no_year(target: Target, t0: int) -> Reason | None:
    if target.target_year is None:
        return _no_goal(target, explain.NO_TARGET_YEAR)
    return explain.TARGET_YEAR_NOT_AFTER_BASELINE if target.target_year <= t0 else None


def _no_goal(target: Target, reason: Reason) -> Reason:
    """Why a target value or year is missing: a monitoring indicator has none."""
    return explain.MONITORING if target.is_monitoring else reason


def first_from(usable: Sequence[Observation], year: int) -> Observation | None:
    """The first figure of `year` or after (usable figures are in year order)."""
    index = bisect.bisect_left(usable, year, key=year_of)
    return usable[index] if index < len(usable) else None
