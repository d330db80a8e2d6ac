"""Faults: killed programs, a full disk, read-only folders, deleted, damaged and hostile files."""

from __future__ import annotations

import importlib.util
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from ljtracker.services import editing, safety
from ljtracker.services.editing import ObservationEntry
from ljtracker.storage import reads, schema
from ljtracker.storage.backup import BACKUP_FOLDER
from ljtracker.storage.lock import NotWritable, lock_path
from ljtracker.storage.workbook import Workbook, WorkbookDamaged, WorkbookError
from ljtracker.ui.session import Session

Digest = Callable[[Path], str]
SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def crash_loop() -> ModuleType:
    spec = importlib.util.spec_from_file_location("crash_loop", SCRIPTS / "crash_loop.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["crash_loop"] = module
    spec.loader.exec_module(module)
    return module


def test_killing_a_program_mid_change_leaves_whole_changes_only(demo_path: Path) -> None:
    loop = crash_loop()
    rounds = loop.edit_rounds(demo_path, 15, random.Random(20240512))
    assert [r.problems for r in rounds] == [()] * 15
    assert sum(r.interrupted for r in rounds) >= 3, "some kills must land inside a change"
    with Workbook.open(demo_path) as wb:
        assert wb.integrity_problems() == []
        changes = wb.conn.execute(
            "SELECT count(*) FROM change WHERE description LIKE 'crash loop round %'"
        ).fetchone()[0]
        assert changes > 0


def test_killing_the_demo_build_leaves_no_half_workbook(tmp_path: Path) -> None:
    rounds = crash_loop().demo_rounds(tmp_path, 3, random.Random(7))
    assert [r.problems for r in rounds] == [()] * 3


def test_a_full_disk_refuses_the_change_and_writes_nothing(demo_path: Path, digest: Digest) -> None:
    with safety.open_for_writing(demo_path) as wb:
        before = digest(demo_path)
        figures = len(reads.observations(wb))
        pages = wb.conn.execute("PRAGMA page_count").fetchone()[0]
        wb.conn.execute(f"PRAGMA max_page_count = {pages}")
        entries = [
            ObservationEntry(t.id or 0, year, 1.0, note="x" * 200)
            for t in reads.targets(wb)
            for year in range(1950, 2000)
        ]
        with pytest.raises(WorkbookError, match=r"the change was not saved.*full"):
            editing.set_observations(wb, entries)
        assert len(reads.observations(wb)) == figures
        assert wb.integrity_problems() == []
        assert digest(demo_path) == before
        wb.conn.execute("PRAGMA max_page_count = 1073741823")
        editing.set_observations(wb, entries[:1])
        assert len(reads.observations(wb)) == figures + 1


def test_a_workbook_deleted_while_open_refuses_changes(demo_path: Path, qapp: object) -> None:
    wb = safety.open_for_writing(demo_path)
    session = Session(wb)
    emitted: list[object] = []
    session.changed.connect(emitted.append)
    target = reads.targets(wb)[0]
    demo_path.unlink()
    with pytest.raises(WorkbookError, match="deleted, moved or replaced while open"):
        session.apply(
            "Set a figure",
            lambda w: editing.set_observations(w, [ObservationEntry(target.id or 0, 2022, 1.0)]),
        )
    assert emitted == [] and session.undo_stack.count() == 0, "nothing claims it was saved"
    session.close()


def test_a_workbook_replaced_while_open_refuses_changes(demo_path: Path) -> None:
    with safety.open_for_writing(demo_path) as wb:
        target = reads.targets(wb)[0]
        stranger = demo_path.with_name("other.ljt")
        shutil.copy(demo_path, stranger)
        os.replace(stranger, demo_path)
        with pytest.raises(WorkbookError, match="replaced while open"):
            editing.set_observations(wb, [ObservationEntry(target.id or 0, 2022, 1.0)])


def test_an_older_copy_written_over_an_open_workbook_is_not_written_over(
    demo_path: Path, tmp_path: Path, digest: Digest
) -> None:
    older = tmp_path / "older.ljt"
    shutil.copy(demo_path, older)
    with safety.open_for_writing(demo_path) as wb:
        target = reads.targets(wb)[0]
        editing.set_observations(wb, [ObservationEntry(target.id or 0, 2022, 1.0)])
        with older.open("rb") as source, demo_path.open("r+b") as same_file:
            same_file.write(source.read())  # `cp older.ljt plan.ljt`: the same file, rewritten
            same_file.truncate()
        with pytest.raises(WorkbookError, match="another program wrote into the file"):
            editing.set_observations(wb, [ObservationEntry(target.id or 0, 2022, 2.0)])
    assert digest(demo_path) == digest(older), "what the other program wrote stays"


def test_a_copy_changed_as_often_copied_over_an_open_workbook_is_not_written_over(
    demo_path: Path, tmp_path: Path, digest: Digest
) -> None:
    """Two copies changed once each since they parted have alike headers (SQLite's change
    counter, page count), so SQLite alone does not see the one copied over the other."""
    stick = tmp_path / "stick.ljt"
    shutil.copy(demo_path, stick)
    with Workbook.open(stick) as other:
        target = reads.targets(other)[0]
        editing.set_observations(other, [ObservationEntry(target.id or 0, 2022, 4400.0)])
    with safety.open_for_writing(demo_path) as wb:
        editing.set_observations(wb, [ObservationEntry(target.id or 0, 2022, 4300.0)])
        assert demo_path.read_bytes()[24:40] == stick.read_bytes()[24:40]
        with stick.open("rb") as source, demo_path.open("r+b") as same_file:
            same_file.write(source.read())
            same_file.truncate()
        with pytest.raises(WorkbookError, match="another program wrote into the file"):
            editing.set_observations(wb, [ObservationEntry(target.id or 0, 2023, 4700.0)])
    assert digest(demo_path) == digest(stick), "the copy's 4,400 is kept"


def test_a_file_only_touched_while_open_takes_changes(demo_path: Path) -> None:
    """A sync tool setting the file's time, or a network share reporting it late, is no write:
    the newest change the file records is the one this program wrote."""
    with safety.open_for_writing(demo_path) as wb:
        target = reads.targets(wb)[0]
        editing.set_observations(wb, [ObservationEntry(target.id or 0, 2022, 4300.0)])
        later = demo_path.stat().st_mtime + 60
        os.utime(demo_path, (later, later))
        editing.set_observations(wb, [ObservationEntry(target.id or 0, 2023, 4700.0)])
        assert {o.year for o in reads.observations(wb, [target.id or 0])} >= {2022, 2023}


def test_a_workbook_written_by_another_connection_while_open_refuses_changes(
    demo_path: Path,
) -> None:
    with safety.open_for_writing(demo_path) as wb:
        target = reads.targets(wb)[0]
        figures = reads.observations(wb, [target.id or 0])
        other = sqlite3.connect(demo_path)
        with other:
            other.execute("UPDATE plan SET notes = 'written elsewhere'")
        other.close()
        with pytest.raises(WorkbookError, match="nothing was saved"):
            editing.set_observations(wb, [ObservationEntry(target.id or 0, 2022, 2.0)])
        assert reads.observations(wb, [target.id or 0]) == figures


_READ_ONLY_CHILD = textwrap.dedent(
    """
    import sys
    from ljtracker.cli import main
    from ljtracker.services import safety
    from ljtracker.storage import reads
    from ljtracker.storage.workbook import Workbook, WorkbookError
    path = sys.argv[1]
    try:
        safety.open_for_writing(path)
    except WorkbookError as e:
        print("REFUSED", type(e).__name__, e)
    with Workbook.open(path, read_only=True) as wb:
        print("READ", len(reads.plans(wb)))
    print("RECORD", main(["record", path, "LJ2025", "LJ-GDP", "2022", "1"]))
    """
)


def test_a_read_only_folder_gives_a_clear_error_and_reading_works(
    demo_path: Path, tmp_path: Path
) -> None:
    if os.geteuid() != 0:
        demo_path.chmod(0o444)
        tmp_path.chmod(0o555)
        try:
            result = subprocess.run(
                [sys.executable, "-c", _READ_ONLY_CHILD, str(demo_path)],
                capture_output=True,
                text=True,
                timeout=60,
            )
        finally:
            tmp_path.chmod(0o755)
    else:
        # Permissions do not bind root: mount the folder read-only in a private namespace.
        if shutil.which("unshare") is None:
            pytest.skip("running as root without unshare: cannot make a read-only folder")
        view = tmp_path / "read-only-view"
        view.mkdir()
        script = (
            f'mount --bind "{tmp_path}" "{view}" && mount -o remount,ro,bind "{view}" '
            f'|| exit 77; exec "{sys.executable}" -c "$0" "{view / demo_path.name}"'
        )
        result = subprocess.run(
            ["unshare", "-m", "sh", "-c", script, _READ_ONLY_CHILD],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if result.returncode == 77:
            pytest.skip("running as root where a read-only bind mount is not allowed")
    assert result.returncode == 0, result.stderr
    assert "REFUSED NotWritable" in result.stdout and "read-only" in result.stdout
    assert "READ 4" in result.stdout
    assert "RECORD 1" in result.stdout
    assert "read-only" in result.stderr
    assert not lock_path(demo_path).exists()


def _flip_middle_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    for page in range(pages // 2 - 1, pages // 2 + 2):
        start = page * 4096
        data[start : start + 16] = bytes(b ^ 0xFF for b in data[start : start + 16])
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def _foreign(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE plan (id INTEGER PRIMARY KEY, code TEXT)")
    conn.commit()
    conn.close()


def _planted(sql: str) -> Callable[[Path], None]:
    def plant(path: Path) -> None:
        conn = sqlite3.connect(path)
        conn.execute(sql)
        conn.commit()
        conn.close()

    return plant


HOSTILE = {
    "bytes flipped": (_flip_middle_pages, "damaged"),
    "truncated": (_truncate, "damaged"),
    "newer version": (_newer, "newer version"),
    "foreign": (_foreign, "foreign SQLite"),
    "trigger": (
        _planted("CREATE TRIGGER t AFTER INSERT ON observation BEGIN DELETE FROM plan; END"),
        "trigger t",
    ),
    "view": (_planted("CREATE VIEW v AS SELECT * FROM plan"), "view v"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_files_are_refused_untouched(demo_path: Path, digest: Digest, kind: str) -> None:
    spoil, message = HOSTILE[kind]
    spoil(demo_path)
    before = digest(demo_path)
    with pytest.raises(WorkbookError, match=message) as refused:
        safety.open_for_writing(demo_path)
    if message == "damaged":
        assert isinstance(refused.value, WorkbookDamaged)
    with pytest.raises(WorkbookError, match=message):
        Workbook.open(demo_path, read_only=True)
    assert digest(demo_path) == before
    assert not lock_path(demo_path).exists()
    assert not (demo_path.parent / BACKUP_FOLDER).exists(), "nothing backed up or written"


def test_read_only_opening_never_writes(demo_path: Path, digest: Digest) -> None:
    before = digest(demo_path)
    with Workbook.open(demo_path, read_only=True) as wb:
        entry = ObservationEntry(reads.targets(wb)[0].id or 0, 2022, 1)
        with pytest.raises(WorkbookError, match="read-only"):
            editing.set_observations(wb, [entry])
    assert digest(demo_path) == before


def test_a_read_only_file_cannot_be_opened_for_writing(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access = os.access
    monkeypatch.setattr(
        "ljtracker.services.safety.os.access",
        lambda p, mode: False if Path(p) == demo_path else real_access(p, mode),
    )
    with pytest.raises(NotWritable, match="is read-only") as refused:
        safety.open_for_writing(demo_path)
    assert "copy the workbook to a folder you can write to" in str(refused.value)


@pytest.mark.parametrize("marked", ["file", "folder"])
def test_a_workbook_marked_read_only_is_not_written_even_by_the_administrator(
    demo_path: Path, marked: str, digest: Digest, capsys: pytest.CaptureFixture[str]
) -> None:
    """As root, `chmod 444` on the file (or 555 on its folder) did not keep `record` out."""
    from ljtracker.cli import main

    before = digest(demo_path)
    place = demo_path if marked == "file" else demo_path.parent
    mode = place.stat().st_mode
    place.chmod(0o444 if marked == "file" else 0o555)
    try:
        assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "1"]) == 1
    finally:
        place.chmod(mode)
    assert "is read-only, so the workbook can only be read" in capsys.readouterr().err
    assert digest(demo_path) == before


@pytest.mark.parametrize("spoil", ["header", "application id"])
def test_a_backed_up_workbook_whose_start_is_overwritten_is_damaged_and_restorable(
    demo_path: Path, spoil: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from ljtracker.cli import main

    safety.open_for_writing(demo_path).close()  # its daily backup
    data = bytearray(demo_path.read_bytes())
    if spoil == "header":
        data[0:16] = b"garbage garbage!"
    else:
        data[68:72] = b"\0\0\0\0"  # where SQLite keeps the application id
    demo_path.write_bytes(bytes(data))
    with pytest.raises(WorkbookDamaged, match="backups of it exist"):
        Workbook.open(demo_path, read_only=True)
    assert main(["status", str(demo_path)]) == 1
    said = capsys.readouterr().err
    assert f"`ljtracker restore {demo_path} BACKUP` puts one in its place" in said
    backup = str(safety.list_backups(demo_path)[0].path)
    assert main(["restore", str(demo_path), backup]) == 0
    with Workbook.open(demo_path, read_only=True) as wb:
        assert reads.plan_by_code(wb, "LJ2025") is not None


def test_a_file_that_never_was_a_workbook_is_not_called_damaged(tmp_path: Path) -> None:
    text = tmp_path / "notes.ljt"
    text.write_text("not a workbook at all")
    with pytest.raises(WorkbookError, match="not an ljtracker workbook") as refused:
        Workbook.open(text, read_only=True)
    assert not isinstance(refused.value, WorkbookDamaged)


def test_another_file_of_the_same_name_beside_a_backed_up_workbook_is_not_called_damaged(
    demo_path: Path,
) -> None:
    """Backups are filed under the name without its suffix: plan.xlsx beside plan.ljt is not
    the workbook, and offering the workbook's backup in its place would replace it."""
    safety.open_for_writing(demo_path).close()  # its daily backup
    other = demo_path.with_suffix(".xlsx")
    other.write_bytes(b"PK\x03\x04 a spreadsheet, not a workbook")
    with pytest.raises(WorkbookError, match="not an ljtracker workbook") as refused:
        Workbook.open(other, read_only=True)
    assert not isinstance(refused.value, WorkbookDamaged)


def test_a_damaged_page_is_told_in_one_line_not_in_every_finding(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite lists one finding a line, two dozen for one spoilt page; `check` printed them
    all inside its one-line refusal."""
    from ljtracker.cli import main

    spoilt = demo_path.with_name("spoilt.ljt")
    data = bytearray(demo_path.read_bytes())
    data[10 * 4096 + 8 : 11 * 4096] = b"\xaa" * (4096 - 8)  # a page of a table, spoilt
    spoilt.write_bytes(bytes(data))
    assert main(["check", str(spoilt), "--lang", "en"]) == 1
    refusal, hint = capsys.readouterr().err.splitlines()
    assert refusal.startswith(f"ljtracker: {spoilt}: damaged (")
    assert re.search(r"; and \d+ more\)$", refusal)
    # the hint said to restore a backup where there was none
    assert hint.startswith("ljtracker: it has no backup (one is made when a workbook is first")
    assert main(["check", str(spoilt), "--lang", "zh"]) == 1
    assert capsys.readouterr().err.splitlines()[1].startswith("ljtracker: 该工作簿没有备份")
    safety.open_for_writing(demo_path).close()  # its daily backup
    demo_path.write_bytes(bytes(data))
    assert main(["check", str(demo_path), "--lang", "en"]) == 1
    hint = capsys.readouterr().err.splitlines()[1]
    assert hint.startswith(f"ljtracker: `ljtracker backups {demo_path}` lists its backups")


def test_every_hint_quotes_a_path_with_a_space_as_the_shell_needs_it(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`ljtracker backups 十四五 规划.ljt`, pasted, was refused: "unrecognized arguments"."""
    from ljtracker.cli import main
    from ljtracker.domain.wording import command_word

    folder = tmp_path / "规划 办"
    folder.mkdir()
    path = folder / "十四五 规划.ljt"
    shutil.copy(demo_path, path)
    with safety.open_for_writing(path) as wb:  # the day's first opening backs it up
        assert safety.list_backups(wb.path)
    typed = f"'{path}'"
    cut = tmp_path / "cut.ljt"
    cut.write_bytes(demo_path.read_bytes()[:60000])
    for backup, lang in ((cut, "en"), (tmp_path / "nosuch.ljt", "en"), (cut, "zh")):
        assert main(["restore", str(path), str(backup), "--lang", lang]) == 1
        err = capsys.readouterr().err
        assert f"`ljtracker backups {typed}`" in err, err
    assert main(["revert", str(path), "99", "--lang", "en"]) == 1
    assert f"`ljtracker changes {typed}`" in capsys.readouterr().err
    assert command_word(str(path), windows=True) == f'"{path}"'  # cmd.exe keeps single quotes
    assert command_word("R&D.ljt", windows=True) == '"R&D.ljt"'  # & would end the command
    assert command_word("lj.ljt", windows=True) == command_word("lj.ljt") == "lj.ljt"


def test_a_damaged_backup_is_refused_as_the_backup_not_the_workbook(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ljtracker.cli import main

    backup = tmp_path / "cut.ljt"
    backup.write_bytes(demo_path.read_bytes()[:60000])
    assert main(["restore", str(demo_path), str(backup), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "that backup cannot be restored: choose another" in err
    assert "puts one in its place and keeps the damaged file" not in err
