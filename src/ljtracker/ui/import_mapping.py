"""The import wizard's sheet and mapping page, and the pieces its pages share."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from ljtracker.domain import wording
from ljtracker.domain.model import Quality
from ljtracker.services import clock, importing
from ljtracker.services.importing import Action, ImportOptions, Preview
from ljtracker.sheets.cells import SheetError
from ljtracker.sheets.layout import TABLE_KINDS, Indicator, ShapeKind
from ljtracker.sheets.matching import MatchHow
from ljtracker.sheets.shapes import detect
from ljtracker.storage import reads
from ljtracker.ui import i18n
from ljtracker.ui.form_fields import PROBLEM_COLOR
from ljtracker.ui.quality_text import QUALITIES, quality_label

if TYPE_CHECKING:
    from ljtracker.ui.import_wizard import ImportWizard

TARGET_COLUMN = 4
_UNMATCHED_ROLE = Qt.ItemDataRole.UserRole + 1  # the row matched no target by itself
NO_YEAR = 1899  # the year box's "not given"


def message_label(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def table_widget(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # a list to read: Tab goes on to the buttons
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def figures_text(indicator: Indicator, limit: int | None = 3) -> str:
    """The row's figures as the sheet has them: "2021: ４，０００ · 2022: 4,150 · …"."""
    parts = [
        f"{f.year if f.year is not None else f.year_cell.text}: {f.value.text}"
        for f in indicator.figures
    ]
    shown = parts if limit is None else parts[:limit]
    return " · ".join(shown) + (" · …" if len(shown) < len(parts) else "")


def action_counts(preview: Preview) -> dict[Action, int]:
    """How many things each action touches; a target with several changed fields counts once."""
    return {a: len({line.thing for line in preview.lines if line.action is a}) for a in Action}


def other_sheets_hint(preview: Preview, lang: str) -> str:
    """Where no row of the sheet went to a target, the file's other sheets that hold a table
    (a hidden one, say), to be chosen instead; "" when there are none."""
    if not preview.nothing_matched or not preview.other_tables:
        return ""
    return QCoreApplication.translate(
        "MappingPage",
        "The file's other sheets hold a table too ({sheets}): if the figures are there, choose"
        " it in Sheet.",
    ).format(sheets=wording.quoted_names(preview.other_tables, lang))


def table_cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(text)
    return item


class YearBox(QSpinBox):
    """A year, or "not given": stepping from that starts at last year, not at 1900, and a
    box left empty is "not given" (while it is empty, another year can be typed in)."""

    def __init__(self) -> None:
        super().__init__()
        self._emptied = False
        self._last = self.value()
        self.lineEdit().textEdited.connect(self._edited)
        self.valueChanged.connect(self._stepped)  # a year typed or stepped to: not empty
        self.editingFinished.connect(self._finished)

    def stepBy(self, steps: int) -> None:
        if self.value() == NO_YEAR:
            self.setValue(clock.this_year() - 1)
        else:
            super().stepBy(steps)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if not text.strip():
            return QValidator.State.Acceptable, text, pos
        return super().validate(text, pos)

    def valueFromText(self, text: str) -> int:
        return self.value() if not text.strip() else super().valueFromText(text)

    def _edited(self, text: str) -> None:
        self._emptied = not text.strip()

    def _stepped(self, year: int) -> None:
        if year != self._last:  # an arrow after emptying it; not Enter on it empty
            self._emptied = False
        self._last = year

    def set_quietly(self, year: int) -> None:
        """Show `year` without saying it changed (the page, not the planner, sets it)."""
        self.blockSignals(True)
        self.setValue(year)
        self.blockSignals(False)
        self._last = year

    def is_empty(self) -> bool:
        """Emptied by the planner, and not yet left: "not given", as when it is left."""
        return self._emptied and not self.lineEdit().text().strip()

    def _finished(self) -> None:
        if self._emptied:
            self._emptied = False
            self.setValue(NO_YEAR)


class MappingPage(QWizardPage):
    """The sheet, the plan, and for each row of a table the target it goes to."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._filling = False
        self._year_title = ""  # the title a table of one year's year was read from
        # the targets the rows were given, kept while the year is changed
        self._rows_chosen: dict[str, int | None] | None = None
        self._plan_by_hand = False  # the plan chosen by the planner for this file
        self._detected: dict[str, ShapeKind | None] = {}  # each sheet's shape as first read
        self.setTitle(self.tr("Sheet and Mapping"))
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheet")
        self.plan = QComboBox()
        self.plan.setObjectName("plan")
        self.shape = message_label(QLabel())
        self.shape.setObjectName("shape")
        self.mapping = table_widget(
            [
                self.tr("Row"),
                self.tr("In the sheet"),
                self.tr("Unit"),
                self.tr("Figures"),
                self.tr("Target"),
            ],
            "mapping",
        )
        self.mapping.setWordWrap(False)
        self.source = QLineEdit()
        self.source.setObjectName("figureSource")
        self.quality = QComboBox()
        self.quality.setObjectName("quality")
        # not given: a value the table repeats keeps the figure's quality; given, it is set
        self.quality.addItem(
            self.tr("As the table marks them (else official; this year's: estimate)"), None
        )
        for quality in QUALITIES:
            self.quality.addItem(quality_label(quality), quality.value)
        # a table without a year column: the year of its figures, read from its title, or
        # given where the title names none plainly
        self.year = YearBox()
        self.year.setObjectName("figuresYear")
        self.year.setRange(NO_YEAR, 2200)
        self.year.setSpecialValueText(self.tr("not given"))
        self.year.setMaximumWidth(160)
        self.year.setToolTip(
            self.tr(
                "The year every figure of this table is of: read from its title where that"
                " names one, to be checked and changed if the title says otherwise; given here"
                " where it names none"
            )
        )
        self.error = message_label(QLabel())
        self.error.setStyleSheet(f"color: {PROBLEM_COLOR};")
        form = self._form = QFormLayout()
        form.addRow(self.tr("&Sheet:"), self.sheet)
        form.addRow(self.tr("&Year of the figures:"), self.year)
        form.setRowVisible(self.year, False)
        form.addRow(self.tr("&Plan:"), self.plan)
        form.addRow(self.tr("S&ource of the figures:"), self.source)
        form.addRow(self.tr("&Quality of the figures:"), self.quality)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.shape)
        layout.addWidget(self.mapping, 1)
        layout.addWidget(self.error)
        # from template sheets, which name their plans, to a table: its plan is picked again
        self.sheet.currentIndexChanged.connect(self._sheet_chosen)
        self.year.valueChanged.connect(lambda _year: self._year_changed())
        self.plan.currentIndexChanged.connect(lambda _index: self._plan_chosen())

    def initializePage(self) -> None:
        source = self._wizard.source
        assert source is not None
        self._filling = True
        self._wizard.preview = None
        self._plan_by_hand = False  # another file's plan is not this one's
        self._show_year(None)  # a year given for another file, or before, is not this one's
        self.sheet.clear()
        self.sheet.addItem(self.tr("Automatic"), None)
        self._detected = {}
        for sheet in source.sheets:
            layout = detect(sheet)
            self._detected[sheet.name] = None if layout is None else layout.kind
            self.sheet.addItem(sheet.name, sheet.name)
        self._label_sheets({})
        self.plan.clear()
        for plan in reads.plans(self._wizard.session.workbook):
            name = wording.title(plan, self._wizard.session.lang)
            self.plan.addItem(f"{plan.code} — {name}", plan.code)
        # empty, the file's name, and a value the table repeats keeps its figure's source
        self.source.clear()
        self.source.setPlaceholderText(source.path.name)
        self._filling = False
        self._refill(pick_plan=True)

    def _sheet_chosen(self) -> None:
        # another sheet's year is not this one's; but a year given where no table was found
        # ("choose the sheet the year is of") is for the sheet chosen next
        kept = self._given_year() if self._wizard.preview is None else None
        self._show_year(kept, shown=kept is not None)
        self._year_title = ""
        self._rows_chosen = None
        # a plan the planner chose stays; one the app picked (or failed to) is picked anew
        self._refill(pick_plan=not self._plan_by_hand)

    def _plan_chosen(self) -> None:
        if self._filling:
            return
        self._rows_chosen = None  # another plan's targets
        self._plan_by_hand = True
        self._refill()

    def _year_changed(self) -> None:
        """The table read again with the year: the rows keep the targets chosen for them; a
        table the year makes of the sheet (no rows before) has its plan picked as any has."""
        preview = self._wizard.preview
        if preview is not None and preview.matches:
            self._rows_chosen = self._current_mapping()
        if self._rows_chosen is None:
            self._refill(pick_plan=not self._plan_by_hand)
        else:  # kept through a year refused on the way ("2024", then "2023")
            self._refill(mapping=self._rows_chosen)

    def _given_year(self) -> int | None:
        year = self.year
        if not self._form.isRowVisible(year) or year.value() == NO_YEAR or year.is_empty():
            return None
        return self.year.value()

    def _show_year(self, year: int | None, *, shown: bool = False) -> None:
        """The year box, shown for a table of one year, holding `year` (None: not given)."""
        self.year.set_quietly(NO_YEAR if year is None else year)
        self._form.setRowVisible(self.year, shown)

    def _label_sheets(self, found: dict[str, ShapeKind]) -> None:
        """Each sheet named with the shape `found` in it (a table a year given makes of a
        sheet), or else with the shape first read."""
        for index in range(1, self.sheet.count()):
            name = self.sheet.itemData(index)
            kind = found.get(name, self._detected.get(name))
            self.sheet.setItemText(index, f"{name} — {self._shape_name(kind)}")

    def _shape_name(self, kind: ShapeKind | None) -> str:
        names = {
            ShapeKind.PLANS: self.tr("template: plans"),
            ShapeKind.AREAS: self.tr("template: areas"),
            ShapeKind.TARGETS: self.tr("template: targets"),
            ShapeKind.OBSERVATIONS: self.tr("template: figures"),
            ShapeKind.WIDE: self.tr("one column per year"),
            ShapeKind.LONG: self.tr("indicator, year and value columns"),
            ShapeKind.ONE_YEAR: self.tr("indicator and value columns of one year"),
        }
        return self.tr("no table found") if kind is None else names[kind]

    def options(self, mapping: dict[str, int | None] | None = None) -> ImportOptions:
        # greyed out for template sheets: their rows name their plans, and a blank plan cell
        # is an error there rather than the plan the box happens to show
        return ImportOptions(
            plan_code=self.plan.currentData() if self.plan.isEnabled() else None,
            sheet=self.sheet.currentData(),
            mapping=self._current_mapping() if mapping is None else mapping,
            source=self.source.text().strip(),
            quality=None
            if self.quality.currentData() is None
            else Quality(self.quality.currentData()),
            lang=self._wizard.session.lang,
            year=self._given_year(),
        )

    def _current_mapping(self) -> dict[str, int | None]:
        """Each row's target as chosen; a row matched to none and left so is not named: it
        is not imported either way, but it was not left out by the user."""
        mapping: dict[str, int | None] = {}
        for row in range(self.mapping.rowCount()):
            combo = self.mapping.cellWidget(row, TARGET_COLUMN)
            item = self.mapping.item(row, 0)
            if isinstance(combo, QComboBox) and item is not None:
                chosen = combo.currentData()
                if chosen is None and item.data(_UNMATCHED_ROLE):
                    continue
                mapping[item.data(Qt.ItemDataRole.UserRole)] = chosen
        return mapping

    def _refill(
        self, *, pick_plan: bool = False, mapping: dict[str, int | None] | None = None
    ) -> None:
        """Show the rows of the chosen sheet, each matched to a target of the chosen plan, or
        to the one `mapping` gives it."""
        if self._filling:
            return
        wizard = self._wizard
        assert wizard.source is not None
        options = self.options(mapping={} if mapping is None else mapping)
        lang = wizard.session.lang
        no_plan_found = ""  # why no plan was chosen for the user: they are to choose it
        try:
            try:
                automatic = ImportOptions(
                    sheet=options.sheet, source=options.source, lang=options.lang, year=options.year
                )
                chosen = automatic if pick_plan else options
                preview = importing.preview_import(wizard.session.workbook, wizard.source, chosen)
            except SheetError as e:
                if not pick_plan:
                    raise
                no_plan_found = i18n.error_text(e, lang)
                # the plan the box shows, even when it was greyed for a template sheet before
                chosen = replace(options, plan_code=self.plan.currentData())
                preview = importing.preview_import(wizard.session.workbook, wizard.source, chosen)
        except SheetError as e:
            said = i18n.error_text(e, lang)
            if isinstance(e, importing.NoTableFound) and options.year is None:
                said += ("；" if lang == "zh" else ". ") + self.tr(
                    "A table of indicator and value columns whose title names no year is read"
                    " once its year is given above."
                )
            self.error.setText(said)
            self._label_sheets({})
            # "no table found": a table of one year whose title names no year is read with it
            self._show_year(options.year, shown=True)
            self.shape.setText("")
            self._form.setRowVisible(self.plan, False)
            self.mapping.setRowCount(0)
            wizard.preview = None
            self.completeChanged.emit()
            return
        refused = preview.refusal
        if refused is not None and not no_plan_found:  # a plan chosen: why no row is read
            message = refused.message_zh if lang == "zh" else refused.message_en
            no_plan_found = f"{refused.where}{'：' if lang == 'zh' else ': '}{message}"
        hint = other_sheets_hint(preview, lang)
        joint = ("；" if lang == "zh" else ". ") if no_plan_found and hint else ""
        self.error.setText(no_plan_found + joint + hint)
        wizard.preview = preview
        if pick_plan and preview.plan is not None:
            self._filling = True
            self.plan.setCurrentIndex(max(self.plan.findData(preview.plan.code), 0))
            self._filling = False
        self._show(preview)
        self.completeChanged.emit()

    def _show(self, preview: Preview) -> None:
        self._label_sheets({lay.sheet.name: lay.kind for lay in preview.layouts})
        table_layouts = [lay for lay in preview.layouts if lay.kind in TABLE_KINDS]
        one_year = next((lay for lay in table_layouts if lay.kind is ShapeKind.ONE_YEAR), None)
        if one_year is None:
            self._show_year(None)
        elif one_year.year_read_at is not None:  # the title's year, for the user to check
            self._year_title = one_year.year_read_at.text
            self._show_year(one_year.years[0], shown=True)
        else:
            self._show_year(self._given_year(), shown=True)
        self.plan.setEnabled(bool(table_layouts))
        # a template names its plans: a plan shown greyed would read as where it all goes
        self._form.setRowVisible(self.plan, bool(table_layouts))
        self.mapping.setVisible(bool(table_layouts))
        comma = "、" if self._wizard.session.lang == "zh" else ", "
        names = comma.join(lay.sheet.name for lay in preview.layouts)
        if table_layouts:
            text = self.tr(
                "Sheet {names}: each row goes to the target chosen on the right; change any "
                "row, or leave it out."
            )
        elif len(preview.layouts) == 1:
            text = self.tr(
                "Sheet {names}: the app's template; each row goes to the plan, area or "
                "target that its columns name."
            )
        else:
            text = self.tr(
                "Sheets {names}: the app's template; each row goes to the plan, area or "
                "target that its columns name."
            )
        text = text.format(names=names)
        if preview.refusal is not None:
            text = ""  # no rows to choose targets for: the reason is said below them
        elif one_year is not None and self._year_title:
            text += ("" if self._wizard.session.lang == "zh" else " ") + self.tr(
                "The figures' year is read from the table's title ({title}): check it in the"
                " box above."
            ).format(title=self._year_title)
        self.shape.setText(text)
        lang = self._wizard.session.lang
        targets = []
        if preview.plan is not None and preview.plan.id is not None:
            targets = reads.targets(self._wizard.session.workbook, preview.plan.id)
        self.mapping.setRowCount(len(preview.matches))
        for row, match in enumerate(preview.matches):
            indicator = match.indicator
            key_item = table_cell(str(indicator.row + 1))  # under the column "Row"
            key_item.setData(Qt.ItemDataRole.UserRole, indicator.key)
            key_item.setData(_UNMATCHED_ROLE, match.how is MatchHow.NONE)
            self.mapping.setItem(row, 0, key_item)
            self.mapping.setItem(row, 1, table_cell(indicator.label))
            self.mapping.setItem(row, 2, table_cell(indicator.unit or match.label_unit))
            figures = table_cell(figures_text(indicator))
            figures.setToolTip(figures_text(indicator, limit=None))
            self.mapping.setItem(row, 3, figures)
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), None)
            for target in targets:
                combo.addItem(f"{target.code} — {wording.name(target, lang)}", target.id)
            chosen = None if match.target is None else match.target.id
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.setAccessibleName(self.tr("Target of {row}").format(row=indicator.label))
            self.mapping.setCellWidget(row, TARGET_COLUMN, combo)
        self.mapping.resizeColumnsToContents()
        header = self.mapping.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        widths = [w.sizeHint().width() for w in self.mapping.findChildren(QComboBox)]
        header.setSectionResizeMode(TARGET_COLUMN, QHeaderView.ResizeMode.Fixed)
        self.mapping.setColumnWidth(TARGET_COLUMN, min(max(widths, default=200), 300))

    def isComplete(self) -> bool:
        """A table refused (its reason on this page, as a year given that its title denies)
        has nothing to preview."""
        preview = self._wizard.preview
        return preview is not None and preview.refusal is None

    def validatePage(self) -> bool:
        """A year box emptied and not yet left is "not given": the page shows the table so
        read, and goes on only with one to preview."""
        if self._form.isRowVisible(self.year) and self.year.is_empty():
            self.year.setValue(NO_YEAR)
        return self.isComplete()
