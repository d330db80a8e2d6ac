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


def target_from_row(row: Row) -> Target:
    values = dict(row)
    values["kind"] = Kind(row["kind"])
    values["comparator"] = optional_enum(Comparator, row["comparator"])
    values["direction"] = optional_enum(Direction, row["direction"])
    values["baseline_quality"] = optional_enum(Quality, row["baseline_quality"])
    values["trajectory"] = Trajectory(row["trajectory"])
    values["milestones"] = tuple(
        Milestone(int(year), float(value)) for year, value in json.loads(row["milestones"])
    )
    return Target(**values)


def observation_to_row(observation: Observation) -> Row:
    row = _without_id(asdict(observation))
    row["quality"] = observation.quality.value
    return row


def observation_from_row(row: Row) -> Observation:
    return Observation(**{**row, "quality": Quality(row["quality"])})
