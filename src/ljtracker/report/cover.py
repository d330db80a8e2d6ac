"""The cover page: what the report is, for which plan, as of which year, and its particulars."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPen

from ljtracker.report import style
from ljtracker.report.document import Cover
from ljtracker.report.flow import Kit
from ljtracker.report.textflow import Lines, balanced_wrap, draw_lines, natural_width, wrap

TOP_SHARE = 0.14  # the title block begins this far down the page, room allowing
FACTS_SHARE = 0.55  # and the particulars this far down


def paint_cover(painter: QPainter, rect: QRectF, cover: Cover, kit: Kit) -> None:
    s = kit.scale
    width = rect.width()
    kind = wrap(cover.kind, style.font("cover_kind", bold=True), kit, width)
    other = (
        wrap(cover.other_title, style.font("cover_kind", bold=False), kit, width * 0.92)
        if cover.other_title
        else None
    )
    as_of = wrap(cover.as_of, style.font("cover_as_of", bold=True), kit, width)
    facts = _facts(cover, kit, width)
    facts_height = sum(height for _, _, height in facts)
    note = wrap(cover.note, style.font("small"), kit, width)
    gap = s.mm(20)
    untitled = kind.height + s.mm(5) + s.mm(3) + s.mm(12) + as_of.height
    untitled += other.height if other else 0.0
    # a title too long for the page at its full size (five lines of a landscape page's
    # title ran the particulars into the note and the footer) is set smaller
    title = balanced_wrap(cover.title, style.font("title"), kit, width * 0.92)
    below = s.mm(6) + facts_height + s.mm(4) + note.height
    if untitled + title.height + below > rect.height():
        title = balanced_wrap(cover.title, style.font("title_small"), kit, width)
    head = untitled + title.height
    # long particulars (a report of chosen areas and statuses, on a landscape page) move the
    # whole cover up rather than run into the note and the page's footer
    room = rect.height() - head - gap - facts_height - s.mm(4) - note.height
    y = rect.top() + max(0.0, min(rect.height() * TOP_SHARE, room))
    draw_lines(painter, kind, rect.left(), y, width, style.ACCENT)
    y += kind.height + s.mm(5)
    draw_lines(painter, title, rect.left(), y, width, style.INK)
    y += title.height + s.mm(3)
    if other is not None:
        draw_lines(painter, other, rect.left(), y, width, style.MUTED)
        y += other.height
    y += s.mm(6)
    painter.setPen(QPen(style.ACCENT, s.pt(2)))
    painter.drawLine(QPointF(rect.left(), y), QPointF(rect.left() + s.mm(40), y))
    y += s.mm(6)
    draw_lines(painter, as_of, rect.left(), y, width, style.ACCENT)
    y += as_of.height
    latest_top = rect.bottom() - note.height - s.mm(4) - facts_height
    y = max(
        y + min(gap, max(0.0, latest_top - y)),
        min(rect.top() + rect.height() * FACTS_SHARE, latest_top),
    )
    label_width = _label_width(cover, kit, width)
    for label_lines, value_lines, height in facts:
        offset = value_lines.ascent - label_lines.ascent
        draw_lines(painter, label_lines, rect.left(), y + offset, label_width, style.MUTED)
        draw_lines(
            painter, value_lines, rect.left() + label_width, y, width - label_width, style.INK
        )
        y += height
    draw_lines(painter, note, rect.left(), rect.bottom() - note.height, width, style.MUTED)


def _label_width(cover: Cover, kit: Kit, width: float) -> float:
    label_font = style.font("small")
    widest = max(natural_width(label, label_font, kit) for label, _ in cover.facts)
    return min(widest + kit.scale.mm(5), width * 0.35)


def _facts(cover: Cover, kit: Kit, width: float) -> list[tuple[Lines, Lines, float]]:
    """Each particular's label and value as laid out, with the height of its row."""
    s = kit.scale
    label_font, value_font = style.font("small"), style.font("body")
    label_width = _label_width(cover, kit, width)
    rows = []
    for label, value in cover.facts:
        label_lines = wrap(label, label_font, kit, label_width - s.mm(3))
        value_lines = wrap(value, value_font, kit, width - label_width)
        rows.append(
            (label_lines, value_lines, max(label_lines.height, value_lines.height) + s.mm(1.8))
        )
    return rows
