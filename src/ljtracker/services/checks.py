"""Consistency checks beyond SQLite's own integrity check."""

from __future__ import annotations

from ljtracker.domain.explain import exact_number
from ljtracker.domain.validation import limit_problem
from ljtracker.storage import reads
from ljtracker.storage.history import changes_without_revisions
from ljtracker.storage.workbook import Workbook


def _where(plan_code: str, target_code: str, zh: bool) -> str:
    return (
        f"规划 {plan_code}，指标 {target_code}" if zh else f"plan {plan_code}, target {target_code}"
    )


def consistency_problems(wb: Workbook, lang: str = "en") -> list[str]:
    """Figures past their target's natural limit, and changes that recorded nothing, each
    said in `lang`: what no edit should have let into the workbook."""
    zh = lang == "zh"
    problems: list[str] = []
    plans = {p.id: p for p in reads.plans(wb)}
    by_target = reads.observations_by_target(wb)
    for target in reads.targets(wb):
        where = _where(plans[target.plan_id].code, target.code, zh)
        for obs in by_target.get(target.id or 0, []):
            for p in limit_problem("value", obs.value, target.natural_limit):
                problems.append(
                    f"{where}，{obs.year}年：{p.message_zh}"
                    if zh
                    else f"{where}, {obs.year}: {p.message_en}"
                )
    for change in changes_without_revisions(wb):
        number, name = change.change_id, change.name.text("zh" if zh else "en")
        problems.append(
            f"更改 #{number}（{name}）没有修改记录"
            if zh
            else f"change #{number} ({name}) has no recorded revisions"
        )
    return problems


def consistency_notes(wb: Workbook, lang: str = "en") -> list[str]:
    """Figures of a baseline year unlike the baseline set with the target, said in `lang`:
    a revised statistic, which is allowed (progress is measured from the target's baseline),
    and worth a look."""
    zh = lang == "zh"
    notes: list[str] = []
    plans = {p.id: p for p in reads.plans(wb)}
    by_target = reads.observations_by_target(wb)
    for target in reads.targets(wb):
        base = target.baseline_value
        for obs in by_target.get(target.id or 0, []):
            if obs.year == target.baseline_year and base is not None and obs.value != base:
                where = _where(plans[target.plan_id].code, target.code, zh)
                figure, baseline = exact_number(obs.value), exact_number(base)
                notes.append(
                    f"{where}：{obs.year} 年数据 {figure} 与同年基期值 {baseline} 不一致"
                    if zh
                    else f"{where}: the {obs.year} figure {figure} differs from the baseline "
                    f"{baseline} of the same year"
                )
    return notes
