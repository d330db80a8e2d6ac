"""The demo's targets as the safety tests name them."""

from __future__ import annotations

from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook


def gdp_id(wb: Workbook) -> int:
    """The id of LJ2025's LJ-GDP."""
    plan = reads.plan_by_code(wb, "LJ2025")
    assert plan is not None and plan.id is not None
    target = reads.target_by_code(wb, plan.id, "LJ-GDP")
    assert target is not None and target.id is not None
    return target.id
