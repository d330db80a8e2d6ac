"""The report's own phrases, in English and Chinese.

A report's language is chosen per report, independent of the window's language, so the phrases
live in one table here instead of going through Qt's translation files. Names, explanations and
target wording come from the domain (`domain.explain`, `domain.wording`) in the same language.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import date
from typing import Literal

from ljtracker.domain.model import Quality
from ljtracker.domain.runs import runs
from ljtracker.domain.validation import is_partial_iso_date

Lang = Literal["en", "zh"]

PHRASES: dict[str, tuple[str, str]] = {
    # page furniture
    "as_of": ("Progress as of {year}", "截至{year}年进展情况"),
    "page": ("Page {page} of {pages}", "第{page}页 共{pages}页"),
    "generated": ("Generated {date}", "生成日期 {date}"),
    "fingerprint": ("Data fingerprint {fingerprint}", "数据指纹 {fingerprint}"),
    "known_on": ("as recorded on {moment}", "数据为 {moment} 时的记录"),
    "continued": ("{caption} (continued)", "{caption}（续）"),
    # cover
    "report_kind_progress": ("Progress report", "规划目标进展报告"),
    "report_kind_midterm": ("Mid-term evaluation", "规划实施中期评估报告"),
    "report_kind_final": ("Final evaluation", "规划实施终期评估报告"),
    "cover_as_of": ("Progress as of {year}", "截至{year}年"),
    "plan_code": ("Plan code", "规划代码"),
    "issuer": ("Issued by", "发布机关"),
    "issue_date": ("Issued", "发布日期"),
    "period": ("Plan period", "规划期"),
    "method": ("Progress method", "评估方法"),
    "coverage": ("Targets in this report", "纳入本报告的指标"),
    "result": ("Result", "评估结果"),
    "coverage_all": ("all {count} target{s}", "全部{count}项"),
    "coverage_none": ("none: the plan has no targets yet", "无：该规划尚无指标"),
    "coverage_some": ("{count} of {total} target{s_total}", "{total}项中的{count}项"),
    "coverage_monitoring": (
        "; monitoring indicators among them: {count}",
        "，其中监测指标{count}项",
    ),
    "subset_areas": ("areas: {names}", "领域：{names}"),
    "subset_statuses": ("statuses: {labels}", "状态：{labels}"),
    "date_generated": ("Generated", "生成日期"),
    "data_fingerprint": ("Data fingerprint", "数据指纹"),
    "known_on_label": ("Figures as recorded on", "数据记录时间"),
    "fingerprint_note": (
        "The fingerprint identifies the plan's figures this report was made from; a report made"
        " from the same figures carries the same fingerprint.",
        "数据指纹标识本报告所依据的规划数据；依据相同数据生成的报告具有相同的数据指纹。",
    ),
    # sections
    "summary": ("Summary", "总体情况"),
    "table": ("All targets at a glance", "指标进展一览"),
    "targets": ("Progress by target", "分指标进展情况"),
    "method_appendix": ("How progress is judged", "进展评估方法"),
    "sources_appendix": ("Data sources", "数据来源"),
    "appendix": ("Appendix {letter}. {title}", "附录{letter} {title}"),
    # summary
    "summary_counts": (
        "This report covers {count} target{s}, judged as of {year} by the {method} method.",
        "本报告共纳入{count}项指标，按{method}评估截至{year}年的进展。",
    ),
    "summary_status_count": ("{label}: {count}", "{label}{count}项"),
    "status_by_area": ("Targets by status and area", "各领域指标进展状态"),
    "area": ("Area", "领域"),
    "no_area": ("Without an area", "未分领域"),
    "all_targets": ("All targets", "全部指标"),
    "total": ("Total", "合计"),
    "warnings": ("Binding targets with a warning", "约束性指标预警"),
    "no_warnings": (
        "No binding target carries a warning.",
        "约束性指标均无预警。",
    ),
    "no_binding": (
        "No target in this report is binding.",
        "本报告中没有约束性指标。",
    ),
    "missed": (
        "Targets whose year has come without being met",
        "到期未实现的指标",
    ),
    "behind": ("Targets not on track, furthest behind first", "进展滞后的指标（按滞后程度排序）"),
    "none_behind": (
        "Every target in this report is on track or achieved.",
        "本报告中的指标均进展顺利或已实现。",
    ),
    "none_behind_some_unassessable": (
        "None of the {count} target{s} that can be assessed is behind; {other} cannot be assessed"
        " (listed below).",
        "可评估的{count}项指标均进展顺利或已实现；另有{other}项无法评估（见下）。",
    ),
    "none_behind_some_unassessable_one": (
        "The one target that can be assessed is not behind; {other} cannot be assessed (listed"
        " below).",
        "可评估的1项指标进展顺利或已实现；另有{other}项无法评估（见下）。",
    ),
    "none_behind_but_missed": (
        "Apart from the targets missed, none is behind.",
        "除到期未实现的指标外，其余指标均无滞后。",
    ),
    "none_behind_but_missed_some_unassessable": (
        "Apart from the targets missed, none of the {count} that can be assessed is behind;"
        " {other} cannot be assessed (listed below).",
        "除到期未实现的指标外，可评估的{count}项指标均无滞后；另有{other}项无法评估（见下）。",
    ),
    "none_behind_but_missed_some_unassessable_one": (
        "Apart from the targets missed, the one that can be assessed is not behind; {other}"
        " cannot be assessed (listed below).",
        "除到期未实现的指标外，可评估的1项指标无滞后；另有{other}项无法评估（见下）。",
    ),
    "none_assessable": (
        "No target can be assessed.",
        "没有可评估的指标。",
    ),
    "none_assessable_but_missed": (
        "Apart from the targets missed, no target can be assessed.",
        "除到期未实现的指标外，其余指标均无法评估。",
    ),
    "all_missed": (
        "Every target in this report was missed.",
        "所有指标均到期未实现。",
    ),
    "unassessable": ("Targets that cannot be assessed", "无法评估的指标"),
    "awaiting": (
        "Targets whose year has come, their figure of that year not in yet",
        "目标年份已到、该年数据待录入的指标",
    ),
    "no_targets": (
        "No target matches the chosen areas and statuses.",
        "没有符合所选领域和状态的指标。",
    ),
    "plan_without_targets": ("This plan has no targets yet.", "该规划尚无指标。"),
    # table columns
    "col_code": ("Code", "代码"),
    "col_name": ("Target", "指标名称"),
    "col_unit": ("Unit", "单位"),
    "col_baseline": ("Baseline", "基期值"),
    "col_latest": ("Latest", "最新值"),
    "col_target": ("Target value", "目标值"),
    "col_achievement": ("Achieved", "完成度"),
    "col_status": ("Status", "进展状态"),
    "col_growth_needed": ("Needed a year from now", "今后所需年均增速"),
    "col_explanation": ("Why", "说明"),
    "col_year": ("Year", "年份"),
    "col_value": ("Value", "数值"),
    "col_quality": ("Quality", "数据质量"),
    "col_source": ("Source", "来源"),
    "col_note": ("Note", "备注"),
    "col_condition": ("Condition", "判定条件"),
    "col_used_for": ("Used for", "用于"),
    "col_number": ("No.", "序号"),
    # target sections
    "goal": ("Target", "目标"),
    "kind": ("Kind", "指标属性"),
    "responsible": ("Responsible", "责任单位"),
    "warning_mark": ("Warning: binding target", "约束性指标预警"),
    "missed_pace": ("Pace: {status}", "按进度：{status}"),
    "awaiting_mark": ("{year} figure not in yet", "{year}年数据待录入"),
    "of_these": ("; of the {total} target{s_total}, {items}", "；{total}项指标中，{items}"),
    "of_these_warned": ("binding with a warning: {count}", "约束性指标预警{count}项"),
    "of_these_provisional": (
        "judged on a preliminary or estimated figure: {count}",
        "依据初步或估算数据评估{count}项",
    ),
    "of_these_awaiting": (
        "awaiting the target year's figure: {count}",
        "目标年数据待录入{count}项",
    ),
    "key_figures": ("Key figures", "主要数据"),
    "yearly_figures": ("Yearly figures up to {year}", "截至{year}年的历年数据"),
    "notes": ("Notes", "备注"),
    "no_figures": ("No figures recorded up to {year}.", "截至{year}年尚无数据。"),
    "baseline_row": ("baseline", "基期"),
    "baseline": ("Baseline", "基期值"),
    "latest": ("Latest figure", "最新值"),
    "baseline_so_far": ("the baseline so far", "暂作基期"),
    "achievement": ("Achievement", "完成度"),
    "elapsed": ("Time elapsed", "时间进度"),
    "elapsed_at": ("Time elapsed, at the {year} figure", "时间进度（按{year}年数据）"),
    "planned": ("Planned value for {year}", "{year}年计划值"),
    "observed_growth": ("Observed growth since the baseline", "基期以来实际年均增速"),
    "required_growth": ("Growth needed from the baseline", "按基期测算所需年均增速"),
    "required_from_now": ("Growth needed from now", "今后所需年均增速"),
    "required_amount": ("Change needed each year from now", "此后每年所需变化"),
    "required_amount_band": (
        "Change needed each year to reach the band",
        "此后每年进入目标区间所需变化",
    ),
    "projection": ("Projected value for {year}", "{year}年预计值"),
    "a_year": ("{value} a year", "{value}"),  # the Chinese labels say 年均 already
    "a_fall_a_year": ("a fall of {value} a year", "下降{value}"),
    "unchanged": ("unchanged", "保持不变"),
    "as_above": ("as above", "同上"),
    "at_year": ("{value} ({year}, {quality})", "{value}（{year}年，{quality}）"),
    "ratio_growth": ("Growth ratio R", "增长比值 R"),
    "ratio_projection": ("Projection ratio r", "预测比值 r"),
    "ratio_schedule": ("Schedule index S", "序时进度指数 S"),
    "ratio_monitoring": ("Growth in the desired direction", "期望方向年均增速"),
    "undefined": ("— ({reason})", "—（{reason}）"),
    # chart
    "chart_observed": ("Actual figures", "实际数据"),
    "chart_gap": ("No figures between", "其间无数据"),
    "chart_baseline": ("Baseline", "基期值"),
    "chart_target": ("Target", "目标值"),
    "chart_band": ("Target band", "目标区间"),
    "chart_planned": ("Planned path", "计划路径"),
    "milestones": ("Milestones", "阶段目标"),
    "chart_projection": ("Projection", "预测"),
    "chart_as_of": ("as of {year}", "截至{year}年"),
    # sources appendix
    "plan_document": ("Plan document", "规划文本"),
    "no_sources": ("No sources are recorded for these figures.", "这些数据未记录来源。"),
    "unnamed_source": ("(source not recorded)", "（未记录来源）"),
}

QUALITY_WORDS: dict[Quality, tuple[str, str]] = {
    Quality.OFFICIAL: ("official", "正式"),  # as the window's quality column says them
    Quality.PRELIMINARY: ("preliminary", "初步"),
    Quality.ESTIMATE: ("estimate", "估算"),
}

QUALITY_SHORT: dict[Quality, tuple[str, str]] = {
    Quality.OFFICIAL: ("official", "正式"),
    Quality.PRELIMINARY: ("prelim.", "初步"),
    Quality.ESTIMATE: ("estimate", "估算"),
}

SECTION_NUMBERS_ZH = "一二三四五六七八九十"
APPENDIX_LETTERS = {"en": "ABCDEFGH", "zh": "一二三四五六七八"}


def as_lang(value: str) -> Lang:
    """ "zh" for Chinese, "en" for anything else."""
    return "zh" if value == "zh" else "en"


def phrase(key: str, lang: Lang, **values: object) -> str:
    """The phrase in `lang`; English plurals follow `count` and `total` ({s}, {s_total})."""
    en, zh = PHRASES[key]
    template = zh if lang == "zh" else en
    for name, plural in (("count", "s"), ("total", "s_total")):
        if name in values:
            values[plural] = "" if values[name] == 1 else "s"
    return template.format(**values) if values else template


def pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[1] if lang == "zh" else pair[0]


def quality_word(quality: Quality, lang: Lang) -> str:
    return pick(QUALITY_WORDS[quality], lang)


def quality_short(quality: Quality, lang: Lang) -> str:
    return pick(QUALITY_SHORT[quality], lang)


def section_title(number: int, title: str, lang: Lang) -> str:
    """'2  Summary' or '二、总体情况'."""
    if lang == "zh":
        return f"{SECTION_NUMBERS_ZH[number - 1]}、{title}"
    return f"{number}  {title}"


def appendix_title(index: int, title: str, lang: Lang) -> str:
    return phrase("appendix", lang, letter=APPENDIX_LETTERS[lang][index], title=title)


def long_date(day: date, lang: Lang) -> str:
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return day.isoformat()


def partial_date(iso: str, lang: Lang) -> str:
    """A date given to the year, the month or the day ("2020-11"), as `long_date` writes
    dates: "2020年11月" in Chinese, as given in English (and anything else as given)."""
    if lang != "zh" or not is_partial_iso_date(iso):
        return iso
    parts = [int(part) for part in iso.split("-")]
    return "".join(f"{n}{unit}" for n, unit in zip(parts, ("年", "月", "日"), strict=False))


def period(start: int, end: int, lang: Lang) -> str:
    return f"{start}—{end}年" if lang == "zh" else f"{start}–{end}"


_JOINER = "\u2060"  # word joiner: no line break on either side
_NO_BREAK_SPACE = "\u00a0"  # Qt breaks a line at a space even beside a word joiner


def year_runs(years: Iterable[int], lang: Lang) -> list[str]:
    """Years with the consecutive ones joined: ["2019", "2021–2023"]."""
    dash = "—" if lang == "zh" else "–"
    return [str(a) if a == b else f"{a}{dash}{b}" for a, b in runs(years)]


def kept_together(words: str) -> str:
    """`words` never broken across lines (a target code, "2020 (baseline)", a run of years)."""
    # Between every two characters: Chinese may break anywhere, English at a hyphen, a slash,
    # a bracket. The marks are not drawn (see as_typed), so the PDF's text reads as typed.
    return _JOINER.join(words.replace(" ", _NO_BREAK_SPACE))


_HAN_CLASS = "[\u3400-\u9fff]"  # a Chinese character
_NUMBER_SPACE_UNIT = re.compile(rf"(?<=[0-9]) (?=%|{_HAN_CLASS})")
_NUMBER_THEN_HAN = re.compile(rf"(?<=[0-9])(?={_HAN_CLASS})")
_HAN = re.compile(_HAN_CLASS)


# characters of a number and its unit kept on one line; a unit of half as many is kept with any
# number, a longer one (a phrase) only within them
KEPT_WHOLE = 16


@functools.cache
def _units_after_a_number(units: tuple[str, ...]) -> re.Pattern[str] | None:
    """A number's Chinese units among `units` ("亿元", "微克/立方米", "万千瓦时"), longest
    first, right after it or a space after it."""
    chinese = sorted({u for u in units if _HAN.search(u)}, key=len, reverse=True)
    if not chinese:
        return None
    return re.compile(r"([0-9][0-9,.]*)( ?)(" + "|".join(map(re.escape, chinese)) + ")")


def units_kept_close(sentence: str, units: tuple[str, ...] = ()) -> str:
    """A sentence whose numbers are never parted from their units: "2.6 %", "5,000 亿元",
    "30微克/立方米", "2023年" (Chinese may otherwise break between any two characters, and
    after a slash). `units`: those to keep whole (the report's targets'); of others, the
    first character is kept with the number."""
    known = _units_after_a_number(units)
    if known is not None:
        sentence = known.sub(_joined, sentence)
    spaced = _NUMBER_SPACE_UNIT.sub(_NO_BREAK_SPACE, sentence)
    return _NUMBER_THEN_HAN.sub(_JOINER, spaced)


def _joined(found: re.Match[str]) -> str:
    number, space, unit = found[1], found[2], found[3]
    if len(number) + len(unit) > KEPT_WHOLE and len(unit) > KEPT_WHOLE // 2:
        return found[0]  # a unit that is a phrase breaks, or it would widen its column so
    return number + (_NO_BREAK_SPACE if space else _JOINER) + _JOINER.join(unit)


_MARKS = {ord(_JOINER): None, ord(_NO_BREAK_SPACE): " "}


def as_typed(words: str) -> str:
    """The text without what keeps it whole: what a reader sees and a search finds."""
    return words.translate(_MARKS)
