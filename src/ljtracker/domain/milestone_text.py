"""A target's milestones as one line of text, as a spreadsheet cell holds them:
"2023: 4,300; 2024: 4,600" (full-width ：and ；are read as well)."""

from __future__ import annotations

import re

from ljtracker.domain.model import Milestone
from ljtracker.domain.number_text import exact_number
from ljtracker.domain.numbers import NumberError, parse_number, parse_year

_SEPARATOR = re.compile(r"[;；\n]")
_PAIR = re.compile(r"^\s*([^:：]+?)\s*[:：]\s*(.+?)\s*$")


def milestones_text(milestones: tuple[Milestone, ...]) -> str:
    """Every digit of each value, so that the text reads back as the same milestones."""
    return "; ".join(f"{m.year}: {exact_number(m.value)}" for m in milestones)


def parse_milestones(
    text: str, unit: str = "", *, decimal_comma_possible: bool = False
) -> tuple[Milestone, ...]:
    """The milestones the text names, sorted by year; NumberError naming the piece that
    cannot be read, or a year named twice. `decimal_comma_possible` as for parse_number."""
    found: dict[int, Milestone] = {}
    for piece in (p.strip() for p in _SEPARATOR.split(text)):
        if not piece:
            continue
        pair = _PAIR.match(piece)
        if pair is None:
            raise NumberError(
                piece,
                f'"{piece}" is not a milestone; write year: value, e.g. 2023: 4,300',
                f"“{piece}”不是阶段目标；请写作 年份: 数值，如 2023: 4,300",
            )
        year = parse_year(pair[1])
        if year in found:
            raise NumberError(
                piece, f"the milestone year {year} is given twice", f"阶段目标年份 {year} 重复出现"
            )
        value = parse_number(pair[2], unit=unit, decimal_comma_possible=decimal_comma_possible)
        found[year] = Milestone(year, value)
    return tuple(found[year] for year in sorted(found))
