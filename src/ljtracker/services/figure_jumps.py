"""New figures ten times, or a tenth of, their target's figure before them: most often a digit
or a decimal point that slipped ("50123" typed for 5,012.3), pointed out where figures are
entered (the window, `record`) with how to take the change back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ljtracker.domain.explain import join_unit
from ljtracker.domain.model import Target
from ljtracker.domain.validation import tenfold_apart
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook

NEAR_YEARS = 5  # a figure further on than this may well have grown tenfold


@dataclass(frozen=True)
class Jump:
    target: Target
    year: int
    value: float
    before_year: int
    before_value: float
    before_is_baseline: bool

    @property
    def up(self) -> bool:
        value, before = self.value, self.before_value
        return value > before if value > 0 else value < before

    def text(self, lang: str, number: Callable[[float], str]) -> str:
        """ "40,157 亿元 is over ten times the 2021 figure (4,000 亿元)", numbers as `number`
        writes them."""
        zh, unit, year = lang == "zh", self.target.unit, self.before_year
        new = join_unit(number(self.value), unit, zh=zh)
        old = join_unit(number(self.before_value), unit, zh=zh)
        if zh:
            before = f"{year}年基期值" if self.before_is_baseline else f"{year}年数据"
            times = "十倍" if self.up else "十分之一"
            return f"{new}{'超过' if self.up else '不到'}{before}（{old}）的{times}"
        before = f"the {year} baseline" if self.before_is_baseline else f"the {year} figure"
        return f"{new} is {'over ten times' if self.up else 'under a tenth of'} {before} ({old})"


def jumps(wb: Workbook, given: Sequence[tuple[Target, int, float]]) -> list[Jump]:
    """The new values (target, year, value) ten times or a tenth of their target's latest
    figure before that year, else its baseline, or more so, when that is at most NEAR_YEARS
    before them; read before they are written."""
    ids = {target.id or 0 for target, _, _ in given}
    figures = reads.observations_by_target(wb, ids) if ids else {}
    found = []
    for target, year, value in given:
        earlier = [o for o in figures.get(target.id or 0, []) if o.year < year]
        if earlier:  # ordered by year
            before = (earlier[-1].year, earlier[-1].value, False)
        elif target.baseline_year is not None and target.baseline_value is not None:
            if target.baseline_year >= year:
                continue
            before = (target.baseline_year, target.baseline_value, True)
        else:
            continue
        if year - before[0] <= NEAR_YEARS and tenfold_apart(value, before[1]):
            found.append(Jump(target, year, value, *before))
    return found
