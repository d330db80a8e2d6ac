"""Reading plans, areas, targets, observations and settings from a workbook."""

from __future__ import annotations

from collections.abc import Iterable

from ljtracker.domain.model import Area, Observation, Plan, Quality, Target
from ljtracker.storage.rows import (
    area_from_row,
    plan_from_row,
    target_from_row,
)
from ljtracker.storage.workbook import Workbook


def plans(wb: Workbook) -> list[Plan]:
    return [plan_from_row(r) for r in wb.query("SELECT * FROM plan ORDER BY code")]


def plan_by_code(wb: Workbook, code: str) -> Plan | None:
    rows = list(wb.query("SELECT * FROM plan WHERE code = ?", [code]))
    return plan_from_row(rows[0]) if rows else None


def plan_by_id(wb: Workbook, plan_id: int) -> Plan | None:
    rows = list(wb.query("SELECT * FROM plan WHERE id = ?", [plan_id]))
    return plan_from_row(rows[0]) if rows else None


def areas(wb: Workbook, plan_id: int) -> list[Area]:
    return [
        area_from_row(r)
        for r in wb.query("SELECT * FROM area WHERE plan_id = ? ORDER BY position, id", [plan_id])
    ]


def area_by_id(wb: Workbook, area_id: int) -> Area | None:
    rows = list(wb.query("SELECT * FROM area WHERE id = ?", [area_id]))
    return area_from_row(rows[0]) if rows else None


def targets(wb: Workbook, plan_id: int | None = None) -> list[Target]:
    if plan_id is None:
        rows = wb.query("SELECT * FROM target ORDER BY plan_id, position, id")
    else:
        rows = wb.query("SELECT * FROM target WHERE plan_id = ? ORDER BY position, id", [plan_id])
    return [target_from_row(row) for row in rows]


def targets_by_id(wb: Workbook, target_ids: Iterable[int]) -> dict[int, Target]:
    """Those of the given targets that the workbook holds, by id."""
    rows = wb.query(
        "SELECT * FROM target WHERE id IN (SELECT value FROM json_each(?))",
        [json_list(list(target_ids))],
    )
    return {row["id"]: target_from_row(row) for row in rows}


def target_by_id(wb: Workbook, target_id: int) -> Target | None:
    rows = list(wb.query("SELECT * FROM target WHERE id = ?", [target_id]))
    return target_from_row(rows[0]) if rows else None


def target_by_code(wb: Workbook, plan_id: int, code: str) -> Target | None:
    rows = list(wb.query("SELECT * FROM target WHERE plan_id = ? AND code = ?", [plan_id, code]))
    return target_from_row(rows[0]) if rows else None


_OBSERVATION_COLUMNS = "target_id, year, value, quality, source, note, id"
_QUALITIES = {q.value: q for q in Quality}


def observations(wb: Workbook, target_ids: Iterable[int] | None = None) -> list[Observation]:
    """Observations ordered by target and year; all of them when no targets are named."""
    # Plain cursor rows made into values positionally: the window reads every figure of a
    # large workbook this way, and rows as dicts cost more than the rest of the reading.
    if target_ids is None:
        cursor = wb.conn.execute(
            f"SELECT {_OBSERVATION_COLUMNS} FROM observation ORDER BY target_id, year"
        )
    else:
        cursor = wb.conn.execute(
            f"SELECT {_OBSERVATION_COLUMNS} FROM observation WHERE target_id IN "
            "(SELECT value FROM json_each(?)) ORDER BY target_id, year",
            [json_list(list(target_ids))],
        )
    quality = _QUALITIES.__getitem__
    return [
        Observation(target_id, year, value, quality(q), source, note, id_)
        for target_id, year, value, q, source, note, id_ in cursor
    ]


def observations_by_target(
    wb: Workbook, target_ids: Iterable[int] | None = None
) -> dict[int, list[Observation]]:
    grouped: dict[int, list[Observation]] = {}
    for obs in observations(wb, target_ids):
        grouped.setdefault(obs.target_id, []).append(obs)
    return grouped


def settings(wb: Workbook) -> dict[str, str]:
    return {r["key"]: r["value"] for r in wb.query("SELECT key, value FROM setting")}


def json_list(values: list[int]) -> str:
    return "[" + ",".join(str(int(v)) for v in values) + "]"


def counts(wb: Workbook) -> dict[str, int]:
    """How many plans, targets and yearly figures the workbook holds."""
    return {
        table: wb.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("plan", "target", "observation")
    }


def data_years(wb: Workbook) -> tuple[int, int] | None:
    """The first baseline or observed year and the last observed year; None without figures."""
    first_observed, last = wb.conn.execute(
        "SELECT min(year), max(year) FROM observation"
    ).fetchone()
    (first_baseline,) = wb.conn.execute("SELECT min(baseline_year) FROM target").fetchone()
    if first_observed is None or last is None:
        return None
    if first_baseline is not None:
        first_observed = min(first_observed, first_baseline)
    return int(first_observed), int(last)


def holds_year(wb: Workbook, year: int, *, baselines: bool = False) -> bool:
    """Whether any figure (or, with `baselines`, any target's baseline) is of `year`: stops at
    the first one found, where `data_years` reads every figure."""
    query = "SELECT EXISTS(SELECT 1 FROM observation WHERE year = ?)"
    if baselines:
        query += " OR EXISTS(SELECT 1 FROM target WHERE baseline_year = ?)"
    (found,) = wb.conn.execute(query, (year, year) if baselines else (year,)).fetchone()
    return bool(found)
