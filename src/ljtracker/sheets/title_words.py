"""The words and forms a table's title names its period in, for title_year: years, dates,
parts of a year, all of one, bases, targets, and lines about the table rather than its period."""

from __future__ import annotations

import re

_CJK = r"\u3400-\u9fff"
# full-width letters, digits and signs as their ASCII twins, one character for one, so that a
# part found keeps its place in the title as written: "２０２３年（１～９月）"
HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# a unit of a number and words, in a unit line above a table: "Unit: 100 million yuan",
# "Unit: 10,000 persons", "单位：10,000 元" (read whole, to be told from the target's unit)
ENGLISH_UNIT = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)\s+(?:(?:million|billion|thousand)\s+)?(?:US\s+)?"
    r"[A-Za-z\u3400-\u9fff]+"
)
# a cell longer than this is prose, not a title line
LONGEST_TITLE = 200
# a line of notes or of where the table comes from
NOTE_LINE = re.compile(
    r"^\s*(?:注|附注|资料来源|数据来源|来源|说明|sources?|notes?)\s*[0-9]*\s*[:：]", re.IGNORECASE
)
# a line, or a bracket, about the table rather than its period: when it was published, revised
# or updated; a year it names besides a date's is read, as another year than the title's
ABOUT_THE_TABLE = re.compile(
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
DATE = re.compile(
    rf"{_Y}\s*年\s*[0-9]{{1,2}}\s*月(?:\s*[0-9]{{1,2}}\s*日)?|[0-9]{{1,2}}\s*月\s*[0-9]{{1,2}}\s*日"
    rf"|{_Y}\s*[-/.]\s*[0-9]{{1,2}}(?:\s*[-/.]\s*[0-9]{{1,2}})?"
    rf"|(?:[0-9]{{1,2}}\s*[-/.]\s*)?[0-9]{{1,2}}\s*[-/.]\s*{_Y}"
    rf"|(?:[0-9]{{1,2}}\s+)?{_MONTH_NAME}\s+(?:[0-9]{{1,2}},?\s+)?{_Y}",
    re.IGNORECASE,
)
# a day's date: a line holding one is when the table was made ("2024年2月29日" under the
# title of a bulletin), unless it says "as of" it
DAY = re.compile(
    rf"{_Y}\s*年\s*[0-9]{{1,2}}\s*月\s*[0-9]{{1,2}}\s*日|{_Y}\s*([-/.])\s*[0-9]{{1,2}}\s*\1\s*[0-9]{{1,2}}"
    rf"|[0-9]{{1,2}}\s*[/.]\s*[0-9]{{1,2}}\s*[/.]\s*{_Y}|[0-9]{{1,2}}\s+{_MONTH_NAME}\s+{_Y}"
    rf"|{_MONTH_NAME}\s+[0-9]{{1,2}},\s+{_Y}",
    re.IGNORECASE,
)
# what says the figures are targets rather than what was achieved
TARGETS = re.compile(
    r"预期目标|主要目标|目标任务|目标值|计划(?:主要)?指标|预算(?:草案|安排|数)|预算$"
    r"|\btargets?\b|\boutlook\b",
    re.IGNORECASE,
)
ACHIEVED = re.compile(r"完成|实际|实现|执行|决算|achieved|actual|outturn", re.IGNORECASE)

YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
# what follows a number that counts or measures something: "2000万元", "2035户"
AMOUNT_AFTER = re.compile(r"\s*(?:万|亿|千|百|元|户|家|个|人|项|名|吨|辆|套|余|多|%|‰)")
# a second year or a month after a year: "2021-2023", "2023/24", "2023-09", "2023.09.30"
AFTER_YEAR = re.compile(r"\s*([-/.~—–至到])\s*([0-9]+)(?:\s*[-/.]\s*[0-9]+)*")
# a day or month before a year, "30.09.2023", "09/2023"; or a code's number, "4754-2017"
BEFORE_YEAR = re.compile(r"(?:[0-9]+\s*[-/.]\s*)*?([0-9]+)\s*[-/.]\s*$")
FY = re.compile(r"(?<![A-Za-z])FY\s*$", re.IGNORECASE)
# after a year: 年, the end, a sign; or a part of it, "2023Q3", "2023H1"
ALONE_AFTER = re.compile(rf"\s*(?:年|$|[^0-9A-Za-z{_CJK}]|[QqHh][1-4](?![0-9]))")

_RANGE = r"\s*[-—–~至到]\s*"
_NUMBER = r"[0-9一二三四五六七八九十]+"
# all of a year, said in parts: "1—12月", "一至四季度", "Jan–Dec", a date at the year's end
WHOLE_YEAR = re.compile(
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
PART = re.compile(
    rf"(?<![0-9一二三四五六七八九十]){_NUMBER}(?:{_RANGE}{_NUMBER})?\s*个?月份?|月[报度末底]"
    rf"|[前第]?[一二三四1-4]?(?:{_RANGE}[一二三四1-4])?\s*季(?:度|报)|[前第][一二三四1-4]\s*季"
    r"|(?<=年)年[初中]|(?<=[0-9])年初(?![步中])|(?<=[0-9])年中期|上半年|下半年|半年度?"
    r"|[上中下]旬|第\s*[0-9]+\s*期|[本当]月|[本当]季度?"
)
PART_EN = re.compile(
    r"(?<![a-z])(?:q[1-4]|h[12]|half|half-year|semesters?|quarters?|quarterly|months?|monthly"
    r"|ytd|year.to.date|january|february|march|april|june|july|august|september"
    r"|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)(?![a-z])"
    r"|(?<![a-z0-9])(?:[1-4]q|[12]h|[0-9]{1,2}m)(?![a-z])",
    re.IGNORECASE,
)


# a December report, or one of January to December, which gives the whole year's figures:
# "12月统计月报", "1-12月统计快报", "统计月报（12月）", "December 2024 statistical bulletin"
_REPORT = r"(?:统计)?(?:月报|快报|公报)"
_DECEMBER_REPORT = re.compile(
    rf"(?<![0-9一二三四五六七八九十])(?:[1一]\s*月?{_RANGE})?(?:12|十二)\s*月份?\s*{_REPORT}"
    rf"|{_REPORT}\s*[(（]\s*(?:[1一]\s*月?{_RANGE})?(?:12|十二)\s*月份?\s*[)）]"
    r"|dec(?:ember)?\.?\s+(?:(?:19|20)[0-9]{2}\s+)?(?:statistical\s+)?(?:bulletin|report|release)",
    re.IGNORECASE,
)
# before a month that ends a range: "7-12月" is the second half of a year, not a December report
_RANGE_BEFORE = re.compile(rf"{_RANGE}$")


def _blank_december_reports(text: str) -> str:
    def blank(found: re.Match[str]) -> str:
        if _RANGE_BEFORE.search(text[: found.start()]):
            return found[0]
        return " " * len(found[0])

    return _DECEMBER_REPORT.sub(blank, text)


def names_part_of_a_year(text: str) -> bool:
    """Whether the text names a part of a year ("1-9月", "本月", "截至9月", "Jan–Sep"), not all
    of it ("1-12月", "全年", a December report)."""
    whole = _whole_years_blanked(text)
    return bool(PART.search(whole) or PART_EN.search(whole))


def _whole_years_blanked(text: str) -> str:
    """The text in half width, what names all of a year written over with spaces."""
    whole = _blank_december_reports(text.translate(HALF_WIDTH))
    return WHOLE_YEAR.sub(lambda found: " " * len(found[0]), whole)


# a part of a year counted in months or quarters, "1—9月", "三季度"; not "季度更新" (quarterly)
NUMBERED_PART = re.compile(
    rf"(?<![0-9一二三四五六七八九十]){_NUMBER}(?:{_RANGE}{_NUMBER})?\s*个?月"
    rf"|[前第]?[一二三四1-4](?:{_RANGE}[一二三四1-4])?\s*季|上半年|下半年"
)
# months or quarters of a year, as a title over a table of several years names them: "1-9月",
# "前三季度", "上半年", "Jan–Sep", "Q1-Q3", "first nine months", "year to date"; not a day
# ("1 January", "30 June") or how often something is counted ("月度", "monthly", "per month")
_MONTHS_EN = re.compile(
    rf"(?<![a-z]){_MONTH_NAME}\s*(?:[-–—~]|to|through|thru)\s*{_MONTH_NAME}(?![a-z])"
    r"|(?<![a-z0-9])(?:q[1-4]\s*[-–—~]\s*q[1-4]|[1-4]q\s*[-–—~]\s*[1-4]q|h1|9m|ytd)(?![a-z0-9])"
    r"|first\s+(?:half|quarter|three\s+quarters|(?:three|six|nine)\s+months)|year.to.date",
    re.IGNORECASE,
)
# a month alone that is the year's last: up to December, or twelve months, is all of it
_DECEMBER_ALONE = re.compile(r"^(?:12|十二)\s*个?月$")


def months_of_a_year(text: str, *, spans_only: bool = False) -> re.Match[str] | None:
    """Where the text names months or quarters of a year, not all of it; in the same places as
    in `text`. `spans_only`: a span of them, as a note names it."""
    whole = _whole_years_blanked(text)
    for found in NUMBERED_PART.finditer(whole):
        named = found[0].strip()
        if _SPAN.search(named) if spans_only else not _DECEMBER_ALONE.match(named):
            return found
    return _MONTHS_EN.search(whole)


# a span of months, or a year's first quarters or half, as a note on a table of several years
# names it ("1-9月", "前三季度", "上半年", "Jan–Sep"); not one month ("自2023年7月起") or one
# quarter ("三季度数据为初步数"), which a note may name of one figure
_SPAN = re.compile(rf"{_RANGE}|^前|半年")


# "as of" a date, or up to it: a part of a year unless the date is the year's end
AS_OF = re.compile(
    r"截至|截止|更新至|更新到|as\s+(?:of|at)|up\s+to|updated?\s+(?:to|through)", re.IGNORECASE
)
# a year that is not the figures' own: a price basis, an index's base, a yearbook's year;
# "增速按可比价计算" (growth at comparable prices) says nothing of the year
GROWTH_AT_COMPARABLE_PRICES = re.compile(
    r"(?:增速|增长速度|增长率)[^,，;；)]*?按[^,，;；)]*?价格?计算"
)
NOT_THE_FIGURES_YEAR = re.compile(
    r"可比价|不变价|不变美元|[0-9]\s*年价|[0-9]\s*年?\s*为\s*100|[0-9]\s*年?\s*=\s*1(?:\.0+|00)?\b"
    r"|[0-9]\s*年?基准|基年|基期|[0-9]\s*年美元|年鉴|yearbook|chain(?:ed|[- ]linked)|ppps\b"
    r"|constant\s+(?:prices|dollars|yuan|[0-9])|[0-9]\s+(?:us\s*)?(?:\$|dollars)"
    r"|[0-9]\s+(?:market|basic)\s+prices|at\s+[0-9]{4}\s+(?:prices|exchange)"
    r"|base\s+(?:year|period|[0-9])|[0-9]\s+base\b|[0-9]\s+prices|prices\s+of\s+[0-9]"
    r"|in\s+[0-9]{4}\s+terms",
    re.IGNORECASE,
)


PARTS_OF_A_LINE = re.compile(r"[,，;；]")

# who makes a table: an office, a bureau, a government
MAKER = re.compile(
    r"局|委员会|委|办公室|政府|中心|office|bureau|ministry|agency|department|institute",
    re.IGNORECASE,
)

BRACKETED = re.compile(r"[(\[【]([^()\[\]【】]*)[)\]】]")

DOCUMENT_NUMBER = re.compile(r"[〔\[]\s*(?:19|20)[0-9]{2}\s*[〕\]]\s*[0-9]+\s*号")

TABLE_NUMBER = re.compile(r"^\s*(?:附?表|table)\s*[0-9]+(?:\s*[-.]\s*[0-9]+)*", re.IGNORECASE)
# a comparison with a year, with its year: "较2020年", "比上年", "同比2022年", "2020年以来",
# "change on 2022", "growth rate over 2019 (%)", "% from 2022", "since end-2022", "relative to
# 2022", "compared with 2021"; not "on 2022" after any word, as a title's "statistics on 2022"
# or a heading's "tax rates from 2022"
COMPARED = re.compile(
    r"(?:较|比|相比|对比|相对|与|同比)\s*(?:(?:19|20)[0-9]{2}\s*年?|上年|去年|上一年)"
    r"|(?:19|20)[0-9]{2}\s*年?\s*(?:以来|相比)"
    r"|(?:\b(?:since|than|against|vs\.?|versus|relative\s+to|compared\s+(?:with|to))"
    r"|(?:\b(?:(?:chang(?:e|es|ed)|increas(?:e|es|ed)|decreas(?:e|es|ed)|growth)(?:\s+rates?)?"
    r"|grew|ris(?:e|es|en)|rising|rose|fall(?:s|en)?|fell|up|down|higher|lower"
    r"|per\s*cent|percent)\b|%)(?:\s*[(][^()]*[)])?\s+(?:on|from|over))"
    r"\s+(?:(?:the\s+)?end(?:\s+of|-)?\s*)?(?:19|20)[0-9]{2}\b",
    re.IGNORECASE,
)
