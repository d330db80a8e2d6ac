"""The as-of year list follows the figures at both ends of its span, reading only what it must."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox

from ljtracker.services import editing
from ljtracker.services.editing import ObservationEntry
from ljtracker.storage import reads
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
    return list(range(span[1], span[0] - 1, -1))


def entries_of(window: MainWindow, year: int, value: float | None) -> list[ObservationEntry]:
    """An entry for every figure of `year` (None: removing them)."""
    assert window.session is not None
    wb = window.session.workbook
    return [
        ObservationEntry(o.target_id, year, value) for o in reads.observations(wb) if o.year == year
    ]


def apply(window: MainWindow, entries: list[ObservationEntry]) -> None:
    window.apply("test", lambda wb: editing.set_observations(wb, entries, "test"))


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
    assert before[0] == 2023
    one = entries_of(window, 2023, None)[0]
    apply(window, [ObservationEntry(one.target_id, 2023, 42.0)])
    assert choices(window) == before
    assert counted_reads == []


def test_removing_some_figures_of_the_last_year_keeps_it(window: MainWindow) -> None:
    apply(window, entries_of(window, 2023, None)[:-1])
    assert choices(window)[0] == 2023
    assert choices(window) == span_read_anew(window)


def test_removing_every_figure_of_the_last_year_drops_it(window: MainWindow) -> None:
    apply(window, entries_of(window, 2023, None))
    assert choices(window)[0] == 2022
    assert choices(window) == span_read_anew(window)


def test_removing_every_figure_of_the_first_year_moves_the_start(window: MainWindow) -> None:
    assert choices(window)[-1] == 2018
    apply(window, entries_of(window, 2018, None))
    assert 2018 not in choices(window)
    assert choices(window) == span_read_anew(window)


def test_a_figure_after_the_last_year_adds_it(window: MainWindow) -> None:
    one = entries_of(window, 2023, None)[0]
    apply(window, [ObservationEntry(one.target_id, 2024, 1.0)])
    assert choices(window)[0] == 2024
    assert choices(window) == span_read_anew(window)
