"""The template's areas sheet, and the areas an import finds or adds by name."""

from __future__ import annotations

from ljtracker.domain.model import Area
from ljtracker.services.import_builder import BuilderBase, no_plan_code
from ljtracker.services.import_plan import Action, Line, NewRef, Ref
from ljtracker.sheets.layout import Layout, Record
from ljtracker.sheets.matching import normalize_name
from ljtracker.sheets.records import CellReader
from ljtracker.storage.writer import Entity

_NAMES = (("area_zh", "name_zh"), ("area_en", "name_en"))  # the sheet's column, the field


class AreasSheet(BuilderBase):
    # --- areas by name ---------------------------------------------------------------------

    def find_area(self, plan_code: str, name: str) -> Ref | None:
        """The area of the plan either of whose names reads as `name`, existing or added."""
        key = normalize_name(name)
        known = self.area_refs.get((plan_code, key))
        if known is not None:
            return known
        for area in self.existing_areas(plan_code):
            if key in {normalize_name(area.name_zh), normalize_name(area.name_en)}:
                return area.id
        return None

    def add_area(self, plan_code: str, name_zh: str, name_en: str) -> NewRef:
        """A new area of the plan, after its last one."""
        plan = self.plans.get(plan_code)
        taken = [a.position for a in self.existing_areas(plan_code)]
        taken += [a.position for r, a in self.new_areas.items() if r[0] == plan_code]
        area = Area(
            plan_id=0 if plan is None or plan.id is None else plan.id,
            position=max(taken, default=0) + 1,
            name_zh=name_zh,
            name_en=name_en,
        )
        ref = (plan_code, normalize_name(name_zh or name_en))
        self.new_areas[ref] = area
        self._known_as(plan_code, ref, name_zh, name_en)
        self.result.areas.append((ref, area))
        shown = " / ".join(name for name in (name_zh, name_en) if name)
        self.result.lines.append(
            Line(Action.ADD, Entity.AREA, plan_code, target=shown, new=shown, lang=self.lang)
        )
        return ref

    def _known_as(self, plan_code: str, ref: Ref, *names: str) -> None:
        for name in names:
            if name.strip():
                self.area_refs[(plan_code, normalize_name(name))] = ref

    # --- the sheet -------------------------------------------------------------------------

    def areas_sheet(self, layout: Layout) -> None:
        reader = CellReader.of(layout.sheet)
        rows: dict[tuple[str, Ref], int] = {}
        for record in layout.records:
            plan_code = record.text("plan") or self.plan_code or ""
            named = [column for column, _ in _NAMES if record.text(column)]
            if not plan_code:
                no_plan_code(record, reader)
                continue
            if not named or not self.plan_ready(plan_code, record, reader):
                continue
            ref = self._area_of(plan_code, record, reader)
            if ref is None:
                continue
            if (plan_code, ref) in rows:
                row = rows[(plan_code, ref)] + 1
                reader.problem(
                    record.cell(named[0]),
                    f"this area of plan {plan_code} is also in row {row}",
                    f"规划 {plan_code} 的这个领域在第 {row} 行也出现了",
                )
                continue
            rows[(plan_code, ref)] = record.row
        self.result.problems += reader.problems

    def _area_of(self, plan_code: str, record: Record, reader: CellReader) -> Ref | None:
        """The area the row names, its names brought up to date; None (with a problem) when
        its two names belong to two different areas."""
        name_zh, name_en = (record.text(column) for column, _ in _NAMES)
        areas = {self.find_area(plan_code, name) for name in (name_zh, name_en) if name} - {None}
        if len(areas) > 1:
            reader.problem(
                record.cell("area_en"),
                f"{name_zh} and {name_en} are the names of two different areas",
                f"“{name_zh}”和“{name_en}”是两个不同领域的名称",
            )
            return None
        if not areas:
            return self.add_area(plan_code, name_zh, name_en)
        ref = areas.pop()
        # An area this import added can only be met again in a repeated row, which is refused.
        if isinstance(ref, int):
            self._rename(plan_code, ref, name_zh, name_en)
        return ref

    def _rename(self, plan_code: str, ref: int, name_zh: str, name_en: str) -> None:
        """Give an existing area the names the row gives it (an empty cell says nothing)."""
        self._known_as(plan_code, ref, name_zh, name_en)
        area = next(a for a in self.existing_areas(plan_code) if a.id == ref)
        given = dict(zip((field for _, field in _NAMES), (name_zh, name_en), strict=True))
        values = {
            field: new
            for field, new in given.items()
            if new and new != getattr(area, field).strip()
        }
        known_as = area.name_zh or area.name_en
        if not values:
            shown = " / ".join(name for name in (area.name_zh, area.name_en) if name)
            self.result.lines.append(
                Line(
                    Action.UNCHANGED,
                    Entity.AREA,
                    plan_code,
                    target=known_as,
                    new=shown,
                    lang=self.lang,
                )
            )
            return
        self.result.area_updates.append((ref, values))
        for column, field in _NAMES:
            if field in values:
                line = Line(
                    Action.CHANGE,
                    Entity.AREA,
                    plan_code,
                    target=known_as,
                    field=column,
                    old=getattr(area, field) or "—",
                    new=values[field],
                    lang=self.lang,
                )
                self.result.lines.append(line)
