"""The template's plans sheet, and targets' milestones: what a plan copied through a
spreadsheet used to lose (its titles, period and source; a target's planned path)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sheet_files import template_xlsx, write_csv

from ljtracker.domain.model import Comparator, Milestone, Plan, Quality
from ljtracker.services import clock, editing
from ljtracker.services.follow_on import follow_on_plan
from ljtracker.services.importing import ImportOptions, apply_import, preview_import, read_source
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook

NEW_PLAN = {
    "plan": "NEW2035",
    "title_zh": "新区发展规划（2026—2035年）",
    "title_en": "New Area development plan",
    "start_year": 2026,
    "end_year": "2035年",
    "issuer": "两江新区管委会",
    "issue_date": "2025-12",
    "source_url": "https://example.org/plan",
    "notes": "远景目标",
}
NEW_TARGET = {
    "plan": "NEW2035",
    "code": "N-GDP",
    "name_zh": "地区生产总值",
    "unit": "亿元",
    "comparator": "不低于",
    "baseline_year": 2025,
    "baseline_value": 5000,
    "target_year": 2030,
    "target_value": 7000,
    "milestones": "2027: 5,600；2028：6,000",
    "natural_limit": "",
}


def lines(items: object) -> list[str]:
    return [str(line) for line in items]  # type: ignore[attr-defined]


def test_a_new_plan_takes_its_titles_period_and_source_from_the_plans_sheet(
    demo: Workbook, tmp_path: Path
) -> None:
    path = template_xlsx(tmp_path / "t.xlsx", [NEW_TARGET], [], plans=[NEW_PLAN])
    preview = preview_import(demo, read_source(path), ImportOptions(lang="zh"))
    assert preview.problems == ()
    # the title names its period already: it is not repeated
    assert lines(preview.added)[0] == "+ 规划 NEW2035：新区发展规划（2026—2035年）"

    apply_import(demo, read_source(path), ImportOptions())
    plan = reads.plan_by_code(demo, "NEW2035")
    assert plan is not None
    assert (plan.title_zh, plan.title_en, plan.start_year, plan.end_year) == (
        "新区发展规划（2026—2035年）",
        "New Area development plan",
        2026,
        2035,  # as the sheet says, not 2030 from the target
    )
    assert (plan.issuer, plan.issue_date, plan.source_url, plan.notes) == (
        "两江新区管委会",
        "2025-12",
        "https://example.org/plan",
        "远景目标",
    )
    gdp = reads.target_by_code(demo, plan.id or 0, "N-GDP")
    assert gdp is not None
    assert gdp.milestones == (Milestone(2027, 5600.0), Milestone(2028, 6000.0))


def test_a_new_plan_code_like_a_known_one_is_pointed_out(demo: Workbook, tmp_path: Path) -> None:
    """A letter O for a zero in the plan column quietly started a second LJ2025."""
    typo = {**NEW_TARGET, "plan": "LJ2O25"}
    preview = preview_import(
        demo, read_source(template_xlsx(tmp_path / "t.xlsx", [typo], [])), ImportOptions()
    )
    assert [(n.en, n.zh) for n in preview.notes if "new plan" in n.en] == [
        ("LJ2O25 is a new plan (did you mean LJ2025?)", "LJ2O25 是新规划（是否为 LJ2025？）")
    ]
    next_plan = {**NEW_TARGET, "plan": "LJ2030"}  # one digit off LJ2020: a plan of its own
    unlike = template_xlsx(tmp_path / "u.xlsx", [NEW_TARGET, next_plan], [])
    assert not [
        n
        for n in preview_import(demo, read_source(unlike), ImportOptions()).notes
        if "new plan" in n.en
    ]


def test_a_plan_code_typed_in_another_case_is_refused_not_made_a_second_plan(
    demo: Workbook, tmp_path: Path
) -> None:
    """lj2030 in one row of a new plan LJ2030 quietly put that target in a plan of its own."""
    first = {**NEW_TARGET, "plan": "LJ2030"}
    second = {**NEW_TARGET, "plan": "lj2030", "code": "N-OTHER"}
    known = {**NEW_TARGET, "plan": "lj2025", "code": "N-THIRD"}
    path = template_xlsx(tmp_path / "t.xlsx", [first, second, known], [])
    problems = preview_import(demo, read_source(path), ImportOptions()).problems
    assert [(p.where, p.message_en) for p in problems] == [
        ("targets!A3", "the plan code lj2030 differs from LJ2030 only in case; write LJ2030"),
        ("targets!A4", "the plan code lj2025 differs from LJ2025 only in case; write LJ2025"),
    ]
    assert problems[0].message_zh == "规划代码 lj2030 与 LJ2030 仅大小写不同；请写作 LJ2030"


def test_a_target_code_typed_in_another_case_is_refused_not_made_a_second_target(
    demo: Workbook, tmp_path: Path
) -> None:
    known = {**NEW_TARGET, "plan": "LJ2025", "code": "lj-gdp"}
    first = {**NEW_TARGET, "plan": "LJ2025", "code": "N-NEW"}
    second = {**NEW_TARGET, "plan": "LJ2025", "code": "n-new"}
    elsewhere = {**NEW_TARGET, "plan": "CQ2022", "code": "n-new"}  # another plan's own
    path = template_xlsx(tmp_path / "t.xlsx", [known, first, second, elsewhere], [])
    problems = preview_import(demo, read_source(path), ImportOptions()).problems
    assert [(p.where, p.message_en) for p in problems] == [
        ("targets!C2", "the target code lj-gdp differs from LJ-GDP only in case; write LJ-GDP"),
        ("targets!C4", "the target code n-new differs from N-NEW only in case; write N-NEW"),
    ]
    assert problems[0].message_zh == "指标代码 lj-gdp 与 LJ-GDP 仅大小写不同；请写作 LJ-GDP"


def test_a_target_code_typed_in_lower_case_gets_its_known_spelling_suggested(
    demo: Workbook, tmp_path: Path
) -> None:
    figure = {"plan": "LJ2025", "code": "lj-gdp-direct", "year": 2022, "value": 1000}
    path = template_xlsx(tmp_path / "t.xlsx", [], [figure])
    problems = preview_import(demo, read_source(path), ImportOptions()).problems
    assert [p.message_en for p in problems] == [
        "plan LJ2025 has no target lj-gdp-direct (did you mean LJ-GDP-DIRECT?)"
    ]


def test_a_plans_sheet_changes_a_plan_in_one_undoable_change(
    demo: Workbook, tmp_path: Path
) -> None:
    before = reads.plan_by_code(demo, "LJ2025")
    assert before is not None
    row = {"plan": "LJ2025", "title_en": "Liangjiang guideline", "end_year": 2026, "issuer": ""}
    path = template_xlsx(tmp_path / "p.xlsx", [], [], plans=[row])
    preview = preview_import(demo, read_source(path), ImportOptions())
    assert lines(preview.changed) == [
        f"~ plan LJ2025 title_en: {before.title_en} → Liangjiang guideline",
        "~ plan LJ2025 end_year: 2025 → 2026",
    ]  # the empty issuer cell says nothing: the issuer stays

    changes = apply_import(demo, read_source(path), ImportOptions())
    after = reads.plan_by_code(demo, "LJ2025")
    assert after is not None
    assert (after.title_en, after.end_year, after.issuer) == (
        "Liangjiang guideline",
        2026,
        before.issuer,
    )
    assert apply_import(demo, read_source(path), ImportOptions()).empty

    editing.revert(demo, changes.change_id or 0)
    assert reads.plan_by_code(demo, "LJ2025") == before


def test_a_blank_plan_cell_means_the_plan_given_to_the_import(
    demo: Workbook, tmp_path: Path
) -> None:
    path = template_xlsx(tmp_path / "p.xlsx", [], [], plans=[{"plan": "", "issuer": "重庆市"}])
    refused = preview_import(demo, read_source(path), ImportOptions())
    assert [p.where for p in refused.problems] == ["plans!A2"]  # which plan is not said
    apply_import(demo, read_source(path), ImportOptions(plan_code="CQ2022"))
    plan = reads.plan_by_code(demo, "CQ2022")
    assert plan is not None and plan.issuer == "重庆市"


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("2020年11月5日", "2020-11-05"),
        ("２０２０年１１月", "2020-11"),
        ("2020/11/5", "2020-11-05"),
        ("2020.11.5", "2020-11-05"),
        ("2020-1-5", "2020-01-05"),
    ],
)
def test_an_issue_date_written_as_planners_write_it_is_read(
    demo: Workbook, tmp_path: Path, written: str, stored: str
) -> None:
    """ "2020年11月5日", as a Chinese spreadsheet shows a date, refused the whole import."""
    path = template_xlsx(
        tmp_path / "plans.xlsx", [], [], plans=[{**NEW_PLAN, "issue_date": written}]
    )
    apply_import(demo, read_source(path), ImportOptions())
    plan = reads.plan_by_code(demo, NEW_PLAN["plan"])
    assert plan is not None and plan.issue_date == stored


def test_plans_sheet_and_milestone_problems_name_their_cells(
    demo: Workbook, tmp_path: Path
) -> None:
    plans = [
        {**NEW_PLAN, "issue_date": "2025-13"},
        {"plan": "LJ2025", "title_en": "x", "end_year": "20x5"},
        {"plan": "LJ2025", "title_en": "y"},
        {"plan": "CQ2022", "title_zh": "z", "start_year": 2030},
    ]
    targets = [
        {**NEW_TARGET, "milestones": "2027 5600"},
        {**NEW_TARGET, "code": "N-2", "milestones": "2027: 1; 2027: 2"},
        {**NEW_TARGET, "code": "N-3", "milestones": "2027: 5,600; 2031: 7,400"},
    ]
    path = template_xlsx(tmp_path / "bad.xlsx", targets, [], plans=plans)
    before = reads.plans(demo)
    preview = preview_import(demo, read_source(path), ImportOptions())
    assert [(p.where, p.message_en) for p in preview.problems] == [
        ("plans!G2", "write the issue date as 2020-11-05, 2020-11 or 2020 (or 2020年11月5日)"),
        ("plans!E3", '"20x5" is not a year; enter four digits, e.g. 2021.'),
        ("plans!A4", "plan LJ2025 is also in row 3"),
        ("plans!E5", "the period ends (2022) before it starts (2030)"),
        ("targets!R2", '"2027 5600" is not a milestone; write year: value, e.g. 2023: 4,300'),
        ("targets!R3", "the milestone year 2027 is given twice"),
        (
            "targets!R4",
            "the milestone year 2031 is not between the baseline year 2025 and the target"
            " year 2030",
        ),
    ]
    with pytest.raises(Exception, match="cannot be read"):
        apply_import(demo, read_source(path), ImportOptions())
    assert reads.plans(demo) == before


def test_an_areas_sheet_adds_areas_with_both_names_and_renames_them(
    demo: Workbook, tmp_path: Path
) -> None:
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None
    areas = [
        {"plan": "LJ2025", "area_zh": "内陆开放门户", "area_en": "Gateway of inland opening"},
        {"plan": "LJ2025", "area_zh": "生态环境", "area_en": "Ecology"},
        {"plan": "LJ2025", "area_zh": "城乡融合"},  # an area without targets
        {"plan": "LJ2025", "area_en": "Big-data innovation and smart city"},  # as it is
    ]
    target = {**NEW_TARGET, "plan": "LJ2025", "code": "LJ-ECO", "area": "ecology"}
    path = template_xlsx(tmp_path / "a.xlsx", [target], [], areas=areas)
    preview = preview_import(demo, read_source(path), ImportOptions())
    assert preview.problems == ()
    assert lines(preview.changed) == [
        "~ LJ2025 area 内陆开放门户 area_en: Inland opening-up gateway → Gateway of inland opening"
    ]
    assert lines(preview.added)[:2] == [
        "+ LJ2025 area: 生态环境 / Ecology",
        "+ LJ2025 area: 城乡融合",
    ]
    assert lines(preview.unchanged)[0] == (
        "= LJ2025 area: 大数据创新与智慧城市 / Big-data innovation and smart city"
    )

    changes = apply_import(demo, read_source(path), ImportOptions())
    names = [(a.name_zh, a.name_en) for a in reads.areas(demo, plan.id or 0)]
    assert names[3:] == [
        ("内陆开放门户", "Gateway of inland opening"),
        (
            "国际化、绿色化、智能化、人文化现代城市",
            "International, green, smart, cultured modern city",
        ),
        ("创新人才特区", "Talent: special zone of innovation and talents"),
        ("生态环境", "Ecology"),
        ("城乡融合", ""),
    ]
    eco = reads.target_by_code(demo, plan.id or 0, "LJ-ECO")
    ecology = next(a for a in reads.areas(demo, plan.id or 0) if a.name_en == "Ecology")
    assert eco is not None and eco.area_id == ecology.id  # found by its English name

    editing.revert(demo, changes.change_id or 0)
    assert [(a.name_zh, a.name_en) for a in reads.areas(demo, plan.id or 0)][3:4] == [
        ("内陆开放门户", "Inland opening-up gateway")
    ]


def test_an_areas_row_naming_two_areas_is_refused(demo: Workbook, tmp_path: Path) -> None:
    areas = [
        {
            "plan": "LJ2025",
            "area_zh": "内陆开放门户",
            "area_en": "Big-data innovation and smart city",
        }
    ]
    path = template_xlsx(tmp_path / "a.xlsx", [], [], areas=areas)
    preview = preview_import(demo, read_source(path), ImportOptions())
    assert [(p.where, p.message_en) for p in preview.problems] == [
        (
            "areas!C2",
            "内陆开放门户 and Big-data innovation and smart city are the names of two "
            "different areas",
        )
    ]


def test_an_office_table_with_plan_and_area_columns_is_still_read_as_figures(
    demo: Workbook, tmp_path: Path
) -> None:
    from sheet_files import write_csv

    wide = [
        ["规划", "领域名称", "指标名称", "2022", "2023"],
        ["LJ2025", "经济", "两江新区地区生产总值", "4,200", "4,400"],
    ]
    long = [
        ["规划", "规划名称", "指标名称", "年份", "数值"],
        ["LJ2025", "两江新区规划", "两江新区地区生产总值", "2022", "4,200"],
    ]
    for name, rows in (("wide.csv", wide), ("long.csv", long)):
        preview = preview_import(
            demo, read_source(write_csv(tmp_path / name, rows)), ImportOptions(plan_code="LJ2025")
        )
        assert [layout.kind.value for layout in preview.layouts] == [name.split(".")[0]]
        assert not any(line.entity.value in ("plan", "area") for line in preview.lines)


def test_a_new_plan_ending_before_its_targets_begin_is_named_at_its_end_year(
    demo: Workbook, tmp_path: Path
) -> None:
    plans = [{"plan": "NEW2035", "title_zh": "新规划", "title_en": "", "end_year": 2020}]
    path = template_xlsx(tmp_path / "p.xlsx", [NEW_TARGET], [], plans=plans)
    preview = preview_import(demo, read_source(path), ImportOptions())
    assert [(p.where, p.message_en) for p in preview.problems] == [
        ("plans!E2", "the period ends (2020) before it starts (2026, from its targets)")
    ]


def test_each_area_counts_and_a_renamed_one_is_named(demo: Workbook, tmp_path: Path) -> None:
    areas = [
        {"plan": "LJ2025", "area_zh": "内陆开放门户", "area_en": "Gateway"},
        {"plan": "LJ2025", "area_zh": "创新人才特区", "area_en": "Talent zone"},
        {"plan": "LJ2025", "area_zh": "生态环境"},
        {"plan": "LJ2025", "area_zh": "城乡融合"},
    ]
    path = template_xlsx(tmp_path / "a.xlsx", [], [], areas=areas)
    preview = preview_import(demo, read_source(path), ImportOptions(lang="zh"))
    assert len({line.thing for line in preview.added}) == 2
    assert len({line.thing for line in preview.changed}) == 2
    assert lines(preview.changed)[0] == (
        "~ LJ2025 领域 内陆开放门户 领域英文名称：Inland opening-up gateway → Gateway"
    )


def test_an_issue_date_typed_as_a_date_with_a_time_gives_its_date(
    demo: Workbook, tmp_path: Path
) -> None:
    import datetime

    import xlsxwriter

    from ljtracker.sheets.template import PLAN_COLUMNS

    path = tmp_path / "d.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("plans")
    sheet.write_row(0, 0, PLAN_COLUMNS)
    sheet.write_row(1, 0, ["LJ2025", "", "Liangjiang guideline"])
    when = datetime.datetime(2020, 11, 5, 10, 30)
    sheet.write_datetime(
        1,
        PLAN_COLUMNS.index("issue_date"),
        when,
        book.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
    )
    book.close()
    apply_import(demo, read_source(path), ImportOptions())
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and (plan.title_en, plan.issue_date) == (
        "Liangjiang guideline",
        "2020-11-05",
    )


def test_figures_and_targets_past_a_natural_limit_are_named_at_their_cells(
    demo: Workbook, tmp_path: Path
) -> None:
    share = {**NEW_TARGET, "code": "N-SHARE", "unit": "%", "baseline_value": 40}
    share |= {"target_value": 50, "milestones": "", "natural_limit": 100}
    wrong = {**share, "code": "N-WRONG", "target_value": 150}
    figures = [
        {"plan": "NEW2035", "code": "N-SHARE", "year": 2024, "value": 45},
        {"plan": "NEW2035", "code": "N-SHARE", "year": 2026, "value": 450},
    ]
    path = template_xlsx(tmp_path / "f.xlsx", [share, wrong], figures, plans=[NEW_PLAN])
    preview = preview_import(demo, read_source(path), ImportOptions())
    assert [(p.where, p.message_en) for p in preview.problems] == [
        ("targets!O3", "target value 150 is above the indicator's natural limit of 100"),
        (
            "observations!D3",
            "N-SHARE 2026: value 450 is above the indicator's natural limit of 100",
        ),
    ]


def test_replacing_an_official_figure_with_a_preliminary_one_is_pointed_out(
    demo: Workbook, tmp_path: Path
) -> None:
    rows = [
        {"plan": "CQ2022", "code": "CQ18-URB", "year": 2022, "value": 71, "quality": "初步"},
        {"plan": "LJ2025", "code": "LJ-SHARE-GDP", "year": 2023, "value": 16, "quality": "正式"},
    ]
    path = template_xlsx(tmp_path / "f.xlsx", [], rows)
    preview = preview_import(demo, read_source(path), ImportOptions(lang="zh"))
    assert preview.problems == ()
    notes = [n.en for n in preview.notes if "lower quality" in n.en]
    assert notes == [
        "1 figure replaced by a figure of lower quality (official → preliminary or estimate,"
        " preliminary → estimate): CQ2022 CQ18-URB 2022"
    ]  # the estimate raised to an official figure is no concern


def test_an_estimate_replaced_by_a_figure_without_a_quality_is_said_to_become_official(
    demo: Workbook, tmp_path: Path
) -> None:
    """A table of years has no quality column: the demo's estimate of LJ-SHARE-GDP in 2023,
    replaced, became official without a word, where a lower quality is pointed out."""
    rows = [{"plan": "LJ2025", "code": "LJ-SHARE-GDP", "year": 2023, "value": 16}]
    path = template_xlsx(tmp_path / "f.xlsx", [], rows)
    preview = preview_import(demo, read_source(path), ImportOptions())
    assert preview.problems == ()
    (note,) = [n for n in preview.notes if "will be marked official" in n.en]
    assert note.en == (
        "1 figure replacing preliminary or estimated figures will be marked official, as the"
        " file gives no quality for it (give the file a quality column, or change the quality"
        " after the import, where that is not so): LJ2025 LJ-SHARE-GDP 2023"
    )
    assert note.zh.startswith("1 个数值将替换初步或估算数值，因文件未注明数据质量，将记为正式数据")
    stated = [{**rows[0], "quality": "正式"}]
    path = template_xlsx(tmp_path / "g.xlsx", [], stated)
    preview = preview_import(demo, read_source(path), ImportOptions())
    assert [n for n in preview.notes if "will be marked official" in n.en] == []


def test_a_limit_lowered_by_an_import_below_recorded_figures_is_named_at_its_cell(
    demo: Workbook, tmp_path: Path
) -> None:
    # LJ-SHARE-IND (%) has 15 in 2020 and 20 in 2023
    row = {"plan": "LJ2025", "code": "LJ-SHARE-IND", "name_zh": "占比", "unit": "%"}
    row |= {"direction": "提高", "natural_limit": 18}
    path = template_xlsx(tmp_path / "t.xlsx", [row], [])
    preview = preview_import(demo, read_source(path), ImportOptions())
    assert [(p.where, p.message_en) for p in preview.problems] == [
        ("targets!S2", "recorded figures pass a natural limit of 18: 2023 (20)")
    ]


def test_a_figure_of_a_year_still_to_come_is_named_at_its_cell(
    demo: Workbook, tmp_path: Path
) -> None:
    coming = clock.this_year() + 1
    figures = [
        {"plan": "LJ2025", "code": "LJ-GDP", "year": 2022, "value": 4500},
        {"plan": "LJ2025", "code": "LJ-GDP", "year": coming, "value": 5100},
    ]
    path = template_xlsx(tmp_path / "f.xlsx", [], figures)
    preview = preview_import(demo, read_source(path), ImportOptions())
    assert [(p.where, p.message_en.split(":")[0]) for p in preview.problems] == [
        ("observations!C3", f"LJ-GDP {coming}")  # the year's cell, not the value's
    ]
    assert "has not come yet" in preview.problems[0].message_en
    # in a table of years, the year is its column's heading
    rows = [
        ["指标", "单位", "2022", str(coming)],
        ["地区生产总值", "亿元", "4500", "5100"],
        ["常住人口", "万人", "300", "310"],
    ]
    wide = read_source(write_csv(tmp_path / "w.csv", rows))
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    gdp = reads.target_by_code(demo, plan.id, "LJ-GDP")
    assert gdp is not None
    population = reads.target_by_code(demo, plan.id, "LJ-POP")
    assert population is not None
    mapped = ImportOptions(plan_code="LJ2025", mapping={"row 2": gdp.id, "row 3": population.id})
    problems = preview_import(demo, wide, mapped).problems
    # one cell, said once, whatever the rows below it
    assert [(p.where, p.text) for p in problems] == [("w.csv!D1", str(coming))]
    assert problems[0].message_en.startswith(f"{coming}: the year has not come yet")


def test_a_baseline_year_still_to_come_is_refused_at_its_cell(
    demo: Workbook, tmp_path: Path
) -> None:
    coming = clock.this_year() + 1
    row = {**NEW_TARGET, "baseline_year": coming, "target_year": coming + 4, "milestones": ""}
    path = template_xlsx(tmp_path / "t.xlsx", [row], [])
    (problem,) = preview_import(demo, read_source(path), ImportOptions()).problems
    assert problem.where.startswith("targets!") and problem.where.endswith("2")
    assert problem.text == str(coming)  # the baseline year's cell
    assert problem.message_en.startswith(f"the baseline year {coming} has not come yet")


def test_a_figure_of_a_target_whose_row_was_refused_says_so_not_did_you_mean(
    demo: Workbook, tmp_path: Path
) -> None:
    bad = {**NEW_TARGET, "kind": "important"}
    other = {**NEW_TARGET, "code": "N-OTHER"}
    figures = [{"plan": "NEW2035", "code": NEW_TARGET["code"], "year": 2026, "value": 1}]
    path = template_xlsx(tmp_path / "t.xlsx", [bad, other], figures, plans=[NEW_PLAN])
    problems = preview_import(demo, read_source(path), ImportOptions()).problems
    assert [(p.where, p.message_en.split(";")[0]) for p in problems][1:] == [
        (
            "observations!B2",
            f"target {NEW_TARGET['code']} of plan NEW2035 is not imported: its row (targets!2)"
            " has a problem",
        )
    ]
    assert "did you mean" not in problems[1].message_en


def test_a_plans_sheet_refuses_a_plan_code_typed_in_another_case(
    demo: Workbook, tmp_path: Path
) -> None:
    plans = [{**NEW_PLAN, "plan": "lj2025"}, NEW_PLAN, {**NEW_PLAN, "plan": "new2035"}]
    path = template_xlsx(tmp_path / "p.xlsx", [], [], plans=plans)
    problems = preview_import(demo, read_source(path), ImportOptions()).problems
    assert [(p.where, p.message_en) for p in problems] == [
        ("plans!A2", "the plan code lj2025 differs from LJ2025 only in case; write LJ2025"),
        ("plans!A4", "the plan code new2035 differs from NEW2035 only in case; write NEW2035"),
    ]


def test_a_new_plan_given_figures_from_before_its_period_is_pointed_out(
    demo: Workbook, tmp_path: Path
) -> None:
    """A new plan made from an old plan's export kept the old plan's figures."""
    figures = [
        {"plan": "NEW2035", "code": NEW_TARGET["code"], "year": year, "value": 5000 + year}
        for year in (2020, 2021, 2023, 2025, 2026)
    ]
    path = template_xlsx(tmp_path / "t.xlsx", [NEW_TARGET], figures, plans=[NEW_PLAN])
    preview = preview_import(demo, read_source(path), ImportOptions())
    assert not preview.problems
    early = [n for n in preview.notes if "before the plan period" in n.en]
    assert [n.en.split(";")[0] for n in early] == [
        "NEW2035: 3 figures of 2020–2023, before the plan period 2026–2035 and their targets'"
        " baseline years"
    ]
    assert early[0].zh.startswith("NEW2035：有 3 个数值属于 2020—2023 年")
    fresh = template_xlsx(tmp_path / "f.xlsx", [NEW_TARGET], figures[3:], plans=[NEW_PLAN])
    notes = preview_import(demo, read_source(fresh), ImportOptions()).notes
    assert not [n for n in notes if "before the plan period" in n.en]  # the baseline year's
    older = {**NEW_TARGET, "baseline_year": 2019, "baseline_value": 4000}  # its own baseline
    since = [{**f, "year": y} for f, y in zip(figures, (2019, 2020, 2021), strict=False)]
    own = template_xlsx(tmp_path / "o.xlsx", [older], since, plans=[NEW_PLAN])
    notes = preview_import(demo, read_source(own), ImportOptions()).notes
    assert not [n for n in notes if "before the plan period" in n.en]
    # a target with no baseline is not said to have a baseline year
    bare = {**NEW_TARGET, "baseline_year": "", "baseline_value": ""}
    none = template_xlsx(tmp_path / "n.xlsx", [bare], figures, plans=[NEW_PLAN])
    notes = preview_import(demo, read_source(none), ImportOptions()).notes
    early = [n for n in notes if "before the plan period" in n.en]
    assert [n.en.split(";")[0] for n in early] == [
        "NEW2035: 3 figures of 2020–2023, before the plan period 2026–2035 and the year before"
        " it (their targets have no baseline)"
    ]
    assert "（这些指标没有基期）" in early[0].zh and "基期年份" not in early[0].zh
    # some of each
    other = {**NEW_TARGET, "code": "N-OTHER", "name_zh": "其他"}
    mixed = [*figures[:2], {**figures[2], "code": "N-OTHER", "year": 2024}]
    both = template_xlsx(tmp_path / "b.xlsx", [bare, other], mixed, plans=[NEW_PLAN])
    notes = preview_import(demo, read_source(both), ImportOptions()).notes
    early = [n for n in notes if "before the plan period" in n.en]
    mixed_note = early[0].en.split(";")[0]
    assert mixed_note.endswith(
        "and their targets' baseline years (the year before the period for those with none)"
    )
    # a baseline set within the period: the figures before it are not before the period
    plan = {**NEW_PLAN, "plan": "NQ2025", "start_year": 2021, "end_year": 2025}
    later = {**NEW_TARGET, "plan": "NQ2025", "baseline_year": 2023, "baseline_value": 4400}
    later = {**later, "target_year": 2025, "milestones": ""}
    inside = [{**figures[0], "plan": "NQ2025", "year": y} for y in (2022, 2024)]
    within = template_xlsx(tmp_path / "w.xlsx", [later], inside, plans=[plan])
    preview = preview_import(demo, read_source(within), ImportOptions())
    assert not preview.problems
    early = [n for n in preview.notes if "baseline years" in n.en]
    assert [n.en.split(";")[0] for n in early] == [
        "NQ2025: 1 figure of 2022, before their targets' baseline years"
    ]
    assert "早于其指标的基期年份" in early[0].zh and "规划期" not in early[0].zh.split("；")[0]
    # some before the period, some within it before their baseline
    older = [*inside, {**inside[0], "year": 2019}]
    across = template_xlsx(tmp_path / "a.xlsx", [later], older, plans=[plan])
    notes = preview_import(demo, read_source(across), ImportOptions()).notes
    early = [n for n in notes if "baseline years" in n.en]
    assert [n.en.split(";")[0] for n in early] == [
        "NQ2025: 2 figures of 2019–2022, before the plan period 2021–2025 or their targets'"
        " baseline years"
    ]
    assert "早于规划期 2021—2025 年或其指标的基期年份" in early[0].zh


LJ2030_GDP_TARGET = {
    "plan": "LJ2030",
    "code": "LJ-GDP",
    "comparator": "at_least",
    "target_year": 2030,
    "target_value": 7000,
}


def _next_plan_from_a_preliminary_2025_gdp(wb: Workbook) -> int:
    """LJ2030 started from LJ-GDP's preliminary 2025 figure, 4,980: its LJ-GDP's id."""
    earlier = reads.plan_by_code(wb, "LJ2025")
    assert earlier is not None and earlier.id is not None
    gdp = reads.target_by_code(wb, earlier.id, "LJ-GDP")
    assert gdp is not None and gdp.id is not None
    entry = editing.ObservationEntry(gdp.id, 2025, 4980.0, Quality.PRELIMINARY, "Bulletin")
    editing.set_observations(wb, [entry])
    plan = Plan("LJ2030", "两江新区“十五五”规划", "", 2026, 2030)
    follow_on_plan(wb, earlier.id, plan)
    later = reads.plan_by_code(wb, "LJ2030")
    assert later is not None and later.id is not None
    carried = reads.target_by_code(wb, later.id, "LJ-GDP")
    assert carried is not None and carried.id is not None and carried.baseline_value == 4980.0
    return carried.id


def test_an_imported_revision_takes_the_next_plans_baseline_along(
    demo: Workbook, tmp_path: Path
) -> None:
    carried = _next_plan_from_a_preliminary_2025_gdp(demo)
    figures = [{"plan": "LJ2025", "code": "LJ-GDP", "year": 2025, "value": 5012.5}]
    source = read_source(template_xlsx(tmp_path / "official.xlsx", [], figures))
    preview = preview_import(demo, source, ImportOptions())
    assert (
        "LJ2030 LJ-GDP: its 2025 baseline, carried from LJ2025's figure of that year, follows"
        " its revision: 5,012.5 亿元 (official, —), was 4,980 亿元 (preliminary, Bulletin)"
    ) in [note.en for note in preview.notes]
    assert "~ LJ2030 LJ-GDP baseline_value: 4,980 亿元 → 5,012.5 亿元" in lines(preview.lines)
    apply_import(demo, source, ImportOptions())
    target = reads.target_by_id(demo, carried)
    assert target is not None
    assert (target.baseline_value, target.baseline_quality) == (5012.5, Quality.OFFICIAL)


def test_a_file_that_gives_the_next_plans_target_keeps_its_own_baseline(
    demo: Workbook, tmp_path: Path
) -> None:
    carried = _next_plan_from_a_preliminary_2025_gdp(demo)
    target = reads.target_by_id(demo, carried)
    assert target is not None
    row = {
        "plan": "LJ2030",
        "code": "LJ-GDP",
        "name_zh": target.name_zh,
        "unit": target.unit,
        "direction": "increase",
        "baseline_year": 2025,
        "baseline_value": 4990,
        "baseline_quality": "preliminary",
    }
    figures = [{"plan": "LJ2025", "code": "LJ-GDP", "year": 2025, "value": 5012.5}]
    source = read_source(template_xlsx(tmp_path / "both.xlsx", [row], figures))
    preview = preview_import(demo, source, ImportOptions())
    assert not [note for note in preview.notes if "follows its revision" in note.en]
    apply_import(demo, source, ImportOptions())
    target = reads.target_by_id(demo, carried)
    assert target is not None and target.baseline_value == 4990.0


def test_a_next_plans_indicator_is_given_its_target_by_an_import(
    demo: Workbook, tmp_path: Path
) -> None:
    """The next plan's indicators start as monitoring indicators with a direction; a targets
    sheet giving one a target, its direction cell left empty, makes it a target."""
    carried = _next_plan_from_a_preliminary_2025_gdp(demo)
    row = LJ2030_GDP_TARGET
    apply_import(
        demo, read_source(template_xlsx(tmp_path / "targets.xlsx", [row], [])), ImportOptions()
    )
    target = reads.target_by_id(demo, carried)
    assert target is not None and not target.is_monitoring
    assert (target.comparator, target.target_year, target.target_value) == (
        Comparator.AT_LEAST,
        2030,
        7000.0,
    )
    assert target.direction is None and target.baseline_value == 4980.0


def test_a_sheet_of_codes_and_targets_alone_is_read_as_targets(
    demo: Workbook, tmp_path: Path
) -> None:
    """No name column: plan, code and what only a target has (not figures of a year)."""
    carried = _next_plan_from_a_preliminary_2025_gdp(demo)
    rows = [
        ["plan", "code", "comparator", "target_year", "target_value"],
        ["LJ2030", "LJ-GDP", "at_least", "2030", "7000"],
    ]
    source = read_source(write_csv(tmp_path / "targets.csv", rows))
    preview = preview_import(demo, source, ImportOptions())
    assert not preview.problems
    assert "~ LJ2030 LJ-GDP direction: increase → —" in lines(preview.lines)
    apply_import(demo, source, ImportOptions())
    target = reads.target_by_id(demo, carried)
    assert target is not None and target.target_value == 7000.0


def test_a_file_giving_the_next_plans_target_but_not_its_baseline_lets_it_follow(
    demo: Workbook, tmp_path: Path
) -> None:
    carried = _next_plan_from_a_preliminary_2025_gdp(demo)
    row = LJ2030_GDP_TARGET
    figures = [{"plan": "LJ2025", "code": "LJ-GDP", "year": 2025, "value": 5012.5}]
    source = read_source(template_xlsx(tmp_path / "both.xlsx", [row], figures))
    apply_import(demo, source, ImportOptions())
    target = reads.target_by_id(demo, carried)
    assert target is not None
    assert (target.target_value, target.baseline_value) == (7000.0, 5012.5)


def test_a_wide_table_with_a_plan_column_and_targets_is_still_a_table_of_figures(
    demo: Workbook, tmp_path: Path
) -> None:
    rows = [
        ["plan", "code", "unit", "baseline_value", "2021", "2022", "2023", "target_value"],
        ["LJ2025", "LJ-GDP", "亿元", "3750", "4000", "4200", "4500", "5000"],
    ]
    source = read_source(write_csv(tmp_path / "wide.csv", rows))
    preview = preview_import(demo, source, ImportOptions())
    assert "+ LJ2025 LJ-GDP 2022: 4,200 亿元" in lines(preview.lines)


@pytest.mark.parametrize(
    "header",
    [
        ["plan", "code", "period", "figure", "kind"],
        ["规划", "代码", "时间", "数据", "属性"],
    ],
)
def test_a_long_table_with_a_target_column_is_still_a_table_of_figures(
    demo: Workbook, tmp_path: Path, header: list[str]
) -> None:
    rows = [header, ["LJ2025", "LJ-POP", "2024", "101", "expected"]]
    source = read_source(write_csv(tmp_path / "long.csv", rows))
    preview = preview_import(demo, source, ImportOptions(plan_code="LJ2025"))
    assert "+ LJ2025 LJ-POP 2024: 101 万人" in lines(preview.lines)
