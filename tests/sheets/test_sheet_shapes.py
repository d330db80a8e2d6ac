"""Recognising the template, wide tables and long tables, and matching their rows to targets."""

from __future__ import annotations

from pathlib import Path

import pytest
from sheet_files import wide_rows, wide_xlsx

from ljtracker.domain.model import Quality, Target
from ljtracker.sheets.cells import Cell, Sheet
from ljtracker.sheets.layout import Layout, ShapeKind
from ljtracker.sheets.matching import (
    MatchHow,
    likely_targets,
    listed_units,
    match_indicators,
    same_unit,
    split_label_unit,
)
from ljtracker.sheets.readers import read_file
from ljtracker.sheets.shapes import detect
from ljtracker.sheets.year_headers import header_year, is_forecast_header


def sheet(rows: list[list[Cell]], name: str = "S") -> Sheet:
    width = max(len(r) for r in rows)
    return Sheet(name, tuple(tuple(r + [""] * (width - len(r))) for r in rows))


@pytest.mark.parametrize(
    ("cell", "year"),
    [
        (2021.0, 2021),
        ("2021", 2021),
        ("2021年", 2021),
        ("２０２１年", 2021),
        ("FY2021", 2021),
        ("fy 2021", 2021),
        ("2021年度", 2021),
        ("2021年1-6月", None),
        ("2021年1-12月", 2021),  # the usual heading of an annual bulletin's columns
        ("2021年1—12月", 2021),
        ("2021年（1-12月）", 2021),
        ("2021年全年", 2021),
        ("2021年1-12月累计", 2021),
        ("2021年1-12月份", 2021),
        ("2021年1-12月份累计", 2021),
        ("2021年1-9月累计", None),
        ("2021年1-12月预计", None),  # a forecast
        ("2021年1-9月", None),
        ("1-12月", None),
        ("2025年目标", None),
        ("21", None),
        (2021.5, None),
        ("", None),
    ],
)
def test_year_headers(cell: Cell, year: int | None) -> None:
    assert header_year(cell) == year


def test_wide_table_with_titles_units_and_notes(tmp_path: Path) -> None:
    source = read_file(wide_xlsx(tmp_path / "w.xlsx"))
    layout = detect(source.sheets[0])
    assert layout is not None and layout.kind is ShapeKind.WIDE
    assert layout.header_row == 2
    assert layout.years == (2021, 2022, 2023, 2024)
    labels = [i.label for i in layout.indicators]
    assert labels == [
        "地区生产总值",
        "占重庆市地区生产总值比重",
        "Share of Chongqing's industrial output value",
        "战略性新兴产业产值占比",
        "一、开放型经济",
        "进出口总额",
    ]
    gdp = layout.indicators[0]
    assert gdp.key == "row 4" and gdp.unit == "亿元"
    assert [(f.year, f.value.text) for f in gdp.figures] == [
        (2021, "４，０００"),
        (2022, "4,150"),
        (2023, "4400.5"),
        (2024, "—"),
    ]
    assert layout.indicators[3].code == "LJ-SEI"
    assert any("2 note lines below the table" in note.en for note in layout.ignored)
    assert layout.table_unit == "亿元、%"


def test_wide_table_without_header_words_or_unit_column() -> None:
    rows: list[list[Cell]] = [
        ["", 2020.0, 2021.0, "FY2022"],
        ["GDP", 3750.0, 4000.0, "4,150"],
        ["Population", 300.0, "", 310.0],
        ["Source: statistics bureau", "", "", ""],
    ]
    layout = detect(sheet(rows))
    assert layout is not None and layout.kind is ShapeKind.WIDE
    assert layout.years == (2020, 2021, 2022)
    assert [i.label for i in layout.indicators] == ["GDP", "Population"]
    assert [f.year for f in layout.indicators[1].figures] == [2020, 2022]


def test_a_figure_merged_over_two_years_is_a_problem() -> None:
    rows: list[list[Cell]] = [["指标", "2021年", "2022年"], ["GDP", 4000.0, 4000.0]]
    merged = Sheet("S", tuple(tuple(r) for r in rows), frozenset({(1, 2)}))
    layout = detect(merged)
    assert layout is not None
    assert [p.where for p in layout.problems] == ["S!C2"]


def test_a_year_given_twice_is_named_and_a_second_figure_unlike_the_first_refused() -> None:
    layout = detect(
        sheet(
            [
                ["指标", "2021", "2022", "2021"],
                ["地区生产总值", "4,000", "4,150", "4,100"],
                ["工业总产值", "3,000", "3,100", 3000.0],  # the same figure twice: fine
                ["常住人口", "120", "121", ""],
                ["进出口总额", "", "6,500", "6,000"],  # the only 2021 figure, in the second
                ["城镇化率", "15%", "16%", "15 %"],  # the same percentage written two ways
            ]
        )
    )
    assert layout is not None and layout.years == (2021, 2022)
    notes = [n.en for n in layout.ignored]
    assert "column D repeats the year 2021 of column B: not imported" in notes[0]
    assert not any("is not a year" in n for n in notes)
    first, second = layout.problems
    assert first.where == "S!D2"
    assert first.message_en.startswith("a second figure for 2021 (4,000 in column B)")
    assert second.where == "S!D5"
    assert second.message_en.startswith(
        "a figure for 2021 in a second 2021 column, while the first (column B) is empty"
    )
    figures = {f.year: f.value.text for f in layout.indicators[0].figures}
    assert figures == {2021: "4,000", 2022: "4,150"}


def test_long_table_in_any_column_order() -> None:
    rows: list[list[Cell]] = [
        ["数值", "年份", "单位", "指标"],
        ["4,000", "2021", "亿元", "地区生产总值"],
        [15.0, 2021.0, "%", "占比"],
        ["4,150", "2022年", "亿元", "地区生产总值"],
        ["", "", "", ""],
        ["注：初步数。", "", "", ""],
    ]
    layout = detect(sheet(rows))
    assert layout is not None and layout.kind is ShapeKind.LONG
    assert [(i.label, i.unit, len(i.figures)) for i in layout.indicators] == [
        ("地区生产总值", "亿元", 2),
        ("占比", "%", 1),
    ]
    assert [f.year_cell.text for f in layout.indicators[0].figures] == ["2021", "2022年"]
    assert layout.ignored and "note" in layout.ignored[0].en


def test_a_bulletins_value_column_and_years_under_a_year_heading() -> None:
    """A long table whose figures are headed "绝对值" was taken for a wide one headed by its
    first row of figures: the year 2023 was imported as the value of the next row."""
    rows: list[list[Cell]] = [
        ["指标", "年份", "绝对值"],
        ["两江新区地区生产总值（亿元）", 2023.0, 4995.0],
        ["常住人口（万人）", 2023.0, 335.0],
    ]
    layout = detect(sheet(rows))
    assert layout is not None and layout.kind is ShapeKind.LONG
    assert [(i.label, [f.value.value for f in i.figures]) for i in layout.indicators] == [
        ("两江新区地区生产总值（亿元）", [4995.0]),
        ("常住人口（万人）", [335.0]),
    ]
    # a value column headed otherwise is not known; its years are still no header of years
    rows[0][2] = "上年同期"
    assert detect(sheet(rows)) is None
    # a "年份" over a row of years heads a wide table
    stub: list[list[Cell]] = [["指标", "年份", "", ""], ["", 2021.0, 2022.0, 2023.0]]
    stub.append(["地区生产总值", 4000.0, 4500.0, 4995.0])
    layout = detect(sheet(stub))
    assert (
        layout is not None and layout.kind is ShapeKind.WIDE and layout.years == (2021, 2022, 2023)
    )


def test_a_table_of_one_year_named_in_its_title_is_a_long_table_of_that_year() -> None:
    """ "两江新区2023年主要经济指标" over "指标 | 绝对值 | 比上年增长%": no table was found, and
    there was no way to give the year."""
    rows: list[list[Cell]] = [
        ["两江新区2023年主要经济指标", "", ""],
        ["", "", ""],
        ["指标", "绝对值", "比上年增长%"],
        ["地区生产总值（亿元）", 4995.0, 6.3],
        ["常住人口（万人）", 335.0, 0.6],
    ]
    layout = detect(sheet(rows))
    assert layout is not None and layout.kind is ShapeKind.ONE_YEAR and layout.years == (2023,)
    figures = [(f.year, f.value.value) for i in layout.indicators for f in i.figures]
    assert figures == [(2023, 4995.0), (2023, 335.0)]
    assert layout.indicators[0].figures[0].year_cell.text == "两江新区2023年主要经济指标"
    assert [n.zh for n in layout.ignored] == [
        "第 C 列（“比上年增长%”）是该年数值旁的增速、增减、比重或位次，未导入"
    ]
    rows[0][0] = "Main indicators of Liangjiang, 2023"
    layout = detect(sheet(rows))
    assert layout is not None and layout.years == (2023,)


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("两江新区2023年1—11月主要经济指标", "标题所指为一年中的部分时期（1—11月）"),
        ("2023年前三季度", "标题所指为一年中的部分时期（前三季度）"),
        ("Main indicators, January–June 2023", "标题所指为一年中的部分时期（January）"),
        ("2022年、2023年主要指标", "标题含多个年份（2022、2023）"),
        ("两江新区2024年主要经济指标预计数", "标题表明数据可能是目标值或预测值"),
        ("两江新区1—9月主要经济指标（2023年）", "标题所指为一年中的部分时期（1—9月）"),
        ("两江新区2023年主要经济指标（1～9月）", "标题所指为一年中的部分时期（1～9月）"),
        ("2023年一至三季度", "标题所指为一年中的部分时期（一至三季度）"),
        ("Main indicators, first three quarters of 2023", "标题所指为一年中的部分时期（quarters）"),
        ("Main indicators, 2023 (projections)", "标题表明数据可能是目标值或预测值"),
        ("两江新区2023/2024年度主要指标", "标题含多个年份（2023、2024）"),
        ("两江新区2023/24年度主要指标", "标题含多个年份（2023、2024）"),
    ],
)
def test_a_table_without_a_year_column_is_refused_where_its_title_gives_no_one_year(
    title: str, said: str
) -> None:
    """Such tables were "no table found", with no word of why."""
    rows: list[list[Cell]] = [[title, ""], ["指标", "绝对值"], ["地区生产总值（亿元）", 4995.0]]
    layout = detect(sheet(rows))
    assert layout is not None and not layout.indicators
    (problem,) = layout.problems
    assert problem.message_zh.startswith(said)


@pytest.mark.parametrize(
    "above",
    [
        ["两江新区2023年规模以上工业（年主营业务收入2000万元及以上）主要指标"],
        ["两江新区2023年主要经济指标", "资料来源：《重庆统计年鉴2024》"],
        ["两江新区2023年主要经济指标（2024年3月发布）"],
        ["两江新区2023年主要经济指标", "截至2023年12月31日"],
        ["两江新区2023年1—12月主要经济指标"],
        ["两江新区2023年初步核算主要指标"],
        ["Headquarters economy on behalf of the bureau, 2023", "Released March 2024"],
        ["截至2023年末两江新区主要指标"],
        ["Main indicators, FY2023"],
        ["两江新区2023年主要经济指标", "行业分类执行GB/T 4754-2017"],
        ["两江新区2023年主要经济指标（渝府发〔2021〕12号）"],
        ["两江新区2023年规模以上工业企业2035户主要指标"],
        ["两江新区2023年主要经济指标", "每季度更新，近半年数据为初步数"],
        ["Main indicators, 2023 (12 months)", "As at 31 Dec 2023", "Prepared Mar 2024"],
        ["Population estimates, 2023"],
    ],
)
def test_a_title_names_its_year_beside_amounts_sources_and_dates_of_publication(
    above: list[str],
) -> None:
    """An amount of 2000万元, a yearbook of 2024 named as the source, a date of publication, a
    date at the year's end and 1—12月 read as other years or parts of one: refused."""
    rows: list[list[Cell]] = [[line, ""] for line in above]
    rows += [["指标", "绝对值"], ["常住人口", 335.0]]
    layout = detect(sheet(rows))
    assert layout is not None and not layout.problems and layout.years == (2023,)


def test_a_table_of_one_year_takes_its_marks_unit_and_leaves_serial_numbers_unnoted() -> None:
    rows: list[list[Cell]] = [
        ["两江新区2023年主要经济指标（初步核算数）", "", "", ""],
        ["单位：万元", "", "", ""],
        ["序号", "指标", "绝对值", "比上年增长%"],
        [1.0, "常住人口", 335.0, 1.2],
    ]
    layout = detect(sheet(rows))
    assert layout is not None and layout.table_unit == "万元"
    assert [f.quality for f in layout.indicators[0].figures] == [Quality.PRELIMINARY]
    assert [n.zh for n in layout.ignored] == [
        "第 D 列（“比上年增长%”）是该年数值旁的增速、增减、比重或位次，未导入"
    ]
    rows[0][0], rows[2][2] = "两江新区2023年主要经济指标", "绝对值（初步）"
    layout = detect(sheet(rows))
    assert layout is not None
    assert [f.quality for f in layout.indicators[0].figures] == [Quality.PRELIMINARY]
    rows[1][0] = "（人口单位：万人）"  # the unit of some rows, not of the table
    layout = detect(sheet(rows))
    assert layout is not None and layout.table_unit == ""


def test_template_sheets_by_english_or_chinese_headers() -> None:
    english = detect(sheet([["plan", "code", "name_zh", "unit"], ["P", "A", "甲", "%"]]))
    chinese = detect(sheet([["规划", "指标代码", "指标名称", "单位"], ["P", "A", "甲", "%"]]))
    figures = detect(sheet([["规划", "代码", "年份", "数值", "来源"], ["P", "A", 2021.0, 1.0, ""]]))
    assert english is not None and english.kind is ShapeKind.TARGETS
    assert chinese is not None and chinese.kind is ShapeKind.TARGETS
    assert chinese.records[0].text("name_zh") == "甲"
    assert figures is not None and figures.kind is ShapeKind.OBSERVATIONS
    assert figures.records[0].cells["year"].text == "2021"


def test_a_sheet_of_prose_has_no_shape() -> None:
    assert detect(sheet([["Dear planner,"], ["please find the figures attached."]])) is None


def target(tid: int, code: str, zh: str, en: str = "", unit: str = "") -> Target:
    return Target(plan_id=1, code=code, name_zh=zh, name_en=en, unit=unit, id=tid)


TARGETS = [
    target(1, "LJ-GDP", "两江新区地区生产总值", "GDP of the whole new area", "亿元"),
    target(2, "LJ-SHARE", "占重庆市地区生产总值比重", "Share of Chongqing's GDP", "%"),
    target(3, "LJ-POP", "常住人口", "Permanent residents", "10,000 people"),
    target(4, "X-1", "重名指标"),
    target(5, "X-2", "重名指标"),
]


def test_matching_by_code_name_footnote_and_unit_in_the_label(tmp_path: Path) -> None:
    rows = wide_rows()
    rows[3] = ["", "两江新区地区生产总值①", "亿元", 4000.0]
    rows[4] = ["LJ-SHARE", "a name nobody knows", "%", 15.0]
    rows[5] = ["", "permanent  RESIDENTS", "", 300.0]
    rows[6] = ["", "常住人口（万人）", "", 300.0]
    rows[7] = ["", "重名指标", "", 1.0]
    layout = detect(sheet([list(r) for r in rows]))
    assert layout is not None
    matches = match_indicators(layout.indicators[:5], TARGETS)
    found = [(m.target.code if m.target else None, m.how, m.label_unit) for m in matches]
    assert found == [
        ("LJ-GDP", MatchHow.NAME, ""),
        ("LJ-SHARE", MatchHow.CODE, ""),
        ("LJ-POP", MatchHow.NAME, ""),
        ("LJ-POP", MatchHow.NAME, "万人"),
        (None, MatchHow.NONE, ""),  # two targets share the name: no guess
    ]


def test_a_sub_item_is_matched_by_its_name_without_its_lead_in() -> None:
    """ "其中：常住人口" was left out as matching no target."""
    rows: list[list[Cell]] = [
        ["指标", "2021年"],
        ["两江新区地区生产总值", 4000.0],
        ["  其中：常住人口", 300.0],
        ["#占重庆市地区生产总值比重", 15.0],
    ]
    layout = detect(sheet(rows))
    assert layout is not None
    matches = match_indicators(layout.indicators, TARGETS)
    assert [(m.target.code if m.target else None) for m in matches] == [
        "LJ-GDP",
        "LJ-POP",
        "LJ-SHARE",
    ]


def test_the_user_overrides_a_match() -> None:
    layout = detect(sheet([["指标", "2021年"], ["地区生产总值", 4000.0], ["常住人口", 300.0]]))
    assert layout is not None
    matches = match_indicators(layout.indicators, TARGETS, {"row 2": 1, "row 3": None})
    assert [(m.target.code if m.target else None, m.how) for m in matches] == [
        ("LJ-GDP", MatchHow.MANUAL),
        (None, MatchHow.LEFT_OUT),
    ]


def test_units() -> None:
    assert split_label_unit("地区生产总值（亿元）") == ("地区生产总值", "亿元")
    assert split_label_unit("GDP of the directly managed area (直管区)") is None
    assert same_unit("％", "%") and same_unit("万人", "10,000 people")
    assert not same_unit("万元", "亿元")
    # English units of several words, and a thousands separator that is no list's comma
    assert split_label_unit("Permanent residents (10,000 persons)") == (
        "Permanent residents",
        "10,000 persons",
    )
    assert same_unit("100 million yuan", "亿元") and same_unit("10000 Persons", "万人")
    assert same_unit("10,000 人", "万人") and same_unit("100,000,000 元", "亿元")
    assert listed_units("10,000 persons, %") == ["10,000 persons", "%"]
    assert listed_units("亿元,%") == ["亿元", "%"]
    assert listed_units("%,100 million yuan") == ["%", "100 million yuan"]


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("两江新区地区生产总值（现价）", ""),
        ("两江新区地区生产总值（亿元）（现价）", "亿元"),
        ("两江新区地区生产总值（现价，亿元）", "亿元"),
        ("两江新区地区生产总值 (at current prices)", ""),
    ],
)
def test_a_price_basis_beside_a_name_is_not_part_of_it(label: str, unit: str) -> None:
    """ "（现价）" left the row unmatched; "（现价，亿元）" was taken for a unit unlike 亿元."""
    layout = detect(sheet([["指标", "2022年"], [label, 4550.0]]))
    assert layout is not None
    (match,) = match_indicators(layout.indicators, TARGETS)
    assert match.target is not None and match.target.code == "LJ-GDP"
    assert (match.how, match.label_unit) == (MatchHow.NAME, unit)


@pytest.mark.parametrize(
    "label",
    [
        "两江新区地区生产总值（不变价）",
        "GDP of the whole new area (可比价)",
        "两江新区地区生产总值（可比价，亿元）",
        "两江新区地区生产总值（亿元，不变价）",
    ],
)
def test_a_constant_price_series_is_not_the_current_price_target(label: str) -> None:
    """Dropped like （现价）, a series at constant prices was imported as the target's figures;
    with its unit in the same brackets, "可比价，亿元" was a unit unlike 亿元, to convert."""
    layout = detect(sheet([["指标", "2022年"], [label, 4300.0]]))
    assert layout is not None
    (match,) = match_indicators(layout.indicators, TARGETS)
    assert match.target is None and match.label_unit == ""
    assert likely_targets(layout.indicators[0], TARGETS) == []  # nor suggested


def test_a_row_of_a_rate_is_not_pointed_to_targets_of_amounts() -> None:
    """A rate in ‰ was suggested GDP in 亿元: only % was known as a rate's unit."""
    layout = detect(sheet([["指标", "2022年"], ["地区生产总值（‰）", 1.2]]))
    assert layout is not None
    assert [t.code for t in likely_targets(layout.indicators[0], TARGETS)] == ["LJ-SHARE"]


def test_a_growth_rate_under_a_year_merged_over_two_columns_is_not_a_figure() -> None:
    """ "2022年" merged over "绝对值 | 比上年增长%": the growth rates were read as a second
    figure of each year, and the import refused."""
    rows: list[list[Cell]] = [
        ["指标", "2022年", "2022年", "2023年", "2023年"],
        ["指标", "绝对值", "比上年增长%", "绝对值", "比上年增长%"],
        ["常住人口（万人）", 330.0, 0.9, 333.0, 0.6],
    ]
    copies = frozenset({(0, 2), (0, 4), (1, 0)})
    layout = detect(Sheet("S", tuple(map(tuple, rows)), merged_copies=copies))
    assert layout is not None and layout.kind is ShapeKind.WIDE and not layout.problems
    (indicator,) = layout.indicators
    assert [(f.year, f.value.value) for f in indicator.figures] == [(2022, 330.0), (2023, 333.0)]
    assert [note.zh for note in layout.ignored] == [
        "第 C 列（“比上年增长%”）是该年数值旁的增速、增减、比重或位次，未导入",
        "第 E 列（“比上年增长%”）是该年数值旁的增速、增减、比重或位次，未导入",
    ]


def merged_years(sub: list[str], values: list[float]) -> Sheet:
    """Two years, each merged over the columns headed by `sub` (repeated for each year)."""
    width = len(sub)
    rows: list[list[Cell]] = [
        ["指标", *["2022年"] * width, *["2023年"] * width],
        ["指标", *sub, *sub],
        ["常住人口", *values],
    ]
    copies = {(1, 0)} | {(0, 1 + c) for c in range(2 * width) if c % width}
    return Sheet("S", tuple(map(tuple, rows)), merged_copies=frozenset(copies))


@pytest.mark.parametrize(
    "sub",
    [
        ["数值（%）", "比上年提高（百分点）"],
        ["总量（亿元）", "占全市比重%"],
        ["Value", "YoY"],
        ["绝对数", "发展速度（上年=100）"],
        ["Share (%)", "Change (pp)"],
        ["比重（%）", "增减（百分点）"],
        ["Share (%)", "+/- (pp)"],
        ["绝对值", "比上年增长%", "位次"],
    ],
)
def test_the_figure_is_told_from_what_is_beside_it_under_a_merged_year(sub: list[str]) -> None:
    """A share's "数值（%）" was taken for a growth rate by its "%", and "YoY", "发展速度"
    were not known: each such table was refused."""
    values = (
        [330.0, 100.9, 1.0, 333.0, 100.6, 1.0] if len(sub) == 3 else [330.0, 100.9, 333.0, 100.6]
    )
    layout = detect(merged_years(sub, values))
    assert layout is not None and not layout.problems
    (indicator,) = layout.indicators
    assert [(f.year, f.value.value) for f in indicator.figures] == [(2022, 330.0), (2023, 333.0)]


def test_a_sub_heading_gives_the_figures_quality_or_leaves_out_a_forecast() -> None:
    """ "预计数" under 2023年 was imported as the year's official figure, and "绝对值（初步）"
    without its mark."""
    sheet_ = merged_years(["绝对值（初步）", "比上年增长%"], [330.0, 0.9, 333.0, 0.6])
    layout = detect(sheet_)
    assert layout is not None
    assert [f.quality for f in layout.indicators[0].figures] == [Quality.PRELIMINARY] * 2
    rows = [list(row) for row in sheet_.rows]
    rows[1][3] = "预计数"
    layout = detect(Sheet("S", tuple(map(tuple, rows)), merged_copies=sheet_.merged_copies))
    assert layout is not None and layout.years == (2022,)
    assert [f.year for f in layout.indicators[0].figures] == [2022]
    assert any(
        note.zh.startswith("第 D 列（2023年“预计数”）可能是预测值而非实际数据，未导入。如需按估算")
        for note in layout.ignored
    )


def test_a_note_below_a_long_table_in_its_name_column_is_not_an_indicator() -> None:
    rows = [
        ["指标", "年份", "数值"],
        ["地区生产总值", "2021", "4,000"],
        ["注：2021年数据为初步核算数。", "", ""],
        ["资料来源：两江新区统计局。", "", ""],
    ]
    layout = detect(sheet(rows))
    assert layout is not None and layout.kind is ShapeKind.LONG
    assert [i.label for i in layout.indicators] == ["地区生产总值"]
    assert [note.en for note in layout.ignored] == [
        "2 note lines below the table, from row 3: not imported",
        "row 3 below the table says the 2021 figures are preliminary"
        " (“注：2021年数据为初步核算数。”); a note is not read: they go in as official"
        " unless their quality is given",
    ]


def test_a_note_that_a_year_s_figures_are_preliminary_is_pointed_out_where_unmarked() -> None:
    """The figures of a year a note below the table calls preliminary went in as official,
    with only a count of the lines not imported."""
    rows: list[list[Cell]] = [
        ["指标", "2022年", "2023年", "2024年"],
        ["地区生产总值", "4,150", "4,400", "4,600"],
        ["注：2023、2024年为初步数，2019年为预计数。", "", "", ""],
    ]

    def said(rows: list[list[Cell]]) -> list[str]:
        layout = detect(sheet(rows))
        assert layout is not None and layout.kind is ShapeKind.WIDE
        return [note.zh for note in layout.ignored if "注明" in note.zh]

    assert said(rows) == [
        "表格下方第 3 行注明 2023、2024 年数据为初步数"
        "（“注：2023、2024年为初步数，2019年为预计数。”）；注释不会被读取：除非另行注明数据质量，这些数值将作为正式数据导入"
    ]
    marked = [["指标", "2022年", "2023年（初步）", "2024年（初步）"], *rows[1:]]
    assert said(marked) == []  # the headings say so, and the figures are taken so
    assert said([*rows[:2], ["资料来源：两江新区统计局。", "", "", ""]]) == []
    # a sub-heading under merged years gives them their quality too
    sub = merged_years(["绝对值（初步）", "比上年增长%"], [330.0, 0.9, 333.0, 0.6])
    noted = [*map(list, sub.rows), [""] * 5, ["注：2022、2023年为初步数", "", "", "", ""]]
    layout = detect(Sheet("S", tuple(map(tuple, noted)), merged_copies=sub.merged_copies))
    assert layout is not None and not [n for n in layout.ignored if "注明" in n.zh]


def test_a_long_table_s_blank_quality_cell_leaves_its_year_to_a_note() -> None:
    rows: list[list[Cell]] = [
        ["指标", "年份", "数值", "数据质量"],
        ["地区生产总值", "2023", "4,400", "正式"],
        ["地区生产总值", "2024", "4,600", ""],
        ["Note: 2023 and 2024 figures are preliminary", "", "", ""],
    ]
    layout = detect(sheet(rows))
    assert layout is not None and layout.kind is ShapeKind.LONG
    noted = [n.en for n in layout.ignored if "figures are" in n.en]
    assert noted == [
        "row 4 below the table says the 2024 figures are preliminary (“Note: 2023 and 2024"
        " figures are preliminary”); a note is not read: they go in as official unless their"
        " quality is given"
    ]


NOTE_BETWEEN_ROWS: list[tuple[ShapeKind, list[list[Cell]], list[tuple[str, int]], list[str]]] = [
    (
        ShapeKind.WIDE,
        [
            ["指标", "2021", "2022"],
            ["地区生产总值", "4,000", "4,150"],
            ["注：2022年数据为初步核算数。", "", ""],
            ["占重庆市地区生产总值比重", "15", "15.1"],
            ["", "", ""],
            ["资料来源：两江新区统计局。", "", ""],
        ],
        [("地区生产总值", 2), ("占重庆市地区生产总值比重", 2)],
        [
            "row 3 is a note within the table: not imported",
            "1 note line below the table, from row 6: not imported",
        ],
    ),
    (
        ShapeKind.LONG,
        [
            ["指标", "年份", "数值"],
            ["地区生产总值", "2021", "4,000"],
            ["注：2022年起为新口径。", "", ""],
            ["地区生产总值", "2022", "4,150"],
            ["注：初步数。", "", ""],
        ],
        [("地区生产总值", 2)],
        [
            "row 3 is a note within the table: not imported",
            "1 note line below the table, from row 5: not imported",
        ],
    ),
]


@pytest.mark.parametrize("note", [["注：2022年数据为初步核算数。", "", "", ""], ["", "", "", ""]])
def test_a_second_table_below_the_first_is_not_read_as_its_rows(note: list[Cell]) -> None:
    """Its figures went to the first table's years: 2018 as 2021, and so on."""
    rows: list[list[Cell]] = [
        ["指标", "2021年", "2022年", "2023年"],
        ["两江新区地区生产总值", "4000", "4300", "4600"],
        note,
        ["表2 两江新区常住人口（2018—2020年）", "", "", ""],
        ["指标", "2018年", "2019年", "2020年"],
        ["常住人口", "250", "265", "280"],
    ]
    layout = detect(sheet(rows))
    assert layout is not None and layout.kind is ShapeKind.WIDE
    assert "常住人口" not in [i.label for i in layout.indicators]
    assert all(f.year in (2021, 2022, 2023) for i in layout.indicators for f in i.figures)
    assert all(f.value.row == 1 for i in layout.indicators for f in i.figures)


def test_a_second_table_headed_preliminary_then_final_still_ends_the_first() -> None:
    """Its preliminary year read as the name of an indicator: 2022 figures went in as 2023."""
    rows: list[list[Cell]] = [
        ["指标", "2023年", "2024年", ""],
        ["两江新区地区生产总值", "4600", "4800", ""],
        ["", "", "", ""],
        ["", "2022年（初步）", "2022年（最终核实）", "2023年"],
        ["直管区地区生产总值", "2350", "2380", "2500"],
    ]
    layout = detect(sheet(rows))
    assert layout is not None and layout.kind is ShapeKind.WIDE
    assert [i.label for i in layout.indicators] == ["两江新区地区生产总值"]
    assert "row 4 heads another table" in layout.ignored[-1].en


@pytest.mark.parametrize(("kind", "rows", "indicators", "notes"), NOTE_BETWEEN_ROWS)
def test_a_note_between_a_tables_rows_is_skipped_not_taken_for_its_end(
    kind: ShapeKind, rows: list[list[Cell]], indicators: list[tuple[str, int]], notes: list[str]
) -> None:
    """A note under one indicator ended the table: the rows below it were lost, called notes."""
    layout = detect(sheet(rows))
    assert layout is not None and layout.kind is kind
    assert [(i.label, len(i.figures)) for i in layout.indicators] == indicators
    assert [note.en for note in layout.ignored] == notes
    assert layout.ignored[0].zh == "第 3 行是表格中的注释，未导入"


def test_a_year_of_one_column_beside_merged_years_reads_its_sub_heading() -> None:
    """2021年 over "绝对值（初步）" and 2024年 over "预计数", beside years merged over
    "绝对值 | 比上年增长%": the forecast was imported and the mark dropped."""
    rows: list[list[Cell]] = [
        ["指标", "2021年", "2022年", "2022年", "2024年"],
        ["指标", "绝对值（初步）", "绝对值", "比上年增长%", "预计数"],
        ["常住人口", 320.0, 330.0, 0.9, 340.0],
    ]
    merged = Sheet("S", tuple(map(tuple, rows)), merged_copies=frozenset({(0, 3), (1, 0)}))
    layout = detect(merged)
    assert layout is not None
    figures = [(f.year, f.value.value, f.quality) for f in layout.indicators[0].figures]
    assert figures == [(2021, 320.0, Quality.PRELIMINARY), (2022, 330.0, None)]
    rows[1][1] = "绝对值（未核实）"  # "not verified" is no mark of a final figure
    layout = detect(Sheet("S", tuple(map(tuple, rows)), merged_copies=merged.merged_copies))
    assert layout is not None and layout.indicators[0].figures[0].quality is None


@pytest.mark.parametrize(
    ("sub", "quality"),
    [(["初步值", "比上年增长%"], Quality.PRELIMINARY), (["Latest", "% y/y"], None)],
)
def test_a_sub_heading_s_mark_beside_the_figure_s_name(sub: list[str], quality: Quality) -> None:
    """ "初步值" lost its mark, and "Latest" was a forecast (its "est")."""
    layout = detect(merged_years(sub, [330.0, 0.9, 333.0, 0.6]))
    assert layout is not None and layout.years == (2022, 2023)
    assert [f.quality for f in layout.indicators[0].figures] == [quality, quality]


def test_a_long_table_s_year_column_by_other_names() -> None:
    """ "报告期" was not known: a row of figures headed a wide table, 2,023 imported as 2022's."""
    for heading in ("报告期", "Reference year", "TIME_PERIOD"):
        rows: list[list[Cell]] = [["指标", heading, "数值"], ["常住人口", 2022.0, 330.0]]
        rows.append(["常住人口", 2023.0, 333.0])
        layout = detect(sheet(rows))
        assert layout is not None and layout.kind is ShapeKind.LONG, heading


def test_a_title_s_estimates_are_figures_of_the_quality_estimate() -> None:
    rows: list[list[Cell]] = [["Population estimates, 2023", ""], ["指标", "绝对值"]]
    rows.append(["常住人口", 335.0])
    layout = detect(sheet(rows))
    assert layout is not None
    assert [f.quality for f in layout.indicators[0].figures] == [Quality.ESTIMATE]


def test_a_unit_line_named_for_the_amounts_is_the_table_s_unit() -> None:
    """ "金额单位：万元" was passed over with "人口单位：万人": 45,000,000 went in as 亿元."""
    rows: list[list[Cell]] = [
        ["金额单位：万元", "", ""],
        ["指标", "2022年", "2023年"],
        ["两江新区地区生产总值", 40_000_000.0, 45_000_000.0],
    ]
    layout = detect(sheet(rows))
    assert layout is not None and layout.table_unit == "万元"
    for line in ("本表金额单位：万元", "表内金额单位：万元"):  # no longer seen, in a wide table
        rows[0][0] = line
        layout = detect(sheet(rows))
        assert layout is not None and layout.table_unit == "万元", line


def test_a_value_column_of_forecasts_is_refused_with_how_to_import_it_as_estimates() -> None:
    rows: list[list[Cell]] = [["两江新区2024年主要经济指标", ""], ["指标", "绝对值（预计）"]]
    rows.append(["常住人口", 340.0])
    layout = detect(sheet(rows))
    assert layout is not None and not layout.indicators
    (problem,) = layout.problems
    assert (problem.row, problem.col) == (1, 1)
    assert "如需按估算数据导入，请把列标题改为“数值”" in problem.message_zh


def _title_over_one_year_table(above: list[str]) -> Layout | None:
    rows: list[list[Cell]] = [[line, ""] for line in above]
    rows += [["指标", "绝对值"], ["常住人口", 335.0]]
    return detect(sheet(rows))


@pytest.mark.parametrize(
    ("above", "said"),
    [
        (["两江新区2021-2023年主要经济指标"], "标题含多个年份（2021、2023）"),
        (["“十四五”时期（2021—2025年）两江新区主要指标"], "标题含多个年份（2021、2025）"),
        (["Liangjiang main indicators, FY2023/24"], "标题含多个年份（2023、2024）"),
        (["Main economic indicators", "As of 2023-09-30"], "部分时期（As of 2023-09-30）"),
        (["Main economic indicators", "Data as of 30.09.2023"], "部分时期（as of 30.09.2023）"),
        (["Main economic indicators, 2023", "As of 30 September"], "部分时期（September）"),
        (["Liangjiang main indicators, 2023-09"], "日期或跨年时期（2023-09）"),
        (["两江新区2023年主要经济指标", "截至2023-09-30"], "部分时期（截至2023-09-30）"),
        (["两江新区2023年主要经济指标", "截至9月30日"], "部分时期（9月）"),
        (["两江新区2023年主要经济指标", "2022-12-31"], "日期或跨年时期（2022-12-31）"),
        # a day within the title's year may be the day its figures run to
        (["两江新区2023年主要经济指标", "2023年9月30日"], "部分时期（9月）"),
        (["两江新区2023年主要经济指标", "（2023年9月30日）"], "部分时期（9月）"),
        (["两江新区2023年主要经济指标", "（1—9月）"], "部分时期（1—9月）"),
        (["两江新区2023年年初主要经济指标"], "部分时期（年初）"),
        (["两江新区2023年年中主要经济指标"], "部分时期（年中）"),
        (["两江新区2023年九个月主要经济指标"], "部分时期（九个月）"),
        (["两江新区2023年第9期统计月报"], "部分时期（第9期）"),
        (["两江新区统计月报 2023年"], "部分时期（月报）"),
        (["Liangjiang main indicators, 9M 2023"], "部分时期（9M）"),
        (["Liangjiang main indicators, 2023 3Q"], "部分时期（3Q）"),
        (["Liangjiang main indicators, 2023 (semester 1)"], "部分时期（semester）"),
        (["Liangjiang main indicators, 2023Q3"], "部分时期（Q3）"),
        (["两江新区主要经济指标（按2020年可比价计算）"], "标题中的年份可能并非数据所属年份"),
        (["Main indicators (2015 = 100)"], "标题中的年份可能并非数据所属年份"),
        (["Real GDP, chained 2017 dollars"], "标题中的年份可能并非数据所属年份"),
        (["2024年重庆统计年鉴", "两江新区主要经济指标"], "标题中的年份可能并非数据所属年份"),
        (["GDP, chain linked volumes (2015), million euro"], "标题中的年份可能并非数据所属年份"),
        (["国内生产总值（2020年价）"], "标题中的年份可能并非数据所属年份"),
        (["2023年统计公报", "表5 2022年地区生产总值修订结果"], "标题含多个年份（2022、2023）"),
        (["2023 statistical bulletin", "Revised figures for 2022"], "标题含多个年份（2022、2023）"),
        (["两江新区2025年主要经济指标", "（预计数）"], "标题表明数据可能是目标值或预测值"),
        (["Key indicators, 2024", "Note: 2024 figures are forecasts"], "目标值或预测值"),
        (["两江新区2025年主要预期目标"], "标题表明数据可能是目标值或预测值"),
        (["Outlook 2025"], "标题表明数据可能是目标值或预测值"),
        (["2024年国民经济和社会发展计划主要指标"], "标题表明数据可能是目标值或预测值"),
        (["两江新区2023年主要经济指标", "注：表中数据为1—9月累计数"], "部分时期（1—9月）"),
        (["两江新区2023年主要经济指标", "数据更新至2023年9月"], "部分时期（9月）"),
        (["两江新区2023年主要经济指标（1—9月，10月20日发布）"], "部分时期（1—9月）"),
        (["Main indicators, 2023 (Q1-Q3, revised)"], "部分时期（Q1）"),
        (["Long-term international migration, year ending June 2023"], "部分时期（June）"),
        (["GDP per capita (constant 2015 US$)"], "标题中的年份可能并非数据所属年份"),
        (["居民消费价格指数（2020年基准）"], "标题中的年份可能并非数据所属年份"),
    ],
)
def test_a_title_s_year_in_a_span_a_date_a_part_of_a_year_or_a_base_is_refused(
    above: list[str], said: str
) -> None:
    """Each was read as one whole year's figures, the wrong year written or a part of a year
    taken for all of it."""
    layout = _title_over_one_year_table(above)
    assert layout is not None and not layout.indicators
    (problem,) = layout.problems
    assert said in problem.message_zh


@pytest.mark.parametrize(
    "above",
    [
        ["两江新区主要经济指标（2023）"],
        ["主要经济指标 2023"],
        ["两江新区２０２３年主要经济指标"],
        ["Liangjiang main indicators, January–December 2023"],
        ["Main indicators, Jan-Dec 2023"],
        ["两江新区2023年1月至12月主要经济指标"],
        ["两江新区2023年1-4季度主要经济指标"],
        ["两江新区2023年主要经济指标（季度更新）"],
        ["两江新区2023年主要经济指标（2024年3月更新）"],
        ["两江新区2023年主要经济指标（资料来源：2024年统计年鉴）"],
        ["两江新区2023年主要经济指标（2024年修订）"],
        ["Table 2024-1", "两江新区2023年主要经济指标"],
        ["表1 两江新区2023年主要经济指标（增速按可比价计算）"],
        ["两江新区2023年主要经济指标", "Last update: 12/03/2024"],
        ["两江新区2023年主要经济指标", "2024年3月发布"],
        ["两江新区2023年主要经济指标", "（2024-01-20）"],  # when it was made, as without brackets
        ["两江新区2023年主要经济指标", "（2024年1月20日）"],
        ["两江新区2023年主要经济指标", "2024.01.20"],
        ["两江新区2023年主要经济指标", "2023年12月31日"],
        ["两江新区2023年主要经济指标", "2023-12-31"],  # the year's last day, however written
        ["两江新区2023年主要经济指标", "31.12.2023"],
        ["两江新区2023年主要经济指标", "31/12/2023"],
        ["2023 main indicators", "December 31, 2023"],
        ["12 months ending December 2023"],
        ["截至2023年12月末两江新区主要指标"],
        ["2023年四个季度主要指标"],
        ["2023年中心城区主要指标"],
        ["2023年季节调整后主要指标"],
        ["2023年两江新区“十四五”规划目标完成情况"],
        ["2023年居民消费价格指数"],
        ["2023年一般公共预算收支情况"],
        ["2023年副省级城市和计划单列市主要经济指标"],
        ["Household Budget Survey 2023"],
        ["中华人民共和国2023年国民经济和社会发展统计公报", "国家统计局", "2024年2月29日"],
        ["2023年城市更新主要指标"],
        ["Building permits issued, 2023"],
        ["Sources of household income, 2023"],
        ["两江新区2023年居民消费价格指数（上年=100）"],
        ["Reference period: 2023"],
    ],
)
def test_a_title_s_year_written_plainly_or_beside_the_whole_year_is_read(
    above: list[str],
) -> None:
    """A bare or full-width year was "no table found"; all twelve months, a quarterly update
    and a yearbook named as the source were refused as parts of a year or other years."""
    layout = _title_over_one_year_table(above)
    assert layout is not None and not layout.problems and layout.years == (2023,)


@pytest.mark.parametrize(
    "above",
    [
        ["Liangjiang main indicators", "Release date: 14 March 2024"],
        ["两江新区主要经济指标", "编制日期：2024年3月15日"],
        ["月坛街道主要经济指标"],
        ["Average monthly earnings by region"],
        ["两江新区主要经济指标", "数据更新至2024年3月"],
        ["两江新区主要经济指标", "数据来源：重庆市统计局，2024年3月"],
        ["表3", "两江新区主要经济指标（2024年3月发布）"],
        ["注：城镇调查失业率为全年月度平均值。"],
        ["说明：本表为年度数据，季度数据见表2"],
        ["注：居民消费价格指数为12个月平均"],
        ["注：2023年数据已根据2024年12月公布的第五次全国经济普查结果修订。"],
        ["注：自2023年7月起，两江新区管辖范围调整，数据按新口径计算。"],
        ["Note: 2023 data are provisional and will be revised in March 2024."],
        ["Note: Figures are sums of the four quarters."],
        ["资料来源：《重庆统计月报》"],
        ["两江新区统计月报", "历年主要经济指标"],
        ["《两江统计》2023年第3期"],
        ["数据截至2023年12月"],
        ["数据截止日期：2023-12-31"],
        ["Data as of December 2023"],
        ["Government debt, end-December"],
        ["Population on 1 January"],
        ["Estimated resident population, 30 June"],
        ["金融机构本外币存款余额（月末数）"],
        ["Average wage per month (EUR)"],
        ["Inflation, 12-month average (%)"],
        ["Total reserves in months of imports"],
        ["Next release: September"],
        ["Public sector finances, financial years ending 31 March"],
    ],
)
def test_a_table_of_years_is_read_under_any_title(above: list[str]) -> None:
    """Its years are in its header: notes and sources on how a year's figure is made, dates of
    publication or update, a day each year's figure is taken on, and how often something is
    counted are no part of a year."""
    rows: list[list[Cell]] = [[line, "", ""] for line in above]
    rows += [["指标", "2022年", "2023年"], ["两江新区地区生产总值", 3100.0, 3350.0]]
    layout = detect(sheet(rows))
    assert layout is not None and layout.kind is ShapeKind.WIDE and not layout.problems
    assert layout.years == (2022, 2023)


@pytest.mark.parametrize(
    ("above", "header", "shown"),
    [
        ([["两江新区2023年1—9月主要经济指标", "", ""]], "指标", "1—9月"),
        ([["两江新区主要经济指标", "", ""], ["数据截至2023年9月", "", ""]], "指标", "9月"),
        ([["", "Jan-Sep", ""]], "指标", "Jan-Sep"),
        ([["", "1-9月", "1-9月"]], "指标", "1-9月"),
        ([["", "全年", "1-9月"]], "指标", "1-9月"),
        ([["两江新区2023年1-9月主要经济指标发布", "", ""]], "指标", "1-9月"),
        ([["Revised estimates, January-September", "", ""]], "Indicator", "January-September"),
        ([["两江新区2023年前三季度主要经济指标", "", ""]], "指标", "前三季"),
        ([["Key indicators, Q1-Q3", "", ""]], "Indicator", "Q1-Q3"),
        ([], "指标（1-9月累计）", "1-9月"),
    ],
)
def test_a_table_of_years_under_a_title_naming_a_part_of_a_year_is_refused(
    above: list[list[Cell]], header: str, shown: str
) -> None:
    """A bulletin's "1-9月" table comparing two years went in as their whole years' figures."""
    rows = [*above, [header, "2022年", "2023年"], ["两江新区地区生产总值", 3100.0, 3350.0]]
    layout = detect(sheet(rows))
    assert layout is not None and layout.kind is ShapeKind.WIDE
    (problem,) = layout.problems
    assert problem.message_en == (
        f"the title names a part of a year ({shown}): figures are imported for whole years only"
    )


@pytest.mark.parametrize(
    "note",
    [
        "注：城镇调查失业率为全年月度平均值。",
        "注：自2023年7月起，两江新区管辖范围调整，数据按新口径计算。",
        "注：三季度数据为初步核算数，全年数据为最终核实数。",
        "资料来源：重庆市统计局《重庆统计月报》（2023年12月）",
        "注：2023年数据已根据2024年12月公布的第五次全国经济普查结果修订。",
        "Note: Figures are sums of the four quarters.",
    ],
)
def test_notes_below_a_table_of_years_on_how_a_year_s_figure_is_made_refuse_nothing(
    note: str,
) -> None:
    rows: list[list[Cell]] = [
        ["指标", "2022年", "2023年"],
        ["两江新区地区生产总值", 3100.0, 3350.0],
    ]
    layout = detect(sheet([*rows, [note, "", ""]]))
    assert layout is not None and layout.kind is ShapeKind.WIDE and not layout.problems


@pytest.mark.parametrize("above", [True, False])
def test_a_note_that_the_figures_are_of_months_refuses_a_table_of_years(above: bool) -> None:
    """ "注：表中数据均为1-9月累计数" below a table of 2022 and 2023 let the months' figures in
    as the whole years' (said only as a note line not imported)."""
    note: list[Cell] = ["注：表中数据均为1-9月累计数。", "", ""]
    rows: list[list[Cell]] = [
        ["指标", "2022年", "2023年"],
        ["两江新区地区生产总值", 3100.0, 3350.0],
    ]
    layout = detect(sheet([note, *rows] if above else [*rows, note]))
    assert layout is not None and layout.kind is ShapeKind.WIDE
    (problem,) = layout.problems
    assert (problem.row, problem.col) == ((0, 0) if above else (2, 0))
    assert problem.message_en == (
        "a note says the figures are of a part of a year (1-9月): figures are imported for"
        " whole years only"
    )


def test_a_year_only_in_a_line_of_publication_or_copyright_is_not_the_table_s() -> None:
    """ "© Crown copyright 2024" under a title naming no year gave the figures the year 2024."""
    assert _title_over_one_year_table(["Main indicators", "© Crown copyright 2024"]) is None
    assert _title_over_one_year_table(["Main indicators", "Published 2024"]) is None


def test_a_year_given_stands_for_the_title_s_but_not_for_a_part_of_a_year() -> None:
    """The year read from a title is the user's to confirm: given, it reads a table whose title
    names none plainly, and the title still refuses a part of a year or another year."""
    read = _title_over_one_year_table(["两江新区2023年主要经济指标"])
    assert read is not None and read.year_read_at is not None
    assert read.year_read_at.text == "两江新区2023年主要经济指标"
    yearbook = ["《两江新区统计年鉴2024》 两江新区2023年主要经济指标", "2023-12-31"]
    for above in (
        ["两江新区主要经济指标（按2020年可比价计算）"],
        ["两江新区主要经济指标"],
        [],
        yearbook,
    ):
        rows: list[list[Cell]] = [[line, ""] for line in above]
        rows += [["指标", "绝对值"], ["常住人口", 335.0]]
        layout = detect(sheet(rows), year=2023)
        assert layout is not None and not layout.problems and layout.years == (2023,), above
        assert layout.year_read_at is None
    rows = [["两江新区2023年主要经济指标", ""], ["指标", "绝对值"], ["常住人口", 335.0]]
    layout = detect(sheet(rows), year=2022)
    assert layout is not None and not layout.indicators
    assert (
        layout.problems[0].message_en == "the year given, 2022, is not one the title names (2023)"
    )
    # any year was taken where the title names a base, a span or a date
    for title, given, said in [
        ("两江新区2023年主要经济指标（按2020年可比价计算）", 2021, "names (2023)"),
        ("两江新区2021—2023年主要经济指标", 2019, "names (2021, 2023)"),
        ("Main indicators 30.09.2023", 2023, "a date or a span of years (30.09.2023)"),
        ("两江新区主要经济指标（2023年9月30日）", 2023, "a part of a year (9月)"),
        ("两江新区2023年主要经济指标，按2020年可比价计算", 2019, "names (2023)"),
        ("Main indicators, 2023, at 2015 prices", 2018, "names (2023)"),
        ("两江新区主要经济指标 2023-09", 2023, "a date or a span of years (2023-09)"),
    ]:
        rows[0][0] = title
        layout = detect(sheet(rows), year=given)
        assert layout is not None and not layout.indicators, title
        assert said in layout.problems[0].message_en, title
    rows[0][0] = "两江新区2023年主要经济指标（按2020年可比价计算）"
    layout = detect(sheet(rows), year=2023)
    assert layout is not None and layout.years == (2023,) and not layout.problems
    # a date of publication is no year the title names: it neither stops the year nor is one
    published = [["两江新区主要经济指标", ""], ["2024年3月发布", ""], *rows[1:]]
    layout = detect(sheet(published), year=2023)
    assert layout is not None and layout.years == (2023,) and not layout.problems
    published[0][0] = "两江新区2023年主要经济指标"
    layout = detect(sheet(published), year=2024)
    assert layout is not None and "not one the title names (2023)" in layout.problems[0].message_en
    rows[0][0] = "两江新区2023年1—9月主要经济指标"
    layout = detect(sheet(rows), year=2023)
    assert layout is not None and "part of a year (1—9月)" in layout.problems[0].message_en


def test_a_row_named_by_a_year_refuses_a_table_of_one_year() -> None:
    """ "2022年" over the rows below it: those went in as the title's year."""
    rows: list[list[Cell]] = [["两江新区2023年主要经济指标", ""], ["指标", "绝对值"]]
    rows += [["常住人口", 340.0], ["2022年", ""], ["战略性新兴产业产值占工业总产值比重", 40.0]]
    layout = detect(sheet(rows), year=2023)
    assert layout is not None and not layout.indicators
    (problem,) = layout.problems
    assert (problem.row, problem.col) == (3, 0)
    assert problem.message_en.startswith("a row names another year ('2022年')")
    # a second table below the first: its rows went in as the first title's year
    rows[3:] = [["", ""], ["两江新区2022年主要经济指标", ""], ["指标", "绝对值"]]
    rows.append(["占重庆市进出口总额比重", 31.0])
    layout = detect(sheet(rows), year=2023)
    assert layout is not None and not layout.indicators
    assert layout.problems[0].message_en.startswith(
        "a row names another year ('两江新区2022年主要经济指标')"
    )
    del rows[4]  # the header alone
    layout = detect(sheet(rows), year=2023)
    assert layout is not None and not layout.indicators
    assert layout.problems[0].message_en.startswith("row 5 repeats the table's header ('指标')")
    # missed where the second table's title or header held something in the value column
    for second in (["指标", "2022年绝对值"], ["两江新区2022年科技指标", "单位：件、%"]):
        rows[4] = second
        layout = detect(sheet(rows), year=2023)
        assert layout is not None and not layout.indicators, second
    rows[4] = ["两江新区2022年主要经济指标", "两江新区2022年主要经济指标"]  # merged across
    merged = Sheet("S", tuple(tuple(r) for r in rows), merged_copies=frozenset({(4, 1)}))
    layout = detect(merged, year=2023)
    assert layout is not None and not layout.indicators
    rows[5] = ["常住人口", 330.0]  # the second table's rows named as the first's
    layout = detect(sheet([*rows[:4], ["两江新区2022年主要经济指标", ""], rows[5]]), year=2023)
    assert layout is not None and not layout.indicators
    # figures written as text the number parser reads are figures below the second title
    for figure in ("３２０", "3 200", "−1.2", "12.5％", "4000*"):
        second = [["两江新区2022年主要经济指标", ""], ["常住人口", figure]]
        layout = detect(sheet([*rows[:4], *second]), year=2023)
        assert layout is not None and not layout.indicators, figure


@pytest.mark.parametrize(
    ("label", "value"),
    [
        *(
            ("单位地区生产总值能耗较2020年降低（%）", value)
            for value in ("—", "…", "/", "-", "n/a", "６.５", "−1.2", "3 200", "4000*", "持平")
        ),
        ("比2022年增长（%）", "暂无"),
        ("较2020年", "增长"),
        ("其中：2022年结转项目", ""),
        ("Energy intensity, change since 2020 (%)", "not available"),
        ("2020年以来新增市场主体（户）", "未公布"),
        # figures in forms a figure is written in beside other words
        *(
            ("2022年度结转项目", value)
            for value in ("约200", "≥5000", "(4500)", "4500（2023年修订数）", "4500亿元人民币")
        ),
        # a row naming a year, its figure not given: an indicator's row, not a title's
        ("2022年同期数", "—"),
        ("2022年末余额（亿元）", "未公布"),
        ("2022年基数（亿元）", "暂无"),
        ("自2022年起累计新增市场主体（户）", "not available"),
        ("2022年研发投入强度", "2.5个百分点"),
        # figures between 1900 and 2099 are figures, not years; other marks and notes
        ("2022年续建项目完成投资", "1986.4"),
        ("2022年同期数", "2015.6"),
        ("2022年人口自然增长率", "3.2‰"),
        ("Population, mid-2022 (thousands)", "3,320 [p]"),
        ("GDP 2022 (RMB 100 mn)", "4,350 (revised March 2024)"),
        ("2022年数", "4.35e3"),
        ("2022年末余额（亿元）", "暂无数据"),
        ("Population, mid-2022 (thousands)", "[x]"),
        ("2022年 GDP", "USD 650 bn"),
        # comparisons in English and Chinese, their year tied to them
        *(
            (label, "n/a")
            for label in (
                "Change on 2022 (%)",
                "Growth relative to 2022 (%)",
                "Increase on 2022",
                "Change against 2022 (%)",
                "Change since end-2022 (%)",
                "Change since the end of 2022",
                "相对2022年增长（%）",
                "较2022年同期增长",
                # a section's heading, comparing, its figures in the rows below it
                "Growth rate over 2019 (%)",
                "Up on 2022 (%)",
                "Changes from 2022 (%)",
                "Increased from 2022",
                "% from 2022",
                "Increase rate over 2022 (%)",
                "Change rate from 2022 (%)",
            )
        ),
        ("Up on 2022 (%)", "higher"),
        ("Growth rate over 2019 (%)", ""),
        ("Increase rate over 2022 (%)", ""),
        ("Change rate from 2022 (%)", ""),
    ],
)
def test_a_comparison_row_naming_another_year_is_a_row_of_the_table(label: str, value: str) -> None:
    """A row such as "较2020年降低（%）" holding a figure in any form, a mark of one not given
    or words, is an indicator of the table, not another table's start."""
    rows: list[list[Cell]] = [["两江新区2023年主要经济指标", ""], ["指标", "绝对值"]]
    rows += [["两江新区地区生产总值", 4000.0], [label, value], ["常住人口", 330.0]]
    layout = detect(sheet(rows), year=2023)
    assert layout is not None and not layout.problems
    assert [i.label for i in layout.indicators][-2:] == [label, "常住人口"]


@pytest.mark.parametrize(
    "second",
    [
        ["指标", "2022年实际"],
        ["指标", "2022年"],  # read as a table of 2022 from there, the rows above left out
        ["指标", "2022年1-12月"],
        ["指标", "1-12月"],
        ["项目", "2022 actual"],
        ["指标", "本年累计(2022)"],
        ["两江新区2022年主要经济指标", "（2022年）"],
        ["两江新区2022年主要经济指标", "Value 2022"],
        # a second title holding a word a comparison row also may: no year tied to it
        ["两江新区2022年规模以上工业增加值及增长情况", ""],
        ["2022年主要指标（其中直管区）", ""],
        ["Growth indicators 2022", ""],
        # a repeated header whose value heading holds digits besides its year
        ["指标", "2022年1-4季度"],
        ["指标", "2022年12月31日"],
        ["Indicator", "2022 (RMB 100 mn)"],
        ["Indicator", "Q1-Q4 2022"],
        ["Indicator", "12 months to Dec 2022"],
        ["Indicator", "FY2022-23"],
        # a repeated header whose value heading reads as a figure: the header word says it
        ["指标", "2022.12"],
        ["指标", "2022.6"],
        ["指标", "２０１９（预计）"],
        ["指标", "2019（预计）"],
        ["Indicator", "2022 (actual)"],
        ["Indicator", "2022 (est.)"],
        ["指标", "2022 [p]"],
        ["Indicator", "2022 e"],
        # a second title comparing too, its own year besides
        ["两江新区2022年主要经济指标及比上年增长情况", ""],
        ["两江新区2022年主要经济指标（与2021年比较）", ""],
        ["Main economic indicators, 2022 compared with 2021", ""],
        ["Key statistics on 2022, Liangjiang New Area", ""],  # "on 2022" compares nothing
        ["Highlights from 2022", ""],
        ["Shares of Chongqing: rates over 2022 (%)", ""],  # a heading naming its year
        ["Tax rates from 2022", ""],
    ],
)
def test_a_second_header_or_title_holding_a_heading_refuses_the_table(second: list[Cell]) -> None:
    """Each let the second table's figures go in as the first title's year: the value cell
    holds a heading naming its year or months, not a figure."""
    rows: list[list[Cell]] = [["两江新区2023年主要经济指标", ""], ["指标", "绝对值"]]
    rows += [["两江新区地区生产总值", 4000.0], second, ["常住人口", 320.0]]
    layout = detect(sheet(rows), year=2023)
    assert layout is not None and not layout.indicators, second


def test_a_second_title_merged_across_to_the_name_column_refuses_the_table() -> None:
    """序号 | 指标 | 绝对值, and a second title merged from A across the table: its copy in
    the name column is a title, not a header merged down two rows."""
    rows: list[list[Cell]] = [["两江新区2023年主要经济指标"] * 3, ["序号", "指标", "绝对值"]]
    rows += [[1.0, "两江新区地区生产总值", 4000.0], [2.0, "直管区地区生产总值", 2500.0]]
    rows += [["两江新区2022年主要经济指标"] * 3, ["序号", "指标", "绝对值"]]
    rows += [[1.0, "常住人口", 320.0]]
    copies = frozenset({(0, 1), (0, 2), (4, 1), (4, 2)})
    layout = detect(Sheet("S", tuple(tuple(r) for r in rows), merged_copies=copies), year=2023)
    assert layout is not None and not layout.indicators
    assert (layout.problems[0].row, layout.problems[0].col) == (4, 1)


@pytest.mark.parametrize(
    "label",
    [
        "2023年末常住人口（万人）",
        "其中：2020年以来新增市场主体",
        "比2022年增长",
        "2035年远景目标",
        "按2020年不变价计算的GDP",
        "指标",
        "项目",
        "二、2023年新增",
    ],
)
@pytest.mark.parametrize("figure", [12.0, "2,015.6", 2500.0])
def test_a_one_year_table_s_rows_naming_years_or_header_words_are_rows(
    label: str, figure: Cell
) -> None:
    """Every one of these, a row with its figure (or a section of the title's own year), was
    refused as another table's start."""
    rows: list[list[Cell]] = [["两江新区2023年主要经济指标", ""], ["指标", "绝对值"]]
    figure = "" if label.startswith("二、") else figure
    rows += [["地区生产总值", 4000.0], [label, figure], ["常住人口", 340.0]]
    layout = detect(sheet(rows), year=2023)
    assert layout is not None and not layout.problems, label


@pytest.mark.parametrize(
    "second_year",
    [
        "2022年",
        "2022年1-12月",
        # a part of a year: its figures, no year's, went in as 2023's
        "2024年1-9月",
        "1-9月",
    ],
)
def test_a_table_of_one_year_below_another_is_not_read_as_the_first_ones_year(
    second_year: str,
) -> None:
    """ "指标 | 2022年" below a table of 2023 was read as a row of it: the population of 2022
    went in as 2023's."""
    rows: list[list[Cell]] = [["两江新区主要经济指标", ""], ["指标", "2023年"]]
    rows += [["两江新区地区生产总值", 4000.0], ["指标", second_year], ["常住人口", 320.0]]
    layout = detect(sheet(rows))
    assert layout is not None and layout.years == (2023,)
    assert [i.label for i in layout.indicators] == ["两江新区地区生产总值"]
    assert any("row 4 heads another table" in note.en for note in layout.ignored)


@pytest.mark.parametrize(
    ("label", "heading"),
    [
        ("", "2024年1-9月"),
        ("主要指标", "2024年（1-9月）"),
        ("", "截至9月末"),
        ("", "YTD 2024"),
        ("主要指标", "2024年"),
        ("", "2024年1-12月"),
        ("直管区地区生产总值", "2024年"),  # a heading where a figure should be
    ],
)
def test_a_heading_below_a_table_s_figures_without_an_indicator_heading_refuses_it(
    label: str, heading: str
) -> None:
    """Under a blank or unlisted label heading, another table's header went unseen and its
    figures went in as the year above (a part of a year's, or another year's)."""
    rows: list[list[Cell]] = [["指标", "2023年"], ["两江新区地区生产总值", 4000.0]]
    rows += [[label, heading], ["常住人口", 320.0]]
    layout = detect(sheet(rows))
    assert layout is not None
    (problem,) = layout.problems
    assert (problem.row, problem.col) == (2, 1) and heading in problem.message_en
    assert "sheet of its own" in problem.message_en and "单独的工作表" in problem.message_zh


@pytest.mark.parametrize(
    ("first", "heading", "copies"),
    [
        ("", "2024年", {(2, 3)}),
        ("", "2024年1-9月", {(2, 3)}),
        ("注：以下为前三季度数据", "2024年1-9月", set()),  # a note before the headings
    ],
)
def test_a_heading_merged_over_the_years_below_the_figures_refuses_the_table(
    first: str, heading: str, copies: set[tuple[int, int]]
) -> None:
    """Merged over the year columns only, another table's header was taken for a note merged
    across the table, and its figures went in as 2022's and 2023's; so was one after a note."""
    rows = [["指标", "单位", "2022年", "2023年"], ["常住人口", "万人", 320.0, 333.0]]
    rows += [[first, "", heading, heading], ["直管区地区生产总值", "亿元", 2400.0, 2.5]]
    merged = Sheet("S", tuple(map(tuple, rows)), merged_copies=frozenset(copies))
    layout = detect(merged)
    assert layout is not None
    (problem,) = layout.problems
    assert (problem.row, problem.col) == (2, 2)


def test_a_heading_merged_from_the_unit_column_below_the_figures_refuses_the_table() -> None:
    rows = [["指标", "单位", "2022年", "2023年"], ["常住人口", "万人", 320.0, 333.0]]
    rows += [
        ["", "2024年1-9月", "2024年1-9月", "2024年1-9月"],
        ["直管区地区生产总值", "亿元", 2400.0, 2.5],
    ]
    merged = Sheet("S", tuple(map(tuple, rows)), merged_copies=frozenset({(2, 2), (2, 3)}))
    layout = detect(merged)
    assert layout is not None and len(layout.problems) == 1


def test_a_note_in_a_year_column_below_the_figures_refuses_nothing() -> None:
    rows: list[list[Cell]] = [["指标", "2022年", "2023年"], ["常住人口", 320.0, 333.0]]
    rows += [["", "资料来源：区统计局月报", ""], ["直管区地区生产总值", 2200.0, 2300.0]]
    layout = detect(sheet(rows))
    assert layout is not None and not layout.problems
    assert [i.label for i in layout.indicators] == ["常住人口", "直管区地区生产总值"]


@pytest.mark.parametrize("words", ["1-9月：1,800", "季度数据未公布", "1,800（上半年）"])
def test_words_of_part_of_a_year_in_a_row_s_figure_cell_end_no_table(words: str) -> None:
    """A figure cell naming part of a year among its words is a cell to put right, not another
    table's header: the rows below it were left out with a note only."""
    rows: list[list[Cell]] = [["指标", "2022年", "2023年"], ["常住人口", 320.0, 333.0]]
    rows += [["直管区地区生产总值", 2200.0, words], ["两江新区地区生产总值", 4100.0, 4500.0]]
    layout = detect(sheet(rows))
    assert layout is not None and not any("another table" in n.en for n in layout.ignored)
    assert [i.label for i in layout.indicators][-1] == "两江新区地区生产总值"


def test_a_line_naming_the_table_s_year_above_its_header_is_no_table_of_its_own() -> None:
    """ "统计期 | 2023" over "指标 | 2023年": the header was taken for another table's, and the
    file said it held no figure."""
    rows: list[list[Cell]] = [["两江新区主要经济指标（表1）", ""], ["统计期", 2023.0]]
    rows += [["指标", "2023年"], ["两江新区地区生产总值", 4900.0]]
    layout = detect(sheet(rows))
    assert layout is not None and layout.years == (2023,)
    gdp = [i for i in layout.indicators if i.label_cell.text == "两江新区地区生产总值"]
    assert [f.value.value for f in gdp[0].figures] == [4900.0]
    assert is_forecast_header("2024年1-12月预计")


def test_a_table_of_growth_rates_of_the_same_year_below_one_of_totals_is_another_table() -> None:
    """A bulletin's totals, then its growth rates, each headed "指标 | 2023年": the rates were
    read as rows of the totals, and both went to the same targets."""
    rows: list[list[Cell]] = [["总量指标（亿元、万人）", ""], ["指标", "2023年"]]
    rows += [["两江新区地区生产总值", 4523.0], ["常住人口", 333.0], ["", ""]]
    rows += [["增长速度（%）", ""], ["指标", "2023年"], ["两江新区地区生产总值", 6.1]]
    layout = detect(sheet(rows))
    assert layout is not None and layout.years == (2023,)
    figures = [(i.label, f.value.value) for i in layout.indicators for f in i.figures]
    assert figures == [("两江新区地区生产总值", 4523.0), ("常住人口", 333.0)]
    # its title is its own, not a row of the first left without a target
    assert [i.label for i in layout.indicators] == ["两江新区地区生产总值", "常住人口"]
    assert any("row 6 heads another table" in note.en for note in layout.ignored)
