"""A next plan's baselines are its earlier plan's figures of the year before it starts, carried
over when it was made. When such a figure is revised, a baseline still carried from it (same
year, value, quality and source) follows it in the same change: the two plans would otherwise
measure from two numbers. A baseline set otherwise since is the planner's own and stays."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from ljtracker.domain.model import Observation, Plan, Target
from ljtracker.domain.validation import Problem, target_problems
from ljtracker.services.import_plan import exact_amount
from ljtracker.sheets.template import choice_word


@dataclass(frozen=True)
class FollowingBaseline:
    """A later plan's indicator whose baseline was carried from a figure of `earlier` now
    revised: it takes the figure as it now is, unless that would make the target invalid."""

    earlier: Plan
    plan: Plan
    target: Target  # as it was
    figure: Observation  # as it is now
    problem: Problem | None = None  # why it cannot follow

    @property
    def moved(self) -> Target:
        """The target with the figure as its baseline."""
        return replace(
            self.target,
            baseline_value=self.figure.value,
            baseline_quality=self.figure.quality,
            baseline_source=self.figure.source,
        )

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
        (preliminary)", or why it stays."""
        target, figure, earlier = self.target, self.figure, self.earlier.code
        assert target.baseline_value is not None and target.baseline_quality is not None
        sources = target.baseline_source != figure.source
        now = _described(figure.value, figure.quality, figure.source, sources, target, lang)
        was = _described(
            target.baseline_value,
            target.baseline_quality,
            target.baseline_source,
            sources,
            target,
            lang,
        )
        subject = f"{self.plan.code} {target.code}"
        year = figure.year
        if lang == "zh":
            carried = f"{subject}：{year}年基期值取自 {earlier} 的该年数据，"
            if self.problem is not None:
                return f"{carried}该数据修订为 {now}，但基期值仍为 {was}：{self.problem.message_zh}"
            return f"{carried}随其修订改为 {now}，原为 {was}"
        carried = f"{subject}: its {year} baseline, carried from {earlier}'s figure of that year,"
        if self.problem is not None:
            return (
                f"{carried} stays {was}, though the figure is now {now}: {self.problem.message_en}"
            )
        return f"{carried} follows its revision: {now}, was {was}"


def _described(
    value: float, quality: Any, source: str, with_source: bool, target: Target, lang: str = "en"
) -> str:
    """ "5,100 亿元 (official)", with the source when sources are what differs."""
    words = [choice_word(quality, lang), *([source or "—"] if with_source else [])]
    if lang == "zh":
        return f"{exact_amount(value, target.unit, lang)}（{'，'.join(words)}）"
    return f"{exact_amount(value, target.unit, lang)} ({', '.join(words)})"


def _carried(target: Target) -> tuple[Any, ...]:
    return (target.baseline_value, target.baseline_quality, target.baseline_source)


def baselines_following(
    earlier: Plan,
    before: Observation,
    after: Observation,
    code: str,
    plans: Iterable[Plan],
    target_in: Callable[[Plan, str], Target | None],
) -> list[FollowingBaseline]:
    """The baselines carried from the figure `before` of the target `code` of `earlier`, now
    `after`: those of the indicators of that code in plans starting the year after the figure,
    after `earlier`'s period, with the figure, as it was, as their baseline."""
    found = []
    for plan in plans:
        if plan.start_year != before.year + 1 or plan.start_year <= earlier.end_year:
            continue
        target = target_in(plan, code)
        if target is None or target.baseline_year != before.year:
            continue
        if _carried(target) != (before.value, before.quality, before.source):
            continue
        following = FollowingBaseline(earlier, plan, target, after)
        if _carried(following.moved) == _carried(target):
            continue
        problems = target_problems(following.moved)
        found.append(replace(following, problem=problems[0]) if problems else following)
    return found
