"""Breaking text into lines that fit a width, and drawing them as real text.

Lines are found with QTextLayout (Unicode line breaking: between words in English, between
characters in Chinese, anywhere in a long code or address) and drawn with QPainter.drawText, so
the PDF holds text that can be selected and searched, not outlines.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QTextLayout,
    QTextOption,
)

from ljtracker.report.document import Align
from ljtracker.report.flow import Kit
from ljtracker.report.style import line_metrics
from ljtracker.report.text import as_typed, units_kept_close


@dataclass(frozen=True)
class Lines:
    texts: tuple[str, ...]
    font: QFont
    ascent: float
    line_height: float
    widths: tuple[float, ...]

    @property
    def height(self) -> float:
        return self.line_height * len(self.texts)

    @property
    def width(self) -> float:
        return max(self.widths, default=0.0)

    def fitting(self, room: float) -> int:
        """How many of the lines, from the first, fit in a height of room."""
        if self.line_height <= 0:
            return len(self.texts)
        return min(len(self.texts), max(0, int((room + 0.001) / self.line_height)))

    def part(self, start: int, stop: int | None = None) -> Lines:
        """The lines from start up to stop, as lines of their own."""
        texts, widths = self.texts[start:stop], self.widths[start:stop]
        return Lines(texts, self.font, self.ascent, self.line_height, widths)


def _utf16_slice(units: bytes, start: int, length: int) -> str:
    return units[2 * start : 2 * (start + length)].decode("utf-16-le")


Span = tuple[int, int, float]  # a line's start and length in UTF-16 units, its natural width
WINDOW = 2000  # UTF-16 units of a long paragraph laid out at a time


def _layout(
    text: str, font: QFont, kit: Kit, width: float, mode: QTextOption.WrapMode
) -> list[Span]:
    layout = QTextLayout(text, font, kit.device)
    option = QTextOption()
    option.setWrapMode(mode)
    layout.setTextOption(option)
    spans: list[Span] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength(), line.naturalTextWidth()))
    layout.endLayout()
    return spans


def _spans(
    units: bytes, font: QFont, kit: Kit, width: float, mode: QTextOption.WrapMode
) -> Iterator[Span]:
    """The lines of a paragraph (given as UTF-16), broken as Qt breaks them.

    A long paragraph is laid out a window at a time, so that laying out a very long cell takes
    no more memory than a short one. Each window's last two lines are laid out again at the
    start of the next: every line kept was broken with the text that follows it in view, so
    the lines are those of the paragraph laid out whole.
    """
    total = len(units) // 2
    start, size = 0, WINDOW
    while True:
        end = min(start + size, total)
        if (
            end < total
            and 0xD800 <= int.from_bytes(units[2 * end - 2 : 2 * end], "little") < 0xDC00
        ):
            end -= 1  # never between the two halves of a surrogate pair
        spans = _layout(_utf16_slice(units, start, end - start), font, kit, width, mode)
        if end == total:
            yield from ((start + s, n, w) for s, n, w in spans)
            return
        if len(spans) < 3:
            size *= 2  # a window holding less than three lines is widened
            continue
        yield from ((start + s, n, w) for s, n, w in spans[:-2])
        start, size = start + spans[-2][0], WINDOW


# Characters only Qt's own layout places: those on which it breaks a line whatever the width
# ("\n" is split on before), a soft hyphen and a zero-width no-break space.
_LAID_OUT_BY_QT = frozenset("\r\x0b\x0c\x85\u2028\u2029\u00ad\ufeff")
# Hebrew and Arabic letters: their text ends at the left, where _overhang does not look.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")

# A piece of text of these characters alone offers no line-break opportunity (Unicode line
# breaking keeps letters, digits and the "." and "," between them together): "2,336.19".
_ONE_WORD = re.compile(r"[0-9A-Za-z.,]+")


def _overhang(text: str, fm: QFontMetricsF) -> float:
    """How far the ink of the text's last glyph reaches past its advance (the hook of an "f"):
    Qt's layout counts it in a line's width. Infinite for a last character outside the Basic
    Multilingual Plane, which the metrics take one at a time."""
    last = text[-1]
    return math.inf if ord(last) > 0xFFFF else max(0.0, -fm.rightBearing(last))


def _break(
    paragraph: str, font: QFont, kit: Kit, width: float, fm: QFontMetricsF
) -> list[tuple[str, float]]:
    """The paragraph's lines and their widths."""
    if not paragraph:
        return [("", 0.0)]
    advance = fm.horizontalAdvance(paragraph)
    if (
        advance + _overhang(paragraph, fm) <= width
        and _LAID_OUT_BY_QT.isdisjoint(paragraph)
        and not _RIGHT_TO_LEFT.search(paragraph)
    ):
        # on one line, as Qt would lay it out: most cells of a report are, and laying out
        # each costs far more than measuring it
        line = as_typed(paragraph.rstrip())
        return [(line, advance if line == paragraph else fm.horizontalAdvance(line))]
    units = units_kept_close(paragraph, kit.units).encode("utf-16-le")
    mode = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    lines = (
        # Marks that kept words whole have done their work once the lines are broken; drawn, a
        # word joiner would undo the kerning beside it and part the PDF's text. A no-break
        # space Qt had to break at anyway ("2.6 %" in too narrow a cell) does not start a line.
        as_typed(_utf16_slice(units, start, length).rstrip().lstrip("\u00a0" if start else ""))
        for start, length, _ in _spans(units, font, kit, max(width, 1.0), mode)
    )
    return [(line, fm.horizontalAdvance(line)) for line in lines]


def wrap(text: str, font: QFont, kit: Kit, width: float) -> Lines:
    """The text's lines at this width; a newline in the text starts a new line."""
    return kit.memo.get(
        ("wrap", id(font), text, width), font, lambda: _wrap(text, font, kit, width)
    )


def _wrap(text: str, font: QFont, kit: Kit, width: float) -> Lines:
    fm = QFontMetricsF(font, kit.device)
    lines: list[tuple[str, float]] = []
    for paragraph in text.split("\n"):
        lines += _break(paragraph, font, kit, width, fm)
    metrics = line_metrics(font, kit.device)
    texts, widths = zip(*lines, strict=True)
    return Lines(texts, font, metrics.ascent, metrics.height, widths)


SHORT_LAST_LINE = 0.25  # of the width: a heading's last line shorter than this is evened out


def balanced_wrap(text: str, font: QFont, kit: Kit, width: float) -> Lines:
    """The text's lines at this width; when the last is a stub (a character or two, "…五年规划
    纲" / "要"), evened out: as many lines, at the narrowest width that keeps them that many.
    Lines broken where the text chose (after "：", before "（") are otherwise kept, and no word
    that was whole is broken ("Urbanisa / tion rate")."""
    lines = wrap(text, font, kit, width)
    count = len(lines.texts)
    if count < 2 or "\n" in text or lines.widths[-1] >= width * SHORT_LAST_LINE:
        return lines
    low, high = max(width / count, longest_word_width(text, font, kit)), width
    if low >= high:
        return lines
    for _ in range(12):  # a fraction of a point is close enough
        middle = (low + high) / 2
        if len(wrap(text, font, kit, middle).texts) > count:
            low = middle
        else:
            high = middle
    return wrap(text, font, kit, high)


def natural_width(text: str, font: QFont, kit: Kit) -> float:
    """Width of the longest line of text when nothing is wrapped."""
    return kit.memo.get(("natural", id(font), text), font, lambda: _natural(text, font, kit))


def _natural(text: str, font: QFont, kit: Kit) -> float:
    fm = QFontMetricsF(font, kit.device)
    return max((fm.horizontalAdvance(part) for part in text.split("\n")), default=0.0)


def longest_word_width(text: str, font: QFont, kit: Kit) -> float:
    """Width of the widest piece of text that has no line-break opportunity inside it.

    Between words in English, between characters in Chinese (Unicode line breaking).
    """
    return kit.memo.get(("word", id(font), text), font, lambda: _longest_word(text, font, kit))


def _longest_word(text: str, font: QFont, kit: Kit) -> float:
    if _ONE_WORD.fullmatch(text):
        fm = QFontMetricsF(font, kit.device)
        return fm.horizontalAdvance(text) + _overhang(text, fm)
    mode = QTextOption.WrapMode.WordWrap
    return max(
        (
            natural
            for paragraph in text.split("\n")
            if paragraph
            for _, _, natural in _spans(
                units_kept_close(paragraph, kit.units).encode("utf-16-le"), font, kit, 1.0, mode
            )
        ),
        default=0.0,
    )


def _sheet_bottom(painter: QPainter) -> float:
    """The bottom edge of the sheet in the painter's coordinates: on a PDF or printer page,
    the bottom margin below the printable area."""
    device = painter.device()
    bottom = float(device.height())
    if isinstance(device, QPagedPaintDevice):
        dpi = device.logicalDpiY()
        layout = device.pageLayout()
        bottom = float(layout.fullRectPixels(dpi).height() - layout.paintRectPixels(dpi).top())
    inverse, _ = painter.transform().inverted()
    return inverse.map(QPointF(0.0, bottom)).y()


def _shown(painter: QPainter, lines: Lines, top: float) -> int:
    """How many of the lines to draw: a slice that cannot be cut and is taller than a page (a
    heading of a very long name) runs on past the bottom of the sheet, and lines wholly below
    it cannot be seen. Table rows are cut between pages instead."""
    if top + lines.height <= painter.device().height():
        return len(lines.texts)
    below = _sheet_bottom(painter) + lines.line_height
    return sum(1 for index in range(len(lines.texts)) if top + index * lines.line_height <= below)


def draw_lines(
    painter: QPainter,
    lines: Lines,
    left: float,
    top: float,
    width: float,
    color: QColor,
    align: Align = Align.LEFT,
) -> None:
    shown = _shown(painter, lines, top)
    painter.save()
    painter.setFont(lines.font)
    painter.setPen(color)
    for index, (line, line_width) in enumerate(
        zip(lines.texts[:shown], lines.widths, strict=False)
    ):
        x = left
        if align is Align.RIGHT:
            x = left + width - line_width
        elif align is Align.CENTER:
            x = left + (width - line_width) / 2
        baseline = top + index * lines.line_height + lines.ascent
        painter.drawText(QPointF(x, baseline), line)
    painter.restore()
