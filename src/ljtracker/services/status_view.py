"""Progress shaped for output: the stable JSON document and the status table's rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ljtracker.domain import wording
from ljtracker.domain.number_text import format_number, format_percent
from ljtracker.domain.progress import Quantity, projection_shown
from ljtracker.services.progress import PlanProgress, TargetProgress

DASH = "—"


def _number(q: Quantity) -> float | None:
    return q.value


def target_status_dict(row: TargetProgress, lang: str) -> dict[str, Any]:
    t, a = row.target, row.assessment
    latest = a.shown_latest  # as the window and the report show it
    return {
        "code": t.code,
        "name": wording.name(t, lang),
        "unit": t.unit,
        "kind": t.kind.value,
        "comparator": None if t.comparator is None else t.comparator.value,
        "direction": None if t.direction is None else t.direction.value,
        "baseline": None
        if a.baseline_year is None
        else {"year": a.baseline_year, "value": a.baseline_value},
        "target": None
        if t.comparator is None
        else {"year": t.target_year, "value": t.target_value, "tolerance": t.tolerance},
        "latest": None
        if latest is None
        else {
            "year": latest.year,
            "value": latest.value,
            "quality": latest.quality.value,
            "years_before_as_of": a.latest_age,  # when that makes it old, else null
        },
        "achievement": _number(a.achievement),
        "elapsed": _number(a.elapsed),
        "schedule_index": _number(a.schedule_index),
        "observed_growth": _number(a.observed_growth),
        "required_growth": _number(a.required_growth),
        "required_growth_from_latest": _number(a.required_growth_from_latest),
        "required_yearly_amount": _number(a.required_yearly_amount),
        "planned_value": _number(a.planned_value),
        "projected_value": _number(projection_shown(a, t.target_year)),
        # what the status was decided by: R, r or S by the method, g for a monitoring indicator
        "ratio": _number(a.ratio),
        "status": a.status.value,
        "warning": a.warning,
        "missed": a.missed,
        "awaiting_target_figure": a.awaiting_target_figure,
        "explanation": a.explanation_zh if lang == "zh" else a.explanation_en,
    }


def plan_status_dict(plan: PlanProgress, lang: str) -> dict[str, Any]:
    return {
        "code": plan.plan.code,
        "title": wording.title(plan.plan, lang),
        "targets": [target_status_dict(row, lang) for row in plan.targets],
    }


HEADERS = {
    "en": (
        "plan",
        "code",
        "name",
        "unit",
        "baseline",
        "latest",
        "target",
        "achievement",
        "status",
        "growth needed from now",
        "explanation",
    ),
    "zh": (
        "规划",
        "代码",
        "名称",
        "单位",
        "基期",
        "最新值",
        "目标",
        "完成度",
        "状态",
        "今后所需年均增速",
        "说明",
    ),
}


def _percent(q: Quantity, lang: str) -> str:
    return DASH if q.value is None else format_percent(q.value, zh=lang == "zh")


def _dated(year: int, value: float, lang: str) -> str:
    """ "2020: 3,750", "2020年：3,750"."""
    return (
        f"{year}年：{format_number(value)}" if lang == "zh" else f"{year}: {format_number(value)}"
    )


def status_label(row: TargetProgress, lang: str) -> str:
    a = row.assessment
    return a.status_text(lang)


def status_rows(
    plans: Sequence[PlanProgress], lang: str, *, for_terminal: bool
) -> tuple[tuple[str, ...], list[list[str]]]:
    header: tuple[str, ...] = HEADERS[lang]
    rows: list[list[str]] = []
    for plan in plans:
        for row in plan.targets:
            t, a = row.target, row.assessment
            baseline = (
                DASH
                if a.baseline_year is None or a.baseline_value is None
                else _dated(a.baseline_year, a.baseline_value, lang)
            )
            shown = a.shown_latest
            latest = DASH if shown is None else _dated(shown.year, shown.value, lang)
            explanation = a.explanation_zh if lang == "zh" else a.explanation_en
            rows.append(
                [
                    plan.plan.code,
                    t.code,
                    wording.name(t, lang),
                    t.unit,
                    baseline,
                    latest,
                    wording.goal(t, lang),
                    _percent(a.achievement, lang),
                    status_label(row, lang),
                    _percent(a.required_growth_from_latest, lang),
                    explanation,
                ]
            )
    if for_terminal:
        header = header[1:]
        rows = [r[1:] for r in rows]
    return header, rows
