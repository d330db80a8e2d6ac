"""Conversion between table rows and the domain's values."""

from __future__ import annotations

import json
from dataclasses import asdict
from enum import Enum
from typing import Any, TypeVar

from ljtracker.domain.model import (
    Area,
    Comparator,
    Direction,
    Kind,
    Milestone,
    Observation,
    Plan,
    Quality,
    Target,
    Trajectory,
)

Row = dict[str, Any]
E = TypeVar("E", bound=Enum)


def _without_id(row: Row) -> Row:
    return {k: v for k, v in row.items() if not (k == "id" and v is None)}


def plan_to_row(plan: Plan) -> Row:
    return _without_id(asdict(plan))


def plan_from_row(row: Row) -> Plan:
    return Plan(**row)


def area_to_row(area: Area) -> Row:
    return _without_id(asdict(area))


def area_from_row(row: Row) -> Area:
    return Area(**row)


def target_to_row(target: Target) -> Row:
    row = _without_id(asdict(target))
    row["milestones"] = json.dumps([[m.year, m.value] for m in target.milestones])
    for key in ("kind", "comparator", "direction", "baseline_quality", "trajectory"):
        value = getattr(target, key)
        row[key] = None if value is None else value.value
    return row


def optional_enum(enum: type[E], value: str | None) -> E | None:
    return None if value is None else enum(value)


_KINDS = {k.value: k for k in Kind}
_COMPARATORS = {c.value: c for c in Comparator}
_DIRECTIONS = {d.value: d for d in Direction}
_QUALITIES = {q.value: q for q in Quality}
_TRAJECTORIES = {t.value: t for t in Trajectory}


def _lookup(values: dict[str, E], enum: type[E], text: str) -> E:
    found = values.get(text)
    return enum(text) if found is None else found  # an unknown text raises as enum() does


def target_from_row(row: Row) -> Target:
    values = dict(row)
    values["kind"] = _lookup(_KINDS, Kind, row["kind"])
    comparator, direction, quality = row["comparator"], row["direction"], row["baseline_quality"]
    values["comparator"] = (
        None if comparator is None else _lookup(_COMPARATORS, Comparator, comparator)
    )
    values["direction"] = None if direction is None else _lookup(_DIRECTIONS, Direction, direction)
    values["baseline_quality"] = None if quality is None else _lookup(_QUALITIES, Quality, quality)
    values["trajectory"] = _lookup(_TRAJECTORIES, Trajectory, row["trajectory"])
    milestones = row["milestones"]
    values["milestones"] = (
        ()
        if milestones == "[]"
        else tuple(Milestone(int(year), float(value)) for year, value in json.loads(milestones))
    )
    return Target(**values)


def observation_to_row(observation: Observation) -> Row:
    # Spelt out rather than asdict's deep copies: an import makes one row for every figure.
    row: Row = {
        "target_id": observation.target_id,
        "year": observation.year,
        "value": observation.value,
        "quality": observation.quality.value,
        "source": observation.source,
        "note": observation.note,
    }
    if observation.id is not None:
        row["id"] = observation.id
    return row
