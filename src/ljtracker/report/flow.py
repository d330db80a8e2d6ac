"""Pagination: the document as a flow of slices, cut into pages.

Every block becomes one or more slices of known height (a heading, a line of a paragraph, a
table row, a chart). A slice that fits on a page is never cut: a table row moves whole to the
next page, and there the table's header row is repeated above it. Only a slice that can be cut
(a table row, between lines of its cells) and is taller than an empty page's room is cut, as
often as needed: it starts where it is and goes on at the top of the next pages, below the
header repeated there. A slice that keeps with the next one (a heading, a caption, a table's
header, a status line before its chart) moves to the next page with it, or with the first part
of a slice that is cut. Space before a slice is dropped at the top of a page.

Pages are made one at a time from a lazy flow of slices: a first pass counts them, so the
footer knows the page count, and the second paints each page as it is made, so nothing laid
out is kept beyond the page it is on. What the first pass measured that the second needs again
(each table's column widths, a few numbers) is kept in the kit both
passes share, with a bounded memo of measured texts.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPaintDevice, QPainter

from ljtracker.report.style import Scale

Paint = Callable[[QPainter, QRectF], None]
T = TypeVar("T")


class Memo:
    """What was measured on one device, for texts that come again (years, qualities, sources).

    Keys name the font by its id; the entry holds the font, so that the id stays its own while
    the entry lives. Bounded: when full it starts again, so a long report's memory stays flat.
    """

    LIMIT = 4096

    def __init__(self) -> None:
        self._known: dict[Hashable, tuple[object, Any]] = {}

    def get(self, key: Hashable, held: object, make: Callable[[], T]) -> T:
        found = self._known.get(key)
        if found is None:
            if len(self._known) >= self.LIMIT:
                self._known.clear()
            found = self._known[key] = (held, make())
        return cast(T, found[1])


class Recall:
    """What the counting pass measures that the painting pass needs again (each table's column
    widths), given back in the order it was measured, so that a long report's tables are not
    measured twice. A few numbers a table, in one array."""

    def __init__(self) -> None:
        self._values = array("d")
        self._sizes = array("I")
        self._replaying = False
        self._next = 0  # the measurement to give back next
        self._start = 0  # where its values begin

    def replay(self) -> None:
        """Give back what was measured, from the first measurement on."""
        self._replaying, self._next, self._start = True, 0, 0

    def numbers(self, count: int, measure: Callable[[], list[float]]) -> list[float]:
        if not self._replaying:
            found = measure()
            self._sizes.append(len(found))
            self._values.extend(found)
            return found
        if self._next < len(self._sizes) and self._sizes[self._next] == count:
            start = self._start
            self._next, self._start = self._next + 1, start + count
            return list(self._values[start : start + count])
        self._next = len(self._sizes)  # not what was measured: measure everything afresh
        return measure()


@dataclass(frozen=True)
class Kit:
    """What measuring and painting need: the device (for font metrics), its scale, and what
    has been measured on it."""

    device: QPaintDevice
    scale: Scale
    memo: Memo = field(default_factory=Memo, compare=False, repr=False)
    recall: Recall = field(default_factory=Recall, compare=False, repr=False)
    units: tuple[str, ...] = ()  # kept whole after a number, wherever a line breaks

    @classmethod
    def for_device(cls, device: QPaintDevice, units: tuple[str, ...] = ()) -> Kit:
        return cls(device, Scale(float(device.logicalDpiY())), units=units)


@dataclass(eq=False)
class Slice:
    height: float
    paint: Paint
    space_before: float = 0.0
    keep_with_next: bool = False
    page_break_before: bool = False
    header: Slice | None = None  # repeated above this slice when it starts a page
    kind: str = ""  # what it is, for tests: "row", "header", "chart", ...
    cut: Cut | None = None  # how to cut it, when it may be cut

    def room_on_empty_page(self, page_height: float) -> float:
        return page_height - (self.header.height if self.header is not None else 0.0)

    def is_cut_on(self, page_height: float) -> bool:
        """Whether this slice is cut into parts: it can be, and no page has room for it whole."""
        return self.cut is not None and self.height > self.room_on_empty_page(page_height)

    def least_height(self, page_height: float) -> float:
        """The least of it that goes with a slice kept with it: its first part when it is cut."""
        if self.cut is not None and self.is_cut_on(page_height):
            return self.cut.least
        return self.height


@dataclass(frozen=True)
class Cut:
    """How a slice is cut: `least` is the height of its smallest first part (a line of each
    cell); `at(room)` gives the part that fits in room (never less than the least part) and
    the slice of what is left, or None when nothing is."""

    least: float
    at: Callable[[float], tuple[Slice, Slice | None]]


@dataclass(frozen=True)
class Placed:
    slice: Slice
    top: float


@dataclass
class Page:
    placed: list[Placed] = field(default_factory=list)


class _Lookahead:
    """The slices still to place, read from the flow only as far as a keep-with-next chain needs."""

    def __init__(self, slices: Iterable[Slice], page_height: float) -> None:
        self._source = iter(slices)
        self._ahead: deque[Slice] = deque()
        self._page_height = page_height

    def _fill(self, count: int) -> bool:
        while len(self._ahead) < count:
            piece = next(self._source, None)
            if piece is None:
                return False
            self._ahead.append(piece)
        return True

    def next(self) -> Slice | None:
        return self._ahead.popleft() if self._fill(1) else None

    def put_back(self, piece: Slice) -> None:
        self._ahead.appendleft(piece)

    def chain_height(self, piece: Slice) -> float:
        """Height of the piece and of those it keeps with, space included; a slice that will
        be cut counts with its first part only."""
        total = piece.height
        index = 0
        while piece.keep_with_next and self._fill(index + 1):
            piece = self._ahead[index]
            total += piece.space_before + piece.least_height(self._page_height)
            index += 1
        return total


def paginate_stream(slices: Iterable[Slice], page_height: float) -> Iterator[Page]:
    """The pages one by one, each given as soon as it is full.

    Slices are read lazily: only the page being filled and the chain that must move with its
    last slice are held, so a long document needs no more memory than its longest page.
    """
    flow = _Lookahead(slices, page_height)
    page = Page()
    y = 0.0
    while (piece := flow.next()) is not None:
        if piece.page_break_before and page.placed:
            yield page
            page, y = Page(), 0.0
        gap = piece.space_before if y > 0 else 0.0
        if piece.cut is not None and piece.is_cut_on(page_height):
            if y > 0 and y + gap + piece.cut.least > page_height:
                yield page
                page, y, gap = Page(), 0.0, 0.0
            if y == 0 and piece.header is not None:
                page.placed.append(Placed(piece.header, 0.0))
                y = piece.header.height
            part, rest = piece.cut.at(page_height - y - gap)
            page.placed.append(Placed(part, y + gap))
            y += gap + part.height
            if rest is not None:
                flow.put_back(rest)
                yield page
                page, y = Page(), 0.0
            continue
        needed = gap + flow.chain_height(piece)
        fits_alone = gap + piece.height <= page_height - y
        if y > 0 and (y + needed > page_height) and (needed - gap <= page_height or not fits_alone):
            yield page
            page, y, gap = Page(), 0.0, 0.0
        if y == 0 and piece.header is not None:
            page.placed.append(Placed(piece.header, 0.0))
            y = piece.header.height
        page.placed.append(Placed(piece, y + gap))
        y += gap + piece.height
    yield page


def paginate(slices: Iterable[Slice], page_height: float) -> list[Page]:
    return list(paginate_stream(slices, page_height))
