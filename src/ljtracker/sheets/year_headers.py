"""What a column's header says of its year: the year itself ("2021年", "FY2021"), the quality
its mark gives the figures ("2023年（初步）"), or that they may be forecasts ("2025年预计")."""

from __future__ import annotations

import re
import unicodedata

from ljtracker.domain.model import Quality
from ljtracker.domain.numbers import NumberError, parse_year
from ljtracker.sheets.cells import Cell, read_text
from ljtracker.sheets.template import ENUM_WORDS
from ljtracker.sheets.title_words import WHOLE_YEAR

_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_AFTER_WHOLE_YEAR = re.compile(r"(?:\s*(?:份|累计数?|合计))*")
_FISCAL = re.compile(r"^(?:fy|财年|年度)\s*", re.IGNORECASE)


# A year's column whose header says its figures are preliminary, "2023年（初步）", "2023p", or
# final, "2023年（最终核实）", "2022年（修订）". "2025年预计" or "2025e" is not read: it may be
# an estimate of a year gone by, or a forecast of one still to come, and a forecast taken as a
# figure would judge the target on it. The marks are the words a quality cell takes for
# "preliminary" and "official", and the bureaus' own.
_MARKS: dict[str, Quality] = {
    **{word.casefold(): Quality.PRELIMINARY for word in ENUM_WORDS[Quality]["preliminary"]},
    **dict.fromkeys(("preliminary", "prelim.", "p"), Quality.PRELIMINARY),
    **{word.casefold(): Quality.OFFICIAL for word in ENUM_WORDS[Quality]["official"]},
    **dict.fromkeys(
        ("official", "最终核实", "最终核实数", "核实", "核实数", "修订", "修订数", "revised"),
        Quality.OFFICIAL,
    ),
}
_MARK_WORDS = "|".join(map(re.escape, sorted(_MARKS, key=len, reverse=True)))
_MARKED = re.compile(rf"(?P<year>.+?)\s*\(?\s*(?P<mark>{_MARK_WORDS})\s*\)?", re.IGNORECASE)
# the words that say a figure may be a forecast, in a year's header or a sub-heading under it
_FORECAST_WORDS = (
    r"预计|预测|预估|估计|估算"
    r"|(?<![a-z])(?:estimated?|estimates?|est\.?|forecasts?|projected|projections?)(?![a-z])"
)
_FORECAST = re.compile(
    rf"(?P<year>.+?)\s*\(?\s*(?:{_FORECAST_WORDS}|e)\s*\)?",
    re.IGNORECASE,
)


def header_year(cell: Cell) -> int | None:
    """The year a column header names: 2021, "2021", "2021年", "２０２１年", "FY2021", and
    "2023年（初步）" or "2023p" (see header_quality)."""
    found = _header(cell)
    return None if found is None else found[0]


def header_quality(cell: Cell) -> Quality | None:
    """The quality a year's header gives its figures: preliminary for "2023年（初步）" or
    "2023p", official for "2023年（最终核实）" or "2022 (revised)"; None when it says nothing."""
    found = _header(cell)
    return None if found is None else found[1]


def _header(cell: Cell) -> tuple[int, Quality | None] | None:
    text = unicodedata.normalize("NFKC", read_text(cell)).strip()
    if not text or len(text) > 24:
        return None
    return _year_header(_without_whole_year(text))


def _without_whole_year(text: str) -> str:
    """A heading without the words naming all of its year: "2023年1-12月累计" is the year's
    own figure, as "2023年" is."""
    whole = WHOLE_YEAR.search(text)
    if whole is None:
        return text
    after = _AFTER_WHOLE_YEAR.match(text, whole.end())
    end = after.end() if after is not None else whole.end()
    return _EMPTY_BRACKETS.sub("", text[: whole.start()] + text[end:]).strip()


def _year_header(text: str) -> tuple[int, Quality | None] | None:
    year = _year_of(text)
    if year is not None:
        return (year, None) if len(text) <= 12 else None
    marked = _MARKED.fullmatch(text)
    if marked is None:
        return None
    year = _year_of(marked["year"])
    return None if year is None else (year, _MARKS[marked["mark"].casefold()])


def is_forecast_header(cell: Cell) -> bool:
    """A year's header that may name a forecast: "2025年预计", "2025e", "2025 (est.)"."""
    text = _without_whole_year(unicodedata.normalize("NFKC", read_text(cell)).strip())
    found = _FORECAST.fullmatch(text) if len(text) <= 24 else None
    return found is not None and _year_of(found["year"]) is not None


_FORECAST_WORD = re.compile(_FORECAST_WORDS, re.IGNORECASE)


_ESTIMATE_WORD = re.compile(
    r"估算|估计|(?<![a-z])(?:estimated?|estimates?|est\.?)(?![a-z])", re.IGNORECASE
)


def names_a_forecast(words: str, *, estimates: bool = True) -> bool:
    """Whether a heading or title says its figures may be forecasts ("预计数", "Forecast"); an
    estimate is one too (a year's "2023年估算" may be a forecast of it) unless `estimates` is
    False (a title's "population estimates" are the office's figures)."""
    found = [m[0] for m in _FORECAST_WORD.finditer(words)]
    return any(estimates or not _ESTIMATE_WORD.fullmatch(word) for word in found)


def names_an_estimate(words: str) -> bool:
    return _ESTIMATE_WORD.search(words) is not None


def _year_of(text: str) -> int | None:
    try:
        return parse_year(_FISCAL.sub("", text).removesuffix("度"))
    except NumberError:
        return None


# the words a sub-heading or a value column's heading names the figure by, beside its mark
_FIGURE_WORDS = re.compile(r"绝对值|数值|数据|值|数|amount|value|figure|[\s,，:：()]+")


def quality_in(words: str) -> Quality | None:
    """The quality a heading names, as a whole ("初步数"), in its brackets ("绝对值（初步）")
    or beside the figure's own name ("初步值", "Amount, preliminary"); None when it names
    none ("未核实" is no mark of a final figure)."""
    text = unicodedata.normalize("NFKC", words).casefold().strip()
    parts = [text, *re.findall(r"\(([^()]*)\)", text), _FIGURE_WORDS.sub("", text)]
    return next((_MARKS[p.strip()] for p in parts if p.strip() in _MARKS), None)
