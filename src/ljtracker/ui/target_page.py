"""One target: the goal in words, its status and why, key numbers, chart, figures and history."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ljtracker.domain import explain, wording
from ljtracker.domain.explain import observed_growth_decimals, status_text
from ljtracker.domain.model import Comparator, Plan, Status
from ljtracker.domain.number_text import (
    format_number,
    format_percent,
    join_unit,
    rate_places,
    shown_sign,
)
from ljtracker.domain.progress import Assessment, Quantity, projection_shown
from ljtracker.domain.status_look import look_of
from ljtracker.services.changes import Changes
from ljtracker.services.progress import TargetProgress
from ljtracker.storage import reads
from ljtracker.ui import status_style
from ljtracker.ui.app_settings import AppSettings
from ljtracker.ui.figure_cells import Field
from ljtracker.ui.figure_view import FigureTableView, MessageBar
from ljtracker.ui.history_view import HistoryView
from ljtracker.ui.observation_model import ObservationTableModel
from ljtracker.ui.progress_chart import ProgressChart
from ljtracker.ui.quality_text import quality_label
from ljtracker.ui.session import Session

DASH = "—"
WRAPPED_VALUE = 20  # characters of a card's value shown on one line whatever its width


def _plain_label(parent: QWidget, *, wrap: bool = True, selectable: bool = False) -> QLabel:
    """A label of plain text. A selectable one lays its text out as a document whenever it is
    measured, and the page's layout measures every wrapped label after any of them changes:
    only the sentence and the figures one may quote are selectable."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class StatusBadge(QFrame):
    """The status as shape, word and color together, never color alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel(self)
        self.label = _plain_label(self, wrap=False)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 10, 3)
        layout.setSpacing(6)
        layout.addWidget(self.icon)
        layout.addWidget(self.label)
        self._shown: tuple[Status, str, bool, bool, bool] | None = None

    def set_status(self, assessment: Assessment, lang: str) -> None:
        a = assessment
        status, warning = a.status, a.warning
        missed, awaiting = a.missed, a.awaiting_target_figure
        # Setting style sheets polishes the badge again: done only when the status changes.
        if (status, lang, warning, missed, awaiting) == self._shown:
            return
        self._shown = (status, lang, warning, missed, awaiting)
        shown = a.shown
        color = look_of(shown).color
        self.icon.setPixmap(status_style.icon(shown, 18).pixmap(18, 18))
        text = status_text(status, lang, missed=missed, awaiting=awaiting)
        if warning:
            text += " · " + self.tr("early warning (binding target)")
        self.label.setText(text)
        self.label.setStyleSheet(f"color: {color};")
        self.setStyleSheet(f"StatusBadge {{ border: 1.5px solid {color}; border-radius: 12px; }}")

    def text(self) -> str:
        return self.label.text()


@dataclass(frozen=True)
class Figure:
    """One key number: what it is, its value (or "—") and a line under it (or the reason)."""

    title: str
    value: str
    detail: str


class NumberCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = _plain_label(self, wrap=False)
        self.value = _plain_label(self, wrap=False, selectable=True)
        self.detail = _plain_label(self)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setWeight(QFont.Weight.DemiBold)
        self.value.setFont(font)
        for small in (self.title, self.detail):
            small.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(1)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def show_figure(self, figure: Figure) -> None:
        self.title.setText(figure.title)
        # a value with a unit that is a phrase wraps rather than widen the window; set only
        # when it changes, as setting it lays the label out again even when it does not
        wrap = len(figure.value) > WRAPPED_VALUE
        if self.value.wordWrap() != wrap:
            self.value.setWordWrap(wrap)
        self.value.setText(figure.value)
        self.detail.setText(figure.detail)


class TargetPage(QWidget):
    """Everything about one target; the yearly table edits its figures in place."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.target_id: int | None = None
        self.progress: TargetProgress | None = None
        self._build()
        session.changed.connect(self._on_changed)
        session.as_of_changed.connect(self._as_of_changed)
        session.settings_changed.connect(self.reload)

    def _as_of_changed(self, _year: int | None) -> None:
        # a bound method, not a lambda: the connection goes with the view when it is made again
        self.reload()

    def _build(self) -> None:
        self.title = _plain_label(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = _plain_label(self)
        self.subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.badge = StatusBadge(self)
        self.as_of_note = _plain_label(self, wrap=False)
        self.explanation = _plain_label(self, selectable=True)
        self.cards = [NumberCard(self) for _ in range(7)]
        self.chart = ProgressChart(self)
        self.chart.setMinimumHeight(160)  # a short window keeps the chart and the table apart
        self.message_bar = MessageBar(self)
        self.table = FigureTableView(self.message_bar, self)
        self.table_model = ObservationTableModel(self.session, self)
        self.table_model.decimals = AppSettings().decimals
        self.table.setModel(self.table_model)
        self.history = HistoryView(self.session, self)

        badge_row = QHBoxLayout()
        badge_row.addWidget(self.badge)
        badge_row.addWidget(self.as_of_note)
        badge_row.addStretch(1)
        grid = QGridLayout()
        grid.setSpacing(6)
        for number, card in enumerate(self.cards):
            grid.addWidget(card, 0, number)
            grid.setColumnStretch(number, 1)
        figures = QWidget(self)
        figures_layout = QVBoxLayout(figures)
        figures_layout.setContentsMargins(0, 0, 0, 0)
        figures_layout.addWidget(self.message_bar)
        figures_layout.addWidget(self.table)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(figures, self.tr("Yearly figures"))
        self.tabs.addTab(self.history, self.tr("Revision history"))
        # besides the history's context menu: a change made before opening has no Undo
        self.revert_button = QToolButton(self.tabs)
        self.revert_button.setDefaultAction(self.history.revert_action)
        self.tabs.setCornerWidget(self.revert_button, Qt.Corner.TopRightCorner)
        self.revert_button.hide()
        self.tabs.currentChanged.connect(self._show_revert_with_history)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([520, 480])
        self.splitter.setChildrenCollapsible(False)

        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(badge_row)
        layout.addWidget(self.explanation)
        layout.addLayout(grid)
        layout.addWidget(self.splitter, 1)
        self.missing = QLabel(self.tr("This target no longer exists."), self)
        self.missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(content)
        self.stack.addWidget(self.missing)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def _show_revert_with_history(self, index: int) -> None:
        self.revert_button.setVisible(self.tabs.widget(index) is self.history)

    # --- showing -----------------------------------------------------------------------------

    def show_target(self, target_id: int) -> None:
        first = self.target_id != target_id
        self.target_id = target_id
        self.message_bar.clear()
        self.reload()
        if first:
            self.table.fit_columns()
            self._select_latest_year()

    def reload(self) -> None:
        if self.target_id is None:
            return
        wb = self.session.workbook
        target = reads.target_by_id(wb, self.target_id)
        if target is None:
            self.progress = None
            self.stack.setCurrentWidget(self.missing)
            return
        self.stack.setCurrentIndex(0)
        plan = reads.plan_by_id(wb, target.plan_id)
        as_of = self.session.as_of_year
        progress = self.session.progress.target_progress(target, as_of_year=as_of)
        self.progress = progress
        lang = self.session.lang
        self.title.setText(wording.in_words(target, lang))
        self.subtitle.setText(self._subtitle(progress, plan))
        assessment = progress.assessment
        self.badge.set_status(assessment, lang)
        self.as_of_note.setText(
            self.tr("Figures up to {year}").format(year=as_of) if as_of is not None else ""
        )
        self.explanation.setText(
            assessment.explanation_zh if lang == "zh" else assessment.explanation_en
        )
        for card, figure in zip(self.cards, self._figures(progress), strict=True):
            card.show_figure(figure)
        self.chart.set_progress(progress, lang, as_of)
        self.table_model.show_progress(progress, plan, as_of)
        self.history.show_target(self.target_id)

    def _subtitle(self, progress: TargetProgress, plan: Plan | None) -> str:
        target = progress.target
        parts = [target.code]
        if plan is not None:
            parts.append(wording.title(plan, self.session.lang))
        if target.responsible:
            parts.append(self.tr("responsible: {who}").format(who=target.responsible))
        return " · ".join(parts)

    def _select_latest_year(self) -> None:
        """The cursor on the year after the latest figure: the next one to enter. A target
        without figures starts on the year after its baseline, or on its table's first year."""
        if self.progress is None:
            return
        latest = self.progress.assessment.latest
        years = [o.year for o in self.progress.observations]
        baseline_year = self.progress.target.baseline_year
        year = latest.year if latest is not None else max(years, default=baseline_year)
        row = self.table_model.row_for_year(year + 1) if year is not None else 0
        if row is None:
            row = self.table_model.rowCount() - 1
        self.table.setCurrentIndex(
            self.table_model.index(row, self.table_model.column_of(Field.VALUE))
        )

    # --- key numbers ---------------------------------------------------------------------

    def _percent(self, q: Quantity, per_year: bool = False, decimals: int = 2) -> str:
        if q.value is None:
            return DASH
        if not per_year:
            return format_percent(q.value, zh=self.session.lang == "zh")
        decimals = rate_places(q.value, decimals)  # as the sentence gives it
        text = format_percent(abs(q.value), zh=self.session.lang == "zh", decimals=decimals)
        sign = shown_sign(q.value, decimals)  # as the sentences say it
        if not sign:
            return self.tr("unchanged")
        if sign < 0:
            return self.tr("a fall of {rate} a year").format(rate=text)
        return self.tr("{rate} a year").format(rate=text)

    def _reason(self, q: Quantity) -> str:
        return q.reason_zh if self.session.lang == "zh" else q.reason_en

    def _figure(self, title: str, q: Quantity, value: str, detail: str) -> Figure:
        if q.value is None:
            return Figure(title, DASH, self._reason(q))
        return Figure(title, value, detail)

    def _figures(self, progress: TargetProgress) -> list[Figure]:
        target, a = progress.target, progress.assessment
        unit = target.unit
        latest = self._latest(progress, a)
        since = self.tr("since {year}").format(year=a.baseline_year) if a.baseline_year else ""
        projection = projection_shown(a, target.target_year)
        projected = projection.value
        growth, thresholds = a.observed_growth.value, self.session.settings.thresholds
        observed = 2 if growth is None else observed_growth_decimals(target, growth, thresholds)
        return [
            latest,
            self._figure(
                self.tr("Achievement"),
                a.achievement,
                self._percent(a.achievement),
                self.tr("of the way from baseline to target"),
            ),
            self._figure(
                self.tr("Time elapsed"),
                a.elapsed,
                self._percent(a.elapsed),
                # measured to the latest figure's year, not to today (METHOD): said, as a
                # plan judged years later would otherwise read as barely begun
                self.tr("of the time from baseline to target year, at the {year} figure").format(
                    year=a.latest.year if a.latest is not None else ""
                ),
            ),
            self._figure(
                self.tr("Growth observed"),
                a.observed_growth,
                self._percent(a.observed_growth, per_year=True, decimals=observed),
                since,
            ),
            self._figure(
                self.tr("Needed from the baseline"),
                a.required_growth,
                self._percent(a.required_growth, per_year=True),
                self.tr("from the baseline to the target"),
            ),
            self._needed_from_now(progress),
            self._figure(
                self.tr("Projection"),
                projection,
                self._amount(projected, unit) if projected is not None else DASH,
                self.tr("in {year}, at the pace so far").format(year=target.target_year),
            ),
        ]

    def _latest(self, progress: TargetProgress, a: Assessment) -> Figure:
        title = self.tr("Latest figure")
        latest = a.shown_latest
        if latest is None:
            measured = bool(progress.observations) or a.baseline_value is not None
            why = explain.NO_LATEST if measured else explain.NO_FIGURE
            reason = why.zh if self.session.lang == "zh" else why.en
            return Figure(title, DASH, reason)
        year = f"{latest.year}年" if self.session.lang == "zh" else str(latest.year)
        detail = f"{year} · {quality_label(latest.quality)}"
        if a.latest is None:  # the first figure, serving as the baseline
            detail += " · " + self.tr("the baseline so far")
        return Figure(title, self._amount(latest.value, progress.target.unit), detail)

    def _needed_from_now(self, progress: TargetProgress) -> Figure:
        """The growth still needed a year, with its amount; where growth rates do not apply
        (a band target outside its band, a figure of zero or below), the amount alone."""
        target, a, title = progress.target, progress.assessment, self.tr("Needed from now")
        unit, year = target.unit, target.target_year
        growth, amount = a.required_growth_from_latest, a.required_yearly_amount.value
        if growth.value is None and amount is not None:
            change = wording.yearly_change(amount, unit, self.session.lang)
            if target.comparator is Comparator.ABOUT:
                return Figure(
                    title, change, self.tr("to reach its band by {year}").format(year=year)
                )
            return Figure(title, change, self.tr("to reach the target by {year}").format(year=year))
        return self._figure(
            title,
            growth,
            self._percent(growth, per_year=True),
            self._yearly_amount(amount, unit),
        )

    def _yearly_amount(self, amount: float | None, unit: str) -> str:
        """What is still needed as an amount a year ("or a fall of 5 t a year")."""
        if amount is None:
            return ""
        change = wording.yearly_change(amount, unit, self.session.lang)
        return self.tr("or {change}").format(change=change)

    def _amount(self, value: float, unit: str) -> str:
        """ "5.3 %" in English, "5.3%" in Chinese, as the sentences write amounts."""
        return join_unit(format_number(value), unit, zh=self.session.lang == "zh")

    # --- updates and the clipboard ---------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if self.target_id is not None and (
            self.target_id in changes.target_ids or changes.structure
        ):
            self.reload()

    def status_text(self) -> str:
        return self.badge.text()

    def copy(self) -> str:
        return self.table.copy()

    def paste(self, text: str | None = None) -> bool:
        return self.table.paste(text)

    copy_selection = copy
    paste_selection = paste
