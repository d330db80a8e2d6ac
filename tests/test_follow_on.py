"""A plan that follows another: the same areas and indicators, measured from its figures."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ljtracker.cli import main
from ljtracker.domain.model import Direction, Plan, Quality
from ljtracker.services import editing
from ljtracker.services.editing import EditError, ObservationEntry
from ljtracker.services.follow_on import follow_on_plan
from ljtracker.storage import reads
from ljtracker.storage.history import revisions_of_change
from ljtracker.storage.workbook import Workbook

NEXT = Plan("LJ2030", "两江新区“十五五”规划", "Liangjiang 15th plan", 2026, 2030)


def lj2025(wb: Workbook) -> int:
    plan = reads.plan_by_code(wb, "LJ2025")
    assert plan is not None and plan.id is not None
    return plan.id


def test_the_next_plan_starts_from_the_earlier_plans_areas_indicators_and_figures(
    demo: Workbook,
) -> None:
    earlier = lj2025(demo)
    gdp = next(t for t in reads.targets(demo, earlier) if t.code == "LJ-GDP")
    assert gdp.id is not None
    editing.set_observations(
        demo, [ObservationEntry(gdp.id, 2025, 4980.0, Quality.PRELIMINARY, "Bulletin", "")]
    )
    changes = follow_on_plan(demo, earlier, NEXT)
    plan = reads.plan_by_code(demo, "LJ2030")
    assert plan is not None and plan.id is not None and changes.plan_ids == {plan.id}
    old_areas = [(a.name_zh, a.name_en) for a in reads.areas(demo, earlier)]
    assert [(a.name_zh, a.name_en) for a in reads.areas(demo, plan.id)] == old_areas
    carried = reads.targets(demo, plan.id)
    assert [t.code for t in carried] == [t.code for t in reads.targets(demo, earlier)]
    new_gdp = next(t for t in carried if t.code == "LJ-GDP")
    assert new_gdp.is_monitoring and new_gdp.direction is Direction.INCREASE
    assert (new_gdp.baseline_year, new_gdp.baseline_value) == (2025, 4980.0)
    assert (new_gdp.baseline_quality, new_gdp.baseline_source) == (Quality.PRELIMINARY, "Bulletin")
    areas = {a.id: a.name_zh for a in reads.areas(demo, plan.id)}
    assert areas[new_gdp.area_id] == "科技创新中心与实体经济、先进制造业"
    pop = next(t for t in carried if t.code == "LJ-POP")
    assert pop.baseline_year is None  # no 2025 figure: the new plan's first one will serve
    assert reads.observations(demo, [t.id for t in carried if t.id]) == []  # figures stay


def test_the_next_plan_is_one_change_and_one_undo(demo: Workbook) -> None:
    changes = follow_on_plan(demo, lj2025(demo), NEXT)
    (change_id,) = {r.change_id for r in revisions_of_change(demo, changes.change_id or 0)}
    editing.revert(demo, change_id)
    assert reads.plan_by_code(demo, "LJ2030") is None
    assert len(reads.plans(demo)) == 4


def test_a_code_in_use_is_refused_and_nothing_is_written(demo: Workbook) -> None:
    before = len(reads.targets(demo))
    with pytest.raises(EditError, match="a plan with the code LJ2025 already exists"):
        follow_on_plan(demo, lj2025(demo), Plan("LJ2025", "x", "x", 2026, 2030))
    assert len(reads.targets(demo)) == before


def test_a_period_that_does_not_start_after_the_earlier_plan_is_refused(demo: Workbook) -> None:
    overlapping = Plan("LJ2028", "x", "x", 2024, 2028)
    with pytest.raises(EditError, match="the plan after LJ2025 starts after 2025"):
        follow_on_plan(demo, lj2025(demo), overlapping)
    assert reads.plan_by_code(demo, "LJ2028") is None


def test_a_plan_code_in_another_case_is_refused(demo: Workbook) -> None:
    with pytest.raises(EditError, match="lj2030 differs from LJ2030 only in case"):
        follow_on_plan(demo, lj2025(demo), NEXT)
        follow_on_plan(demo, lj2025(demo), replace(NEXT, code="lj2030"))
    with pytest.raises(EditError, match="lj2025 differs from LJ2025 only in case"):
        editing.add_plan(demo, replace(NEXT, code="lj2025"))


def test_next_plan_on_the_command_line(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["next-plan", str(demo_path), "CQ2022", "CQ2027"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Added plan CQ2027 (2023–2027) with the 6 indicators of CQ2022;")
    with Workbook.open(demo_path, read_only=True) as wb:
        plan = reads.plan_by_code(wb, "CQ2027")
        assert plan is not None and (plan.start_year, plan.end_year) == (2023, 2027)
        assert len(reads.targets(wb, plan.id)) == 6
    assert main(["next-plan", str(demo_path), "LJ2025", "LJ2030", "--start", "2024"]) == 1
    assert "starts after 2025" in capsys.readouterr().err
    assert main(["next-plan", str(demo_path), "LJ2025", "LJ2030", "--end", "20x0"]) == 1
    assert '"20x0" is not a year' in capsys.readouterr().err
    args = ["next-plan", str(demo_path), "LJ2025", "LJ2030", "--lang", "zh"]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("已添加规划 LJ2030（2026—2030年）")


def test_next_plan_says_which_figures_of_its_period_the_earlier_plan_holds(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 2026 figure recorded in LJ2025 before LJ2030 existed does not count in LJ2030."""
    path = str(demo_path)
    assert main(["record", path, "LJ2025", "LJ-SHARE-FDI", "2026", "31"]) == 0
    capsys.readouterr()
    assert main(["next-plan", path, "LJ2025", "LJ2030"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "LJ2025 also holds figures after 2025 (LJ-SHARE-FDI 2026); they stay with it and do"
        " not count in LJ2030: record them in LJ2030 if they belong to it."
    )


def test_check_notes_a_carried_baseline_the_earlier_plan_has_revised_or_now_has(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(demo_path)
    assert main(["next-plan", path, "LJ2025", "LJ2030"]) == 0  # no 2025 figure yet: none
    assert main(["next-plan", path, "CQ2022", "CQ2027"]) == 0
    with Workbook.open(demo_path, read_only=True) as wb:
        plan = reads.plan_by_code(wb, "CQ2027")
        assert plan is not None
        carried = {t.code: t for t in reads.targets(wb, plan.id)}
    assert carried["CQ18-URB"].baseline_value == 70.96  # its 2022 figure
    assert main(["record", path, "LJ2025", "LJ-GDP", "2025", "4950"]) == 0
    with Workbook.open(demo_path) as wb:  # set by hand (from the plan's text, say)
        editing.update_target(wb, replace(carried["CQ18-URB"], baseline_value=70.9))
    capsys.readouterr()
    assert main(["check", path]) == 0  # notes, not problems
    out = capsys.readouterr().out
    assert (
        "Note: plan LJ2030, target LJ-GDP: no baseline, while plan LJ2025's 2025 figure of"
        " LJ-GDP (4,950) is in; it can be set as the baseline"
    ) in out
    assert (
        "Note: plan CQ2027, target CQ18-URB: the baseline 70.9 (2022) differs from plan"
        " CQ2022's 2022 figure of CQ18-URB (70.96); revised since?"
    ) in out


def _next_plan_from_a_2025_figure(wb: Workbook) -> tuple[int, int]:
    """LJ-GDP's 2025 figure in (4,980, preliminary), then LJ2030 made from it: the ids of
    LJ-GDP in LJ2025 and in LJ2030."""
    earlier = lj2025(wb)
    gdp = reads.target_by_code(wb, earlier, "LJ-GDP")
    assert gdp is not None and gdp.id is not None
    entry = ObservationEntry(gdp.id, 2025, 4980.0, Quality.PRELIMINARY, "Bulletin", "")
    editing.set_observations(wb, [entry])
    follow_on_plan(wb, earlier, NEXT)
    plan = reads.plan_by_code(wb, "LJ2030")
    assert plan is not None and plan.id is not None
    carried = reads.target_by_code(wb, plan.id, "LJ-GDP")
    assert carried is not None and carried.id is not None
    return gdp.id, carried.id


def _baseline(wb: Workbook, target_id: int) -> tuple[object, ...]:
    target = reads.target_by_id(wb, target_id)
    assert target is not None
    return (
        target.baseline_year,
        target.baseline_value,
        target.baseline_quality,
        target.baseline_source,
    )


def test_a_revised_figure_takes_the_baseline_carried_from_it_along(demo: Workbook) -> None:
    """The official 2025 figure comes after the next plan was started from the preliminary
    one: both plans now measure from it, in one change, undone as one."""
    gdp, carried = _next_plan_from_a_2025_figure(demo)
    entry = ObservationEntry(gdp, 2025, 5012.5, Quality.OFFICIAL, "Yearbook 2026", "")
    changes = editing.set_observations(demo, [entry])
    assert _baseline(demo, carried) == (2025, 5012.5, Quality.OFFICIAL, "Yearbook 2026")
    (following,) = changes.followed_baselines
    assert following.text("en") == (
        "LJ2030 LJ-GDP: its 2025 baseline, carried from LJ2025's figure of that year, follows"
        " its revision: 5,012.5 亿元 (official, Yearbook 2026), was 4,980 亿元 (preliminary,"
        " Bulletin)"
    )
    assert following.text("zh") == (
        "LJ2030 LJ-GDP：2025年基期值取自 LJ2025 的该年数据，随其修订改为"
        " 5,012.5亿元（正式，Yearbook 2026），原为 4,980亿元（初步，Bulletin）"
    )
    assert carried in changes.target_ids
    editing.revert(demo, changes.change_id or 0)
    assert _baseline(demo, carried) == (2025, 4980.0, Quality.PRELIMINARY, "Bulletin")


def test_a_baseline_set_otherwise_does_not_follow(demo: Workbook) -> None:
    gdp, carried = _next_plan_from_a_2025_figure(demo)
    target = reads.target_by_id(demo, carried)
    assert target is not None
    editing.update_target(demo, replace(target, baseline_value=4975.0))  # the plan's own text
    changes = editing.set_observations(demo, [ObservationEntry(gdp, 2025, 5012.5)])
    assert changes.followed_baselines == ()
    assert _baseline(demo, carried)[1] == 4975.0
    other_year = editing.set_observations(demo, [ObservationEntry(gdp, 2024, 4600.0)])
    assert other_year.followed_baselines == ()  # not the earlier plan's last year


def test_recording_a_revision_says_the_next_plans_baseline_follows(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(demo_path)
    preliminary = ["--quality", "preliminary"]
    assert main(["record", path, "LJ2025", "LJ-GDP", "2025", "4980", *preliminary]) == 0
    assert main(["next-plan", path, "LJ2025", "LJ2030"]) == 0
    capsys.readouterr()
    assert main(["record", path, "LJ2025", "LJ-GDP", "2025", "5012.5"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "LJ-GDP 2025: 5,012.5 亿元 (official) recorded, replacing 4,980 亿元 (preliminary)",
        "LJ2030 LJ-GDP: its 2025 baseline, carried from LJ2025's figure of that year, follows"
        " its revision: 5,012.5 亿元 (official), was 4,980 亿元 (preliminary)",
    ]
    assert main(["check", path]) == 0
    assert "revised since?" not in capsys.readouterr().out


def test_check_notes_a_carried_baseline_whose_figure_was_taken_back(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The 2025 figure imported, the next plan started from it, then the import reverted."""
    path = str(demo_path)
    assert main(["record", path, "LJ2025", "LJ-GDP", "2025", "4876.5"]) == 0
    assert main(["next-plan", path, "LJ2025", "LJ2030"]) == 0
    assert main(["revert", path, "2"]) == 0  # change #2, the record (#1 made the demo)
    capsys.readouterr()
    assert main(["check", path]) == 0  # a note, not a problem
    assert (
        "Note: plan LJ2030, target LJ-GDP: the baseline 4,876.5 (2025) has no 2025 figure"
        " beside it in plan LJ2025, the one before; taken back since, or never entered there?"
    ) in capsys.readouterr().out


def test_check_does_not_look_for_a_baseline_in_plans_before_the_one_before(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(demo_path)
    assert main(["record", path, "LJ2025", "LJ-GDP", "2025", "4876.5"]) == 0
    assert main(["next-plan", path, "LJ2025", "P26", "--start", "2026", "--end", "2026"]) == 0
    assert main(["record", path, "P26", "LJ-GDP", "2026", "5100"]) == 0
    assert main(["next-plan", path, "P26", "P27", "--start", "2027", "--end", "2030"]) == 0
    capsys.readouterr()
    assert main(["check", path]) == 0
    assert "taken back since" not in capsys.readouterr().out  # LJ2025 ended before 2026


def test_a_baseline_that_cannot_follow_says_why_and_stays(demo: Workbook) -> None:
    gdp, carried = _next_plan_from_a_2025_figure(demo)
    target = reads.target_by_id(demo, carried)
    assert target is not None
    editing.update_target(demo, replace(target, natural_limit=5000.0))
    changes = editing.set_observations(demo, [ObservationEntry(gdp, 2025, 5012.5)])
    (following,) = changes.followed_baselines
    assert following.text("en").startswith(
        "LJ2030 LJ-GDP: its 2025 baseline, carried from LJ2025's figure of that year, stays"
        " 4,980 亿元 (preliminary, Bulletin), though the figure is now 5,012.5 亿元 (official, —):"
    )
    assert _baseline(demo, carried)[1] == 4980.0


def test_a_baseline_of_the_planners_own_source_stays(demo: Workbook) -> None:
    gdp, carried = _next_plan_from_a_2025_figure(demo)
    target = reads.target_by_id(demo, carried)
    assert target is not None
    editing.update_target(demo, replace(target, baseline_source="The plan's own text"))
    changes = editing.set_observations(demo, [ObservationEntry(gdp, 2025, 5012.5)])
    assert changes.followed_baselines == ()
    assert _baseline(demo, carried)[1:] == (4980.0, Quality.PRELIMINARY, "The plan's own text")


def test_a_plan_starting_later_follows_the_figure_it_started_from(demo: Workbook) -> None:
    """Started in 2027, the next plan took LJ2025's 2026 figure as its baseline."""
    earlier = lj2025(demo)
    gdp = reads.target_by_code(demo, earlier, "LJ-GDP")
    assert gdp is not None and gdp.id is not None
    editing.set_observations(demo, [ObservationEntry(gdp.id, 2026, 5100.0, Quality.PRELIMINARY)])
    follow_on_plan(demo, earlier, replace(NEXT, start_year=2027, end_year=2031))
    changes = editing.set_observations(demo, [ObservationEntry(gdp.id, 2026, 5150.0)])
    (following,) = changes.followed_baselines
    assert following.plan.code == "LJ2030" and following.problem is None
    assert _baseline(demo, following.target.id or 0)[:3] == (2026, 5150.0, Quality.OFFICIAL)


def test_changes_name_the_plan_when_two_plans_share_a_target_code(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After a next plan, LJ-GDP is both plans' indicator: "Set the 2026 figure of LJ-GDP"
    did not say which one, and which change to revert was a guess."""
    assert main(["next-plan", str(demo_path), "LJ2025", "LJ2030"]) == 0
    assert main(["record", str(demo_path), "LJ2030", "LJ-GDP", "2026", "5,300"]) == 0
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2024", "4,900"]) == 0
    capsys.readouterr()
    assert main(["changes", str(demo_path), "--last", "3"]) == 0
    names = [line.split("\t")[3] for line in capsys.readouterr().out.splitlines()]
    assert names == [
        "Set the 2024 figure of LJ-GDP (LJ2025)",
        "Set the 2026 figure of LJ-GDP (LJ2030)",
        "Add plan LJ2030 after LJ2025",  # its plans named already
    ]
    assert main(["changes", str(demo_path), "--last", "1", "--lang", "zh"]) == 0
    assert "设置 LJ-GDP 的 2024年数据（LJ2025）" in capsys.readouterr().out


@pytest.mark.usefixtures("ids_used_again")
def test_changes_name_the_plan_a_change_wrote_in_then_not_the_one_holding_its_number_now(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deleted target's number goes to the next target added, in another plan: its old
    changes were named after that plan."""
    assert main(["record", str(demo_path), "LJ2020", "LJ14-POP", "2019", "400"]) == 0
    with Workbook.open(demo_path) as wb:
        old = reads.plan_by_code(wb, "LJ2020")
        other = reads.plan_by_code(wb, "CQ2022")
        assert old is not None and other is not None
        gone = reads.target_by_code(wb, old.id or 0, "LJ14-POP")
        assert gone is not None and gone.id == max(t.id or 0 for t in reads.targets(wb))
        editing.delete_target(wb, gone.id)
        new = replace(reads.targets(wb, other.id)[0], id=None, code="NEW-T")
        editing.add_target(wb, new)
        assert reads.target_by_code(wb, other.id or 0, "NEW-T").id == gone.id  # type: ignore[union-attr]
    capsys.readouterr()
    assert main(["changes", str(demo_path), "--last", "3"]) == 0
    names = [line.split("\t")[3] for line in capsys.readouterr().out.splitlines()]
    assert names == [
        "Add target NEW-T (CQ2022)",
        "Delete target LJ14-POP (LJ2020)",
        "Set the 2019 figure of LJ14-POP (LJ2020)",
    ]
