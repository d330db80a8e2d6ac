"""Importing: the preview, all or nothing, one recorded change, and nothing the second time."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sheet_files import (
    WIDE_SHEET,
    ods,
    template_xlsx,
    wide_rows,
    wide_xlsx,
    write_csv,
    write_xlsx,
)

from ljtracker.domain.model import Comparator, Kind, Quality
from ljtracker.services import editing
from ljtracker.services.importing import (
    ImportOptions,
    ImportRefused,
    NoTableFound,
    apply_import,
    preview_import,
    read_source,
)
from ljtracker.sheets.cells import SheetError
from ljtracker.storage import reads
from ljtracker.storage.history import revisions_of_change
from ljtracker.storage.workbook import Workbook


def figures(wb: Workbook, code: str, plan: str = "LJ2025") -> dict[int, float]:
    found = reads.plan_by_code(wb, plan)
    assert found is not None and found.id is not None
    target = reads.target_by_code(wb, found.id, code)
    assert target is not None and target.id is not None
    return {o.year: o.value for o in reads.observations(wb, [target.id])}


def target_id(wb: Workbook, code: str, plan: str = "LJ2025") -> int:
    found = reads.plan_by_code(wb, plan)
    assert found is not None and found.id is not None
    target = reads.target_by_code(wb, found.id, code)
    assert target is not None and target.id is not None
    return target.id


def snapshot(wb: Workbook) -> tuple[object, ...]:
    tables = ("plan", "area", "target", "observation", "change", "revision")
    return tuple(
        tuple(map(tuple, wb.conn.execute(f"SELECT * FROM {t} ORDER BY id"))) for t in tables
    )


def shown(lines: object) -> list[str]:
    return [str(line) for line in lines]  # type: ignore[attr-defined]


def test_wide_sheet_preview_then_one_change_then_nothing(demo: Workbook, tmp_path: Path) -> None:
    source = read_source(wide_xlsx(tmp_path / "bureau.xlsx"))
    options = ImportOptions(plan_code="LJ2025", mapping={})
    preview = preview_import(demo, source, options)

    assert preview.plan is not None and preview.plan.code == "LJ2025"
    matched = {m.indicator.label: m.target.code if m.target else None for m in preview.matches}
    assert matched == {
        "地区生产总值": None,  # "两江新区地区生产总值" in the workbook: the user maps it
        "占重庆市地区生产总值比重": "LJ-SHARE-GDP",
        "Share of Chongqing's industrial output value": "LJ-SHARE-IND",
        "战略性新兴产业产值占比": "LJ-SEI",
        "一、开放型经济": None,
        "进出口总额": None,
    }
    assert shown(preview.added) == [
        "+ LJ2025 LJ-SHARE-GDP 2021: 15 %",
        "+ LJ2025 LJ-SHARE-GDP 2022: 15.5 %",
        "+ LJ2025 LJ-SHARE-IND 2022: 18.2 %",
        "+ LJ2025 LJ-SEI 2022: 45 %",
    ]
    [change] = shown(preview.changed)
    assert change.startswith("~ LJ2025 LJ-SHARE-GDP 2023: 15 % (estimate); source: “Brief")
    assert change.endswith("→ 16 % (official); source: bureau.xlsx; note: —")
    assert shown(preview.unchanged) == [
        "= LJ2025 LJ-SHARE-IND 2023: 20 %",
        "= LJ2025 LJ-SEI 2021: 44.5 %",
    ]
    assert preview.problems == ()
    assert any("note lines below the table" in n.en for n in preview.notes)
    assert any(n.zh.endswith("行注释未导入") for n in preview.notes)

    mapped = ImportOptions(plan_code="LJ2025", mapping={"row 4": target_id(demo, "LJ-GDP")})
    preview = preview_import(demo, source, mapped)
    assert "+ LJ2025 LJ-GDP 2022: 4,150 亿元" in shown(preview.added)
    assert "= LJ2025 LJ-GDP 2021: 4,000 亿元" in shown(preview.unchanged)

    changes = apply_import(demo, source, mapped)
    assert changes.change_id is not None
    revisions = revisions_of_change(demo, changes.change_id)
    assert len(revisions) == 7  # 6 figures added, 1 changed: one change, one revision batch
    assert figures(demo, "LJ-GDP") == {2021: 4000.0, 2022: 4150.0, 2023: 4400.5}
    assert figures(demo, "LJ-SHARE-GDP") == {2020: 15.0, 2021: 15.0, 2022: 15.5, 2023: 16.0}
    changed = reads.observations(demo, [target_id(demo, "LJ-SHARE-GDP")])[-1]
    assert (changed.quality, changed.source, changed.note) == (Quality.OFFICIAL, "bureau.xlsx", "")

    before = snapshot(demo)
    again = apply_import(demo, source, mapped)
    assert again.empty
    assert snapshot(demo) == before
    second = preview_import(demo, source, mapped)
    assert not second.has_changes and len(second.unchanged) == 10

    editing.revert(demo, changes.change_id)
    assert figures(demo, "LJ-GDP") == {2021: 4000.0}
    assert figures(demo, "LJ-SHARE-GDP") == {2020: 15.0, 2023: 15.0}


def test_a_footnote_mark_is_named_and_nothing_is_written(demo: Workbook, tmp_path: Path) -> None:
    source = read_source(wide_xlsx(tmp_path / "marked.xlsx", footnote=True))
    options = ImportOptions(plan_code="LJ2025", mapping={"row 4": target_id(demo, "LJ-GDP")})
    preview = preview_import(demo, source, options)
    assert [p.where for p in preview.problems] == [f"{WIDE_SHEET}!F4"]
    assert "footnote mark (*)" in preview.problems[0].message_en
    assert "脚注" in preview.problems[0].message_zh
    before = snapshot(demo)
    with pytest.raises(ImportRefused) as refused:
        apply_import(demo, source, options)
    assert refused.value.problems[0].where == f"{WIDE_SHEET}!F4"
    assert snapshot(demo) == before

    left_out = ImportOptions(plan_code="LJ2025", mapping={"row 4": None})
    assert preview_import(demo, source, left_out).problems == ()


def test_a_bad_cell_in_row_750_of_1000_leaves_the_workbook_unchanged(
    demo: Workbook, tmp_path: Path
) -> None:
    codes = [t.code for t in reads.targets(demo, reads.plan_by_code(demo, "LJ2025").id)]  # type: ignore[union-attr]
    rows: list[list[object]] = [["code", "year", "value"]]
    for i in range(1, 1000):
        rows.append([codes[i % len(codes)], str(1901 + i // len(codes)), f"{i % 90}.5"])
    rows[749][2] = "1,5"  # row 750 of the file: an ambiguous decimal comma
    source = read_source(write_csv(tmp_path / "long.csv", rows))
    preview = preview_import(demo, source, ImportOptions(plan_code="LJ2025"))
    assert [p.where for p in preview.problems] == ["long.csv!C750"]
    assert "ambiguous" in preview.problems[0].message_en
    assert len(preview.added) == 998
    before = snapshot(demo)
    with pytest.raises(ImportRefused):
        apply_import(demo, source, ImportOptions(plan_code="LJ2025"))
    assert snapshot(demo) == before


TEMPLATE_TARGETS = [
    {
        "plan": "NEW2030",
        "area": "经济发展",
        "code": "N-GDP",
        "name_zh": "地区生产总值",
        "name_en": "GDP",
        "unit": "亿元",
        "kind": "预期性",
        "comparator": "不低于",
        "baseline_year": 2025,
        "baseline_value": "5,000",
        "target_year": "2030年",
        "target_value": "７０００",
        "trajectory": "compound",
    },
    {
        "plan": "NEW2030",
        "area": "Green",
        "code": "N-FOREST",
        "name_zh": "森林覆盖率",
        "unit": "%",
        "kind": "binding",
        "comparator": "about",
        "tolerance": 0.5,
        "target_year": 2030,
        "target_value": "56%",
    },
]
TEMPLATE_FIGURES = [
    {"plan": "NEW2030", "code": "N-GDP", "year": 2026, "value": 5400, "quality": "初步"},
    {"plan": "NEW2030", "code": "N-FOREST", "year": "2026", "value": "55.5", "source": "公报"},
    {"plan": "LJ2025", "code": "LJ-GDP", "year": 2021, "value": "4,000", "quality": "preliminary"},
]


@pytest.mark.parametrize("chinese", [False, True])
def test_template_creates_a_plan_and_its_targets(
    demo: Workbook, tmp_path: Path, chinese: bool
) -> None:
    path = template_xlsx(tmp_path / "t.xlsx", TEMPLATE_TARGETS, TEMPLATE_FIGURES, chinese=chinese)
    source = read_source(path)
    preview = preview_import(demo, source, ImportOptions())
    assert preview.problems == ()
    assert shown(preview.added)[:3] == [
        "+ plan NEW2030: NEW2030 (2026–2030)",
        "+ NEW2030 area: 经济发展",
        "+ NEW2030 N-GDP: GDP: at least 7,000 亿元 by 2030",
    ]
    assert "= LJ2025 LJ-GDP 2021: 4,000 亿元" in shown(preview.unchanged)

    changes = apply_import(demo, source, ImportOptions())
    assert changes.structure and not changes.empty
    plan = reads.plan_by_code(demo, "NEW2030")
    assert plan is not None and (plan.title_zh, plan.title_en) == ("NEW2030", "NEW2030")
    assert (plan.start_year, plan.end_year) == (2026, 2030)
    assert [a.name_zh or a.name_en for a in reads.areas(demo, plan.id)] == ["经济发展", "Green"]
    forest = reads.target_by_code(demo, plan.id or 0, "N-FOREST")
    assert forest is not None
    assert (forest.comparator, forest.tolerance, forest.target_value) == (
        Comparator.ABOUT,
        0.5,
        56.0,
    )
    gdp_figures = reads.observations(demo, [target_id(demo, "N-GDP", "NEW2030")])
    assert [(o.year, o.value, o.quality) for o in gdp_figures] == [
        (2026, 5400.0, Quality.PRELIMINARY)
    ]

    before = snapshot(demo)
    assert apply_import(demo, source, ImportOptions()).empty
    assert snapshot(demo) == before

    editing.revert(demo, changes.change_id or 0)
    assert reads.plan_by_code(demo, "NEW2030") is None


def test_template_problems_name_their_cells(demo: Workbook, tmp_path: Path) -> None:
    bad = [
        {**TEMPLATE_TARGETS[0], "kind": "important", "baseline_value": "5000万元"},
        {**TEMPLATE_TARGETS[1], "tolerance": ""},
        {**TEMPLATE_TARGETS[1]},
    ]
    figures_ = [{"plan": "LJ2025", "code": "NOPE", "year": 2021, "value": 1}]
    source = read_source(template_xlsx(tmp_path / "bad.xlsx", bad, figures_))
    problems = preview_import(demo, source, ImportOptions()).problems
    assert [(p.where, p.message_en.split(";")[0]) for p in problems] == [
        ("targets!G2", '"important" is not a kind'),
        (
            "targets!K2",
            '"5000万元" contains a unit or a magnitude word other than "亿元", '
            "the unit of this value",
        ),
        ("targets!P3", "an 'about' target needs a positive tolerance"),
        ("targets!C4", "target N-FOREST of plan NEW2030 is also in row 3"),
        ("observations!B2", "plan LJ2025 has no target NOPE"),
    ]


def test_observations_only_update_existing_targets(demo: Workbook, tmp_path: Path) -> None:
    rows = [
        ["规划", "代码", "年份", "数值", "数据质量", "来源", "备注"],
        ["LJ2025", "LJ-GDP", "2021", "4,050", "正式", "统计公报", ""],
        ["LJ2025", "LJ-POP", "2024", "340", "", "", ""],
        ["LJ2025", "LJ-HTM", "2022", "—", "", "", ""],
    ]
    source = read_source(write_csv(tmp_path / "figures.csv", rows, encoding="utf-8-sig"))
    preview = preview_import(demo, source, ImportOptions())
    assert shown(preview.changed) == [
        "~ LJ2025 LJ-GDP 2021: 4,000 亿元 (preliminary); source: Chongqing Daily on the Liangjiang "
        "work conference of 2022-01-27, via hi-high.cn, 2022-07-23 (B); note: “Expected to exceed "
        "400 bn yuan” (= 4,000 亿元), stated before final statistics. → 4,050 亿元 (official); "
        "source: 统计公报; note: —"
    ]
    assert shown(preview.added) == ["+ LJ2025 LJ-POP 2024: 340 万人"]
    apply_import(demo, source, ImportOptions())
    assert figures(demo, "LJ-GDP") == {2021: 4050.0}
    assert figures(demo, "LJ-HTM") == {2021: 52.8}  # "—": no figure, nothing removed


def test_a_figure_left_empty_in_a_wide_table_is_named_as_kept(
    demo: Workbook, tmp_path: Path
) -> None:
    """A planner who emptied a wrong figure in a table was told nothing; it stayed."""
    sei = target_id(demo, "LJ-SEI")
    editing.set_observations(demo, [editing.ObservationEntry(sei, 2023, 46.1)])
    source = read_source(wide_xlsx(tmp_path / "bureau.xlsx"))
    preview = preview_import(demo, source, ImportOptions(plan_code="LJ2025", mapping={}))
    kept = [n for n in preview.notes if "kept as the workbook has them" in n.en]
    assert [(n.en.rsplit(": ", 1)[1], n.zh.rsplit("：", 1)[1]) for n in kept] == [
        ("LJ-SEI 2023 (46.1 %)", "LJ-SEI 2023年（46.1%）")
    ]
    apply_import(demo, source, ImportOptions(plan_code="LJ2025", mapping={}))
    assert figures(demo, "LJ-SEI")[2023] == 46.1
    # the bureau's "—" for 2024 GDP, where the workbook has a figure, has a note of its own
    gdp = target_id(demo, "LJ-GDP")
    editing.set_observations(demo, [editing.ObservationEntry(gdp, 2024, 4600.0)])
    mapped = ImportOptions(plan_code="LJ2025", mapping={"row 4": gdp})
    notes = preview_import(demo, source, mapped).notes
    assert not [n for n in notes if "LJ-GDP 2024" in n.en]
    assert [n for n in notes if n.en.startswith("2 empty or missing figures (—, -, …)")]


def test_a_year_header_marked_preliminary_gives_its_figures_that_quality(
    demo: Workbook, tmp_path: Path
) -> None:
    """A bureau heads its newest column "2022年（初步）"; it was left out with a note, and its
    figures quietly stayed out of the workbook. "2025年预计" may be a forecast of a year still
    to come: taken as a figure, it would judge the target on a forecast."""
    rows = [
        ["代码", "指标", "单位", "2021年", "2022年（初步）", "2023p", "2025年预计", "2025e"],
        ["LJ-GDP", "两江新区地区生产总值", "亿元", 4000, 4400, 4700, 4900, 4950],
    ]
    path = write_xlsx(tmp_path / "bureau.xlsx", {"主要指标": rows})
    options = ImportOptions(plan_code="LJ2025", mapping={})
    preview = preview_import(demo, read_source(path), options)
    assert preview.problems == ()
    assert shown(preview.added) == [
        "+ LJ2025 LJ-GDP 2022: 4,400 亿元 (preliminary)",
        "+ LJ2025 LJ-GDP 2023: 4,700 亿元 (preliminary)",
    ]
    forecasts = [n for n in preview.notes if "may hold forecasts" in n.en]
    assert [n.en.split(")")[0] for n in forecasts] == [
        "column G ('2025年预计'",
        "column H ('2025e'",
    ]
    assert all("可能是预测值" in n.zh for n in forecasts)
    apply_import(demo, read_source(path), options)
    gdp = target_id(demo, "LJ-GDP")
    qualities = {o.year: o.quality for o in reads.observations(demo, [gdp])}
    assert qualities[2022] is Quality.PRELIMINARY and 2025 not in qualities


@pytest.mark.parametrize(
    "header",
    [
        "2025年（初步数）",
        "2025年初步数",
        "2025初步数",
        "2025年(快报数)",
        "2025年初步核算数",
        "2025年初步核算数据",
        "2025年初步数字",
    ],
)
def test_a_bureau_s_preliminary_column_is_read_however_it_words_the_mark(
    demo: Workbook, tmp_path: Path, header: str
) -> None:
    """ "2025年（初步数）" was dropped with only a note, and the import went on without it."""
    rows = [
        ["代码", "指标", "单位", "2024年", header],
        ["LJ-GDP", "地区生产总值", "亿元", 4612, 4876],
    ]
    path = write_csv(tmp_path / "bureau.csv", [[str(c) for c in r] for r in rows])
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    assert preview.problems == ()
    assert shown(preview.added) == [
        "+ LJ2025 LJ-GDP 2024: 4,612 亿元",
        "+ LJ2025 LJ-GDP 2025: 4,876 亿元 (preliminary)",
    ]


def test_a_bureau_s_final_or_revised_column_is_read_as_official_figures(
    demo: Workbook, tmp_path: Path
) -> None:
    """ "2021年（最终核实）" and "2022年（修订）" were dropped as "not a year", with only a note:
    the final figures a bureau sends."""
    rows = [
        ["代码", "指标", "单位", "2021年（最终核实）", "2022年（修订）", "2023 (revised)"],
        ["LJ-GDP", "地区生产总值", "亿元", "4,100", "4,150", "4,400"],
    ]
    path = write_csv(tmp_path / "bureau.csv", rows)
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    assert preview.problems == ()
    assert not [n for n in preview.notes if "not a year" in n.en]
    apply_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    gdp = target_id(demo, "LJ-GDP")
    found = {o.year: (o.value, o.quality) for o in reads.observations(demo, [gdp])}
    assert found[2021] == (4100.0, Quality.OFFICIAL)  # preliminary before
    assert found[2022] == (4150.0, Quality.OFFICIAL)
    assert found[2023] == (4400.0, Quality.OFFICIAL)
    confirmed = [["指标", "2021年（最终核实）"], ["两江新区地区生产总值", "4,000"]]
    again = read_source(write_csv(tmp_path / "final.csv", confirmed))
    editing.set_observations(  # back to the demo's preliminary figure
        demo, [editing.ObservationEntry(gdp, 2021, 4000.0, Quality.PRELIMINARY, "x", "")]
    )
    apply_import(demo, again, ImportOptions(plan_code="LJ2025"))
    confirmed_2021 = [o for o in reads.observations(demo, [gdp]) if o.year == 2021]
    assert confirmed_2021[0].quality is Quality.OFFICIAL  # a repeated figure confirmed


def test_a_figure_ten_times_the_one_before_it_is_pointed_out(
    demo: Workbook, tmp_path: Path
) -> None:
    """`record` and the window say so; an import took 44,320 beside 4,000 without a word."""
    rows = [
        ["指标名称", "单位", "2022年", "2023年", "2024年"],
        ["两江新区地区生产总值", "亿元", "44,320", "4,560", "4,700"],
        ["占重庆市地区生产总值比重", "%", "15.1", "0.153", "15.3"],
    ]
    path = write_csv(tmp_path / "slip.csv", rows)
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    jumped = [n for n in preview.notes if "ten times" in n.en]
    assert [n.en for n in jumped] == [
        "2 figures ten times or a tenth of the figure each is compared with, or more: check the"
        " unit and decimal point (LJ-GDP 2022: 44,320 亿元 is at least ten times the 2021 figure"
        " (4,000 亿元), LJ-SHARE-GDP 2023: 0.153 % is at most a tenth of the 2022 figure (15.1 %))"
    ]  # measured against the figures found sound: the right ones after a slip are not blamed
    assert jumped[0].zh.startswith("2 个数值与所对照的数据相差十倍以上，请核对单位和小数点")


def test_a_final_column_beside_a_preliminary_one_of_its_year_gives_the_figures(
    demo: Workbook, tmp_path: Path
) -> None:
    """ "2022年（初步）" beside "2022年（最终核实）": refused as two figures for one year, the
    bureau's file to be edited by hand."""
    rows = [
        ["指标", "2022年（最终核实）", "2022年（初步）", "2023年（初步）"],
        ["两江新区地区生产总值", "4,350", "4,300", "4,600"],
    ]
    path = write_csv(tmp_path / "bureau.csv", rows)
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    assert preview.problems == ()
    assert shown(preview.added) == [
        "+ LJ2025 LJ-GDP 2022: 4,350 亿元",
        "+ LJ2025 LJ-GDP 2023: 4,600 亿元 (preliminary)",
    ]
    assert "column C ('2022年（初步）') is left out: column B gives the final figures of 2022" in [
        n.en for n in preview.notes
    ]
    lacking = [
        ["指标", "2022年（初步）", "2022年（最终核实）"],
        ["两江新区地区生产总值", "4,300", ""],
    ]
    path = write_csv(tmp_path / "lacking.csv", lacking)
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    assert [(p.where, p.message_en) for p in preview.problems] == [
        (
            "lacking.csv!B2",
            "a figure for 2022 where the final column (C) is empty; give the final figure"
            " there, or leave this one out",
        )
    ]


def test_a_footnote_merged_across_the_table_ends_it(demo: Workbook, tmp_path: Path) -> None:
    """Its text copied into every cell of the row, it was read as one more indicator."""
    rows = [
        ["代码", "指标", "单位", "2024年", "2025年"],
        ["LJ-GDP", "地区生产总值", "亿元", 4612, 4876],
        ["注：2025年数据为初步核算数。", "", "", "", ""],
    ]
    path = write_xlsx(tmp_path / "bureau.xlsx", {"主要指标": rows}, merges=[("主要指标", "A3:E3")])
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    assert preview.problems == ()
    assert len(preview.matches) == 1 and len(preview.added) == 2
    assert any(n.zh == "表格下方第 3 行起的 1 行注释未导入" for n in preview.notes)


def test_a_starred_indicator_with_a_merged_text_does_not_end_the_table(
    demo: Workbook, tmp_path: Path
) -> None:
    """A binding indicator marked "*", its figures one text merged across the years, is a row
    of the table (not matched), and the rows below it are read."""
    rows = [
        ["代码", "指标", "单位", "2024年", "2025年"],
        ["LJ-GDP", "地区生产总值", "亿元", 4612, 4876],
        ["", "*单位GDP能耗降低", "累计下降13.5%", "", ""],
        ["LJ-POP", "常住人口", "万人", 333, 340],
    ]
    path = write_xlsx(tmp_path / "bureau.xlsx", {"主要指标": rows}, merges=[("主要指标", "C3:E3")])
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    assert "+ LJ2025 LJ-POP 2025: 340 万人" in shown(preview.added)
    assert not any("note line" in n.en for n in preview.notes)


def test_gb18030_wide_csv_and_unit_mismatch(demo: Workbook, tmp_path: Path) -> None:
    rows = [[str(c) for c in r] for r in wide_rows()]
    path = write_csv(tmp_path / "gbk.csv", rows, encoding="gb18030")
    source = read_source(path)
    assert [(n.en, n.zh) for n in source.notes] == [
        ("read as CSV: GB18030, comma-separated", "按 CSV 读取：GB18030，逗号分隔")
    ]
    residents = target_id(demo, "LJ-POP")
    preview = preview_import(
        demo, source, ImportOptions(plan_code="LJ2025", mapping={"row 9": residents})
    )
    assert [(p.where, p.message_en[:46]) for p in preview.problems] == [
        ("gbk.csv!C9", 'the row\'s unit "亿元" differs from the unit "万人"'),
    ]
    # the refused row's figures are not listed as changes beside its problem
    listed = shown(preview.added + preview.changed + preview.unchanged)
    assert not [line for line in listed if "LJ-POP" in line]


def test_a_formula_s_binary_noise_is_not_stored(demo: Workbook, tmp_path: Path) -> None:
    """A formula's result stored as 4400.0000000000009 went in as 4,400.000000000001; a figure
    of many digits stays as it is."""
    rows: list[list[object]] = [
        ["指标名称", "2021年", "2022年", "2023年"],
        ["两江新区地区生产总值", 0.1 + 0.2, 4400.0000000000009, 12345678901234.56],
    ]
    path = write_xlsx(tmp_path / "formula.xlsx", {"S": rows})  # type: ignore[dict-item]
    options = ImportOptions(plan_code="LJ2025")
    assert 4400.0000000000009 != 4400.0 and 0.1 + 0.2 != 0.3
    preview = preview_import(demo, read_source(path), options)
    assert "+ LJ2025 LJ-GDP 2022: 4,400 亿元" in shown(preview.added)
    apply_import(demo, read_source(path), options)
    assert {year: value for year, value in figures(demo, "LJ-GDP").items() if year < 2024} == {
        2021: 0.3,
        2022: 4400.0,
        2023: 12345678901234.56,
    }


def test_a_formula_s_noise_in_a_percent_cell_is_not_stored(demo: Workbook, tmp_path: Path) -> None:
    """=0.1+0.2 in a cell formatted 0.0% went in as 30.000000000000004 %."""
    import xlsxwriter

    path = tmp_path / "pct.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("S")
    percent = book.add_format({"num_format": "0.0%"})
    sheet.write_row(0, 0, ["指标名称", "2022年"])
    sheet.write(1, 0, "占重庆市地区生产总值比重")
    sheet.write_formula(1, 1, "=0.1+0.2", percent, 0.1 + 0.2)
    book.close()
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    assert "+ LJ2025 LJ-SHARE-GDP 2022: 30 %" in shown(preview.added)


@pytest.mark.parametrize("heading", ["本年", "1-12月", "1—12月", "1–12月", "全年", "总量"])
def test_a_bulletin_s_column_of_the_year_s_figures_is_read_by_its_usual_headings(
    demo: Workbook, tmp_path: Path, heading: str
) -> None:
    """ "指标 | 1-12月 | 上年同期 | 增长%" under "2024年…": no column was taken for the figures."""
    rows = [
        ["两江新区2024年主要经济指标", "", "", ""],
        ["", "", "", "单位：亿元"],
        ["指标", heading, "上年同期", "增长%"],
        ["两江新区地区生产总值", "4,400", "4,100", "6.1"],
    ]
    options = ImportOptions(plan_code="LJ2025")
    preview = preview_import(demo, read_source(write_csv(tmp_path / "b.csv", rows)), options)
    assert not preview.problems
    assert shown(preview.added) == ["+ LJ2025 LJ-GDP 2024: 4,400 亿元"]


@pytest.mark.parametrize(
    "heading", ["本年累计（1-9月）", "全年（1-9月）", "总量（截至9月）", "本年累计", "本期"]
)
def test_a_column_of_part_of_a_year_is_not_read_as_the_year_s_figures(
    demo: Workbook, tmp_path: Path, heading: str
) -> None:
    """ "本年累计（1-9月）" (January to September) went in as the whole year's figure."""
    rows = [
        ["两江新区2024年主要经济指标", "", "", ""],
        ["指标", "本月", heading, "增长%"],
        ["两江新区地区生产总值", "450", "3,900", "6.1"],
    ]
    options = ImportOptions(plan_code="LJ2025")
    try:
        preview = preview_import(demo, read_source(write_csv(tmp_path / "p.csv", rows)), options)
    except NoTableFound:
        assert "（" not in heading  # a heading not known as the figures' at all
        return
    assert not preview.added and not preview.changed
    if "（" in heading:  # said, not "no table found … --year"; the month's column first
        (problem,) = preview.problems
        assert problem.message_en == (
            "column B ('本月') names a part of a year: figures are imported for whole years only"
        )


def test_the_hint_for_an_unmatched_row_heeds_the_unit_above_the_table(
    demo: Workbook, tmp_path: Path
) -> None:
    """ "地区生产总值" under "单位：亿元" was said to be perhaps LJ-SHARE-GDP, a share in %."""
    rows = [["两江新区2024年主要经济指标", ""], ["", "单位：亿元"], ["指标", "绝对值"]]
    rows.append(["地区生产总值", "4,400"])
    options = ImportOptions(plan_code="LJ2025")
    preview = preview_import(demo, read_source(write_csv(tmp_path / "h.csv", rows)), options)
    (hint,) = [n.en for n in preview.notes if "not matched to a target" in n.en]
    assert "perhaps LJ-GDP or LJ-GDP-DIRECT)" in hint and "LJ-SHARE-GDP" not in hint


def test_an_english_table_s_units_of_several_words_are_read(demo: Workbook, tmp_path: Path) -> None:
    """ "Unit: 100 million yuan" read as the unit "100", and every row was refused; a name
    with "(100 million yuan)" after it matched no target."""
    rows = [
        ["Liangjiang New Area: main economic indicators 2024", "", ""],
        ["", "", "Unit: 100 million yuan"],
        ["Indicator", "Value", "Growth (%)"],
        ["GDP of the whole new area", "4,400", "6.1"],
    ]
    options = ImportOptions(plan_code="LJ2025", year=2024)
    preview = preview_import(demo, read_source(write_csv(tmp_path / "en.csv", rows)), options)
    assert not preview.problems
    assert shown(preview.added) == ["+ LJ2025 LJ-GDP 2024: 4,400 亿元"]
    rows[1][2] = "Unit: 10,000 yuan"
    (problem,) = preview_import(
        demo, read_source(write_csv(tmp_path / "en.csv", rows)), options
    ).problems
    assert problem.message_en.startswith('the unit "10,000 yuan" written above the table differs')
    # a unit of a number and words not known as one is still the table's: its rows are refused,
    # not written at a scale nobody checked
    for line, said in (("Unit: 1,000 yuan", "1,000 yuan"), ("单位：10,000 元", "10,000 元")):
        rows[1][2] = line
        source = read_source(write_csv(tmp_path / "en.csv", rows))
        (problem,) = preview_import(demo, source, options).problems
        assert problem.message_en.startswith(f'the unit "{said}" written above the table')
    for line in ("单位：100,000,000 元", "单位：见各指标"):  # 亿元; and a phrase, no unit
        rows[1][2] = line
        source = read_source(write_csv(tmp_path / "en.csv", rows))
        assert not preview_import(demo, source, options).problems, line
    rows[1:] = [
        ["Indicator", "Value", "Growth (%)"],
        ["GDP of the whole new area (100 million yuan)", "4,400", "6.1"],
        ["Permanent residents (10,000 persons)", "340", "1.0"],
    ]
    preview = preview_import(demo, read_source(write_csv(tmp_path / "en.csv", rows)), options)
    assert not preview.problems
    assert shown(preview.added) == [
        "+ LJ2025 LJ-GDP 2024: 4,400 亿元",
        "+ LJ2025 LJ-POP 2024: 340 万人",
    ]


def test_a_unit_above_the_table_unlike_the_targets_is_said_to_be_there(
    demo: Workbook, tmp_path: Path
) -> None:
    rows = [["单位：万元"], ["指标名称", "2022年"], ["地区生产总值", "44,000,000"]]
    source = read_source(write_csv(tmp_path / "gb.csv", rows, encoding="gb18030"))
    options = ImportOptions(plan_code="LJ2025", mapping={"row 3": target_id(demo, "LJ-GDP")})
    (problem,) = preview_import(demo, source, options).problems
    assert problem.where == "gb.csv!A3"  # the row refused
    assert problem.message_en.startswith(
        'the unit "万元" written above the table differs from the unit "亿元" of target LJ-GDP'
    )
    assert problem.message_zh.startswith("表格上方标注的单位“万元”与指标 LJ-GDP 的单位“亿元”不同")
    # "单位：亿元、%": the units of the table's columns; a row in one of them is not refused
    rows = [
        ["单位：亿元、%"],
        ["指标名称", "2022年"],
        ["地区生产总值", "4,400"],
        ["常住人口", "330"],
    ]
    source = read_source(write_csv(tmp_path / "list.csv", rows))
    mapping = {"row 3": target_id(demo, "LJ-GDP"), "row 4": target_id(demo, "LJ-POP")}
    preview = preview_import(demo, source, ImportOptions(plan_code="LJ2025", mapping=mapping))
    assert [p.where for p in preview.problems] == ["list.csv!A4"]  # 常住人口, in 万人
    rows.append(["数字经济核心产业增加值占比", "28.25"])
    mapping["row 5"] = target_id(demo, "LJ-SHARE-DIGI")  # in %
    for units in ("亿元，%", "亿元 、%", "亿元, %，万人", "亿元，%；数据来源：统计局"):
        rows[0] = [f"单位：{units}"]
        source = read_source(write_csv(tmp_path / "list.csv", rows))
        preview = preview_import(demo, source, ImportOptions(plan_code="LJ2025", mapping=mapping))
        problems = [(p.where, p.message_en) for p in preview.problems]
        if "万人" in units:
            assert not problems, units
        else:
            assert [where for where, _ in problems] == ["list.csv!A4"], units
            assert 'the unit "亿元、%" written above the table' in problems[0][1], units


def test_a_semicolon_file_refuses_a_number_whose_separator_could_mean_thousands(
    demo: Workbook, tmp_path: Path
) -> None:
    """A semicolon CSV is what Excel set to a European language saves; there "1.234" is 1234,
    and it was imported as 1.234: a figure a thousand times too small."""
    rows = [
        ["plan", "code", "year", "value"],
        ["LJ2025", "LJ-POP", "2022", "1.234"],
        ["LJ2025", "LJ-GDP", "2022", "4,512"],
        ["LJ2025", "LJ-SHARE-DIGI", "2022", "28.25"],
    ]
    before = snapshot(demo)
    source = read_source(write_csv(tmp_path / "semi.csv", rows, delimiter=";"))
    problems = preview_import(demo, source, ImportOptions()).problems
    assert [p.where for p in problems] == ["semi.csv!D2", "semi.csv!D3"]
    assert "ambiguous in a semicolon-separated file" in problems[0].message_en
    assert "以分号分隔的文件" in problems[0].message_zh
    with pytest.raises(ImportRefused):
        apply_import(demo, source, ImportOptions())
    assert snapshot(demo) == before
    rows[1][3], rows[2][3] = "1234", "4512"
    apply_import(
        demo, read_source(write_csv(tmp_path / "plain.csv", rows, delimiter=";")), ImportOptions()
    )
    assert figures(demo, "LJ-POP")[2022] == 1234 and figures(demo, "LJ-SHARE-DIGI")[2022] == 28.25
    header = ["plan", "code", "name_zh", "unit", "comparator", "baseline_year"]
    header += ["baseline_value", "target_year", "target_value", "milestones"]
    row = ["LJ2025", "LJ-NEW", "新指标", "亿元", "不低于", "2020", "5000", "2030", "7000"]
    targets = [header, [*row, "2027: 5.600; 2028: 6000"]]
    new_target = read_source(write_csv(tmp_path / "targets.csv", targets, delimiter=";"))
    problems = preview_import(demo, new_target, ImportOptions()).problems
    assert [(p.where, p.message_en[:7]) for p in problems] == [("targets.csv!J2", '"5.600"')]
    comma = write_csv(tmp_path / "comma.csv", [*rows[:1], ["LJ2025", "LJ-GDP", "2022", "4,513"]])
    apply_import(demo, read_source(comma), ImportOptions())  # a comma file groups as before
    assert figures(demo, "LJ-GDP")[2022] == 4513


def test_two_rows_for_one_target_is_a_problem(demo: Workbook, tmp_path: Path) -> None:
    gdp = target_id(demo, "LJ-GDP")
    source = read_source(wide_xlsx(tmp_path / "w.xlsx"))
    options = ImportOptions(plan_code="LJ2025", mapping={"row 4": gdp, "row 9": gdp})
    problems = preview_import(demo, source, options).problems
    assert [p.where for p in problems] == [f"{WIDE_SHEET}!B9"]
    assert "both go to target LJ-GDP" in problems[0].message_en


def test_long_table_shuffled_columns_and_ods(demo: Workbook, tmp_path: Path) -> None:
    rows = [
        ["value", "unit", "indicator", "year"],
        ["4,150", "亿元", "两江新区地区生产总值", "2022"],
        ["4,400", "亿元", "两江新区地区生产总值", "2023年"],
        [333.0, "万人", "常住人口", 2023.0],
    ]
    for path in (
        write_xlsx(tmp_path / "long.xlsx", {"L": rows}),
        ods(tmp_path / "long.ods", {"L": rows}),
    ):
        preview = preview_import(demo, read_source(path), ImportOptions())
        assert preview.plan is not None and preview.plan.code == "LJ2025"
        assert shown(preview.added) == [
            "+ LJ2025 LJ-GDP 2022: 4,150 亿元",
            "+ LJ2025 LJ-GDP 2023: 4,400 亿元",
        ]
        assert shown(preview.unchanged) == ["= LJ2025 LJ-POP 2023: 333 万人"]


def test_a_long_tables_row_in_another_unit_is_named_not_imported(
    demo: Workbook, tmp_path: Path
) -> None:
    """Its first row set the indicator's unit; a later row in 万元 went in as 亿元."""
    rows = [
        ["指标名称", "年份", "数值", "单位"],
        ["直管区地区生产总值", "2024", "2,608.5", "亿元"],
        ["直管区地区生产总值", "2025", "27,500,000", "万元"],
    ]
    before = snapshot(demo)
    source = read_source(write_csv(tmp_path / "long.csv", rows))
    problems = preview_import(demo, source, ImportOptions(plan_code="LJ2025")).problems
    assert [(p.where, p.message_en) for p in problems] == [
        (
            "long.csv!D3",
            'the row\'s unit "万元" differs from the unit "亿元" of target LJ-GDP-DIRECT;'
            " convert the figures or change the mapping",
        )
    ]
    with pytest.raises(ImportRefused):
        apply_import(demo, source, ImportOptions(plan_code="LJ2025"))
    assert snapshot(demo) == before


def test_a_long_tables_quality_source_and_note_columns_are_read(
    demo: Workbook, tmp_path: Path
) -> None:
    """They were left out without a word: a figure marked 估算 went in as official."""
    rows = [
        ["指标名称", "年份", "数值", "数据质量", "来源", "备注"],
        ["两江新区地区生产总值", "2024", "5,020", "初步", "", "快报数"],
        ["两江新区地区生产总值", "2025", "5,310", "估算", "区统计局", ""],
        ["直管区地区生产总值", "2024", "2,608.5", "", "", ""],
    ]
    source = read_source(write_csv(tmp_path / "long.csv", rows))
    apply_import(demo, source, ImportOptions(plan_code="LJ2025", quality=Quality.OFFICIAL))
    found = {
        o.year: (o.quality, o.source, o.note)
        for o in reads.observations(demo, [target_id(demo, "LJ-GDP")])
    }
    assert found[2024] == (Quality.PRELIMINARY, "long.csv", "快报数")
    assert found[2025] == (Quality.ESTIMATE, "区统计局", "")
    direct = reads.observations(demo, [target_id(demo, "LJ-GDP-DIRECT")])
    assert [(o.year, o.quality) for o in direct if o.year == 2024] == [(2024, Quality.OFFICIAL)]


def test_a_long_tables_quality_column_refuses_a_word_it_does_not_know(
    demo: Workbook, tmp_path: Path
) -> None:
    rows = [["indicator", "year", "value", "quality"], ["LJ-GDP", "2024", "5,020", "flash"]]
    source = read_source(write_csv(tmp_path / "long.csv", rows))
    problems = preview_import(demo, source, ImportOptions(plan_code="LJ2025")).problems
    assert [p.where for p in problems] == ["long.csv!D2"]
    assert problems[0].message_en.startswith('"flash" is not a data quality')


def test_no_table_and_no_plan_are_clear_errors(demo: Workbook, tmp_path: Path) -> None:
    prose = read_source(write_csv(tmp_path / "letter.csv", [["Dear planner"], ["see attached"]]))
    with pytest.raises(SheetError, match="no table found"):
        preview_import(demo, prose, ImportOptions())
    unknown = read_source(write_csv(tmp_path / "u.csv", [["指标", "2021"], ["无此指标", "1"]]))
    with pytest.raises(SheetError, match="no row matches a target of any plan"):
        preview_import(demo, unknown, ImportOptions())
    with pytest.raises(SheetError, match="no plan with the code NOPE"):
        preview_import(demo, unknown, ImportOptions(plan_code="NOPE"))
    with pytest.raises(SheetError, match="no sheet named 'X'"):
        preview_import(demo, unknown, ImportOptions(sheet="X"))


def test_a_history_filled_in_before_the_figures_is_compared_year_by_year(
    demo: Workbook, tmp_path: Path
) -> None:
    """GDP from 2008 (300) to 2020 was said to be a tenth of the 2020 baseline, twelve years on;
    a figure before the workbook's only one (33 before 333) was not compared at all."""
    years = list(range(2008, 2020))
    rows = [
        ["指标名称", "单位", *[f"{y}年" for y in years]],
        ["两江新区地区生产总值", "亿元", *[str(300 + 280 * (y - 2008)) for y in years]],
        ["常住人口", "万人", *["" for _ in years[:-1]], "33"],
    ]
    path = write_csv(tmp_path / "history.csv", rows)
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    jumped = [n.en for n in preview.notes if "ten times" in n.en]
    assert len(jumped) == 1 and "LJ-GDP" not in jumped[0]
    assert "LJ-POP 2019: 33 万人 is at most a tenth of the 2023 figure (333 万人)" in jumped[0]


def test_a_slip_in_a_history_names_the_slipped_year_and_a_table_in_another_unit_is_caught(
    demo: Workbook, tmp_path: Path
) -> None:
    """Compared with the figure after it, the right year before a slip was named and the slip
    not; and a history before a target's baseline, with no figure yet, was not compared with
    the baseline at all."""
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    gdp = reads.target_by_code(demo, plan.id, "LJ-GDP")
    assert gdp is not None and gdp.id is not None
    editing.set_observations(demo, [editing.ObservationEntry(gdp.id, 2021, None)])
    rows = [
        ["指标名称", "单位", "2016年", "2017年", "2018年", "2019年"],
        ["直管区地区生产总值", "亿元", "1,400", "1,500", "18,000", "2,100"],
        ["两江新区地区生产总值", "亿元", "26,000,000", "28,000,000", "30,000,000", "32,000,000"],
    ]
    path = write_csv(tmp_path / "history.csv", rows)
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    (jumped,) = [n.en for n in preview.notes if "ten times" in n.en]
    assert jumped.startswith("5 figures")  # the slip, and the four years in another unit
    assert "LJ-GDP-DIRECT 2017" not in jumped and "LJ-GDP-DIRECT 2019" not in jumped
    # those the import is refused for named first
    assert "(LJ-GDP 2016: 26,000,000 亿元 is at least a hundred times the 2020 baseline" in jumped
    assert jumped.endswith(" and 2 more)")


def jumps_said(
    demo: Workbook, tmp_path: Path, row: list[str], plan: str = "LJ2025", first: int = 2016
) -> list[str]:
    """The jumps the import's note names (three at most) for one row of figures from `first`."""
    header = ["指标名称", *[f"{y}年" for y in range(first, first + len(row) - 1)]]
    path = write_csv(tmp_path / "history.csv", [header, row])
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code=plan))
    notes = [n.en for n in preview.notes if "ten times" in n.en]
    assert len(notes) <= 1
    listed = [note.split("(", 1)[1].removesuffix(")") for note in notes]
    return [said.removesuffix(")") + ")" for text in listed for said in text.split("), ")]


@pytest.mark.parametrize(
    ("row", "plan", "said"),
    [
        (  # the right figures either side of a slip were named with it
            ["直管区地区生产总值", "1,400", "15,000", "1,400", "1,700", "2,000"],
            "LJ2025",
            ["LJ-GDP-DIRECT 2017: 15,000 亿元 is at least ten times the 2018 figure (1,400 亿元)"],
        ),
        (  # 9.07 times the baseline after it: not named
            ["两江新区地区生产总值", "2,400", "2,800", "3,100", "34,000"],
            "LJ2025",
            ["LJ-GDP 2019: 34,000 亿元 is at least ten times the 2018 figure (3,100 亿元)"],
        ),
        (  # a block in 人 for 万人 named the first right year after it only
            ["常住人口", "3,100,000", "3,150,000", "3,200,000", "320", "325"],
            "LJ2025",
            [
                f"LJ-POP {year}: {value} 万人 is at least a hundred times the 2019 figure"
                " (320 万人)"
                for year, value in [(2016, "3,100,000"), (2017, "3,150,000"), (2018, "3,200,000")]
            ],
        ),
        (  # no baseline and no figure: the spike and the year after it were named
            ["每万人口高价值发明专利拥有量", "5", "6", "70", "7", "8"],
            "CQST2025",
            ["CQST-PAT 2018: 70 件 is at least ten times the 2019 figure (7 件)"],
        ),
        (  # a sound history is said nothing of
            ["每万人口高价值发明专利拥有量", "0.5", "1", "2", "4", "8"],
            "CQST2025",
            [],
        ),
    ],
)
def test_a_slip_in_a_history_is_named_once_and_the_figures_beside_it_not(
    demo: Workbook, tmp_path: Path, row: list[str], plan: str, said: list[str]
) -> None:
    assert jumps_said(demo, tmp_path, row, plan) == said


def clear_figure(
    demo: Workbook, code: str, year: int, value: float | None = None, plan_code: str = "LJ2025"
) -> None:
    plan = reads.plan_by_code(demo, plan_code)
    assert plan is not None and plan.id is not None
    target = reads.target_by_code(demo, plan.id, code)
    assert target is not None and target.id is not None
    editing.set_observations(demo, [editing.ObservationEntry(target.id, year, value)])


def test_a_workbook_figure_the_import_corrects_is_no_measure_for_the_years_beside_it(
    demo: Workbook, tmp_path: Path
) -> None:
    """A slipped 22,710 in the workbook (ten times its 2019 figure), corrected by the import,
    made the import's right 2020 figure read as a tenth of it."""
    clear_figure(demo, "LJ-GDP-DIRECT", 2019, 1900.0)
    clear_figure(demo, "LJ-GDP-DIRECT", 2021, 22710.0)
    row = ["直管区地区生产总值", "2,050", "2,271"]
    assert jumps_said(demo, tmp_path, row, first=2020) == [
        "LJ-GDP-DIRECT 2021: 2,271 亿元 is at most a tenth of the figure it replaces (22,710 亿元)"
    ]  # the revision is said, and nothing else


def test_a_row_in_another_unit_revising_a_workbook_figure_is_named_by_that_revision(
    demo: Workbook, tmp_path: Path
) -> None:
    """A row in 万元 revising the workbook's only figure said nothing: the import's own figures
    agreed with each other, and the one they replaced was no measure."""
    row = ["直管区地区生产总值", *[f"{v * 10_000:,}" for v in range(1400, 3001, 200)]]
    assert jumps_said(demo, tmp_path, row, first=2015) == [
        "LJ-GDP-DIRECT 2021: 26,000,000 亿元 is at least a hundred times the figure it replaces"
        " (2,271 亿元)"
    ]
    lone = ["直管区地区生产总值", "22,710"]
    assert jumps_said(demo, tmp_path, lone, first=2021) == [
        "LJ-GDP-DIRECT 2021: 22,710 亿元 is at least ten times the figure it replaces (2,271 亿元)"
    ]


@pytest.mark.parametrize(
    ("row", "first", "said"),
    [
        (  # a zero for "no figure" became the measure: the slip beside it passed
            ["两江新区地区生产总值", "2,400", "28,000", "0", "3,400"],
            2016,
            ["LJ-GDP 2017: 28,000 亿元 is at least ten times the 2016 figure (2,400 亿元)"],
        ),
        (  # a slip was named against another slip
            ["两江新区地区生产总值", "2,400", "28,000", "310", "3,400"],
            2016,
            [
                "LJ-GDP 2017: 28,000 亿元 is at least ten times the 2016 figure (2,400 亿元)",
                "LJ-GDP 2018: 310 亿元 is at most a tenth of the 2019 figure (3,400 亿元)",
            ],
        ),
        (  # the right figure after a slip was named with it
            ["两江新区地区生产总值", "3,100", "340", "3,760", "420", "4,500"],
            2018,
            [
                "LJ-GDP 2019: 340 亿元 is at most a tenth of the 2020 baseline (3,750 亿元)",
                # 8.95 times under 2020's: a lone spike, named against the year after it
                "LJ-GDP 2021: 420 亿元 is at most a tenth of the 2022 figure (4,500 亿元)",
            ],
        ),
    ],
)
def test_a_slip_beside_the_baseline_is_named_against_the_figures_found_sound(
    demo: Workbook, tmp_path: Path, row: list[str], first: int, said: list[str]
) -> None:
    clear_figure(demo, "LJ-GDP", 2021)
    assert jumps_said(demo, tmp_path, row, first=first) == said


def test_each_bad_figure_cell_is_named_however_often_its_text_repeats(
    demo: Workbook, tmp_path: Path
) -> None:
    rows = [
        ["plan", "code", "year", "value", "quality", "source", "note"],
        ["LJ2025", "LJ-POP", "2024", "340", "估计", "", ""],
        ["LJ2025", "LJ-POP", "2025", "341", "guess", "", ""],
        ["LJ2025", "LJ-GDP", "2024", "4,500", "估计", "", ""],
        ["LJ2025", "LJ-GDP", "2025", "4,600", "guess", "", ""],
        ["LJ2025", "LJ-GDP", "20x6", "4,700", "", "", ""],
        ["LJ2025", "LJ-GDP", "20x6", "4,800亿", "", "", ""],
        ["LJ2025", "LJ-POP", "2024", "342", "", "", ""],
        ["LJ2025", "LJ-POP", "2026", "", "", "", ""],
    ]
    source = read_source(write_csv(tmp_path / "figures.csv", rows))
    preview = preview_import(demo, source, ImportOptions())
    assert [(p.where, p.message_en.split(";")[0]) for p in preview.problems] == [
        ("figures.csv!E3", '"guess" is not a data quality'),
        ("figures.csv!E5", '"guess" is not a data quality'),
        ("figures.csv!C6", '"20x6" is not a year'),
        ("figures.csv!C7", '"20x6" is not a year'),
        (
            "figures.csv!D7",
            '"4,800亿" contains a unit or a magnitude word other than "亿元", '
            "the unit of this value",
        ),
        ("figures.csv!D8", "the 2024 figure of LJ-POP is also given in figures.csv!D2"),
    ]
    assert "+ LJ2025 LJ-GDP 2024: 4,500 亿元 (estimate)" in shown(preview.added)
    assert any("1 empty or missing figure" in note.en for note in preview.notes)
    assert any(note.zh.startswith("1 个数值为空或缺失") for note in preview.notes)


def test_a_chinese_preview_is_written_in_chinese(demo: Workbook, tmp_path: Path) -> None:
    path = template_xlsx(tmp_path / "t.xlsx", TEMPLATE_TARGETS, TEMPLATE_FIGURES, chinese=True)
    preview = preview_import(demo, read_source(path), ImportOptions(lang="zh"))
    assert shown(preview.added)[:3] == [
        "+ 规划 NEW2030：NEW2030（2026—2030年）",
        "+ NEW2030 领域：经济发展",
        "+ NEW2030 N-GDP：地区生产总值：2030年不低于7,000亿元",
    ]
    assert "+ NEW2030 N-GDP 2026：5,400亿元（初步）" in shown(preview.added)

    source = read_source(wide_xlsx(tmp_path / "bureau.xlsx"))
    preview = preview_import(demo, source, ImportOptions(plan_code="LJ2025", lang="zh"))
    [change] = shown(preview.changed)
    assert change.startswith("~ LJ2025 LJ-SHARE-GDP 2023：15%（估算）；来源：“Brief")
    assert change.endswith("→ 16%（正式）；来源：bureau.xlsx；备注：—")

    targets = [
        {
            "plan": "LJ2025",
            "code": "LJ-GDP",
            "name_zh": "两江新区地区生产总值",
            "unit": "亿元",
            "kind": "binding",
            "comparator": "at_most",
            "target_year": 2025,
            "target_value": 5500,
        }
    ]
    path = template_xlsx(tmp_path / "targets.xlsx", targets, [], chinese=True)
    preview = preview_import(demo, read_source(path), ImportOptions(lang="zh"))
    assert shown(preview.changed)[:3] == [
        "~ LJ2025 LJ-GDP 目标值：5,000亿元 → 5,500亿元",
        "~ LJ2025 LJ-GDP 指标属性：预期性 → 约束性",
        "~ LJ2025 LJ-GDP 比较方式：不低于 → 不高于",
    ]


def test_an_empty_area_cell_leaves_the_target_in_its_area(demo: Workbook, tmp_path: Path) -> None:
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    before = reads.target_by_code(demo, plan.id, "LJ-GDP")
    assert before is not None and before.area_id is not None
    row = {"plan": "LJ2025", "code": "LJ-GDP", "name_en": before.name_en, "area": ""}
    path = template_xlsx(tmp_path / "targets.xlsx", [row], [])
    preview = preview_import(demo, read_source(path), ImportOptions())
    assert not any(" area:" in line for line in shown(preview.changed))
    apply_import(demo, read_source(path), ImportOptions())
    after = reads.target_by_code(demo, plan.id, "LJ-GDP")
    assert after is not None and after.area_id == before.area_id


def test_a_figure_unlike_the_baseline_of_its_year_is_noted_in_both_languages(
    demo: Workbook, tmp_path: Path
) -> None:
    gdp = next(t for t in reads.targets(demo) if t.code == "LJ-GDP")
    assert gdp.baseline_year is not None and gdp.baseline_value is not None
    rows = [
        ["plan", "code", "year", "value"],
        ["LJ2025", "LJ-GDP", str(gdp.baseline_year), "1234.5"],
    ]
    source = read_source(write_csv(tmp_path / "figures.csv", rows))
    notes = [n for n in preview_import(demo, source, ImportOptions()).notes if "1,234.5" in n.en]
    assert [n.en for n in notes] == [
        f"LJ2025 LJ-GDP: the {gdp.baseline_year} figure 1,234.5 亿元 differs from the baseline "
        f"{gdp.baseline_value:,.0f} 亿元 of the same year"
    ]
    assert notes[0].zh == (
        f"LJ2025 LJ-GDP：{gdp.baseline_year} 年数据 1,234.5亿元 与同年基期值 "
        f"{gdp.baseline_value:,.0f}亿元 不一致"
    )


def test_a_mistyped_target_or_plan_is_named_with_the_one_it_resembles(
    demo: Workbook, tmp_path: Path
) -> None:
    rows = [
        ["plan", "code", "year", "value"],
        ["LJ2025", "LJ-GPD", "2024", "4500"],
        ["LJ2052", "LJ-GDP", "2024", "4500"],
        ["LJ2025", "NOTHING-LIKE", "2024", "1"],
    ]
    source = read_source(write_csv(tmp_path / "typos.csv", rows))
    problems = preview_import(demo, source, ImportOptions()).problems
    assert [(p.where, p.message_en, p.message_zh) for p in problems] == [
        (
            "typos.csv!B2",
            "plan LJ2025 has no target LJ-GPD (did you mean LJ-GDP?)",
            "规划 LJ2025 没有指标 LJ-GPD（是否为 LJ-GDP？）",
        ),
        (
            "typos.csv!A3",
            "there is no plan LJ2052 (did you mean LJ2025?)",
            "没有代码为 LJ2052 的规划（是否为 LJ2025？）",
        ),
        (
            "typos.csv!B4",
            "plan LJ2025 has no target NOTHING-LIKE",
            "规划 LJ2025 没有指标 NOTHING-LIKE",
        ),
    ]


def test_an_import_holds_the_cyclic_collector_off_and_restores_it(
    demo: Workbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its tens of thousands of objects live until it ends: walking them is time lost."""
    import gc

    from ljtracker.services import importing

    seen: list[bool] = []
    reading = importing.read_file
    planning = importing.PlanBuilder.finish

    def read(path: str | Path) -> object:
        seen.append(gc.isenabled())
        return reading(path)

    def finish(self: object) -> object:
        seen.append(gc.isenabled())
        return planning(self)  # type: ignore[arg-type]

    monkeypatch.setattr(importing, "read_file", read)
    monkeypatch.setattr(importing.PlanBuilder, "finish", finish)
    rows = [["规划", "代码", "年份", "数值"], ["LJ2025", "LJ-POP", "2024", "340"]]
    assert gc.isenabled()
    apply_import(demo, read_source(write_csv(tmp_path / "f.csv", rows)), ImportOptions())
    assert seen == [False, False] and gc.isenabled()
    assert figures(demo, "LJ-POP")[2024] == 340.0


def test_an_older_copy_that_would_undo_a_later_change_is_pointed_out(
    demo: Workbook, tmp_path: Path
) -> None:
    """A file exported before LJ-GDP's 2021 figure was revised puts the old figure back."""
    rows = [
        ["plan", "code", "year", "value", "quality"],
        ["LJ2025", "LJ-GDP", "2021", "4000", "preliminary"],
        ["LJ2025", "LJ-SHARE-GDP", "2023", "16", "estimate"],  # a value it never had
    ]
    older = read_source(write_csv(tmp_path / "older.csv", rows))
    entry = editing.ObservationEntry(target_id(demo, "LJ-GDP"), 2021, 4015.7)
    editing.set_observations(demo, [entry])  # the later change
    notes = [n for n in preview_import(demo, older, ImportOptions()).notes if "go back" in n.en]
    assert [n.en for n in notes] == [
        "1 value would go back to what it was before a later change (LJ2025 LJ-GDP"
        " 2021: 4,015.7 亿元 → 4,000 亿元): if this file is older than the workbook, importing"
        " it undoes that change; import it only if those values are meant"
    ]
    assert "LJ2025 LJ-GDP 2021年：4,015.7亿元 → 4,000亿元" in notes[0].zh


def test_an_older_copy_of_a_target_that_would_undo_a_later_change_is_pointed_out(
    demo: Workbook, tmp_path: Path
) -> None:
    gdp = reads.target_by_id(demo, target_id(demo, "LJ-GDP"))
    assert gdp is not None
    later = replace(gdp, target_value=5200.0, kind=Kind.BINDING)
    editing.update_target(demo, later)  # the later change
    rows = [["plan", "code", "kind", "target_value"], ["LJ2025", "LJ-GDP", "expected", "5000"]]
    older = read_source(write_csv(tmp_path / "older.csv", rows))
    notes = [n for n in preview_import(demo, older, ImportOptions()).notes if "go back" in n.en]
    assert len(notes) == 1
    assert "LJ2025 LJ-GDP target_value: 5,200 亿元 → 5,000 亿元" in notes[0].en
    assert "LJ2025 LJ-GDP kind: binding → expected" in notes[0].en
    assert "LJ2025 LJ-GDP 目标值：5,200亿元 → 5,000亿元" in notes[0].zh
    assert "LJ2025 LJ-GDP 指标属性：约束性 → 预期性" in notes[0].zh
    rows = [["plan", "code", "target_value"], ["LJ2025", "LJ-GDP", "5300"]]  # never held
    newer = read_source(write_csv(tmp_path / "newer.csv", rows))
    assert not [n for n in preview_import(demo, newer, ImportOptions()).notes if "go back" in n.en]


def test_an_older_copy_is_pointed_out_after_a_figure_entered_again(
    demo: Workbook, tmp_path: Path
) -> None:
    """A figure removed and typed again is a new row: its former values were looked up by
    the row's number and not found, and the older copy went in without a word."""
    gdp = target_id(demo, "LJ-GDP")
    editing.set_observations(demo, [editing.ObservationEntry(gdp, 2024, 4500.0)])
    editing.set_observations(demo, [editing.ObservationEntry(gdp, 2024, None)])
    editing.set_observations(demo, [editing.ObservationEntry(gdp, 2024, 4800.0)])
    rows = [["plan", "code", "year", "value"], ["LJ2025", "LJ-GDP", "2024", "4500"]]
    older = read_source(write_csv(tmp_path / "older.csv", rows))
    notes = [n.en for n in preview_import(demo, older, ImportOptions()).notes if "go back" in n.en]
    assert len(notes) == 1 and "LJ2025 LJ-GDP 2024: 4,800 亿元 → 4,500 亿元" in notes[0]


def test_a_target_given_another_s_former_code_does_not_take_its_history(
    demo: Workbook, tmp_path: Path
) -> None:
    """LJ-GDP renamed and a new LJ-GDP added: the new target was said to go back to the
    value the renamed one once had, and the import was refused."""
    gdp = reads.target_by_id(demo, target_id(demo, "LJ-GDP"))
    assert gdp is not None
    editing.update_target(demo, replace(gdp, target_value=5200.0))
    editing.update_target(demo, replace(gdp, target_value=5200.0, code="LJ-GDP-ALL"))
    editing.add_target(demo, replace(gdp, id=None, target_value=6000.0))
    rows = [["plan", "code", "target_value"], ["LJ2025", "LJ-GDP", "5000"]]
    older = read_source(write_csv(tmp_path / "older.csv", rows))
    assert not [n for n in preview_import(demo, older, ImportOptions()).notes if "go back" in n.en]


def test_a_year_over_columns_of_part_of_it_is_not_read_as_its_figures(
    demo: Workbook, tmp_path: Path
) -> None:
    """A CSV's "2024年" over "1-9月 | 1-12月" (not merged) imported the 1-9月 figure as 2024's."""
    rows = [
        ["指标", "2024年", ""],
        ["", "1-9月", "1-12月"],
        ["两江新区地区生产总值", "3,900", "5,200"],
    ]
    options = ImportOptions(plan_code="LJ2025")
    preview = preview_import(demo, read_source(write_csv(tmp_path / "m.csv", rows)), options)
    assert "+ LJ2025 LJ-GDP 2024: 3,900 亿元" not in shown(preview.added)
    (problem,) = preview.problems  # said, not "no table found … --year"
    assert problem.message_en.startswith("the column of 2024 is marked as a part of the year")


def test_a_merged_year_over_part_of_it_and_its_growth_is_not_read_as_its_figures(
    demo: Workbook, tmp_path: Path
) -> None:
    """ "2024年" merged over "1-9月 | 比上年增长%" imported the January-September figure as
    2024's."""
    rows: list[list[object]] = [
        ["指标", "2024年", ""],
        ["", "1-9月", "比上年增长%"],
        ["两江新区地区生产总值", 3500.0, 6.0],
    ]
    path = write_xlsx(tmp_path / "m.xlsx", {"S": rows}, merges=[("S", "B1:C1")])  # type: ignore[dict-item]
    options = ImportOptions(plan_code="LJ2025")
    preview = preview_import(demo, read_source(path), options)
    assert not preview.added
    (problem,) = preview.problems
    assert problem.message_zh.startswith("2024年一栏注明为一年中的部分时期（1-9月）")


@pytest.mark.parametrize(
    ("below", "read"),
    [
        (["来源", "年鉴", "年鉴", "年鉴", "年鉴", "12月统计月报"], True),
        (["资料来源：市统计局", "", "", "", "", "12月统计月报"], True),
        (["来源", "年鉴", "年鉴", "年鉴", "年鉴", "2024年1-9月统计月报"], False),
        (["", "1-12月", "1-12月", "1-12月", "1-12月", "1-9月"], False),
        (["注：", "", "", "", "", "1-9月"], False),
        (["来源", "年鉴", "年鉴", "年鉴", "年鉴", "7-12月统计快报"], False),  # a half year
        (["来源", "年鉴", "年鉴", "年鉴", "年鉴", "11-12月统计月报"], False),
        (["", "１－９月", "１－９月", "１－９月", "１－９月", "１－９月"], False),  # full width
        (["", "本月", "本月", "本月", "本月", "本月"], False),
        (["来源", "年鉴", "年鉴", "年鉴", "年鉴", "2024年1-12月统计月报"], True),
        (["来源", "1-12月统计月报", "年鉴", "年鉴", "年鉴", "1-12月统计快报"], True),
        (["来源", "年鉴", "年鉴", "年鉴", "年鉴", "统计月报（12月）"], True),
        (["Source", "Yearbook", "", "", "", "December 2024 statistical bulletin"], True),
        (["Source", "Yearbook", "", "", "", "Dec 2024 bulletin"], True),
    ],
)
def test_a_row_under_the_years_naming_part_of_one_refuses_the_table_a_row_of_sources_not(
    demo: Workbook, tmp_path: Path, below: list[str], read: bool
) -> None:
    """A row of sources naming a December report refused a table of five years whole; a row
    marking the last year 1-9月 must keep its figures from being read as 2024's."""
    rows = [
        ["指标", "2020年", "2021年", "2022年", "2023年", "2024年"],
        below,
        ["两江新区地区生产总值", "3,750", "4,000", "4,200", "4,450", "4,700"],
    ]
    options = ImportOptions(plan_code="LJ2025")
    try:
        preview = preview_import(demo, read_source(write_csv(tmp_path / "n.csv", rows)), options)
    except NoTableFound:
        assert not read
        return
    added = shown(preview.added)
    assert ("+ LJ2025 LJ-GDP 2022: 4,200 亿元" in added) is read
    assert "+ LJ2025 LJ-GDP 2024: 4,700 亿元" not in added or read


def test_a_row_of_months_under_a_row_of_units_is_seen(demo: Workbook, tmp_path: Path) -> None:
    """Only the row right under the years was looked at: units, then "1-9月" under each year,
    imported January-September figures as the years'."""
    rows = [
        ["指标", "2023年", "2024年"],
        ["单位", "亿元", "亿元"],
        ["", "1-9月", "1-9月"],
        ["两江新区地区生产总值", "3,300", "3,500"],
    ]
    options = ImportOptions(plan_code="LJ2025")
    preview = preview_import(demo, read_source(write_csv(tmp_path / "u.csv", rows)), options)
    assert not preview.added
    (problem,) = preview.problems
    assert problem.message_zh == "2023年一栏注明为一年中的部分时期（1-9月）：仅导入全年数据"


def test_months_under_a_year_s_sub_headings_are_seen(demo: Workbook, tmp_path: Path) -> None:
    """Each year merged over "绝对值 | 比上年增长%", then "1-9月" under each: the January to
    September figures went in as the years'."""
    rows: list[list[object]] = [
        ["指标", "2023年", "", "2024年", ""],
        ["", "绝对值", "比上年增长%", "绝对值", "比上年增长%"],
        ["", "1-9月", "", "1-9月", ""],
        ["两江新区地区生产总值", 3300.0, 6.0, 3500.0, 6.1],
    ]
    merges = [("S", "B1:C1"), ("S", "D1:E1")]
    path = write_xlsx(tmp_path / "s.xlsx", {"S": rows}, merges=merges)  # type: ignore[dict-item]
    options = ImportOptions(plan_code="LJ2025")
    preview = preview_import(demo, read_source(path), options)
    assert not preview.added
    (problem,) = preview.problems
    assert problem.message_zh == "2023年一栏注明为一年中的部分时期（1-9月）：仅导入全年数据"


@pytest.mark.parametrize("merges", [[], [("S", "B1:C1")], [("S", "B1:C1"), ("S", "A1:A2")]])
def test_months_above_the_years_refuse_the_table(
    demo: Workbook, tmp_path: Path, merges: list[tuple[str, str]]
) -> None:
    rows: list[list[object]] = [
        ["指标", "1-9月", ""],
        ["", "2023年", "2024年"],
        ["两江新区地区生产总值", 3300.0, 3500.0],
    ]
    path = write_xlsx(tmp_path / "t.xlsx", {"S": rows}, merges=merges)  # type: ignore[dict-item]
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    assert not preview.added
    (problem,) = preview.problems
    assert problem.message_zh == "标题所指为一年中的部分时期（1-9月）：仅导入全年数据"


@pytest.mark.parametrize("merged", [True, False])
def test_a_title_naming_an_update_s_month_above_the_years_refuses_nothing(
    demo: Workbook, tmp_path: Path, merged: bool
) -> None:
    rows: list[list[object]] = [
        ["两江新区主要经济指标（数据更新至2025年3月）", "", ""],
        ["指标", "2023年", "2024年"],
        ["两江新区地区生产总值", 4450.0, 4700.0],
    ]
    merges = [("S", "A1:C1")] if merged else []
    path = write_xlsx(tmp_path / "t.xlsx", {"S": rows}, merges=merges)  # type: ignore[dict-item]
    options = ImportOptions(plan_code="LJ2025")
    preview = preview_import(demo, read_source(path), options)
    assert not preview.problems
    assert "+ LJ2025 LJ-GDP 2024: 4,700 亿元" in shown(preview.added)


def test_columns_headed_with_all_twelve_months_of_their_year_are_imported(
    demo: Workbook, tmp_path: Path
) -> None:
    """An annual bulletin's "2023年1-12月" was refused as not a year: its newest figures were
    left out."""
    rows = [
        ["两江新区主要经济指标"],
        ["单位：亿元"],
        ["指标名称", "2022", "2023年1-12月", "2024年1—12月", "2025年1-9月"],
        ["两江新区地区生产总值", "4,250", "4,755.35", "5,100", "4,000"],
    ]
    path = write_csv(tmp_path / "bulletin.csv", rows)
    apply_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    found = figures(demo, "LJ-GDP")
    assert (found[2022], found[2023], found[2024]) == (4250.0, 4755.35, 5100.0)
    assert 2025 not in found  # nine months are not the year


def test_figures_in_hidden_columns_rows_or_sheets_are_said_to_be_imported(
    demo: Workbook, tmp_path: Path
) -> None:
    """A bureau's file kept 2021's figures in a hidden column: they revised the workbook's,
    and nothing said where they came from."""
    import xlsxwriter

    path = tmp_path / "bureau.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("表1")
    rows = [
        ["两江新区主要经济指标", "", "", ""],
        ["单位：亿元", "", "", ""],
        ["指标", "2021年", "2022年", "2023年"],
        ["两江新区地区生产总值", 3900, 4250, 4755.35],
        ["直管区地区生产总值", 2300, 2400, 2580.1],
    ]
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)
    sheet.set_column("B:B", None, None, {"hidden": True})
    sheet.set_row(4, None, None, {"hidden": True})
    sheet.set_column("F:F", None, None, {"hidden": True})  # hides nothing read
    book.close()
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    (note,) = [n for n in preview.notes if "hidden" in n.en]
    assert note.en == (
        "sheet '表1': figures in hidden column B and row 5 are imported, though the spreadsheet"
        " program does not show them; check them in the preview"
    )
    assert note.zh.startswith("工作表“表1”：隐藏的第 B 列和第 5 行中的数据也会导入")

    book = xlsxwriter.Workbook(str(path))
    shown, kept = book.add_worksheet("说明"), book.add_worksheet("数据")
    shown.write(0, 0, "见附表")
    for r, row in enumerate(rows):
        kept.write_row(r, 0, row)
    kept.hide()
    shown.activate()
    book.close()
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    assert "sheet '数据' is hidden in the file: its figures are imported; check them in the" in (
        "\n".join(n.en for n in preview.notes)
    )


@pytest.mark.parametrize(
    ("workbook", "row", "first", "said"),
    [
        (  # the revised 2022 passed; 2023 was then measured against the 300 it replaces
            ("LJ-GDP-DIRECT", 2022, 300.0, "LJ2025"),
            ["直管区地区生产总值", "2,500", "3,100"],
            2022,
            [],
        ),
        (  # no figure after a negative one measured anything: 33 for 3.3 passed
            ("CQST-PAT", 2020, -0.3, "CQST2025"),
            ["每万人口高价值发明专利拥有量", "1.2", "3", "3.3", "33"],
            2021,
            ["CQST-PAT 2024: 33 件 is at least ten times the 2023 figure (3.3 件)"],
        ),
        (  # a slipped figure alone, put right: the right years before it were blamed
            ("LJ-POP", 2023, 3330.0, "LJ2025"),
            ["常住人口", "310", "320", "333"],
            2021,
            ["LJ-POP 2023: 333 万人 is at most a tenth of the figure it replaces (3,330 万人)"],
        ),
        (  # the baseline was called "the 2020 figure"
            ("LJ-GDP", 2018, 3300.0, "LJ2025"),
            ["两江新区地区生产总值", "340"],
            2019,
            ["LJ-GDP 2019: 340 亿元 is at most a tenth of the 2020 baseline (3,750 亿元)"],
        ),
    ],
)
def test_a_figure_the_import_revises_or_one_below_zero_measures_as_it_should(
    demo: Workbook,
    tmp_path: Path,
    workbook: tuple[str, int, float, str],
    row: list[str],
    first: int,
    said: list[str],
) -> None:
    code, year, value, plan = workbook
    clear_figure(demo, code, year, value, plan)
    assert jumps_said(demo, tmp_path, row, plan, first=first) == said


def test_a_target_an_import_moves_to_another_area_comes_last_in_it(
    demo: Workbook, tmp_path: Path
) -> None:
    """It kept its place in the plan's order, landing anywhere among its new area's targets,
    where the window's form puts it last."""
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    targets = reads.targets(demo, plan.id)
    gdp = next(t for t in targets if t.code == "LJ-GDP")
    area = max(
        (a for a in reads.areas(demo, plan.id) if a.id != gdp.area_id),
        key=lambda a: sum(t.area_id == a.id for t in targets),
    )
    codes = [t.code for t in targets if t.area_id == area.id]
    assert codes and gdp.position < max(t.position for t in targets if t.area_id == area.id)
    row = {"plan": "LJ2025", "code": "LJ-GDP", "name_en": gdp.name_en, "area": area.name_zh}
    source = read_source(template_xlsx(tmp_path / "t.xlsx", [row], []))
    old_area = next(a for a in reads.areas(demo, plan.id) if a.id == gdp.area_id)
    for lang, name in (("en", lambda a: a.name_en), ("zh", lambda a: a.name_zh)):
        preview = preview_import(demo, source, ImportOptions(lang=lang))
        (line,) = [line for line in preview.lines if line.field == "area"]
        assert (line.old, line.new) == (name(old_area), name(area))  # was Chinese in English
    apply_import(demo, source, ImportOptions())
    moved = [t.code for t in reads.targets(demo, plan.id) if t.area_id == area.id]
    assert moved == [*codes, "LJ-GDP"]


def test_a_share_written_as_a_fraction_is_refused_and_a_workbook_figure_put_right_is_not(
    demo: Workbook, tmp_path: Path
) -> None:
    """0.2 for a share of 20 % was 1/75 of the year before and 1/100 of the figure it replaced:
    the first was said, and the import went ahead. Putting right a figure typed in 万元 was
    refused, blaming the file's unit."""
    rows = [["指标", "2023年"], ["占重庆市工业总产值比重", "0.2"]]
    path = write_csv(tmp_path / "share.csv", rows)
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    assert preview.hundredfold == 1
    assert jumps_said(demo, tmp_path, ["占重庆市工业总产值比重", "0.2"], first=2023) == [
        "LJ-SHARE-IND 2023: 0.2 % is at most a hundredth of the figure it replaces (20 %)"
    ]
    clear_figure(demo, "LJ-GDP", 2022, 41_900_000.0)
    row = ["两江新区地区生产总值", "4,068", "4,190", "4,523"]
    said = jumps_said(demo, tmp_path, row, first=2021)
    assert said == [
        "LJ-GDP 2022: 4,190 亿元 is at most a hundredth of the figure it replaces (41,900,000 亿元)"
    ]
    preview = preview_import(
        demo, read_source(tmp_path / "history.csv"), ImportOptions(plan_code="LJ2025")
    )
    assert preview.hundredfold == 0  # said, but no reason to refuse


def test_a_sheet_in_view_is_imported_before_a_hidden_one(demo: Workbook, tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "two.xlsx"
    book = xlsxwriter.Workbook(str(path))
    old, current = book.add_worksheet("旧数据"), book.add_worksheet("当前")
    for sheet, value in ((old, 3900), (current, 4100)):
        sheet.write_row(0, 0, ["指标", "2021年"])
        sheet.write_row(1, 0, ["两江新区地区生产总值", value])
    old.hide()
    current.activate()
    book.close()
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    assert [layout.sheet.name for layout in preview.layouts] == ["当前"]


def test_a_table_in_another_unit_over_a_lone_figure_without_a_baseline_is_refused(
    demo: Workbook, tmp_path: Path
) -> None:
    """GDP in 万元 and people counted one by one, for targets in 亿元 and 万人 that have one
    figure and no baseline, were only said: the one figure they revise counted as the
    doubtful one, though nothing in the workbook bore the file out."""
    rows = [
        ["指标", "2021年", "2022年", "2023年"],
        ["直管区地区生产总值", "22710000", "24000000", "25500000"],
        ["常住人口", "3200000", "3280000", "3330000"],
    ]
    for code in ("LJ-GDP-DIRECT", "LJ-POP"):
        target = next(
            t for p in reads.plans(demo) for t in reads.targets(demo, p.id or 0) if t.code == code
        )
        assert target.baseline_value is None
        assert target.id is not None and len(reads.observations(demo, [target.id])) == 1
    path = write_csv(tmp_path / "wide.csv", rows)
    preview = preview_import(demo, read_source(path), ImportOptions(plan_code="LJ2025"))
    assert preview.hundredfold == 2

    def refusing(row: list[str]) -> int:
        jumps_said(demo, tmp_path, ["直管区地区生产总值", *row], first=2021)
        history = read_source(tmp_path / "history.csv")
        return preview_import(demo, history, ImportOptions(plan_code="LJ2025")).hundredfold

    # two workbook figures a hundredfold apart: which one slipped is the planner's to say
    clear_figure(demo, "LJ-GDP-DIRECT", 2022, 240_000.0)
    assert refusing(["2,280", "2,400"]) == 1
    # most of them bear the file out: the slip put right is said, and refuses nothing, in the
    # middle of the row too
    clear_figure(demo, "LJ-GDP-DIRECT", 2023, 2_520.0)
    assert jumps_said(
        demo, tmp_path, ["直管区地区生产总值", "2,280", "2,400", "2,530"], first=2021
    ) == [
        "LJ-GDP-DIRECT 2022: 2,400 亿元 is at most a hundredth of the figure it replaces"
        " (240,000 亿元)"
    ]
    assert refusing(["2,280", "2,400", "2,530"]) == 0
    # one figure typed in 万元 bears out no table in 万元 over the others
    clear_figure(demo, "LJ-GDP-DIRECT", 2022, 24_000_000.0)
    assert refusing(["22,800,000", "24,100,000", "25,300,000"]) == 2
