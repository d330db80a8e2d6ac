"""`ljtracker report`: the PDF in either language, and one-line errors that leave no file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ljtracker.cli import main

# The command makes a QGuiApplication when there is none; in this process the tests' widgets
# need a QApplication, so it is made first.
pytestmark = pytest.mark.usefixtures("qapp")

TextReader = Callable[..., str]


def test_report_runs_without_a_display(
    demo_path: Path, tmp_path: Path, pdf_text: TextReader
) -> None:
    """The real command, with neither a display nor a Qt platform set: it paints offscreen."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    out = tmp_path / "en.pdf"
    command = [sys.executable, "-m", "ljtracker", "report", str(demo_path), "-o", str(out)]
    result = subprocess.run(
        [*command, "--plan", "LJ2025", "--year", "2021", "--lang", "en"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Wrote the progress report" in result.stdout and str(out) in result.stdout
    text = pdf_text(out)
    assert "GDP of the whole new area" in text and "5,000" in text and "On track" in text


def test_report_in_chinese_on_letter_landscape(
    demo_path: Path,
    tmp_path: Path,
    pdf_text: TextReader,
    pdf_info: Callable[[Path], dict[str, str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "zh.pdf"
    args = ["report", str(demo_path), "-o", str(out), "--plan", "LJ2025", "--year", "2021"]
    assert main([*args, "--lang", "zh", "--paper", "letter", "--landscape"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("已将规划目标进展报告（") and str(out) in said
    pages = said.split("（")[1].split()[0]
    assert pdf_info(out)["Page size"].startswith("792 x 612 pts")
    assert pdf_info(out)["Pages"] == pages
    text = pdf_text(out)
    assert "两江新区地区生产总值" in text and "进展顺利" in text


def test_sections_status_and_method_options(
    demo_path: Path, tmp_path: Path, pdf_text: TextReader
) -> None:
    out = tmp_path / "part.pdf"
    args = ["report", str(demo_path), "-o", str(out), "--plan", "LJ2025", "--year", "2021"]
    options = ["--lang", "en", "--sections", "table,method", "--status", "on_track"]
    assert main([*args, *options, "--method", "projection"]) == 0
    text = pdf_text(out)
    assert "All targets at a glance" in text and "projection method" in text
    assert "LJ-GDP" in text and "LJ-SHARE-GDP" not in text
    assert "Summary" not in text and "Data sources" not in text
    missed = ["report", str(demo_path), "-o", str(out), "--overwrite", "--plan", "LJ2020"]
    assert main([*missed, "--lang", "en", "--sections", "table", "--status", "missed"]) == 0
    text = pdf_text(out)
    assert "LJ14-GDP" in text and "LJ14-IND" not in text


def error_of(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


def test_unknown_plan(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    err = error_of(["report", str(demo_path), "-o", str(out), "--plan", "NOPE"], capsys)
    assert "no plan with the code NOPE" in err
    assert not out.exists()


def test_several_plans_need_a_choice(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = error_of(["report", str(demo_path), "-o", str(tmp_path / "x.pdf")], capsys)
    assert "choose one with --plan" in err and "LJ2025" in err


def test_unwritable_output(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing-folder" / "x.pdf"
    err = error_of(["report", str(demo_path), "-o", str(out), "--plan", "LJ2025"], capsys)
    assert "does not exist" in err
    assert not out.parent.exists()


def test_output_over_the_workbook_is_refused(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = demo_path.rename(demo_path.with_suffix(".pdf"))  # the name alone is no guard
    before = workbook.read_bytes()
    err = error_of(["report", str(workbook), "-o", str(workbook), "--plan", "LJ2025"], capsys)
    assert "open workbook" in err
    assert workbook.read_bytes() == before


def test_unknown_printer(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "no-such-printer-here"
    err = error_of(["report", str(demo_path), "--printer", name, "--plan", "LJ2025"], capsys)
    assert f"no printer named {name}" in err
    zh = ["report", str(demo_path), "--printer", name, "--plan", "LJ2025", "--lang", "zh"]
    err = error_of(zh, capsys)
    assert f"没有名为 {name} 的打印机（现有：" in err and "none" not in err


def test_unknown_section_and_area(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["report", str(demo_path), "-o", str(tmp_path / "x.pdf"), "--plan", "LJ2025"]
    assert "unknown section cover2" in error_of([*args, "--sections", "cover2"], capsys)
    assert "there is no area 9" in error_of([*args, "--area", "9"], capsys)


def test_an_area_without_targets_is_refused_with_the_areas_that_have_some(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--area 3 wrote a report of no target: area 3 holds none, and the report's table of
    areas, listing only those with targets, made the fourth look like the third."""
    out = tmp_path / "x.pdf"
    args = ["report", str(demo_path), "-o", str(out), "--plan", "LJ2025", "--area", "3"]
    said = error_of(args, capsys)
    assert said.startswith("ljtracker: area 3 of the plan LJ2025 holds no target; the areas")
    assert "; 4 Inland opening-up gateway;" in said
    assert not out.exists()
    assert error_of([*args, "--area", "1"], capsys) == said  # with one that holds some too


def test_file_or_printer_is_required(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(demo_path), "--plan", "LJ2025"])
    assert exit_info.value.code == 2
    assert "-o/--output" in capsys.readouterr().err


def test_the_report_is_written_to_a_pdf_file_only(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.txt"
    assert main(["report", str(demo_path), "-o", str(out), "--plan", "LJ2025"]) == 1
    assert "choose a file name ending in .pdf" in capsys.readouterr().err
    assert not out.exists()
