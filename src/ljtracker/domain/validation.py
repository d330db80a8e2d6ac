"""Rules a plan, a target or an observation must follow, returned as a list of problems."""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ljtracker.domain.model import Comparator, Observation, Plan, Target
from ljtracker.domain.number_text import exact_number
from ljtracker.domain.wording import first_few

MIN_YEAR = 1900
MAX_YEAR = 2200
MAX_CODE_LENGTH = 32
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Problem:
    field: str
    message_en: str
    message_zh: str

    def __str__(self) -> str:
        return self.message_en


def _year_problem(field: str, year: int | None) -> list[Problem]:
    if year is None or MIN_YEAR <= year <= MAX_YEAR:
        return []
    return [
        Problem(
            field,
            f"{field.replace('_', ' ')} {year} is outside {MIN_YEAR}–{MAX_YEAR}",
            f"年份 {year} 超出 {MIN_YEAR}–{MAX_YEAR} 的范围",
        )
    ]


def _code_problems(code: str) -> list[Problem]:
    if not code or code != code.strip():
        return [
            Problem("code", "the code is empty or has surrounding spaces", "代码为空或首尾有空格")
        ]
    if len(code) > MAX_CODE_LENGTH:
        return [
            Problem(
                "code",
                f"the code is longer than {MAX_CODE_LENGTH} characters",
                f"代码超过 {MAX_CODE_LENGTH} 个字符",
            )
        ]
    return []


def _finite(field: str, value: float | None) -> list[Problem]:
    if value is None or math.isfinite(value):
        return []
    return [Problem(field, f"{field.replace('_', ' ')} is not a finite number", "数值无效")]


def beyond_limit(value: float, natural_limit: float | None) -> bool:
    """Whether a value passes the indicator's natural limit, which bounds it either way
    (100 for a share in %: no more than 100 and no less than -100)."""
    return natural_limit is not None and abs(value) > abs(natural_limit)


def tenfold_apart(new: float, before: float) -> bool:
    """Whether a new figure is ten times or a tenth of the one before it or more so: most often a
    digit or a decimal point that slipped ("50123" typed for 5,012.3). Figures of opposite
    signs, or zero, say nothing of it."""
    return apart_by(new, before, 10)


def apart_by(new: float, before: float, factor: float) -> bool:
    """Whether `new` is `factor` times `before` or 1/`factor` of it, or more so, both of one
    sign; exactly so, whatever binary makes of the ratio (0.28 / 2.8 is 0.10000000000000002)."""
    if new * before <= 0:
        return False
    ratio = new / before
    return ratio >= factor * (1 - 1e-9) or ratio <= (1 + 1e-9) / factor


def limit_problem(
    field: str, value: float, natural_limit: float | None, name: tuple[str, str] | None = None
) -> list[Problem]:
    """A value past the natural limit; `field` also names it in the message, unless `name`
    (in English and Chinese) does."""
    if not beyond_limit(value, natural_limit):
        return []
    assert natural_limit is not None
    shown, limit = exact_number(value), abs(natural_limit)
    name_en, name_zh = name or (field.replace("_", " "), _FIELD_ZH.get(field, "数值"))
    if value < 0:
        return [
            Problem(
                field,
                f"{name_en} {shown} is below the indicator's natural limit of"
                f" {exact_number(-limit)}",
                f"{name_zh} {shown} 低于该指标的自然下限 {exact_number(-limit)}",
            )
        ]
    return [
        Problem(
            field,
            f"{name_en} {shown} is above the indicator's natural limit of {exact_number(limit)}",
            f"{name_zh} {shown} 超出该指标的自然上限 {exact_number(limit)}",
        )
    ]


_FIELD_ZH = {"baseline_value": "基期值", "target_value": "目标值"}


def figures_past_limit(
    natural_limit: float | None, figures: Sequence[Observation]
) -> list[Problem]:
    """A natural limit that figures already recorded pass: it cannot be set so."""
    past = [o for o in figures if beyond_limit(o.value, natural_limit)]
    if not past or natural_limit is None:
        return []
    listed, listed_zh = first_few(
        [f"{o.year} ({exact_number(o.value)})" for o in past],
        [f"{o.year}年（{exact_number(o.value)}）" for o in past],
    )
    limit = exact_number(abs(natural_limit))
    return [
        Problem(
            "natural_limit",
            f"recorded figures pass a natural limit of {limit}: {listed}",
            f"已有数据超出自然限值 {limit}：{listed_zh}",
        )
    ]


# how a date is written beside ISO: 2020年11月5日, 2020年11月, 2020/11/5, 2020-1-5,
# 2020.11.5 (not "2020.11": a number cell shows 2020.10 as 2020.1)
_WRITTEN_DATES = (
    re.compile(r"(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?"),
    re.compile(r"(\d{4})[/\-](\d{1,2})(?:[/\-](\d{1,2}))?"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
)


def iso_issue_date(text: str) -> str:
    """An issue date as stored (2020-11-05, 2020-11 or 2020), from the ways a date is
    written: "2020年11月5日", "2020年11月", "2020/11/5", "2020.11.5"; any other text as it is,
    for plan_problems to refuse."""
    text = unicodedata.normalize("NFKC", text).strip()
    for pattern in _WRITTEN_DATES:
        found = pattern.fullmatch(text)
        if found is not None:
            year, month, day = found.groups()
            written = "-".join(
                [year, *(f"{int(part):02d}" for part in (month, day) if part is not None)]
            )
            return written if is_partial_iso_date(written) else text
    return text


def is_partial_iso_date(text: str) -> bool:
    """'2020', '2020-11' or '2020-11-05', naming a real month and day."""
    m = _DATE.fullmatch(text)
    if m is None:
        return False
    year, month, day = m.groups()
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def plan_problems(plan: Plan) -> list[Problem]:
    problems = _code_problems(plan.code)
    if not (plan.title_zh.strip() or plan.title_en.strip()):
        problems.append(Problem("title", "the plan needs a title", "规划需要标题"))
    problems += _year_problem("start_year", plan.start_year)
    problems += _year_problem("end_year", plan.end_year)
    if plan.end_year < plan.start_year:
        problems.append(
            Problem(
                "end_year",
                f"the period ends ({plan.end_year}) before it starts ({plan.start_year})",
                f"规划期结束年份（{plan.end_year}）早于开始年份（{plan.start_year}）",
            )
        )
    if plan.issue_date and not is_partial_iso_date(plan.issue_date):
        problems.append(
            Problem(
                "issue_date",
                "write the issue date as 2020-11-05, 2020-11 or 2020 (or 2020年11月5日)",
                "发布日期请写作 2020-11-05、2020-11 或 2020（或 2020年11月5日）",
            )
        )
    return problems


def target_problems(
    target: Target, *, this_year: int | None = None, before: Target | None = None
) -> list[Problem]:
    """What breaks a target's rules. `this_year`: the year it is, after which a baseline year
    is refused (a baseline is an actual figure, not a forecast), unless the target `before`
    the change had that very baseline already (kept as it was; a new value is a new
    forecast)."""
    problems = _code_problems(target.code)
    if not (target.name_zh.strip() or target.name_en.strip()):
        problems.append(Problem("name", "the target needs a name", "指标需要名称"))
    for field in ("baseline_year", "target_year"):
        problems += _year_problem(field, getattr(target, field))
    problems += _future_baseline(target, this_year, before)
    for field in ("baseline_value", "target_value", "tolerance", "natural_limit"):
        problems += _finite(field, getattr(target, field))
    if target.natural_limit == 0:
        problems.append(
            Problem(
                "natural_limit",
                "a natural limit of 0 would allow no value but 0; leave it empty for none",
                "自然限值为 0 将只允许数值 0；不设限值请留空",
            )
        )
    for field in ("baseline_value", "target_value"):
        value = getattr(target, field)
        if value is not None and math.isfinite(value):
            problems += limit_problem(field, value, target.natural_limit)
    for milestone in target.milestones:  # past it, the planned path runs where none can follow
        if math.isfinite(milestone.value):
            named = (f"the {milestone.year} milestone", f"{milestone.year}年阶段目标")
            problems += limit_problem("milestones", milestone.value, target.natural_limit, named)
    if target.comparator is None:
        if target.target_value is not None or target.target_year is not None:
            problems.append(
                Problem(
                    "comparator",
                    "a target value needs a comparator (at least, at most or about)",
                    "目标值需要比较方式（不低于、不高于或左右）",
                )
            )
    else:
        if target.target_value is None or target.target_year is None:
            problems.append(
                Problem(
                    "target_value",
                    "a target needs a target value and a target year",
                    "目标需要目标值和目标年份",
                )
            )
        if target.direction is not None:
            problems.append(
                Problem(
                    "direction",
                    "a direction is only for monitoring indicators without a target",
                    "只有无目标值的监测指标才设方向",
                )
            )
    if target.comparator is Comparator.ABOUT:
        if target.tolerance is None or target.tolerance <= 0:
            problems.append(
                Problem(
                    "tolerance",
                    "an 'about' target needs a positive tolerance",
                    "“左右”目标需要正的容差",
                )
            )
    elif target.tolerance is not None:
        problems.append(
            Problem(
                "tolerance", "a tolerance is only for 'about' targets", "只有“左右”目标才设容差"
            )
        )
    if (target.baseline_year is None) != (target.baseline_value is None):
        problems.append(
            Problem(
                "baseline_value",
                "a baseline needs both a year and a value",
                "基期需要年份和数值",
            )
        )
    if target.baseline_quality is not None and target.baseline_year is None:
        problems.append(
            Problem(
                "baseline_quality",
                "a baseline quality needs a baseline",
                "没有基期，不能设数据质量",
            )
        )
    if (
        target.baseline_year is not None
        and target.target_year is not None
        and target.target_year <= target.baseline_year
    ):
        problems.append(
            Problem(
                "target_year",
                f"the target year ({target.target_year}) must come after the baseline year "
                f"({target.baseline_year})",
                f"目标年份（{target.target_year}）必须晚于基期年份（{target.baseline_year}）",
            )
        )
    for milestone in target.milestones:
        problems += _year_problem("milestones", milestone.year)
        problems += _finite("milestones", milestone.value)
    return problems + _milestone_years(target)


def _milestone_years(target: Target) -> list[Problem]:
    """A milestone's year comes once, after the baseline's and before the target's."""
    years = [m.year for m in target.milestones]
    problems = [
        Problem(
            "milestones",
            f"there are two milestones for {year}",
            f"{year}年有两个阶段目标",
        )
        for year in sorted({y for y in years if years.count(y) > 1})
    ]
    start, end = target.baseline_year, target.target_year
    if end is None:
        return problems
    for year in sorted({y for y in years if y >= end or (start is not None and y <= start)}):
        problems.append(
            Problem(
                "milestones",
                f"the milestone year {year} is not between the baseline year {start} and the"
                f" target year {end}"
                if start is not None
                else f"the milestone year {year} is not before the target year {end}",
                f"阶段目标年份 {year} 不在基期年份 {start} 与目标年份 {end} 之间"
                if start is not None
                else f"阶段目标年份 {year} 不早于目标年份 {end}",
            )
        )
    return problems


def _future_baseline(target: Target, this_year: int | None, before: Target | None) -> list[Problem]:
    """A baseline of a year still to come, new or given a new value: a forecast."""
    year = target.baseline_year
    if this_year is None or year is None or year <= this_year or target.baseline_value is None:
        return []  # without a value, the baseline needs one: said as for any year
    if before is None or before.baseline_year != year:
        return [
            Problem(
                "baseline_year",
                f"the baseline year {year} has not come yet (this is {this_year}); a baseline is"
                " an actual figure, not a forecast",
                f"基期年份 {year} 尚未到来（今年是{this_year}年）；基期值应为实际数据，不是预测",
            )
        ]
    if before.baseline_value == target.baseline_value:
        return []  # kept as it was
    return [
        Problem(
            "baseline_value",
            f"{year} has not come yet (this is {this_year}): a new baseline value for it would"
            " be a forecast, not an actual figure; set a baseline of a year that has come",
            f"{year}年尚未到来（今年是{this_year}年）：为其设定新的基期值将是预测，不是实际数据；"
            "请设定已到来年份的基期",
        )
    ]


def future_year_problem(year: int, this_year: int) -> list[Problem]:
    """A figure of a year that has not begun: a forecast, which would be judged as an actual."""
    if year <= this_year:
        return []
    return [
        Problem(
            "year",
            f"the year has not come yet (this is {this_year}); a figure of a year to come is a"
            " forecast, not an actual figure",
            f"该年份尚未到来（今年是{this_year}年），未来年份的数值是预测，不是实际数据",
        )
    ]


def observation_problems(
    observation: Observation, natural_limit: float | None = None, *, this_year: int | None
) -> list[Problem]:
    """`this_year`: the year it is, after which a figure is refused; None for a figure that is
    not new (kept as it is) or not typed by anyone (the demo's)."""
    problems = _year_problem("year", observation.year) + _finite("value", observation.value)
    if not problems and this_year is not None:
        problems += future_year_problem(observation.year, this_year)
    if not problems:
        problems += limit_problem("value", observation.value, natural_limit)
    return problems
