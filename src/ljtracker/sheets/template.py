"""The app's own template: its columns, the Chinese names accepted for them, and the words
accepted for kinds, comparators, directions, trajectories and qualities."""

from __future__ import annotations

import functools
import re
import unicodedata
from enum import Enum
from typing import TypeVar

from ljtracker.domain.model import Comparator, Direction, Kind, Quality, Trajectory

TARGET_COLUMNS = (
    "plan",
    "area",
    "code",
    "name_zh",
    "name_en",
    "unit",
    "kind",
    "comparator",
    "direction",
    "baseline_year",
    "baseline_value",
    "baseline_quality",
    "baseline_source",
    "target_year",
    "target_value",
    "tolerance",
    "trajectory",
    "milestones",
    "natural_limit",
    "responsible",
    "notes",
)
OBSERVATION_COLUMNS = ("plan", "code", "year", "value", "quality", "source", "note")

PLAN_COLUMNS = (
    "plan",
    "title_zh",
    "title_en",
    "start_year",
    "end_year",
    "issuer",
    "issue_date",
    "source_url",
    "notes",
)

AREA_COLUMNS = ("plan", "area_zh", "area_en")

PLANS_SHEET = "plans"
AREAS_SHEET = "areas"
TARGETS_SHEET = "targets"
OBSERVATIONS_SHEET = "observations"

# Chinese names (and a few English variants) accepted for each column; the first Chinese
# name is the one documented.
TARGET_ALIASES: dict[str, tuple[str, ...]] = {
    "plan": ("规划", "规划代码", "plan code"),
    "area": ("领域", "所属领域", "area name"),
    "code": ("代码", "指标代码", "编码", "target code", "indicator code"),
    "name_zh": ("中文名称", "指标名称", "名称", "指标", "chinese name"),
    "name_en": ("英文名称", "指标英文名称", "english name"),
    "unit": ("单位", "计量单位"),
    "kind": ("指标属性", "属性", "类型"),
    "comparator": ("比较方式", "目标方式"),
    "direction": ("方向", "期望方向"),
    "baseline_year": ("基期年份", "基期年", "基年"),
    "baseline_value": ("基期值", "基期数值", "基数"),
    "baseline_quality": ("基期数据质量", "基期质量"),
    "baseline_source": ("基期来源", "基期数据来源"),
    "target_year": ("目标年份", "目标年"),
    "target_value": ("目标值", "目标数值"),
    "tolerance": ("容差", "允许偏差"),
    "trajectory": ("路径", "目标路径", "增长路径"),
    "milestones": ("阶段目标", "分年目标"),
    "natural_limit": ("自然上限",),
    "responsible": ("责任单位", "牵头单位", "责任部门"),
    "notes": ("备注", "说明"),
}
PLAN_ALIASES: dict[str, tuple[str, ...]] = {
    "plan": ("规划", "规划代码", "plan code"),
    "title_zh": ("中文标题", "规划名称", "chinese title"),
    "title_en": ("英文标题", "english title"),
    "start_year": ("起始年份", "开始年份", "起始年"),
    "end_year": ("结束年份", "终止年份", "截止年份"),
    "issuer": ("发布机关", "印发单位", "发文机关"),
    "issue_date": ("发布日期", "印发日期"),
    "source_url": ("来源网址", "网址", "链接"),
    "notes": ("备注", "说明"),
}
AREA_ALIASES: dict[str, tuple[str, ...]] = {
    "plan": ("规划", "规划代码", "plan code"),
    "area_zh": ("领域中文名称",),
    "area_en": ("领域英文名称", "area english name"),
}
OBSERVATION_ALIASES: dict[str, tuple[str, ...]] = {
    "plan": ("规划", "规划代码", "plan code"),
    "code": ("代码", "指标代码", "编码", "target code", "indicator code"),
    "year": ("年份", "年度", "年"),
    "value": ("数值", "值", "实际值", "数据"),
    "quality": ("数据质量", "质量"),
    "source": ("来源", "数据来源", "资料来源"),
    "note": ("备注", "说明", "注释", "notes"),
}

COLUMN_HELP: dict[str, tuple[str, str]] = {
    "plan": (
        "the plan's code; a plan that does not exist is created",
        "规划代码；不存在的规划将新建",
    ),
    "area": ("the area's name (Chinese or English); created if new", "所属领域名称；不存在则新建"),
    "code": ("the target's code, unique in its plan", "指标代码，在规划内唯一"),
    "name_zh": ("Chinese name", "中文名称"),
    "name_en": ("English name", "英文名称"),
    "unit": ("unit, e.g. 亿元 or %", "单位，如 亿元、%"),
    "kind": ("expected (预期性) or binding (约束性)", "预期性（expected）或约束性（binding）"),
    "comparator": (
        "at_least (不低于), at_most (不高于), about (左右); empty for a monitoring indicator",
        "不低于、不高于、左右；监测指标留空",
    ),
    "direction": (
        "increase (提高) or decrease (降低), for monitoring indicators only",
        "提高或降低，仅用于监测指标",
    ),
    "baseline_year": ("baseline year", "基期年份"),
    "baseline_value": ("baseline value", "基期值"),
    "baseline_quality": (
        "official (正式), preliminary (初步) or estimate (估算), of the baseline value",
        "基期值的数据质量：正式、初步或估算",
    ),
    "baseline_source": ("where the baseline value comes from", "基期值的数据来源"),
    "target_year": ("target year", "目标年份"),
    "target_value": ("target value", "目标值"),
    "tolerance": ("± band of an 'about' target", "“左右”目标的允许偏差"),
    "trajectory": ("linear (线性) or compound (复合)", "线性或复合增长"),
    "milestones": (
        "planned values on the way, e.g. 2023: 4,300; 2024: 4,600",
        "阶段目标，如 2023: 4,300; 2024: 4,600",
    ),
    "natural_limit": (
        "a value the indicator cannot pass, e.g. 100 for a share in %",
        "指标不可能超过的值，如百分比指标为 100",
    ),
    "responsible": ("responsible office", "责任单位"),
    "notes": ("notes", "备注"),
    "title_zh": ("the plan's Chinese title", "规划中文标题"),
    "title_en": ("the plan's English title", "规划英文标题"),
    "start_year": ("the first year of the plan period", "规划期起始年份"),
    "end_year": ("the last year of the plan period", "规划期结束年份"),
    "issuer": ("who issued the plan", "发布机关"),
    "issue_date": (
        "when it was issued: 2020-11-05, 2020-11 or 2020",
        "发布日期：2020-11-05、2020-11 或 2020",
    ),
    "source_url": ("where the plan's text is published", "规划原文网址"),
    "area_zh": ("the area's Chinese name", "领域中文名称"),
    "area_en": ("the area's English name", "领域英文名称"),
    "year": ("the year of the figure", "数据年份"),
    "value": ("the figure, in the target's unit", "数值，按指标单位填写"),
    "quality": (
        "official (正式), preliminary (初步) or estimate (估算)",
        "正式、初步或估算",
    ),
    "source": ("where the figure comes from", "数据来源"),
    "note": ("a note on the figure", "备注"),
}

E = TypeVar("E", bound=Enum)

ENUM_WORDS: dict[type[Enum], dict[str, tuple[str, ...]]] = {
    Kind: {"expected": ("预期性", "预期"), "binding": ("约束性", "约束")},
    Comparator: {
        "at_least": ("不低于", "不少于", "以上", "≥", ">=", "at least"),
        "at_most": ("不高于", "不超过", "以下", "≤", "<=", "at most"),
        "about": ("左右", "约", "≈", "~"),
    },
    Direction: {
        "increase": ("提高", "上升", "增加", "增长", "↑"),
        "decrease": ("降低", "下降", "减少", "↓"),
    },
    Trajectory: {"linear": ("线性",), "compound": ("复合", "复合增长", "几何")},
    # the words of a quality column, wherever it is read: an import, a paste, a typed cell
    Quality: {
        "official": ("正式", "正式数", "正式数据", "正式值", "官方", "最终", "final"),
        "preliminary": (
            "初步",
            "初步数",
            "初步数据",
            "初步数字",
            "初步核算",
            "初步核算数",
            "初步核算数据",
            "快报",
            "快报数",
            "快报数据",
            "prelim",
        ),
        "estimate": (
            "估算",
            "估算数",
            "估计",
            "估计数",
            "推算",
            "测算",
            "预计",
            "estimated",
            "est",
        ),
    },
}


def choice_word(value: Enum, lang: str) -> str:
    """A kind, comparator, direction, trajectory or quality as the template writes it."""
    return ENUM_WORDS[type(value)][value.value][0] if lang == "zh" else str(value.value)


@functools.lru_cache(maxsize=4096)
def normalize_header(text: str) -> str:
    """Header text compared loosely: full-width folded, case and spacing ignored, a trailing
    parenthesised hint dropped ("基期年份（年）" reads as "基期年份")."""
    s = unicodedata.normalize("NFKC", text).casefold().strip()
    s = re.sub(r"\s*\([^()]*\)\s*$", "", s) or s
    return re.sub(r"[\s_\-*]+", "", s)


def header_lookup(aliases: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Normalised header text -> column name, for a table's columns and their aliases."""
    lookup: dict[str, str] = {}
    for column, names in aliases.items():
        for name in (column, *names):
            lookup.setdefault(normalize_header(name), column)
    return lookup


def enum_from_text(enum: type[E], text: str) -> E | None:
    """The enum member a word names (its value or a Chinese word), None when the text is empty;
    ValueError when the word is unknown."""
    s = _normalized(text)
    if not s:
        return None
    member: E | None = _members_by_word(enum).get(s)
    if member is None:
        raise ValueError(text)
    return member


@functools.lru_cache(maxsize=1024)
def _normalized(text: str) -> str:
    """normalize_header, remembered: a column of quality words repeats a few words."""
    return normalize_header(text)


@functools.cache
def _members_by_word(enum: type[E]) -> dict[str, E]:
    """Each normalised word -> the member it names; the first member in ENUM_WORDS' order
    wins a word two members share."""
    members: dict[str, E] = {}
    for value, words in ENUM_WORDS[enum].items():
        for word in (value, *words):
            members.setdefault(normalize_header(word), enum(value))
    return members


def enum_choices(enum: type[Enum]) -> str:
    """'expected (预期性) or binding (约束性)' for messages."""
    parts = [f"{value} ({words[0]})" for value, words in ENUM_WORDS[enum].items()]
    return ", ".join(parts[:-1]) + " or " + parts[-1]


def enum_choices_zh(enum: type[Enum]) -> str:
    return "、".join(f"{words[0]}（{value}）" for value, words in ENUM_WORDS[enum].items())
