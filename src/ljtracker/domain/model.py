"""The plan, its areas, targets and yearly observations, as plain frozen values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    EXPECTED = "expected"  # 预期性
    BINDING = "binding"  # 约束性


class Comparator(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ABOUT = "about"


class Direction(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"


class Quality(StrEnum):
    OFFICIAL = "official"
    PRELIMINARY = "preliminary"
    ESTIMATE = "estimate"


def unstated_quality(year: int, this_year: int) -> Quality:
    """The quality of a new figure given without one: official, but an estimate for a year
    not over yet (a year's figure cannot be final before the year ends)."""
    return Quality.ESTIMATE if year >= this_year else Quality.OFFICIAL


class Trajectory(StrEnum):
    LINEAR = "linear"
    COMPOUND = "compound"


class Method(StrEnum):
    GROWTH_RATIO = "growth_ratio"
    PROJECTION = "projection"
    SCHEDULE = "schedule"


class Status(StrEnum):
    TARGET_ACHIEVED = "target_achieved"
    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    NOT_ASSESSABLE = "not_assessable"


def reaches(value: float, threshold: float) -> bool:
    """`value` >= `threshold`, where a value worked out exactly on the threshold counts: 5.52
    against 5.52 planned gives a schedule index of 0.9999999999999972 in floating point."""
    return value >= threshold - SLACK * max(1.0, abs(threshold))


SLACK = 1e-12  # a few thousand times the rounding of a division; far below any real difference


@dataclass(frozen=True)
class Plan:
    code: str
    title_zh: str
    title_en: str
    start_year: int
    end_year: int
    issuer: str = ""
    issue_date: str = ""  # ISO date, or "" when unknown
    source_url: str = ""
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Area:
    plan_id: int
    position: int
    name_zh: str
    name_en: str
    id: int | None = None


@dataclass(frozen=True)
class Milestone:
    year: int
    value: float


@dataclass(frozen=True)
class Target:
    """A target with a comparator and value, or a monitoring indicator with only a direction."""

    plan_id: int
    code: str
    name_zh: str
    name_en: str
    unit: str
    kind: Kind = Kind.EXPECTED
    comparator: Comparator | None = None
    tolerance: float | None = None
    direction: Direction | None = None
    baseline_year: int | None = None
    baseline_value: float | None = None
    baseline_quality: Quality | None = None
    baseline_source: str = ""
    target_year: int | None = None
    target_value: float | None = None
    trajectory: Trajectory = Trajectory.LINEAR
    milestones: tuple[Milestone, ...] = ()
    natural_limit: float | None = None
    responsible: str = ""
    notes: str = ""
    area_id: int | None = None
    position: int = 0
    id: int | None = None

    @property
    def is_monitoring(self) -> bool:
        return self.comparator is None

    @property
    def sign(self) -> int:
        """+1 where more is better (at_least, increase), -1 otherwise."""
        if self.comparator is Comparator.AT_LEAST:
            return 1
        if self.comparator is None:
            return -1 if self.direction is Direction.DECREASE else 1
        if self.comparator is Comparator.AT_MOST:
            return -1
        # about: the direction of travel from baseline to target
        if self.baseline_value is not None and self.target_value is not None:
            return -1 if self.target_value < self.baseline_value else 1
        return 1

    def met_by(self, value: float) -> bool:
        """Whether a value meets the target: at least or at most its value, or inside its band."""
        assert self.target_value is not None
        if self.comparator is Comparator.ABOUT:  # 0.9 is inside 1.1 ± 0.2, 0.2000…07 away
            distance, tolerance = abs(value - self.target_value), abs(self.tolerance or 0.0)
            size = max(1.0, abs(value), abs(self.target_value))  # the rounding grows with it
            return distance <= tolerance + SLACK * size
        return self.sign * (value - self.target_value) >= 0

    def kept_from(self, baseline: float) -> bool:
        """A floor, ceiling or band the baseline already meets (unemployment at most 5.5 %
        from 5.2 %; inflation about 3 % ± 0.5 from 3.2 %): the target is to keep to it, so
        there is no path to it and no progress along one (from 3.2 % to 3 %, a move of 0.2,
        any figure outside the band would read as thousands of percent)."""
        return (
            self.comparator is not None and self.target_value is not None and self.met_by(baseline)
        )


@dataclass(frozen=True, slots=True)  # slots: made by the tens of thousands, at half the cost
class Observation:
    target_id: int
    year: int
    value: float
    quality: Quality = Quality.OFFICIAL
    source: str = ""
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Thresholds:
    """Status thresholds of METHOD.md; stored per workbook."""

    growth_on_track: float = 0.95
    growth_needs_acceleration: float = 0.60
    monitoring_on_track: float = 0.015
    monitoring_needs_acceleration: float = 0.005
    projection_on_track: float = 0.95
    projection_needs_acceleration: float = 0.5
    projection_limited: float = -0.1
    projection_stagnation: float = 0.1
    schedule_on_track: float = 1.0
    schedule_needs_acceleration: float = 0.9


@dataclass(frozen=True)
class Settings:
    method: Method = Method.GROWTH_RATIO
    thresholds: Thresholds = field(default_factory=Thresholds)


def in_area_order(targets: Sequence[Target], areas: Sequence[Area]) -> list[Target]:
    """Targets area by area (`areas` in the plan's order), in the order the plan lists them
    within each; those of no area last."""
    rank = {area.id: number for number, area in enumerate(areas)}
    return sorted(targets, key=lambda t: (rank.get(t.area_id, len(rank)), t.position))
