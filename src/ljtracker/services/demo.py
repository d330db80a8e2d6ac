"""The demo workbook, built from the readable data file shipped in the package."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from ljtracker import package_file
from ljtracker.domain import change_names as names
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
from ljtracker.domain.validation import observation_problems, plan_problems, target_problems
from ljtracker.services.changes import Changes
from ljtracker.services.editing import EditError
from ljtracker.storage.atomic import OutputFailed
from ljtracker.storage.os_reasons import reason_en, reason_zh
from ljtracker.storage.rows import (
    area_to_row,
    observation_to_row,
    optional_enum,
    plan_to_row,
    target_to_row,
)
from ljtracker.storage.workbook import (
    Workbook,
    WorkbookError,
    already_exists,
    refuse_another_kind_of_name,
)
from ljtracker.storage.writer import ChangeWriter, Entity

DEMO_RESOURCE = "demo.toml"


def demo_document() -> dict[str, Any]:
    text = package_file("data", DEMO_RESOURCE).read_text("utf-8")
    return tomllib.loads(text)


def _text(spec: dict[str, Any], key: str, lang: str) -> str:
    """A text of the document in `lang`: its Chinese `key_zh` in Chinese, where there is one."""
    if lang == "zh" and f"{key}_zh" in spec:
        return str(spec[f"{key}_zh"])
    return str(spec.get(key, ""))


def _target(
    spec: dict[str, Any], plan_id: int, area_ids: list[int], position: int, lang: str
) -> Target:
    baseline = spec.get("baseline") or {}
    area = spec.get("area")
    return Target(
        plan_id=plan_id,
        code=spec["code"],
        name_zh=spec.get("name_zh", ""),
        name_en=spec.get("name_en", ""),
        unit=spec.get("unit", ""),
        kind=Kind(spec.get("kind", "expected")),
        comparator=optional_enum(Comparator, spec.get("comparator")),
        tolerance=spec.get("tolerance"),
        direction=optional_enum(Direction, spec.get("direction")),
        baseline_year=baseline.get("year"),
        baseline_value=baseline.get("value"),
        baseline_quality=optional_enum(Quality, baseline.get("quality")),
        baseline_source=_text(baseline, "source", lang),
        target_year=spec.get("target_year"),
        target_value=spec.get("target_value"),
        trajectory=Trajectory(spec.get("trajectory", "linear")),
        milestones=tuple(Milestone(m["year"], m["value"]) for m in spec.get("milestones", [])),
        natural_limit=spec.get("natural_limit"),
        responsible=spec.get("responsible", ""),
        notes=_text(spec, "notes", lang),
        area_id=None if area is None else area_ids[area - 1],
        position=position,
    )


_NOT_PLAN_FIELDS = ("areas", "targets", "notes_zh", "issuer_zh")


def write_plans(w: ChangeWriter, document: dict[str, Any], lang: str = "en") -> None:
    """Write every plan of a plans document (the demo file's format) through `w`, its notes,
    sources and issuers in `lang` where the document has them in Chinese."""
    for plan_spec in document.get("plans", []):
        fields = {k: v for k, v in plan_spec.items() if k not in _NOT_PLAN_FIELDS}
        fields.update(
            notes=_text(plan_spec, "notes", lang), issuer=_text(plan_spec, "issuer", lang)
        )
        plan = Plan(**fields)
        where = f"plan {plan.code}"
        _check(where, plan_problems(plan))
        plan_id = w.insert(Entity.PLAN, plan_to_row(plan))
        area_ids = [
            w.insert(Entity.AREA, area_to_row(Area(plan_id, position, a["name_zh"], a["name_en"])))
            for position, a in enumerate(plan_spec.get("areas", []), start=1)
        ]
        for position, spec in enumerate(plan_spec.get("targets", []), start=1):
            target = _target(spec, plan_id, area_ids, position, lang)
            _check(f"{where}, target {target.code}", target_problems(target))
            target_id = w.insert(Entity.TARGET, target_to_row(target))
            for obs_spec in spec.get("observations", []):
                observation = Observation(
                    target_id,
                    obs_spec["year"],
                    float(obs_spec["value"]),
                    Quality(obs_spec.get("quality", "official")),
                    _text(obs_spec, "source", lang),
                    _text(obs_spec, "note", lang),
                )
                _check(
                    f"{where}, target {target.code}",
                    observation_problems(observation, this_year=None),
                )
                w.insert(Entity.OBSERVATION, observation_to_row(observation))


def _check(where: str, problems: list[Any]) -> None:
    if problems:
        raise EditError(problems) from ValueError(where)


def write_demo(path: str | Path, lang: str = "en") -> Changes:
    """Write the demo workbook to a new file at `path`, its notes and sources in `lang`;
    refuses to overwrite anything."""
    path = Path(path)
    refuse_another_kind_of_name(path)
    if path.exists():
        raise already_exists(path)
    if not path.parent.is_dir():
        raise WorkbookError(
            f"{path}: the folder {path.parent} does not exist",
            f"{path}：文件夹 {path.parent} 不存在",
        )
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        partial.open("xb").close()  # the file system's own reason, about the file asked for
    except OSError as e:  # a folder without the right, a full disk: the output refused
        raise OutputFailed(
            f"{path}: cannot be created ({reason_en(e)})", f"{path}：无法创建（{reason_zh(e)}）"
        ) from e
    partial.unlink()
    try:
        with Workbook.create(partial) as wb:
            with wb.change(names.create_demo()) as w:
                write_plans(w, demo_document(), lang)
            changes = Changes.of(w)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return changes
