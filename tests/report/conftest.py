"""Workbooks and PDF readers for the report tests."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ljtracker.domain.change_names import ChangeName
from ljtracker.services.demo import write_plans
from ljtracker.storage.workbook import Workbook


def _target(code: str, latest: float | None, **extra: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "code": code,
        "name_en": extra.pop("name_en", f"Target {code}"),
        "name_zh": extra.pop("name_zh", f"指标{code}"),
        "unit": "亿元",
        "comparator": "at_least",
        "target_year": 2025,
        "target_value": 200.0,
        "baseline": {"year": 2020, "value": 100.0, "quality": "official", "source": "Base book"},
    }
    spec.update(extra)
    if latest is not None:
        spec["observations"] = [
            {"year": 2022, "value": latest, "quality": "official", "source": f"Yearbook {code}"}
        ]
    return spec


MIXED_PLAN = {
    "code": "MIX",
    "title_zh": "混合状态测试规划",
    "title_en": "Plan with every status",
    "start_year": 2021,
    "end_year": 2025,
    "issuer": "Test office",
    "areas": [
        {"name_zh": "经济", "name_en": "Economy"},
        {"name_zh": "环境", "name_en": "Environment"},
    ],
    "targets": [
        _target("T-ACH", 210.0, area=1),
        _target("T-ON", 140.0, area=1),
        _target("T-SLOW", 110.0, area=2, kind="binding"),
        _target("T-ACC", 125.0, area=2),
        _target("T-DOWN", 90.0),
        _target("T-LIM", 105.0, area=1),
        _target("T-NONE", None, area=2),
    ],
}


def _write(path: Path, plans: list[dict[str, Any]]) -> Path:
    with Workbook.create(path) as wb, wb.change(ChangeName("Test plans")) as w:
        write_plans(w, {"plans": plans})
    return path


@pytest.fixture
def mixed_path(tmp_path: Path) -> Path:
    return _write(tmp_path / "mixed.ljt", [MIXED_PLAN])


def _monitored(code: str, base: float, latest: float, unit: str, way: str) -> dict[str, Any]:
    """A monitoring indicator from `base` in 2020 to `latest` in 2022."""
    no_target = {"comparator": None, "target_year": None, "target_value": None}
    baseline = {"year": 2020, "value": base}
    return _target(code, latest, unit=unit, direction=way, baseline=baseline, **no_target)


@pytest.fixture
def near_threshold_path(tmp_path: Path) -> Path:
    """A target whose growth ratio, 0.948, is a hair below on track's 0.95, and a monitoring
    indicator whose growth is a hair below its 1.5 %."""
    near = _target("T-NEAR", 1166.6, target_value=1500.0, baseline={"year": 2020, "value": 1000.0})
    # growing 1.4996 % a year (on track is from 1.5 %); meant to fall, rising 1 % a year
    watched = _monitored("T-WATCH", 15.0, 15.4532532, "%", "increase")
    rising = _monitored("T-RISING", 100.0, 102.01, "t", "decrease")
    plan = {**MIXED_PLAN, "code": "NEAR", "areas": [], "targets": [near, watched, rising]}
    return _write(tmp_path / "near.ljt", [plan])


@pytest.fixture
def milestone_path(tmp_path: Path) -> Path:
    """A plan whose one target has two milestones on its way from 100 to 200."""
    plan = {
        "code": "MS",
        "title_zh": "阶段目标规划",
        "title_en": "Plan with milestones",
        "start_year": 2021,
        "end_year": 2025,
        "targets": [
            _target(
                "T-MS",
                130.0,
                milestones=[{"year": 2022, "value": 140.0}, {"year": 2024, "value": 180.0}],
            ),
            _target(  # a ceiling its baseline already meets: kept, so it has no planned path
                "T-KEEP",
                5.3,
                unit="%",
                comparator="at_most",
                target_value=5.5,
                baseline={"year": 2020, "value": 5.2},
                milestones=[{"year": 2023, "value": 5.0}],
            ),
            _target(  # must fall; its unit is long and has no break between words
                "T-FALL", 95.0, comparator="at_most", target_value=80.0, unit="吨标准煤/万元"
            ),
        ],
    }
    return _write(tmp_path / "milestones.ljt", [plan])


@pytest.fixture
def band_path(tmp_path: Path) -> Path:
    """A rate to bring to about 5.5 % (± 0.3), at 6.2 % in 2022: above its band."""
    band = _target(
        "T-BAND",
        6.2,
        unit="%",
        comparator="about",
        target_value=5.5,
        tolerance=0.3,
        baseline={"year": 2020, "value": 6.5},
    )
    return _write(
        tmp_path / "band.ljt", [{**MIXED_PLAN, "code": "BAND", "areas": [], "targets": [band]}]
    )


@pytest.fixture
def big_path(tmp_path: Path) -> Path:
    """A plan of 60 targets with long names: its tables run over several pages."""
    targets = [
        _target(
            f"B-{n:02d}",
            100.0 + n,
            name_en=f"Indicator number {n} with a rather long name that wraps in the table",
            name_zh=f"第{n}项指标，名称较长，在表格中需要换行显示",
        )
        for n in range(1, 61)
    ]
    plan = {
        "code": "BIG",
        "title_zh": "大型规划",
        "title_en": "Big plan",
        "start_year": 2021,
        "end_year": 2025,
        "targets": targets,
    }
    return _write(tmp_path / "big.ljt", [plan])


TALL_NOTE = " ".join(f"word{n:04d} 第{n}条" for n in range(1, 1201))


@pytest.fixture
def tall_note() -> str:
    return TALL_NOTE


@pytest.fixture
def tall_path(tmp_path: Path) -> Path:
    """A plan whose one figure has a note far longer than a page (in English and Chinese)."""
    long_note = _target("T-LONG", None)
    long_note["observations"] = [
        {"year": 2021, "value": 120.0, "source": "Yearbook 2022"},
        {"year": 2022, "value": 150.0, "source": "Yearbook 2023", "note": TALL_NOTE},
    ]
    plan = {
        "code": "TALL",
        "title_zh": "长备注规划",
        "title_en": "Plan with a long note",
        "start_year": 2021,
        "end_year": 2025,
        "targets": [long_note, _target("T-NEXT", 150.0)],
    }
    return _write(tmp_path / "tall.ljt", [plan])


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def pdf_text() -> Callable[..., str]:
    """The PDF's text layer with runs of white space made single spaces (pdftotext)."""

    def read(path: Path, first: int | None = None, last: int | None = None) -> str:
        pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
        return " ".join(_run("pdftotext", *pages, str(path), "-").split())

    return read


@pytest.fixture
def pdf_info() -> Callable[[Path], dict[str, str]]:
    def read(path: Path) -> dict[str, str]:
        lines = _run("pdfinfo", str(path)).splitlines()
        return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}

    return read


@pytest.fixture
def pdf_fonts() -> Callable[[Path], list[tuple[str, str]]]:
    """(font name, embedded "yes"/"no") of every font in the PDF (pdffonts)."""

    def read(path: Path) -> list[tuple[str, str]]:
        rows = _run("pdffonts", str(path)).splitlines()[2:]
        # name type... encoding emb sub uni object-id generation: emb is fifth from the end
        return [(row.split()[0], row.split()[-5]) for row in rows]

    return read
