"""Numbers handed to a figure cell as numbers go through the same parser as typed text."""

from __future__ import annotations

import math

import pytest

from ljtracker.domain.model import Comparator, Target
from ljtracker.ui.figure_cells import CellError, Field, figure_row, parse_cell

GDP = Target(
    1,
    "LJ-GDP",
    "地区生产总值",
    "GDP",
    "亿元",
    comparator=Comparator.AT_LEAST,
    baseline_year=2020,
    baseline_value=3750.0,
    target_year=2025,
    target_value=5000.0,
    id=1,
)


def value_of(value: object) -> object:
    return parse_cell(figure_row(GDP, 2022, {}), Field.VALUE, value, lang="en", pasting=False)


def test_a_number_value_is_kept_exactly() -> None:
    assert value_of(4400.25) == 4400.25
    assert value_of(4400) == 4400.0


@pytest.mark.parametrize("bad", [math.nan, math.inf, 1e20])
def test_a_number_the_parser_refuses_is_refused(bad: float) -> None:
    with pytest.raises(CellError):
        value_of(bad)
