"""Writes inside one change: every row written leaves a revision with its old and new values."""

from __future__ import annotations

import datetime
import getpass
import json
import math
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from operator import itemgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ljtracker.domain.change_names import ChangeName

Row = dict[str, Any]
_LARGEST_ID = 2**63 - 1  # SQLite's
_NUMBER_JSON = "ljtracker_number_json"  # the SQL function that writes a REAL as json.dumps does


def _number_json(value: float) -> str:
    """What json.dumps writes for a float, for the finite ones without the encoder's overhead."""
    return float.__repr__(value) if math.isfinite(value) else json.dumps(value)


def _values(rows: Iterable[Row], columns: Sequence[str]) -> Iterable[Sequence[Any]]:
    """Each row's values in the order of `columns`."""
    pick = itemgetter(*columns)
    return map(pick, rows) if len(columns) > 1 else ((pick(row),) for row in rows)


def _row_json_sql(conn: sqlite3.Connection, table: str) -> tuple[str, list[str]]:
    """An SQL expression that writes a row of `table` in the very text `json.dumps(row,
    ensure_ascii=False)` gives for it as `get` reads it back (the revisions of single inserts),
    and the table's column names. SQLite quotes texts, integers and NULL as json.dumps does; a
    REAL number goes through Python, as SQLite's own text for it keeps only 15 digits. The
    tables are STRICT, so only a REAL column can hold one."""
    columns = [
        (name, kind.upper()) for _, name, kind, *_ in conn.execute(f"PRAGMA table_info({table})")
    ]
    parts = []
    for name, kind in columns:
        key = json.dumps(name, ensure_ascii=False).replace("'", "''")
        column = '"' + name.replace('"', '""') + '"'
        value = (
            f"iif({column} IS NULL, 'null', {_NUMBER_JSON}({column}))"
            if kind == "REAL"
            else f"json_quote({column})"
        )
        parts.append(f"'{key}: ' || {value}")
    return "'{' || " + " || ', ' || ".join(parts) + " || '}'", [name for name, _ in columns]


class RowGone(LookupError):
    """A row a change would update or delete is not in the workbook."""


class Entity(StrEnum):
    PLAN = "plan"
    AREA = "area"
    TARGET = "target"
    OBSERVATION = "observation"
    SETTING = "setting"


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def now_iso() -> str:
    return datetime.datetime.now().astimezone().isoformat(timespec="microseconds")


@dataclass
class Touched:
    """What a change touched, for views to decide what to redraw."""

    plan_ids: set[int] = field(default_factory=set)
    target_ids: set[int] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    structure: bool = False
    settings: bool = False


def _values_of(row: Row) -> Callable[[str], tuple[Any]]:
    return lambda column: (row[column],)


class ChangeWriter:
    """Row writes within an open transaction; the change row is created on the first write."""

    def __init__(self, db: Database, name: ChangeName, *, reverts: int | None = None) -> None:
        self.db = db
        self.name = name
        self.reverts = reverts
        self.change_id: int | None = None
        self.touched = Touched()

    def _ensure_change(self) -> int:
        if self.change_id is None:
            cursor = self.db.execute(
                "INSERT INTO change (at, user, description, description_zh, reverts)"
                " VALUES (?, ?, ?, ?, ?)",
                [now_iso(), current_user(), self.name.en, self.name.zh, self.reverts],
            )
            self.change_id = int(cursor.lastrowid or 0)
        return self.change_id

    def _revise(
        self, entity: Entity, entity_id: int, action: str, old: Row | None, new: Row | None
    ) -> None:
        self.db.execute(
            "INSERT INTO revision (change_id, entity, entity_id, action, old, new) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                self._ensure_change(),
                entity.value,
                entity_id,
                action,
                None if old is None else json.dumps(old, ensure_ascii=False),
                None if new is None else json.dumps(new, ensure_ascii=False),
            ],
        )
        self._note(entity, old or {}, new or {}, action)

    def _note(self, entity: Entity, old: Row, new: Row, action: str) -> None:
        for row in (old, new):
            if row:
                self._note_columns(entity, row, _values_of(row))
        self._note_kind(entity, new, action)

    def _note_columns(
        self, entity: Entity, columns: Collection[str], values: Callable[[str], Iterable[Any]]
    ) -> None:
        """Note what rows with these columns touch; `values(column)` gives their values."""
        touched = self.touched
        if entity is Entity.PLAN and "id" in columns:
            touched.plan_ids.update(values("id"))
        if "plan_id" in columns:
            touched.plan_ids.update(values("plan_id"))
        if entity is Entity.TARGET and "id" in columns:
            touched.target_ids.update(values("id"))
        if entity is Entity.OBSERVATION:
            touched.target_ids.update(values("target_id"))
            touched.years.update(values("year"))

    def _note_kind(self, entity: Entity, new: Row, action: str) -> None:
        if entity is Entity.SETTING:
            self.touched.settings = True
        elif entity is not Entity.OBSERVATION and (action != "update" or "position" in new):
            self.touched.structure = True

    def get(self, entity: Entity, entity_id: int) -> Row | None:
        rows = list(self.db.query(f"SELECT * FROM {entity.value} WHERE id = ?", [entity_id]))
        return rows[0] if rows else None

    def _fresh_id(self, entity: Entity, count: int = 1) -> int | None:
        """The first of `count` ids after any the table holds or its history names. SQLite
        would give a new row the id of the last row deleted, and the new row's history would
        then begin with the deleted one's (a new target listing an old one's figures, its
        revert refused). None when the ids have run out there, and only SQLite can choose."""
        (largest,) = self.db.conn.execute(
            f"SELECT max(coalesce((SELECT max(id) FROM {entity.value}), 0),"
            " coalesce((SELECT max(entity_id) FROM revision WHERE entity = ?), 0))",
            [entity.value],
        ).fetchone()
        return None if int(largest) > _LARGEST_ID - count else int(largest) + 1

    def insert(self, entity: Entity, values: Row) -> int:
        fresh = None if "id" in values else self._fresh_id(entity)
        if fresh is not None:
            values = {"id": fresh, **values}
        columns = list(values)
        cursor = self.db.execute(
            f"INSERT INTO {entity.value} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            [values[c] for c in columns],
        )
        new_id = int(cursor.lastrowid or 0)
        new = self.get(entity, new_id)
        self._revise(entity, new_id, "insert", None, new)
        return new_id

    def insert_many(self, entity: Entity, rows: Sequence[Row]) -> list[int]:
        """Insert rows that all name the same columns, recorded as `insert` would record each
        of them, in bulk: one statement for the rows and one for their revisions."""
        if not rows:
            return []
        named = rows[0].keys()
        if any(row.keys() != named for row in rows):
            raise ValueError("insert_many: every row must name the same columns")
        if "id" in named:
            raise ValueError("insert_many: the rows are numbered as they are written")
        columns = ["id", *named]
        change_id = self._ensure_change()
        table = entity.value
        conn = self.db.conn
        fresh = self._fresh_id(entity, len(rows))
        if fresh is None:  # no numbers left after the largest: SQLite finds free ones, row by row
            return [self.insert(entity, row) for row in rows]
        before = fresh - 1
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            (
                (number, *values)
                for number, values in enumerate(_values(rows, list(named)), start=before + 1)
            ),
        )
        count, last = conn.execute(
            f"SELECT count(*), max(id) FROM {table} WHERE id > ?", [before]
        ).fetchone()
        if count != len(rows) or last != before + len(rows):
            raise LookupError(f"the new {table} rows could not be read back")
        columns_json, names = _row_json_sql(conn, table)
        conn.create_function(_NUMBER_JSON, 1, _number_json, deterministic=True)
        conn.execute(
            "INSERT INTO revision (change_id, entity, entity_id, action, old, new) "
            f"SELECT ?, ?, id, 'insert', NULL, {columns_json} "
            f"FROM {table} WHERE id > ? ORDER BY id",
            [change_id, table, before],
        )

        def values(column: str) -> Iterator[Any]:
            query = f"SELECT DISTINCT {column} FROM {table} WHERE id > ?"
            return (value for (value,) in conn.execute(query, [before]))

        self._note_columns(entity, names, values)
        self._note_kind(entity, {}, "insert")
        return list(range(before + 1, last + 1))

    def update(self, entity: Entity, entity_id: int, values: Row) -> bool:
        """Set the given columns; returns False (and records nothing) when nothing differs."""
        old = self.get(entity, entity_id)
        if old is None:
            raise RowGone(f"no {entity.value} with id {entity_id}")
        changed = {k: v for k, v in values.items() if old.get(k) != v}
        if not changed:
            return False
        assignments = ", ".join(f"{c} = ?" for c in changed)
        self.db.execute(
            f"UPDATE {entity.value} SET {assignments} WHERE id = ?",
            [*changed.values(), entity_id],
        )
        new = self.get(entity, entity_id)
        if new == old:
            return False
        self._revise(entity, entity_id, "update", old, new)
        return True

    def delete(self, entity: Entity, entity_id: int) -> Row:
        old = self.get(entity, entity_id)
        if old is None:
            raise RowGone(f"no {entity.value} with id {entity_id}")
        self.db.execute(f"DELETE FROM {entity.value} WHERE id = ?", [entity_id])
        self._revise(entity, entity_id, "delete", old, None)
        return old
