"""Figures are rounded as they are written, a half up (四舍五入), wherever they are shown."""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Context, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_progress import GDP

from ljtracker.domain.model import Comparator, Observation
from ljtracker.domain.number_text import fixed_places, format_number, format_percent, shown_sign
from ljtracker.domain.progress import assess


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (4400.125, "4,400.13"),  # a tie in binary too: rounded to even, it read 4,400.12
        (2.675, "2.68"),  # a hair below 2.675 in binary: it read 2.67
        (1.005, "1.01"),
        (-2.675, "-2.68"),  # away from zero
        (12345.674, "12,345.67"),
        (0.001235, "0.00124"),  # three significant digits below 1
    ],
)
def test_a_half_is_rounded_up_as_the_figure_is_written(value: float, shown: str) -> None:
    assert format_number(value) == shown


def test_a_sentence_gives_the_figure_as_rounded_by_hand() -> None:
    result = assess(GDP, [Observation(1, 2022, 5000.125)])
    assert "5,000.13 亿元 in 2022" in result.explanation_en
    assert "5,000.13亿元" in result.explanation_zh


def test_a_large_percentage_is_grouped_by_thousands_as_the_figures_beside_it() -> None:
    """An achievement far past its target (a slipped figure, a small distance to go) read
    "31999999700.00 %" in a table whose figures read "400,000,000,000"."""
    assert format_percent(12.5) == "1,250.00 %"
    assert format_percent(-319999997.0, zh=True) == "-31,999,999,700.00%"
    assert format_percent(0.5) == "50.00 %"


def test_a_percentage_is_rounded_as_its_fraction_is_written() -> None:
    """0.00115 × 100 is 0.11499999999999999 in binary: it read "0.11 %" (23 亿元 short of
    20,000 亿元 is 0.115 %)."""
    assert format_percent(0.00115) == "0.12 %"
    assert format_percent(-0.00115, zh=True) == "-0.12%"
    assert format_percent(-1e-9) == "0.00 %"  # not "-0.00 %"
    # a sentence names a fall that shows as 0.00 % with the places that show it
    slight = replace(GDP, baseline_value=90.0, target_value=100.0, unit="")
    fall = assess(slight, [Observation(1, 2022, 89.9999)], this_year=2024)
    assert fall.explanation_en.startswith("Falling 0.0001 % a year since 2020")
    assert fall.explanation_zh.startswith("2020年以来年均下降0.0001%")
    rise = assess(slight, [Observation(1, 2022, 90.0001)], this_year=2024)
    assert rise.explanation_en.startswith("Growing 0.0001 % a year since 2020")  # alike
    # the growth needed, in both languages with the same places
    ceiling = replace(slight, comparator=Comparator.AT_MOST, baseline_value=100.0)
    ceiling = replace(ceiling, target_value=100 * (1 - 0.00004) ** 5)
    needed = assess(ceiling, [Observation(1, 2022, 100.5)], this_year=2024)
    assert "against a fall of 0.004 % a year needed" in needed.explanation_en
    assert "目标需年均下降0.004%" in needed.explanation_zh
    # a fall is said where the rate shown is below zero, whichever way it was rounded
    assert shown_sign(-0.0000005, 4) == -1 and shown_sign(-0.0000004, 4) == 0


WIDE = Context(prec=800)


@given(
    st.floats(allow_nan=False, allow_infinity=False)
    | st.decimals(min_value=-(10**6), max_value=10**6, places=5).map(float),
    st.integers(min_value=0, max_value=6),
    st.booleans(),
)
def test_every_value_is_rounded_as_its_written_form_would_be(
    value: float, places: int, percent: bool
) -> None:
    """The quick way (binary rounding, unless the figure is written as a tie) agrees with
    rounding the written figure itself, whatever its size."""
    exact = Decimal(repr(value)).scaleb(2 if percent else 0)
    written = exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP, WIDE)
    assert fixed_places(value, places, percent=percent) == f"{written:.{places}f}"


def test_huge_and_tiny_values_are_shown_whatever_their_size() -> None:
    assert format_number(1e16) == "10,000,000,000,000,000"
    assert format_number(2e23) == "200,000,000,000,000,000,000,000"  # as written
    assert fixed_places(7.699566003048622e49, 2).startswith("76995660030486")
    assert fixed_places(1.5e25, 4) == "15000000000000000000000000.0000"  # not taken for a tie
    assert fixed_places(5e-07, 6) == "0.000001"  # written as a tie
    assert fixed_places(-1.5e-07, 6) == "-0.000000"
