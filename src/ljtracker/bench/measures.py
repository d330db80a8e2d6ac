"""The measures that need no window: statuses, imports against raw inserts, start and report
in fresh processes."""

from __future__ import annotations

import compileall
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from itertools import cycle
from pathlib import Path
from typing import Any

import ljtracker
from ljtracker.bench.timing import Figure, median, repeat, seconds
from ljtracker.bench.workbooks import Files
from ljtracker.domain.model import Method
from ljtracker.services.importing import ImportOptions, apply_import, read_source
from ljtracker.services.progress import ProgressCache, plan_progress
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook

STATUS_GOAL_MS = 50.0
IMPORT_GOAL_SHARE = 0.30
START_GOAL_RATIO = 1.3
LARGE_START_GOAL_S = 1.5
FLAT_MEMORY_RATIO = 2.0  # memory growth of the report of all targets / of the first plan's


def child_environment(home: Path) -> dict[str, str]:
    """The environment of a probe: its own settings and data folders, a platform to draw on."""
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
    )
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # An installed application starts from compiled bytecode, as its libraries do; a source tree
    # run with bytecode writing switched off would compile every module of ours on every start.
    # The bytecode goes beside the scratch home, so nothing is written into the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / ".cache" / "pycache")
    return env


def _run_child(module: str, args: list[str], home: Path) -> tuple[float, dict[str, Any]]:
    """Start `python -m module args`; the seconds from the start to its JSON line, and it."""
    home.mkdir(parents=True, exist_ok=True)
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-m", module, *args],
        env=child_environment(home),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{module} {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return start, json.loads(lines[-1])


def _first_paint(args: list[str], home: Path) -> tuple[float, float]:
    start, result = _run_child("ljtracker.bench.startup_probe", args, home)
    return float(result["painted"]) - start, float(result["peak_rss_mb"])


def _compiled_as_installed() -> None:
    """The program's modules compiled to bytecode, as installing it compiles them (pip, the
    packaged application) and as its dependencies' are: run from a source tree where Python
    may not write its cache (PYTHONDONTWRITEBYTECODE), every start compiled every module."""
    compileall.compile_dir(Path(ljtracker.__file__).parent, quiet=1)


def start_figures(files: Files, runs: int) -> list[Figure]:
    """Floor window, then the application on the demo and the large workbook, each in fresh
    processes; the workbooks' daily backup is made beforehand, as on any later start."""
    home = files.folder / "home"
    samples: dict[str, list[float]] = {"floor": [], "demo": [], "large": []}
    peaks: list[float] = []
    _compiled_as_installed()
    for path in (files.demo, files.large):
        _first_paint(["app", str(path)], home)  # the day's first opening makes a backup
    for _ in range(runs):
        samples["floor"].append(_first_paint(["floor"], home)[0])
        samples["demo"].append(_first_paint(["app", str(files.demo)], home)[0])
        elapsed, peak = _first_paint(["app", str(files.large)], home)
        samples["large"].append(elapsed)
        peaks.append(peak)
    floor = median(samples["floor"])
    figures = [
        Figure(
            "floor_window_s",
            "Floor: bare PySide6 + pyqtgraph window painted",
            floor,
            "s",
            tuple(samples["floor"]),
        )
    ]
    for name, label in (("demo", "demo workbook"), ("large", "large workbook, dashboard")):
        value = median(samples[name])
        ratio = value / floor
        met = ratio <= START_GOAL_RATIO
        goal = f"<= {START_GOAL_RATIO}x floor"
        if name == "large":
            met = met and value < LARGE_START_GOAL_S
            goal += f" and < {LARGE_START_GOAL_S} s"
        figures.append(
            Figure(
                f"cold_start_{name}_s",
                f"Cold start to the painted window, {label}",
                value,
                "s",
                tuple(samples[name]),
                floor=floor,
                ratio=ratio,
                goal=goal,
                met=met,
            )
        )
    figures.append(
        Figure(
            "peak_memory_large_mb",
            "Peak memory, window with the large workbook open",
            median(peaks),
            "MB",
            tuple(peaks),
            goal="< 300 MB",
            met=median(peaks) < 300,
        )
    )
    return figures


def status_figures(files: Files, runs: int) -> list[Figure]:
    """Progress of every target of every plan by each method, judged again as the window does
    when the as-of year or the method changes (its figures already read); and once straight
    from the file, as the command line and the report do."""
    figures = []
    with Workbook.open(files.large, read_only=True) as wb:
        plans = reads.plans(wb)
        years = reads.data_years(wb)
        last = years[1] if years else None
        cache = ProgressCache(wb)
        for method in Method:
            as_of_years = iter(cycle((last, None)))

            def judge(method: Method = method, as_of: Iterator[int | None] = as_of_years) -> None:
                year = next(as_of)
                for plan in plans:
                    cache.plan_progress(plan, as_of_year=year, method=method)

            judge()
            samples = [s * 1000 for s in repeat(judge, runs)]
            value = median(samples)
            figures.append(
                Figure(
                    f"statuses_{method.value}_ms",
                    f"Statuses of all targets judged again, {method.value}",
                    value,
                    "ms",
                    tuple(samples),
                    goal=f"< {STATUS_GOAL_MS:g} ms",
                    met=value < STATUS_GOAL_MS,
                )
            )

        def from_file() -> None:
            for plan in plans:
                plan_progress(wb, plan)

        samples = [s * 1000 for s in repeat(from_file, runs)]
        figures.append(
            Figure(
                "statuses_from_file_ms",
                "Statuses of all targets read from the file and judged",
                median(samples),
                "ms",
                tuple(samples),
            )
        )
    return figures


def _target_ids(path: Path) -> dict[tuple[str, str], int]:
    with Workbook.open(path, read_only=True) as wb:
        rows = wb.conn.execute(
            "SELECT p.code, t.code, t.id FROM target t JOIN plan p ON p.id = t.plan_id"
        )
        return {(plan, code): target_id for plan, code, target_id in rows}


def _raw_rows(files: Files) -> list[tuple[object, ...]]:
    ids = _target_ids(files.without_figures)
    with Workbook.open(files.large, read_only=True) as wb:
        rows = wb.conn.execute(
            "SELECT p.code, t.code, o.year, o.value, o.quality, o.source, o.note "
            "FROM observation o JOIN target t ON t.id = o.target_id "
            "JOIN plan p ON p.id = t.plan_id ORDER BY p.code, t.code, o.year"
        ).fetchall()
    return [(ids[(plan, code)], *rest) for plan, code, *rest in rows]


def _insert_raw(path: Path, rows: list[tuple[object, ...]]) -> float:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    try:
        start = time.perf_counter()
        with conn:
            conn.executemany(
                "INSERT INTO observation (target_id, year, value, quality, source, note) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
        return time.perf_counter() - start
    finally:
        conn.close()


def _import_once(source_file: Path, workbook: Path, expected: int) -> float:
    with Workbook.open(workbook) as wb:

        def work() -> None:
            apply_import(wb, read_source(source_file), ImportOptions())

        elapsed = seconds(work)
        (count,) = wb.conn.execute("SELECT count(*) FROM observation").fetchone()
    if count != expected:
        raise RuntimeError(f"the import wrote {count} figures instead of {expected}")
    return elapsed


def import_figures(files: Files, runs: int) -> list[Figure]:
    """Importing every observation from CSV and from XLSX into the workbook without figures,
    against inserting the same rows with one `executemany` in one transaction."""
    scratch = files.folder / "imports"
    scratch.mkdir(exist_ok=True)
    rows = _raw_rows(files)

    def fresh(name: str) -> Path:
        copy = scratch / name
        copy.unlink(missing_ok=True)
        shutil.copyfile(files.without_figures, copy)
        return copy

    raw = [_insert_raw(fresh("raw.ljt"), rows) for _ in range(runs)]
    floor_rate = len(rows) / median(raw)
    figures = [
        Figure(
            "insert_floor_rows_per_s",
            "Floor: the same rows by sqlite3 executemany, one transaction",
            floor_rate,
            "rows/s",
            tuple(len(rows) / s for s in raw),
        )
    ]
    for kind, source in (("csv", files.csv), ("xlsx", files.xlsx)):
        times = [_import_once(source, fresh(f"{kind}.ljt"), len(rows)) for _ in range(runs)]
        rate = len(rows) / median(times)
        share = rate / floor_rate
        figures.append(
            Figure(
                f"import_{kind}_rows_per_s",
                f"Import of {len(rows):,} figures from {kind.upper()}",
                rate,
                "rows/s",
                tuple(len(rows) / s for s in times),
                floor=floor_rate,
                ratio=share,
                goal=f">= {IMPORT_GOAL_SHARE:.0%} of the floor",
                met=share >= IMPORT_GOAL_SHARE,
                notes={"seconds": median(times)},
            )
        )
    return figures


def _report(path: Path, plan: str, output: Path, home: Path) -> dict[str, Any]:
    return _run_child("ljtracker.bench.report_probe", [str(path), plan, str(output)], home)[1]


def report_figures(files: Files, runs: int, few: int, all_targets: int) -> list[Figure]:
    """A plan's report as PDF, fresh processes: the first plan of the large workbook, and the
    plan holding every target; the memory each needed above what it held before it began."""
    home = files.folder / "home"
    figures = []
    growth: dict[str, list[float]] = {}
    for key, path, code, count, goal_s in (
        ("few", files.large, "BIG00", few, 5.0),
        ("all", files.single_plan, "BIG00", all_targets, 30.0),
    ):
        results = [
            _report(path, code, files.folder / f"report-{key}.pdf", home) for _ in range(runs)
        ]
        samples = [float(r["seconds"]) for r in results]
        pages = int(results[0]["pages"])
        growth[key] = [float(r["peak_rss_mb"]) - float(r["rss_before_mb"]) for r in results]
        grew = median(growth[key])
        value = median(samples)
        figures.append(
            Figure(
                f"report_{count}_targets_s",
                f"Report PDF of {count:,} targets ({pages} pages)",
                value,
                "s",
                tuple(samples),
                goal=f"< {goal_s:g} s",
                met=value < goal_s,
                notes={
                    "pages": pages,
                    "memory_growth_mb": grew,
                    "peak_rss_mb": median([float(r["peak_rss_mb"]) for r in results]),
                },
            )
        )
    few_growth, all_growth = median(growth["few"]), median(growth["all"])
    ratio = all_growth / few_growth if few_growth > 0 else None
    figures.append(
        Figure(
            "report_memory_growth_ratio",
            "Report memory: growth for all targets / growth for the first plan",
            all_growth,
            "MB",
            tuple(growth["all"]),
            floor=few_growth,
            ratio=ratio,
            goal=f"flat as pages grow: <= {FLAT_MEMORY_RATIO:g}x",
            met=ratio is not None and ratio <= FLAT_MEMORY_RATIO,
        )
    )
    return figures
