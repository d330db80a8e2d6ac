"""The report's print styling: fonts, sizes and colors.

Fonts: Latin text and digits are set in a TrueType sans (DejaVu Sans, else the first available
of a short list) and Chinese in Noto Sans CJK SC (else another Simplified Chinese font), by
giving Qt both families in order. Qt embeds both as font subsets in the PDF. The Latin font comes
first because Qt's PDF writer maps digits of the CJK collection fonts wrongly in the text layer
(the PDF would look right, but "5,000" could not be found). Ligatures are switched off so that
"official" stays searchable as typed.

Each status's color and symbol come from domain.status_look, as in the window and spreadsheets.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QRawFont

from ljtracker.domain.status_look import Shown, look_of
from ljtracker.fonts import (
    SIMPLIFIED_CHINESE_FAMILIES,
    first_installed,
    simplified_chinese_family,
)

LATIN_FAMILIES = ("DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica")

INK = QColor("#1a1a1a")
MUTED = QColor("#555555")
ACCENT = QColor("#1f4e79")
RULE = QColor("#8a8f96")
LIGHT_RULE = QColor("#d3d7dc")
HEADER_FILL = QColor("#e8ecf1")
WARNING = QColor("#b3261e")


WARNING_GLYPH = "⚠"

SIZES_PT = {
    "title": 20.0,
    "title_small": 15.0,  # a cover title too long for its page at the full size
    "cover_kind": 12.0,
    "cover_as_of": 15.0,
    "h1": 14.0,
    "h2": 11.5,
    "body": 9.5,
    "lead": 9.5,
    "label": 9.5,
    "small": 8.0,
    "table": 8.0,
    "table_header": 7.5,
    "detail": 7.0,
    "furniture": 7.5,
    "chart": 7.0,
}
BOLD_ROLES = frozenset({"title", "title_small", "h1", "h2", "label", "table_header"})


def status_color(shown: Shown) -> QColor:
    return QColor(look_of(shown).color)


@cache
def families() -> tuple[str, ...]:
    """The Latin family, then the Chinese one; Qt falls back per character in that order."""
    chosen = [
        first_installed(LATIN_FAMILIES) or QFont().defaultFamily(),
        simplified_chinese_family(),
    ]
    return tuple(name for name in chosen if name)


def font(role: str, *, bold: bool | None = None) -> QFont:
    """The role's font, made once and shared: set it on a painter or measure with it, but copy
    it before changing it. Being the same object each time, it keys what is measured with it."""
    return _role_font(role, role in BOLD_ROLES if bold is None else bold)


@cache
def _role_font(role: str, bold: bool) -> QFont:
    result = QFont()
    result.setFamilies(list(families()))
    result.setPointSizeF(SIZES_PT[role])
    result.setBold(bold)
    result.setFeature(QFont.Tag("liga"), 0)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return result


@dataclass(frozen=True)
class LineMetrics:
    ascent: float
    height: float  # from one baseline to the next


# by the font object (held here, so that its id is not reused) and the device's resolution
_LINE_METRICS: dict[tuple[int, int], tuple[QFont, LineMetrics]] = {}


def line_metrics(role_font: QFont, device: QPaintDevice) -> LineMetrics:
    """Line spacing that fits both the Latin and the Chinese font at this size."""
    key = (id(role_font), device.logicalDpiY())
    known = _LINE_METRICS.get(key)
    if known is not None:
        return known[1]
    ascent = descent = 0.0
    for family in families():
        single = QFont(role_font)
        single.setFamilies([family])
        fm = QFontMetricsF(single, device)
        ascent, descent = max(ascent, fm.ascent()), max(descent, fm.descent())
    metrics = LineMetrics(ascent, (ascent + descent) * 1.12)
    _LINE_METRICS[key] = (role_font, metrics)
    return metrics


@dataclass(frozen=True)
class Scale:
    """Device pixels per point and per millimetre (1200 dpi for PDF and print)."""

    dpi: float

    def pt(self, value: float) -> float:
        return value * self.dpi / 72.0

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4


_CJK_RADICALS = range(0x2E80, 0x2FE0)
_UNIFIED = range(0x4E00, 0xA000)


@cache
def text_layer_equivalents() -> dict[int, int]:
    """Code points that share a glyph with the ones a reader searches for, in the CJK font.

    Qt's PDF writer labels each glyph with the lowest code point that uses it, so 生 becomes the
    Kangxi radical ⽣ in the text layer and a space becomes a tab. This maps them back.
    """
    mapping = {0x09: 0x20}
    cjk = [name for name in families() if name in SIMPLIFIED_CHINESE_FAMILIES]
    for code in _CJK_RADICALS:
        normal = unicodedata.normalize("NFKC", chr(code))
        if len(normal) == 1 and ord(normal) != code:
            mapping[code] = ord(normal)
    if cjk:
        raw = QRawFont.fromFont(QFont(cjk[0]))
        unified = "".join(chr(c) for c in _UNIFIED)
        by_glyph: dict[int, int] = {}
        for code, glyph in zip(_UNIFIED, raw.glyphIndexesForString(unified), strict=True):
            if glyph:
                by_glyph.setdefault(glyph, code)
        radicals = "".join(chr(c) for c in _CJK_RADICALS)
        for code, glyph in zip(_CJK_RADICALS, raw.glyphIndexesForString(radicals), strict=True):
            if glyph in by_glyph:
                mapping[code] = by_glyph[glyph]
    return mapping
