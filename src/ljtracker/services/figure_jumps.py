"""New figures ten times, or a tenth of, their target's figure before them (or, for a year
before any, the figure after them): most often a digit or a decimal point that slipped ("50123"
typed for 5,012.3); and amounts below zero after one above it (a GDP of -5). Pointed out where
figures are entered (the window, `record`, the import's preview) with how to take the change
back."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from ljtracker.domain.model import Target
from ljtracker.domain.number_text import join_unit
from ljtracker.domain.numbers import is_rate_unit
from ljtracker.domain.validation import apart_by, tenfold_apart
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook


@dataclass(frozen=True)
class Jump:
    target: Target
    year: int
    value: float
    known_year: int
    known_value: float
    known_is_baseline: bool
    # the known figure is itself doubtful (a workbook figure an import puts right): the jump
    # is said, but it is no reason to refuse the import
    known_doubtful: bool = False

    @property
    def up(self) -> bool:
        value, before = self.value, self.known_value
        return value > before if value > 0 else value < before

    @property
    def hundredfold(self) -> bool:
        """A hundred times or a hundredth of the known figure, or more: a table in another unit
        (万元 for 亿元, 人 for 万人) rather than a slipped digit, or a swing of a growth rate."""
        return apart_by(self.value, self.known_value, 100)  # 0.164 / 16.4 too

    @property
    def refuses_import(self) -> bool:
        """Whether an import is refused for it unless the planner accepts it."""
        return self.hundredfold and not self.known_doubtful

    @property
    def below_zero(self) -> bool:
        """An amount below zero after one above it, rather than a tenfold jump."""
        return self.value < 0 < self.known_value

    def text(self, lang: str, number: Callable[[float], str]) -> str:
        """ "40,157 亿元 is at least ten times the 2021 figure (4,000 亿元)", or "-5 亿元 is below
        zero, where the 2021 figure is 4,500 亿元", numbers as `number` writes them."""
        zh, unit, year = lang == "zh", self.target.unit, self.known_year
        new = join_unit(number(self.value), unit, zh=zh)
        old = join_unit(number(self.known_value), unit, zh=zh)
        replaced = year == self.year and not self.known_is_baseline  # revised by an import
        if zh:
            before = f"{year}年基期值" if self.known_is_baseline else f"{year}年数据"
            before = "所替换的数据" if replaced else before
            if self.below_zero:
                return f"{new}为负数，而{before}为{old}"
            times = ("百倍", "百分之一") if self.hundredfold else ("十倍", "十分之一")
            times_zh = times[0] if self.up else times[1]
            return f"{new}为{before}（{old}）的{times_zh}{'以上' if self.up else '以下'}"
        before = f"the {year} baseline" if self.known_is_baseline else f"the {year} figure"
        before = "the figure it replaces" if replaced else before
        if self.below_zero:
            return f"{new} is below zero, where {before} is {old}"
        times = (
            ("a hundred times", "a hundredth of")
            if self.hundredfold
            else ("ten times", "a tenth of")
        )
        # "at least": a slipped decimal point gives ten times or a tenth exactly
        size = "at least " + times[0] if self.up else "at most " + times[1]
        return f"{new} is {size} {before} ({old})"

    def slip(self, lang: str) -> str:
        """What may have slipped: "a digit or the decimal point", or the minus sign."""
        if self.below_zero:
            return "负号" if lang == "zh" else "the minus sign"
        return "数字或小数点" if lang == "zh" else "a digit or the decimal point"


def jump_from(
    target: Target, year: int, value: float, figures: Iterable[tuple[int, float]]
) -> Jump | None:
    """The jump of a new value from the figure nearest before it among `figures` (year,
    value) or the target's baseline, or, when none is before it (earlier years filled in),
    the nearest after it, when it is ten times or a tenth of it or more so."""
    known = [(y, v, False) for y, v in figures if y != year]
    baseline = target.baseline_year, target.baseline_value
    if baseline[0] is not None and baseline[1] is not None and baseline[0] != year:
        known.append((baseline[0], baseline[1], True))
    earlier = [k for k in known if k[0] < year]
    if earlier:  # the latest year; of a figure and the baseline of one year, the figure
        other = max(earlier, key=lambda k: (k[0], not k[2]))
    elif known:  # the earliest year after it, the figure again first
        other = min(known, key=lambda k: (k[0], k[2]))
    else:
        return None
    return jump_between(target, year, value, *other)


def jump_between(
    target: Target, year: int, value: float, known_year: int, known_value: float, is_baseline: bool
) -> Jump | None:
    """The jump of a new value from one known figure (or the baseline), when it is ten times or
    a tenth of it or more so, or an amount below zero where that one is above it."""
    # a rate (in % or ‰) may fall below zero after a rise; an amount hardly
    turned = value < 0 < known_value and not is_rate_unit(target.unit)
    if turned or tenfold_apart(value, known_value):
        return Jump(target, year, value, known_year, known_value, is_baseline)
    return None


def may_jump(values: Collection[float]) -> bool:
    """Whether any one of `values` could jump from another: not when all are on one side of
    zero and the largest is under ten times the smallest (the figures of most targets)."""
    if not values:
        return False
    sizes = [abs(value) for value in values]
    one_side = all(value > 0 for value in values) or all(value < 0 for value in values)
    return not one_side or max(sizes) >= 9.99 * min(sizes)  # a margin for rounding


def jumps(wb: Workbook, given: Sequence[tuple[Target, int, float]]) -> list[Jump]:
    """The new values (target, year, value) ten times or a tenth of the figure nearest before
    them (its target's figure of an earlier year, or its baseline; for a year before both, the
    nearest after), or more so; read before they are written. However many years lie
    between: a slip is likelier than such growth, and a note said in vain costs less than a
    wrong figure kept."""
    ids = {target.id or 0 for target, _, _ in given}
    figures = reads.observations_by_target(wb, ids) if ids else {}
    found = []
    for target, year, value in given:
        known = ((o.year, o.value) for o in figures.get(target.id or 0, []))
        jump = jump_from(target, year, value, known)
        if jump is not None:
            found.append(jump)
    return found
