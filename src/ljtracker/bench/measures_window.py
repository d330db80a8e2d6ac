"""The measures inside one window: a plan's dashboard, and editing a figure in the yearly table.

The window is the application's own, opened as the program opens it (`first_window`, with
the navigator, the dashboard and the target page all listening to the session); a measure ends
when the event loop has painted what the change redraws.
"""

from __future__ import annotations

import gc
import shutil
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from ljtracker.bench.timing import Figure, median, percentile
from ljtracker.storage import reads
from ljtracker.ui import app
from ljtracker.ui.figure_cells import Field, plain_number
from ljtracker.ui.main_window import MainWindow

FRAME_MS = 16.0
PAINT_DEADLINE_S = 10.0


class PaintCounter(QObject):
    """Counts the paint events of some widgets."""

    def __init__(self, widgets: list[QWidget]) -> None:
        super().__init__()
        self.counts = {id(w): 0 for w in widgets}
        self._widgets = widgets
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and id(watched) in self.counts:
            self.counts[id(watched)] += 1
        return False

    def snapshot(self) -> list[int]:
        return [self.counts[id(w)] for w in self._widgets]

    def close(self) -> None:
        for widget in self._widgets:
            widget.removeEventFilter(self)


def until_painted(counter: PaintCounter, action: Callable[[], object]) -> float:
    """Seconds from the start of `action` until every counted widget has painted again."""
    qapp = QApplication.instance()
    assert qapp is not None
    before = counter.snapshot()
    start = time.perf_counter()
    action()
    while any(a == b for a, b in zip(counter.snapshot(), before, strict=True)):
        qapp.processEvents()
        if time.perf_counter() - start > PAINT_DEADLINE_S:
            raise RuntimeError("the window did not repaint after the change")
    return time.perf_counter() - start


def open_window(path: Path) -> MainWindow:
    """The window opened as the program opens it, waited for until it has been painted and
    what follows its first paint has run."""
    gc.collect()  # what the measures before left behind, which a started program has not
    app.prepare_application()
    window = app.first_window([str(path)])
    window.resize(1400, 900)
    window.show()
    qapp = QApplication.instance()
    assert qapp is not None
    deadline = time.perf_counter() + PAINT_DEADLINE_S
    while not gc.isenabled() and time.perf_counter() < deadline:
        qapp.processEvents()
    if not gc.isenabled():
        raise RuntimeError("the window was not painted")
    qapp.processEvents()
    return window


def _largest_plans(window: MainWindow) -> list[int]:
    assert window.session is not None
    rows = window.session.workbook.conn.execute(
        "SELECT plan_id FROM target GROUP BY plan_id ORDER BY count(*) DESC, plan_id"
    )
    return [plan_id for (plan_id,) in rows]


def dashboard_figure(window: MainWindow, runs: int) -> Figure:
    """The largest plan's dashboard built and painted, coming from another plan's."""
    largest, other = _largest_plans(window)[:2]
    dashboard = window.views["dashboard"]
    counter = PaintCounter([dashboard.table.viewport(), dashboard.chart.plot.viewport()])
    samples = []
    try:
        for _ in range(runs):
            window.show_plan(other)
            QApplication.processEvents()
            samples.append(1000 * until_painted(counter, lambda: window.show_plan(largest)))
    finally:
        counter.close()
    return Figure(
        "dashboard_largest_plan_ms",
        "Dashboard of the largest plan, built and painted",
        median(samples),
        "ms",
        tuple(samples),
    )


def _target_with_figures(window: MainWindow) -> tuple[int, int]:
    """A target of the largest plan and the year of its latest figure."""
    assert window.session is not None
    wb = window.session.workbook
    plan_id = _largest_plans(window)[0]
    target = next(t for t in reads.targets(wb, plan_id) if t.baseline_value is not None)
    assert target.id is not None
    latest = max(o.year for o in reads.observations(wb, [target.id]))
    return target.id, latest


def edit_figures(window: MainWindow, edits: int) -> list[Figure]:
    """Typing a new value into the yearly table, as its delegate commits it, until the chart and
    the status have been redrawn."""
    target_id, year = _target_with_figures(window)
    window.show_target(target_id)
    QApplication.processEvents()
    page = window.views["target"]
    model = page.table_model
    row = model.row_for_year(year)
    assert row is not None
    index = model.index(row, model.column_of(Field.VALUE))
    first = model.figure_row(row).value
    assert first is not None
    counter = PaintCounter([page.chart.viewport(), page.explanation])
    samples = []
    try:
        for number in range(edits):
            value = round(first * (1 + 0.001 * (1 + number % 7)), 4)
            if value == model.figure_row(row).value:
                value = round(value * 1.0005, 4)
            commit = partial(model.setData, index, plain_number(value), Qt.ItemDataRole.EditRole)
            samples.append(1000 * until_painted(counter, commit))
            shown = page.progress.assessment.latest
            if shown is None or shown.value != value:
                raise RuntimeError("the target page does not show the edited figure")
    finally:
        counter.close()
    p95 = percentile(samples, 0.95)
    return [
        Figure(
            "edit_latency_median_ms",
            f"Edit a figure until chart and status are redrawn, median of {edits}",
            median(samples),
            "ms",
            tuple(samples),
        ),
        Figure(
            "edit_latency_p95_ms",
            f"Edit a figure until chart and status are redrawn, 95th percentile of {edits}",
            p95,
            "ms",
            tuple(samples),
            floor=FRAME_MS,
            ratio=p95 / FRAME_MS,
            goal=f"< {FRAME_MS:g} ms (one frame)",
            met=p95 < FRAME_MS,
        ),
    ]


def window_figures(large: Path, scratch: Path, runs: int, edits: int) -> list[Figure]:
    copy = scratch / "window.ljt"
    copy.unlink(missing_ok=True)
    shutil.copyfile(large, copy)
    window = open_window(copy)
    try:
        return [dashboard_figure(window, runs), *edit_figures(window, edits)]
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()
        gc.unfreeze()  # what opening the window set aside, for the measures that follow
