"""Year entry: every target of a plan for one chosen year, the way offices collect figures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from ljtracker.domain import wording
from ljtracker.domain.model import Plan, in_area_order
from ljtracker.domain.numbers import MAX_YEAR, MIN_YEAR
from ljtracker.services import clock
from ljtracker.services.changes import Changes
from ljtracker.storage import reads
from ljtracker.ui.app_settings import AppSettings
from ljtracker.ui.figure_cells import Field
from ljtracker.ui.figure_delegates import correct_or_drop
from ljtracker.ui.figure_view import FigureTableView, MessageBar
from ljtracker.ui.session import Session
from ljtracker.ui.view_switcher import YearEntryPlace
from ljtracker.ui.year_entry_model import YearEntryModel


class YearEntryView(QWidget):
    """Choose a year, then type or paste each target's figure with its quality and source."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan_id: int | None = None
        self._target_ids: set[int] = set()
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.year_box = QSpinBox(self)
        self.year_box.setRange(MIN_YEAR, MAX_YEAR)
        self.year_box.setGroupSeparatorShown(False)
        self.year_box.setAccelerated(True)
        self.year_box.setToolTip(self.tr("The year whose figures are entered"))
        year_label = QLabel(self.tr("&Year:"), self)
        year_label.setBuddy(self.year_box)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.message_bar = MessageBar(self)
        self.table = FigureTableView(self.message_bar, self)
        self.model = YearEntryModel(session, self)
        self.model.decimals = AppSettings().decimals
        self.table.setModel(self.model)

        bar = QHBoxLayout()
        bar.addWidget(year_label)
        bar.addWidget(self.year_box)
        bar.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.table, 1)

        self._year_shown = self.year_box.value()
        self.year_box.valueChanged.connect(self._year_chosen)
        session.changed.connect(self._on_changed)
        session.as_of_changed.connect(self._as_of_changed)

    def _as_of_changed(self, _year: int | None) -> None:
        # a bound method, not a lambda: the connection goes with the view when it is made again
        self.reload()

    def show_plan(self, plan_id: int) -> None:
        plan = reads.plan_by_id(self.session.workbook, plan_id)
        first = plan_id != self.plan_id
        self.plan_id = plan_id
        if plan is not None and first:
            self.year_box.blockSignals(True)
            self.year_box.setValue(self._first_open_year(plan))
            self.year_box.blockSignals(False)
        self.message_bar.clear()
        self.reload()
        if first:
            self.table.fit_columns()
            self._keep_place(None)

    def _first_open_year(self, plan: Plan) -> int:
        """The year after the plan's latest figure, within the plan period and not after this
        year (a figure of a year to come is refused)."""
        assert plan.id is not None
        target_ids = [t.id for t in reads.targets(self.session.workbook, plan.id) if t.id]
        years = [o.year for o in reads.observations(self.session.workbook, target_ids)]
        year = max(years) + 1 if years else plan.start_year
        return max(min(year, plan.end_year, clock.this_year()), plan.start_year)

    def set_year(self, year: int) -> None:
        self.year_box.setValue(year)

    def _year_chosen(self, _year: int) -> None:
        """Show the year chosen; not while a value typed into a cell cannot be taken: the
        rows of another year would drop it without a word."""
        problem = self.table.untaken()
        if problem is None:
            self.message_bar.clear()  # of the year left
            self.reload()
            return
        self.year_box.blockSignals(True)
        self.year_box.setValue(self._year_shown)
        self.year_box.blockSignals(False)
        self.message_bar.show_refusal(f"{problem}\n{correct_or_drop()}")

    @property
    def year(self) -> int:
        return self.year_box.value()

    def reload(self) -> None:
        if self.plan_id is None:
            return
        wb = self.session.workbook
        plan = reads.plan_by_id(wb, self.plan_id)
        if plan is None:
            self.title.setText(self.tr("This plan no longer exists."))
            self.model.show_year([], {}, self.year, self.session.as_of_year)
            return
        targets = in_area_order(reads.targets(wb, self.plan_id), reads.areas(wb, self.plan_id))
        self._target_ids = {t.id for t in targets if t.id is not None}
        observations = reads.observations_by_target(wb, self._target_ids)
        self.title.setText(
            self.tr("Figures for {year}: {plan}").format(
                year=self.year, plan=wording.title(plan, self.session.lang)
            )
        )
        self.hint.setText(self._hint(plan))
        self._year_shown = self.year
        place = self.table.currentIndex()
        was = self.model.figure_row(place.row()).target.id if place.isValid() else None
        self.model.show_year(targets, observations, self.year, self.session.as_of_year)
        if not self.table.currentIndex().isValid():
            self._keep_place(was, place.column() if place.isValid() else None)

    def place(self) -> YearEntryPlace | None:
        """The plan, the year and the cell shown, the cell by its target."""
        if self.plan_id is None:
            return None
        index = self.table.currentIndex()
        target_id = self.model.figure_row(index.row()).target.id if index.isValid() else None
        column = index.column() if index.isValid() else None
        return YearEntryPlace(self.plan_id, self.year, target_id, column)

    def return_to(self, year: int, target_id: int | None, column: int | None) -> None:
        """Back on a year and a target's cell, as `place` gave them."""
        self.set_year(year)
        self._keep_place(target_id, column)

    def _keep_place(self, target_id: int | None, column: int | None = None) -> None:
        """Put the current cell back on the target it was on when the rows were shown afresh
        (another year, a target deleted or moved), else on the first figure: Tab then lands
        on a value to type, not on a code. (Rows taken out without a fresh showing leave the
        cell where Qt moves it, on a neighbour.)"""
        rows = [self.model.figure_row(r).target.id for r in range(self.model.rowCount())]
        if not rows:
            return
        if target_id in rows and column is not None:
            self.table.setCurrentIndex(self.model.index(rows.index(target_id), column))
        else:
            self.table.setCurrentIndex(self.model.index(0, self.model.column_of(Field.VALUE)))

    def _hint(self, plan: Plan) -> str:
        this_year = clock.this_year()
        if self.year > this_year:
            return self.tr(
                "{year} has not come yet (this is {this_year}): a figure of a year to come is a"
                " forecast, not an actual figure, and is not taken."
            ).format(year=self.year, this_year=this_year)
        as_of = self.session.as_of_year
        if as_of is not None and self.year > as_of:
            return self.tr(
                "{year} is after the as-of year {as_of}: its figures are kept but not counted."
            ).format(year=self.year, as_of=as_of)
        if not plan.start_year - 1 <= self.year <= plan.end_year:
            return self.tr("{year} is outside the plan period {start}–{end}.").format(
                year=self.year, start=plan.start_year, end=plan.end_year
            )
        return self.tr(
            "Type over a cell or paste a block from a spreadsheet; Delete removes a figure."
        )

    def _on_changed(self, changes: Changes) -> None:
        if self.plan_id is None:
            return
        if changes.target_ids & self._target_ids or (
            changes.structure and self.plan_id in changes.plan_ids
        ):
            self.reload()

    def copy(self) -> str:
        return self.table.copy()

    def paste(self, text: str | None = None) -> bool:
        return self.table.paste(text)

    copy_selection = copy
    paste_selection = paste
