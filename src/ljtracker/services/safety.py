"""Opening a workbook to change it, and restoring it: one writer, checked, backed up.

`open_for_writing` is how the window and the command line open a workbook they will change:
it refuses a damaged or foreign file before anything is written, takes the writer's lock, backs
the workbook up before a migration and when the newest backup is more than a day old, and
protects the file from being overwritten by an output. Services that delete or import call
`backup_before(wb, reason)` first.
"""

from __future__ import annotations

import datetime
import os
import stat
from pathlib import Path

from ljtracker.domain.wording import command_word
from ljtracker.storage.backup import (
    Backup,
    BackupReason,
    backup_named,
    list_backups,
    make_backup,
    newest_backup,
    replace_damaged,
    thin,
    verify,
)
from ljtracker.storage.file_format import SCHEMA_VERSION
from ljtracker.storage.lock import NotWritable, WriterLock
from ljtracker.storage.workbook import Workbook, WorkbookError, stamped_version

BACKUP_EVERY = datetime.timedelta(days=1)


def _check_writable(path: Path) -> None:
    for place in (path, path.resolve().parent):
        if not (os.access(place, os.W_OK) and _not_marked_read_only(place)):
            raise NotWritable(
                f"{place}: is read-only, so the workbook can only be read (to change it, allow"
                " writing there, or copy the workbook to a folder you can write to)",
                f"{place}：是只读的，工作簿只能读取（如需修改，请开放写入权限，"
                "或将工作簿复制到可写入的文件夹）",
            )


def _not_marked_read_only(place: Path) -> bool:
    """False for a file or folder no one may write to (chmod a-w): the administrator may
    write there all the same, but it was marked so that it would not change."""
    try:
        return bool(place.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    except OSError:
        return True  # not there: opening it says so


def open_for_writing(path: str | Path, *, daily_backup: bool = True) -> Workbook:
    """Open a workbook to change it; closing it releases the lock.

    Raises WorkbookError: WorkbookDamaged, WorkbookLocked (naming the holder), NotWritable, or
    a plain WorkbookError for a file that is not a workbook or comes from a newer version.
    """
    path = Path(path)
    needs_migration = stamped_version(path) < SCHEMA_VERSION  # refuses a foreign file early
    _check_writable(path)
    lock = WriterLock.acquire(path)
    try:
        if needs_migration:
            with Workbook.open(path, read_only=True) as before:
                make_backup(before.conn, path, BackupReason.BEFORE_MIGRATION)
        wb = Workbook.open(path)
    except BaseException:
        lock.release()
        raise
    wb.on_close.append(lock.release)
    wb.before_change.append(lock.check_held)
    if daily_backup:
        try:
            backup_if_due(wb)
        except BaseException:
            wb.close()
            raise
    return wb


def backup_if_due(wb: Workbook, now: datetime.datetime | None = None) -> Backup | None:
    """Back up when the newest backup is more than a day old (or there is none)."""
    newest = newest_backup(wb.path)
    moment = now or datetime.datetime.now().astimezone()
    if newest is not None and moment - newest.taken < BACKUP_EVERY:
        return None
    return backup_before(wb, BackupReason.DAILY)


def backup_before(wb: Workbook, reason: BackupReason | str) -> Backup | None:
    """Back up the workbook before an import, a deletion, a restore; None for a workbook that
    is in memory or read-only (nothing will be changed). Raises WorkbookError when the backup
    cannot be made, so that the change does not go ahead without one."""
    if wb.identity is None or wb.read_only:
        return None
    backup = make_backup(wb.conn, wb.path, reason)
    thin(wb.path)
    return backup


def find_backup(workbook: str | Path, name: str | Path) -> Path:
    """A backup given by its path, or by its file name in the workbook's backup folder."""
    given = Path(name)
    found = given if given.is_file() else backup_named(workbook, given.name)
    if found is None:
        typed = command_word(str(workbook))
        raise WorkbookError(
            f"{name}: no such backup (see `ljtracker backups {typed}`)",
            f"{name}：没有这个备份（见 `ljtracker backups {typed}`）",
        )
    if Path(workbook).exists() and found.samefile(workbook):
        raise WorkbookError(
            f"{name}: that is the workbook itself; name one of its backups",
            f"{name}：这是工作簿本身；请指定它的某个备份",
        )
    return found


def restore_damaged(path: str | Path, backup: Path) -> Path:
    """Put the backup in place of a workbook that cannot be opened; returns where the damaged
    file was kept."""
    path = Path(path)
    lock = WriterLock.acquire(path)
    try:
        return replace_damaged(path, backup)
    finally:
        lock.release()


def newest_good_backup(path: str | Path) -> Backup | None:
    """Raises BackupsUnreadable where the backups' folder cannot be read."""
    for backup in list_backups(path):
        try:
            verify(backup.path)
        except WorkbookError:
            continue
        return backup
    return None
