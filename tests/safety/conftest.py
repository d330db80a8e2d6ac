from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ljtracker.storage.backup import BACKUP_FOLDER

HOLD_LOCK = """
import sys
from ljtracker.services import safety
wb = safety.open_for_writing(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def digest() -> Callable[[Path], str]:
    return sha256


@pytest.fixture
def holder_process() -> Iterator[Callable[[Path], subprocess.Popen[str]]]:
    """Start another process that opens a workbook for writing and keeps it open."""
    started: list[subprocess.Popen[str]] = []

    def start(path: Path) -> subprocess.Popen[str]:
        child = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(child)
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "ready", child.stderr.read() if child.stderr else line
        return child

    yield start
    for child in started:
        if child.poll() is None:
            child.kill()
        child.communicate(timeout=30)


@pytest.fixture
def beijing_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's clock in UTC+8, as the office's."""
    monkeypatch.setenv("TZ", "CST-8")  # POSIX for UTC+8, no time-zone database needed
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def backups_unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every folder of backups refuses to be listed, as one without read permission does (the
    tests may run as root, whom permissions do not stop)."""
    listed = Path.iterdir

    def iterdir(folder: Path) -> Iterator[Path]:
        if BACKUP_FOLDER in folder.parts:
            raise PermissionError(13, "Permission denied", str(folder))
        return listed(folder)

    monkeypatch.setattr(Path, "iterdir", iterdir)
