"""Workbook files: open, create, copy, the demo copy and where the window starts."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ljtracker.services import safety
from ljtracker.storage.atomic import OutputError
from ljtracker.storage.backup import (
    Backup,
    BackupsUnreadable,
    copy_refusal,
    copy_workbook,
)
from ljtracker.storage.workbook import Workbook, WorkbookError
from ljtracker.ui import i18n
from ljtracker.ui.app_settings import AppSettings, data_folder
from ljtracker.ui.open_guard import open_interactively, restore_deleted

SUFFIX = ".ljt"
DEMO_FILE_NAME = "demo.ljt"
translate = QCoreApplication.translate


def workbook_filter() -> str:
    return translate("FileOps", "ljtracker workbooks (*.ljt)")


def open_workbook_file(parent: QWidget | None, path: str | Path) -> Workbook | None:
    """The one way the window opens a workbook: to change it under the writer's lock (with a
    daily backup), else read-only or from a backup if the user agrees; None, with the reason
    shown, when it was not opened."""
    return open_interactively(parent, path)


def ask_open_path(parent: QWidget | None, start: str = "") -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, translate("FileOps", "Open Workbook"), start, workbook_filter()
    )
    return Path(path) if path else None


def with_suffix(path: str | Path) -> Path:
    path = Path(path)
    return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)


def _ask_save_path(parent: QWidget | None, title: str, start: str) -> Path | None:
    # Overwriting is refused later with a clear message, so the dialog need not ask.
    path, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        start,
        workbook_filter(),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return with_suffix(path) if path else None


def create_workbook(parent: QWidget | None, path: Path) -> Workbook | None:
    """Create an empty workbook at `path`, then open it the usual way."""
    try:
        Workbook.create(path).close()
    except WorkbookError as e:
        QMessageBox.warning(
            parent,
            translate("FileOps", "Cannot create the workbook"),
            i18n.error_text(e, i18n.current_language()),
        )
        return None
    return open_workbook_file(parent, path)


def new_workbook(parent: QWidget | None, start: str = "") -> Workbook | None:
    path = _ask_save_path(parent, translate("FileOps", "New Workbook"), start)
    return None if path is None else create_workbook(parent, path)


def write_copy(workbook: Workbook, destination: str | Path) -> Path:
    """Save a checked copy of the open workbook as `destination` (`.ljt` added if missing)."""
    return copy_workbook(workbook.conn, workbook.path, with_suffix(destination))


def may_replace(parent: QWidget | None, title: str, path: Path) -> bool:
    """Whether the user agrees to replace the existing file `path` (No is the default)."""
    answer = QMessageBox.question(
        parent,
        title,
        translate("FileOps", "{name} already exists. Do you want to replace it?").format(
            name=path.name
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def save_copy_as(parent: QWidget | None, workbook: Workbook) -> Path | None:
    # dated, not "… copy": a sync service's conflicted copies are named so, and the
    # workbook's next opening would warn of this one among them
    today = datetime.date.today().isoformat()
    start = str(workbook.path.with_name(f"{workbook.path.stem} {today}{SUFFIX}"))
    path = _ask_save_path(parent, translate("FileOps", "Save a Copy As"), start)
    if path is None:
        return None
    try:
        if path.exists() and path.resolve() != workbook.path.resolve():
            refusal = copy_refusal(with_suffix(path))  # said before asking to replace it
            if refusal is not None:
                raise refusal
            if not may_replace(parent, translate("FileOps", "Save a Copy As"), path):
                return None
        return write_copy(workbook, path)
    except (OutputError, WorkbookError) as e:
        QMessageBox.warning(
            parent,
            translate("FileOps", "The copy was not saved"),
            i18n.error_text(e, i18n.current_language()),
        )
        return None


def demo_copy_path() -> Path:
    return data_folder() / DEMO_FILE_NAME


def ensure_demo_copy() -> Path:
    """The user's own copy of the demo workbook, written on first use, its notes and sources
    in the window's language."""
    path = demo_copy_path()
    if not path.exists():
        from ljtracker.services.demo import write_demo  # its data is read only for this

        path.parent.mkdir(parents=True, exist_ok=True)
        write_demo(path, i18n.current_language())
    return path


@dataclass(frozen=True)
class StartChoice:
    path: Path | None  # None: show the empty start page
    note: str = ""  # why the window did not open what the user might expect


def start_choice(args: list[str], settings: AppSettings) -> StartChoice:
    """What to open at start: the path given, else the last workbook, else the demo copy."""
    if args:
        return StartChoice(Path(args[0]))
    last = settings.last_workbook()
    if last is None:
        return StartChoice(ensure_demo_copy())
    if not last:
        return StartChoice(None)
    if not Path(last).exists():
        if _folder_away(last):
            note = translate(
                "FileOps",
                "The last workbook, {path}, cannot be reached: its folder is not there (a"
                " network share or removable drive may be away). It stays in the recent files.",
            )
        elif isinstance(backup := _newest_good_backup(last), BackupsUnreadable):
            note = translate(
                "FileOps",
                "The last workbook, {path}, no longer exists. It stays in the recent files, as"
                " its backups cannot be read now:",
            )
            reason = i18n.error_text(backup, i18n.current_language())
            return StartChoice(None, f"{note.format(path=last)}\n{reason}")
        elif backup is not None:
            note = translate(
                "FileOps",
                "The last workbook, {path}, no longer exists. It has a backup: choose it in"
                " File ▸ Open Recent to restore it.",
            )
        else:
            settings.remove_recent(last)
            note = translate("FileOps", "The last workbook, {path}, no longer exists.")
        return StartChoice(None, note.format(path=last))
    return StartChoice(Path(last))


def _newest_good_backup(path: str) -> Backup | BackupsUnreadable | None:
    try:
        return safety.newest_good_backup(path)
    except BackupsUnreadable as e:
        return e


def _folder_away(path: str) -> bool:
    """Whether a missing file's folder is missing too: a share or drive away for now, not a
    workbook deleted or moved."""
    return not Path(path).parent.is_dir()


def missing_recent(parent: QWidget | None, settings: AppSettings, path: str) -> bool:
    """Say that a recent workbook is not there, offering its newest good backup in its place
    when it has one: True when the backup was put there, to be opened. It is forgotten when
    gone without a backup, kept while only its folder is away or a backup is declined."""
    if _folder_away(path):
        title = translate("FileOps", "Workbook not reachable")
        text = translate(
            "FileOps",
            "{path} cannot be reached: its folder is not there. If it is on a network share or"
            " a removable drive, connect it and try again; it stays in the recent files.",
        )
    else:
        restored = restore_deleted(parent, Path(path))
        if restored is not None:
            return restored
        settings.remove_recent(path)
        title = translate("FileOps", "Workbook not found")
        text = translate(
            "FileOps", "{path} no longer exists, so it was removed from the recent files."
        )
    QMessageBox.information(parent, title, text.format(path=path))
    return False


class StartPage(QWidget):
    """What the window shows with no workbook open: open one, make one, or try the demo."""

    def __init__(
        self,
        open_file: Callable[[], None],
        new_file: Callable[[], None],
        open_demo: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._title = QLabel()
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self._title.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._buttons = [QPushButton(), QPushButton(), QPushButton()]
        for button, slot in zip(self._buttons, (open_file, new_file, open_demo), strict=True):
            button.clicked.connect(slot)
        row = QHBoxLayout()
        row.addStretch()
        for button in self._buttons:
            row.addWidget(button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self._title)
        layout.addWidget(self.note)
        layout.addLayout(row)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.tr("No workbook is open"))
        texts = (self.tr("&Open…"), self.tr("&New…"), self.tr("Open the &Demo Workbook"))
        tips = (
            self.tr("Open a workbook file"),
            self.tr("Create a new, empty workbook file"),
            self.tr("Open your copy of the demo workbook: four real plans with sourced figures"),
        )
        for button, text, tip in zip(self._buttons, texts, tips, strict=True):
            button.setText(text)
            button.setToolTip(tip)
