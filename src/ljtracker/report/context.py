"""What every part of the builder needs: the plan, the as-of year, the language and the rows."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ljtracker.domain import wording
from ljtracker.domain.explain import shown_label
from ljtracker.domain.model import (
    Area,
    Method,
    Observation,
    Plan,
    Quality,
    Status,
    Target,
    Thresholds,
)
from ljtracker.domain.number_text import format_number, join_unit
from ljtracker.domain.progress import Assessment
from ljtracker.domain.status_look import MISSED, Shown
from ljtracker.report import text
from ljtracker.report.document import ReportKind
from ljtracker.report.text import Lang, phrase

_QUALITIES = tuple(Quality)


def area_name(area: Area, lang: str) -> str:
    if lang == "zh":
        return area.name_zh or area.name_en
    return area.name_en or area.name_zh


def value_text(value: float, unit: str, lang: Lang) -> str:
    """'5,000 亿元' in English, '5,000亿元' (but '2,271 tonnes') in Chinese, as the
    explanations write them."""
    return join_unit(format_number(value), unit, zh=lang == "zh")


@dataclass(frozen=True)
class Figures:
    """A target's yearly figures held compactly, a column per field, until its section is made.

    A report of a thousand targets holds tens of thousands of figures; as values they would take
    ten times the room. Texts (sources, notes) are shared between figures that repeat them.
    """

    years: array[int]
    values: array[float]
    qualities: bytes  # the index of each figure's quality in Quality
    sources: tuple[str, ...]
    notes: tuple[str, ...]

    @classmethod
    def of(cls, observations: Sequence[Observation], texts: dict[str, str]) -> Figures:
        """The figures, with every source and note taken from (or added to) texts."""
        return cls(
            array("i", (o.year for o in observations)),
            array("d", (o.value for o in observations)),
            bytes(_QUALITIES.index(o.quality) for o in observations),
            tuple(texts.setdefault(o.source, o.source) for o in observations),
            tuple(texts.setdefault(o.note, o.note) for o in observations),
        )

    def observations(self, target_id: int) -> tuple[Observation, ...]:
        """The figures as values again, in their order (without their row ids)."""
        return tuple(
            Observation(target_id, year, value, _QUALITIES[quality], source, note)
            for year, value, quality, source, note in zip(
                self.years, self.values, self.qualities, self.sources, self.notes, strict=True
            )
        )


@dataclass(frozen=True)
class TargetRow:
    """One target of the report with its assessment and figures, in the report's language."""

    target: Target
    assessment: Assessment
    figures: Figures
    area: str
    lang: Lang

    @property
    def observations(self) -> tuple[Observation, ...]:
        assert self.target.id is not None
        return self.figures.observations(self.target.id)

    @property
    def status(self) -> Status:
        return self.assessment.status

    @property
    def warning(self) -> bool:
        return self.assessment.warning

    @property
    def name(self) -> str:
        return wording.name(self.target, self.lang)

    @property
    def explanation(self) -> str:
        a = self.assessment
        return a.explanation_zh if self.lang == "zh" else a.explanation_en

    @property
    def shown(self) -> Shown:
        return self.assessment.shown

    @property
    def status_label(self) -> str:
        """The status's label; "Missed" for a target marked so (Assessment.shown)."""
        return shown_label(self.shown, self.lang)

    @property
    def year_mark(self) -> str:
        """Beside the status: the pace of a target missed, or that its year is over without its
        figure; "" if neither."""
        a, year = self.assessment, self.target.target_year
        if a.shown == MISSED:  # its status reads "Missed", its sentence gives the year
            if a.status is Status.NOT_ASSESSABLE:
                return ""
            pace = shown_label(a.status, self.lang)
            pace = pace if self.lang == "zh" else pace.lower()
            return text.kept_together(phrase("missed_pace", self.lang, status=pace))
        if a.awaiting_target_figure:
            return text.kept_together(phrase("awaiting_mark", self.lang, year=year))
        return ""

    @property
    def status_detail(self) -> str:
        """Under the status in tables: what became of its year, and a binding warning."""
        parts = [self.year_mark] if self.year_mark else []
        if self.warning:
            parts.append(f"⚠ {phrase('warning_mark', self.lang)}")
        return ("；" if self.lang == "zh" else "; ").join(parts)


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
    subset: str = ""  # how the subset was chosen ("areas: Economy"), empty for all targets
    known_on: datetime | None = None  # the earlier moment whose figures these are
    kind: ReportKind = ReportKind.PROGRESS  # named on the cover


def no_targets_text(ctx: ReportContext) -> str:
    """What a section says with no target to show: none chosen, or none in the plan at all."""
    return phrase("plan_without_targets" if ctx.total == 0 else "no_targets", ctx.lang)
