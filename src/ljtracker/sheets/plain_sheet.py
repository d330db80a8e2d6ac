"""A worksheet's XML in the plain form most programs write, checked without a Python step per
cell: expat checks the XML, regular expressions find the cells' names.

Every cell tag must begin `<c r="B12"`; the area is the largest row and column any cell names,
with or without a value (at least the area of the cells that hold data). Anything the full scan
in zipscan would look at more closely (a DTD, comment or CDATA section, a character reference,
an error cell, a formula without its result, a prefixed cell tag, a style or r attribute that
is not plain ASCII digits, a cell of a percentage style, an encoding other than UTF-8) makes the
answer None, so the full scan decides.
"""

from __future__ import annotations

import re
from operator import itemgetter
from xml.parsers import expat

QUICK_SCAN_BYTES = 32 * 1024 * 1024  # larger worksheets are always parsed as a stream

_DECLARATION = re.compile(rb"<\?xml\s[^>]*>")
_DECLARED_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")
# Every start tag of an unprefixed element named c; the groups are set when the tag begins
# with a well-formed cell name as its first attribute.
_CELL_TAG = re.compile(rb'<c(?: r="([A-Z]{1,3})([0-9]{1,7})"(?=[\s/>])|(?=[\s/>]))')
_DOUBTS = (
    re.compile(rb"""=\s*["']e["']"""),  # t="e": an error cell (or any attribute valued "e")
    re.compile(rb"<[^\s/>!?:]+:c[\s/>]"),  # a cell tag with a namespace prefix
    re.compile(rb"""\ss\s*=\s*(?:"(?![0-9]+")|'(?![0-9]+'))"""),  # a style int() may refuse
    re.compile(rb"(?:</f>|<f\b[^>]*/>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>"),  # no result
)
_FORMULA = re.compile(rb"<f[\s/>]")
_NON_ASCII_NAME = re.compile(rb"""\sr\s*=\s*["'][^"'\x80-\xff]*[\x80-\xff]""")  # a row's "²"
_STYLE = re.compile(rb"""\ss\s*=\s*["']([0-9]+)["']""")
_CHUNK = 4 * 1024 * 1024  # cell names are gathered a few megabytes at a time
_NO_NAME = (b"", b"")


def column_number(letters: str) -> int:
    """ "A" -> 0, "Z" -> 25, "AA" -> 26."""
    col = 0
    for letter in letters:
        col = col * 26 + ord(letter) - ord("A") + 1
    return col - 1


def plain_cell_area(
    data: bytes, percent_styles: set[int], *, formulas: bool = True
) -> tuple[int, int] | None:
    """The largest row and column (0-based) the worksheet's cells name, when it is in plain
    form with no error cell, no cell of a percentage style and, unless `formulas`, no formula;
    None otherwise."""
    if not _utf8(data) or b"<!" in data or b"&#" in data:
        return None
    if not formulas and _FORMULA.search(data):
        return None
    try:
        expat.ParserCreate(namespace_separator="}").Parse(data, True)
    except expat.ExpatError:
        return None
    if any(doubt.search(data) for doubt in _DOUBTS):
        return None
    if not data.isascii() and _NON_ASCII_NAME.search(data):
        return None
    if percent_styles and (0 in percent_styles or _styles(data) & percent_styles):
        return None  # a cell without a style has style 0
    return _cell_area(data)


def _utf8(data: bytes) -> bool:
    declaration = _DECLARATION.match(data)
    if declaration is None:
        return data.startswith(b"<") and not data.startswith(b"<?")
    encoding = _DECLARED_ENCODING.search(declaration[0])
    return encoding is None or encoding[1].lower() in (b"utf-8", b"utf8")


def _styles(data: bytes) -> set[int]:
    return {int(style) for style in set(_STYLE.findall(data))}


def _cell_area(data: bytes) -> tuple[int, int] | None:
    max_row = max_col = -1
    start = 0
    while start < len(data):
        end = data.find(b"<c", start + _CHUNK)  # a chunk ends where a tag begins
        end = len(data) if end < 0 else end
        names = _CELL_TAG.findall(data, start, end)
        if _NO_NAME in names:
            return None
        if names:
            letters = set(map(itemgetter(0), names))
            max_row = max(max_row, max(map(int, map(itemgetter(1), names))) - 1)
            max_col = max(max_col, *(column_number(letter.decode()) for letter in letters))
        start = end
    return max(max_row, 0), max(max_col, 0)
