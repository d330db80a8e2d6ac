"""The as-of year list follows the figures at both ends of its span, reading only what it must."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox

from ljtracker.domain.change_names import ChangeName
from ljtracker.services import editing
from ljtracker.services.editing import ObservationEntry
from ljtracker.storage import reads
from ljtracker.ui.as_of_box import choices_top
from ljtracker.ui.main_window import MainWindow

FIRST_YEAR_FIGURES = ("CQ18-RD", "CQ18-ST", "CQ18-URB", "CQST-RD", "CQST-HTE")


def choices(window: MainWindow) -> list[int]:
    combo = window.findChild(QComboBox, "as_of_year")
    assert isinstance(combo, QComboBox)
    return [combo.itemData(i) for i in range(1, combo.count())]


def span_read_anew(window: MainWindow) -> list[int]:
    assert window.session is not None
    span = reads.data_years(window.session.workbook)
    assert span is not None
    return list(range(choices_top(window.session.workbook, span[1]), span[0] - 1, -1))


def entries_of(window: MainWindow, year: int, value: float | None) -> list[ObservationEntry]:
    """An entry for every figure of `year` (None: removing them)."""
    assert window.session is not None
    wb = window.session.workbook
    return [
        ObservationEntry(o.target_id, year, value) for o in reads.observations(wb) if o.year == year
    ]


def apply(window: MainWindow, entries: list[ObservationEntry]) -> None:
    window.apply(
        ChangeName("test"), lambda wb: editing.set_observations(wb, entries, ChangeName("test"))
    )


@pytest.fixture
def counted_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the whole span of years is read."""
    calls: list[int] = []
    original = reads.data_years

    def counting(wb: Any) -> Any:
        calls.append(1)
        return original(wb)

    monkeypatch.setattr(reads, "data_years", counting)
    return calls


def test_a_new_value_in_the_last_year_keeps_the_list_unread(
    window: MainWindow, counted_reads: list[int]
) -> None:
    before = choices(window)
    assert before[0] == 2025  # on from the last figures (2023) to the end of LJ2025
    one = entries_of(window, 2023, None)[0]
    apply(window, [ObservationEntry(one.target_id, 2023, 42.0)])
    assert choices(window) == before
    assert counted_reads == []


def test_removing_some_figures_of_the_last_year_keeps_it(window: MainWindow) -> None:
    apply(window, entries_of(window, 2023, None)[:-1])
    assert choices(window)[0] == 2025
    assert choices(window) == span_read_anew(window)


def test_removing_every_figure_of_the_last_year_reads_the_list_again(window: MainWindow) -> None:
    apply(window, entries_of(window, 2023, None))
    assert choices(window)[0] == 2025  # still offered: LJ2025 runs to 2025
    assert choices(window) == span_read_anew(window)


def test_removing_every_figure_of_the_first_year_moves_the_start(window: MainWindow) -> None:
    assert choices(window)[-1] == 2018
    apply(window, entries_of(window, 2018, None))
    assert 2018 not in choices(window)
    assert choices(window) == span_read_anew(window)


def test_a_figure_after_the_last_year_adds_it(window: MainWindow) -> None:
    one = entries_of(window, 2023, None)[0]
    apply(window, [ObservationEntry(one.target_id, 2026, 1.0)])
    assert choices(window)[0] == 2026
    assert choices(window) == span_read_anew(window)


def test_a_plan_can_be_judged_as_of_its_end_though_its_figures_lag(window: MainWindow) -> None:
    combo = window.findChild(QComboBox, "as_of_year")
    assert isinstance(combo, QComboBox)
    assert choices(window)[:3] == [2025, 2024, 2023]  # figures reach 2023; LJ2025 runs to 2025
    combo.setCurrentIndex(combo.findData(2025))
    assert window.session is not None and window.session.as_of_year == 2025
    gdp = next(t for t in reads.targets(window.session.workbook) if t.code == "LJ-GDP")
    progress = window.session.progress.target_progress(gdp, as_of_year=2025)
    assert progress.assessment.latest_age == 4  # its 2021 figure, judged as of 2025
