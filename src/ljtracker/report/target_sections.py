"""One section per target: the target in words, status, chart, key and yearly figures, notes."""

from __future__ import annotations

from dataclasses import replace

from ljtracker.domain import wording
from ljtracker.domain.explain import observed_growth_decimals
from ljtracker.domain.model import Comparator, Method, Observation, Quality, Target
from ljtracker.domain.number_text import (
    decimals_beside,
    format_percent,
    format_ratio,
    rate_places,
    shown_sign,
)
from ljtracker.domain.progress import Quantity, projection_shown
from ljtracker.domain.status_rules import cuts_for
from ljtracker.report import text
from ljtracker.report.chart_spec import progress_chart
from ljtracker.report.context import ReportContext, TargetRow, value_text
from ljtracker.report.document import (
    Align,
    Block,
    Cell,
    Column,
    Heading,
    Paragraph,
    StatusLine,
    Table,
    TextStyle,
)
from ljtracker.report.text import Lang, phrase

DASH = "—"
LONG_UNIT = 3  # characters of a unit set beside the value column's heading, not beneath it


def percent_or_dash(value: float | None, lang: Lang) -> str:
    return DASH if value is None else format_percent(value, zh=lang == "zh")


def _amount_kept_together(amount: str) -> str:
    """ "1,200 亿元" on one line; an amount whose unit is a phrase ("1,200 亿元（当年价格，可比
    口径）") may break inside it, or it would widen its column beyond the page."""
    return text.kept_together(amount) if len(amount) <= text.KEPT_WHOLE else amount


def goal_short(target: Target, lang: Lang) -> str:
    """The goal for a table cell, its amounts and Chinese words kept whole ("监测：应提高", not
    "监测：应提" then "高")."""
    whole = text.kept_together if target.is_monitoring else _amount_kept_together
    return wording.goal_short(target, lang, whole)


def latest_text(row: TargetRow, lang: Lang) -> Cell:
    latest = row.assessment.shown_latest
    if latest is None:
        return Cell(DASH)
    age = row.assessment.latest_age  # set when the figure is old; its sentence says so too
    # the age on a line of its own: the column stays narrow, and the names beside it whole
    detail = f"{latest.year}, {text.quality_short(latest.quality, lang)}"
    detail += f"\n{text.kept_together(f'{age} yrs old')}" if age else ""
    if lang == "zh":  # "滞后" would read as behind schedule
        detail = f"{latest.year}年，{text.quality_short(latest.quality, lang)}"
        # "N年前" would be counted from today
        detail += f"\n{text.kept_together(f'比{latest.year + age}年早{age}年')}" if age else ""
    return Cell(value_text(latest.value, "", lang), detail=detail, alert=age is not None)


def usable_observations(row: TargetRow, as_of: int) -> list[Observation]:
    """One figure per year up to the as-of year, oldest first (the last one given wins)."""
    by_year = {o.year: o for o in row.observations if o.year <= as_of}
    return [by_year[y] for y in sorted(by_year)]


def target_blocks(ctx: ReportContext, row: TargetRow) -> list[Block]:
    lang, target = ctx.lang, row.target
    facts = [f"{phrase('goal', lang)}: {wording.goal(target, lang)}"]
    facts.append(f"{phrase('kind', lang)}: {text.pick(wording.KIND_WORDS[target.kind], lang)}")
    if row.area:
        facts.append(f"{phrase('area', lang)}: {row.area}")
    if target.responsible:
        facts.append(f"{phrase('responsible', lang)}: {target.responsible}")
    separator = "；" if lang == "zh" else " · "
    if lang == "zh":
        facts = [f.replace(": ", "：", 1) for f in facts]
    blocks: list[Block] = [
        Heading(
            f"{target.code}  {row.name}",
            level=2,
            continued=phrase("continued", lang, caption=f"{target.code}  {row.name}"),
        ),
        Paragraph(separator.join(facts), TextStyle.SMALL, keep_with_next=True),
        StatusLine(
            row.shown,
            row.status_label,
            phrase("warning_mark", lang) if row.warning else "",
            row.explanation,
            row.year_mark,
        ),
    ]
    chart = progress_chart(ctx, row, usable_observations(row, ctx.as_of), _baseline_quality(row))
    if chart is None:
        blocks.append(Paragraph(phrase("no_figures", lang, year=ctx.as_of)))
    else:
        blocks.append(chart)
    key_figures = _key_figures(ctx, row)
    if key_figures.rows:
        blocks.append(Paragraph(phrase("key_figures", lang), TextStyle.LABEL))
        blocks.append(key_figures)
    observations = usable_observations(row, ctx.as_of)
    if observations or target.baseline_year is not None:
        caption = phrase("yearly_figures", lang, year=ctx.as_of)
        blocks.append(Paragraph(caption, TextStyle.LABEL))
        blocks.append(_yearly_table(ctx, row, observations, caption))
    if target.notes:
        blocks += [Paragraph(phrase("notes", lang), TextStyle.LABEL), Paragraph(target.notes)]
    return blocks


def _quantity(q: Quantity, shown: str, lang: Lang) -> Cell:
    if q.value is None:
        reason = q.reason_zh if lang == "zh" else q.reason_en
        return Cell(DASH, detail=reason)
    return Cell(shown)


def _rate(q: Quantity, lang: Lang, decimals: int = 2) -> Cell:
    """A yearly rate, a negative one as a fall ("a fall of 5.13 % a year"), as the sentences
    say it."""
    value = q.value
    if value is None:
        return _quantity(q, "", lang)
    decimals = rate_places(value, decimals)  # as the sentence gives it
    sign = shown_sign(value, decimals)
    if not sign:
        return _quantity(q, phrase("unchanged", lang), lang)
    shown = format_percent(abs(value), zh=lang == "zh", decimals=decimals)
    return _quantity(q, phrase("a_fall_a_year" if sign < 0 else "a_year", lang, value=shown), lang)


def _key_figures(ctx: ReportContext, row: TargetRow) -> Table:
    lang, target, a = ctx.lang, row.target, row.assessment
    unit = target.unit
    columns = (Column("", 1.0), Column("", 1.4))
    rows: list[tuple[str, Cell]] = []
    if a.baseline_year is None:  # nothing to measure from: every quantity would be a dash,
        # and the goal is said above the status; milestones are said nowhere else
        if target.milestones and not target.is_monitoring:
            rows.append((phrase("milestones", lang), Cell(_milestones(target, lang))))
        return Table(columns, tuple((Cell(k), v) for k, v in rows), header=False)
    if a.baseline_year is not None and a.baseline_value is not None:
        rows.append(
            (
                phrase("baseline", lang),
                Cell(_at(a.baseline_value, unit, a.baseline_year, _baseline_quality(row), lang)),
            )
        )
    if a.shown_latest is not None:  # a lone first figure too, as the overview shows it
        latest = a.shown_latest
        shown = _at(latest.value, unit, latest.year, latest.quality, lang)
        so_far = phrase("baseline_so_far", lang) if a.latest is None else ""
        rows.append((phrase("latest", lang), Cell(shown, detail=so_far)))
    if not target.is_monitoring:
        rows.append((phrase("goal", lang), Cell(wording.goal(target, lang))))
        if target.milestones:
            rows.append((phrase("milestones", lang), Cell(_milestones(target, lang))))
        rows.append((phrase("achievement", lang), _percent(a.achievement, lang)))
        elapsed = (
            phrase("elapsed_at", lang, year=a.latest.year)
            if a.latest is not None
            else phrase("elapsed", lang)
        )  # measured to the latest figure's year, not to the report's
        rows.append((elapsed, _percent(a.elapsed, lang)))
        if a.latest is not None:
            planned = a.planned_value
            shown = "" if planned.value is None else value_text(planned.value, unit, lang)
            key = phrase("planned", lang, year=a.latest.year)
            rows.append((key, _quantity(planned, shown, lang)))
    observed = a.observed_growth
    decimals = 2
    if observed.value is not None:
        decimals = observed_growth_decimals(target, observed.value, ctx.thresholds)
    rows.append((phrase("observed_growth", lang), _rate(observed, lang, decimals=decimals)))
    if not target.is_monitoring:
        rows.append((phrase("required_growth", lang), _rate(a.required_growth, lang)))
        rows.append((phrase("required_from_now", lang), _rate(a.required_growth_from_latest, lang)))
        amount = a.required_yearly_amount
        shown = "" if amount.value is None else wording.yearly_change(amount.value, unit, lang)
        # a band's is to its nearer edge, as the target page says
        band = target.comparator is Comparator.ABOUT
        key = phrase("required_amount_band" if band else "required_amount", lang)
        rows.append((key, _quantity(amount, shown, lang)))
        projected = projection_shown(a, target.target_year)
        shown = "" if projected.value is None else value_text(projected.value, unit, lang)
        key = phrase("projection", lang, year=target.target_year)
        rows.append((key, _quantity(projected, shown, lang)))
    if not (target.is_monitoring and a.ratio.value is None):
        rows.append(_ratio(row, lang, cuts_for(target, a.method, ctx.thresholds)))
    return Table(
        columns, tuple((Cell(k), v) for k, v in _reasons_beside_dashes(rows, lang)), header=False
    )


def _milestones(target: Target, lang: Lang) -> str:
    """ "2023: 700 亿元; 2024: 750 亿元", "2023年：700亿元；2024年：750亿元"."""
    separator, year = ("；", "{}年：") if lang == "zh" else ("; ", "{}: ")
    return separator.join(
        year.format(m.year) + value_text(m.value, target.unit, lang) for m in target.milestones
    )


def _reasons_beside_dashes(rows: list[tuple[str, Cell]], lang: Lang) -> list[tuple[str, Cell]]:
    """Each dash with its reason (METHOD.md); a reason the row above gives already is said
    as "as above" ("同上"), as tables say it."""
    result = []
    above = ""
    for label, cell in rows:
        if cell.detail and cell.detail == above:
            cell = replace(cell, detail=phrase("as_above", lang))
        else:
            above = cell.detail
        result.append((label, cell))
    return result


def _ratio(row: TargetRow, lang: Lang, cuts: tuple[float, ...]) -> tuple[str, Cell]:
    a = row.assessment
    if row.target.is_monitoring:  # g, signed: below 0 it went the wrong way, not "a fall"
        g = a.ratio
        assert g.value is not None  # the row is left out without it
        decimals = decimals_beside(g.value, cuts, percent=True)
        rate = format_percent(g.value, zh=lang == "zh", decimals=decimals)
        return phrase("ratio_monitoring", lang), _quantity(
            g, phrase("a_year", lang, value=rate), lang
        )
    key = {
        Method.GROWTH_RATIO: "ratio_growth",
        Method.PROJECTION: "ratio_projection",
        Method.SCHEDULE: "ratio_schedule",
    }[a.method]
    shown = "" if a.ratio.value is None else format_ratio(a.ratio.value, cuts)
    return phrase(key, lang), _quantity(a.ratio, shown, lang)


def _percent(q: Quantity, lang: Lang) -> Cell:
    return _quantity(q, percent_or_dash(q.value, lang), lang)


def _baseline_quality(row: TargetRow) -> Quality | None:
    a, target = row.assessment, row.target
    if a.baseline_from_first_observation:
        first = [o for o in row.observations if o.year == a.baseline_year]
        return first[-1].quality if first else None
    return target.baseline_quality


def _at(value: float, unit: str, year: int, quality: Quality | None, lang: Lang) -> str:
    shown = value_text(value, unit, lang)
    if quality is None:
        return f"{shown}（{year}年）" if lang == "zh" else f"{shown} ({year})"
    return phrase("at_year", lang, value=shown, year=year, quality=text.quality_word(quality, lang))


def _yearly_table(
    ctx: ReportContext, row: TargetRow, observations: list[Observation], caption: str
) -> Table:
    lang, target = ctx.lang, row.target
    columns = (
        Column(phrase("col_year", lang), fit=True),
        Column(phrase("col_value", lang), fit=True, align=Align.RIGHT),
        Column(phrase("col_quality", lang), fit=True),
        Column(phrase("col_source", lang), 1.6),
        Column(phrase("col_note", lang), 1.0),
    )
    rows: list[tuple[Cell, ...]] = []
    years = {o.year for o in observations}
    if (
        target.baseline_year is not None
        and target.baseline_value is not None
        and target.baseline_year not in years
    ):
        quality = target.baseline_quality
        rows.append(
            (
                Cell(str(target.baseline_year), detail=phrase("baseline_row", lang)),
                Cell(value_text(target.baseline_value, "", lang)),
                Cell("" if quality is None else text.quality_word(quality, lang)),
                Cell(target.baseline_source),
                Cell(""),
            )
        )
    baseline_year = row.assessment.baseline_year
    for o in observations:
        mark = phrase("baseline_row", lang) if o.year == baseline_year else ""
        rows.append(
            (
                Cell(str(o.year), detail=mark),
                Cell(value_text(o.value, "", lang)),
                Cell(text.quality_word(o.quality, lang)),
                Cell(o.source),
                Cell(o.note),
            )
        )
    rows.sort(key=lambda cells: int(cells[0].text))
    unit = f" ({target.unit})" if target.unit and lang == "en" else ""
    if target.unit and lang == "zh":
        unit = f"（{target.unit}）"
    if len(target.unit) > LONG_UNIT:  # on a line of its own, not cut inside ("吨标/准煤/万/元")
        unit = "\n" + unit.strip()
    columns = (columns[0], replace(columns[1], title=columns[1].title + unit), *columns[2:])
    return Table(columns, tuple(rows), continued=phrase("continued", lang, caption=caption))
