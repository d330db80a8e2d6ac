"""Repair of the text layer Qt writes into a PDF, so that Chinese text can be found and copied.

Qt labels each embedded glyph, in the font's ToUnicode map, with the lowest code point the font
maps to it. Where a CJK font draws a Kangxi radical and an ideograph with the same glyph (⽣ and
生), a search for 生产 then fails. The maps Qt writes are uncompressed and every code is four hex
digits, so replacing a code by its equivalent keeps every byte offset: the file's cross-reference
table stays valid without being rewritten. Only the maps, which are small, are read whole and
written back in place; the rest of the file is read through a chunk at a time, so the repair
needs no more memory for a long report than for a short one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

_REFERENCE = re.compile(rb"/ToUnicode (\d+) 0 R")
_STREAM_HEAD = re.compile(rb"[\r\n](\d+) 0 obj\s*<<\s*/Length (\d+)\s*>>\s*stream\r?\n")
_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")
_RANGE_LINE = re.compile(rb"^<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})> (.*)$", re.MULTILINE)
_CHAR_LINE = re.compile(rb"^<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})>$", re.MULTILINE)
CHUNK = 1 << 16
_OVERLAP = 256  # longer than any match of the patterns above in a file Qt writes


def _scan(
    file: BinaryIO, pattern: re.Pattern[bytes], chunk: int
) -> Iterator[tuple[tuple[bytes, ...], int]]:
    """The groups of each match of the pattern in the file, and the offset where it ends.

    The file is read a chunk at a time; a match that may run on into the next chunk is looked
    for again once that chunk is read. A newline is put before the file, so that an object at
    the very start is found like any other.
    """
    file.seek(0)
    window, start = b"\n", -1  # window[0] is at this offset of the file
    while True:
        piece = file.read(chunk)
        window += piece
        limit = max(len(window) - _OVERLAP, 0) if piece else len(window)
        for match in pattern.finditer(window):
            if match.start() >= limit:
                break
            yield match.groups(), start + match.end()
        if not piece:
            return
        start += limit
        window = window[limit:]


def _swap(code: bytes, equivalents: Mapping[int, int]) -> bytes:
    value = int(code, 16)
    return b"%04X" % equivalents.get(value, value)


def _fix_cmap(cmap: bytes, equivalents: Mapping[int, int]) -> bytes:
    def fix_codes(match: re.Match[bytes]) -> bytes:
        return b"<" + _swap(match.group(1), equivalents) + b">"

    def fix_range(match: re.Match[bytes]) -> bytes:
        first, last, target = match.group(1), match.group(2), match.group(3)
        if target.startswith(b"[") or first == last:
            target = _CODE.sub(fix_codes, target)
        # A single code for a run of glyphs counts up from it; those are left as they are.
        return b"<" + first + b"> <" + last + b"> " + target

    def fix_char(match: re.Match[bytes]) -> bytes:
        return b"<" + match.group(1) + b"> <" + _swap(match.group(2), equivalents) + b">"

    fixed = []
    for part in re.split(rb"(begin(?:bfrange|bfchar)\n.*?end(?:bfrange|bfchar))", cmap, flags=re.S):
        if part.startswith(b"beginbfrange"):
            part = _RANGE_LINE.sub(fix_range, part)
        elif part.startswith(b"beginbfchar"):
            part = _CHAR_LINE.sub(fix_char, part)
        fixed.append(part)
    return b"".join(fixed)


def _text_maps(file: BinaryIO, chunk: int) -> list[tuple[int, int]]:
    """Where the streams of the fonts' ToUnicode maps start in the file, and their lengths."""
    numbers = {groups[0] for groups, _ in _scan(file, _REFERENCE, chunk)}
    spans: dict[bytes, tuple[int, int]] = {}
    if numbers:
        for (number, length), end in _scan(file, _STREAM_HEAD, chunk):
            if number in numbers and number not in spans:
                spans[number] = (end, int(length))
    return list(spans.values())


def fix_text_layer(path: str | Path, equivalents: Mapping[int, int], *, chunk: int = CHUNK) -> None:
    """Replace every ToUnicode code of the PDF at path by its equivalent, in place; the file
    keeps its length and every offset."""
    with open(path, "r+b") as file:
        for start, length in _text_maps(file, chunk):
            file.seek(start)
            cmap = file.read(length)
            if b"begincmap" not in cmap:
                continue  # compressed or not a CMap: leave it alone
            fixed = _fix_cmap(cmap, equivalents)
            if len(fixed) == len(cmap) and fixed != cmap:
                file.seek(start)
                file.write(fixed)
