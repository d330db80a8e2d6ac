"""The progress chart's axes: whole years along the bottom, round values up the side."""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg


class YearAxis(pg.AxisItem):  # type: ignore[misc]
    """Whole years only, written without grouping: 2021, never 2,021 or 2020.5."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:
        first, last = math.ceil(minVal), math.floor(maxVal)
        if last < first:
            return []
        room = max(2, int(size / 44))
        step = next((s for s in (1, 2, 5, 10, 20, 50) if (last - first) / s < room), 100)
        start = math.ceil(first / step) * step
        return [(float(step), [float(y) for y in range(start, last + 1, step)])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [str(round(v)) for v in values]


class ValueAxis(pg.AxisItem):  # type: ignore[misc]
    """A few round values (steps of 1, 2 or 5 × 10ⁿ), with thousands separators."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:
        span = maxVal - minVal
        if not span > 0 or not math.isfinite(span):
            return []
        room = min(8, max(3, int(size / 40)))
        magnitude = 10 ** math.floor(math.log10(span / room))
        step = next(m * magnitude for m in (1, 2, 5, 10) if span / (m * magnitude) <= room)
        start = math.ceil(minVal / step) * step
        count = int((maxVal - start) / step) + 1
        return [(step, [start + i * step for i in range(count)])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        decimals = 0 if spacing <= 0 else min(6, max(0, -math.floor(math.log10(spacing))))
        return [f"{v:,.{decimals}f}" for v in values]
