"""The numbers METHOD.md computes for a target: its frame (baseline, latest figure, target)
and every quantity, each a number or the reason it is undefined."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from ljtracker.domain import explain
from ljtracker.domain.explain import Reason
from ljtracker.domain.model import Comparator, Observation, Target
from ljtracker.domain.trajectory import path_value, power


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Frame:
    """The numbers a target's assessment works from, once baseline and latest are settled."""

    target: Target
    t0: int
    y0: float
    from_first: bool
    latest: Observation | None
    series: tuple[tuple[int, float], ...]  # baseline, then observations up to latest

    @property
    def year(self) -> int | None:
        return self.target.target_year

    @cached_property
    def kept(self) -> bool:
        """Whether the baseline already meets the target (see kept_from_baseline)."""
        return self.target.kept_from(self.y0)

    @property
    def value(self) -> float | None:
        return self.target.target_value

    def missing(
        self, *, latest: bool = False, value: bool = False, year: bool = False
    ) -> Reason | None:
        """Why a quantity needing the latest observation, target value or target year fails."""
        if latest and self.latest is None:
            if self.from_first:
                return explain.single_figure(self.t0, self.y0, self.target.unit)
            return explain.NO_LATEST
        if (value and self.value is None) or (year and self.year is None):
            if self.target.is_monitoring:
                return explain.MONITORING
            return (
                explain.NO_TARGET_VALUE if value and self.value is None else explain.NO_TARGET_YEAR
            )
        if year and self.year is not None and self.year <= self.t0:
            return explain.TARGET_YEAR_NOT_AFTER_BASELINE
        return None

    def nonpositive(self, *, latest: bool = True, target: bool = True) -> Reason | None:
        unit = self.target.unit
        if self.y0 <= 0:
            return explain.nonpositive("baseline", "基期", self.t0, self.y0, unit)
        if latest and self.latest is not None and self.latest.value <= 0:
            return explain.nonpositive("latest", "最新", self.latest.year, self.latest.value, unit)
        if target and self.value is not None and self.year is not None and self.value <= 0:
            return explain.nonpositive("target", "目标", self.year, self.value, unit)
        return None


@dataclass(frozen=True)
class Quantities:
    achievement: Quantity
    elapsed: Quantity
    planned: Quantity
    schedule_index: Quantity
    observed_growth: Quantity
    required_growth: Quantity
    required_growth_from_latest: Quantity
    required_yearly_amount: Quantity
    projected: Quantity


def quantities(f: Frame) -> Quantities:
    return Quantities(
        achievement=_achievement(f),
        elapsed=_elapsed(f),
        planned=(planned := _planned(f)),
        schedule_index=_schedule_index(f, planned),
        observed_growth=(observed := _observed_growth(f)),
        required_growth=_required_growth(f),
        required_growth_from_latest=_required_from_latest(f),
        required_yearly_amount=_required_amount(f),
        projected=_projected(f, observed),
    )


def kept_from_baseline(f: Frame) -> Reason | None:
    """A floor, ceiling or band the baseline (the target's own, else its first figure) already
    met: there is no path to it, so no progress along one and no growth it needs."""
    return explain.BASELINE_MET if f.kept else None


def _achievement(f: Frame) -> Quantity:
    if reason := f.missing(latest=True, value=True) or kept_from_baseline(f):
        return undefined(reason)
    assert f.latest is not None and f.value is not None
    if f.value == f.y0:
        return undefined(explain.TARGET_EQUALS_BASELINE)
    return number((f.latest.value - f.y0) / (f.value - f.y0))


def _elapsed(f: Frame) -> Quantity:
    if reason := f.missing(latest=True, year=True):
        return undefined(reason)
    assert f.latest is not None and f.year is not None
    return number((f.latest.year - f.t0) / (f.year - f.t0))


def _planned(f: Frame) -> Quantity:
    if reason := f.missing(latest=True, value=True, year=True) or kept_from_baseline(f):
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


def _band_growth(f: Frame) -> Reason | None:
    """A rate held about a value (inflation about 3 %) has no meaningful growth rate: its
    projection is the linear trend, and what is still needed a yearly amount."""
    return explain.BAND_GROWTH if f.target.comparator is Comparator.ABOUT else None


def _observed_growth(f: Frame) -> Quantity:
    if reason := _band_growth(f) or f.missing(latest=True) or f.nonpositive(target=False):
        return undefined(reason)
    assert f.latest is not None
    return number(_rate(f.latest.value / f.y0, f.latest.year - f.t0))


def _rate(factor: float, years: int) -> float | None:
    grown = power(factor, 1 / years)
    return None if grown is None else grown - 1


def _required_growth(f: Frame) -> Quantity:
    if reason := (
        _band_growth(f)
        or f.missing(value=True, year=True)
        or kept_from_baseline(f)
        or f.nonpositive(latest=False)
    ):
        return undefined(reason)
    assert f.value is not None and f.year is not None
    return number(_rate(f.value / f.y0, f.year - f.t0))


def _before_target_year(f: Frame) -> Reason | None:
    """Why nothing more is needed from the latest figure: none yet, target met, or time up."""
    if reason := f.missing(latest=True, value=True, year=True):
        return reason
    assert f.latest is not None and f.year is not None and f.value is not None
    if f.target.met_by(f.latest.value):  # within a band too: nothing more is needed
        within_band = f.target.comparator is Comparator.ABOUT
        return explain.WITHIN_BAND if within_band else explain.ALREADY_MET
    return explain.TARGET_YEAR_REACHED if f.latest.year >= f.year else None


def _required_from_latest(f: Frame) -> Quantity:
    if reason := _before_target_year(f) or _band_growth(f) or f.nonpositive():
        return undefined(reason)
    assert f.latest is not None and f.value is not None and f.year is not None
    return number(_rate(f.value / f.latest.value, f.year - f.latest.year))


def _required_amount(f: Frame) -> Quantity:
    if reason := _before_target_year(f):
        return undefined(reason)
    assert f.latest is not None and f.value is not None and f.year is not None
    goal = f.value
    if f.target.comparator is Comparator.ABOUT:  # outside its band: to its nearer edge
        tolerance = abs(f.target.tolerance or 0.0)
        goal += -tolerance if f.latest.value < f.value else tolerance
    return number((goal - f.latest.value) / (f.year - f.latest.year))


def _projected(f: Frame, observed: Quantity) -> Quantity:
    if reason := f.missing(latest=True, year=True):
        return undefined(reason)
    assert f.latest is not None and f.year is not None
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
    return [by_year[year] for year in sorted(by_year)]


def frame_of(target: Target, observations: list[Observation]) -> Frame | None:
    if target.baseline_year is not None and target.baseline_value is not None:
        t0, y0, from_first = target.baseline_year, target.baseline_value, False
    elif observations:
        t0, y0, from_first = observations[0].year, observations[0].value, True
    else:
        return None
    after = [o for o in observations if o.year > t0]
    series = ((t0, y0), *((o.year, o.value) for o in after))
    return Frame(target, t0, y0, from_first, after[-1] if after else None, series)
