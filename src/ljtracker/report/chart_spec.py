"""A target's progress chart as document values: the points and lines to draw, and labels."""

from __future__ import annotations

from dataclasses import replace

from ljtracker.domain.model import Comparator, Observation, Quality, Target
from ljtracker.domain.progress import planned_path
from ljtracker.report import text
from ljtracker.report.context import ReportContext, TargetRow
from ljtracker.report.document import ChartLabels, ChartPoint, ProgressChart
from ljtracker.report.text import Lang, phrase


def progress_chart(
    ctx: ReportContext,
    row: TargetRow,
    observations: list[Observation],
    baseline_quality: Quality | None,
) -> ProgressChart | None:
    """The chart of a target's figures up to the as-of year; None when there is nothing to draw."""
    lang, target, a = ctx.lang, row.target, row.assessment
    if not observations and a.baseline_year is None:
        return None
    series = tuple(ChartPoint(o.year, o.value, o.quality) for o in observations)
    baseline = None
    if a.baseline_year is not None and a.baseline_value is not None:
        baseline = ChartPoint(a.baseline_year, a.baseline_value, baseline_quality)
    goal = None
    if target.target_year is not None and target.target_value is not None:
        goal = ChartPoint(target.target_year, target.target_value)
    band = None
    if target.comparator is Comparator.ABOUT and goal is not None and target.tolerance:
        band = (goal.value - abs(target.tolerance), goal.value + abs(target.tolerance))
    projection: tuple[ChartPoint, ...] = ()
    latest, projected = a.latest, a.projected_value.value
    if (
        latest is not None
        and projected is not None
        and goal is not None
        and goal.year > latest.year
    ):
        projection = (ChartPoint(latest.year, latest.value), ChartPoint(goal.year, projected))
    planned = tuple(ChartPoint(y, v) for y, v in _planned(target, baseline))
    milestones = tuple(
        ChartPoint(m.year, m.value)
        for m in target.milestones
        if baseline is not None and goal is not None and baseline.year < m.year < goal.year
    )
    return ProgressChart(
        unit=target.unit,
        series=series,
        baseline=baseline,
        target=goal,
        band=band,
        planned=planned,
        milestones=milestones,
        projection=projection,
        as_of_year=ctx.as_of,
        labels=chart_labels(lang, ctx.as_of),
    )


def _planned(target: Target, baseline: ChartPoint | None) -> list[tuple[int, float]]:
    """The planned path from the baseline the assessment used (the first figure if need be)."""
    if baseline is None or target.is_monitoring:
        return []
    if target.target_year is None or target.target_year <= baseline.year:
        return []
    return planned_path(replace(target, baseline_year=baseline.year, baseline_value=baseline.value))


def chart_labels(lang: Lang, as_of: int) -> ChartLabels:
    return ChartLabels(
        observed=phrase("chart_observed", lang),
        baseline=phrase("chart_baseline", lang),
        target=phrase("chart_target", lang),
        band=phrase("chart_band", lang),
        planned=phrase("chart_planned", lang),
        milestones=phrase("milestones", lang),
        projection=phrase("chart_projection", lang),
        as_of=phrase("chart_as_of", lang, year=as_of),
        gap=phrase("chart_gap", lang),
        qualities=tuple((q, _capitalised(text.quality_word(q, lang))) for q in Quality),
    )


def _capitalised(word: str) -> str:
    """As the legend's other entries begin ("Preliminary" beside "Planned path")."""
    return word[:1].upper() + word[1:]
