"""What a table's title says of the period of its figures: the year of a table without a year
column ("两江新区2023年主要经济指标" over "指标 | 绝对值 | 比上年增长%"), or why it gives none.

A year is read only where the title names it plainly: "2023年", "2023年度", "FY2023", "（2023）",
"Main indicators, 2023". A year written into a date, a span, a price basis or a yearbook's
name, or beside a part of a year, targets or forecasts, refuses the table with the reason; a
number that is an amount ("2000万元"), a code ("GB/T 4754-2017") or a document's number
("〔2021〕12号") is no year. Full-width digits and signs read as ASCII ones: "２０２３年" is
"2023年". A year the user gives, having read the title, stands for the title's where that
names none plainly, but only as one of the years it names (a base's and a date of
publication's aside), and never past a date, a part of a year, targets or forecasts.
The words and forms themselves are in title_words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from typing import NamedTuple

from ljtracker.sheets.title_words import (
    ABOUT_THE_TABLE,
    ACHIEVED,
    AFTER_YEAR,
    ALONE_AFTER,
    AMOUNT_AFTER,
    AS_OF,
    BEFORE_YEAR,
    BRACKETED,
    DATE,
    DAY,
    DOCUMENT_NUMBER,
    FY,
    GROWTH_AT_COMPARABLE_PRICES,
    HALF_WIDTH,
    LONGEST_TITLE,
    MAKER,
    NOT_THE_FIGURES_YEAR,
    NOTE_LINE,
    NUMBERED_PART,
    PART,
    PART_EN,
    PARTS_OF_A_LINE,
    TABLE_NUMBER,
    TARGETS,
    WHOLE_YEAR,
    YEAR,
    months_of_a_year,
)
from ljtracker.sheets.year_headers import names_a_forecast

_A_YEAR = re.compile(r"(?:19|20)[0-9]{2}")


class TitleCell(NamedTuple):
    row: int
    col: int
    text: str


class TitleYear(NamedTuple):
    year: int
    cell: TitleCell | None  # the title cell that names it; None for a year given, no title


class TitleRefused(NamedTuple):
    cell: TitleCell
    message_en: str
    message_zh: str


class _Lines(NamedTuple):
    titles: list[tuple[TitleCell, str]]  # what the title says, to read years and periods from
    about: list[tuple[TitleCell, str]]  # of publication, revision or update: for other years
    notes: list[tuple[TitleCell, str]]  # notes and sources: read for parts of a year


def title_year(
    cells: Sequence[TitleCell], given: int | None = None
) -> TitleYear | TitleRefused | None:
    """The one year the title cells above a table name, or the year `given` for them (by the
    user, who has read the title); why there is none where they name a part of a year, several
    years, a date, a year that may not be the figures' own, targets or forecasts (a year given
    stands for all but a part of a year, targets and forecasts, and a clear title's other
    year); None where no year is named or given (no table of one year, then)."""
    cells = [cell for cell in cells if len(cell.text.strip()) <= LONGEST_TITLE]
    lines = _title_lines(cells)
    read, date = _year_read(lines), _a_date(lines)
    if read is None and date is None and given is None:
        return None
    # "2023-09" is a part of a year too, whatever year is given
    refused = _part_of_a_year([*lines.titles, *lines.notes]) or _targets_or_forecasts(cells) or date
    if refused is not None or given is None:
        return refused or read
    named = _named_years(lines)
    if named and given not in named:
        cell = read.cell if read is not None and read.cell is not None else cells[0]
        listed_en, listed_zh = ", ".join(map(str, named)), "、".join(map(str, named))
        return TitleRefused(
            cell,
            f"the year given, {given}, is not one the title names ({listed_en})",
            f"所给年份 {given} 不是标题所指的年份（{listed_zh}）",
        )
    first = lines.titles[0][0] if lines.titles else None
    return TitleYear(given, read.cell if read is not None else first)


def years_title_refused(cells: Sequence[TitleCell], years: Collection[int]) -> TitleRefused | None:
    """Why a table of several years is refused whose title names months or quarters of a year
    ("两江新区2023年1-9月主要经济指标", "1-9月" over its years, "数据截至2024年9月"), or whose
    notes name a span of months ("注：表中数据均为1-9月累计数"; not one month, "自2023年7月起",
    nor how a year's figure is made, "全年月度平均值"). Its years are in its header: lines
    naming only years after the table's ("数据更新至2025年3月" over 2023 and 2024) and dates
    of publication are not read."""
    lines = _title_lines([cell for cell in cells if len(cell.text.strip()) <= LONGEST_TITLE])
    last = max(years)
    read = [*lines.titles, *((cell, DATE.sub(_spaces, text)) for cell, text in lines.about)]
    for cell, text in read:
        if min(_named(text), default=last) > last:
            continue
        found = months_of_a_year(text)
        if found is not None:
            return _names_a_part(cell, cell.text[found.start() : found.end()].strip())
    for cell, text in lines.notes:  # "注：表中数据均为1-9月累计数", above the table or below
        found = months_of_a_year(text, spans_only=True)
        if found is not None and min(_named(text), default=last) <= last:
            shown = cell.text[found.start() : found.end()].strip()
            return TitleRefused(
                cell,
                f"a note says the figures are of a part of a year ({shown}): figures are"
                " imported for whole years only",
                f"注释表明数据为一年中的部分时期（{shown}）：仅导入全年数据",
            )
    return None


def _spaces(found: re.Match[str]) -> str:
    return " " * len(found[0])


def _named_years(lines: _Lines) -> list[int]:
    """The years the title names that may be the figures' own: every year of its lines but a
    base's ("（按2020年可比价计算）", "，按2020年可比价计算") and a date of publication's."""
    named = {year for _, text in lines.about for year in _named(DATE.sub(" ", text))}
    for _, text in lines.titles:
        text = _blanked(BRACKETED, text, lambda found: _is_a_base(found[0]))
        named |= {
            year
            for part in PARTS_OF_A_LINE.split(text)
            if not _is_a_base(part)
            for year in _named(part)
        }
    return sorted(named)


def _is_a_base(text: str) -> bool:
    return NOT_THE_FIGURES_YEAR.search(GROWTH_AT_COMPARABLE_PRICES.sub("", text)) is not None


def _named(text: str) -> set[int]:
    """Every year a line names, in whatever form: plainly, in a span, a date or a base; not
    an amount ("2000万元") or the end of a code ("GB/T 4754-2017")."""
    found = set()
    for year in YEAR.finditer(text):
        code = BEFORE_YEAR.search(text[: year.start()])
        if AMOUNT_AFTER.match(text[year.end() :]) or (code is not None and len(code[1]) > 2):
            continue
        found.add(int(year[1]))
    return found


def _year_read(lines: _Lines) -> TitleYear | TitleRefused | None:
    """The year the title lines name, or why none can be read from them (a date aside: see
    _a_date)."""
    named: list[tuple[TitleCell, set[int]]] = []
    for cell, text in lines.titles:
        found, _ = _years(text)
        if found and _is_a_base(text):
            return _not_the_figures_year(cell)
        if found:
            named.append((cell, found))
    if not named:
        return None
    first = named[0][0]
    # a year a line of publication or revision names, besides its date's: "2022年修订结果"
    also = {year for _, text in lines.about for year in _years(DATE.sub(" ", text))[0]}
    years = sorted({year for _, of_line in named for year in of_line} | also)
    if len(years) > 1:
        listed_en, listed_zh = ", ".join(map(str, years)), "、".join(map(str, years))
        return TitleRefused(
            first,
            f"the title names several years ({listed_en}) and the table has no year column:"
            " add one, or a column per year, or give the figures' year when importing",
            f"标题含多个年份（{listed_zh}），而表格没有年份列：请添加年份列或每年一列，"
            "或在导入时指明数据所属年份",
        )
    return TitleYear(years[0], first)


def _a_date(lines: _Lines) -> TitleRefused | None:
    """Why a title line naming a date, a year written into it ("2023-09-30"), is refused."""
    for cell, text in lines.titles:
        odd = _years(text)[1]
        if odd is not None:
            return _date_or_span(cell, cell.text[odd[0] : odd[1]])
    return None


def _targets_or_forecasts(cells: Sequence[TitleCell]) -> TitleRefused | None:
    found = next((cell for cell in cells if _forecast_or_target(cell.text)), None)
    if found is None:
        return None
    return TitleRefused(
        found,
        "the title says the figures may be targets or forecasts, not what was achieved: not"
        " imported (a target's goal is set on the target; to import forecasts as estimates,"
        " add a year column and import them with the quality Estimate)",
        "标题表明数据可能是目标值或预测值，而非实际完成值：未导入（目标值请在指标中设置；"
        "如需把预测值按估算数据导入，请添加年份列，并在导入时将数据质量选为“估算”）",
    )


def _forecast_or_target(text: str) -> bool:
    """ "预计数", "2025年主要预期目标", "Outlook 2025"; not "population estimates" (an office's
    figures) or "规划目标完成情况" (what was achieved)."""
    if names_a_forecast(text, estimates=False):
        return True
    return TARGETS.search(text) is not None and ACHIEVED.search(text) is None


def _blanked(pattern: re.Pattern[str], text: str, when: Callable[[re.Match[str]], bool]) -> str:
    """`text` with what `pattern` finds, where `when` says so, written over with spaces: the
    rest keeps its place."""
    return pattern.sub(lambda found: " " * len(found[0]) if when(found) else found[0], text)


def _bracket(found: re.Match[str]) -> str:
    """A bracket as read: one about the table alone ("（2024年3月发布）") written over with
    spaces; one that names the table's months besides ("（1—9月，10月20日发布）") with only its
    dates and words of publication written over."""
    content = found[1]
    if not (NOTE_LINE.search(content) or ABOUT_THE_TABLE.search(content)):
        return found[0]
    undated = DATE.sub(" ", content)
    if NUMBERED_PART.search(undated) is None and PART_EN.search(undated) is None:
        return " " * len(found[0])
    text = found[0]
    for pattern in (DATE, ABOUT_THE_TABLE):
        text = _blanked(pattern, text, lambda _: True)
    return text


def _title_lines(cells: Sequence[TitleCell]) -> _Lines:
    """The title's lines, each with the text to read (in the same places as the cell's),
    brackets about the table ("（2024年3月发布）"), documents' and tables' numbers left out."""
    lines = _Lines([], [], [])
    made_on: list[tuple[TitleCell, str, str]] = []  # a line of a day's date, and the date
    for cell in cells:
        text = cell.text.translate(HALF_WIDTH)
        text = BRACKETED.sub(_bracket, text)
        for pattern in (DOCUMENT_NUMBER, TABLE_NUMBER):
            text = _blanked(pattern, text, lambda _: True)
        if NOTE_LINE.search(text):
            lines.notes.append((cell, text))
        elif AS_OF.search(text):
            lines.titles.append((cell, text))  # "数据更新至2023年9月": read for its period
        elif ABOUT_THE_TABLE.search(text):
            lines.about.append((cell, text))
        elif (date := _made_on(text)) is not None:
            made_on.append((cell, text, date))
        else:
            lines.titles.append((cell, text))
    # a day within a year the title names is as likely the day its figures run to: "（2023年9月
    # 30日）" under "2023年主要指标" is a part of that year, "（2024年1月20日）" when it was made;
    # the last day of the year named, however written, is all of it
    named = {year for _, text in lines.titles for year in _years(text)[0]}
    for cell, text, date in made_on:
        year = int(_A_YEAR.findall(date)[0])
        if year > max(named, default=0) or (year in named and _last_day(date)):
            lines.about.append((cell, text))
        else:
            lines.titles.append((cell, text))
    return lines


def _made_on(text: str) -> str | None:
    """The date of a line that is the day the table was made: the date alone ("2024年2月29日",
    "（2024-01-20）" under a bulletin's title) or beside who made it ("Office for National
    Statistics, 14 March 2024"); None for "两江新区主要经济指标（2023年9月30日）", a title
    naming a day."""
    date = DAY.search(text)
    if date is None:
        return None
    rest = (text[: date.start()] + text[date.end() :]).strip(" ,，:：()（）[]【】")
    if rest and MAKER.search(rest) is None:
        return None
    return date[0]


def _last_day(date: str) -> bool:
    """Whether a day's date is the 31st of December: "2023-12-31", "31.12.2023", "2023年12月
    31日", "December 31, 2023"."""
    numbers = {int(n) for n in re.findall(r"[0-9]+", date)}
    return 31 in numbers and (12 in numbers or re.search(r"dec", date, re.I) is not None)


def _part_of_a_year(lines: Sequence[tuple[TitleCell, str]]) -> TitleRefused | None:
    for cell, text in lines:
        whole = _blanked(WHOLE_YEAR, text, lambda _: True)
        part = PART.search(whole) or PART_EN.search(whole)
        end = part.end() if part is not None else 0
        if part is None and whole == text:
            part = AS_OF.search(text)  # "截至2023年9月30日"; not "截至2023年末"
            end = len(text) if part is None else min(len(text), part.end() + 16)
        if part is not None:
            return _names_a_part(cell, cell.text[part.start() : end].strip())
    return None


def _names_a_part(cell: TitleCell, shown: str) -> TitleRefused:
    return TitleRefused(
        cell,
        f"the title names a part of a year ({shown}): figures are imported for whole years only",
        f"标题所指为一年中的部分时期（{shown}）：仅导入全年数据",
    )


def _years(text: str) -> tuple[set[int], tuple[int, int] | None]:
    """The years a title line names plainly, and where one is written into a date or a span of
    years of which it is not the only year ("2023-09-30", "2021-2023"), if one is."""
    years: set[int] = set()
    for found in YEAR.finditer(text):
        start, end = found.span()
        before, after = text[:start], text[end:]
        day_or_month = BEFORE_YEAR.search(before)
        if day_or_month is not None:
            if len(day_or_month[1]) <= 2:  # "30.09.2023"
                return years, (day_or_month.start(), end)
            continue  # the end of a code, "GB/T 4754-2017", or of a span read already
        following = AFTER_YEAR.match(after)
        if following is not None:
            second = _second_year(int(found[1]), following)
            if second is None:  # "2023-09", "2023.09.30"
                return years, (start, end + following.end())
            years |= {int(found[1]), second}  # "2021-2023年", "2023/24年度"
            continue
        if AMOUNT_AFTER.match(after) or not _stands_alone(before, after):
            continue
        years.add(int(found[1]))
    return years, None


def _second_year(first: int, following: re.Match[str]) -> int | None:
    """The second year of a span ("2021-2023", "2023/24"); None for a month or a day after a
    year ("2023-09", "2023.12")."""
    separator, digits = following[1], following[2]
    if separator == "." or len(digits) not in (2, 4):
        return None
    second = int(digits) if len(digits) == 4 else first // 100 * 100 + int(digits)
    if (len(digits) == 2 and int(digits) <= 12) or second <= first:
        return None
    return second


def _stands_alone(before: str, after: str) -> bool:
    """Whether a year is written on its own: "2023年", "FY2023", "（2023）", "Main indicators,
    2023"; not "GB2017" or "2023主要指标"."""
    if before[-1:].isascii() and before[-1:].isalpha() and not FY.search(before):
        return False
    return ALONE_AFTER.match(after) is not None


def _not_the_figures_year(cell: TitleCell) -> TitleRefused:
    return TitleRefused(
        cell,
        "the year in the title may not be the figures' own (a price basis, a yearbook's or an"
        " index's base year): add a year column, or give the figures' year when importing",
        "标题中的年份可能并非数据所属年份（如价格基期、年鉴年份或指数基期）：请添加年份列，"
        "或在导入时指明数据所属年份",
    )


def _date_or_span(cell: TitleCell, shown: str) -> TitleRefused:
    return TitleRefused(
        cell,
        f"the title names a date or a span of years ({shown}), not one whole year: add a year"
        " column, or a column per year",
        f"标题所指为日期或跨年时期（{shown}），而非某一整年：请添加年份列，或每年一列",
    )
