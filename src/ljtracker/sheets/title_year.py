"""The year a table's title gives its figures, where the table has no year column of its own
("两江新区2023年主要经济指标" over "指标 | 绝对值 | 比上年增长%")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ljtracker.sheets.year_headers import names_a_forecast

# a year a Chinese title names, followed by 年 ("2000万元" is an amount, "GB/T 4754-2017" a
# standard's code); in a line without Chinese, one standing alone ("Main indicators, 2023",
# "FY2023"); a financial year's two, "2023/24年度"
_CJK_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")
_SPANNED = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*[/／]\s*([0-9]{2}|[0-9]{4})\s*年")
_LONE_YEAR = re.compile(
    r"(?:(?<=FY)|(?<=FY )|(?<![0-9A-Za-z.]))((?:19|20)[0-9]{2})(?![0-9A-Za-z.%‰])",
    re.IGNORECASE,
)
_CJK = re.compile(r"[\u3400-\u9fff]")
# a line about the table, not its period: where it comes from, when it was published
_ABOUT_THE_TABLE = re.compile(
    r"^\s*(?:注|资料来源|数据来源|来源|说明|sources?\b|notes?\b)|发布|公布|出版|印发|填报|制表"
    r"|released|published|issued|prepared|updated",
    re.IGNORECASE,
)
# a part of a year, anywhere in a title line naming a year ("1—12月" is all of it): a table
# of part of a year is refused rather than read as the whole year's, a date there with it
_RANGE = r"\s*[-—–~～－至到]\s*"
_MONTHS = r"[0-9０-９一二三四五六七八九十]+"
_PART = re.compile(
    rf"(?<![0-9０-９一二三四五六七八九十]){_MONTHS}(?:{_RANGE}{_MONTHS})?\s*月"
    rf"|[前第]?[一二三四1-4]?(?:{_RANGE}[一二三四1-4])?\s*季度|上半年|下半年|半年度?"
)
# all of a year: "1—12月", or a date at its end, "截至2023年12月31日"
_WHOLE_YEAR = re.compile(
    rf"(?<![0-9０-９一二三四五六七八九十])(?:[1１一]{_RANGE}(?:12|１２|十二)\s*月"
    r"|(?:12|１２|十二)\s*月\s*(?:31|３１|三十一)\s*日)"
    r"|12\s*months|31\s*dec(?:ember)?|dec(?:ember)?\s*31|year\s+ending",
    re.IGNORECASE,
)
_PART_EN = re.compile(
    r"(?<![a-z])(?:q[1-4]|h[12]|half|half-year|quarters?|quarterly|months?|ytd|year.to.date"
    r"|january|february|march|april|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)(?![a-z])",
    re.IGNORECASE,
)


class TitleCell(NamedTuple):
    row: int
    col: int
    text: str


class TitleYear(NamedTuple):
    year: int
    cell: TitleCell  # the title cell that names it


class TitleRefused(NamedTuple):
    cell: TitleCell
    message_en: str
    message_zh: str


def title_year(cells: Sequence[TitleCell]) -> TitleYear | TitleRefused | None:
    """The one year the title cells above a table name; why they give none where they name a
    part of a year, several years or a forecast; None where they name no year at all (no
    table of one year, then)."""
    # "（2024年3月发布）" in a title says when, not of what
    bare = [cell._replace(text=_BRACKETED.sub(_unless_about, cell.text)) for cell in cells]
    titles = [cell for cell in bare if not _ABOUT_THE_TABLE.search(cell.text)]
    named = [(cell, _years(cell.text)) for cell in titles]
    named = [(cell, years) for cell, years in named if years]
    if not named:
        return None
    for cell, _ in named:  # lines naming no year ("每季度更新") say nothing of its period
        text = _WHOLE_YEAR.sub("", cell.text)
        part = _PART.search(text) or _PART_EN.search(text)
        if part is not None:
            shown = part[0].strip()
            return TitleRefused(
                cell,
                f"the title names a part of a year ({shown}): the table has no year column,"
                " and its figures are read only as a whole year's",
                f"标题所指为一年中的部分时期（{shown}）：表格没有年份列，仅可按全年数据读取",
            )
    years = sorted({year for _, found in named for year in found})
    first = named[0][0]
    if len(years) > 1:
        listed = ", ".join(map(str, years))
        return TitleRefused(
            first,
            f"the title names several years ({listed}) and the table has no year column: add"
            " one, or a column per year",
            f"标题含多个年份（{listed}），而表格没有年份列：请添加年份列，或每年一列",
        )
    if names_a_forecast(first.text, estimates=False):  # "population estimates" are figures
        return TitleRefused(
            first,
            "the title says the figures may be forecasts: not imported. To import them as"
            " estimates, add a year column and import them with the quality Estimate",
            "标题表明数据可能是预测值：未导入。如需按估算数据导入，请添加年份列，并在导入时"
            "将数据质量选为“估算”",
        )
    return TitleYear(years[0], first)


_BRACKETED = re.compile(r"[（(][^（）()]*[)）]")


def _unless_about(found: re.Match[str]) -> str:
    return "" if _ABOUT_THE_TABLE.search(found[0]) else found[0]


def _years(text: str) -> set[int]:
    if not _CJK.search(text):
        return {int(year) for year in _LONE_YEAR.findall(text)}
    years = {int(year) for year in _CJK_YEAR.findall(text)}
    for first, second in _SPANNED.findall(text):  # "2023/24年度": 2023 and 2024
        years |= {int(first), int(second) if len(second) == 4 else int(first[:2] + second)}
    return years
