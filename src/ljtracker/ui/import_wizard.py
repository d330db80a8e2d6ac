"""The import wizard: choose a file, then its sheet and how its rows map to targets, see the
preview with every cell that cannot be read, import as one undo step, and read the summary."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ljtracker.domain import change_names as names
from ljtracker.domain.wording import quoted_names
from ljtracker.services import importing
from ljtracker.services.changes import Changes
from ljtracker.services.editing import EditError
from ljtracker.services.importing import Action, ImportOptions, ImportRefused, Preview
from ljtracker.sheets.cells import SheetError, SourceFile
from ljtracker.storage.workbook import WorkbookError
from ljtracker.ui import i18n
from ljtracker.ui.form_fields import PROBLEM_COLOR
from ljtracker.ui.import_mapping import (
    MappingPage,
    action_counts,
    message_label,
    other_sheets_hint,
    table_cell,
    table_widget,
)
from ljtracker.ui.session import Session

FILE_FILTER = "*.xlsx *.xls *.ods *.csv"
WRAPPED_PROBLEMS = 300  # more are shown a line each: measuring every row would take long


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Choose a File"))
        self.setSubTitle(
            self.tr(
                "An XLSX, XLS, ODS or CSV file: the app's template, a table with one row per "
                "indicator and one column per year, one with indicator, year and value columns, "
                "or a bulletin's table of one year named in its title."
            )
        )
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.path.setPlaceholderText(self.tr("Path of the spreadsheet file"))
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        self.error = message_label(QLabel())
        self.error.setObjectName("fileError")
        self.error.setStyleSheet(f"color: {PROBLEM_COLOR};")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _browse(self) -> None:
        start = str(self._wizard.session.workbook.path.parent)
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import Spreadsheet"),
            start,
            self.tr("Spreadsheets ({patterns})").format(patterns=FILE_FILTER),
        )
        if name:
            self.path.setText(name)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        try:
            self._wizard.source = importing.read_source(Path(self.path.text().strip()))
        except SheetError as e:
            self.error.setText(i18n.error_text(e, self._wizard.session.lang))
            return False
        self.error.clear()
        return True


class PreviewPage(QWizardPage):
    """What the import adds, changes and leaves unchanged, and every cell it cannot read."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Preview"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.summary = message_label(QLabel())
        self.summary.setObjectName("previewSummary")
        self.problems = table_widget(
            [self.tr("Cell"), self.tr("Text"), self.tr("Problem")], "problems"
        )
        self.lines = table_widget(
            [self.tr("Action"), self.tr("What"), self.tr("Before"), self.tr("After")], "lines"
        )
        for table, wide in ((self.lines, (2, 3)), (self.problems, (2,))):
            for col in wide:
                table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.notes = message_label(QLabel())
        self.notes.setObjectName("notes")
        self._layout = layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.lines, 2)
        layout.addWidget(self.notes)

    def initializePage(self) -> None:
        wizard = self._wizard
        assert wizard.source is not None
        wizard.import_options = wizard.mapping_page.options()
        try:
            wizard.preview = importing.preview_import(
                wizard.session.workbook, wizard.source, wizard.import_options
            )
        except SheetError as e:
            wizard.preview = None
            self.summary.setText(i18n.error_text(e, self._wizard.session.lang))
        else:
            self._show(wizard.preview)
        # the focus would stay on the previous page's control, hidden now
        QTimer.singleShot(0, self, self._focus_first)

    def _focus_first(self) -> None:
        """The cells that cannot be read, or else what the import does; else the buttons."""
        for table in (self.problems, self.lines):
            if table.isVisibleTo(self) and table.rowCount():
                table.setFocus()
                return
        self._wizard.button(QWizard.WizardButton.BackButton).setFocus()

    def _show(self, preview: Preview) -> None:
        counts = action_counts(preview)
        text = self.tr("{added} to add, {changed} to change, {unchanged} unchanged.").format(
            added=counts[Action.ADD],
            changed=counts[Action.CHANGE],
            unchanged=counts[Action.UNCHANGED],
        )
        lang = self._wizard.session.lang
        if preview.problems and any(lay.indicators for lay in preview.layouts):
            why = (
                self.tr(
                    "{count} cell cannot be read: nothing will be imported until it is fixed"
                    " in the file or its row is left out in the mapping."
                )
                if len(preview.problems) == 1
                else self.tr(
                    "{count} cells cannot be read: nothing will be imported until they are"
                    " fixed in the file or their rows are left out in the mapping."
                )
            ).format(count=len(preview.problems))
        elif preview.problems:  # a template's rows all go where their columns say
            why = (
                self.tr(
                    "{count} cell cannot be read: nothing will be imported until it is fixed"
                    " in the file."
                )
                if len(preview.problems) == 1
                else self.tr(
                    "{count} cells cannot be read: nothing will be imported until they are"
                    " fixed in the file."
                )
            ).format(count=len(preview.problems))
        elif preview.lines and not preview.has_changes and preview.edited_elsewhere:
            sheets = quoted_names(preview.edited_elsewhere, lang)
            why = self.tr(
                "Nothing to import: the workbook already holds what the template's sheets give."
                " The figures edited in {sheets} are not imported with them: to keep those, go"
                " back and choose that sheet."
            ).format(sheets=sheets)
        elif preview.lines:
            why = (
                ""
                if preview.has_changes
                else self.tr("Nothing to import: the workbook already holds all of it.")
            )
        elif preview.nothing_matched:
            why = self.tr(
                "Nothing to import: no row of the table goes to a target; choose the targets "
                "on the previous page."
            )
            if hint := other_sheets_hint(preview, lang):
                why += ("" if lang == "zh" else " ") + hint
        else:
            why = self.tr("Nothing to import: the file holds no figure or target to import.")
        self.summary.setText((text + ("" if lang == "zh" else " ") + why).strip())
        self.problems.setVisible(bool(preview.problems))
        self.lines.setVisible(bool(preview.lines))
        # while cells cannot be read nothing is imported: they take the room first
        self._layout.setStretchFactor(self.problems, 2 if preview.problems else 1)
        self._layout.setStretchFactor(self.lines, 1 if preview.problems else 2)
        self.problems.setRowCount(len(preview.problems))
        for row, problem in enumerate(preview.problems):
            message = problem.message_zh if lang == "zh" else problem.message_en
            for col, text_ in enumerate((problem.where, problem.text, message)):
                self.problems.setItem(row, col, table_cell(text_))
        # each message whole, on as many lines as it takes at the table's width
        self.problems.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
            if len(preview.problems) <= WRAPPED_PROBLEMS
            else QHeaderView.ResizeMode.Interactive
        )
        labels = {
            Action.ADD: self.tr("Add"),
            Action.CHANGE: self.tr("Change"),
            Action.UNCHANGED: self.tr("Unchanged"),
        }
        ordered = sorted(preview.lines, key=lambda line: list(Action).index(line.action))
        self.lines.setRowCount(len(ordered))
        for row, line in enumerate(ordered):
            old = line.old if line.action is Action.CHANGE else ""
            for col, text_ in enumerate((labels[line.action], line.subject, old, line.new)):
                self.lines.setItem(row, col, table_cell(text_))
        self.notes.setText("\n".join(note.said_in(lang) for note in preview.notes))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        preview = self._wizard.preview
        return preview is not None and not preview.problems and preview.has_changes

    def validatePage(self) -> bool:
        return self._agreed() and self._wizard.run_import()

    def _agreed(self) -> bool:
        """Figures a hundred times the figures they are compared with (a table in another
        unit), or values going back to what they were before a later change, are imported only
        when the planner says so."""
        preview = self._wizard.preview
        if preview is None or not (preview.hundredfold or preview.goes_back):
            return True
        said = []
        if preview.hundredfold == 1:
            said.append(
                self.tr(
                    "1 figure is a hundred times or a hundredth of the figure it is compared "
                    "with, or more: is the table in another unit (万元 for 亿元, 人 for 万人)?"
                )
            )
        elif preview.hundredfold:
            said.append(
                self.tr(
                    "{count} figures are a hundred times or a hundredth of the figure each is "
                    "compared with, or more: is the table in another unit (万元 for 亿元, 人 for "
                    "万人)?"
                ).format(count=preview.hundredfold)
            )
        if preview.goes_back:
            said.append(
                self.tr(
                    "Some values would go back to what they were before a later change: is "
                    "the file an older copy?"
                )
            )
        said.append(self.tr("The notes under the list say which. Import them anyway?"))
        answer = QMessageBox.warning(
            self,
            self.tr("Check the Figures"),
            "\n\n".join(said),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


class SummaryPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Imported"))
        self.text = message_label(QLabel())
        self.text.setObjectName("importSummary")
        self.done = QPlainTextEdit()
        self.done.setObjectName("imported")
        self.done.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.done, 1)

    def initializePage(self) -> None:
        preview = self._wizard.preview
        assert preview is not None
        counts = action_counts(preview)
        text = self.tr(
            "Imported as one change: {added} added, {changed} changed, {unchanged} left as they "
            "were. Edit ▸ Undo takes the whole import back in one step."
        )
        self.text.setText(
            text.format(
                added=counts[Action.ADD],
                changed=counts[Action.CHANGE],
                unchanged=counts[Action.UNCHANGED],
            )
        )
        done = [line for line in preview.lines if line.action is not Action.UNCHANGED]
        self.done.setPlainText("\n".join(str(line) for line in done))


class ImportWizard(QWizard):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.source: SourceFile | None = None
        self.import_options = ImportOptions()
        self.preview: Preview | None = None
        self.changes: Changes | None = None
        self.setWindowTitle(self.tr("Import Spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.summary_page):
            self.addPage(page)
        self.resize(860, 620)

    def run_import(self) -> bool:
        """Import what the preview shows, as one undo step; False (with the reason shown)
        when it was refused and nothing changed."""
        assert self.source is not None
        source, options = self.source, self.import_options
        name = names.import_file(source.path.name)
        try:
            self.changes = self.session.apply(
                name, lambda wb: importing.apply_import(wb, source, options, name)
            )
        except (ImportRefused, SheetError, WorkbookError, EditError) as e:
            self.preview_page.summary.setText(i18n.error_text(e, self.session.lang))
            return False
        return True


def run_import_wizard(parent: QWidget | None, session: Session) -> Changes | None:
    """Run the wizard; the changes it made, or None when nothing was imported."""
    wizard = ImportWizard(session, parent)
    try:
        wizard.exec()
        return wizard.changes
    finally:
        wizard.deleteLater()
