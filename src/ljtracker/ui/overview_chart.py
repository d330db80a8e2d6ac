"""Achievement against time elapsed for every target of a plan: who is ahead of schedule."""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainterPath, QPalette, QPolygonF, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ljtracker.domain import wording
from ljtracker.domain.model import Comparator, Status
from ljtracker.domain.number_text import format_ratio
from ljtracker.domain.status_look import MISSED, Shown, every_shown
from ljtracker.services.progress import TargetProgress
from ljtracker.ui import status_style

LABELLED_POINTS = 15  # above this many points, codes are left to the hover tooltip
LOWEST, HIGHEST = -1.0, 2.0  # the chart's bounds along the path: 100 % behind, 100 % ahead
LABEL_CODES = 3  # codes in one label; more are counted ("GDP, RD, DIG +2")
# where a label may go, in turn, as its anchor: right of its point and above, left and above,
# right and below, left and below
LABEL_ANCHORS = ((-0.1, 1.0), (1.1, 1.0), (-0.1, 0.0), (1.1, 0.0))
MARKER_SIZE = 15  # a point's marker, in pixels across


def _check_symbol() -> QPainterPath:
    """A thick check mark, as a closed shape so it can be filled like the other symbols."""
    points = [(-0.5, 0.0), (-0.3, -0.18), (-0.12, 0.08), (0.32, -0.48), (0.5, -0.3), (-0.12, 0.45)]
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    path.closeSubpath()
    return path


def _exclamation_symbol() -> QPainterPath:
    """An exclamation mark: a bar and a dot beneath it."""
    path = QPainterPath()
    path.addRect(QRectF(-0.13, -0.5, 0.26, 0.65))
    path.addEllipse(QPointF(0.0, 0.37), 0.14, 0.14)
    return path


SYMBOLS: dict[Shown, str | QPainterPath] = {
    Status.TARGET_ACHIEVED: "star",
    Status.ON_TRACK: _check_symbol(),
    Status.NEEDS_ACCELERATION: "t1",
    Status.LIMITED_PROGRESS: "d",
    Status.DETERIORATION: "x",
    Status.NOT_ASSESSABLE: "_",
    MISSED: _exclamation_symbol(),
}


@dataclass(frozen=True)
class ChartPoint:
    target_id: int
    code: str
    name: str
    elapsed: float
    achievement: float
    status: Shown  # as the table counts it: "missed" once its year has come unmet
    # how far along its planned path the target is: time elapsed (up to the target year) x
    # schedule index, which is its achievement on a straight path and after the target year,
    # so that on schedule is the diagonal for every path
    along_path: float
    schedule_index: float | None = None

    @property
    def on_chart(self) -> float:
        """Where the point is drawn: along its path, but within the chart's bounds, so that
        one target far ahead or behind does not squeeze every other onto a line."""
        return min(max(self.along_path, LOWEST), HIGHEST)

    @property
    def beyond(self) -> bool:
        return self.on_chart != self.along_path

    @property
    def off_straight_path(self) -> bool:
        return not math.isclose(self.along_path, self.achievement, rel_tol=1e-9, abs_tol=1e-9)


def chart_points(rows: Sequence[TargetProgress], lang: str) -> list[ChartPoint]:
    """The targets that have both an achievement and a time elapsed."""
    points = []
    for row in rows:
        a, t = row.assessment, row.target
        achievement, elapsed = a.achievement.value, a.elapsed.value
        if achievement is None or elapsed is None or t.id is None or is_band(row):
            continue
        index = a.schedule_index.value
        along = achievement if index is None else min(elapsed, 1.0) * index
        points.append(
            ChartPoint(
                t.id,
                t.code,
                wording.name(t, lang),
                elapsed,
                achievement,
                a.shown,
                along,
                index,
            )
        )
    return points


def is_band(row: TargetProgress) -> bool:
    """A band target, judged by whether its figure is inside the band, not by progress along a
    path: drawn by its achievement, one beyond the band would stand furthest ahead, and one
    inside it short of its centre behind."""
    return row.target.comparator is Comparator.ABOUT


def point_tip(point: ChartPoint, lang: str) -> str:
    """Hover text: the target's code and name, its status and the numbers that place it."""
    label = status_style.label(point.status, lang)
    lines = [
        QCoreApplication.translate("OverviewChart", "Achievement {0}, time elapsed {1}").format(
            format_ratio(point.achievement), format_ratio(point.elapsed)
        )
    ]
    if point.off_straight_path and point.schedule_index is not None:
        lines.append(
            QCoreApplication.translate(
                "OverviewChart", "Placed at {0} along its planned path (schedule index {1})"
            ).format(format_ratio(point.along_path), format_ratio(point.schedule_index))
        )
    body = "<br>".join(html.escape(line) for line in [label, *lines])
    return f"<p><b>{html.escape(point.code)}</b> {html.escape(point.name)}<br>{body}</p>"


# a group's label as placed at the chart's size, and where it lies, in the chart's units
Placing = Callable[[Sequence[ChartPoint]], tuple[str, QRectF]]


def label_text(group: Sequence[ChartPoint], shown: int = LABEL_CODES) -> str:
    """The codes of a group's first `shown` points, the others counted ("GDP, RD +2")."""
    codes = [p.code for p in group]
    text = ", ".join(codes[:shown])
    if len(codes) > shown:
        text += f" +{len(codes) - shown}"
    return text


def top_first(group: Sequence[ChartPoint]) -> list[ChartPoint]:
    """A group's points, the one its label stands beside first."""
    return sorted(group, key=lambda p: (-p.on_chart, p.code))


def label_groups(
    points: Sequence[ChartPoint],
    x_span: float,
    y_span: float,
    placing: Placing | None = None,
) -> list[list[ChartPoint]]:
    """Points near one another share one label placed at the highest of them ("GDP, RD";
    "GDP, RD, DIG +3" for more), so that codes are not drawn over each other. A group holds
    only points all near each other, so that no label stands far from a point it names; the
    same however the points are ordered. Where `placing` tells how labels are written and
    where they lie at the chart's size, groups of points a few lines apart whose labels would
    still overlap join."""

    def near(a: ChartPoint, b: ChartPoint) -> bool:
        return (
            abs(a.elapsed - b.elapsed) <= 0.04 * x_span
            and abs(a.on_chart - b.on_chart) <= 0.08 * y_span
        )

    groups: list[list[ChartPoint]] = []
    for point in sorted(points, key=lambda p: (p.elapsed, p.on_chart, p.code)):
        group = next((g for g in groups if all(near(point, other) for other in g)), None)
        if group is None:
            groups.append([point])
        else:
            group.append(point)
    groups = [top_first(group) for group in groups]
    while placing is not None:
        spots = [placing(group)[1] for group in groups]
        pair = next(
            (
                (i, j)
                for i, j in combinations(range(len(groups)), 2)
                if spots[i].intersects(spots[j])
                and abs(groups[i][0].elapsed - groups[j][0].elapsed) <= 0.04 * x_span
                and abs(groups[i][0].on_chart - groups[j][0].on_chart) <= 3 * spots[i].height()
            ),
            None,
        )  # labels of points further apart find other places, below
        if pair is None:
            break
        first, second = pair
        groups[first] = top_first(groups[first] + groups[second])
        del groups[second]
    return groups


def _area(rect: QRectF) -> float:
    return max(0.0, rect.width()) * max(0.0, rect.height())


class OverviewChart(QWidget):
    """A scatter of targets (shape and color by status) with the on-schedule diagonal."""

    target_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(self)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMinimumHeight(180)
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing in it answers keys
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)
        self._points: list[ChartPoint] = []
        self._total = 0
        self._of_area = False  # the targets of one area, not of a whole plan
        self._lang = "en"
        self.scatters: dict[Shown, pg.ScatterPlotItem] = {}
        self._labels: list[pg.TextItem] = []
        self._labelled_at = (-1.0, -1.0)  # the chart's size when its labels were placed
        self._caption = ""
        self._unlabelled = 0  # points neither named nor counted by a label, for want of room
        self.plot.getPlotItem().getViewBox().sigResized.connect(self._place_labels)

    def set_rows(self, rows: Sequence[TargetProgress], lang: str, *, of_area: bool = False) -> None:
        """The targets of a plan, or of one area of it (`of_area`)."""
        self._of_area = of_area
        self._points = chart_points(rows, lang)
        self._total = len(rows)
        self._lang = lang
        self._draw()

    def points(self) -> list[ChartPoint]:
        return list(self._points)

    def showEvent(self, event: QShowEvent) -> None:
        """Labels placed while hidden were not measured: placed again once laid out."""
        super().showEvent(event)
        QTimer.singleShot(0, self, self._place_labels)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange):
            self._draw()
        super().changeEvent(event)

    def _colors(self) -> tuple[QColor, QColor]:
        palette = self.palette()
        return palette.color(QPalette.ColorRole.Window), palette.color(
            QPalette.ColorRole.WindowText
        )

    def _draw(self) -> None:
        background, foreground = self._colors()
        item = self.plot.getPlotItem()
        item.clear()
        self.scatters = {}
        self.plot.setBackground(background)
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(foreground)
            axis.setTextPen(foreground)
        item.setLabel("bottom", self.tr("Time elapsed"))
        placed_on_path = any(p.off_straight_path for p in self._points)
        item.setLabel(
            "left",
            self.tr("Progress along the planned path")
            if placed_on_path  # the axis then reads not quite the achievement of the table
            else self.tr("Achievement"),
        )
        item.showGrid(x=True, y=True, alpha=0.15)

        top = max([1.0] + [p.on_chart for p in self._points])
        right = max([1.0] + [p.elapsed for p in self._points])
        bottom = min([0.0] + [p.on_chart for p in self._points])
        diagonal_end = max(right, top)
        guide = QColor(foreground)
        guide.setAlphaF(0.6)
        item.plot(
            [0.0, diagonal_end],
            [0.0, diagonal_end],
            pen=pg.mkPen(guide, width=1.5, style=Qt.PenStyle.DashLine),
        )
        for status in every_shown():
            points = [p for p in self._points if p.status == status]
            if points:
                self._add_scatter(status, points, foreground)
        item.setXRange(0.0, right, padding=0.08)
        item.setYRange(bottom, top, padding=0.1)
        self._labels = []
        self._labelled_at = (-1.0, -1.0)
        caption = self.tr(
            "Above the dashed line: ahead of schedule (a target on a compound or milestone"
            " path is placed along its own path). {0} of {1} targets shown; the others"
            " have no target value, no figure after the baseline or a baseline that already"
            " met the target, or are about a value (a band), judged by whether the figure is"
            " inside the band."
        ).format(len(self._points), self._total)
        if not self._total and self._of_area:
            caption = self.tr("This area has no targets yet: New Target adds one.")
        elif not self._total:
            caption = self.tr("This plan has no targets yet: New Target adds one.")
        beyond = sum(p.beyond for p in self._points)
        if beyond == 1:
            caption += " " + self.tr(
                "1 target lies beyond the chart's edge and is drawn at it: point at it for its"
                " figures."
            )
        elif beyond:
            caption += " " + self.tr(
                "{0} targets lie beyond the chart's edge and are drawn at it: point at one for"
                " its figures."
            ).format(beyond)
        self._caption = caption
        self._unlabelled = 0
        self._place_labels()
        self._show_caption()

    def _show_caption(self) -> None:
        caption = self._caption
        if self._unlabelled == 1:
            caption += " " + self.tr(
                "1 target's code has no room beside it: point at it for its code."
            )
        elif self._unlabelled:
            caption += " " + self.tr(
                "{0} targets' codes have no room beside them: point at one for its code."
            ).format(self._unlabelled)
        self.caption.setText(caption)

    def _place_labels(self) -> None:
        """The points' codes, grouped so that no label is drawn over another or past the
        chart's edge at its size now: placed again when it is resized."""
        if len(self._points) > LABELLED_POINTS:
            return
        item = self.plot.getPlotItem()
        view = item.getViewBox()
        size = (view.width(), view.height()) if self.isVisible() else (0.0, 0.0)
        if size == self._labelled_at:
            return
        self._labelled_at = size
        for text in self._labels:
            item.removeItem(text)
        self._labels = []
        (left, right), (bottom, top) = item.viewRange()
        shown = QRectF(left, bottom, right - left, top - bottom)
        span = max([1.0] + [p.elapsed for p in self._points])

        measured: dict[str, tuple[float, float]] = {}  # each label's size, in chart units

        def spots(point: ChartPoint, label: str) -> list[tuple[tuple[float, float], QRectF]]:
            """Where a label may go beside its point, in turn, each inside the chart; the
            last moved into it (over its point) when it fits on no side."""
            if label not in measured:
                sample = pg.TextItem(label)  # kept while read: its text item goes with it
                box = sample.textItem.boundingRect()
                measured[label] = (
                    box.width() * (right - left) / size[0],
                    box.height() * (top - bottom) / size[1],
                )
            width, height = measured[label]
            beside = [
                (
                    anchor,
                    QRectF(
                        point.elapsed - anchor[0] * width,
                        point.on_chart - (1 - anchor[1]) * height,
                        width,
                        height,
                    ),
                )
                for anchor in LABEL_ANCHORS
            ]
            inside = [found for found in beside if shown.contains(found[1])]
            _, best = max(beside, key=lambda found: _area(found[1].intersected(shown)))
            moved = best.translated(
                max(0.0, shown.left() - best.left()) - max(0.0, best.right() - shown.right()),
                max(0.0, shown.top() - best.top()) - max(0.0, best.bottom() - shown.bottom()),
            )
            anchor = (
                (point.elapsed - moved.left()) / width,
                1 - (point.on_chart - moved.top()) / height,
            )
            return [*inside, (anchor, moved)]

        def placing(group: Sequence[ChartPoint]) -> tuple[str, QRectF]:
            """The group's label with as many codes as fit beside its point, and its spot."""
            for shown_codes in range(LABEL_CODES, 0, -1):
                text = label_text(group, shown_codes)
                found = spots(group[0], text)
                if len(found) > 1:  # one beside it fits
                    break
            return text, found[0][1]

        _, foreground = self._colors()
        low = min([0.0] + [p.on_chart for p in self._points])
        high = max([1.0] + [p.on_chart for p in self._points])
        if size[0] <= 0 or size[1] <= 0:  # laid out later, and placed again then
            for group in label_groups(self._points, span, high - low):
                point = group[0]
                anchor = (1.1, 1.0) if point.elapsed > 0.75 * span else (-0.1, 1.0)
                self._add_label(point, label_text(group), anchor, foreground)
            self._unlabelled = 0
            return
        half = (
            MARKER_SIZE / 2 * (right - left) / size[0],
            MARKER_SIZE / 2 * (top - bottom) / size[1],
        )
        markers = {
            p.target_id: QRectF(p.elapsed - half[0], p.on_chart - half[1], 2 * half[0], 2 * half[1])
            for p in self._points
        }

        # the chart, a hair wider: a label moved against its edge lies on it, not past it
        room = shown.adjusted(
            -1e-9 * shown.width(),
            -1e-9 * shown.height(),
            1e-9 * shown.width(),
            1e-9 * shown.height(),
        )

        def free_spot(
            group: Sequence[ChartPoint], taken: Sequence[QRectF], *, over_own: bool
        ) -> tuple[str, tuple[float, float], QRectF] | None:
            """The group's label, with as many codes as fit, where it covers no other label
            and no marker but its point's (`over_own`: but its group's points')."""
            own = {p.target_id for p in (group if over_own else group[:1])}
            others = [rect for target_id, rect in markers.items() if target_id not in own]
            for shown_codes in range(min(LABEL_CODES, len(group)), 0, -1):
                text = label_text(group, shown_codes)
                for anchor, rect in spots(group[0], text):
                    if room.contains(rect) and not any(
                        rect.intersects(other) for other in [*taken, *others]
                    ):
                        return text, anchor, rect
            return None

        def apart(a: Sequence[ChartPoint], b: Sequence[ChartPoint]) -> float:
            """How far apart two groups' labelled points are, in pixels."""
            dx = (a[0].elapsed - b[0].elapsed) * size[0] / (right - left)
            dy = (a[0].on_chart - b[0].on_chart) * size[1] / (top - bottom)
            return math.hypot(dx, dy)

        def placed_at(
            group: Sequence[ChartPoint], taken: Sequence[QRectF]
        ) -> tuple[str, tuple[float, float], QRectF] | None:
            return free_spot(group, taken, over_own=False) or free_spot(group, taken, over_own=True)

        # the highest first; a group whose label finds no free spot joins a group near it (its
        # codes counted in that label's "+n") where their label finds one, else it has none
        line = pg.TextItem("X")  # kept while read: its text item goes with it
        near = 2 * line.textItem.boundingRect().height()  # in pixels: two lines of text
        pending = sorted(
            label_groups(self._points, span, high - low, placing), key=lambda g: -g[0].on_chart
        )
        placed: list[tuple[list[ChartPoint], str, tuple[float, float], QRectF]] = []
        unlabelled = 0
        while pending:
            group = pending.pop(0)
            found = placed_at(group, [rect for *_, rect in placed])
            if found is not None:
                placed.append((group, *found))
                continue
            others = [g for g in [*(g for g, *_ in placed), *pending] if apart(g, group) <= near]
            joined = None
            if others:
                nearest = min(others, key=lambda g: apart(g, group))
                rest = [entry for entry in placed if entry[0] is not nearest]
                merged = top_first([*nearest, *group])
                spot = placed_at(merged, [rect for *_, rect in rest])
                if spot is not None:
                    joined = rest, (merged, *spot)
                    pending = [g for g in pending if g is not nearest]
            if joined is None:
                unlabelled += len(group)
                continue
            placed = [*joined[0], joined[1]]
        for group, text, anchor, _ in placed:
            self._add_label(group[0], text, anchor, foreground)
        self._unlabelled = unlabelled
        self._show_caption()

    def _add_label(
        self, point: ChartPoint, label: str, anchor: tuple[float, float], color: QColor
    ) -> None:
        text = pg.TextItem(label, color=color, anchor=anchor)
        text.setPos(point.elapsed, point.on_chart)
        self.plot.getPlotItem().addItem(text)
        self._labels.append(text)

    def _add_scatter(self, status: Shown, points: list[ChartPoint], foreground: QColor) -> None:
        color = status_style.color(status)
        scatter = pg.ScatterPlotItem(
            x=[p.elapsed for p in points],
            y=[p.on_chart for p in points],
            data=points,
            symbol=SYMBOLS[status],
            size=15,
            brush=pg.mkBrush(color),
            pen=pg.mkPen(foreground, width=0.8),
            hoverable=True,
            hoverSize=19,
            tip=lambda x, y, data: point_tip(data, self._lang),
            name=status_style.label(status, self._lang),
        )
        scatter.sigClicked.connect(self._on_clicked)
        self.plot.getPlotItem().addItem(scatter)
        self.scatters[status] = scatter

    def _on_clicked(self, _item: object, spots: Sequence[pg.SpotItem], _event: object) -> None:
        if spots:
            self.target_clicked.emit(spots[0].data().target_id)


class StatusLegend(QWidget):
    """Every status's shape and label, in a grid: the key to icons shown without their label;
    and "missed", shown when some target is marked so."""

    def __init__(self, lang: str, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(2)
        self.labels: dict[Shown, QLabel] = {}
        self._marks: dict[Shown, QLabel] = {}
        for n, status in enumerate([*Status, MISSED]):
            row, column = divmod(n, columns)
            mark = QLabel(self)
            mark.setPixmap(status_style.icon(status).pixmap(14, 14))
            label = QLabel(status_style.label(status, lang), self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(mark, row, 2 * column)
            layout.addWidget(label, row, 2 * column + 1)
            self.labels[status], self._marks[status] = label, mark
        layout.setColumnStretch(2 * columns, 1)
        self.show_missed(False)

    def show_missed(self, shown: bool) -> None:
        self.labels[MISSED].setVisible(shown)
        self._marks[MISSED].setVisible(shown)

    def set_language(self, lang: str) -> None:
        for status, label in self.labels.items():
            label.setText(status_style.label(status, lang))
