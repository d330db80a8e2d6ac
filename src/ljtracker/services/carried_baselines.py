"""A next plan's baselines are its earlier plan's figures of that plan's last year, carried over
when the next plan was made. When such a figure is revised, a baseline still carried from it
follows it in the same change: the two plans would otherwise measure from two numbers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from ljtracker.domain.model import Observation, Plan, Target
from ljtracker.domain.validation import target_problems
from ljtracker.services.import_plan import exact_amount
from ljtracker.sheets.template import choice_word


@dataclass(frozen=True)
class FollowingBaseline:
    """A later plan's indicator whose baseline takes the revised figure of `earlier`."""

    earlier: Plan
    plan: Plan
    target: Target  # as it was
    figure: Observation  # as it is now

    def values(self) -> dict[str, Any]:
        """The target's columns to write."""
        figure = self.figure
        return {
            "baseline_value": figure.value,
            "baseline_quality": figure.quality.value,
            "baseline_source": figure.source,
        }

    def text(self, lang: str) -> str:
        """What the user is told: "LJ2030 LJ-GDP: its 2025 baseline, carried from LJ2025's
        figure of that year, follows its revision: 5,100 亿元 (official), was 5,200 亿元
        (preliminary)"."""
        target, figure, year = self.target, self.figure, self.figure.year
        unit, earlier = target.unit, self.earlier.code
        assert target.baseline_value is not None and target.baseline_quality is not None
        now = exact_amount(figure.value, unit, lang)
        was = exact_amount(target.baseline_value, unit, lang)
        now_quality = choice_word(figure.quality, lang)
        was_quality = choice_word(target.baseline_quality, lang)
        subject = f"{self.plan.code} {target.code}"
        if lang == "zh":
            return (
                f"{subject}：{year}年基期值取自 {earlier} 的该年数据，随其修订改为"
                f" {now}（{now_quality}），原为 {was}（{was_quality}）"
            )
        return (
            f"{subject}: its {year} baseline, carried from {earlier}'s figure of that year,"
            f" follows its revision: {now} ({now_quality}), was {was} ({was_quality})"
        )


def baselines_following(
    earlier: Plan,
    before: Observation,
    after: Observation,
    code: str,
    plans: Iterable[Plan],
    target_in: Callable[[Plan, str], Target | None],
) -> list[FollowingBaseline]:
    """The baselines carried from the figure `before` of the target `code` of `earlier`, now
    `after`: those of later plans' indicators of that code, of that year and still of that
    value. Only a figure of a plan's last year is carried; a baseline set otherwise since is
    the planner's own and stays."""
    if before.year != earlier.end_year:
        return []
    found = []
    for plan in plans:
        if plan.id == earlier.id or plan.start_year <= before.year:
            continue
        target = target_in(plan, code)
        if target is None or target.baseline_year != before.year:
            continue
        if target.baseline_value != before.value or target.baseline_quality is None:
            continue
        following = FollowingBaseline(earlier, plan, target, after)
        moved = replace(
            target,
            baseline_value=after.value,
            baseline_quality=after.quality,
            baseline_source=after.source,
        )
        if moved != target and not target_problems(moved):
            found.append(following)
    return found
