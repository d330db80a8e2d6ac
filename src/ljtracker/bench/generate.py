"""A large synthetic workbook: many plans, a thousand targets, decades of yearly figures."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from ljtracker.domain import change_names as names
from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Comparator, Direction, Kind, Plan, Quality, Target, Trajectory
from ljtracker.storage.rows import plan_to_row, target_to_row
from ljtracker.storage.workbook import Workbook
from ljtracker.storage.writer import Entity

QUALITIES = (Quality.OFFICIAL, Quality.PRELIMINARY, Quality.ESTIMATE)


def _target(rng: random.Random, plan_id: int, area_id: int, index: int, years: range) -> Target:
    baseline = rng.uniform(50, 5000)
    monitoring = Target(
        plan_id=plan_id,
        code=f"T{index:04d}",
        name_zh=f"指标{index:04d}",
        name_en=f"Indicator {index:04d}",
        unit=rng.choice(["亿元", "%", "万人", "days"]),
        area_id=area_id,
        position=index,
        direction=rng.choice(list(Direction)),
    )
    if index % 5 == 4:
        return monitoring
    comparator = rng.choice([Comparator.AT_LEAST, Comparator.AT_LEAST, Comparator.AT_MOST])
    factor = rng.uniform(1.1, 2.0) if comparator is Comparator.AT_LEAST else rng.uniform(0.5, 0.9)
    return replace(
        monitoring,
        direction=None,
        kind=rng.choice(list(Kind)),
        comparator=comparator,
        baseline_year=years.start,
        baseline_value=round(baseline, 2),
        target_year=years.stop - 1,
        target_value=round(baseline * factor, 2),
        trajectory=rng.choice(list(Trajectory)),
    )


def generate(
    path: str | Path, *, plans: int = 10, targets: int = 1000, years: int = 30, seed: int = 7
) -> Path:
    """Write the workbook (one change per plan) plus a round of corrections, as revisions."""
    rng = random.Random(seed)
    first_year = 2026 - years
    span = range(first_year, first_year + years + 5)
    per_plan = targets // plans
    with Workbook.create(path) as wb:
        for p in range(plans):
            code = f"BIG{p:02d}"
            with wb.change(names.add_plan(code)) as w:
                plan_id = w.insert(
                    Entity.PLAN,
                    plan_to_row(
                        Plan(code, f"规划{p:02d}", f"Plan {p:02d}", span.start, span.stop - 1)
                    ),
                )
                area_ids = [
                    w.insert(
                        Entity.AREA,
                        {
                            "plan_id": plan_id,
                            "position": a,
                            "name_zh": f"领域{a}",
                            "name_en": f"Area {a}",
                        },
                    )
                    for a in range(1, 6)
                ]
                for i in range(per_plan):
                    index = p * per_plan + i
                    target = _target(rng, plan_id, area_ids[i % 5], index, span)
                    target_id = w.insert(Entity.TARGET, target_to_row(target))
                    value = target.baseline_value or rng.uniform(50, 5000)
                    for year in range(first_year + 1, first_year + years + 1):
                        value *= 1 + rng.gauss(0.04, 0.05)
                        row = {
                            "target_id": target_id,
                            "year": year,
                            "value": round(value, 2),
                            "quality": rng.choice(QUALITIES).value,
                            "source": "Statistical yearbook",
                            "note": "",
                        }
                        w.insert(Entity.OBSERVATION, row)
        with wb.change(
            ChangeName("Revise last year's preliminary figures", "修订上年的初步数据")
        ) as w:
            for obs_id in rng.sample(range(1, targets * years + 1), k=min(500, targets * years)):
                current = w.get(Entity.OBSERVATION, obs_id)
                if current is not None:
                    w.update(
                        Entity.OBSERVATION, obs_id, {"value": round(current["value"] * 1.01, 2)}
                    )
    return Path(path)


def observation_rows(path: str | Path) -> list[dict[str, object]]:
    """Every observation of the workbook, as the long CSV/XLSX import would carry them."""
    with Workbook.open(path, read_only=True) as wb:
        return list(
            wb.query(
                "SELECT p.code AS plan, t.code AS code, o.year, o.value, o.quality, o.source,"
                " o.note FROM observation o JOIN target t ON t.id = o.target_id "
                "JOIN plan p ON p.id = t.plan_id ORDER BY p.code, t.code, o.year"
            )
        )
