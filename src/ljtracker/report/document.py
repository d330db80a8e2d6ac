"""The report as a document: plain values that say what to print, not how (no Qt here).

The builder makes one Document from the data; the painter lays it out on pages of any size and
paints it on a PDF writer, a printer or the print preview, so all three outputs are the same
document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import overload

from ljtracker.domain.model import Quality
from ljtracker.domain.status_look import Shown


class Section(StrEnum):
    COVER = "cover"
    SUMMARY = "summary"
    TABLE = "table"
    TARGETS = "targets"
    METHOD = "method"
    SOURCES = "sources"


class ReportKind(StrEnum):
    """What the report is handed over as; named on its cover."""

    PROGRESS = "progress"
    MIDTERM = "midterm"
    FINAL = "final"


class Align(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    CENTER = "center"


class TextStyle(StrEnum):
    BODY = "body"
    SMALL = "small"
    LEAD = "lead"  # the sentence that explains a status, a little larger
    LABEL = "label"  # a bold run-in heading inside a section


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: section, 2: target
    continued: str = ""  # atop each later page the section runs onto, until the next heading


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: TextStyle = TextStyle.BODY
    keep_with_next: bool = False  # labels always keep with what follows


@dataclass(frozen=True)
class StatusLine:
    """A status glyph and label, what became of the target's year (come unmet, or over
    without its figure) and a warning when so, then the explanation."""

    status: Shown
    label: str
    warning: str
    explanation: str
    year_mark: str = ""


@dataclass(frozen=True)
class Column:
    title: str
    weight: float = 1.0  # share of the width left after fitted columns
    align: Align = Align.LEFT
    fit: bool = False  # as wide as its longest cell (up to a cap), never wrapped if avoidable
    status: Shown | None = None  # draws the status glyph before the title
    fit_cap: float | None = None  # the cap, as a share of the width, when not the usual one


@dataclass(frozen=True)
class Cell:
    text: str
    status: Shown | None = None  # draws the status glyph before the text
    bold: bool = False
    detail: str = ""  # a second, smaller line (a reason, a quality)
    alert: bool = False  # the detail is a warning


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""
    continued: str = ""  # the caption on the pages the table continues on
    header: bool = True


@dataclass(frozen=True)
class ChartPoint:
    year: int
    value: float
    quality: Quality | None = None


@dataclass(frozen=True)
class ChartLabels:
    observed: str
    baseline: str
    target: str
    band: str
    planned: str
    milestones: str
    projection: str
    as_of: str
    qualities: tuple[tuple[Quality, str], ...]
    gap: str = ""  # the observed line across years without a figure


@dataclass(frozen=True)
class ProgressChart:
    """One target's progress: observations, baseline, target, planned path, projection."""

    unit: str
    series: tuple[ChartPoint, ...]  # observations up to the as-of year, oldest first
    baseline: ChartPoint | None
    target: ChartPoint | None
    band: tuple[float, float] | None
    planned: tuple[ChartPoint, ...]
    projection: tuple[ChartPoint, ...]
    as_of_year: int
    labels: ChartLabels
    milestones: tuple[ChartPoint, ...] = ()  # on the planned path, between baseline and target


@dataclass(frozen=True)
class StatusBar:
    label: str
    counts: tuple[tuple[Shown, int], ...]  # every status (and missed, when any), in order
    total_row: bool = False


@dataclass(frozen=True)
class StatusChart:
    bars: tuple[StatusBar, ...]
    legend: tuple[tuple[Shown, str], ...]


@dataclass(frozen=True)
class Cover:
    kind: str  # "Progress report"
    title: str
    other_title: str  # the title in the other language, when it differs
    as_of: str
    facts: tuple[tuple[str, str], ...]  # label, value
    note: str


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | StatusLine | Table | ProgressChart | StatusChart | Cover | PageBreak


class Blocks(Sequence[Block]):
    """A document's blocks, made afresh from the data each time they are read.

    Layout reads them in order, so a long report's sections (every target's tables and chart)
    exist only while they are laid out, not all at once. Counting or indexing makes them all.
    """

    def __init__(self, make: Callable[[], Iterable[Block]]) -> None:
        self._make = make

    def __iter__(self) -> Iterator[Block]:
        return iter(self._make())

    def __len__(self) -> int:
        return sum(1 for _ in self)

    @overload
    def __getitem__(self, index: int) -> Block: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Block]: ...

    def __getitem__(self, index: int | slice) -> Block | Sequence[Block]:
        return tuple(self)[index]


@dataclass(frozen=True)
class Document:
    lang: str
    title: str  # the plan's title, in the report's language
    header_right: str  # "Progress as of 2021"
    page_format: str  # "Page {page} of {pages}"
    footer_left: str  # generation date and data fingerprint
    fingerprint: str
    blocks: Sequence[Block]  # a tuple, or Blocks made as they are read
    file_stem: str = "progress-report"  # "LJ2025-progress-2021-en": file and print job name
    kind: ReportKind = ReportKind.PROGRESS
    units: tuple[str, ...] = ()  # the targets' units: a number is never parted from one

    def text(self) -> str:
        """Every string the document prints, for tests and search; not a rendering."""
        parts: list[str] = [self.title, self.header_right, self.footer_left]
        for block in self.blocks:
            parts.extend(_block_text(block))
        return "\n".join(p for p in parts if p)


def _block_text(block: Block) -> list[str]:
    if isinstance(block, Heading | Paragraph):
        return [block.text]
    if isinstance(block, StatusLine):
        return [block.label, block.warning, block.explanation]
    if isinstance(block, Table):
        cells = [c.text for row in block.rows for c in row] + [
            c.detail for row in block.rows for c in row
        ]
        return [block.caption, *(c.title for c in block.columns), *cells]
    if isinstance(block, Cover):
        facts = [f"{label}: {value}" for label, value in block.facts]
        return [block.kind, block.title, block.other_title, block.as_of, *facts, block.note]
    if isinstance(block, StatusChart):
        return [bar.label for bar in block.bars] + [label for _, label in block.legend]
    return []
