"""A target stated in words, in Chinese or English, as planners write it."""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable, Sequence

from ljtracker.domain.model import Area, Comparator, Direction, Kind, Plan, Target
from ljtracker.domain.number_text import difference, format_number, join_unit

COMPARATOR_WORDS: dict[Comparator, tuple[str, str]] = {
    Comparator.AT_LEAST: ("at least", "不低于"),
    Comparator.AT_MOST: ("at most", "不高于"),
    Comparator.ABOUT: ("about", "左右"),
}
DIRECTION_WORDS: dict[Direction, tuple[str, str]] = {
    Direction.INCREASE: ("should increase", "应提高"),
    Direction.DECREASE: ("should decrease", "应降低"),
}
KIND_WORDS: dict[Kind, tuple[str, str]] = {
    Kind.EXPECTED: ("expected", "预期性"),
    Kind.BINDING: ("binding", "约束性"),
}


def name(target: Target, lang: str) -> str:
    if lang == "zh":
        return target.name_zh or target.name_en
    return target.name_en or target.name_zh


def title(plan: Plan, lang: str) -> str:
    if lang == "zh":
        return plan.title_zh or plan.title_en
    return plan.title_en or plan.title_zh


def area_name(area: Area, lang: str) -> str:
    if lang == "zh":
        return area.name_zh or area.name_en
    return area.name_en or area.name_zh


def _as_is(words: str) -> str:
    return words


def goal(target: Target, lang: str, whole: Callable[[str], str] = _as_is) -> str:
    """'at least 5,000 亿元 by 2025', '2025年不低于5,000亿元', or the monitoring direction.
    `whole` marks the pieces a line must not break inside (an amount, a year) for a printer."""
    zh = lang == "zh"
    if target.comparator is None or target.target_value is None:
        if target.direction is None:
            return "监测指标" if zh else "monitoring indicator"
        words = DIRECTION_WORDS[target.direction]
        return f"监测指标，{words[1]}" if zh else f"monitoring indicator, {words[0]}"
    value = whole(join_unit(format_number(target.target_value), target.unit, zh=zh))
    year = whole(f"{target.target_year}年" if zh else f"by {target.target_year}")
    en, zh_word = (whole(word) for word in COMPARATOR_WORDS[target.comparator])
    if target.comparator is Comparator.ABOUT and target.tolerance is not None:
        tol = whole(difference(format_number(target.tolerance), target.unit, zh=zh))
        if zh:
            return f"{year}{value}左右（±{tol}）"
        return f"about {value} (± {tol}) {year}"
    if zh:
        return f"{year}{zh_word}{value}"
    return f"{en} {value} {year}"


# a monitoring indicator's goal where room is short: a table cell of the dashboard or the report
MONITORING_SHORT: dict[Direction | None, tuple[str, str]] = {
    None: ("monitoring", "监测指标"),
    Direction.INCREASE: ("monitoring: increase", "监测：应提高"),
    Direction.DECREASE: ("monitoring: decrease", "监测：应降低"),
}


def goal_short(target: Target, lang: str, whole: Callable[[str], str] = _as_is) -> str:
    """The goal for a table cell: a target's as `goal` gives it, a monitoring indicator's
    direction in two words ("monitoring: increase", "监测：应提高"), kept whole by `whole`."""
    if not target.is_monitoring:
        return goal(target, lang, whole)
    en, zh = MONITORING_SHORT[target.direction]
    return whole(zh) if lang == "zh" else en


def yearly_change(amount: float, unit: str, lang: str) -> str:
    """What is still needed each year as an amount: "an increase of 960 亿元 a year", "a fall
    of 4 吨 a year", "每年减少4吨". A rate in % moves by percentage points, which "1.5 %" beside
    "8.47 % a year" of growth would not tell apart."""
    zh = lang == "zh"
    how_much = difference(format_number(abs(amount)), unit, zh=zh)
    if zh:
        return f"每年{'减少' if amount < 0 else '增加'}{how_much}"
    return f"{'a fall' if amount < 0 else 'an increase'} of {how_much} a year"


def in_words(target: Target, lang: str) -> str:
    """'GDP of the whole new area: at least 5,000 亿元 by 2025, expected'; a monitoring
    indicator, which has no target to expect or bind, without the kind."""
    kind_en, kind_zh = KIND_WORDS[target.kind]
    if target.is_monitoring:
        return f"{name(target, lang)}{'：' if lang == 'zh' else ': '}{goal(target, lang)}"
    if lang == "zh":
        return f"{name(target, lang)}：{goal(target, lang)}（{kind_zh}）"
    return f"{name(target, lang)}: {goal(target, lang)}, {kind_en}"


def quoted_names(names: Sequence[str], lang: str) -> str:
    """Names quoted and listed as a message gives them: '"a", "b"', "“a”、“b”"."""
    if lang == "zh":
        return "、".join(f"“{name}”" for name in names)
    return ", ".join(f'"{name}"' for name in names)


_CMD_SPECIAL = frozenset(" \t&|<>^()%!,;=")  # what cmd.exe reads as more than a name's letters


def command_word(text: str, *, windows: bool = os.name == "nt") -> str:
    """A name as typed into a command in this system's shell, quoted where it must be:
    '十四五 规划.ljt' for a POSIX shell, "十四五 规划.ljt" or "R&D.ljt" for Windows' cmd.exe
    (which keeps single quotes as part of the name, and where no file name holds a '"')."""
    if not windows:
        return shlex.quote(text)
    return f'"{text}"' if not text or _CMD_SPECIAL.intersection(text) else text


def first_few(
    items_en: Sequence[str],
    items_zh: Sequence[str],
    most: int = 5,
    *,
    clauses: bool = False,
) -> tuple[str, str]:
    """Items listed in a message, the first `most` named and the rest counted:
    "a, b and 3 more", "a、b 等 5 个"; `clauses`, items with commas of their own, are
    parted by semicolons: "a, b; c, d"."""
    en_sep, zh_sep = ("; ", "；") if clauses else (", ", "、")
    en, zh = en_sep.join(items_en[:most]), zh_sep.join(items_zh[:most])
    if len(items_en) > most:
        en += f" and {len(items_en) - most} more"
        zh += f" 等 {len(items_zh)} 个"
    return en, zh
