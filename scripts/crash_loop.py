#!/usr/bin/env python3
"""Kill a program that is changing a workbook at random moments; check nothing is half-written.

Each round starts a child process that opens the workbook for writing (taking over the lock the
previous child left) and keeps setting a block of figures, every figure of the block to the same
new value in one change, until it is killed with SIGKILL at a random moment. After every kill the
workbook must pass SQLite's integrity_check, and the block must hold one whole change: every
figure present with one value, the value of the newest change recorded, or none of the figures.
Demo rounds kill the writing of a new demo workbook: the file then exists whole or not at all.

    scripts/crash_loop.py [--rounds 200] [--demo-rounds 20] [--seed N]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BLOCK_YEARS = range(1950, 1970)
MARK = "crash loop round"

_EDIT_CHILD = f"""
import sys
from ljtracker.domain.change_names import ChangeName
from ljtracker.services import editing, safety
from ljtracker.storage import reads

wb = safety.open_for_writing(sys.argv[1])
# A tiny page cache makes SQLite write pages into the file before the commit, so that a kill
# can leave the file itself half-changed, for the rollback journal to repair.
wb.conn.execute("PRAGMA cache_size = 8")
targets = [t.id for t in reads.targets(wb)]
row = wb.conn.execute(
    "SELECT count(*) FROM change WHERE description LIKE '{MARK} %'"
).fetchone()
value = row[0]
print("ready", flush=True)
while True:
    value += 1
    entries = [
        editing.ObservationEntry(t, year, float(value))
        for t in targets
        for year in range({BLOCK_YEARS.start}, {BLOCK_YEARS.stop})
    ]
    editing.set_observations(wb, entries, ChangeName(f"{MARK} {{value}}"))
"""

_DEMO_CHILD = """
import sys
from ljtracker.services.demo import write_demo
print("ready", flush=True)
write_demo(sys.argv[1])
"""


@dataclass(frozen=True)
class Round:
    number: int
    delay: float  # seconds between the child being ready and the kill
    killed: bool  # False when the child finished (or failed) before the kill
    interrupted: bool  # the kill left a change unfinished (a hot rollback journal behind)
    problems: tuple[str, ...]  # empty when the workbook came through whole


def _child(code: str, path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_after_ready(child: subprocess.Popen[str], delay: float) -> bool:
    assert child.stdout is not None
    line = child.stdout.readline()
    if line.strip() == "ready":
        time.sleep(delay)
    killed = child.poll() is None
    if killed:
        os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=60)
    return killed


def _journal_left(path: Path) -> bool:
    journal = path.with_name(path.name + "-journal")
    return journal.exists() and journal.stat().st_size > 0


def block_problems(path: Path) -> list[str]:
    """What is wrong with the workbook after a kill; [] when it holds whole changes only."""
    from ljtracker.storage.workbook import Workbook, WorkbookError

    try:
        wb = Workbook.open(path, read_only=True)
    except WorkbookError as e:
        return [f"cannot be opened: {e}"]
    with wb:
        problems = wb.integrity_problems()
        targets = wb.conn.execute("SELECT count(*) FROM target").fetchone()[0]
        count, low, high = wb.conn.execute(
            "SELECT count(*), min(value), max(value) FROM observation WHERE year BETWEEN ? AND ?",
            [BLOCK_YEARS.start, BLOCK_YEARS.stop - 1],
        ).fetchone()
        changes = wb.conn.execute(
            "SELECT count(*) FROM change WHERE description LIKE ?", [f"{MARK} %"]
        ).fetchone()[0]
    whole = targets * len(BLOCK_YEARS)
    if count not in (0, whole):
        problems.append(f"{count} of {whole} figures of the block: a change was half-written")
    if count and low != high:
        problems.append(f"the block mixes values {low:g} and {high:g}")
    if count and high != changes:
        problems.append(f"the block holds {high:g} but {changes} changes were recorded")
    if not count and changes:
        problems.append(f"{changes} changes recorded but the block is empty")
    return problems


def edit_rounds(path: Path, rounds: int, rng: random.Random) -> list[Round]:
    results = []
    for number in range(1, rounds + 1):
        delay = rng.uniform(0.0, 0.4)
        killed = _kill_after_ready(_child(_EDIT_CHILD, path), delay)
        interrupted = _journal_left(path)
        results.append(Round(number, delay, killed, interrupted, tuple(block_problems(path))))
    return results


def demo_rounds(folder: Path, rounds: int, rng: random.Random) -> list[Round]:
    from ljtracker.storage.workbook import Workbook, WorkbookError

    results = []
    for number in range(1, rounds + 1):
        path = folder / f"demo-{number}.ljt"
        delay = rng.uniform(0.0, 0.3)
        killed = _kill_after_ready(_child(_DEMO_CHILD, path), delay)
        interrupted = any(folder.glob(f".{path.name}.partial*"))
        problems: list[str] = []
        if path.exists():
            try:
                with Workbook.open(path, read_only=True) as wb:
                    problems = wb.integrity_problems()
                    if not wb.conn.execute("SELECT count(*) FROM plan").fetchone()[0]:
                        problems.append("the demo workbook exists without its plans")
            except WorkbookError as e:
                problems = [f"cannot be opened: {e}"]
        results.append(Round(number, delay, killed, interrupted, tuple(problems)))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--demo-rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    from ljtracker.services.demo import write_demo

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "crash.ljt"
        write_demo(path)
        results = edit_rounds(path, args.rounds, rng)
        results += demo_rounds(Path(folder), args.demo_rounds, rng)
    failed = [r for r in results if r.problems]
    killed = sum(r.killed for r in results)
    interrupted = sum(r.interrupted for r in results)
    for r in failed:
        print(f"round {r.number} (killed after {r.delay:.3f} s): {'; '.join(r.problems)}")
    print(
        f"seed {seed}: {len(results)} rounds, {killed} killed while running, "
        f"{interrupted} in the middle of a change, "
        f"{len(failed)} left a damaged or half-changed workbook"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
