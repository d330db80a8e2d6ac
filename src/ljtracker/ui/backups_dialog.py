"""File ▸ Backups…: the open workbook's backups, and restoring one of them."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ljtracker.domain import change_names as names
from ljtracker.services import safety
from ljtracker.services.restoring import changes_since, restore_backup
from ljtracker.storage.backup import Backup, BackupReason, backup_folder, list_backups
from ljtracker.storage.history import ChangeSummary, moment_text
from ljtracker.storage.workbook import WorkbookError
from ljtracker.ui import i18n
from ljtracker.ui.session import Session

translate = QCoreApplication.translate
SHOWN_CHANGES = 5  # of those a restore takes back, named in its question


def reason_label(reason: str) -> str:
    labels: dict[str, str] = {
        BackupReason.DAILY: translate("BackupsDialog", "Daily"),
        BackupReason.BEFORE_IMPORT: translate("BackupsDialog", "Before an import"),
        BackupReason.BEFORE_DELETE: translate("BackupsDialog", "Before a deletion"),
        BackupReason.BEFORE_MIGRATION: translate("BackupsDialog", "Before an upgrade of the file"),
        BackupReason.BEFORE_RESTORE: translate("BackupsDialog", "Before a restore"),
        BackupReason.MANUAL: translate("BackupsDialog", "Made by hand"),
    }
    return labels.get(reason, reason)


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return translate("BackupsDialog", "{n} KB").format(n=max(1, round(size / 1024)))
    return translate("BackupsDialog", "{n} MB").format(n=f"{size / 1024 / 1024:.1f}")


def when_text(taken: datetime.datetime, today: datetime.date) -> str:
    clock = f"{taken:%H:%M}"
    if taken.date() == today:
        return translate("BackupsDialog", "Today {time}").format(time=clock)
    if taken.date() == today - datetime.timedelta(days=1):
        return translate("BackupsDialog", "Yesterday {time}").format(time=clock)
    return f"{taken:%Y-%m-%d} {clock}"


class BackupsDialog(QDialog):
    """Lists the backups, newest first; Restore asks, restores, and reloads the window."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.restored: Backup | None = None
        self._backups: list[Backup] = []
        self._since: list[list[ChangeSummary] | None] = []  # each backup's changes_since
        workbook = session.workbook
        self.setWindowTitle(self.tr("Backups of {name}").format(name=workbook.path.name))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.folder = QLabel()
        self.folder.setWordWrap(True)
        self.folder.setTextFormat(Qt.TextFormat.PlainText)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [self.tr("Time"), self.tr("Reason"), self.tr("Changes since"), self.tr("Size")]
        )
        self.table.headerItem().setToolTip(
            2, self.tr("Changes made after the backup was taken: those restoring it takes back")
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.setToolTip(
            self.tr("Put the selected backup in place of the workbook's current contents")
        )
        self.backup_button = QPushButton(self.tr("&Back Up Now"))
        self.backup_button.setToolTip(self.tr("Make a backup of the workbook as it is now"))
        self.folder_button = QPushButton(self.tr("Show &Folder"))
        self.folder_button.setToolTip(self.tr("Open the folder that holds the backups"))
        for button in (self.restore_button, self.backup_button, self.folder_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        self.backup_button.clicked.connect(self.back_up_now)
        self.folder_button.clicked.connect(self._show_folder)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.folder)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self.reload()

    def reload(self) -> None:
        workbook = self.session.workbook
        self._backups = list_backups(workbook.path)
        self._since = [changes_since(workbook, backup.path) for backup in self._backups]
        self.table.clear()
        today = datetime.date.today()
        for backup, since in zip(self._backups, self._since, strict=True):
            item = QTreeWidgetItem(
                [
                    when_text(backup.taken, today),
                    reason_label(backup.reason),
                    "—" if since is None else f"{len(since):,}",
                    size_text(backup.size),
                ]
            )
            for column in (2, 3):
                right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                item.setTextAlignment(column, right)
            if since is None:
                item.setToolTip(
                    2,
                    self.tr(
                        "Not known: the backup cannot be read (it may be damaged), or its"
                        " history is not this workbook's"
                    ),
                )
            item.setToolTip(0, f"{backup.taken:%Y-%m-%d %H:%M:%S}\n{backup.path}")
            self.table.addTopLevelItem(item)
        newest = self.table.topLevelItem(0)
        if newest is not None:
            self.table.setCurrentItem(newest)
        intro = self.tr(
            "Checked copies of the workbook, newest first. Restoring one is a change like any "
            "other: the history keeps every change before it, and Undo takes it back."
        )
        self.folder.setText(self.tr("Kept in {folder}").format(folder=backup_folder(workbook.path)))
        if not self._backups:
            intro += "\n\n" + self.tr("There are no backups yet.")
        if workbook.read_only:
            intro += "\n\n" + self.tr(
                "The workbook is open read-only, so nothing can be restored into it."
            )
        self.intro.setText(intro)
        self._update_buttons()

    def selected(self) -> Backup | None:
        item = self.table.currentItem()
        if item is None or not item.isSelected():
            return None
        return self._backups[self.table.indexOfTopLevelItem(item)]

    def _update_buttons(self) -> None:
        writable = not self.session.workbook.read_only
        self.restore_button.setEnabled(writable and self.selected() is not None)
        self.backup_button.setEnabled(writable)

    def _taken_back(self, since: list[ChangeSummary] | None) -> str:
        """What restoring takes back, named: the changes made since, newest first."""
        if since is None:
            return ""
        if not since:
            return self.tr("No change has been made since it was taken.")
        lang = self.session.lang
        lines = [
            f"• {moment_text(change.at)[:16]}  {change.name.text(lang)}"
            for change in since[:SHOWN_CHANGES]
        ]
        if len(since) > SHOWN_CHANGES:
            lines.append(self.tr("• and {n} earlier").format(n=f"{len(since) - SHOWN_CHANGES:,}"))
        heading = (
            self.tr("It takes back the change made since:")
            if len(since) == 1
            else self.tr("It takes back the {n} changes made since, newest first:").format(
                n=f"{len(since):,}"
            )
        )
        return "\n".join([heading, *lines])

    def _confirm(self, backup: Backup) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore the backup?"),
            self.tr("Restore the backup from {time}?").format(
                time=f"{backup.taken:%Y-%m-%d %H:%M}"
            ),
            parent=self,
        )
        how = self.tr(
            "The workbook will hold the plans, targets and figures it held then, as one "
            "change: the history keeps everything, Undo takes the restore back, and the "
            "workbook as it is now is backed up first."
        )
        taken_back = self._taken_back(self._since[self._backups.index(backup)])
        box.setInformativeText("\n\n".join(part for part in (taken_back, how) if part))
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None or self.session.workbook.read_only or not self._confirm(backup):
            return
        name = names.restore_backup(backup.path.name)  # its time and why it was made
        try:
            changes = self.session.apply(
                name, lambda wb: restore_backup(wb, backup.path, name).changes
            )
        except WorkbookError as e:
            QMessageBox.warning(
                self, self.tr("The backup was not restored"), i18n.error_text(e, self.session.lang)
            )
            return
        if changes.empty:
            QMessageBox.information(
                self,
                self.tr("Nothing to restore"),
                self.tr("The workbook holds what this backup holds; nothing was changed."),
            )
            return
        self.restored = backup
        self.accept()

    def back_up_now(self) -> None:
        try:
            safety.backup_before(self.session.workbook, BackupReason.MANUAL)
        except WorkbookError as e:
            QMessageBox.warning(
                self, self.tr("No backup was made"), i18n.error_text(e, self.session.lang)
            )
        self.reload()

    def _show_folder(self) -> None:
        folder = backup_folder(self.session.workbook.path)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_backups(parent: QWidget | None, session: Session) -> Backup | None:
    """File ▸ Backups…; returns the backup restored, or None."""
    dialog = BackupsDialog(session, parent)
    dialog.exec()
    return dialog.restored
