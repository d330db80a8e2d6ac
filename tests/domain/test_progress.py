"""The progress engine against METHOD.md."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ljtracker.domain import explain, wording
from ljtracker.domain.explain import status_text
from ljtracker.domain.model import (
    Comparator,
    Direction,
    Kind,
    Method,
    Milestone,
    Observation,
    Quality,
    Settings,
    Status,
    Target,
    Thresholds,
    Trajectory,
)
from ljtracker.domain.number_text import format_ratio
from ljtracker.domain.progress import (
    STATUS_LABELS,
    assess,
    format_number,
    format_percent,
    planned_path,
    planned_value,
    projection_shown,
    status_from_growth_ratio,
    status_from_monitoring_growth,
    status_from_projection_ratio,
    status_from_schedule_index,
)

TH = Thresholds()


def target(**fields: object) -> Target:
    base = Target(
        plan_id=1,
        code="T1",
        name_zh="指标",
        name_en="Indicator",
        unit="",
        comparator=Comparator.AT_LEAST,
        baseline_year=2020,
        baseline_value=300,
        target_year=2025,
        target_value=500,
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def obs(*points: tuple[int, float]) -> list[Observation]:
    return [Observation(target_id=1, year=year, value=value) for year, value in points]


def with_method(method: Method) -> Settings:
    return Settings(method=method)


GDP = target(unit="亿元", baseline_value=3750, target_value=5000)
EXAMPLE_2 = target()


# Worked example 1


def test_example_1_growth_ratio() -> None:
    a = assess(GDP, obs((2021, 4000)))
    assert a.required_growth.value == pytest.approx(0.0592, abs=5e-5)
    assert a.observed_growth.value == pytest.approx(0.0667, abs=5e-5)
    assert a.ratio.value == pytest.approx(1.126, abs=5e-4)
    assert a.status is Status.ON_TRACK
    assert a.method is Method.GROWTH_RATIO
    assert not a.warning
    assert a.explanation_en == (
        "Growing 6.67 % a year since 2020 against 5.92 % needed to reach 5,000 亿元 by 2025"
        " (ratio 1.13): on track."
    )
    assert a.explanation_zh == (
        "2020年以来年均增长6.67%，实现2025年5,000亿元目标需年均增长5.92%（比值1.13）：进展顺利。"
    )


def test_the_growth_of_a_rate_in_percent_is_also_said_in_points() -> None:
    """A share from 15 % to 20 % "growing 10.06 % a year" read to planners as points."""
    share = target(
        unit="%", comparator=None, target_year=None, target_value=None,
        direction=Direction.INCREASE, baseline_value=15.0,
    )  # fmt: skip
    rising = assess(share, obs((2023, 20.0)))
    assert rising.explanation_en.startswith(
        "Growing 10.06 % a year since 2020 (from 15 % to 20 %, up 5 percentage points),"
        " for an indicator meant to increase"
    )
    assert rising.explanation_zh.startswith(
        "2020年以来年均增长10.06%（由15%升至20%，提高5个百分点），该指标期望上升"
    )
    intensity = target(unit="%", baseline_value=2.01, target_value=2.6)
    falling = assess(intensity, obs((2022, 1.95)))
    assert "since 2020 (from 2.01 % to 1.95 %, down 0.06 percentage points) against" in (
        falling.explanation_en
    )
    assert "（由2.01%降至1.95%，下降0.06个百分点），实现2025年" in falling.explanation_zh
    for still in (15.0, 15.004):  # 15.004 is shown as 15 %: "from 15 % to 15 %" said nothing
        flat = assess(share, obs((2023, still)))
        assert "points" not in flat.explanation_en and "百分点" not in flat.explanation_zh
    worded = assess(replace(share, unit="百分点"), obs((2023, 20.0)))
    assert "个百分点）" not in worded.explanation_zh  # "由15百分点升至20百分点" read oddly
    of_gdp = assess(replace(share, unit="% of GDP"), obs((2023, 20.0)))
    assert "(from 15 % of GDP to 20 % of GDP, up 5 percentage points)" in of_gdp.explanation_en
    assert "points" not in assess(GDP, obs((2021, 4000))).explanation_en  # not a rate in %


def test_a_figure_two_years_behind_the_year_judged_is_said_to_be_so() -> None:
    figures = obs((2021, 4000))
    assert assess(GDP, figures, as_of_year=2022).explanation_en.endswith("(ratio 1.13): on track.")
    old = assess(GDP, figures, as_of_year=2023)
    assert old.status is Status.ON_TRACK  # judged as before; only the sentence says more
    assert old.latest_age == 2
    assert assess(GDP, figures, as_of_year=2022).latest_age is None
    assert old.explanation_en.endswith(
        "on track. The latest figure is from 2021, 2 years before 2023."
    )
    assert old.explanation_zh.endswith("进展顺利。最新数据为2021年，比2023年早2年。")
    assert "latest figure is from" not in assess(GDP, figures).explanation_en  # all years
    final = assess(GDP, obs((2021, 4000), (2025, 5100)), as_of_year=2030)
    assert final.status is Status.TARGET_ACHIEVED
    assert "latest figure is from" not in final.explanation_en  # its target year's own figure


def test_a_target_whose_year_has_come_unmet_is_said_to_be_missed() -> None:
    missed = assess(GDP, obs((2025, 4900)))
    assert missed.missed and missed.status is not Status.TARGET_ACHIEVED
    # the result first, then the pace
    assert missed.explanation_en == (
        "The target year 2025 has come and the target was not met: 4,900 亿元 in 2025, 100 亿元"
        " (2.00 %) short of it. Growing 5.50 % a year since 2020 against 5.92 % needed to reach"
        " 5,000 亿元 by 2025 (ratio 0.93): needs acceleration."
    )
    assert missed.explanation_zh == (
        "目标年份（2025年）已到，目标未实现：2025年为4,900亿元，比目标少100亿元（2.00%）。"
        "2020年以来年均增长5.50%，实现2025年5,000亿元目标需年均增长5.92%（比值0.93）：需加快。"
    )
    # judged by the figure of the target year, whatever came after
    assert not assess(GDP, obs((2025, 5100), (2026, 4900))).missed
    assert assess(GDP, obs((2024, 5100), (2025, 4900), (2026, 4950))).missed
    late = assess(GDP, obs((2025, 4900), (2026, 5200)))
    assert late.status is Status.TARGET_ACHIEVED and not late.missed  # achieved, if late
    assert assess(GDP, obs((2026, 4900))).missed  # the first figure after, when none of 2025
    on_pace = assess(GDP, obs((2025, 4990)))  # ratio above 0.95, but the year is over
    assert on_pace.status is Status.NEEDS_ACCELERATION and on_pace.missed
    assert on_pace.explanation_en.endswith(
        "(ratio 0.99): needs acceleration. A target missed in its year is not on track,"
        " whatever its pace."
    )
    assert on_pace.explanation_zh.endswith(
        "（比值0.99）：需加快。到期未实现的指标无论速度如何，均不视为进展顺利。"
    )
    for method in (Method.PROJECTION, Method.SCHEDULE):
        judged = assess(GDP, obs((2025, 4990)), settings=with_method(method))
        assert judged.status is Status.NEEDS_ACCELERATION and judged.missed
    binding = assess(replace(GDP, kind=Kind.BINDING), obs((2025, 4990)))
    assert binding.warning  # a binding target missed is warned of, whatever its pace
    band = replace(BAND, target_year=2022)
    assert not assess(band, obs((2022, 15.5), (2023, 17))).missed  # inside the band in 2022
    outside = assess(band, obs((2022, 17)))
    assert outside.missed
    assert "not met: 17 % in 2022, 1 percentage point outside its band." in outside.explanation_en
    ceiling = target(comparator=Comparator.AT_MOST, baseline_value=50, target_value=30)
    assert (
        "目标未实现：2025年为32，比目标多2（6.67%）。"
        in assess(ceiling, obs((2025, 32))).explanation_zh
    )
    assert not assess(GDP, obs((2024, 4900))).missed  # a year still to go
    assert not assess(GDP, obs((2025, 5100))).missed  # met
    assert not assess(GDP, obs((2024, 4900)), as_of_year=2026).missed  # no 2025 figure yet
    assert not assess(GDP, obs((2025, 4900)), as_of_year=2024).missed  # judged before


def test_no_projection_is_shown_once_the_target_years_figure_is_in() -> None:
    """A final evaluation read "2025 projected: 5,012.3 亿元" beside the 2025 figure."""
    before = assess(GDP, obs((2023, 4500)))
    assert projection_shown(before, 2025) == before.projected_value
    assert before.projected_value.value is not None
    for figures in (obs((2024, 4800), (2025, 5012.3)), obs((2026, 5100))):
        shown = projection_shown(assess(GDP, figures), 2025)
        assert shown.value is None and shown.reason_en == "the target year has been reached"


def test_a_lone_figure_of_the_target_year_that_falls_short_is_missed() -> None:
    no_baseline = replace(GDP, baseline_year=None, baseline_value=None)
    lone = assess(no_baseline, obs((2025, 3750)))
    assert lone.status is Status.NOT_ASSESSABLE  # one figure: no pace to judge
    assert lone.missed
    assert lone.explanation_en == (  # the result first; not assessable is only its pace
        "The target year 2025 has come and the target was not met: 3,750 亿元 in 2025, 1,250 亿元"
        " (25.00 %) short of it. Its pace cannot be assessed: it is the only figure so far, which"
        " serves as the baseline."  # the figure said once
    )
    assert lone.explanation_zh == (
        "目标年份（2025年）已到，目标未实现：2025年为3,750亿元，比目标少1,250亿元（25.00%）。"
        "进度无法评估：这是目前唯一的数值，作为基期。"
    )
    # the cards' reason, said alone, still names the figure
    assert (
        lone.achievement.reason_en
        == "only one figure so far (3,750 亿元 in 2025), which serves as the baseline"
    )
    assert status_text(lone.status, "en", missed=True) == "Missed"
    assert status_text(lone.status, "zh", missed=True) == "到期未实现"
    early = assess(no_baseline, obs((2024, 3750)))
    assert "not yet meeting the target of at least 5,000 亿元 by 2025" in early.explanation_en
    assert "尚未达到2025年不低于5,000亿元的目标" in early.explanation_zh  # not read as missed
    assert assess(replace(no_baseline, kind=Kind.BINDING), obs((2025, 3750))).warning
    assert not assess(no_baseline, obs((2024, 3750))).missed  # its year still to come


def test_a_revised_figure_of_the_baseline_year_is_named_but_the_baseline_kept() -> None:
    a = assess(GDP, obs((2020, 3800), (2021, 4000)))
    assert a.baseline_value == 3750  # the plan's own
    assert a.observed_growth.value == pytest.approx(0.0667, abs=5e-5)
    assert a.explanation_en.endswith(
        "The 2020 figure (3,800 亿元) differs from the baseline 3,750 亿元 set with the target,"
        " which progress is measured from."
    )
    assert a.explanation_zh.endswith(
        "2020年数据（3,800亿元）与设定目标时的基期值3,750亿元不一致，进展按基期值计算。"
    )
    assert "differs" not in assess(GDP, obs((2020, 3750), (2021, 4000))).explanation_en


# Worked example 2, all three methods


def test_example_2_quantities() -> None:
    a = assess(EXAMPLE_2, obs((2022, 360)))
    assert a.latest == Observation(1, 2022, 360)
    assert a.baseline_year == 2020 and a.baseline_value == 300
    assert not a.baseline_from_first_observation
    assert a.required_growth.value == pytest.approx(0.1076, abs=5e-5)
    assert a.observed_growth.value == pytest.approx(0.0954, abs=5e-5)
    assert a.required_growth_from_latest.value == pytest.approx(0.1157, abs=5e-5)
    assert a.required_yearly_amount.value == pytest.approx(140 / 3)
    assert a.projected_value.value == pytest.approx(473.2, abs=0.05)
    assert a.achievement.value == pytest.approx(0.30)
    assert a.elapsed.value == pytest.approx(0.40)
    assert a.planned_value.value == pytest.approx(380)
    assert a.schedule_index.value == pytest.approx(0.75)


def test_example_2_growth_ratio() -> None:
    a = assess(EXAMPLE_2, obs((2022, 360)), settings=with_method(Method.GROWTH_RATIO))
    assert a.ratio.value == pytest.approx(0.887, abs=5e-4)
    assert a.status is Status.NEEDS_ACCELERATION
    for text in ("9.54 %", "10.76 %", "0.89", "2020", "2025", "needs acceleration"):
        assert text in a.explanation_en
    for text in ("9.54%", "10.76%", "0.89", "2020年", "2025年", "需加快"):
        assert text in a.explanation_zh


def test_example_2_projection() -> None:
    a = assess(EXAMPLE_2, obs((2022, 360)), settings=with_method(Method.PROJECTION))
    assert a.method is Method.PROJECTION
    assert a.ratio.value == pytest.approx(0.866, abs=5e-4)
    assert a.status is Status.NEEDS_ACCELERATION
    assert "473.23" in a.explanation_en and "0.87" in a.explanation_en
    assert "473.23" in a.explanation_zh and "需加快" in a.explanation_zh
    assert "stagnation" not in a.explanation_en


def test_a_schedule_on_a_curved_path_says_which_path() -> None:
    """On a compound path, 20 % achieved in 20 % of the time is ahead of the planned value:
    the sentence names the path, else the index would seem to contradict the two shares."""
    compound = replace(GDP, trajectory=Trajectory.COMPOUND)
    a = assess(compound, obs((2021, 4000)), settings=with_method(Method.SCHEDULE))
    assert a.explanation_en.startswith(
        "At 4,000 亿元 in 2021 against 3,972.09 亿元 planned on a compound-growth path (schedule"
    )
    assert a.explanation_zh.startswith(
        "2021年为4,000亿元，计划值为3,972.09亿元（按复合增长路径；序时进度指数1.13；"
    )
    straight = assess(GDP, obs((2021, 4000)), settings=with_method(Method.SCHEDULE))
    assert "path" not in straight.explanation_en and "路径" not in straight.explanation_zh


def test_example_2_schedule() -> None:
    a = assess(EXAMPLE_2, obs((2022, 360)), settings=with_method(Method.SCHEDULE))
    assert a.method is Method.SCHEDULE
    assert a.ratio.value == pytest.approx(0.75)
    assert a.status is Status.LIMITED_PROGRESS
    for text in ("0.75", "30.00 %", "40.00 %", "380", "limited progress"):
        assert text in a.explanation_en
    for text in ("0.75", "30.00%", "40.00%", "380", "进展有限", "序时进度"):
        assert text in a.explanation_zh


# Threshold boundaries


@pytest.mark.parametrize(
    ("value", "status"),
    [
        (0.95, Status.ON_TRACK),
        (0.9499999, Status.NEEDS_ACCELERATION),
        (0.60, Status.NEEDS_ACCELERATION),
        (0.5999999, Status.LIMITED_PROGRESS),
        (0.0, Status.LIMITED_PROGRESS),
        (-1e-9, Status.DETERIORATION),
    ],
)
def test_growth_ratio_boundaries(value: float, status: Status) -> None:
    assert status_from_growth_ratio(value, TH) is status


@pytest.mark.parametrize(
    ("value", "status"),
    [
        (0.015, Status.ON_TRACK),
        (0.0149999, Status.NEEDS_ACCELERATION),
        (0.005, Status.NEEDS_ACCELERATION),
        (0.0049999, Status.LIMITED_PROGRESS),
        (0.0, Status.LIMITED_PROGRESS),
        (-1e-9, Status.DETERIORATION),
    ],
)
def test_monitoring_boundaries(value: float, status: Status) -> None:
    assert status_from_monitoring_growth(value, TH) is status


@pytest.mark.parametrize(
    ("value", "status"),
    [
        (0.95, Status.ON_TRACK),
        (0.9499999, Status.NEEDS_ACCELERATION),
        (0.5, Status.NEEDS_ACCELERATION),
        (0.4999999, Status.LIMITED_PROGRESS),
        (-0.1, Status.LIMITED_PROGRESS),
        (-0.1000001, Status.DETERIORATION),
    ],
)
def test_projection_boundaries(value: float, status: Status) -> None:
    assert status_from_projection_ratio(value, TH) is status


@pytest.mark.parametrize(
    ("value", "status"),
    [
        (1.0, Status.ON_TRACK),
        (0.9999999, Status.NEEDS_ACCELERATION),
        (0.9, Status.NEEDS_ACCELERATION),
        (0.8999999, Status.LIMITED_PROGRESS),
        (0.0, Status.LIMITED_PROGRESS),
        (-1e-9, Status.DETERIORATION),
    ],
)
def test_schedule_boundaries(value: float, status: Status) -> None:
    assert status_from_schedule_index(value, TH) is status


@pytest.mark.parametrize(
    ("latest", "status"),
    [
        (50.0, Status.ON_TRACK),
        (45.0, Status.NEEDS_ACCELERATION),
        (44.0, Status.LIMITED_PROGRESS),
        (0.0, Status.LIMITED_PROGRESS),
        (-1.0, Status.DETERIORATION),
    ],
)
def test_schedule_boundaries_through_assess(latest: float, status: Status) -> None:
    t = target(baseline_value=0, target_value=100, target_year=2030)
    a = assess(t, obs((2025, latest)), settings=with_method(Method.SCHEDULE))
    assert a.schedule_index.value == pytest.approx(latest / 50)
    assert a.status is status


def test_assess_uses_thresholds_from_settings_inclusively() -> None:
    ratio = assess(EXAMPLE_2, obs((2022, 360))).ratio.value
    assert ratio is not None
    at = Settings(thresholds=Thresholds(growth_on_track=ratio))
    above = Settings(thresholds=Thresholds(growth_on_track=ratio * (1 + 1e-6)))
    assert assess(EXAMPLE_2, obs((2022, 360)), settings=at).status is Status.ON_TRACK
    assert assess(EXAMPLE_2, obs((2022, 360)), settings=above).status is (Status.NEEDS_ACCELERATION)


@pytest.mark.parametrize(
    ("latest", "status"),
    [(330, Status.LIMITED_PROGRESS), (300, Status.LIMITED_PROGRESS), (290, Status.DETERIORATION)],
)
def test_growth_ratio_low_statuses(latest: float, status: Status) -> None:
    assert assess(EXAMPLE_2, obs((2022, latest))).status is status


def test_projection_stagnation_and_limited() -> None:
    t = target(baseline_value=100, target_value=200, target_year=2030)
    settings = with_method(Method.PROJECTION)
    stagnant = assess(t, obs((2021, 100.5)), settings=settings)
    assert stagnant.ratio.value is not None and -0.1 <= stagnant.ratio.value < 0.1
    assert stagnant.status is Status.LIMITED_PROGRESS
    assert "stagnation" in stagnant.explanation_en and "停滞" in stagnant.explanation_zh
    slow = assess(t, obs((2021, 103)), settings=settings)
    assert slow.ratio.value is not None and 0.1 <= slow.ratio.value < 0.5
    assert slow.status is Status.LIMITED_PROGRESS
    assert "stagnation" not in slow.explanation_en and "停滞" not in slow.explanation_zh
    falling = assess(t, obs((2021, 97)), settings=settings)
    assert falling.status is Status.DETERIORATION
    # "按2020年以来年均-3.00%的增速推算": a fall is said as one, as the other sentences say it
    assert falling.explanation_zh.startswith("按2020年以来年均下降3.00%的趋势推算")


# Monitoring indicators


def monitor(direction: Direction) -> Target:
    return target(comparator=None, direction=direction, target_year=None, target_value=None)


@pytest.mark.parametrize(
    ("direction", "latest", "status"),
    [
        (Direction.INCREASE, 102, Status.ON_TRACK),
        (Direction.INCREASE, 101, Status.NEEDS_ACCELERATION),
        (Direction.INCREASE, 100.2, Status.LIMITED_PROGRESS),
        (Direction.INCREASE, 100, Status.LIMITED_PROGRESS),
        (Direction.INCREASE, 99, Status.DETERIORATION),
        (Direction.DECREASE, 98, Status.ON_TRACK),
        (Direction.DECREASE, 99, Status.NEEDS_ACCELERATION),
        (Direction.DECREASE, 102, Status.DETERIORATION),
    ],
)
@pytest.mark.parametrize("method", list(Method))
def test_monitoring_indicator(
    direction: Direction, latest: float, status: Status, method: Method
) -> None:
    t = replace(monitor(direction), baseline_value=100)
    a = assess(t, obs((2021, latest)), settings=with_method(method))
    assert a.status is status
    assert a.method is Method.GROWTH_RATIO
    assert a.ratio.value == pytest.approx(t.sign * (latest / 100 - 1))
    assert a.achievement.value is None and "monitoring" in a.achievement.reason_en
    assert a.required_growth.value is None


def test_monitoring_explanation() -> None:
    a = assess(replace(monitor(Direction.DECREASE), baseline_value=100), obs((2021, 98)))
    assert a.explanation_en == (
        "Falling 2.00 % a year since 2020, for an indicator meant to decrease: on track."
    )
    assert a.explanation_zh == "2020年以来年均下降2.00%，该指标期望下降：进展顺利。"


def test_a_monitoring_indicator_without_a_direction_is_watched_not_judged() -> None:
    watched = replace(monitor(Direction.INCREASE), direction=None, baseline_value=100)
    for latest in (98, 102):  # no rise or fall is better than the other
        a = assess(watched, obs((2021, latest)))
        assert a.status is Status.NOT_ASSESSABLE
        assert a.ratio.value is None
    assert a.observed_growth.value == pytest.approx(0.02)  # still shown
    assert a.explanation_en == (
        "Not assessable: a monitoring indicator without a desired direction (increase or"
        " decrease) is watched, not judged; growing 2.00 % a year since 2020."
    )
    assert a.explanation_zh == (
        "无法评估：未设定期望方向（提高或降低）的监测指标只作观察，不作评估；"
        "2020年以来年均增长2.00%。"
    )


def test_monitoring_with_zero_value_is_not_assessable() -> None:
    a = assess(replace(monitor(Direction.INCREASE), baseline_value=0), obs((2021, 3)))
    assert a.status is Status.NOT_ASSESSABLE
    assert "zero or negative" in a.explanation_en


# about targets (bands)

BAND = target(
    unit="%",
    comparator=Comparator.ABOUT,
    tolerance=1.0,
    baseline_value=18,
    target_value=15,
    target_year=2025,
)


def test_a_band_in_percent_is_given_in_percentage_points() -> None:
    """ "about 15 % (± 1 %)" could be read as 14.85 to 15.15."""
    assert wording.goal(BAND, "en") == "about 15 % (± 1 percentage point) by 2025"
    assert wording.goal(BAND, "zh") == "2025年15%左右（±1个百分点）"
    a = assess(replace(BAND, baseline_year=None, baseline_value=None), obs((2021, 17.5)))
    assert "about 15 % ± 1 percentage point by 2025" in a.explanation_en
    assert "2025年15%左右（±1个百分点）" in a.explanation_zh
    tons = replace(BAND, unit="万吨", tolerance=2.0)
    assert wording.goal(tons, "zh") == "2025年15万吨左右（±2万吨）"


@pytest.mark.parametrize(
    ("quality", "en", "zh"),
    [
        (Quality.PRELIMINARY, "The 2025 figure is preliminary.", "2025年数据为初步数据。"),
        (Quality.ESTIMATE, "The 2025 figure is an estimate.", "2025年数据为估算数据。"),
    ],
)
def test_a_judgement_on_a_figure_not_yet_official_says_so(
    quality: Quality, en: str, zh: str
) -> None:
    """ "Target achieved" on a preliminary figure is quoted by leaders as if it were final."""
    figure = Observation(target_id=1, year=2025, value=5012.3, quality=quality)
    a = assess(GDP, [figure])
    assert a.status is Status.TARGET_ACHIEVED
    assert a.explanation_en.endswith(en) and a.explanation_zh.endswith(zh)
    official = assess(GDP, obs((2025, 5012.3)))
    assert (
        "preliminary" not in official.explanation_en and "estimate" not in official.explanation_en
    )


def test_a_figure_exactly_on_its_path_is_on_track_without_a_warning() -> None:
    """5.2 → at least 6.0 from 2020 to 2025 plans 5.52 for 2022: S = 0.32 / 0.32, which floating
    point works out at 0.9999999999999972."""
    t = target(kind=Kind.BINDING, baseline_value=5.2, target_value=6.0, unit="%")
    a = assess(t, obs((2022, 5.52)), settings=with_method(Method.SCHEDULE))
    assert a.status is Status.ON_TRACK and not a.warning
    assert "on track" in a.explanation_en


@pytest.mark.parametrize(
    ("latest", "status"),
    [(101.0025, Status.NEEDS_ACCELERATION), (103.0225, Status.ON_TRACK)],
)
def test_growth_exactly_at_a_threshold_earns_it(latest: float, status: Status) -> None:
    """0.5 % and 1.5 % a year over two years (the monitoring thresholds)."""
    t = replace(monitor(Direction.INCREASE), baseline_value=100)
    assert assess(t, obs((2022, latest))).status is status


@pytest.mark.parametrize(
    ("value", "tolerance", "points"),
    [(1.1, 0.2, ((2021, 0.7), (2022, 0.9))), (0.7, 0.2, ((2021, 0.5), (2022, 0.9)))],
)
def test_a_figure_on_the_edge_of_the_band_is_inside(
    value: float, tolerance: float, points: tuple[tuple[int, float], ...]
) -> None:
    """1.1 − 0.2 is 0.9000000000000001 and 0.7 + 0.2 is 0.8999999999999999 in floating point."""
    band = replace(BAND, target_value=value, tolerance=tolerance, baseline_value=0.3)
    a = assess(band, obs(*points))
    assert a.status is Status.ON_TRACK
    assert "within the band" in a.explanation_en
    assert assess(band, obs((2025, 0.9))).status is Status.TARGET_ACHIEVED


def test_a_figure_on_the_edge_of_a_band_about_a_large_value_is_inside() -> None:
    """56,789 − 0.3 is 56,788.7 only up to a rounding that grows with the value."""
    band = replace(BAND, unit="", target_value=56789.0, tolerance=0.3, baseline_value=56000.0)
    assert band.met_by(56788.7) and band.met_by(56789.3) and not band.met_by(56788.6)
    a = assess(band, obs((2022, 56788.7)))
    assert a.status is Status.ON_TRACK
    assert a.required_yearly_amount.value is None  # nothing more is needed inside the band


@pytest.mark.parametrize(
    ("amount", "unit", "en", "zh"),
    [
        (1.0, "%", "an increase of 1 percentage point a year", "每年增加1个百分点"),
        (1.5, "%", "an increase of 1.5 percentage points a year", "每年增加1.5个百分点"),
        (-5.0, "吨", "a fall of 5 吨 a year", "每年减少5吨"),
    ],
)
def test_the_amount_needed_a_year_says_which_way(
    amount: float, unit: str, en: str, zh: str
) -> None:
    assert wording.yearly_change(amount, unit, "en") == en
    assert wording.yearly_change(amount, unit, "zh") == zh


@pytest.mark.parametrize("method", list(Method))
def test_band_inside_before_target_year_is_on_track(method: Method) -> None:
    a = assess(BAND, obs((2022, 15.5)), settings=with_method(method))
    assert a.status is Status.ON_TRACK
    assert a.ratio.value is None
    assert a.schedule_index.value is None and "band rule" in a.schedule_index.reason_en
    assert "14 %–16 %" in a.explanation_en and "14%–16%" in a.explanation_zh


@pytest.mark.parametrize("year", [2025, 2026])
def test_band_inside_from_target_year_is_achieved(year: int) -> None:
    assert assess(BAND, obs((year, 14))).status is Status.TARGET_ACHIEVED
    assert assess(BAND, obs((year, 16))).status is Status.TARGET_ACHIEVED


@pytest.mark.parametrize(
    ("points", "status", "en", "zh"),
    [
        (((2021, 18), (2022, 17)), Status.NEEDS_ACCELERATION, "closer than in 2021", "更接近"),
        (((2021, 17), (2022, 17)), Status.LIMITED_PROGRESS, "as far as in 2021", "未变"),
        (((2021, 17), (2022, 17.5)), Status.DETERIORATION, "further than in 2021", "偏离"),
        (((2021, 15), (2022, 17)), Status.DETERIORATION, "further", "偏离"),
        (((2022, 13),), Status.NEEDS_ACCELERATION, "closer than in 2020 (18 %)", "2020年"),
        (((2022, 19),), Status.DETERIORATION, "further than in 2020", "偏离"),
    ],
)
def test_band_outside(
    points: tuple[tuple[int, float], ...], status: Status, en: str, zh: str
) -> None:
    a = assess(BAND, obs(*points), settings=with_method(Method.SCHEDULE))
    assert a.status is status
    assert en in a.explanation_en
    assert zh in a.explanation_zh


def test_a_band_has_no_growth_rates_and_projects_its_trend() -> None:
    cpi = replace(BAND, baseline_year=2022, baseline_value=2.3, target_value=3.0, tolerance=0.5)
    a = assess(cpi, obs((2023, 1.0), (2024, 0.2)))
    assert a.status is Status.DETERIORATION  # moving away from 2.5–3.5
    for growth in (a.observed_growth, a.required_growth, a.required_growth_from_latest):
        assert growth.value is None  # "1400 % a year needed" meant nothing
        assert growth.reason_en == "growth rates are not used for a band target (about a value)"
    assert a.required_yearly_amount.value == pytest.approx(2.3)  # 0.2 -> 2.5, the band's edge
    above = assess(BAND, obs((2023, 18)))  # 18 % in 2023, the band 14–16 % by 2025
    assert above.required_yearly_amount.value == pytest.approx(-1.0)
    inside = assess(BAND, obs((2023, 15.5)))
    assert inside.required_yearly_amount.reason_en == explain.WITHIN_BAND.en
    assert a.projected_value.value == pytest.approx(3.5 / 3 - 2.1)  # the least-squares line


def test_band_without_tolerance_is_exact() -> None:
    t = replace(BAND, tolerance=None)
    assert assess(t, obs((2025, 15))).status is Status.TARGET_ACHIEVED
    assert assess(t, obs((2025, 15.1))).status is Status.NEEDS_ACCELERATION


# at_most targets

EMISSIONS = target(comparator=Comparator.AT_MOST, baseline_value=100, target_value=80)


def test_at_most_growth_ratio() -> None:
    a = assess(EMISSIONS, obs((2022, 92)))
    assert a.observed_growth.value == pytest.approx(math.sqrt(0.92) - 1)
    assert a.required_growth.value == pytest.approx(0.8**0.2 - 1)
    assert a.ratio.value == pytest.approx((math.sqrt(0.92) - 1) / (0.8**0.2 - 1))
    assert a.status is Status.NEEDS_ACCELERATION
    assert "Falling 4.08 % a year" in a.explanation_en
    assert "a fall of 4.36 % a year needed" in a.explanation_en
    assert "年均下降4.08%" in a.explanation_zh and "需年均下降4.36%" in a.explanation_zh


def test_at_most_statuses() -> None:
    assert assess(EMISSIONS, obs((2022, 80))).status is Status.TARGET_ACHIEVED
    assert assess(EMISSIONS, obs((2021, 79))).status is Status.TARGET_ACHIEVED
    assert assess(EMISSIONS, obs((2022, 105))).status is Status.DETERIORATION
    schedule = assess(EMISSIONS, obs((2022, 92)), settings=with_method(Method.SCHEDULE))
    assert schedule.schedule_index.value == pytest.approx(1.0)
    assert schedule.status is Status.ON_TRACK


def test_achieved_whatever_the_year_and_method() -> None:
    for method in Method:
        a = assess(EXAMPLE_2, obs((2021, 520)), settings=with_method(method))
        assert a.status is Status.TARGET_ACHIEVED
        assert a.achievement.value == pytest.approx(1.1)
        assert "520" in a.explanation_en and "at least 500 by 2025" in a.explanation_en
        assert "不低于500" in a.explanation_zh and "已实现" in a.explanation_zh


def test_missed_after_target_year_is_not_achieved() -> None:
    a = assess(EXAMPLE_2, obs((2026, 480)))
    assert a.status is not Status.TARGET_ACHIEVED
    assert a.required_growth_from_latest.value is None
    assert "reached" in a.required_growth_from_latest.reason_en


def test_a_target_met_in_its_year_stays_met_when_a_later_figure_falls_short() -> None:
    """It read "needs acceleration" once a 2026 figure below the target came in, and a final
    evaluation contradicted its own chart. Met only before its year, it is missed."""
    for method in Method:
        a = assess(GDP, obs((2025, 5310), (2026, 4950)), settings=with_method(method))
        assert a.status is Status.TARGET_ACHIEVED and not a.missed
        assert a.explanation_en == (
            "At 5,310 亿元 in 2025, meeting the target of at least 5,000 亿元 by 2025; since then"
            " it no longer meets it (4,950 亿元 in 2026): target achieved."
        )
        assert a.explanation_zh == (
            "2025年为5,310亿元，已达到2025年不低于5,000亿元的目标；此后2026年为4,950亿元，"
            "未达到该目标：已实现。"
        )
    band = assess(BAND, obs((2024, 16.5), (2025, 15.4), (2026, 17.0)))
    assert band.status is Status.TARGET_ACHIEVED
    assert "since then it has left the band (17 % in 2026)" in band.explanation_en
    preliminary = Observation(1, 2025, 5310, Quality.PRELIMINARY)
    rests = assess(GDP, [preliminary, Observation(1, 2026, 4950, Quality.ESTIMATE)])
    assert rests.resting_on == (preliminary,)  # the figure the status rests on, not the latest
    assert rests.explanation_en.endswith("target achieved. The 2025 figure is preliminary.")
    early = assess(GDP, obs((2024, 5100), (2026, 4950)))  # met before its year only
    assert early.status is not Status.TARGET_ACHIEVED and early.missed


def test_a_later_figure_judged_for_a_target_year_without_one_says_so() -> None:
    """A 2026 estimate was read as the 2025 result, not saying that 2025 had no figure (the
    judgement changes once it is entered)."""
    a = assess(GDP, obs((2026, 4900)))
    assert a.missed
    assert a.explanation_en.startswith(
        "The target year 2025 has come and the target was not met: 4,900 亿元 in 2026 (2025 has"
        " no figure), 100 亿元 (2.00 %) short of it."
    )
    assert a.explanation_zh.startswith(
        "目标年份（2025年）已到，目标未实现：2026年为4,900亿元（2025年无数据），比目标少100亿元"
    )
    in_its_year = assess(GDP, obs((2025, 4900)))
    assert "has no figure" not in in_its_year.explanation_en


def test_a_target_met_only_after_its_year_says_what_its_year_fell_short_by() -> None:
    """Met on a 2026 figure, it read as met "by 2025", and the 2025 figure that fell short
    was said nowhere (not in the sentence, nor in a final evaluation)."""
    for method in Method:
        a = assess(GDP, obs((2025, 4960), (2026, 5300)), settings=with_method(method))
        assert a.status is Status.TARGET_ACHIEVED and not a.missed
        assert a.explanation_en == (
            "At 5,300 亿元 in 2026, meeting the target of at least 5,000 亿元 by 2025: target"
            " achieved. It was met after its target year: 4,960 亿元 in 2025, 40 亿元 (0.80 %)"
            " short of it."
        )
        assert a.explanation_zh == (
            "2026年为5,300亿元，已达到2025年不低于5,000亿元的目标：已实现。"
            "该目标晚于目标年份实现：2025年为4,960亿元，比目标少40亿元（0.80%）。"
        )
    in_time = assess(GDP, obs((2024, 4800), (2025, 5010)))
    assert "after its target year" not in in_time.explanation_en


def test_baseline_already_meeting_target_then_missing_it_is_deterioration() -> None:
    land = target(unit="亿亩", baseline_value=19.18, target_value=18, kind=Kind.BINDING)
    assert assess(land, obs((2022, 18.5))).status is Status.TARGET_ACHIEVED
    a = assess(land, obs((2022, 17.9)))
    assert a.status is Status.DETERIORATION
    assert a.warning
    assert "17.9 亿亩" in a.explanation_en and "19.18 亿亩" in a.explanation_en
    assert "17.9亿亩" in a.explanation_zh and "出现倒退" in a.explanation_zh


# As-of year, baseline from the first observation


def test_as_of_year_ignores_later_observations() -> None:
    points = obs((2021, 330), (2022, 360), (2023, 480))
    a = assess(EXAMPLE_2, points, as_of_year=2022)
    assert a.latest is not None and a.latest.year == 2022
    assert a == assess(EXAMPLE_2, obs((2021, 330), (2022, 360)))
    assert assess(EXAMPLE_2, points).latest == Observation(1, 2023, 480)


def test_as_of_year_before_any_observation_after_baseline() -> None:
    a = assess(EXAMPLE_2, obs((2022, 360)), as_of_year=2021)
    assert a.status is Status.NOT_ASSESSABLE
    assert a.latest is None
    assert a.achievement.reason_en == "no figure after the baseline year yet"
    assert "no figure after the baseline year yet" in a.explanation_en
    assert "基期之后尚无数据" in a.explanation_zh


def test_observations_in_any_order() -> None:
    a = assess(EXAMPLE_2, obs((2022, 360), (2021, 330)))
    assert a.latest is not None and a.latest.year == 2022


def test_first_observation_serves_as_baseline() -> None:
    t = replace(GDP, baseline_year=None, baseline_value=None)
    a = assess(t, obs((2021, 4000), (2020, 3750)))
    assert a.baseline_from_first_observation
    assert a.baseline_year == 2020 and a.baseline_value == 3750
    assert a.ratio.value == pytest.approx(1.126, abs=5e-4)
    assert a.status is Status.ON_TRACK
    assert "first observation, 2020" in a.explanation_en
    assert "以2020年首个观测值为基期" in a.explanation_zh


def test_first_observation_baseline_respects_as_of_year() -> None:
    t = replace(GDP, baseline_year=None, baseline_value=None)
    a = assess(t, obs((2021, 4000), (2022, 4200)), as_of_year=2021)
    assert a.baseline_year == 2021
    assert a.status is Status.NOT_ASSESSABLE


def test_no_baseline_and_no_observation() -> None:
    t = replace(GDP, baseline_year=None, baseline_value=None)
    a = assess(t, [])
    assert a.status is Status.NOT_ASSESSABLE
    assert a.baseline_year is None
    assert a.explanation_en.startswith("Not assessable:")


# Zero and negative values


def test_zero_baseline_growth_ratio_is_not_assessable_and_suggests_schedule() -> None:
    t = target(baseline_value=0, target_value=10)
    a = assess(t, obs((2022, 4)))
    assert a.status is Status.NOT_ASSESSABLE
    assert a.observed_growth.value is None
    assert "zero or negative" in a.observed_growth.reason_en
    assert "zero or negative" in a.explanation_en and "schedule" in a.explanation_en
    assert "不是正数" in a.explanation_zh and "序时进度" in a.explanation_zh


def test_zero_latest_value_is_not_assessable() -> None:
    a = assess(EXAMPLE_2, obs((2022, 0)))
    assert a.status is Status.NOT_ASSESSABLE
    assert "latest value is zero or negative" in a.explanation_en


def test_zero_baseline_with_schedule_and_projection() -> None:
    t = target(baseline_value=0, target_value=10)
    schedule = assess(t, obs((2022, 4)), settings=with_method(Method.SCHEDULE))
    assert schedule.status is Status.ON_TRACK
    projection = assess(t, obs((2022, 4)), settings=with_method(Method.PROJECTION))
    assert projection.projected_value.value == pytest.approx(10)
    assert projection.status is Status.ON_TRACK
    assert "linear trend" in projection.explanation_en
    assert "线性趋势" in projection.explanation_zh


def test_projection_trend_is_least_squares_over_baseline_and_observations() -> None:
    t = target(baseline_value=0, target_value=10, target_year=2026)
    a = assess(t, obs((2021, 2), (2022, 1), (2023, 3)), settings=with_method(Method.PROJECTION))
    assert a.projected_value.value == pytest.approx(0.3 + 0.8 * 6)


def test_projection_to_a_target_year_whose_figure_is_in_is_that_figure() -> None:
    # Rates of growth are undefined (a negative figure): the trend must not stand in for the
    # figure that says where the target ended, as it does not for positive figures.
    t = target(baseline_value=-1, target_value=1, unit="‰")
    figures = obs((2021, -0.5), (2022, 0), (2023, 0.3), (2024, 0.5), (2025, -0.3))
    a = assess(t, figures, settings=with_method(Method.PROJECTION))
    assert a.projected_value.value == pytest.approx(-0.3)
    assert a.status is Status.LIMITED_PROGRESS
    assert f"ratio {format_ratio(0.35)}" in a.explanation_en
    positive = assess(
        EXAMPLE_2, obs((2022, 360), (2025, 480)), settings=with_method(Method.PROJECTION)
    )
    assert positive.projected_value.value == pytest.approx(480)
    # a figure after the target year does not bring the trend (or the pace) back
    later = assess(t, [*figures, *obs((2026, 0.6))], settings=with_method(Method.PROJECTION))
    assert later.projected_value.value == pytest.approx(-0.3)
    assert later.status is Status.LIMITED_PROGRESS
    assert "Projected" not in later.explanation_en
    assert f"ratio {format_ratio(0.35)}" in later.explanation_en
    # with no figure of the target year, the first after it says where the target ended
    skipped = [*figures[:4], *obs((2026, -0.3))]
    for more in ([], obs((2027, 0.6)), obs((2027, 0.6), (2028, 0.9))):
        late = assess(t, [*skipped, *more], settings=with_method(Method.PROJECTION))
        assert late.projected_value.value == pytest.approx(-0.3)
        assert f"ratio {format_ratio(0.35)}" in late.explanation_en
    grown = assess(
        EXAMPLE_2,
        obs((2022, 360), (2025, 480), (2026, 490)),
        settings=with_method(Method.PROJECTION),
    )
    assert grown.projected_value.value == pytest.approx(480)


def test_a_plan_holding_its_baseline_judges_the_figure_against_it_by_schedule() -> None:
    # Milestones keep the baseline value through 2022: no schedule index (0 / 0), but a figure
    # above the plan is ahead of it and one below it behind, and a binding one is warned of.
    held = target(milestones=(Milestone(2022, 300.0),), kind=Kind.BINDING)
    schedule = with_method(Method.SCHEDULE)
    ahead = assess(held, obs((2021, 310)), settings=schedule)
    assert ahead.status is Status.ON_TRACK and not ahead.warning
    assert ahead.schedule_index.value is None
    assert "300 planned" in ahead.explanation_en and "holds the baseline" in ahead.explanation_en
    assert "计划值与基期值持平" in ahead.explanation_zh
    behind = assess(held, obs((2021, 290)), settings=schedule)
    assert behind.status is Status.DETERIORATION and behind.warning
    on_plan = assess(held, obs((2021, 300)), settings=schedule)
    assert on_plan.status is Status.ON_TRACK


def test_after_the_target_year_the_schedule_says_its_plan_is_the_target() -> None:
    """ "500 planned (schedule index 0.90; 90.00 % achieved; 120.00 % of the time elapsed)"
    read as a wrong index, the plan not going past its target."""
    a = assess(EXAMPLE_2, obs((2022, 360), (2026, 480)), settings=with_method(Method.SCHEDULE))
    assert a.schedule_index.value == pytest.approx(0.9)
    assert "500 planned (the plan is the target after 2025; schedule index 0.90" in (
        a.explanation_en
    )
    assert "2025年后计划值即目标值" in a.explanation_zh
    within = assess(EXAMPLE_2, obs((2022, 360)), settings=with_method(Method.SCHEDULE))
    assert "the plan is the target" not in within.explanation_en


# Planned trajectories


def test_linear_planned_value() -> None:
    t = target(baseline_value=100, target_value=200, target_year=2030)
    assert planned_value(t, 2025) == pytest.approx(150)
    assert planned_value(t, 2019) is None
    assert planned_value(t, 2031) == 200


def test_compound_planned_value() -> None:
    t = target(
        baseline_value=100, target_value=200, target_year=2030, trajectory=Trajectory.COMPOUND
    )
    assert planned_value(t, 2025) == pytest.approx(100 * math.sqrt(2))
    assert planned_value(t, 2030) == pytest.approx(200)
    assert planned_value(replace(t, baseline_value=0), 2025) is None
    assert planned_path(replace(t, baseline_value=0)) == []


def test_milestone_planned_value_is_piecewise_linear() -> None:
    t = target(
        baseline_value=100,
        target_value=200,
        target_year=2030,
        trajectory=Trajectory.COMPOUND,
        milestones=(Milestone(2025, 150), Milestone(2022, 130)),
    )
    assert planned_value(t, 2021) == pytest.approx(115)
    assert planned_value(t, 2022) == pytest.approx(130)
    assert planned_value(t, 2023) == pytest.approx(130 + 20 / 3)
    assert planned_value(t, 2027) == pytest.approx(170)
    a = assess(t, obs((2022, 130)), settings=with_method(Method.SCHEDULE))
    assert a.planned_value.value == pytest.approx(130)
    assert a.schedule_index.value == pytest.approx(1.0)
    assert a.achievement.value == pytest.approx(0.3)


def test_planned_path() -> None:
    t = target(baseline_value=100, target_value=200, target_year=2030)
    path = planned_path(t)
    assert [year for year, _ in path] == list(range(2020, 2031))
    assert path[0] == (2020, 100) and path[-1] == (2030, 200)
    assert planned_path(replace(t, baseline_year=None, baseline_value=None)) == []
    assert planned_value(replace(t, baseline_year=None, baseline_value=None), 2025) is None


# Binding targets


@pytest.mark.parametrize(
    ("latest", "warning"),
    [(360, True), (300, True), (290, True), (420, False), (520, False), (0, False)],
)
def test_binding_warning(latest: float, warning: bool) -> None:
    binding = replace(EXAMPLE_2, kind=Kind.BINDING)
    a = assess(binding, obs((2022, latest)))
    assert a.warning is warning
    assert ("Warning: binding target." in a.explanation_en) is warning
    assert ("约束性指标预警" in a.explanation_zh) is warning
    assert not assess(EXAMPLE_2, obs((2022, latest))).warning


# Formatting


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (4000, "亿元", "4,000 亿元"),
        (473.23228, "", "473.23"),
        (1234567.5, "", "1,234,567.5"),
        (0.001234, "", "0.00123"),
        (-0.0, "", "0"),
        (15, "%", "15 %"),
        (-2500, "t", "-2,500 t"),
    ],
)
def test_format_number(value: float, unit: str, text: str) -> None:
    assert format_number(value, unit) == text


def test_format_percent_and_labels() -> None:
    assert format_percent(0.059223) == "5.92 %"
    assert format_percent(0.059223, zh=True) == "5.92%"
    assert format_percent(-0.00001) == "0.00 %"
    assert set(STATUS_LABELS) == set(Status)
    assert STATUS_LABELS[Status.DETERIORATION] == ("Deterioration", "出现倒退")
    assert STATUS_LABELS[Status.NOT_ASSESSABLE][1] == "无法评估"


# Properties

values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
years = st.integers(min_value=2000, max_value=2040)


@st.composite
def targets(draw: st.DrawFn) -> Target:
    comparator = draw(st.sampled_from([*Comparator, None]))
    return target(
        comparator=comparator,
        direction=draw(st.sampled_from(Direction)),
        tolerance=draw(st.one_of(st.none(), st.floats(0, 100))),
        kind=draw(st.sampled_from(Kind)),
        baseline_year=draw(st.one_of(st.none(), years)),
        baseline_value=draw(st.one_of(st.none(), values)),
        target_year=draw(st.one_of(st.none(), years)),
        target_value=None if comparator is None else draw(values),
        trajectory=draw(st.sampled_from(Trajectory)),
        milestones=tuple(
            Milestone(y, v) for y, v in draw(st.lists(st.tuples(years, values), max_size=3))
        ),
    )


@given(
    targets(),
    st.lists(st.tuples(years, values), max_size=6),
    st.one_of(st.none(), years),
    st.sampled_from(Method),
)
def test_assessment_is_always_well_formed(
    t: Target, points: list[tuple[int, float]], as_of: int | None, method: Method
) -> None:
    a = assess(t, obs(*points), as_of_year=as_of, settings=with_method(method))
    assert a.status in set(Status)
    assert a.explanation_en.endswith(".") and a.explanation_zh.endswith("。")
    behind = {Status.NEEDS_ACCELERATION, Status.LIMITED_PROGRESS, Status.DETERIORATION}
    if a.awaiting_target_figure:  # warned unless its last figure kept it on track
        assert a.warning == (t.kind is Kind.BINDING and a.last_pace is not Status.ON_TRACK)
    else:
        assert a.warning == (t.kind is Kind.BINDING and (a.status in behind or a.missed))
    assert not (a.missed and a.status is Status.TARGET_ACHIEVED)
    if a.latest is not None:
        assert a.baseline_year is not None and a.baseline_year < a.latest.year
        assert as_of is None or a.latest.year <= as_of
    for quantity in (a.achievement, a.observed_growth, a.projected_value, a.ratio):
        assert quantity.value is not None or (quantity.reason_en and quantity.reason_zh)


@given(
    st.floats(min_value=1, max_value=1e6),
    st.floats(min_value=1, max_value=1e6),
    st.integers(min_value=2021, max_value=2030),
    st.sampled_from(Method),
)
def test_latest_equal_to_target_is_full_achievement(
    baseline: float, goal: float, year: int, method: Method
) -> None:
    t = target(baseline_value=baseline, target_value=goal)
    a = assess(t, obs((year, goal)), settings=with_method(method))
    assert a.status is Status.TARGET_ACHIEVED
    if goal > baseline:
        assert a.achievement.value == 1
    else:  # "at least" a value the baseline already met: kept, not reached along a path
        assert a.achievement.value is None
        assert a.achievement.reason_en == "the baseline already met the target"


UNEMPLOYMENT = target(
    unit="%",
    comparator=Comparator.AT_MOST,
    baseline_value=5.2,
    target_value=5.5,
    trajectory=Trajectory.LINEAR,
)
UNEMPLOYMENT_FIGURES = obs((2021, 5.4), (2022, 5.8), (2023, 5.5), (2024, 5.3))


@pytest.mark.parametrize("method", list(Method))
def test_a_ceiling_the_baseline_met_is_kept_not_planned_towards(method: Method) -> None:
    """Unemployment at most 5.5 % from 5.2 %: no plan has it rise to 5.5 %, so there is no
    achievement along a path (it read 200 % at 5.8 %), no planned value and no growth needed
    from the baseline (it read +1.13 % a year)."""
    assert planned_path(UNEMPLOYMENT) == []
    above = assess(
        UNEMPLOYMENT, UNEMPLOYMENT_FIGURES, as_of_year=2022, settings=with_method(method)
    )
    assert above.status is Status.DETERIORATION
    for quantity in (above.achievement, above.planned_value, above.required_growth, above.ratio):
        assert quantity.value is None
        assert quantity.reason_zh == "基期值已达到目标"
    assert above.required_growth_from_latest.value == pytest.approx((5.5 / 5.8) ** (1 / 3) - 1)
    assert above.explanation_zh.startswith(
        "2022年为5.8%，高于2025年不高于5.5%的目标（基期2020年5.2%已达到该目标）"
    )
    kept = assess(UNEMPLOYMENT, UNEMPLOYMENT_FIGURES, settings=with_method(method))
    assert kept.status is Status.TARGET_ACHIEVED
    assert kept.achievement.value is None and kept.ratio.value is None
    assert kept.required_growth_from_latest.reason_en == "the target is already met"


def test_a_band_the_baseline_was_in_has_no_achievement_of_thousands_of_percent() -> None:
    """Inflation about 3 % ± 0.5 from 3.2 %: at 0.6 % it read "1300 % achieved" (a move of
    -2.6 against the 0.2 from baseline to target) beside its deterioration."""
    cpi = target(
        unit="%", comparator=Comparator.ABOUT, tolerance=0.5, baseline_value=3.2, target_value=3.0
    )
    a = assess(cpi, obs((2021, 0.9), (2022, 2.0), (2023, 0.6)))
    assert a.status is Status.DETERIORATION  # moving away from the band, as before
    assert a.achievement.value is None
    assert a.achievement.reason_en == "the baseline already met the target"
    assert planned_path(cpi) == []
    inside = assess(cpi, obs((2023, 3.1)))
    assert inside.status is Status.ON_TRACK  # the band rule: achieved once 2025 is reached
    assert inside.required_yearly_amount.value is None  # not "-0.05 % a year" to the centre
    # on track, not achieved, before 2025: the figure is in the band, the target not yet met
    assert inside.required_yearly_amount.reason_en == "the latest figure is within the band"
    assert inside.required_growth_from_latest.reason_zh == "最新值已在目标区间内"
    outside = replace(cpi, baseline_value=4.2)  # from outside the band: progress towards it
    assert assess(outside, obs((2023, 3.7))).achievement.value == pytest.approx(0.5 / 1.2)


def test_a_target_whose_year_is_over_without_its_figure_cannot_be_judged_yet() -> None:
    figures = obs((2021, 4000))  # on track by 2021; judged in 2026, with no 2025 figure
    waiting = assess(GDP, figures, as_of_year=2026)
    assert waiting.status is Status.NOT_ASSESSABLE and not waiting.missed
    assert waiting.explanation_en == (
        "Not assessable: the target year 2025 has come and its figure is not in yet, so whether"
        " the target was met cannot be said. Status by its last figure (2021): on track —"
        " growing 6.67 % a year since 2020 against 5.92 % needed to reach 5,000 亿元 by 2025"
        " (ratio 1.13)."
    )
    assert waiting.explanation_zh == (
        "无法评估：目标年份（2025年）已到，但该年数据尚未录入，目标是否实现尚无法判断。"
        "按2021年最新数据判断为进展顺利：2020年以来年均增长6.67%，实现2025年5,000亿元目标需"
        "年均增长5.92%（比值1.13）。"
    )
    assert waiting.required_growth_from_latest.value is None  # nothing is needed "from now"
    assert waiting.required_growth_from_latest.reason_en == "the target year 2025 has come"
    assert waiting.required_yearly_amount.value is None
    assert waiting.achievement.value == 0.2  # what the last figure showed stays shown
    assert waiting.ratio.value == pytest.approx(1.1257, abs=1e-4)  # as its sentence says
    assert waiting.latest_age == 5  # marked as old where figures are listed
    # judged the year before, by its pace
    assert assess(GDP, figures, as_of_year=2024).status is Status.ON_TRACK
    # met before its year is met, whenever it is judged
    early = assess(GDP, obs((2023, 5100)), as_of_year=2026)
    assert early.status is Status.TARGET_ACHIEVED
    # a monitoring indicator has no target year to wait for
    assert assess(WATCHED_SHARE, obs((2021, 16)), as_of_year=2026).status is Status.ON_TRACK


def test_on_all_figures_the_year_it_is_decides_whether_a_figure_is_awaited() -> None:
    figures = obs((2021, 4000))
    in_2026 = assess(GDP, figures, this_year=2026)
    assert in_2026.status is Status.NOT_ASSESSABLE and in_2026.awaiting_target_figure
    assert in_2026 == replace(
        assess(GDP, figures, as_of_year=2026), latest_age=None
    )  # the same sentence and figures; not called old, as no year was chosen
    assert assess(GDP, figures, this_year=2025).status is Status.ON_TRACK
    assert assess(GDP, figures).status is Status.ON_TRACK  # no year known: by its pace
    # a year chosen decides, whatever year it is
    assert assess(GDP, figures, as_of_year=2024, this_year=2026).status is Status.ON_TRACK
    # as of the target year itself (a final evaluation), awaited whenever it is judged: a
    # report as of a year says the same in that year and later
    final = assess(GDP, figures, as_of_year=2025, this_year=2026)
    assert final.status is Status.NOT_ASSESSABLE and final.awaiting_target_figure
    assert final.required_growth_from_latest.value is None  # nothing "needed from now"
    assert assess(GDP, figures, as_of_year=2025, this_year=2025) == final
    assert assess(GDP, figures, as_of_year=2025) == final
    assert assess(GDP, obs((2025, 5100)), this_year=2026).status is Status.TARGET_ACHIEVED


def test_a_binding_target_waiting_for_its_year_keeps_the_warning_of_its_pace() -> None:
    binding = replace(GDP, kind=Kind.BINDING)
    falling = assess(binding, obs((2021, 3700)), as_of_year=2026)
    assert falling.status is Status.NOT_ASSESSABLE and falling.warning
    assert falling.explanation_en.endswith("(ratio -0.23). Warning: binding target.")
    assert (
        "Status by its last figure (2021): deterioration — falling 1.33 %" in falling.explanation_en
    )
    assert falling.explanation_zh.endswith("（比值-0.23）；约束性指标预警。")  # not "）（"
    assert not assess(binding, obs((2021, 4000)), as_of_year=2026).warning  # on track by then
    at_most = target(comparator=Comparator.AT_MOST, baseline_value=50, target_value=30)
    assert assess(at_most, obs((2022, 40)), as_of_year=2026).status is Status.NOT_ASSESSABLE
    band = replace(BAND, target_year=2022)
    assert assess(band, obs((2021, 17)), as_of_year=2023).status is Status.NOT_ASSESSABLE


WATCHED_SHARE = target(
    unit="%",
    comparator=None,
    target_value=None,
    target_year=None,
    direction=Direction.INCREASE,
    baseline_value=15,
)


def test_a_flat_series_reads_unchanged_not_growing_at_zero() -> None:
    flat = assess(WATCHED_SHARE, obs((2023, 15)))
    assert flat.explanation_en.startswith(
        "Unchanged since 2020, for an indicator meant to increase: limited progress"
    )
    assert flat.explanation_zh.startswith("2020年以来保持不变，该指标期望上升")


def test_a_monitoring_indicator_in_words_has_no_kind() -> None:
    watched = target(
        comparator=None, target_value=None, target_year=None, direction=Direction.INCREASE
    )
    assert not wording.in_words(watched, "en").endswith("expected")
    assert wording.in_words(watched, "en").endswith(": monitoring indicator, should increase")
    assert wording.in_words(watched, "zh").endswith("：监测指标，应提高")
    assert wording.in_words(GDP, "en").endswith("by 2025, expected")


def test_a_target_whose_year_is_over_with_only_earlier_figures_awaits_it_too() -> None:
    single = assess(GDP_WITHOUT_BASELINE, obs((2021, 4000)), as_of_year=2026)
    assert single.status is Status.NOT_ASSESSABLE and single.awaiting_target_figure
    assert single.explanation_en.startswith(
        "Not assessable: the target year 2025 has come and its figure is not in yet"
    )
    none_yet = assess(GDP, [], as_of_year=2026)
    assert none_yet.awaiting_target_figure
    assert assess(GDP, [], as_of_year=2025).awaiting_target_figure  # as of its year
    assert not assess(GDP, [], as_of_year=2024).awaiting_target_figure


GDP_WITHOUT_BASELINE = replace(GDP, baseline_year=None, baseline_value=None)


def test_a_ratio_just_below_a_threshold_is_not_shown_on_it() -> None:
    """R = 0.948 needs acceleration; "ratio 0.95" beside it read as on the threshold."""
    gdp = target(baseline_value=1000, target_value=1500)
    a = assess(gdp, obs((2023, 1260)))
    assert a.status is Status.NEEDS_ACCELERATION
    assert "(ratio 0.948): needs acceleration." in a.explanation_en
    assert "（比值0.948）：需加快。" in a.explanation_zh
    assert "(ratio 1.13)" in assess(GDP, obs((2021, 4000))).explanation_en  # two decimals
    schedule = assess(EXAMPLE_2, obs((2022, 359.99)), settings=with_method(Method.SCHEDULE))
    assert "schedule index 0.75" in schedule.explanation_en
    assert format_ratio(-0.001, (0.95, 0.6, 0.0)) == "-0.001"  # deterioration, not "0.00"
    assert format_ratio(-1e-9, (0.0,)) == "-0.000000"
    assert format_ratio(0.951, (0.95,)) == "0.95"


def test_a_monitoring_growth_a_hair_below_a_threshold_is_not_shown_on_it() -> None:
    """1.4996 % a year needs acceleration (on track from 1.5 %): "1.50 %" beside it read as
    on the threshold; a hair of a rise on an indicator meant to fall read "0.00 %" beside
    deterioration."""
    near = assess(WATCHED_SHARE, obs((2023, 15.68499)))
    assert near.status is Status.NEEDS_ACCELERATION
    assert near.explanation_en.startswith("Growing 1.4996 % a year since 2020")
    assert near.explanation_zh.startswith("2020年以来年均增长1.4996%")
    falling = replace(WATCHED_SHARE, direction=Direction.DECREASE)
    rising = assess(falling, obs((2023, 15.0001)))
    assert rising.status is Status.DETERIORATION
    assert "Growing 0.0002 % a year" in rising.explanation_en
    assert assess(WATCHED_SHARE, obs((2023, 16))).explanation_en.startswith("Growing 2.17 %")


def test_the_schedule_method_is_suggested_only_where_it_can_judge() -> None:
    """At most 0 t by 2030 from 100: growth rates are undefined, and the sentence suggested
    the schedule method, which cannot lay a compound path to 0 either."""
    to_zero = target(
        unit="t",
        comparator=Comparator.AT_MOST,
        baseline_value=100,
        target_value=0,
        target_year=2030,
    )
    linear = assess(to_zero, obs((2024, 60)))
    assert "the schedule method can assess it" in linear.explanation_en
    scheduled = assess(to_zero, obs((2024, 60)), settings=with_method(Method.SCHEDULE))
    assert scheduled.status is not Status.NOT_ASSESSABLE  # as suggested
    compound = replace(to_zero, trajectory=Trajectory.COMPOUND)
    assert "schedule" not in assess(compound, obs((2024, 60))).explanation_en


def test_a_lone_first_figure_is_shown_as_the_latest_and_marked_old_when_it_is() -> None:
    """It serves as the baseline; views show it as the latest too. Once old it was hidden
    (LJ-GDP-DIRECT's 2021 figure was there as of 2021, gone as of 2023); it stays, marked old
    as an old latest figure is."""
    monitored = target(
        comparator=None, target_year=None, target_value=None, baseline_year=None,
        baseline_value=None, direction=Direction.INCREASE,
    )  # fmt: skip
    lone = obs((2021, 44.5))
    assert assess(monitored, lone).latest is None
    assert assess(monitored, lone).shown_latest == lone[0]
    assert assess(monitored, lone, as_of_year=2022).shown_latest == lone[0]
    assert assess(monitored, lone, as_of_year=2022).latest_age is None
    old = assess(monitored, lone, as_of_year=2023)
    assert (old.shown_latest, old.latest_age) == (lone[0], 2)
    assert "2021" in old.explanation_en and "old" not in old.explanation_en  # said once
    with_baseline = target()  # its own baseline: a figure of 2021 is the latest proper
    assert assess(with_baseline, lone).shown_latest == assess(with_baseline, lone).latest


def test_a_target_with_nothing_at_all_is_awaited_once_its_year_has_come() -> None:
    """LJ14-IND, no baseline and no figure, read "no baseline and no observation" in a final
    evaluation, and was not among the targets whose year has come; binding, it carried no
    warning, though nothing shows it met."""
    empty = target(baseline_year=None, baseline_value=None, kind=Kind.BINDING)
    before = assess(empty, [], as_of_year=2024)
    assert not before.awaiting_target_figure and not before.warning
    assert before.explanation_en == "Not assessable: no baseline and no observation."
    come = assess(empty, [], as_of_year=2025)
    assert come.status is Status.NOT_ASSESSABLE
    assert come.awaiting_target_figure and come.warning
    assert come.explanation_en.startswith("Not assessable: the target year 2025 has come")
    assert "no baseline and no figure at all" in come.explanation_en
    assert come.explanation_zh.endswith("该指标既无基期值也无任何数据（约束性指标预警）。")
    assert assess(empty, [], this_year=2026).awaiting_target_figure  # on all figures, later
    expected = assess(replace(empty, kind=Kind.EXPECTED), [], as_of_year=2025)
    assert expected.awaiting_target_figure and not expected.warning


def test_a_binding_target_awaited_is_warned_of_unless_its_last_figure_was_on_track() -> None:
    binding = target(kind=Kind.BINDING)
    baseline_only = assess(binding, [], as_of_year=2025)  # its pace could not be judged
    assert baseline_only.awaiting_target_figure and baseline_only.warning
    on_track = assess(binding, obs((2024, 480)), as_of_year=2025)
    assert on_track.awaiting_target_figure and not on_track.warning


def test_a_missed_target_s_figure_is_given_once() -> None:
    """ "…not met: 4.2 % in 2025, … At 4.2 % in 2025, outside the band…": the pace's sentence
    repeated the figure the missed sentence had just given."""
    band = assess(BAND, obs((2023, 17.5), (2025, 17.0)))
    assert band.missed
    assert band.explanation_en.count("17 %") == 1, band.explanation_en
    assert "Outside the band 14 %–16 % and closer than in 2023 (17.5 %)" in band.explanation_en
    assert band.explanation_zh.count("17%") == 1, band.explanation_zh
    schedule = assess(GDP, obs((2023, 4400), (2025, 4800)), settings=with_method(Method.SCHEDULE))
    assert schedule.missed
    assert schedule.explanation_en.count("4,800") == 1, schedule.explanation_en
    assert "Against 5,000 亿元 planned for 2025 (schedule index" in schedule.explanation_en
    assert schedule.explanation_zh.count("4,800") == 1, schedule.explanation_zh
    projected = assess(
        GDP, obs((2023, 4400), (2025, 4800)), settings=with_method(Method.PROJECTION)
    )
    assert projected.explanation_en.count("4,800") == 1, projected.explanation_en  # none projected
    assert "Against 5,000 亿元 targeted from 3,750 亿元 (ratio" in projected.explanation_en
    assert projected.explanation_zh.count("4,800") == 1, projected.explanation_zh
    kept = assess(target(baseline_value=110, target_value=100), obs((2025, 95)))  # baseline met
    assert kept.missed and kept.explanation_en.count("95") == 1, kept.explanation_en
    assert "Below the target of at least 100" in kept.explanation_en
    assert kept.explanation_zh.count("95") == 1, kept.explanation_zh
    # missed by a figure after the target year, none of it: that figure is where the target
    # ended (projected back from the latest, it moved with every figure that came after)
    after = obs((2023, 4400), (2026, 4800))
    ended = assess(GDP, after, settings=with_method(Method.PROJECTION))
    assert ended.missed and ended.explanation_en.count("4,800") == 1, ended.explanation_en
    assert "Against 5,000 亿元 targeted from 3,750 亿元 (ratio 0.84)" in ended.explanation_en
    later = assess(BAND, obs((2023, 17.5), (2025, 17.0), (2026, 17.2)))  # a later figure is new
    assert "At 17.2 % in 2026, outside the band" in later.explanation_en
