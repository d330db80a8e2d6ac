from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from ljtracker.cli import build_parser, main
from ljtracker.domain.model import Plan, Target
from ljtracker.services import clock, editing
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "ljtracker", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_demo_then_status_shows_the_liangjiang_gdp_target(tmp_path: Path) -> None:
    path = tmp_path / "d.ljt"
    assert run("demo", str(path)).returncode == 0
    # as of 2023: the same answer whatever year the test runs in (a fresh process: the year
    # is not pinned there)
    result = run("status", str(path), "--plan", "LJ2025", "--year", "2023", "--lang", "en")
    assert result.returncode == 0, result.stderr
    gdp = next(line for line in result.stdout.splitlines() if line.startswith("LJ-GDP "))
    assert "at least 5,000 亿元 by 2025" in gdp and "On track" in gdp
    assert (
        "  LJ-GDP: Growing 6.67 % a year since 2020 against 5.92 % needed to reach 5,000 亿元 by"
        " 2025 (ratio 1.13): on track."
    ) in result.stdout


def test_status_in_chinese(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", str(demo_path), "--plan", "LJ2025", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "两江新区地区生产总值" in out
    assert "2025年不低于5,000亿元" in out
    assert "进展顺利" in out
    assert "2020年：3,750" in out and "2020: 3,750" not in out  # as Chinese writes a year


def test_status_json_says_how_old_an_old_latest_figure_is(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["status", str(demo_path), "--plan", "LJ2025", "--year", "2024", "--format", "json"]
    assert main(args) == 0
    targets = json.loads(capsys.readouterr().out)["plans"][0]["targets"]
    latest = {t["code"]: t["latest"] for t in targets if t["latest"] is not None}
    assert latest["LJ-GDP"]["years_before_as_of"] == 3  # 2021, judged as of 2024
    assert latest["LJ-SHARE-GDP"]["years_before_as_of"] is None  # 2023: a year behind
    # a lone first figure, the baseline, is the latest there is, as the report shows it
    assert latest["LJ-GDP-DIRECT"] == {
        "year": 2021, "value": 2271.0, "quality": "official", "years_before_as_of": 3
    }  # fmt: skip


def test_status_table_shows_a_lone_first_figure_as_the_latest_as_the_report_does(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", str(demo_path), "--plan", "LJ2025", "--year", "2021"]) == 0
    (row,) = [line for line in capsys.readouterr().out.splitlines() if "LJ-GDP-DIRECT " in line]
    assert row.count("2021: 2,271") == 2  # baseline and latest


def test_status_json_shape(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", str(demo_path), "--format", "json", "--lang", "en"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["as_of"] is None and document["method"] == "growth_ratio"
    codes = {p["code"] for p in document["plans"]}
    assert codes == {"LJ2025", "CQ2022", "CQST2025", "LJ2020"}
    lj = next(p for p in document["plans"] if p["code"] == "LJ2025")
    gdp = next(t for t in lj["targets"] if t["code"] == "LJ-GDP")
    assert gdp["baseline"] == {"year": 2020, "value": 3750.0}
    assert gdp["target"] == {"year": 2025, "value": 5000.0, "tolerance": None}
    assert gdp["latest"] == {
        "year": 2021,
        "value": 4000.0,
        "quality": "preliminary",
        "years_before_as_of": None,
    }
    # on all figures in 2026, a year after its target year, its 2025 figure is awaited
    assert gdp["status"] == "not_assessable" and gdp["warning"] is False and gdp["missed"] is False
    assert gdp["awaiting_target_figure"] is True
    assert round(gdp["required_growth"], 4) == 0.0592
    assert round(gdp["observed_growth"], 4) == 0.0667
    assert gdp["required_growth_from_latest"] is None
    assert gdp["explanation"].startswith("Not assessable: the target year 2025 has come")
    assert "Status by its last figure (2021): on track — growing 6.67 %" in gdp["explanation"]
    expected_keys = {
        "code",
        "name",
        "unit",
        "kind",
        "comparator",
        "direction",
        "baseline",
        "target",
        "latest",
        "achievement",
        "elapsed",
        "schedule_index",
        "observed_growth",
        "required_growth",
        "required_growth_from_latest",
        "required_yearly_amount",
        "planned_value",
        "projected_value",
        "ratio",
        "status",
        "warning",
        "missed",
        "awaiting_target_figure",
        "explanation",
    }
    assert set(gdp) == expected_keys
    # the number the status rests on, which only the sentence gave: R = 6.67 % / 5.92 %
    assert gdp["ratio"] == pytest.approx(1.126, abs=5e-4)
    assert gdp["required_yearly_amount"] is None  # its year is over


def test_status_after_the_target_year_says_its_figure_is_awaited(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["status", str(demo_path), "--plan", "LJ2025", "--year", "2026", "--format", "json"]
    assert main(args) == 0
    (plan,) = json.loads(capsys.readouterr().out)["plans"]
    gdp = next(t for t in plan["targets"] if t["code"] == "LJ-GDP")
    assert gdp["status"] == "not_assessable" and gdp["awaiting_target_figure"] is True
    assert gdp["required_growth_from_latest"] is None
    assert gdp["latest"]["years_before_as_of"] == 5
    assert not any(t["awaiting_target_figure"] for t in plan["targets"] if t["code"] != "LJ-GDP")


def test_status_json_projects_only_until_the_target_year_figure_is_in(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def gdp() -> dict[str, object]:
        assert main(["status", str(demo_path), "--plan", "LJ2025", "--format", "json"]) == 0
        (plan,) = json.loads(capsys.readouterr().out)["plans"]
        return next(t for t in plan["targets"] if t["code"] == "LJ-GDP")

    assert gdp()["projected_value"] is not None  # 2021's growth carried on to 2025
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2025", "5,100"]) == 0
    capsys.readouterr()
    # the 2025 figure says where the target ended; the window and the report show no projection
    assert gdp()["projected_value"] is None


def test_status_as_of_year_ignores_later_figures(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["status", str(demo_path), "--plan", "LJ2025", "--year", "2020", "--format", "json"])
        == 0
    )
    document = json.loads(capsys.readouterr().out)
    gdp = next(t for t in document["plans"][0]["targets"] if t["code"] == "LJ-GDP")
    assert document["as_of"] == 2020
    assert gdp["latest"] is None and gdp["status"] == "not_assessable"


def test_status_csv_and_method(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["status", str(demo_path), "--format", "csv", "--method", "schedule", "--lang", "en"])
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("plan,code,name")
    (gdp,) = [line for line in lines if line.startswith("LJ2025,LJ-GDP,")]
    assert "against 3,972.09 亿元 planned on a compound-growth path (schedule index 1.13" in gdp
    assert main(["status", str(demo_path), "--format", "csv", "--lang", "en"]) == 0
    (gdp,) = [line for line in capsys.readouterr().out.splitlines() if ",LJ-GDP," in line]
    assert "against 5.92 % needed to reach 5,000 亿元 by 2025 (ratio 1.13)" in gdp


def test_history_gives_each_figure_in_the_unit_it_was_recorded_in(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After the unit changed from 亿元 to 万元, a figure recorded before was given in 万元:
    ten thousand times too small."""
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4,400"]) == 0
    with Workbook.open(demo_path) as wb:
        plan = reads.plan_by_code(wb, "LJ2025")
        assert plan is not None and plan.id is not None
        gdp = reads.target_by_code(wb, plan.id, "LJ-GDP")
        assert gdp is not None
        editing.update_target(wb, replace(gdp, unit="万元", baseline_value=37_500_000.0))
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2023", "48,000,000"]) == 0
    capsys.readouterr()
    assert main(["history", str(demo_path), "LJ2025", "LJ-GDP"]) == 0
    lines = [line.split("\t")[-1] for line in capsys.readouterr().out.splitlines()]
    assert lines[0] == "— → 2023: 48,000,000 万元 (official)"
    assert "unit: 亿元 → 万元" in lines[1]
    assert "baseline value: 3,750 亿元 → 37,500,000 万元" in lines[1]
    assert lines[2] == "— → 2022: 4,400 亿元 (official)"


def test_record_a_figure_and_see_it_in_history(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "record",
                str(demo_path),
                "LJ2025",
                "LJ-GDP",
                "2022",
                "４，４００",
                "--quality",
                "preliminary",
                "--source",
                "work report",
            ]
        )
        == 0
    )
    assert main(["history", str(demo_path), "LJ2025", "LJ-GDP"]) == 0
    out = capsys.readouterr().out
    assert "\t— → 2022: 4,400 亿元 (preliminary, work report)\n" in out
    assert (
        main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4,400", "--note", "revised"])
        == 0
    )
    capsys.readouterr()
    assert main(["history", str(demo_path), "LJ2025", "LJ-GDP", "--lang", "zh"]) == 0
    newest = capsys.readouterr().out.splitlines()[0]
    # the same value: its quality and source are kept when not given, only the note changed
    assert newest.endswith("\t2022年备注：— → revised")
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4,450"]) == 0
    assert capsys.readouterr().out == (  # afresh
        "LJ-GDP 2022: 4,450 亿元 (official) recorded, replacing 4,400 亿元 (preliminary);"
        ' its source "work report" was not kept; its note "revised" was not kept\n'
    )


def test_record_points_out_a_value_ten_times_the_one_before(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As the window does: "40157" for 4,015.7 was recorded without a word."""
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "40157"]) == 0
    out = capsys.readouterr().out
    changes = main(["changes", str(demo_path)])
    newest = capsys.readouterr().out.splitlines()[0].split()[0].lstrip("#")
    assert changes == 0
    assert out.splitlines()[-1] == (
        "Note: 40,157 亿元 is at least ten times the 2021 figure (4,000 亿元); if a digit or the"
        f" decimal point slipped, ljtracker revert {demo_path} {newest} takes it back"
    )
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "40157", "--note", "x"]) == 0
    assert "Note:" not in capsys.readouterr().out  # the value kept: said once
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "300", "--lang", "zh"]) == 0
    said = capsys.readouterr().out.splitlines()[-1]
    assert said.startswith("注意：300亿元为2021年数据（4,000亿元）的十分之一以下；")
    assert said.endswith(
        "如数字或小数点有误，可用 ljtracker revert " + f"{demo_path} {int(newest) + 2} 撤销"
    )
    # R&D of 2.01 % of GDP in 2018: 25 % seven years on is a slip still, not growth
    assert main(["record", str(demo_path), "CQ2022", "CQ18-RD", "2025", "25"]) == 0
    said = capsys.readouterr().out.splitlines()[-1]
    assert said.startswith("Note: 25 % is at least ten times the 2018 figure (2.01 %)")


def test_record_points_out_an_amount_below_zero_after_one_above_it(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A GDP of -5 亿元 was recorded without a word; a share in % below zero (a fall in a
    rate) is no slip to point out."""
    record = ["record", str(demo_path), "LJ2025"]
    assert main([*record, "LJ-GDP", "2022", "-5", "--lang", "zh"]) == 0
    said = capsys.readouterr().out.splitlines()[-1]
    assert said.startswith("注意：-5亿元为负数，而2021年数据为4,000亿元；如负号有误，可用")
    assert main([*record, "LJ-GDP", "2023", "-4,500"]) == 0
    said = capsys.readouterr().out.splitlines()[-1]  # against -5 of 2022: no turn below zero
    assert said.startswith(
        "Note: -4,500 亿元 is at least a hundred times the 2022 figure (-5 亿元)"
    )
    assert main([*record, "LJ-SHARE-GDP", "2022", "-1"]) == 0
    assert "Note:" not in capsys.readouterr().out


def test_record_takes_a_negative_value_written_as_people_write_it(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "-1,000" and "-1e3" were taken for options: "the following arguments are required"."""
    record = ["record", str(demo_path), "LJ2025", "LJ-GDP"]
    assert main([*record, "2022", "-1,000"]) == 0
    assert capsys.readouterr().out.startswith("LJ-GDP 2022: -1,000 亿元 (official) recorded")
    assert main([*record, "2023", "-1e3", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("LJ-GDP 2023: -1,000 亿元 (official) recorded")
    assert main([*record, "2022", "-inf"]) == 1
    assert 'LJ-GDP 2022: "-inf" is not a finite number' in capsys.readouterr().err


def test_record_speaks_chinese_and_names_its_change_in_both_languages(
    demo_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4,150", "--lang", "zh"]
    assert main([*args, "--quality", "preliminary"]) == 0
    assert capsys.readouterr().out == "LJ-GDP 2022年：4,150亿元（初步）已记录\n"
    history = ["history", str(demo_path), "LJ2025", "LJ-GDP"]
    assert main([*history, "--lang", "zh"]) == 0
    assert "\t设置 LJ-GDP 的 2022年数据\t" in capsys.readouterr().out  # as the window says
    assert main(history) == 0
    assert "\tSet the 2022 figure of LJ-GDP\t" in capsys.readouterr().out
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")  # without --lang: the system's language
    assert main(history) == 0
    assert "\t设置 LJ-GDP 的 2022年数据\t" in capsys.readouterr().out
    assert main(["record", str(demo_path), "LJ2025", "LJ-GPD", "2022", "1", "--lang", "zh"]) == 1
    assert "规划 LJ2025 没有代码为 LJ-GPD 的指标（是否为 LJ-GDP？）" in capsys.readouterr().err


def test_bad_number_is_refused_and_changes_nothing(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = demo_path.read_bytes()
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "500万元"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ljtracker: ") and "unit" in err and "Traceback" not in err
    assert demo_path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "{missing}"], "no such file"),
        (["status", "{text}"], "not an ljtracker workbook"),
        (["status", "{demo}", "--plan", "NOPE"], "no plan with the code NOPE"),
        (["record", "{demo}", "LJ2025", "NOPE", "2022", "1"], "no target with the code NOPE"),
        (["demo", "{demo}"], "already exists"),
    ],
)
def test_data_problems_exit_1_with_one_line(
    args: list[str], message: str, demo_path: Path, tmp_path: Path
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    values = {"missing": str(tmp_path / "none.ljt"), "text": str(text), "demo": str(demo_path)}
    result = run(*[a.format(**values) for a in args])
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_wrong_usage_exits_2() -> None:
    result = run("status")
    assert result.returncode == 2
    assert "usage" in result.stderr


@pytest.mark.parametrize("command", ["demo", "status", "check", "record", "history"])
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0 and "usage" in result.stdout


def test_check_reports_a_sound_workbook(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(demo_path)]) == 0
    assert "sound" in capsys.readouterr().out


def test_check_names_a_revised_baseline_figure_in_the_language_asked_for(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A revised statistic of the baseline year is allowed (record takes it, progress keeps
    the target's baseline): noted, while the workbook is sound. It had made check exit 1."""
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2020", "3,800"]) == 0
    capsys.readouterr()
    assert main(["check", str(demo_path), "--lang", "zh"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "注意：规划 LJ2025，指标 LJ-GDP：2020年数据 3,800 与同年基期值 3,750 不一致",
        f"{demo_path}：完好",
    ]
    assert main(["check", str(demo_path), "--lang", "en"]) == 0
    said = capsys.readouterr().out
    assert (
        "Note: plan LJ2025, target LJ-GDP: the 2020 figure 3,800 differs from the baseline" in said
    )


def test_a_mistyped_command_is_a_usage_error_not_a_window() -> None:
    for args in (("stauts", "d.ljt"), ("stauts",)):
        result = run(*args)
        assert result.returncode == 2
        assert "unknown command 'stauts' (did you mean status?)" in result.stderr


def test_the_window_without_a_display_says_so(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "ljtracker", str(tmp_path / "d.ljt")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert "no display" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "option", [["--year", "1800"], ["--year", "soon"], ["--as-known-on", "yesterday"]]
)
def test_malformed_option_values_are_usage_errors(option: list[str], demo_path: Path) -> None:
    result = run("status", str(demo_path), *option)
    assert result.returncode == 2
    assert option[0] in result.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["status", "D", "--year", "2030"], "参数 --year：2030年尚未到来（今年是2026年）"),
        (["status", "D", "--year", "soon"], "参数 --year：“soon”不是年份"),
        (
            ["status", "D", "--format", "xml"],
            "参数 --format：“xml”不是可选值（可选：table、json、csv）",
        ),
        (["record", "D", "LJ2025"], "缺少参数：TARGET、YEAR、VALUE"),
        (["status", "D", "--as-known-on", "yesterday"], "参数 --as-known-on：“yesterday”不是日期"),
        (["revert", "D", "x"], "参数 CHANGE：“x”不是更改编号"),
        (["stauts", "D"], "没有命令“stauts”（是否为 status？）"),
        (["report", "D"], "须给出参数 -o/--output、--printer 之一"),
        (
            ["report", "D", "-o", "x.pdf", "--printer", "P"],
            "参数 --printer 不能与 -o/--output 同时使用",
        ),
    ],
)
def test_usage_errors_speak_the_language_asked_for(
    args: list[str],
    said: str,
    demo_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`--lang zh` changed every message but those of wrong usage, which came first."""
    monkeypatch.setattr(clock, "this_year", lambda: 2026)
    args = [str(demo_path) if a == "D" else a for a in args]
    for lang in (["--lang", "zh"], ["--lang=zh"]):
        with pytest.raises(SystemExit) as exited:
            main([*args, *lang])
        assert exited.value.code == 2
        error = capsys.readouterr().err.splitlines()[-1]
        assert error.startswith("ljtracker") and "：错误：" in error and said in error
    for english in (["--lang", "en"], ["--lang", "zh", "--lang", "en"]):  # the last one counts
        with pytest.raises(SystemExit):
            main([*args, *english])
        assert ": error: " in capsys.readouterr().err
    with pytest.raises(SystemExit):  # a parser made afterwards speaks its own language
        build_parser()[0].parse_args(["status", str(demo_path), "--format", "xml"])
    assert ": error: " in capsys.readouterr().err


def test_an_abbreviated_language_option_is_heard_as_argparse_hears_it(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """argparse takes `--la zh` for `--lang zh`; its usage errors came in English."""
    for lang in (["--la", "zh"], ["--lan=zh"]):
        with pytest.raises(SystemExit):
            main(["status", str(demo_path), "--format", "xml", *lang])
        assert "：错误：" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # "--lan" could be --landscape too: refused, in Chinese
        main(["report", str(demo_path), "-o", "x.pdf", "--lan", "zh"])
    assert "：错误：选项 --lan 有歧义，可指 --lang、--landscape" in capsys.readouterr().err


def test_the_language_may_be_given_before_the_command(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`ljtracker --lang zh status …` said that "zh" was no command."""
    for before in (["--lang", "zh"], ["--lang=zh"], ["--la", "zh"], ["--la=zh"]):
        assert main([*before, "status", str(demo_path), "--plan", "LJ2025"]) == 0
        assert "两江新区地区生产总值" in capsys.readouterr().out
    # before a command where `--la` could be another option too (--last), it is still --lang
    assert main(["--la", "zh", "changes", str(demo_path)]) == 0
    assert "创建示例工作簿" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exited:  # the list of commands, asked for after it
        main(["--lang", "zh", "--help"])
    assert exited.value.code == 0 and "COMMAND" in capsys.readouterr().out
    with pytest.raises(SystemExit):  # a mistyped command is told as such, not "zh"
        main(["--la", "zh", "stauts", str(demo_path)])
    assert "没有命令“stauts”（是否为 status？）" in capsys.readouterr().err


def test_report_as_known_on_reproduces_an_earlier_state(demo_path: Path, tmp_path: Path) -> None:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(demo_path)) as conn:  # the last change before the record
        (moment,) = conn.execute("SELECT max(at) FROM change").fetchone()
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "9,999"]) == 0
    now_pdf, then_pdf = tmp_path / "now.pdf", tmp_path / "then.pdf"
    common = ["report", str(demo_path), "--plan", "LJ2025", "--lang", "en"]
    assert run(*common, "-o", str(now_pdf)).returncode == 0
    result = run(*common, "--as-known-on", moment, "-o", str(then_pdf))
    assert result.returncode == 0, result.stderr
    text_now = subprocess.run(["pdftotext", str(now_pdf), "-"], capture_output=True, text=True)
    text_then = subprocess.run(["pdftotext", str(then_pdf), "-"], capture_output=True, text=True)
    assert "9,999" in text_now.stdout
    assert "9,999" not in text_then.stdout
    assert "recorded on" not in text_now.stdout
    cover, *pages = text_then.stdout.split("\f")
    day, time = moment[:10], moment[11:19]  # stored to the microsecond, with its offset
    assert f"Figures as recorded on\n\n{day} {time} UTC{moment[-6:]}" in cover
    footer = re.escape(f"as recorded on {day} {time} UTC{moment[-6:]} · Data fingerprint ")
    pages = [page for page in pages if page.strip()]
    assert all(re.search(footer + "[0-9a-f]{12}", page) for page in pages)  # whole, not cut


def test_two_workbooks_for_the_window_are_a_usage_error() -> None:
    result = run("a.ljt", "b.ljt")
    assert result.returncode == 2
    assert "the window opens one workbook at a time" in result.stderr


def test_a_mistyped_plan_or_target_code_is_named_with_the_one_it_resembles(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["record", str(demo_path), "LJ2025", "LJ-GPD", "2024", "4500"]) == 1
    assert capsys.readouterr().err.endswith("target with the code LJ-GPD (did you mean LJ-GDP?)\n")
    assert main(["history", str(demo_path), "LJ2052", "LJ-GDP"]) == 1
    assert capsys.readouterr().err.endswith("(did you mean LJ2025?)\n")


def test_check_names_a_change_that_recorded_nothing_in_the_language_asked(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(demo_path)) as conn, conn:
        conn.execute(
            "INSERT INTO change (at, user, description, description_zh)"
            " VALUES ('2026-01-01T00:00:00+00:00', 'x', 'Lost one', '丢失的一次')"
        )
    assert main(["check", str(demo_path), "--lang", "zh"]) == 1
    assert "更改 #2（丢失的一次）没有修改记录" in capsys.readouterr().out


def test_check_names_codes_that_differ_only_in_case(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Written before such codes were refused: a sheet naming one is refused as the other."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(demo_path)) as conn, conn:
        conn.execute("UPDATE target SET code = 'lj-share-gdp' WHERE code = 'LJ-GDP'")
        conn.execute("UPDATE plan SET code = 'lj2025' WHERE code = 'LJ2020'")
    assert main(["check", str(demo_path)]) == 1
    out = capsys.readouterr().out
    assert "plan LJ2025: target codes lj-share-gdp and LJ-SHARE-GDP differ only in case" in out
    assert "plan codes LJ2025 and lj2025 differ only in case; rename one of them" in out
    assert main(["check", str(demo_path), "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "规划 LJ2025：指标代码 lj-share-gdp 与 LJ-SHARE-GDP 仅大小写不同" in out


def test_check_names_a_figure_of_a_year_still_to_come(
    demo_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Recorded while the clock said a later year (or before such figures were refused), it
    would be judged as an actual figure."""
    now = clock.this_year()
    coming = now + 1
    with monkeypatch.context() as later:
        later.setattr(clock, "this_year", lambda: coming)
        assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", str(coming), "5100"]) == 0
    capsys.readouterr()
    assert main(["check", str(demo_path)]) == 1
    said = f"target LJ-GDP, {coming}: the year has not come yet (this is {now})"
    assert said in capsys.readouterr().out


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_said_in_one_line_with_its_own_code(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`record` on a full disk gave a traceback and exit 1 though the figure was saved; with
    its output buffered, Python's own flush at exit then failed again (exit 120)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    record = ["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4,321"]
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "ljtracker", *record],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            check=False,
        )
    assert done.returncode == 74
    assert done.stderr == (
        "ljtracker: the output could not be written (No space left on device); `changes`"
        " tells whether a change was recorded\n"
    )
    assert main(["status", str(demo_path), "--plan", "LJ2025", "--format", "json"]) == 0
    assert '"value": 4321' in capsys.readouterr().out.replace(".0,", ",")


def test_a_command_with_its_output_closed_still_does_its_work(demo_path: Path) -> None:
    record = ["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4,322"]
    done = subprocess.run(
        [sys.executable, "-m", "ljtracker", *record],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert (done.returncode, done.stderr) == (0, "")


def test_history_keeps_each_revision_on_one_line_of_four_fields(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A note of two lines, or with a tab, split one revision across lines and fields."""
    note = "line1\nline2\ttab"
    record = ["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4400"]
    assert main(record) == 0
    assert main([*record, "--note", note]) == 0
    capsys.readouterr()
    assert main(["history", str(demo_path), "LJ2025", "LJ-GDP"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(len(line.split("\t")) == 4 for line in lines)
    assert lines[0].endswith("note: — → line1 line2 tab")


def test_changes_refuses_a_count_below_one(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for count in ("0", "-3"):
        with pytest.raises(SystemExit) as exited:
            main(["changes", str(demo_path), "--last", count])
        assert exited.value.code == 2
        assert "is not a count of 1 or more" in capsys.readouterr().err


def test_every_command_taking_a_plan_suggests_the_code_meant(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only `record` and `history` suggested the right code; `status`, `report` and `export`
    just said there was no such plan."""
    commands = (
        ["status", str(demo_path), "--plan", "LJ2052"],
        ["export", str(demo_path), "--plan", "LJ2052", "-o", str(tmp_path / "e.csv")],
        ["record", str(demo_path), "LJ2052", "LJ-GDP", "2022", "4400"],
    )
    for command in commands:
        assert main(command) == 1
        assert "no plan with the code LJ2052" in (err := capsys.readouterr().err), command
        assert err.rstrip().endswith("(did you mean LJ2025?)"), command
    # the report in a process of its own: it starts Qt, which later window tests start anew
    report = run("report", str(demo_path), "--plan", "LJ2052", "-o", str(tmp_path / "r.pdf"))
    assert report.returncode == 1
    assert report.stderr.rstrip().endswith("(did you mean LJ2025?)")


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc")
def test_a_demo_that_cannot_be_written_names_the_file_asked_for(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The message named the hidden file the demo is written to first (.x.ljt.partial); the
    exit code was 1 where export, report and template, refused alike, exit 74."""
    assert main(["demo", "/proc/x.ljt"]) == 74
    assert capsys.readouterr().err == (
        "ljtracker: /proc/x.ljt: cannot be created (No such file or directory)\n"
    )


def test_a_demo_named_like_a_spreadsheet_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`demo plans.csv` wrote a workbook a spreadsheet program would then fail to open."""
    path = tmp_path / "plans.CSV"
    assert main(["demo", str(path), "--lang", "zh"]) == 1
    assert capsys.readouterr().err == (
        f"ljtracker: {path}：工作簿的文件名不能以 .CSV 结尾（CSV 文件的扩展名）；"
        "请使用以 .ljt 结尾的文件名\n"
    )
    assert main(["demo", str(tmp_path / "plans.xlsx")]) == 1
    assert "a workbook is not an Excel file; give it a name ending in .ljt" in (
        capsys.readouterr().err
    )
    assert not path.exists()
    assert main(["demo", str(tmp_path / "plans.db")]) == 0  # a name of its own is the user's


def test_backups_of_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backups", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"ljtracker: {tmp_path}: a folder, not a workbook\n"


def test_a_refused_value_names_the_target_and_year_it_was_for(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "abc"]) == 1
    assert capsys.readouterr().err == 'ljtracker: LJ-GDP 2022: "abc" is not a number.\n'
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "20x2", "1"]) == 1
    assert capsys.readouterr().err.startswith('ljtracker: LJ-GDP: "20x2" is not a year')
    args = ["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "abc", "--lang", "zh"]
    assert main(args) == 1
    assert capsys.readouterr().err == "ljtracker: LJ-GDP 2022年：“abc”不是数字。\n"


def test_a_correction_says_what_it_replaced_and_what_it_did_not_keep(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = ["record", str(demo_path), "LJ2025", "LJ-GDP", "2024", "4800"]
    assert main([*first, "--quality", "preliminary", "--source", "Bulletin 2025-01"]) == 0
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2024", "4820"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == (
        "LJ-GDP 2024: 4,820 亿元 (official) recorded, replacing 4,800 亿元 (preliminary);"
        ' its source "Bulletin 2025-01" was not kept'
    )
    again = ["record", str(demo_path), "LJ2025", "LJ-GDP", "2024", "4830", "--lang", "zh"]
    assert main(again) == 0
    assert capsys.readouterr().out == (
        "LJ-GDP 2024年：4,830亿元（正式）已记录，替换了4,820亿元（正式）\n"
    )
    # the value kept, its quality and source corrected: said too, not as things lost
    same = ["record", str(demo_path), "LJ2025", "LJ-GDP", "2024", "4830"]
    assert main([*same, "--quality", "preliminary", "--source", "Yearbook"]) == 0
    assert capsys.readouterr().out == (
        'LJ-GDP 2024: 4,830 亿元 (preliminary) recorded, was official; source "Yearbook" added\n'
    )
    assert main([*same, "--quality", "official", "--source", "Yearbook 2025"]) == 0
    assert capsys.readouterr().out == (
        'LJ-GDP 2024: 4,830 亿元 (official) recorded, was preliminary; its source was "Yearbook"\n'
    )
    assert main([*same, "--source", ""]) == 0
    assert capsys.readouterr().out == (
        'LJ-GDP 2024: 4,830 亿元 (official) recorded; its source "Yearbook 2025" was not kept\n'
    )
    # a note alone, added to the figure as it was
    assert main([*same, "--note", "revised per bulletin", "--lang", "zh"]) == 0
    assert capsys.readouterr().out == (
        "LJ-GDP 2024年：4,830亿元（正式）已记录；已添加备注“revised per bulletin”\n"
    )
    assert main([*same, "--source", "  "]) == 0  # spaces are no source
    assert capsys.readouterr().out == "LJ-GDP 2024: unchanged\n"


def test_check_names_a_milestone_outside_its_targets_years(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Taken by an import before such milestones were refused, it bent the planned path
    outside the period the target covers."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(demo_path)) as conn, conn:
        conn.execute(
            "UPDATE target SET milestones = '[[2019, 3500.0], [2023, 4400.0]]'"
            " WHERE code = 'LJ-GDP'"
        )
    assert main(["check", str(demo_path)]) == 1
    said = (
        "plan LJ2025, target LJ-GDP: the milestone year 2019 is not between the baseline year"
        " 2020 and the target year 2025"
    )
    assert said in capsys.readouterr().out
    assert main(["check", str(demo_path), "--lang", "zh"]) == 1
    said_zh = "规划 LJ2025，指标 LJ-GDP：阶段目标年份 2019 不在基期年份 2020 与目标年份 2025 之间"
    assert said_zh in capsys.readouterr().out


def test_record_marks_a_figure_of_the_year_not_over_yet_as_an_estimate(
    demo_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "this_year", lambda: 2024)
    record = ["record", str(demo_path), "LJ2025", "LJ-GDP"]
    assert main([*record, "2024", "4,900"]) == 0
    assert capsys.readouterr().out == "LJ-GDP 2024: 4,900 亿元 (estimate) recorded\n"
    assert main([*record, "2024", "4,950", "--quality", "preliminary"]) == 0
    assert "4,950 亿元 (preliminary) recorded" in capsys.readouterr().out
    assert main([*record, "2023", "4,600"]) == 0
    assert capsys.readouterr().out == "LJ-GDP 2023: 4,600 亿元 (official) recorded\n"


def test_a_terminal_without_chinese_gets_escapes_not_a_traceback(demo_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-m", "ljtracker", "status", str(demo_path), "--plan", "LJ2025"],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    assert b"LJ-GDP" in result.stdout and b"\\u4ebf\\u5143" in result.stdout  # 亿元


@pytest.mark.parametrize("name", ["out.xlsx", "out.csv", "template.xlsx", "report.pdf"])
def test_a_file_the_disk_has_no_room_for_is_refused_with_the_output_code(
    demo_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    """A full disk gave exit 1, as for bad data, and XLSX files also a Python traceback from
    a half-closed zip and temporary files left behind; a report said only that it "could not
    start a new page"."""
    import errno
    import os as os_module

    from PySide6.QtGui import QPdfWriter

    def full(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, os_module.strerror(errno.ENOSPC))

    class NoRoom:
        f_bavail, f_frsize = 0, 4096

    monkeypatch.setattr(Path, "write_bytes", full)  # the XLSX, made in memory
    monkeypatch.setattr("csv.writer", full)
    monkeypatch.setattr(QPdfWriter, "newPage", lambda _self: False)
    monkeypatch.setattr(os_module, "statvfs", lambda _folder: NoRoom())
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / name
    command = {
        "out.xlsx": ["export", str(demo_path), "-o", str(out)],
        "out.csv": ["export", str(demo_path), "-o", str(out)],
        "template.xlsx": ["template", str(out)],
        "report.pdf": ["report", str(demo_path), "--plan", "LJ2025", "-o", str(out)],
    }[name]
    assert main(command) == 74
    _, err = capsys.readouterr()
    assert err.startswith(f"ljtracker: {out}: could not be written (") and "space" in err
    assert "Traceback" not in err and list(folder.iterdir()) == []


@pytest.mark.parametrize("name", ["edited.xlsx", "edited.csv", "report.pdf"])
def test_an_existing_output_file_is_replaced_only_when_asked(
    name: str, demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An export edited by hand was written over without a word."""
    out = tmp_path / name
    out.write_bytes(b"edited by hand")
    command = (
        ["report", str(demo_path), "--plan", "LJ2025", "-o", str(out)]
        if name.endswith(".pdf")
        else ["export", str(demo_path), "-o", str(out)]
    )
    assert main(command) == 1
    _, err = capsys.readouterr()
    assert f"{out} exists; nothing was written (add --overwrite to replace it)" in err
    assert out.read_bytes() == b"edited by hand"
    assert main([*command, "--overwrite"]) == 0
    assert out.read_bytes() != b"edited by hand"
    capsys.readouterr()
    assert main([*command, "--plan", "NOPE"]) == 1  # said first: no such plan
    assert "no plan" in capsys.readouterr().err.lower()
    folder = tmp_path / f"folder{out.suffix}"
    folder.mkdir()
    assert main([*command[:-1], str(folder)]) == 1
    assert "is a folder" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["status", "export", "report"])
def test_progress_as_of_a_year_to_come_is_refused(
    command: str, demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A report "as of 2030" was written in 2026, its cover dated four years ahead."""
    year = clock.this_year() + 4
    out = {"status": [], "export": ["-o", str(tmp_path / "e.csv")]}.get(
        command, ["--plan", "LJ2025", "-o", str(tmp_path / "r.pdf")]
    )
    with pytest.raises(SystemExit) as exit_code:
        main([command, str(demo_path), *out, "--year", str(year)])
    assert exit_code.value.code == 2
    err = capsys.readouterr().err
    assert f"{year} has not come yet (this is {clock.this_year()})" in err
    assert list(tmp_path.iterdir()) == [demo_path]


def test_status_as_of_a_year_before_the_plan_is_refused_as_the_report_refuses_it(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`status --year 1990` printed a table of targets "not assessable" where `report` refused
    the year; a year some plan of the workbook can be judged at is still taken."""
    assert main(["status", str(demo_path), "--plan", "LJ2025", "--year", "1990"]) == 1
    assert capsys.readouterr().err == (
        "ljtracker: 1990 is before plan LJ2025 (2021–2025) and its baselines; choose 2020 or"
        " later\n"
    )
    assert main(["status", str(demo_path), "--year", "1990", "--lang", "zh"]) == 1
    earliest = "1990 年早于规划 LJ2020（2014—2020年）及其基期；请选择 2013 年或之后"
    assert capsys.readouterr().err == f"ljtracker: {earliest}\n"
    assert main(["status", str(demo_path), "--year", "2016"]) == 0
    assert "LJ2020" in capsys.readouterr().out
    exported = demo_path.with_name("x.xlsx")
    export = ["export", str(demo_path), "-o", str(exported), "--plan", "LJ2025", "--year"]
    assert main([*export, "1990"]) == 1 and not exported.exists()  # as status and report
    assert "1990 is before plan LJ2025" in capsys.readouterr().err


def test_csv_and_json_stay_utf8_whatever_the_terminal(demo_path: Path) -> None:
    """Escaped for a cp1252 redirect, a CSV's 亿元 became the six characters "\\u4ebf" and so on,
    with exit 0: a changed file, where a program reads it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "cp1252"}
    for form in ("csv", "json"):
        result = subprocess.run(
            [sys.executable, "-m", "ljtracker", "status", str(demo_path), "--format", form],
            capture_output=True,
            env=env,
            timeout=120,
        )
        assert result.returncode == 0
        assert "亿元" in result.stdout.decode("utf-8") and b"\\u4ebf" not in result.stdout


def test_an_interrupted_command_says_what_became_of_its_change(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ctrl+C during an import ended it with exit 130 and not a word."""
    from ljtracker.cli.common import run_guarded

    def interrupted() -> int:
        raise KeyboardInterrupt

    assert run_guarded(interrupted) == 130
    assert "interrupted; a change not finished was not recorded" in capsys.readouterr().err
    assert run_guarded(interrupted, "zh") == 130
    assert "已中断；未完成的更改未被记录" in capsys.readouterr().err


def test_quality_and_method_are_taken_in_the_words_of_either_language(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--quality 初步` was refused as "not a valid choice" though an import takes 初步, and
    `--method 序时进度` alike."""
    record = ["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4,500", "--lang", "zh"]
    assert main([*record, "--quality", "初步"]) == 0
    assert capsys.readouterr().out == "LJ-GDP 2022年：4,500亿元（初步）已记录\n"
    status = ["status", str(demo_path), "--plan", "LJ2025", "--format", "csv", "--method"]
    assert main([*status, "schedule"]) == 0
    by_value = capsys.readouterr().out
    for words in ("序时进度", "ｓｃｈｅｄｕｌｅ", "time elapsed (schedule)", "时间进度法"):
        assert main([*status, words]) == 0
        assert capsys.readouterr().out == by_value, words
    with pytest.raises(SystemExit):  # two methods named: neither is taken
        main([*status, "projection (schedule)"])
    assert "is not a progress method" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_code:
        main([*record, "--quality", "快"])
    assert exit_code.value.code == 2
    assert capsys.readouterr().err.endswith(
        "参数 --quality：“快”不是数据质量，可选："
        "正式（official）、初步（preliminary）、估算（estimate）\n"
    )


def test_a_new_empty_workbook_takes_an_import_and_a_figure_removed_is_put_back(
    tmp_path: Path, demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """There was no command to make an empty workbook, nor to take a figure out."""
    path = tmp_path / "office.ljt"
    assert main(["new", str(path), "--lang", "en"]) == 0
    assert capsys.readouterr().out == f"Wrote an empty workbook to {path}\n"
    assert main(["new", str(path)]) == 1  # not over an existing file
    assert main(["new", str(tmp_path / "missing" / "a.ljt"), "--lang", "en"]) == 1
    assert "the folder" in capsys.readouterr().err
    assert main(["status", str(path), "--lang", "en"]) == 0
    assert capsys.readouterr().err == f"{path}: no plans yet\n"
    exported = tmp_path / "plans.xlsx"
    assert main(["export", str(demo_path), "-o", str(exported), "--plan", "LJ2025"]) == 0
    assert main(["import", str(path), str(exported)]) == 0
    capsys.readouterr()

    remove = ["remove", str(path), "LJ2025", "LJ-GDP", "2021", "--lang", "en"]
    assert main(remove) == 0
    said = capsys.readouterr().out
    assert said.startswith("LJ-GDP 2021: 4,000 亿元 (preliminary) removed; ljtracker revert ")
    assert 2021 not in gdp_years(path)
    assert main(remove) == 1  # nothing left to remove
    assert "LJ-GDP has no figure of 2021; nothing was changed" in capsys.readouterr().err
    revert = said.rstrip().split("ljtracker revert ")[1].removesuffix(" puts it back").split()
    assert main(["revert", str(path), revert[1]]) == 0
    assert 2021 in gdp_years(path)


def gdp_years(path: Path) -> set[int]:
    with Workbook.open(path, read_only=True) as wb:
        plan = reads.plan_by_code(wb, "LJ2025")
        assert plan is not None and plan.id is not None
        gdp = reads.target_by_code(wb, plan.id, "LJ-GDP")
        assert gdp is not None and gdp.id is not None
        return {o.year for o in reads.observations(wb, [gdp.id])}


def delete_lj_pop(demo_path: Path) -> tuple[int | None, Target]:
    """The demo's LJ-POP deleted: the change's number, and the target as it was."""
    with Workbook.open(demo_path) as wb:
        plan = reads.plan_by_code(wb, "LJ2025")
        assert plan is not None and plan.id is not None
        pop = reads.target_by_code(wb, plan.id, "LJ-POP")
        assert pop is not None and pop.id is not None
        return editing.delete_target(wb, pop.id).change_id, pop


def test_the_history_of_a_deleted_target_is_found_by_its_code(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`history` said the plan had no such target: what its figures were before it was deleted
    could not be looked up."""
    deleted, _ = delete_lj_pop(demo_path)
    assert main(["history", str(demo_path), "LJ2025", "LJ-POP"]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        f"ljtracker: target LJ-POP of plan LJ2025 was deleted by change #{deleted}\n"
    )
    lines = captured.out.splitlines()
    assert "Delete target LJ-POP" in lines[0] and "2023: 333 万人" in captured.out
    assert main(["history", str(demo_path), "LJ2025", "LJ-NONE"]) == 1


def test_a_target_deleted_and_added_again_under_its_code_keeps_its_history_reachable(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Deleted, then added again instead of undone: `history` showed only the new target, and
    the figures the old one had could not be listed, though they stay in the workbook."""
    deleted, pop = delete_lj_pop(demo_path)
    with Workbook.open(demo_path) as wb:
        editing.add_target(wb, replace(pop, id=None, name_en="Residents"))
    capsys.readouterr()
    assert main(["history", str(demo_path), "LJ2025", "LJ-POP", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        f"ljtracker: an earlier target LJ-POP of plan LJ2025 was deleted by change #{deleted};"
        " --deleted lists its revisions\n"
    )
    assert "333 万人" not in captured.out and len(captured.out.splitlines()) == 1
    assert main(["history", str(demo_path), "LJ2025", "LJ-POP", "--deleted"]) == 0
    captured = capsys.readouterr()
    assert "2023: 333 万人" in captured.out and f"by change #{deleted}" in captured.err
    assert main(["history", str(demo_path), "LJ2025", "LJ-GDP", "--deleted"]) == 1
    assert capsys.readouterr().err == "ljtracker: no target LJ-GDP of plan LJ2025 was deleted\n"


def test_every_target_deleted_under_a_code_is_listed(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Deleted, added again, and that added one taken back: only the short-lived second
    target's history was listed, the first one's, with its figures, out of reach."""
    first, pop = delete_lj_pop(demo_path)
    with Workbook.open(demo_path) as wb:
        added = editing.add_target(wb, replace(pop, id=None, name_en="Residents"))
        second = editing.revert(wb, added.change_id or 0).change_id
    capsys.readouterr()
    assert main(["history", str(demo_path), "LJ2025", "LJ-POP", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"ljtracker: target LJ-POP of plan LJ2025 was deleted by change #{second}",
        f"ljtracker: target LJ-POP of plan LJ2025 was deleted by change #{first}",
    ]
    assert "2023: 333 万人" in captured.out  # the first one's figure
    # a plan that never was is said to be none, --deleted or not
    for extra in ([], ["--deleted"]):
        assert main(["history", str(demo_path), "LJ2052", "LJ-POP", *extra]) == 1
        assert "no plan with the code LJ2052" in capsys.readouterr().err


def test_a_target_brought_back_and_renamed_is_not_called_deleted(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Deleted, the deletion taken back, then renamed: `history` under its old code said it
    had been deleted and listed it up to the deletion only."""
    deleted, pop = delete_lj_pop(demo_path)
    with Workbook.open(demo_path) as wb:
        editing.revert(wb, deleted or 0)
        back = reads.target_by_id(wb, pop.id or 0)
        assert back is not None
        editing.update_target(wb, replace(back, code="LJ-PEOPLE"))
    capsys.readouterr()
    assert main(["history", str(demo_path), "LJ2025", "LJ-POP", "--lang", "en"]) == 1
    assert capsys.readouterr().err == (
        "ljtracker: plan LJ2025 has no target with the code LJ-POP now: it was renamed"
        " LJ-PEOPLE, under which its history is listed\n"
    )
    # deleted at last under its new code: listed to that deletion, the rename included
    with Workbook.open(demo_path) as wb:
        last = editing.delete_target(wb, pop.id or 0).change_id
    assert main(["history", str(demo_path), "LJ2025", "LJ-POP", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        f"ljtracker: target LJ-POP of plan LJ2025 was deleted by change #{last} (as LJ-PEOPLE)\n"
    )
    assert "LJ-POP → LJ-PEOPLE" in captured.out
    # a new LJ-POP since: the note on the earlier one says what it was called when deleted
    with Workbook.open(demo_path) as wb:
        editing.add_target(wb, replace(pop, id=None, name_en="Residents"))
    assert main(["history", str(demo_path), "LJ2025", "LJ-POP", "--lang", "en"]) == 0
    assert f"was deleted by change #{last} (as LJ-PEOPLE); --deleted" in capsys.readouterr().err


def test_the_history_of_a_target_deleted_with_its_plan_is_found_by_their_codes(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`history` said there was no plan with the code: a deleted plan's targets could not be
    looked up, though their history stays in the workbook."""
    assert main(["record", str(demo_path), "LJ2020", "LJ14-GDP", "2019", "2500"]) == 0
    with Workbook.open(demo_path) as wb:
        plan = reads.plan_by_code(wb, "LJ2020")
        assert plan is not None and plan.id is not None
        deleted = editing.delete_plan(wb, plan.id).change_id
    capsys.readouterr()
    assert main(["history", str(demo_path), "LJ2020", "LJ14-GDP", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        f"ljtracker: target LJ14-GDP of plan LJ2020 was deleted by change #{deleted}\n"
    )
    assert "2019: 2,500" in captured.out
    assert main(["history", str(demo_path), "LJ2020", "LJ-NONE", "--lang", "en"]) == 1
    assert capsys.readouterr().err == (
        "ljtracker: plan LJ2020 was deleted, and no target LJ-NONE with it\n"
    )
    # the code given to a new plan, which is deleted in turn: the first plan's target is found
    with Workbook.open(demo_path) as wb:
        editing.add_plan(wb, Plan("LJ2020", "新规划", "A new plan", 2026, 2030))
        for deleted_too in (False, True):
            if deleted_too:
                new_plan = reads.plan_by_code(wb, "LJ2020")
                assert new_plan is not None and new_plan.id is not None
                editing.delete_plan(wb, new_plan.id)
            assert main(["history", str(demo_path), "LJ2020", "LJ14-GDP"]) == 0
            assert "2019: 2,500" in capsys.readouterr().out
