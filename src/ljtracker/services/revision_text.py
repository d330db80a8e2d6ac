"""A revision in words: the fields that changed, old → new, in English or Chinese, for the
window's history and the `history` command alike."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any

from ljtracker.domain.model import Area, Comparator, Direction, Kind, Quality, Trajectory
from ljtracker.domain.number_text import exact_number, join_unit
from ljtracker.domain.wording import (
    COMPARATOR_WORDS,
    DIRECTION_WORDS,
    KIND_WORDS,
    area_name,
    goal,
)
from ljtracker.services.import_plan import field_name
from ljtracker.sheets.template import choice_word
from ljtracker.storage import reads
from ljtracker.storage.history import Revision, deleted_area_names
from ljtracker.storage.rows import target_from_row
from ljtracker.storage.workbook import Workbook
from ljtracker.storage.writer import Entity

DASH = "—"
_QUIET_FIELDS = {"id", "plan_id", "target_id", "position"}
_CHOICES: dict[str, type[Enum]] = {
    "kind": Kind,
    "comparator": Comparator,
    "direction": Direction,
    "trajectory": Trajectory,
    "quality": Quality,
    "baseline_quality": Quality,
}
_ENGLISH_WORDS: dict[type[Enum], dict[Any, tuple[str, str]]] = {
    Comparator: COMPARATOR_WORDS,
    Direction: DIRECTION_WORDS,
    Kind: KIND_WORDS,
}
_AREA_GONE = ("an area since deleted", "已删除的领域")


# the fields that hold an amount in the target's unit
_AMOUNTS = frozenset({"value", "baseline_value", "target_value", "tolerance", "natural_limit"})


def area_names(wb: Workbook, lang: str) -> dict[int, str]:
    """What a target's history calls each area it was in: its name, or the name it had when
    it was deleted."""
    areas = {i: Area(0, 0, zh, en, i) for i, (zh, en) in deleted_area_names(wb).items()}
    areas |= {a.id: a for plan in reads.plans(wb) for a in reads.areas(wb, plan.id or 0) if a.id}
    return {area_id: area_name(area, lang) for area_id, area in areas.items()}


def _shown(key: str, value: Any, areas: Mapping[int, str], lang: str, unit: str) -> str:
    if value is None or value == "" or value == "[]":
        return DASH
    if key == "area_id":
        return areas.get(value) or _AREA_GONE[lang == "zh"]
    if key.endswith("year"):
        return str(value)
    zh = lang == "zh"
    if key == "milestones":
        steps = json.loads(value)  # [[year, value], ...], as storage.rows writes them
        return ", ".join(
            f"{year}: {join_unit(exact_number(float(amount)), unit, zh=zh)}"
            for year, amount in steps
        )
    if isinstance(value, float | int) and not isinstance(value, bool):
        number = exact_number(float(value))
        return join_unit(number, unit, zh=zh) if key in _AMOUNTS else number
    return str(value)


def _figure(row: dict[str, Any] | None, lang: str, unit: str) -> str:
    """A figure added or removed: its year and value, with its quality, source and note."""
    if row is None:
        return DASH
    about = [choice_word(Quality(row["quality"]), lang)] if row.get("quality") else []
    about += [row[key] for key in ("source", "note") if row.get(key)]
    value = join_unit(exact_number(row["value"]), unit, zh=lang == "zh")
    text = f"{row['year']}年：{value}" if lang == "zh" else f"{row['year']}: {value}"
    if not about:
        return text
    return f"{text}（{'，'.join(about)}）" if lang == "zh" else f"{text} ({', '.join(about)})"


# Target fields the template has no column for, or names differently.
_OTHER_FIELDS = {
    "area_id": ("area", "领域"),
    "milestones": ("milestones", "阶段目标"),
    "natural_limit": ("natural limit", "自然上限"),
}


# English names for the fields whose column name reads badly with its underscore gone.
_ENGLISH_FIELDS = {
    "name_en": "English name",
    "name_zh": "Chinese name",
    "title_en": "English title",
    "title_zh": "Chinese title",
}


def _field(key: str, lang: str) -> str:
    if key in _OTHER_FIELDS:
        return _OTHER_FIELDS[key][lang == "zh"]
    if lang == "zh":
        return field_name(key, "zh")
    return _ENGLISH_FIELDS.get(key, key.replace("_", " "))


def _choice(key: str, value: Any, lang: str) -> Any:
    """A kind, comparator, direction, trajectory or quality as the template words it in
    Chinese, and in words in English ("at least", not the template's "at_least")."""
    kind = _CHOICES.get(key)
    if kind is None or not value:
        return value
    if lang == "zh":
        return choice_word(kind(value), lang)
    words: dict[Any, tuple[str, str]] = _ENGLISH_WORDS.get(kind, {})
    return words[kind(value)][0] if kind(value) in words else str(value).replace("_", " ")


def _target(row: dict[str, Any], lang: str) -> str:
    """A target added or removed: its code and goal, and its baseline when it has one."""
    try:
        target = target_from_row(row)
    except (KeyError, ValueError, TypeError):  # a row as an older version of the file held it
        return str(row.get("code", row.get("id", "")))
    text = f"{target.code}{'：' if lang == 'zh' else ': '}{goal(target, lang)}"
    if target.baseline_year is None or target.baseline_value is None:
        return text
    amount = join_unit(exact_number(target.baseline_value), target.unit, zh=lang == "zh")
    if lang == "zh":
        return f"{text}；基期{target.baseline_year}年：{amount}"
    return f"{text}; baseline {target.baseline_year}: {amount}"


def units_in_force(revisions: Sequence[Revision], unit: str) -> list[str]:
    """The unit of a target's figures at each of its revisions, newest first as
    `revisions_of_target` gives them, from `unit`, the target's unit now: a figure recorded
    before the unit was changed is given in the unit it was recorded in."""
    units = []
    for rev in revisions:
        if rev.entity is Entity.TARGET and rev.new is not None:
            unit = rev.new.get("unit", unit)
        units.append(unit)
        if rev.entity is Entity.TARGET and rev.old is not None:
            unit = rev.old.get("unit", unit)  # the unit before this revision of the target
    return units


def describe_revision(
    rev: Revision, lang: str = "en", areas: Mapping[int, str] | None = None, unit: str = ""
) -> str:
    """The revision's old → new, naming only the fields that changed (`areas`: the areas'
    names by id; `unit`: the figures' unit, a target's own unit for its amounts)."""
    if rev.entity is Entity.OBSERVATION and (rev.old is None or rev.new is None):
        return f"{_figure(rev.old, lang, unit)} → {_figure(rev.new, lang, unit)}"
    if rev.entity is Entity.TARGET and (rev.old is None or rev.new is None):
        old, new = (DASH if row is None else _target(row, lang) for row in (rev.old, rev.new))
        return f"{old} → {new}"
    if rev.old is None or rev.new is None:
        row = rev.new or rev.old or {}
        name = str(row.get("code", row.get("id", "")))
        return f"{DASH} → {name}" if rev.old is None else f"{name} → {DASH}"
    changed = [
        key for key in rev.new if key not in _QUIET_FIELDS and rev.new.get(key) != rev.old.get(key)
    ]
    parts = []
    for key in changed:
        old, new = _choice(key, rev.old.get(key), lang), _choice(key, rev.new.get(key), lang)
        colon = "：" if lang == "zh" else ": "
        # a target's amounts in the unit they were written in, before or after the change
        units = (rev.old.get("unit", unit), rev.new.get("unit", unit))
        shown_old, shown_new = (
            _shown(key, v, areas or {}, lang, u) for v, u in zip((old, new), units, strict=True)
        )
        parts.append(f"{_field(key, lang)}{colon}{shown_old} → {shown_new}")
    if not parts and _moved(rev.old, rev.new):  # only its place in the list (another moved)
        down = rev.new["position"] > rev.old["position"]
        parts.append(
            ("在列表中下移" if down else "在列表中上移")
            if lang == "zh"
            else ("moved down the list" if down else "moved up the list")
        )
    year = rev.new.get("year") if rev.entity is Entity.OBSERVATION else None
    prefix = "" if year is None else (f"{year}年" if lang == "zh" else f"{year} ")
    return prefix + ("；" if lang == "zh" else "; ").join(parts)


def _moved(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    before, after = old.get("position"), new.get("position")
    return isinstance(before, int) and isinstance(after, int) and before != after
