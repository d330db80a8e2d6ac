"""What every part of the builder needs: the plan, the as-of year, the language and the rows."""

from __future__ import annotations

from dataclasses import dataclass

from ljtracker.domain import wording
from ljtracker.domain.explain import format_number
from ljtracker.domain.model import Area, Method, Plan, Status, Target, Thresholds
from ljtracker.report.text import Lang, phrase
from ljtracker.services.progress import TargetProgress


def area_name(area: Area, lang: str) -> str:
    if lang == "zh":
        return area.name_zh or area.name_en
    return area.name_en or area.name_zh


def value_text(value: float, unit: str, lang: Lang) -> str:
    """'5,000 亿元' in English, '5,000亿元' in Chinese, as the explanations write them."""
    if lang == "zh" or not unit:
        return format_number(value) + unit
    return format_number(value, unit)


@dataclass(frozen=True)
class TargetRow:
    """One target of the report with its progress, in the report's language."""

    progress: TargetProgress
    area: str
    lang: Lang

    @property
    def target(self) -> Target:
        return self.progress.target

    @property
    def status(self) -> Status:
        return self.progress.assessment.status

    @property
    def warning(self) -> bool:
        return self.progress.assessment.warning

    @property
    def name(self) -> str:
        return wording.name(self.target, self.lang)

    @property
    def explanation(self) -> str:
        a = self.progress.assessment
        return a.explanation_zh if self.lang == "zh" else a.explanation_en

    @property
    def warning_text(self) -> str:
        return f"⚠ {phrase('warning_mark', self.lang)}" if self.warning else ""


@dataclass(frozen=True)
class ReportContext:
    lang: Lang
    plan: Plan
    as_of: int
    method: Method
    thresholds: Thresholds
    areas: tuple[Area, ...]
    area_names: dict[int | None, str]
    rows: tuple[TargetRow, ...]
    total: int  # targets in the plan, before choosing a subset
