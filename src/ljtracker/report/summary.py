"""The summary: counts per status overall and per area, binding warnings, targets behind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ljtracker.domain import explain
from ljtracker.domain.model import Kind, Quality, Status, Thresholds
from ljtracker.domain.status_look import counted_as, every_shown
from ljtracker.domain.status_rules import cuts_for
from ljtracker.report import text
from ljtracker.report.context import ReportContext, TargetRow, no_targets_text
from ljtracker.report.document import (
    Align,
    Block,
    Cell,
    Column,
    Paragraph,
    StatusBar,
    StatusChart,
    Table,
    TextStyle,
)
from ljtracker.report.text import Lang, phrase

BEHIND = (Status.DETERIORATION, Status.LIMITED_PROGRESS, Status.NEEDS_ACCELERATION)


def summary_blocks(ctx: ReportContext) -> list[Block]:
    lang = ctx.lang
    if not ctx.rows:
        return [Paragraph(no_targets_text(ctx))]
    breakdown = status_counts(ctx.rows, lang)
    opening = phrase(
        "summary_counts",
        lang,
        count=len(ctx.rows),
        year=ctx.as_of,
        method=explain.method_name(ctx.method, lang),
    )
    joined = f"{opening}{breakdown}。" if lang == "zh" else f"{opening} {breakdown}."
    missed = [r for r in ctx.rows if r.assessment.missed]
    blocks: list[Block] = [Paragraph(joined)]
    blocks += _status_by_area(ctx)
    binding = any(r.target.kind is Kind.BINDING for r in ctx.rows)
    warned = [r for r in ctx.rows if r.warning]
    no_warning = phrase("no_warnings" if binding else "no_binding", lang)
    blocks += _listing(ctx, "warnings", warned, no_warning)
    if missed:
        blocks += _listing(ctx, "missed", missed, "")
    # a missed target is listed once, with the missed ones, whatever its status
    later = [r for r in ctx.rows if not r.assessment.missed]
    behind = sorted(
        (r for r in later if r.status in BEHIND), key=lambda r: _how_far_behind(r, ctx.thresholds)
    )
    blocks += _listing(ctx, "behind", behind, _none_behind(later, missed, lang))
    unassessable = [r for r in later if r.status is Status.NOT_ASSESSABLE]
    awaiting = [r for r in unassessable if r.assessment.awaiting_target_figure]
    if awaiting:  # for a final evaluation: the figures still to be entered
        blocks += _listing(ctx, "awaiting", awaiting, "")
    others = [r for r in unassessable if not r.assessment.awaiting_target_figure]
    if others:
        blocks += _listing(ctx, "unassessable", others, "")
    return blocks


def status_counts(rows: Sequence[TargetRow], lang: Lang) -> str:
    """ "On track: 3; Needs acceleration: 1", "进展顺利3项；需加快1项": each target counted
    under the label its row shows, so a target missed whose pace cannot be assessed is counted
    as missed (just before those not assessable), not as not assessable."""
    counts = Counter(r.shown for r in rows)
    return ("；" if lang == "zh" else "; ").join(
        _count(explain.shown_label(s, lang), counts[s], lang) for s in every_shown() if counts[s]
    )


def _count(label: str, count: int, lang: Lang) -> str:
    """ "On track: 3", "进展顺利3项", never broken across lines."""
    return text.kept_together(phrase("summary_status_count", lang, label=label, count=count))


def headline(rows: Sequence[TargetRow], lang: Lang) -> str:
    """The statuses counted, then the targets missed and the binding ones warned of: the
    report's result in one line, for its cover."""
    counts = status_counts(rows, lang)
    # the warned are among the statuses counted: said as part of them, not beside
    among = [
        text.kept_together(phrase(key, lang, count=count))
        for key, count in (
            ("of_these_awaiting", sum(r.assessment.awaiting_target_figure for r in rows)),
            ("of_these_warned", sum(r.warning for r in rows)),
            ("of_these_provisional", sum(_provisional(r) for r in rows)),
        )
        if count
    ]
    if not among:
        return counts
    items = ("，" if lang == "zh" else ", ").join(among)
    return counts + phrase("of_these", lang, total=len(rows), items=items)


def _provisional(row: TargetRow) -> bool:
    """Judged on a figure that is not official: its status may change with it."""
    return any(f.quality is not Quality.OFFICIAL for f in row.assessment.resting_on)


def _none_behind(later: Sequence[TargetRow], missed: list[TargetRow], lang: Lang) -> str:
    """What to say when no target is behind, without claiming more than was judged: `later`
    are the targets not missed, of which those not assessable are counted apart."""
    if not later:
        return phrase("all_missed", lang)
    other = sum(r.status is Status.NOT_ASSESSABLE for r in later)
    count = len(later) - other
    apart = "_but_missed" if missed else ""
    if not count:
        return phrase(f"none_assessable{apart}", lang)
    if not other:
        return phrase(f"none_behind{apart}", lang)
    one = "_one" if count == 1 else ""  # not "none of the 1 target"
    return phrase(f"none_behind{apart}_some_unassessable{one}", lang, count=count, other=other)


def _how_far_behind(row: TargetRow, thresholds: Thresholds) -> tuple[int, float]:
    """Worst status first, then, within a status, the lowest place in its band of the value
    it is judged by: R, r or S and a monitoring indicator's growth g are on other scales, so
    each is placed between its own thresholds (0 at the band's foot, 1 at its top; below
    the last threshold, measured against the span up to on track)."""
    value = row.assessment.ratio.value
    if value is None:
        return BEHIND.index(row.status), float("inf")
    cuts = cuts_for(row.target, row.assessment.method, thresholds)
    on_track, accelerate, floor = cuts[0], cuts[1], cuts[-1]
    foot, top = {
        Status.NEEDS_ACCELERATION: (accelerate, on_track),
        Status.LIMITED_PROGRESS: (floor, accelerate),
    }.get(row.status, (floor, on_track))
    return BEHIND.index(row.status), (value - foot) / (top - foot) if top != foot else value


def _status_by_area(ctx: ReportContext) -> list[Block]:
    lang = ctx.lang
    groups: list[tuple[str, list[TargetRow]]] = []
    for area in ctx.areas:
        members = [r for r in ctx.rows if r.target.area_id == area.id]
        if members:
            groups.append((ctx.area_names[area.id], members))
    loose = [r for r in ctx.rows if r.target.area_id not in ctx.area_names]
    if loose and groups:
        groups.append((phrase("no_area", lang), loose))
    everything = (phrase("all_targets", lang), list(ctx.rows))

    # a missed target whose pace cannot be assessed is counted as missed, as its row says
    shown = counted_as(r.shown for r in ctx.rows)

    def bar(label: str, members: list[TargetRow], total_row: bool = False) -> StatusBar:
        counts = Counter(r.shown for r in members)
        return StatusBar(label, tuple((s, counts[s]) for s in shown), total_row)

    if len(groups) == 1 and len(groups[0][1]) == len(ctx.rows):
        everything, groups = groups[0], []  # one area holds every target: one row says it
    bars = [bar(*everything, total_row=True)] + [bar(label, m) for label, m in groups]
    legend = tuple((s, explain.shown_label(s, lang)) for s in shown)
    caption = phrase("status_by_area", lang)
    columns = (
        Column(phrase("area", lang), 3.0),
        *(Column("", align=Align.RIGHT, fit=True, status=s) for s in shown),
        Column(phrase("total", lang), align=Align.RIGHT, fit=True),
    )
    table_rows = tuple(
        (
            Cell(b.label, bold=b.total_row),
            *(Cell(str(n) if n else "·", bold=b.total_row) for _, n in b.counts),
            Cell(str(sum(n for _, n in b.counts)), bold=True),
        )
        for b in bars
    )
    return [
        Paragraph(caption, TextStyle.LABEL),
        StatusChart(tuple(bars), legend),
        Table(columns, table_rows, continued=phrase("continued", lang, caption=caption)),
    ]


def _listing(ctx: ReportContext, key: str, rows: list[TargetRow], empty: str) -> list[Block]:
    lang = ctx.lang
    caption = phrase(key, lang)
    if not rows:
        return [Paragraph(caption, TextStyle.LABEL), Paragraph(empty)]
    columns = (
        Column(phrase("col_code", lang), fit=True),
        Column(phrase("col_name", lang), 1.3),
        Column(phrase("col_status", lang), 0.9),
        Column(phrase("col_explanation", lang), 3.0),
    )
    table_rows = tuple(
        (
            Cell(text.kept_together(r.target.code)),
            Cell(r.name),
            Cell(r.status_label, status=r.shown),
            Cell(r.explanation),
        )
        for r in rows
    )
    return [
        Paragraph(caption, TextStyle.LABEL),
        Table(columns, table_rows, continued=phrase("continued", lang, caption=caption)),
    ]
