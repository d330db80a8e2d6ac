from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Comparator, Milestone, Plan, Quality, Target
from ljtracker.services import checks, clock, editing
from ljtracker.services.editing import EditError, ObservationEntry
from ljtracker.services.revision_text import area_names, describe_revision
from ljtracker.storage import reads
from ljtracker.storage.history import revisions_of_target
from ljtracker.storage.rows import area_to_row
from ljtracker.storage.workbook import Workbook, WorkbookError
from ljtracker.storage.writer import Entity


def gdp(wb: Workbook) -> Target:
    plan = reads.plan_by_code(wb, "LJ2025")
    assert plan is not None and plan.id is not None
    target = reads.target_by_code(wb, plan.id, "LJ-GDP")
    assert target is not None
    return target


def figures(wb: Workbook, target: Target) -> dict[int, float]:
    return {o.year: o.value for o in reads.observations(wb, [target.id or 0])}


def count(wb: Workbook, table: str) -> int:
    return int(wb.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_setting_a_figure_is_one_recorded_change(demo: Workbook) -> None:
    target = gdp(demo)
    changes = editing.set_observations(
        demo, [ObservationEntry(target.id or 0, 2022, 4400.0, Quality.PRELIMINARY, "work report")]
    )
    assert figures(demo, target)[2022] == 4400.0
    assert changes.target_ids == {target.id} and changes.years == {2022}
    history = revisions_of_target(demo, target.id or 0)
    assert history[0].action == "insert" and history[0].new is not None
    assert history[0].new["value"] == 4400.0 and history[0].user


def test_correction_records_old_and_new(demo: Workbook) -> None:
    target = gdp(demo)
    entry = ObservationEntry(target.id or 0, 2021, 4010.5, Quality.OFFICIAL, "communiqué")
    editing.set_observations(demo, [entry])
    latest = revisions_of_target(demo, target.id or 0)[0]
    assert latest.action == "update"
    assert latest.old is not None and latest.old["value"] == 4000.0
    assert latest.new is not None and latest.new["value"] == 4010.5


def test_unchanged_figure_records_nothing(demo: Workbook) -> None:
    target = gdp(demo)
    before = count(demo, "change")
    existing = reads.observations(demo, [target.id or 0])[0]
    entry = ObservationEntry(
        target.id or 0,
        existing.year,
        existing.value,
        existing.quality,
        existing.source,
        existing.note,
    )
    assert editing.set_observations(demo, [entry]).empty
    assert count(demo, "change") == before


def test_block_of_figures_is_all_or_nothing(demo: Workbook) -> None:
    target = gdp(demo)
    before = figures(demo, target)
    entries = [
        ObservationEntry(target.id or 0, 2022, 4400.0),
        ObservationEntry(target.id or 0, 1800, 1.0),
    ]
    with pytest.raises(EditError, match="1800"):
        editing.set_observations(demo, entries)
    assert figures(demo, target) == before


def test_undo_and_redo_through_revert(demo: Workbook) -> None:
    target = gdp(demo)
    before = figures(demo, target)
    change = editing.set_observations(
        demo,
        [
            ObservationEntry(target.id or 0, 2022, 4400.0),
            ObservationEntry(target.id or 0, 2021, 1.0),
        ],
    )
    assert change.change_id is not None
    undo = editing.revert(demo, change.change_id)
    assert figures(demo, target) == before
    assert undo.change_id is not None
    editing.revert(demo, undo.change_id)
    assert figures(demo, target) == {**before, 2022: 4400.0, 2021: 1.0}


def test_delete_target_and_undo_restores_its_figures(demo: Workbook) -> None:
    target = gdp(demo)
    before = figures(demo, target)
    change = editing.delete_target(demo, target.id or 0)
    assert reads.target_by_id(demo, target.id or 0) is None
    editing.revert(demo, change.change_id or 0)
    assert reads.target_by_id(demo, target.id or 0) == target
    assert figures(demo, target) == before


def test_delete_plan_and_undo(demo: Workbook) -> None:
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    targets_before = reads.targets(demo, plan.id)
    change = editing.delete_plan(demo, plan.id)
    assert reads.plan_by_code(demo, "LJ2025") is None
    assert demo.integrity_problems() == []
    editing.revert(demo, change.change_id or 0)
    assert reads.targets(demo, plan.id) == targets_before


def test_target_rules_are_enforced_with_clear_messages(demo: Workbook) -> None:
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    bad = Target(
        plan.id,
        "NEW",
        "新指标",
        "New",
        "%",
        comparator=Comparator.AT_LEAST,
        baseline_year=2022,
        baseline_value=1.0,
        target_year=2021,
        target_value=2.0,
        tolerance=1.0,
    )
    with pytest.raises(EditError) as info:
        editing.add_target(demo, bad)
    text = str(info.value)
    assert "must come after the baseline year" in text
    assert "tolerance is only for 'about'" in text
    assert "必须晚于基期年份" in info.value.message_zh
    duplicate = Target(plan.id, "LJ-GDP", "重复", "Duplicate", "亿元")
    with pytest.raises(EditError, match="already has a target with the code LJ-GDP"):
        editing.add_target(demo, duplicate)


def test_a_target_code_differing_only_in_case_is_refused(demo: Workbook) -> None:
    """A paste or an import naming lj-share-gdp would be refused as LJ-SHARE-GDP's twin."""
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    gdp = reads.target_by_code(demo, plan.id, "LJ-GDP")
    assert gdp is not None
    with pytest.raises(EditError) as info:
        editing.update_target(demo, replace(gdp, code="lj-share-gdp"))
    assert str(info.value).endswith(
        "the target code lj-share-gdp differs from LJ-SHARE-GDP only in case; choose another code"
    )
    assert "仅大小写不同" in info.value.message_zh
    with pytest.raises(EditError, match="differs from LJ-GDP only in case"):
        editing.add_target(demo, Target(plan.id, "Lj-Gdp", "重复", "Twin", "亿元"))
    assert reads.target_by_code(demo, plan.id, "LJ-GDP") == gdp  # nothing changed
    editing.update_target(demo, replace(gdp, code="LJ-GDP-TOTAL"))  # another code is taken
    # twins from before they were refused: each may still be edited, its code kept
    demo.close()
    with sqlite3.connect(demo.path) as older:  # as a workbook of an earlier version holds them
        older.execute("UPDATE target SET code = 'lj-share-gdp' WHERE code = 'LJ-GDP-TOTAL'")
    older.close()
    with Workbook.open(demo.path) as reopened:
        share = reads.target_by_code(reopened, plan.id, "LJ-SHARE-GDP")
        assert share is not None
        editing.update_target(reopened, replace(share, name_en="Share of Chongqing's GDP (%)"))


def test_a_code_s_own_capitals_can_be_put_right(demo: Workbook) -> None:
    """A target or plan renamed to its own code in other capitals was refused as differing
    from itself only in case: a capitalisation fix took two renames."""
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    gdp = reads.target_by_code(demo, plan.id, "LJ-GDP")
    assert gdp is not None and gdp.id is not None
    editing.update_target(demo, replace(gdp, code="Lj-Gdp"))
    assert {t.code for t in reads.targets(demo, plan.id)} >= {"Lj-Gdp", "LJ-SHARE-GDP"}
    editing.update_plan(demo, replace(plan, code="lj2025"))
    assert reads.plan_by_code(demo, "lj2025") is not None
    with pytest.raises(EditError, match="differs from LJ-SHARE-GDP only in case"):
        editing.update_target(demo, replace(gdp, code="lj-share-gdp"))  # another's still
    with pytest.raises(EditError, match="differs from LJ2020 only in case"):
        editing.update_plan(demo, replace(plan, code="lj2020"))


def test_a_revert_giving_back_a_code_another_now_has_in_other_capitals_is_refused(
    demo: Workbook,
) -> None:
    """A rename taken back after a code differing only in case was added gave the plan two
    such codes, which adding or renaming refuses and `check` reports."""
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    pop = reads.target_by_code(demo, plan.id, "LJ-POP")
    assert pop is not None
    renamed = editing.update_target(demo, replace(pop, code="LJ-PEOPLE"))
    editing.add_target(demo, Target(plan.id, "lj-pop", "人口", "People", "万人"))
    before = demo.conn.execute("SELECT count(*) FROM change").fetchone()
    with pytest.raises(EditError) as info:
        editing.revert_recorded(demo, renamed.change_id or 0, ChangeName("Revert"))
    assert str(info.value) == (
        f"change #{renamed.change_id} cannot be reverted: it would give back the target code"
        " LJ-POP, which differs from lj-pop only in case; rename lj-pop first"
    )
    assert "仅大小写不同" in info.value.message_zh
    assert demo.conn.execute("SELECT count(*) FROM change").fetchone() == before
    assert reads.target_by_code(demo, plan.id, "LJ-PEOPLE") is not None  # nothing changed
    assert checks.consistency(demo)[0] == []

    moved = editing.update_plan(demo, replace(plan, code="LJX"))
    editing.add_plan(demo, Plan("lj2025", "新规划", "A new plan", 2026, 2030))
    with pytest.raises(EditError, match="the plan code LJ2025, which differs from lj2025"):
        editing.revert_recorded(demo, moved.change_id or 0, ChangeName("Revert"))


def test_twins_from_before_they_were_refused_come_back_with_their_deleted_plan(
    demo: Workbook,
) -> None:
    """The plan's deletion could not be taken back: its twins, given back together, were
    refused as each other's, and the refusal named a code to rename inside the deleted plan."""
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    demo.conn.execute(  # as a workbook of an earlier version holds them
        "INSERT INTO target (plan_id, code, name_zh, name_en, unit, kind, position)"
        " SELECT plan_id, 'lj-pop', name_zh, name_en, unit, kind, 999 FROM target"
        " WHERE code = 'LJ-POP'"
    )
    demo.conn.commit()
    deleted = editing.delete_plan(demo, plan.id)
    editing.revert_recorded(demo, deleted.change_id or 0, ChangeName("Revert"))
    codes = {t.code for t in reads.targets(demo, plan.id)}
    assert {"LJ-POP", "lj-pop"} <= codes
    # one of them deleted, or renamed, and taken back: the other was there before
    for taken in ("deleted", "renamed"):
        pop = reads.target_by_code(demo, plan.id, "LJ-POP")
        assert pop is not None and pop.id is not None
        change = (
            editing.delete_target(demo, pop.id)
            if taken == "deleted"
            else editing.update_target(demo, replace(pop, code="LJ-PEOPLE"))
        )
        editing.revert_recorded(demo, change.change_id or 0, ChangeName("Revert"))
        assert reads.target_by_code(demo, plan.id, "LJ-POP") is not None, taken
    # undone in turn after the other twin was renamed and that taken back, or after the plan
    # was deleted and brought back: the twin's code is as it was when the change was made
    pop = reads.target_by_code(demo, plan.id, "LJ-POP")
    twin = reads.target_by_code(demo, plan.id, "lj-pop")
    assert pop is not None and pop.id is not None and twin is not None
    for between in ("renamed", "plan deleted"):
        deleted = editing.delete_target(demo, pop.id).change_id or 0
        later = (
            editing.update_target(demo, replace(twin, code="lj-pop2"))
            if between == "renamed"
            else editing.delete_plan(demo, plan.id)
        )
        editing.revert_recorded(demo, later.change_id or 0, ChangeName("Undo"))
        editing.revert_recorded(demo, deleted, ChangeName("Undo"))
        assert reads.target_by_code(demo, plan.id, "LJ-POP") is not None, between


def test_plan_code_is_unique(demo: Workbook) -> None:
    with pytest.raises(EditError, match="already exists"):
        editing.add_plan(demo, Plan("LJ2025", "重复", "Duplicate", 2021, 2025))


def test_reorder_targets(demo: Workbook) -> None:
    plan = reads.plan_by_code(demo, "CQ2022")
    assert plan is not None and plan.id is not None
    ids = [t.id or 0 for t in reads.targets(demo, plan.id)]
    changes = editing.move(demo, editing.Entity.TARGET, list(reversed(ids)), ChangeName("Reorder"))
    assert [t.id for t in reads.targets(demo, plan.id)] == list(reversed(ids))
    assert changes.structure


def test_after_a_deletion_a_move_records_only_the_targets_that_changed_place(
    demo: Workbook,
) -> None:
    plan = reads.plan_by_code(demo, "CQ2022")
    assert plan is not None and plan.id is not None
    first, *rest = reads.targets(demo, plan.id)
    assert first.id is not None
    editing.delete_target(demo, first.id)  # leaves a gap before the others' numbers
    ids = [t.id or 0 for t in rest]
    ids[-2], ids[-1] = ids[-1], ids[-2]  # the last moved up past the one before it
    editing.move(demo, editing.Entity.TARGET, ids, ChangeName("Move up"))

    assert [t.id for t in reads.targets(demo, plan.id)] == ids
    moved = {
        t.code: describe_revision(revisions_of_target(demo, t.id or 0)[0], "en")
        for t in rest
        if revisions_of_target(demo, t.id or 0)[0].name.en == "Move up"
    }
    assert moved == {
        rest[-1].code: "moved up the list",
        rest[-2].code: "moved down the list",
    }


def test_an_area_name_the_plan_already_has_is_refused(demo: Workbook) -> None:
    plan_id = gdp(demo).plan_id
    first = reads.areas(demo, plan_id)[0]
    before = count(demo, "area")
    with pytest.raises(EditError) as same_chinese:
        editing.add_area(demo, replace(first, id=None, name_en="Another"))
    assert [p.field for p in same_chinese.value.problems] == ["name_zh"]
    assert first.name_zh in same_chinese.value.message_zh
    with pytest.raises(EditError) as same_english:
        editing.add_area(
            demo, replace(first, id=None, name_zh="另一个", name_en=first.name_en.upper())
        )
    assert [p.field for p in same_english.value.problems] == ["name_en"]
    assert count(demo, "area") == before
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in first.name_en)
    for alike in (wide, first.name_en.replace(" ", "  ")):  # an import reads these as the same
        with pytest.raises(EditError):
            editing.add_area(demo, replace(first, id=None, name_zh="另一个", name_en=alike))
    editing.update_area(demo, replace(first, name_en=first.name_en + " (renamed)"))  # itself: fine
    editing.add_area(demo, replace(first, id=None, name_zh="另一个", name_en="Another"))
    assert count(demo, "area") == before + 1


def test_an_area_that_already_shares_a_name_can_still_be_renamed(demo: Workbook) -> None:
    first = reads.areas(demo, gdp(demo).plan_id)[0]
    with demo.change(
        ChangeName("an older workbook's twin areas")
    ) as w:  # allowed before names were checked
        w.insert(Entity.AREA, area_to_row(replace(first, id=None, name_en="Twin")))
    editing.update_area(demo, replace(first, name_en="Renamed"))  # its Chinese name is unchanged
    assert reads.areas(demo, first.plan_id)[0].name_en == "Renamed"


def test_a_figure_of_a_year_still_to_come_is_refused(demo: Workbook) -> None:
    target = gdp(demo)
    assert target.id is not None
    now = clock.this_year()
    next_year = now + 1
    before = count(demo, "revision")
    block = [ObservationEntry(target.id, 2022, 4500.0), ObservationEntry(target.id, next_year, 9e3)]
    with pytest.raises(EditError) as refused:
        editing.set_observations(demo, block)
    assert str(refused.value) == (
        f"LJ-GDP {next_year}: the year has not come yet (this is {now}); a figure of a"
        " year to come is a forecast, not an actual figure"
    )
    assert refused.value.message_zh == (
        f"LJ-GDP {next_year}年：该年份尚未到来（今年是{now}年），未来年份的数值是预测，不是实际数据"
    )
    assert count(demo, "revision") == before  # nothing of the block was written
    editing.set_observations(demo, [ObservationEntry(target.id, now, 4900.0)])
    assert figures(demo, target)[now] == 4900.0  # this year's figure is taken


def test_a_baseline_year_still_to_come_is_refused_unless_kept_as_it_was(demo: Workbook) -> None:
    """A baseline is an actual figure: one of a year to come is a forecast, judged as actual."""
    now = clock.this_year()
    target = replace(gdp(demo), baseline_year=now + 1, target_year=now + 4)
    with pytest.raises(EditError) as refused:
        editing.update_target(demo, target)
    assert f"the baseline year {now + 1} has not come yet (this is {now})" in str(refused.value)
    assert f"基期年份 {now + 1} 尚未到来" in refused.value.message_zh
    assert gdp(demo).baseline_year == 2020
    # written before the rule (or by another program): other edits of the target still go
    demo.conn.execute(
        "UPDATE target SET baseline_year = ?, target_year = ? WHERE id = ?",
        [now + 1, now + 4, target.id],
    )
    demo.conn.commit()
    editing.update_target(demo, replace(target, name_en="GDP of the new area"))
    assert gdp(demo).name_en == "GDP of the new area"
    with pytest.raises(EditError) as new_value:  # a new value: a new forecast
        editing.update_target(demo, replace(gdp(demo), baseline_value=3800.0))
    assert [p.field for p in new_value.value.problems] == ["baseline_value"]
    assert "a new baseline value for it would be a forecast" in str(new_value.value)
    with pytest.raises(EditError) as cleared:  # no value: only that it needs one
        editing.update_target(demo, replace(gdp(demo), baseline_value=None))
    assert "has not come yet" not in str(cleared.value)
    (fault,) = [p for p in checks.consistency(demo)[0] if "baseline year" in p]
    assert fault.startswith(f"plan LJ2025, target LJ-GDP: the baseline year {now + 1} has")
    assert "has not come yet" in fault


def test_a_figure_past_the_natural_limit_is_refused_with_its_target_and_year(
    demo: Workbook,
) -> None:
    share = replace(gdp(demo), code="LJ-SHARE", unit="%", natural_limit=100.0)
    share = replace(share, baseline_value=15.0, target_value=20.0, milestones=(), id=None)
    tid = next(iter(editing.add_target(demo, share).target_ids))
    before = count(demo, "revision")
    block = [ObservationEntry(tid, 2023, 18.5), ObservationEntry(tid, 2024, 185.0)]
    with pytest.raises(EditError) as refused:
        editing.set_observations(demo, block)
    assert str(refused.value) == (
        "LJ-SHARE 2024: value 185 is above the indicator's natural limit of 100"
    )
    assert refused.value.message_zh == "LJ-SHARE 2024年：数值 185 超出该指标的自然上限 100"
    assert count(demo, "revision") == before  # nothing of the block was written
    editing.set_observations(demo, [ObservationEntry(tid, 2024, 100.0)])  # at the limit: fine

    too_high = replace(share, id=tid, target_value=120.0)
    with pytest.raises(EditError, match="target value 120 is above the indicator's natural"):
        editing.update_target(demo, too_high)


def test_a_limit_that_recorded_figures_pass_is_refused_and_kept_figures_stay_editable(
    demo: Workbook,
) -> None:
    share = replace(gdp(demo), code="LJ-SHARE", unit="%", natural_limit=None, milestones=())
    share = replace(share, baseline_value=15.0, target_value=20.0, id=None)
    tid = next(iter(editing.add_target(demo, share).target_ids))
    editing.set_observations(
        demo, [ObservationEntry(tid, 2021, 25.0), ObservationEntry(tid, 2022, 26.0)]
    )
    target = reads.target_by_id(demo, tid)
    assert target is not None
    with pytest.raises(EditError) as refused:
        editing.update_target(demo, replace(target, natural_limit=20.0))
    assert str(refused.value) == "recorded figures pass a natural limit of 20: 2021 (25), 2022 (26)"
    assert refused.value.problems[0].field == "natural_limit"  # shown at the limit's field
    with pytest.raises(EditError, match="a natural limit of 0 would allow no value but 0"):
        editing.update_target(demo, replace(target, natural_limit=0.0))

    # a workbook where figures already pass a limit (set before limits were enforced)
    demo.conn.execute("UPDATE target SET natural_limit = 20 WHERE id = ?", [tid])
    noted = ObservationEntry(tid, 2021, 25.0, Quality.OFFICIAL, "", "revised later")
    editing.set_observations(demo, [noted])  # its value kept: the note is taken
    with pytest.raises(EditError, match="value 27 is above the indicator's natural limit of 20"):
        editing.set_observations(demo, [ObservationEntry(tid, 2021, 27.0)])
    with pytest.raises(EditError, match="value -21 is below the indicator's natural limit of -20"):
        editing.set_observations(demo, [ObservationEntry(tid, 2023, -21.0)])


def test_a_milestone_past_the_natural_limit_is_refused(demo: Workbook) -> None:
    """A milestone of 150 % was taken: the planned path ran up to 150 and the target read
    "limited progress" against it."""
    share = replace(gdp(demo), code="LJ-FOREST", unit="%", natural_limit=100.0, id=None)
    share = replace(share, baseline_value=42.0, target_value=45.0, milestones=())
    tid = next(iter(editing.add_target(demo, share).target_ids))
    target = reads.target_by_id(demo, tid)
    assert target is not None
    with pytest.raises(EditError) as refused:
        editing.update_target(demo, replace(target, milestones=(Milestone(2023, 150.0),)))
    assert (
        str(refused.value) == "the 2023 milestone 150 is above the indicator's natural limit of 100"
    )
    assert refused.value.problems[0].message_zh == "2023年阶段目标 150 超出该指标的自然上限 100"
    assert refused.value.problems[0].field == "milestones"
    editing.update_target(demo, replace(target, milestones=(Milestone(2023, 44.0),)))


def test_a_change_on_a_full_disk_says_so_in_either_language(demo: Workbook) -> None:
    """It said "database or disk is full", SQLite's English, in the Chinese message too."""
    target = gdp(demo)
    (pages,) = demo.conn.execute("PRAGMA page_count").fetchone()
    demo.conn.execute(f"PRAGMA max_page_count = {pages}")  # the file cannot grow: as a full disk
    entries = [ObservationEntry(target.id or 0, 2022, 4400.0, Quality.OFFICIAL, "x" * 2000)]
    with pytest.raises(WorkbookError) as refused:
        for year in range(2022, 2027):
            entries[0] = replace(entries[0], year=year)
            editing.set_observations(demo, entries)
    assert refused.value.message_zh.endswith(
        "更改未能保存（磁盘空间不足，请清理该磁盘的空间后重试）"
    )
    assert str(refused.value).endswith(
        "the change was not saved (the disk is full; free some space on that disk and try again)"
    )


def test_a_target_added_after_one_deleted_starts_a_history_of_its_own(demo: Workbook) -> None:
    """The new target took the deleted one's number: its history listed the deleted target's
    figures and deletion, and undoing that deletion was refused as followed by changes to
    the same rows."""
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    editing.add_target(demo, Target(plan.id, "LJ-OLD", "旧指标", "Old", "%"))
    old = reads.target_by_code(demo, plan.id, "LJ-OLD")
    assert old is not None and old.id is not None
    entry = ObservationEntry(old.id, 2022, 12.5, Quality.OFFICIAL, "old source")
    editing.set_observations(demo, [entry])
    deleted = editing.delete_target(demo, old.id).change_id
    assert deleted is not None
    editing.add_target(demo, Target(plan.id, "LJ-NEW", "新指标", "New", "%"))
    new = reads.target_by_code(demo, plan.id, "LJ-NEW")
    assert new is not None and new.id is not None and new.id != old.id
    editing.set_observations(demo, [ObservationEntry(new.id, 2023, 30.0, Quality.OFFICIAL)])

    history = revisions_of_target(demo, new.id)
    assert [(r.entity, r.action) for r in history] == [
        (Entity.OBSERVATION, "insert"),
        (Entity.TARGET, "insert"),
    ]
    assert all("old source" not in str(r.new) for r in history)
    editing.revert(demo, deleted)  # the deletion undone: both targets, each with its figure
    assert figures(demo, reads.target_by_id(demo, old.id)) == {2022: 12.5}  # type: ignore[arg-type]
    assert figures(demo, new) == {2023: 30.0}


def test_undoing_and_redoing_undos_and_redos_names_the_step_not_a_pile_of_them(
    demo: Workbook,
) -> None:
    """Reverting a redo from the history was called "Redo: Undo: Set the 2022 figure…";
    undoing a redo, "Undo: Redo: …"."""
    from ljtracker.domain import change_names as names

    gdp = demo.conn.execute("SELECT id FROM target WHERE code = 'LJ-GDP'").fetchone()[0]
    entered = editing.set_observations(demo, [ObservationEntry(gdp, 2022, 4100.0)])
    what = names.set_figure("LJ-GDP", 2022)
    undone = editing.undo_recorded(demo, entered.change_id, names.undo(what))
    redo = editing.revert_name(demo, undone.change_id)
    assert redo.en == "Redo: Set the 2022 figure of LJ-GDP" and redo.zh.startswith("重做：")
    redone = editing.revert_recorded(demo, undone.change_id, redo)
    again = editing.revert_name(demo, redone.change_id)  # reverting the redo undoes it again
    assert again.en == "Undo: Set the 2022 figure of LJ-GDP" and again.zh.startswith("撤销：设置")
    assert names.undo(redo) == names.undo(what)
    assert names.undo(names.undo(what)) == names.redo(what)
    assert names.redo(names.redo(what)) == names.redo(what)


def test_a_target_given_another_area_comes_last_in_it(demo: Workbook) -> None:
    """It kept its place in the plan's order, so it landed anywhere among its new area's
    targets, to be moved into place by hand."""
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    targets = reads.targets(demo, plan.id)
    by_area: dict[int | None, list[str]] = {}
    for target in targets:
        by_area.setdefault(target.area_id, []).append(target.code)
    area, codes = max(by_area.items(), key=lambda item: len(item[1]))
    last = max(t.position for t in targets if t.area_id == area)
    incoming = next(t for t in targets if t.area_id not in (area, None) and t.position < last)
    editing.update_target(demo, replace(incoming, area_id=area))
    after = [t.code for t in reads.targets(demo, plan.id) if t.area_id == area]
    assert after == [*codes, incoming.code]


def test_a_target_s_history_words_its_comparator_as_the_window_does(demo: Workbook) -> None:
    """English read "comparator: at_least → about", the template's codes."""
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    gdp = reads.target_by_code(demo, plan.id, "LJ-GDP")
    assert gdp is not None and gdp.id is not None and gdp.comparator is Comparator.AT_LEAST
    editing.update_target(demo, replace(gdp, comparator=Comparator.ABOUT, tolerance=100.0))
    described = describe_revision(revisions_of_target(demo, gdp.id)[0], "en")
    assert "comparator: at least → about" in described


def test_a_target_s_history_names_an_area_since_deleted(demo: Workbook) -> None:
    """It read "area: an area since deleted → —", though the change held the area's name."""
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    gdp = reads.target_by_code(demo, plan.id, "LJ-GDP")
    assert gdp is not None and gdp.id is not None and gdp.area_id is not None
    (area,) = [a for a in reads.areas(demo, plan.id) if a.id == gdp.area_id]
    editing.delete_area(demo, gdp.area_id)
    revision = revisions_of_target(demo, gdp.id)[0]
    for lang, name in (("en", area.name_en), ("zh", area.name_zh)):
        shown = describe_revision(revision, lang, area_names(demo, lang))
        assert shown.endswith(f"{name} → —"), shown
