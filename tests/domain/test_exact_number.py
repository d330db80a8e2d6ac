"""Figures shown with every digit they hold: the import preview, the command line."""

from __future__ import annotations

import pytest

from ljtracker.domain.number_text import counted, exact_number
from ljtracker.services.import_plan import exact_amount


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (4000.125, "4,000.125"),
        (-1234567.5, "-1,234,567.5"),
        (12.0, "12"),
        (0.1 + 0.2, "0.30000000000000004"),
        (123456789012345.67, "123,456,789,012,345.67"),
        (1e15, "1,000,000,000,000,000"),  # the largest figure taken read "….0"
        (1e16, "1e+16"),
        (1e300, "1e+300"),  # not the 301 digits of the binary number
        (1.5e-07, "1.5e-07"),
    ],
)
def test_every_digit_grouped_by_thousands(value: float, shown: str) -> None:
    assert exact_number(value) == shown
    assert float(shown.replace(",", "")) == value


def test_the_unit_is_joined_as_each_language_writes_it() -> None:
    assert exact_amount(4000.5, "亿元", "en") == "4,000.5 亿元"
    assert exact_amount(4000.5, "亿元", "zh") == "4,000.5亿元"


def test_a_count_of_one_takes_the_singular() -> None:
    assert [counted(n, "figure") for n in (0, 1, 2, 1200)] == [
        "0 figures",
        "1 figure",
        "2 figures",
        "1,200 figures",
    ]
