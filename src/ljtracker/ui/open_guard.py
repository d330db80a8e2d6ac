"""Opening a workbook from the window: the writer's lock, damaged files, risky locations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ljtracker.services import safety
from ljtracker.storage.backup import (
    Backup,
    BackupFailed,
    BackupsUnreadable,
    backups_of_others_gone,
)
from ljtracker.storage.location import Location, examine
from ljtracker.storage.lock import LockHolder, NotWritable, WorkbookLocked
from ljtracker.storage.workbook import Workbook, WorkbookDamaged, WorkbookError
from ljtracker.ui import i18n

translate = QCoreApplication.translate
_warned: set[Path] = set()


def _reason(error: Exception) -> str:
    return i18n.error_text(error, i18n.current_language())


def open_interactively(parent: QWidget | None, path: str | Path) -> Workbook | None:
    """Open a workbook to change it, or read-only, or from its newest good backup, asking the
    user where a choice is needed; None when it was not opened (the user was told why)."""
    path = Path(path)
    warn_about_location(parent, path)
    try:
        return safety.open_for_writing(path)
    except WorkbookLocked as e:
        in_use = translate("OpenGuard", "Workbook in use")
        return _offer_read_only(parent, path, in_use, _locked_text(path, e.holder))
    except (NotWritable, BackupFailed) as e:
        text = translate("OpenGuard", "{name} cannot be changed here:\n{reason}").format(
            name=path.name, reason=_reason(e)
        )
        title = translate("OpenGuard", "Workbook cannot be changed here")
        return _offer_read_only(parent, path, title, text)
    except WorkbookDamaged as e:
        return _offer_backup(parent, path, e)
    except WorkbookError as e:
        _tell(parent, _not_opened(e))
        return None


def _locked_text(path: Path, holder: LockHolder | None) -> str:
    if holder is None:
        return translate("OpenGuard", "{name} is open for changes in another program.").format(
            name=path.name
        )
    text = translate(
        "OpenGuard", "{name} is open for changes by {user} on {host} (process {pid}) since {since}."
    ).format(
        name=path.name,
        user=holder.user,
        host=holder.host,
        pid=holder.pid,
        since=holder.since(),
    )
    if not holder.is_here():
        text += "\n\n" + translate(
            "OpenGuard",
            "If that computer no longer has it open, delete the lock file {lock} and open "
            "the workbook again.",
        ).format(lock=path.name + ".lock")
    return text


def _offer_read_only(parent: QWidget | None, path: Path, title: str, text: str) -> Workbook | None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setInformativeText(
        translate(
            "OpenGuard",
            "You can open it read-only: you see every figure, but cannot change anything.",
        )
    )
    read_only = box.addButton(
        translate("OpenGuard", "Open &Read-Only"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    box.exec()
    if box.clickedButton() is not read_only:
        return None
    try:
        return Workbook.open(path, read_only=True)
    except WorkbookError as e:
        _tell(parent, _not_opened(e))
        return None


def _offer_backup(parent: QWidget | None, path: Path, error: WorkbookDamaged) -> Workbook | None:
    try:
        backup = safety.newest_good_backup(path)
    except BackupsUnreadable:
        backup = None
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("OpenGuard", "Damaged workbook"),
        translate(
            "OpenGuard", "{name} is damaged and was not opened; nothing was written to it."
        ).format(name=path.name),
        parent=parent,
    )
    box.setDetailedText(_reason(error))
    if backup is None:
        box.setInformativeText(_no_backup_text(path))
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()
        return None
    replaced = translate(
        "OpenGuard",
        "The newest good backup is from {time}. Restore it? The damaged file is kept "
        "beside it under another name.",
    )
    if not _ask_restore(box, backup, replaced) or not _restored(parent, path, backup):
        return None
    try:
        return safety.open_for_writing(path)
    except WorkbookError as e:
        _tell(parent, _not_opened(e))
        return None


def _restored(parent: QWidget | None, path: Path, backup: Backup) -> bool:
    """Put the backup in place of the workbook; False (the user told why) when it failed."""
    try:
        safety.restore_damaged(path, backup.path)
    except WorkbookError as e:
        _tell(
            parent,
            translate("OpenGuard", "The backup was not restored:\n{reason}").format(
                reason=_reason(e)
            ),
        )
        return False
    return True


def _no_backup_text(path: Path) -> str:
    """That there is no backup under the workbook's name, and where the backups of one
    renamed may be: they stay under the name it had."""
    said = [translate("OpenGuard", "There is no backup of it to restore.")]
    for folder in backups_of_others_gone(path):
        said.append(
            translate(
                "OpenGuard",
                "{folder} holds backups of a workbook named {name}, no longer there: if that was"
                " this workbook's name before, its backups are there, each a workbook that"
                " File ▸ Open opens.",
            ).format(folder=folder, name=folder.name)
        )
    return "\n\n".join(said)


def restore_deleted(parent: QWidget | None, path: Path) -> bool | None:
    """Offer the newest good backup of a workbook no longer there, to put in its place: True
    when it was put there (to be opened), False when not, None when there is none to offer."""
    backup = safety.newest_good_backup(path)
    if backup is None:
        return None
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("OpenGuard", "Workbook not found"),
        translate("OpenGuard", "{path} no longer exists.").format(path=path),
        parent=parent,
    )
    in_place = translate(
        "OpenGuard",
        "Its newest good backup is from {time}. Restore it in the workbook's place and open"
        " it? Changes made after the backup are not in it.",
    )
    return _ask_restore(box, backup, in_place) and _restored(parent, path, backup)


def _ask_restore(box: QMessageBox, backup: Backup, question: str) -> bool:
    """Ask `question` (naming the backup's {time}) with a button that restores it."""
    box.setInformativeText(question.format(time=f"{backup.taken:%Y-%m-%d %H:%M}"))
    restore = box.addButton(
        translate("OpenGuard", "&Restore the Backup"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def _not_opened(error: WorkbookError) -> str:
    return translate("OpenGuard", "The workbook was not opened:\n{reason}").format(
        reason=_reason(error)
    )


def _tell(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, translate("OpenGuard", "Cannot open the workbook"), text)


def location_text(location: Location, path: Path) -> str:
    paragraphs = []
    if location.network:
        paragraphs.append(
            translate(
                "OpenGuard",
                "{name} is on a network share ({kind}). Locking and saving over a network are "
                "not always reliable: work on a copy on this computer when you can.",
            ).format(name=path.name, kind=location.network)
        )
    if location.cloud:
        paragraphs.append(
            translate(
                "OpenGuard",
                "{name} is in a {service} folder. Sync services can copy the file while it "
                "is being changed, and make conflicted copies when two computers change it: "
                "close the workbook before another computer opens it.",
            ).format(name=path.name, service=location.cloud)
        )
    if location.conflicted_copies:
        names = "\n".join(f"  {p.name}" for p in location.conflicted_copies)
        paragraphs.append(
            translate(
                "OpenGuard",
                "Beside it are files that look like conflicted copies made by a sync "
                "service; figures entered in them are not in this workbook:\n{names}",
            ).format(names=names)
        )
    return "\n\n".join(paragraphs)


def warn_about_location(parent: QWidget | None, path: Path) -> None:
    """Warn once per workbook and run about network shares, sync folders, conflicted copies."""
    resolved = path.resolve()
    if resolved in _warned or not path.exists():
        return
    _warned.add(resolved)
    location = examine(resolved)
    if location.worrying:
        QMessageBox.warning(
            parent,
            translate("OpenGuard", "Where this workbook lives"),
            location_text(location, path),
        )
