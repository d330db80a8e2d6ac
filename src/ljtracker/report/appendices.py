"""The appendices: how progress is judged (method and thresholds) and the list of data sources."""

from __future__ import annotations

from collections.abc import Iterable
from math import ceil

from ljtracker.domain import explain
from ljtracker.domain.model import Method, Status, Thresholds
from ljtracker.domain.number_text import format_percent, format_ratio
from ljtracker.domain.text_width import display_width
from ljtracker.report import text
from ljtracker.report.context import ReportContext
from ljtracker.report.document import Block, Cell, Column, Paragraph, Table
from ljtracker.report.target_sections import usable_observations
from ljtracker.report.text import phrase

_INTRO = (
    "Statuses in this report are judged by the {method} method as of {year}: only figures up to"
    " {year} count, so the report gives the same result after later figures arrive. The"
    " thresholds are the ones stored in the workbook.",
    "本报告按{method}评估截至{year}年的进展：只计入{year}年及以前的数据，其后补充的数据不改变本报告"
    "的结论。下列阈值为工作簿中保存的设置。",
)

# formulas are never broken across lines ("R = g_o /" on one line, "g_r" on the next)
_G_O = text.kept_together("g_o = (y_t / y_0)^(1/(t − t_0)) − 1")
_G_R = text.kept_together("g_r = (y_T / y_0)^(1/(T − t_0)) − 1")
_R = text.kept_together("R = g_o / g_r")
_PROJECTED = text.kept_together("y_t · (1 + g_o)^(T − t)")
_S = text.kept_together("S = (y_t − y_0) / (P(t) − y_0)")

_METHOD_TEXT: dict[Method, tuple[str, str]] = {
    Method.GROWTH_RATIO: (
        "The growth-ratio method (Statistics Canada, as used by Open SDG) compares the average"
        f" yearly growth observed since the baseline, {_G_O}, with"
        " the average yearly growth needed to reach the target from the baseline,"
        f" {_G_R}. Their ratio {_R} gives the status.",
        "增长比值法（加拿大统计局方法，Open SDG采用）将基期以来的实际年均增速"
        f" {_G_O} 与从基期实现目标所需的年均增速"
        f" {_G_R} 相比较，以比值 {_R} 判定进展状态。",
    ),
    Method.PROJECTION: (
        "The projection method (after the UN SDG progress assessment) carries the observed growth"
        f" on to the target year, {_PROJECTED} (the least-squares linear trend where"
        " growth rates are undefined), and compares the projected change with the targeted"
        f" change: {text.kept_together('r = (projection − y_0) / (y_T − y_0)')}.",
        "趋势预测法（参照联合国可持续发展目标进展评估）按实际年均增速推算目标年数值"
        f" {_PROJECTED}（增速无法计算时采用最小二乘线性趋势），并将推算的变化与目标变化"
        f"相比：{text.kept_together('r = (预测值 − y_0) / (y_T − y_0)')}。",
    ),
    Method.SCHEDULE: (
        "The time-elapsed method (序时进度, as in Chinese plan evaluation) compares the progress"
        f" made with the progress planned by the latest year: {_S},"
        " where P(t) is the value on the planned path (linear, compound, or through milestones).",
        "序时进度法（我国规划评估通行做法）将实际完成的进度与按计划路径到最新数据年份应完成的进度"
        f"相比：{_S}，其中 P(t) 为计划路径（线性、复合增长或经过各阶段目标）"
        "上的数值。",
    ),
}

_RULES: tuple[tuple[str, str], ...] = (
    (
        "A target is achieved as soon as the latest figure meets it, whatever the year.",
        "最新数据一旦达到目标值即判定为已实现，不论年份。",
    ),
    (
        "Monitoring indicators have no target value, only a desired direction; their yearly"
        " growth in that direction, g, decides: on track when g ≥ {mon_on}, needs acceleration"
        " when {mon_acc} ≤ g < {mon_on}, limited progress when 0 ≤ g < {mon_acc}, deterioration"
        " when g < 0.",
        "监测指标没有目标值，只有期望方向，按期望方向的年均增速 g 判定：g ≥ {mon_on}为进展顺利，"
        "{mon_acc} ≤ g < {mon_on}为需加快，0 ≤ g < {mon_acc}为进展有限，g < 0为出现倒退。",
    ),
    (
        "A target stated as “about” a value has a band (target ± tolerance). Inside the band it is"
        " on track (achieved from the target year on); outside, compared with the previous figure,"
        " moving toward the band means needs acceleration, no change limited progress, moving away"
        " deterioration. This holds whatever the method.",
        "以“左右”表述的目标有一个区间（目标值 ± 允许偏差）。处于区间内为进展顺利"
        "（到目标年为已实现）；"
        "处于区间外时与上一数据相比，向区间靠近为需加快，距离不变为进展有限，偏离区间为出现倒退。"
        "任何评估方法均按此规则。",
    ),
    (
        "A target cannot be assessed without a figure after the baseline, or where a growth rate"
        " needs a value that is zero or negative; its explanation names the reason.",
        "基期之后没有数据，或计算增速所需的数值为零或负数时，指标无法评估，说明中写明原因。",
    ),
    (explain.AFTER_TARGET_YEAR_EN, explain.AFTER_TARGET_YEAR_ZH),
    (
        "The baseline is the one set with the target; where none was set, the first figure serves"
        " as the baseline, and the explanation says so.",
        "基期值采用设定目标时给出的数值；未给出时以第一个数据作为基期，并在说明中注明。",
    ),
    (
        "A floor, ceiling or band the baseline already meets (at most 5.5 % from 5.2 %) is a"
        " target to keep to, not to move towards: it has no planned path, so achievement,"
        " planned value, growth needed and the method's ratio are not given. A floor or"
        " ceiling is achieved while the latest figure meets it and deteriorating when it does"
        " not; a band keeps the band rule.",
        "基期值已满足的下限、上限或区间目标（如由5.2%到不高于5.5%）属于保持类目标，而非趋近类目标："
        "不设计划路径，因此不计算完成度、计划值、所需增速和所用方法的比值。下限或上限目标在最新"
        "数据满足时为已实现，不满足时为出现倒退；区间目标仍按区间规则评估。",
    ),
    (
        "A binding target (约束性) that is neither achieved nor on track carries a warning (预警).",
        "约束性指标既未实现又未进展顺利时，给出预警。",
    ),
    (
        "A monitoring indicator without a desired direction is not judged; a target held about"
        " a value (a band) is judged by the band rule, without growth rates.",
        "未设定期望方向的监测指标不作评估；“左右”类（区间）目标按区间规则评估，不计算增长率。",
    ),
)


def _conditions(method: Method, th: Thresholds) -> list[tuple[Status, str]]:
    r = format_ratio
    if method is Method.GROWTH_RATIO:
        on, acc, low, name = th.growth_on_track, th.growth_needs_acceleration, 0.0, "R"
    elif method is Method.PROJECTION:
        on, acc, low, name = (
            th.projection_on_track,
            th.projection_needs_acceleration,
            th.projection_limited,
            "r",
        )
    else:
        on, acc, low, name = th.schedule_on_track, th.schedule_needs_acceleration, 0.0, "S"
    return [
        (Status.ON_TRACK, f"{name} ≥ {r(on)}"),
        (Status.NEEDS_ACCELERATION, f"{r(acc)} ≤ {name} < {r(on)}"),
        (Status.LIMITED_PROGRESS, f"{r(low)} ≤ {name} < {r(acc)}"),
        (Status.DETERIORATION, f"{name} < {r(low)}"),
    ]


def method_blocks(ctx: ReportContext) -> list[Block]:
    lang, th = ctx.lang, ctx.thresholds
    method = explain.method_name(ctx.method, lang)
    blocks: list[Block] = [
        Paragraph(text.pick(_INTRO, lang).format(method=method, year=ctx.as_of)),
        Paragraph(text.pick(_METHOD_TEXT[ctx.method], lang)),
    ]
    columns = (Column(phrase("col_status", lang), 1.0), Column(phrase("col_condition", lang), 2.0))
    rows = [
        (Cell(explain.shown_label(status, lang), status=status), Cell(condition))
        for status, condition in _conditions(ctx.method, th)
    ]
    if ctx.method is Method.PROJECTION:
        stagnation = "停滞" if lang == "zh" else "stagnation"
        detail = f"r < {format_ratio(th.projection_stagnation)}: {stagnation}"
        rows[2] = (rows[2][0], Cell(rows[2][1].text, detail=detail))
    blocks.append(Table(columns, tuple(rows)))
    zh = lang == "zh"
    values = {
        "mon_on": format_percent(th.monitoring_on_track, zh=zh),
        "mon_acc": format_percent(th.monitoring_needs_acceleration, zh=zh),
    }
    for rule in _RULES:
        blocks.append(Paragraph("• " + text.pick(rule, lang).format(**values)))
    return blocks


_SOURCE_COLUMNS = 3.2  # the width shares of the source and used-for columns together
_CHARACTERS_A_SHARE = 30  # narrow characters one share holds on a portrait A4 page, about
_SPLITS = (0.5, 0.4, 0.6, 1 / 3, 2 / 3)  # the source column's part of both, the even one first


def _source_share(rows: Iterable[tuple[str, str]]) -> float:
    """The source column's width share: of a few splits between a third and two thirds of both
    columns, the one whose rows take the fewest lines (counted roughly, in narrow characters);
    the even split when they tie."""
    widths = [(display_width(source), display_width(used)) for source, used in rows]

    def lines(share: float) -> int:
        source_room = share * _CHARACTERS_A_SHARE
        used_room = (_SOURCE_COLUMNS - share) * _CHARACTERS_A_SHARE
        return sum(max(ceil(a / source_room), ceil(b / used_room)) for a, b in widths)

    return min((_SOURCE_COLUMNS * split for split in _SPLITS), key=lines)


def _uses(ctx: ReportContext) -> dict[str, list[str]]:
    """Each source, in order of first use, with what each target took from it:
    "T01 2020 (baseline), 2021–2023" ("T01 2020（基期）、2021—2023" in Chinese)."""
    zh = ctx.lang == "zh"
    baseline_word = phrase("baseline_row", ctx.lang)
    unnamed = phrase("unnamed_source", ctx.lang)
    comma = "、" if zh else ", "
    uses: dict[str, list[str]] = {}
    for row in ctx.rows:
        target = row.target
        baselines: dict[str, str] = {}
        years: dict[str, list[int]] = {}
        if target.baseline_year is not None and target.baseline_value is not None:
            key = target.baseline_source.strip() or unnamed
            year = target.baseline_year
            baselines[key] = f"{year}（{baseline_word}）" if zh else f"{year} ({baseline_word})"
            years[key] = []
        for o in usable_observations(row, ctx.as_of):
            years.setdefault(o.source.strip() or unnamed, []).append(o.year)
        for key, taken in years.items():
            parts = [
                *([baselines[key]] if key in baselines else []),
                *text.year_runs(taken, ctx.lang),
            ]
            # the code stays on the line of its first year
            units = [f"{target.code} {parts[0]}", *parts[1:]]
            uses.setdefault(key, []).append(comma.join(text.kept_together(u) for u in units))
    return uses


def sources_blocks(ctx: ReportContext) -> list[Block]:
    lang = ctx.lang
    blocks: list[Block] = []
    if ctx.plan.source_url:
        colon = "：" if lang == "zh" else ": "
        blocks.append(Paragraph(f"{phrase('plan_document', lang)}{colon}{ctx.plan.source_url}"))
    uses = _uses(ctx)
    if not uses:
        blocks.append(Paragraph(phrase("no_sources", lang)))
        return blocks
    separator = "；" if lang == "zh" else "; "
    used_for = {source: separator.join(by_target) for source, by_target in uses.items()}
    source_share = _source_share(used_for.items())
    columns = (
        Column(phrase("col_number", lang), fit=True),
        Column(phrase("col_source", lang), source_share),
        Column(phrase("col_used_for", lang), _SOURCE_COLUMNS - source_share),
    )
    rows = tuple(
        (Cell(str(number)), Cell(source), Cell(used))
        for number, (source, used) in enumerate(used_for.items(), start=1)
    )
    caption = phrase("sources_appendix", lang)
    blocks.append(Table(columns, rows, continued=phrase("continued", lang, caption=caption)))
    return blocks
