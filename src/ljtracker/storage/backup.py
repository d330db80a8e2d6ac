"""Verified backups of a workbook through SQLite's online backup API, thinned as they age.

Backups live beside the workbook, in `<folder>/.ljtracker-backups/<workbook's file name>/`, so
they travel with it (a shared drive, a USB stick) and a colleague who opens the workbook sees the
same backups. Each backup is itself a workbook named
`<stem>_<YYYY-MM-DD>_<HHMMSS.fff>_<reason>.ljt`, written to a temporary file, checked like any
workbook being opened, then renamed into place.
"""

from __future__ import annotations

import datetime
import os
import re
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote

from ljtracker.storage.atomic import OutputError, atomic_output
from ljtracker.storage.lock import WorkbookLocked, WriterLock, held_message
from ljtracker.storage.os_reasons import reason_en, reason_zh, sqlite_reasons
from ljtracker.storage.workbook import Workbook, WorkbookError


class BackupFailed(WorkbookError):
    """No backup could be made where one is due: before a change, which is then not made."""


class BackupsUnreadable(WorkbookError):
    """A folder of a workbook's backups cannot be listed (its permissions, a failing disk)."""


BACKUP_FOLDER = ".ljtracker-backups"
SUFFIX = ".ljt"
KEEP_LAST = 10
DAILY_FOR = datetime.timedelta(days=14)
WEEKLY_FOR = datetime.timedelta(weeks=8)
_PARTIAL = ".partial"
_STALE_PARTIAL_SECONDS = 3600
_NAME = re.compile(
    r"^(?P<stem>.+)_(?P<date>\d{4}-\d{2}-\d{2})_(?P<time>\d{6}\.\d{3})_(?P<reason>[a-z-]+)\.ljt$"
)


class BackupReason(StrEnum):
    DAILY = "daily"
    BEFORE_IMPORT = "before-import"
    BEFORE_DELETE = "before-delete"
    BEFORE_MIGRATION = "before-migration"
    BEFORE_RESTORE = "before-restore"
    MANUAL = "manual"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime.datetime  # local time, with its offset
    reason: str
    size: int


def backup_folder(workbook: str | Path) -> Path:
    """The folder of the workbook's backups, named after its whole file name: "plan.ljt" and
    "plan.db" beside it are other workbooks, with backups of their own."""
    resolved = Path(workbook).resolve()
    return resolved.parent / BACKUP_FOLDER / resolved.name


def _folders(workbook: str | Path) -> list[Path]:
    """Where the workbook's backups may be: its folder, and for a name ending in .ljt the
    folder named after its stem alone, where earlier versions kept them, unless a file of
    that name beside it (a workbook named without a suffix) keeps its own there."""
    resolved = Path(workbook).resolve()
    folders = [backup_folder(resolved)]
    if resolved.suffix.lower() == SUFFIX and not resolved.with_suffix("").is_file():
        folders.append(resolved.parent / BACKUP_FOLDER / resolved.stem)
    return folders


def backups_of_others_gone(workbook: str | Path) -> list[Path]:
    """Backup folders beside the workbook whose own workbook is no longer there: where its
    backups are when it was renamed (they stay under the name it had)."""
    resolved = Path(workbook).resolve()
    parent = resolved.parent / BACKUP_FOLDER
    if not parent.is_dir():
        return []
    return sorted(
        folder
        for folder in parent.iterdir()
        if folder.is_dir()
        and not (resolved.parent / folder.name).exists()
        and not (resolved.parent / (folder.name + SUFFIX)).exists()  # earlier versions' folders
        and any(_parse(p) is not None for p in folder.iterdir() if p.suffix == SUFFIX)
    )


def _parse(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        t = match["time"]  # HHMMSS.fff
        naive = datetime.datetime.fromisoformat(f"{match['date']}T{t[:2]}:{t[2:4]}:{t[4:]}")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return Backup(path, naive.astimezone(), match["reason"], size)


def list_backups(workbook: str | Path) -> list[Backup]:
    """The workbook's backups, newest first. Raises BackupsUnreadable where a folder of them
    cannot be read."""
    found = [
        _parse(p)
        for folder in _folders(workbook)
        if folder.is_dir()
        for p in _listed(workbook, folder)
        if p.suffix == SUFFIX and p.is_file()
    ]
    return sorted((b for b in found if b is not None), key=lambda b: b.taken, reverse=True)


def _listed(workbook: str | Path, folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError as e:
        raise BackupsUnreadable(
            f"{workbook}: its backups in {folder} cannot be read ({reason_en(e)})",
            f"{workbook}：无法读取 {folder} 中的备份（{reason_zh(e)}）",
        ) from e


def has_backups(workbook: str | Path) -> bool:
    """Whether the workbook is known to have backups: not where they cannot be read."""
    try:
        return bool(list_backups(workbook))
    except BackupsUnreadable:
        return False


def backup_named(workbook: str | Path, name: str) -> Path | None:
    """The workbook's backup of that file name, if it has one."""
    found = [folder / name for folder in _folders(workbook) if (folder / name).is_file()]
    return found[0] if found else None


def newest_backup(workbook: str | Path) -> Backup | None:
    backups = list_backups(workbook)
    return backups[0] if backups else None


def verify(path: Path) -> None:
    """Raise WorkbookError unless `path` opens as a sound workbook (quick_check, application id)."""
    Workbook.open(path, read_only=True).close()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # folders cannot be synced on every system
    finally:
        os.close(fd)


def _copy(source: sqlite3.Connection, destination: Path) -> None:
    target = sqlite3.connect(destination)
    try:
        source.backup(target)
    finally:
        target.close()


def _copy_lock(destination: Path, *, own: bool = False) -> WriterLock | None:
    """The destination's writer lock; None when `own` and this very process holds it (the
    open workbook's, its file deleted: the copy puts it back)."""
    try:
        return WriterLock.acquire(destination)
    except WorkbookLocked as e:
        if own and e.holder is not None and e.holder.is_this_process():
            return None
        raise OutputError(
            *held_message(
                destination,
                e.holder,
                "it cannot be replaced while open there",
                "在那里关闭之前无法替换",
            )
        ) from e


def copy_refusal(destination: Path) -> OutputError | None:
    """Why a copy may not replace `destination` now (another program has it open for changes),
    to be said before the user is asked whether to replace it; None when it may be tried."""
    try:
        lock = _copy_lock(destination)
        assert lock is not None
        lock.release()
    except OutputError as refusal:
        return refusal
    except WorkbookError:  # a folder without the right to write: the copy itself will say
        return None
    return None


def copy_workbook(conn: sqlite3.Connection, workbook: Path, destination: Path) -> Path:
    """Copy the open workbook through the backup API to `destination`, checked before it lands.

    The destination's writer lock is held meanwhile: a workbook another program has open for
    changes is not replaced under it. The open workbook's own name, its file deleted while
    open, takes the copy (its lock, this window's own, is not taken again). Raises
    OutputError (the open workbook's own path, or a destination open elsewhere, naming who has
    it) or WorkbookError.
    """
    lock: WriterLock | None = None
    # the open workbook's own name, its file deleted while open: the copy puts it back
    put_back = destination.resolve() == workbook.resolve() and not destination.exists()
    try:
        with atomic_output(
            destination, protected=(workbook,), replaces_workbooks=True, put_back=put_back
        ) as temp:
            lock = _copy_lock(destination, own=put_back)  # once the folder is writable
            try:
                _copy(conn, temp)
            except sqlite3.Error as e:
                raise OutputError(
                    f"{destination}: the copy failed ({e})", f"{destination}：复制失败（{e}）"
                ) from e
            verify(temp)
    finally:
        if lock is not None:  # held until the copy has replaced the file
            lock.release()
    return destination


def _free_name(folder: Path, stem: str, reason: str) -> Path:
    moment = datetime.datetime.now()
    while True:
        stamp = moment.strftime("%Y-%m-%d_%H%M%S.") + f"{moment.microsecond // 1000:03d}"
        candidate = folder / f"{stem}_{stamp}_{reason}{SUFFIX}"
        if not candidate.exists():
            return candidate
        moment += datetime.timedelta(milliseconds=1)


def make_backup(
    conn: sqlite3.Connection, workbook: str | Path, reason: BackupReason | str
) -> Backup:
    """Copy the open workbook through the backup API, verify the copy, keep it."""
    reason = BackupReason(reason)
    folder = backup_folder(workbook)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        final = _free_name(folder, Path(workbook).resolve().stem, reason.value)
    except OSError as e:
        raise BackupFailed(
            f"{workbook}: no backup could be made in {folder} ({e}); nothing was changed",
            f"{workbook}：无法在 {folder} 中创建备份（{reason_zh(e)}）；未做任何更改",
        ) from e
    partial = final.with_name(f".{final.name}{_PARTIAL}")
    try:
        _copy(conn, partial)
        verify(partial)
        _fsync(partial)
        os.replace(partial, final)
        _fsync(folder)
    except (OSError, sqlite3.Error, WorkbookError) as e:
        if isinstance(e, WorkbookError):
            why_en, why_zh = str(e), e.message_zh
        elif isinstance(e, sqlite3.Error):
            why_en, why_zh = sqlite_reasons(e)  # a full disk with what to do
        else:
            why_en, why_zh = reason_en(e), reason_zh(e)
        raise BackupFailed(
            f"{workbook}: the backup could not be made in {folder} ({why_en}); nothing was changed",
            f"{workbook}：无法在 {folder} 中备份（{why_zh}）；未做任何更改",
        ) from e
    finally:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
    made = _parse(final)
    assert made is not None
    return made


def _bucket(taken: datetime.datetime, now: datetime.datetime) -> tuple[str, int, int, int]:
    age = now - taken
    if age < DAILY_FOR:
        return ("day", taken.year, taken.month, taken.day)
    if age < WEEKLY_FOR:
        year, week, _ = taken.isocalendar()
        return ("week", year, week, 0)
    return ("month", taken.year, taken.month, 0)


def backups_to_remove(backups: Sequence[Backup], now: datetime.datetime) -> list[Backup]:
    """Keep the last ten, then the newest of each day for 14 days, week for 8, month after."""
    ordered = sorted(backups, key=lambda b: b.taken, reverse=True)
    keep = set(ordered[:KEEP_LAST])
    buckets: set[tuple[str, int, int, int]] = set()
    for backup in ordered:
        bucket = _bucket(backup.taken, now)
        if bucket not in buckets:
            buckets.add(bucket)
            keep.add(backup)
    return [b for b in ordered if b not in keep]


def thin(workbook: str | Path) -> list[Backup]:
    """Delete the backups the thinning rule no longer keeps, and stale partial copies."""
    removed = backups_to_remove(list_backups(workbook), datetime.datetime.now().astimezone())
    for backup in removed:
        backup.path.unlink(missing_ok=True)
    partials = (f".*{_PARTIAL}", f".*{_PARTIAL}-journal")  # the latter a copy's, cut short
    for partial in (p for f in _folders(workbook) for pattern in partials for p in f.glob(pattern)):
        try:
            if time.time() - partial.stat().st_mtime > _STALE_PARTIAL_SECONDS:
                partial.unlink()
        except OSError:
            continue
    return removed


def last_change(backup: Path) -> tuple[int, str, str] | None:
    """The last change a backup's history holds: its number, time and English name, number 0
    when it holds none; None when it cannot be read (restoring it names the damage)."""
    try:
        conn = _read_only(backup)
        try:
            row = conn.execute(
                "SELECT id, at, description FROM change ORDER BY id DESC LIMIT 1"
            ).fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return None
    return (0, "", "") if row is None else (int(row[0]), str(row[1]), str(row[2]))


def _read_only(backup: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(backup.resolve()))}?mode=ro", uri=True)


def _open_source(backup: Path) -> sqlite3.Connection:
    verify(backup)
    return _read_only(backup)


def replace_damaged(workbook: str | Path, backup: Path) -> Path:
    """Put the backup in place of a workbook that cannot be opened; returns where the damaged
    file was kept (it is never deleted)."""
    path = Path(workbook).resolve()
    stamp = datetime.datetime.now().strftime("%Y-%m-%d_%H%M%S")
    kept = path.with_name(f"{path.stem}-damaged-{stamp}{path.suffix}")
    restoring = path.with_name(f".{path.name}.restoring")
    source = _open_source(backup)
    try:
        _copy(source, restoring)
        verify(restoring)
        _fsync(restoring)
        if path.exists():
            os.replace(path, kept)
        for leftover in ("-journal", "-wal", "-shm"):
            side = path.with_name(path.name + leftover)
            if side.exists():
                os.replace(side, kept.with_name(kept.name + leftover))
        os.replace(restoring, path)
        _fsync(path.parent)
    except (OSError, sqlite3.Error) as e:
        raise WorkbookError(
            f"{path}: could not be restored from {backup} ({e})",
            f"{path}：无法从 {backup} 恢复（{e}）",
        ) from e
    finally:
        source.close()
        restoring.unlink(missing_ok=True)
    return kept
