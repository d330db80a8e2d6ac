"""A table row taller than a page is cut between lines: nothing printed is lost."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from ljtracker.report import tables, textflow
from ljtracker.report.builder import ReportOptions, build_report
from ljtracker.report.document import Align, Cell, Column, Document, Table
from ljtracker.report.flow import Kit, Slice
from ljtracker.report.render import PageSetup, page_flow, page_frame, paint_document, write_pdf
from ljtracker.report.textflow import Lines
from ljtracker.storage.workbook import Workbook

PAGE = {"en": "Page {page} of {pages}", "zh": "第{page}页 共{pages}页"}
CONTINUED = {"en": "Data sources (continued)", "zh": "数据来源（续）"}
TITLES = "No. Source Used for"


def writer(path: Path) -> QPdfWriter:
    device = QPdfWriter(str(path))
    device.setResolution(1200)
    device.setPageLayout(PageSetup().page_layout())
    return device


def words(lang: str, count: int) -> list[str]:
    return [f"T{n:04d}" if lang == "en" else f"第{n}项" for n in range(count)]


def sources_document(lang: str, count: int) -> Document:
    """A short row, one source used by `count` targets (far taller than a page), a short row."""
    used_for = ("; " if lang == "en" else "；").join(
        f"{w} 2021, 2022" if lang == "en" else f"{w}2021、2022年" for w in words(lang, count)
    )
    columns = (Column("No.", fit=True), Column("Source", 2.2), Column("Used for"))
    rows = (
        (Cell("1"), Cell("Census"), Cell("T9001 2020")),
        (Cell("2"), Cell("Statistical yearbook", detail="annual"), Cell(used_for)),
        (Cell("3"), Cell("Bulletin"), Cell("T9002 2021")),
    )
    table = Table(columns, rows, continued=CONTINUED[lang])
    return Document(lang, "Plan", "As of 2022", PAGE[lang], "made 2026-03-01", "f", (table,))


def body(
    pdf_text: Callable[..., str], path: Path, document: Document, pages: int, *furniture: str
) -> str:
    """The text of every page in turn without its header, footer and repeated table header,
    white space left out: a word cut between two pages reads whole again."""
    text = []
    for number in range(1, pages + 1):
        page = "".join(pdf_text(path, number, number).split())
        page_number = document.page_format.format(page=number, pages=pages)
        for known in (document.title, document.header_right, document.footer_left, page_number):
            page = page.replace("".join(known.split()), "", 1)
        for known in furniture:
            page = page.replace("".join(known.split()), "")
        text.append(page)
    return "".join(text)


def in_order(text: str, expected: list[str]) -> list[str]:
    """The expected words not found in text in the order given (white space ignored)."""
    missing, at = [], 0
    for word in expected:
        found = text.find("".join(word.split()), at)
        if found < 0:
            missing.append(word)
        else:
            at = found + len(word)
    return missing


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_row_taller_than_a_page_keeps_all_its_text_over_several_pages(
    lang: str,
    tmp_path: Path,
    qapp: QApplication,
    pdf_text: Callable[..., str],
    pdf_info: Callable[[Path], dict[str, str]],
) -> None:
    out = tmp_path / "tall.pdf"
    document = sources_document(lang, 1500)
    count = write_pdf(document, out)
    assert count >= 4
    assert int(pdf_info(out)["Pages"]) == count
    expected = ["T9001", *words(lang, 1500), "Bulletin", "T9002"]
    assert in_order(body(pdf_text, out, document, count, CONTINUED[lang], TITLES), expected) == []
    for number in range(1, count + 1):
        page = pdf_text(out, number, number)
        assert PAGE[lang].format(page=number, pages=count).replace(" ", "") in page.replace(" ", "")
        if number > 1:
            assert CONTINUED[lang] in page, f"page {number} repeats the header, marked continued"
            assert TITLES in page
    assert CONTINUED[lang] not in pdf_text(out, 1, 1)


def test_no_line_of_a_cut_row_is_drawn_over_the_footer_or_twice(
    tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[tuple[str, float]] = []
    real = textflow.draw_lines

    def recorded(
        painter: QPainter,
        lines: Lines,
        left: float,
        top: float,
        width: float,
        color: QColor,
        align: Align = Align.LEFT,
    ) -> None:
        drawn.extend((t, top + (n + 1) * lines.line_height) for n, t in enumerate(lines.texts))
        real(painter, lines, left, top, width, color, align)

    monkeypatch.setattr(tables, "draw_lines", recorded)
    device = writer(tmp_path / "tall.pdf")
    bottom = page_frame(device, Kit.for_device(device)).content.bottom()
    pages = paint_document(sources_document("en", 1500), device)
    assert pages >= 4
    assert max(line_bottom for _, line_bottom in drawn) <= bottom + 0.01
    header = {CONTINUED["en"], "No.", "Source", "Used for"}
    cells = "".join("".join(t.split()) for t, _ in drawn if t not in header)
    used_for = "".join(sources_document("en", 1500).blocks[0].rows[1][2].text.split())  # type: ignore[union-attr]
    assert cells.count(used_for) == 1, "every line of the long cell drawn once, in order"


def test_pages_of_a_cut_row_stay_within_the_page_below_a_repeated_header(
    tmp_path: Path, qapp: QApplication
) -> None:
    frame, pages = page_flow(sources_document("zh", 1500), writer(tmp_path / "probe.pdf"))
    height = frame.content.height()
    laid = list(pages)
    assert len(laid) >= 4
    for page in laid:
        assert all(p.top + p.slice.height <= height + 0.01 for p in page.placed)
        assert [p.slice.kind for p in page.placed[:2]] == ["header", "row"]
    assert [p.slice.kind for p in laid[0].placed] == ["header", "row", "row"]
    assert [p.slice.kind for p in laid[-1].placed] == ["header", "row", "row"]
    assert all(len(page.placed) == 2 for page in laid[1:-1])


YEARLY = {  # the yearly figures' table: its header's caption where it goes on, and its titles
    "en": ("Yearly figures up to 2022 (continued)", "Year Value (亿元) Quality Source Note"),
    "zh": ("截至2022年的历年数据（续）", "年份 数值（亿元） 数据质量 来源 备注"),
}


def build(path: Path, lang: str) -> Document:
    with Workbook.open(path, read_only=True) as wb:
        options = ReportOptions("TALL", lang, 2022)  # type: ignore[arg-type]
        return build_report(wb, options, today=date(2026, 3, 1))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_figure_with_a_note_longer_than_a_page_is_printed_whole(
    lang: str,
    tall_path: Path,
    tall_note: str,
    tmp_path: Path,
    qapp: QApplication,
    pdf_text: Callable[..., str],
) -> None:
    lazy = build(tall_path, lang)
    out, whole_out = tmp_path / "tall.pdf", tmp_path / "whole.pdf"
    count = write_pdf(lazy, out)
    assert write_pdf(replace(lazy, blocks=tuple(lazy.blocks)), whole_out) == count
    assert pdf_text(out) == pdf_text(whole_out)
    continued, titles = YEARLY[lang]
    assert in_order(body(pdf_text, out, lazy, count, continued, titles), tall_note.split()) == []
    pages = [pdf_text(out, n, n) for n in range(1, count + 1)]
    holding = [n for n, page in enumerate(pages, start=1) if "word0600" in page]
    assert len(holding) == 1
    assert continued in pages[holding[0] - 1], "the header repeated on a continuation page"
    for number, page in enumerate(pages, start=1):
        assert PAGE[lang].format(page=number, pages=count).replace(" ", "") in page.replace(" ", "")


def test_the_parts_of_a_cut_row_are_let_go_as_their_pages_are_made(
    tmp_path: Path, qapp: QApplication
) -> None:
    """Each part is freed when its page is done, without waiting for the cycle collector: a
    row cut over a hundred pages needs no more memory than one page of it."""
    _, pages = page_flow(sources_document("en", 15000), writer(tmp_path / "probe.pdf"))
    gc.collect()
    gc.disable()
    try:
        held = []
        for page in pages:
            held.append(sum(1 for o in gc.get_objects() if isinstance(o, Slice)))
            del page
    finally:
        gc.enable()
    assert len(held) > 30
    assert max(held) <= 8, "only this page's header, the part on it and what is left"
