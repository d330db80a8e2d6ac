"""The strict number parser: accepted forms, rejected forms with their messages, properties."""

from __future__ import annotations

import math
import pickle
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ljtracker.domain.numbers import (
    MAX_MAGNITUDE,
    NumberError,
    NumberProblem,
    is_missing_marker,
    parse_number,
    parse_year,
)
from ljtracker.domain.validation import tenfold_apart

P = NumberProblem

# --- accepted ----------------------------------------------------------------------------

ACCEPTED: list[tuple[str, float]] = [
    ("4000", 4000.0),
    ("4000.5", 4000.5),
    ("0.5", 0.5),
    (".5", 0.5),
    ("5.", 5.0),
    ("0", 0.0),
    ("007", 7.0),
    ("0.1", 0.1),
    ("4,000", 4000.0),
    ("1,234,567.89", 1234567.89),
    ("-1,234", -1234.0),
    ("4 000", 4000.0),
    ("4\u2009000", 4000.0),  # thin space
    ("4\u202f000", 4000.0),  # narrow no-break space
    ("4\u00a0000", 4000.0),  # no-break space
    ("4\u2007000", 4000.0),  # figure space
    ("1 234 567.5", 1234567.5),
    ("1 000\u00a0000", 1000000.0),  # spaces of different kinds look alike: one kind
    ("４０００", 4000.0),
    ("５，０００．５", 5000.5),
    ("－３", -3.0),
    ("\u22123", -3.0),  # MINUS SIGN
    ("\u22121,234.5", -1234.5),
    ("+5", 5.0),
    ("＋５", 5.0),
    ("  42  ", 42.0),
    ("\t42\n", 42.0),
    ("\u300042\u3000", 42.0),
    ("1.5e3", 1500.0),
    ("1.5E-3", 0.0015),
    ("-2e+2", -200.0),
    ("1,000e3", 1e6),
    ("1e15", 1e15),
    ("-1e15", -1e15),
    ("999,999,999,999,999", 999999999999999.0),
    ("1,000,000,000,000,000", 1e15),
    ("0.30000000000000004", 0.30000000000000004),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted(text: str, expected: float) -> None:
    value = parse_number(text)
    assert value == expected
    assert type(value) is float


def test_value_is_float_of_the_typed_decimal_text() -> None:
    assert parse_number("0.1") == float("0.1")
    assert parse_number("4,000.3") == float("4000.3")
    assert parse_number("1 234.567") == float("1234.567")
    assert parse_number("０．７") == float("0.7")


@pytest.mark.parametrize("text", ["-0", "-0.0", "−0", "-0e5", "+0", "-0.000"])
def test_negative_zero_becomes_zero(text: str) -> None:
    value = parse_number(text)
    assert value == 0.0
    assert math.copysign(1.0, value) == 1.0


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("15%", "%", 15.0),
        ("15 %", "%", 15.0),
        ("-2.5%", "%", -2.5),
        ("１５％", "%", 15.0),
        ("15％", "％", 15.0),
        ("15%", "% of GDP", 15.0),
        ("0.5%", "百分点", 0.5),
        ("15%", "percent", 15.0),
        ("15", "%", 15.0),  # the percent sign is optional
        ("1,234.5%", "%", 1234.5),
    ],
)
def test_percent_sign_allowed_by_unit(text: str, unit: str, expected: float) -> None:
    assert parse_number(text, unit=unit) == expected


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("4,500 亿元", "亿元", 4500.0),
        ("4500亿元", "亿元", 4500.0),
        ("４５００亿元", "亿元", 4500.0),
        ("35 μg/m³", "μg/m³", 35.0),
        ("-1.5 个", "个", -1.5),
        ("1.5个百分点", "个百分点", 1.5),
        ("0.3 percentage points", "percentage points", 0.3),
        ("5 KG", "kg", 5.0),
    ],
)
def test_the_values_own_unit_after_it_is_read_over(text: str, unit: str, expected: float) -> None:
    assert parse_number(text, unit=unit) == expected


@pytest.mark.parametrize(
    ("text", "unit", "problem"),
    [
        ("4500 万元", "亿元", P.UNIT_IN_VALUE),
        ("4500亿", "亿元", P.UNIT_IN_VALUE),
        ("亿元", "亿元", P.NOT_A_NUMBER),
        ("4500 亿元 亿元", "亿元", P.UNIT_IN_VALUE),
        ("约4500亿元", "亿元", P.APPROXIMATE),
        ("4500*亿元", "亿元", P.FOOTNOTE),
    ],
)
def test_only_the_values_own_unit_is_read_over(text: str, unit: str, problem: P) -> None:
    with pytest.raises(NumberError) as info:
        parse_number(text, unit=unit)
    assert info.value.problem is problem


@pytest.mark.parametrize(
    "text", ["±0.3个百分点", "0.3 百分点", "+-0.3 pp", "0.3 percentage points"]
)
def test_a_band_around_a_share_may_be_given_in_points(text: str) -> None:
    assert parse_number(text, unit="%", plus_minus=True) == 0.3
    with pytest.raises(NumberError):  # a share itself is not in points
        parse_number(text.lstrip("±+-"), unit="%")
    with pytest.raises(NumberError):  # nor is a band around an amount
        parse_number(text, unit="亿元", plus_minus=True)


def test_another_unit_is_named_beside_the_values_own() -> None:
    with pytest.raises(NumberError) as info:
        parse_number("4,500 万元", unit="亿元")
    assert info.value.message_en == (
        '"4,500 万元" contains a unit or a magnitude word other than "亿元", the unit of this'
        " value; enter the number in 亿元."
    )
    assert "与本数值的单位“亿元”不同" in info.value.message_zh


def test_allow_percent_overrides_unit() -> None:
    assert parse_number("15%", allow_percent=True) == 15.0
    assert parse_number("15%", unit="亿元", allow_percent=True) == 15.0
    with pytest.raises(NumberError) as info:
        parse_number("15%", unit="%", allow_percent=False)
    assert info.value.problem is P.PERCENT_NOT_ALLOWED


# --- rejected ----------------------------------------------------------------------------

# (text, keyword arguments, problem, word in English message, word in Chinese message)
REJECTED: list[tuple[str, dict[str, Any], NumberProblem, str, str]] = [
    ("", {}, P.EMPTY, "empty", "为空"),
    ("   ", {}, P.EMPTY, "empty", "为空"),
    ("abc", {}, P.NOT_A_NUMBER, "not a number", "不是数字"),
    ("无", {}, P.NOT_A_NUMBER, "left out, not written as a word", "请不填，不要写成文字"),
    ("（暂无）", {}, P.NOT_A_NUMBER, "left out, not written as a word", "请不填，不要写成文字"),
    ("ＮＵＬＬ", {}, P.NOT_A_NUMBER, "left out, not written as a word", "请不填，不要写成文字"),
    ("[x]", {}, P.NOT_A_NUMBER, "left out, not written as a word", "请不填，不要写成文字"),
    ("：", {}, P.NOT_A_NUMBER, "left out, not written as a word", "请不填，不要写成文字"),
    ("未公布", {}, P.NOT_A_NUMBER, "left out, not written as a word", "请不填，不要写成文字"),
    (
        "not available",
        {},
        P.NOT_A_NUMBER,
        "left out, not written as a word",
        "请不填，不要写成文字",
    ),
    ("暂无数据", {}, P.NOT_A_NUMBER, "left out, not written as a word", "请不填，不要写成文字"),
    ("12abc", {}, P.NOT_A_NUMBER, "not a number", "不是数字"),
    ("1_000", {}, P.NOT_A_NUMBER, "not a number", "不是数字"),
    ("0x10", {}, P.NOT_A_NUMBER, "not a number", "不是数字"),
    ("٣", {}, P.NOT_A_NUMBER, "not a number", "不是数字"),  # Arabic-Indic digit
    (".", {}, P.NOT_A_NUMBER, "not a number", "不是数字"),
    ("1e", {}, P.NOT_A_NUMBER, "exponent", "指数"),
    ("1e5e3", {}, P.NOT_A_NUMBER, "exponent", "指数"),
    ("nan", {}, P.NOT_FINITE, "finite", "有限"),
    ("NaN", {}, P.NOT_FINITE, "finite", "有限"),
    ("-inf", {}, P.NOT_FINITE, "infinity", "无穷大"),
    ("INF", {}, P.NOT_FINITE, "infinity", "无穷大"),
    ("Infinity", {}, P.NOT_FINITE, "infinity", "无穷大"),
    ("∞", {}, P.NOT_FINITE, "infinity", "无穷大"),
    ("-∞", {}, P.NOT_FINITE, "infinity", "无穷大"),
    ("ｎａｎ", {}, P.NOT_FINITE, "finite", "有限"),
    ("1e16", {}, P.TOO_LARGE, "sane magnitude", "数量级"),
    ("1000000000000001", {}, P.TOO_LARGE, "sane magnitude", "数量级"),
    ("-1,000,000,000,000,001", {}, P.TOO_LARGE, "sane magnitude", "数量级"),
    ("1e999", {}, P.TOO_LARGE, "sane magnitude", "数量级"),
    ("1e-400", {}, P.TOO_SMALL, "too close to zero", "过于接近零"),  # was taken as 0
    ("-2.5e-400", {}, P.TOO_SMALL, "too close to zero", "过于接近零"),
    ("500亿元", {}, P.UNIT_IN_VALUE, "own column or field", "单位"),
    ("12 kg", {}, P.UNIT_IN_VALUE, "own column or field", "单位"),
    ("12kg", {}, P.UNIT_IN_VALUE, "own column or field", "单位"),
    ("５ｋｇ", {}, P.UNIT_IN_VALUE, "own column or field", "单位"),
    ("5,000 亿元", {}, P.UNIT_IN_VALUE, "own column or field", "单位"),
    ("5千", {}, P.UNIT_IN_VALUE, "magnitude word", "数量词"),
    ("3万", {}, P.UNIT_IN_VALUE, "magnitude word", "数量词"),
    ("5bn", {}, P.UNIT_IN_VALUE, "magnitude word", "数量词"),
    ("$5", {}, P.UNIT_IN_VALUE, "own column or field", "单位"),
    ("¥500", {}, P.UNIT_IN_VALUE, "own column or field", "单位"),
    ("￥500", {}, P.UNIT_IN_VALUE, "own column or field", "单位"),
    ("5‰", {}, P.UNIT_IN_VALUE, "own column or field", "单位"),
    ("5 m²", {}, P.UNIT_IN_VALUE, "own column or field", "单位"),
    ("五千", {}, P.CHINESE_NUMERALS, "Chinese numerals", "中文数字"),
    ("1,5", {}, P.AMBIGUOUS_SEPARATOR, "ambiguous", "歧义"),
    ("12,3456", {}, P.AMBIGUOUS_SEPARATOR, "decimal comma", "小数点"),
    ("0,123", {}, P.AMBIGUOUS_SEPARATOR, "decimal comma", "小数点"),
    (",5", {}, P.AMBIGUOUS_SEPARATOR, "ambiguous", "歧义"),
    ("１，５", {}, P.AMBIGUOUS_SEPARATOR, "ambiguous", "歧义"),
    ("1 234,5", {}, P.AMBIGUOUS_SEPARATOR, "ambiguous", "歧义"),
    ("1.234,5", {}, P.AMBIGUOUS_SEPARATOR, "European", "欧洲"),
    ("1.234.567,89", {}, P.AMBIGUOUS_SEPARATOR, "European", "欧洲"),
    ("1,23,456", {}, P.GROUPING, "grouping", "分组"),
    ("1,234,5678", {}, P.GROUPING, "grouping", "分组"),
    ("1234,567", {}, P.GROUPING, "grouping", "分组"),
    ("12 34", {}, P.GROUPING, "grouping", "分组"),
    ("1  000", {}, P.GROUPING, "grouping", "分组"),
    ("5,", {}, P.GROUPING, "grouping", "分组"),
    ("1,,000", {}, P.GROUPING, "grouping", "分组"),
    ("4,000.000,1", {}, P.GROUPING, "after the decimal point", "小数点后"),
    ("3.141 592", {}, P.GROUPING, "after the decimal point", "小数点后"),
    ("1.2.3", {}, P.MULTIPLE_POINTS, "more than one decimal point", "多个小数点"),
    ("1.234.567", {}, P.MULTIPLE_POINTS, "thousands", "千位"),
    ("1,234 567", {}, P.MIXED_SEPARATORS, "mixes", "混用"),
    ("1 234,567", {}, P.MIXED_SEPARATORS, "mixes", "混用"),
    ("+", {}, P.SIGN, "sign without any digits", "只有正负号"),
    ("+-", {}, P.SIGN, "sign without any digits", "只有正负号"),
    ("--5", {}, P.SIGN, "more than one sign", "多个正负号"),
    ("+-5", {}, P.SIGN, "more than one sign", "多个正负号"),
    ("5-", {}, P.SIGN, "after the number", "数字后面"),
    ("5 -", {}, P.SIGN, "after the number", "数字后面"),
    ("5-3", {}, P.SIGN, "middle", "中间"),
    ("2020-2021", {}, P.SIGN, "range", "范围"),
    ("- 5", {}, P.SIGN, "space between the sign", "空格"),
    ("–5", {}, P.SIGN, "dash", "破折号"),
    ("(5)", {}, P.PARENTHESES, "parentheses", "括号"),
    ("(1,234.5)", {}, P.PARENTHESES, "ambiguous", "不明确"),
    ("（５）", {}, P.PARENTHESES, "parentheses", "括号"),
    ("4000*", {}, P.FOOTNOTE, "footnote", "脚注"),
    ("4000**", {}, P.FOOTNOTE, "footnote", "脚注"),
    ("4000①", {}, P.FOOTNOTE, "footnote", "脚注"),
    ("4000[1]", {}, P.FOOTNOTE, "footnote", "脚注"),
    ("4000［1］", {}, P.FOOTNOTE, "footnote", "脚注"),
    ("4000 (a)", {}, P.FOOTNOTE, "footnote", "脚注"),
    ("4000¹", {}, P.FOOTNOTE, "footnote", "脚注"),
    ("4000†", {}, P.FOOTNOTE, "footnote", "脚注"),
    # were "a unit or a magnitude word"; a mark's brackets are not said twice ("（(a)）")
    ("4600（注1）", {"unit": "亿元"}, P.FOOTNOTE, "footnote mark (注1);", "脚注标记（注1）；"),
    ("4600(注)", {}, P.FOOTNOTE, "footnote mark (注);", "脚注标记（注）；"),
    ("4600 (note 2)", {}, P.FOOTNOTE, "footnote mark (note 2);", "脚注"),
    ("4000 (a)", {}, P.FOOTNOTE, "footnote mark (a);", "脚注标记（a）；"),
    # was "a unit different from 亿元", where the unit is 亿元
    (
        "4600亿元（初步）",
        {"unit": "亿元"},
        P.FOOTNOTE,
        "note in brackets (初步)",
        "括号中的说明（初步）",
    ),
    ("4,600 (preliminary)", {}, P.FOOTNOTE, "note in brackets (preliminary)", "初步等数据质量"),
    # were "a unit or a magnitude word" and "not a number"
    ("4000（2021年）", {"unit": "亿元"}, P.FOOTNOTE, "year in brackets (2021年)", "年份（2021年）"),
    ("4,000 (2021)", {}, P.FOOTNOTE, "year in brackets (2021)", "括号中的年份（2021）"),
    ("4000(2021 年度)", {}, P.FOOTNOTE, "year in brackets (2021 年度)", "年份另行填写"),
    ("4600万元（2021年）", {"unit": "亿元"}, P.UNIT_IN_VALUE, "unit", "单位"),
    # the unit first: told only of the bracket, 4600 in 万元 would go in as 亿元
    ("4600万元（初步）", {"unit": "亿元"}, P.UNIT_IN_VALUE, "unit", "单位"),
    ("46%（初步）", {"unit": "亿元"}, P.PERCENT_NOT_ALLOWED, "not a percentage", "不是百分比"),
    ("46%（初步）", {"unit": "%"}, P.FOOTNOTE, "note in brackets (初步)", "括号中的说明"),
    ("15%*", {"unit": "%"}, P.FOOTNOTE, "footnote", "脚注"),
    ("15%", {}, P.PERCENT_NOT_ALLOWED, "percent sign", "百分号"),
    ("15%", {"unit": "亿元"}, P.PERCENT_NOT_ALLOWED, "not a percentage", "不是百分比"),
    ("15％", {"unit": "万人"}, P.PERCENT_NOT_ALLOWED, "percent sign", "百分号"),
    ("15%", {"unit": "%", "allow_percent": False}, P.PERCENT_NOT_ALLOWED, "percent", "百分"),
    ("%", {"unit": "%"}, P.NOT_A_NUMBER, "not a number", "不是数字"),
    ("15%%", {"unit": "%"}, P.NOT_A_NUMBER, "not a number", "不是数字"),
    ("1" * 65, {}, P.TOO_LONG, "too long", "过长"),
    ("x" * 200, {}, P.TOO_LONG, "too long", "过长"),
    ("-", {}, P.MISSING_MARKER, "missing figure", "缺失"),
    ("—", {}, P.MISSING_MARKER, "missing figure", "缺失"),
    ("n/a", {}, P.MISSING_MARKER, "missing figure", "缺失"),
    ("#DIV/0!", {}, P.SPREADSHEET_ERROR, "spreadsheet error", "错误值"),
    ("#N/A", {}, P.SPREADSHEET_ERROR, "spreadsheet error", "错误值"),
    ("#VALUE!", {}, P.SPREADSHEET_ERROR, "spreadsheet error", "错误值"),
    ("=C2*1.077", {}, P.FORMULA, "a formula, not its result", "是公式而不是计算结果"),
    ("约330", {}, P.APPROXIMATE, "approximate amount (约)", "是约数（约）"),
    ("大约 5,000", {}, P.APPROXIMATE, "approximate amount (大约)", "是约数"),
    ("~3", {}, P.APPROXIMATE, "approximate amount (~)", "是约数"),
    ("330左右", {}, P.APPROXIMATE, "approximate amount (左右)", "是约数（左右）"),
    ("5%左右", {"unit": "%"}, P.APPROXIMATE, "approximate amount (左右)", "是约数"),
    ("超过330", {}, P.BOUND, "states a bound (超过)", "表示的是界限（超过）"),
    ("≥ 15", {}, P.BOUND, "states a bound (≥)", "界限"),
    # English words said "contains a unit or a magnitude word"
    ("about 16%", {"unit": "%"}, P.APPROXIMATE, "approximate amount (about)", "是约数"),
    ("Approx. 5,000", {}, P.APPROXIMATE, "approximate amount (Approx.)", "是约数"),
    ("more than 330", {}, P.BOUND, "states a bound (more than)", "界限"),
    ("over 5,000", {}, P.BOUND, "states a bound (over)", "界限"),
    ("about -5", {}, P.APPROXIMATE, "approximate amount (about)", "是约数"),
    ("ca. 5", {}, P.APPROXIMATE, "approximate amount (ca.)", "是约数"),
    ("up to 5", {}, P.BOUND, "states a bound (up to)", "界限"),
    ("no more than 5", {}, P.BOUND, "states a bound (no more than)", "界限"),
    ("低于-3%", {"unit": "%"}, P.BOUND, "states a bound (低于)", "界限"),
    # said "contains a unit or a magnitude word", "is not a number" or "put the minus sign in
    # front"
    ("不超过5%", {"unit": "%"}, P.BOUND, "states a bound (不超过)", "界限（不超过）"),
    ("至少5", {}, P.BOUND, "states a bound (至少)", "界限"),
    ("5以上", {}, P.BOUND, "states a bound (以上)", "界限（以上）"),
    ("5%以下", {"unit": "%"}, P.BOUND, "states a bound (以下)", "界限"),
    ("5000+", {}, P.BOUND, "states a bound (+)", "界限"),
    (">=5", {}, P.BOUND, "states a bound (>=)", "界限"),
    ("≧5", {}, P.BOUND, "states a bound (≧)", "界限"),
    ("not more than 5", {}, P.BOUND, "states a bound (not more than)", "界限"),
    ("max. 5", {}, P.BOUND, "states a bound (max.)", "界限"),
    ("5000多", {}, P.APPROXIMATE, "approximate amount (多)", "是约数（多）"),
    ("约为5", {}, P.APPROXIMATE, "approximate amount (约为)", "是约数"),
    ("約5", {}, P.APPROXIMATE, "approximate amount (約)", "是约数"),
    ("5上下", {}, P.APPROXIMATE, "approximate amount (上下)", "是约数"),
    ("ca 5", {}, P.APPROXIMATE, "approximate amount (ca)", "是约数"),
    ("about - 5", {}, P.APPROXIMATE, "approximate amount (about)", "是约数"),
    ("2024-03-01", {}, P.DATE, "is a date, not a number", "是日期"),
    ("2024/3/1", {}, P.DATE, "is a date, not a number", "是日期"),
]


@pytest.mark.parametrize(
    ("text", "kwargs", "problem", "word_en", "word_zh"),
    REJECTED,
    ids=[repr(r[0])[:30] for r in REJECTED],
)
def test_rejected(
    text: str, kwargs: dict[str, Any], problem: NumberProblem, word_en: str, word_zh: str
) -> None:
    with pytest.raises(NumberError) as info:
        parse_number(text, **kwargs)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.problem is problem
    assert err.text == text
    assert str(err) == err.message_en
    assert word_en.casefold() in err.message_en.casefold()
    assert word_zh in err.message_zh
    # The text is quoted in both languages (long texts are shortened with an ellipsis); an
    # empty one is not: 'The value is empty ("")' read as a fault of its own.
    shown = text if len(text) <= 40 else text[:39] + "…"
    quoted = text.strip() != ""
    assert (f'"{shown}"' in err.message_en) is quoted
    assert (f"“{shown}”" in err.message_zh) is quoted


def test_empty_and_garbage_are_different_errors() -> None:
    with pytest.raises(NumberError) as empty:
        parse_number("")
    with pytest.raises(NumberError) as garbage:
        parse_number("abc")
    assert empty.value.problem is not garbage.value.problem
    assert empty.value.message_en != garbage.value.message_en.replace("abc", "")


def test_invisible_characters_are_escaped_in_messages() -> None:
    with pytest.raises(NumberError) as info:
        parse_number("40\u200b00")
    assert "\\u200b" in info.value.message_en
    assert "\\u200b" in info.value.message_zh
    with pytest.raises(NumberError) as info:
        parse_number("1\n2")
    assert "\\n" in info.value.message_en


def test_percent_message_names_the_unit() -> None:
    with pytest.raises(NumberError) as info:
        parse_number("15%", unit="亿元")
    assert '"亿元"' in info.value.message_en
    assert "“亿元”" in info.value.message_zh


def test_number_error_constructed_directly_and_pickled() -> None:
    err = NumberError("x", "bad x", "x 不对")
    assert (err.text, err.message_en, err.message_zh, str(err)) == ("x", "bad x", "x 不对", "bad x")
    assert err.problem is P.INVALID
    with pytest.raises(NumberError) as info:
        parse_number("1,5")
    copy = pickle.loads(pickle.dumps(info.value))
    assert isinstance(copy, NumberError)
    assert (copy.text, copy.message_en, copy.message_zh, copy.problem) == (
        info.value.text,
        info.value.message_en,
        info.value.message_zh,
        info.value.problem,
    )


# --- missing-figure markers --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "  ", "\t", "—", "–", "-", "－", "——", "…", "……", "...", "..", "⋯", "n/a", "N/A",
     "NA", "na", "n.a.", "/", "／", " — "],
)  # fmt: skip
def test_missing_markers(text: str) -> None:
    assert is_missing_marker(text)
    with pytest.raises(NumberError) as info:
        parse_number(text)
    assert info.value.problem in (P.EMPTY, P.MISSING_MARKER)


@pytest.mark.parametrize("text", ["0", "abc", ".", "+", "nan", "#N/A", "1-", "-1", "/5", "n/a/"])
def test_not_missing_markers(text: str) -> None:
    assert not is_missing_marker(text)


# --- years -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021", 2021),
        (" 2021 ", 2021),
        ("２０２１", 2021),
        ("2021年", 2021),
        ("２０２１年", 2021),
        ("2021 年", 2021),
        ("1900", 1900),
        ("2200", 2200),
        ("2021.0", 2021),  # as pandas writes a year column that has an empty cell
    ],
)
def test_parse_year(text: str, expected: int) -> None:
    assert parse_year(text) == expected


@pytest.mark.parametrize(
    ("text", "problem", "word_en", "word_zh"),
    [
        ("", P.EMPTY, "empty", "为空"),
        ("FY2021", P.NOT_A_YEAR, "not a year", "不是年份"),
        ("21", P.NOT_A_YEAR, "four digits", "四位"),
        ("20210", P.NOT_A_YEAR, "four digits", "四位"),
        ("2021.5", P.NOT_A_YEAR, "not a year", "不是年份"),
        ("2021-01-01", P.NOT_A_YEAR, "a date, not a year", "是日期，不是年份"),
        ("2021-01-01T00:00:00", P.NOT_A_YEAR, "enter the year alone", "只填写年份"),
        ("2021年度", P.NOT_A_YEAR, "not a year", "不是年份"),
        ("二〇二一", P.NOT_A_YEAR, "not a year", "不是年份"),
        ("+2021", P.NOT_A_YEAR, "not a year", "不是年份"),
        ("1899", P.YEAR_OUT_OF_RANGE, "1900–2200", "1900–2200"),
        ("2201", P.YEAR_OUT_OF_RANGE, "1900–2200", "1900–2200"),
    ],
)
def test_parse_year_rejected(text: str, problem: NumberProblem, word_en: str, word_zh: str) -> None:
    with pytest.raises(NumberError) as info:
        parse_year(text)
    err = info.value
    assert err.problem is problem
    assert word_en in err.message_en
    assert word_zh in err.message_zh
    assert (f'"{text}"' in err.message_en) is (text != "")
    assert (f"“{text}”" in err.message_zh) is (text != "")


@given(st.integers(min_value=1900, max_value=2200))
def test_parse_year_round_trips(year: int) -> None:
    assert parse_year(str(year)) == year
    assert parse_year(f"{year}年") == year
    assert parse_year(to_fullwidth(str(year))) == year


# --- properties --------------------------------------------------------------------------

sane_floats = st.floats(
    min_value=-MAX_MAGNITUDE, max_value=MAX_MAGNITUDE, allow_nan=False, allow_infinity=False
)
sane_ints = st.integers(min_value=-int(MAX_MAGNITUDE), max_value=int(MAX_MAGNITUDE))


def to_fullwidth(text: str) -> str:
    """Every printable ASCII character to its full-width form, space to ideographic space."""
    return "".join(
        "\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text
    )


def same(a: float, b: float) -> bool:
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b + 0.0)


@given(sane_floats)
@example(0.1)
@example(-0.0)
@example(5e-324)
@example(MAX_MAGNITUDE)
@example(-MAX_MAGNITUDE)
def test_repr_round_trips(x: float) -> None:
    assert same(parse_number(repr(x)), x)
    assert same(parse_number(str(x)), x)


@given(sane_floats)
@example(1234567.89)
@example(1e-7)
def test_comma_grouping_round_trips(x: float) -> None:
    assert same(parse_number(f"{x:,}"), x)


@given(sane_ints, st.sampled_from([",", " ", "\u00a0", "\u2009", "\u202f", "，"]))
def test_grouped_integers_round_trip(n: int, sep: str) -> None:
    assert parse_number(f"{n:,}".replace(",", sep)) == n


@given(sane_floats, st.sampled_from([" ", "\u00a0", "\u2009", "\u202f"]))
def test_space_grouping_round_trips(x: float, sep: str) -> None:
    assert same(parse_number(f"{x:,}".replace(",", sep)), x)


@st.composite
def accepted_ascii(draw: st.DrawFn) -> tuple[str, str]:
    """An accepted ASCII number text, with the unit it is to be parsed with."""
    x = draw(sane_floats)
    text = draw(
        st.sampled_from(
            [repr(x), f"{x:,}", f"{x:,}".replace(",", " "), f"{x:e}", f"{x:E}", f"{x:.3f}"]
        )
    )
    if draw(st.booleans()) and not text.startswith("-"):
        text = "+" + text
    if draw(st.booleans()):
        return text + draw(st.sampled_from(["%", " %"])), "%"
    return text, ""


@given(accepted_ascii())
def test_fullwidth_translation_parses_the_same(case: tuple[str, str]) -> None:
    text, unit = case
    value = parse_number(text, unit=unit)
    assert same(parse_number(to_fullwidth(text), unit=unit), value)
    assert same(parse_number(text.replace("-", "\u2212"), unit=unit), value)
    assert same(parse_number(f"  {text}\t", unit=unit), value)


def check_total(text: str, unit: str) -> None:
    try:
        value = parse_number(text, unit=unit)
    except NumberError as err:
        assert err.text == text
        assert err.message_en and err.message_zh
        assert str(err) == err.message_en
    else:
        assert isinstance(value, float)
        assert math.isfinite(value)
        assert abs(value) <= MAX_MAGNITUDE
        assert math.copysign(1.0, value) == 1.0 or value != 0


@given(st.text(), st.sampled_from(["", "%", "亿元"]))
def test_any_text_gives_a_sane_float_or_number_error(text: str, unit: str) -> None:
    check_total(text, unit)


number_like = st.text(
    alphabet=st.sampled_from(
        list("0123456789,. +-eE%()*[]#nNaAiIfF")
        + list("０１２３４５６７８９，．－＋％（）亿万千元kg①¹∞–—…/")
        + ["\u2212", "\u00a0", "\u2009", "\u202f", "\u3000", "\t", "\u200b"]
    ),
    max_size=24,
)


@given(number_like, st.sampled_from(["", "%"]))
@example("1,000,000,000,000,000.1", "")
@example("99999999999999999999", "")
def test_number_like_text_gives_a_sane_float_or_number_error(text: str, unit: str) -> None:
    check_total(text, unit)


@given(number_like | st.text())
def test_missing_markers_never_parse(text: str) -> None:
    if is_missing_marker(text):
        with pytest.raises(NumberError):
            parse_number(text)


@given(number_like | st.text())
def test_parse_year_gives_a_year_or_number_error(text: str) -> None:
    try:
        year = parse_year(text)
    except NumberError as err:
        assert err.text == text
    else:
        assert 1900 <= year <= 2200


def _outcome(text: str) -> float | NumberProblem:
    try:
        return parse_number(text)
    except NumberError as e:
        return e.problem


@given(st.from_regex(r"-?[0-9]{1,17}(\.[0-9]{0,32})?", fullmatch=True))
@example("-0")
@example("999999999999999.99999999")
@example("1000000000000000")
def test_plain_decimals_read_as_with_surrounding_spaces(text: str) -> None:
    # Surrounding spaces take the text through normalisation: the plain form must not differ.
    plain, padded = _outcome(text), _outcome(f" {text}\u3000")
    if isinstance(plain, float) and isinstance(padded, float):
        assert same(plain, padded)
    else:
        assert plain == padded


def test_a_tolerance_may_be_written_with_a_plus_minus_sign() -> None:
    assert parse_number("±0.5", plus_minus=True) == 0.5
    assert parse_number(" ± 1.5%", unit="%", plus_minus=True) == 1.5
    assert parse_number("+/-2", plus_minus=True) == 2.0
    assert parse_number("+-0.5", plus_minus=True) == parse_number("+/−0.5", plus_minus=True) == 0.5
    with pytest.raises(NumberError, match="needs a number after the sign"):
        parse_number(" ± ", plus_minus=True)
    for text, options in (("±0.5", {}), ("1±0.5", {"plus_minus": True})):
        with pytest.raises(NumberError):
            parse_number(text, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("new", "before", "apart"),
    [
        (50123, 5012.3, True),
        (501.23, 5012.3, True),
        (9.99, 1, False),
        (0.11, 1, False),
        # a decimal point slipped, exactly tenfold, though the binary ratio falls just short
        (0.28, 2.8, True),
        (0.201, 2.01, True),
        (16.2, 1.62, True),
        (-50, -5, True),
        (-4, 5, False),  # a fall below zero is not a slipped digit
        (0, 5, False),
        (5, 0, False),
    ],
)
def test_figures_ten_times_apart_are_told(new: float, before: float, apart: bool) -> None:
    assert tenfold_apart(new, before) is apart


@pytest.mark.parametrize(
    ("text", "letter", "digit"),
    [("12l.3", "l", "1"), ("1O0", "O", "0"), ("4,4OO", "O", "0"), ("l23", "l", "1")],
)
def test_a_letter_typed_for_a_digit_is_named(text: str, letter: str, digit: str) -> None:
    """ "12l.3" was refused as holding "a unit or a magnitude word other than 万人"."""
    with pytest.raises(NumberError) as caught:
        parse_number(text, unit="万人")
    said = caught.value.message_en
    assert said == f'"{text}" is not a number: it has the letter "{letter}" among its digits' + (
        f' (a "{digit}" mistyped?).'
    )
    assert parse_number("12 万人", unit="万人") == 12.0
