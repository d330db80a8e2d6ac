"""The workbook's schema, declared here and upgraded by a ladder of numbered migrations."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from ljtracker.storage.file_format import APPLICATION_ID, SCHEMA_VERSION

MIGRATION_SET = "ljtracker"

migrations = Migrations(MIGRATION_SET)

_QUALITY = "('official', 'preliminary', 'estimate')"

_V1 = f"""
CREATE TABLE plan (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32 AND code = trim(code)),
    title_zh TEXT NOT NULL DEFAULT '',
    title_en TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '',
    issue_date TEXT NOT NULL DEFAULT '',
    start_year INTEGER NOT NULL CHECK (start_year BETWEEN 1900 AND 2200),
    end_year INTEGER NOT NULL CHECK (end_year BETWEEN start_year AND 2200),
    source_url TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    CHECK (title_zh <> '' OR title_en <> '')
) STRICT;

CREATE TABLE area (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan(id),
    position INTEGER NOT NULL DEFAULT 0,
    name_zh TEXT NOT NULL DEFAULT '',
    name_en TEXT NOT NULL DEFAULT '',
    CHECK (name_zh <> '' OR name_en <> '')
) STRICT;
CREATE INDEX area_plan ON area(plan_id, position);

CREATE TABLE target (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan(id),
    area_id INTEGER REFERENCES area(id),
    position INTEGER NOT NULL DEFAULT 0,
    code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 32 AND code = trim(code)),
    name_zh TEXT NOT NULL DEFAULT '',
    name_en TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'expected' CHECK (kind IN ('expected', 'binding')),
    comparator TEXT CHECK (comparator IN ('at_least', 'at_most', 'about')),
    tolerance REAL CHECK (tolerance > 0),
    direction TEXT CHECK (direction IN ('increase', 'decrease')),
    baseline_year INTEGER CHECK (baseline_year BETWEEN 1900 AND 2200),
    baseline_value REAL,
    baseline_quality TEXT CHECK (baseline_quality IN {_QUALITY}),
    baseline_source TEXT NOT NULL DEFAULT '',
    target_year INTEGER CHECK (target_year BETWEEN 1900 AND 2200),
    target_value REAL,
    trajectory TEXT NOT NULL DEFAULT 'linear' CHECK (trajectory IN ('linear', 'compound')),
    milestones TEXT NOT NULL DEFAULT '[]' CHECK (milestones LIKE '[%]'),
    natural_limit REAL,
    responsible TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, code),
    CHECK (name_zh <> '' OR name_en <> ''),
    CHECK ((comparator IS NULL) = (target_value IS NULL)),
    CHECK ((comparator IS NULL) = (target_year IS NULL)),
    CHECK ((coalesce(comparator, '') = 'about') = (tolerance IS NOT NULL)),
    CHECK (comparator IS NULL OR direction IS NULL),
    CHECK ((baseline_year IS NULL) = (baseline_value IS NULL)),
    CHECK (baseline_quality IS NULL OR baseline_year IS NOT NULL),
    CHECK (baseline_year IS NULL OR target_year IS NULL OR target_year > baseline_year)
) STRICT;
CREATE INDEX target_plan ON target(plan_id, position);
CREATE INDEX target_area ON target(area_id);

CREATE TABLE observation (
    id INTEGER PRIMARY KEY,
    target_id INTEGER NOT NULL REFERENCES target(id),
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    value REAL NOT NULL,
    quality TEXT NOT NULL DEFAULT 'official' CHECK (quality IN {_QUALITY}),
    source TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (target_id, year)
) STRICT;

CREATE TABLE setting (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE change (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    description TEXT NOT NULL,
    reverts INTEGER REFERENCES change(id)
) STRICT;

CREATE TABLE revision (
    id INTEGER PRIMARY KEY,
    change_id INTEGER NOT NULL REFERENCES change(id),
    entity TEXT NOT NULL CHECK (entity IN ('plan', 'area', 'target', 'observation', 'setting')),
    entity_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    old TEXT,
    new TEXT
) STRICT;
CREATE INDEX revision_change ON revision(change_id);
CREATE INDEX revision_entity ON revision(entity, entity_id);
"""


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    for statement in _V1.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations(name="0002_change_name_in_chinese")
def _change_name_in_chinese(db: Database) -> None:
    # A change's description was kept in the language it was made in; it is kept in both now.
    db.execute("ALTER TABLE change ADD COLUMN description_zh TEXT NOT NULL DEFAULT ''")


def ladder_length() -> int:
    return len(migrations._migrations)


def upgrade(db: Database) -> None:
    """Apply pending migrations and stamp the file as a workbook of this version."""
    migrations.apply(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def pending_migrations(db: Database) -> list[str]:
    return [m.name for m in migrations.pending(db)]


__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "pending_migrations", "upgrade"]
