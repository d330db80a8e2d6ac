"""`python -m ljtracker.bench`: generate the large workbook and measure the app at that size.

Prints a table (or, with --json, JSON with stable keys). --small runs every measure on a small
workbook, for CI; --runs sets how many runs each median is taken over.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from ljtracker.bench.workbooks import FULL, SMALL


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ljtracker.bench",
        description="Measure start, statuses, dashboard, editing, import, report and memory on "
        "a generated workbook (10 plans, 1,000 targets, 30 years).",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--small", action="store_true", help="a small workbook, for CI")
    parser.add_argument("--runs", type=int, default=5, help="runs per median (default: 5)")
    parser.add_argument(
        "--edits", type=int, default=None, help="edits timed (default: 200; 20 with --small)"
    )
    parser.add_argument(
        "--folder", type=Path, default=None, help="where to write the files (default: temporary)"
    )
    return parser


def _isolate(home: Path) -> None:
    """This process's settings and data in the scratch folder; offscreen without a display."""
    home.mkdir(parents=True, exist_ok=True)
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / ".config")
    os.environ["XDG_DATA_HOME"] = str(home / ".local" / "share")
    os.environ["XDG_CACHE_HOME"] = str(home / ".cache")
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def run(folder: Path, *, small: bool, runs: int, edits: int, as_json: bool) -> str:
    _isolate(folder / "home")
    from ljtracker.bench import measures, report
    from ljtracker.bench.measures_window import window_figures
    from ljtracker.bench.workbooks import prepare

    size = SMALL if small else FULL
    files = prepare(folder / "files", size)
    figures = measures.start_figures(files, runs)
    figures += measures.status_figures(files, runs)
    figures += window_figures(files.large, files.folder, runs, edits)
    figures += measures.import_figures(files, runs)
    figures += measures.report_figures(files, runs, size.report_targets, size.targets)
    if as_json:
        return json.dumps(report.as_json(figures, size, runs, edits), indent=2)
    return report.as_table(figures, size, runs)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.runs < 1:
        print("--runs must be at least 1", file=sys.stderr)
        return 2
    edits = args.edits or (20 if args.small else 200)
    if args.folder is not None:
        args.folder.mkdir(parents=True, exist_ok=True)
        print(run(args.folder, small=args.small, runs=args.runs, edits=edits, as_json=args.json))
        return 0
    with tempfile.TemporaryDirectory(prefix="ljtracker-bench-") as folder:
        print(run(Path(folder), small=args.small, runs=args.runs, edits=edits, as_json=args.json))
    return 0


if __name__ == "__main__":
    sys.exit(main())
