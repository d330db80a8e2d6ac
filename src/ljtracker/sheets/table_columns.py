"""The words that head a table's columns (an indicator's name, code and unit; a long table's
year and value), and the columns a header row heads by a year."""

from __future__ import annotations

from ljtracker.domain.model import Quality
from ljtracker.sheets.cells import Sheet
from ljtracker.sheets.layout import Located
from ljtracker.sheets.template import OBSERVATION_ALIASES, header_lookup, normalize_header
from ljtracker.sheets.title_words import names_part_of_a_year
from ljtracker.sheets.year_headers import header_quality, header_year

_LABEL_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "指标",
        "指标名称",
        "项目",
        "名称",
        "中文名称",
        "英文名称",
        "name_zh",
        "name_en",
        "indicator",
        "item",
        "series",
    ),
    "code": ("代码", "指标代码", "编码", "indicator code"),
    "unit": ("单位", "计量单位", "units"),
}

_LONG_ALIASES: dict[str, tuple[str, ...]] = {
    **_LABEL_ALIASES,
    "year": (
        "年份",
        "年度",
        "年",
        "时间",
        "报告期",
        "统计时期",
        "统计年度",
        "period",
        "time",
        "reference year",
        "reporting year",
        "time_period",
        "ref_period",
    ),
    "value": (
        "数值",
        "值",
        "数据",
        "实际值",
        "绝对值",  # a bulletin's figure, beside its growth on the year before
        "完成值",
        "完成数",
        "总量",
        "全年",
        "本年",  # beside "上年": the year's figure and the year before's
        "1-12月",  # the months a year's figure sums, as monthly bulletins head it
        "1—12月",
        "1–12月",
        "1～12月",
        "1至12月",
        "1-12月份",
        "amount",
        "figure",
        "obs_value",
    ),
    "quality": OBSERVATION_ALIASES["quality"],
    "source": OBSERVATION_ALIASES["source"],
    "note": OBSERVATION_ALIASES["note"],
}

LABEL_LOOKUP = header_lookup(_LABEL_ALIASES)
LONG_LOOKUP = header_lookup(_LONG_ALIASES)


def header_columns(sheet: Sheet, row: int, lookup: dict[str, str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for col in range(sheet.width):
        text = sheet.text(row, col)
        column = lookup.get(normalize_header(text))
        if column == "value" and names_part_of_a_year(text):  # "全年（1-9月）": not the year's
            continue
        if column is not None and column not in found:
            found[column] = col
    return found


def year_columns(sheet: Sheet, row: int) -> dict[int, int]:
    """The column of each year the row heads: the first, or one headed final where the first
    is not ("2022年（最终核实）" beside "2022年（初步）")."""
    found: dict[int, int] = {}  # year -> column
    for col in range(sheet.width):
        year = header_year(sheet.cell(row, col))
        if year is None:
            continue
        if year not in found or supersedes(sheet, row, col, found[year]):
            found[year] = col
    return {col: year for year, col in sorted(found.items(), key=lambda item: item[1])}


def supersedes(sheet: Sheet, row: int, col: int, other: int) -> bool:
    """Whether the year column `col` is headed final and `other`, of the same year,
    preliminary (a column of the year unmarked is compared with it figure by figure)."""
    marks = header_quality(sheet.cell(row, col)), header_quality(sheet.cell(row, other))
    return marks == (Quality.OFFICIAL, Quality.PRELIMINARY)


def unit_in(sheet: Sheet, row: int, unit_col: int | None) -> tuple[str, Located | None]:
    """An indicator's unit as its row gives it in the unit column, and that cell."""
    if unit_col is None:
        return "", None
    return sheet.text(row, unit_col), Located(row, unit_col, sheet.cell(row, unit_col))
