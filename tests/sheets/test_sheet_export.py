"""Exporting: clean XLSX and CSV files, nothing a spreadsheet would run, and a round trip that
changes nothing."""

from __future__ import annotations

import re
import tempfile
import zipfile
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest
from defusedxml.ElementTree import fromstring as parse_xml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook
from sheet_files import sheet_xml, with_cell

from ljtracker.domain.model import (
    Area,
    Comparator,
    Direction,
    Kind,
    Milestone,
    Plan,
    Quality,
    Target,
    Trajectory,
)
from ljtracker.services import editing
from ljtracker.services.exporting import export_plans, write_template
from ljtracker.services.importing import (
    ImportOptions,
    apply_import,
    preview_import,
    read_source,
)
from ljtracker.sheets.cells import SheetError
from ljtracker.sheets.template import OBSERVATION_COLUMNS, TARGET_COLUMNS
from ljtracker.storage import reads
from ljtracker.storage.atomic import OutputError, protect, unprotect
from ljtracker.storage.workbook import Workbook

HOSTILE = '=HYPERLINK("http://x")'
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def rename(wb: Workbook, code: str, name: str) -> None:
    plan = reads.plan_by_code(wb, "LJ2025")
    assert plan is not None
    target = reads.target_by_code(wb, plan.id or 0, code)
    assert target is not None
    editing.update_target(wb, replace(target, name_en=name, name_zh=name))


def test_a_missed_target_is_marked_as_the_window_and_report_mark_it(
    demo: Workbook, tmp_path: Path
) -> None:
    path = tmp_path / "lj2020.xlsx"
    export_plans(demo, path, plan_code="LJ2020", lang="en")
    book = CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_name("LJ2020 summary").to_python()
    book.close()
    gdp = next(row for row in rows if row[0] == "LJ14-GDP")
    assert gdp[10] == "! Missed"  # not the grey "–" of the not assessable


def test_xlsx_numbers_stay_numbers_and_nothing_runs(demo: Workbook, tmp_path: Path) -> None:
    rename(demo, "LJ-GDP", HOSTILE)
    rename(demo, "LJ-POP", "-1+1")
    path = tmp_path / "out.xlsx"
    summary = export_plans(demo, path, plan_code="LJ2025", lang="en")
    assert (summary.plans, summary.targets, summary.figures) == (("LJ2025",), 10, 15)

    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == [
        "LJ2025 summary",
        "plans",
        "areas",
        "targets",
        "observations",
        "LJ2025 by year",
    ]
    observations = book.get_sheet_by_name("observations").to_python()
    assert observations[0] == list(OBSERVATION_COLUMNS)
    assert all(isinstance(row[3], float) and isinstance(row[2], float) for row in observations[1:])
    targets = book.get_sheet_by_name("targets").to_python()
    assert targets[0] == list(TARGET_COLUMNS)
    gdp = next(row for row in targets if row[2] == "LJ-GDP")
    assert gdp[4] == HOSTILE and gdp[14] == 5000.0
    summary_rows = book.get_sheet_by_name("LJ2025 summary").to_python()
    gdp_summary = next(row for row in summary_rows if row[0] == "LJ-GDP")
    assert gdp_summary[1] == HOSTILE
    assert (
        gdp_summary[4] == 3750.0
        and gdp_summary[8] == 5000.0
        and gdp_summary[10] == "– Not assessable (figure due)"
    )
    # a lone figure serving as the baseline is the latest there is, as the window shows it
    sei = next(row for row in summary_rows if row[0] == "LJ-SEI")
    assert (sei[5], sei[6]) == (2021.0, 44.5)
    wide = book.get_sheet_by_name("LJ2025 by year").to_python()
    assert wide[2][:8] == [
        *("code", "indicator", "unit", "baseline year", "baseline"),
        *(2020.0, 2021.0, 2022.0),
    ]
    # a baseline the target gives, not a figure, is there as the report lists it
    gdp_wide = next(row for row in wide if row[0] == "LJ-GDP")
    assert gdp_wide[3:7] == [2020.0, 3750.0, "", 4000.0]
    book.close()

    xml = "".join(sheet_xml(path).values())
    assert "<f>" not in xml and "<f " not in xml
    with zipfile.ZipFile(path) as z:
        strings = [
            "".join(t.text or "" for t in si.iter(f"{NS}t"))
            for si in parse_xml(z.read("xl/sharedStrings.xml")).iter(f"{NS}si")
        ]
        xfs = next(parse_xml(z.read("xl/styles.xml")).iter(f"{NS}cellXfs"))
        sheet = parse_xml(z.read("xl/worksheets/sheet4.xml"))  # summary, plans, areas, targets
    hostile = str(strings.index(HOSTILE))
    cells = [
        c for c in sheet.iter(f"{NS}c") if c.findtext(f"{NS}v") == hostile and c.get("t") == "s"
    ]
    assert cells, "the name is written as a shared string"
    for cell in cells:
        assert cell.find(f"{NS}f") is None
        assert xfs[int(cell.get("s", "0"))].get("quotePrefix") == "1"


def test_xlsx_layout_frozen_sized_and_ready_to_print(demo: Workbook, tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    export_plans(demo, path, plan_code="LJ2025", lang="zh")
    sheets = sheet_xml(path)
    summary, targets = sheets["xl/worksheets/sheet1.xml"], sheets["xl/worksheets/sheet2.xml"]
    assert 'ySplit="4"' in summary and 'state="frozen"' in summary
    assert 'ySplit="1"' in targets and "<autoFilter" in targets
    for xml in sheets.values():
        assert 'orientation="landscape"' in xml and 'paperSize="9"' in xml
        assert 'fitToHeight="0"' in xml and "<cols>" in xml
        assert "&amp;P / &amp;N" in xml
    with zipfile.ZipFile(path) as z:
        workbook_xml = z.read("xl/workbook.xml").decode()
    assert "_xlnm.Print_Titles" in workbook_xml
    assert "LJ2025 概况" in workbook_xml and "LJ2025 分年数据" in workbook_xml
    with zipfile.ZipFile(path) as z:
        styles = z.read("xl/styles.xml").decode()
    # achievement as the report gives it: 20.00 %, 1,250.00 % grouped by thousands
    assert 'formatCode="#,##0.00%"' in styles
    assert 'formatCode="0.0%"' not in styles
    heading = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("LJ2025 概况").to_python()
    assert heading[1][0] == "LJ2025，2021–2025年；截至最新数据；方法：增长比值法"


def test_csv_is_utf8_with_bom_and_guarded(demo: Workbook, tmp_path: Path) -> None:
    rename(demo, "LJ-GDP", HOSTILE)
    figures = tmp_path / "figures.csv"
    export_plans(demo, figures, plan_code="LJ2025")
    data = figures.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfplan,code,year,value,quality,source,note\r\n")
    assert b"LJ2025,LJ-GDP,2021,4000,preliminary," in data
    targets = tmp_path / "targets.csv"
    export_plans(demo, targets, plan_code="LJ2025", table="targets")
    text = targets.read_text("utf-8-sig")
    assert "'=HYPERLINK" in text and ",5000," in text
    preview = preview_import(demo, read_source(targets), ImportOptions())
    assert preview.problems == () and not preview.has_changes


def test_a_chinese_export_speaks_chinese_and_reads_back(demo: Workbook, tmp_path: Path) -> None:
    figures = tmp_path / "figures.csv"
    export_plans(demo, figures, plan_code="LJ2025", lang="zh")
    data = figures.read_bytes().decode("utf-8-sig")
    assert data.startswith("规划,代码,年份,数值,数据质量,来源,备注\r\n")
    assert "LJ2025,LJ-GDP,2021,4000,初步," in data
    book_path = tmp_path / "plans.xlsx"
    export_plans(demo, book_path, plan_code="LJ2025", lang="zh")
    targets = CalamineWorkbook.from_path(str(book_path)).get_sheet_by_name("targets").to_python()
    gdp = next(row for row in targets if "LJ-GDP" in row)
    assert targets[0][:4] == ["规划", "领域", "代码", "中文名称"]
    assert {"预期性", "不低于", "复合"} <= set(gdp)  # kind, comparator, trajectory
    for path in (figures, book_path):
        preview = preview_import(demo, read_source(path), ImportOptions())
        assert preview.problems == () and not preview.has_changes


def test_template_files(tmp_path: Path) -> None:
    write_template(tmp_path / "t.xlsx")
    book = CalamineWorkbook.from_path(str(tmp_path / "t.xlsx"))
    assert book.sheet_names == ["plans", "areas", "targets", "observations", "instructions"]
    assert book.get_sheet_by_name("targets").to_python()[0] == list(TARGET_COLUMNS)
    instructions = book.get_sheet_by_name("instructions").to_python()
    assert ["targets", "code", "代码", "the target's code, unique in its plan"] in instructions
    write_template(tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_bytes().decode("utf-8-sig") == ",".join(
        OBSERVATION_COLUMNS
    ) + "\r\n"
    write_template(tmp_path / "tt.csv", table="targets")
    assert (tmp_path / "tt.csv").read_text("utf-8-sig").startswith("plan,area,code,name_zh")
    with pytest.raises(SheetError, match=r"t\.pdf: choose a file name ending in \.xlsx or \.csv"):
        write_template(tmp_path / "t.pdf")
    write_template(tmp_path / "zh.xlsx", lang="zh")  # Chinese headers: same lists, same wrapping
    targets = sheet_xml(tmp_path / "zh.xlsx")["xl/worksheets/sheet3.xml"]
    listed = sorted(re.findall(r'<dataValidation type="list"[^>]*sqref="([A-Z]+)2:', targets))
    quality = chr(ord("A") + TARGET_COLUMNS.index("baseline_quality"))
    assert {"G", "H", quality} <= set(listed)  # kind, comparator, the baseline's quality
    figures = sheet_xml(tmp_path / "zh.xlsx")["xl/worksheets/sheet4.xml"]
    source = OBSERVATION_COLUMNS.index("source") + 1  # 来源 and 备注 wrap what is typed in
    assert re.search(rf'<col min="{source}" max="{source + 1}"[^>]*style=', figures)


def test_chinese_template_names_its_columns_in_chinese_and_imports(
    demo: Workbook, tmp_path: Path
) -> None:
    write_template(tmp_path / "t.xlsx", lang="zh")
    book = CalamineWorkbook.from_path(str(tmp_path / "t.xlsx"))
    assert book.sheet_names == ["plans", "areas", "targets", "observations", "说明"]
    header = book.get_sheet_by_name("targets").to_python()[0]
    assert header[:4] == ["规划", "领域", "代码", "中文名称"]
    assert ["targets", "代码", "code", "指标代码，在规划内唯一"] in book.get_sheet_by_name(
        "说明"
    ).to_python()
    targets_xml = sheet_xml(tmp_path / "t.xlsx")["xl/worksheets/sheet3.xml"]
    assert '"预期性,约束性"' in targets_xml and '"不低于,不高于,左右"' in targets_xml

    figures = tmp_path / "figures.csv"
    write_template(figures, lang="zh")
    header_line = figures.read_bytes().decode("utf-8-sig")
    assert header_line == "规划,代码,年份,数值,数据质量,来源,备注\r\n"
    with figures.open("a", encoding="utf-8") as f:
        f.write('LJ2025,LJ-GDP,2022,"4,100",初步,统计公报,\r\n')
    apply_import(demo, read_source(figures), ImportOptions())
    gdp = reads.target_by_code(demo, reads.plan_by_code(demo, "LJ2025").id or 0, "LJ-GDP")
    assert gdp is not None
    added = [o for o in reads.observations(demo, [gdp.id or 0]) if o.year == 2022]
    assert [(o.value, o.quality.value, o.source) for o in added] == [
        (4100.0, "preliminary", "统计公报")
    ]


def test_export_refuses_the_open_workbook_and_leaves_no_partial_file(
    demo: Workbook, tmp_path: Path
) -> None:
    target = tmp_path / "same.xlsx"
    protect(target)
    try:
        with pytest.raises(OutputError, match="open workbook"):
            export_plans(demo, target)
    finally:
        unprotect(target)
    assert list(tmp_path.glob("*.partial")) == [] and not target.exists()
    with pytest.raises(SheetError, match="no plan with the code NOPE"):
        export_plans(demo, tmp_path / "x.xlsx", plan_code="NOPE")


# --- round trip ---------------------------------------------------------------------------

TEXT = st.sampled_from(
    [
        "",
        "GDP",
        "地区生产总值",
        HOSTILE,
        "-5",
        "+x",
        "@a",
        "\tTab",
        "'quoted",
        "a\nb",
        " padded ",
        "４，０００",
    ]
)
CODES = st.sampled_from(["A", "B-2", "=C", "-D", "101", "代码"])
VALUES = st.integers(min_value=-(10**11), max_value=10**11).map(lambda i: i / 100)
YEARS = st.integers(min_value=1990, max_value=2025)
LIMITS = st.integers(min_value=10**10, max_value=10**13).map(lambda i: i / 10)  # past any value
UNITS = st.sampled_from(["", "亿元", "%", "10,000 people", "=unit"])


@st.composite
def targets(draw: st.DrawFn, plan_id: int, areas: list[int]) -> list[Target]:
    found = []
    for code in draw(st.lists(CODES, min_size=1, max_size=4, unique=True)):
        kind = draw(st.sampled_from(list(Kind)))
        comparator = draw(st.sampled_from([None, *Comparator]))
        baseline = draw(st.none() | st.tuples(YEARS, VALUES))
        first_year = 1900 if baseline is None else baseline[0] + 1
        target_year = draw(st.integers(min_value=first_year, max_value=2100))
        # a milestone falls between the baseline's year and the target's
        milestone_years = (
            YEARS
            if comparator is None
            else st.integers(first_year, max(first_year, target_year - 1))
        )
        found.append(
            Target(
                plan_id=plan_id,
                code=code,
                name_zh=draw(TEXT),
                name_en=draw(TEXT) or "name",
                unit=draw(UNITS),
                kind=kind,
                comparator=comparator,
                tolerance=draw(VALUES.filter(lambda v: v > 0))
                if comparator is Comparator.ABOUT
                else None,
                direction=draw(st.sampled_from([None, *Direction])) if comparator is None else None,
                baseline_year=None if baseline is None else baseline[0],
                baseline_value=None if baseline is None else baseline[1],
                baseline_quality=None
                if baseline is None
                else draw(st.sampled_from([None, *Quality])),
                baseline_source="" if baseline is None else draw(TEXT),
                target_year=None if comparator is None else target_year,
                target_value=None if comparator is None else draw(VALUES),
                trajectory=draw(st.sampled_from(list(Trajectory))),
                milestones=tuple(
                    Milestone(year, value)
                    for year, value in sorted(
                        draw(
                            st.lists(
                                st.tuples(milestone_years, VALUES),
                                max_size=3 if target_year > first_year or comparator is None else 0,
                                unique_by=lambda m: m[0],
                            )
                        )
                    )
                ),
                natural_limit=draw(st.none() | LIMITS),
                responsible=draw(TEXT),
                notes=draw(TEXT),
                area_id=draw(st.sampled_from([None, *areas])),
            )
        )
    return found


@st.composite
def workbooks(draw: st.DrawFn) -> Workbook:
    wb = Workbook.in_memory()
    for code in draw(
        st.lists(st.sampled_from(["P1", "=P", "规划"]), min_size=1, max_size=2, unique=True)
    ):
        plan = Plan(code, draw(TEXT) or "标题", draw(TEXT), 2021, 2025)
        plan_id = editing.add_plan(wb, plan).plan_ids
        pid = next(iter(plan_id))
        names = draw(
            st.lists(
                st.sampled_from(["经济", "Green", "=Area", "社会 民生"]), max_size=3, unique=True
            )
        )
        for name in names:
            english = draw(st.sampled_from(["", f"{name} EN"]))
            editing.add_area(wb, Area(pid, 0, name, english))
        area_ids = [a.id for a in reads.areas(wb, pid) if a.id is not None]
        for target in draw(targets(pid, area_ids)):
            changes = editing.add_target(wb, target)
            tid = next(iter(changes.target_ids))
            entries = [
                editing.ObservationEntry(
                    tid,
                    year,
                    draw(VALUES),
                    draw(st.sampled_from(list(Quality))),
                    draw(TEXT),
                    draw(TEXT),
                )
                for year in draw(st.lists(YEARS, max_size=3, unique=True))
            ]
            if entries:
                editing.set_observations(wb, entries)
    return wb


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wb=workbooks(), lang=st.sampled_from(["en", "zh"]))
def test_export_then_import_changes_nothing(wb: Workbook, lang: str) -> None:
    n_plans, n_targets = len(reads.plans(wb)), len(reads.targets(wb))
    n_figures = len(reads.observations(wb))
    n_areas = sum(len(reads.areas(wb, plan.id or 0)) for plan in reads.plans(wb))
    expected = {
        "all.xlsx": n_plans + n_areas + n_targets + n_figures,
        "f.csv": n_figures,
        "t.csv": n_targets,
        "p.csv": n_plans,
        "a.csv": n_areas,
    }
    with tempfile.TemporaryDirectory() as folder:
        for name, table in (
            ("all.xlsx", "observations"),
            ("f.csv", "observations"),
            ("t.csv", "targets"),
            ("p.csv", "plans"),
            ("a.csv", "areas"),
        ):
            path = Path(folder) / name
            export_plans(wb, path, lang=lang, table=table)
            preview = preview_import(wb, read_source(path), ImportOptions())
            assert preview.problems == (), (name, preview.problems)
            assert not preview.has_changes, (
                name,
                [str(x) for x in preview.added + preview.changed],
            )
            assert len({line.thing for line in preview.unchanged}) == expected[name]
    wb.close()


def test_figures_of_many_digits_come_back_exact(demo: Workbook, tmp_path: Path) -> None:
    """Numbers read from a spreadsheet lose a formula's binary noise; figures the workbook holds
    to 16 or 17 digits, noise or not, are exported and read back unchanged."""
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    gdp = reads.target_by_code(demo, plan.id, "LJ-GDP")
    assert gdp is not None and gdp.id is not None
    exact = [12345678901234.56, 1 / 3, 9.999999999999991, 1466.6666666666667, 2.5e-17]
    exact += [4400.000000000001, 0.1 + 0.2]  # a formula's noise imported before it was dropped
    editing.set_observations(
        demo,
        [
            editing.ObservationEntry(gdp.id, 2010 + i, value, Quality.OFFICIAL, "", "")
            for i, value in enumerate(exact)
        ],
    )
    for name in ("all.xlsx", "f.csv"):
        path = tmp_path / name
        export_plans(demo, path, lang="zh", table="observations")  # an XLSX has every sheet
        preview = preview_import(demo, read_source(path), ImportOptions())
        assert not preview.edited_elsewhere, preview.notes
        assert not preview.problems and not preview.has_changes, [str(x) for x in preview.changed]


def _trimmed(row: Any, **changes: Any) -> Any:
    """The row with its texts trimmed, as a spreadsheet cell gives them back."""
    values = {f.name: getattr(row, f.name) for f in fields(row)}
    texts = {k: v.strip() for k, v in values.items() if isinstance(v, str)}
    return replace(row, **texts, **changes)


def _contents(wb: Workbook) -> dict[str, object]:
    """Everything a workbook says about its plans, without the row ids that tell it apart."""
    plans = reads.plans(wb)
    every_area = [(p.code, a) for p in plans for a in reads.areas(wb, p.id or 0)]
    areas = {a.id: (a.name_zh, a.name_en) for _, a in every_area}
    targets = {t.id: t for t in reads.targets(wb)}
    return {
        "plans": sorted((_trimmed(p, id=None) for p in plans), key=repr),
        "areas": sorted(
            (code, a.position, a.name_zh.strip(), a.name_en.strip()) for code, a in every_area
        ),
        "targets": sorted(
            (
                (areas.get(t.area_id), _trimmed(t, id=None, plan_id=0, area_id=None, position=0))
                for t in targets.values()
            ),
            key=repr,
        ),
        "figures": sorted(
            (
                (targets[o.target_id].code, _trimmed(o, id=None, target_id=0))
                for o in reads.observations(wb)
            ),
            key=repr,
        ),
    }


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wb=workbooks(), lang=st.sampled_from(["en", "zh"]))
def test_plans_copied_through_a_spreadsheet_lose_nothing(wb: Workbook, lang: str) -> None:
    """Exported to XLSX and imported into an empty workbook: titles, period, issuer and notes
    of each plan, every field of each target (milestones too), every figure."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "all.xlsx"
        export_plans(wb, path, lang=lang)
        copy = Workbook.create(Path(folder) / "copy.ljt")
        apply_import(copy, read_source(path), ImportOptions())
        assert _contents(copy) == _contents(wb)
        copy.close()
    wb.close()


def test_sheets_worked_out_for_reading_are_protected_and_say_where_to_edit(
    demo: Workbook, tmp_path: Path
) -> None:
    path = tmp_path / "out.xlsx"
    export_plans(demo, path, plan_code="LJ2025", lang="en")
    with zipfile.ZipFile(path) as z:
        names = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
    sheets = sheet_xml(path)
    protected = [
        name
        for n, name in enumerate(names, start=1)
        if "<sheetProtection" in sheets[f"xl/worksheets/sheet{n}.xml"]
    ]
    assert protected == ["LJ2025 summary", "LJ2025 by year"]  # the template sheets stay open
    by_year = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("LJ2025 by year")
    assert "edit them there" in by_year.to_python()[1][0]
    alone = ImportOptions(sheet="LJ2025 by year", plan_code="LJ2025")
    preview = preview_import(demo, read_source(path), alone)
    assert preview.problems == () and not preview.has_changes  # still reads back as it was
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None
    figures = reads.observations(demo, [t.id or 0 for t in reads.targets(demo, plan.id)])
    assert len(preview.unchanged) == len(figures) > 0  # every figure of it, read


@pytest.mark.parametrize(
    ("lang", "by_year", "said"),
    [
        (
            "en",
            "LJ2025 by year",
            "LJ2025 LJ-GDP 2021: 4,100 亿元 there, 4,000 亿元 in the workbook",
        ),
        ("zh", "LJ2025 分年数据", "LJ2025 LJ-GDP 2021年：此表4,100亿元，工作簿中4,000亿元"),
    ],
)
def test_a_figure_edited_only_in_the_by_year_sheet_is_named_on_import(
    demo: Workbook, tmp_path: Path, lang: str, by_year: str, said: str
) -> None:
    path = tmp_path / "out.xlsx"
    export_plans(demo, path, plan_code="LJ2025", lang=lang)
    exported = read_source(path)
    as_is = preview_import(demo, exported, ImportOptions(lang=lang))
    assert [note.en for note in as_is.notes if "edited there" in note.en] == []

    edited = with_cell(exported, by_year, 4000.0, 4100.0)
    preview = preview_import(demo, edited, ImportOptions(lang=lang))
    (note,) = [n for n in preview.notes if "edited there" in n.en]
    assert f'sheet "{by_year}" was not imported, but 1 figure in it was edited there' in note.en
    assert said in note.said_in(lang)
    assert not preview.has_changes  # the note warns; the import still reads the template only
    assert preview.edited_elsewhere == (by_year,)


def test_an_import_of_by_year_edits_alone_does_not_say_the_workbook_holds_them(
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ "Nothing to change: the workbook already holds all of it", exit 0, below a note that
    the figures typed into the by-year sheet were not imported."""
    from ljtracker.cli import commands_sheets, main

    path = tmp_path / "out.xlsx"
    with Workbook.open(demo_path) as wb:
        export_plans(wb, path, plan_code="LJ2025")
    edited = with_cell(read_source(path), "LJ2025 by year", 4000.0, 4100.0)
    monkeypatch.setattr(commands_sheets, "read_source", lambda _path: edited)

    assert main(["import", str(demo_path), str(path), "--dry-run"]) == 1  # as the import will
    assert "Nothing was imported" in capsys.readouterr().err
    assert main(["import", str(demo_path), str(path)]) == 1

    out, err = capsys.readouterr()
    assert "1 figure in it was edited there" in out and "Nothing to change" not in out
    assert err == (
        "ljtracker: Nothing was imported: the workbook already holds what the template's"
        ' sheets give, and the figures edited in "LJ2025 by year" are not imported with them'
        " (see the note above); to keep those, import that sheet on its own with --sheet.\n"
    )


def test_an_export_imported_into_another_workbook_does_not_blame_its_by_year_sheet(
    demo: Workbook, empty: Workbook, tmp_path: Path
) -> None:
    """The observations sheet edited (4,000 to 4,050) and the file imported into a workbook
    without the plan: the by-year sheet's 4,000 was said to be "edited there", with the advice
    to import that sheet, which would have put the older figure in."""
    path = tmp_path / "out.xlsx"
    export_plans(demo, path, plan_code="LJ2025")
    edited = with_cell(read_source(path), "observations", 4000.0, 4050.0)
    preview = preview_import(empty, edited, ImportOptions())
    assert [n.en for n in preview.notes if "edited there" in n.en] == []
    (note,) = [n for n in preview.notes if "differs from the observations sheet" in n.en]
    assert "LJ2025 LJ-GDP 2021: 4,000 亿元 there, 4,050 亿元 after this import" in note.en
    assert "holds no figure to tell which sheet was edited" in note.en
    assert "工作簿中没有原数据可判断哪张表被修改过" in note.zh
    assert preview.edited_elsewhere == ()
    as_exported = preview_import(empty, read_source(path), ImportOptions())
    assert [n.en for n in as_exported.notes if "observations sheet" in n.en] == []


def test_a_figure_typed_into_an_empty_by_year_cell_is_named_as_edited_there(
    demo: Workbook, tmp_path: Path
) -> None:
    """With no figure in the workbook nor in the observations sheet, it was named as the two
    sheets disagreeing, and an import with nothing else to do said it held all of it."""
    path = tmp_path / "out.xlsx"
    export_plans(demo, path, plan_code="LJ2025")
    source = read_source(path)
    (sheet,) = [s for s in source.sheets if s.name == "LJ2025 by year"]
    rows = [list(row) for row in sheet.rows]
    header = next(n for n, row in enumerate(rows) if 2023.0 in row)
    col = rows[header].index(2023.0)
    gdp = next(n for n, row in enumerate(rows) if "LJ-GDP" in row)
    assert rows[gdp][col] in (None, "")  # the demo has no 2023 figure of LJ-GDP
    rows[gdp][col] = 4800.0
    typed = replace(sheet, rows=tuple(tuple(row) for row in rows))
    edited = replace(source, sheets=tuple(typed if s is sheet else s for s in source.sheets))
    preview = preview_import(demo, edited, ImportOptions())
    (note,) = [n for n in preview.notes if "edited there" in n.en]
    assert "LJ2025 LJ-GDP 2023: 4,800 亿元 there, none in the workbook" in note.en
    assert preview.edited_elsewhere == ("LJ2025 by year",)


def test_by_year_edits_emptied_and_unreadable_cells_are_named_and_stale_copies_not(
    demo: Workbook, tmp_path: Path
) -> None:
    path = tmp_path / "out.xlsx"
    export_plans(demo, path, plan_code="LJ2025")
    exported = read_source(path)
    # the observations sheet edited (4,000 to 4,050): the by-year sheet's 4,000 is a stale copy
    edited = with_cell(exported, "observations", 4000.0, 4050.0)
    edited = with_cell(edited, "LJ2025 by year", 2271.0, "")  # LJ-GDP-DIRECT 2021 emptied
    edited = with_cell(edited, "LJ2025 by year", 52.8, "约53")  # LJ-HTM 2021: not a number
    preview = preview_import(demo, edited, ImportOptions())
    (note,) = [n for n in preview.notes if "edited there" in n.en]
    assert "1 figure in it was edited there" in note.en
    assert 'LJ2025 LJ-HTM 2021: "约53" (not a number) there, 52.8 % after this import' in note.en
    assert "LJ-GDP 2021" not in note.en
    # importing that sheet on its own would not take the emptied figure out: said so
    (emptied,) = [n for n in preview.notes if "empty in it" in n.en]
    assert emptied.en == (
        'sheet "LJ2025 by year" was not imported, and 1 figure empty in it stays in the'
        " workbook (LJ2025 LJ-GDP-DIRECT 2021: empty there, 2,271 亿元 after this import): an"
        " import does not delete figures; if it is to go, delete it in the window or with"
        " `ljtracker remove`"
    )
    assert "导入不会删除数据" in emptied.zh


def test_a_baseline_edited_in_a_by_year_sheet_is_named_not_passed_over(
    demo: Workbook, tmp_path: Path
) -> None:
    """A baseline put right in the by-year sheet (beside the years, where a planner reads it)
    went nowhere without a word: no import reads it there, and no note compared it."""
    path = tmp_path / "out.xlsx"
    export_plans(demo, path, plan_code="LJ2025")
    exported = read_source(path)
    edited = with_cell(exported, "LJ2025 by year", 3750.0, 3800.0)
    preview = preview_import(demo, edited, ImportOptions())
    (note,) = [n for n in preview.notes if "baseline" in n.en]
    assert note.en == (
        'sheet "LJ2025 by year" was not imported, and 1 baseline in it differs from the'
        " targets' (LJ2025 LJ-GDP baseline: 3,800 亿元 (2020) there, 3,750 亿元 (2020) in the"
        " targets): a baseline is changed in the targets sheet (baseline_year, baseline_value)"
        " or in the target's form, which alone takes one out"
    )
    assert "LJ2025 LJ-GDP 基期：此表2020年3,800亿元，指标中为2020年3,750亿元" in note.zh
    assert preview.edited_elsewhere == ()  # importing that sheet would not take it either
    # put right in the targets sheet instead, the by-year sheet's copy is the old one: unsaid
    targets = with_cell(exported, "targets", 3750.0, 3800.0)
    assert not [
        n for n in preview_import(demo, targets, ImportOptions()).notes if "baseline" in n.en
    ]
    assert not [
        n for n in preview_import(demo, exported, ImportOptions()).notes if "baseline" in n.en
    ]
    # imported into a workbook without the plan: compared with the targets sheet's
    fresh = Workbook.create(tmp_path / "new.ljt")
    try:
        notes = preview_import(fresh, edited, ImportOptions()).notes
    finally:
        fresh.close()
    # either sheet may have been edited: the two are named as disagreeing
    (unsure,) = [n.en for n in notes if "LJ2025 LJ-GDP baseline: 3,800 亿元 (2020) there" in n.en]
    assert "holds no target to tell which sheet was edited" in unsure


def test_a_figure_whose_row_was_deleted_from_an_exported_file_is_said_to_stay(
    demo: Workbook, tmp_path: Path
) -> None:
    """A planner who deleted a wrong figure's row from the exported observations sheet
    believed it gone: the import kept it, as no import deletes, and said nothing."""
    path = tmp_path / "out.xlsx"
    export_plans(demo, path, plan_code="LJ2025")
    exported = read_source(path)
    sheet = next(s for s in exported.sheets if s.name == "observations")
    rows = [row for row in sheet.rows if not ("LJ-POP" in row and 2023.0 in row)]
    assert len(rows) == len(sheet.rows) - 1
    cut = replace(sheet, rows=tuple(rows))
    edited = replace(exported, sheets=tuple(cut if s is sheet else s for s in exported.sheets))
    (note,) = [n for n in preview_import(demo, edited, ImportOptions()).notes if "stays" in n.en]
    assert note.en == (
        "1 figure of the workbook is not in the file's observations sheet and stays (LJ2025"
        " LJ-POP 2023): an import does not delete figures; to take one out, delete it in the"
        " window or with `ljtracker remove`"
    )
    assert not [n for n in preview_import(demo, exported, ImportOptions()).notes if "stay" in n.en]
    # a figure added to the workbook after the export is in neither sheet: not said to be
    # deleted from the file (the by-year sheet's empty cell has a note of its own)
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    gdp = reads.target_by_code(demo, plan.id, "LJ-GDP")
    assert gdp is not None and gdp.id is not None
    editing.set_observations(demo, [editing.ObservationEntry(gdp.id, 2022, 4200.0)])
    notes = preview_import(demo, exported, ImportOptions()).notes
    assert not [n for n in notes if "observations sheet" in n.en]


def test_an_untouched_export_of_a_plan_without_figures_yet_imports_back(
    demo: Workbook, tmp_path: Path
) -> None:
    """A plan just carried on with next-plan has no year's column in its by-year sheet: the
    first row whose baseline year reads as one ("2025") was taken for the header, and the
    baselines below it for figures edited there, refusing the untouched export."""
    from ljtracker.domain.model import Plan
    from ljtracker.services.follow_on import follow_on_plan

    lj2025 = reads.plan_by_code(demo, "LJ2025")
    assert lj2025 is not None and lj2025.id is not None
    entries = []
    for code, value in (("LJ-SHARE-GDP", 16.2), ("LJ-SHARE-IND", 22.5)):
        target = reads.target_by_code(demo, lj2025.id, code)
        assert target is not None and target.id is not None
        entries.append(editing.ObservationEntry(target.id, 2025, value))
    editing.set_observations(demo, entries)
    follow_on_plan(demo, lj2025.id, Plan("LJ2030", "LJ2030", "LJ2030", 2026, 2030))
    path = tmp_path / "out.xlsx"
    export_plans(demo, path, plan_code="LJ2030")
    preview = preview_import(demo, read_source(path), ImportOptions())
    assert preview.edited_elsewhere == () and not preview.has_changes
    assert not [n for n in preview.notes if "edited there" in n.en]


def test_a_by_year_figure_edited_under_a_retitled_header_is_still_named(
    demo: Workbook, tmp_path: Path
) -> None:
    """The check that a by-year sheet was read as exported took its header's words: with
    "indicator" retitled, a figure edited there went nowhere without a word."""
    path = tmp_path / "out.xlsx"
    export_plans(demo, path, plan_code="LJ2025")
    edited = with_cell(read_source(path), "LJ2025 by year", "indicator", "Indicator")
    edited = with_cell(edited, "LJ2025 by year", 4000.0, 4100.0)
    preview = preview_import(demo, edited, ImportOptions())
    (note,) = [n for n in preview.notes if "edited there" in n.en]
    assert "LJ2025 LJ-GDP 2021: 4,100 亿元 there, 4,000 亿元 in the workbook" in note.en
    # the note line above the header deleted, the header moved up a row, and retitled: the same
    moved = with_cell(read_source(path), "LJ2025 by year", 4000.0, 4100.0)
    moved = with_cell(moved, "LJ2025 by year", "code", "Code")
    sheet = next(s for s in moved.sheets if s.name == "LJ2025 by year")
    up = replace(sheet, rows=(sheet.rows[0], *sheet.rows[2:]))
    moved = replace(moved, sheets=tuple(up if s is sheet else s for s in moved.sheets))
    (note,) = [n for n in preview_import(demo, moved, ImportOptions()).notes if "edited" in n.en]
    assert "LJ2025 LJ-GDP 2021: 4,100 亿元 there, 4,000 亿元 in the workbook" in note.en


def test_a_by_year_sheet_is_the_plan_s_its_name_gives_as_it_stands(
    demo: Workbook, tmp_path: Path
) -> None:
    """With plans LJ/2030 and LJ_2030, "LJ_2030 by year" was credited to LJ/2030 (export names
    its sheet so too), and an untouched export of LJ_2030 was refused as edited there."""
    from ljtracker.domain.model import Plan
    from ljtracker.services.follow_on import follow_on_plan

    lj2025 = reads.plan_by_code(demo, "LJ2025")
    assert lj2025 is not None and lj2025.id is not None
    for code, value in (("LJ/2030", 5200.0), ("LJ_2030", 5201.0)):
        follow_on_plan(demo, lj2025.id, Plan(code, code, code, 2026, 2030))
        plan = reads.plan_by_code(demo, code)
        assert plan is not None and plan.id is not None
        gdp = reads.target_by_code(demo, plan.id, "LJ-GDP")
        assert gdp is not None and gdp.id is not None
        editing.set_observations(demo, [editing.ObservationEntry(gdp.id, 2026, value)])
    for code in ("LJ_2030", "LJ/2030"):  # each exported alone, the other in the workbook
        path = tmp_path / "out.xlsx"
        export_plans(demo, path, plan_code=code)
        preview = preview_import(demo, read_source(path), ImportOptions())
        assert preview.edited_elsewhere == () and not preview.has_changes, code
        assert not [n for n in preview.notes if "edited there" in n.en or "stays" in n.en]
    # the file naming no plan (its plans sheet and LJ/2030's figure deleted): the workbook's
    # plans tell whose the sheet is, and the figure deleted is said to stay
    exported = read_source(path)
    kept = []
    for sheet in exported.sheets:
        if sheet.name == "observations":
            sheet = replace(sheet, rows=tuple(r for r in sheet.rows if "LJ/2030" not in r))
        if sheet.name != "plans":
            kept.append(sheet)
    preview = preview_import(demo, replace(exported, sheets=tuple(kept)), ImportOptions())
    assert preview.edited_elsewhere == ()
    (note,) = [n for n in preview.notes if "stays" in n.en]
    assert "(LJ/2030 LJ-GDP 2026)" in note.en


def test_an_untouched_export_of_plans_whose_codes_a_sheet_name_cannot_hold_imports_back(
    demo: Workbook, tmp_path: Path
) -> None:
    """A plan coded LJ/2030 gets the by-year sheet "LJ_2030 by year", a long code one cut at
    31 characters: re-importing the untouched export said the figures there had been edited
    and refused, and a row deleted from the observations sheet went unsaid."""
    from ljtracker.domain.model import Plan
    from ljtracker.services.follow_on import follow_on_plan

    lj2025 = reads.plan_by_code(demo, "LJ2025")
    assert lj2025 is not None and lj2025.id is not None
    for code in ("LJ/2030", "LIANGJIANG-NEW-AREA-PLAN-2030"):
        follow_on_plan(demo, lj2025.id, Plan(code, code, code, 2026, 2030))
        plan = reads.plan_by_code(demo, code)
        assert plan is not None and plan.id is not None
        gdp = reads.target_by_code(demo, plan.id, "LJ-GDP")
        assert gdp is not None and gdp.id is not None
        editing.set_observations(demo, [editing.ObservationEntry(gdp.id, 2026, 5200.0)])
    path = tmp_path / "out.xlsx"
    export_plans(demo, path)
    exported = read_source(path)
    preview = preview_import(demo, exported, ImportOptions())
    assert preview.edited_elsewhere == () and not preview.has_changes
    assert not [n for n in preview.notes if "edited there" in n.en]
    sheet = next(s for s in exported.sheets if s.name == "observations")
    rows = tuple(row for row in sheet.rows if not (2026.0 in row and "LJ/2030" in row))
    cut = replace(sheet, rows=rows)
    edited = replace(exported, sheets=tuple(cut if s is sheet else s for s in exported.sheets))
    (note,) = [n for n in preview_import(demo, edited, ImportOptions()).notes if "stays" in n.en]
    assert "(LJ/2030 LJ-GDP 2026)" in note.en


def test_a_file_imported_again_does_not_call_its_stale_by_year_copy_edited(
    demo: Workbook, tmp_path: Path
) -> None:
    """The same edited file imported twice: the second time, the by-year sheet's 4,000 is
    the copy of the figure before the first import, not an edit there; nor is it left
    unsaid, as it may have been typed back by hand."""
    path = tmp_path / "out.xlsx"
    export_plans(demo, path, plan_code="LJ2025")
    edited = with_cell(read_source(path), "observations", 4000.0, 4100.0)
    apply_import(demo, edited, ImportOptions())
    again = preview_import(demo, edited, ImportOptions())
    assert [n.en for n in again.notes if "edited there" in n.en] == []
    (older,) = [n.en for n in again.notes if "held before a later change" in n.en]
    assert "1 figure in it is a value the workbook held before a later change" in older
    # the import writes nothing: the workbook keeps its figure, named as it is there
    assert "(LJ2025 LJ-GDP 2021: 4,000 亿元 there, 4,100 亿元 in the workbook)" in older
    assert "an older copy if this file was exported before that change" in older
    # a value the figure never had is still named
    other = with_cell(edited, "LJ2025 by year", 4000.0, 4200.0)
    (note,) = [n for n in preview_import(demo, other, ImportOptions()).notes if "edited" in n.en]
    assert "LJ2025 LJ-GDP 2021: 4,200 亿元 there, 4,100 亿元 in the workbook" in note.en


def test_a_figure_added_after_the_export_is_not_called_edited_there(
    demo: Workbook, tmp_path: Path
) -> None:
    """Empty in the by-year sheet, it may have been emptied there or added after the export:
    it stays either way, and is said to (importing that sheet would not take it out)."""
    path = tmp_path / "out.xlsx"
    export_plans(demo, path, plan_code="LJ2025")
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    gdp = reads.target_by_code(demo, plan.id, "LJ-GDP")
    assert gdp is not None and gdp.id is not None
    entry = editing.ObservationEntry(gdp.id, 2022, 4300.0)
    editing.set_observations(demo, [entry])  # after the export
    preview = preview_import(demo, read_source(path), ImportOptions())
    assert [n.en for n in preview.notes if "edited there" in n.en] == []
    assert [n.en for n in preview.notes if "held before a later change" in n.en] == []
    (kept,) = [n.en for n in preview.notes if "empty in it stays" in n.en]
    assert "LJ2025 LJ-GDP 2022: empty there, 4,300 亿元 in the workbook" in kept


def test_a_by_year_edit_is_named_where_the_workbook_has_no_such_plan_yet(
    demo: Workbook, tmp_path: Path
) -> None:
    path = tmp_path / "out.xlsx"
    export_plans(demo, path, plan_code="LJ2025")
    edited = with_cell(read_source(path), "LJ2025 by year", 4000.0, 4100.0)
    fresh = Workbook.create(tmp_path / "new.ljt")
    try:
        preview = preview_import(fresh, edited, ImportOptions())
    finally:
        fresh.close()
    # which sheet was edited only the workbook's figures could tell: the two are named
    (note,) = [n for n in preview.notes if "differs from the observations sheet" in n.en]
    assert "LJ2025 LJ-GDP 2021: 4,100 亿元 there, 4,000 亿元 after this import" in note.en
