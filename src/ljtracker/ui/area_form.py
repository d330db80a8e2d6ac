"""The dialog that names a new area of a plan, or renames one."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget

from ljtracker.domain.model import Area
from ljtracker.domain.validation import Problem
from ljtracker.services.changes import Changes
from ljtracker.ui.form_fields import FormDialog, TextField
from ljtracker.ui.session import Session


class AreaForm(FormDialog[Area]):
    """The service checks that the area has a name; its refusal shows beneath the names."""

    problem_aliases: ClassVar[dict[str, tuple[str, str]]] = {"name": ("name_en", "name_zh")}

    def __init__(
        self,
        session: Session,
        plan_id: int,
        submit: Callable[[Area], Changes],
        parent: QWidget | None = None,
        *,
        area: Area | None = None,
    ) -> None:
        super().__init__(session, submit, parent)
        self.plan_id = plan_id
        self.original = area
        self.setObjectName("area_form")
        self.setWindowTitle(self.tr("New area") if area is None else self.tr("Rename area"))
        self.name_zh = self.add(TextField("name_zh"))
        self.name_en = self.add(TextField("name_en"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Chinese name:"), self.name_zh)
        form.addRow(self.tr("English name:"), self.name_en)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plan_label(plan_id))
        layout.addLayout(form)
        layout.addWidget(self.form_message)
        layout.addWidget(self.buttons)
        self.set_width_for(80)
        if area is not None:
            self.name_zh.set_text(area.name_zh)
            self.name_en.set_text(area.name_en)
        self.name_zh.setFocus()

    def collect(self) -> tuple[Area, list[Problem]]:
        original = self.original
        area = Area(
            plan_id=self.plan_id,
            position=original.position if original else 0,
            name_zh=self.name_zh.text(),
            name_en=self.name_en.text(),
            id=original.id if original else None,
        )
        return area, []
