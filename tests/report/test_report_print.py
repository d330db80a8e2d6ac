"""Printing through CUPS: the demo report sent to the PDF print queue comes out with its pages.

`scripts/start-print-queue` (run by `.ci/run`) starts CUPS with a queue named PDF whose jobs
land as PDF files in the cups-pdf output folder. Without that queue the test is skipped.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ljtracker.cli import main

# The command makes a QGuiApplication when there is none; in this process the tests' widgets
# need a QApplication, so it is made first.
pytestmark = pytest.mark.usefixtures("qapp")

QUEUE = "PDF"
JOB = "LJ2025-progress-2021-en"
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")


def queue_available() -> bool:
    if shutil.which("lpstat") is None:
        return False
    result = subprocess.run(["lpstat", "-p", QUEUE], capture_output=True, check=False)
    return result.returncode == 0


def output_folder() -> Path:
    """Where cups-pdf writes: its `Out` setting, ${HOME}/PDF unless changed."""
    setting = "${HOME}/PDF"
    if CUPS_PDF_CONF.is_file():
        for line in CUPS_PDF_CONF.read_text(errors="replace").splitlines():
            match = re.match(r"\s*Out\s+(\S+)", line)
            if match:
                setting = match.group(1)
    return Path(setting.replace("${HOME}", str(Path.home())))


@contextmanager
def queue_to_ourselves() -> Iterator[None]:
    """One printing test at a time on this machine, so each finds its own printed file."""
    with (Path(tempfile.gettempdir()) / "ljtracker-print-test.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def wait_for_new_pdf(folder: Path, before: set[Path], seconds: float = 90) -> Path:
    """The job's PDF: named after the print job (the report's file name), not there before."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = folder.glob(f"{JOB}*.pdf") if folder.is_dir() else []
        new = [p for p in found if p not in before]
        if new:
            newest = max(new, key=lambda p: p.stat().st_mtime)
            size = newest.stat().st_size
            time.sleep(1.0)
            if size and newest.stat().st_size == size:
                return newest
        time.sleep(0.5)
    raise AssertionError(f"no printed PDF appeared in {folder} within {seconds:.0f} s")


@pytest.mark.skipif(
    not queue_available(),
    reason=f"no CUPS print queue named {QUEUE}; run scripts/start-print-queue (as root) first",
)
def test_demo_report_printed_on_the_pdf_queue(
    demo_path: Path,
    capsys: pytest.CaptureFixture[str],
    pdf_info: Callable[[Path], dict[str, str]],
) -> None:
    folder = output_folder()
    args = ["report", str(demo_path), "--printer", QUEUE, "--plan", "LJ2025", "--year", "2021"]
    with queue_to_ourselves():
        before = set(folder.glob("*.pdf")) if folder.is_dir() else set()
        assert main([*args, "--lang", "en"]) == 0
        printed = wait_for_new_pdf(folder, before)
    message = capsys.readouterr().out
    assert f"to the printer {QUEUE}" in message
    pages = int(re.search(r"\((\d+) pages\)", message).group(1))  # type: ignore[union-attr]
    try:
        info = pdf_info(printed)
        assert int(info["Pages"]) == pages
        assert info["Page size"].startswith("595 x 842 pts")
    finally:
        if os.access(printed, os.W_OK):
            printed.unlink()
