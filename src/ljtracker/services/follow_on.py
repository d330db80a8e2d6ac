"""A plan that follows another (the 15th five-year plan after the 14th): the same areas and
indicators, measured from the earlier plan's figures of the year before the new period."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ljtracker.domain import change_names as names
from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Comparator, Direction, Observation, Plan, Target
from ljtracker.domain.validation import Problem
from ljtracker.domain.wording import first_few
from ljtracker.services.changes import Changes
from ljtracker.services.editing import EditError, plan_row
from ljtracker.storage import reads
from ljtracker.storage.rows import area_to_row, target_to_row
from ljtracker.storage.workbook import Workbook
from ljtracker.storage.writer import Entity

_DIRECTIONS = {Comparator.AT_LEAST: Direction.INCREASE, Comparator.AT_MOST: Direction.DECREASE}


def carried_target(
    earlier: Target, plan_id: int, baseline_year: int, figures: Mapping[int, Observation]
) -> Target:
    """An indicator of the earlier plan as the new plan starts it: a monitoring indicator in
    the direction its target pointed (its new target is the new plan's to set), with the
    earlier plan's figure of `baseline_year`, when there is one, as its baseline."""
    figure = figures.get(baseline_year)
    comparator = earlier.comparator
    direction = earlier.direction if comparator is None else _DIRECTIONS.get(comparator)
    return replace(
        earlier,
        plan_id=plan_id,
        area_id=None,
        comparator=None,
        tolerance=None,
        direction=direction,
        target_year=None,
        target_value=None,
        milestones=(),
        baseline_year=None if figure is None else figure.year,
        baseline_value=None if figure is None else figure.value,
        baseline_quality=None if figure is None else figure.quality,
        baseline_source="" if figure is None else figure.source,
        notes="",
        id=None,
    )


@dataclass(frozen=True)
class EarlierFigures:
    """What the earlier plan holds for a next plan whose baselines are of `year`: how many of
    its indicators have a figure of that year, of how many, and its figures of later years,
    named for a message (("LJ-FDI 2026", "LJ-FDI 2026年")), or None. Those stay with it, and
    the next plan does not count them."""

    found: int
    total: int
    later: tuple[str, str] | None


def earlier_figures(wb: Workbook, earlier_id: int, year: int) -> EarlierFigures:
    targets = reads.targets(wb, earlier_id)
    by_target = reads.observations_by_target(wb, [t.id for t in targets if t.id is not None])
    years = {t.code: [o.year for o in by_target.get(t.id or 0, [])] for t in targets}
    found = sum(year in held for held in years.values())
    later = [(code, y) for code, held in years.items() for y in held if y > year]
    named = (
        first_few([f"{c} {y}" for c, y in later], [f"{c} {y}年" for c, y in later])
        if later
        else None
    )
    return EarlierFigures(found, len(targets), named)


def follow_on_plan(
    wb: Workbook, earlier_id: int, plan: Plan, name: ChangeName | None = None
) -> Changes:
    """Add `plan` with the areas and indicators of the plan `earlier_id`, as one change."""
    earlier = reads.plan_by_id(wb, earlier_id)
    if earlier is None:
        raise EditError([Problem("", "that plan no longer exists", "该规划已不存在")])
    if plan.start_year <= earlier.end_year:
        raise EditError(
            [
                Problem(
                    "start_year",
                    f"the plan after {earlier.code} starts after {earlier.end_year}",
                    f"{earlier.code} 的后续规划应在 {earlier.end_year} 年之后开始",
                )
            ]
        )
    row = plan_row(wb, plan)
    baseline_year = plan.start_year - 1
    targets = reads.targets(wb, earlier_id)
    by_target = reads.observations_by_target(wb, [t.id for t in targets if t.id is not None])
    with wb.change(name or names.follow_on_plan(plan.code, earlier.code)) as w:
        plan_id = w.insert(Entity.PLAN, row)
        areas: dict[int | None, int] = {}
        for area in reads.areas(wb, earlier_id):
            area_row = area_to_row(replace(area, plan_id=plan_id, id=None))
            area_row.pop("id", None)
            areas[area.id] = w.insert(Entity.AREA, area_row)
        for target in targets:
            figures = {o.year: o for o in by_target.get(target.id or 0, [])}
            carried = carried_target(target, plan_id, baseline_year, figures)
            target_row = target_to_row(replace(carried, area_id=areas.get(target.area_id)))
            target_row.pop("id", None)
            w.insert(Entity.TARGET, target_row)
    return Changes.of(w)
