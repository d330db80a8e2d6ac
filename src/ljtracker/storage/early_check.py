"""SQLite's check of a workbook's pages, begun before the workbook is opened, on a thread of
its own.

The window's start spends most of a second loading Qt; meanwhile the check of a large workbook
(a tenth of a second) can run on another processor, as SQLite works without Python's lock.
Opening takes its findings only for the very file that was checked, unchanged since: the same
device, inode, size and time of last change, and the same change counter, which SQLite keeps in
the file's header and moves with every change written. Each side reads these while it holds a
read lock, so no change can be written between the check and what it is compared with. Anything
else (another file, a change, a file in write-ahead-log mode, whose counter stays still, a check
that failed) leaves the check to opening, as without it.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

_HEADER_BYTES = 100
_ROLLBACK_JOURNAL = b"\x01\x01"  # the header's read and write versions, bytes 18 and 19

Stamp = tuple[int, int, int, int, bytes]  # device, inode, size, change time, change counter


@dataclass
class _Check:
    thread: threading.Thread
    stamp: Stamp | None = None
    problems: list[str] | None = None


_pending: dict[str, _Check] = {}


def _key(path: Path) -> str:
    return str(path.resolve())


def _stamp(path: Path) -> Stamp | None:
    """The file's identity and change counter; None unless it is a rollback-journal database."""
    with path.open("rb") as f:
        info = os.fstat(f.fileno())
        header = f.read(_HEADER_BYTES)
    if len(header) < _HEADER_BYTES or header[18:20] != _ROLLBACK_JOURNAL:
        return None
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, header[24:28]


def _run(path: Path, check: _Check) -> None:
    if Path(f"{path}-journal").exists():  # a change left unfinished: opening finishes it first
        return
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    except sqlite3.Error:
        return
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # takes the read lock
        stamp = _stamp(path)
        problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
        check.stamp, check.problems = stamp, problems
    except (sqlite3.Error, OSError):
        return
    finally:
        conn.close()


def start(path: str | Path) -> threading.Thread | None:
    """Begin checking the workbook at `path`, for `findings` to give when it is opened; the
    thread checking it, None when there is no such file or it is being checked already."""
    resolved = Path(_key(Path(path)))
    if not resolved.is_file() or _key(resolved) in _pending:
        return None
    check = _Check(threading.Thread(target=lambda: _run(resolved, check), daemon=True))
    _pending[_key(resolved)] = check
    check.thread.start()
    return check.thread


def findings(path: Path, conn: sqlite3.Connection) -> list[str] | None:
    """What `PRAGMA quick_check` found in the file when it was begun early, if `conn` reads
    that same file unchanged; None otherwise. Leaves `conn` in a read transaction, which
    holds the file as it was compared until `conn` ends it."""
    check = _pending.pop(_key(path), None)
    if check is None:
        return None
    check.thread.join()
    if check.stamp is None or check.problems is None:
        return None
    try:
        if not conn.in_transaction:
            conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        return check.problems if _stamp(path) == check.stamp else None
    except (sqlite3.Error, OSError):
        return None
