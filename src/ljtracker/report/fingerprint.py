"""A short fingerprint of a plan's data, printed on every page of its report.

The first 12 hex digits of SHA-256 over the plan, its areas, targets and observations, written
as canonical JSON (sorted keys, targets by code, observations by year) without database ids and
with each area's and target's position given as its place in order (a target's among the
targets area by area), from 0. Two workbooks holding the same figures give the same
fingerprint; changing any figure, source or quality changes it, so a printed page can be traced
to the figures behind it. The JSON is hashed a target at a time, exactly as if it had been
written whole.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any

from ljtracker.domain.model import Area, Observation, Plan, Target

LENGTH = 12
_IDS = ("id", "plan_id", "area_id", "target_id")


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(value: Any) -> tuple[str, ...]:
    """The names of a dataclass's fields, in order (`asdict` copies deeply, and slowly)."""
    kind = type(value)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(value))
    return names


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value):
        return {name: _plain(getattr(value, name)) for name in _field_names(value)}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _row(value: Any, **extra: Any) -> dict[str, Any]:
    names = _field_names(value)
    row = {name: _plain(getattr(value, name)) for name in names if name not in _IDS}
    row.update(extra)
    return row


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _year(observation: Observation) -> int:
    return observation.year


class Fingerprint:
    """The fingerprint of a plan, its targets added one at a time in the order of their codes.

    The canonical JSON is `{"areas":[...],"plan":{...},"targets":[...]}`; its text is hashed as
    each target comes, so the figures of all targets are never held at once.
    """

    def __init__(self, plan: Plan, areas: Sequence[Area], targets: Sequence[Target]) -> None:
        # positions by rank: a workbook that numbers them otherwise (an import into another
        # does) holds the same plan as long as their order is the same
        in_order = sorted(areas, key=lambda a: (a.position, a.name_en))
        self._area_rank = {a.id: rank for rank, a in enumerate(in_order)}
        last = len(in_order)  # targets of no area come after every area's
        ranked = sorted(
            targets, key=lambda t: (self._area_rank.get(t.area_id, last), t.position, t.code)
        )
        self._target_rank = {t.id: rank for rank, t in enumerate(ranked)}
        rows = [_row(a, position=rank) for rank, a in enumerate(in_order)]
        self._hash = hashlib.sha256()
        self._update(f'{{"areas":{_json(rows)},"plan":{_json(_row(plan))},"targets":[')
        self._last_code: str | None = None

    def _update(self, text: str) -> None:
        self._hash.update(text.encode("utf-8"))

    def add(self, target: Target, observations: Sequence[Observation]) -> None:
        if self._last_code is not None:
            if target.code < self._last_code:
                raise ValueError("targets must be added in the order of their codes")
            self._update(",")
        self._last_code = target.code
        row = _row(
            target,
            position=self._target_rank[target.id],
            area=self._area_rank.get(target.area_id),
            observations=[_row(o) for o in sorted(observations, key=_year)],
        )
        self._update(_json(row))

    def hexdigest(self) -> str:
        """The fingerprint of the plan with the targets added so far."""
        done = self._hash.copy()
        done.update(b"]}")
        return done.hexdigest()[:LENGTH]
