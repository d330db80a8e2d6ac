"""How much room a text takes where each character has a fixed width (a terminal, a spreadsheet
column, a rough guess for a printed table): a Chinese character takes two columns."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)
