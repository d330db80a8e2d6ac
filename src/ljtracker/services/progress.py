"""Progress of every target of a plan, as of a year, by the workbook's method or another."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ljtracker.domain.model import Area, Method, Observation, Plan, Settings, Target
from ljtracker.domain.progress import Assessment, assess
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
    settings = load_settings(wb)
    return settings if method is None else replace(settings, method=method)


def plan_progress(
    wb: Workbook,
    plan: Plan,
    *,
    as_of_year: int | None = None,
    method: Method | None = None,
) -> PlanProgress:
    assert plan.id is not None
    settings = effective_settings(wb, method)
    targets = reads.targets(wb, plan.id)
    by_target = reads.observations_by_target(wb, [t.id for t in targets if t.id is not None])
    rows = []
    for target in targets:
        assert target.id is not None
        observations = tuple(by_target.get(target.id, ()))
        assessment = assess(target, observations, as_of_year=as_of_year, settings=settings)
        rows.append(TargetProgress(target, observations, assessment))
    return PlanProgress(
        plan=plan,
        areas=tuple(reads.areas(wb, plan.id)),
        targets=tuple(rows),
        as_of_year=as_of_year,
        settings=settings,
    )


def target_progress(
    wb: Workbook, target: Target, *, as_of_year: int | None = None, method: Method | None = None
) -> TargetProgress:
    assert target.id is not None
    observations = tuple(reads.observations(wb, [target.id]))
    settings = effective_settings(wb, method)
    return TargetProgress(
        target, observations, assess(target, observations, as_of_year=as_of_year, settings=settings)
    )
