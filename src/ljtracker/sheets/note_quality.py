"""What a note below a table says of the quality of a year's figures: "注：2024年为初步数",
"2024年地区生产总值为初步核算数", "注：2022—2024年数据为快报数", "2023 and 2024 figures are
preliminary", "Figures for 2025 are estimates".

The mark must be said of the years it follows, with at most the figures' name between
("2024年规模以上工业增加值为快报数"); a year compared with ("2024年比2023年初步数增长5%",
"growth is computed on the 2023 preliminary figure") or a mark revised away ("2023年初步核算数
已修订为最终核实数", "the 2023 figure was revised from a preliminary estimate") names none."""

from __future__ import annotations

import re
import unicodedata

from ljtracker.domain.model import Quality
from ljtracker.sheets.template import ENUM_WORDS

_QUALITY = {
    **{word.casefold(): Quality.PRELIMINARY for word in ENUM_WORDS[Quality]["preliminary"]},
    **{word.casefold(): Quality.ESTIMATE for word in ENUM_WORDS[Quality]["estimate"]},
    "preliminary": Quality.PRELIMINARY,
    "estimates": Quality.ESTIMATE,
    "预计数": Quality.ESTIMATE,
    "初步统计": Quality.PRELIMINARY,
}
_MARK = "|".join(map(re.escape, sorted(_QUALITY, key=len, reverse=True)))
_YEAR = r"(?:19|20)[0-9]{2}\s*(?:年度?|p(?![a-z]))?"
# a list of years, or a span of them ("2022—2024年", "2022年至2024年")
_SPAN = r"\s*(?:—|–|-|～|~|至|到)\s*"
_AND = r"\s*(?:、|，|,|和|及|与|&|,?\s*and)\s*"
_YEARS = rf"(?<![0-9]){_YEAR}(?:(?:{_SPAN}|{_AND}){_YEAR})*(?![0-9])"
# what may come between the years and the mark: the figures' name, "为", "are", a colon
_BETWEEN = r"[^0-9,，;；。.!?！？()（）]{0,24}?"
_NOTED = re.compile(
    rf"(?:(?:figures?|data|numbers?)\s+(?:for|of)\s+)?(?P<years>{_YEARS})"
    rf"(?P<between>{_BETWEEN})[(（\s]*(?P<mark>{_MARK})(?![a-z])(?P<rest>[^;；。]*)",
    re.IGNORECASE,
)
# words before the years that make them the ones compared with, not the ones marked
_COMPARED = re.compile(
    r"(?:比|较|与|以|按|同|对比|than|on(?:\s+the)?|from(?:\s+the)?|against(?:\s+the)?"
    r"|over(?:\s+the)?|with(?:\s+the)?|to(?:\s+the)?)\s*$",
    re.IGNORECASE,
)
# words that say the years' figures are not (or no longer) so
_NOT_SO = re.compile(r"修订|修正|核实为|比|较|增长|下降|revised|than|from|growth", re.IGNORECASE)
# enclosed numbers ("①") that NFKC would turn into digits run together with a year
_ENCLOSED = re.compile("[\u2460-\u24ff\u2776-\u2793]")


def qualities_noted(text: str) -> dict[int, Quality]:
    """The years a note says are preliminary or estimated, with that quality: 2024 and
    preliminary for "注：2024年为初步数"."""
    text = unicodedata.normalize("NFKC", _ENCLOSED.sub(" ", text))
    noted: dict[int, Quality] = {}
    for found in _NOTED.finditer(text):
        if _COMPARED.search(text[: found.start("years")]) or _NOT_SO.search(found["between"]):
            continue
        if re.match(r"\s*(?:已|was|were|has been)?\s*(?:修订|核实|revised)", found["rest"]):
            continue
        quality = _QUALITY[found["mark"].casefold()]
        for year in _years_in(found["years"]):
            noted.setdefault(year, quality)
    return noted


def _years_in(words: str) -> list[int]:
    """The years a list or span names, every year of a span."""
    years: list[int] = []
    parts = re.split(rf"({_SPAN})", words)
    for index, part in enumerate(parts):
        found = [int(y) for y in re.findall(r"(?:19|20)[0-9]{2}", part)]
        if index % 2 == 0:
            previous_span = index >= 2 and years and found
            if previous_span:
                years += range(years[-1] + 1, found[0])
            years += found
    return years
