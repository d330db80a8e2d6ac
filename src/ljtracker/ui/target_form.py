"""The dialog that creates or edits a target (or a monitoring indicator) of a plan."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ljtracker.domain.model import (
    Comparator,
    Direction,
    Kind,
    Target,
    Trajectory,
)
from ljtracker.domain.number_text import format_number
from ljtracker.domain.validation import Problem, target_problems
from ljtracker.services import clock
from ljtracker.services.changes import Changes
from ljtracker.storage import reads
from ljtracker.ui.form_fields import (
    ChoiceField,
    FormDialog,
    MilestonesField,
    NotesField,
    NumberField,
    TextField,
    YearField,
    area_name,
)
from ljtracker.ui.quality_text import QUALITIES, quality_label
from ljtracker.ui.session import Session

_BASELINE_NEEDS = ("baseline_value", "baseline_quality")


class TargetForm(FormDialog[Target]):
    problem_aliases: ClassVar[dict[str, tuple[str, str]]] = {"name": ("name_en", "name_zh")}

    def __init__(
        self,
        session: Session,
        plan_id: int,
        submit: Callable[[Target], Changes],
        parent: QWidget | None = None,
        *,
        target: Target | None = None,
        area_id: int | None = None,
    ) -> None:
        super().__init__(session, submit, parent)
        self.plan_id = plan_id
        self.original = target
        self.setObjectName("target_form")
        if target is None:
            self.setWindowTitle(self.tr("New target"))
        else:
            self.setWindowTitle(self.tr("Edit target {code}").format(code=target.code))
        self._figure_count = (
            0 if target is None else len(reads.observations(session.workbook, [target.id or 0]))
        )
        self._plan = reads.plan_by_id(session.workbook, plan_id)
        self._build_fields()
        self._lay_out()
        if target is not None:
            self._load(target)
        else:
            self.area.set_value(area_id)
        self.refresh()
        self.fields["code"].setFocus()

    def _build_fields(self) -> None:
        lang = self.lang
        unit = self._unit
        self.code = self.add(TextField("code", self.tr("e.g. LJ-GDP")))
        self.name_zh = self.add(TextField("name_zh"))
        self.name_en = self.add(TextField("name_en"))
        self.unit = self.add(TextField("unit", self.tr("e.g. 亿元, %, 万人")))
        areas = reads.areas(self.session.workbook, self.plan_id)
        area_choices: list[tuple[str, int | None]] = [(self.tr("No area"), None)]
        area_choices += [(area_name(area, lang), area.id) for area in areas]
        self.area = self.add(ChoiceField("area", area_choices))
        self.kind = self.add(
            ChoiceField(
                "kind",
                [
                    (self.tr("Expected (预期性)"), Kind.EXPECTED),
                    (self.tr("Binding (约束性)"), Kind.BINDING),
                ],
            )
        )
        self.comparator = self.add(
            ChoiceField(
                "comparator",
                [
                    (self.tr("At least"), Comparator.AT_LEAST),
                    (self.tr("At most"), Comparator.AT_MOST),
                    (self.tr("About (a band)"), Comparator.ABOUT),
                ],
            )
        )
        self.tolerance = self.add(
            NumberField("tolerance", lang, unit=unit, placeholder="±", plus_minus=True)
        )
        self.target_year = self.add(YearField("target_year", lang))
        self.target_value = self.add(NumberField("target_value", lang, unit=unit, goal=True))
        self.direction = self.add(
            ChoiceField(
                "direction",
                [
                    (self.tr("Increase"), Direction.INCREASE),
                    (self.tr("Decrease"), Direction.DECREASE),
                    (self.tr("None"), None),
                ],
            )
        )
        self.trajectory = self.add(
            ChoiceField(
                "trajectory",
                [
                    (self.tr("Linear"), Trajectory.LINEAR),
                    (self.tr("Compound (constant growth rate)"), Trajectory.COMPOUND),
                ],
            )
        )
        self.milestones = self.add(MilestonesField("milestones", lang, unit=unit))
        self.natural_limit = self.add(NumberField("natural_limit", lang, unit=unit))
        self.baseline_year = self.add(YearField("baseline_year", lang))
        self.baseline_value = self.add(NumberField("baseline_value", lang, unit=unit))
        self.baseline_quality = self.add(
            ChoiceField(
                "baseline_quality",
                [
                    (self.tr("Not stated"), None),
                    *[(quality_label(quality), quality) for quality in QUALITIES],
                ],
            )
        )
        self.baseline_source = self.add(TextField("baseline_source"))
        self.responsible = self.add(TextField("responsible"))
        self.unit_note = self.note_label("unit_note")
        self.period_note = self.note_label("period_note")
        self.goal_note = self.note_label("goal_note")
        self.notes = self.add(NotesField("notes"))
        self.has_target = QRadioButton(self.tr("Has a target"))
        self.has_target.setObjectName("has_target")
        self.has_target.setChecked(True)
        self.monitoring = QRadioButton(self.tr("Monitoring only"))
        self.monitoring.setObjectName("monitoring")
        self._goal_type = QButtonGroup(self)
        self._goal_type.addButton(self.has_target)
        self._goal_type.addButton(self.monitoring)
        self.has_target.toggled.connect(self.refresh)

    def _lay_out(self) -> None:
        plan_label = self.plan_label(self.plan_id)

        about = _form(
            (self.tr("Code:"), self.code),
            (self.tr("Chinese name:"), self.name_zh),
            (self.tr("English name:"), self.name_en),
            (self.tr("Unit:"), self.unit),
            (self.tr("Area:"), self.area),
            (self.tr("Kind:"), self.kind),
        )
        baseline = _form(
            (self.tr("Year:"), self.baseline_year),
            (self.tr("Value:"), self.baseline_value),
            (self.tr("Quality:"), self.baseline_quality),
            (self.tr("Source:"), self.baseline_source),
        )
        other = _form(
            (self.tr("Department:"), self.responsible),
            (self.tr("Notes:"), self.notes),
        )
        goal_choice = QHBoxLayout()
        goal_choice.addWidget(self.has_target)
        goal_choice.addWidget(self.monitoring)
        goal_choice.addStretch(1)
        goal = _form(
            (self.tr("Comparator:"), self.comparator),
            (self.tr("Tolerance (±):"), self.tolerance),
            (self.tr("Target year:"), self.target_year),
            (self.tr("Target value:"), self.target_value),
            (self.tr("Trajectory:"), self.trajectory),
            (self.tr("Milestones:"), self.milestones),
            (self.tr("Direction:"), self.direction),
            (self.tr("Natural limit:"), self.natural_limit),
        )
        goal_box = QVBoxLayout()
        goal_box.addLayout(goal_choice)
        goal_box.addLayout(goal)
        goal_box.addStretch(1)
        self.natural_limit.setToolTip(
            self.tr("A value the indicator cannot pass, such as 100 for a percentage (optional)")
        )
        self.responsible.setToolTip(self.tr("The department responsible for the target"))
        self.monitoring.setToolTip(
            self.tr("An indicator without a target value, judged by its desired direction")
        )
        self.tolerance.setToolTip(self.tr("Half the width of the band: about 15 ± 1"))

        _align_labels(about, baseline, other)
        left = QVBoxLayout()
        left.addWidget(_group(self.tr("Target"), about))
        left.addWidget(_group(self.tr("Baseline"), baseline))
        left.addWidget(_group(self.tr("Other"), other))
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(_group(self.tr("Goal"), goal_box), 1)
        layout = QVBoxLayout(self)
        layout.addWidget(plan_label)
        layout.addLayout(columns, 1)
        layout.addWidget(self.unit_note)
        layout.addWidget(self.period_note)
        layout.addWidget(self.goal_note)
        layout.addWidget(self.form_message)
        layout.addWidget(self.buttons)
        self.set_width_for(140)

    def _unit(self) -> str:
        return self.unit.text()

    def _load(self, target: Target) -> None:
        self.code.set_text(target.code)
        self.name_zh.set_text(target.name_zh)
        self.name_en.set_text(target.name_en)
        self.unit.set_text(target.unit)
        self.area.set_value(target.area_id)
        self.kind.set_value(target.kind)
        self.monitoring.setChecked(target.comparator is None)
        if target.comparator is not None:
            self.comparator.set_value(target.comparator)
        self.tolerance.set_value(target.tolerance)
        self.target_year.set_value(target.target_year)
        self.target_value.set_value(target.target_value)
        self.direction.set_value(target.direction)
        self.trajectory.set_value(target.trajectory)
        self.milestones.set_milestones(target.milestones)
        self.natural_limit.set_value(target.natural_limit)
        self.baseline_year.set_value(target.baseline_year)
        self.baseline_value.set_value(target.baseline_value)
        self.baseline_quality.set_value(target.baseline_quality)
        self.baseline_source.set_text(target.baseline_source)
        self.responsible.set_text(target.responsible)
        self.notes.set_text(target.notes)

    def _has_baseline(self) -> bool:
        return bool(self.baseline_year.line.text().strip() or self.baseline_value.line.text())

    def _show_unit_note(self) -> None:
        """A changed unit gives the numbers already entered another meaning: 4,000 亿元
        would read as 4,000 万元."""
        original = self.original
        now = self.unit.text()
        changed = original is not None and original.unit != now
        self.unit_note.setVisible(changed)
        if not changed or original is None:
            return
        if self.has_target.isChecked():
            text = self.tr(
                "The unit changes from {0} to {1}, but the numbers stay: the baseline, the target"
                " and every yearly figure entered ({2}) will read in {1}. If the amounts"
                " changed, not only the unit's name, convert them too."
            )
        else:  # a monitoring indicator has no target value
            text = self.tr(
                "The unit changes from {0} to {1}, but the numbers stay: the baseline and every"
                " yearly figure entered ({2}) will read in {1}. If the amounts changed, not only"
                " the unit's name, convert them too."
            )
        self.unit_note.setText(text.format(original.unit or "—", now or "—", self._figure_count))

    def _show_period_note(self) -> None:
        """A target year outside the plan's period is kept (a long-range goal may be), but
        said, as a slip of the keyboard (2052 for 2025) would be judged by it."""
        year = self.target_year.value() if self.has_target.isChecked() else None
        plan = self._plan
        if plan is None or year is None or plan.start_year <= year <= plan.end_year:
            self.period_note.hide()
            return
        text = (
            self.tr("The target year {0} is after the plan's period, {1}: check that it is meant.")
            if year > plan.end_year
            else self.tr(
                "The target year {0} is before the plan's period, {1}: check that it is meant."
            )
        )
        self.period_note.setText(text.format(year, f"{plan.start_year}–{plan.end_year}"))
        self.period_note.show()

    def _show_goal_note(self) -> None:
        """A floor or ceiling the baseline already meets is a target to hold, met from the
        start: right for unemployment at most 5.5 % from 5.2 %, a slip for energy use per
        unit of GDP "at least" 0.40 from 0.46, which should fall. A milestone on the far side
        of the baseline from the goal (4.3 for 43 on the way from 42 to 45) runs the planned
        path backwards. Said, not refused."""
        target = self.collect()[0]
        comparator, goal, baseline = target.comparator, target.target_value, target.baseline_value
        if (
            comparator not in (Comparator.AT_LEAST, Comparator.AT_MOST)
            or goal is None
            or baseline is None
            or baseline == goal
        ):
            self.goal_note.hide()
            return
        shown = (format_number(baseline), format_number(goal))
        if target.kept_from(baseline):
            said = [self._met_from_the_start(comparator).format(*shown)]
        else:
            backwards = self._backwards_milestone(rising=goal > baseline)
            said = [
                backwards.format(*shown, m.year, format_number(m.value))
                for m in target.milestones
                if (m.value - baseline) * (goal - baseline) < 0
            ]
        self.goal_note.setText("\n".join(said))
        self.goal_note.setVisible(bool(said))

    def _met_from_the_start(self, comparator: Comparator) -> str:
        if comparator is Comparator.AT_LEAST:
            return self.tr(
                'The baseline, {0}, is already above {1}: "at least" makes this a target met'
                ' from the start, to hold. If the plan means a fall to {1}, choose "at most".'
            )
        return self.tr(
            'The baseline, {0}, is already below {1}: "at most" makes this a target met from'
            ' the start, to hold. If the plan means a rise to {1}, choose "at least".'
        )

    def _backwards_milestone(self, *, rising: bool) -> str:
        if rising:
            return self.tr(
                "The {2} milestone, {3}, is below the baseline {0}, though the target rises to"
                " {1}: check it."
            )
        return self.tr(
            "The {2} milestone, {3}, is above the baseline {0}, though the target falls to"
            " {1}: check it."
        )

    def chosen_besides_fields(self) -> object:
        return self.has_target.isChecked()

    def update_enabled(self) -> None:
        self._show_unit_note()
        self._show_period_note()
        self._show_goal_note()
        has_target = self.has_target.isChecked()
        for field in (self.comparator, self.target_year, self.target_value):
            field.setEnabled(has_target)
        self.milestones.setEnabled(has_target)
        # a path through milestones runs straight from one to the next, whatever the trajectory
        through_milestones = bool(self.milestones.value())
        self.trajectory.setEnabled(has_target and not through_milestones)
        self.trajectory.combo.setToolTip(
            self.tr("With milestones, the planned path runs straight from one to the next")
            if through_milestones
            else ""
        )
        self.tolerance.setEnabled(has_target and self.comparator.value() is Comparator.ABOUT)
        self.direction.setEnabled(not has_target)
        self.baseline_quality.setEnabled(self._has_baseline())
        self.baseline_source.setEnabled(self._has_baseline())

    def collect(self) -> tuple[Target, list[Problem]]:
        has_target = self.has_target.isChecked()
        comparator = self.comparator.value() if has_target else None
        has_baseline = self._has_baseline()
        original = self.original
        target = Target(
            plan_id=self.plan_id,
            code=self.code.text(),
            name_zh=self.name_zh.text(),
            name_en=self.name_en.text(),
            unit=self.unit.text(),
            kind=self.kind.value(),
            comparator=comparator,
            tolerance=self.tolerance.value() if comparator is Comparator.ABOUT else None,
            direction=None if has_target else self.direction.value(),
            baseline_year=self.baseline_year.value(),
            baseline_value=self.baseline_value.value(),
            baseline_quality=self.baseline_quality.value() if has_baseline else None,
            baseline_source=self.baseline_source.text() if has_baseline else "",
            target_year=self.target_year.value() if has_target else None,
            target_value=self.target_value.value() if has_target else None,
            trajectory=self.trajectory.value(),
            milestones=self.milestones.value() if has_target else (),
            natural_limit=self.natural_limit.value(),
            responsible=self.responsible.text(),
            notes=self.notes.text(),
            area_id=self.area.value(),
            position=original.position if original else 0,
            id=original.id if original else None,
        )
        problems = target_problems(target, this_year=clock.this_year(), before=original)
        if self.baseline_year.own_error() or self.baseline_value.own_error():
            # read as empty, a year or value typed in would make the baseline "need both a
            # year and a value" and its quality "need a baseline": its own error says enough
            problems = [p for p in problems if p.field not in _BASELINE_NEEDS]
        return target, problems


def _form(*rows: tuple[str, QWidget]) -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    for label, widget in rows:
        form.addRow(label, widget)
    return form


def _align_labels(*forms: QFormLayout) -> None:
    """Give the forms stacked in one column a common label width, so their fields line up."""
    labels = [
        label
        for form in forms
        for row in range(form.rowCount())
        if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
        and (label := item.widget()) is not None
    ]
    width = max(label.sizeHint().width() for label in labels)
    for label in labels:
        label.setMinimumWidth(width)


def _group(heading: str, layout: QFormLayout | QVBoxLayout) -> QGroupBox:
    box = QGroupBox(heading)
    box.setLayout(layout)
    return box
