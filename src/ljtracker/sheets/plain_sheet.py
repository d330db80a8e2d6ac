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
from typing import IO
from xml.parsers import expat

from ljtracker.sheets.cells import column_letter

QUICK_SCAN_BYTES = 32 * 1024 * 1024  # larger worksheets are always parsed as a stream

_DECLARATION = re.compile(rb"<\?xml\s[^>]*>")
_DECLARED_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")
# Every start tag of an unprefixed element named c; the groups are set when the tag begins
# with a well-formed cell name as its first attribute.
_CELL_TAG = re.compile(rb'<c(?: r="([A-Z]{1,3})([0-9]{1,7})"(?=[\s/>])|(?=[\s/>]))')
# re tries a pattern that begins with a character class at every byte of a worksheet, and one
# that begins with a single byte only where that byte is, which is much quicker. So the patterns
# below begin with one byte and look behind it; the two that cannot are searched for only where
# a quicker pattern is found that every match of theirs holds.
_ERROR_VALUE = re.compile(rb"""=\s*["']e["']""")  # an error cell (or any attribute valued "e")
_QUOTED_E = re.compile(rb"""e(?<=["']e)["']""")  # in every _ERROR_VALUE
_PREFIXED_CELL = re.compile(rb"<[^\s/>!?:]+:c[\s/>]")  # a cell tag with a namespace prefix
_PREFIXED_C = re.compile(rb":(?=c[\s/>])")  # in every _PREFIXED_CELL
_ODD_STYLE = re.compile(rb"""s(?<=\ss)\s*=\s*(?:"(?![0-9]+")|'(?![0-9]+'))""")  # int() may refuse
_NO_RESULT = re.compile(  # a formula without its result
    rb"(?:f(?<=</f)>|f(?<=<f)\b[^>]*/>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>"
)
_FORMULA = re.compile(rb"f(?<=<f)[\s/>]")
_NON_ASCII_NAME = re.compile(rb"""r(?<=\sr)\s*=\s*["'][^"'\x80-\xff]*[\x80-\xff]""")  # a row's "²"
_STYLE = re.compile(rb"""s(?<=\ss)\s*=\s*["']([0-9]+)["']""")
_CHUNK = 4 * 1024 * 1024  # cell names are gathered a few megabytes at a time
_END_BYTES = 16 * 1024  # the cells first and last in a worksheet usually name its area
_NO_NAME = (b"", b"")


def column_number(letters: str) -> int:
    """ "A" -> 0, "Z" -> 25, "AA" -> 26."""
    col = 0
    for letter in letters:
        col = col * 26 + ord(letter) - ord("A") + 1
    return col - 1


# a row or a column element the sheet hides, and the attributes that say which
_HIDDEN_LINE = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?(row|col)\s([^>]*\bhidden="(?:1|true)"[^>]*)>')
_LINE_NUMBERS = re.compile(rb'\b(r|min|max)="([0-9]{1,7})"')
_CHUNK = 1 << 20
_OVERLAP = 4096  # longer than any row or column element


def hidden_lines(stream: IO[bytes]) -> tuple[frozenset[int], frozenset[int]]:
    """The rows and the columns (0-based) a worksheet's XML hides, read in chunks."""
    rows: set[int] = set()
    cols: set[int] = set()
    tail = b""
    while chunk := stream.read(_CHUNK):
        data = tail + chunk
        if b"hidden=" not in data:  # most sheets: no element to look at
            tail = data[-_OVERLAP:]
            continue
        for found in _HIDDEN_LINE.finditer(data):
            numbers = {key: int(value) for key, value in _LINE_NUMBERS.findall(found[2])}
            if found[1] == b"row" and b"r" in numbers:
                rows.add(numbers[b"r"] - 1)
            elif found[1] == b"col" and b"min" in numbers:
                first = numbers[b"min"]
                cols.update(range(first - 1, min(numbers.get(b"max", first), 16_384)))
        tail = data[-_OVERLAP:]
    return frozenset(rows), frozenset(cols)


def plain_cell_area(
    data: bytes, percent_styles: set[int], *, formulas: bool = True
) -> tuple[int, int] | None:
    """The largest row and column (0-based) the worksheet's cells name, when it is in plain
    form with no error cell, no cell of a percentage style and, unless `formulas`, no formula;
    None otherwise."""
    if not _utf8(data) or _holds(data, b"<!") or _holds(data, b"&#"):
        return None
    if not formulas and _FORMULA.search(data):
        return None
    try:
        expat.ParserCreate(namespace_separator="}").Parse(data, True)
    except expat.ExpatError:
        return None
    if _doubtful(data):
        return None
    if not data.isascii() and _NON_ASCII_NAME.search(data):
        return None
    if percent_styles and (0 in percent_styles or _styles(data) & percent_styles):
        return None  # a cell without a style has style 0
    return _cell_area(data)


def _holds(data: bytes, pair: bytes) -> bool:
    """Whether `data` holds the two bytes `pair`, the second one rare in a worksheet (a search
    for one byte is much quicker than for two)."""
    second = data.find(pair[1:])
    return second >= 0 and data.find(pair, max(second - 1, 0)) >= 0


def _doubtful(data: bytes) -> bool:
    """Whether the worksheet may hold an error cell, a prefixed cell tag, a style int() may
    refuse or a formula without its result."""
    return bool(
        (_QUOTED_E.search(data) and _ERROR_VALUE.search(data))
        or (_PREFIXED_C.search(data) and _PREFIXED_CELL.search(data))
        or _ODD_STYLE.search(data)
        or _NO_RESULT.search(data)
    )


def _utf8(data: bytes) -> bool:
    declaration = _DECLARATION.match(data)
    if declaration is None:
        return data.startswith(b"<") and not data.startswith(b"<?")
    encoding = _DECLARED_ENCODING.search(declaration[0])
    return encoding is None or encoding[1].lower() in (b"utf-8", b"utf8")


def _styles(data: bytes) -> set[int]:
    return {int(style) for style in set(_STYLE.findall(data))}


def _cell_area(data: bytes) -> tuple[int, int] | None:
    """The largest row and column the cells name, None if a cell tag has no well-formed name:
    most often the area that the first and last cells name, which one search confirms."""
    guess = _area_named_at_the_ends(data)
    if guess is not None and _cell_outside(*guess).search(data) is None:
        return guess
    return _area_of_every_name(data)


def _area_named_at_the_ends(data: bytes) -> tuple[int, int] | None:
    """The largest row and column that the cells at the start and at the end of the worksheet
    name (where the header and the last row usually are)."""
    names = _CELL_TAG.findall(data, 0, _END_BYTES)
    names += _CELL_TAG.findall(data, max(len(data) - _END_BYTES, 0))
    named = [name for name in names if name != _NO_NAME]
    if not named:
        return None
    row = max(int(digits) for _, digits in named)
    col = max(column_number(letters.decode()) for letters, _ in named)
    return (row - 1, col) if row > 0 else None


def _cell_outside(max_row: int, max_col: int) -> re.Pattern[bytes]:
    """A cell tag without a well-formed name or naming a cell outside the area (a row number
    with a leading zero counts as outside)."""
    columns = _names_up_to(column_letter(max_col), "A-Z", "A-Z")
    rows = _names_up_to(str(max_row + 1), "1-9", "0-9")
    return re.compile(rf'<c(?=[\s/>])(?! r="(?:{columns})(?:{rows})"[\s/>])'.encode())


def _names_up_to(last: str, first: str, rest: str) -> str:
    """A pattern for the names that come no later than `last`: the shorter ones, and those of
    its length that sort before it. A name is a symbol in the range `first` followed by symbols
    in the range `rest`: "1-9", "0-9" for row numbers, "A-Z", "A-Z" for column letters."""
    names = [f"[{first}][{rest}]{{0,{len(last) - 2}}}"] if len(last) > 1 else []
    for i, symbol in enumerate(last):
        lowest = (first if i == 0 else rest)[0]
        if symbol > lowest:
            below = f"[{lowest}-{chr(ord(symbol) - 1)}]"
            names.append(f"{last[:i]}{below}[{rest}]{{{len(last) - i - 1}}}")
    names.append(last)
    return "|".join(names)


def _area_of_every_name(data: bytes) -> tuple[int, int] | None:
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
