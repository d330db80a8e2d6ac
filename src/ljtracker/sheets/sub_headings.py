"""The row under a year's header merged over several columns, as statistical bulletins print
it ("2022年" over "绝对值 | 比上年增长%"): which column holds the year's figure, and what
stands beside it (a growth rate, a change, an index, a rank, a share)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ljtracker.domain.model import Quality
from ljtracker.sheets.cells import Note, Sheet, column_letter
from ljtracker.sheets.title_words import names_part_of_a_year
from ljtracker.sheets.year_headers import names_a_forecast, quality_in

# columns beside a year's figure, under the same year: its growth, change, index or rank, then
# its share (a share's own figure may be headed "Share (%)" beside its change)
_BESIDE = (
    re.compile(
        r"增长|增速|增幅|增减|提高|下降|百分点|比上年|同比|环比|发展速度|上年\s*=\s*100|指数|位次|排名"
        r"|growth|change|increase|decrease|yoy|y-o-y|y/y|index|rank|\bpp\b|\+/-|±",
        re.IGNORECASE,
    ),
    re.compile(r"比重|占比|share", re.IGNORECASE),
)


@dataclass(frozen=True)
class SubHeadings:
    """Years headed over two columns or more, told apart by the row below: the year's figure
    and what is beside it ("2022年" merged over "绝对值 | 比上年增长%")."""

    figures: dict[int, int]  # a figure's column -> its year
    beside: dict[int, int]  # a growth rate's (or share's) column -> its figure's column
    forecasts: dict[int, int]  # the columns of a year whose figure may be a forecast -> year
    qualities: dict[int, Quality]  # a figure's column -> the quality its sub-heading says


def sub_headings(sheet: Sheet, header: int, year_cols: dict[int, int]) -> SubHeadings | None:
    """None where no year is headed over several columns, or the row below does not tell one
    figure from what is beside it. Where one is, the row below heads every year's columns, a
    year of one column among them."""
    below = header + 1
    if below >= sheet.height:
        return None
    found = SubHeadings({}, {}, {}, {})
    spread = False  # whether any year is headed over several columns
    for col, year in year_cols.items():
        merged = [col]
        while merged[-1] + 1 < sheet.width and (header, merged[-1] + 1) in sheet.merged_copies:
            merged.append(merged[-1] + 1)
        spread = spread or len(merged) > 1
        figure, beside = merged, []
        for kind in _BESIDE:
            if len(figure) > 1:
                beside += [c for c in figure if kind.search(sheet.text(below, c))]
                figure = [c for c in merged if c not in beside]
        if len(figure) != 1:
            return None
        words = sheet.text(below, figure[0])
        if names_part_of_a_year(words):  # "2024年" over "1-9月 | 比上年增长%": not the year's
            return None
        if names_a_forecast(words):  # "预计数": as a header "2025年预计" is, left out
            found.forecasts.update(dict.fromkeys(merged, year))
            continue
        found.figures[figure[0]] = year
        found.beside.update(dict.fromkeys(beside, figure[0]))
        quality = quality_in(words)
        if quality is not None:
            found.qualities[figure[0]] = quality
    return found if spread else None


def is_beside(words: str) -> bool:
    """Whether a heading names what stands beside a figure: its growth, change, index, rank
    or share ("比上年增长%")."""
    return any(kind.search(words) for kind in _BESIDE)


def beside_column(sheet: Sheet, header: int, col: int) -> Note:
    letter, title = column_letter(col), sheet.text(header, col)
    return Note(
        f"column {letter} ({title!r}) is a growth rate, change, share or rank beside the year's"
        " figure: not imported",
        f"第 {letter} 列（“{title}”）是该年数值旁的增速、增减、比重或位次，未导入",
    )


def forecast_column(sheet: Sheet, header: int, col: int, year: int) -> Note:
    letter, title = column_letter(col), sheet.text(header, col)
    return Note(
        f"column {letter} ({year}, {title!r}) may hold forecasts, not figures: not imported. To"
        " import it as estimates, head it with the year alone and import it on its own with the"
        " quality Estimate",
        f"第 {letter} 列（{year}年“{title}”）可能是预测值而非实际数据，未导入。如需按估算数据"
        "导入，请把列标题改为年份，并单独导入该列、数据质量选“估算”",
    )
