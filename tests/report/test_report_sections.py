"""The report made section by section: the same pages as the document made whole, less memory."""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import date
from enum import Enum
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from ljtracker.domain.model import Observation, Quality
from ljtracker.report import blocks, charts, style, tables, textflow
from ljtracker.report.builder import ReportOptions, build_report
from ljtracker.report.chart_marks import MARKER_MM
from ljtracker.report.context import Figures
from ljtracker.report.document import ChartPoint, Document, ProgressChart, Table
from ljtracker.report.fingerprint import Fingerprint
from ljtracker.report.flow import Kit
from ljtracker.report.render import PageSetup, page_flow, paint_document, write_pdf
from ljtracker.services.progress import plan_progress
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook


def build(path: Path, code: str, lang: str, year: int | None = None) -> Document:
    with Workbook.open(path, read_only=True) as wb:
        options = ReportOptions(code, lang, year)  # type: ignore[arg-type]
        return build_report(wb, options, today=date(2026, 3, 1))


def writer(path: Path) -> QPdfWriter:
    device = QPdfWriter(str(path))
    device.setResolution(1200)
    device.setPageLayout(PageSetup().page_layout())
    return device


def layout(document: Document, folder: Path) -> list[list[tuple[str, float, float]]]:
    """Every page as the kind, top and height of each slice placed on it."""
    _, pages = page_flow(document, writer(folder / "layout.pdf"))
    return [[(p.slice.kind, p.top, p.slice.height) for p in page.placed] for page in pages]


@pytest.mark.parametrize(
    ("fixture", "code", "lang"),
    [
        ("demo_path", "LJ2025", "en"),
        ("demo_path", "LJ2025", "zh"),
        ("big_path", "BIG", "en"),
        ("tall_path", "TALL", "zh"),
    ],
)
def test_pages_are_the_same_whether_built_in_one_go_or_section_by_section(
    fixture: str,
    code: str,
    lang: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    qapp: QApplication,
    pdf_text: Callable[..., str],
) -> None:
    lazy = build(request.getfixturevalue(fixture), code, lang)
    whole = replace(lazy, blocks=tuple(lazy.blocks))
    pages = layout(lazy, tmp_path)
    assert len(pages) > 5
    assert pages == layout(whole, tmp_path)
    assert write_pdf(lazy, tmp_path / "lazy.pdf") == write_pdf(whole, tmp_path / "whole.pdf")
    assert pdf_text(tmp_path / "lazy.pdf") == pdf_text(tmp_path / "whole.pdf")


def _live_charts() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, ProgressChart))


def test_target_sections_exist_only_while_they_are_laid_out(
    big_path: Path, tmp_path: Path, qapp: QApplication
) -> None:
    document = build(big_path, "BIG", "en", 2022)
    assert _live_charts() == 0, "building the report makes no target section yet"
    _, pages = page_flow(document, writer(tmp_path / "probe.pdf"))
    charts, held = 0, []
    for page in pages:
        charts += sum(1 for p in page.placed if p.slice.kind == "chart")
        held.append(_live_charts())
        del page
    assert charts == 60
    assert max(held) <= 3, "only the sections on the page being made, and the next one"
    assert _live_charts() == 0


def _canonical(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    return value


def _row(value: Any, **extra: Any) -> dict[str, Any]:
    ids = ("id", "plan_id", "area_id", "target_id")
    row = {k: _canonical(v) for k, v in asdict(value).items() if k not in ids}
    return row | extra


def whole_plan_fingerprint(path: Path, code: str) -> str:
    """The fingerprint as defined: SHA-256 of the plan's canonical JSON written in one go."""
    with Workbook.open(path, read_only=True) as wb:
        plan = reads.plan_by_code(wb, code)
        assert plan is not None
        progress = plan_progress(wb, plan)
    # positions as places in the order the report shows (targets area by area)
    areas = sorted(progress.areas, key=lambda a: (a.position, a.name_en))
    place = {a.id: rank for rank, a in enumerate(areas)}
    shown = {r.target.id: rank for rank, r in enumerate(progress.targets)}
    document = {
        "plan": _row(plan),
        "areas": [_row(a, position=rank) for rank, a in enumerate(areas)],
        "targets": [
            _row(
                r.target,
                position=shown[r.target.id],
                area=place.get(r.target.area_id),
                observations=[_row(o) for o in sorted(r.observations, key=lambda o: o.year)],
            )
            for r in sorted(progress.targets, key=lambda r: r.target.code)
        ],
    }
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def test_fingerprint_hashed_target_by_target_is_that_of_the_whole_plan(
    demo_path: Path, mixed_path: Path
) -> None:
    with Workbook.open(demo_path, read_only=True) as wb:
        codes = [p.code for p in reads.plans(wb)]
    assert len(codes) >= 3
    for code in codes:
        assert build(demo_path, code, "en").fingerprint == whole_plan_fingerprint(demo_path, code)
    assert build(mixed_path, "MIX", "zh").fingerprint == whole_plan_fingerprint(mixed_path, "MIX")


def test_fingerprint_takes_targets_in_the_order_of_their_codes(demo_path: Path) -> None:
    with Workbook.open(demo_path, read_only=True) as wb:
        plan = reads.plan_by_code(wb, "LJ2025")
        assert plan is not None and plan.id is not None
        targets = sorted(reads.targets(wb, plan.id), key=lambda t: t.code)
    fingerprint = Fingerprint(plan, [], targets)
    fingerprint.add(targets[1], [])
    with pytest.raises(ValueError, match="order of their codes"):
        fingerprint.add(targets[0], [])


def test_figures_held_compactly_give_back_the_figures_read() -> None:
    read = [
        Observation(7, 2021, 4100.5, Quality.OFFICIAL, "Yearbook 2022", "", id=1),
        Observation(7, 2022, -3.25, Quality.ESTIMATE, "Bulletin", "revised", id=2),
        Observation(7, 2023, 1e15, Quality.PRELIMINARY, "Yearbook " + "2022", "", id=3),
    ]
    texts: dict[str, str] = {}
    figures = Figures.of(read, texts)
    assert figures.observations(7) == tuple(replace(o, id=None) for o in read)
    assert figures.sources[0] is figures.sources[2], "a repeated source is held once"
    assert Figures.of([], texts).observations(7) == ()


LONG_CELL = " ".join(
    ["T0001 1996, 1997, 1998 (baseline);", "两江新区地区生产总值（亿元），", "“quoted”"] * 12
    + ["https://example.org/a/long/path/" + "x" * 150, "🙂a " * 20]
)


@pytest.mark.parametrize("width_mm", [0.0, 20.0, 70.0])
def test_a_long_text_laid_out_in_windows_breaks_as_when_laid_out_whole(
    width_mm: float, tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = Kit.for_device(writer(tmp_path / "probe.pdf"))
    width = kit.scale.mm(width_mm)
    font = style.font("table")
    monkeypatch.setattr(textflow, "WINDOW", 10**9)
    lines = textflow.wrap(LONG_CELL, font, Kit(kit.device, kit.scale), width).texts
    word = textflow.longest_word_width(LONG_CELL, font, Kit(kit.device, kit.scale))
    assert len(lines) > 10 or width_mm == 0.0
    for window in (40, 97, 500):
        monkeypatch.setattr(textflow, "WINDOW", window)
        fresh = Kit(kit.device, kit.scale)
        assert textflow.wrap(LONG_CELL, font, fresh, width).texts == lines, window
        assert textflow.longest_word_width(LONG_CELL, font, fresh) == word, window


def test_painting_takes_the_column_widths_the_page_count_measured(
    big_path: Path, tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    measured: list[int] = []
    real = tables.column_widths

    def counted(table: Table, kit: Kit, width: float) -> list[float]:
        measured.append(len(table.rows))
        return real(table, kit, width)

    monkeypatch.setattr(tables, "column_widths", counted)
    document = build(big_path, "BIG", "en", 2022)
    tables_in_document = sum(1 for b in document.blocks if isinstance(b, Table))
    assert paint_document(document, writer(tmp_path / "big.pdf")) > 10
    assert len(measured) == tables_in_document > 60, "each table measured once, not twice"


def test_the_target_marker_is_painted_beneath_the_figures(
    demo_path: Path, tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A figure of the target year just short of the target was hidden under its marker."""
    with Workbook.open(demo_path, read_only=True) as wb:
        document = build_report(wb, ReportOptions(plan_code="LJ2025", lang="en"))
    chart = next(b for b in document.blocks if isinstance(b, ProgressChart) and b.target)
    painted: list[str] = []
    monkeypatch.setattr(charts, "paint_marker", lambda *args: painted.append(args[3]))
    monkeypatch.setattr(charts, "_paint_observed", lambda *args: painted.append("figures"))
    kit = Kit.for_device(writer(tmp_path / "probe.pdf"))
    image = QImage(900, 600, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        charts.paint_progress_chart(painter, QRectF(0, 0, 900, 600), chart, kit)
    finally:
        painter.end()
    assert painted.index("target") < painted.index("figures")


def test_the_latest_figure_is_labelled_above_its_marker_clear_of_the_rising_line(
    demo_path: Path, tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A latest figure just under the axis's top tick (2,950 of 3,000) had its label put
    beneath the marker, on the line rising to it; the axis now reaches high enough."""
    with Workbook.open(demo_path, read_only=True) as wb:
        document = build_report(wb, ReportOptions(plan_code="LJ2025", lang="en"))
    shown = next(b for b in document.blocks if isinstance(b, ProgressChart))
    rising = (ChartPoint(2021, 2271.0), ChartPoint(2024, 2800.0), ChartPoint(2025, 2950.0))
    chart = replace(
        shown, series=rising, baseline=None, target=None, band=None, planned=(), projection=()
    )
    room_above: list[float] = []  # between the plot's top and the top of a label above
    real = charts._label_latest

    def label(painter: QPainter, kit: Kit, frame: Any, chart: Any, fm: Any) -> None:
        label_top = frame.point(chart.series[-1]).y() - charts._label_gap(kit) - fm.ascent()
        room_above.append(label_top - frame.plot.top())
        real(painter, kit, frame, chart, fm)

    monkeypatch.setattr(charts, "_label_latest", label)
    paint_as_on_a_page(chart, tmp_path)
    assert room_above and room_above[0] > 0


def paint_as_on_a_page(chart: ProgressChart, tmp_path: Path) -> None:
    """Paint the chart as wide as an A4 page's text."""
    kit = Kit.for_device(writer(tmp_path / "probe.pdf"))
    width = kit.scale.mm(170)
    image = QImage(800, 400, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        rect = QRectF(0, 0, width, blocks.chart_height(kit, width))
        charts.paint_progress_chart(painter, rect, chart, kit)
    finally:
        painter.end()


def label_places(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **changes: Any
) -> tuple[QRectF, Any]:
    """Where LJ-GDP's chart, changed so, puts its latest figure's label; its frame and chart."""
    with Workbook.open(demo_path, read_only=True) as wb:
        document = build_report(wb, ReportOptions(plan_code="LJ2025", lang="en"))
    shown = next(b for b in document.blocks if isinstance(b, ProgressChart) and b.target)
    assert shown.target is not None and shown.target.value == 5000.0
    chart = replace(shown, projection=(), **changes)
    found: list[tuple[QRectF, Any]] = []
    real = charts._label_latest

    def label(painter: QPainter, kit: Kit, frame: Any, drawn: Any, fm: Any) -> None:
        found.append((charts.latest_label_box(kit, frame, drawn, fm), frame))
        real(painter, kit, frame, drawn, fm)

    monkeypatch.setattr(charts, "_label_latest", label)
    paint_as_on_a_page(chart, tmp_path)
    ((box, frame),) = found
    return box, frame


def crosses(box: QRectF, start: QPointF, end: QPointF) -> bool:
    """Whether the segment from `start` to `end` runs through the box."""
    steps = 200
    return any(box.contains(start + (end - start) * (i / steps)) for i in range(steps + 1))


def test_the_latest_figure_s_label_is_not_written_on_the_target_s_line(
    demo_path: Path, tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """4,900 against at least 5,000 by 2025: its label sat on the target's line, left of the
    target's marker, and read as the target."""
    missed = (ChartPoint(2020, 3750.0), ChartPoint(2021, 4000.0), ChartPoint(2025, 4900.0))
    box, frame = label_places(demo_path, tmp_path, monkeypatch, series=missed, as_of_year=2025)
    line = frame.y(5000.0)
    at = frame.point(missed[-1])
    assert not box.top() <= line <= box.bottom()
    assert not box.contains(at)


def test_the_latest_figure_s_label_keeps_off_the_line_rising_to_it(
    demo_path: Path, tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """4,950 in 2023, just under the target's line: put beneath its marker, the label sat on
    the line rising to it from 4,600 in 2022."""
    rising = (ChartPoint(2021, 4300.0), ChartPoint(2022, 4600.0), ChartPoint(2023, 4950.0))
    box, frame = label_places(
        demo_path, tmp_path, monkeypatch, series=rising, baseline=None, as_of_year=2023
    )
    line = frame.y(5000.0)
    assert not box.top() <= line <= box.bottom()
    points = [frame.point(p) for p in rising]
    assert not any(crosses(box, a, b) for a, b in pairwise(points))


def test_a_label_beside_a_baseline_s_square_does_not_touch_it(
    demo_path: Path, tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A target's only figure, its baseline, drawn as a square wider than a figure's dot: the
    label, kept as far as from a dot, touched the square."""
    only = (ChartPoint(2020, 3750.0),)
    box, frame = label_places(demo_path, tmp_path, monkeypatch, series=only, as_of_year=2021)
    kit = Kit.for_device(writer(tmp_path / "same.pdf"))
    half = kit.scale.mm(MARKER_MM) / 2 * 1.45 + kit.scale.mm(0.35) / 2  # as painted
    at = frame.point(only[0])
    square = QRectF(at.x() - half, at.y() - half, 2 * half, 2 * half)
    assert not box.intersects(square)
