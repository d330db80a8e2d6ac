"""The dialog that sets a year's figure of a target whole: value, quality, source and note.

A statistics revision changes all four at once; made here, it is one change and one undo step
where typing it into the table's cells would be four.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ljtracker.domain import wording
from ljtracker.domain.model import unstated_quality
from ljtracker.domain.validation import Problem
from ljtracker.services import clock
from ljtracker.services.changes import Changes
from ljtracker.services.editing import ObservationEntry
from ljtracker.ui.figure_cells import FigureRow
from ljtracker.ui.form_fields import ChoiceField, FormDialog, NumberField, TextField, pick
from ljtracker.ui.quality_text import QUALITIES, quality_label
from ljtracker.ui.session import Session


class FigureForm(FormDialog[ObservationEntry]):
    """Opens on the figure as it is (or empty, for a year without one) and says what it was."""

    # the service names a refused value "value" and the year's own problems "year"
    problem_aliases: ClassVar[dict[str, tuple[str, str]]] = {"year": ("value", "value")}

    def __init__(
        self,
        session: Session,
        row: FigureRow,
        submit: Callable[[ObservationEntry], Changes],
        shown: Callable[[float], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, submit, parent)
        assert not row.baseline and row.target.id is not None
        self.row = row
        self.setObjectName("figure_form")
        target = row.target
        name = wording.name(target, self.lang)
        self.setWindowTitle(
            (
                self.tr("Edit the {year} Figure")
                if row.observation
                else self.tr("Enter the {year} Figure")
            ).format(year=row.year)
        )
        self.value = self.add(
            NumberField("value", self.lang, optional=False, unit=lambda: target.unit)
        )
        self.quality = self.add(ChoiceField("quality", [(quality_label(q), q) for q in QUALITIES]))
        self.source = self.add(TextField("source"))
        self.note = self.add(TextField("note"))
        heading = QLabel(
            self.tr("{code} {name}, {year}").format(code=target.code, name=name, year=row.year)
        )
        heading.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        unit = pick(self.lang, f" ({target.unit})", f"（{target.unit}）") if target.unit else ""
        form.addRow(self.tr("&Value{unit}:").format(unit=unit), self.value)
        form.addRow(self.tr("&Quality:"), self.quality)
        form.addRow(self.tr("&Source:"), self.source)
        form.addRow(self.tr("&Note:"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        old = row.observation
        if old is not None:
            was = self.note_label("figure_was")
            quality = quality_label(old.quality).lower()  # in a sentence: "(preliminary)"
            was.setText(self._was_text(shown(old.value), quality, old.source))
            was.show()
            layout.addWidget(was)
            self.value.set_value(old.value)
            self.quality.set_value(old.quality)
            self.source.set_text(old.source)
            self.note.set_text(old.note)
        else:
            self.quality.set_value(unstated_quality(row.year, clock.this_year()))
        layout.addWidget(self.form_message)
        layout.addWidget(self.buttons)
        self.set_width_for(70)
        self.value.line.selectAll()
        self.value.setFocus()

    def _was_text(self, value: str, quality: str, source: str) -> str:
        if source:
            return self.tr("Now: {value} ({quality}), from {source}.").format(
                value=value, quality=quality, source=source
            )
        return self.tr("Now: {value} ({quality}).").format(value=value, quality=quality)

    def collect(self) -> tuple[ObservationEntry, list[Problem]]:
        assert self.row.target.id is not None
        value = self.value.value()
        entry = ObservationEntry(
            self.row.target.id,
            self.row.year,
            0.0 if value is None else value,
            self.quality.value(),
            self.source.text(),
            self.note.text(),
        )
        return entry, []
