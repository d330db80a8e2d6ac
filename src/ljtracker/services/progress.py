"""Progress of every target of a plan, as of a year, by the workbook's method or another."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from ljtracker.domain.model import (
    Area,
    Method,
    Observation,
    Plan,
    Settings,
    Target,
    in_area_order,
)
from ljtracker.domain.progress import Assessment, assess
from ljtracker.services import clock
from ljtracker.services.changes import Changes
from ljtracker.services.settings import load_settings
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook


@dataclass(frozen=True)
class TargetProgress:
    target: Target
    observations: tuple[Observation, ...]
    assessment: Assessment


@dataclass(frozen=True)
class PlanProgress:
    plan: Plan
    areas: tuple[Area, ...]
    targets: tuple[TargetProgress, ...]
    as_of_year: int | None
    settings: Settings


def effective_settings(wb: Workbook, method: Method | None = None) -> Settings:
    return _with_method(load_settings(wb), method)


def _with_method(settings: Settings, method: Method | None) -> Settings:
    return settings if method is None else replace(settings, method=method)


def judge(
    target: Target,
    observations: Sequence[Observation],
    as_of_year: int | None,
    settings: Settings,
    this_year: int | None = None,
) -> Assessment:
    """The target's progress as of the year given, or on all its figures in the year it is
    (read from the clock unless given, as when judging many targets at once)."""
    now = clock.this_year() if this_year is None else this_year
    return assess(target, observations, as_of_year=as_of_year, this_year=now, settings=settings)


def _judged(
    plan: Plan,
    areas: Sequence[Area],
    targets_in_order: Sequence[Target],
    by_target: Mapping[int, Sequence[Observation]],
    as_of_year: int | None,
    settings: Settings,
) -> PlanProgress:
    """Each target's progress, the targets given area by area (see in_area_order)."""
    rows = []
    now = clock.this_year()
    for target in targets_in_order:
        assert target.id is not None
        observations = tuple(by_target.get(target.id, ()))
        assessment = judge(target, observations, as_of_year, settings, now)
        rows.append(TargetProgress(target, observations, assessment))
    return PlanProgress(
        plan=plan, areas=tuple(areas), targets=tuple(rows), as_of_year=as_of_year, settings=settings
    )


def plan_progress(
    wb: Workbook,
    plan: Plan,
    *,
    as_of_year: int | None = None,
    method: Method | None = None,
) -> PlanProgress:
    assert plan.id is not None
    settings = effective_settings(wb, method)
    areas = reads.areas(wb, plan.id)
    targets = in_area_order(reads.targets(wb, plan.id), areas)
    by_target = reads.observations_by_target(wb, [t.id for t in targets if t.id is not None])
    return _judged(plan, areas, targets, by_target, as_of_year, settings)


def target_progress(
    wb: Workbook, target: Target, *, as_of_year: int | None = None, method: Method | None = None
) -> TargetProgress:
    assert target.id is not None
    observations = tuple(reads.observations(wb, [target.id]))
    settings = effective_settings(wb, method)
    return TargetProgress(target, observations, judge(target, observations, as_of_year, settings))


def targets_progress(
    wb: Workbook, targets: Iterable[Target], *, as_of_year: int | None, settings: Settings
) -> Iterator[TargetProgress]:
    """Each target's progress in turn, its figures read only when it is reached: for going
    through many targets once without holding all their figures at the same time."""
    for target in targets:
        assert target.id is not None
        observations = tuple(reads.observations(wb, [target.id]))
        assessment = judge(target, observations, as_of_year, settings)
        yield TargetProgress(target, observations, assessment)


class ProgressCache:
    """Progress as the window shows it, from plans, areas, targets, figures and settings read
    once, each plan's or target's figures when first asked for.

    `forget(changes)` drops what a recorded change touched (all of it for a change of
    structure or settings, else the figures of the targets it touched). Any other write through
    the connection, or a commit by another connection, empties the cache at the next question,
    so an answer is always what the functions above would give. Each plan's and each target's
    last progress is kept, so that views asking the same question after one change (the
    navigator and the target page) share one computation.
    """

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self._stamp: tuple[int, int] | None = None
        self._targets: dict[int, tuple[Target, ...]] = {}
        self._areas: dict[int, tuple[Area, ...]] = {}
        self._observations: dict[int, tuple[Observation, ...]] = {}  # of the targets read
        self._settings: Settings | None = None
        # keyed by what a progress depends on besides the figures: the as-of year, the
        # settings and the year it is (a target's year ends at New Year)
        self._last: dict[int, tuple[tuple[Plan, int | None, Settings, int], PlanProgress]] = {}
        self._plan_of_target: dict[int, int] = {}  # of the targets in the plans kept in `_last`
        self._last_target: dict[
            int, tuple[tuple[Target, int | None, Settings, int], TargetProgress]
        ] = {}

    def _current_stamp(self) -> tuple[int, int]:
        (version,) = self.wb.conn.execute("PRAGMA data_version").fetchone()
        return int(version), self.wb.conn.total_changes

    def clear(self) -> None:
        self._targets.clear()
        self._areas.clear()
        self._observations.clear()
        self._settings = None
        self._last.clear()
        self._plan_of_target.clear()
        self._last_target.clear()
        self._stamp = None

    def forget(self, changes: Changes) -> None:
        """What a recorded change touched is read again when next asked for."""
        other_writer = self._stamp is not None and self._current_stamp()[0] != self._stamp[0]
        if changes.structure or changes.settings or not changes.target_ids or other_writer:
            self.clear()
            return
        for target_id in changes.target_ids:
            self._observations.pop(target_id, None)
            plan_id = self._plan_of_target.get(target_id)
            if plan_id is not None:
                self._last.pop(plan_id, None)
            self._last_target.pop(target_id, None)
        if self._stamp is not None:
            self._stamp = self._current_stamp()

    def _check(self) -> None:
        stamp = self._current_stamp()
        if stamp != self._stamp:
            self.clear()
            self._stamp = stamp

    def _plan_targets(self, plan_id: int) -> tuple[Target, ...]:
        """The plan's targets, area by area (see in_area_order)."""
        if plan_id not in self._targets:
            targets = reads.targets(self.wb, plan_id)
            in_order = in_area_order(targets, self._plan_areas(plan_id))
            self._targets[plan_id] = tuple(in_order)
        return self._targets[plan_id]

    def _plan_areas(self, plan_id: int) -> tuple[Area, ...]:
        if plan_id not in self._areas:
            self._areas[plan_id] = tuple(reads.areas(self.wb, plan_id))
        return self._areas[plan_id]

    def _figures(self, target_ids: Iterable[int]) -> dict[int, tuple[Observation, ...]]:
        """The figures by target, those of `target_ids` among them."""
        unread = [i for i in target_ids if i not in self._observations]
        if unread:
            found = reads.observations_by_target(self.wb, unread)
            for target_id in unread:
                self._observations[target_id] = tuple(found.get(target_id, ()))
        return self._observations

    def _effective_settings(self, method: Method | None) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.wb)
        return _with_method(self._settings, method)

    def plan_outline(self, plan_id: int) -> tuple[tuple[Area, ...], tuple[Target, ...]]:
        """The plan's areas, and its targets area by area, without judging them."""
        self._check()
        return self._plan_areas(plan_id), self._plan_targets(plan_id)

    def plan_progress(
        self, plan: Plan, *, as_of_year: int | None = None, method: Method | None = None
    ) -> PlanProgress:
        """As `plan_progress(wb, plan, ...)`."""
        assert plan.id is not None
        self._check()
        settings = self._effective_settings(method)
        key = (plan, as_of_year, settings, clock.this_year())
        last = self._last.get(plan.id)
        if last is not None and last[0] == key:
            return last[1]
        targets = self._plan_targets(plan.id)
        progress = _judged(
            plan,
            self._plan_areas(plan.id),
            targets,
            self._figures(t.id for t in targets if t.id is not None),
            as_of_year,
            settings,
        )
        self._last[plan.id] = (key, progress)
        self._plan_of_target.update(
            (row.target.id, plan.id) for row in progress.targets if row.target.id is not None
        )
        return progress

    def target_progress(
        self, target: Target, *, as_of_year: int | None = None, method: Method | None = None
    ) -> TargetProgress:
        """As `target_progress(wb, target, ...)`."""
        assert target.id is not None
        self._check()
        settings = self._effective_settings(method)
        key = (target, as_of_year, settings, clock.this_year())
        last = self._last_target.get(target.id)
        if last is not None and last[0] == key:
            return last[1]
        observations = self._figures([target.id])[target.id]
        progress = TargetProgress(
            target,
            observations,
            judge(target, observations, as_of_year, settings),
        )
        self._last_target[target.id] = (key, progress)
        return progress
