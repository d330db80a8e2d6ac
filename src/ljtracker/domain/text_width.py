"""How much room a text takes where each character has a fixed width (a terminal, a spreadsheet
column, a rough guess for a printed table): a Chinese character takes two columns."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    return sum(_width(c) for c in text)


_NO_WIDTH = frozenset("\u200b\u2060\ufeff")  # zero-width space, word joiners


def _width(character: str) -> int:
    if character in _NO_WIDTH:
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1
