"""Pagination: rows are cut only when taller than a page, table headers repeat, headings stay
with what follows."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QFontMetricsF,
    QPainter,
    QPdfWriter,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QApplication

from ljtracker.report import style
from ljtracker.report.builder import ReportOptions, build_report
from ljtracker.report.charts import nice_ticks, tick_labels
from ljtracker.report.document import Cell, Column, Table
from ljtracker.report.flow import Cut, Kit, Slice, paginate, paginate_stream
from ljtracker.report.render import PageSetup, page_flow, write_pdf
from ljtracker.report.tables import table_slices
from ljtracker.report.text import as_typed, units_kept_close
from ljtracker.report.textflow import balanced_wrap, longest_word_width, wrap
from ljtracker.storage.workbook import Workbook


def nothing(painter: QPainter, rect: QRectF) -> None:
    pass


def piece(height: float, kind: str = "line", **extra: object) -> Slice:
    return Slice(height, nothing, kind=kind, **extra)  # type: ignore[arg-type]


def kinds(pages: list) -> list[list[str]]:  # type: ignore[type-arg]
    return [[p.slice.kind for p in page.placed] for page in pages]


def test_a_slice_that_does_not_fit_moves_whole_to_the_next_page() -> None:
    pages = paginate([piece(60, "a"), piece(30, "b"), piece(20, "c")], 100)
    assert kinds(pages) == [["a", "b"], ["c"]]
    assert pages[1].placed[0].top == 0


def test_space_before_is_dropped_at_the_top_of_a_page() -> None:
    pages = paginate([piece(90, "a"), piece(20, "b", space_before=5)], 100)
    assert pages[1].placed[0].top == 0
    pages = paginate([piece(50, "a"), piece(20, "b", space_before=5)], 100)
    assert pages[0].placed[1].top == 55


def test_table_header_repeats_above_rows_on_a_new_page() -> None:
    header = piece(10, "header", keep_with_next=True)
    rows = [piece(30, "row", header=header) for _ in range(6)]
    pages = paginate([header, *rows], 100)
    assert kinds(pages) == [
        ["header", "row", "row", "row"],
        ["header", "row", "row", "row"],
    ]


def test_heading_moves_with_the_block_it_introduces() -> None:
    slices = [piece(80, "text"), piece(10, "h2", keep_with_next=True), piece(40, "chart")]
    assert kinds(paginate(slices, 100)) == [["text"], ["h2", "chart"]]


def test_a_chain_longer_than_a_page_starts_where_it_is() -> None:
    slices = [piece(20, "text"), piece(10, "h2", keep_with_next=True), piece(150, "chart")]
    assert kinds(paginate(slices, 100)) == [["text", "h2"], ["chart"]]


def test_page_break_starts_a_new_page() -> None:
    slices = [piece(10, "cover"), piece(10, "h1", page_break_before=True)]
    assert kinds(paginate(slices, 100)) == [["cover"], ["h1"]]


def test_pages_are_made_one_at_a_time_from_a_lazy_flow() -> None:
    made: list[int] = []

    def flow() -> Iterator[Slice]:
        for n in range(10):
            made.append(n)
            yield piece(40, keep_with_next=n == 2)

    pages = paginate_stream(flow(), 100)
    assert len(next(pages).placed) == 2
    assert made == [0, 1, 2, 3], "read only as far as the chain that moves to the next page"
    assert [len(p.placed) for p in pages] == [2, 2, 2, 2]


def lined(lines: range, header: Slice | None = None, kind: str = "row") -> Slice:
    """A row of ten-high lines (numbered by `lines`) that can be cut between them."""

    def at(room: float) -> tuple[Slice, Slice | None]:
        fit = max(1, int(room // 10))
        rest = lined(lines[fit:], header, kind) if len(lines) > fit else None
        return lined(lines[:fit], header, kind), rest

    row = piece(10 * len(lines), kind, header=header, cut=Cut(10, at))
    row.lines = lines  # type: ignore[attr-defined]
    return row


def cut_lines(pages: list) -> list[list[range]]:  # type: ignore[type-arg]
    return [[p.slice.lines for p in page.placed if p.slice.kind == "row"] for page in pages]


def test_a_row_taller_than_a_page_is_cut_between_lines_below_a_repeated_header() -> None:
    header = piece(20, "header", keep_with_next=True)
    rows = [lined(range(0, 3), header), lined(range(3, 23), header), lined(range(23, 24), header)]
    pages = paginate([header, *rows], 100)
    assert kinds(pages) == [["header", "row", "row"], ["header", "row"], ["header", "row", "row"]]
    assert cut_lines(pages) == [
        [range(0, 3), range(3, 8)],
        [range(8, 16)],
        [range(16, 23), range(23, 24)],
    ]
    for page in pages:
        assert all(p.top + p.slice.height <= 100 for p in page.placed)


def test_a_row_that_fits_an_empty_page_below_its_header_moves_whole() -> None:
    header = piece(20, "header", keep_with_next=True)
    rows = [lined(range(0, 5), header), lined(range(5, 13), header)]
    pages = paginate([header, *rows], 100)
    assert cut_lines(pages) == [[range(0, 5)], [range(5, 13)]]
    assert kinds(pages)[1] == ["header", "row"]


def test_a_header_is_not_left_alone_at_the_bottom_of_a_page() -> None:
    header = piece(20, "header", keep_with_next=True)
    tall = lined(range(0, 30), header)
    pages = paginate([piece(75, "text"), header, tall], 100)
    assert kinds(pages)[0] == ["text"], "no room for the header and a line: both move"
    assert cut_lines(pages)[1] == [range(0, 8)]
    pages = paginate([piece(65, "text"), header, lined(range(0, 30), header)], 100)
    assert kinds(pages)[0] == ["text", "header", "row"], "the header keeps the row's first line"
    assert cut_lines(pages)[0] == [range(0, 1)]
    assert sum(len(r) for page in cut_lines(pages) for r in page) == 30


def test_a_row_that_cannot_be_cut_still_moves_whole() -> None:
    pages = paginate([piece(50, "text"), piece(150, "chart"), piece(10, "text")], 100)
    assert kinds(pages) == [["text"], ["chart"], ["text"]]


def _live_slices() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, Slice))


def test_laid_out_slices_are_dropped_once_their_page_is_made(
    big_path: Path, tmp_path: Path, qapp: QApplication
) -> None:
    """However many pages the report has, only the page being made is held, not the ones before."""
    with Workbook.open(big_path, read_only=True) as wb:
        document = build_report(wb, ReportOptions("BIG", "en", 2022))
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(1200)
    writer.setPageLayout(PageSetup().page_layout())
    _, pages = page_flow(document, writer)
    held, placed = [], []
    for page in pages:
        placed.append(len(page.placed))
        held.append(_live_slices())
        del page
    assert len(placed) > 20
    assert sum(placed) > 10 * max(held), "the whole document is never laid out at once"
    # this page, the chain that moves to the next one, and the table's repeated header rows
    assert max(held) <= 2 * max(placed) + 4


def test_long_tables_of_a_big_plan_repeat_their_header(
    big_path: Path, tmp_path: Path, qapp: QApplication, pdf_text: Callable[..., str]
) -> None:
    with Workbook.open(big_path, read_only=True) as wb:
        document = build_report(wb, ReportOptions("BIG", "en", 2022))
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(1200)
    writer.setPageLayout(PageSetup().page_layout())
    frame, pages = page_flow(document, writer)
    height = frame.content.height()
    for page in pages:
        for placed in page.placed:
            assert placed.top + placed.slice.height <= height + 0.01 or len(page.placed) == 1
        first = page.placed[0].slice
        assert first.kind != "row" or first.header is None, "a row opens a page without header"
    out = tmp_path / "big.pdf"
    count = write_pdf(document, out)
    continued = [
        n
        for n in range(1, count + 1)
        if "All targets at a glance (continued)" in pdf_text(out, n, n)
    ]
    assert len(continued) >= 2
    for n in continued:
        assert "Code Target Unit Baseline Latest" in pdf_text(out, n, n)


def _rows_per_page(table: Table, room_in_rows: float, tmp_path: Path) -> list[int]:
    """How many of the table's rows each page holds, when the first page has room for
    `room_in_rows` rows below what came before."""
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(1200)
    writer.setPageLayout(PageSetup().page_layout())
    kit = Kit.for_device(writer)
    slices = list(table_slices(table, kit, kit.scale.mm(150)))
    row = max(s.height for s in slices if s.kind == "row")
    page = row * 12
    before = piece(page - row * room_in_rows)
    pages = paginate([before, *slices], page)
    return [sum(p.slice.kind == "row" for p in page.placed) for page in pages]


def test_no_table_row_is_left_alone_and_key_figures_stay_whole(
    tmp_path: Path, qapp: QApplication
) -> None:
    rows = tuple((Cell(f"row {n}"), Cell(str(n))) for n in range(8))
    columns = (Column("what"), Column("value"))
    listed = Table(columns, rows)
    assert _rows_per_page(listed, 1.2, tmp_path) == [0, 8]  # not one row, then seven
    assert _rows_per_page(listed, 8.3, tmp_path) == [6, 2]  # not seven rows, then one
    key_figures = Table(columns, rows, header=False)
    assert _rows_per_page(key_figures, 6.5, tmp_path) == [0, 8]  # whole on the next page


def test_a_target_running_onto_a_new_page_names_itself_there(
    demo_path: Path, tmp_path: Path, qapp: QApplication, pdf_text: Callable[..., str]
) -> None:
    """LJ-GDP's key figures go over to the next page, which said nothing of whose they are."""
    with Workbook.open(demo_path, read_only=True) as wb:
        document = build_report(wb, ReportOptions("LJ2025", "en", 2023))
    out = tmp_path / "lj.pdf"
    count = write_pdf(document, out)
    pages = [pdf_text(out, n, n) for n in range(1, count + 1)]
    heading = next(n for n, text in enumerate(pages) if "LJ-GDP GDP of the whole new area" in text)
    running_on = [
        text for text in pages[heading + 1 :] if "GDP of the whole new area (continued)" in text
    ]
    assert running_on and "Key figures" in running_on[0]
    assert all("area (continued)" not in text for text in pages[: heading + 1])


def test_a_status_mark_in_a_table_stays_on_one_line(
    demo_path: Path, tmp_path: Path, qapp: QApplication, pdf_text: Callable[..., str]
) -> None:
    """The mark under a status was measured without the status symbol before it, so its
    column came out too narrow and "2022年数据待" ended one line, "录入" began the next."""
    for lang, mark in (("zh", "2022年数据待录入"), ("en", "2022 figure not in yet")):
        with Workbook.open(demo_path, read_only=True) as wb:
            document = build_report(wb, ReportOptions("CQ2022", lang, 2022))
        out = tmp_path / f"cq-{lang}.pdf"
        write_pdf(document, out)
        assert pdf_text(out, 2, 2).count(mark) == 3  # under each awaited status in the overview


def test_the_overview_keeps_a_goal_s_words_whole_in_chinese(
    demo_path: Path, tmp_path: Path, qapp: QApplication, pdf_text: Callable[..., str]
) -> None:
    """A narrow goal column broke "监测：应提高" into "监测：应提" and "高", and "2025年不低于
    5,000亿元" into "2025年不", "低于" and the amount."""
    with Workbook.open(demo_path, read_only=True) as wb:
        document = build_report(wb, ReportOptions("LJ2025", "zh", 2025))
    out = tmp_path / "lj-zh.pdf"
    write_pdf(document, out)
    page = pdf_text(out, 3, 3)
    assert page.count("监测：应提高") == 8  # every monitoring indicator of the plan but LJ-POP
    assert "不低于" in page
    assert page.count("2020年") == 6  # the baselines' year, as the latest figures' is written


def test_a_table_cell_ends_with_no_lone_character(
    demo_path: Path, tmp_path: Path, qapp: QApplication, pdf_text: Callable[..., str]
) -> None:
    """The overview broke "占重庆市地区生产总值比重" into a line and a lone "重", beside an
    old figure's "2023年，估算，比2025年早2年" that kept the latest column wide."""
    with Workbook.open(demo_path, read_only=True) as wb:
        document = build_report(wb, ReportOptions("LJ2025", "zh", 2025))
    out = tmp_path / "lj-zh.pdf"
    write_pdf(document, out)
    page = pdf_text(out, 3, 3)
    assert "2023年，估算 比2025年早2年" in page  # how old on a line of its own
    for evened in ("生产总值比重", "利用外资比重"):  # the name's last line as long as it can be
        assert evened in page


def test_evening_out_a_cell_breaks_no_word_the_plain_wrap_kept_whole(
    tmp_path: Path, qapp: QApplication
) -> None:
    """ "Urbanisation rate" came out "Urbanisa / tion rate": a narrower width kept the number
    of lines by breaking the word."""
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(1200)
    writer.setPageLayout(PageSetup().page_layout())
    kit = Kit.for_device(writer)
    font = style.font("table")
    for text in ("Urbanisation rate", "Telecommunications x", "Industrial output value"):
        words = set(text.split())
        for mm in range(8, 60):
            plain = wrap(text, font, kit, kit.scale.mm(mm))
            evened = balanced_wrap(text, font, kit, kit.scale.mm(mm))
            if all(part in words for line in plain.texts for part in line.split()):
                assert all(part in words for line in evened.texts for part in line.split()), (
                    mm,
                    evened.texts,
                )
            assert len(evened.texts) == len(plain.texts)


def test_a_number_stays_with_the_chinese_word_after_it(
    demo_path: Path, tmp_path: Path, qapp: QApplication, pdf_text: Callable[..., str]
) -> None:
    """An explanation broke "2023" from "年数据为估算数据", and a source's note "重庆市2020"
    from "年地区生产总值": Chinese may break between any two characters, but not there."""
    with Workbook.open(demo_path, read_only=True) as wb:
        document = build_report(wb, ReportOptions("LJ2025", "zh", 2025))
    out = tmp_path / "lj-zh.pdf"
    write_pdf(document, out)
    report = pdf_text(out)
    assert "2023年数据为估算数据" in report
    assert "2023 年数据" not in report and "2020 年地区生产总值" not in report


def test_no_width_parts_a_number_from_its_unit(tmp_path: Path, qapp: QApplication) -> None:
    """ "实现2025年30微克/" ended a line and "立方米目标" began the next: only the unit's first
    character was kept with its number. The report's targets' units are kept whole."""
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(1200)
    units = ("亿元", "微克/立方米", "万千瓦时", "平方公里", "%")
    kit = Kit.for_device(writer, units)
    font = style.font("lead")
    narrow = QFontMetricsF(font, kit.device).horizontalAdvance("2.6") + 1
    assert wrap("2.6 %", font, kit, narrow).texts == ("2.6", "%")  # broken there anyway
    sentence = (
        "最新数据为2023年，比2025年早2年。2023年数据为估算数据，增长2.6 %，约5,000 亿元，"
        "实现2025年30微克/立方米目标，发电量达到120万千瓦时，建成区面积达到88.5平方公里。"
    )
    for mm in range(25, 120):  # narrower, "2023年，" alone must break
        texts = wrap(sentence, font, kit, kit.scale.mm(mm)).texts
        assert "".join(texts).replace(" ", "") == sentence.replace(" ", "")
        for line, after in pairwise(texts):
            for unit in ("年", *units):
                for n in range(len(unit)):
                    ends = tuple(f"{digit}{unit[:n]}" for digit in "0123456789")
                    assert not (line.endswith(ends) and after.startswith(unit[n])), (mm, texts)
    # what follows a unit is not kept with it: "目标" may start the next line
    assert units_kept_close("30微克/立方米目标", units).endswith("米目标")
    # a unit that is a phrase may break, or it would widen its column to swallow the page
    phrase = "个（累计新建和改扩建的城乡社区综合服务设施数量）"
    assert units_kept_close(f"2,000{phrase}", (phrase,)).count("\u2060") == 1  # "0" and "个"
    # a long number may leave its unit for the next line, but the unit is not split
    kept = units_kept_close("15,000,000.1 万千瓦时", units)
    assert kept == "15,000,000.1\u00a0万\u2060千\u2060瓦\u2060时"


def _laid_out(text: str, kit: Kit, width: float, mode: QTextOption.WrapMode) -> list[QTextLine]:
    """Qt's own layout of one paragraph, with numbers kept with their units: what the
    report's lines must match."""
    layout = QTextLayout(units_kept_close(text), style.font("table"), kit.device)
    option = QTextOption()
    option.setWrapMode(mode)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(line)
    layout.endLayout()
    _KEPT.append(layout)  # a line is valid while its layout lives
    return lines


_KEPT: list[QTextLayout] = []
SAMPLES = (
    "2,336.19",
    "1997",
    "Baseline",
    "T0001",
    "Urbanisation rate",
    "trailing spaces   ",
    "两江新区地区生产总值",
    "one\u2028two",  # a line separator breaks whatever the width
    "12.5 %",
    "比2025年早2年",
    "e-commerce",
    "—",
    "Staff",  # the hook of its last "f" reaches past its advance, and Qt counts it
    "bn CNY",
    "x\u00ad",  # a soft hyphen
    "مرحبا بالعالم",  # right to left: its text ends at the left
)


def test_lines_are_those_qt_lays_out_at_every_width(tmp_path: Path, qapp: QApplication) -> None:
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(1200)
    kit = Kit.for_device(writer)
    font = style.font("table")
    anywhere = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    for text in SAMPLES:
        advance = QFontMetricsF(font, kit.device).horizontalAdvance(text)
        at_the_edge = [advance + units for units in (-1, 0, 1, 2, 3, 4)]
        for width in [kit.scale.mm(mm) for mm in (1, 3, 6, 10, 20, 40, 80)] + at_the_edge:
            kept = units_kept_close(text)
            expected = tuple(
                as_typed(
                    kept[line.textStart() : line.textStart() + line.textLength()]
                    .rstrip()
                    .lstrip("\u00a0" if line.textStart() else "")
                )
                for line in _laid_out(text, kit, width, anywhere)
            )
            assert wrap(text, font, kit, width).texts == expected, (text, width)
        words = _laid_out(text, kit, 1.0, QTextOption.WrapMode.WordWrap)
        widest = max(line.naturalTextWidth() for line in words)
        assert longest_word_width(text, font, kit) == widest, text
    _KEPT.clear()


def test_a_chart_s_value_ticks_are_written_alike() -> None:
    """Ticks read "27.5 / 27 / 26.5", as if whole and fractional figures were mixed."""
    assert tick_labels(nice_ticks(26.6, 27.4)) == [
        "26.4",
        "26.6",
        "26.8",
        "27.0",
        "27.2",
        "27.4",
        "27.6",
    ]
    assert tick_labels([26.5, 27.0, 27.5]) == ["26.5", "27.0", "27.5"]
    assert tick_labels([0.1, 0.12, 0.14]) == ["0.10", "0.12", "0.14"]
    assert tick_labels([-0.5, 0.0, 0.5]) == ["-0.5", "0.0", "0.5"]
    assert tick_labels([3500.0, 3750.0, 4000.0]) == ["3,500", "3,750", "4,000"]
