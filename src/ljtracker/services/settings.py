"""The workbook's progress settings: the method and its thresholds."""

from __future__ import annotations

import json
from dataclasses import asdict, fields

from ljtracker.domain import change_names as names
from ljtracker.domain.model import Method, Settings, Thresholds
from ljtracker.services.changes import Changes
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook
from ljtracker.storage.writer import Entity


def load_settings(wb: Workbook) -> Settings:
    stored = reads.settings(wb)
    method = Method(stored.get("method", Method.GROWTH_RATIO.value))
    known = {f.name for f in fields(Thresholds)}
    values = json.loads(stored.get("thresholds", "{}"))
    thresholds = Thresholds(**{k: float(v) for k, v in values.items() if k in known})
    return Settings(method=method, thresholds=thresholds)


def save_settings(wb: Workbook, settings: Settings) -> Changes:
    wanted = {
        "method": settings.method.value,
        "thresholds": json.dumps(asdict(settings.thresholds), sort_keys=True),
    }
    existing = {r["key"]: r["id"] for r in wb.query("SELECT id, key FROM setting")}
    with wb.change(names.change_settings(load_settings(wb), settings)) as w:
        for key, value in wanted.items():
            if key in existing:
                w.update(Entity.SETTING, existing[key], {"value": value})
            else:
                w.insert(Entity.SETTING, {"key": key, "value": value})
    return Changes.of(w)
