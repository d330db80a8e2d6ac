"""The earliest year a plan's progress can be judged as of."""

from __future__ import annotations

from collections.abc import Sequence

from ljtracker.domain.model import Plan, Target


def first_as_of_year(plan: Plan, targets: Sequence[Target]) -> int:
    """The year before the plan, or its first baseline's year when that is earlier."""
    baselines = [t.baseline_year for t in targets if t.baseline_year is not None]
    return min([plan.start_year - 1, *baselines])


def before_plan(plan: Plan, targets: Sequence[Target], as_of: int) -> tuple[str, str] | None:
    """Why the plan cannot be judged as of `as_of` (in English and Chinese): a year before it
    and its baselines, when nothing was measured against it yet; None when it can be."""
    first = first_as_of_year(plan, targets)
    if as_of >= first:
        return None
    return (
        f"{as_of} is before plan {plan.code} ({plan.start_year}–{plan.end_year}) and its"
        f" baselines; choose {first} or later",
        f"{as_of} 年早于规划 {plan.code}（{plan.start_year}—{plan.end_year}年）及其基期；"
        f"请选择 {first} 年或之后",
    )
