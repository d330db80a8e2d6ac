"""The revision history: reading it, and reverting a change as a new change."""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ljtracker.domain.change_names import ChangeName
from ljtracker.storage.workbook import Workbook
from ljtracker.storage.writer import ChangeWriter, Entity


@dataclass(frozen=True)
class Revision:
    change_id: int
    at: str
    user: str
    name: ChangeName
    entity: Entity
    entity_id: int
    action: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None


def _revision(row: dict[str, Any]) -> Revision:
    return Revision(
        change_id=row["change_id"],
        at=row["at"],
        user=row["user"],
        name=ChangeName(row["description"], row["description_zh"]),
        entity=Entity(row["entity"]),
        entity_id=row["entity_id"],
        action=row["action"],
        old=None if row["old"] is None else json.loads(row["old"]),
        new=None if row["new"] is None else json.loads(row["new"]),
    )


def _names(wb: Workbook) -> str:
    """The columns of a change's name; a workbook older than this program, open read-only,
    has its name in one language only."""
    return "c.description, ''" if wb.needs_upgrade() else "c.description, c.description_zh"


def _select(wb: Workbook) -> str:
    return (
        f"SELECT r.change_id, c.at, c.user, {_names(wb)} AS description_zh, r.entity,"
        " r.entity_id, r.action, r.old, r.new FROM revision r JOIN change c"
        " ON c.id = r.change_id "
    )


def revisions_of_change(wb: Workbook, change_id: int) -> list[Revision]:
    rows = wb.query(_select(wb) + "WHERE r.change_id = ? ORDER BY r.id", [change_id])
    return [_revision(r) for r in rows]


def revisions_of_target(wb: Workbook, target_id: int) -> list[Revision]:
    """The target's own revisions and those of its observations, newest first."""
    # An observation keeps its target, but its id may be reused after it is deleted: the
    # candidates are the target's figures now and those deleted from it, looked up by index,
    # and only their revisions are opened to check which target each belonged to.
    rows = wb.query(
        "WITH ids(id) AS MATERIALIZED (SELECT id FROM observation WHERE target_id = :id"
        " UNION SELECT entity_id FROM revision WHERE +entity = 'observation'"
        " AND action = 'delete' AND json_extract(old, '$.target_id') = :id) "
        + _select(wb)
        + "WHERE (r.entity = 'target' AND r.entity_id = :id)"
        " OR (r.entity = 'observation' AND r.entity_id IN ids"
        " AND (json_extract(r.old, '$.target_id') = :id"
        " OR json_extract(r.new, '$.target_id') = :id)) ORDER BY r.id DESC",
        {"id": target_id},
    )
    return [_revision(r) for r in rows]


def deleted_area_names(wb: Workbook) -> dict[int, tuple[str, str]]:
    """The Chinese and English names of the areas deleted, as they were last recorded."""
    rows = wb.query(
        "SELECT entity_id, json_extract(old, '$.name_zh') AS zh,"
        " json_extract(old, '$.name_en') AS en FROM revision"
        " WHERE entity = 'area' AND action = 'delete' ORDER BY id"
    )
    return {row["entity_id"]: (row["zh"] or "", row["en"] or "") for row in rows}


def deleted_targets(
    wb: Workbook, plan_ids: Sequence[int], code: str
) -> list[tuple[int, str, int, str]]:
    """Each target once coded so and deleted from one of the plans (its history stays in the
    workbook): its id, and its unit, the change that deleted it last and its code then (it
    may have been brought back and renamed before); the last deleted first."""
    if not plan_ids:
        return []
    marks = ", ".join("?" for _ in plan_ids)
    rows = wb.conn.execute(
        "SELECT DISTINCT entity_id FROM revision WHERE entity = 'target' AND action = 'delete'"
        f" AND json_extract(old, '$.plan_id') IN ({marks}) AND json_extract(old, '$.code') = ?",
        [*plan_ids, code],
    )
    found = []
    for (target_id,) in rows.fetchall():
        last = wb.conn.execute(
            "SELECT json_extract(old, '$.unit'), change_id, json_extract(old, '$.code')"
            " FROM revision WHERE entity = 'target' AND action = 'delete' AND entity_id = ?"
            " ORDER BY id DESC LIMIT 1",
            [target_id],
        ).fetchone()
        found.append((int(target_id), last[0] or "", int(last[1]), str(last[2])))
    return sorted(found, key=lambda target: target[2], reverse=True)


def code_after(
    wb: Workbook, entity: Entity, entity_id: int, change_id: int, now: str
) -> str | None:
    """The row's code just after change `change_id`: as the first later change to the row
    found it, or `now` when none has touched it since; None when the row did not exist then
    (a later change added it)."""
    row = wb.conn.execute(
        "SELECT json_extract(old, '$.code') FROM revision WHERE entity = ? AND entity_id = ?"
        " AND change_id > ? ORDER BY id LIMIT 1",
        [entity.value, entity_id, change_id],
    ).fetchone()
    if row is None:
        return now
    return None if row[0] is None else str(row[0])


def deleted_plan_ids(wb: Workbook, code: str) -> list[int]:
    """The ids of the plans deleted under the code, the last deleted first."""
    rows = wb.conn.execute(
        "SELECT entity_id FROM revision WHERE entity = 'plan' AND action = 'delete'"
        " AND json_extract(old, '$.code') = ? ORDER BY id DESC",
        [code],
    )
    return list(dict.fromkeys(int(row[0]) for row in rows))


def revisions_from(wb: Workbook, change_id: int) -> list[Revision]:
    """Revisions of the change numbered `change_id` and of every change after it, oldest
    first."""
    rows = wb.query(_select(wb) + "WHERE c.id >= ? ORDER BY r.id", [change_id])
    return [_revision(r) for r in rows]


def moment_text(at: str) -> str:
    """A change's time as shown, to the second, on this computer's clock: "2026-11-28
    21:30:05". Each change keeps the offset of the computer that made it; shown as written,
    changes from two time zones would read out of order."""
    try:
        moment = datetime.datetime.fromisoformat(at).astimezone()
    except (ValueError, OverflowError):
        return at[:19].replace("T", " ")
    return f"{moment:%Y-%m-%d %H:%M:%S}"


@dataclass(frozen=True)
class ChangeSummary:
    change_id: int
    at: str
    user: str
    name: ChangeName
    reverts: int | None
    revisions: int


def _summaries(wb: Workbook, where: str, params: list[int]) -> list[ChangeSummary]:
    rows = wb.conn.execute(
        f"SELECT c.id, c.at, c.user, {_names(wb)}, c.reverts,"
        " (SELECT count(*) FROM revision r WHERE r.change_id = c.id) FROM change c " + where,
        params,
    )
    return [
        ChangeSummary(number, at, user, ChangeName(en, zh), reverts, revisions)
        for number, at, user, en, zh, reverts, revisions in rows
    ]


def recent_changes(wb: Workbook, limit: int) -> list[ChangeSummary]:
    """The last `limit` recorded changes, newest first, with how many rows each wrote."""
    return _summaries(wb, "ORDER BY c.id DESC LIMIT ?", [limit])


def changes_without_revisions(wb: Workbook) -> list[ChangeSummary]:
    """Recorded changes that wrote no row: a history that lost some of itself."""
    return _summaries(wb, "WHERE c.id NOT IN (SELECT change_id FROM revision) ORDER BY c.id", [])


def plans_of_changes(wb: Workbook, change_ids: list[int]) -> dict[int, list[str]]:
    """The codes of the plans each change wrote in, as they were then, read from the history
    (a row's number may since have gone to another row): for telling apart changes named by a
    target code that two plans share."""
    if not change_ids:
        return {}
    # a figure's target, and a target's or area's plan, as the last revision up to the
    # change's own wrote them; a plan's code likewise
    rows = wb.conn.execute(
        "WITH written AS (SELECT r.change_id, max(r.id) AS at,"
        " CASE r.entity WHEN 'plan' THEN r.entity_id WHEN 'observation' THEN NULL"
        " ELSE coalesce(json_extract(r.new, '$.plan_id'), json_extract(r.old, '$.plan_id'))"
        " END AS plan_id,"
        " CASE r.entity WHEN 'observation' THEN coalesce(json_extract(r.new, '$.target_id'),"
        " json_extract(r.old, '$.target_id')) END AS target_id"
        " FROM revision r WHERE r.change_id BETWEEN ? AND ? AND r.entity <> 'setting'"
        " GROUP BY 1, 3, 4),"
        " planned AS (SELECT change_id, at, coalesce(plan_id, (SELECT coalesce("
        " json_extract(t.new, '$.plan_id'), json_extract(t.old, '$.plan_id')) FROM revision t"
        " WHERE t.entity = 'target' AND t.entity_id = written.target_id AND t.id <= at"
        " ORDER BY t.id DESC LIMIT 1)) AS plan_id FROM written)"
        " SELECT DISTINCT change_id, (SELECT coalesce(json_extract(p.new, '$.code'),"
        " json_extract(p.old, '$.code')) FROM revision p WHERE p.entity = 'plan'"
        " AND p.entity_id = planned.plan_id AND p.id <= at ORDER BY p.id DESC LIMIT 1) AS code"
        " FROM planned ORDER BY change_id, code",
        [min(change_ids), max(change_ids)],
    )
    wanted = set(change_ids)
    found: dict[int, list[str]] = {}
    for change_id, code in rows:
        if change_id in wanted and code is not None:
            found.setdefault(change_id, []).append(code)
    return found


def change_summary(wb: Workbook, change_id: int) -> ChangeSummary | None:
    found = _summaries(wb, "WHERE c.id = ?", [change_id])
    return found[0] if found else None


def later_changes_in_the_way(wb: Workbook, change_id: int) -> list[int]:
    """The changes after `change_id` that wrote a row it wrote and are still in effect, oldest
    first: a later change undone by a later revert (and that revert) are out of the way; a
    revert that was itself reverted (a redo) leaves the change it undid in effect again."""
    rows = wb.conn.execute(
        "SELECT DISTINCT later.change_id, c.reverts FROM revision r"
        " JOIN revision later ON later.entity = r.entity AND later.entity_id = r.entity_id"
        " JOIN change c ON c.id = later.change_id"
        " WHERE r.change_id = ? AND later.change_id > ? ORDER BY later.change_id",
        [change_id, change_id],
    )
    reverts = dict(rows.fetchall())
    undone = _undone_pairs(reverts)
    return [later for later in sorted(reverts) if later not in undone]


def _undone_pairs(reverts: dict[int, int | None]) -> set[int]:
    """Of these changes (each with the change it reverts, if any), those that a revert among
    them undid, with that revert: out of the way, as if neither was made. A revert that was
    itself reverted (a redo) leaves the change it undid in effect again."""
    undone: set[int] = set()
    for later in sorted(reverts, reverse=True):  # newest first: a redo pairs with its revert
        undoes = reverts[later]
        if later not in undone and undoes in reverts and undoes not in undone:
            undone.update((later, undoes))
    return undone


def summaries_after(wb: Workbook, change_id: int) -> list[ChangeSummary]:
    """The changes made after `change_id`, newest first."""
    return _summaries(wb, "WHERE c.id > ? ORDER BY c.id DESC", [change_id])


def changes_resting_on(wb: Workbook, change_id: int, revisions: list[Revision]) -> list[int]:
    """The later changes in the way of reverting these revisions (a change's), oldest first:
    those still in effect (not undone by a later revert) that wrote a row referring to a row
    the revert would delete (a figure of a target it added), a row holding a key a row it
    would write back needs (a figure entered again after it removed one), or deleted a row
    such a row refers to. Read, not tried: a large revert is not done to find out."""
    schema = _Keys(wb)
    deleted = {(r.entity.value, r.entity_id) for r in revisions if r.action == "insert"}
    written_back = {(r.entity.value, r.entity_id) for r in revisions if r.action == "delete"}
    rows: set[tuple[str, int]] = set()
    for rev in revisions:
        table = rev.entity.value
        if rev.action == "insert":
            rows |= schema.referring_to(table, rev.entity_id) - deleted
            continue
        assert rev.old is not None
        if rev.action == "delete" and schema.exists(table, rev.entity_id):
            rows.add((table, rev.entity_id))  # its number taken again
        rows |= schema.holding_keys_of(table, rev.entity_id, rev.old)
        rows |= schema.missing_parents(table, rev.old) - written_back
    later = wb.conn.execute("SELECT id, reverts FROM change WHERE id > ?", [change_id])
    undone = _undone_pairs(dict(later.fetchall()))
    found = set()
    for entity, entity_id in rows:
        writers = wb.conn.execute(
            "SELECT DISTINCT change_id FROM revision WHERE entity = ? AND entity_id = ?"
            " AND change_id > ?",
            [entity, entity_id, change_id],
        )
        found |= {int(writer) for (writer,) in writers if writer not in undone}
    return sorted(found)


class _Keys:
    """The workbook's foreign and unique keys, read once, and the rows they tie together."""

    def __init__(self, wb: Workbook) -> None:
        self._conn = wb.conn
        tables = [t.value for t in Entity]
        # per table: its columns that refer to another table's rows, each with that table
        self._parents = {
            t: [(r[3], r[2]) for r in self._conn.execute(f"PRAGMA foreign_key_list({t})")]
            for t in tables
        }
        self._unique = {t: self._unique_keys(t) for t in tables}

    def _unique_keys(self, table: str) -> list[list[str]]:
        return [
            [row[2] for row in self._conn.execute(f"PRAGMA index_info({index})")]
            for _, index, unique, *_ in self._conn.execute(f"PRAGMA index_list({table})")
            if unique
        ]

    def exists(self, table: str, row_id: int) -> bool:
        query = f"SELECT 1 FROM {table} WHERE id = ?"
        return self._conn.execute(query, [row_id]).fetchone() is not None

    def referring_to(self, table: str, row_id: int) -> set[tuple[str, int]]:
        found = set()
        for child, keys in self._parents.items():
            for column, parent in keys:
                if parent == table:
                    query = f"SELECT id FROM {child} WHERE {column} = ?"
                    found |= {(child, i) for (i,) in self._conn.execute(query, [row_id])}
        return found

    def holding_keys_of(
        self, table: str, row_id: int, values: dict[str, Any]
    ) -> set[tuple[str, int]]:
        """Other rows holding a unique key the row's old values would take again."""
        found = set()
        for columns in self._unique[table]:
            if not all(c in values for c in columns):
                continue
            where = " AND ".join(f"{c} = ?" for c in columns)
            query = f"SELECT id FROM {table} WHERE {where} AND id != ?"
            rows = self._conn.execute(query, [*(values[c] for c in columns), row_id])
            found |= {(table, i) for (i,) in rows}
        return found

    def missing_parents(self, table: str, values: dict[str, Any]) -> set[tuple[str, int]]:
        """The rows the row's old values refer to that are gone (deleted since)."""
        return {
            (parent, values[column])
            for column, parent in self._parents[table]
            if values.get(column) is not None and not self.exists(parent, values[column])
        }


def revert_into(writer: ChangeWriter, revisions: list[Revision]) -> None:
    """Undo the given revisions, newest first, as writes of `writer`'s change."""
    for rev in reversed(revisions):
        if rev.action == "insert":
            writer.delete(rev.entity, rev.entity_id)
        elif rev.action == "delete":
            assert rev.old is not None
            writer.insert(rev.entity, rev.old)
        else:
            assert rev.old is not None
            writer.update(rev.entity, rev.entity_id, rev.old)
