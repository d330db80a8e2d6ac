"""The export dialog: which plans, which format and language, and where to write the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ljtracker.domain import wording
from ljtracker.services.exporting import ExportSummary, export_plans
from ljtracker.sheets.cells import SheetError
from ljtracker.storage import reads
from ljtracker.storage.atomic import OutputError
from ljtracker.ui import i18n
from ljtracker.ui.file_ops import may_replace
from ljtracker.ui.form_fields import PROBLEM_COLOR
from ljtracker.ui.session import Session

# (suffix, CSV table) of each format choice
FORMATS = ((".xlsx", "observations"), (".csv", "observations"), (".csv", "targets"))


class ExportDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.summary: ExportSummary | None = None
        self._replace_agreed: Path | None = None  # a file the file dialog asked to replace
        self.setWindowTitle(self.tr("Export Spreadsheet"))
        self.plan = QComboBox()
        self.plan.setObjectName("plan")
        self.plan.addItem(self.tr("All plans"), None)
        for plan in reads.plans(session.workbook):
            self.plan.addItem(f"{plan.code} — {wording.title(plan, session.lang)}", plan.code)
        self.format = QComboBox()
        self.format.setObjectName("format")
        self.format.addItem(self.tr("Excel workbook (.xlsx): summary, targets, figures by year"))
        self.format.addItem(self.tr("CSV (.csv): figures, one per line"))
        self.format.addItem(self.tr("CSV (.csv): targets"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("中文（简体）", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(session.lang))
        self.path = QLineEdit()
        self.path.setObjectName("path")
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        as_of = session.as_of_year
        self.as_of = QLabel(
            self.tr("Progress as of {year}.").format(year=as_of)
            if as_of is not None
            else self.tr("Progress judged on the latest figures.")
        )
        self.error = QLabel()
        self.error.setObjectName("exportError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {PROBLEM_COLOR};")
        form = QFormLayout()
        form.addRow(self.tr("&Plans:"), self.plan)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Language:"), self.language)
        file_label = QLabel(self.tr("F&ile:"))
        file_label.setBuddy(self.path)
        form.addRow(file_label, where)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.setText(self.tr("&Export"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.as_of)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(self._match_suffix)
        self.plan.currentIndexChanged.connect(lambda _index: self._suggest())
        self._suggest()

    def _suggest(self) -> None:
        code = self.plan.currentData() or self.session.workbook.path.stem
        suffix = FORMATS[self.format.currentIndex()][0]
        self.path.setText(str(self.session.workbook.path.parent / f"{code}{suffix}"))

    def _match_suffix(self, index: int) -> None:
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix(FORMATS[index][0])))

    def _browse(self) -> None:
        suffix = FORMATS[self.format.currentIndex()][0]
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Spreadsheet"),
            self.path.text(),
            self.tr("Spreadsheet (*{suffix})").format(suffix=suffix),
        )
        if name:
            chosen = Path(name).with_suffix(suffix)
            self.path.setText(str(chosen))
            if chosen == Path(name):  # the file dialog asked before a file was replaced
                self._replace_agreed = chosen

    def export(self) -> None:
        """Write the file; on success close, else say why and stay open."""
        text = self.path.text().strip()
        if not text:
            self.error.setText(self.tr("Choose a file to write."))
            return
        suffix, table = FORMATS[self.format.currentIndex()]
        path = Path(text)
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        agreed = path == self._replace_agreed
        if path.is_file() and not agreed and not may_replace(self, self.windowTitle(), path):
            return
        try:
            self.summary = export_plans(
                self.session.workbook,
                path,
                plan_code=self.plan.currentData(),
                lang=self.language.currentData(),
                as_of_year=self.session.as_of_year,
                table=table,
            )
        except (OutputError, SheetError) as e:
            self.error.setText(i18n.error_text(e, self.session.lang))
            return
        self.accept()


def run_export_dialog(parent: QWidget | None, session: Session) -> ExportSummary | None:
    """Run the dialog; what was written, or None when cancelled."""
    dialog = ExportDialog(session, parent)
    try:
        dialog.exec()
        summary = dialog.summary
    finally:
        dialog.deleteLater()
    if summary is not None and isinstance(parent, QMainWindow):
        message = (
            QCoreApplication.translate("ExportDialog", "Exported {plans} plan to {path}")
            if len(summary.plans) == 1
            else QCoreApplication.translate("ExportDialog", "Exported {plans} plans to {path}")
        ).format(plans=len(summary.plans), path=summary.path)
        parent.statusBar().showMessage(message, 10_000)
    return summary
