from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ljtracker.cli import main
from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Plan
from ljtracker.services import editing
from ljtracker.storage import reads, schema
from ljtracker.storage import workbook as workbook_module
from ljtracker.storage.file_format import TABLE_COLUMNS
from ljtracker.storage.workbook import Workbook, WorkbookDamaged, WorkbookError
from ljtracker.storage.writer import Entity


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_workbook_is_marked_and_strict(empty: Workbook) -> None:
    conn = empty.conn
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    for table in ("plan", "area", "target", "observation", "setting", "change", "revision"):
        sql = conn.execute("SELECT sql FROM sqlite_schema WHERE name = ?", [table]).fetchone()[0]
        assert sql.rstrip().endswith("STRICT"), table


def test_strict_tables_refuse_wrong_types(empty: Workbook) -> None:
    with pytest.raises(sqlite3.Error):
        empty.conn.execute(
            "INSERT INTO plan (code, title_en, start_year, end_year) "
            "VALUES ('X', 'x', 'soon', 2025)"
        )


def test_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.ljt"
    path.write_text("GDP 5000\n")
    before = digest(path)
    with pytest.raises(WorkbookError, match="not an ljtracker workbook"):
        Workbook.open(path)
    assert digest(path) == before


def test_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(WorkbookError, match="foreign SQLite"):
        Workbook.open(path)
    assert digest(path) == before


def test_newer_workbook_is_refused_untouched(demo_path: Path) -> None:
    conn = sqlite3.connect(demo_path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(demo_path)
    with pytest.raises(WorkbookError, match="newer version"):
        Workbook.open(demo_path)
    assert digest(demo_path) == before


def test_planted_trigger_is_refused(demo_path: Path) -> None:
    conn = sqlite3.connect(demo_path)
    conn.execute("CREATE TRIGGER evil AFTER INSERT ON observation BEGIN DELETE FROM plan; END")
    conn.commit()
    conn.close()
    with pytest.raises(WorkbookError, match="trigger evil"):
        Workbook.open(demo_path)


def test_the_tables_a_workbook_must_hold_are_those_the_schema_makes(empty: Workbook) -> None:
    made = {
        table: tuple(row[1] for row in empty.conn.execute(f"PRAGMA table_info({table})"))
        for (table,) in empty.conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '\\_%'"
            " ESCAPE '\\'"
        )
    }
    assert made == TABLE_COLUMNS


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        ("DROP TABLE revision", "its table revision is missing"),
        ("ALTER TABLE change DROP COLUMN description_zh", "table change lacks the column"),
    ],
)
def test_a_workbook_missing_a_table_or_column_is_refused_as_damaged(
    demo_path: Path, capsys: pytest.CaptureFixture[str], damage: str, said: str
) -> None:
    """`check`, `changes` and `history` ended in a traceback; the window wrote to it."""
    conn = sqlite3.connect(demo_path)
    conn.execute(damage)
    conn.commit()
    conn.close()
    with pytest.raises(WorkbookDamaged, match=re.escape(said)):
        Workbook.open(demo_path)
    for command in (["check"], ["changes"], ["history"]):
        extra = ["LJ2025", "LJ-GDP"] if command == ["history"] else []
        assert main([*command, str(demo_path), *extra]) == 1
        assert said in capsys.readouterr().err


def test_missing_file_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "missing.ljt"
    with pytest.raises(WorkbookError, match="no such file"):
        Workbook.open(path)
    assert not path.exists()


def test_create_refuses_existing_file(demo_path: Path) -> None:
    with pytest.raises(WorkbookError, match="already exists"):
        Workbook.create(demo_path)


def test_values_read_back_exactly(empty: Workbook) -> None:
    value = 0.1 + 0.2
    plan = Plan("P1", "规划", "Plan", 2021, 2025, notes="<b>x</b> =1+1")
    editing.add_plan(empty, plan)
    stored = reads.plan_by_code(empty, "P1")
    assert stored is not None
    assert stored.notes == "<b>x</b> =1+1"
    from ljtracker.domain.model import Target

    editing.add_target(
        empty,
        Target(
            stored.id or 0, "T", "指标", "Target", "%", baseline_year=2020, baseline_value=value
        ),
    )
    target = reads.target_by_code(empty, stored.id or 0, "T")
    assert target is not None and target.baseline_value == value


def test_read_only_workbook_refuses_changes(demo_path: Path) -> None:
    before = digest(demo_path)
    with (
        Workbook.open(demo_path, read_only=True) as wb,
        pytest.raises(WorkbookError, match="read-only"),
    ):
        editing.add_plan(wb, Plan("NEW", "新", "New", 2021, 2025))
    assert digest(demo_path) == before


def test_format_version_counts_the_migration_ladder() -> None:
    assert schema.ladder_length() == schema.SCHEMA_VERSION


def test_opening_and_reading_leave_the_writing_library_unloaded(demo_path: Path) -> None:
    """The window starts without sqlite-utils (about a tenth of a second); the first change,
    or the window once painted, loads it."""
    script = (
        "import sys\n"
        "from ljtracker.storage import reads\n"
        "from ljtracker.storage.workbook import Workbook\n"
        "import ljtracker.ui.main_window\n"
        "wb = Workbook.open(sys.argv[1])\n"
        "reads.plans(wb)\n"
        "reads.observations(wb)\n"
        "print('sqlite_utils' in sys.modules)\n"
        "wb.load_writer()\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(demo_path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.split() == ["False", "True"]


@pytest.mark.parametrize(
    ("read_only", "english", "chinese"),
    [(True, "cannot be opened (", "无法打开（"), (False, "cannot be opened for writing", "可写")],
)
def test_a_file_sqlite_refuses_is_named_with_what_was_asked(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch, read_only: bool, english: str, chinese: str
) -> None:
    checked = workbook_module._connect
    calls = []

    def refuse_after_the_check(path: Path, mode: str) -> sqlite3.Connection:
        calls.append(mode)
        if len(calls) == 1:  # the check's read-only look at the file
            return checked(path, mode)
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(workbook_module, "_connect", refuse_after_the_check)
    with pytest.raises(WorkbookError) as refused:
        Workbook.open(demo_path, read_only=read_only)
    assert english in str(refused.value) and chinese in refused.value.message_zh


def test_a_change_that_leaves_a_figure_without_its_target_is_refused_whole(
    demo_path: Path,
) -> None:
    with Workbook.open(demo_path) as wb:
        before = wb.conn.execute("SELECT count(*) FROM observation").fetchone()
        target = reads.targets(wb)[0]
        assert target.id is not None
        with pytest.raises(WorkbookError), wb.change(ChangeName("dangling")) as w:
            w.insert(Entity.OBSERVATION, {"target_id": 999_999, "year": 2024, "value": 1.0})
            w.update(Entity.TARGET, target.id, {"notes": "changed in the same change"})
        assert wb.conn.execute("SELECT count(*) FROM observation").fetchone() == before
        assert reads.target_by_id(wb, target.id) == target


def test_an_observation_row_holds_every_field_of_an_observation() -> None:
    """The row is spelt out field by field; a field added to Observation must reach the file."""
    from dataclasses import fields

    from ljtracker.domain.model import Observation, Quality
    from ljtracker.storage.rows import observation_to_row

    row = observation_to_row(Observation(7, 2022, 1.5, Quality.ESTIMATE, "src", "note", id=3))
    assert set(row) == {f.name for f in fields(Observation)}
    assert row["quality"] == "estimate" and row["id"] == 3
    assert "id" not in observation_to_row(Observation(7, 2022, 1.5))


def test_a_reader_while_another_program_commits_is_told_to_try_again(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`status` during a long import's commit said the change was interrupted and could not be
    rolled back, and to open the file where it can be written: a fix that harms a live write."""
    real_connect = workbook_module._connect

    def impatient(path: Path, mode: str) -> sqlite3.Connection:
        conn = real_connect(path, mode)
        conn.execute("PRAGMA busy_timeout = 50")  # not the five seconds a user waits
        return conn

    monkeypatch.setattr(workbook_module, "_connect", impatient)
    writer = sqlite3.connect(demo_path, isolation_level=None)
    try:
        writer.execute("BEGIN EXCLUSIVE")  # as SQLite holds the file while it commits
        writer.execute("UPDATE plan SET notes = notes || ' '")
        with pytest.raises(WorkbookError) as refused:
            Workbook.open(demo_path, read_only=True)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert "another program is writing a change into it; try again once it has finished" in str(
        refused.value
    )
    assert "interrupted" not in str(refused.value)


def test_a_journal_gone_while_it_is_looked_at_is_no_error(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thirty `record` commands at once: one saw another's journal, which was gone a moment
    later, and stopped with a traceback (FileNotFoundError) instead of reading on."""
    journal = demo_path.with_name(demo_path.name + "-journal")
    real_exists, real_stat = Path.exists, Path.stat

    def exists(self: Path, **kwargs: object) -> bool:
        return True if self == journal else real_exists(self, **kwargs)  # type: ignore[arg-type]

    def stat(self: Path, **kwargs: object) -> os.stat_result:
        if self == journal:
            raise FileNotFoundError(2, "No such file or directory", str(journal))
        return real_stat(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "exists", exists)
    monkeypatch.setattr(Path, "stat", stat)
    with Workbook.open(demo_path, read_only=True) as wb:
        assert reads.plan_by_code(wb, "LJ2025") is not None
