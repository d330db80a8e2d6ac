"""The dialog that creates or edits a plan: its code, titles, issuer, period and source."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ljtracker.domain.model import Plan
from ljtracker.domain.validation import Problem, iso_issue_date, plan_problems
from ljtracker.services.changes import Changes
from ljtracker.services.follow_on import earlier_figures
from ljtracker.storage import reads
from ljtracker.ui.form_fields import FormDialog, NotesField, TextField, YearField
from ljtracker.ui.session import Session


class PlanForm(FormDialog[Plan]):
    problem_aliases: ClassVar[dict[str, tuple[str, str]]] = {"title": ("title_en", "title_zh")}

    def __init__(
        self,
        session: Session,
        submit: Callable[[Plan], Changes],
        parent: QWidget | None = None,
        *,
        plan: Plan | None = None,
        after: Plan | None = None,
    ) -> None:
        """`plan`: the plan edited; `after`: the plan a new one follows, whose next period
        of the same length the form proposes."""
        super().__init__(session, submit, parent)
        self.original = plan
        # the years its targets are set for, which its period is checked against as it is typed
        self._target_years = (
            set()
            if plan is None or plan.id is None
            else {
                t.target_year
                for t in reads.targets(session.workbook, plan.id)
                if t.target_year is not None
            }
        )
        self.setObjectName("plan_form")
        if plan is not None:
            self.setWindowTitle(self.tr("Edit plan {code}").format(code=plan.code))
        elif after is not None:
            self.setWindowTitle(self.tr("New plan after {code}").format(code=after.code))
        else:
            self.setWindowTitle(self.tr("New plan"))
        lang = self.lang
        self.code = self.add(TextField("code", self.tr("e.g. LJ2025")))
        self.title_zh = self.add(TextField("title_zh"))
        self.title_en = self.add(TextField("title_en"))
        self.issuer = self.add(TextField("issuer"))
        self.issue_date = self.add(TextField("issue_date", self.tr("YYYY-MM-DD, YYYY-MM or YYYY")))
        self.start_year = self.add(YearField("start_year", lang, optional=False))
        self.end_year = self.add(YearField("end_year", lang, optional=False))
        self.source_url = self.add(TextField("source_url", "https://"))
        self.notes = self.add(NotesField("notes"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Chinese title:"), self.title_zh)
        form.addRow(self.tr("English title:"), self.title_en)
        form.addRow(self.tr("Issued by:"), self.issuer)
        form.addRow(self.tr("Issue date:"), self.issue_date)
        form.addRow(self.tr("First year:"), self.start_year)
        form.addRow(self.tr("Last year:"), self.end_year)
        form.addRow(self.tr("Source link:"), self.source_url)
        form.addRow(self.tr("Notes:"), self.notes)
        layout = QVBoxLayout(self)
        self.after = after
        self.carried_note = QLabel(self)
        self.carried_note.setObjectName("carried_note")
        self.carried_note.setWordWrap(True)
        self.carried_note.setVisible(after is not None)
        layout.addWidget(self.carried_note)
        layout.addLayout(form)
        self.period_note = self.note_label("period_note")
        layout.addWidget(self.period_note)
        layout.addWidget(self.form_message)
        layout.addWidget(self.buttons)
        self.set_width_for(100)

        if plan is not None:
            self._load(plan)
        elif after is not None:
            self.start_year.set_value(after.end_year + 1)
            self._follow_start()
            self.issuer.set_text(after.issuer)
            self.start_year.changed.connect(self._follow_start)
            self.end_year.changed.connect(self._suggest_code)
        self.refresh()
        self.code.setFocus()

    def _follow_start(self) -> None:
        """A plan after another: the period ends as long after its start as the earlier one
        did, and the note says what the new plan takes, from which year's figures."""
        after, start = self.after, self.start_year.value()
        if after is None or after.id is None or start is None:
            return
        self.end_year.set_value(start + after.end_year - after.start_year)
        self._suggest_code()
        held = earlier_figures(self.session.workbook, after.id, start - 1)
        note = self.tr(
            "The new plan takes the areas and the {total} indicators of {code}, as monitoring"
            " indicators; {found} of them have a figure of {year} to start from as their"
            " baseline (the others take their first figure in the new plan until one is"
            " set). Set each one's new target afterwards."
        ).format(total=held.total, code=after.code, found=held.found, year=start - 1)
        if held.later is not None:
            note += " " + self.tr(
                "{code} also holds figures after {year} ({figures}): they stay with it and do"
                " not count in the new plan."
            ).format(
                code=after.code, year=start - 1, figures=held.later[1 if self.lang == "zh" else 0]
            )
        self.carried_note.setText(note)

    def _suggest_code(self) -> None:
        """The example code follows the new period as it is typed."""
        after, start, end = self.after, self.start_year.value(), self.end_year.value()
        if after is None or start is None or end is None:
            return
        code = next_code(after, start, end)
        self.code.line.setPlaceholderText(self.tr("e.g. {code}").format(code=code))

    def update_enabled(self) -> None:
        self._show_period_note()

    def _show_period_note(self) -> None:
        """A period that leaves out some of the plan's target years is kept (long-range goals
        may lie beyond it), but said, as the target form says it of one target."""
        start, end = self.start_year.value(), self.end_year.value()
        if start is None or end is None:
            self.period_note.hide()
            return
        outside = sorted(year for year in self._target_years if not start <= year <= end)
        self.period_note.setVisible(bool(outside))
        if outside:
            self.period_note.setText(
                self.tr(
                    "Some of the plan's targets are set for years outside {0}–{1} ({2}): check"
                    " that the period is meant."
                ).format(start, end, ("、" if self.lang == "zh" else ", ").join(map(str, outside)))
            )

    def _load(self, plan: Plan) -> None:
        self.code.set_text(plan.code)
        self.title_zh.set_text(plan.title_zh)
        self.title_en.set_text(plan.title_en)
        self.issuer.set_text(plan.issuer)
        self.issue_date.set_text(plan.issue_date)
        self.start_year.set_value(plan.start_year)
        self.end_year.set_value(plan.end_year)
        self.source_url.set_text(plan.source_url)
        self.notes.set_text(plan.notes)

    def collect(self) -> tuple[Plan, list[Problem]]:
        start, end = self.start_year.value(), self.end_year.value()
        plan = Plan(
            code=self.code.text(),
            title_zh=self.title_zh.text(),
            title_en=self.title_en.text(),
            # An unreadable year has its own message at its field; check the rest meanwhile.
            start_year=start if start is not None else end or 0,
            end_year=end if end is not None else start or 0,
            issuer=self.issuer.text(),
            issue_date=iso_issue_date(self.issue_date.text()),
            source_url=self.source_url.text(),
            notes=self.notes.text(),
            id=self.original.id if self.original else None,
        )
        problems = plan_problems(plan)
        if start is None or end is None:
            problems = [p for p in problems if p.field not in ("start_year", "end_year")]
        return plan, problems


def next_code(earlier: Plan, start: int, end: int) -> str:
    """A code for the plan of `start`–`end` after `earlier`: the new years in place of the
    earlier plan's ("LJ2025" → "LJ2030", "LJ2021" → "LJ2026", "LJ2021-2025" → "LJ2026-2030"),
    or the last year added to the earlier code when that holds none."""
    code = earlier.code
    for old, new in (
        (f"{earlier.start_year}-{earlier.end_year}", f"{start}-{end}"),
        (str(earlier.end_year), str(end)),
        (str(earlier.start_year), str(start)),
    ):
        if code.endswith(old):
            return code[: -len(old)] + new
    return f"{code}-{end}"
