"""The report as a PDF: text layer, pages, paper, fonts; a file written whole or not at all."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ljtracker.report import render
from ljtracker.report.builder import ReportOptions, build_report
from ljtracker.report.document import Document
from ljtracker.report.render import PageSetup, write_pdf
from ljtracker.storage.atomic import OutputError
from ljtracker.storage.workbook import Workbook

TextReader = Callable[..., str]


def demo_document(path: Path, lang: str, year: int = 2021) -> Document:
    with Workbook.open(path, read_only=True) as wb:
        options = ReportOptions("LJ2025", lang, year)  # type: ignore[arg-type]
        return build_report(wb, options, today=date(2026, 3, 1))


@pytest.fixture
def english(demo_path: Path, tmp_path: Path, qapp: QApplication) -> tuple[Path, int, Document]:
    """The demo plan's report in English as of 2021: the PDF, its page count, its document."""
    out = tmp_path / "en.pdf"
    document = demo_document(demo_path, "en")
    return out, write_pdf(document, out), document


def test_english_report_text_holds_names_figures_and_statuses(
    english: tuple[Path, int, Document], pdf_text: TextReader
) -> None:
    path, _, _ = english
    text = pdf_text(path)
    assert "GDP of the whole new area" in text
    assert "5,000" in text and "4,000" in text and "3,750" in text
    assert "On track" in text
    assert "Growing 6.67 % a year since 2020 against 5.92 % needed" in text
    assert "How progress is judged" in text and "Data sources" in text


def test_chinese_report_text_can_be_searched(
    demo_path: Path, tmp_path: Path, qapp: QApplication, pdf_text: TextReader
) -> None:
    out = tmp_path / "zh.pdf"
    write_pdf(demo_document(demo_path, "zh"), out)
    text = pdf_text(out)
    assert "两江新区地区生产总值" in text
    assert "进展顺利" in text
    assert "关于推动两江新区做大做强实现高质量发展的意见" in text
    assert "5,000" in text
    assert "⽣" not in text  # the Kangxi radical that looks like 生 but is not found by search


def test_every_page_has_header_and_footer(
    english: tuple[Path, int, Document], pdf_text: TextReader
) -> None:
    path, pages, document = english
    fingerprint = document.fingerprint
    for page in range(1, pages + 1):
        text = pdf_text(path, page, page)
        assert "Progress as of 2021" in text
        assert f"Page {page} of {pages}" in text
        assert "Generated 2026-03-01" in text and f"Data fingerprint {fingerprint}" in text


def test_a_long_title_in_the_header_is_cut_after_a_whole_word(
    english: tuple[Path, int, Document], pdf_text: TextReader
) -> None:
    """The header read "…Achieve High-Quality De…"."""
    path, _, document = english
    header = pdf_text(path, 2, 2).split(" Progress as of 2021")[0]
    assert header.endswith("…") and header.startswith("Opinions on Promoting")
    cut = header.removesuffix("…")
    assert document.title.startswith(cut) and document.title[len(cut)] == " ", header


def test_page_count_and_a4_portrait_size(
    english: tuple[Path, int, Document], pdf_info: Callable[[Path], dict[str, str]]
) -> None:
    path, pages, _ = english
    info = pdf_info(path)
    assert int(info["Pages"]) == pages > 5
    assert info["Page size"].startswith("595 x 842 pts")


@pytest.mark.parametrize(
    ("setup", "size"),
    [
        (PageSetup("letter"), "612 x 792 pts"),
        (PageSetup("a4", landscape=True), "842 x 595 pts"),
        (PageSetup("letter", landscape=True), "792 x 612 pts"),
    ],
)
def test_letter_and_landscape_pages(
    demo_path: Path,
    tmp_path: Path,
    qapp: QApplication,
    pdf_info: Callable[[Path], dict[str, str]],
    setup: PageSetup,
    size: str,
) -> None:
    out = tmp_path / "paper.pdf"
    pages = write_pdf(demo_document(demo_path, "en"), out, setup)
    info = pdf_info(out)
    assert info["Page size"].startswith(size)
    assert int(info["Pages"]) == pages


def test_every_font_is_embedded_cjk_included(
    demo_path: Path,
    tmp_path: Path,
    qapp: QApplication,
    pdf_fonts: Callable[[Path], list[tuple[str, str]]],
) -> None:
    out = tmp_path / "zh.pdf"
    write_pdf(demo_document(demo_path, "zh"), out)
    fonts = pdf_fonts(out)
    assert fonts and all(embedded == "yes" for _, embedded in fonts), fonts
    assert any("CJK" in name for name, _ in fonts)


def test_a_failed_report_leaves_no_file(
    demo_path: Path, tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the previous report")

    def broken(*args: object) -> int:
        raise OutputError("the disk is full", "磁盘已满")

    monkeypatch.setattr(render, "paint_document", broken)
    with pytest.raises(OutputError):
        write_pdf(demo_document(demo_path, "en"), out)
    assert out.read_bytes() == b"the previous report"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_the_open_workbook_is_never_overwritten(demo_path: Path, qapp: QApplication) -> None:
    before = demo_path.read_bytes()
    with pytest.raises(OutputError, match="open workbook"):
        write_pdf(demo_document(demo_path, "en"), demo_path, protected=(demo_path,))
    assert demo_path.read_bytes() == before


def test_a_chart_says_where_years_have_no_figure(
    demo_path: Path, tmp_path: Path, qapp: QApplication, pdf_text: TextReader
) -> None:
    """The shares of 2020 and 2023 were joined by the solid line of observed figures."""
    later, earlier = tmp_path / "2023.pdf", tmp_path / "2021.pdf"
    write_pdf(demo_document(demo_path, "en", 2023), later)
    write_pdf(demo_document(demo_path, "en", 2021), earlier)
    assert "No figures between" in pdf_text(later)
    assert "No figures between" not in pdf_text(earlier)  # 2020 and 2021 follow each other


LONG_TITLE = (
    "Implementation Plan of the Outline of the 14th Five-Year Plan for National Economic and"
    " Social Development and the Long-Range Objectives Through the Year 2035 of Liangjiang New"
    " Area, Chongqing, with the Breakdown of Key Tasks for High-Quality Development (Draft for"
    " Comments)"
)
LONG_TITLE_ZH = (
    "重庆市两江新区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要实施方案暨"
    "高质量发展重点任务分解落实工作方案（征求意见稿）"
)


@pytest.mark.parametrize("case", ["long particulars", "long title"])
def test_a_long_cover_keeps_its_particulars_above_its_note_and_footer(
    demo_path: Path, tmp_path: Path, qapp: QApplication, case: str
) -> None:
    """On a landscape page, the result, date and fingerprint ran over the note and off into
    the footer: in a report of chosen areas and statuses, whose coverage line took four lines,
    and under a plan title of five lines."""
    import re
    import subprocess

    from ljtracker.domain.change_names import ChangeName
    from ljtracker.domain.model import Status
    from ljtracker.storage import reads
    from ljtracker.storage.writer import Entity

    with Workbook.open(demo_path) as wb:
        plan = reads.plan_by_code(wb, "LJ2025")
        assert plan is not None and plan.id is not None
        options = ReportOptions("LJ2025", "en", 2021)
        if case == "long particulars":
            areas = frozenset(a.id for a in reads.areas(wb, plan.id)[:5] if a.id is not None)
            statuses = frozenset(Status) - {Status.NOT_ASSESSABLE}
            options = ReportOptions("LJ2025", "en", 2021, areas=areas, statuses=statuses)
        else:
            with wb.change(ChangeName("Long title")) as w:
                w.update(Entity.PLAN, plan.id, {"title_en": LONG_TITLE, "title_zh": LONG_TITLE_ZH})
        document = build_report(wb, options, today=date(2026, 3, 1))
    out = tmp_path / "landscape.pdf"
    write_pdf(document, out, PageSetup("a4" if case == "long title" else "letter", landscape=True))
    words = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(out), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    boxes: dict[str, list[tuple[float, float]]] = {}  # each word's top and bottom
    pattern = r'yMin="([\d.]+)"[^>]*yMax="([\d.]+)">([^<]+)</word>'
    for top, bottom, word in re.findall(pattern, words):
        boxes.setdefault(word, []).append((float(top), float(bottom)))
    fingerprint = next(w for w in boxes if re.fullmatch(r"[0-9a-f]{12}", w))
    cover_fact, note = min(boxes[fingerprint]), boxes["identifies"][0]
    footer = max(boxes["Generated"])
    assert cover_fact[1] <= note[0] and note[1] <= footer[0]  # one below the other, apart


def test_a_chinese_title_in_the_header_is_not_cut_at_a_space(qapp: QApplication) -> None:
    """ "重庆两江新区 关于推动…" was cut to "重庆两江新区…" with room for more."""
    from PySide6.QtGui import QFontMetricsF

    from ljtracker.report import style

    metrics = QFontMetricsF(style.font("furniture"))
    title = "重庆两江新区 关于推动两江新区做大做强实现高质量发展的意见" * 2
    width = metrics.horizontalAdvance(title) * 0.6
    cut = render.elided_at_a_word(metrics, title, width)
    assert cut.endswith("…") and len(cut) > len("重庆两江新区…") + 10
