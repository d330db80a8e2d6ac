"""Opening, creating, copying workbooks; recent files; where the window starts."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Quality
from ljtracker.services import editing
from ljtracker.storage import reads
from ljtracker.storage.atomic import OutputError
from ljtracker.storage.backup import BACKUP_FOLDER
from ljtracker.storage.location import conflicted_copies
from ljtracker.storage.workbook import Workbook
from ljtracker.ui import app, file_ops, i18n
from ljtracker.ui.actions import Act
from ljtracker.ui.app_settings import MAX_RECENT, AppSettings
from ljtracker.ui.main_window import MainWindow


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def record(_parent: object, title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        shown.append((title, text))
        return QMessageBox.StandardButton.Yes

    for name in ("warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


def answer_file_dialogs(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    def choose(*_: object, **__: object) -> tuple[str, str]:
        return str(path), "ljtracker workbooks (*.ljt)"

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)


def figures(wb: Workbook) -> list[tuple[int, int, float, str]]:
    return [(o.target_id, o.year, o.value, o.source) for o in reads.observations(wb)]


def test_a_file_that_is_not_a_workbook_is_refused_with_a_message(
    tmp_path: Path, messages: list[tuple[str, str]], qapp: QApplication
) -> None:
    notes = tmp_path / "notes.ljt"
    notes.write_text("not a workbook")
    assert file_ops.open_workbook_file(None, notes) is None
    assert len(messages) == 1
    assert "not an ljtracker workbook" in messages[0][1]
    assert notes.read_text() == "not a workbook"


def test_open_replaces_the_session_and_clears_undo(
    window: MainWindow, tmp_path: Path, demo_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = window.session
    assert old is not None
    old.apply(ChangeName("Rename"), lambda wb: editing.delete_plan(wb, reads.plans(wb)[0].id or 0))
    other = tmp_path / "other.ljt"
    other.write_bytes(demo_template.read_bytes())
    answer_file_dialogs(monkeypatch, other)

    window.commands[Act.OPEN].trigger()
    assert window.session is not None and window.session is not old
    assert window.session.workbook.path == other
    assert window.session.undo_stack.count() == 0
    assert not window.commands[Act.UNDO].isEnabled()
    assert window.windowTitle() == "other.ljt — ljtracker"
    with pytest.raises(Exception, match="closed"):
        old.workbook.conn.execute("SELECT 1")
    # The workbook now open is protected from output; the one closed is not.
    with pytest.raises(OutputError):
        file_ops.write_copy(window.session.workbook, other)


def test_recent_files_are_newest_first_capped_and_missing_ones_leave_with_a_note(
    window: MainWindow,
    tmp_path: Path,
    demo_template: Path,
    messages: list[tuple[str, str]],
) -> None:
    paths = []
    for n in range(MAX_RECENT + 2):
        path = tmp_path / f"w{n}.ljt"
        path.write_bytes(demo_template.read_bytes())
        assert window.open_path(path)
        paths.append(str(path.resolve()))
    settings = AppSettings()
    assert settings.recent_files() == paths[::-1][:MAX_RECENT]
    assert settings.last_workbook() == paths[-1]

    window._fill_recent_menu()
    entries = [a.text() for a in window._recent_menu.actions()]
    assert entries[0] == f"&1 w{MAX_RECENT + 1}.ljt"

    Path(paths[-2]).unlink()
    shutil.rmtree(tmp_path / BACKUP_FOLDER)  # gone for good: no backup to offer
    window.open_recent(paths[-2])
    assert paths[-2] not in settings.recent_files()
    assert messages and "no longer exists" in messages[-1][1]
    assert window.session is not None and str(window.session.workbook.path) == paths[-1]


def test_save_a_copy_opens_with_the_same_figures_and_leaves_the_original(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_path: Path
) -> None:
    session = window.session
    assert session is not None
    plan = reads.plan_by_code(session.workbook, "LJ2025")
    assert plan is not None and plan.id is not None
    gdp = reads.target_by_code(session.workbook, plan.id, "LJ-GDP")
    assert gdp is not None and gdp.id is not None
    entry = editing.ObservationEntry(gdp.id, 2022, 4500.0, Quality.PRELIMINARY, "x", "")
    session.apply(
        ChangeName("Set"), lambda wb: editing.set_observations(wb, [entry], ChangeName("Set"))
    )
    copy = tmp_path / "copies" / "copy"
    copy.parent.mkdir()
    answer_file_dialogs(monkeypatch, copy)

    window.commands[Act.SAVE_COPY].trigger()
    written = copy.with_name("copy.ljt")
    with Workbook.open(written, read_only=True) as duplicate:
        assert figures(duplicate) == figures(session.workbook)
        assert duplicate.integrity_problems() == []
    assert window.session is session and session.workbook.path == demo_path
    assert [p.name for p in written.parent.iterdir()] == ["copy.ljt"]

    with Workbook.open(written) as duplicate:
        editing.delete_target(duplicate, gdp.id)
    assert reads.target_by_id(session.workbook, gdp.id) is not None


def test_save_a_copy_refuses_the_open_workbook_itself(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:  # fmt: skip
    before = demo_path.read_bytes()
    answer_file_dialogs(monkeypatch, demo_path)
    window.commands[Act.SAVE_COPY].trigger()
    assert messages[-1][0] == "The copy was not saved"
    assert "open workbook" in messages[-1][1]
    assert demo_path.read_bytes() == before


def test_a_workbook_deleted_while_open_can_be_saved_again_under_its_name(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:  # fmt: skip
    """The refusal to save into a deleted file points to Save a Copy As, which then refused
    the name as the open workbook's, though no file had it any more."""
    session = window.session
    assert session is not None
    held = figures(session.workbook)
    demo_path.unlink()
    answer_file_dialogs(monkeypatch, demo_path)
    window.commands[Act.SAVE_COPY].trigger()
    assert not [m for m in messages if m[0] == "The copy was not saved"], messages
    with Workbook.open(demo_path, read_only=True) as saved:
        assert figures(saved) == held
        assert saved.integrity_problems() == []
    # and the window works in it again: changes were refused while the file was not there
    session = window.session
    assert session is not None and not session.workbook.is_gone()
    assert figures(session.workbook) == held


def test_new_creates_an_empty_workbook_and_opens_it(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_file_dialogs(monkeypatch, tmp_path / "fresh")
    window.commands[Act.NEW].trigger()
    assert window.session is not None
    assert window.session.workbook.path == tmp_path / "fresh.ljt"
    assert reads.plans(window.session.workbook) == []
    assert window.centralWidget().currentWidget() is window._empty_hint
    assert window.commands[Act.NEW_PLAN].isEnabled()


def test_new_refuses_to_overwrite(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:  # fmt: skip
    existing = tmp_path / "taken.ljt"
    existing.write_text("mine")
    answer_file_dialogs(monkeypatch, existing)
    session = window.session
    window.commands[Act.NEW].trigger()
    assert window.session is session
    assert existing.read_text() == "mine"
    assert "already exists" in messages[-1][1]


def test_the_start_follows_the_last_workbook_and_close(user_dirs: Path, demo_path: Path) -> None:
    settings = AppSettings()
    first = file_ops.start_choice([], settings)
    assert first.path == file_ops.demo_copy_path() and first.path.is_file()
    assert user_dirs in first.path.parents

    settings.set_last_workbook(demo_path)
    assert file_ops.start_choice([], settings).path == demo_path
    assert file_ops.start_choice(["given.ljt"], settings).path == Path("given.ljt")
    settings.set_last_workbook(None)
    assert file_ops.start_choice([], settings).path is None

    gone = user_dirs / "gone.ljt"
    settings.set_last_workbook(gone)
    choice = file_ops.start_choice([], settings)
    assert choice.path is None and str(gone) in choice.note


def test_the_window_reopens_the_workbook_it_closed_with(
    user_dirs: Path, demo_path: Path, qtbot: Any
) -> None:
    first = app.create_window([str(demo_path)])
    qtbot.addWidget(first)
    first.close()
    again = app.create_window([])
    qtbot.addWidget(again)
    assert again.session is not None and again.session.workbook.path == demo_path
    again.commands[Act.CLOSE].trigger()
    again.close()
    third = app.create_window([])
    qtbot.addWidget(third)
    assert third.session is None
    assert third.centralWidget().currentWidget() is third.start_page


def test_a_workbook_opened_read_only_says_so_in_the_title(
    window: MainWindow, tmp_path: Path, demo_template: Path
) -> None:
    other = tmp_path / "shared.ljt"
    other.write_bytes(demo_template.read_bytes())
    window.set_workbook(Workbook.open(other, read_only=True))
    assert window.windowTitle() == "shared.ljt (read-only) — ljtracker"


def test_opening_takes_the_writers_lock_and_closing_releases_it(
    window: MainWindow, demo_path: Path
) -> None:
    lock = demo_path.with_name(demo_path.name + ".lock")
    assert window.session is not None and not window.session.workbook.read_only
    assert lock.exists()
    window.commands[Act.CLOSE].trigger()
    assert not lock.exists()


def test_a_chinese_window_s_demo_copy_is_written_in_chinese(user_dirs: Path) -> None:
    try:
        i18n.install("zh")
        path = file_ops.ensure_demo_copy()
    finally:
        i18n.install("en")
    with Workbook.open(path, read_only=True) as wb:
        plan = reads.plan_by_code(wb, "LJ2025")
        assert plan is not None
        assert plan.issuer == "中共重庆市委、重庆市人民政府"
        assert plan.notes.startswith("2020年11月印发")


def test_the_name_proposed_for_a_copy_is_not_taken_for_a_conflicted_copy(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "demo copy.ljt" made every later opening warn of conflicted copies beside it."""
    session = window.session
    assert session is not None
    proposed: list[str] = []

    def choose(
        _parent: object, _title: str, start: str, *_: object, **__: object
    ) -> tuple[str, str]:
        proposed.append(start)
        return start, "ljtracker workbooks (*.ljt)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    window.commands[Act.SAVE_COPY].trigger()
    (start,) = proposed
    assert Path(start).is_file() and Path(start).parent == session.workbook.path.parent
    assert conflicted_copies(session.workbook.path) == ()


def test_a_recent_workbook_whose_folder_is_away_stays_in_the_list(
    window: MainWindow,
    tmp_path: Path,
    demo_template: Path,
    messages: list[tuple[str, str]],
) -> None:
    share = tmp_path / "share" / "planning"
    share.mkdir(parents=True)
    path = share / "lj.ljt"
    path.write_bytes(demo_template.read_bytes())
    assert window.open_path(path)
    other = tmp_path / "other.ljt"
    other.write_bytes(demo_template.read_bytes())
    assert window.open_path(other)
    away = tmp_path / "share-away"
    (tmp_path / "share").rename(away)  # the share is not mounted for now

    window.open_recent(str(path.resolve()))
    settings = AppSettings()
    assert str(path.resolve()) in settings.recent_files()
    assert "cannot be reached" in messages[-1][1]
    assert window.session is not None and window.session.workbook.path == other.resolve()

    away.rename(tmp_path / "share")  # back again: it opens from the list
    window.open_recent(str(path.resolve()))
    assert window.session is not None and window.session.workbook.path == path.resolve()


def test_the_last_workbook_on_a_share_away_is_kept_for_next_time(user_dirs: Path) -> None:
    settings = AppSettings()
    away = user_dirs / "share" / "lj.ljt"
    settings.set_last_workbook(away)
    settings.add_recent(away)
    choice = file_ops.start_choice([], settings)
    assert choice.path is None and "cannot be reached" in choice.note
    assert str(away) in settings.recent_files()


def test_save_a_copy_onto_a_workbook_open_elsewhere_refuses_before_asking(
    window: MainWindow,
    tmp_path: Path,
    demo_template: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    """It asked "replace it?" and, answered Yes, then refused: a question for nothing."""
    from ljtracker.storage.lock import WriterLock

    colleague = tmp_path / "colleague.ljt"
    colleague.write_bytes(demo_template.read_bytes())
    held = WriterLock.acquire(colleague)  # their window has it open
    try:
        answer_file_dialogs(monkeypatch, colleague)
        window.commands[Act.SAVE_COPY].trigger()
    finally:
        held.release()
    assert [title for title, _ in messages] == ["The copy was not saved"]  # no question first
    assert "open for changes by" in messages[-1][1]
    assert colleague.read_bytes() == demo_template.read_bytes()
