"""What a note below a table says of the quality of a year's figures: "注：2024年为初步数",
"2024年地区生产总值为初步核算数", "注：2022—2024年数据为快报数", "2023 and 2024 figures are
preliminary", "Figures for 2025 are estimates".

A note is read clause by clause. A clause's mark is said of the years just before it (a list or
a span of them), with at most the figures' name between; not where those years are the ones
compared with ("2024年比2023年初步数增长5%", "computed on the 2023 preliminary figure"), nor
where the mark is denied or revised away ("not preliminary", "2023年初步核算数已修订为最终核实
数"). Every pattern here is linear in the note's length: a note is a cell's free text."""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from ljtracker.domain.model import Quality
from ljtracker.sheets.template import ENUM_WORDS

_QUALITY = {
    **{word.casefold(): Quality.PRELIMINARY for word in ENUM_WORDS[Quality]["preliminary"]},
    **{word.casefold(): Quality.ESTIMATE for word in ENUM_WORDS[Quality]["estimate"]},
    "preliminary": Quality.PRELIMINARY,
    "provisional": Quality.PRELIMINARY,
    "初步统计": Quality.PRELIMINARY,
    "estimate": Quality.ESTIMATE,
    "estimates": Quality.ESTIMATE,
    "预计数": Quality.ESTIMATE,
    "预估": Quality.ESTIMATE,
}
_MARK = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(map(re.escape, sorted(_QUALITY, key=len, reverse=True)))
    + r")(?![a-z])",
    re.IGNORECASE | re.ASCII,  # "İ" is no "i": only the words listed are marks
)
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
# "2022-24": a span's end written with two digits (a later year; not "2024-12月", a month)
_SHORT_END = re.compile(
    r"(?<![0-9])((?:19|20)([0-9]{2}))\s?([-—–～~])\s?([0-9]{2})(?![0-9]|\s?月|-)"
)
# a comma between two years belongs to their list, not between clauses: "2022, 2023, and 2024"
_LISTED = re.compile(r"((?:19|20)[0-9]{2})\s?,\s?(?:and\s)?(?=(?:19|20)[0-9]{2})")
_RESPECTIVELY_AFTER = re.compile(r"\s?,\s?(respectively)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[。；;！!？?，,\n]|(?<![0-9])\.|\.(?![0-9])")
# what joins years of one list or span, "年" of each aside
_JOINED = re.compile(
    r"\s{0,3}年?度?\s{0,3}(?:[、和及与&]|and|[-—–～~至到]|to)\s{0,3}", re.IGNORECASE
)
_SPAN = re.compile(r"[-—–～~至到]|to", re.IGNORECASE)
# before the years: they are the ones compared with, or what follows them
_COMPARED = re.compile(
    r"(?:比|较|与|以|按|同|对比|相比|than|on\s+the|from\s+the|against|over|compared\s+(?:with|to)"
    r"|relative\s+to)\s{0,3}$",
    re.IGNORECASE,
)
# between the years and the mark: a comparison, a method of reckoning, prices of a year, a
# revision from the mark, or the years after these ("及以后" keeps them)
_NOT_THEIRS = re.compile(
    r"(?<!及)以后|(?<!及)之后|(?<![占同环])比(?![重例率])|较|按|after|than|prices"
    r"|价格计算|不变价|可比价|revised|修订|修正",
    re.IGNORECASE,
)
# around the mark: denied, or revised since
_DENIED = re.compile(r"(?:不再是|不是|并非|非|不属于|not|no\s+longer)\s{0,3}$", re.IGNORECASE)
_REVISED = re.compile(r"修订|修正|核实|revised|superseded", re.IGNORECASE)
_REVISED_WITHIN = 14  # characters after the mark: "初步核算数已修订为…", "…已于2025年修订"
_IN_A_YEAR = re.compile(r"于\s?(?:19|20)[0-9]{2}\s?年|in\s(?:19|20)[0-9]{2}", re.IGNORECASE)
_OFFICIAL = re.compile(
    r"(?<![a-z])(?:最终核实数|最终核实|核实数|正式数|正式|最终数|final|official)(?![a-z])",
    re.IGNORECASE,
)
_DATE = re.compile(r"\s?[-/.][0-9]{1,2}[-/.][0-9]{1,2}")  # "2025-03-31": a day, not figures
_RESPECTIVELY = re.compile(r"分别|respectively", re.IGNORECASE)
_MOST_BETWEEN = 30  # characters between the years and the mark: the figures' name, "为"
# enclosed numbers ("①") that NFKC would turn into digits run together with a year
_ENCLOSED = re.compile(
    "[\u00b2\u00b3\u00b9\u2070-\u2079\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]"
)


def qualities_noted(text: str) -> dict[int, Quality]:
    """The years a note says are preliminary or estimated, with that quality: 2024 and
    preliminary for "注：2024年为初步数"."""
    text = unicodedata.normalize("NFKC", _ENCLOSED.sub(" ", text))
    text = _SHORT_END.sub(_span_written_out, text)
    text = _LISTED.sub(r"\1、", _RESPECTIVELY_AFTER.sub(r" \1", text))
    noted: dict[int, Quality] = {}
    for clause in _CLAUSE_END.split(text):
        for year, quality in _clause_qualities(clause):
            noted.setdefault(year, quality)
    return noted


def _clause_qualities(clause: str) -> list[tuple[int, Quality]]:
    marks = list(_MARK.finditer(clause))
    if not marks:
        return []
    mark = marks[0]
    if _DENIED.search(clause[: mark.start()]) or _revised_after(clause, mark.end()):
        return []
    years = [y for y in _YEAR.finditer(clause) if y.end() <= mark.start()]
    if not years:
        return []
    between = clause[years[-1].end() : mark.start()]
    if len(between) > _MOST_BETWEEN or _NOT_THEIRS.search(between) or _DATE.match(between):
        return []
    group = [years[-1]]
    for earlier in reversed(years[:-1]):
        if not _JOINED.fullmatch(clause[earlier.end() : group[0].start()]):
            break
        group.insert(0, earlier)
    if _COMPARED.search(clause[: group[0].start()]):
        return []
    named = _years_of(clause, group)
    if _RESPECTIVELY.search(clause):
        # the statuses in turn, final ones among them: each year takes its own
        said = sorted([*marks, *_OFFICIAL.finditer(clause)], key=lambda m: m.start())
        said = [m for m in said if m.start() >= group[-1].end()]
        if len(said) == len(named):
            paired = zip(named, said, strict=True)
            return [
                (y, _QUALITY[m[0].casefold()]) for y, m in paired if m[0].casefold() in _QUALITY
            ]
    return [(year, _QUALITY[mark[0].casefold()]) for year in named]


def _span_written_out(found: re.Match[str]) -> str:
    """ "2022-24" as "2022-2024", "1998-02" as "1998-2002"."""
    start = int(found[1])
    end = start - start % 100 + int(found[4])
    return f"{found[1]}{found[3]}{end + 100 if end <= start else end}"


def _revised_after(clause: str, end: int) -> bool:
    """Whether the words just after the mark say it was revised (or verified) since, with no
    other year's figures between ("已于2025年修订" is the same figure's revision)."""
    after = _IN_A_YEAR.sub("", clause[end:])
    revised = _REVISED.search(after[:_REVISED_WITHIN])
    return revised is not None and not _YEAR.search(after[: revised.start()])


def _years_of(clause: str, group: list[re.Match[str]]) -> list[int]:
    """The years a list or span of years names, every year of a span."""
    named = [int(group[0][0])]
    for before, year in pairwise(group):
        if _SPAN.search(clause[before.end() : year.start()]):
            named += range(named[-1] + 1, int(year[0]))
        named.append(int(year[0]))
    return named
