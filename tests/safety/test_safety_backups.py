"""Backups: when they are made, how they are checked, thinned, listed and restored."""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from demo_targets import gdp_id

from ljtracker.cli import main
from ljtracker.domain.change_names import ChangeName
from ljtracker.services import editing, safety
from ljtracker.services.demo import write_demo
from ljtracker.services.editing import ObservationEntry
from ljtracker.services.restoring import changes_since, contents, restore_backup
from ljtracker.storage import reads
from ljtracker.storage.backup import (
    BACKUP_FOLDER,
    KEEP_LAST,
    Backup,
    BackupReason,
    backup_folder,
    backups_to_remove,
    list_backups,
    make_backup,
)
from ljtracker.storage.history import revisions_of_change
from ljtracker.storage.workbook import Workbook, WorkbookError
from ljtracker.storage.writer import Entity

Digest = Callable[[Path], str]


def figures(wb: Workbook) -> list[tuple[int, int, float, str]]:
    return [(o.target_id, o.year, o.value, o.quality.value) for o in reads.observations(wb)]


def test_opening_backs_up_once_a_day_beside_the_workbook(demo_path: Path) -> None:
    with safety.open_for_writing(demo_path):
        pass
    backups = list_backups(demo_path)
    assert [b.reason for b in backups] == ["daily"]
    assert backups[0].path.parent == demo_path.parent / ".ljtracker-backups" / "demo.ljt"
    with safety.open_for_writing(demo_path):
        pass
    assert len(list_backups(demo_path)) == 1, "not again within the day"


def test_a_backup_more_than_a_day_old_brings_a_new_one(demo_path: Path) -> None:
    with safety.open_for_writing(demo_path) as wb:
        old = list_backups(demo_path)[0]
        tomorrow = old.taken + datetime.timedelta(days=1, minutes=1)
        assert safety.backup_if_due(wb, tomorrow) is not None
        assert safety.backup_if_due(wb, old.taken + datetime.timedelta(hours=23)) is None
    assert len(list_backups(demo_path)) == 2


def test_deleting_a_plan_or_target_backs_up_first(demo_path: Path) -> None:
    with safety.open_for_writing(demo_path) as wb:
        before = figures(wb)
        plan = reads.plan_by_code(wb, "CQ2022")
        assert plan is not None and plan.id is not None
        editing.delete_plan(wb, plan.id)
        editing.delete_target(wb, gdp_id(wb))
    reasons = [b.reason for b in list_backups(demo_path)]
    assert reasons.count("before-delete") == 2
    oldest_delete = [b for b in list_backups(demo_path) if b.reason == "before-delete"][-1]
    with Workbook.open(oldest_delete.path, read_only=True) as copy:
        assert figures(copy) == before, "the backup holds the plan that was deleted"


def test_a_deletion_without_a_possible_backup_does_not_happen(demo_path: Path) -> None:
    with safety.open_for_writing(demo_path) as wb:
        folder = backup_folder(demo_path)
        for backup in folder.iterdir():
            backup.unlink()
        folder.rmdir()
        folder.write_text("a file where the backups folder should be")
        with pytest.raises(WorkbookError, match="no backup could be made"):
            editing.delete_target(wb, gdp_id(wb))
        assert reads.target_by_id(wb, gdp_id(wb)) is not None


def test_backups_are_verified_workbooks(demo: Workbook) -> None:
    made = make_backup(demo.conn, demo.path, "manual")
    with Workbook.open(made.path, read_only=True) as copy:
        assert copy.integrity_problems() == []
        assert figures(copy) == figures(demo)
    assert made.size == made.path.stat().st_size
    assert made.path.name.startswith("demo_") and made.path.name.endswith("_manual.ljt")


def test_a_backup_that_fails_its_check_is_not_kept(
    demo: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_copy(source: sqlite3.Connection, destination: Path) -> None:
        destination.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)

    monkeypatch.setattr("ljtracker.storage.backup._copy", broken_copy)
    with pytest.raises(WorkbookError, match="the backup could not be made"):
        make_backup(demo.conn, demo.path, "manual")
    assert list(backup_folder(demo.path).iterdir()) == []


def test_a_backup_on_a_full_disk_says_so_in_both_languages_and_leaves_nothing_behind(
    demo: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Chinese message carried SQLite's English ("备份失败（database or disk is full）"),
    with no word of what to do, and a copy cut short left its journal behind for good."""

    def full_disk(source: sqlite3.Connection, destination: Path) -> None:
        destination.write_bytes(b"")
        destination.with_name(destination.name + "-journal").write_bytes(b"\x00" * 512)
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr("ljtracker.storage.backup._copy", full_disk)
    with pytest.raises(WorkbookError) as refused:
        make_backup(demo.conn, demo.path, "manual")
    folder = backup_folder(demo.path)
    assert f"could not be made in {folder} (the disk is full;" in str(refused.value)
    assert "磁盘空间不足" in refused.value.message_zh
    assert "database or disk is full" not in refused.value.message_zh
    assert list(folder.iterdir()) == []


def _backup(taken: datetime.datetime, name: str = "") -> Backup:
    return Backup(Path(name or taken.isoformat()), taken, "daily", 1)


def test_thinning_keeps_the_last_ten_then_daily_weekly_monthly() -> None:
    now = datetime.datetime(2024, 6, 30, 18, 0).astimezone()
    hourly_today = [_backup(now - datetime.timedelta(hours=h)) for h in range(12)]
    two_a_day = [
        _backup(now - datetime.timedelta(days=d, hours=h)) for d in range(1, 80) for h in (0, 6)
    ]
    all_backups = hourly_today + two_a_day
    kept = set(all_backups) - set(backups_to_remove(all_backups, now))
    newest_ten = sorted(all_backups, key=lambda b: b.taken, reverse=True)[:KEEP_LAST]
    assert set(newest_ten) <= kept
    recent_days = {b.taken.date() for b in kept if now - b.taken < datetime.timedelta(days=14)}
    assert len(recent_days) == 14
    older = [b for b in kept if now - b.taken >= datetime.timedelta(days=14)]
    weeks = [b for b in older if now - b.taken < datetime.timedelta(weeks=8)]
    months = [b for b in older if now - b.taken >= datetime.timedelta(weeks=8)]
    assert len({b.taken.isocalendar()[:2] for b in weeks}) == len(weeks), "one per week"
    assert len({(b.taken.year, b.taken.month) for b in months}) == len(months), "one per month"
    assert 6 <= len(weeks) <= 7 and 1 <= len(months) <= 2
    assert len(kept) < 40


def test_thinning_never_removes_the_only_backups() -> None:
    now = datetime.datetime(2024, 6, 30, 18, 0).astimezone()
    few = [_backup(now - datetime.timedelta(days=400 * i)) for i in range(5)]
    assert backups_to_remove(few, now) == []


def snapshot(wb: Workbook) -> object:
    """Every plan, area, target, figure and setting, as a backup holds them."""
    return contents(wb)


def history(wb: Workbook) -> list[str]:
    return [d for (d,) in wb.conn.execute("SELECT description FROM change ORDER BY id")]


def test_backup_and_restore_drill(demo_path: Path) -> None:
    with safety.open_for_writing(demo_path) as wb:
        before = figures(wb)
        editing.set_observations(
            wb, [ObservationEntry(gdp_id(wb), 2022, 4321.0)], ChangeName("Set 2022")
        )
        edited = figures(wb)
        assert edited != before
        newest = list_backups(demo_path)[0]
        restored = restore_backup(wb, newest.path, ChangeName("Restore the daily backup"))
        assert figures(wb) == before
    with safety.open_for_writing(demo_path) as reopened:
        assert figures(reopened) == before
        assert reopened.integrity_problems() == []
        # the edit stays in the history, the restore follows it, and it undoes like any change
        assert history(reopened)[-2:] == ["Set 2022", "Restore the daily backup"]
        editing.revert(reopened, restored.changes.change_id, ChangeName("Undo the restore"))
        assert figures(reopened) == edited
    saved = restored.saved
    assert saved is not None and saved.reason == "before-restore"
    with Workbook.open(saved.path, read_only=True) as undone:
        assert (gdp_id(undone), 2022, 4321.0, "official") in figures(undone)


def test_a_backup_names_the_changes_made_since_it_was_taken(
    demo_path: Path, tmp_path: Path
) -> None:
    """What restoring it takes back; not told for another workbook's copy or a damaged file."""
    with safety.open_for_writing(demo_path) as wb:
        backup = safety.backup_before(wb, "manual")
        assert backup is not None and changes_since(wb, backup.path) == []
        for value in (4321.0, 4322.0):
            entry = ObservationEntry(gdp_id(wb), 2022, value)
            editing.set_observations(wb, [entry], ChangeName(f"Set {value:.0f}"))
        since = changes_since(wb, backup.path)
        assert since is not None
        assert [c.name.en for c in since] == ["Set 4322", "Set 4321"]  # newest first
        restored = restore_backup(wb, backup.path, ChangeName("Restore"))
        assert restored.saved is not None
        after_saved = changes_since(wb, restored.saved.path)
        assert after_saved is not None and [c.name.en for c in after_saved] == ["Restore"]

        other = tmp_path / "other.ljt"
        write_demo(other)  # its own history, of the same length
        assert changes_since(wb, other) is None
        damaged = tmp_path / "damaged.ljt"
        damaged.write_bytes(backup.path.read_bytes()[:1000])
        assert changes_since(wb, damaged) is None


def test_a_restore_brings_back_deleted_targets_and_undoes_added_ones(demo_path: Path) -> None:
    with safety.open_for_writing(demo_path) as wb:
        backup = safety.backup_before(wb, "manual")
        assert backup is not None
        then = snapshot(wb)
        gdp = gdp_id(wb)
        editing.delete_target(wb, gdp, ChangeName("Delete GDP"))
        plan = reads.plans(wb)[0]
        editing.add_plan(wb, replace(plan, id=None, code="NEW"), ChangeName("Add a plan"))
        now = snapshot(wb)
        restored = restore_backup(wb, backup.path, ChangeName("Restore"))
        assert snapshot(wb) == then
        assert wb.integrity_problems() == []
        editing.revert(wb, restored.changes.change_id, ChangeName("Undo the restore"))
        assert snapshot(wb) == now
        again = restore_backup(wb, backup.path, ChangeName("Restore again"))
        assert snapshot(wb) == then and not again.changes.empty
        assert restore_backup(wb, backup.path, ChangeName("Nothing to do")).changes.empty


def test_a_restore_gives_back_codes_that_two_targets_swapped(demo_path: Path) -> None:
    with safety.open_for_writing(demo_path) as wb:
        backup = safety.backup_before(wb, "manual")
        assert backup is not None
        then = snapshot(wb)
        by_code = {t.code: t for t in reads.targets(wb)}
        gdp, pop = by_code["LJ-GDP"], by_code["LJ-POP"]
        editing.update_target(wb, replace(gdp, code="SWAP"), ChangeName("swap 1"))
        editing.update_target(wb, replace(pop, code="LJ-GDP"), ChangeName("swap 2"))
        editing.update_target(wb, replace(gdp, code="LJ-POP"), ChangeName("swap 3"))
        swapped = snapshot(wb)
        restored = restore_backup(wb, backup.path, ChangeName("Restore"))
        assert snapshot(wb) == then and wb.integrity_problems() == []
        editing.revert(wb, restored.changes.change_id, ChangeName("Undo the restore"))
        assert snapshot(wb) == swapped


def test_restore_from_the_command_line(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", str(demo_path), "--format", "json"]) == 0
    before = capsys.readouterr().out
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4,321"]) == 0
    assert "4,321" in capsys.readouterr().out
    assert main(["backups", str(demo_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    path, when, size = lines[0].split("\t")
    assert Path(path).is_absolute() and Path(path).exists()
    assert datetime.datetime.strptime(when, "%Y-%m-%d %H:%M:%S")
    assert int(size) == Path(path).stat().st_size
    assert main(["restore", str(demo_path), Path(path).name]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "before-restore" in out
    assert "It took back change #" in out and "made after the backup" in out
    assert main(["status", str(demo_path), "--format", "json"]) == 0
    assert capsys.readouterr().out == before


def test_a_deleted_workbook_points_to_its_backups_and_is_put_back_from_one(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Deleted, it was "no such file" to every command, restore too, though its backups were
    all there."""
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4,321"]) == 0
    (backup,) = list_backups(demo_path)
    demo_path.unlink()
    capsys.readouterr()
    assert main(["check", str(demo_path)]) == 1
    said = capsys.readouterr().err
    assert f"`ljtracker restore {demo_path} BACKUP` puts one in its place" in said
    assert main(["restore", str(demo_path), backup.path.name]) == 0
    assert capsys.readouterr().out.startswith(f"Restored {demo_path} from ")
    with Workbook.open(demo_path, read_only=True) as back:
        assert back.integrity_problems() == [] and reads.plan_by_code(back, "LJ2025")


def test_backups_that_cannot_be_read_refuse_a_change_with_the_reason(
    demo_path: Path, capsys: pytest.CaptureFixture[str], backups_unreadable: None
) -> None:
    """Listing them raised PermissionError: a traceback, for a sound workbook too."""
    capsys.readouterr()
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4,321"]) == 1
    folder = demo_path.parent / BACKUP_FOLDER / demo_path.name
    said = capsys.readouterr().err
    assert said == (
        f"ljtracker: {demo_path}: its backups in {folder} cannot be read (Permission denied)\n"
    )
    assert main(["status", str(demo_path)]) == 0  # reading needs no backup


@pytest.mark.parametrize("deleted", [True, False])
def test_a_damaged_or_deleted_workbook_whose_backups_cannot_be_read_is_reported(
    demo_path: Path, capsys: pytest.CaptureFixture[str], backups_unreadable: None, deleted: bool
) -> None:
    """The error's hint listed the backups again and raised from inside the error handler."""
    (demo_path.parent / BACKUP_FOLDER / demo_path.name).mkdir(parents=True)
    if deleted:
        demo_path.unlink()
    else:
        demo_path.write_bytes(b"not a workbook at all" * 100)
    capsys.readouterr()
    assert main(["check", str(demo_path)]) == 1
    said = capsys.readouterr().err
    assert "Traceback" not in said and said.startswith(f"ljtracker: {demo_path}")


def test_a_deleted_workbook_is_not_put_back_from_another_workbook_unless_asked(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With the workbook deleted, another workbook named as the backup went in its place,
    where with the workbook there it was refused as not its backup."""
    other = tmp_path / "other.ljt"
    write_demo(other)
    with safety.open_for_writing(demo_path):
        pass
    demo_path.unlink()
    assert main(["restore", str(demo_path), str(other)]) == 1
    assert "is not one of the backups of" in capsys.readouterr().err
    assert not demo_path.exists()
    assert main(["restore", str(demo_path), str(other), "--other-workbook"]) == 0
    assert demo_path.exists()


def test_a_damaged_workbook_and_a_damaged_backup_say_to_choose_another_backup(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The backup's damage was said, then that the workbook had no backup at all."""
    with safety.open_for_writing(demo_path):
        pass
    (backup,) = list_backups(demo_path)
    data = bytearray(demo_path.read_bytes())
    data[16384 : 16384 + 64] = bytes(64)
    demo_path.write_bytes(bytes(data))
    backup.path.write_bytes(backup.path.read_bytes()[:4096])
    assert main(["restore", str(demo_path), backup.path.name]) == 1
    err = capsys.readouterr().err
    assert "that backup cannot be restored: choose another" in err
    assert "no backup" not in err


def test_a_restore_with_no_room_for_its_scratch_copy_is_refused_in_words(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import shutil

    with safety.open_for_writing(demo_path) as wb:
        (backup,) = list_backups(demo_path)

        def full(*_: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(shutil, "copyfile", full)
        with pytest.raises(WorkbookError) as refused:
            restore_backup(wb, backup.path, ChangeName("Restore"))
    assert "a copy in the temporary folder" in str(refused.value)
    assert "nothing was restored" in str(refused.value)


def test_restore_refuses_a_file_that_is_not_a_backup(
    demo_path: Path, tmp_path: Path, digest: Digest, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "bogus.ljt"
    bogus.write_text("not a workbook")
    before = digest(demo_path)
    assert main(["restore", str(demo_path), str(bogus)]) == 1
    assert "not an ljtracker workbook" in capsys.readouterr().err
    assert digest(demo_path) == before
    assert main(["restore", str(demo_path), "no-such-backup.ljt"]) == 1
    assert "no such backup" in capsys.readouterr().err
    assert main(["restore", str(demo_path), str(demo_path)]) == 1
    assert "the workbook itself" in capsys.readouterr().err
    assert digest(demo_path) == before


def test_restore_refuses_another_workbook_unless_asked(
    demo_path: Path, tmp_path: Path, digest: Digest, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.ljt"
    write_demo(other)  # made apart: its history began apart
    editing_args = ["record", str(other), "LJ2025", "LJ-GDP", "2022", "4,999"]
    assert main(editing_args) == 0
    capsys.readouterr()
    before = digest(demo_path)
    assert main(["restore", str(demo_path), str(other)]) == 1
    err = capsys.readouterr().err
    assert "other.ljt is not a backup of demo.ljt: its history began at" in err
    assert "--other-workbook" in err
    assert main(["restore", str(demo_path), str(other), "--lang", "zh"]) == 1
    err = capsys.readouterr().err
    assert "不是 demo.ljt 的备份" in err and "（创建示例工作簿）" in err and "Create" not in err
    assert digest(demo_path) == before
    assert main(["restore", str(demo_path), str(other), "--other-workbook"]) == 0
    assert "Restored" in capsys.readouterr().out
    assert main(["status", str(demo_path), "--plan", "LJ2025", "--format", "json"]) == 0
    assert '"value": 4999.0' in capsys.readouterr().out


def test_a_damaged_workbook_is_replaced_by_its_backup_and_kept(
    demo_path: Path, digest: Digest, capsys: pytest.CaptureFixture[str]
) -> None:
    with safety.open_for_writing(demo_path) as wb:
        before = figures(wb)
    backup = list_backups(demo_path)[0]
    damaged = bytearray(demo_path.read_bytes())
    damaged[4096 * 3 : 4096 * 3 + 64] = b"\xff" * 64
    demo_path.write_bytes(bytes(damaged))
    damaged_digest = digest(demo_path)
    assert main(["restore", str(demo_path), str(backup.path)]) == 0
    out = capsys.readouterr().out
    assert "damaged" in out
    kept = [p for p in demo_path.parent.iterdir() if "-damaged-" in p.name]
    assert len(kept) == 1 and digest(kept[0]) == damaged_digest
    with Workbook.open(demo_path) as restored:
        assert figures(restored) == before


def test_workbooks_named_alike_keep_their_backups_apart(demo_path: Path) -> None:
    """plan.ljt's backup stood for plan.db's too: plan.db made none of its own, and once
    damaged was offered plan.ljt's as its newest good backup."""
    other = demo_path.with_suffix(".db")
    other.write_bytes(demo_path.read_bytes())
    with safety.open_for_writing(demo_path):
        pass
    assert safety.newest_good_backup(other) is None
    with safety.open_for_writing(other):
        pass
    ours, theirs = list_backups(demo_path), list_backups(other)
    assert len(ours) == len(theirs) == 1 and ours[0].path != theirs[0].path
    assert safety.newest_good_backup(other) == theirs[0]


def test_a_workbook_named_without_a_suffix_keeps_its_backups_from_its_namesake(
    demo_path: Path,
) -> None:
    """demo (no suffix) keeps its backups in the folder where earlier versions kept
    demo.ljt's: demo.ljt took them for its own, counted them, thinned them, and offered one
    to replace itself when damaged."""
    bare = demo_path.with_suffix("")
    bare.write_bytes(demo_path.read_bytes())
    with safety.open_for_writing(bare):
        pass
    (theirs,) = list_backups(bare)
    assert list_backups(demo_path) == []
    assert safety.newest_good_backup(demo_path) is None
    with safety.open_for_writing(demo_path):
        pass
    assert [b.path for b in list_backups(bare)] == [theirs.path]
    assert len(list_backups(demo_path)) == 1


@pytest.mark.parametrize("suffix", [".ljt", ".LJT"])
def test_backups_an_earlier_version_kept_by_the_stem_are_still_found(
    demo_path: Path, suffix: str
) -> None:
    demo_path = demo_path.rename(demo_path.with_suffix(suffix))
    with safety.open_for_writing(demo_path):
        pass
    (made,) = list_backups(demo_path)
    earlier = demo_path.parent / ".ljtracker-backups" / demo_path.stem
    earlier.mkdir()
    moved = made.path.rename(earlier / made.path.name)
    assert [b.path for b in list_backups(demo_path)] == [moved]
    assert safety.find_backup(demo_path, moved.name) == moved
    demo_path.with_suffix("").mkdir()  # a folder named like the stem is no namesake
    assert [b.path for b in list_backups(demo_path)] == [moved]
    assert list_backups(demo_path.with_suffix(".db")) == []


def test_backups_of_a_missing_workbook_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backups", str(tmp_path / "missing.ljt")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_a_restore_after_a_rename_reads_as_a_rename_in_the_history(demo_path: Path) -> None:
    with safety.open_for_writing(demo_path) as wb:
        backup = safety.backup_before(wb, "manual")
        assert backup is not None
        gdp = reads.targets(wb)[0]
        assert gdp.id is not None
        editing.update_target(wb, replace(gdp, code="RENAMED"), ChangeName("Rename"))
        restored = restore_backup(wb, backup.path, ChangeName("Restore"))
        revisions = revisions_of_change(wb, restored.changes.change_id)
        assert [(r.entity, r.action, r.entity_id) for r in revisions] == [
            (Entity.TARGET, "update", gdp.id)
        ]
        assert revisions[0].new is not None and revisions[0].new["code"] == gdp.code


@pytest.mark.usefixtures("ids_used_again")
def test_a_restore_keeps_each_targets_history_to_its_own_figures(demo_path: Path) -> None:
    """A figure's number is used again once the newest is deleted: the restore rewrote that
    row from one target's figure to another's, and each history showed the other's values."""
    from ljtracker.storage.history import revisions_of_target

    with safety.open_for_writing(demo_path) as wb:
        backup = safety.backup_before(wb, "manual")
        assert backup is not None
        then = snapshot(wb)
        newest = max(reads.observations(wb), key=lambda o: o.id or 0)
        editing.set_observations(
            wb, [ObservationEntry(newest.target_id, newest.year, None)], ChangeName("Delete")
        )
        gdp = gdp_id(wb)
        assert gdp != newest.target_id
        editing.set_observations(wb, [ObservationEntry(gdp, 2024, 4800.0)], ChangeName("Add"))
        reused = max(reads.observations(wb), key=lambda o: o.id or 0)
        assert (reused.id, reused.target_id) == (newest.id, gdp)  # the number used again

        restored = restore_backup(wb, backup.path, ChangeName("Restore"))

        assert snapshot(wb) == then and wb.integrity_problems() == []
        mine = [
            r for r in revisions_of_target(wb, gdp) if r.change_id == restored.changes.change_id
        ]
        assert [(r.action, (r.old or {}).get("value")) for r in mine] == [("delete", 4800.0)]
        theirs = [
            r
            for r in revisions_of_target(wb, newest.target_id)
            if r.change_id == restored.changes.change_id
        ]
        assert [(r.action, (r.new or {}).get("value")) for r in theirs] == [
            ("insert", newest.value)
        ]


def test_backups_of_a_renamed_workbook_are_pointed_to(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Renamed, a workbook's backups stay under its former name: `backups` said "no backups
    yet" with two beside it, in the way of any recovery."""
    with Workbook.open(demo_path) as wb:
        safety.backup_before(wb, BackupReason.MANUAL)
    renamed = demo_path.with_name("plan 2025 final.ljt")
    demo_path.rename(renamed)
    assert main(["backups", str(renamed), "--lang", "en"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{renamed}: no backups yet"
    folder = demo_path.parent / ".ljtracker-backups" / demo_path.name
    assert err[1].startswith(f"{folder} holds backups of a workbook named {demo_path.name}")
    other = demo_path.with_name("other.ljt")
    other.write_bytes(renamed.read_bytes())
    with Workbook.open(other) as wb:  # a workbook still there keeps its backups to itself
        safety.backup_before(wb, BackupReason.MANUAL)
    assert main(["backups", str(renamed), "--lang", "en"]) == 0
    assert len(capsys.readouterr().err.splitlines()) == 2


def test_backups_of_a_file_that_is_not_a_workbook_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said "no backups yet" and exited 0, as for a workbook."""
    text = tmp_path / "notes.ljt"
    text.write_text("minutes of the meeting\n")
    assert main(["backups", str(text), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "not an ljtracker workbook" in err and "no backups yet" not in err
