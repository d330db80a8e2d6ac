"""Repair of the text layer Qt writes into a PDF, so that Chinese text can be found and copied.

Qt labels each embedded glyph, in the font's ToUnicode map, with the lowest code point the font
maps to it. Where a CJK font draws a Kangxi radical and an ideograph with the same glyph (⽣ and
生), a search for 生产 then fails. The maps Qt writes are uncompressed and every code is four hex
digits, so replacing a code by its equivalent keeps every byte offset: the file's cross-reference
table stays valid without being rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_REFERENCE = re.compile(rb"/ToUnicode (\d+) 0 R")
_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")
_RANGE_LINE = re.compile(rb"^<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})> (.*)$", re.MULTILINE)
_CHAR_LINE = re.compile(rb"^<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})>$", re.MULTILINE)


def _stream_span(pdf: bytes, number: bytes) -> tuple[int, int] | None:
    head = re.search(
        rb"(?:^|[\r\n])" + number + rb" 0 obj\s*<<\s*/Length (\d+)\s*>>\s*stream\r?\n", pdf
    )
    if head is None:
        return None
    start = head.end()
    return start, start + int(head.group(1))


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


def fix_text_layer(pdf: bytes, equivalents: Mapping[int, int]) -> bytes:
    """The same PDF with every ToUnicode code replaced by its equivalent; same length."""
    out = bytearray(pdf)
    for number in {m.group(1) for m in _REFERENCE.finditer(pdf)}:
        span = _stream_span(pdf, number)
        if span is None:
            continue
        start, end = span
        cmap = pdf[start:end]
        if b"begincmap" not in cmap:
            continue  # compressed or not a CMap: leave it alone
        fixed = _fix_cmap(cmap, equivalents)
        if len(fixed) == len(cmap):
            out[start:end] = fixed
    return bytes(out)
