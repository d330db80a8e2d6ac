"""What a note below a table says of a year's figures: preliminary or estimated, or nothing."""

from __future__ import annotations

import pytest

from ljtracker.domain.model import Quality
from ljtracker.sheets.note_quality import qualities_noted

P, E = Quality.PRELIMINARY, Quality.ESTIMATE

SAID = [
    ("注：2024年为初步数", {2024: P}),
    ("注：2021年数据为初步核算数。", {2021: P}),
    ("注：2024年地区生产总值为初步核算数，2023年数据已根据第五次全国经济普查结果修订。", {2024: P}),
    ("注：2024年全市GDP为初步核算数", {2024: P}),
    ("注：2024年规模以上工业增加值为快报数", {2024: P}),
    ("注：2024年各项数据均为初步统计数", {2024: P}),
    ("注：2024年度数据为初步核算数", {2024: P}),
    ("注：2025年：预计数", {2025: E}),
    ("注：2024p为初步数", {2024: P}),
    ("2024年（快报）", {2024: P}),
    ("注：2022、2023年为初步数，2021年为正式数", {2022: P, 2023: P}),
    ("注：2022—2024年数据为初步核算数。", {2022: P, 2023: P, 2024: P}),
    ("注：2022年至2024年为快报数", {2022: P, 2023: P, 2024: P}),
    ("注：①2024年数据为初步数；②2025年为预计数。", {2024: P, 2025: E}),
    ("2023 figures are preliminary", {2023: P}),
    ("Note: 2024 GDP figures are preliminary.", {2024: P}),
    ("Note: 2022, 2023, and 2024 figures are preliminary", {2022: P, 2023: P, 2024: P}),
    ("Note: 2023 & 2024 figures are preliminary", {2023: P, 2024: P}),
    ("Note: 2022–2024 figures are preliminary", {2022: P, 2023: P, 2024: P}),
    ("Figures for 2024 are estimates", {2024: E}),
    ("Note: 2023 preliminary. 2022 final", {2023: P}),
    # the mark is said of the year it follows, not of one compared with, nor revised away
    ("注：2024年初步核算数据较2023年增长5.2%", {2024: P}),
    ("注：2024年比2023年初步数增长5%", {}),
    ("注：2024年增速以2023年初步核算数为基础推算", {}),
    ("注：2024年增速按2023年初步数计算", {}),
    ("注：2024年数据与2023年初步数可比", {}),
    ("注：2023年初步核算数已修订为最终核实数", {}),
    ("Note: growth in 2024 is computed on the 2023 preliminary figure", {}),
    ("Note: The 2023 figure was revised from a preliminary estimate of 4,100", {}),
    ("preliminary.2023 data are final", {}),
    ("注：按2020年价格计算", {}),
    ("资料来源：两江新区统计局。", {}),
    # each clause for itself, and "respectively" pairs years with marks
    ("注：2024年为初步数，2025年为预计数。", {2024: P, 2025: E}),
    ("2023 figures are preliminary, 2024 figures are estimates.", {2023: P, 2024: E}),
    ("注：2025年为预计数，2024年为初步核算数，2023年及以前为最终核实数。", {2025: E, 2024: P}),
    ("注：2024年比2023年初步数增长5%，2025年为预计数。", {2025: E}),
    ("注：2024年和2025年分别为初步数和预计数。", {2024: P, 2025: E}),
    # denied, revised, or after the year
    ("注：2023年地区生产总值初步核算数经最终核实为12345亿元。", {}),
    ("注：2024年初步核算数已于2025年修订。", {}),
    ("Note: 2024 figures are not preliminary.", {}),
    ("注：2024年数据不是初步数，为最终核实数。", {}),
    ("注：2024年以后为预计数", {}),
    # the figures' name, a part of the year, spans written short or in words
    ("注：2024年全市地区生产总值（GDP）为初步核算数。", {2024: P}),
    ("注：2024年1-9月数据为快报数。", {2024: P}),
    ("注：“十四五”以来（2021—2024年）数据为快报数。", {2021: P, 2022: P, 2023: P, 2024: P}),
    ("注：2022-24年为快报数", {2022: P, 2023: P, 2024: P}),
    ("Figures from 2022 to 2024 are preliminary.", {2022: P, 2023: P, 2024: P}),
    ("Data on 2024 are preliminary.", {2024: P}),
    ("The 2024 figure is an estimate.", {2024: E}),
    ("注：2024年数据与2023年初步数可比", {}),
    # a growth's figures are figures too; a revision elsewhere in the clause is another's
    ("注：2024年地区生产总值及增速为初步核算数。", {2024: P}),
    ("Note: 2024 figures are preliminary and 2023 figures have been revised.", {2024: P}),
    ("注：2024年数据为初步数（2023年已核实）", {2024: P}),
    ("Figures for 2024 are provisional and may be revised.", {2024: P}),
    # statuses in turn, final ones among them
    ("注：2023年、2024年数据分别为最终核实数和初步核算数", {2024: P}),
    (
        "Note: 2023 and 2024 figures are preliminary and estimated, respectively.",
        {2023: P, 2024: E},
    ),
    ("Note: figures for 2023 and 2024 are final and provisional, respectively.", {2024: P}),
    # a month or a day is no span; "及以后" keeps the year; each line a clause
    ("注：2024-12月数据为快报数", {2024: P}),
    ("Note: data released 2025-03-31 are preliminary", {}),
    ("注：2024年及以后年份数据为预计数", {2024: E}),
    ("注：2024年为初步数\n2025年为预计数", {2024: P, 2025: E}),
    # a share's name, a year of a base or of prices, a method of reckoning
    ("2024年三次产业比重为初步核算数", {2024: P}),
    ("注：基期为2020年，2024年为初步核算数", {2024: P}),
    ("注：截至2024年，2025年为预计数", {2025: E}),
    ("Note: 2024 figures at 2020 prices are preliminary.", {}),
    ("2024年人均地区生产总值按年平均常住人口测算", {}),
    # a year-on-year growth is the year's figure; no longer so is not so
    ("注：2024年居民消费价格指数同比涨幅为快报数", {2024: P}),
    ("注：2024年数据已不再是初步数", {}),
    ("Note: 2024 figures are no longer preliminary.", {}),
    # a short span across a century; a footnote's number before the year
    ("Note: 1998-02 figures are estimates", dict.fromkeys(range(1998, 2003), E)),
    ("¹2024年数据为初步数", {2024: P}),
    ("㉑2024年数据为初步数", {2024: P}),
    # a letter of another alphabet's case is no mark's (it raised a KeyError)
    ("2024 prelıminary", {}),
]


@pytest.mark.parametrize(("note", "noted"), SAID)
def test_what_a_note_says_of_a_year_s_figures(note: str, noted: dict[int, Quality]) -> None:
    assert qualities_noted(note) == noted


def test_a_long_list_of_years_is_read_at_once() -> None:
    """Spaces before the commas of a list of years made the reading take hours."""
    years = range(1991, 2021)
    note = "Note: figures for " + " , ".join(map(str, years)) + " are preliminary"
    assert qualities_noted(note) == dict.fromkeys(years, P)
    revised = "Note: figures for " + " and ".join(map(str, years)) + " were revised in 2023."
    assert qualities_noted(revised) == {}
