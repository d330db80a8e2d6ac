"""How figures are written: rounded a half up as written, grouped by thousands, as percentages
and rates with the places that show what matters, beside their units."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from decimal import Context as DecimalContext

from ljtracker.domain.model import reaches
from ljtracker.domain.numbers import is_percent_unit


def format_number(value: float, unit: str = "") -> str:
    """A value with thousands separators, at most 2 decimals (3 significant digits below 1)."""
    if math.isnan(value):
        text = "—"
    elif math.isinf(value):
        text = "∞" if value > 0 else "-∞"
    else:
        size = abs(value)
        decimals = 2 if size >= 1 or size == 0 else min(10, 2 - math.floor(math.log10(size)))
        text = shown_places(value, decimals, grouped=True)
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    return f"{text} {unit}" if unit else text


# every digit a float is written with, and the places it is shown with, whatever its size
_WRITTEN = DecimalContext(prec=800)


def fixed_places(
    value: float, decimals: int, *, grouped: bool = False, percent: bool = False
) -> str:
    """`value` (× 100 as a `percent`) with `decimals` places, a half rounded up (away from
    zero), as the figure is written: 4,400.125 to 4,400.13, 2.675 to 2.68 and 0.00115 to
    0.12 %, as a planner (and a spreadsheet) rounds them, where rounding the binary fraction
    gives 4,400.12 (a tie, rounded to even), 2.67 (a hair below 2.675) and 0.11 %."""
    group = "," if grouped else ""
    written = repr(value)
    if not math.isfinite(value):
        return f"{value:{group}.{decimals}f}"
    if not percent and "e" not in written:
        whole, _, fraction = written.partition(".")
        # Binary rounding gives the written figure's places unless the figure is written as a
        # tie (a tie nearer the binary value than what is written would be written, being
        # shorter), or the places shown go beyond the 15 digits a binary fraction holds.
        tie = len(fraction) == decimals + 1 and fraction[-1] == "5"
        beyond = len(whole.lstrip("-")) + decimals > 15 and len(fraction) <= decimals
        if not (tie or beyond):
            return f"{value:{group}.{decimals}f}"
    exact = Decimal(written).scaleb(2 if percent else 0)
    places = exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP, _WRITTEN)
    return f"{places:{group}.{decimals}f}"


def shown_places(
    value: float, decimals: int, *, grouped: bool = False, percent: bool = False
) -> str:
    """As fixed_places, without a minus before a value that shows as zero ("0.00", not
    "-0.00")."""
    text = fixed_places(value, decimals, grouped=grouped, percent=percent)
    return text[1:] if text.startswith("-") and not float(text.replace(",", "")) else text


def shown_sign(rate: float, decimals: int) -> int:
    """The way a yearly rate is shown to go at `decimals` places of a percentage: -1 a fall,
    1 a rise, 0 unchanged. Not "a fall of 0.00 %" for a hair below zero, nor a rise for one
    that rounds to a fall."""
    shown = float(fixed_places(rate, decimals, percent=True))
    return (shown > 0) - (shown < 0)


def exact_number(value: float) -> str:
    """Every digit of the value, as Python writes it shortest, grouped by thousands:
    4,400.123456789; 1e+16 and 1.5e-07 stay as written."""
    text = str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if math.isfinite(value) and "e" not in text:
        whole, dot, fraction = text.partition(".")
        sign = "-" if whole.startswith("-") else ""
        text = f"{sign}{int(whole.lstrip('-')):,}{dot}{fraction}"
    return text


def format_percent(fraction: float, *, zh: bool = False, decimals: int = 2) -> str:
    """A fraction as a percentage with 2 decimals: "5.92 %" (English) or "5.92%" (Chinese),
    grouped by thousands as figures are ("1,250.00 %")."""
    text = shown_places(fraction, decimals, grouped=True, percent=True)
    return f"{text}%" if zh else f"{text} %"


def decimals_beside(
    value: float, cuts: Sequence[float], *, percent: bool = False, sign: float = 1.0
) -> int:
    """How many decimals `value` (× 100 as a `percent`) is shown with: two, or as many more
    (up to six) as it takes for the number shown to fall on the same side of each threshold in
    `cuts` as the value does, both judged as `sign` × value. R = 0.948 below 0.95 is not shown as
    "0.95" beside "needs acceleration", nor a growth of 1.4996 % as "1.50 %"."""
    for decimals in range(2, 6):
        shown = float(fixed_places(value, decimals, percent=percent)) / (100 if percent else 1)
        if all(reaches(sign * shown, cut) == reaches(sign * value, cut) for cut in cuts):
            return decimals
    return 6


def format_ratio(value: float, cuts: Sequence[float] = ()) -> str:
    """Two decimals, or more beside a threshold in `cuts` (see decimals_beside)."""
    decimals = decimals_beside(value, cuts)
    if decimals == 6:
        return f"{value:.6f}"  # a hair below 0 keeps its minus sign
    return shown_places(value, decimals)


def join_unit(number: str, unit: str, *, zh: bool) -> str:
    """Chinese sets a Chinese unit close ("5,000亿元") but keeps the space before a Latin one."""
    if not unit:
        return number
    close = zh and not (unit[0].isascii() and unit[0].isalnum())
    return f"{number}{unit}" if close else f"{number} {unit}"


def difference(size: str, unit: str, *, zh: bool) -> str:
    """A difference between two figures: a rate in % differs by percentage points ("1.5
    percentage points", "1.5个百分点"), which "1.5 %" would not tell from relative change."""
    if is_percent_unit(unit):
        return f"{size}个百分点" if zh else f"{size} percentage point{'' if size == '1' else 's'}"
    return join_unit(size, unit, zh=zh)


def rate_places(rate: float, decimals: int = 2) -> int:
    """Places enough, up to six, for a yearly rate (a fraction, shown as a percentage) to show
    which way it goes: a rise or a fall of 0.0001 % is not "0.00 %" nor "unchanged"."""
    for places in range(decimals, max(decimals, 6) + 1):
        if shown_sign(rate, places):
            return places
    return decimals  # unchanged: no places will show a direction


def counted(count: int, noun: str) -> str:
    """A count with its English noun: "1 figure", "3 figures", "1,200 rows"."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"
