"""Writing output files whole or not at all, never over an open workbook."""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ljtracker.domain.errors import UserError
from ljtracker.storage.file_format import APPLICATION_ID, SQLITE_HEADER
from ljtracker.storage.os_reasons import reason_en, reason_zh


class OutputError(UserError):
    """An output file cannot be written."""


class OutputFailed(OutputError):
    """The file system refused to take the output: a full disk, a folder without the right."""


def open_workbook_refused(target: Path) -> OutputError:
    return OutputError(
        f"{target}: that is the open workbook; choose another file name",
        f"{target}：这是当前打开的工作簿，请另选文件名",
    )


_protected: Counter[Path] = Counter()  # each open workbook, as often as it is open


def protect(path: str | Path) -> Path:
    """Refuse any output written over `path` (an open workbook) while it stays protected;
    returns the file protected, for `unprotect` (a link may point elsewhere by then)."""
    key = Path(path).resolve()
    _protected[key] += 1
    return key


def unprotect(path: str | Path) -> None:
    key = Path(path).resolve()
    _protected[key] -= 1
    if _protected[key] <= 0:
        del _protected[key]


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _is_protected(target: Path, protected: tuple[Path, ...], *, put_back: bool = False) -> bool:
    """Whether `target` is a protected workbook: by its name, through a symbolic link, or
    as a hard link to the same file. `put_back`: a name no file has is free (a copy of a
    workbook deleted while open, put back where it was)."""
    resolved = target.resolve()
    if put_back and _file_id(resolved) is None:
        return False
    candidates = {*_protected, *(p.resolve() for p in protected)}
    if resolved in candidates:
        return True
    written = _file_id(resolved)
    return written is not None and any(_file_id(p) == written for p in candidates)


def is_workbook_file(path: Path) -> bool:
    """Whether `path` is a workbook of this program, whoever has it open: SQLite's header with
    this program's application id."""
    try:
        with path.open("rb") as f:
            head = f.read(72)
    except OSError:
        return False
    return head.startswith(SQLITE_HEADER) and int.from_bytes(head[68:72], "big") == APPLICATION_ID


def workbook_refused(target: Path, resolved: Path) -> OutputError:
    through_en = "" if resolved == target.absolute() else f" (through a link to {resolved})"
    through_zh = "" if resolved == target.absolute() else f"（通过链接指向 {resolved}）"
    return OutputError(
        f"{target}: that is a workbook{through_en}; a report or an export never replaces one,"
        " so choose another file name",
        f"{target}：这是一个工作簿{through_zh}；报告或导出不会覆盖工作簿，请另选文件名",
    )


def output_refusal(
    target: Path,
    protected: tuple[Path, ...] = (),
    *,
    replaces_workbooks: bool = False,
    put_back: bool = False,
) -> OutputError | None:
    """Why `target` may not be written over, for writers that write it themselves (Qt's
    printer, printing to a file); None when it may."""
    if _is_protected(target, protected, put_back=put_back):
        return open_workbook_refused(target)
    resolved = target.resolve()
    if not replaces_workbooks and is_workbook_file(resolved):
        return workbook_refused(target, resolved)
    return None


@contextmanager
def atomic_output(
    path: str | Path,
    *,
    protected: tuple[Path, ...] = (),
    replaces_workbooks: bool = False,
    put_back: bool = False,
) -> Iterator[Path]:
    """Yield a temporary path beside `path`; it replaces `path` only when the block succeeds.

    A failure leaves neither a half-written file nor the temporary one behind. An open
    workbook is never replaced; another workbook only by a workbook (`replaces_workbooks`).
    """
    target = Path(path)
    refusal = output_refusal(
        target, protected, replaces_workbooks=replaces_workbooks, put_back=put_back
    )
    if refusal is not None:
        raise refusal
    resolved = target.resolve()
    folder = resolved.parent
    if not folder.is_dir():
        raise OutputError(
            f"{target}: the folder {folder} does not exist", f"{target}：文件夹 {folder} 不存在"
        )
    if target.is_dir():
        raise OutputError(f"{target}: is a folder", f"{target}：这是一个文件夹")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=folder)
    except OSError as e:
        raise OutputFailed(
            f"{target}: cannot write in {folder} ({reason_en(e)})",
            f"{target}：无法在 {folder} 中写入（{reason_zh(e)}）",
        ) from e
    os.close(fd)
    temp = Path(temp_name)
    try:
        yield temp
        with temp.open("rb+") as f:
            os.fsync(f.fileno())
        temp.chmod(_mode_for(resolved))
        os.replace(temp, resolved)
    except OSError as e:
        raise OutputFailed(
            f"{target}: could not be written ({reason_en(e)})",
            f"{target}：无法写入（{reason_zh(e)}）",
        ) from e
    finally:
        temp.unlink(missing_ok=True)


def full_disk_refusal(target: Path, folder: Path) -> OutputFailed | None:
    """The refusal to give when a writer that does not say why (Qt's PDF writer) failed on a
    disk with no room left; None when the disk has room, and the failure is another."""
    try:
        room = os.statvfs(folder)
    except (OSError, AttributeError):  # statvfs: not on Windows
        return None
    if room.f_bavail * room.f_frsize >= 64 * 1024:
        return None
    return OutputFailed(
        f"{target}: could not be written (no space left on the disk)",
        f"{target}：无法写入（磁盘空间不足）",
    )


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (not mkstemp's 0600)."""
    if path.exists():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
