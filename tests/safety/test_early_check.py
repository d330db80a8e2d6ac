"""The window's start checks the workbook while Qt loads; opening must still refuse a damaged
file, and take the early findings only for the file as it was checked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ljtracker.storage import early_check
from ljtracker.storage.workbook import Workbook, WorkbookDamaged


def _flip_page(path: Path, page: int) -> None:
    """Damage one page of the file (Python's negative indexing counts from its end)."""
    data = bytearray(path.read_bytes())
    start = range(0, len(data), 4096)[page]
    data[start : start + 16] = bytes(b ^ 0xFF for b in data[start : start + 16])
    path.write_bytes(bytes(data))


def _checked_early(path: Path) -> None:
    thread = early_check.start(path)
    assert thread is not None
    thread.join()


def _findings(path: Path) -> list[str] | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return early_check.findings(path, conn)
    finally:
        conn.close()


def test_a_workbook_damaged_after_its_early_check_is_refused(demo_path: Path) -> None:
    _checked_early(demo_path)
    _flip_page(demo_path, -1)  # a page only SQLite's check reads on opening
    with pytest.raises(WorkbookDamaged, match="damaged"):
        Workbook.open(demo_path)


def test_damage_found_early_is_refused_as_opening_would_say_it(demo_path: Path) -> None:
    _flip_page(demo_path, -1)
    with pytest.raises(WorkbookDamaged) as unaided:
        Workbook.open(demo_path)
    _checked_early(demo_path)
    with pytest.raises(WorkbookDamaged) as early:
        Workbook.open(demo_path)
    assert str(early.value) == str(unaided.value)


def test_the_early_findings_serve_only_the_file_as_it_was_checked(demo_path: Path) -> None:
    _checked_early(demo_path)
    assert _findings(demo_path) == ["ok"]
    assert _findings(demo_path) is None, "taken once"

    _checked_early(demo_path)
    conn = sqlite3.connect(demo_path)
    with conn:  # another program writes a change after the check
        conn.execute("UPDATE plan SET notes = 'changed' WHERE id = (SELECT min(id) FROM plan)")
    conn.close()
    assert _findings(demo_path) is None

    _checked_early(demo_path)
    with Workbook.open(demo_path) as wb:
        assert wb.conn.execute("SELECT count(*) FROM plan").fetchone()[0] > 0
    assert _findings(demo_path) is None, "opening took them"


def test_a_file_in_write_ahead_log_mode_is_checked_on_opening(demo_path: Path) -> None:
    conn = sqlite3.connect(demo_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    _checked_early(demo_path)
    assert _findings(demo_path) is None
