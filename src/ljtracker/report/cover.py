"""The cover page: what the report is, for which plan, as of which year, and its particulars."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPen

from ljtracker.report import style
from ljtracker.report.document import Cover
from ljtracker.report.flow import Kit
from ljtracker.report.textflow import draw_lines, natural_width, wrap


def paint_cover(painter: QPainter, rect: QRectF, cover: Cover, kit: Kit) -> None:
    s = kit.scale
    width = rect.width()
    y = rect.top() + rect.height() * 0.14
    kind = wrap(cover.kind, style.font("cover_kind", bold=True), kit, width)
    draw_lines(painter, kind, rect.left(), y, width, style.ACCENT)
    y += kind.height + s.mm(5)
    title = wrap(cover.title, style.font("title"), kit, width * 0.92)
    draw_lines(painter, title, rect.left(), y, width, style.INK)
    y += title.height + s.mm(3)
    if cover.other_title:
        other = wrap(cover.other_title, style.font("cover_kind", bold=False), kit, width * 0.92)
        draw_lines(painter, other, rect.left(), y, width, style.MUTED)
        y += other.height
    y += s.mm(6)
    painter.setPen(QPen(style.ACCENT, s.pt(2)))
    painter.drawLine(QPointF(rect.left(), y), QPointF(rect.left() + s.mm(40), y))
    y += s.mm(6)
    as_of = wrap(cover.as_of, style.font("cover_as_of", bold=True), kit, width)
    draw_lines(painter, as_of, rect.left(), y, width, style.ACCENT)
    y += as_of.height
    facts_top = max(y + s.mm(20), rect.top() + rect.height() * 0.55)
    label_font, value_font = style.font("small"), style.font("body")
    label_width = max(natural_width(label, label_font, kit) for label, _ in cover.facts)
    label_width = min(label_width + s.mm(5), width * 0.35)
    y = facts_top
    for label, value in cover.facts:
        label_lines = wrap(label, label_font, kit, label_width - s.mm(3))
        value_lines = wrap(value, value_font, kit, width - label_width)
        offset = value_lines.ascent - label_lines.ascent
        draw_lines(painter, label_lines, rect.left(), y + offset, label_width, style.MUTED)
        draw_lines(
            painter, value_lines, rect.left() + label_width, y, width - label_width, style.INK
        )
        y += max(label_lines.height, value_lines.height) + s.mm(1.8)
    note = wrap(cover.note, style.font("small"), kit, width)
    draw_lines(painter, note, rect.left(), rect.bottom() - note.height, width, style.MUTED)
