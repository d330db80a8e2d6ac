"""One writer at a time: the lock file, who holds it, stale locks, two processes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from demo_targets import gdp_id

from ljtracker.cli import common, main
from ljtracker.services import editing, safety
from ljtracker.services.editing import ObservationEntry
from ljtracker.storage import reads
from ljtracker.storage.atomic import OutputError
from ljtracker.storage.backup import copy_workbook
from ljtracker.storage.lock import (
    LockHolder,
    LockLost,
    NotWritable,
    WorkbookLocked,
    WriterLock,
    lock_path,
    read_holder,
)
from ljtracker.storage.workbook import Workbook
from ljtracker.storage.writer import current_user

Holder = Callable[[Path], subprocess.Popen[str]]


def write_lock(workbook: Path, **values: object) -> None:
    lock_path(workbook).write_text(json.dumps(values), encoding="utf-8")


def test_opening_for_writing_records_who_holds_the_lock(demo_path: Path) -> None:
    with safety.open_for_writing(demo_path):
        holder = read_holder(demo_path)
        assert holder is not None
        assert holder.pid == os.getpid()
        assert holder.host == socket.gethostname()
        assert holder.user == current_user()
        assert lock_path(demo_path).name == "demo.ljt.lock"
    assert not lock_path(demo_path).exists(), "closing the workbook releases the lock"


def test_a_second_writer_in_the_same_program_is_refused(demo_path: Path) -> None:
    with safety.open_for_writing(demo_path):
        with pytest.raises(WorkbookLocked, match=f"process {os.getpid()}"):
            safety.open_for_writing(demo_path)
        with Workbook.open(demo_path, read_only=True) as reader:
            assert reads.plans(reader), "reading stays possible while another writes"
    with safety.open_for_writing(demo_path):
        pass


def test_another_process_holding_it_is_named_and_reading_still_works(
    demo_path: Path,
    holder_process: Holder,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(common, "LOCK_WAIT_S", 0.2)  # a command waits a moment, then refuses
    child = holder_process(demo_path)
    with pytest.raises(WorkbookLocked) as refused:
        safety.open_for_writing(demo_path)
    holder = refused.value.holder
    assert holder is not None and holder.pid == child.pid
    message = str(refused.value)
    for part in (
        current_user(),
        socket.gethostname(),
        f"process {child.pid}",
        "try again when it is closed",
    ):
        assert part in message

    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4200"]) == 1
    err = capsys.readouterr().err
    assert f"process {child.pid}" in err and "open for changes by" in err
    assert main(["status", str(demo_path), "--plan", "LJ2025", "--format", "json"]) == 0
    assert "LJ-GDP" in capsys.readouterr().out


def test_a_copy_put_back_under_a_deleted_workbook_s_name_respects_another_holder(
    demo_path: Path, holder_process: Holder, tmp_path: Path
) -> None:
    """A window that has the workbook open for changes puts a copy back under its own name
    once the file is deleted (the lock there is its own); one that only reads it does not
    while another program holds the lock."""
    with safety.open_for_writing(demo_path) as own:
        demo_path.unlink()
        copy_workbook(own.conn, own.path, demo_path)
        with Workbook.open(demo_path, read_only=True) as back:
            assert back.integrity_problems() == []
    shared = tmp_path / "shared.ljt"
    shared.write_bytes(demo_path.read_bytes())
    with Workbook.open(shared, read_only=True) as reader:
        child = holder_process(shared)
        shared.unlink()
        with pytest.raises(OutputError, match=f"process {child.pid}"):
            copy_workbook(reader.conn, reader.path, shared)
    assert not shared.exists()


def test_a_command_waits_for_another_command_to_finish(
    demo_path: Path, holder_process: Holder, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two scripts recording at once: the second waits for the first instead of refusing."""
    child = holder_process(demo_path)

    def other_command_ends() -> None:
        child.terminate()
        child.wait()  # as a shell reaps a finished command

    finishing = threading.Timer(0.3, other_command_ends)
    finishing.start()
    try:
        assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4200"]) == 0
    finally:
        finishing.join()
    assert "recorded" in capsys.readouterr().out
    with Workbook.open(demo_path, read_only=True) as wb:
        assert any(o.year == 2022 and o.value == 4200 for o in reads.observations(wb, [gdp_id(wb)]))


def test_revert_waits_for_another_command_too(demo_path: Path, holder_process: Holder) -> None:
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4200"]) == 0
    child = holder_process(demo_path)

    def other_command_ends() -> None:
        child.terminate()
        child.wait()

    finishing = threading.Timer(0.3, other_command_ends)
    finishing.start()
    try:
        assert main(["revert", str(demo_path), "2"]) == 0  # the record, #2
    finally:
        finishing.join()


def test_the_lock_of_a_killed_process_is_taken_over(
    demo_path: Path, holder_process: Holder
) -> None:
    child = holder_process(demo_path)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert lock_path(demo_path).exists(), "a killed process leaves its lock file behind"
    with safety.open_for_writing(demo_path):
        holder = read_holder(demo_path)
        assert holder is not None and holder.pid == os.getpid()


def test_a_lock_whose_pid_now_belongs_to_another_process_is_taken_over(demo_path: Path) -> None:
    # The pid is alive (this test's parent), but it started at another time: a reused pid.
    write_lock(
        demo_path,
        host=socket.gethostname(),
        pid=os.getppid(),
        user="someone",
        started="2020-01-01T09:00:00+08:00",
        process_start="another-boot:12345",
    )
    lock = WriterLock.acquire(demo_path)
    try:
        assert read_holder(demo_path) == lock.holder
    finally:
        lock.release()


def test_a_lock_left_by_a_pid_that_no_longer_exists_is_taken_over(demo_path: Path) -> None:
    dead = _a_dead_pid()
    write_lock(demo_path, host=socket.gethostname(), pid=dead, user="x", started="2020-01-01")
    WriterLock.acquire(demo_path).release()
    assert not lock_path(demo_path).exists()


def _a_dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_a_live_process_on_this_computer_keeps_its_lock_even_without_flock(
    demo_path: Path,
) -> None:
    from ljtracker.storage.lock import _process_start

    parent = os.getppid()
    write_lock(
        demo_path,
        host=socket.gethostname(),
        pid=parent,
        user="colleague",
        started="2024-05-12T14:30:00+08:00",
        process_start=_process_start(parent),
    )
    with pytest.raises(WorkbookLocked, match=f"colleague on {socket.gethostname()}"):
        WriterLock.acquire(demo_path)
    assert read_holder(demo_path) is not None, "the holder's lock file stays"


def test_a_lock_from_another_computer_is_never_taken_over(
    demo_path: Path, beijing_time: None
) -> None:
    write_lock(
        demo_path,
        host="planning-office-pc",
        pid=4242,
        user="wang",
        started="2024-05-12T14:30:00+08:00",
    )
    with pytest.raises(WorkbookLocked) as refused:
        safety.open_for_writing(demo_path)
    message = str(refused.value)
    assert "wang on planning-office-pc (process 4242) since 2024-05-12 14:30" in message
    assert "delete" in message and "demo.ljt.lock" in message
    assert refused.value.holder == LockHolder(
        "planning-office-pc", 4242, "wang", "2024-05-12T14:30:00+08:00"
    )


def test_an_unreadable_lock_left_by_a_crash_is_taken_over(demo_path: Path) -> None:
    lock_path(demo_path).write_bytes(b"")  # created, then the program died before writing
    with safety.open_for_writing(demo_path):
        assert read_holder(demo_path) is not None


def test_releasing_does_not_remove_a_lock_someone_else_took(demo_path: Path) -> None:
    lock = WriterLock.acquire(demo_path)
    lock_path(demo_path).unlink()
    write_lock(demo_path, host="elsewhere", pid=1, user="other", started="2024-01-01")
    lock.release()
    holder = read_holder(demo_path)
    assert holder is not None and holder.host == "elsewhere"


def test_a_workbook_whose_lock_was_taken_away_is_not_written(demo_path: Path) -> None:
    """Its lock deleted (as the message to another computer allows) and taken by another
    program, which may write too: nothing is saved here any more."""
    with safety.open_for_writing(demo_path) as wb:
        gdp = gdp_id(wb)
        editing.set_observations(wb, [ObservationEntry(gdp, 2022, 4300.0)])  # while held
        lock_path(demo_path).unlink()
        write_lock(demo_path, host="office2", pid=1, user="other", started="2026-11-29")
        with pytest.raises(LockLost, match="deleted or replaced while it was open here"):
            editing.set_observations(wb, [ObservationEntry(gdp, 2022, 4500.0)])
        lock_path(demo_path).unlink()
        with pytest.raises(LockLost):  # deleted and not taken again: still not held
            editing.set_observations(wb, [ObservationEntry(gdp, 2022, 4500.0)])
    with Workbook.open(demo_path, read_only=True) as reader:
        assert [o.value for o in reads.observations(reader, [gdp]) if o.year == 2022] == [4300]


def test_a_held_workbook_is_explained_in_chinese_too(tmp_path: Path, beijing_time: None) -> None:
    from ljtracker.storage.lock import LockHolder, WorkbookLocked, lock_path

    path = tmp_path / "规划.ljt"
    holder = LockHolder("pc-17", 4242, "wang", "2026-11-28T09:15:00+08:00")
    error = WorkbookLocked(path, holder)
    assert str(error) == (
        f"{path}: open for changes by wang on pc-17 (process 4242) since 2026-11-28 09:15; "
        "try again when it is closed there (reading it, as status and report do, works); "
        f"if that computer no longer has it "
        f"open, delete {lock_path(path)}"
    )
    assert error.message_zh == (
        f"{path}：自 2026-11-28 09:15 起由 wang 在 pc-17（进程 4242）上打开并可修改；"
        "请待其在那里关闭后重试（只读取它的操作，如 status、report，仍可进行）；"
        f"如果那台计算机已不再打开它，请删除 {lock_path(path)}"
    )
    assert WorkbookLocked(path, None).message_zh.startswith(f"{path}：已在另一个程序中打开并可修改")
    # taken in New York: said on this computer's clock, as changes are
    new_york = LockHolder("pc-18", 7, "li", "2026-11-28T09:15:00-05:00")
    assert "since 2026-11-28 22:15" in str(WorkbookLocked(path, new_york))


def test_the_system_s_reasons_are_said_in_chinese() -> None:
    import errno

    from ljtracker.storage.os_reasons import reason_zh

    full = OSError(errno.ENOSPC, "No space left on device")
    assert reason_zh(full) == "磁盘空间不足，请清理该磁盘的空间后重试"  # and what to do
    assert reason_zh(PermissionError(errno.EACCES, "Permission denied")) == "没有权限"
    assert reason_zh(OSError(errno.EIO, "Input/output error")) == "Input/output error"


def test_a_full_disk_is_said_with_what_to_do(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "cannot write the lock (No space left on device)" left the planner without a next step."""
    import errno
    import os

    def full(*_: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "pwrite", full)
    with pytest.raises(NotWritable) as refused:
        WriterLock.acquire(demo_path)
    assert str(refused.value).endswith(
        "cannot write the lock (No space left on device; free some space on that disk and"
        " try again)"
    )
    assert refused.value.message_zh.endswith(
        "无法写入锁文件（磁盘空间不足，请清理该磁盘的空间后重试）"
    )


def test_a_copy_never_replaces_a_workbook_another_program_has_open(
    demo_path: Path, holder_process: Holder
) -> None:
    """Save a Copy onto a colleague's open workbook replaced it under them: their next
    change was refused, and reopening gave them this workbook's figures."""
    theirs = demo_path.with_name("theirs.ljt")
    theirs.write_bytes(demo_path.read_bytes())
    child = holder_process(theirs)
    before = theirs.read_bytes()
    with Workbook.open(demo_path, read_only=True) as ours, pytest.raises(OutputError) as refused:
        copy_workbook(ours.conn, ours.path, theirs)
    assert f"process {child.pid}" in str(refused.value)
    assert "it cannot be replaced while open there" in str(refused.value)
    assert theirs.read_bytes() == before
    child.terminate()
    child.wait()
    with Workbook.open(demo_path, read_only=True) as ours:  # once closed there, it can be
        copy_workbook(ours.conn, ours.path, theirs)
    assert not lock_path(theirs).exists()


def test_closing_when_the_lock_cannot_be_deleted_is_no_error(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workbook's folder made read-only while the window was open: closing it said
    "Unexpected error" (PermissionError on the lock). The lock stays and is taken over."""
    lock = lock_path(demo_path)
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self == lock:
            raise PermissionError(1, "Operation not permitted", str(lock))
        real_unlink(self, missing_ok=missing_ok)

    with monkeypatch.context() as patched:
        patched.setattr(Path, "unlink", unlink)
        with safety.open_for_writing(demo_path) as wb:
            assert reads.plan_by_code(wb, "LJ2025") is not None
        assert lock.exists()  # left naming this program; taken over once it has ended, as a
        # killed program's lock is (test_the_lock_of_a_killed_process_is_taken_over)
        holder = read_holder(demo_path)
        assert holder is not None and holder.pid == os.getpid()
