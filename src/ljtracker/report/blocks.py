"""Each block of the document as slices of known height, ready for pagination."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from ljtracker.domain.status_look import look_of
from ljtracker.report import style
from ljtracker.report.charts import paint_progress_chart
from ljtracker.report.cover import paint_cover
from ljtracker.report.document import (
    Block,
    Cover,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    ProgressChart,
    StatusChart,
    StatusLine,
    Table,
    TextStyle,
)
from ljtracker.report.flow import Kit, Slice
from ljtracker.report.status_chart import paint_status_chart, status_chart_height
from ljtracker.report.tables import table_slices
from ljtracker.report.textflow import Lines, draw_lines, wrap

_PARAGRAPH_LOOK = {
    TextStyle.BODY: ("body", style.INK, 4.0),
    TextStyle.SMALL: ("small", style.MUTED, 2.0),
    TextStyle.LEAD: ("lead", style.INK, 4.0),
    TextStyle.LABEL: ("label", style.INK, 10.0),
}


def _line_slices(lines: Lines, color: QColor, space_before: float, keep: bool) -> list[Slice]:
    slices = []
    for index, line in enumerate(lines.texts):
        single = Lines((line,), lines.font, lines.ascent, lines.line_height, (lines.widths[index],))

        def paint(painter: QPainter, rect: QRectF, single: Lines = single) -> None:
            draw_lines(painter, single, rect.left(), rect.top(), rect.width(), color)

        slices.append(
            Slice(
                lines.line_height,
                paint,
                space_before=space_before if index == 0 else 0.0,
                keep_with_next=keep,
                kind="line",
            )
        )
    return slices


def _heading(block: Heading, kit: Kit, width: float, rule: bool = True) -> list[Slice]:
    s = kit.scale
    if block.level == 1:
        lines = wrap(block.text, style.font("h1"), kit, width)

        def paint_h1(painter: QPainter, rect: QRectF) -> None:
            draw_lines(painter, lines, rect.left(), rect.top(), rect.width(), style.ACCENT)
            y = rect.top() + lines.height + s.pt(2)
            painter.setPen(QPen(style.ACCENT, s.pt(0.8)))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))

        height = lines.height + s.pt(7)
        return [Slice(height, paint_h1, space_before=s.pt(16), keep_with_next=True, kind="h1")]
    lines = wrap(block.text, style.font("h2"), kit, width)
    top_gap = s.pt(7)

    def paint_h2(painter: QPainter, rect: QRectF) -> None:
        if rule:
            painter.setPen(QPen(style.LIGHT_RULE, s.pt(0.6)))
            painter.drawLine(rect.topLeft(), rect.topRight())
        draw_lines(painter, lines, rect.left(), rect.top() + top_gap, rect.width(), style.ACCENT)

    height = top_gap + lines.height + s.pt(2)
    return [Slice(height, paint_h2, space_before=s.pt(14), keep_with_next=True, kind="h2")]


def _status_line(block: StatusLine, kit: Kit, width: float) -> list[Slice]:
    s = kit.scale
    label_font = style.font("label")
    fm = QFontMetricsF(label_font, kit.device)
    glyph = look_of(block.status).symbol + " "
    label_width = fm.horizontalAdvance(glyph + block.label + "   ")
    first = wrap(glyph + block.label, label_font, kit, width)
    marks = [block.year_mark] if block.year_mark else []
    if block.warning:
        marks.append(f"{style.WARNING_GLYPH} {block.warning}")
    warning = "   ".join(marks)
    explanation = wrap(block.explanation, style.font("lead"), kit, width)
    height = first.height + explanation.height + s.pt(2)

    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.setFont(label_font)
        baseline = rect.top() + first.ascent
        painter.setPen(style.status_color(block.status))
        painter.drawText(QPointF(rect.left(), baseline), glyph)
        painter.setPen(style.INK)
        painter.drawText(QPointF(rect.left() + fm.horizontalAdvance(glyph), baseline), block.label)
        if warning:
            painter.setPen(style.WARNING)
            painter.drawText(QPointF(rect.left() + label_width, baseline), warning)
        painter.restore()
        top = rect.top() + first.height + s.pt(2)
        draw_lines(painter, explanation, rect.left(), top, rect.width(), style.INK)

    return [Slice(height, paint, space_before=s.pt(5), keep_with_next=True, kind="status")]


def chart_height(kit: Kit, width: float) -> float:
    return min(max(width * 0.42, kit.scale.mm(58)), kit.scale.mm(78))


def _cover(block: Cover, kit: Kit, width: float, height: float) -> list[Slice]:
    def paint(painter: QPainter, rect: QRectF) -> None:
        paint_cover(painter, rect, block, kit)

    return [Slice(height, paint, kind="cover")]


def block_slices(
    block: Block, kit: Kit, width: float, page_height: float, after: Block | None = None
) -> Iterable[Slice]:
    s = kit.scale
    if isinstance(block, Heading):
        # a target's rule would double the section's when the section has just begun
        return _heading(block, kit, width, rule=not isinstance(after, Heading))
    if isinstance(block, Paragraph):
        role, color, space = _PARAGRAPH_LOOK[block.style]
        lines = wrap(block.text, style.font(role), kit, width)
        keep = block.keep_with_next or block.style is TextStyle.LABEL
        return _line_slices(lines, color, s.pt(space), keep)
    if isinstance(block, StatusLine):
        return _status_line(block, kit, width)
    if isinstance(block, Table):
        return table_slices(block, kit, width)
    if isinstance(block, ProgressChart):
        chart = block

        def paint_chart(painter: QPainter, rect: QRectF) -> None:
            paint_progress_chart(painter, rect, chart, kit)

        return [Slice(chart_height(kit, width), paint_chart, space_before=s.pt(6), kind="chart")]
    if isinstance(block, StatusChart):
        bars = block

        def paint_bars(painter: QPainter, rect: QRectF) -> None:
            paint_status_chart(painter, rect, bars, kit)

        bars_height = status_chart_height(bars, kit, width)
        return [Slice(bars_height, paint_bars, space_before=s.pt(6), kind="status_chart")]
    if isinstance(block, Cover):
        return _cover(block, kit, width, page_height)
    return []


def _running(text: str, kit: Kit, width: float) -> Slice:
    """A section's name repeated atop a page it runs onto: "LJ-GDP  GDP … (continued)"."""
    lines = wrap(text, style.font("small"), kit, width)

    def paint(painter: QPainter, rect: QRectF) -> None:
        draw_lines(painter, lines, rect.left(), rect.top(), rect.width(), style.MUTED)

    return Slice(lines.height + kit.scale.pt(4), paint, kind="continued")


def _stacked(top: Slice, below: Slice) -> Slice:
    """Two headers, one above the other (a section's name, then a table's caption and head)."""

    def paint(painter: QPainter, rect: QRectF) -> None:
        top.paint(painter, QRectF(rect.left(), rect.top(), rect.width(), top.height))
        lower = QRectF(rect.left(), rect.top() + top.height, rect.width(), below.height)
        below.paint(painter, lower)

    return Slice(top.height + below.height, paint, kind=below.kind)


def document_slices(
    document: Document, kit: Kit, width: float, page_height: float
) -> Iterator[Slice]:
    """The document's slices, laid out one block at a time as pagination asks for them; those
    of a section that says how it is continued carry that line, shown when one starts a page."""
    break_next = False
    previous: Block | None = None
    running: Slice | None = None
    for block in document.blocks:
        if isinstance(block, PageBreak):
            break_next = True
            continue
        first = True
        for piece in block_slices(block, kit, width, page_height, previous):
            if first and break_next:
                piece.page_break_before = True
                break_next = False
            first = False
            if running is not None and not isinstance(block, Heading):
                piece.header = running if piece.header is None else _stacked(running, piece.header)
            yield piece
        if isinstance(block, Heading):
            running = _running(block.continued, kit, width) if block.continued else None
        previous = block
