"""Consistency checks beyond SQLite's own integrity check."""

from __future__ import annotations

from ljtracker.domain.validation import limit_problem
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook


def consistency_problems(wb: Workbook) -> list[str]:
    problems: list[str] = []
    plans = {p.id: p for p in reads.plans(wb)}
    by_target = reads.observations_by_target(wb)
    for target in reads.targets(wb):
        plan = plans[target.plan_id]
        where = f"plan {plan.code}, target {target.code}"
        for obs in by_target.get(target.id or 0, []):
            problems += [
                f"{where}, {obs.year}: {p.message_en}"
                for p in limit_problem("value", obs.value, target.natural_limit)
            ]
            if obs.year == target.baseline_year and obs.value != target.baseline_value:
                problems.append(
                    f"{where}: the {obs.year} figure {obs.value:g} differs from the baseline "
                    f"{target.baseline_value:g} of the same year"
                )
    empty_changes = list(
        wb.query(
            "SELECT id, description FROM change WHERE id NOT IN (SELECT change_id FROM revision)"
        )
    )
    problems += [
        f"change {row['id']} ({row['description']}) has no recorded revisions"
        for row in empty_changes
    ]
    return problems
