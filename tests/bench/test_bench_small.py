"""The benchmark at a small size, end to end: every measure runs and reports a usable figure.

No test here asserts a time: machines differ. They check that the benchmark keeps working and
that its JSON keeps its keys, so that figures can be compared from one run to the next.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import ljtracker

FIGURE_KEYS = {
    "floor_window_s",
    "cold_start_demo_s",
    "cold_start_large_s",
    "peak_memory_large_mb",
    "statuses_growth_ratio_ms",
    "statuses_projection_ms",
    "statuses_schedule_ms",
    "statuses_from_file_ms",
    "dashboard_largest_plan_ms",
    "edit_latency_median_ms",
    "edit_latency_p95_ms",
    "insert_floor_rows_per_s",
    "import_csv_rows_per_s",
    "import_xlsx_rows_per_s",
    "report_20_targets_s",
    "report_40_targets_s",
    "report_memory_growth_ratio",
}
AGAINST_A_FLOOR = {
    "cold_start_demo_s": "floor_window_s",
    "cold_start_large_s": "floor_window_s",
    "import_csv_rows_per_s": "insert_floor_rows_per_s",
    "import_xlsx_rows_per_s": "insert_floor_rows_per_s",
}
FIELDS = {"label", "value", "unit", "samples", "floor", "ratio", "goal", "met", "notes"}


def _positive(value: Any) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and value > 0


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("bench")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    options = ("--small", "--json", "--runs", "2", "--edits", "5", "--folder", str(folder))
    done = subprocess.run(
        [sys.executable, "-m", "ljtracker.bench", *options],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    data: dict[str, Any] = json.loads(done.stdout)
    data["folder"] = str(folder)
    return data


def test_every_figure_is_reported_under_its_stable_key(result: dict[str, Any]) -> None:
    assert set(result["figures"]) == FIGURE_KEYS
    for key, figure in result["figures"].items():
        assert set(figure) == FIELDS, key
        assert _positive(figure["value"]), (key, figure["value"])
        assert figure["samples"], key
        assert all(_positive(s) for s in figure["samples"]), key


def test_figures_that_have_a_floor_carry_it_and_their_ratio(result: dict[str, Any]) -> None:
    figures = result["figures"]
    for key, floor_key in AGAINST_A_FLOOR.items():
        figure = figures[key]
        assert figure["floor"] == pytest.approx(figures[floor_key]["value"])
        assert figure["ratio"] == pytest.approx(figure["value"] / figure["floor"])
    p95 = figures["edit_latency_p95_ms"]
    assert p95["floor"] == 16 and p95["ratio"] == pytest.approx(p95["value"] / 16)
    assert p95["value"] >= figures["edit_latency_median_ms"]["value"]


def test_goals_are_judged_from_the_figures(result: dict[str, Any]) -> None:
    figures = result["figures"]
    for key in ("statuses_growth_ratio_ms", "statuses_projection_ms", "statuses_schedule_ms"):
        assert figures[key]["met"] == (figures[key]["value"] < 50)
    share = figures["import_csv_rows_per_s"]["ratio"]
    assert figures["import_csv_rows_per_s"]["met"] == (share >= 0.3)
    memory = figures["peak_memory_large_mb"]
    assert memory["met"] == (memory["value"] < 300)


def test_the_run_describes_the_machine_and_the_size(result: dict[str, Any]) -> None:
    machine = result["machine"]
    assert machine["cpus"] >= 1 and machine["memory_gb"] > 0
    assert machine["cpu_model"] and machine["python"].count(".") == 2
    assert machine["qt"].startswith("6.")
    assert result["size"] == {"plans": 2, "targets": 40, "years": 6, "observations": 240}
    assert result["runs"] == 2 and result["edits"] == 5


def test_reports_were_written_with_their_pages(result: dict[str, Any]) -> None:
    figures = result["figures"]
    few, everything = figures["report_20_targets_s"], figures["report_40_targets_s"]
    assert 0 < few["notes"]["pages"] < everything["notes"]["pages"]
    for name in ("report-few.pdf", "report-all.pdf"):
        pdf = Path(result["folder"]) / "files" / name
        assert pdf.read_bytes().startswith(b"%PDF")


def test_the_table_for_people_names_every_measure(tmp_path: Path) -> None:
    from ljtracker.bench.report import as_table
    from ljtracker.bench.timing import Figure
    from ljtracker.bench.workbooks import SMALL

    figures = [
        Figure("floor_window_s", "Floor window", 0.5, "s", (0.5,)),
        Figure("cold_start_demo_s", "Cold start", 0.6, "s", (0.6,), 0.5, 1.2, "<= 1.3x", True),
        Figure("import_csv_rows_per_s", "Import", 5000, "rows/s", (5000,), 20000, 0.25, "", False),
    ]
    table = as_table(figures, SMALL, 1).splitlines()
    assert any(
        "Cold start" in line and "1.20x of 0.50 s" in line and "yes" in line for line in table
    )
    assert any("Import" in line and "5,000 rows/s" in line and "NO" in line for line in table)


def test_the_program_starts_measured_from_compiled_modules(result: dict[str, Any]) -> None:
    """Where Python may not cache bytecode (PYTHONDONTWRITEBYTECODE), each start measured
    compiled every module from source, as no installed program does."""
    package = Path(ljtracker.__file__).parent
    stale = [
        str(source.relative_to(package))
        for source in package.rglob("*.py")
        if not (cached := Path(importlib.util.cache_from_source(str(source)))).is_file()
        or cached.stat().st_mtime < source.stat().st_mtime
    ]
    assert stale == []
