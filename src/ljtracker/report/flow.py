"""Pagination: the document as a flow of slices, cut into pages.

Every block becomes one or more slices of known height (a heading, a line of a paragraph, a
table row, a chart). A slice is never cut: a table row moves whole to the next page, and there
the table's header row is repeated above it. A slice that keeps with the next one (a heading, a
caption, a status line before its chart) moves to the next page with it. Space before a slice
is dropped at the top of a page. The layout pass runs before painting, so the footer knows the
page count.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPaintDevice, QPainter

from ljtracker.report.style import Scale

Paint = Callable[[QPainter, QRectF], None]


@dataclass(frozen=True)
class Kit:
    """What measuring and painting need: the device (for font metrics) and its scale."""

    device: QPaintDevice
    scale: Scale

    @classmethod
    def for_device(cls, device: QPaintDevice) -> Kit:
        return cls(device, Scale(float(device.logicalDpiY())))


@dataclass(eq=False)
class Slice:
    height: float
    paint: Paint
    space_before: float = 0.0
    keep_with_next: bool = False
    page_break_before: bool = False
    header: Slice | None = None  # repeated above this slice when it starts a page
    kind: str = ""  # what it is, for tests: "row", "header", "chart", ...


@dataclass(frozen=True)
class Placed:
    slice: Slice
    top: float


@dataclass
class Page:
    placed: list[Placed] = field(default_factory=list)


def _chain_height(slices: list[Slice], start: int) -> float:
    """Height of the slice at start and of those it keeps with, space included."""
    total = slices[start].height
    index = start
    while slices[index].keep_with_next and index + 1 < len(slices):
        index += 1
        total += slices[index].space_before + slices[index].height
    return total


def paginate(slices: list[Slice], page_height: float) -> list[Page]:
    pages = [Page()]
    y = 0.0
    for index, piece in enumerate(slices):
        if piece.page_break_before and pages[-1].placed:
            pages.append(Page())
            y = 0.0
        gap = piece.space_before if y > 0 else 0.0
        needed = gap + _chain_height(slices, index)
        fits_alone = gap + piece.height <= page_height - y
        if y > 0 and (y + needed > page_height) and (needed - gap <= page_height or not fits_alone):
            pages.append(Page())
            y, gap = 0.0, 0.0
        if y == 0 and piece.header is not None:
            pages[-1].placed.append(Placed(piece.header, 0.0))
            y = piece.header.height
        pages[-1].placed.append(Placed(piece, y + gap))
        y += gap + piece.height
    return pages
