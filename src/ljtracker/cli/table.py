"""Aligned plain-text tables that account for the double width of Chinese characters."""

from __future__ import annotations

from collections.abc import Sequence

from ljtracker.domain.text_width import display_width


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if right else text + gap


def render_table(header: Sequence[str], rows: Sequence[Sequence[str]], gap: str = "  ") -> str:
    widths = [display_width(h) for h in header]
    for row in rows:
        widths = [max(w, display_width(cell)) for w, cell in zip(widths, row, strict=True)]
    numeric = [
        all(_looks_numeric(row[i]) for row in rows) and bool(rows) for i in range(len(header))
    ]
    lines = [gap.join(_pad(h, w, n) for h, w, n in zip(header, widths, numeric, strict=True))]
    lines.append(gap.join("-" * w for w in widths))
    lines += [
        gap.join(_pad(c, w, n) for c, w, n in zip(row, widths, numeric, strict=True)).rstrip()
        for row in rows
    ]
    return "\n".join(lines)


def _looks_numeric(text: str) -> bool:
    stripped = text.replace(",", "").replace("%", "").replace(" ", "").replace("—", "")
    return stripped == "" or stripped.lstrip("+-").replace(".", "", 1).isdigit()
