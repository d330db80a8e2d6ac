"""From the data to the report document: options, cover, summary and the table of all targets.

No Qt here: the builder reads the workbook through the services and returns a `Document`; the
painter (`report.render`) decides where things go on paper. Per-target sections are in
`report.target_sections`, the appendices in `report.appendices`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial

from ljtracker.domain import explain, wording
from ljtracker.domain.as_of import before_plan
from ljtracker.domain.closest import no_such_plan
from ljtracker.domain.errors import UserError
from ljtracker.domain.explain import shown_label
from ljtracker.domain.model import Area, Method, Plan, Target, in_area_order
from ljtracker.domain.status_look import Shown, every_shown
from ljtracker.report import text
from ljtracker.report.appendices import method_blocks, sources_blocks
from ljtracker.report.context import (
    Figures,
    ReportContext,
    TargetRow,
    area_name,
    no_targets_text,
    value_text,
)
from ljtracker.report.document import (
    Align,
    Block,
    Blocks,
    Cell,
    Column,
    Cover,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    ReportKind,
    Section,
    Table,
)
from ljtracker.report.fingerprint import Fingerprint
from ljtracker.report.summary import headline, summary_blocks
from ljtracker.report.target_sections import (
    goal_short,
    latest_text,
    percent_or_dash,
    target_blocks,
)
from ljtracker.report.text import Lang, phrase
from ljtracker.services import clock
from ljtracker.services.progress import effective_settings, targets_progress
from ljtracker.storage import reads
from ljtracker.storage.known_on import moment_shown
from ljtracker.storage.workbook import Workbook


class ReportError(UserError):
    """The report cannot be made from these options."""


@dataclass(frozen=True)
class ReportOptions:
    plan_code: str
    lang: Lang = "en"
    as_of_year: int | None = None  # None: the latest year with a figure
    method: Method | None = None  # None: the workbook's method
    sections: frozenset[Section] = field(default_factory=lambda: frozenset(Section))
    areas: frozenset[int | None] | None = None  # area ids (None: targets without an area)
    statuses: frozenset[Shown] | None = None  # what targets are shown as (missed apart)
    as_known_on: datetime | None = None  # the earlier moment whose figures these are
    kind: ReportKind = ReportKind.PROGRESS  # named on the cover


def default_as_of_year(
    wb: Workbook, plan: Plan, targets: Sequence[Target], kind: ReportKind = ReportKind.PROGRESS
) -> int:
    """The latest year with a figure for any of the plan's targets (the plan's first year
    when none has one); but once a target's year is over, at least that year: the statuses
    are then those the window shows on all figures, where a target whose year is over without
    its figure awaits it. A final evaluation judges the plan's period: no year after it."""
    assert plan.id is not None
    row = wb.conn.execute(
        "SELECT max(o.year) FROM observation o JOIN target t ON t.id = o.target_id"
        " WHERE t.plan_id = ?",
        [plan.id],
    ).fetchone()
    latest = int(row[0]) if row and row[0] is not None else plan.start_year
    now = clock.this_year()
    over = [t.target_year for t in targets if t.target_year is not None and t.target_year < now]
    year = max([latest, *over])
    return min(year, plan.end_year) if kind is ReportKind.FINAL else year


def _check_as_of(plan: Plan, targets: list[Target], as_of: int) -> None:
    """A report as of a year before the plan and its baselines would judge nothing."""
    refused = before_plan(plan, targets, as_of)
    if refused is not None:
        raise ReportError(*refused)


def build_report(wb: Workbook, options: ReportOptions, *, today: date | None = None) -> Document:
    plan = reads.plan_by_code(wb, options.plan_code)
    if plan is None or plan.id is None:
        codes = (p.code for p in reads.plans(wb))
        raise ReportError(*no_such_plan(options.plan_code, codes, wb.path))
    targets = reads.targets(wb, plan.id)
    as_of = options.as_of_year or default_as_of_year(wb, plan, targets, options.kind)
    settings = effective_settings(wb, options.method)
    areas = tuple(reads.areas(wb, plan.id))
    _check_as_of(plan, targets, as_of)
    area_names = {a.id: area_name(a, options.lang) for a in areas}
    fingerprint_of = Fingerprint(plan, areas, targets)
    texts: dict[str, str] = {}
    chosen: dict[int | None, TargetRow] = {}
    by_code = sorted(targets, key=lambda t: t.code)
    for r in targets_progress(wb, by_code, as_of_year=as_of, settings=settings):
        fingerprint_of.add(r.target, r.observations)
        if _selected(r.target.area_id, r.assessment.shown, options):
            area = area_names.get(r.target.area_id, "")
            figures = Figures.of(r.observations, texts)
            chosen[r.target.id] = TargetRow(r.target, r.assessment, figures, area, options.lang)
    fingerprint = fingerprint_of.hexdigest()
    ctx = ReportContext(
        lang=options.lang,
        plan=plan,
        as_of=as_of,
        method=settings.method,
        thresholds=settings.thresholds,
        areas=areas,
        area_names=area_names,
        rows=tuple(chosen[t.id] for t in in_area_order(targets, areas) if t.id in chosen),
        total=len(targets),
        subset=_subset(options, areas, area_names),
        known_on=options.as_known_on,
        kind=options.kind,
    )
    lang = options.lang
    day = today or date.today()
    footer = " · ".join(
        (
            phrase("generated", lang, date=text.long_date(day, lang)),
            *(
                [phrase("known_on", lang, moment=moment_shown(ctx.known_on))]
                if ctx.known_on
                else []
            ),
            phrase("fingerprint", lang, fingerprint=fingerprint),
        )
    )
    return Document(
        lang=lang,
        title=wording.title(plan, lang),
        header_right=phrase("as_of", lang, year=as_of),
        page_format=phrase("page", lang, page="{page}", pages="{pages}"),
        footer_left=footer,
        fingerprint=fingerprint,
        blocks=Blocks(partial(_blocks, ctx, options.sections, day, fingerprint)),
        file_stem=f"{plan.code}-{options.kind.value}-{as_of}-{lang}",
        kind=options.kind,
        units=tuple(sorted({t.unit.strip() for t in targets if t.unit.strip()})),
    )


def _subset(
    options: ReportOptions, areas: tuple[Area, ...], area_names: dict[int | None, str]
) -> str:
    """The areas and statuses a report was limited to, as its cover names them."""
    lang = options.lang
    comma = "、" if lang == "zh" else ", "
    parts = []
    if options.areas is not None:
        ids = [a.id for a in areas if a.id in options.areas]
        names = [area_names[i] for i in ids] + (
            [phrase("no_area", lang)] if None in options.areas else []
        )
        parts.append(phrase("subset_areas", lang, names=comma.join(names)))
    if options.statuses is not None:
        labels = [shown_label(s, lang) for s in every_shown() if s in options.statuses]
        parts.append(phrase("subset_statuses", lang, labels=comma.join(labels)))
    return ("；" if lang == "zh" else "; ").join(parts)


def _selected(area_id: int | None, shown: Shown, options: ReportOptions) -> bool:
    if options.areas is not None and area_id not in options.areas:
        return False
    return options.statuses is None or shown in options.statuses


def _blocks(
    ctx: ReportContext, sections: frozenset[Section], day: date, fingerprint: str
) -> Iterator[Block]:
    """The report's blocks in order, each part made only when the one before has been read."""
    lang = ctx.lang
    last: Block | None = None
    if Section.COVER in sections:
        yield _cover(ctx, day, fingerprint)
        yield (last := PageBreak())
    number = 0
    body: tuple[tuple[Section, str, Callable[[ReportContext], Iterable[Block]]], ...] = (
        (Section.SUMMARY, "summary", summary_blocks),
        (Section.TABLE, "table", _overview_table),
        (Section.TARGETS, "targets", _targets),
    )
    for section, key, make in body:
        if section in sections:
            number += 1
            yield (last := Heading(text.section_title(number, phrase(key, lang), lang)))
            for last in make(ctx):
                yield last
    appendices: tuple[tuple[Section, str, Callable[[ReportContext], Iterable[Block]]], ...] = (
        (Section.METHOD, "method_appendix", method_blocks),
        (Section.SOURCES, "sources_appendix", sources_blocks),
    )
    index = 0
    for section, key, make in appendices:
        if section in sections:
            if last is not None and not isinstance(last, PageBreak):
                yield PageBreak()
            yield (last := Heading(text.appendix_title(index, phrase(key, lang), lang)))
            for last in make(ctx):
                yield last
            index += 1


def _cover(ctx: ReportContext, day: date, fingerprint: str) -> Cover:
    lang, plan = ctx.lang, ctx.plan
    other = wording.title(plan, "en" if lang == "zh" else "zh")
    title = wording.title(plan, lang)
    count = len(ctx.rows)
    if ctx.total == 0:
        coverage = phrase("coverage_none", lang)
    elif count == ctx.total and not ctx.subset:
        coverage = phrase("coverage_all", lang, count=count)
    else:
        coverage = phrase("coverage_some", lang, count=count, total=ctx.total)
    if ctx.subset:
        coverage += f"（{ctx.subset}）" if lang == "zh" else f" ({ctx.subset})"
    monitoring = sum(r.target.comparator is None for r in ctx.rows)
    if monitoring:  # judged by direction only, without a target value to reach
        coverage += phrase("coverage_monitoring", lang, count=monitoring)
    facts = [
        (phrase("plan_code", lang), plan.code),
        (phrase("issuer", lang), plan.issuer),
        (phrase("issue_date", lang), text.partial_date(plan.issue_date, lang)),
        (phrase("period", lang), text.period(plan.start_year, plan.end_year, lang)),
        (phrase("method", lang), explain.method_name(ctx.method, lang)),
        (phrase("coverage", lang), coverage),
        (phrase("result", lang), headline(ctx.rows, lang)),
        (phrase("date_generated", lang), text.long_date(day, lang)),
        (phrase("known_on_label", lang), moment_shown(ctx.known_on) if ctx.known_on else ""),
        (phrase("data_fingerprint", lang), fingerprint),
    ]
    return Cover(
        kind=phrase(f"report_kind_{ctx.kind.value}", lang),
        title=title,
        other_title="" if other == title else other,
        as_of=phrase("cover_as_of", lang, year=ctx.as_of),
        facts=tuple((label, value) for label, value in facts if value),
        note=phrase("fingerprint_note", lang),
    )


def _overview_table(ctx: ReportContext) -> Iterator[Block]:
    lang = ctx.lang
    if not ctx.rows:
        yield Paragraph(no_targets_text(ctx))
        return
    columns = (
        Column(phrase("col_code", lang), fit=True),
        Column(phrase("col_name", lang), 2.0),
        # "吨标准煤/万元" not a character a line, nor a long unit taking the name's room
        Column(phrase("col_unit", lang), fit=True, fit_cap=0.1),
        Column(phrase("col_baseline", lang), align=Align.RIGHT, fit=True),
        Column(phrase("col_latest", lang), align=Align.RIGHT, fit=True),
        Column(phrase("col_target", lang), 1.4),
        Column(phrase("col_achievement", lang), align=Align.RIGHT, fit=True),
        Column(phrase("col_status", lang), 1.25),  # a four-character Chinese status on a line
        Column(phrase("col_growth_needed", lang), align=Align.RIGHT, fit=True),
    )
    # growth needed from now, left out where no target has any (a final evaluation, say):
    # a column of dashes took the room the names wrapped in
    needed = any(r.assessment.required_growth_from_latest.value is not None for r in ctx.rows)
    rows = []
    for r in ctx.rows:
        a = r.assessment
        baseline = (
            Cell("—")
            if a.baseline_value is None
            else Cell(value_text(a.baseline_value, "", lang), detail=_year(a.baseline_year, lang))
        )
        latest = latest_text(r, lang)
        rows.append(
            (
                Cell(text.kept_together(r.target.code)),
                Cell(r.name),
                Cell(r.target.unit),
                baseline,
                latest,
                Cell(goal_short(r.target, lang)),
                Cell(percent_or_dash(a.achievement.value, lang)),
                Cell(
                    r.status_label,
                    status=r.shown,
                    detail=r.status_detail,
                    alert=r.warning or r.assessment.missed,
                ),
                Cell(percent_or_dash(a.required_growth_from_latest.value, lang)),
            )
        )
    kept = len(columns) if needed else len(columns) - 1
    caption = phrase("table", lang)
    yield Table(
        columns[:kept],
        tuple(row[:kept] for row in rows),
        continued=phrase("continued", lang, caption=caption),
    )


def _targets(ctx: ReportContext) -> Iterator[Block]:
    """One section per target, each made when layout reaches it and let go after."""
    if not ctx.rows:
        yield Paragraph(no_targets_text(ctx))
    for row in ctx.rows:
        yield from target_blocks(ctx, row)


def _year(year: int | None, lang: Lang) -> str:
    """A year under a figure: "2020", "2020年"."""
    return "" if year is None else f"{year}年" if lang == "zh" else str(year)
