"""What a table's title says of the period of its figures: the year of a table without a year
column ("两江新区2023年主要经济指标" over "指标 | 绝对值 | 比上年增长%"), or that they are of a
part of a year ("1—9月"), which no table's figures are read as.

A year is read only where the title names it plainly: "2023年", "2023年度", "FY2023", "（2023）",
"Main indicators, 2023". A year written into a date, a span, a price basis or a yearbook's
name, or beside a part of a year, refuses the table with the reason; a number that is an
amount ("2000万元"), a code ("GB/T 4754-2017") or a document's number ("〔2021〕12号") is no
year. Titles are read in Unicode's compatibility form: "２０２３年" is "2023年".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ljtracker.sheets.year_headers import names_a_forecast

_CJK = r"\u3400-\u9fff"
# full-width letters, digits and signs as their ASCII twins, one character for one, so that a
# part found keeps its place in the title as written: "２０２３年（１～９月）"
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# a cell longer than this is prose, not a title line
_LONGEST_TITLE = 200
# a line of notes or of where the table comes from
_NOTE_LINE = re.compile(
    r"^\s*(?:注|附注|资料来源|数据来源|来源|说明|sources?|notes?)\s*[0-9]*\s*[:：]", re.IGNORECASE
)
# a line, or a bracket, about the table rather than its period: when it was published, revised
# or updated; a year it names besides a date's is read, as another year than the title's
_ABOUT_THE_TABLE = re.compile(
    r"发布|公布|(?<!新闻)出版(?!业)|印发|填报|制表|编制|(?<!城市)(?<!技术)更新(?!改造)|修订|年版"
    r"|released\b|release\s+date|published|issued\s*(?:on|in|:|[0-9])"
    r"|prepared|updated?|revised|edition|copyright|©|compiled|extracted|retrieved|accessed",
    re.IGNORECASE,
)
_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_Y = r"(?:19|20)[0-9]{2}"
# a date in a line about the table: "2024年3月15日", "2024-03-12", "12/03/2024", "14 March 2024"
_DATE = re.compile(
    rf"{_Y}\s*年\s*[0-9]{{1,2}}\s*月(?:\s*[0-9]{{1,2}}\s*日)?|[0-9]{{1,2}}\s*月\s*[0-9]{{1,2}}\s*日"
    rf"|{_Y}\s*[-/.]\s*[0-9]{{1,2}}(?:\s*[-/.]\s*[0-9]{{1,2}})?"
    rf"|(?:[0-9]{{1,2}}\s*[-/.]\s*)?[0-9]{{1,2}}\s*[-/.]\s*{_Y}"
    rf"|(?:[0-9]{{1,2}}\s+)?{_MONTH_NAME}\s+(?:[0-9]{{1,2}},?\s+)?{_Y}",
    re.IGNORECASE,
)
# a day's date: a line holding one is when the table was made ("2024年2月29日" under the
# title of a bulletin), unless it says "as of" it
_DAY = re.compile(
    rf"{_Y}\s*年\s*[0-9]{{1,2}}\s*月\s*[0-9]{{1,2}}\s*日|{_Y}\s*-\s*[0-9]{{1,2}}\s*-\s*[0-9]{{1,2}}"
    rf"|[0-9]{{1,2}}\s*[/.]\s*[0-9]{{1,2}}\s*[/.]\s*{_Y}|[0-9]{{1,2}}\s+{_MONTH_NAME}\s+{_Y}"
    rf"|{_MONTH_NAME}\s+[0-9]{{1,2}},\s+{_Y}",
    re.IGNORECASE,
)
# what says the figures are targets rather than what was achieved
_TARGETS = re.compile(
    r"预期目标|主要目标|目标任务|目标值|计划(?:主要)?指标|预算(?:草案|安排|数)|预算$"
    r"|\btargets?\b|\boutlook\b",
    re.IGNORECASE,
)
_ACHIEVED = re.compile(r"完成|实际|实现|执行|决算|achieved|actual|outturn", re.IGNORECASE)

_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
# what follows a number that counts or measures something: "2000万元", "2035户"
_AMOUNT_AFTER = re.compile(r"\s*(?:万|亿|千|百|元|户|家|个|人|项|名|吨|辆|套|余|多|%|‰)")
# a second year or a month after a year: "2021-2023", "2023/24", "2023-09", "2023.09.30"
_AFTER_YEAR = re.compile(r"\s*([-/.~—–至到])\s*([0-9]+)(?:\s*[-/.]\s*[0-9]+)*")
# a day or month before a year, "30.09.2023", "09/2023"; or a code's number, "4754-2017"
_BEFORE_YEAR = re.compile(r"(?:[0-9]+\s*[-/.]\s*)*?([0-9]+)\s*[-/.]\s*$")
_FY = re.compile(r"(?<![A-Za-z])FY\s*$", re.IGNORECASE)
# after a year: 年, the end, a sign; or a part of it, "2023Q3", "2023H1"
_ALONE_AFTER = re.compile(rf"\s*(?:年|$|[^0-9A-Za-z{_CJK}]|[QqHh][1-4](?![0-9]))")

_RANGE = r"\s*[-—–~至到]\s*"
_NUMBER = r"[0-9一二三四五六七八九十]+"
# all of a year, said in parts: "1—12月", "一至四季度", "Jan–Dec", a date at the year's end
_WHOLE_YEAR = re.compile(
    rf"(?<![0-9一二三四五六七八九十])(?:[1一]\s*月?{_RANGE}(?:12|十二)\s*月"
    rf"|(?:12|十二)\s*月\s*(?:(?:31|三十一)\s*日|末|底)|[1一]{_RANGE}[4四]\s*季度)"
    r"|全年|年末|年底|四个季度|full\s+year|whole\s+year|q1\s*[-–—~]\s*q4"
    r"|(?:(?:12|twelve)\s*months?|year)\s+(?:to|ending|ended)(?:\s+(?:31\s+)?dec(?:ember)?\.?)?"
    r"(?!\s+(?:[0-9]{1,2}\s+)?[a-z])|(?:12|twelve)\s*months?(?!\s+(?:to|ending|ended))"
    r"|31\s*dec(?:ember)?|dec(?:ember)?\.?\s*31"
    r"|jan(?:uary)?\.?\s*(?:[-–—~]|to)\s*dec(?:ember)?\.?",
    re.IGNORECASE,
)
# a part of a year, anywhere in a title
_PART = re.compile(
    rf"(?<![0-9一二三四五六七八九十]){_NUMBER}(?:{_RANGE}{_NUMBER})?\s*个?月份?|月[报度末底]"
    rf"|[前第]?[一二三四1-4]?(?:{_RANGE}[一二三四1-4])?\s*季(?:度|报)|[前第][一二三四1-4]\s*季"
    r"|(?<=年)年[初中]|(?<=[0-9])年初(?![步中])|(?<=[0-9])年中期|上半年|下半年|半年度?"
    r"|[上中下]旬|第\s*[0-9]+\s*期"
)
_PART_EN = re.compile(
    r"(?<![a-z])(?:q[1-4]|h[12]|half|half-year|semesters?|quarters?|quarterly|months?|monthly"
    r"|ytd|year.to.date|january|february|march|april|june|july|august|september"
    r"|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)(?![a-z])"
    r"|(?<![a-z0-9])(?:[1-4]q|[12]h|[0-9]{1,2}m)(?![a-z])",
    re.IGNORECASE,
)
# a part of a year counted in months or quarters, "1—9月", "三季度"; not "季度更新" (quarterly)
_NUMBERED_PART = re.compile(
    rf"(?<![0-9一二三四五六七八九十]){_NUMBER}(?:{_RANGE}{_NUMBER})?\s*个?月"
    rf"|[前第]?[一二三四1-4](?:{_RANGE}[一二三四1-4])?\s*季|上半年|下半年"
)
# "as of" a date, or up to it: a part of a year unless the date is the year's end
_AS_OF = re.compile(
    r"截至|截止|更新至|更新到|as\s+(?:of|at)|up\s+to|updated?\s+(?:to|through)", re.IGNORECASE
)
# a year that is not the figures' own: a price basis, an index's base, a yearbook's year;
# "增速按可比价计算" (growth at comparable prices) says nothing of the year
_GROWTH_AT_COMPARABLE_PRICES = re.compile(
    r"(?:增速|增长速度|增长率)[^,，;；)]*?按[^,，;；)]*?价格?计算"
)
_NOT_THE_FIGURES_YEAR = re.compile(
    r"可比价|不变价|不变美元|[0-9]\s*年价|[0-9]\s*年?\s*为\s*100|[0-9]\s*年?\s*=\s*1(?:\.0+|00)?\b"
    r"|[0-9]\s*年?基准|基年|基期|[0-9]\s*年美元|年鉴|yearbook|chain(?:ed|[- ]linked)|ppps\b"
    r"|constant\s+(?:prices|dollars|yuan|[0-9])|[0-9]\s+(?:us\s*)?(?:\$|dollars)"
    r"|[0-9]\s+(?:market|basic)\s+prices|at\s+[0-9]{4}\s+(?:prices|exchange)"
    r"|base\s+(?:year|period|[0-9])|[0-9]\s+base\b|[0-9]\s+prices|prices\s+of\s+[0-9]"
    r"|in\s+[0-9]{4}\s+terms",
    re.IGNORECASE,
)


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
    about: list[str]  # lines of publication, revision or update: read for other years
    notes: list[tuple[TitleCell, str]]  # notes and sources: read for parts of a year


def title_year(
    cells: Sequence[TitleCell], given: int | None = None
) -> TitleYear | TitleRefused | None:
    """The one year the title cells above a table name, or the year `given` for them (by the
    user, who has read the title); why there is none where they name a part of a year, several
    years, a date, a year that may not be the figures' own, targets or forecasts (a year given
    stands for all but a part of a year, targets and forecasts, and a clear title's other
    year); None where no year is named or given (no table of one year, then)."""
    cells = [cell for cell in cells if len(cell.text.strip()) <= _LONGEST_TITLE]
    lines = _title_lines(cells)
    read = _year_read(lines)
    if read is None and given is None:
        return None
    refused = _part_of_a_year([*lines.titles, *lines.notes]) or _targets_or_forecasts(cells)
    if refused is not None or given is None:
        return refused or read
    if isinstance(read, TitleRefused) and read.message_en.startswith(_A_DATE):
        return read  # "2023-09": a part of a year, whatever year is given
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


def _named_years(lines: _Lines) -> list[int]:
    """The years the title names that may be the figures' own: every year of its lines but a
    base's ("（按2020年可比价计算）", "，按2020年可比价计算") and a date of publication's."""
    named = {year for text in lines.about for year in _named(_DATE.sub(" ", text))}
    for _, text in lines.titles:
        text = _blanked(_BRACKETED, text, lambda found: _is_a_base(found[0]))
        named |= {
            year
            for part in _PARTS_OF_A_LINE.split(text)
            if not _is_a_base(part)
            for year in _named(part)
        }
    return sorted(named)


_PARTS_OF_A_LINE = re.compile(r"[,，;；]")


def _is_a_base(text: str) -> bool:
    return _NOT_THE_FIGURES_YEAR.search(_GROWTH_AT_COMPARABLE_PRICES.sub("", text)) is not None


def _named(text: str) -> set[int]:
    """Every year a line names, in whatever form: plainly, in a span, a date or a base; not
    an amount ("2000万元") or the end of a code ("GB/T 4754-2017")."""
    found = set()
    for year in _YEAR.finditer(text):
        code = _BEFORE_YEAR.search(text[: year.start()])
        if _AMOUNT_AFTER.match(text[year.end() :]) or (code is not None and len(code[1]) > 2):
            continue
        found.add(int(year[1]))
    return found


def _year_read(lines: _Lines) -> TitleYear | TitleRefused | None:
    """The year the title lines name, or why none can be read from them."""
    named: list[tuple[TitleCell, set[int]]] = []
    for cell, text in lines.titles:
        found, odd = _years(text)
        if odd is not None:
            return _date_or_span(cell, cell.text[odd[0] : odd[1]])
        if found and _is_a_base(text):
            return _not_the_figures_year(cell)
        if found:
            named.append((cell, found))
    if not named:
        return None
    first = named[0][0]
    # a year a line of publication or revision names, besides its date's: "2022年修订结果"
    also = {year for text in lines.about for year in _years(_DATE.sub(" ", text))[0]}
    years = sorted({year for _, of_line in named for year in of_line} | also)
    if len(years) > 1:
        listed_en, listed_zh = ", ".join(map(str, years)), "、".join(map(str, years))
        return TitleRefused(
            first,
            f"the title names several years ({listed_en}) and the table has no year column:"
            " add one, or a column per year",
            f"标题含多个年份（{listed_zh}），而表格没有年份列：请添加年份列，或每年一列",
        )
    return TitleYear(years[0], first)


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
    return _TARGETS.search(text) is not None and _ACHIEVED.search(text) is None


def _blanked(pattern: re.Pattern[str], text: str, when: Callable[[re.Match[str]], bool]) -> str:
    """`text` with what `pattern` finds, where `when` says so, written over with spaces: the
    rest keeps its place."""
    return pattern.sub(lambda found: " " * len(found[0]) if when(found) else found[0], text)


def _bracket(found: re.Match[str]) -> str:
    """A bracket as read: one about the table alone ("（2024年3月发布）") written over with
    spaces; one that names the table's months besides ("（1—9月，10月20日发布）") with only its
    dates and words of publication written over."""
    content = found[1]
    if not (_NOTE_LINE.search(content) or _ABOUT_THE_TABLE.search(content)):
        return found[0]
    undated = _DATE.sub(" ", content)
    if _NUMBERED_PART.search(undated) is None and _PART_EN.search(undated) is None:
        return " " * len(found[0])
    text = found[0]
    for pattern in (_DATE, _ABOUT_THE_TABLE):
        text = _blanked(pattern, text, lambda _: True)
    return text


def _title_lines(cells: Sequence[TitleCell]) -> _Lines:
    """The title's lines, each with the text to read (in the same places as the cell's),
    brackets about the table ("（2024年3月发布）"), documents' and tables' numbers left out."""
    lines = _Lines([], [], [])
    for cell in cells:
        text = cell.text.translate(_HALF_WIDTH)
        text = _BRACKETED.sub(_bracket, text)
        for pattern in (_DOCUMENT_NUMBER, _TABLE_NUMBER):
            text = _blanked(pattern, text, lambda _: True)
        if _NOTE_LINE.search(text):
            lines.notes.append((cell, text))
        elif _AS_OF.search(text):
            lines.titles.append((cell, text))  # "数据更新至2023年9月": read for its period
        elif _ABOUT_THE_TABLE.search(text) or _made_on(text):
            lines.about.append(text)
        else:
            lines.titles.append((cell, text))
    return lines


def _made_on(text: str) -> bool:
    """Whether a line is the day the table was made: the date alone ("2024年2月29日" under
    a bulletin's title) or beside who made it ("Office for National Statistics, 14 March
    2024"); not "两江新区主要经济指标（2023年9月30日）", a title naming a day."""
    date = _DAY.search(text)
    if date is None:
        return False
    rest = (text[: date.start()] + text[date.end() :]).strip(" ,，:：")
    return not rest or _MAKER.search(rest) is not None


# who makes a table: an office, a bureau, a government
_MAKER = re.compile(
    r"局|委员会|委|办公室|政府|中心|office|bureau|ministry|agency|department|institute",
    re.IGNORECASE,
)


def _part_of_a_year(lines: Sequence[tuple[TitleCell, str]]) -> TitleRefused | None:
    for cell, text in lines:
        whole = _blanked(_WHOLE_YEAR, text, lambda _: True)
        part = _PART.search(whole) or _PART_EN.search(whole)
        end = part.end() if part is not None else 0
        if part is None and whole == text:
            part = _AS_OF.search(text)  # "截至2023年9月30日"; not "截至2023年末"
            end = len(text) if part is None else min(len(text), part.end() + 16)
        if part is not None:
            shown = cell.text[part.start() : end].strip()
            return TitleRefused(
                cell,
                f"the title names a part of a year ({shown}): the table's figures are read only"
                " as whole years'",
                f"标题所指为一年中的部分时期（{shown}）：表格数据仅可按全年数据读取",
            )
    return None


_BRACKETED = re.compile(r"[(\[【]([^()\[\]【】]*)[)\]】]")
_DOCUMENT_NUMBER = re.compile(r"[〔\[]\s*(?:19|20)[0-9]{2}\s*[〕\]]\s*[0-9]+\s*号")
_TABLE_NUMBER = re.compile(r"^\s*(?:附?表|table)\s*[0-9]+(?:\s*[-.]\s*[0-9]+)*", re.IGNORECASE)


def _years(text: str) -> tuple[set[int], tuple[int, int] | None]:
    """The years a title line names plainly, and where one is written into a date or a span of
    years of which it is not the only year ("2023-09-30", "2021-2023"), if one is."""
    years: set[int] = set()
    for found in _YEAR.finditer(text):
        start, end = found.span()
        before, after = text[:start], text[end:]
        day_or_month = _BEFORE_YEAR.search(before)
        if day_or_month is not None:
            if len(day_or_month[1]) <= 2:  # "30.09.2023"
                return years, (day_or_month.start(), end)
            continue  # the end of a code, "GB/T 4754-2017", or of a span read already
        following = _AFTER_YEAR.match(after)
        if following is not None:
            second = _second_year(int(found[1]), following)
            if second is None:  # "2023-09", "2023.09.30"
                return years, (start, end + following.end())
            years |= {int(found[1]), second}  # "2021-2023年", "2023/24年度"
            continue
        if _AMOUNT_AFTER.match(after) or not _stands_alone(before, after):
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
    if before[-1:].isascii() and before[-1:].isalpha() and not _FY.search(before):
        return False
    return _ALONE_AFTER.match(after) is not None


def _not_the_figures_year(cell: TitleCell) -> TitleRefused:
    return TitleRefused(
        cell,
        "the year in the title may not be the figures' own (a price basis, a yearbook's or an"
        " index's base year): add a year column",
        "标题中的年份可能并非数据所属年份（如价格基期、年鉴年份或指数基期）：请添加年份列",
    )


_A_DATE = "the title names a date"


def _date_or_span(cell: TitleCell, shown: str) -> TitleRefused:
    return TitleRefused(
        cell,
        f"{_A_DATE} or a span of years ({shown}), not one whole year: add a year"
        " column, or a column per year",
        f"标题所指为日期或跨年时期（{shown}），而非某一整年：请添加年份列，或每年一列",
    )
