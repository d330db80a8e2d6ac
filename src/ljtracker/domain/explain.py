"""Wording of the progress engine: status labels and one-sentence explanations.

Every sentence comes in English and Chinese and carries the numbers behind the status.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from ljtracker.domain.model import (
    Comparator,
    Method,
    Quality,
    Status,
    Target,
    Thresholds,
)
from ljtracker.domain.number_text import (
    decimals_beside,
    difference,
    format_number,
    format_percent,
    format_ratio,
    join_unit,
    rate_places,
    shown_sign,
)
from ljtracker.domain.numbers import is_percent_unit
from ljtracker.domain.status_look import MISSED, Shown, shown_as
from ljtracker.domain.status_rules import monitoring_cuts

MISSED_LABEL = ("Missed", "到期未实现")  # a target whose year has come unmet
STATUS_LABELS: dict[Status, tuple[str, str]] = {
    Status.TARGET_ACHIEVED: ("Target achieved", "已实现"),
    Status.ON_TRACK: ("On track", "进展顺利"),
    Status.NEEDS_ACCELERATION: ("Needs acceleration", "需加快"),
    Status.LIMITED_PROGRESS: ("Limited progress", "进展有限"),
    Status.DETERIORATION: ("Deterioration", "出现倒退"),
    Status.NOT_ASSESSABLE: ("Not assessable", "无法评估"),
}

# as the window, the report and their sentences name them ("judged by the growth ratio method")
METHOD_NAMES: dict[Method, tuple[str, str]] = {
    Method.GROWTH_RATIO: ("growth ratio", "增长比值法"),
    Method.PROJECTION: ("projection", "趋势预测法"),
    Method.SCHEDULE: ("time elapsed (schedule)", "序时进度法"),
}


def method_name(method: Method, lang: str) -> str:
    en, zh = METHOD_NAMES[method]
    return zh if lang == "zh" else en


def shown_label(shown: Shown, lang: str) -> str:
    """The label of what a target is counted and marked as: its status's, or "Missed"."""
    en, zh = MISSED_LABEL if shown == MISSED else STATUS_LABELS[Status(shown)]
    return zh if lang == "zh" else en


def status_text(
    status: Status,
    lang: str,
    *,
    warning: bool = False,
    missed: bool = False,
    awaiting: bool = False,
) -> str:
    """A status as a cell shows it: its label, led by "Missed" once its year has come unmet
    (what matters then, the pace's status beside it), or with "(figure due)" once it has come
    without its figure; and ⚠ for a binding target's warning."""
    en, zh = STATUS_LABELS[status]
    label = shown_label(shown_as(status, missed), lang)  # "Missed": the result, no pace to add
    if missed and status is not Status.NOT_ASSESSABLE:
        missed_en, missed_zh = MISSED_LABEL
        label = f"{missed_zh}（{zh}）" if lang == "zh" else f"{missed_en} ({en.lower()})"
    elif awaiting and not missed:
        label += "（目标年数据待录入）" if lang == "zh" else " (figure due)"
    return label + " ⚠" if warning else label


WARNING_EN = " Warning: binding target."
WARNING_ZH = "（约束性指标预警）"


def observed_growth_decimals(target: Target, growth: float, thresholds: Thresholds) -> int:
    """The decimals of a target's observed growth: beside its thresholds for a monitoring
    indicator, which is judged by it (in its desired direction)."""
    if not target.is_monitoring:
        return 2
    cuts = monitoring_cuts(thresholds)
    return decimals_beside(growth, cuts, percent=True, sign=target.sign)


def _value_zh(value: float, unit: str) -> str:
    return join_unit(format_number(value), unit, zh=True)


@dataclass(frozen=True)
class Reason:
    """Why a quantity is undefined or a target cannot be assessed, in both languages."""

    en: str
    zh: str

    def plus(self, other: Reason) -> Reason:
        return Reason(f"{self.en}; {other.en}", f"{self.zh}；{other.zh}")


NO_BASELINE = Reason("no baseline and no observation", "既无基期值也无观测值")
NO_LATEST = Reason("no figure after the baseline year yet", "基期之后尚无数据")
NO_FIGURE = Reason("no figure yet", "尚无数据")  # nor a baseline
MONITORING = Reason("a monitoring indicator has no target", "监测指标没有目标值")
NO_DIRECTION = Reason(
    "a monitoring indicator without a desired direction (increase or decrease) is watched,"
    " not judged",
    "未设定期望方向（提高或降低）的监测指标只作观察，不作评估",
)
NO_TARGET_VALUE = Reason("the target has no target value", "未设定目标值")
NO_TARGET_YEAR = Reason("the target has no target year", "未设定目标年份")
TARGET_YEAR_NOT_AFTER_BASELINE = Reason(
    "the target year is not after the baseline year", "目标年份不晚于基期年份"
)
TARGET_EQUALS_BASELINE = Reason("the target value equals the baseline value", "目标值等于基期值")
ALREADY_MET = Reason("the target is already met", "已达到目标")
WITHIN_BAND = Reason("the latest figure is within the band", "最新值已在目标区间内")
TARGET_YEAR_REACHED = Reason("the target year has been reached", "已到目标年份")
COMPOUND_NONPOSITIVE = Reason(
    "a compound path needs positive baseline and target values",
    "复合增长路径要求基期值和目标值均为正数",
)
PLANNED_EQUALS_BASELINE = Reason("the planned value equals the baseline value", "计划值等于基期值")
TOO_LARGE = Reason("the number is too large to compute", "数值过大，无法计算")
BAND_RULE = Reason("a band target is judged by the band rule", "区间目标按区间规则评估")
BAND_GROWTH = Reason(
    "growth rates are not used for a band target (about a value)", "区间目标（左右）不使用增长率"
)
BASELINE_MET = Reason("the baseline already met the target", "基期值已达到目标")
# the only figure, once a sentence before has given it
ONLY_FIGURE = Reason(
    "it is the only figure so far, which serves as the baseline", "这是目前唯一的数值，作为基期"
)
USE_SCHEDULE = Reason("the schedule method can assess it", "可改用序时进度法评估")


def single_figure(year: int, value: float, unit: str) -> Reason:
    """The only figure there is serves as the baseline, so there is no progress to measure."""
    return Reason(
        f"only one figure so far ({format_number(value, unit)} in {year}),"
        " which serves as the baseline",
        f"目前只有一个数值（{year}年{_value_zh(value, unit)}），作为基期",
    )


def nonpositive(name_en: str, name_zh: str, year: int, value: float, unit: str) -> Reason:
    """A value that a growth rate needs is zero or negative."""
    return Reason(
        f"the {name_en} value is zero or negative ({format_number(value, unit)} in {year}),"
        " so growth rates are undefined",
        f"{year}年{name_zh}值为{_value_zh(value, unit)}，不是正数，无法计算增长率",
    )


class Movement(StrEnum):
    """Where the latest value of a band target lies compared with the previous one."""

    INSIDE = "inside"
    TOWARD = "toward"
    SAME = "same"
    AWAY = "away"


@dataclass(frozen=True)
class Context:
    """What every sentence may mention about the target and its data."""

    unit: str
    comparator: Comparator | None
    sign: int
    baseline_year: int
    baseline_value: float
    baseline_from_first_observation: bool
    latest_year: int
    latest_value: float
    target_year: int | None
    target_value: float | None
    tolerance: float = 0.0

    def en(self, value: float) -> str:
        return format_number(value, self.unit)

    def zh(self, value: float) -> str:
        return _value_zh(value, self.unit)


_Text = tuple[str, str]


def _finish(
    ctx: Context | None,
    body: _Text,
    notes: list[_Text],
    status: Status,
    *,
    stagnation: bool = False,
    pace_only: bool = False,
) -> _Text:
    """Join body, parenthesised notes and status label into one sentence per language.
    `pace_only`: not assessable is said of the pace alone (of a target whose year has come
    unmet, which is a result)."""
    if ctx is not None and ctx.baseline_from_first_observation:
        notes = [
            *notes,
            (
                f"baseline: first observation, {ctx.baseline_year}",
                f"以{ctx.baseline_year}年首个观测值为基期",
            ),
        ]
    label_en, label_zh = STATUS_LABELS[status]
    label_en = label_en.lower()
    if stagnation:
        label_en += " (stagnation)"
        label_zh += "（停滞）"
    en, zh = body
    if notes:
        en += " (" + "; ".join(note[0] for note in notes if note[0]) + ")"
        zh += "（" + "；".join(note[1] for note in notes if note[1]) + "）"
    if status is Status.NOT_ASSESSABLE:
        if pace_only:
            return f"Its pace cannot be assessed: {en}.", f"进度无法评估：{zh}。"
        return f"{STATUS_LABELS[status][0]}: {en}.", f"{label_zh}：{zh}。"
    return f"{en}: {label_en}.", f"{zh}：{label_zh}。"


def with_warning(text: _Text) -> _Text:
    en, zh = text
    zh = zh.removesuffix("。")
    if zh.endswith("）"):  # no second bracket straight after one
        return en + WARNING_EN, f"{zh}；{WARNING_ZH.strip('（）')}。"
    return en + WARNING_EN, zh + WARNING_ZH + "。"


def with_missed(
    text: _Text, target: Target, year: int, value: float, *, late: bool = False
) -> _Text:
    """That the target's year has come without the target being met, with the figure that
    showed it (of the target year, or the first after it) and how far it is from the target,
    first, as what matters once the year has come; then the sentence of its progress. `late`:
    its pace would count as on track, which a target past its year unmet is not."""
    gap_en, gap_zh = _gap(target, value)
    unit = target.unit
    # a later year's figure stands for the target year's, which has none (yet)
    none_en = "" if year == target.target_year else f" ({target.target_year} has no figure)"
    none_zh = "" if year == target.target_year else f"（{target.target_year}年无数据）"
    en = (
        f"The target year {target.target_year} has come and the target was not met:"
        f" {format_number(value, unit)} in {year}{none_en}, {gap_en}. {text[0]}"
    )
    zh = (
        f"目标年份（{target.target_year}年）已到，目标未实现：{year}年为{_value_zh(value, unit)}"
        f"{none_zh}，{gap_zh}。{text[1]}"
    )
    if late:
        en += " A target missed in its year is not on track, whatever its pace."
        zh += "到期未实现的指标无论速度如何，均不视为进展顺利。"
    return en, zh


def with_met_late(text: _Text, target: Target, year: int, value: float) -> _Text:
    """A target met only after its year: the figure of its year (or the first after it), which
    fell short, after the sentence that says it is met."""
    gap_en, gap_zh = _gap(target, value)
    unit = target.unit
    return (
        f"{text[0]} It was met after its target year: {format_number(value, unit)} in {year},"
        f" {gap_en}.",
        f"{text[1]}该目标晚于目标年份实现：{year}年为{_value_zh(value, unit)}，{gap_zh}。",
    )


def _gap(target: Target, value: float) -> tuple[str, str]:
    """How far a figure falls from a target it does not meet: short of a floor, above a
    ceiling or outside a band; relative to the target too, unless the unit is a rate in %."""
    goal, unit = target.target_value, target.unit
    assert goal is not None
    if target.comparator is Comparator.ABOUT:
        distance = abs(value - goal) - abs(target.tolerance or 0.0)
        en_side, zh_side = "outside its band", "超出目标区间"
    else:
        distance = abs(value - goal)
        below = target.comparator is Comparator.AT_LEAST
        en_side, zh_side = ("short of it", "比目标少") if below else ("above it", "比目标多")
    size = format_number(distance)
    relative = ""
    if goal and not is_percent_unit(unit):
        relative = format_percent(distance / abs(goal))
    en = f"{difference(size, unit, zh=False)}{f' ({relative})' if relative else ''} {en_side}"
    zh_relative = f"（{format_percent(distance / abs(goal), zh=True)}）" if relative else ""
    return en, f"{zh_side}{difference(size, unit, zh=True)}{zh_relative}"


def awaiting_target_figure(
    target_year: int, latest_year: int, pace: _Text | None, pace_status: Status
) -> _Text:
    """The target's year has come and its figure is not in: the result is not known yet; and
    what its last figure showed, when a pace could be judged: its status, then why."""
    en, zh = not_assessable(
        None,
        Reason(
            f"the target year {target_year} has come and its figure is not in yet, so whether"
            " the target was met cannot be said",
            f"目标年份（{target_year}年）已到，但该年数据尚未录入，目标是否实现尚无法判断",
        ),
    )
    if pace is None:
        return en, zh
    # the pace's sentence ends in its status, as `_finish` writes it ("…: on track."): told
    # first, as what it was then, rather than as a verdict after the one above
    label_en, label_zh = STATUS_LABELS[pace_status]
    body_en, _, status_en = pace[0].removesuffix(".").rpartition(": ")
    body_zh, _, status_zh = pace[1].removesuffix("。").rpartition("：")
    if not (status_en.startswith(label_en.lower()) and status_zh.startswith(label_zh)):
        return f"{en} By its last figure ({latest_year}): {pace[0]}", f"{zh}{pace[1]}"
    return (
        f"{en} Status by its last figure ({latest_year}): {status_en} —"
        f" {body_en[:1].lower()}{body_en[1:]}.",
        f"{zh}按{latest_year}年最新数据判断为{status_zh}：{body_zh}。",
    )


def awaited_without_figures(target_year: int) -> _Text:
    """The target's year has come and there is no figure at all, nor a baseline."""
    en, zh = awaiting_target_figure(target_year, target_year, None, Status.NOT_ASSESSABLE)
    return (
        f"{en} It has no baseline and no figure at all.",
        f"{zh}该指标既无基期值也无任何数据。",
    )


# The two rules once a target's year has come, as the method's descriptions give them.
AFTER_TARGET_YEAR_EN = (
    "Once the target year has come, a target whose figure of that year (or the first after it)"
    " falls short, and that has not been achieved since, is missed: it is shown and counted as"
    " missed, a binding one is warned of, and its pace is given beside it, never on track"
    " (needs acceleration at best). Judged as of the target year or later, or on all figures"
    " once the target year is over, a target whose figure of that year is not in yet cannot be"
    " assessed; its explanation gives its pace by its last figure."
)
AFTER_TARGET_YEAR_ZH = (
    "目标年份到来后，该年（或其后第一个）数据未达到目标且此后仍未实现的指标为到期未实现："
    "按到期未实现显示和统计，约束性指标同时预警，其后注明按进度的状态，且不视为进展顺利"
    "（至多为需加快）。截至目标年份或其后评估，或按全部数据评估而目标年份已过时，"
    "该年数据尚未录入的指标无法评估，说明中给出按最新数据的进展。"
)


def target_year_come(target_year: int) -> Reason:
    return Reason(f"the target year {target_year} has come", f"目标年份（{target_year}年）已到")


def with_other_baseline_figure(
    text: _Text, year: int, figure: float, baseline: float, unit: str
) -> _Text:
    """The sentence, and that a figure of the baseline year differs from the baseline set with
    the target (a revised statistic, say), which progress is still measured from."""
    en, zh = text
    return (
        f"{en} The {year} figure ({format_number(figure, unit)}) differs from the baseline"
        f" {format_number(baseline, unit)} set with the target, which progress is measured from.",
        f"{zh}{year}年数据（{_value_zh(figure, unit)}）与设定目标时的基期值"
        f"{_value_zh(baseline, unit)}不一致，进展按基期值计算。",
    )


def with_age(text: _Text, latest_year: int, as_of_year: int) -> _Text:
    """The sentence, and how far its latest figure lies before the year judged."""
    en, zh = text
    gap = as_of_year - latest_year
    return (
        f"{en} The latest figure is from {latest_year}, {gap} years before {as_of_year}.",
        f"{zh}最新数据为{latest_year}年，比{as_of_year}年早{gap}年。",
    )


def with_quality(text: _Text, latest_year: int, quality: Quality) -> _Text:
    """The sentence, and that the figure it rests on may yet be revised."""
    en, zh = text
    if quality is Quality.PRELIMINARY:
        return (
            f"{en} The {latest_year} figure is preliminary.",
            f"{zh}{latest_year}年数据为初步数据。",
        )
    return f"{en} The {latest_year} figure is an estimate.", f"{zh}{latest_year}年数据为估算数据。"


def not_assessable(ctx: Context | None, reason: Reason, *, pace_only: bool = False) -> _Text:
    return _finish(ctx, (reason.en, reason.zh), [], Status.NOT_ASSESSABLE, pace_only=pace_only)


def _growing(rate: float, decimals: int, zh: bool, words: tuple[str, str, str]) -> str:
    """A yearly rate in `words` (unchanged, rising, falling; the last two take the rate)."""
    decimals = rate_places(rate, decimals)
    sign = shown_sign(rate, decimals)
    if not sign:
        return words[0]
    size = format_percent(abs(rate), zh=zh, decimals=decimals)
    return (words[2] if sign < 0 else words[1]).format(size)


def _growing_en(rate: float, decimals: int = 2) -> str:
    return _growing(rate, decimals, False, ("Unchanged", "Growing {} a year", "Falling {} a year"))


def _growing_zh(rate: float, decimals: int = 2) -> str:
    return _growing(rate, decimals, True, ("保持不变", "年均增长{}", "年均下降{}"))


def _in_points(ctx: Context) -> _Text:
    """For a rate in %, the figures and the change in percentage points beside its yearly
    growth: "growing 10.06 % a year" of a share from 15 % to 20 % reads, to a planner, as
    points; "" for other units, and when the two figures are shown the same."""
    change = ctx.latest_value - ctx.baseline_value
    size = format_number(abs(change))
    then, now = ctx.baseline_value, ctx.latest_value
    # a unit written as a word ("百分点") reads oddly beside "个百分点": units with the sign only
    has_sign = "%" in ctx.unit or "％" in ctx.unit
    if not (has_sign and is_percent_unit(ctx.unit)) or size == "0" or ctx.en(then) == ctx.en(now):
        return "", ""
    up = change > 0
    return (
        f" (from {ctx.en(then)} to {ctx.en(now)}, {'up' if up else 'down'}"
        f" {difference(size, ctx.unit, zh=False)})",
        f"（由{ctx.zh(then)}{'升至' if up else '降至'}{ctx.zh(now)}，"
        f"{'提高' if up else '下降'}{difference(size, ctx.unit, zh=True)}）",
    )


def _goal_en(ctx: Context) -> str:
    assert ctx.target_value is not None
    bound = {Comparator.AT_LEAST: "at least ", Comparator.AT_MOST: "at most "}
    text = bound.get(ctx.comparator, "") if ctx.comparator else ""
    text += ctx.en(ctx.target_value)
    if ctx.comparator is Comparator.ABOUT:
        text = f"about {text} ± {difference(format_number(ctx.tolerance), ctx.unit, zh=False)}"
    return text + (f" by {ctx.target_year}" if ctx.target_year is not None else "")


def _goal_zh(ctx: Context) -> str:
    assert ctx.target_value is not None
    year = f"{ctx.target_year}年" if ctx.target_year is not None else ""
    value = ctx.zh(ctx.target_value)
    if ctx.comparator is Comparator.AT_LEAST:
        return f"{year}不低于{value}"
    if ctx.comparator is Comparator.AT_MOST:
        return f"{year}不高于{value}"
    if ctx.comparator is Comparator.ABOUT:
        return (
            f"{year}{value}左右（±{difference(format_number(ctx.tolerance), ctx.unit, zh=True)}）"
        )
    return f"{year}{value}"


def not_meeting(ctx: Context) -> Reason:
    return Reason(
        f"not yet meeting the target of {_goal_en(ctx)}", f"尚未达到{_goal_zh(ctx)}的目标"
    )


def achieved(ctx: Context) -> _Text:
    body = (
        f"At {ctx.en(ctx.latest_value)} in {ctx.latest_year},"
        f" meeting the target of {_goal_en(ctx)}",
        f"{ctx.latest_year}年为{ctx.zh(ctx.latest_value)}，已达到{_goal_zh(ctx)}的目标",
    )
    return _finish(ctx, body, [], Status.TARGET_ACHIEVED)


def met_in_time(ctx: Context, year: int, value: float) -> _Text:
    """The first figure of the target year (or after) met the target; the latest, later,
    does not, which does not undo a target met in time (as a later figure does not undo one
    missed)."""
    band = ctx.comparator is Comparator.ABOUT
    short_en = "it has left the band" if band else "it no longer meets it"
    short_zh = "不在目标区间内" if band else "未达到该目标"
    body = (
        f"At {ctx.en(value)} in {year}, meeting the target of {_goal_en(ctx)}; since then"
        f" {short_en} ({ctx.en(ctx.latest_value)} in {ctx.latest_year})",
        f"{year}年为{ctx.zh(value)}，已达到{_goal_zh(ctx)}的目标；此后{ctx.latest_year}年为"
        f"{ctx.zh(ctx.latest_value)}，{short_zh}",
    )
    return _finish(ctx, body, [], Status.TARGET_ACHIEVED)


def achieved_by_only_figure(ctx: Context) -> _Text:
    """The only figure, which serves as the baseline, already meets the target."""
    only = single_figure(ctx.latest_year, ctx.latest_value, ctx.unit)
    body = (
        f"{only.en[0].upper()}{only.en[1:]}; it meets the target of {_goal_en(ctx)}",
        f"{only.zh}，已达到{_goal_zh(ctx)}的目标",
    )
    return _finish(ctx, body, [], Status.TARGET_ACHIEVED)


def baseline_met_but_missed(ctx: Context, *, figure_told: bool = False) -> _Text:
    """`figure_told`: the sentence before gave the latest figure, which is then not repeated."""
    side_en, side_zh = ("below", "低于") if ctx.sign > 0 else ("above", "高于")
    base_en = f"{ctx.en(ctx.baseline_value)} in {ctx.baseline_year}"
    at_en = f"At {ctx.en(ctx.latest_value)} in {ctx.latest_year}, {side_en}"
    at_zh = f"{ctx.latest_year}年为{ctx.zh(ctx.latest_value)}，{side_zh}"
    if figure_told:
        at_en, at_zh = side_en.capitalize(), side_zh
    body = (
        f"{at_en} the target of {_goal_en(ctx)} that the baseline met ({base_en})",
        f"{at_zh}{_goal_zh(ctx)}的目标（基期{ctx.baseline_year}年{ctx.zh(ctx.baseline_value)}已达到该目标）",
    )
    return _finish(ctx, body, [], Status.DETERIORATION)


def growth(
    ctx: Context,
    observed: float,
    required: float,
    ratio: float,
    status: Status,
    cuts: Sequence[float] = (),
) -> _Text:
    assert ctx.target_value is not None and ctx.target_year is not None
    places = rate_places(required)  # as the Chinese, written by _growing_zh, gives it
    if shown_sign(required, places) < 0:
        needed_en = f"a fall of {format_percent(-required, decimals=places)} a year"
    else:
        needed_en = format_percent(required, decimals=places)
    points_en, points_zh = _in_points(ctx)
    body = (
        f"{_growing_en(observed)} since {ctx.baseline_year}{points_en} against {needed_en}"
        f" needed to reach {ctx.en(ctx.target_value)} by {ctx.target_year}",
        f"{ctx.baseline_year}年以来{_growing_zh(observed)}{points_zh}，实现{ctx.target_year}年"
        f"{ctx.zh(ctx.target_value)}目标需{_growing_zh(required)}",
    )
    shown = format_ratio(ratio, cuts)
    notes = [(f"ratio {shown}", f"比值{shown}")]
    return _finish(ctx, body, notes, status)


def watched(ctx: Context, observed: float) -> _Text:
    """A monitoring indicator without a desired direction: how it moves, and no judgement."""
    points_en, points_zh = _in_points(ctx)
    reason = NO_DIRECTION.plus(
        Reason(
            f"{_growing_en(observed).lower()} since {ctx.baseline_year}{points_en}",
            f"{ctx.baseline_year}年以来{_growing_zh(observed)}{points_zh}",
        )
    )
    return not_assessable(ctx, reason)


def monitoring(ctx: Context, observed: float, status: Status, cuts: Sequence[float] = ()) -> _Text:
    """`cuts`: the thresholds of the growth in the desired direction it is judged by."""
    wanted_en, wanted_zh = ("increase", "上升") if ctx.sign > 0 else ("decrease", "下降")
    decimals = decimals_beside(observed, cuts, percent=True, sign=ctx.sign)
    points_en, points_zh = _in_points(ctx)
    body = (
        f"{_growing_en(observed, decimals)} since {ctx.baseline_year}{points_en},"
        f" for an indicator meant to {wanted_en}",
        f"{ctx.baseline_year}年以来{_growing_zh(observed, decimals)}{points_zh}，"
        f"该指标期望{wanted_zh}",
    )
    return _finish(ctx, body, [], status)


def projection(
    ctx: Context,
    projected: float,
    observed: float | None,
    ratio: float,
    status: Status,
    *,
    stagnation: bool,
    cuts: Sequence[float] = (),
    figure_told: bool = False,
) -> _Text:
    """`figure_told`: the sentence before gave the latest figure, of the target year: there is
    nothing to project, and the figure is not repeated as a projection."""
    assert ctx.target_value is not None and ctx.target_year is not None
    goal_en = f"{ctx.en(ctx.target_value)} targeted from {ctx.en(ctx.baseline_value)}"
    goal_zh = f"目标为{ctx.zh(ctx.target_value)}、基期为{ctx.zh(ctx.baseline_value)}"
    if observed is None:
        basis_en = f"on the linear trend since {ctx.baseline_year}"
        basis_zh = f"按{ctx.baseline_year}年以来的线性趋势推算"
    else:
        basis_en = f"at {format_percent(observed)} a year since {ctx.baseline_year}"
        basis_zh = f"按{ctx.baseline_year}年以来{_growing_zh(observed)}的趋势推算"
    if figure_told:
        body = (f"Against {goal_en}", goal_zh)
    else:
        body = (
            f"Projected {ctx.en(projected)} by {ctx.target_year} {basis_en}, against {goal_en}",
            f"{basis_zh}，{ctx.target_year}年将达到{ctx.zh(projected)}，{goal_zh}",
        )
    shown = format_ratio(ratio, cuts)
    notes = [(f"ratio {shown}", f"比值{shown}")]
    return _finish(ctx, body, notes, status, stagnation=stagnation)


_PATHS = {
    "compound": ("on a compound-growth path", "按复合增长路径"),
    "milestones": ("on the path through its milestones", "按阶段目标路径"),
}


def schedule(
    ctx: Context,
    planned: float,
    index: float | None,
    achievement: float | None,
    elapsed: float | None,
    status: Status,
    *,
    path: str = "linear",
    cuts: Sequence[float] = (),
    figure_told: bool = False,
) -> _Text:
    """`path`: "linear", "compound" or "milestones"; on the last two the planned value is not
    the share of time elapsed, which the sentence then says. `index`: None where the plan holds
    the baseline value. `figure_told`: the sentence before gave the latest figure, which is
    then not repeated."""
    if figure_told:
        body = (
            f"Against {ctx.en(planned)} planned for {ctx.latest_year}",
            f"{ctx.latest_year}年计划值为{ctx.zh(planned)}",
        )
    else:
        body = (
            f"At {ctx.en(ctx.latest_value)} in {ctx.latest_year} against {ctx.en(planned)} planned",
            f"{ctx.latest_year}年为{ctx.zh(ctx.latest_value)}，计划值为{ctx.zh(planned)}",
        )
    if index is None:  # the plan holds the baseline value: figure and plan are compared
        notes = [("the plan holds the baseline value then", "计划值与基期值持平")]
    else:
        shown = format_ratio(index, cuts)
        notes = [(f"schedule index {shown}", f"序时进度指数{shown}")]
    if path in _PATHS:
        body = (f"{body[0]} {_PATHS[path][0]}", body[1])
        notes.insert(0, ("", _PATHS[path][1]))  # said in the English sentence itself
    if ctx.target_year is not None and ctx.latest_year > ctx.target_year:
        # the index is then the achievement, not achievement over time elapsed
        year = ctx.target_year
        notes.insert(0, (f"the plan is the target after {year}", f"{year}年后计划值即目标值"))
    if achievement is not None:
        notes.append(
            (
                f"{format_percent(achievement)} achieved",
                f"完成度{format_percent(achievement, zh=True)}",
            )
        )
    if elapsed is not None:
        notes.append(
            (
                f"{format_percent(elapsed)} of the time elapsed",
                f"时间进度{format_percent(elapsed, zh=True)}",
            )
        )
    return _finish(ctx, body, notes, status)


def band(
    ctx: Context,
    low: float,
    high: float,
    movement: Movement,
    previous: tuple[int, float],
    status: Status,
    *,
    figure_told: bool = False,
) -> _Text:
    """`figure_told`: the sentence before gave the latest figure, which is then not repeated."""
    at_en = f"At {ctx.en(ctx.latest_value)} in {ctx.latest_year}"
    at_zh = f"{ctx.latest_year}年为{ctx.zh(ctx.latest_value)}"
    band_en = f"the band {ctx.en(low)}–{ctx.en(high)}"
    band_zh = f"目标区间{ctx.zh(low)}–{ctx.zh(high)}"
    if movement is Movement.INSIDE:
        year_en = f" by {ctx.target_year}" if ctx.target_year is not None else ""
        year_zh = f"{ctx.target_year}年" if ctx.target_year is not None else ""
        body = (f"{at_en}, within {band_en}{year_en}", f"{at_zh}，处于{year_zh}{band_zh}之内")
        return _finish(ctx, body, [], status)
    year, value = previous
    then_en = f"in {year} ({ctx.en(value)})"
    then_zh = f"{year}年（{ctx.zh(value)}）"
    trend_en, trend_zh = {
        Movement.TOWARD: (f"closer than {then_en}", f"较{then_zh}更接近区间"),
        Movement.SAME: (f"as far as {then_en}", f"与{then_zh}相比距离未变"),
        Movement.AWAY: (f"further than {then_en}", f"较{then_zh}更偏离区间"),
    }[movement]
    if figure_told:
        body = (f"Outside {band_en} and {trend_en}", f"在{band_zh}之外，{trend_zh}")
    else:
        body = (
            f"{at_en}, outside {band_en} and {trend_en}",
            f"{at_zh}，在{band_zh}之外，{trend_zh}",
        )
    return _finish(ctx, body, [], status)
