"""The import, export and template commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from sheet_files import WIDE_SHEET, hidden_sheet_xlsx, rewrite_zip, wide_xlsx, write_xlsx

from ljtracker.cli import main
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def changes(path: Path) -> int:
    with Workbook.open(path, read_only=True) as wb:
        return int(wb.conn.execute("SELECT count(*) FROM change").fetchone()[0])


def test_import_dry_run_prints_the_preview_and_writes_nothing(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = wide_xlsx(tmp_path / "bureau.xlsx")
    before = changes(demo_path)
    code, out, _ = run(capsys, "import", demo_path, sheet, "--plan", "LJ2025", "--dry-run")
    assert code == 0
    assert f"bureau.xlsx, sheet {WIDE_SHEET}: wide table, years 2021–2024, plan LJ2025" in out
    assert "row 5  占重庆市地区生产总值比重" in out and "LJ-SHARE-GDP" in out
    assert "Adds 4, changes 1, leaves 2 unchanged:" in out
    assert "  + LJ2025 LJ-SEI 2022: 45 %" in out
    assert "Dry run: nothing was written." in out
    assert changes(demo_path) == before


def test_import_with_a_mapped_row_then_again(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = wide_xlsx(tmp_path / "bureau.xlsx")
    args = ("import", demo_path, sheet, "--map", "地区生产总值=LJ-GDP", "--source", "统计局")
    code, out, _ = run(capsys, *args[:-1], " 统计局  ")  # the spaces typed around it are not kept
    assert code == 0, out
    assert "row 4  地区生产总值" in out and "LJ-GDP" in out and "as mapped" in out
    # a changed value, and three repeated ones given the source asked for
    assert "Imported as one change" in out and "6 added, 4 changed" in out
    code, out, _ = run(capsys, "history", demo_path, "LJ2025", "LJ-GDP")
    assert "Import bureau.xlsx" in out and "2022: 4,150 亿元 (official, 统计局)" in out
    code, out, _ = run(capsys, *args)
    assert code == 0 and "Nothing to change" in out
    code, out, _ = run(capsys, "import", demo_path, sheet, "--map", "地区生产总值=-", "--dry-run")
    assert "1 row left out by the mapping, not imported: 地区生产总值" in out


def test_map_names_a_one_year_table_s_row_by_number_and_suggests_a_code(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "row 4" was refused for a table of one year, where rows named alike need it; a
    mistyped target code drew no suggestion."""
    table = tmp_path / "bureau.csv"
    table.write_text(
        '两江新区2024年主要经济指标,,\n,,单位：亿元\n指标,绝对值,增长%\n地区生产总值,"4,400",6.1\n',
        encoding="utf-8",
    )
    args = ("import", demo_path, table, "--plan", "LJ2025", "--year", "2024", "--dry-run")
    code, out, err = run(capsys, *args, "--map", "row 4=LJ-GDP")
    assert code == 0, err
    assert "+ LJ2025 LJ-GDP 2024: 4,400 亿元" in out
    code, out, err = run(capsys, *args, "--map", "地区生产总值=LJ-GPD")
    assert code == 1
    assert "plan LJ2025 has no target LJ-GPD (did you mean LJ-GDP?)" in err


def test_import_with_unreadable_cells_exits_1_and_lists_them(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = wide_xlsx(tmp_path / "marked.xlsx", footnote=True)
    before = changes(demo_path)
    code, out, err = run(capsys, "import", demo_path, sheet, "--map", "地区生产总值=LJ-GDP")
    assert code == 1
    assert "+ LJ2025 LJ-GDP 2022" in out  # the preview, as for an import that goes ahead
    assert "1 cell of marked.xlsx cannot be read:" in err  # why not: where scripts look
    assert f'  {WIDE_SHEET}!F4: "4,400*" ends with a footnote mark (*)' in err
    assert err.endswith(
        "ljtracker: Nothing was imported: fix these cells (or the mapping) and import again.\n"
    )
    assert changes(demo_path) == before


def test_a_formula_saved_without_its_result_is_named_not_skipped(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A program (not a spreadsheet) that writes formulas leaves their results out; the
    cells used to be read as empty and left out without a word."""
    computed = wide_xlsx(tmp_path / "computed.xlsx")

    def formula_in_f4(name: str, data: bytes) -> bytes:
        if not name.endswith("sheet1.xml"):
            return data
        return data.replace(b'<c r="F4"><v>4400.5</v></c>', b'<c r="F4"><f>E4*1.06</f><v/></c>')

    sheet = rewrite_zip(computed, tmp_path / "formulas.xlsx", formula_in_f4)
    before = changes(demo_path)
    code, _, err = run(capsys, "import", demo_path, sheet, "--map", "地区生产总值=LJ-GDP")
    assert code == 1
    assert f'  {WIDE_SHEET}!F4: "=E4*1.06" is a formula, not its result; enter the number' in err
    assert changes(demo_path) == before


@pytest.mark.parametrize("recalculated_when_opened", [True, False])
def test_a_formula_result_is_read_only_from_a_file_that_holds_results(
    demo_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    recalculated_when_opened: bool,
) -> None:
    """XlsxWriter (and pandas through it) stores 0 as every formula's result and asks the
    spreadsheet to work them out when opened: that 0 was imported as the figure."""
    computed = wide_xlsx(tmp_path / "computed.xlsx")

    def formula_in_f4(name: str, data: bytes) -> bytes:
        if name.endswith("sheet1.xml"):
            return data.replace(
                b'<c r="F4"><v>4400.5</v></c>', b'<c r="F4"><f>E4*1.06</f><v>0</v></c>'
            )
        if name == "xl/workbook.xml" and not recalculated_when_opened:
            return data.replace(b' fullCalcOnLoad="1"', b"")
        return data

    sheet = rewrite_zip(computed, tmp_path / "formulas.xlsx", formula_in_f4)
    code, out, err = run(
        capsys, "import", demo_path, sheet, "--map", "地区生产总值=LJ-GDP", "--dry-run"
    )
    if recalculated_when_opened:
        assert code == 1
        assert f'  {WIDE_SHEET}!F4: "=E4*1.06" is a formula, not its result' in err
    else:  # as a spreadsheet program saved it: the result it worked out
        assert code == 0 and "+ LJ2025 LJ-GDP 2023: 0 亿元" in out


def test_import_errors_are_one_line(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "zero.xlsx").write_bytes(b"PK\x03\x04garbage")
    code, out, err = run(capsys, "import", demo_path, tmp_path / "zero.xlsx")
    assert code == 1 and out == ""
    assert err.startswith("ljtracker: zero.xlsx: the file is damaged") and err.count("\n") == 1
    code, _, err = run(capsys, "import", demo_path, tmp_path / "zero.xlsx", "--lang", "zh")
    assert err == "ljtracker: zero.xlsx：文件已损坏或不是电子表格（不是 ZIP 压缩文件）\n"
    sheet = wide_xlsx(tmp_path / "bureau.xlsx")
    code, _, err = run(capsys, "import", demo_path, sheet, "--map", "nothing=LJ-GDP")
    assert code == 1 and "no row of the sheet is called 'nothing'" in err
    code, _, err = run(capsys, "import", demo_path, sheet, "--map", "地区生产总值=NOPE")
    assert code == 1 and "plan LJ2025 has no target NOPE" in err


def test_export_and_template(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_xlsx = tmp_path / "lj.xlsx"
    code, out, _ = run(
        capsys, "export", demo_path, "-o", out_xlsx, "--plan", "LJ2025", "--lang", "zh"
    )
    assert code == 0 and out.startswith(f"已写入 {out_xlsx}：1 个规划，10 个指标，15 个数据")
    assert CalamineWorkbook.from_path(str(out_xlsx)).sheet_names[0] == "LJ2025 概况"
    code, out, _ = run(capsys, "export", demo_path, "-o", tmp_path / "all.csv")
    assert code == 0 and out == f"Wrote {tmp_path / 'all.csv'}: the observations table, 30 rows\n"
    code, out, _ = run(capsys, "export", demo_path, "-o", tmp_path / "p.csv", "--table", "plans")
    assert code == 0 and out.endswith(": the plans table, 4 rows\n")  # not its targets
    code, out, _ = run(capsys, "export", demo_path, "-o", tmp_path / "z.csv", "--lang", "zh")
    assert code == 0 and out == f"已写入 {tmp_path / 'z.csv'}：年度数据（observations）表，30 行\n"
    code, _, err = run(capsys, "export", demo_path, "-o", tmp_path / "x.pdf")
    assert code == 1 and "choose a file name ending in .xlsx or .csv" in err
    code, out, _ = run(capsys, "template", tmp_path / "t.xlsx")
    assert code == 0 and (tmp_path / "t.xlsx").exists()
    code, out, _ = run(capsys, "template", tmp_path / "t.csv", "--table", "targets")
    assert (tmp_path / "t.csv").read_bytes().startswith(b"\xef\xbb\xbfplan,area,code")
    code, out, _ = run(capsys, "import", demo_path, out_xlsx)
    assert code == 0 and "Nothing to change" in out


def test_a_table_chosen_for_an_xlsx_file_is_refused_not_ignored(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An XLSX file holds every table; --table with one wrote them all without a word."""
    for command in (["export", demo_path, "-o"], ["template"]):
        out = tmp_path / f"{command[0]}.xlsx"
        code, _, err = run(capsys, *command, out, "--table", "targets")
        assert code == 1 and "an XLSX file holds every table" in err
        assert not out.exists()
    code, _, err = run(capsys, "template", tmp_path / "t.xlsx", "--table", "areas", "--lang", "zh")
    assert "XLSX 文件包含全部表" in err


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("link", ["symbolic", "hard"])
def test_export_never_writes_over_the_workbook_through_a_link(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str, link: str
) -> None:
    """An output name that is a symbolic link to the workbook replaced the workbook with the
    export; a hard link to it is refused as well."""
    before = demo_path.read_bytes()
    out = tmp_path / f"out{suffix}"
    if link == "symbolic":
        out.symlink_to(demo_path)
    else:
        out.hardlink_to(demo_path)
    code, _, err = run(capsys, "export", demo_path, "-o", out)
    assert code == 1 and "that is the open workbook; choose another file name" in err
    assert demo_path.read_bytes() == before


@pytest.mark.parametrize("command", ["export", "report"])
def test_no_output_replaces_another_workbook_named_through_a_link(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """A colleague's workbook, open in another window (whose lock this program cannot see
    from a link's name) or not, was replaced by an export or a report written to a link to
    it, with exit 0."""
    other = tmp_path / "colleague.ljt"
    other.write_bytes(demo_path.read_bytes())
    before = other.read_bytes()
    suffix = {"export": ".xlsx", "report": ".pdf"}[command]
    plan = ["--plan", "LJ2025"] if command == "report" else []
    out = tmp_path / f"out{suffix}"
    out.symlink_to(other)
    code, _, err = run(capsys, command, demo_path, "-o", out, *plan)
    assert code == 1 and f"that is a workbook (through a link to {other})" in err
    assert other.read_bytes() == before
    plain = tmp_path / f"plain{suffix}"  # a workbook so named, without a link
    plain.write_bytes(before)
    code, _, err = run(capsys, command, demo_path, "-o", plain, *plan)
    assert code == 1 and "that is a workbook; a report or an export never replaces one" in err
    assert plain.read_bytes() == before


def test_help_names_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    expected = {
        "import": ["--plan", "--sheet", "--map", "--source", "--quality", "--dry-run"],
        "export": ["--output", "--plan", "--year", "--table", "--lang"],
        "template": ["--table", "--lang"],
    }
    for command, options in expected.items():
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = capsys.readouterr().out
        assert f"usage: ljtracker {command} [-h]" in out
        assert all(option in out for option in options)


def test_import_speaks_the_language_asked_for(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = wide_xlsx(tmp_path / "bureau.xlsx")
    before = changes(demo_path)
    args = ("import", demo_path, sheet, "--plan", "LJ2025", "--dry-run", "--lang", "zh")
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert f"bureau.xlsx，工作表“{WIDE_SHEET}”：宽表，年份 2021—2024，规划 LJ2025" in out
    assert "新增 4 项，修改 1 项，2 项不变：" in out and "试运行：未写入任何内容。" in out
    assert "Adds" not in out and "Dry run" not in out
    assert "第4行  地区生产总值" in out and "row 4" not in out
    by_row = ("import", demo_path, sheet, "--map", "第4行=LJ-GDP", "--lang", "zh")
    code, out, _ = run(capsys, *by_row)  # the row as the Chinese preview names it
    assert code == 0 and "已作为一次更改" in out
    for lang, name in (("zh", "导入 bureau.xlsx（LJ2025）"), ("en", "Import bureau.xlsx (LJ2025)")):
        code, out, _ = run(capsys, "changes", demo_path, "--last", "1", "--lang", lang)
        assert code == 0 and f"\t{name}\t" in out  # whichever language it was made in
    before = changes(demo_path)
    mapped = ("import", demo_path, sheet, "--map", "nothing=LJ-GDP", "--lang", "zh")
    code, _, err = run(capsys, *mapped)
    assert code == 1
    assert err.startswith(
        "ljtracker: --map nothing=LJ-GDP：表中没有名为“nothing”的行；表中各行为：地区生产总值、"
    )
    (tmp_path / "zero.xlsx").write_bytes(b"PK\x03\x04garbage")
    code, _, err = run(capsys, "import", demo_path, tmp_path / "zero.xlsx", "--lang", "zh")
    assert code == 1 and err.startswith("ljtracker: zero.xlsx：") and "damaged" not in err
    assert changes(demo_path) == before


def test_the_template_never_overwrites_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = tmp_path / "filled.csv"
    filled.write_text("plan,code,year,value\nLJ2025,LJ-GDP,2024,4500\n", encoding="utf-8")
    code, out, err = run(capsys, "template", filled, "--lang", "en")
    assert code == 1 and out == "" and "exists" in err
    assert "4500" in filled.read_text(encoding="utf-8")


def test_an_older_copy_is_imported_only_when_its_values_are_meant(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command said "import it only if those values are meant" and imported it."""
    older = tmp_path / "older.csv"
    run(capsys, "export", demo_path, "-o", older, "--plan", "LJ2025")
    code, out, _ = run(capsys, "record", demo_path, "LJ2025", "LJ-GDP", "2021", "4015.7")
    assert code == 0, out
    before = changes(demo_path)
    code, out, err = run(capsys, "import", demo_path, older)
    assert code == 1 and "1 value would go back to what it was before a later change" in out
    assert "Nothing was imported: the file would put values back" in err
    assert "import again with --put-back" in err
    assert changes(demo_path) == before
    code, _, err = run(capsys, "import", demo_path, older, "--lang", "zh")
    assert code == 1 and "请加 --put-back 重新导入" in err
    code, out, _ = run(capsys, "import", demo_path, older, "--dry-run")
    assert code == 0 and "the import is refused unless given --put-back" in out
    code, out, _ = run(capsys, "import", demo_path, older, "--put-back")
    assert code == 0 and "Imported" in out and changes(demo_path) == before + 1


def test_a_text_file_named_as_a_spreadsheet_is_read_as_text_and_said_so(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Some systems export tab-separated text named .xls: it imports; prose says what it is."""
    tabbed = tmp_path / "export.xls"
    tabbed.write_text("plan\tcode\tyear\tvalue\nLJ2025\tLJ-GDP\t2022\t4400\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", demo_path, tabbed, "--dry-run")
    assert code == 0 and "+ LJ2025 LJ-GDP 2022: 4,400 亿元" in out
    prose = tmp_path / "notes.xlsx"
    prose.write_text("Figures will follow next week.\n", encoding="utf-8")
    code, _, err = run(capsys, "import", demo_path, prose)
    assert code == 1
    assert "the name ends in .xlsx, but the file holds text and was read as CSV" in err


def test_a_long_tables_preview_names_its_indicators_without_a_row_column(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = tmp_path / "long.csv"
    long.write_text("指标,年份,数值\n地区生产总值,2022,4400\n地区生产总值,2023,4500\n", "utf-8")
    mapped = ("--map", "地区生产总值=LJ-GDP")
    code, out, _ = run(capsys, "import", demo_path, long, "--plan", "LJ2025", *mapped, "--dry-run")
    assert code == 0
    header = out.splitlines()[1]
    assert header.split() == ["in", "the", "sheet", "target", "matched"]  # no "row" column


def exported_gdp_row(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[list[str], list[str]]:
    """The targets table of LJ2025 exported as CSV: its header and LJ-GDP's row."""
    import csv

    exported = tmp_path / "targets.csv"
    args = ("export", str(demo_path), "-o", str(exported), "--table", "targets")
    assert run(capsys, *args, "--plan", "LJ2025")[0] == 0
    rows = list(csv.reader(exported.open(encoding="utf-8-sig")))
    return rows[0], next(row for row in rows if "LJ-GDP" in row)


def test_a_unit_changed_under_figures_that_keep_their_numbers_is_pointed_out(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv

    demo = str(demo_path)
    header, gdp = exported_gdp_row(demo_path, tmp_path, capsys)
    rows = [header]
    gdp[header.index("unit")] = "万元"  # 3,750 亿元 would read as 3,750 万元
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([rows[0], gdp])
    code, out, _ = run(capsys, "import", demo, str(edited), "--dry-run", "--lang", "en")
    assert code == 0 and "~ LJ2025 LJ-GDP unit: 亿元 → 万元" in out
    assert "LJ2025 LJ-GDP: the unit changes from 亿元 to 万元; its baseline, target and 1" in out


def test_a_unit_changed_with_its_amounts_converted_is_shown_in_both_units(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """GDP moved from 亿元 to 万元 with every amount converted read "3,750 万元 → 37,500,000
    万元", a note said the amounts kept their numbers, and another that 40,000,000 万元 was
    over a hundred times the 4,000 (亿元) it replaced."""
    demo = str(demo_path)
    header, gdp = exported_gdp_row(demo_path, tmp_path, capsys)
    rows = [header]
    for column, value in (("unit", "万元"), ("baseline_value", "37500000")):
        gdp[rows[0].index(column)] = value
    observations = [["plan", "code", "year", "value"], ["LJ2025", "LJ-GDP", 2021, 40000000]]
    for converted in (None, "50000000"):  # the target left as it was, or converted too
        if converted is not None:
            gdp[rows[0].index("target_value")] = converted
        sheets = {"targets": [rows[0], gdp], "observations": observations}
        path = write_xlsx(tmp_path / "converted.xlsx", sheets)
        code, out, _ = run(capsys, "import", demo, str(path), "--dry-run", "--lang", "en")
        assert code == 0
        assert "~ LJ2025 LJ-GDP baseline_value: 3,750 亿元 → 37,500,000 万元" in out
        assert "~ LJ2025 LJ-GDP 2021: 4,000 亿元 (preliminary);" in out
        assert "→ 40,000,000 万元 (official)" in out
        assert "ten times" not in out and "hundred times" not in out
        kept = "LJ2025 LJ-GDP: the unit changes from 亿元 to 万元; its target keeps its number"
        assert (kept in out) == (converted is None), out


def test_a_refused_import_logged_whole_reads_preview_first(demo_path: Path, tmp_path: Path) -> None:
    """With stdout buffered (a log, a pipe), the refusal on stderr came before the preview."""
    import os
    import subprocess
    import sys

    sheet = wide_xlsx(tmp_path / "marked.xlsx", footnote=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    args = [str(demo_path), str(sheet), "--map", "地区生产总值=LJ-GDP"]
    done = subprocess.run(
        [sys.executable, "-m", "ljtracker", "import", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    log = done.stdout
    assert log.index("+ LJ2025 LJ-GDP 2022") < log.index("1 cell of ")
    assert log.rstrip().endswith(
        "Nothing was imported: fix these cells (or the mapping) and import again."
    )


def test_a_quality_given_to_an_import_finalises_the_figures_it_repeats(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The bureau's final table repeats the preliminary 4,000 of 2021: imported with
    --quality official it was "unchanged", and the figure could not be made official."""
    sheet = wide_xlsx(tmp_path / "bureau.xlsx")
    mapped = ("import", demo_path, sheet, "--map", "地区生产总值=LJ-GDP")
    code, out, _ = run(capsys, *mapped, "--dry-run")
    assert code == 0 and "LJ-GDP 2021" in out.split("unchanged:")[-1]  # left as it is
    code, out, _ = run(capsys, *mapped, "--quality", "official", "--source", "2021年统计公报")
    assert code == 0
    code, out, _ = run(capsys, "history", demo_path, "LJ2025", "LJ-GDP")
    newest_2021 = next(line for line in out.splitlines() if "2021" in line)
    assert "Import bureau.xlsx" in newest_2021
    assert "preliminary → official" in newest_2021 and "2021年统计公报" in newest_2021


def test_an_import_that_matches_no_row_fails_for_scripts(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said "Adds 0", noted the rows it left out and exited 0, as a success."""
    table = tmp_path / "bureau.csv"
    table.write_text("指标,2022年,2023年\n某个指标,4100,4200\n另一个指标,3,4\n", encoding="utf-8")
    before = changes(demo_path)
    code, out, err = run(capsys, "import", demo_path, table, "--plan", "LJ2025")
    assert code == 1 and changes(demo_path) == before
    assert "2 rows not matched to a target" in out
    assert err == (
        "ljtracker: Nothing was imported: no row of the table matched a target of LJ2025; name"
        " the target of each row with --map ROW=TARGET, or choose another plan with --plan.\n"
    )
    code, out, err = run(
        capsys, "import", demo_path, table, "--plan", "LJ2025", "--map", "某个指标=LJ-GDP"
    )
    assert code == 0 and "Imported as one change" in out


def test_an_import_that_matches_no_row_of_its_sheet_names_the_file_s_other_sheets(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sheet in view comes before a hidden one; when its rows matched nothing, the refusal
    offered --map and --plan, not the hidden sheet that held the figures."""
    path = hidden_sheet_xlsx(tmp_path / "bureau.xlsx")  # its sheet of notes is not offered
    code, _, err = run(capsys, "import", demo_path, path, "--plan", "LJ2025")
    assert code == 1
    assert err == (
        'ljtracker: Nothing was imported: no row of the table in sheet "封面" matched a target'
        " of LJ2025; name the target of each row with --map ROW=TARGET, choose another plan"
        ' with --plan, or another sheet with --sheet (the file also holds "数据").\n'
    )
    code, out, _ = run(capsys, "import", demo_path, path, "--plan", "LJ2025", "--sheet", "数据")
    assert code == 0 and "Imported as one change" in out


def test_an_import_marks_figures_of_the_year_not_over_yet_as_estimates(
    demo_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 2024 column imported in 2024 came in as official, as did a template row without a
    quality; a year's own mark still wins over --quality."""
    from ljtracker.services import clock

    monkeypatch.setattr(clock, "this_year", lambda: 2024)
    wide = tmp_path / "wide.csv"
    wide.write_text("指标,代码,2023年,2024年\n某指标,LJ-SHARE-GDP,15.5,16\n", encoding="utf-8")
    assert run(capsys, "import", demo_path, wide, "--plan", "LJ2025")[0] == 0
    long = tmp_path / "figures.csv"
    long.write_text(
        "plan,code,year,value,quality\nLJ2025,LJ-HTM,2024,53,\nLJ2025,LJ-SEI,2024,46,official\n",
        encoding="utf-8",
    )
    assert run(capsys, "import", demo_path, long)[0] == 0
    marked = tmp_path / "marked.csv"
    marked.write_text("指标,代码,2023年（初步）\n某指标,LJ-SHARE-IND,21\n", encoding="utf-8")
    assert (
        run(capsys, "import", demo_path, marked, "--plan", "LJ2025", "--quality", "official")[0]
        == 0
    )
    with Workbook.open(demo_path, read_only=True) as wb:
        plan = reads.plan_by_code(wb, "LJ2025")
        assert plan is not None
        by_code = {t.id: t.code for t in reads.targets(wb, plan.id)}
        quality = {
            (by_code[o.target_id], o.year): o.quality.value
            for o in reads.observations(wb)
            if o.target_id in by_code
        }
    assert quality[("LJ-SHARE-GDP", 2023)] == "official"
    assert quality[("LJ-SHARE-GDP", 2024)] == "estimate"
    assert quality[("LJ-HTM", 2024)] == "estimate"
    assert quality[("LJ-SEI", 2024)] == "official"  # as the file says
    assert quality[("LJ-SHARE-IND", 2023)] == "preliminary"
    # a mark changes only a value that changes; the option does not override it
    record = ("record", demo_path, "LJ2025", "LJ-SHARE-IND", "2023", "21", "--quality")
    assert run(capsys, *record, "official")[0] == 0
    code, out, _ = run(
        capsys, "import", demo_path, marked, "--plan", "LJ2025", "--quality", "official"
    )
    assert code == 0 and "Nothing to change" in out


def test_a_row_is_not_pointed_to_a_target_of_another_unit(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "地区生产总值（亿元）" was said to be perhaps LJ-SHARE-GDP, a share of Chongqing's GDP
    in %, because that target's name holds the row's name."""
    table = tmp_path / "bureau.csv"
    table.write_text("指标,2022年\n地区生产总值（亿元）,4500\n合计,4515\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", demo_path, table, "--plan", "LJ2025", "--dry-run")
    assert code == 1
    assert "地区生产总值（亿元） (perhaps LJ-GDP or LJ-GDP-DIRECT)" in out
    table.write_text("指标,2022年\n地区生产总值（万元）,45500000\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", demo_path, table, "--plan", "LJ2025", "--dry-run")
    assert "地区生产总值（万元） (perhaps LJ-GDP or LJ-GDP-DIRECT)" in out  # another scale
    table.write_text("指标,单位,2022年\n地区生产总值,%,15\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", demo_path, table, "--plan", "LJ2025", "--dry-run")
    assert "地区生产总值 (perhaps LJ-SHARE-GDP)" in out


def test_a_row_named_as_part_of_a_targets_name_is_pointed_to_it(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The new area's own table names its GDP "地区生产总值"; the workbook says
    "两江新区地区生产总值" (and "直管区地区生产总值" for the directly managed area)."""
    table = tmp_path / "bureau.csv"
    table.write_text(
        "指标,2022年\n占重庆市地区生产总值比重,15\n地区生产总值（亿元）,4500\n合计,4515\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "import", demo_path, table, "--dry-run", "--lang", "zh")
    assert code == 0
    assert (
        "2 行未对应到指标，未导入：“地区生产总值（亿元）”（可能是 LJ-GDP 或 LJ-GDP-DIRECT）“合计”"
        in out
    )


def test_headers_merged_down_over_two_rows_head_the_table(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """指标, 单位 and each year merged over two rows: the second row, a copy of the first, was
    taken for another table's header, nothing was read, and the import said "the workbook
    already holds all of it", exit 0."""
    rows: list[list[object]] = [
        ["指标", "单位", "2022年", "2023年"],
        ["", "", "", ""],
        ["两江新区地区生产总值", "亿元", 4550, 4995],
        ["常住人口", "万人", 330, 335],
    ]
    merges = [("S", f"{col}1:{col}2") for col in "ABCD"]
    table = write_xlsx(tmp_path / "bulletin.xlsx", {"S": rows}, merges=merges)
    code, out, _ = run(capsys, "import", demo_path, table, "--plan", "LJ2025")
    assert code == 0
    assert "+ LJ2025 LJ-GDP 2023: 4,995 亿元" in out and "LJ-POP 2022: 330 万人" in out
    with Workbook.open(demo_path, read_only=True) as wb:
        plan = reads.plan_by_code(wb, "LJ2025")
        assert plan is not None and plan.id is not None
        gdp = reads.target_by_code(wb, plan.id, "LJ-GDP")
        assert gdp is not None
        assert {o.year: o.value for o in reads.observations(wb, [gdp.id or 0])}[2023] == 4995


def test_a_file_with_nothing_to_read_is_not_said_to_be_in_the_workbook(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = write_xlsx(tmp_path / "empty.xlsx", {"S": [["指标", "2022年"], ["", ""]]})
    before = changes(demo_path)
    code, out, err = run(capsys, "import", demo_path, table, "--plan", "LJ2025", "--lang", "zh")
    assert code == 1 and changes(demo_path) == before
    assert "已包含" not in out
    assert err == "ljtracker: 未导入任何内容：文件中没有可导入的数值或指标。\n"


def test_map_names_a_row_as_the_preview_suggests_it(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The preview said "地区生产总值（亿元） (perhaps LJ-GDP …)", but --map 地区生产总值=LJ-GDP
    found no such row: only the cell's text to the bracket would do."""
    table = tmp_path / "bureau.csv"
    table.write_text("指标,2022年\n地区生产总值（亿元）,4550\n", encoding="utf-8")
    mapped = ("import", demo_path, table, "--plan", "LJ2025", "--dry-run", "--map")
    code, out, _ = run(capsys, *mapped, "地区生产总值=LJ-GDP")
    assert code == 0 and "+ LJ2025 LJ-GDP 2022: 4,550 亿元" in out
    code, _, err = run(capsys, *mapped, "GDP=LJ-GDP")
    assert code == 1
    assert "no row of the sheet is called 'GDP'; its rows are '地区生产总值（亿元）'" in err


def test_an_import_points_out_an_amount_below_zero_after_one_above_it(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "bureau.csv"
    table.write_text("指标,2022年,2023年\n两江新区地区生产总值,-4550,49950\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", demo_path, table, "--plan", "LJ2025", "--dry-run")
    assert code == 0
    assert (
        "Note: 2 figures far from the figure each is compared with (tenfold, or below zero):"
        " check the unit, decimal point and sign (LJ-GDP 2022: -4,550 亿元 is below zero, where"
        " the 2021 figure is 4,000 亿元, LJ-GDP 2023: 49,950 亿元 is at least ten times the 2021"
        " figure"
    ) in out
    assert "--accept-jumps" not in out  # tenfold, not a hundredfold: said, not refused
    code, out, _ = run(capsys, "import", demo_path, table, "--plan", "LJ2025")
    assert code == 0 and "Imported as one change" in out


def test_an_import_far_from_the_figures_compared_is_refused_until_accepted(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A table in 万元 for a target in 亿元 went in with a note only: the figures the target is
    judged on were ten thousand times too large."""
    table = tmp_path / "bureau.csv"
    table.write_text(
        "指标,2022年,2023年\n两江新区地区生产总值,42500000,47553500\n", encoding="utf-8"
    )
    before = changes(demo_path)
    code, out, err = run(capsys, "import", demo_path, table, "--plan", "LJ2025")
    assert code == 1 and changes(demo_path) == before
    assert "2 figures ten times or a tenth of the figure each is compared with" in out
    assert err.startswith(
        "ljtracker: Nothing was imported: 2 figures a hundred times or a hundredth of the"
        " figure each is compared with, or more"
    )
    assert "import again with --accept-jumps" in err
    code, out, err = run(capsys, "import", demo_path, table, "--plan", "LJ2025", "--lang", "zh")
    assert code == 1 and "有 2 个数值与所对照的数据相差百倍以上" in err
    code, out, _ = run(capsys, "import", demo_path, table, "--plan", "LJ2025", "--accept-jumps")
    assert code == 0 and "Imported as one change" in out


def test_a_table_of_part_of_a_year_does_not_keep_the_next_sheet_from_being_imported(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    months = [["两江新区2024年1—9月主要经济指标"], ["指标", "绝对值"], ["常住人口", 338]]
    years = [["指标", "2022年"], ["常住人口", 330]]
    book = write_xlsx(tmp_path / "two.xlsx", {"1-9月": months, "历年": years})
    code, out, _ = run(capsys, "import", demo_path, book, "--plan", "LJ2025", "--dry-run")
    assert code == 0 and "+ LJ2025 LJ-POP 2022: 330 万人" in out
    assert "sheet '1-9月' is refused: 1-9月!A1: the title names a part of a year" in out
    chosen = ("--sheet", "历年")  # the sheet not chosen needs no word of why
    code, out, _ = run(capsys, "import", demo_path, book, "--plan", "LJ2025", *chosen, "--dry-run")
    assert code == 0 and "+ LJ2025 LJ-POP 2022: 330 万人" in out and "is refused" not in out
    alone = write_xlsx(tmp_path / "months.xlsx", {"1-9月": months})
    code, _, err = run(capsys, "import", demo_path, alone, "--plan", "LJ2025", "--dry-run")
    assert code == 1  # the reason, with a plan given as without one
    assert "1-9月!A1: the title names a part of a year (1—9月)" in err
    mapped = ("--map", "row 3=-")  # no rows to map: the reason, not "its rows are ''"
    code, _, err = run(capsys, "import", demo_path, alone, "--plan", "LJ2025", *mapped, "--dry-run")
    assert code == 1 and "1-9月!A1: the title names a part of a year (1—9月)" in err


def test_a_unit_above_a_long_table_is_checked_as_above_a_wide_one(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """单位：万元 above a long table was ignored: 45,000,000 went in as 亿元."""
    rows = [["单位：万元"], ["指标", "年份", "数值"], ["两江新区地区生产总值", 2023, 45_000_000]]
    table = write_xlsx(tmp_path / "long.xlsx", {"S": rows})
    code, _, err = run(capsys, "import", demo_path, table, "--plan", "LJ2025", "--dry-run")
    assert code == 1 and "万元" in err and "亿元" in err


def test_a_table_s_year_read_from_its_title_is_imported_only_once_confirmed(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A year guessed from a title went in without a word: wrong years were imported from
    titles naming a revision, a base year or an edition."""
    table = tmp_path / "bulletin.csv"
    table.write_text("两江新区2023年主要经济指标\n指标,绝对值\n常住人口,340\n", encoding="utf-8")
    asked = ("import", demo_path, table, "--plan", "LJ2025", "--lang", "en")
    code, out, _ = run(capsys, *asked, "--dry-run")
    assert code == 0 and "~ LJ2025 LJ-POP 2023: 333 万人" in out
    assert (
        "Note: the figures' year, 2023, is read from the title in bulletin.csv!A1"
        " ('两江新区2023年主要经济指标'): check it"
    ) in out
    before = changes(demo_path)
    code, _, err = run(capsys, *asked)
    assert code == 1 and changes(demo_path) == before
    assert "if 2023 is their year, import with --year 2023" in err
    code, out, _ = run(capsys, *asked, "--year", "2023")
    assert code == 0 and "Imported as one change" in out and changes(demo_path) == before + 1
    table.write_text("两江新区主要经济指标\n指标,绝对值\n常住人口,341\n", encoding="utf-8")
    code, out, _ = run(capsys, *asked, "--year", "2023")  # no year in the title: given
    assert code == 0 and "~ LJ2025 LJ-POP 2023: 340 万人" in out
    wide = tmp_path / "wide.csv"
    wide.write_text("指标,2023年\n常住人口,342\n", encoding="utf-8")
    code, _, err = run(capsys, "import", demo_path, wide, "--plan", "LJ2025", "--year", "2023")
    assert code == 1 and "--year gives the year of a table without a year column" in err


def test_a_year_given_reads_the_sheet_the_preview_showed_and_the_advice_names_it(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--year 2022, as advised for sheet '2022', imported the first sheet (whose title names
    no year) as 2022's figures instead."""
    rows = [["指标", "绝对值"], ["常住人口", 339]]
    book = write_xlsx(
        tmp_path / "two.xlsx",
        {
            "汇总": [["两江新区主要经济指标"], *rows],
            "2022": [["两江新区2022年主要经济指标"], *rows],
        },
    )
    asked = ("import", demo_path, book, "--plan", "LJ2025", "--lang", "en")
    code, out, _ = run(capsys, *asked, "--dry-run")
    assert code == 0 and "+ LJ2025 LJ-POP 2022: 339 万人" in out
    assert "to import them as 2022's, add --sheet=2022 --year 2022." in out
    code, _, err = run(capsys, *asked)
    assert code == 1 and "import with --sheet=2022 --year 2022" in err
    code, out, _ = run(capsys, *asked, "--year", "2022")
    assert code == 0 and "sheet not imported: 汇总" in out
    assert "two.xlsx, sheet 2022" in out
    alone = write_xlsx(tmp_path / "no-year.xlsx", {"汇总": [["两江新区主要经济指标"], *rows]})
    code, _, err = run(capsys, "import", demo_path, alone, "--plan", "LJ2025", "--dry-run")
    assert code == 1 and "is read with its year given: --year YEAR" in err


def test_an_import_whose_rows_the_mapping_all_leaves_out_says_so(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said that no row matched a target, and to name the rows' targets with --map."""
    rows = [["两江新区2023年主要经济指标"], ["指标", "绝对值"], ["常住人口", 335.0]]
    sheet = write_xlsx(tmp_path / "one.xlsx", {"表": rows})
    args = ("import", demo_path, sheet, "--year", "2023", "--map", "常住人口=-")
    code, out, err = run(capsys, *args)
    assert code == 1 and "1 row left out by the mapping, not imported: 常住人口" in out
    assert err == (
        "ljtracker: Nothing was imported: --map left out every row that was to go to a target"
        " of LJ2025.\n"
    )
