"""Breaking text into lines that fit a width, and drawing them as real text.

Lines are found with QTextLayout (Unicode line breaking: between words in English, between
characters in Chinese, anywhere in a long code or address) and drawn with QPainter.drawText, so
the PDF holds text that can be selected and searched, not outlines.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

from ljtracker.report.document import Align
from ljtracker.report.flow import Kit
from ljtracker.report.style import line_metrics


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


def _utf16_slice(units: bytes, start: int, length: int) -> str:
    return units[2 * start : 2 * (start + length)].decode("utf-16-le")


def _break(paragraph: str, font: QFont, kit: Kit, width: float) -> list[str]:
    if not paragraph:
        return [""]
    layout = QTextLayout(paragraph, font, kit.device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    units = paragraph.encode("utf-16-le")
    lines: list[str] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1.0))
        lines.append(_utf16_slice(units, line.textStart(), line.textLength()).rstrip())
    layout.endLayout()
    return lines


def wrap(text: str, font: QFont, kit: Kit, width: float) -> Lines:
    """The text's lines at this width; a newline in the text starts a new line."""
    return kit.memo.get(
        ("wrap", id(font), text, width), font, lambda: _wrap(text, font, kit, width)
    )


def _wrap(text: str, font: QFont, kit: Kit, width: float) -> Lines:
    texts: list[str] = []
    for paragraph in text.split("\n"):
        texts += _break(paragraph, font, kit, width)
    metrics = line_metrics(font, kit.device)
    fm = QFontMetricsF(font, kit.device)
    widths = tuple(fm.horizontalAdvance(t) for t in texts)
    return Lines(tuple(texts), font, metrics.ascent, metrics.height, widths)


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
    widest = 0.0
    for paragraph in text.split("\n"):
        if not paragraph:
            continue
        layout = QTextLayout(paragraph, font, kit.device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(1.0)
            widest = max(widest, line.naturalTextWidth())
        layout.endLayout()
    return widest


def draw_lines(
    painter: QPainter,
    lines: Lines,
    left: float,
    top: float,
    width: float,
    color: QColor,
    align: Align = Align.LEFT,
) -> None:
    painter.save()
    painter.setFont(lines.font)
    painter.setPen(color)
    for index, (line, line_width) in enumerate(zip(lines.texts, lines.widths, strict=True)):
        x = left
        if align is Align.RIGHT:
            x = left + width - line_width
        elif align is Align.CENTER:
            x = left + (width - line_width) / 2
        baseline = top + index * lines.line_height + lines.ascent
        painter.drawText(QPointF(x, baseline), line)
    painter.restore()
