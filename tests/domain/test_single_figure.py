"""A target without a baseline of its own and only one figure: the figure is the baseline."""

from __future__ import annotations

from dataclasses import replace

from ljtracker.domain.model import Comparator, Observation, Quality, Status, Target
from ljtracker.domain.progress import assess


def forest(value: float) -> tuple[Target, list[Observation]]:
    target = Target(
        1,
        "CQ18-FOREST",
        "森林覆盖率",
        "Forest coverage",
        "%",
        comparator=Comparator.AT_LEAST,
        target_year=2022,
        target_value=55.0,
    )
    return target, [Observation(1, 2022, value)]


def test_single_figure_meeting_the_target_is_achieved() -> None:
    result = assess(*forest(55.0))
    assert result.status is Status.TARGET_ACHIEVED
    # says why "latest" is empty: the one figure is the baseline
    assert result.explanation_en == (
        "Only one figure so far (55 % in 2022), which serves as the baseline;"
        " it meets the target of at least 55 % by 2022: target achieved."
    )
    assert result.explanation_zh == (
        "目前只有一个数值（2022年55%），作为基期，已达到2022年不低于55%的目标：已实现。"
    )


def test_single_figure_short_of_the_target_names_the_figure() -> None:
    result = assess(*forest(54.0))
    assert result.status is Status.NOT_ASSESSABLE
    assert "54 % in 2022" in result.explanation_en
    assert result.explanation_en.count("54 %") == 1  # the figure said once
    # the figure is of the target year: the target was missed, and the sentence says so once
    assert "The target year 2022 has come and the target was not met" in result.explanation_en
    assert "meeting the target" not in result.explanation_en
    assert "目标年份（2022年）已到，目标未实现" in result.explanation_zh
    assert result.missed
    assert "这是目前唯一的数值，作为基期" in result.explanation_zh
    assert result.explanation_zh.count("54%") == 1
    assert result.achievement.value is None
    assert "only one figure" in result.achievement.reason_en


def test_nothing_more_is_needed_once_the_target_is_met() -> None:
    target = Target(
        1,
        "LJ-GDP",
        "地区生产总值",
        "GDP",
        "亿元",
        comparator=Comparator.AT_LEAST,
        baseline_year=2020,
        baseline_value=3750.0,
        target_year=2025,
        target_value=5000.0,
    )
    result = assess(target, [Observation(1, 2023, 5100.0)])
    assert result.status is Status.TARGET_ACHIEVED
    assert result.required_growth_from_latest.value is None
    assert result.required_growth_from_latest.reason_en == "the target is already met"
    assert result.required_yearly_amount.value is None


def test_a_lone_estimate_that_meets_or_misses_the_target_is_said_to_be_one() -> None:
    target, _ = forest(55.0)
    for value, status in ((54.0, Status.NOT_ASSESSABLE), (56.0, Status.TARGET_ACHIEVED)):
        figure = Observation(1, 2022, value, Quality.ESTIMATE)
        result = assess(target, [figure])
        assert result.status is status and result.resting_on == (figure,)
        assert result.explanation_en.endswith("The 2022 figure is an estimate.")
        assert result.explanation_zh.endswith("2022年数据为估算数据。")
    # before the target year a lone figure judges nothing: nothing rests on it
    early = assess(target, [Observation(1, 2021, 50.0, Quality.ESTIMATE)])
    assert early.resting_on == () and "estimate" not in early.explanation_en


def test_a_target_missed_on_an_estimate_says_so_beside_a_later_official_figure() -> None:
    """Revising the 2025 estimate could turn "missed" into "achieved": its quality is said."""
    target, _ = forest(55.0)
    target = replace(target, baseline_year=2020, baseline_value=50.0)
    due = Observation(1, 2022, 54.9, Quality.ESTIMATE)
    later = Observation(1, 2023, 54.95)
    result = assess(target, [Observation(1, 2021, 52.0), due, later], this_year=2026)
    assert result.missed and result.resting_on == (due, later)
    assert result.explanation_en.endswith("The 2022 figure is an estimate.")
    assert result.explanation_zh.endswith("2022年数据为估算数据。")
