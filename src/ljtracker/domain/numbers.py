"""The one strict parser for every number that enters the app.

A table cell, a pasted block, a spreadsheet import and the command line all pass their text
through :func:`parse_number` (and years through :func:`parse_year`). The parser accepts the
forms people really type -- grouping commas or spaces, full-width digits, a Unicode minus, a
trailing percent sign where the unit is a percentage -- and refuses everything that could be
read in more than one way, with a message in English and Chinese that names the problem and
quotes the text.

The value returned is ``float()`` of the normalised ASCII text, so it is exactly the float
whose decimal text the user typed: no arithmetic is ever done on the parts.

Decisions on forms the brief left open:

* ``".5"`` and ``"5."`` are accepted (no ambiguity about what they mean).
* Scientific notation (``"1.5e3"``) is accepted; a grouped mantissa (``"1,000e3"``) too.
* Grouping separators: comma, or a space of any kind (ASCII space, NBSP, figure space, thin
  space, narrow no-break space, ideographic space) -- all spaces count as one kind, as they look
  alike. Groups must be exactly three digits and the leading group 1-3 digits without a
  leading zero, so ``"0,123"`` (a decimal comma?) is rejected as ambiguous. Digits after the
  decimal point are never grouped.
* A comma followed by anything but three digits (``"1,5"``, ``"12,3456"``) is rejected as an
  ambiguous decimal comma; ``"1.234,5"`` as a European format; ``"1,23,456"`` as invalid
  grouping; two points (``"1.234.567"``) as more than one decimal point.
* A percent sign (optionally after a space) is allowed when the unit is a percentage: it
  contains ``%``/``％``, ``百分`` (百分点, 百分比) or ``percent``. The value stays in percent
  points: ``"15%"`` is ``15.0``.
* Accounting negatives ``"(5)"`` are rejected (ambiguous); trailing footnote marks
  (``"4000*"``, ``"4000①"``, ``"4000[1]"``, ``"4000¹"``) are rejected -- the importer strips
  them explicitly if the user asks it to.
* A dash (en/em dash) is not a minus sign; only ``-``, ``−`` (U+2212) and ``－`` are.
* Spreadsheet error values (``#DIV/0!``, ``#N/A``...) get their own message and are not
  missing-figure markers; so does a formula (``=C2*1.077``), where a file holds no result.
* Text longer than 64 characters (after stripping surrounding whitespace) is rejected.
"""

from __future__ import annotations

import math
import re
import unicodedata
from enum import StrEnum
from typing import Any, Final

from ljtracker.domain.errors import UserError

__all__ = [
    "MAX_LENGTH",
    "MAX_MAGNITUDE",
    "MAX_YEAR",
    "MIN_YEAR",
    "NumberError",
    "NumberProblem",
    "is_missing_marker",
    "is_percent_unit",
    "parse_number",
    "parse_year",
]

MAX_MAGNITUDE: Final[float] = 1e15
MAX_LENGTH: Final[int] = 64
MIN_YEAR: Final[int] = 1900
MAX_YEAR: Final[int] = 2200


class NumberProblem(StrEnum):
    """What was wrong with the text, for callers that react to the kind of problem."""

    INVALID = "invalid"  # generic, for errors made outside this module
    EMPTY = "empty"
    MISSING_MARKER = "missing_marker"
    TOO_LONG = "too_long"
    NOT_A_NUMBER = "not_a_number"
    NOT_FINITE = "not_finite"
    TOO_LARGE = "too_large"
    TOO_SMALL = "too_small"
    UNIT_IN_VALUE = "unit_in_value"
    CHINESE_NUMERALS = "chinese_numerals"
    PERCENT_NOT_ALLOWED = "percent_not_allowed"
    FOOTNOTE = "footnote"
    PARENTHESES = "parentheses"
    SIGN = "sign"
    AMBIGUOUS_SEPARATOR = "ambiguous_separator"
    GROUPING = "grouping"
    MIXED_SEPARATORS = "mixed_separators"
    MULTIPLE_POINTS = "multiple_points"
    SPREADSHEET_ERROR = "spreadsheet_error"
    FORMULA = "formula"
    APPROXIMATE = "approximate"
    BOUND = "bound"
    DATE = "date"
    NOT_A_YEAR = "not_a_year"
    YEAR_OUT_OF_RANGE = "year_out_of_range"


class NumberError(UserError, ValueError):
    """A text that is not an acceptable number.

    ``message_en`` / ``message_zh`` name the problem and quote the text; ``str(err)`` is
    ``message_en``. ``problem`` tells callers which kind of problem it was.
    """

    text: str
    message_en: str
    message_zh: str
    problem: NumberProblem

    def __init__(
        self,
        text: str,
        message_en: str,
        message_zh: str,
        *,
        problem: NumberProblem = NumberProblem.INVALID,
    ) -> None:
        super().__init__(message_en, message_zh)
        self.text = text
        self.problem = problem

    def __str__(self) -> str:
        return self.message_en

    def __reduce__(self) -> tuple[Any, ...]:
        # The default reduce would call NumberError(message_en), which does not fit __init__.
        return (type(self), (self.text, self.message_en, self.message_zh), self.__dict__)


# --- normalisation -----------------------------------------------------------------------

# Full-width ASCII (U+FF01..U+FF5E) to ASCII, ideographic space to space.
_FULLWIDTH: Final[dict[int, int]] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20

_NUMBER_TABLE: Final[dict[int, int]] = {
    **_FULLWIDTH,
    0x2212: ord("-"),  # MINUS SIGN
    0xFE63: ord("-"),  # SMALL HYPHEN-MINUS
    0xFE62: ord("+"),  # SMALL PLUS SIGN
    0x00A0: 0x20,  # NO-BREAK SPACE
    0x2007: 0x20,  # FIGURE SPACE
    0x2009: 0x20,  # THIN SPACE
    0x202F: 0x20,  # NARROW NO-BREAK SPACE
}

_VALID: Final = re.compile(
    r"""
    (?P<sign>[+-])?
    (?:
        (?P<grouped>[1-9][0-9]{0,2}(?P<sep>[, ])[0-9]{3}(?:(?P=sep)[0-9]{3})*)
      | (?P<plain>[0-9]+)
    )?
    (?:\.(?P<frac>[0-9]*))?
    (?:[eE](?P<exp>[+-]?[0-9]+))?
    (?P<pct>\s*%)?
    """,
    re.VERBOSE | re.ASCII,
)


# The commonest form, read without normalising: what the full path would return for it.
_PLAIN_ASCII: Final = re.compile(r"-?[0-9]{1,15}(?:\.[0-9]{1,30})?", re.ASCII)


def is_percent_unit(unit: str) -> bool:
    """A unit of percentages: "%", "％", "% of GDP", "百分点", "percent"."""
    u = unit.translate(_FULLWIDTH).casefold()
    return "%" in u or "百分" in u or "percent" in u


def is_rate_unit(unit: str) -> bool:
    """A unit of a rate, in percent or per mille ("‰", "千分之"), not of an amount."""
    return is_percent_unit(unit) or "‰" in unit or "千分" in unit


# --- missing-figure markers --------------------------------------------------------------

_DASHES: Final = frozenset("-\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63")
_ELLIPSES: Final = frozenset(".\u2026\u22ef")
_WORD_MARKERS: Final = frozenset({"n/a", "na", "n.a.", "/"})
_ASCII_DIGITS: Final = frozenset("0123456789")  # no marker holds a digit


def is_missing_marker(text: str) -> bool:
    """True when the text means "no figure": empty, whitespace, a dash, an ellipsis, n/a, /."""
    s = text.strip()
    if not s:
        return True
    if s[0] in _ASCII_DIGITS or len(s) > 8:
        return False
    s = s.translate(_FULLWIDTH).casefold()
    if s in _WORD_MARKERS:
        return True
    if all(c in _DASHES for c in s):
        return True
    return all(c in _ELLIPSES for c in s) and s != "."


# --- messages ----------------------------------------------------------------------------

_SHOWN_LIMIT: Final = 40


def _shown(text: str) -> str:
    """The text as quoted in a message: shortened, control and invisible characters escaped."""
    s = text if len(text) <= _SHOWN_LIMIT else text[: _SHOWN_LIMIT - 1] + "…"
    out = []
    for c in s:
        if unicodedata.category(c)[0] == "C" or c in "\u2028\u2029":
            out.append(c.encode("unicode_escape").decode("ascii"))
        else:
            out.append(c)
    return "".join(out)


def _error(text: str, problem: NumberProblem, en: str, zh: str, **extra: str) -> NumberError:
    """Build a NumberError; ``{q}`` in the templates becomes the quoted text."""
    shown = _shown(text)
    return NumberError(
        text,
        en.format(q=f'"{shown}"', **extra),
        zh.format(q=f"“{shown}”", **extra),
        problem=problem,
    )


_MAX_SHOWN: Final = f"{MAX_MAGNITUDE:.0e}".replace("e+", "e")  # "1e15"

_EN_UNIT = (
    "{q} contains a unit or a magnitude word; the unit is given apart from the value (in its"
    " own column or field). Enter only the number."
)
_ZH_UNIT = "{q}中含有单位或数量词；单位另行填写（在“单位”列或栏中），不要写在数值里，这里只填数字。"
_EN_OTHER_UNIT = (
    '{q} contains a unit or a magnitude word other than "{u}", the unit of this value; '
    "enter the number in {u}."
)
_ZH_OTHER_UNIT = "{q}中含有单位或数量词，与本数值的单位“{u}”不同；请按{u}只填数字。"
_EN_DECIMAL_COMMA = (
    "{q} is ambiguous: the comma could be a decimal comma or a thousands separator. Use a "
    "point for decimals (e.g. 1.5) and commas only between groups of three digits (e.g. 1,500)."
)
_ZH_DECIMAL_COMMA = (
    "{q}有歧义：逗号可能是小数点，也可能是千位分隔符。小数请用小数点（如 1.5），"
    "逗号只能用于每三位一组的分隔（如 1,500）。"
)
_PLUS_MINUS: Final = re.compile(r"^\s*(?:±|[+＋]\s*/?\s*[-−－])\s*")  # ±, +-, +/-, +/−
_ONE_GROUP: Final = re.compile(r"[+-]?[1-9][0-9]{0,2}[.,][0-9]{3}(?:\s*%)?", re.ASCII)
_EN_DECIMAL_COMMA_FILE = (
    "{q} is ambiguous in a semicolon-separated file, as spreadsheets set to a European language"
    " save them: the point or comma could separate thousands or mark decimals. Import the"
    " spreadsheet itself (.xlsx) instead, or write the number without a thousands separator"
    " and with other than three decimals (1234, or 1.2340)."
)
_ZH_DECIMAL_COMMA_FILE = (
    "{q}有歧义：在以分号分隔的文件中（欧洲语言设置的电子表格这样保存），点号或逗号可能是千位分隔符，"
    "也可能是小数点。请改为直接导入电子表格文件（.xlsx），或改写数值：不用千位分隔符，"
    "且小数不为三位（如 1234 或 1.2340）。"
)
_EN_EUROPEAN = (
    "{q} is ambiguous: it looks like a European format (points between thousands, a decimal "
    "comma). Write it with a decimal point, e.g. 1234.5."
)
_ZH_EUROPEAN = "{q}有歧义：像是欧洲格式（点作千位分隔、逗号作小数点）。请用小数点书写，如 1234.5。"
_EN_GROUPING = (
    "{q} has invalid digit grouping: separators must split the whole-number part into groups "
    "of three digits (e.g. 1,234,567 or 1 234 567)."
)
_ZH_GROUPING = "{q}的数字分组无效：分隔符只能把整数部分按每三位一组分隔（如 1,234,567）。"
_EN_AFTER_POINT = (
    "{q} has a separator after the decimal point; digits after the point must not be grouped."
)
_ZH_AFTER_POINT = "{q}的小数点后面有分隔符；小数部分不能分组。"


def _too_small(text: str) -> NumberError:
    return _error(
        text,
        NumberProblem.TOO_SMALL,
        "{q} is too close to zero to be kept; it would be stored as 0.",
        "{q}过于接近零，无法保存，只会存为 0。",
    )


def _too_large(text: str) -> NumberError:
    return _error(
        text,
        NumberProblem.TOO_LARGE,
        "{q} is beyond a sane magnitude (more than {m} in absolute value).",
        "{q}的数量级超出合理范围（绝对值大于 {m}）。",
        m=_MAX_SHOWN,
    )


# --- parse_number ------------------------------------------------------------------------


def parse_number(
    text: str,
    *,
    unit: str = "",
    allow_percent: bool | None = None,
    decimal_comma_possible: bool = False,
    plus_minus: bool = False,
) -> float:
    """The float the text denotes, or NumberError naming the problem.

    ``allow_percent`` None means: a trailing percent sign is allowed when ``unit`` is a
    percentage. A percent value stays in percent points ("15%" is 15.0).
    ``decimal_comma_possible``: the text comes from where a comma may mark decimals and a
    point thousands (a semicolon-separated file), so "1.234" and "1,234" are ambiguous.
    ``plus_minus``: the number is a tolerance, which may be written "±0.5".
    """
    if plus_minus and (sign := _PLUS_MINUS.match(text)):
        if not text[sign.end() :].strip():
            raise _error(
                text,
                NumberProblem.NOT_A_NUMBER,
                "{q} needs a number after the sign, e.g. ±0.5.",
                "{q}的符号后需要数字，例如 ±0.5。",
            )
        text = text[sign.end() :]
    if decimal_comma_possible and _ONE_GROUP.fullmatch(text.translate(_NUMBER_TABLE).strip()):
        raise _error(
            text, NumberProblem.AMBIGUOUS_SEPARATOR, _EN_DECIMAL_COMMA_FILE, _ZH_DECIMAL_COMMA_FILE
        )
    if _PLAIN_ASCII.fullmatch(text):
        return float(text) + 0.0  # at most 15 whole digits and 30 decimals: within range
    s = text.translate(_NUMBER_TABLE).strip()
    if not s:
        raise _error(
            text,
            NumberProblem.EMPTY,
            "The value is empty; enter a number.",
            "数值为空，请输入数字。",
        )
    if len(s) > MAX_LENGTH:
        raise _error(
            text,
            NumberProblem.TOO_LONG,
            "{q} is too long to be a number (more than {n} characters).",
            "{q}过长，不像一个数字（超过 {n} 个字符）。",
            n=str(MAX_LENGTH),
        )
    if is_missing_marker(text):
        raise _error(
            text,
            NumberProblem.MISSING_MARKER,
            "{q} marks a missing figure; it is not a number.",
            "{q}表示数据缺失，不是数字。",
        )
    percent_ok = is_percent_unit(unit) if allow_percent is None else allow_percent
    s = _without_own_unit(s, unit)
    if plus_minus and is_percent_unit(unit):  # a band around a share is in points
        s = _POINTS.sub("", s).rstrip() or s

    m = _VALID.fullmatch(s)
    if m is None or not (m["grouped"] or m["plain"] or m["frac"]):
        raise _diagnose(text, s, unit, percent_ok)
    if m["pct"] and not percent_ok:
        raise _percent_error(text, unit)

    whole = m["grouped"].replace(m["sep"], "") if m["grouped"] else (m["plain"] or "")
    ascii_text = (m["sign"] or "") + whole
    if m["frac"] is not None:
        ascii_text += "." + m["frac"]
    if m["exp"] is not None:
        ascii_text += "e" + m["exp"]
    value = float(ascii_text)
    if not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
        raise _too_large(text)
    if value == 0 and (whole + (m["frac"] or "")).strip("0"):  # 1e-400 underflows to 0
        raise _too_small(text)
    return value + 0.0  # -0.0 becomes 0.0


_POINTS: Final = re.compile(r"(?<=[0-9])\s*(?:个?百分点|pp|percentage points?)$", re.IGNORECASE)


def _without_own_unit(s: str, unit: str) -> str:
    """`s` without a trailing copy of the value's own unit: "4,500 亿元" where the unit is 亿元
    says no more than "4,500". Any other unit stays, to be refused."""
    own = unit.translate(_NUMBER_TABLE).strip()
    if not own or own == "%" or all(c in _NUMBER_CHARS for c in own):
        return s
    if not s.casefold().endswith(own.casefold()):
        return s
    rest = s[: len(s) - len(own)].rstrip()
    return rest or s


def _percent_error(text: str, unit: str) -> NumberError:
    if unit.strip():
        return _error(
            text,
            NumberProblem.PERCENT_NOT_ALLOWED,
            '{q} has a percent sign, but the unit "{u}" is not a percentage; '
            'enter the number without "%", or change the unit.',
            "{q}带有百分号，但单位“{u}”不是百分比；请去掉“%”，或修改单位。",
            u=_shown(unit.strip()),
        )
    return _error(
        text,
        NumberProblem.PERCENT_NOT_ALLOWED,
        '{q} has a percent sign, but this value is not a percentage; enter it without "%".',
        "{q}带有百分号，但这个数值不是百分比；请去掉“%”。",
    )


_SPREADSHEET_ERROR: Final = re.compile(r"#(?:N/A|[A-Z0-9/_]+[!?])", re.ASCII | re.IGNORECASE)
# "about", "nearly" before a number (约330, 大约 5,000, 近 12, ~3, ≈ 15, about 16%) or after
# it (330左右, 5000多)
_APPROXIMATE: Final = re.compile(
    r"^(?:约为|约|約|大约|大約|大概|约莫|近|将近|將近|接近|~|～|≈|about|approx\.?|approximately|around"
    r"|roughly|nearly|almost|circa|ca\.?)(?=\s*[+-]?\s*[0-9][0-9,.\s]*%?$)"
    r"|(?<=[0-9%])\s*(?:左右|上下|多|余|许)$",
    re.IGNORECASE,
)
# "more than", "at least" before a number: a bound, not the figure (超过330, 逾 5,000, ≥ 15,
# over 5,000), or after it (5以上, 5%以下, 5000+)
_BOUND: Final = re.compile(
    r"^(?:不超过|不超過|超过|超過|逾|不低于|不高于|不少于|不多于|不大于|不小于|不到|不足|至少|最多|最少"
    r"|大于|小于|高于|低于|<=|>=|>|<|≥|≤|≦|≧|⩽|⩾"
    r"|more than|greater than|no more than|not more than|no less than|not less than"
    r"|fewer than|up to|over|at least|at most|less than|under|above|below"
    r"|max\.?|maximum|min\.?|minimum)(?=\s*[+-]?\s*[0-9])"
    r"|(?<=[0-9%])\s*(?:及以上|及以下|以上|以下|以内|\+)$",
    re.IGNORECASE,
)
_DATE: Final = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[T ][0-9:.]+)?|[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}"
)
_NON_FINITE: Final = re.compile(r"[+-]?\s*(?:nan|inf|infinity|∞)\s*%?", re.IGNORECASE)
_PARENTHESES: Final = re.compile(r"[+-]?\(\s*[^()]*[0-9][^()]*\)\s*%?", re.DOTALL)
# a figure followed by its quality in brackets: "4600亿元（初步）", "4,600 (preliminary)"
_BRACKETED_NOTE: Final = re.compile(
    r"(?P<body>.*[0-9].*?)\s*\((?P<note>[^()]*(?:初步|预计|预测|估|快报|核实|修订|修正"
    r"|prelim|estimat|provisional|revised|forecast)[^()]*)\)",
    re.IGNORECASE,
)
# a figure followed by its year in brackets: "4000（2021年）", "4,000 (2021)"
_BRACKETED_YEAR: Final = re.compile(
    r"(?P<body>.*[0-9].*?)\s*[(（]\s*(?P<year>(?:1[89]|2[01])[0-9]{2}\s*(?:年度?)?)\s*[)）]"
)
_FOOTNOTE: Final = re.compile(
    r"""
    (?P<body>.*[0-9.%])\s*
    (?P<mark>
        \*+ | [†‡§¶#]+
      | [\u2460-\u24ff\u2776-\u2793]                 # circled / parenthesised / dotted numbers
      | [\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+      # superscript digits
      | \[[^\[\]]{1,4}\] | \([0-9A-Za-z]{1,3}\) | 〔[^〔〕]{1,4}〕 | 【[^【】]{1,4}】
      | [(（]\s*(?:注|附注|note)\s*[0-9\u2460-\u2473]{0,2}\s*[)）]   # (注1), （注）, (note 2)
    )
    """,
    re.VERBOSE | re.DOTALL,
)
_WORD: Final = re.compile(r"[^\W\d_]+")
_SPACED_WORD: Final = re.compile(r"[0-9%]\s+[^\W\d_]{2,}|[^\W\d_]{2,}\s+[+-]?[0-9]")
# Latin unit and magnitude words that may stick to a number ("12kg", "5bn"). Digits split
# words, so "km2" is seen as "km" and "tCO2" as "tco".
_UNIT_WORDS_TEXT: Final = """
    k m b bn mn mln mio mrd million millions billion billions thousand thousands trillion
    g kg mg t kt mt tonne tonnes ton tons km cm mm ha mu sqm
    w kw mw gw tw wh kwh mwh gwh twh j gj pj tce tco co
    l ml kl yuan rmb cny usd us eur gbp jpy hkd pct percent pp bp bps ppm ppb
    yr yrs year years day days h hr hrs min person persons people pax unit units
"""
_UNIT_WORDS: Final = frozenset(_UNIT_WORDS_TEXT.split())
_CHINESE_NUMERALS: Final = frozenset(
    "〇零一二三四五六七八九十百千万萬亿億兆两兩壹贰貳叁參肆伍陆陸柒捌玖拾佰仟点點负負正"
)
_DASH_LIKE: Final = frozenset("\u2012\u2013\u2014\u2015\ufe58")
_NUMBER_CHARS: Final = frozenset("0123456789+-., eE")


def _diagnose(text: str, s: str, unit: str, percent_ok: bool) -> NumberError:
    """The error for a normalised, stripped text ``s`` that did not match the number form."""
    has_digit = any(c in "0123456789" for c in s)

    if _SPREADSHEET_ERROR.fullmatch(s):
        return _error(
            text,
            NumberProblem.SPREADSHEET_ERROR,
            "{q} is a spreadsheet error value, not a number; fix the formula in the source.",
            "{q}是电子表格的错误值，不是数字；请在源表中修正公式。",
        )
    if s.startswith("="):
        return _error(
            text,
            NumberProblem.FORMULA,
            "{q} is a formula, not its result; enter the number, or save the file in a "
            "spreadsheet program so that it holds the results.",
            "{q}是公式而不是计算结果；请填写数值，或用电子表格软件保存文件以写入计算结果。",
        )
    approximate = _APPROXIMATE.search(s)
    if approximate and any(c in "0123456789" for c in s):
        return _error(
            text,
            NumberProblem.APPROXIMATE,
            "{q} is an approximate amount ({word}); enter the number alone (its quality can "
            "say it is an estimate).",
            "{q}是约数（{word}）；请只填数字（可将数据质量标为估算）。",
            word=approximate[0].strip(),
        )
    bound = _BOUND.search(s)
    if bound:
        return _error(
            text,
            NumberProblem.BOUND,
            "{q} states a bound ({word}), not the figure; enter the figure itself.",
            "{q}表示的是界限（{word}），不是数据本身；请填写数据本身。",
            word=bound[0].strip(),
        )
    if _DATE.fullmatch(s):
        return _error(
            text,
            NumberProblem.DATE,
            "{q} is a date, not a number (a spreadsheet may have turned the figure into one).",
            "{q}是日期而不是数字（可能被电子表格自动转换成了日期）。",
        )
    if _NON_FINITE.fullmatch(s):
        return _error(
            text,
            NumberProblem.NOT_FINITE,
            "{q} is not a finite number; NaN and infinity are not allowed.",
            "{q}不是有限数值，不接受 NaN 或无穷大。",
        )
    if _PARENTHESES.fullmatch(s):
        return _error(
            text,
            NumberProblem.PARENTHESES,
            "{q} is in parentheses, which is ambiguous (an accounting negative, or a note?); "
            'write a negative number with a minus sign, e.g. "-5".',
            "{q}带括号，含义不明确（会计记法的负数，还是注释？）；负数请用负号表示，例如“-5”。",
        )
    footnote = _FOOTNOTE.fullmatch(s)
    if footnote and any(c in "0123456789" for c in footnote["body"]):
        return _error(
            text,
            NumberProblem.FOOTNOTE,
            "{q} ends with a footnote mark ({mark}); remove it and enter only the number.",
            "{q}末尾带有脚注标记（{mark}）；请去掉标记，只填数字。",
            mark=_shown(footnote["mark"].strip("()（）[]【】〔〕")),  # its brackets said around it
        )
    note = _BRACKETED_NOTE.fullmatch(s) or _BRACKETED_YEAR.fullmatch(s)
    body = "" if note is None else _without_own_unit(note["body"].strip(), unit)
    if note and (_VALID.fullmatch(body) is None or (body.endswith("%") and not percent_ok)):
        # "4600万元（初步）", "46%（初步）" in 亿元: its unit first
        return _diagnose(text, body, unit, percent_ok)
    if note and note.re is _BRACKETED_YEAR:
        return _error(
            text,
            NumberProblem.FOOTNOTE,
            "{q} ends with a year in brackets ({year}); enter only the number (the figure's"
            " year is given apart from it).",
            "{q}末尾带有括号中的年份（{year}）；请只填数字（年份另行填写）。",
            year=note["year"].strip(),
        )
    if note:
        return _error(
            text,
            NumberProblem.FOOTNOTE,
            "{q} ends with a note in brackets ({note}); enter only the number (a quality such as"
            " preliminary is given apart from it).",
            "{q}末尾带有括号中的说明（{note}）；请只填数字（初步等数据质量另行填写）。",
            note=note["note"].strip(),
        )
    if s.endswith("%"):
        if has_digit and not percent_ok:
            return _percent_error(text, unit)
        s = s[:-1].rstrip()

    if has_digit and _DIGITS_AND_LOOKALIKES.fullmatch(s):
        letter = next(c for c in s if c in "lIoO")
        return _error(
            text,
            NumberProblem.NOT_A_NUMBER,
            '{q} is not a number: it has the letter "{letter}" among its digits (a "{digit}"'
            " mistyped?).",
            "{q}不是数字：数字中夹有字母“{letter}”（是否应为“{digit}”？）。",
            letter=letter,
            digit="1" if letter in "lI" else "0",
        )
    if has_digit:
        if any(unicodedata.category(c) in ("Sc", "So") or c in "‰‱°℃℉′″µ" for c in s) or any(
            not w.isascii() for w in _WORD.findall(s)
        ):
            return _unit_error(text, unit)
        words = _WORD.findall(s)
        if words and (any(w.casefold() in _UNIT_WORDS for w in words) or _SPACED_WORD.search(s)):
            return _unit_error(text, unit)
    elif any(c in _CHINESE_NUMERALS for c in s) and all(
        c in _CHINESE_NUMERALS or c in " .+-" for c in s
    ):
        return _error(
            text,
            NumberProblem.CHINESE_NUMERALS,
            "{q} is written in Chinese numerals; enter the number in digits.",
            "{q}是中文数字，请用阿拉伯数字输入。",
        )

    if any(c not in _NUMBER_CHARS for c in s):
        if has_digit and any(c in _DASH_LIKE for c in s):
            return _error(
                text,
                NumberProblem.SIGN,
                '{q} contains a dash, which is not a minus sign; write negatives with "-".',
                "{q}中含有破折号，它不是负号；负数请用“-”表示。",
            )
        return _not_a_number(text)
    if not has_digit:
        if s and all(c in "+- " for c in s):
            return _error(
                text,
                NumberProblem.SIGN,
                "{q} is a sign without any digits.",
                "{q}只有正负号，没有数字。",
            )
        return _not_a_number(text)
    return _diagnose_form(text, s)


# digits with letters typed for digits that look like them: 12l.3, 1O0, 4,4OO
_DIGITS_AND_LOOKALIKES: Final = re.compile(r"[+-]?[0-9lIoO,.]*[lIoO][0-9lIoO,.]*")


def _unit_error(text: str, unit: str) -> NumberError:
    own = unit.strip()
    if own and not is_percent_unit(own):
        return _error(
            text, NumberProblem.UNIT_IN_VALUE, _EN_OTHER_UNIT, _ZH_OTHER_UNIT, u=_shown(own)
        )
    return _error(text, NumberProblem.UNIT_IN_VALUE, _EN_UNIT, _ZH_UNIT)


# words an office writes for a figure it does not give, beside the marks (is_missing_marker)
_NOT_GIVEN_WORDS: Final = re.compile(
    r"(?:暂无|暂缺|缺失?|空|未公布|尚未公布|待公布|未统计|不详|不适用|无)(?:数据)?"
    r"|not\s+(?:available|published|applicable)|unavailable|none|null|nil|n\.d\."
    r"|\[[a-z]\]|:",
    re.IGNORECASE,
)


def _a_word_for_no_figure(text: str) -> bool:
    word = unicodedata.normalize("NFKC", text).strip().strip("()（）*")
    return _NOT_GIVEN_WORDS.fullmatch(word) is not None


def says_not_given(text: str) -> bool:
    """Whether a cell's text says its figure is not given, by a mark ("—", "n/a", "…") or a
    word ("暂无数据", "未公布", "[x]", "not available"); not an empty cell."""
    return bool(text.strip()) and (is_missing_marker(text) or _a_word_for_no_figure(text))


def _not_a_number(text: str) -> NumberError:
    if _a_word_for_no_figure(text):
        return _error(
            text,
            NumberProblem.NOT_A_NUMBER,
            "{q} is not a number; a figure not known is left out, not written as a word.",
            "{q}不是数字；尚无的数据请不填，不要写成文字。",
        )
    return _error(text, NumberProblem.NOT_A_NUMBER, "{q} is not a number.", "{q}不是数字。")


def _diagnose_form(text: str, s: str) -> NumberError:
    """``s`` holds only digits (at least one), signs, ``,``, ``.``, spaces and e/E."""
    lead = len(s) - len(s.lstrip("+-"))
    if lead > 1:
        return _error(text, NumberProblem.SIGN, "{q} has more than one sign.", "{q}有多个正负号。")
    body = s[lead:]
    if lead and body[:1].isspace():
        return _error(
            text,
            NumberProblem.SIGN,
            "{q} has a space between the sign and the digits.",
            "{q}的正负号与数字之间有空格。",
        )
    mantissa, e, exponent = _split_exponent(body)
    if "+" in mantissa or "-" in mantissa:
        if (
            not e
            and mantissa.rstrip().endswith(("+", "-"))
            and mantissa.count("+") + mantissa.count("-") == 1
        ):
            return _error(
                text,
                NumberProblem.SIGN,
                "{q} has its sign after the number; put the minus sign in front.",
                "{q}的正负号在数字后面；负号应写在数字前面。",
            )
        return _error(
            text,
            NumberProblem.SIGN,
            "{q} has a sign in the middle; enter a single number, not a range or a calculation.",
            "{q}中间有正负号；请只填一个数字，不要填范围或算式。",
        )
    if e and not re.fullmatch(r"[+-]?[0-9]+", exponent, re.ASCII):
        return _error(
            text,
            NumberProblem.NOT_A_NUMBER,
            "{q} is not a number: its exponent is malformed (write e.g. 1.5e3).",
            "{q}不是数字：科学计数法的指数格式不正确（应写成 1.5e3 这样）。",
        )
    return _diagnose_mantissa(text, mantissa)


def _split_exponent(body: str) -> tuple[str, str, str]:
    m = re.search(r"[eE]", body)
    if m is None:
        return body, "", ""
    return body[: m.start()], m.group(), body[m.end() :]


def _diagnose_mantissa(text: str, mantissa: str) -> NumberError:
    """``mantissa`` holds only digits, ``,``, ``.`` and spaces."""
    if not any(c.isdigit() for c in mantissa):
        return _not_a_number(text)
    if mantissa.count(".") >= 2:
        if "," in mantissa and mantissa.rfind(",") > mantissa.rfind("."):
            return _error(text, NumberProblem.AMBIGUOUS_SEPARATOR, _EN_EUROPEAN, _ZH_EUROPEAN)
        groups = mantissa.split(".")
        if all(len(g) == 3 for g in groups[1:]):
            return _error(
                text,
                NumberProblem.MULTIPLE_POINTS,
                "{q} has more than one decimal point; points cannot separate thousands.",
                "{q}有多个小数点；点号不能用作千位分隔符。",
            )
        return _error(
            text,
            NumberProblem.MULTIPLE_POINTS,
            "{q} has more than one decimal point.",
            "{q}有多个小数点。",
        )
    whole, dot, frac = mantissa.partition(".")
    if "," in frac or " " in frac:
        if "," in frac and "," not in whole and " " not in whole:
            return _error(text, NumberProblem.AMBIGUOUS_SEPARATOR, _EN_EUROPEAN, _ZH_EUROPEAN)
        return _error(text, NumberProblem.GROUPING, _EN_AFTER_POINT, _ZH_AFTER_POINT)

    if "," in whole and " " in whole:
        after_comma = whole[whole.rfind(",") + 1 :]
        if not dot and whole.rfind(",") > whole.rfind(" ") and len(after_comma) != 3:
            return _error(
                text, NumberProblem.AMBIGUOUS_SEPARATOR, _EN_DECIMAL_COMMA, _ZH_DECIMAL_COMMA
            )
        return _error(
            text,
            NumberProblem.MIXED_SEPARATORS,
            "{q} mixes different separators (commas and spaces); "
            "use one kind of thousands separator.",
            "{q}混用了不同的分隔符（逗号和空格）；千位分隔符只能用一种。",
        )
    sep = "," if "," in whole else " "
    groups = whole.split(sep)
    # A single comma: "1,5", "12,3456", "0,123", ",5" could each be a decimal comma.
    single_comma = sep == "," and len(groups) == 2 and not dot and groups[1] != ""
    if single_comma and (len(groups[1]) != 3 or not groups[0] or groups[0].startswith("0")):
        return _error(text, NumberProblem.AMBIGUOUS_SEPARATOR, _EN_DECIMAL_COMMA, _ZH_DECIMAL_COMMA)
    if len(groups) > 1:
        return _error(text, NumberProblem.GROUPING, _EN_GROUPING, _ZH_GROUPING)
    return _not_a_number(text)


# --- parse_year --------------------------------------------------------------------------

_YEAR: Final = re.compile(r"([0-9]+)(?:\.0+)?\s*年?", re.ASCII)  # "2022.0" as pandas writes


def parse_year(text: str) -> int:
    """A four-digit year in 1900..2200: "2021", "２０２１" or "2021年"."""
    s = text.translate(_NUMBER_TABLE).strip()
    if not s:
        raise _error(
            text,
            NumberProblem.EMPTY,
            "The year is empty; enter a year such as 2021.",
            "年份为空，请输入年份，例如 2021。",
        )
    m = _YEAR.fullmatch(s)
    if m is None and _DATE.fullmatch(s):
        raise _error(
            text,
            NumberProblem.NOT_A_YEAR,
            "{q} is a date, not a year; enter the year alone, e.g. 2021 (a spreadsheet cell"
            " formatted as a date may show only its year).",
            "{q}是日期，不是年份；请只填写年份，例如 2021（设为日期格式的单元格可能只显示年份）。",
        )
    if m is None or len(m[1]) != 4:
        raise _error(
            text,
            NumberProblem.NOT_A_YEAR,
            "{q} is not a year; enter four digits, e.g. 2021.",
            "{q}不是年份；请输入四位数字，例如 2021。",
        )
    year = int(m[1])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _error(
            text,
            NumberProblem.YEAR_OUT_OF_RANGE,
            "{q} is outside the accepted years {lo}–{hi}.",
            "{q}超出可接受的年份范围（{lo}–{hi}）。",
            lo=str(MIN_YEAR),
            hi=str(MAX_YEAR),
        )
    return year
