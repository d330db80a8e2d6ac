"""Figures ten times (or a tenth of) the one before them, pointed out where they are entered."""

from __future__ import annotations

from dataclasses import replace

from ljtracker.domain.model import Comparator, Plan, Target
from ljtracker.services import editing
from ljtracker.services.editing import ObservationEntry
from ljtracker.services.figure_jumps import jump_between, jumps, may_jump
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook


def test_a_figure_is_compared_with_the_nearest_before_it_the_baseline_among_them() -> None:
    """A figure of 2010, before the plan's 2020 baseline, was the one compared with: 500 in
    2021 read as fifty times 10, though it is five times the baseline of 100."""
    wb = Workbook.in_memory()
    editing.add_plan(wb, Plan("P", "规划", "Plan", 2021, 2025))
    plan = reads.plan_by_code(wb, "P")
    assert plan is not None and plan.id is not None
    editing.add_target(
        wb,
        Target(
            plan.id,
            "T",
            "指标",
            "Indicator",
            "亿元",
            comparator=Comparator.AT_LEAST,
            baseline_year=2020,
            baseline_value=100.0,
            target_year=2025,
            target_value=200.0,
        ),
    )
    target = reads.targets(wb, plan.id)[0]
    assert target.id is not None
    editing.set_observations(wb, [ObservationEntry(target.id, 2010, 10.0)])
    assert jumps(wb, [(target, 2021, 500.0)]) == []
    (jump,) = jumps(wb, [(target, 2021, 1500.0)])
    assert (jump.known_year, jump.known_value, jump.known_is_baseline) == (2020, 100.0, True)
    (jump,) = jumps(wb, [(target, 2015, 1000.0)])  # before the baseline: the 2010 figure
    assert (jump.known_year, jump.known_is_baseline) == (2010, False)


def test_a_year_filled_in_before_every_figure_is_compared_with_the_one_after_it() -> None:
    """Filling in 2019 with 380 where the 2020 baseline is 38 said nothing; a slip going
    forward was caught."""
    wb = Workbook.in_memory()
    editing.add_plan(wb, Plan("P", "规划", "Plan", 2021, 2025))
    plan = reads.plan_by_code(wb, "P")
    assert plan is not None and plan.id is not None
    pm = Target(plan.id, "PM", "细颗粒物浓度", "PM2.5", "微克/立方米")
    editing.add_target(wb, replace(pm, baseline_year=2020, baseline_value=38.0))
    target = reads.targets(wb, plan.id)[0]
    assert target.id is not None
    (jump,) = jumps(wb, [(target, 2019, 380.0)])
    assert (jump.known_year, jump.known_value, jump.known_is_baseline) == (2020, 38.0, True)
    assert jump.text("en", str) == (
        "380.0 微克/立方米 is at least ten times the 2020 baseline (38.0 微克/立方米)"
    )
    editing.set_observations(wb, [ObservationEntry(target.id, 2018, 37.0)])
    (jump,) = jumps(wb, [(target, 2017, 3.0)])  # the 2018 figure is nearest after it
    assert (jump.known_year, jump.known_is_baseline) == (2018, False)
    assert jumps(wb, [(target, 2017, 39.0)]) == []


def test_a_rate_in_per_mille_may_fall_below_zero_unremarked() -> None:
    """A natural population growth of 0.8 ‰ then -1.2 ‰ was said to have a slipped minus."""
    wb = Workbook.in_memory()
    editing.add_plan(wb, Plan("P", "规划", "Plan", 2021, 2025))
    plan = reads.plan_by_code(wb, "P")
    assert plan is not None and plan.id is not None
    rate = Target(plan.id, "R", "人口自然增长率", "Natural growth", "‰")
    rate = replace(rate, baseline_year=2020, baseline_value=0.8)
    editing.add_target(wb, rate)
    editing.add_target(wb, replace(rate, code="A", name_en="An amount", unit="亿元"))
    by_code = {t.code: t for t in reads.targets(wb, plan.id)}
    assert jumps(wb, [(by_code["R"], 2022, -1.2)]) == []
    (jump,) = jumps(wb, [(by_code["A"], 2022, -1.2)])
    assert jump.below_zero


def test_figures_said_to_be_free_of_jumps_have_none_between_any_two() -> None:
    """The import skips the targets whose figures cannot jump: no pair it skips may be one."""
    target = Target(1, "A", "地区生产总值", "GDP", "亿元")
    values = [-5.0, -0.3, 0.0, 0.03, 0.3, 0.31, 1.0, 2.9, 3.0, 3.1, 10.0, 29.0, 30.0, 31.0]
    values += [34.6143, 346.143]  # ten times apart, though 10 × 34.6143 is over 346.143
    for one in values:
        for other in values:
            jump = jump_between(target, 2022, one, 2021, other, False)
            if jump is not None:
                assert may_jump([one, other]), (one, other)
    assert not may_jump([0.31, 3.0, 2.9]) and not may_jump([-1.0, -9.0]) and not may_jump([])
