"""Consistency checks beyond SQLite's own integrity check."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from ljtracker.domain.closest import same_but_case
from ljtracker.domain.model import Observation, Plan, Target
from ljtracker.domain.number_text import exact_number
from ljtracker.domain.validation import future_year_problem, limit_problem, target_problems
from ljtracker.services import clock
from ljtracker.storage import reads
from ljtracker.storage.history import changes_without_revisions
from ljtracker.storage.workbook import Workbook


def _where(plan_code: str, target_code: str, zh: bool) -> str:
    return (
        f"规划 {plan_code}，指标 {target_code}" if zh else f"plan {plan_code}, target {target_code}"
    )


def consistency(wb: Workbook, lang: str = "en") -> tuple[list[str], list[str]]:
    """What is wrong and what is worth a look, each said in `lang`, in one reading.

    Problems are what no edit should have let in: targets breaking a target's rules (written
    by another program, or before a rule was made), figures past their target's natural limit
    or of a year still to come (judged as actuals; so would a baseline be), changes that
    recorded nothing. Notes are figures of a baseline year unlike the baseline set with the
    target: a revised statistic, allowed (progress is measured from the target's baseline); and
    baselines unlike (or missing beside) an earlier plan's figure of that year for the same
    indicator."""
    zh = lang == "zh"
    problems: list[str] = []
    notes: list[str] = []
    plans = {p.id: p for p in reads.plans(wb)}
    by_target = reads.observations_by_target(wb)
    now = clock.this_year()
    targets = reads.targets(wb)
    for target in targets:
        where = _where(plans[target.plan_id].code, target.code, zh)
        for p in target_problems(target, this_year=now):
            problems.append(f"{where}：{p.message_zh}" if zh else f"{where}: {p.message_en}")
        base = target.baseline_value
        for obs in by_target.get(target.id or 0, []):
            for p in [
                *future_year_problem(obs.year, now),
                *limit_problem("value", obs.value, target.natural_limit),
            ]:
                problems.append(
                    f"{where}，{obs.year}年：{p.message_zh}"
                    if zh
                    else f"{where}, {obs.year}: {p.message_en}"
                )
            if obs.year == target.baseline_year and base is not None and obs.value != base:
                figure, baseline = exact_number(obs.value), exact_number(base)
                notes.append(
                    f"{where}：{obs.year}年数据 {figure} 与同年基期值 {baseline} 不一致"
                    if zh
                    else f"{where}: the {obs.year} figure {figure} differs from the baseline "
                    f"{baseline} of the same year"
                )
    notes += _carried_baseline_notes(targets, plans, by_target, zh)
    problems += _case_twins(plans, targets, zh)
    for change in changes_without_revisions(wb):
        number, name = change.change_id, change.name.text("zh" if zh else "en")
        problems.append(
            f"更改 #{number}（{name}）没有修改记录"
            if zh
            else f"change #{number} ({name}) has no recorded revisions"
        )
    return problems, notes


def _baseline_without_figure(plan: Plan, earlier: Plan, target: Target, year: int, zh: bool) -> str:
    assert target.baseline_value is not None
    where, base = _where(plan.code, target.code, zh), exact_number(target.baseline_value)
    return (
        f"{where}：基期值 {base}（{year}年）在上一期规划 {earlier.code} 中没有对应的 {year}年"
        "数据；是已撤回，还是尚未录入？"
        if zh
        else f"{where}: the baseline {base} ({year}) has no {year} figure beside it in plan"
        f" {earlier.code}, the one before; taken back since, or never entered there?"
    )


def _case_twins(plans: Mapping[int | None, Plan], targets: Sequence[Target], zh: bool) -> list[str]:
    """Plan codes, and target codes within a plan, that differ only in case (let in before
    such codes were refused): a sheet naming the one is refused as a typo of the other."""
    found: list[str] = []
    for first, second in _twins(p.code for p in plans.values()):
        found.append(
            f"规划代码 {first} 与 {second} 仅大小写不同；请重命名其中之一"
            if zh
            else f"plan codes {first} and {second} differ only in case; rename one of them"
        )
    by_plan: dict[int, list[str]] = defaultdict(list)
    for target in targets:
        by_plan[target.plan_id].append(target.code)
    for plan_id, codes in by_plan.items():
        plan = plans[plan_id].code
        for first, second in _twins(codes):
            found.append(
                f"规划 {plan}：指标代码 {first} 与 {second} 仅大小写不同；请重命名其中之一"
                if zh
                else f"plan {plan}: target codes {first} and {second} differ only in case;"
                " rename one of them"
            )
    return found


def _twins(codes: Iterable[str]) -> list[tuple[str, str]]:
    """Each code that one before it is in another case, with that one."""
    seen: list[str] = []
    twins = []
    for code in codes:
        first = same_but_case(code, seen)
        if first is not None:
            twins.append((first, code))
        seen.append(code)
    return twins


def _carried_baseline_notes(
    targets: Sequence[Target],
    plans: Mapping[int | None, Plan],
    by_target: Mapping[int, Sequence[Observation]],
    zh: bool,
) -> list[str]:
    """A plan's indicator whose baseline year has a figure in an earlier plan (one ended by
    then) under the same code: the baseline it was given may since have been revised, or it
    may still have none; or the plan ending in that year has none, while the indicator has a
    baseline (carried from a figure taken back since, by a revert, say, or never entered
    there)."""
    by_code: dict[str, list[Target]] = defaultdict(list)
    for target in targets:
        by_code[target.code].append(target)
    notes = []
    for target in targets:
        plan = plans[target.plan_id]
        year = target.baseline_year or plan.start_year - 1
        for other in by_code[target.code]:
            earlier = plans[other.plan_id]
            if other.plan_id == target.plan_id or earlier.end_year > year:
                continue
            figure = next((o for o in by_target.get(other.id or 0, []) if o.year == year), None)
            # the plan ending in the baseline year is the one a next plan takes it from
            carried_from = earlier.end_year == year and target.baseline_value is not None
            if figure is None and carried_from:
                notes.append(_baseline_without_figure(plan, earlier, target, year, zh))
            if figure is None or figure.value == target.baseline_value:
                continue
            where, shown = _where(plan.code, target.code, zh), exact_number(figure.value)
            theirs_en = f"plan {earlier.code}'s {year} figure of {target.code} ({shown})"
            theirs_zh = f"规划 {earlier.code} 中 {target.code} 的 {year}年数据（{shown}）"
            if target.baseline_value is None:
                notes.append(
                    f"{where}：尚无基期值，而{theirs_zh}已有；可将其设为基期值"
                    if zh
                    else f"{where}: no baseline, while {theirs_en} is in; it can be set as"
                    " the baseline"
                )
            else:
                base = exact_number(target.baseline_value)
                notes.append(
                    f"{where}：基期值 {base}（{year}年）与{theirs_zh}不一致，是否已修订？"
                    if zh
                    else f"{where}: the baseline {base} ({year}) differs from {theirs_en};"
                    " revised since?"
                )
    return notes
