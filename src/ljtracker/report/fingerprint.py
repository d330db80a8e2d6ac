"""A short fingerprint of a plan's data, printed on every page of its report.

The first 12 hex digits of SHA-256 over the plan, its areas, targets and observations, written
as canonical JSON (sorted keys, targets by code, observations by year) without database ids. Two
workbooks holding the same figures give the same fingerprint; changing any figure, source or
quality changes it, so a printed page can be traced to the figures behind it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from enum import Enum
from typing import Any

from ljtracker.domain.model import Area, Observation, Plan, Target

LENGTH = 12
_IDS = ("id", "plan_id", "area_id", "target_id")


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _row(value: Any, **extra: Any) -> dict[str, Any]:
    row = {k: _plain(v) for k, v in asdict(value).items() if k not in _IDS}
    row.update(extra)
    return row


def plan_fingerprint(
    plan: Plan,
    areas: Sequence[Area],
    targets: Iterable[Target],
    observations: Mapping[int, Sequence[Observation]],
) -> str:
    area_position = {a.id: a.position for a in areas}
    document = {
        "plan": _row(plan),
        "areas": sorted((_row(a) for a in areas), key=lambda r: (r["position"], r["name_en"])),
        "targets": [
            _row(
                t,
                area=area_position.get(t.area_id),
                observations=[_row(o) for o in sorted(observations.get(t.id or -1, ()), key=_year)],
            )
            for t in sorted(targets, key=lambda t: t.code)
        ],
    }
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:LENGTH]


def _year(observation: Observation) -> int:
    return observation.year
