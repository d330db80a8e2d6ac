"""What an import will do: the lines of its preview, its problems, and the writes that carry it
out within one change."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum, StrEnum
from typing import Any, NamedTuple

from ljtracker.domain.milestone_text import milestones_text
from ljtracker.domain.model import Area, Observation, Plan, Quality, Target
from ljtracker.domain.number_text import exact_number, join_unit
from ljtracker.sheets.cells import CellProblem, Note
from ljtracker.sheets.records import ENUM_FIELDS
from ljtracker.sheets.template import (
    AREA_ALIASES,
    OBSERVATION_ALIASES,
    PLAN_ALIASES,
    TARGET_ALIASES,
    choice_word,
)
from ljtracker.storage.rows import area_to_row, observation_to_row, plan_to_row, target_to_row
from ljtracker.storage.writer import ChangeWriter, Entity

NewRef = tuple[str, str]  # (plan code, area key or target code) of a row the import adds
Ref = int | NewRef  # an existing row's id, or a row the import adds


class Action(StrEnum):
    ADD = "add"
    CHANGE = "change"
    UNCHANGED = "unchanged"


_MARKS = {Action.ADD: "+", Action.CHANGE: "~", Action.UNCHANGED: "="}


@dataclass(frozen=True)
class Line:
    """One line of the preview: something added, changed (old -> new) or left unchanged."""

    action: Action
    entity: Entity
    plan: str
    target: str = ""  # or the area's name
    year: int | None = None
    field: str = ""
    old: str = ""
    new: str = ""
    lang: str = "en"  # of the subject; old and new are written in it

    @property
    def subject(self) -> str:
        zh = self.lang == "zh"
        if self.entity is Entity.PLAN:
            plan = f"规划 {self.plan}" if zh else f"plan {self.plan}"
            return f"{plan} {field_name(self.field, self.lang)}" if self.field else plan
        if self.entity is Entity.AREA:
            area = f"{self.plan} 领域" if zh else f"{self.plan} area"
            if not self.field:
                return area
            return f"{area} {self.target} {field_name(self.field, self.lang)}"
        parts = [self.plan, self.target]
        if self.year is not None:
            parts.append(str(self.year))
        if self.field:
            parts.append(field_name(self.field, self.lang))
        return " ".join(parts)

    @property
    def thing(self) -> tuple[Entity, str, str, int | None]:
        """What the line is about; a target with several changed fields is one thing."""
        return self.entity, self.plan, self.target, self.year

    def __str__(self) -> str:
        mark, colon = _MARKS[self.action], "：" if self.lang == "zh" else ": "
        if self.action is Action.CHANGE:
            return f"{mark} {self.subject}{colon}{self.old} → {self.new}"
        return f"{mark} {self.subject}{colon}{self.new}"


def exact_amount(value: float, unit: str, lang: str) -> str:
    """Every digit of the value with its unit: "4,000.125 亿元" ("4,000.125亿元" in Chinese)."""
    return join_unit(exact_number(value), unit, zh=lang == "zh")


_CHINESE_NAMES = {
    **PLAN_ALIASES,
    **AREA_ALIASES,
    **OBSERVATION_ALIASES,
    **TARGET_ALIASES,
}


def field_name(name: str, lang: str) -> str:
    """A plan's, area's, target's or figure's field as the preview names it: its column name in
    the template (its first Chinese name in Chinese)."""
    return _CHINESE_NAMES.get(name, (name,))[0] if lang == "zh" else name


def figure_text(
    observation: Observation, unit: str, fields: frozenset[str], lang: str = "en"
) -> str:
    """A figure as its preview line shows it: the value, and the fields named in `fields`."""
    text = exact_amount(observation.value, unit, lang)
    zh = lang == "zh"
    if "quality" in fields:
        word = choice_word(observation.quality, lang)
        text += f"（{word}）" if zh else f" ({word})"
    for name in ("source", "note"):
        if name in fields:
            value = getattr(observation, name) or "—"
            label = field_name(name, lang)
            text += f"；{label}：{value}" if zh else f"; {label}: {value}"
    return text


def shown(value: Any, unit: str, enum: type[Enum] | None, lang: str) -> str:
    """A field's value as the preview shows it; a choice as the template writes it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, float):
        return exact_amount(value, unit, lang)
    if enum is not None:
        return choice_word(enum(value), lang)
    return str(value)


def field_text(target: Target, name: str, unit: str, lang: str) -> str:
    """A target's field as the preview shows it: an amount in `unit`, a choice in the
    language's words, milestones as typed ("2023: 4,300; 2024: 4,600")."""
    if name == "milestones":
        return milestones_text(target.milestones) or "—"
    amount = name.endswith(("_value", "tolerance", "_limit"))
    enum = ENUM_FIELDS[name][0] if name in ENUM_FIELDS else None
    return shown(getattr(target, name), unit if amount else "", enum, lang)


_QUALITY = frozenset({"quality"})


class FigureLine(NamedTuple):
    """A figure's preview line in compact form; its text is written only when it is shown."""

    action: Action
    plan: str
    target: str
    unit: str
    new: Observation
    old: Observation | None = None  # the figure in the workbook, for a change
    shown: frozenset[str] = frozenset()  # fields shown beside the value
    old_unit: str | None = None  # the old figure's, where the import changes the unit

    def line(self, lang: str = "en") -> Line:
        year = self.new.year
        about = (Entity.OBSERVATION, self.plan, self.target, year)
        if self.action is Action.ADD:
            official = self.new.quality is Quality.OFFICIAL
            new = figure_text(self.new, self.unit, frozenset() if official else _QUALITY, lang)
            return Line(Action.ADD, *about, new=new, lang=lang)
        assert self.old is not None
        if self.action is Action.UNCHANGED:
            new = figure_text(self.old, self.unit, frozenset(), lang)
            return Line(self.action, *about, new=new, lang=lang)
        was = self.unit if self.old_unit is None else self.old_unit
        old = figure_text(self.old, was, self.shown, lang)
        new = figure_text(self.new, self.unit, self.shown, lang)
        return Line(self.action, *about, "", old, new, lang)


@dataclass
class TargetUpdate:
    target_id: int
    values: dict[str, Any]
    area: Ref | None
    set_area: bool


@dataclass
class ImportPlan:
    lines: list[Line] = field(default_factory=list)  # plans, areas and targets
    figure_lines: list[FigureLine] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    # figures a hundred times or a hundredth of the figure each is compared with, or more (a
    # note names them, and the tenfold ones): a table in another unit
    hundredfold: int = 0
    plans: list[Plan] = field(default_factory=list)
    plan_updates: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    areas: list[tuple[NewRef, Area]] = field(default_factory=list)
    area_updates: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    targets: list[tuple[NewRef, Ref | None, Target]] = field(default_factory=list)
    target_updates: list[TargetUpdate] = field(default_factory=list)
    figures: list[tuple[Ref, Observation]] = field(default_factory=list)
    figure_updates: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    lang: str = "en"  # of the preview's lines

    @property
    def writes_anything(self) -> bool:
        return any(
            (
                self.plans,
                self.plan_updates,
                self.areas,
                self.area_updates,
                self.targets,
                self.target_updates,
                self.figures,
                self.figure_updates,
            )
        )

    def all_lines(self) -> tuple[Line, ...]:
        """Every line of the preview: plans, areas and targets first, then the figures."""
        return (*self.lines, *(figure.line(self.lang) for figure in self.figure_lines))

    def write(self, w: ChangeWriter) -> None:
        """Carry the import out through `w`: every row written is recorded in its change."""
        plan_ids: dict[str, int] = {}
        for plan in self.plans:
            plan_ids[plan.code] = w.insert(Entity.PLAN, plan_to_row(plan))
        for plan_id, values in self.plan_updates:
            w.update(Entity.PLAN, plan_id, values)
        area_ids: dict[NewRef, int] = {}
        for ref, area in self.areas:
            area = replace(area, plan_id=plan_ids.get(ref[0], area.plan_id))
            area_ids[ref] = w.insert(Entity.AREA, area_to_row(area))
        for area_id, values in self.area_updates:
            w.update(Entity.AREA, area_id, values)
        target_ids: dict[NewRef, int] = {}
        for ref, area_ref, target in self.targets:
            target = replace(
                target,
                plan_id=plan_ids.get(ref[0], target.plan_id),
                area_id=_resolve(area_ref, area_ids),
            )
            target_ids[ref] = w.insert(Entity.TARGET, target_to_row(target))
        for update in self.target_updates:
            values = dict(update.values)
            if update.set_area:
                values["area_id"] = _resolve(update.area, area_ids)
            w.update(Entity.TARGET, update.target_id, values)
        rows = []
        for target_ref, observation in self.figures:
            target_id = _resolve(target_ref, target_ids)
            assert target_id is not None
            row = observation_to_row(observation)
            row["target_id"] = target_id
            rows.append(row)
        w.insert_many(Entity.OBSERVATION, rows)
        for observation_id, values in self.figure_updates:
            w.update(Entity.OBSERVATION, observation_id, values)


def _resolve(ref: Ref | None, new_ids: Mapping[NewRef, int]) -> int | None:
    if ref is None or isinstance(ref, int):
        return ref
    return new_ids[ref]
