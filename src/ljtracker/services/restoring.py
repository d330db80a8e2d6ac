"""Restoring a backup as a change: the workbook gets back what the backup holds, and keeps its
history, in which the restore is one more change that undoes like any other."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

from ljtracker.domain.change_names import ChangeName
from ljtracker.services.changes import Changes
from ljtracker.services.safety import backup_before
from ljtracker.storage.backup import Backup, BackupReason, last_change, verify
from ljtracker.storage.history import (
    ChangeSummary,
    change_summary,
    moment_text,
    summaries_after,
)
from ljtracker.storage.os_reasons import reason_en, reason_zh
from ljtracker.storage.workbook import Workbook, WorkbookError
from ljtracker.storage.writer import ChangeWriter, Entity

# What a backup gives back, parents before children.
RESTORED = (Entity.PLAN, Entity.AREA, Entity.TARGET, Entity.OBSERVATION, Entity.SETTING)
# Columns no two rows may share: a row whose key the restore changes is renamed when its new
# key is free, else (rows that swap keys) taken out and put back.
_KEYS = {
    Entity.PLAN: ("code",),
    Entity.TARGET: ("plan_id", "code"),
    Entity.OBSERVATION: ("target_id", "year"),
    Entity.SETTING: ("key",),
}

# A figure is its target's figure of its year: a row whose target or year the restore changes
# is another figure (its number was used again), taken out and put back, so that each
# target's history shows its own figures only. Other rows keep their number when renamed.
_KEY_IS_IDENTITY = {Entity.OBSERVATION}

Row = dict[str, Any]
Rows = dict[Entity, dict[int, Row]]


def contents(wb: Workbook) -> Rows:
    """The plans, areas, targets, figures and settings the workbook holds, by id."""
    rows: Rows = {}
    for entity in RESTORED:
        cursor = wb.conn.execute(f"SELECT * FROM {entity.value} ORDER BY id")
        names = [column[0] for column in cursor.description]
        rows[entity] = {row[0]: dict(zip(names, row, strict=True)) for row in cursor}
    return rows


def first_change(wb: Workbook) -> ChangeSummary | None:
    """When the workbook's history began, and with what: a backup shares it with its workbook,
    another workbook does not."""
    row = wb.conn.execute("SELECT min(id) FROM change").fetchone()
    return None if row[0] is None else change_summary(wb, row[0])


def _which(change: ChangeSummary) -> tuple[str, str]:
    """What tells a change in a copy for the same change in the workbook: its time and its
    name as first recorded (a copy upgraded since may name it in Chinese too)."""
    return change.at, change.name.en


def backup_contents(backup: Path) -> tuple[Rows, ChangeSummary | None]:
    """The backup's plans, areas, targets, figures and settings, in today's format (a backup
    from before an upgrade is upgraded in a scratch copy; the backup itself is not touched),
    and the first change of its history."""
    verify(backup)
    try:
        with tempfile.TemporaryDirectory(prefix="ljtracker-restore-") as scratch:
            copy = Path(scratch) / backup.name
            shutil.copyfile(backup, copy)
            with Workbook.open(copy) as wb:
                return contents(wb), first_change(wb)
    except OSError as e:
        if e.filename is not None and Path(e.filename) == backup:
            raise WorkbookError(
                f"{backup}: cannot be read ({reason_en(e)}); nothing was restored",
                f"{backup}：无法读取（{reason_zh(e)}）；未恢复任何内容",
            ) from e
        folder = tempfile.gettempdir()  # full, or gone
        raise WorkbookError(
            f"{backup.name}: the restore reads it through a copy in the temporary folder"
            f" {folder}, which could not be written there ({reason_en(e)}); nothing was restored",
            f"{backup.name}：恢复时需先在临时文件夹 {folder} 中复制一份，但无法写入"
            f"（{reason_zh(e)}）；未恢复任何内容",
        ) from e


def changes_since(wb: Workbook, backup: Path) -> list[ChangeSummary] | None:
    """The workbook's changes made after the backup was taken, newest first: those restoring
    it takes back. None when that cannot be told: the backup cannot be read, or its last
    change is not the workbook's change of that number (another workbook's backup, or one
    taken before the workbook was replaced by an older copy)."""
    last = last_change(backup)
    if last is None:
        return None
    number, at, name = last
    if number:
        ours = change_summary(wb, number)
        if ours is None or _which(ours) != (at, name):
            return None
    return summaries_after(wb, number)


def _key(entity: Entity, row: Row) -> tuple[Any, ...]:
    return tuple(row[column] for column in _KEYS.get(entity, ()))


def _renames(entity: Entity, current: dict[int, Row], wanted: dict[int, Row]) -> list[int]:
    """The rows whose key the restore changes, in an order in which each new key is free when
    its row takes it; rows left out take each other's keys in a ring."""
    held = {_key(entity, row): row_id for row_id, row in current.items() if row_id in wanted}
    changing = [
        row_id
        for row_id, back in wanted.items()
        if row_id in current and _key(entity, back) != _key(entity, current[row_id])
    ]
    waiting = {_key(entity, wanted[row_id]): row_id for row_id in changing}  # for a held key
    ready = [row_id for row_id in changing if _key(entity, wanted[row_id]) not in held]
    order: list[int] = []
    while ready:
        row_id = ready.pop()
        freed = _key(entity, current[row_id])
        del held[freed]
        held[_key(entity, wanted[row_id])] = row_id
        order.append(row_id)
        if freed in waiting:  # the row that wanted this key may take it now
            ready.append(waiting.pop(freed))
    return order


def _write(w: ChangeWriter, now: Rows, then: Rows) -> None:
    removed: list[tuple[Entity, int]] = []
    updated: list[tuple[Entity, int, Row]] = []
    added: list[tuple[Entity, Row]] = []
    for entity in RESTORED:
        current, wanted = now[entity], then[entity]
        renamed = [] if entity in _KEY_IS_IDENTITY else _renames(entity, current, wanted)
        updated += [(entity, row_id, wanted[row_id]) for row_id in renamed]
        renamed_ids = set(renamed)
        for row_id, row in current.items():
            back = wanted.get(row_id)
            rekeyed = back is not None and _key(entity, back) != _key(entity, row)
            if back is None or (rekeyed and row_id not in renamed_ids):
                removed.append((entity, row_id))  # gone since, or in a ring of keys
                if back is not None:
                    added.append((entity, back))
            elif not rekeyed and row != back:
                updated.append((entity, row_id, back))
        added += [(entity, back) for row_id, back in wanted.items() if row_id not in current]
    for entity, row_id in reversed(removed):  # children first
        w.delete(entity, row_id)
    for entity, row_id, values in updated:
        w.update(entity, row_id, values)
    for entity, values in added:  # parents first
        w.insert(entity, values)


class NotABackup(WorkbookError):
    """The file named as a backup is another workbook; nothing was restored."""


class Restored(NamedTuple):
    changes: Changes  # empty when the workbook held what the backup holds
    saved: Backup | None  # the workbook as it was before


def restore_backup(
    wb: Workbook, backup: Path, name: ChangeName, *, other_workbook: bool = False
) -> Restored:
    """Give the workbook back the plans, areas, targets, figures and settings the backup holds,
    as one recorded change. The workbook as it is now is backed up first. A file whose history
    did not begin with the workbook's is another workbook: refused unless `other_workbook`."""
    if wb.read_only:
        raise WorkbookError(
            f"{wb.path}: opened read-only; nothing was restored",
            f"{wb.path}：以只读方式打开，未恢复任何内容",
        )
    then, begun = backup_contents(backup)
    ours = first_change(wb)
    if (
        not other_workbook
        and begun is not None
        and ours is not None
        and _which(begun) != _which(ours)
    ):
        theirs, own = moment_text(begun.at), moment_text(ours.at)
        raise NotABackup(
            f"{backup.name} is not a backup of {wb.path.name}: its history began at {theirs}"
            f" ({begun.name.text('en')}), the workbook's at {own} ({ours.name.text('en')});"
            " nothing was restored",
            f"{backup.name} 不是 {wb.path.name} 的备份：其修改记录始于 {theirs}"
            f"（{begun.name.text('zh')}），工作簿的始于 {own}（{ours.name.text('zh')}）；"
            "未恢复任何内容",
        )
    now = contents(wb)
    if now == then:
        return Restored(Changes(), None)
    saved = backup_before(wb, BackupReason.BEFORE_RESTORE)  # a copy: it changes no row
    with wb.change(name) as w:
        _write(w, now, then)
    return Restored(Changes.of(w), saved)
