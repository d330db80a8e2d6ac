"""The template's plans sheet: plans added with their titles, period and source, or changed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ljtracker.domain import wording
from ljtracker.domain.model import Plan
from ljtracker.domain.validation import plan_problems
from ljtracker.services.import_builder import UNKNOWN_YEAR, BuilderBase, GivenPeriod, no_plan_code
from ljtracker.services.import_plan import Action, Line, shown
from ljtracker.sheets.layout import Layout, Record
from ljtracker.sheets.records import CellReader, plan_fields
from ljtracker.storage.writer import Entity


class PlansSheet(BuilderBase):
    def plans_sheet(self, layout: Layout) -> None:
        reader = CellReader.of(layout.sheet)
        rows: dict[str, int] = {}
        for record in layout.records:
            code = record.text("plan") or self.plan_code or ""
            if not code:
                no_plan_code(record, reader)
            elif code in rows:
                reader.problem(
                    record.cell("plan"),
                    f"plan {code} is also in row {rows[code] + 1}",
                    f"规划 {code} 在第 {rows[code] + 1} 行也出现了",
                )
            else:
                rows[code] = record.row
                self._plan_record(code, record, reader)
        self.result.problems += reader.problems

    def _plan_record(self, code: str, record: Record, reader: CellReader) -> None:
        before = len(reader.problems)
        values = plan_fields(record, reader)
        if len(reader.problems) > before:
            return
        existing = self.plans.get(code)
        if existing is None:
            if not self.typed_another_way(code, record, reader):
                self._add_plan(code, values, record, reader)
            return
        plan = replace(existing, **values)
        reader.validation(record, plan_problems(plan), "plan")
        if len(reader.problems) == before:
            self._update_plan(existing, plan)

    def _add_plan(
        self, code: str, values: dict[str, Any], record: Record, reader: CellReader
    ) -> None:
        """A new plan; a period the sheet leaves open is taken from the plan's targets and
        figures, a missing title is the plan's code."""
        start, end = values.pop("start_year", None), values.pop("end_year", None)
        draft = Plan(code, "", "", start or end or UNKNOWN_YEAR, end or start or UNKNOWN_YEAR)
        draft = replace(draft, **values)
        if not (draft.title_zh.strip() or draft.title_en.strip()):
            draft = replace(draft, title_zh=code, title_en=code)
        problems = plan_problems(draft)
        reader.validation(record, problems, "plan")
        if problems:
            return
        self.new_plans[code] = draft
        self.given_periods[code] = GivenPeriod(start, end, reader.sheet, record)

    def _update_plan(self, existing: Plan, plan: Plan) -> None:
        lang = self.lang
        changed = {
            name: getattr(plan, name)
            for name in plan.__dataclass_fields__
            if str(getattr(plan, name)).strip() != str(getattr(existing, name)).strip()
        }
        if not changed:
            title = wording.title(existing, lang)
            self.result.lines.append(
                Line(Action.UNCHANGED, Entity.PLAN, existing.code, new=title, lang=lang)
            )
            return
        assert existing.id is not None
        self.result.plan_updates.append((existing.id, changed))
        for name, new in changed.items():
            old = getattr(existing, name)
            self.result.lines.append(
                Line(
                    Action.CHANGE,
                    Entity.PLAN,
                    existing.code,
                    field=name,
                    old=shown(old, "", None, lang),
                    new=shown(new, "", None, lang),
                    lang=lang,
                )
            )
