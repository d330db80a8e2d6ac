"""The thresholds of METHOD.md: which status a ratio or growth rate earns."""

from __future__ import annotations

from ljtracker.domain.model import Method, Status, Target, Thresholds, reaches


def status_from_growth_ratio(ratio: float, thresholds: Thresholds) -> Status:
    """Status of R = g_o / g_r (growth_ratio method, with a target)."""
    return _grade(ratio, thresholds.growth_on_track, thresholds.growth_needs_acceleration, 0.0)


def status_from_monitoring_growth(growth: float, thresholds: Thresholds) -> Status:
    """Status of g = d · g_o (monitoring indicators, any method)."""
    return _grade(
        growth, thresholds.monitoring_on_track, thresholds.monitoring_needs_acceleration, 0.0
    )


def status_from_projection_ratio(ratio: float, thresholds: Thresholds) -> Status:
    """Status of r = (projection_T - y0) / (yT - y0) (projection method)."""
    return _grade(
        ratio,
        thresholds.projection_on_track,
        thresholds.projection_needs_acceleration,
        thresholds.projection_limited,
    )


def status_from_schedule_index(index: float, thresholds: Thresholds) -> Status:
    """Status of S = (yt - y0) / (P(t) - y0) (schedule method)."""
    return _grade(index, thresholds.schedule_on_track, thresholds.schedule_needs_acceleration, 0.0)


def monitoring_cuts(thresholds: Thresholds) -> tuple[float, ...]:
    """The values a monitoring indicator's growth in its desired direction is graded against."""
    return (thresholds.monitoring_on_track, thresholds.monitoring_needs_acceleration, 0.0)


def ratio_cuts(method: Method, thresholds: Thresholds) -> tuple[float, ...]:
    """The values a method's ratio (R, r or S) is graded against, stagnation included."""
    if method is Method.GROWTH_RATIO:
        return (thresholds.growth_on_track, thresholds.growth_needs_acceleration, 0.0)
    if method is Method.PROJECTION:
        return (
            thresholds.projection_on_track,
            thresholds.projection_needs_acceleration,
            thresholds.projection_stagnation,
            thresholds.projection_limited,
        )
    return (thresholds.schedule_on_track, thresholds.schedule_needs_acceleration, 0.0)


def cuts_for(target: Target, method: Method, thresholds: Thresholds) -> tuple[float, ...]:
    """The values the number a target is judged by is graded against, highest first: its
    growth's for a monitoring indicator, else the method's ratio's; the last is where
    deterioration begins."""
    return monitoring_cuts(thresholds) if target.is_monitoring else ratio_cuts(method, thresholds)


def _grade(value: float, on_track: float, needs_acceleration: float, limited: float) -> Status:
    if reaches(value, on_track):
        return Status.ON_TRACK
    if reaches(value, needs_acceleration):
        return Status.NEEDS_ACCELERATION
    if reaches(value, limited):
        return Status.LIMITED_PROGRESS
    return Status.DETERIORATION
