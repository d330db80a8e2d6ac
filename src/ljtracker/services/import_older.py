"""Figures and target settings an import would put back to what they were before a later change:
the sign of a file exported before that change (an older copy), which would quietly undo it."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from ljtracker.domain.model import Target
from ljtracker.domain.number_text import counted
from ljtracker.domain.wording import first_few
from ljtracker.services.import_plan import (
    Action,
    FigureLine,
    ImportPlan,
    exact_amount,
    field_name,
    field_text,
)
from ljtracker.sheets.cells import Note
from ljtracker.storage import reads
from ljtracker.storage.rows import target_from_row, target_to_row
from ljtracker.storage.workbook import Workbook

_CHUNK = 500  # ids a query asks for at a time, well within SQLite's limit on parameters


def going_back(wb: Workbook, written: ImportPlan) -> list[Note]:
    """A note naming the figures and target settings the import changes to a value they held
    before, if any."""
    back = [*_figures_back(wb, written), *_settings_back(wb, written)]
    if not back:
        return []
    en, zh = first_few([en for en, _ in back], [zh for _, zh in back], 3)
    return [
        Note(
            f"{counted(len(back), 'value')} would go back to what"
            f" {'it was' if len(back) == 1 else 'they were'} before a later change"
            f" ({en}): if this file is older than the workbook, importing it undoes that change;"
            " import it only if those values are meant",
            f"有 {len(back)} 项数值将改回之后某次更改之前的数值（{zh}）：如本文件早于工作簿，"
            "导入会撤销那次更改；只有确需采用这些数值时才导入",
        )
    ]


def _figures_back(wb: Workbook, written: ImportPlan) -> list[tuple[str, str]]:
    changed = [
        line
        for line in written.figure_lines
        if line.action is Action.CHANGE
        and line.old is not None
        and line.old.id is not None
        and line.new.value != line.old.value
    ]
    if not changed:
        return []
    former = _former_values(wb, sorted({line.old.target_id for line in changed if line.old}))
    return [
        (_said(line, "en"), _said(line, "zh"))
        for line in changed
        if line.old is not None
        and line.new.value in former.get((line.old.target_id, line.old.year), set())
    ]


def _settings_back(wb: Workbook, written: ImportPlan) -> list[tuple[str, str]]:
    """Targets' settings (a target value, a baseline) the import puts back to a former value."""
    updates = {u.target_id: u.values for u in written.target_updates if u.values}
    if not updates:
        return []
    targets = reads.targets_by_id(wb, updates)
    plans = {plan.id: plan.code for plan in reads.plans(wb)}
    former: dict[int, dict[str, set[Any]]] = {}
    for chunk in _chunks(list(targets)):
        marks = ", ".join("?" for _ in chunk)
        rows = wb.conn.execute(
            "SELECT entity_id, old, new FROM revision WHERE entity = 'target'"
            f" AND entity_id IN ({marks})",
            chunk,
        )
        for target_id, *texts in rows:
            target = targets[target_id]
            for row in (json.loads(text) for text in texts if text is not None):
                if (row.get("plan_id"), row.get("code")) == (target.plan_id, target.code):
                    for column, value in row.items():
                        former.setdefault(target_id, {}).setdefault(column, set()).add(value)
    said = []
    for target_id, target in targets.items():
        subject = f"{plans.get(target.plan_id, '')} {target.code}"
        now = target_to_row(target)
        for column, value in updates[target_id].items():
            if value in former.get(target_id, {}).get(column, set()):
                then = target_from_row({**now, column: value})
                said.append(
                    (
                        _setting_said(subject, column, target, then, "en"),
                        _setting_said(subject, column, target, then, "zh"),
                    )
                )
    return said


def _setting_said(subject: str, column: str, now: Target, then: Target, lang: str) -> str:
    """ "LJ2025 LJ-GDP target_value: 5,200 亿元 → 5,000 亿元", in `lang`."""
    colon = "：" if lang == "zh" else ": "
    unit = now.unit
    before, after = field_text(now, column, unit, lang), field_text(then, column, unit, lang)
    return f"{subject} {field_name(column, lang)}{colon}{before} → {after}"


def _said(line: FigureLine, lang: str) -> str:
    assert line.old is not None
    old = exact_amount(line.old.value, line.unit, lang)
    new = exact_amount(line.new.value, line.unit, lang)
    if lang == "zh":
        return f"{line.plan} {line.target} {line.new.year}年：{old} → {new}"
    return f"{line.plan} {line.target} {line.new.year}: {old} → {new}"


def _former_values(wb: Workbook, target_ids: Sequence[int]) -> dict[tuple[int, int], set[float]]:
    """Every value the figures of these targets have had, by target and year, as their
    revisions record them: those of the figures the targets hold now and of those deleted
    from them (a figure removed and entered again is another row)."""
    former: dict[tuple[int, int], set[float]] = {}
    for chunk in _chunks(target_ids):
        marks = ", ".join("?" for _ in chunk)
        rows = wb.conn.execute(
            "WITH ids(id) AS MATERIALIZED ("
            f"SELECT id FROM observation WHERE target_id IN ({marks})"
            " UNION SELECT entity_id FROM revision WHERE +entity = 'observation'"
            f" AND action = 'delete' AND json_extract(old, '$.target_id') IN ({marks}))"
            " SELECT old, new FROM revision WHERE entity = 'observation' AND entity_id IN ids",
            [*chunk, *chunk],
        )
        for old, new in rows:
            for text in (old, new):
                if text is None:
                    continue
                row = json.loads(text)
                former.setdefault((row["target_id"], row["year"]), set()).add(row["value"])
    return former


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]
