"""One writer at a time: a lock file beside the workbook naming who holds it.

The lock file (`<name>.lock`, e.g. `plan.ljt.lock`) is created with O_CREAT|O_EXCL and records
the host, process, user and start time of its holder. Where the system has `flock`, the holder
also keeps an advisory lock on it, which the kernel drops when the process dies. A lock left by a
process that is gone (same host, and the pid no longer alive or now another process) is taken
over; a lock held from another computer is never taken over automatically.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import json
import os
import socket
from dataclasses import asdict, dataclass
from pathlib import Path

from ljtracker.storage.os_reasons import reason_en, reason_zh
from ljtracker.storage.workbook import WorkbookError
from ljtracker.storage.writer import current_user, now_iso

try:
    import fcntl
except ImportError:  # not on Windows
    fcntl = None  # type: ignore[assignment]

_ATTEMPTS = 5


@dataclass(frozen=True)
class LockHolder:
    host: str
    pid: int
    user: str
    started: str  # ISO time the lock was taken, local time with offset
    process_start: str = ""  # identifies the process beyond its pid; "" where unknown

    def describe(self) -> str:
        return f"{self.user} on {self.host} (process {self.pid}) since {self.since()}"

    def describe_zh(self) -> str:
        return f"自 {self.since()} 起由 {self.user} 在 {self.host}（进程 {self.pid}）上"

    def since(self) -> str:
        """When the lock was taken, to the minute, on this computer's clock (the holder's
        may be in another time zone)."""
        with contextlib.suppress(ValueError, OverflowError):
            moment = datetime.datetime.fromisoformat(self.started).astimezone()
            return f"{moment:%Y-%m-%d %H:%M}"
        return self.started

    def is_here(self) -> bool:
        return self.host == socket.gethostname()

    def is_this_process(self) -> bool:
        me = _me()
        return (self.host, self.pid, self.process_start) == (me.host, me.pid, me.process_start)


def held_message(
    path: Path, holder: LockHolder | None, advice: str, advice_zh: str
) -> tuple[str, str]:
    """Who has `path` open for changes, what to do (`advice`), and, when that is another
    computer, which lock file to delete if it no longer has it open; in English and Chinese."""
    who = "another program" if holder is None else holder.describe()
    where_zh = "已在另一个程序中" if holder is None else holder.describe_zh()
    if holder is not None and not holder.is_here():
        advice += f"; if that computer no longer has it open, delete {lock_path(path)}"
        advice_zh += f"；如果那台计算机已不再打开它，请删除 {lock_path(path)}"
    return (
        f"{path}: open for changes by {who}; {advice}",
        f"{path}：{where_zh}打开并可修改；{advice_zh}",
    )


class WorkbookLocked(WorkbookError):
    """Another program holds the workbook for writing; `holder` says who."""

    def __init__(self, path: Path, holder: LockHolder | None) -> None:
        self.path = path
        self.holder = holder
        super().__init__(
            *held_message(
                path,
                holder,
                "try again when it is closed there (reading it, as status and report do, works)",
                "请待其在那里关闭后重试（只读取它的操作，如 status、report，仍可进行）",
            )
        )


class LockLost(WorkbookError):
    """The workbook's lock file is no longer the one this program took."""


class NotWritable(WorkbookError):
    """The workbook cannot be changed where it is (a read-only file or folder, for instance)."""


def lock_path(workbook: Path) -> Path:
    return workbook.with_name(workbook.name + ".lock")


def _process_start(pid: int) -> str:
    """The boot and start time of process `pid` (Linux); "" where the system does not say."""
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    fields = stat.rsplit(")", 1)[-1].split()
    return f"{boot}:{fields[19]}" if len(fields) > 19 else ""


def _pid_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # cannot tell safely: never take over
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _gone(holder: LockHolder) -> bool:
    """True when the holder's process no longer exists on this host."""
    if not holder.is_here():
        return False
    if not _pid_alive(holder.pid):
        return True
    current = _process_start(holder.pid)
    return bool(holder.process_start and current and current != holder.process_start)


def _read_holder(fd: int) -> LockHolder | None:
    os.lseek(fd, 0, os.SEEK_SET)
    data = b""
    while chunk := os.read(fd, 4096):
        data += chunk
    try:
        values = json.loads(data.decode("utf-8"))
        return LockHolder(
            host=str(values["host"]),
            pid=int(values["pid"]),
            user=str(values["user"]),
            started=str(values["started"]),
            process_start=str(values.get("process_start", "")),
        )
    except (ValueError, KeyError, TypeError):
        return None


def read_holder(workbook: Path) -> LockHolder | None:
    """Who holds the workbook's lock, or None when nobody (or nobody readable) does."""
    try:
        fd = os.open(lock_path(workbook), os.O_RDONLY)
    except OSError:
        return None
    try:
        return _read_holder(fd)
    finally:
        os.close(fd)


def _flock(fd: int) -> bool:
    """Take the advisory lock without waiting; True where there is no such lock to take."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as e:
        # Any other error: the file system offers no advisory locks; the file alone decides.
        return e.errno not in (errno.EAGAIN, errno.EACCES)
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)


def _me() -> LockHolder:
    pid = os.getpid()
    return LockHolder(socket.gethostname(), pid, current_user(), now_iso(), _process_start(pid))


class WriterLock:
    """The lock of one open workbook; `release()` (or closing the workbook) gives it up."""

    def __init__(self, path: Path, fd: int, holder: LockHolder) -> None:
        self.path = path
        self.holder = holder
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, workbook: str | Path) -> WriterLock:
        """Take the workbook's lock, taking over one left by a process that is gone.

        Raises WorkbookLocked naming the holder, or NotWritable.
        """
        path = lock_path(Path(workbook).resolve())
        holder: LockHolder | None = None
        for _ in range(_ATTEMPTS):
            fd = cls._create(path)
            if fd is None:
                fd = cls._open_existing(path)
                if fd is None:
                    continue  # it was released meanwhile: try creating it again
            if not _flock(fd):
                holder = _read_holder(fd)
                os.close(fd)
                raise WorkbookLocked(Path(workbook), holder)
            # Holding the advisory lock: whoever wrote the file is gone or never took it.
            if not _same_file(fd, path):
                os.close(fd)
                continue
            holder = _read_holder(fd)
            if holder is not None and not _gone(holder):
                os.close(fd)
                raise WorkbookLocked(Path(workbook), holder)
            return cls._claim(path, fd)
        raise WorkbookLocked(Path(workbook), holder)

    @staticmethod
    def _create(path: Path) -> int | None:
        try:
            return os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o644)
        except FileExistsError:
            return None
        except OSError as e:
            raise NotWritable(
                f"{path.parent}: cannot take the lock for writing ({reason_en(e)}); "
                "the folder may be read-only: open the workbook read-only",
                f"{path.parent}：无法获取写入锁（{reason_zh(e)}）；文件夹可能是只读的，"
                "请以只读方式打开工作簿",
            ) from e

    @staticmethod
    def _open_existing(path: Path) -> int | None:
        try:
            return os.open(path, os.O_RDWR)
        except FileNotFoundError:
            return None
        except OSError as e:
            raise NotWritable(
                f"{path}: cannot take the lock for writing ({reason_en(e)})",
                f"{path}：无法获取写入锁（{reason_zh(e)}）",
            ) from e

    @classmethod
    def _claim(cls, path: Path, fd: int) -> WriterLock:
        me = _me()
        data = json.dumps(asdict(me), ensure_ascii=False).encode("utf-8")
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, data, 0)
            os.fsync(fd)
        except OSError as e:
            os.close(fd)
            raise NotWritable(
                f"{path}: cannot write the lock ({reason_en(e)})",
                f"{path}：无法写入锁文件（{reason_zh(e)}）",
            ) from e
        return cls(path, fd, me)

    def check_held(self) -> None:
        """Raise LockLost when the lock file on disk is no longer this one, naming this
        holder: deleted (as the lock message allows once its computer is thought gone), and
        perhaps taken by another program since, which may be changing the workbook too."""
        fd = self._fd
        if fd is None or (_same_file(fd, self.path) and _read_holder(fd) == self.holder):
            return
        raise LockLost(
            f"{self.path}: the lock that keeps other programs from changing the workbook was"
            " deleted or replaced while it was open here; nothing was saved (open the workbook"
            " again to go on)",
            f"{self.path}：防止其他程序同时修改工作簿的锁文件在打开期间被删除或替换，"
            "未保存任何内容（请重新打开工作簿后继续）",
        )

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if _same_file(fd, self.path) and _read_holder(fd) == self.holder:
                self.path.unlink(missing_ok=True)
        except OSError:
            # a folder made read-only meanwhile: the lock stays, naming a program that has
            # ended, and is taken over by the next one to open the workbook here
            pass
        finally:
            os.close(fd)
