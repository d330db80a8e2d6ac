"""The planned trajectory from baseline to target: linear, compound or through milestones."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from ljtracker.domain.model import Milestone, Target, Trajectory


def path_value(
    start: tuple[int, float],
    end: tuple[int, float],
    trajectory: Trajectory,
    milestones: Sequence[Milestone],
    year: int,
) -> float | None:
    """P(year) on the plan from start to end; the end value holds after the end year."""
    (t0, y0), (t_end, y_end) = start, end
    if year < t0 or t_end <= t0:
        return None
    if year >= t_end:
        return y_end
    inner = sorted((m.year, m.value) for m in milestones if t0 < m.year < t_end)
    if inner:
        points = [start, *inner, end]
        for (a_year, a_value), (b_year, b_value) in itertools.pairwise(points):
            if a_year <= year <= b_year:
                return a_value + (b_value - a_value) * (year - a_year) / (b_year - a_year)
    share = (year - t0) / (t_end - t0)
    if trajectory is Trajectory.COMPOUND:
        if y0 <= 0 or y_end <= 0:
            return None
        return power(y_end / y0, share, y0)
    return y0 + (y_end - y0) * share


def power(base: float, exponent: float, factor: float = 1.0) -> float | None:
    try:
        result = factor * math.pow(base, exponent)
    except (OverflowError, ValueError):
        return None
    return result if math.isfinite(result) else None


def planned_value(target: Target, year: int) -> float | None:
    """The planned value in a year, from the target's own baseline; None where there is no plan
    (a floor, ceiling or band the baseline already meets is kept, not planned towards)."""
    if (
        target.baseline_year is None
        or target.baseline_value is None
        or target.target_year is None
        or target.target_value is None
        or target.kept_from(target.baseline_value)
    ):
        return None
    return path_value(
        (target.baseline_year, target.baseline_value),
        (target.target_year, target.target_value),
        target.trajectory,
        target.milestones,
        year,
    )


def planned_path(target: Target) -> list[tuple[int, float]]:
    """(year, planned value) for every year from baseline to target year; [] without a plan."""
    if target.baseline_year is None or target.target_year is None:
        return []
    path: list[tuple[int, float]] = []
    for year in range(target.baseline_year, target.target_year + 1):
        value = planned_value(target, year)
        if value is None:
            return []
        path.append((year, value))
    return path
