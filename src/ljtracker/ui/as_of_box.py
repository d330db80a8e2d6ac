"""The toolbar's choice of the year progress is judged as of: all years, or one of the years
from the first with figures on to the last, or to this year while a plan still runs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from ljtracker.services import clock
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook
from ljtracker.ui.session import Session


def choices_top(wb: Workbook, last_figure_year: int) -> int:
    """The latest year offered: the last year with figures, or later, up to this year or the
    end of the latest plan, whichever comes first, so that a plan can be judged as of a year
    its figures have not reached yet (they lag: the status then says how old they are)."""
    ends = [plan.end_year for plan in reads.plans(wb)]
    evaluated = min(clock.this_year(), max(ends, default=last_figure_year))
    return max(last_figure_year, evaluated)


class AsOfBox:
    """A label and a combo box (object name "as_of_year") that set the session's as-of year."""

    def __init__(self, parent: QWidget) -> None:
        self.combo = QComboBox(parent)
        self.combo.setObjectName("as_of_year")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.label = QLabel(parent)
        self.label.setBuddy(self.combo)
        self._session: Session | None = None
        self._span: tuple[int, int] | None = None

    def retranslate(self) -> None:
        self.label.setText(QCoreApplication.translate("MainWindow", "&As of:") + " ")
        self.combo.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Judge progress with the figures up to this year only"
            )
        )
        self.fill(self._session)

    def fill(self, session: Session | None) -> None:
        """The choices for the session's workbook, the session's year chosen."""
        self._session = session
        combo = self.combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(QCoreApplication.translate("MainWindow", "All years"), 0)
        self._span = None
        if session is not None:
            span = self._span = reads.data_years(session.workbook)
            if span is not None:
                for year in range(choices_top(session.workbook, span[1]), span[0] - 1, -1):
                    combo.addItem(str(year), year)
            wanted = session.as_of_year or 0
            index = combo.findData(wanted)
            if index < 0:
                combo.addItem(str(wanted), wanted)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
        combo.setEnabled(session is not None)
        combo.blockSignals(False)

    def span_holds(self, years: frozenset[int]) -> bool:
        """Figures added or removed strictly inside the span of years leave both ends as they
        are (other figures hold them), so the choices need not be read again; at an end, they
        stay while some figure (or, for the first year, a baseline) is still of that year."""
        span, session = self._span, self._session
        if span is None or session is None:
            return False
        first, last = span
        if not all(first <= year <= last for year in years):
            return False
        wb = session.workbook
        return (first not in years or reads.holds_year(wb, first, baselines=True)) and (
            last not in years or reads.holds_year(wb, last)
        )

    def _chosen(self, _index: int) -> None:
        if self._session is not None:
            self._session.set_as_of_year(self.combo.currentData() or None)
