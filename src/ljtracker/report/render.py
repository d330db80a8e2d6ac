"""One document, three outputs: PDF (QPdfWriter), a printer (QPrinter) and the print preview.

`paint_document` lays the document out on the device's pages (a first pass that only counts
them), then lays it out again page by page and paints every page with its header (plan title,
as-of year) and footer (date generated, data fingerprint, page X of Y). The preview dialog
calls it with its QPrinter, so the preview shows exactly what is printed. Writing a PDF goes
through `atomic_output`: the file appears whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from ljtracker.domain.errors import UserError
from ljtracker.report import style
from ljtracker.report.blocks import document_slices
from ljtracker.report.document import Document
from ljtracker.report.flow import Kit, Page, paginate_stream
from ljtracker.report.pdftext import fix_text_layer
from ljtracker.storage.atomic import OutputError, atomic_output, full_disk_refusal

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(18, 12, 18, 12)
RESOLUTION = 1200


class PrintError(UserError):
    """The report cannot be printed."""


@dataclass(frozen=True)
class PageSetup:
    paper: str = "a4"  # "a4" or "letter"
    landscape: bool = False

    def page_layout(self) -> QPageLayout:
        orientation = (
            QPageLayout.Orientation.Landscape
            if self.landscape
            else QPageLayout.Orientation.Portrait
        )
        return QPageLayout(
            QPageSize(PAPERS[self.paper]), orientation, MARGINS_MM, QPageLayout.Unit.Millimeter
        )


@dataclass(frozen=True)
class Frame:
    """The printable area of a page, split into header band, content and footer band."""

    width: float
    height: float
    header: float
    footer: float

    @property
    def content(self) -> QRectF:
        return QRectF(0, self.header, self.width, self.height - self.header - self.footer)


def _pages_changed() -> OutputError:
    return OutputError(
        "the report's pages changed between layout and painting",
        "报告的页面在排版与绘制之间发生了变化",
    )


def page_frame(device: QPagedPaintDevice, kit: Kit) -> Frame:
    paint_rect = device.pageLayout().paintRectPixels(int(kit.scale.dpi))
    band = QFontMetricsF(style.font("furniture"), device).height() + kit.scale.mm(5)
    return Frame(float(paint_rect.width()), float(paint_rect.height()), band, band)


def page_flow(
    document: Document, device: QPagedPaintDevice, kit: Kit | None = None
) -> tuple[Frame, Iterator[Page]]:
    """The page frame, and the document's pages laid out one at a time as they are asked for."""
    kit = kit or Kit.for_device(device, document.units)
    frame = page_frame(device, kit)
    content = frame.content
    slices = document_slices(document, kit, content.width(), content.height())
    return frame, paginate_stream(slices, content.height())


def count_pages(document: Document, device: QPagedPaintDevice, kit: Kit | None = None) -> int:
    """The layout pass: the number of pages, with nothing laid out kept but the tables' column
    widths (in the kit, for painting)."""
    _, pages = page_flow(document, device, kit)
    return sum(1 for _ in pages)


def elided_at_a_word(fm: QFontMetricsF, text: str, width: float) -> str:
    """The text cut to `width` after its last whole word that fits, "…" after it ("Achieve
    High-Quality…", not "Achieve High-Quality De…"); a text that is not English, or whose
    first word does not fit, cut where the width ends."""
    if fm.horizontalAdvance(text) <= width:
        return text
    if not text.isascii():  # Chinese: a space is no break between words ("重庆两江新区 关于…")
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
    words = text.split(" ")
    for count in range(len(words) - 1, 0, -1):
        shorter = " ".join(words[:count]).rstrip(",;:–-") + "…"
        if fm.horizontalAdvance(shorter) <= width:
            return shorter
    return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)


def _furniture(
    painter: QPainter, document: Document, kit: Kit, frame: Frame, number: int, total: int
) -> None:
    s = kit.scale
    font = style.font("furniture")
    fm = QFontMetricsF(font, kit.device)
    painter.save()
    painter.setFont(font)
    painter.setPen(style.MUTED)
    right = document.header_right
    right_width = fm.horizontalAdvance(right)
    title = elided_at_a_word(fm, document.title, frame.width - right_width - s.mm(8))
    baseline = fm.ascent()
    painter.drawText(QPointF(0, baseline), title)
    painter.drawText(QPointF(frame.width - right_width, baseline), right)
    rule_y = fm.height() + s.mm(1.5)
    painter.setPen(QPen(style.RULE, s.pt(0.5)))
    painter.drawLine(QPointF(0, rule_y), QPointF(frame.width, rule_y))
    top = frame.height - fm.height()
    painter.drawLine(QPointF(0, top - s.mm(1.5)), QPointF(frame.width, top - s.mm(1.5)))
    page = document.page_format.format(page=number, pages=total)
    page_width = fm.horizontalAdvance(page)
    footer = fm.elidedText(
        document.footer_left, Qt.TextElideMode.ElideRight, frame.width - page_width - s.mm(8)
    )
    painter.setPen(style.MUTED)
    painter.drawText(QPointF(0, top + fm.ascent()), footer)
    painter.drawText(QPointF(frame.width - page_width, top + fm.ascent()), page)
    painter.restore()


def paint_document(document: Document, device: QPagedPaintDevice) -> int:
    """Lay out and paint the document on the device's pages; returns the number of pages.

    The document is laid out twice: once to count the pages for the footer, then again page by
    page as each is painted, so memory stays that of one page however long the report is. The
    second pass takes the tables' column widths from the first rather than measuring again.
    """
    kit = Kit.for_device(device, document.units)
    total = count_pages(document, device, kit)
    kit.recall.replay()
    frame, pages = page_flow(document, device, kit)
    content = frame.content
    painter = QPainter()
    if not painter.begin(device):
        raise OutputError(
            "the report could not be started on this device", "无法在此设备上开始输出报告"
        )
    number = 0
    try:
        for number, page in enumerate(pages, start=1):
            if number > total:
                raise _pages_changed()
            if number > 1 and not device.newPage():
                raise OutputError("the report could not start a new page", "报告无法开始新的一页")
            _furniture(painter, document, kit, frame, number, total)
            for placed in page.placed:
                rect = QRectF(
                    content.left(), content.top() + placed.top, content.width(), placed.slice.height
                )
                placed.slice.paint(painter, rect)
    finally:
        painter.end()
    if number != total:
        raise _pages_changed()
    return total


def write_pdf(
    document: Document,
    path: str | Path,
    setup: PageSetup = PageSetup(),
    *,
    protected: tuple[Path, ...] = (),
) -> int:
    """Write the report as a PDF at path (whole or not at all); returns the number of pages."""
    with atomic_output(path, protected=protected) as temp:
        writer = QPdfWriter(str(temp))
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(setup.page_layout())
        writer.setTitle(f"{document.title} — {document.header_right}")
        writer.setCreator("ljtracker")
        try:
            pages = paint_document(document, writer)
        except OutputError as e:
            raise full_disk_refusal(Path(path), temp.parent) or e from e
        del writer
        fix_text_layer(temp, style.text_layer_equivalents())
    return pages


def printer_for(name: str, setup: PageSetup, doc_name: str) -> QPrinter:
    """A printer on the named print queue, refused with the known names when there is none."""
    known = QPrinterInfo.availablePrinterNames()
    if name not in known:
        raise PrintError(
            f"no printer named {name} (printers: {', '.join(known) or 'none'})",
            f"没有名为 {name} 的打印机（现有：{'、'.join(known) or '无'}）",
        )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(name)
    if not printer.isValid():
        raise PrintError(f"the printer {name} cannot be used", f"打印机 {name} 无法使用")
    printer.setPageLayout(setup.page_layout())
    printer.setDocName(doc_name)
    return printer


def print_document(document: Document, printer_name: str, setup: PageSetup = PageSetup()) -> int:
    printer = printer_for(printer_name, setup, document.file_stem)
    try:
        return paint_document(document, printer)
    except OutputError as e:
        raise PrintError(
            f"printing on {printer_name} failed: {e}",
            f"在 {printer_name} 上打印失败：{e.message_zh}",
        ) from e
