"""The window's side of data safety: opening guarded, backups listed and restored."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from demo_targets import gdp_id
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Quality
from ljtracker.services import editing, safety
from ljtracker.storage import reads
from ljtracker.storage.backup import BACKUP_FOLDER, BackupsUnreadable, list_backups
from ljtracker.storage.workbook import Workbook
from ljtracker.storage.writer import current_user
from ljtracker.ui import app, file_ops, open_guard
from ljtracker.ui.actions import Act
from ljtracker.ui.app_settings import AppSettings
from ljtracker.ui.backups_dialog import BackupsDialog
from ljtracker.ui.main_window import MainWindow
from ljtracker.ui.session import Session

Holder = Callable[[Path], subprocess.Popen[str]]
Digest = Callable[[Path], str]


class ModalDriver:
    """Answers the modal dialogs the code under test opens, recording what they said."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.errors: list[str] = []

    def next(self, kind: type[QWidget], act: Callable[[Any], None]) -> None:
        def poll() -> None:
            widget = QApplication.activeModalWidget()
            if not isinstance(widget, kind) or not widget.isVisible():
                QTimer.singleShot(10, poll)
                return
            if isinstance(widget, QMessageBox):
                self.seen.append(f"{widget.text()}\n{widget.informativeText()}")
            try:
                act(widget)
            except Exception as e:  # never leave a modal dialog open: it would hang the test
                self.errors.append(repr(e))
                widget.close()

        QTimer.singleShot(0, poll)

    def click(self, label: str) -> None:
        def press(box: QMessageBox) -> None:
            for button in box.buttons():
                if button.text().replace("&", "") == label:
                    button.click()
                    return
            raise AssertionError(f"no button {label!r} in {[b.text() for b in box.buttons()]}")

        self.next(QMessageBox, press)


@pytest.fixture
def modal(qapp: QApplication) -> Iterator[ModalDriver]:
    driver = ModalDriver()
    yield driver
    assert driver.errors == []


def figures(wb: Workbook) -> list[tuple[int, int, float]]:
    return [(o.target_id, o.year, o.value) for o in reads.observations(wb)]


def set_gdp_2022(session: Session, value: float) -> None:
    entry = editing.ObservationEntry(gdp_id(session.workbook), 2022, value, Quality.OFFICIAL)
    session.apply(ChangeName("Set GDP 2022"), lambda wb: editing.set_observations(wb, [entry]))


def test_a_workbook_in_use_names_its_holder_and_opens_read_only(
    demo_path: Path, holder_process: Holder, modal: ModalDriver, user_dirs: Path
) -> None:
    child = holder_process(demo_path)
    modal.click("Open Read-Only")
    wb = open_guard.open_interactively(None, demo_path)
    assert wb is not None and wb.read_only
    wb.close()
    assert len(modal.seen) == 1
    for part in (current_user(), f"process {child.pid}", "read-only"):
        assert part in modal.seen[0]

    modal.click("Cancel")
    assert open_guard.open_interactively(None, demo_path) is None


def test_a_workbook_open_read_only_is_opened_again_with_what_was_written_since(
    demo_path: Path, holder_process: Holder, modal: ModalDriver, user_dirs: Path, qtbot: Any
) -> None:
    child = holder_process(demo_path)
    window = app.create_window([])
    qtbot.addWidget(window)
    modal.click("Open Read-Only")
    assert window.open_path(demo_path)
    assert window.session is not None and window.session.workbook.read_only
    with Workbook.open(demo_path) as other:  # what the program holding it writes
        entry = editing.ObservationEntry(gdp_id(other), 2022, 4321.0)
        editing.set_observations(other, [entry])
    child.kill()  # and then it stops (its lock left behind is taken over)
    child.wait(timeout=30)

    assert window.open_path(demo_path)  # File ▸ Open, or Recent, on the same file
    session = window.session
    assert session is not None and not session.workbook.read_only
    assert (gdp_id(session.workbook), 2022, 4321.0) in figures(session.workbook)
    assert window.open_path(demo_path) and window.session is session  # open for changes: kept
    window.close()


def test_a_workbook_whose_backup_cannot_be_made_opens_read_only_on_request(
    demo_path: Path, modal: ModalDriver, user_dirs: Path, digest: Digest
) -> None:
    (demo_path.parent / BACKUP_FOLDER).write_text("a file where the backups' folder goes")
    before = digest(demo_path)
    modal.click("Open Read-Only")
    wb = open_guard.open_interactively(None, demo_path)
    assert wb is not None and wb.read_only
    wb.close()
    (said,) = modal.seen
    assert "cannot be changed here" in said and "no backup could be made" in said
    assert digest(demo_path) == before


def test_a_damaged_workbook_offers_its_newest_good_backup(
    demo_path: Path, modal: ModalDriver, digest: Digest, user_dirs: Path
) -> None:
    with safety.open_for_writing(demo_path) as wb:
        before = figures(wb)
    data = bytearray(demo_path.read_bytes())
    data[4096 * 4 : 4096 * 4 + 32] = b"\x00" * 32
    demo_path.write_bytes(bytes(data))
    damaged = digest(demo_path)

    modal.click("Restore the Backup")
    restored = open_guard.open_interactively(None, demo_path)
    assert restored is not None and not restored.read_only
    with restored:
        assert figures(restored) == before
    assert "damaged" in modal.seen[0] and "newest good backup" in modal.seen[0]
    kept = [p for p in demo_path.parent.iterdir() if "-damaged-" in p.name]
    assert [digest(p) for p in kept] == [damaged]


def test_a_damaged_workbook_without_backups_is_left_alone(
    demo_path: Path, modal: ModalDriver, digest: Digest, user_dirs: Path
) -> None:
    data = bytearray(demo_path.read_bytes())
    data[4096 * 4 : 4096 * 4 + 32] = b"\x00" * 32
    demo_path.write_bytes(bytes(data))
    before = digest(demo_path)
    modal.click("OK")
    assert open_guard.open_interactively(None, demo_path) is None
    assert "no backup" in modal.seen[0]
    assert digest(demo_path) == before


def test_a_damaged_renamed_workbook_is_pointed_to_the_backups_under_its_former_name(
    demo_path: Path, modal: ModalDriver, user_dirs: Path
) -> None:
    safety.open_for_writing(demo_path).close()  # the day's backup, under the name it has
    renamed = demo_path.with_name("renamed.ljt")
    demo_path.rename(renamed)
    data = bytearray(renamed.read_bytes())
    data[4096 * 4 : 4096 * 4 + 32] = b"\x00" * 32
    renamed.write_bytes(bytes(data))
    modal.click("OK")
    assert open_guard.open_interactively(None, renamed) is None
    said = modal.seen[0]
    assert "There is no backup of it to restore." in said
    folder = renamed.parent / BACKUP_FOLDER / demo_path.name
    assert f"{folder} holds backups of a workbook named {demo_path.name}, no longer there" in said


def deleted_from_recent_files(demo_path: Path, qtbot: Any) -> tuple[MainWindow, Path]:
    """A window that opened the workbook (its day's backup taken), then another; the first
    workbook's file then deleted."""
    window: MainWindow = app.create_window([str(demo_path)])
    qtbot.addWidget(window)
    other = demo_path.with_name("other.ljt")
    other.write_bytes(demo_path.read_bytes())
    assert window.open_path(other)
    demo_path.unlink()
    return window, other


def test_a_deleted_recent_workbook_is_restored_from_its_newest_backup_when_asked(
    demo_path: Path, demo_template: Path, qtbot: Any, modal: ModalDriver, user_dirs: Path
) -> None:
    with Workbook.open(demo_template, read_only=True) as wb:
        before = figures(wb)
    window, _other = deleted_from_recent_files(demo_path, qtbot)
    modal.click("Restore the Backup")
    window.open_recent(str(demo_path.resolve()))
    (said,) = modal.seen
    assert f"{demo_path.resolve()} no longer exists." in said
    assert "Its newest good backup is from" in said
    assert window.session is not None and window.session.workbook.path == demo_path.resolve()
    assert not window.session.workbook.read_only
    assert figures(window.session.workbook) == before
    window.close()


def test_a_deleted_recent_workbook_s_backup_declined_leaves_it_listed_and_nothing_written(
    demo_path: Path, qtbot: Any, modal: ModalDriver, user_dirs: Path
) -> None:
    window, other = deleted_from_recent_files(demo_path, qtbot)
    modal.click("Cancel")
    window.open_recent(str(demo_path.resolve()))
    assert len(modal.seen) == 1 and not demo_path.exists()
    assert window.session is not None and window.session.workbook.path == other.resolve()
    assert str(demo_path.resolve()) in AppSettings().recent_files()  # offered again next time
    window.close()


def started_after_deleting(path: Path) -> tuple[file_ops.StartChoice, AppSettings]:
    """What the start chooses when the last workbook, also a recent one, was deleted."""
    path.unlink()
    settings = AppSettings()
    settings.set_last_workbook(path)
    settings.add_recent(path)
    return file_ops.start_choice([], settings), settings


def test_a_deleted_last_workbook_with_a_backup_is_kept_in_the_recent_files_to_restore(
    demo_path: Path, user_dirs: Path
) -> None:
    safety.open_for_writing(demo_path).close()  # the day's backup
    choice, settings = started_after_deleting(demo_path)
    assert choice.path is None
    assert "no longer exists. It has a backup: choose it in File ▸ Open Recent" in choice.note
    assert str(demo_path) in settings.recent_files()


def test_a_deleted_last_workbook_whose_backups_cannot_be_read_stays_in_the_recent_files(
    demo_path: Path, user_dirs: Path, backups_unreadable: None
) -> None:
    """A backups' folder that could not be listed raised from the start, before the window;
    then it was taken for no backup, and the workbook forgotten for good."""
    (demo_path.parent / BACKUP_FOLDER / demo_path.name).mkdir(parents=True)
    choice, settings = started_after_deleting(demo_path)
    assert choice.path is None
    folder = demo_path.parent / BACKUP_FOLDER / demo_path.name
    assert choice.note == (
        f"The last workbook, {demo_path}, no longer exists. It stays in the recent files, as its"
        f" backups cannot be read now:\n{demo_path}: its backups in {folder} cannot be read"
        " (Permission denied)"
    )
    assert str(demo_path) in settings.recent_files()


def test_a_deleted_recent_workbook_whose_backups_cannot_be_read_is_not_forgotten(
    demo_path: Path, user_dirs: Path, backups_unreadable: None
) -> None:
    """Open Recent took backups it could not read for none, and forgot the workbook; the
    reason now goes to the window's error message (as any refusal's)."""
    (demo_path.parent / BACKUP_FOLDER / demo_path.name).mkdir(parents=True)
    demo_path.unlink()
    settings = AppSettings()
    settings.add_recent(demo_path)
    with pytest.raises(BackupsUnreadable, match="cannot be read"):
        file_ops.missing_recent(None, settings, str(demo_path))
    assert str(demo_path) in settings.recent_files()


def test_open_recent_of_the_deleted_workbook_this_window_holds_points_to_save_a_copy(
    demo_path: Path, user_dirs: Path, qtbot: Any, modal: ModalDriver
) -> None:
    """It offered its backup, older than what the window held, and restoring it was refused
    as the workbook being open for changes by this very program."""
    window: MainWindow = app.create_window([str(demo_path)])
    qtbot.addWidget(window)
    assert window.session is not None
    demo_path.unlink()
    modal.click("OK")
    window.open_recent(str(demo_path))
    (said,) = modal.seen
    assert "this window still holds all it held, newer than any backup" in said
    assert "Save a Copy As" in said
    assert window.session is not None and window.session.workbook.is_gone()
    assert not demo_path.exists()  # no backup put in its place
    modal.click("Close Without Saving")  # asked, as what it holds is in no file now
    window.commands[Act.CLOSE].trigger()
    assert window.session is None


def test_a_last_workbook_whose_backups_cannot_be_read_is_refused_with_the_reason(
    demo_path: Path, user_dirs: Path, qtbot: Any, modal: ModalDriver, backups_unreadable: None
) -> None:
    """The day's backup listed them and raised PermissionError from the start: no window."""
    settings = AppSettings()
    settings.set_last_workbook(demo_path)
    modal.click("OK")
    window: MainWindow = app.create_window([])
    qtbot.addWidget(window)
    assert window.session is None
    folder = demo_path.parent / BACKUP_FOLDER / demo_path.name
    assert f"its backups in {folder} cannot be read (Permission denied)" in modal.seen[0]


def test_a_sync_folder_is_warned_about_once(
    tmp_path: Path, demo_template: Path, modal: ModalDriver, user_dirs: Path
) -> None:
    folder = tmp_path / "Dropbox" / "plans"
    folder.mkdir(parents=True)
    path = folder / "plan.ljt"
    path.write_bytes(demo_template.read_bytes())
    (folder / "plan (conflicted copy 2024-05-12).ljt").write_bytes(demo_template.read_bytes())
    modal.click("OK")
    open_guard.open_interactively(None, path).close()  # type: ignore[union-attr]
    assert len(modal.seen) == 1
    assert "Dropbox" in modal.seen[0] and "plan (conflicted copy 2024-05-12).ljt" in modal.seen[0]
    open_guard.open_interactively(None, path).close()  # type: ignore[union-attr]
    assert len(modal.seen) == 1, "once is enough"


def test_backups_dialog_restores_as_one_undoable_change(
    demo_path: Path, qtbot: Any, modal: ModalDriver, user_dirs: Path
) -> None:
    session = Session(safety.open_for_writing(demo_path))
    before = figures(session.workbook)
    set_gdp_2022(session, 4321)
    edited = figures(session.workbook)
    assert session.undo_stack.count() == 1
    emitted: list[Any] = []
    session.changed.connect(emitted.append)

    dialog = BackupsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.topLevelItemCount() == 1
    row = dialog.table.topLevelItem(0)
    assert row is not None and row.text(0).startswith("Today ")
    assert row.text(1) == "Daily" and row.text(2) == "1" and row.text(3).endswith("KB")
    dialog.grab().save("/tmp/safety-backups-dialog.png")
    dialog.table.setCurrentItem(row)
    modal.click("Restore")
    dialog.restore_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert figures(session.workbook) == before
    assert session.undo_stack.count() == 2  # the edit, then the restore
    assert len(emitted) == 1 and gdp_id(session.workbook) in emitted[0].target_ids
    assert "Restore the backup from" in modal.seen[0]
    assert "It takes back the change made since:\n• " in modal.seen[0]
    assert modal.seen[0].split("\n")[2].endswith("  Set the 2022 figure of LJ-GDP")
    assert [b.reason for b in list_backups(demo_path)] == ["before-restore", "daily"]
    session.undo_stack.undo()
    assert figures(session.workbook) == edited
    session.close()


def test_a_backup_that_cannot_be_read_says_why_its_changes_are_not_counted(
    demo_path: Path, qtbot: Any, user_dirs: Path
) -> None:
    """A damaged backup showed "—" among the counts, and nothing said why."""
    session = Session(safety.open_for_writing(demo_path))
    (backup,) = list_backups(demo_path)
    backup.path.write_bytes(backup.path.read_bytes()[:4096])
    dialog = BackupsDialog(session)
    qtbot.addWidget(dialog)
    row = dialog.table.topLevelItem(0)
    assert row is not None and row.text(2) == "—"
    assert row.toolTip(2).startswith("Not known: the backup cannot be read (it may be damaged)")
    session.close()


def test_backups_dialog_cannot_restore_into_a_read_only_workbook(
    demo_path: Path, qtbot: Any, user_dirs: Path
) -> None:
    with safety.open_for_writing(demo_path):
        pass
    session = Session(Workbook.open(demo_path, read_only=True))
    dialog = BackupsDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.table.topLevelItemCount() == 1
    assert not dialog.restore_button.isEnabled()
    assert "read-only" in dialog.intro.text()
    session.close()


def test_a_planner_restores_yesterdays_workbook_from_the_window(
    demo_path: Path, qtbot: Any, modal: ModalDriver, user_dirs: Path
) -> None:
    window: MainWindow = app.create_window([str(demo_path)])
    qtbot.addWidget(window)
    assert window.session is not None and not window.session.workbook.read_only
    yesterday = figures(window.session.workbook)
    set_gdp_2022(window.session, 9999)
    assert figures(window.session.workbook) != yesterday

    def choose_and_restore(dialog: BackupsDialog) -> None:
        dialog.grab().save("/tmp/safety-backups-from-window.png")
        item = dialog.table.topLevelItem(0)
        assert item is not None
        dialog.table.setCurrentItem(item)  # select
        modal.click("Restore")  # confirm
        dialog.restore_button.click()  # Restore

    modal.next(BackupsDialog, choose_and_restore)
    window.commands[Act.BACKUPS].trigger()  # File ▸ Backups…
    assert window.session is not None
    assert figures(window.session.workbook) == yesterday
    undo = window.commands[Act.UNDO]
    assert undo.isEnabled() and "Restore the backup demo_" in undo.text()  # which one
    undo.trigger()
    assert figures(window.session.workbook) != yesterday  # the 9999 is back
    window.grab().save("/tmp/safety-window-after-restore.png")
    window.close()


def test_restoring_a_backup_the_workbook_already_matches_says_so(
    demo_path: Path, qtbot: Any, modal: ModalDriver, user_dirs: Path
) -> None:
    session = Session(safety.open_for_writing(demo_path))
    dialog = BackupsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    row = dialog.table.topLevelItem(0)
    assert row is not None
    dialog.table.setCurrentItem(row)

    def confirm(box: QMessageBox) -> None:
        modal.click("OK")  # then acknowledge the message that follows
        next(b for b in box.buttons() if b.text().replace("&", "") == "Restore").click()

    modal.next(QMessageBox, confirm)
    dialog.restore_button.click()
    assert "nothing was changed" in modal.seen[-1]
    assert dialog.isVisible() and session.undo_stack.count() == 0
    session.close()


def test_closing_a_workbook_whose_file_was_deleted_offers_to_save_what_it_holds(
    demo_path: Path,
    qtbot: Any,
    modal: ModalDriver,
    user_dirs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Deleted (or replaced) while open, the file took with it every figure the window showed
    as saved: closing said nothing, and the figures were gone."""
    window: MainWindow = app.create_window([str(demo_path)])
    qtbot.addWidget(window)
    assert window.session is not None
    set_gdp_2022(window.session, 4500)
    demo_path.unlink()  # by another program
    kept = demo_path.with_name("kept.ljt")
    monkeypatch.setattr(file_ops, "save_copy_as", lambda _parent, wb: file_ops.write_copy(wb, kept))

    modal.click("Cancel")
    window.commands[Act.CLOSE].trigger()
    assert window.session is not None  # nothing lost: still open
    assert "was deleted, moved or replaced by another program" in modal.seen[0]

    modal.click("Save a Copy As…")
    window.commands[Act.CLOSE].trigger()
    assert window.session is None
    with Workbook.open(kept, read_only=True) as copy:
        assert (gdp_id(copy), 2022, 4500.0) in figures(copy)


def test_a_file_put_in_place_of_the_open_one_is_opened_when_asked(
    demo_path: Path, qtbot: Any, modal: ModalDriver, user_dirs: Path
) -> None:
    """Refused as "replaced while open (open it again to go on)", File ▸ Open of the same
    file did nothing: every change after was refused too."""
    window: MainWindow = app.create_window([str(demo_path)])
    qtbot.addWidget(window)
    session = window.session
    assert session is not None
    other = demo_path.with_name("other.ljt")
    other.write_bytes(demo_path.read_bytes())
    other.replace(demo_path)  # another copy put in its place

    assert window.open_path(demo_path)  # nothing made here to keep: not asked
    assert modal.seen == []

    assert window.session is not None and window.session is not session
    assert not window.session.workbook.is_gone()
    set_gdp_2022(window.session, 4600)  # taken, into the file now there
    with Workbook.open(demo_path, read_only=True) as now:
        assert (gdp_id(now), 2022, 4600.0) in figures(now)
    window.close()


def with_its_file_gone(demo_path: Path, qtbot: Any) -> MainWindow:
    """A window on the workbook, a figure changed there, then its file deleted elsewhere."""
    window: MainWindow = app.create_window([str(demo_path)])
    qtbot.addWidget(window)
    assert window.session is not None
    set_gdp_2022(window.session, 4500)
    demo_path.unlink()
    return window


def test_a_window_coming_back_to_a_workbook_whose_file_is_gone_says_so_once(
    demo_path: Path, qtbot: Any, modal: ModalDriver, user_dirs: Path
) -> None:
    window = with_its_file_gone(demo_path, qtbot)
    modal.click("OK")
    window._follow_other_writers()  # as when the window is active again
    window._follow_other_writers()
    (said,) = modal.seen
    assert "File ▸ Save a Copy As… keeps it" in said
    modal.click("Close Without Saving")
    window.close()
    assert window.session is None and len(modal.seen) == 2


def test_a_gone_file_is_said_once_whether_first_on_closing_or_coming_back(
    demo_path: Path, qtbot: Any, modal: ModalDriver, user_dirs: Path
) -> None:
    window = with_its_file_gone(demo_path, qtbot)
    modal.click("Cancel")
    window.commands[Act.CLOSE].trigger()
    window._follow_other_writers()  # back in the window: it was just said
    assert len(modal.seen) == 1 and window.session is not None
    modal.click("Close Without Saving")
    window.close()


def test_a_deleted_file_s_contents_are_offered_to_be_kept_though_nothing_changed_here(
    demo_path: Path, qtbot: Any, modal: ModalDriver, user_dirs: Path
) -> None:
    """A figure recorded from the command line, then the window opened and its file deleted:
    the window held the only copy of that figure, and closed without asking."""
    from ljtracker.cli import main

    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4,321"]) == 0
    window: MainWindow = app.create_window([str(demo_path)])
    qtbot.addWidget(window)
    demo_path.unlink()
    modal.click("Cancel")
    window.commands[Act.CLOSE].trigger()
    assert window.session is not None
    (said,) = modal.seen
    assert "was deleted or moved by another program" in said and "every change" not in said
    modal.click("Close Without Saving")
    window.close()


def test_a_window_that_changed_nothing_closes_without_asking_when_its_file_is_replaced(
    demo_path: Path, qtbot: Any, modal: ModalDriver, user_dirs: Path
) -> None:
    """Asked to save a copy of what it held, "every change made here" (none), over a
    colleague's newer copy a sync tool had put in its place."""
    window: MainWindow = app.create_window([str(demo_path)])
    qtbot.addWidget(window)
    newer = demo_path.with_name("newer.ljt")
    newer.write_bytes(demo_path.read_bytes())
    newer.replace(demo_path)
    window.commands[Act.CLOSE].trigger()
    assert window.session is None and modal.seen == []
