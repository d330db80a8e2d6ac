"""Consistency checks beyond SQLite's own integrity check."""

from __future__ import annotations

from ljtracker.domain.explain import exact_number
from ljtracker.domain.validation import limit_problem
from ljtracker.storage import reads
from ljtracker.storage.history import changes_without_revisions
from ljtracker.storage.workbook import Workbook


def consistency_problems(wb: Workbook, lang: str = "en") -> list[str]:
    """Figures past their target's natural limit or unlike its baseline of the same year,
    and changes that recorded nothing, each said in `lang`."""
    zh = lang == "zh"
    problems: list[str] = []
    plans = {p.id: p for p in reads.plans(wb)}
    by_target = reads.observations_by_target(wb)
    for target in reads.targets(wb):
        plan = plans[target.plan_id]
        where = (
            f"规划 {plan.code}，指标 {target.code}"
            if zh
            else (f"plan {plan.code}, target {target.code}")
        )
        for obs in by_target.get(target.id or 0, []):
            for p in limit_problem("value", obs.value, target.natural_limit):
                problems.append(
                    f"{where}，{obs.year}年：{p.message_zh}"
                    if zh
                    else f"{where}, {obs.year}: {p.message_en}"
                )
            base = target.baseline_value
            if obs.year == target.baseline_year and base is not None and obs.value != base:
                figure, baseline = exact_number(obs.value), exact_number(base)
                problems.append(
                    f"{where}：{obs.year} 年数据 {figure} 与同年基期值 {baseline} 不一致"
                    if zh
                    else f"{where}: the {obs.year} figure {figure} differs from the baseline "
                    f"{baseline} of the same year"
                )
    for change in changes_without_revisions(wb):
        number, name = change.change_id, change.name.text("zh" if zh else "en")
        problems.append(
            f"更改 #{number}（{name}）没有修改记录"
            if zh
            else f"change #{number} ({name}) has no recorded revisions"
        )
    return problems
