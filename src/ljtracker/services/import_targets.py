"""The template's targets sheet: targets added or changed, and the plans and areas they need."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ljtracker.domain import wording
from ljtracker.domain.model import Plan, Target
from ljtracker.domain.number_text import counted
from ljtracker.domain.numbers import MAX_YEAR
from ljtracker.domain.validation import figures_past_limit, target_problems
from ljtracker.services.carried_baselines import baselines_following
from ljtracker.services.import_areas import AreasSheet
from ljtracker.services.import_builder import TARGET_CODE, case_twin_refused
from ljtracker.services.import_plan import (
    Action,
    ImportPlan,
    Line,
    NewRef,
    Ref,
    TargetUpdate,
    field_text,
)
from ljtracker.sheets.cells import Note
from ljtracker.sheets.layout import Layout, Record
from ljtracker.sheets.records import TEXT_FIELDS, CellReader, target_fields
from ljtracker.storage.rows import target_to_row
from ljtracker.storage.writer import Entity

_BASELINE = ("baseline_year", "baseline_value", "baseline_quality", "baseline_source")


def has_cjk(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" for c in text)


class TargetsSheet(AreasSheet):
    def targets_sheet(self, layout: Layout) -> None:
        reader = CellReader.of(layout.sheet)
        for record in layout.records:
            self._target_record(record, reader)
        self.result.problems += reader.problems

    def _target_record(self, record: Record, reader: CellReader) -> None:
        identified = self._identified(record, reader)
        if identified is None:
            return
        plan_code, code = key = identified
        if key in self.target_rows:
            row = self.target_rows[key] + 1
            reader.problem(
                record.cells["code"],
                f"target {code} of plan {plan_code} is also in row {row}",
                f"规划 {plan_code} 的指标 {code} 在第 {row} 行也出现了",
            )
            return
        self.target_rows[key] = record.row
        existing = self.existing_targets(plan_code).get(code)
        if existing is None and case_twin_refused(
            code, self._codes_in(plan_code), TARGET_CODE, record.cells["code"], reader
        ):
            self.refused_targets[key] = f"{reader.sheet}!{record.row + 1}"
            return
        before = len(reader.problems)
        values = target_fields(record, reader, existing.unit if existing else "")
        if values.get("comparator") is not None and "direction" not in values:
            # a monitoring indicator given a target (a next plan's, say) is watched no more
            values["direction"] = None
        blank = Target(plan_id=0, code=code, name_zh="", name_en="", unit="")
        target = replace(existing or blank, **values)
        if len(reader.problems) == before:
            problems = target_problems(target, this_year=self.this_year, before=existing)
            if existing is not None and existing.natural_limit != target.natural_limit:
                figures = list(self.existing_figures(existing.id or 0).values())
                problems += figures_past_limit(target.natural_limit, figures)
            reader.validation(record, problems, "code")
        if len(reader.problems) > before or not self.plan_ready(plan_code, record, reader):
            self.refused_targets[key] = f"{reader.sheet}!{record.row + 1}"
            return
        area, set_area = self._area(plan_code, record)
        self.pending[key] = target
        self._note_years(plan_code, target)
        if existing is None:
            self._add_target(key, target, area)
        else:
            self._note_unit(plan_code, existing, target)
            self._update_target(existing, target, values, area if set_area else existing.area_id)

    def _codes_in(self, plan_code: str) -> list[str]:
        """The plan's target codes, in the workbook and in the rows read so far."""
        rows = [c for p, c in self.target_rows if p == plan_code]
        return [*self.existing_targets(plan_code), *rows]

    def _note_unit(self, plan_code: str, old: Target, new: Target) -> None:
        """A unit changed: said at the end, when the figures the file gives are known."""
        if old.unit != new.unit:
            self.unit_changes.append((plan_code, old))

    def _unit_notes(self) -> None:
        """A unit changed under numbers that stay: 300 亿元 would read as 300 万元. The
        baseline, target and figures the file gives anew are taken as given in the new unit."""
        given: dict[tuple[str, str], set[int]] = {}
        for line in self.result.figure_lines:
            if line.old is None or line.old.value != line.new.value:
                given.setdefault((line.plan, line.target), set()).add(line.new.year)
        for plan_code, old in self.unit_changes:
            new = self.pending[(plan_code, old.code)]
            kept_en, kept_zh = [], []
            for value, now, en, zh in (
                (old.baseline_value, new.baseline_value, "baseline", "基期值"),
                (old.target_value, new.target_value, "target", "目标值"),
            ):
                if value is not None and value == now:
                    kept_en.append(en)
                    kept_zh.append(zh)
            years = given.get((plan_code, old.code), set())
            count = sum(year not in years for year in self.existing_figures(old.id or 0))
            if count:
                kept_en.append(counted(count, "yearly figure"))
                kept_zh.append(f"{count} 个年度数值")
            if not kept_en:
                continue  # every number given anew, in the new unit
            one = len(kept_en) == 1 and count <= 1
            named_en = " and ".join(
                [", ".join(kept_en[:-1]), kept_en[-1]] if kept_en[:-1] else kept_en
            )
            was, now_unit = old.unit or "—", new.unit or "—"
            self.result.notes.append(
                Note(
                    f"{plan_code} {old.code}: the unit changes from {was} to {now_unit}; its"
                    f" {named_en} {'keeps its number' if one else 'keep their numbers'} (convert"
                    f" {'it' if one else 'them'} in the sheet if the amounts changed, not only"
                    " the unit's name)",
                    f"{plan_code} {old.code}：单位由{was}改为{now_unit}；其{'、'.join(kept_zh)}"
                    "保持原数不变（如数量本身改变而不只是单位名称，请在表中换算后再导入）",
                )
            )

    def _note_years(self, plan_code: str, target: Target) -> None:
        if plan_code not in self.new_plans:
            return
        years = self.plan_years.setdefault(plan_code, [])
        if target.baseline_year is not None:
            years.append(("start", min(target.baseline_year + 1, MAX_YEAR)))
        if target.target_year is not None:
            years.append(("end", target.target_year))

    def _area(self, plan_code: str, record: Record) -> tuple[Ref | None, bool]:
        """The target's area (existing or added) and whether the sheet says anything about it;
        an empty cell says nothing (it never takes a target out of its area)."""
        name = record.text("area")
        if not name:
            return None, False
        found = self.find_area(plan_code, name)
        if found is not None:
            return found, True
        if has_cjk(name):
            return self.add_area(plan_code, name, ""), True
        return self.add_area(plan_code, "", name), True

    def _area_name(self, plan_code: str, ref: Ref | None) -> str:
        if ref is None:
            return "—"
        if isinstance(ref, tuple):
            area = self.new_areas[ref]
        else:
            found = [a for a in self.existing_areas(plan_code) if a.id == ref]
            if not found:
                return "—"
            area = found[0]
        return wording.area_name(area, self.lang)

    def _last_position(self, plan_code: str) -> int:
        """The place after every target of the plan, new ones included: a target added, or
        moved to another area, comes last there (as the window's form puts it)."""
        if plan_code not in self.next_position:
            taken = [t.position for t in self.existing_targets(plan_code).values()]
            self.next_position[plan_code] = max(taken, default=0) + 1
        self.next_position[plan_code] += 1
        return self.next_position[plan_code] - 1

    def _add_target(self, key: NewRef, target: Target, area: Ref | None) -> None:
        plan_code = key[0]
        plan = self.plans.get(plan_code)
        target = replace(
            target,
            plan_id=0 if plan is None or plan.id is None else plan.id,
            position=self._last_position(plan_code),
        )
        self.result.targets.append((key, area, target))
        lang = self.lang
        text = f"{wording.name(target, lang)}{'：' if lang == 'zh' else ': '}"
        text += wording.goal(target, lang)
        self.result.lines.append(
            Line(Action.ADD, Entity.TARGET, plan_code, target.code, new=text, lang=lang)
        )

    def finish(self) -> ImportPlan:
        self._follow_baselines()
        self._unit_notes()
        return super().finish()

    def _follow_baselines(self) -> None:
        """Later plans' baselines carried from the revised figures follow them, in the preview
        as changes of their own, unless the file gives those baselines itself."""

        def target_in(plan: Plan, code: str) -> Target | None:
            existing = self.existing_targets(plan.code).get(code)
            pending = self.pending.get((plan.code, code))
            if existing is None or pending is None:
                return existing
            same = all(getattr(pending, n) == getattr(existing, n) for n in _BASELINE)
            return pending if same else None

        for earlier, code, before, after in self.revised_figures:
            plans = self.plans.values()
            for following in baselines_following(earlier, before, after, code, plans, target_in):
                self.result.notes.append(Note(following.text("en"), following.text("zh")))
                if following.problem is not None:
                    continue
                existing = self.existing_targets(following.plan.code)[code]
                self._update_target(existing, following.moved, following.values(), existing.area_id)

    def _shown_change(self, name: str, old: Target, new: Target) -> tuple[str, str]:
        """A changed field's old and new value as the preview shows them."""
        return (
            field_text(old, name, old.unit, self.lang),
            field_text(new, name, new.unit, self.lang),
        )

    def _update_target(
        self, existing: Target, target: Target, values: dict[str, Any], area: Ref | None
    ) -> None:
        plan = next(p for p in self.plans.values() if p.id == existing.plan_id)
        old_row, new_row = target_to_row(existing), target_to_row(target)
        changed: dict[str, Any] = {}
        lines = []
        for name in values:
            old, new = old_row[name], new_row[name]
            if name in TEXT_FIELDS and str(old).strip() == str(new).strip():
                continue
            if old != new:
                changed[name] = new
                lines.append((name, *self._shown_change(name, existing, target)))
        area_changed = area != existing.area_id
        if area_changed:
            changed["position"] = self._last_position(plan.code)
            old_area = self._area_name(plan.code, existing.area_id)
            lines.append(("area", old_area, self._area_name(plan.code, area)))
        code = existing.code
        if not lines:
            name = wording.name(target, self.lang)
            line = Line(Action.UNCHANGED, Entity.TARGET, plan.code, code, new=name, lang=self.lang)
            self.result.lines.append(line)
            return
        assert existing.id is not None
        self.result.target_updates.append(TargetUpdate(existing.id, changed, area, area_changed))
        for name, old_text, new_text in lines:
            line = Line(
                Action.CHANGE,
                Entity.TARGET,
                plan.code,
                code,
                field=name,
                old=old_text,
                new=new_text,
                lang=self.lang,
            )
            self.result.lines.append(line)
