"""Clocks and the figures they give: each figure with its floor or ratio where one applies."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    """One measured figure. `value` is the median of `samples`; `floor` is what the same work
    costs at the least (in the same unit), `ratio` value/floor (or floor/value for rates)."""

    key: str
    label: str
    value: float
    unit: str
    samples: tuple[float, ...] = ()
    floor: float | None = None
    ratio: float | None = None
    goal: str = ""
    met: bool | None = None
    notes: dict[str, float] = field(default_factory=dict)


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def percentile(samples: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest sample with `share` of them at or below it."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def repeat(work: Callable[[], object], runs: int) -> list[float]:
    return [seconds(work) for _ in range(runs)]


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM of /proc/self/status), in MB."""
    from ljtracker.bench.startup_probe import peak_rss_mb as peak

    return peak()
