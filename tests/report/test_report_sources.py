"""The data sources appendix: what each target took from each source, readable on paper."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from ljtracker.domain.change_names import ChangeName
from ljtracker.report.builder import ReportOptions, build_report
from ljtracker.report.document import Document, Table
from ljtracker.report.render import write_pdf
from ljtracker.report.text import as_typed
from ljtracker.services.demo import write_plans
from ljtracker.storage.workbook import Workbook

JOINER = "\u2060"  # the word joiner that keeps a run of years on one line
NO_BREAK_SPACE = "\u00a0"


def _target(code: str, gap: bool) -> dict[str, Any]:
    years = [2016, 2017, 2018, 2020, 2021, 2022, 2023] if gap else [2016, *range(2021, 2024)]
    figures = [(year, "Yearbook") for year in years] + [(2024, "Flash estimate")]
    if not gap:
        figures.append((2025, "Yearbook"))
    return {
        "code": code,
        "name_zh": "产值",
        "name_en": "Output",
        "unit": "亿元",
        "comparator": "at_least",
        "target_year": 2025,
        "target_value": 200.0,
        "baseline": {"year": 2020, "value": 100.0, "source": "Yearbook"},
        "observations": [
            {"year": year, "value": 100.0 + year - 2020, "source": source}
            for year, source in figures
        ],
    }


def _workbook(path: Path, targets: list[dict[str, Any]]) -> Path:
    plan = {
        "code": "RUNS",
        "title_zh": "规划",
        "title_en": "Plan",
        "start_year": 2021,
        "end_year": 2025,
        "targets": targets,
    }
    with Workbook.create(path) as wb, wb.change(ChangeName("Plan")) as w:
        write_plans(w, {"plans": [plan]})
    return path


def _report(path: Path, lang: str, plan: str = "RUNS") -> Document:
    with Workbook.open(path, read_only=True) as wb:
        options = ReportOptions(plan, lang, None)  # type: ignore[arg-type]
        return build_report(wb, options, today=date(2026, 3, 1))


def _sources(document: Document) -> Table:
    return [b for b in document.blocks if isinstance(b, Table)][-1]


@pytest.mark.parametrize(
    ("lang", "yearbook"),
    [
        ("en", "R-1 2020 (baseline), 2016, 2021–2023, 2025"),
        ("zh", "R-1 2020（基期）、2016、2021—2023、2025"),
    ],
)
def test_each_target_s_years_are_listed_as_runs(tmp_path: Path, lang: str, yearbook: str) -> None:
    path = _workbook(tmp_path / "runs.ljt", [_target("R-1", gap=False)])
    rows = _sources(_report(path, lang)).rows
    assert [(row[1].text, as_typed(row[2].text)) for row in rows] == [
        ("Yearbook", yearbook),
        ("Flash estimate", "R-1 2024"),
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_run_of_years_is_never_broken_across_lines(
    tmp_path: Path, qapp: QApplication, lang: str
) -> None:
    targets = [_target(f"CQ-{n:02d}", gap=n % 3 == 0) for n in range(1, 26)]
    targets.append(_target("LJ-GDP", gap=False))  # a hyphen kerned with the letter after it
    targets += [_target(f"研发投入强度{n}", gap=True) for n in range(1, 4)]  # may break anywhere
    path = _workbook(tmp_path / "runs.ljt", targets)
    pdf = tmp_path / "runs.pdf"
    write_pdf(_report(path, lang), pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    appendix = text.split("数据来源" if lang == "zh" else "Data sources")[-1].splitlines()
    dash = "—" if lang == "zh" else "–"
    assert f"2016{dash}2018" in text and JOINER not in text  # found by a search as typed
    assert "LJ-GDP 2024" in text and "\u00a0" not in text
    assert len(appendix) > 20  # the runs fill more than a few lines
    assert [line for line in appendix if line.strip().startswith(dash)] == []
    assert [line for line in appendix if line.strip().endswith(dash)] == []
    # a code is whole and on the line of its first year; "2020 (baseline)" is not split
    assert re.findall(r"CQ-\d\d(?! 20\d\d)", "\n".join(appendix)) == []
    assert [line for line in appendix if re.search(r"CQ-?$", line.strip())] == []
    baseline = "2020（基期）" if lang == "zh" else "2020 (baseline)"
    assert text.count(baseline) == 29  # each target's, whole
    codes = re.findall(r"研发投入强度\d 20\d\d", "\n".join(appendix))
    assert sorted(codes) == sorted(f"研发投入强度{n} {y}" for n in (1, 2, 3) for y in (2020, 2024))


def test_the_column_that_needs_more_lines_gets_the_room(demo_path: Path, tmp_path: Path) -> None:
    def shares(document: Document) -> tuple[float, float]:
        source, used_for = _sources(document).columns[1:]
        return source.weight, used_for.weight

    source, used_for = shares(_report(demo_path, "en", "LJ2025"))
    assert source >= used_for  # long citations, each used by a few targets
    many = _workbook(tmp_path / "many.ljt", [_target(f"T{n:03d}", gap=True) for n in range(60)])
    source, used_for = shares(_report(many, "en"))
    assert used_for == pytest.approx(2 * source)  # two books for sixty targets: a third left
