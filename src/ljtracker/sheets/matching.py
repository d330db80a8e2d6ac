"""Matching a table's indicators to a plan's targets: by code, else by Chinese or English name.

Names are compared loosely (full-width folded, case and spaces ignored, a trailing footnote
mark, a sub-item's "其中：" and a bracketed "（现价）", at current prices, dropped). A label
with a unit in parentheses, "地区生产总值（亿元）", also matches the name without it, and the
unit is then checked against the target's. The user can change any row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ljtracker.domain.model import Target
from ljtracker.domain.numbers import is_rate_unit
from ljtracker.sheets.layout import Indicator


class MatchHow(StrEnum):
    CODE = "code"
    NAME = "name"
    MANUAL = "manual"
    LEFT_OUT = "left_out"  # by the user's mapping
    NONE = "none"


@dataclass(frozen=True)
class Match:
    indicator: Indicator
    target: Target | None
    how: MatchHow
    label_unit: str = ""  # the unit found in the label's parentheses, when it was split off


_FOOTNOTE_TAIL = re.compile(
    r"(?:\s*(?:[*†‡§※]+|[\u2460-\u2473]|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+"
    r"|\[[0-9a-zA-Z]{1,3}\]|［[0-9]{1,3}］|〔[0-9]{1,3}〕))+\s*$"
)
_LABEL_UNIT = re.compile(r"^(.*\S)\s*[（(]([^（）()]{1,24})[)）]\s*$")
_UNIT_CHARS = frozenset("元%‰人吨个亩米里方瓦时户家项件辆次岁台套座所张本册箱克升度")
# units as English tables write them, by unit_key (no spaces, no thousands separators)
_UNIT_SYNONYMS = {
    "percent": "%",
    "pct": "%",
    "百分比": "%",
    "百分数": "%",
    "10000people": "万人",
    "10000persons": "万人",
    "100millionyuan": "亿元",
    "100millionrmb": "亿元",
    "10000yuan": "万元",
    "10000rmb": "万元",
    "yuan": "元",
    "rmb": "元",
    "100millionusdollars": "亿美元",
    "100millionusd": "亿美元",
    "10000usdollars": "万美元",
    "10000usd": "万美元",
    "usdollars": "美元",
    "usd": "美元",
    "10000tons": "万吨",
    "10000tonnes": "万吨",
    "tons": "吨",
    "tonnes": "吨",
    "10000households": "万户",
    "households": "户",
    "days": "天",
    "persons": "人",
    "people": "人",
    # a number before a Chinese unit, as some tables write the scale: "单位：10,000 人"
    "10000人": "万人",
    "10000元": "万元",
    "100000000元": "亿元",
    "10000吨": "万吨",
    "10000户": "万户",
}


# a sub-item's lead-in, as statistical tables write it: "其中：直管区地区生产总值", "#规上工业"
_SUB_ITEM = re.compile(r"^(?:其中\s*[:：]?|#)")


# a statistical table's word that its amounts are at current prices, as a target's are: beside
# a name, not part of it. A constant-price series (不变价, 可比价) is another series.
_QUALIFIERS = frozenset(
    {
        "现价",
        "当年价",
        "当年价格",
        "按当年价格计算",
        "currentprices",
        "currentprice",
        "atcurrentprices",
    }
)
# a series at constant prices: another series than a target's at current prices
_CONSTANT_PRICES = frozenset(
    {
        "不变价",
        "不变价格",
        "可比价",
        "可比价格",
        "按可比价格计算",
        "按不变价格计算",
        "constantprices",
        "constantprice",
        "atconstantprices",
        "comparableprices",
        "atcomparableprices",
    }
)
_BRACKETED = re.compile(r"\s*[（(]([^（）()]*)[)）]")
_PART_SEPARATOR = re.compile(r"\s*[,，、;；]\s*")


def _loose(part: str) -> str:
    return re.sub(r"\s+", "", part.casefold())


def _bracketed_parts(label: str) -> list[str]:
    """What the label's brackets hold, part by part, compared loosely: "（现价，亿元）" holds
    "现价" and "亿元"."""
    return [
        _loose(part)
        for found in _BRACKETED.finditer(label)
        for part in _PART_SEPARATOR.split(found[1].strip())
        if part
    ]


def at_constant_prices(label: str) -> bool:
    """Whether the label names a series at constant prices, "地区生产总值（可比价，亿元）"."""
    return any(part in _CONSTANT_PRICES for part in _bracketed_parts(label))


def without_qualifiers(label: str) -> str:
    """The label without a current-price basis bracketed in it: "地区生产总值（现价）" is
    "地区生产总值", "地区生产总值（现价，亿元）" is "地区生产总值（亿元）"."""

    def kept(found: re.Match[str]) -> str:
        parts = [p for p in _PART_SEPARATOR.split(found[1].strip()) if p]
        rest = [p for p in parts if _loose(p) not in _QUALIFIERS]
        if len(rest) == len(parts):
            return found[0]
        return f"（{'，'.join(rest)}）" if rest else ""

    return _BRACKETED.sub(kept, label).strip()


def normalize_name(text: str) -> str:
    s = _FOOTNOTE_TAIL.sub("", text)
    s = unicodedata.normalize("NFKC", s).casefold()
    return _SUB_ITEM.sub("", re.sub(r"\s+", "", s))


def looks_like_unit(text: str) -> bool:
    s = unicodedata.normalize("NFKC", text).strip()
    if _unit_written(s) in _UNIT_SYNONYMS:
        return True
    if not s or len(s) > 8:
        return False
    return any(c in _UNIT_CHARS for c in s) or bool(re.fullmatch(r"[a-z%/²³0-9.]+", s.casefold()))


# a comma, but not one in a number ("10,000 persons")
_LIST_COMMA = re.compile(r"\s*(?:[，、]|(?<!\d),|,(?!\d{3}(?!\d)))\s*")


def listed_units(text: str) -> list[str]:
    """The units a line above a table gives: ["亿元", "%"] for "亿元、%" or "亿元，%"; a list
    ends where a part is no unit ("亿元，数据来源"); none when the first is not one."""
    units = []
    for part in _LIST_COMMA.split(text.strip()):
        if not looks_like_unit(part):
            break
        units.append(part)
    return units


def split_label_unit(label: str) -> tuple[str, str] | None:
    """("地区生产总值", "亿元") for "地区生产总值（亿元）" (and "地区生产总值（亿元）（现价）");
    None when there is no such unit."""
    if at_constant_prices(label):  # "可比价，亿元" is no unit of a target's series
        return None
    m = _LABEL_UNIT.match(without_qualifiers(label))
    if m is None or not looks_like_unit(m[2]):
        return None
    return m[1], m[2].strip()


def _unit_written(unit: str) -> str:
    """A unit as written, without case, spaces or thousands separators: "100millionyuan"."""
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", unit).casefold())
    return re.sub(r"(?<=\d),(?=\d{3})", "", s)


def unit_key(unit: str) -> str:
    s = _unit_written(unit)
    return _UNIT_SYNONYMS.get(s, s)


def same_unit(a: str, b: str) -> bool:
    return unit_key(a) == unit_key(b)


class _Index:
    def __init__(self, targets: Sequence[Target]) -> None:
        self.by_id = {t.id: t for t in targets}
        self.by_code: dict[str, Target] = {normalize_name(t.code): t for t in targets}
        self.by_name: dict[str, list[Target]] = {}
        for t in targets:
            for name in {normalize_name(t.name_zh), normalize_name(t.name_en)} - {""}:
                self.by_name.setdefault(name, []).append(t)

    def name(self, text: str) -> Target | None:
        found = self.by_name.get(normalize_name(text), [])
        return found[0] if len(found) == 1 else None

    def code(self, text: str) -> Target | None:
        return self.by_code.get(normalize_name(text)) if text else None


def _auto(indicator: Indicator, index: _Index) -> Match:
    target = index.code(indicator.code)
    if target is not None:
        return Match(indicator, target, MatchHow.CODE)
    for name in indicator.names:
        target = index.name(name) or index.name(without_qualifiers(name))
        if target is not None:
            return Match(indicator, target, MatchHow.NAME)
        target = index.code(name)
        if target is not None:
            return Match(indicator, target, MatchHow.CODE)
    for name in indicator.names:
        split = split_label_unit(name)
        if split is not None and (target := index.name(split[0])) is not None:
            return Match(indicator, target, MatchHow.NAME, label_unit=split[1])
    return Match(indicator, None, MatchHow.NONE)


def match_indicators(
    indicators: Sequence[Indicator],
    targets: Sequence[Target],
    overrides: Mapping[str, int | None] | None = None,
) -> list[Match]:
    """One match per indicator; `overrides` maps an indicator's key to a target id, or to
    None to leave the indicator out."""
    index = _Index(targets)
    matches = []
    for indicator in indicators:
        if overrides is not None and indicator.key in overrides:
            target_id = overrides[indicator.key]
            target = None if target_id is None else index.by_id.get(target_id)
            how = MatchHow.LEFT_OUT if target is None else MatchHow.MANUAL
            split = split_label_unit(indicator.label)
            matches.append(Match(indicator, target, how, split[1] if split else ""))
        else:
            matches.append(_auto(indicator, index))
    return matches


def names_containing(label: str, targets: Sequence[Target]) -> list[Target]:
    """The targets whose Chinese or English name holds the label, or is held in it: what a row
    named "地区生产总值" in the new area's own table may mean ("两江新区地区生产总值")."""
    key = normalize_name(label)
    if len(key) < 2:
        return []
    found = []
    for target in targets:
        names = {normalize_name(target.name_zh), normalize_name(target.name_en)} - {""}
        if any(key in name or name in key for name in names):
            found.append(target)
    return found


def likely_targets(
    indicator: Indicator, targets: Sequence[Target], table_unit: str = ""
) -> list[Target]:
    """What a row matched to no target may mean: the targets `names_containing` its name, less
    those whose unit is of another kind where the row states its own (in a unit column or its
    label's parentheses) or the table does (单位：亿元 above it): "地区生产总值（亿元）" is not a
    share of GDP in %."""
    if at_constant_prices(indicator.label):  # another series than any target's
        return []
    split = split_label_unit(indicator.label)
    name, label_unit = split if split else (without_qualifiers(indicator.label), "")
    unit = indicator.unit or label_unit or table_unit
    found = names_containing(name, targets)
    if unit:  # a GDP in 万元 may still be the one in 亿元; not a share in % or ‰
        rate = is_rate_unit(unit)
        found = [t for t in found if not t.unit or is_rate_unit(t.unit) == rate]
    return found


def count_matched(matches: Sequence[Match]) -> int:
    return sum(1 for m in matches if m.target is not None)
