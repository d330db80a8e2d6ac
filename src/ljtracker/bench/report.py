"""The benchmark's results: a table for people and JSON with stable keys."""

from __future__ import annotations

import os
import platform
import sqlite3
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ljtracker.bench.timing import Figure
from ljtracker.bench.workbooks import Size
from ljtracker.domain.number_text import counted


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return 0.0


def machine() -> dict[str, Any]:
    import pyqtgraph
    import PySide6
    from PySide6.QtCore import qVersion

    return {
        "cpus": len(os.sched_getaffinity(0)),
        "cpu_model": _cpu_model(),
        "memory_gb": _memory_gb(),
        "python": platform.python_version(),
        "qt": qVersion(),
        "pyside6": PySide6.__version__,
        "pyqtgraph": pyqtgraph.__version__,
        "sqlite": sqlite3.sqlite_version,
        "qt_platform": os.environ.get("QT_QPA_PLATFORM", "") or "default",
    }


def _figure_json(figure: Figure) -> dict[str, Any]:
    data = asdict(figure)
    data["samples"] = list(figure.samples)
    del data["key"]
    return data


def as_json(figures: list[Figure], size: Size, runs: int, edits: int) -> dict[str, Any]:
    return {
        "machine": machine(),
        "size": {
            "plans": size.plans,
            "targets": size.targets,
            "years": size.years,
            "observations": size.observations,
        },
        "runs": runs,
        "edits": edits,
        "figures": {f.key: _figure_json(f) for f in figures},
    }


def _number(value: float, unit: str) -> str:
    if unit == "rows/s":
        return f"{value:,.0f} rows/s"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.1f} {unit}"


def _against(figure: Figure) -> str:
    if figure.floor is None or figure.ratio is None:
        return ""
    return f"{figure.ratio:.2f}x of {_number(figure.floor, figure.unit)}"


def _verdict(figure: Figure) -> str:
    if figure.met is None:
        return ""
    return "yes" if figure.met else "NO"


def as_table(figures: list[Figure], size: Size, runs: int) -> str:
    info = machine()
    lines = [
        f"ljtracker benchmark: {size.plans} plans, {size.targets:,} targets, {size.years} years "
        f"({size.observations:,} figures); median of {counted(runs, 'run')}",
        f"{info['cpus']} CPUs ({info['cpu_model']}), {info['memory_gb']} GB, Python "
        f"{info['python']}, Qt {info['qt']}, SQLite {info['sqlite']}, "
        f"platform {info['qt_platform']}",
        "",
    ]
    rows = [("measure", "figure", "against floor", "goal", "met")]
    for figure in figures:
        rows.append(
            (
                figure.label,
                _number(figure.value, figure.unit),
                _against(figure),
                figure.goal,
                _verdict(figure),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for number, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)
