"""Tables as slices: a header slice, one slice per row, the header repeated on later pages.

A row taller than a page is cut between lines, and goes on below the header on the next pages.

Column widths: a fitted column (codes, years, numbers) is as wide as its longest cell, up to a
cap; the other columns share what is left by weight, and wrap their text. A status cell draws
the status glyph in its color before the label, so a status never rests on color alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from ljtracker.domain.status_look import MISSED_LOOK, STATUS_LOOKS, Shown, look_of
from ljtracker.report import style
from ljtracker.report.document import Align, Cell, Table
from ljtracker.report.flow import Cut, Kit, Slice
from ljtracker.report.textflow import (
    Lines,
    balanced_wrap,
    draw_lines,
    longest_word_width,
    natural_width,
    wrap,
)

PAD_X_PT = 3.0
PAD_Y_PT = 2.2
FIT_CAP = 0.28  # a fitted column grows to hold its longest cell up to this share of the width
SHORT_TITLE = 0.12  # a fitted column's title up to this share of the width is not wrapped

Measure = Callable[[str, QFont, Kit], float]


def _glyph_width(kit: Kit) -> float:
    font = style.font("table", bold=True)
    looks = [*STATUS_LOOKS.values(), MISSED_LOOK]
    return max(natural_width(look.symbol + " ", font, kit) for look in looks)


def _cell_width(cell: Cell, kit: Kit, measure: Measure) -> float:
    indent = _glyph_width(kit) if cell.status is not None else 0.0  # the detail's too
    main = measure(cell.text, style.font("table", bold=cell.bold), kit)
    return indent + max(main, measure(cell.detail, style.font("detail"), kit))


def _header_width(title: str, fit: bool, kit: Kit, width: float) -> float:
    """A fitted column's short title stays on one line; a longer one takes two or more; one
    given in lines (a unit under its heading) keeps them whole, within the column's cap."""
    font = style.font("table_header")
    words = longest_word_width(title, font, kit)
    if not fit:
        return words
    whole = natural_width(title, font, kit)
    if "\n" in title:
        return max(words, min(whole, width * FIT_CAP))
    return whole if whole <= width * SHORT_TITLE else max(words, whole / 2)


def _minimum_widths(table: Table, kit: Kit, width: float) -> tuple[list[float], list[float]]:
    """Each column's widest word, and the width it asks for: fitted columns as wide as their
    longest cell (up to their cap), the others their widest word."""
    pad = 2 * kit.scale.pt(PAD_X_PT)
    font = style.font("table_header")
    words_of, wanted = [], []
    for index, column in enumerate(table.columns):
        cells = [row[index] for row in table.rows]
        words = max((_cell_width(c, kit, longest_word_width) for c in cells), default=0.0)
        want = words
        if table.header:
            glyph = _glyph_width(kit) if column.status else 0.0
            words = max(words, longest_word_width(column.title, font, kit) + glyph)
            want = max(want, _header_width(column.title, column.fit, kit, width) + glyph)
        if column.fit:
            whole = max((_cell_width(c, kit, natural_width) for c in cells), default=0.0)
            want = max(want, min(whole, width * (column.fit_cap or FIT_CAP)))
        words_of.append(words + pad)
        wanted.append(max(want, words) + pad)
    return words_of, wanted


def column_widths(table: Table, kit: Kit, width: float) -> list[float]:
    """Fitted columns get what they ask for; the others share the rest by weight, never below
    their widest word.

    When that does not fit, fitted columns give up room down to their widest word, in
    proportion to what they asked for beyond it; only when even the widest words do not fit
    does every column shrink in proportion (words then break).
    """
    words, minimums = _minimum_widths(table, kit, width)
    if sum(minimums) >= width:
        if sum(words) >= width:
            return [w * width / sum(words) for w in words]
        extra = [m - w for m, w in zip(minimums, words, strict=True)]
        share = (width - sum(words)) / sum(extra)
        return [w + e * share for w, e in zip(words, extra, strict=True)]
    widths = {i: m for i, m in enumerate(minimums) if table.columns[i].fit}
    open_columns = [i for i in range(len(minimums)) if i not in widths]
    while open_columns:
        left = width - sum(widths.values())
        weights = sum(table.columns[i].weight for i in open_columns)
        shares = {i: left * table.columns[i].weight / weights for i in open_columns}
        narrow = [i for i in open_columns if shares[i] < minimums[i]]
        if not narrow:
            widths.update(shares)
            break
        for i in narrow:
            widths[i] = minimums[i]
            open_columns.remove(i)
    if not open_columns and sum(widths.values()) < width:
        spare = (width - sum(widths.values())) / len(minimums)
        widths = {i: w + spare for i, w in widths.items()}
    return [widths[i] for i in range(len(minimums))]


@dataclass(frozen=True)
class _LaidCell:
    main: Lines
    detail: Lines | None
    status: Shown | None  # its glyph goes before the first line, not on a continuation
    indent: float
    alert: bool

    @property
    def height(self) -> float:
        return self.main.height + (self.detail.height if self.detail else 0.0)

    @property
    def next_line_height(self) -> float:
        """Height of its first line (0 when it has none left)."""
        if self.main.texts:
            return self.main.line_height
        return self.detail.line_height if self.detail and self.detail.texts else 0.0

    def cut(self, room: float) -> tuple[_LaidCell, _LaidCell]:
        """The lines that fit in room, and those that go on below the cut."""
        main = self.main.fitting(room)
        detail = self.detail
        shown = 0
        if detail is not None and main == len(self.main.texts):
            shown = detail.fitting(room - self.main.height)
        head = replace(self, main=self.main.part(0, main), detail=detail and detail.part(0, shown))
        rest = replace(
            self, main=self.main.part(main), detail=detail and detail.part(shown), status=None
        )
        return head, rest


def _lay_cell(cell: Cell, kit: Kit, width: float) -> _LaidCell:
    indent = _glyph_width(kit) if cell.status is not None else 0.0
    # "占重庆市地区 / 生产总值比重", not "占重庆市地区生产总值比 / 重"
    main = balanced_wrap(cell.text, style.font("table", bold=cell.bold), kit, width - indent)
    detail = wrap(cell.detail, style.font("detail"), kit, width - indent) if cell.detail else None
    return _LaidCell(main, detail, cell.status, indent, cell.alert)


def _rule(painter: QPainter, kit: Kit, rect: QRectF, y: float, color: QColor, pt: float) -> None:
    painter.setPen(QPen(color, kit.scale.pt(pt)))
    painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))


def _glyph(painter: QPainter, kit: Kit, status: Shown, x: float, baseline: float) -> None:
    painter.save()
    painter.setFont(style.font("table", bold=True))
    painter.setPen(style.status_color(status))
    painter.drawText(QPointF(x, baseline), look_of(status).symbol)
    painter.restore()


def _header_slice(table: Table, kit: Kit, widths: list[float], caption: str) -> Slice:
    pad_x, pad_y = kit.scale.pt(PAD_X_PT), kit.scale.pt(PAD_Y_PT)
    font = style.font("table_header")
    glyph = _glyph_width(kit)
    titles = [
        wrap(c.title, font, kit, w - 2 * pad_x - (glyph if c.status else 0.0))
        for c, w in zip(table.columns, widths, strict=True)
    ]
    cap = wrap(caption, style.font("small"), kit, sum(widths)) if caption else None
    cap_height = cap.height + pad_y if cap else 0.0
    row_height = max(t.height for t in titles) + 2 * pad_y

    def paint(painter: QPainter, rect: QRectF) -> None:
        if cap is not None:
            draw_lines(painter, cap, rect.left(), rect.top(), rect.width(), style.MUTED)
        box = QRectF(rect.left(), rect.top() + cap_height, rect.width(), row_height)
        painter.fillRect(box, style.HEADER_FILL)
        x = box.left()
        for column, lines, w in zip(table.columns, titles, widths, strict=True):
            left, inner = x + pad_x, w - 2 * pad_x
            if column.status is not None:
                first = lines.widths[0] if lines.widths else 0.0
                at = left + inner - first - glyph if column.align is Align.RIGHT else left
                _glyph(painter, kit, column.status, at, box.top() + pad_y + lines.ascent)
                if column.align is not Align.RIGHT:
                    left, inner = left + glyph, inner - glyph
            draw_lines(painter, lines, left, box.top() + pad_y, inner, style.INK, column.align)
            x += w
        _rule(painter, kit, box, box.bottom(), style.RULE, 0.6)

    return Slice(cap_height + row_height, paint, keep_with_next=True, kind="header")


def _row_slice(
    table: Table,
    row: tuple[Cell, ...],
    kit: Kit,
    widths: list[float],
    header: Slice | None,
    first: bool,
) -> Slice:
    pad_x = kit.scale.pt(PAD_X_PT)
    laid = [_lay_cell(c, kit, w - 2 * pad_x) for c, w in zip(row, widths, strict=True)]
    return _row_part(table, laid, kit, widths, header, top_rule=first and not table.header)


def _row_part(
    table: Table,
    cells: list[_LaidCell],
    kit: Kit,
    widths: list[float],
    header: Slice | None,
    top_rule: bool,
    bottom_rule: bool = True,
) -> Slice:
    """A row, or the part of a row that goes on one page (cut between lines of its cells:
    each cell goes on where it stopped). Only a row's last part is ruled below."""
    pad_x, pad_y = kit.scale.pt(PAD_X_PT), kit.scale.pt(PAD_Y_PT)
    height = max(c.height for c in cells) + 2 * pad_y

    def paint(painter: QPainter, rect: QRectF) -> None:
        if top_rule:
            _rule(painter, kit, rect, rect.top(), style.RULE, 0.6)
        x = rect.left()
        for index, (column, cell, w) in enumerate(zip(table.columns, cells, widths, strict=True)):
            left, top, inner = x + pad_x, rect.top() + pad_y, w - 2 * pad_x
            if cell.status is not None:
                _glyph(painter, kit, cell.status, left, top + cell.main.ascent)
            ink = style.MUTED if index == 0 and not table.header else style.INK
            text_left, text_width = left + cell.indent, inner - cell.indent
            draw_lines(painter, cell.main, text_left, top, text_width, ink, column.align)
            if cell.detail is not None:
                draw_lines(
                    painter,
                    cell.detail,
                    text_left,
                    top + cell.main.height,
                    text_width,
                    style.WARNING if cell.alert else style.MUTED,
                    column.align,
                )
            x += w
        if bottom_rule:
            _rule(painter, kit, rect, rect.bottom(), style.LIGHT_RULE, 0.4)

    least = max(c.next_line_height for c in cells) + 2 * pad_y

    def cut_at(room: float) -> tuple[Slice, Slice | None]:
        parts = [c.cut(max(room, least) - 2 * pad_y) for c in cells]
        heads, rest = [h for h, _ in parts], [r for _, r in parts]
        if not any(r.height for r in rest):
            return _row_part(table, heads, kit, widths, header, top_rule, bottom_rule), None
        return (
            _row_part(table, heads, kit, widths, header, top_rule, bottom_rule=False),
            _row_part(table, rest, kit, widths, header, top_rule=False),
        )

    return Slice(height, paint, header=header, kind="row", cut=Cut(least, cut_at))


def table_slices(table: Table, kit: Kit, width: float) -> Iterator[Slice]:
    """The header, then each row laid out only when pagination reaches it.

    No row is left alone at the foot of a page or at the head of the next: the first row
    keeps with the second and the last but one with the last. A table without a header (a
    target's key figures) is kept whole when a page can hold it."""
    widths = kit.recall.numbers(len(table.columns), lambda: column_widths(table, kit, width))
    space = kit.scale.pt(4)
    repeat: Slice | None = None
    if table.header:
        first = _header_slice(table, kit, widths, "")
        first.space_before = space
        repeat = _header_slice(table, kit, widths, table.continued) if table.continued else first
        yield first
    last = len(table.rows) - 1
    for index, row in enumerate(table.rows):
        piece = _row_slice(table, row, kit, widths, repeat, index == 0)
        if index == 0 and not table.header:
            piece.space_before = space
        piece.keep_with_next = index < last and (
            not table.header or index == 0 or index == last - 1
        )
        yield piece
