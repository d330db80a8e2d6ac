"""A workbook written by an earlier version (format 1: each change named in one language)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from demo_targets import gdp_id

from ljtracker.cli import main
from ljtracker.services import editing, safety
from ljtracker.services.editing import ObservationEntry
from ljtracker.storage.atomic import atomic_output
from ljtracker.storage.backup import BackupReason, list_backups
from ljtracker.storage.file_format import SCHEMA_VERSION
from ljtracker.storage.history import recent_changes
from ljtracker.storage.schema import MIGRATION_SET
from ljtracker.storage.workbook import Workbook, WorkbookDamaged, WorkbookError

MADE_IN_CHINESE = "导入 统计局.xlsx"


def as_format_1(path: Path) -> None:
    """The workbook as format 1 stored it: the change's name in one column only, here one
    made in a Chinese window; a later change (2021) revised the 2022 GDP figure."""
    with Workbook.open(path) as wb:
        editing.set_observations(wb, [ObservationEntry(gdp_id(wb), 2022, 4100.0)])
        editing.set_observations(wb, [ObservationEntry(gdp_id(wb), 2022, 4200.0)])
    conn = sqlite3.connect(path)
    conn.execute("UPDATE change SET description = ? WHERE id = 1", [MADE_IN_CHINESE])
    conn.execute("UPDATE change SET at = '2020-01-01T00:00:00+00:00' WHERE id < 3")
    conn.execute("UPDATE change SET at = '2021-01-01T00:00:00+00:00' WHERE id = 3")
    conn.execute("ALTER TABLE change DROP COLUMN description_zh")
    conn.execute(
        "DELETE FROM _sqlite_migrations WHERE migration_set = ? AND name LIKE '0002%'",
        [MIGRATION_SET],
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


@pytest.fixture
def old_path(demo_path: Path) -> Path:
    as_format_1(demo_path)
    return demo_path


def test_opening_an_older_workbook_to_change_it_upgrades_it_after_a_backup(old_path: Path) -> None:
    with safety.open_for_writing(old_path) as wb:
        assert not wb.needs_upgrade()
        first = recent_changes(wb, 10)[-1]
        assert first.name.text("en") == first.name.text("zh") == MADE_IN_CHINESE
        editing.set_observations(wb, [ObservationEntry(gdp_id(wb), 2022, 4321.0)])
        newest = recent_changes(wb, 1)[0]
        assert newest.name.text("en") == "Set the 2022 figure of LJ-GDP"
        assert newest.name.text("zh") == "设置 LJ-GDP 的 2022年数据"
    before = [b for b in list_backups(old_path) if b.reason == BackupReason.BEFORE_MIGRATION]
    assert len(before) == 1
    with Workbook.open(before[0].path, read_only=True) as kept:
        assert kept.needs_upgrade()  # the backup is the file as it was


def test_an_older_workbook_is_read_without_changing_it(
    old_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    digest = hashlib.sha256(old_path.read_bytes()).hexdigest()
    assert main(["changes", str(old_path), "--lang", "en"]) == 0
    assert f"\t{MADE_IN_CHINESE}\t" in capsys.readouterr().out
    assert main(["history", str(old_path), "LJ2025", "LJ-GDP", "--lang", "en"]) == 0
    assert f"\t{MADE_IN_CHINESE}\t" in capsys.readouterr().out
    status = ["status", str(old_path), "--plan", "LJ2025", "--format", "csv"]
    assert main(status) == 0
    assert "2022: 4,200" in capsys.readouterr().out
    assert main([*status, "--as-known-on", "2020-06-01T00:00+00:00"]) == 0
    assert "2022: 4,100" in capsys.readouterr().out  # before the revision of 2021
    assert hashlib.sha256(old_path.read_bytes()).hexdigest() == digest
    with Workbook.open(old_path, read_only=True) as wb:
        assert wb.needs_upgrade() and SCHEMA_VERSION == 2


def test_an_older_workbook_missing_a_table_is_refused_before_it_is_upgraded(
    old_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Format 1 files were not checked for their tables: `check` called one without its
    settings sound, and opening it upgraded it and wrote to it."""
    conn = sqlite3.connect(old_path)
    conn.execute("DROP TABLE setting")
    conn.commit()
    conn.close()
    digest = hashlib.sha256(old_path.read_bytes()).hexdigest()
    assert main(["check", str(old_path)]) == 1
    assert "its table setting is missing" in capsys.readouterr().err
    with pytest.raises(WorkbookDamaged):
        safety.open_for_writing(old_path)
    assert hashlib.sha256(old_path.read_bytes()).hexdigest() == digest


def test_a_failed_upgrade_leaves_the_file_free_for_output(old_path: Path) -> None:
    conn = sqlite3.connect(old_path)
    conn.execute("DROP TABLE _sqlite_migrations")  # the ladder starts again, and fails
    conn.commit()
    conn.close()
    with pytest.raises(WorkbookError, match="cannot be upgraded"):
        Workbook.open(old_path)
    with atomic_output(old_path, replaces_workbooks=True) as temp:  # not held as open
        temp.write_bytes(b"replaced")
