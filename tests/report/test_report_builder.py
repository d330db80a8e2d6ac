"""The report document built from data: content, order, subsets and language (no painting)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Method, Plan, Status
from ljtracker.domain.status_look import MISSED, Shown, every_shown
from ljtracker.report.builder import ReportError, ReportOptions, build_report
from ljtracker.report.document import (
    Cell,
    Cover,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    ProgressChart,
    ReportKind,
    Section,
    StatusChart,
    StatusLine,
    Table,
    TextStyle,
)
from ljtracker.report.text import as_typed, kept_together, partial_date
from ljtracker.services import clock, editing
from ljtracker.services.editing import ObservationEntry
from ljtracker.services.progress import plan_progress
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook

DAY = date(2026, 3, 1)


def build(path: Path, **options: object) -> Document:
    with Workbook.open(path, read_only=True) as wb:
        return build_report(wb, ReportOptions(**options), today=DAY)  # type: ignore[arg-type]


def overview_of(document: Document) -> Table:
    """The table of all targets at a glance."""
    return next(
        b
        for b in document.blocks
        if isinstance(b, Table)
        and b.continued.startswith(("All targets at a glance", "指标进展一览"))
    )


def table_after(document: Document, caption: str) -> Table:
    """The table that follows the label paragraph `caption`."""
    blocks = list(document.blocks)
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.text == caption:
            following = blocks[index + 1]
            assert isinstance(following, Table), f"no table after {caption!r}"
            return following
    raise AssertionError(f"no paragraph {caption!r}")


def test_demo_report_in_english_holds_the_gdp_target_and_its_figures(demo_path: Path) -> None:
    document = build(demo_path, plan_code="LJ2025", lang="en", as_of_year=2021)
    text = as_typed(document.text())
    assert "GDP of the whole new area" in text
    assert "at least 5,000 亿元 by 2025" in text
    assert "On track" in text
    assert "Growing 6.67 % a year since 2020 against 5.92 % needed" in text
    assert "Time elapsed, at the 2021 figure" in text  # not to the report's year
    assert document.header_right == "Progress as of 2021"
    assert document.file_stem == "LJ2025-progress-2021-en"
    headings = [b.text for b in document.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == [
        "1  Summary",
        "2  All targets at a glance",
        "3  Progress by target",
        "Appendix A. How progress is judged",
        "Appendix B. Data sources",
    ]


def test_without_a_year_a_report_judges_as_the_window_does_on_all_figures(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan's figures reach 2023; in 2026 its 2025 targets await their figures."""
    assert build(demo_path, plan_code="LJ2025", lang="en").header_right == "Progress as of 2025"
    with Workbook.open(demo_path, read_only=True) as wb:
        plan = reads.plan_by_code(wb, "LJ2025")
        assert plan is not None
        window = plan_progress(wb, plan)  # on all figures, in the year it is
    document = build(demo_path, plan_code="LJ2025", lang="en")
    gdp = next(r for r in window.targets if r.target.code == "LJ-GDP")
    assert gdp.assessment.awaiting_target_figure
    assert gdp.assessment.explanation_en.split(". By its last")[0] in as_typed(document.text())
    cover = document.blocks[0]
    assert isinstance(cover, Cover)
    assert as_typed(dict(cover.facts)["Result"]) == (
        "On track: 2; Limited progress: 3; Not assessable: 5;"
        " of the 10 targets, awaiting the target year's figure: 1, judged on a preliminary or"
        " estimated figure: 5"
    )  # the shares' latest figures (2023) are estimates
    coverage = dict(cover.facts)["Targets in this report"]
    assert as_typed(coverage) == "all 10 targets; monitoring indicators among them: 9"
    line = next(b for b in document.blocks if isinstance(b, StatusLine))  # LJ-GDP's section
    # a mark is never broken across lines ("2022年数据待" on one, "录入" on the next)
    assert (line.label, line.year_mark) == (
        "Not assessable",
        kept_together("2025 figure not in yet"),
    )
    text = document.text()
    assert "Targets whose year has come, their figure of that year not in yet" in text
    chinese = build(demo_path, plan_code="LJ2025", lang="zh")
    assert "10项指标中，目标年数据待录入1项，依据初步或估算数据评估5项" in as_typed(chinese.text())
    assert "全部10项，其中监测指标9项" in as_typed(chinese.text())
    assert "2025年数据待录入" in as_typed(chinese.text())
    monkeypatch.setattr(clock, "this_year", lambda: 2025)  # none of its targets is due yet
    assert build(demo_path, plan_code="LJ2025", lang="en").header_right == "Progress as of 2023"
    cq = build(demo_path, plan_code="CQ2022", lang="en")  # due 2022
    assert cq.header_right == "Progress as of 2022"


def test_an_old_latest_figure_is_marked_in_the_overview_table(demo_path: Path) -> None:
    def gdp_latest(as_of: int, lang: str) -> tuple[str, bool]:
        document = build(demo_path, plan_code="LJ2025", lang=lang, as_of_year=as_of)
        tables = [b for b in document.blocks if isinstance(b, Table)]
        row = next(r for t in tables for r in t.rows if as_typed(r[0].text) == "LJ-GDP")
        return row[4].detail, row[4].alert

    assert gdp_latest(2022, "en") == ("2021, prelim.", False)  # a year behind is usual
    assert gdp_latest(2024, "en") == (f"2021, prelim.\n{kept_together('3 yrs old')}", True)
    assert gdp_latest(2024, "zh") == (f"2021年，初步\n{kept_together('比2024年早3年')}", True)


def test_a_target_missed_in_its_year_is_listed_and_marked(demo_path: Path) -> None:
    with Workbook.open(demo_path) as wb:
        plan = reads.plan_by_code(wb, "CQ2022")
        assert plan is not None and plan.id is not None
        rd = reads.target_by_code(wb, plan.id, "CQ18-RD")
        assert rd is not None and rd.id is not None
        editing.set_observations(wb, [ObservationEntry(rd.id, 2022, 2.36)])  # 2.5 by 2022
    document = build(demo_path, plan_code="CQ2022", lang="en", as_of_year=2024)
    listing = table_after(document, "Targets whose year has come without being met")
    assert [as_typed(row[0].text) for row in listing.rows] == ["CQ18-RD"]
    rows = overview_of(document).rows
    status = next(r for r in rows if as_typed(r[0].text) == "CQ18-RD")[7]
    assert status.text == "Missed"  # the result, its pace beside it
    assert (status.detail, status.alert) == (kept_together("Pace: needs acceleration"), True)
    earlier = build(demo_path, plan_code="CQ2022", lang="en", as_of_year=2021)
    assert "Targets whose year has come without being met" not in earlier.text()
    summary = document.blocks[: next(i for i, b in enumerate(document.blocks) if b == ALL_TARGETS)]
    listed = [
        as_typed(row[0].text)
        for block in summary
        if isinstance(block, Table)
        for row in block.rows
        if row[0].text != "Code"
    ]
    assert listed.count("CQ18-RD") == 1  # with the missed, not again with those behind


ALL_TARGETS = Heading("2  All targets at a glance", 1)


def test_a_plan_that_missed_without_a_pace_to_judge_is_not_called_well(
    demo_path: Path,
) -> None:
    """LJ2020's GDP: one figure, of its target year, 3,750 against at least 6,000. The summary
    had said every target that can be assessed is on track, and that binding targets carry no
    warning in a plan that has none. Its counts had called all three not assessable."""
    document = build(demo_path, plan_code="LJ2020", lang="en")
    text = document.text()
    counted = "judged as of 2020 by the growth ratio method. Missed: 1; Not assessable: 2."
    assert counted in as_typed(text).replace("\n", " ")
    assert "Targets whose year has come without being met: 1." not in text  # said already
    listing = table_after(document, "Targets whose year has come without being met")
    assert [as_typed(row[0].text) for row in listing.rows] == ["LJ14-GDP"]
    assert "Apart from the targets missed, no target can be assessed." in text
    assert "on track or achieved" not in text
    assert "No target in this report is binding." in text
    assert "No binding target carries a warning" not in text
    line = next(b for b in document.blocks if isinstance(b, StatusLine))
    # missed is the result; its pace, not the target, is what cannot be assessed
    assert (line.label, line.year_mark) == ("Missed", "")  # not "Missed  Not met by 2020"
    assert as_typed(listing.rows[0][2].text) == "Missed"
    cover = document.blocks[0]
    assert isinstance(cover, Cover)
    result = dict(cover.facts)["Result"]
    awaiting = "of the 3 targets, awaiting the target year's figure: 2"  # with none at all
    estimated = "judged on a preliminary or estimated figure: 1"  # missed on a lone estimate
    assert as_typed(result) == f"Missed: 1; Not assessable: 2; {awaiting}, {estimated}"
    assert kept_together("Not assessable: 2") in result  # a count stays with its label
    zh = build(demo_path, plan_code="LJ2020", lang="zh").text()
    assert (
        "到期未实现1项；无法评估2项。" in as_typed(zh)
        and "除到期未实现的指标外，其余指标均无法评估。" in zh
    )
    assert "本报告中没有约束性指标。" in zh
    zh_cover = build(demo_path, plan_code="LJ2020", lang="zh").blocks[0]
    assert isinstance(zh_cover, Cover)
    result_zh = (
        "到期未实现1项；无法评估2项；3项指标中，目标年数据待录入2项，依据初步或估算数据评估1项"
    )
    assert as_typed(dict(zh_cover.facts)["评估结果"]) == result_zh


def record(path: Path, plan_code: str, code: str, year: int, value: float) -> None:
    """Set a target's figure of a year in the workbook at `path`."""
    with Workbook.open(path) as wb:
        plan = reads.plan_by_code(wb, plan_code)
        assert plan is not None and plan.id is not None
        target = reads.target_by_code(wb, plan.id, code)
        assert target is not None and target.id is not None
        editing.set_observations(wb, [ObservationEntry(target.id, year, value)])


def test_a_column_of_growth_needed_with_none_to_give_is_left_out(demo_path: Path) -> None:
    """As of its targets' year, no target needs growth "from now": the column held dashes only,
    and took the room the targets' names wrapped in."""
    final = overview_of(build(demo_path, plan_code="LJ2025", as_of_year=2025))
    assert [c.title for c in final.columns][-1] == "Status"
    progress = overview_of(build(demo_path, plan_code="LJ2025", as_of_year=2023))
    assert [c.title for c in progress.columns][-1] == "Needed a year from now"


def test_a_final_evaluation_is_as_of_the_plans_last_year_unless_told(demo_path: Path) -> None:
    """With a 2026 figure in, the final evaluation of the 2021–2025 plan judged LJ-GDP
    achieved on that estimate, though it missed its target of 2025."""
    record(demo_path, "LJ2025", "LJ-GDP", 2025, 4960.0)
    record(demo_path, "LJ2025", "LJ-GDP", 2026, 5300.0)
    final = build(demo_path, plan_code="LJ2025", kind=ReportKind.FINAL)
    assert final.header_right == "Progress as of 2025"
    assert "4,960 亿元 in 2025" in final.text() and "5,300" not in final.text()
    progress = build(demo_path, plan_code="LJ2025")
    assert progress.header_right == "Progress as of 2026"
    asked = build(demo_path, plan_code="LJ2025", kind=ReportKind.FINAL, as_of_year=2026)
    assert asked.header_right == "Progress as of 2026"


def test_a_missed_target_beside_others_on_track_is_not_hidden(demo_path: Path) -> None:
    # CQ18-FOREST's one figure, of its year, now short of at least 55 %: no pace, but missed
    record(demo_path, "CQ2022", "CQ18-FOREST", 2022, 54.0)
    text = build(demo_path, plan_code="CQ2022", lang="en").text()
    assert (
        "Apart from the targets missed, none of the 2 that can be assessed is behind; 3 cannot"
        " be assessed (listed below)." in text
    )
    assert "is on track or achieved" not in text


def test_no_target_behind_is_said_with_how_many_could_be_judged(demo_path: Path) -> None:
    """CQST2025 as of 2023: three targets cannot be judged; "every target that can be
    assessed is on track" had read as a plan going well."""
    text = build(demo_path, plan_code="CQST2025", lang="en", as_of_year=2023).text()
    assert (
        "None of the 2 targets that can be assessed is behind; 3 cannot be assessed"
        " (listed below)." in text
    )
    zh = build(demo_path, plan_code="CQST2025", lang="zh", as_of_year=2023).text()
    assert "可评估的2项指标均进展顺利或已实现；另有3项无法评估（见下）。" in zh
    judged = frozenset({Status.ON_TRACK, Status.TARGET_ACHIEVED})
    every = build(demo_path, plan_code="LJ2025", lang="en", as_of_year=2023, statuses=judged)
    assert "Every target in this report is on track or achieved." in every.text()
    one = build(demo_path, plan_code="LJ2025", lang="en", as_of_year=2021).text()
    assert "The one target that can be assessed is not behind; 9 cannot be assessed" in one


def test_a_ratio_a_hair_below_on_track_is_not_printed_on_it(near_threshold_path: Path) -> None:
    document = build(near_threshold_path, plan_code="NEAR", lang="en", as_of_year=2022)
    near, watched, rising = [b for b in document.blocks if isinstance(b, Table) and not b.header]
    assert {row[0].text: row[1].text for row in near.rows}["Growth ratio R"] == "0.948"
    growth = {row[0].text: row[1].text for row in watched.rows}
    assert growth["Growth in the desired direction"] == "1.4996 % a year"
    assert growth["Observed growth since the baseline"] == "1.4996 % a year"  # not "1.50 %"
    wrong_way = {row[0].text: row[1].text for row in rising.rows}
    assert wrong_way["Observed growth since the baseline"] == "1.00 % a year"
    assert wrong_way["Growth in the desired direction"] == "-1.00 % a year"  # not "a fall of"
    assert "(ratio 0.948): needs acceleration." in document.text()


def test_demo_report_in_chinese(demo_path: Path) -> None:
    document = build(demo_path, plan_code="LJ2025", lang="zh", as_of_year=2021)
    text = document.text()
    assert "两江新区地区生产总值" in text
    assert "进展顺利" in text
    assert document.header_right == "截至2021年进展情况"
    assert "一、总体情况" in text and "附录一 进展评估方法" in text
    assert "增长比值法" in text
    assert {"亿元", "%"} <= set(document.units)  # kept whole after their numbers when laid out


def test_cover_names_plan_issuer_period_and_fingerprint(demo_path: Path) -> None:
    document = build(demo_path, plan_code="LJ2025", lang="en", as_of_year=2021)
    cover = document.blocks[0]
    assert isinstance(cover, Cover) and isinstance(document.blocks[1], PageBreak)
    facts = dict(cover.facts)
    assert facts["Plan period"] == "2021–2025"
    assert "Chongqing Municipal People's Government" in facts["Issued by"]
    assert facts["Generated"] == "2026-03-01"
    assert facts["Data fingerprint"] == document.fingerprint
    assert cover.as_of == "Progress as of 2021"
    assert cover.other_title == "关于推动两江新区做大做强实现高质量发展的意见"
    assert document.fingerprint in document.footer_left


def test_the_cover_writes_the_issue_date_as_it_writes_the_day_it_was_made(
    demo_path: Path,
) -> None:
    facts = {}
    for lang in ("en", "zh"):
        cover = build(demo_path, plan_code="LJ2025", lang=lang).blocks[0]
        assert isinstance(cover, Cover)
        facts.update(cover.facts)
    assert (facts["Issued"], facts["Generated"]) == ("2020-11", "2026-03-01")
    assert (facts["发布日期"], facts["生成日期"]) == ("2020年11月", "2026年3月1日")


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("2020", "2020年"),
        ("2020-11-05", "2020年11月5日"),
        ("", ""),
        ("2020/11", "2020/11"),  # not the form kept: as it stands, not a failed report
        ("2020-11-05T00:00", "2020-11-05T00:00"),
    ],
)
def test_a_date_to_the_year_or_the_day_is_written_in_chinese(given: str, written: str) -> None:
    assert partial_date(given, "zh") == written


def test_the_cover_names_a_final_or_mid_term_evaluation_when_asked(
    demo_path: Path,
    tmp_path: Path,
    pdf_text: Callable[..., str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A final evaluation (终期评估) printed as "规划目标进展报告" was not one to hand over;
    the command says which it wrote."""
    from ljtracker.cli import main

    cover = build(demo_path, plan_code="LJ2025", lang="zh").blocks[0]
    assert isinstance(cover, Cover) and cover.kind == "规划目标进展报告"  # by default
    out = tmp_path / "final.pdf"
    args = ["report", str(demo_path), "--plan", "LJ2025", "--year", "2025", "-o", str(out)]
    assert main([*args, "--kind", "final", "--lang", "zh"]) == 0
    assert "规划实施终期评估报告" in pdf_text(out, first=1, last=1)
    assert capsys.readouterr().out.startswith("已将规划实施终期评估报告（")
    assert main([*args, "--kind", "midterm", "--lang", "en", "--overwrite"]) == 0
    assert "Mid-term evaluation" in pdf_text(out, first=1, last=1)
    assert capsys.readouterr().out.startswith("Wrote the mid-term evaluation (")


def test_only_figures_up_to_the_as_of_year_are_shown(demo_path: Path) -> None:
    """The 2023 shares are left out of a report as of 2021, so it can be reproduced later."""
    early = build(demo_path, plan_code="LJ2025", lang="en", as_of_year=2021)
    late = build(demo_path, plan_code="LJ2025", lang="en", as_of_year=2023)
    early_years = [b for b in early.blocks if isinstance(b, ProgressChart)]
    assert all(p.year <= 2021 for chart in early_years for p in chart.series)
    late_years = {p.year for b in late.blocks if isinstance(b, ProgressChart) for p in b.series}
    assert 2023 in late_years
    assert "english.liangjiang.gov.cn" not in early.text()
    assert "english.liangjiang.gov.cn" in late.text()


def test_targets_behind_are_listed_worst_first(mixed_path: Path) -> None:
    document = build(mixed_path, plan_code="MIX", lang="en", as_of_year=2022)
    behind = table_after(document, "Targets not on track, furthest behind first")
    assert [as_typed(row[0].text) for row in behind.rows] == ["T-DOWN", "T-LIM", "T-SLOW", "T-ACC"]
    assert [row[2].status for row in behind.rows] == [
        Status.DETERIORATION,
        Status.LIMITED_PROGRESS,
        Status.LIMITED_PROGRESS,
        Status.NEEDS_ACCELERATION,
    ]


def test_targets_and_indicators_behind_are_placed_within_their_own_thresholds(
    near_threshold_path: Path,
) -> None:
    """A monitoring indicator's growth (1.4996 %) was sorted against a target's R (0.948) as
    if on one scale, so indicators always came first. Each is now placed in its own band:
    R sits at 0.994 of needs acceleration's band (0.60–0.95), g at 0.9996 of its own
    (0.5–1.5 %)."""
    document = build(near_threshold_path, plan_code="NEAR", lang="en", as_of_year=2022)
    behind = table_after(document, "Targets not on track, furthest behind first")
    assert [as_typed(row[0].text) for row in behind.rows] == ["T-RISING", "T-NEAR", "T-WATCH"]


def test_binding_target_behind_carries_a_warning(mixed_path: Path) -> None:
    document = build(mixed_path, plan_code="MIX", lang="en", as_of_year=2022)
    warnings = table_after(document, "Binding targets with a warning")
    assert [as_typed(row[0].text) for row in warnings.rows] == ["T-SLOW"]
    overview = overview_of(document)
    slow = next(r for r in overview.rows if as_typed(r[0].text) == "T-SLOW")
    assert slow[7].detail == "⚠ Warning: binding target" and slow[7].alert
    cover = document.blocks[0]
    assert isinstance(cover, Cover)
    assert as_typed(dict(cover.facts)["Result"]).endswith("targets, binding with a warning: 1")


def test_status_counts_overall_and_per_area(mixed_path: Path) -> None:
    document = build(mixed_path, plan_code="MIX", lang="en", as_of_year=2022)
    chart = next(b for b in document.blocks if isinstance(b, StatusChart))
    counts = {bar.label: {s: n for s, n in bar.counts if n} for bar in chart.bars}
    assert counts["All targets"] == {
        Status.TARGET_ACHIEVED: 1,
        Status.ON_TRACK: 1,
        Status.NEEDS_ACCELERATION: 1,
        Status.LIMITED_PROGRESS: 2,
        Status.DETERIORATION: 1,
        Status.NOT_ASSESSABLE: 1,
    }
    assert counts["Economy"] == {
        Status.TARGET_ACHIEVED: 1,
        Status.ON_TRACK: 1,
        Status.LIMITED_PROGRESS: 1,
    }
    assert counts["Without an area"] == {Status.DETERIORATION: 1}


def test_a_missed_target_is_counted_as_missed_in_the_chart_as_in_the_text(
    demo_path: Path,
) -> None:
    """LJ2020's summary said "Missed: 1; Not assessable: 2" above a bar and a table counting
    three not assessable."""
    document = build(demo_path, plan_code="LJ2020", lang="en")
    opening = next(b for b in document.blocks if isinstance(b, Paragraph) and "covers" in b.text)
    assert as_typed(opening.text).endswith("Missed: 1; Not assessable: 2.")
    chart = next(b for b in document.blocks if isinstance(b, StatusChart))
    (bar,) = chart.bars
    assert {s: n for s, n in bar.counts if n} == {MISSED: 1, Status.NOT_ASSESSABLE: 2}
    assert (MISSED, "Missed") in chart.legend
    table = next(
        b for b in document.blocks if isinstance(b, Table) and b.columns[0].title == "Area"
    )
    assert [c.status for c in table.columns][-3:] == [MISSED, Status.NOT_ASSESSABLE, None]
    assert [c.text for c in table.rows[0]][-3:] == ["1", "2", "3"]
    overview = next(
        b
        for b in document.blocks
        if isinstance(b, Table) and "Latest" in [c.title for c in b.columns]
    )
    gdp = next(r for r in overview.rows if as_typed(r[0].text) == "LJ14-GDP")
    assert (gdp[7].text, gdp[7].status) == ("Missed", MISSED)
    # with no target missed, no column and no legend entry for it
    ongoing = build(demo_path, plan_code="LJ2025", lang="en")
    chart = next(b for b in ongoing.blocks if isinstance(b, StatusChart))
    assert MISSED not in dict(chart.legend)


def test_a_plan_without_targets_says_so(demo_path: Path) -> None:
    """Its report said "all 0 targets" and, in every section, "No target matches the chosen
    areas and statuses", though none had been chosen."""
    with Workbook.open(demo_path) as wb:
        editing.add_plan(wb, Plan("LJ2030", "两江新区2030", "Liangjiang 2030", 2026, 2030))
    document = build(demo_path, plan_code="LJ2030", lang="en")
    cover = document.blocks[0]
    assert isinstance(cover, Cover)
    assert dict(cover.facts)["Targets in this report"] == "none: the plan has no targets yet"
    said = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert said.count("This plan has no targets yet.") == 3  # summary, overview, targets
    assert not any("chosen" in text for text in said)


def test_subset_by_area_and_status(mixed_path: Path) -> None:
    with Workbook.open(mixed_path, read_only=True) as wb:
        plan = reads.plan_by_code(wb, "MIX")
        assert plan is not None and plan.id is not None
        environment = reads.areas(wb, plan.id)[1].id
    by_area = build(mixed_path, plan_code="MIX", lang="en", areas=frozenset({environment}))
    codes = {b.text.split()[0] for b in by_area.blocks if isinstance(b, Heading) and b.level == 2}
    assert codes == {"T-SLOW", "T-ACC", "T-NONE"}
    cover = by_area.blocks[0]
    assert isinstance(cover, Cover)
    assert dict(cover.facts)["Targets in this report"] == "3 of 7 targets (areas: Environment)"
    [chart] = [b for b in by_area.blocks if isinstance(b, StatusChart)]
    assert [bar.label for bar in chart.bars] == ["Environment"]  # not "All targets" as well
    by_status = build(
        mixed_path,
        plan_code="MIX",
        lang="en",
        as_of_year=2022,
        statuses=frozenset({Status.LIMITED_PROGRESS}),
    )
    codes = {b.text.split()[0] for b in by_status.blocks if isinstance(b, Heading) and b.level == 2}
    assert codes == {"T-SLOW", "T-LIM"}
    cover = by_status.blocks[0]
    assert isinstance(cover, Cover)
    assert dict(cover.facts)["Targets in this report"].endswith("(statuses: Limited progress)")
    chinese = build(mixed_path, plan_code="MIX", lang="zh", statuses=frozenset(Status))
    cover = chinese.blocks[0]
    assert isinstance(cover, Cover)
    assert dict(cover.facts)["纳入本报告的指标"] == (
        "7项中的7项（状态：已实现、进展顺利、需加快、进展有限、出现倒退、无法评估）"
    )


def test_sections_can_be_left_out(demo_path: Path) -> None:
    document = build(
        demo_path,
        plan_code="LJ2025",
        lang="en",
        as_of_year=2021,
        sections=frozenset({Section.TABLE, Section.SOURCES}),
    )
    headings = [b.text for b in document.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == ["1  All targets at a glance", "Appendix A. Data sources"]
    assert not any(isinstance(b, Cover | ProgressChart) for b in document.blocks)


def test_method_appendix_follows_the_chosen_method(demo_path: Path) -> None:
    document = build(
        demo_path, plan_code="LJ2025", lang="en", as_of_year=2021, method=Method.SCHEDULE
    )
    text = document.text()
    assert "time elapsed (schedule) method" in text
    assert "S ≥ 1.00" in text and "0.90 ≤ S < 1.00" in text
    assert "Schedule index S" in text
    assert "its pace is given beside it, never on track (needs acceleration at best)" in text
    zh = build(demo_path, plan_code="LJ2025", lang="zh", as_of_year=2021).text()
    assert "其后注明按进度的状态，且不视为进展顺利" in zh


def test_gdp_section_has_key_and_yearly_figures(demo_path: Path) -> None:
    document = build(demo_path, plan_code="LJ2025", lang="en", as_of_year=2021)
    blocks = list(document.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and "LJ-GDP " in b.text)
    section = blocks[start : start + 12]
    chart = next(b for b in section if isinstance(b, ProgressChart))
    assert chart.baseline is not None and chart.baseline.value == 3750
    assert chart.target is not None and (chart.target.year, chart.target.value) == (2025, 5000)
    assert [p.year for p in chart.planned] == [2020, 2021, 2022, 2023, 2024, 2025]
    assert chart.projection[-1].year == 2025
    assert chart.labels.observed == "Actual figures"  # as the window's chart says
    key = next(b for b in section if isinstance(b, Table) and not b.header)
    figures = {row[0].text: row[1].text for row in key.rows}
    assert figures["Latest figure"] == "4,000 亿元 (2021, preliminary)"
    assert figures["Growth needed from the baseline"] == "5.92 % a year"
    assert figures["Growth ratio R"] == "1.13"
    labels = [b.text for b in section if isinstance(b, Paragraph) and b.style is TextStyle.LABEL]
    assert labels[:3] == ["Key figures", "Yearly figures up to 2021", "Notes"]


@pytest.mark.parametrize(
    ("lang", "key", "listed"),
    [
        ("en", "Milestones", "2022: 140 亿元; 2024: 180 亿元"),
        ("zh", "阶段目标", "2022年：140亿元；2024年：180亿元"),
    ],
)
def test_milestones_are_in_the_chart_and_the_key_figures(
    milestone_path: Path, lang: str, key: str, listed: str
) -> None:
    document = build(milestone_path, plan_code="MS", lang=lang)
    chart = next(b for b in document.blocks if isinstance(b, ProgressChart))
    assert [(m.year, m.value) for m in chart.milestones] == [(2022, 140.0), (2024, 180.0)]
    assert chart.labels.milestones == key
    assert (2022, 140.0) in [(p.year, p.value) for p in chart.planned]  # the path runs through
    figures = next(b for b in document.blocks if isinstance(b, Table) and not b.header)
    assert {row[0].text: row[1].text for row in figures.rows}[key] == listed
    kept = [b for b in document.blocks if isinstance(b, ProgressChart)][1]
    assert kept.planned == ()  # a ceiling its baseline meets has no path to it...
    assert [(m.year, m.value) for m in kept.milestones] == [(2023, 5.0)]  # ...but milestones


def test_a_latin_unit_keeps_its_space_in_chinese_key_figures(near_threshold_path: Path) -> None:
    """ "102.01t" ran a Latin unit into its number; Chinese sets only Chinese units close."""
    document = build(near_threshold_path, plan_code="NEAR", lang="zh")
    key_figures = [b for b in document.blocks if isinstance(b, Table) and not b.header]
    shown = {row[0].text: row[1].text for table in key_figures for row in table.rows}
    assert shown["最新值"] == "102.01 t（2022年，正式）"
    assert shown["基期值"] == "100 t（2020年）"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_dash_among_the_key_figures_gives_its_reason(
    milestone_path: Path, band_path: Path, lang: str
) -> None:
    """A reason was given the first time only: "2024年计划值 —" two rows under the reason
    "基期值已达到目标" stood bare (METHOD.md: each dash with its reason)."""
    for path, plan in ((milestone_path, "MS"), (band_path, "BAND")):
        document = build(path, plan_code=plan, lang=lang, as_of_year=2022)
        tables = [b for b in document.blocks if isinstance(b, Table) and not b.header]
        dashes = [row[1] for table in tables for row in table.rows if row[1].text == "—"]
        assert dashes and all(cell.detail for cell in dashes)
        for table in tables:
            for above, row in zip(table.rows, table.rows[1:], strict=False):
                if row[1].detail == ("同上" if lang == "zh" else "as above"):
                    assert above[1].text == "—" and above[1].detail


@pytest.mark.parametrize(
    ("lang", "key", "shown"),
    [
        ("en", "Growth needed from now", "a fall of 5.57 % a year"),
        ("zh", "今后所需年均增速", "下降5.57%"),
        ("en", "Change needed each year from now", "a fall of 5 吨标准煤/万元 a year"),
        ("zh", "此后每年所需变化", "每年减少5吨标准煤/万元"),
    ],
)
def test_a_fall_needed_is_said_as_a_fall(
    milestone_path: Path, lang: str, key: str, shown: str
) -> None:
    """'-5.57 %' read as if the target shrank; the sentences say 'a fall of'."""
    document = build(milestone_path, plan_code="MS", lang=lang, as_of_year=2022)
    tables = [b for b in document.blocks if isinstance(b, Table) and not b.header]
    figures = {row[0].text: row[1].text for row in tables[2].rows}  # T-FALL's key figures
    assert figures[key] == shown


@pytest.mark.parametrize(
    ("lang", "key", "shown"),
    [
        (
            "en",
            "Change needed each year to reach the band",
            "a fall of 0.133 percentage points a year",
        ),
        ("zh", "此后每年进入目标区间所需变化", "每年减少0.133个百分点"),
    ],
)
def test_a_band_s_change_needed_says_it_is_to_reach_the_band(
    band_path: Path, lang: str, key: str, shown: str
) -> None:
    """The fall to the band's edge (5.8 %) read as the fall needed to reach 5.5 %."""
    document = build(band_path, plan_code="BAND", lang=lang, as_of_year=2022)
    tables = [b for b in document.blocks if isinstance(b, Table) and not b.header]
    figures = {row[0].text: row[1].text for table in tables for row in table.rows}
    assert figures[key] == shown


def test_a_long_chinese_unit_keeps_to_one_line_in_the_overview_table(
    milestone_path: Path, tmp_path: Path, qapp: object
) -> None:
    """'吨标准煤/万元' was broken a character or two a line in a narrow unit column."""
    from PySide6.QtGui import QPdfWriter

    from ljtracker.report import style, tables, textflow
    from ljtracker.report.flow import Kit
    from ljtracker.report.render import PageSetup

    document = build(milestone_path, plan_code="MS", lang="zh")
    overview = overview_of(document)
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(1200)
    writer.setPageLayout(PageSetup().page_layout())
    kit = Kit.for_device(writer)
    widths = tables.column_widths(overview, kit, kit.scale.mm(180))
    unit = textflow.natural_width("吨标准煤/万元", style.font("table"), kit)
    assert widths[2] >= unit
    row = list(overview.rows[0])
    row[1] = Cell("单位地区生产总值能源消耗降低率（按可比价格计算）")
    row[2] = Cell("万元/人（按常住人口计算，含外来务工人员）")  # a unit that is a sentence
    widths = tables.column_widths(replace(overview, rows=(tuple(row),)), kit, kit.scale.mm(180))
    assert widths[1] > widths[2]  # the name keeps its room


def test_a_long_unit_sits_whole_beneath_the_yearly_tables_value_heading(
    milestone_path: Path, tmp_path: Path, qapp: object
) -> None:
    """ "数值（吨标准煤/万元）" was broken into "数值（吨标", "准煤/万", "元）"."""
    from PySide6.QtGui import QPdfWriter

    from ljtracker.report import style, tables, textflow
    from ljtracker.report.flow import Kit
    from ljtracker.report.render import PageSetup

    document = build(milestone_path, plan_code="MS", lang="zh")
    yearly = next(
        b
        for b in document.blocks
        if isinstance(b, Table) and b.columns[0].title == "年份" and "吨" in b.columns[1].title
    )
    value = yearly.columns[1]
    assert value.title == "数值\n（吨标准煤/万元）"
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(1200)
    writer.setPageLayout(PageSetup().page_layout())
    kit = Kit.for_device(writer)
    widths = tables.column_widths(yearly, kit, kit.scale.mm(170))
    inner = widths[1] - 2 * kit.scale.pt(tables.PAD_X_PT)
    lines = textflow.wrap(value.title, style.font("table_header"), kit, inner).texts
    assert lines == ("数值", "（吨标准煤/万元）")
    english = build(milestone_path, plan_code="MS", lang="en")
    heading = next(
        b
        for b in english.blocks
        if isinstance(b, Table) and b.columns[0].title == "Year" and "吨" in b.columns[1].title
    )
    assert heading.columns[1].title == "Value\n(吨标准煤/万元)"


def test_no_word_of_the_overview_table_is_broken_when_words_fit(
    demo_path: Path, tmp_path: Path, qapp: object
) -> None:
    """Fitted columns asked for their longest cell ("2021, prelim., old"); when all they asked
    for did not fit, every column shrank alike, into "Baselin/e", "Achieve/d", "T-ENERG/Y"."""
    from PySide6.QtGui import QPdfWriter

    from ljtracker.report import style, tables, textflow
    from ljtracker.report.flow import Kit
    from ljtracker.report.render import PageSetup

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(1200)
    writer.setPageLayout(PageSetup().page_layout())
    kit = Kit.for_device(writer)
    document = build(demo_path, plan_code="LJ2025", lang="en", as_of_year=2024)
    overview = overview_of(document)
    row = list(overview.rows[0])
    row[0] = Cell(row[0].text.replace("LJ-GDP", "T-ENERGY"))
    row[2] = Cell("吨标准煤/万元")
    overview = replace(overview, rows=(tuple(row), *overview.rows[1:]))
    width = kit.scale.mm(170)
    widths = tables.column_widths(overview, kit, width)
    assert sum(widths) == pytest.approx(width)
    pad, glyph = 2 * kit.scale.pt(tables.PAD_X_PT), tables._glyph_width(kit)
    for index, column in enumerate(overview.columns):
        words = [(column.title, style.font("table_header"), glyph if column.status else 0.0)]
        for cells in overview.rows:
            cell = cells[index]
            indent = glyph if cell.status is not None else 0.0
            words.append((cell.text, style.font("table", bold=cell.bold), indent))
            words.append((cell.detail, style.font("detail"), indent))
        for text, font, indent in words:
            least = textflow.longest_word_width(text, font, kit) + indent + pad
            assert widths[index] >= least - 1e-6, (column.title, text)


def test_an_amount_whose_unit_is_a_phrase_may_break_in_a_table(
    tmp_path: Path, qapp: object
) -> None:
    """'at least 1,200 亿元（当年价格，可比口径，含两路寸滩保税港区）' was kept on one line: its
    column's least width was 74 mm and every other column of the table was squeezed."""
    from PySide6.QtGui import QPdfWriter

    from ljtracker.domain.model import Comparator, Target
    from ljtracker.report import style, textflow
    from ljtracker.report.flow import Kit
    from ljtracker.report.render import PageSetup
    from ljtracker.report.target_sections import goal_short

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(1200)
    writer.setPageLayout(PageSetup().page_layout())
    kit = Kit.for_device(writer)
    long_unit = Target(
        1, "GDP", "地区生产总值", "GDP", "亿元（当年价格，可比口径，含两路寸滩保税港区）"
    )
    long_unit = replace(long_unit, comparator=Comparator.AT_LEAST, target_value=1200.0)
    short_unit = replace(long_unit, unit="亿元")
    least = [
        textflow.longest_word_width(goal_short(t, "en"), style.font("table"), kit) / kit.scale.mm(1)
        for t in (long_unit, short_unit)
    ]
    assert least[0] < 15  # mm: it breaks where Chinese may
    assert least[1] > 10  # "1,200 亿元" still kept whole


def test_unknown_plan_is_refused(demo_path: Path) -> None:
    with pytest.raises(ReportError, match="no plan with the code NOPE"):
        build(demo_path, plan_code="NOPE")


def test_a_year_before_the_plan_and_its_baselines_is_refused(demo_path: Path) -> None:
    with pytest.raises(
        ReportError,
        match=r"2010 is before plan LJ2025 \(2021–2025\) and its baselines; choose 2020",
    ):
        build(demo_path, plan_code="LJ2025", as_of_year=2010)
    assert build(demo_path, plan_code="LJ2025", as_of_year=2020)  # its baseline year is fine


def test_fingerprint_follows_the_figures_not_the_file(demo_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.ljt"
    copy.write_bytes(demo_path.read_bytes())
    before = build(demo_path, plan_code="LJ2025", as_of_year=2021).fingerprint
    assert build(copy, plan_code="LJ2025", as_of_year=2021).fingerprint == before
    assert build(demo_path, plan_code="LJ2025", as_of_year=2023).fingerprint == before
    with Workbook.open(copy) as wb:
        plan = reads.plan_by_code(wb, "LJ2025")
        assert plan is not None and plan.id is not None
        gdp = reads.target_by_code(wb, plan.id, "LJ-GDP")
        assert gdp is not None
        assert gdp.id is not None
        editing.set_observations(
            wb, [ObservationEntry(gdp.id, 2022, 4200.0)], ChangeName("Add 2022")
        )
    changed = build(copy, plan_code="LJ2025", as_of_year=2021).fingerprint
    assert changed != before and len(changed) == 12


def test_fingerprint_follows_the_order_of_targets_not_how_it_is_numbered(
    demo_path: Path, tmp_path: Path
) -> None:
    """An export imported into another workbook numbers areas and targets afresh: the same
    figures in the same order gave another fingerprint."""
    before = build(demo_path, plan_code="LJ2025").fingerprint
    copy = tmp_path / "copy.ljt"
    copy.write_bytes(demo_path.read_bytes())
    plan = "(SELECT id FROM plan WHERE code = 'LJ2025')"
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute(f"UPDATE target SET position = position * 3 + 7 WHERE plan_id = {plan}")
        conn.execute(f"UPDATE area SET position = position * 5 + 2 WHERE plan_id = {plan}")
    renumbered = build(copy, plan_code="LJ2025").fingerprint
    with conn:
        first, second = conn.execute(
            f"SELECT id, position FROM target WHERE plan_id = {plan} ORDER BY position LIMIT 2"
        ).fetchall()
        conn.execute("UPDATE target SET position = ? WHERE id = ?", (second[1], first[0]))
        conn.execute("UPDATE target SET position = ? WHERE id = ?", (first[1], second[0]))
    conn.close()
    assert renumbered == before
    assert build(copy, plan_code="LJ2025").fingerprint != before


def test_one_target_is_counted_in_the_singular(mixed_path: Path) -> None:
    on_track = frozenset({Status.ON_TRACK})
    document = build(mixed_path, plan_code="MIX", lang="en", as_of_year=2022, statuses=on_track)
    said = " ".join(b.text for b in document.blocks if isinstance(b, Paragraph))
    assert "This report covers 1 target," in said and "1 targets" not in said


def test_targets_follow_their_areas_as_in_the_navigator(mixed_path: Path) -> None:
    """T-LIM was added to Economy after Environment's targets; the report lists it with
    Economy's, and the target of no area (T-DOWN) after every area."""
    document = build(mixed_path, plan_code="MIX", lang="en")
    sections = [
        b.text.split()[0]
        for b in document.blocks
        if isinstance(b, Heading) and b.text.startswith("T-")
    ]
    assert sections == ["T-ACH", "T-ON", "T-LIM", "T-SLOW", "T-ACC", "T-NONE", "T-DOWN"]


def test_the_method_s_formulas_are_never_broken_across_lines(demo_path: Path) -> None:
    """'R = g_o /' ended one line and 'g_r' began the next."""
    text = build(demo_path, plan_code="LJ2025", lang="en", as_of_year=2023).text()
    assert kept_together("R = g_o / g_r") in text
    assert kept_together("g_r = (y_T / y_0)^(1/(T − t_0)) − 1") in text


def test_a_cover_title_does_not_end_on_a_line_of_one_character(
    tmp_path: Path, qapp: object
) -> None:
    """ "两江新区国民经济和社会发展第十五个五年规划纲" / "要" on the cover."""
    from PySide6.QtGui import QPdfWriter

    from ljtracker.report import style, textflow
    from ljtracker.report.flow import Kit
    from ljtracker.report.render import PageSetup

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(1200)
    writer.setPageLayout(PageSetup().page_layout())
    kit = Kit.for_device(writer)
    title = "两江新区国民经济和社会发展第十五个五年规划纲要"
    font = style.font("title")
    # the width at which the last character falls to a line of its own
    width = textflow.natural_width(title[:-1], font, kit) + 1
    assert textflow.wrap(title, font, kit, width).texts[-1] == "要"
    lines = textflow.balanced_wrap(title, font, kit, width).texts
    assert len(lines) == 2 and "".join(lines) == title
    assert min(len(line) for line in lines) >= len(title) // 2 - 1
    short = "两江新区规划"
    assert textflow.balanced_wrap(short, font, kit, width).texts == (short,)
    # a last line of some length keeps the breaks wrapping chose ("今后五年" stays whole)
    report = "重庆市2018年政府工作报告：今后五年主要目标（2018—2022年）"
    wide = textflow.natural_width("重庆市2018年政府工作报告：今后五年主要目标", font, kit) + 1
    assert textflow.balanced_wrap(report, font, kit, wide) == textflow.wrap(report, font, kit, wide)


def test_a_target_with_nothing_recorded_is_not_given_a_table_of_dashes(demo_path: Path) -> None:
    """LJ14-IND as of 2018: no baseline, no figure; its key figures were nine rows of "—"."""
    document = build(demo_path, plan_code="LJ2020", lang="en", as_of_year=2018)
    blocks = list(document.blocks)
    start = next(
        i for i, b in enumerate(blocks) if isinstance(b, Heading) and "LJ14-IND " in b.text
    )
    end = next(i for i, b in enumerate(blocks[start + 1 :], start + 1) if isinstance(b, Heading))
    section = blocks[start:end]
    said = [b.text for b in section if isinstance(b, Paragraph)]
    assert "No figures recorded up to 2018." in said and "Key figures" not in said
    assert not [b for b in section if isinstance(b, Table)]


def test_a_lone_first_figure_is_the_latest_in_the_key_figures_as_in_the_overview(
    demo_path: Path,
) -> None:
    """LJ-GDP-DIRECT has one figure, its baseline: the overview gave it as the latest figure
    and the key figures left it out."""
    blocks = list(build(demo_path, plan_code="LJ2025", lang="en").blocks)
    start = next(
        i for i, b in enumerate(blocks) if isinstance(b, Heading) and "LJ-GDP-DIRECT " in b.text
    )
    table = next(b for b in blocks[start:] if isinstance(b, Table))
    figures = {row[0].text: row[1] for row in table.rows}
    assert figures["Latest figure"].text == figures["Baseline"].text
    assert figures["Latest figure"].text.startswith("2,271")
    assert figures["Latest figure"].detail == "the baseline so far"  # said, as the window does


def test_a_lone_first_figure_of_the_target_year_is_not_given_a_projection(
    demo_path: Path,
) -> None:
    """CQ18-FOREST's one figure is of 2022, its target year: "Projected value for 2022" stood
    beside it as a plain dash."""
    blocks = list(build(demo_path, plan_code="CQ2022", lang="en").blocks)
    start = next(
        i for i, b in enumerate(blocks) if isinstance(b, Heading) and "CQ18-FOREST " in b.text
    )
    table = next(b for b in blocks[start:] if isinstance(b, Table))
    figures = {row[0].text: row[1] for row in table.rows}
    assert figures["Latest figure"].text.endswith("(2022, official)")
    assert figures["Projected value for 2022"].detail == "the target year has been reached"


def test_a_final_evaluation_projects_no_target_whose_years_figure_is_in(demo_path: Path) -> None:
    """ "2025年预计值 5,012.3亿元" stood among the key figures beside the 2025 figure itself."""
    record(demo_path, "LJ2025", "LJ-GDP", 2025, 5012.3)
    text = build(demo_path, plan_code="LJ2025", as_of_year=2025, lang="zh").text()
    gdp_key_figures = text[text.index("两江新区地区生产总值") :]
    after_key = gdp_key_figures.split("2025年预计值\n", 1)[1].splitlines()
    assert after_key[0] == "—"  # not 5,012.3亿元 again


def test_missed_targets_are_chosen_apart_from_the_not_assessable(demo_path: Path) -> None:
    """The summary counts a target whose year came unmet apart; choosing the statuses offered
    no such choice, and leaving out "Not assessable" left out the missed target too."""

    def chosen(statuses: frozenset[Shown], lang: str = "en") -> tuple[set[str], str]:
        document = build(demo_path, plan_code="LJ2020", lang=lang, statuses=statuses)
        cover = document.blocks[0]
        assert isinstance(cover, Cover)
        headings = [b for b in document.blocks if isinstance(b, Heading) and b.level == 2]
        label = "纳入本报告的指标" if lang == "zh" else "Targets in this report"
        return {h.text.split()[0] for h in headings}, dict(cover.facts)[label]

    codes, facts = chosen(frozenset({MISSED}))
    assert codes == {"LJ14-GDP"} and facts.endswith("(statuses: Missed)")
    codes, _ = chosen(frozenset(every_shown()) - {Status.NOT_ASSESSABLE})
    assert "LJ14-GDP" in codes and not codes & {"LJ14-IND", "LJ14-POP"}
    _, facts = chosen(frozenset({MISSED, Status.NOT_ASSESSABLE}), "zh")
    assert facts.endswith("（状态：到期未实现、无法评估）")


@pytest.mark.parametrize(("lang", "unchanged"), [("en", "unchanged"), ("zh", "保持不变")])
def test_a_flat_figure_is_said_unchanged_in_the_key_figures(
    demo_path: Path, lang: str, unchanged: str
) -> None:
    """LJ-SHARE-GDP, 15 % in 2020 and since: its key figures read "0.000000 % a year"."""
    document = build(demo_path, plan_code="LJ2025", lang=lang)
    cells = [
        row[1].text
        for table in document.blocks
        if isinstance(table, Table) and not table.header
        for row in table.rows
        if len(row) > 1
    ]
    assert unchanged in cells
    assert not [text for text in cells if "0.000000" in text]


@pytest.mark.parametrize(
    ("lang", "counted"),
    [("en", "Limited progress: 3; Missed: 1; Not"), ("zh", "进展有限3项；到期未实现1项；无法评估")],
)
def test_a_target_missed_is_counted_and_chosen_as_missed_whatever_its_pace(
    demo_path: Path, lang: str, counted: str
) -> None:
    """A final evaluation headlined LJ-GDP, 4,600 against at least 5,000 by 2025, by its pace
    ("Needs acceleration"), the miss a small mark beside it; the cover counted it among those
    needing acceleration, and choosing the missed targets chose none."""
    with Workbook.open(demo_path) as wb:
        plan = reads.plan_by_code(wb, "LJ2025")
        assert plan is not None and plan.id is not None
        gdp = reads.target_by_code(wb, plan.id, "LJ-GDP")
        assert gdp is not None and gdp.id is not None
        editing.set_observations(wb, [ObservationEntry(gdp.id, 2025, 4600.0)])
    final = {"plan_code": "LJ2025", "lang": lang, "as_of_year": 2025}
    document = build(demo_path, **final)
    cover = document.blocks[0]
    assert isinstance(cover, Cover)
    result = as_typed(dict(cover.facts)["评估结果" if lang == "zh" else "Result"])
    assert counted in result
    assert "按进度计入" not in result and "counted above" not in result
    chosen = build(demo_path, **final, statuses=frozenset({MISSED}))
    listed = [as_typed(row[0].text) for row in overview_of(chosen).rows]
    assert listed == ["LJ-GDP"]
