"""The progress report from the window: choose its options, then preview, print or save a PDF.

All three use the same report builder and painter as the command line: the preview's pages are
the printed pages, and the saved PDF is the file `ljtracker report` writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QRadioButton,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ljtracker.domain import wording
from ljtracker.domain.as_of import first_as_of_year
from ljtracker.domain.explain import method_name
from ljtracker.domain.model import Method, Plan, Target
from ljtracker.domain.status_look import every_shown, shown_from
from ljtracker.report.builder import (
    ReportError,
    ReportOptions,
    build_report,
    default_as_of_year,
)
from ljtracker.report.context import area_name
from ljtracker.report.document import Document, ReportKind, Section
from ljtracker.report.print_queue import QueueRefuses, check_queue
from ljtracker.report.render import PageSetup, PrintError, paint_document, write_pdf
from ljtracker.report.text import as_lang, phrase
from ljtracker.services import clock
from ljtracker.storage import reads
from ljtracker.storage.atomic import OutputError, output_refusal
from ljtracker.ui import i18n, status_style
from ljtracker.ui.file_ops import may_replace
from ljtracker.ui.session import Session

translate = QCoreApplication.translate
MODES = ("preview", "print", "pdf")


@dataclass(frozen=True)
class ReportChoices:
    """What the dialog was last given, so that it opens on it again (a print dialog
    cancelled, a second copy in the other language): the choices unticked, not the ticked,
    so that what a plan has more of stays in."""

    plan_id: int
    # the window's plan and as-of year then: the report follows the window to another one
    window_plan_id: int | None
    window_as_of: int | None
    as_of: int
    lang: str
    window_lang: str  # the window's language then: the report follows it to another one
    method: str | None
    sections: frozenset[Section]
    # an area's number and names, in both languages: a new area may take a deleted one's number
    areas_left_out: frozenset[tuple[int | None, str, str]]
    statuses_left_out: frozenset[str]
    paper: str
    landscape: bool
    kind: str
    brought_back_from: int | None = None  # the year a final evaluation was brought back from


DONE_SHOWN_MS = 15_000
LANGUAGES = {"zh": "中文（简体）", "en": "English"}  # each language named in itself
ItemData = Qt.ItemDataRole.UserRole


class ReportDialog(QDialog):
    """The report's options: plan, as-of year, language, method, sections, targets, paper."""

    def __init__(
        self, session: Session, mode: str = "preview", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Progress Report"))
        self.plan = QComboBox()
        self.plan.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.plan.setMinimumContentsLength(40)
        for plan in reads.plans(session.workbook):
            self.plan.addItem(f"{plan.code}  {wording.title(plan, session.lang)}", plan.id)
        self.as_of = QSpinBox()
        self.as_of.setRange(1900, 2200)
        self.as_of.setToolTip(self.tr("Only figures up to this year count"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(session.lang))
        self.method = QComboBox()
        default = method_name(session.settings.method, session.lang)
        self.method.addItem(self.tr("Workbook setting ({method})").format(method=default), None)
        for method in Method:
            self.method.addItem(method_name(method, session.lang), method.value)
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        self.kind.addItem(self.tr("Progress report"), ReportKind.PROGRESS.value)
        self.kind.addItem(self.tr("Mid-term evaluation"), ReportKind.MIDTERM.value)
        self.kind.addItem(self.tr("Final evaluation"), ReportKind.FINAL.value)
        self.kind.setToolTip(self.tr("What the cover calls the report"))
        self._setting_year = False
        # the year a final evaluation brought back to the plan's last, while the box holds it
        self._brought_back_from: int | None = None
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")  # the same in every language
        self.paper.addItem(self.tr("Letter"), "letter")
        self.portrait = QRadioButton(self.tr("Portrait"))
        self.landscape = QRadioButton(self.tr("Landscape"))
        self.portrait.setChecked(True)
        self._orientation = QButtonGroup(self)
        for button in (self.portrait, self.landscape):
            self._orientation.addButton(button)
        self.sections = {
            section: QCheckBox(_section_name(section, session.lang)) for section in Section
        }
        for box in self.sections.values():
            box.setChecked(True)
            box.toggled.connect(self._update_ok)
        self.areas = QListWidget()
        # a long area name takes two lines rather than hiding its end past a scroll bar
        self.areas.setWordWrap(True)
        self.areas.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.areas.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.statuses = QListWidget()
        for status in every_shown():
            item = QListWidgetItem(
                status_style.icon(status), status_style.label(status, session.lang)
            )
            item.setData(ItemData, str(status))
            item.setCheckState(Qt.CheckState.Checked)
            self.statuses.addItem(item)
        # every status in sight, none cut ("Needs acceleration", "无法评估" had to be scrolled to)
        rows = sum(self.statuses.sizeHintForRow(r) for r in range(self.statuses.count()))
        frame = 2 * self.statuses.frameWidth()
        self.statuses.setMinimumHeight(rows + frame)
        self.statuses.setMinimumWidth(self.statuses.sizeHintForColumn(0) + frame + 4)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_ok_text(mode))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.areas.itemChanged.connect(self._update_ok)
        self.statuses.itemChanged.connect(self._update_ok)
        self.plan.currentIndexChanged.connect(self._plan_changed)
        self.as_of.valueChanged.connect(self._year_changed)
        self._window_plan_id = _current_plan_id(parent)
        self.plan.setCurrentIndex(max(0, self.plan.findData(self._window_plan_id)))
        self._plan_changed()
        if isinstance(session.report_choices, ReportChoices):
            self._choose(session.report_choices)
        self._within_the_period()  # the kind chosen last time may be a final evaluation
        self.kind.currentIndexChanged.connect(self._kind_changed)

    def choices(self) -> ReportChoices:
        return ReportChoices(
            plan_id=self.plan.currentData(),
            window_plan_id=self._window_plan_id,
            window_as_of=self.session.as_of_year,
            as_of=self.as_of.value(),
            lang=self.language.currentData(),
            window_lang=self.session.lang,
            method=self.method.currentData(),
            sections=frozenset(s for s, box in self.sections.items() if box.isChecked()),
            areas_left_out=frozenset(key for item, key in self._areas_with_keys() if _off(item)),
            statuses_left_out=frozenset(_unchecked(self.statuses)),
            paper=self.paper.currentData(),
            landscape=self.landscape.isChecked(),
            kind=self.kind.currentData(),
            brought_back_from=self._brought_back_from,
        )

    def _areas_with_keys(self) -> list[tuple[QListWidgetItem, tuple[int | None, str, str]]]:
        """Each area's item, with its number and both names (None and "": without an area)."""
        names = {
            a.id: (a.name_zh, a.name_en)
            for a in reads.areas(self.session.workbook, self.plan.currentData())
        }
        items = _items(self.areas)
        return [(i, (i.data(ItemData), *names.get(i.data(ItemData), ("", "")))) for i in items]

    def _choose(self, choices: ReportChoices) -> None:
        """Open on the choices given last time; on the plan then chosen, with its areas, unless
        the window has gone to another plan since; in the window's language, if it has changed
        since."""
        if choices.window_lang == self.session.lang:
            self.language.setCurrentIndex(self.language.findData(choices.lang))
        self.method.setCurrentIndex(max(0, self.method.findData(choices.method)))
        for section, box in self.sections.items():
            box.setChecked(section in choices.sections)
        self.paper.setCurrentIndex(max(0, self.paper.findData(choices.paper)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(choices.kind)))
        (self.landscape if choices.landscape else self.portrait).setChecked(True)
        for item in _items(self.statuses):
            left_out = item.data(ItemData) in choices.statuses_left_out
            item.setCheckState(Qt.CheckState.Unchecked if left_out else Qt.CheckState.Checked)
        index = self.plan.findData(choices.plan_id)
        if index < 0 or choices.window_plan_id != self._window_plan_id:
            return  # the plan is gone, or the window shows another one now
        self.plan.setCurrentIndex(index)
        for item, key in self._areas_with_keys():
            left_out = key in choices.areas_left_out
            item.setCheckState(Qt.CheckState.Unchecked if left_out else Qt.CheckState.Checked)
        if choices.window_as_of == self.session.as_of_year:
            self._set_year(choices.as_of)
            self._brought_back_from = choices.brought_back_from
        self._update_ok()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Plan:"), self.plan)
        form.addRow(self.tr("Progress &as of:"), self.as_of)
        form.addRow(self.tr("&Language of the report:"), self.language)
        form.addRow(self.tr("Progress &method:"), self.method)
        form.addRow(self.tr("&Kind of report:"), self.kind)
        form.addRow(self.tr("Pape&r:"), self.paper)
        orientation = QHBoxLayout()
        orientation.addWidget(self.portrait)
        orientation.addWidget(self.landscape)
        orientation.addStretch()
        form.addRow(self.tr("Orientation:"), orientation)
        sections = QGroupBox(self.tr("Sections"))
        grid = QGridLayout(sections)
        for index, box in enumerate(self.sections.values()):
            grid.addWidget(box, index // 2, index % 2)
        targets = QGroupBox(self.tr("Targets: only those in the checked areas and statuses"))
        lists = QHBoxLayout(targets)
        lists.addWidget(self.areas, 2)  # area names are long; statuses are a word or two
        lists.addWidget(self.statuses, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(sections)
        layout.addWidget(targets)
        layout.addWidget(self.buttons)

    def _plan_changed(self) -> None:
        plan_id = self.plan.currentData()
        self.areas.clear()
        if plan_id is None:
            self._update_ok()
            return
        plan = reads.plan_by_id(self.session.workbook, plan_id)
        assert plan is not None
        targets = reads.targets(self.session.workbook, plan_id)
        first = first_as_of_year(plan, targets)
        self._setting_year = True
        try:
            self.as_of.setRange(first, max(first, clock.this_year()))  # never a year to come
        finally:
            self._setting_year = False
        self._brought_back_from = None
        self._set_year(self._proposed_year(plan, targets))
        self._within_the_period()
        lang = self.session.lang
        areas = [(area_name(a, lang), a.id) for a in reads.areas(self.session.workbook, plan_id)]
        if any(t.area_id is None for t in targets):
            areas.append((self.tr("Without an area"), None))
        for name, area_id in areas:
            item = QListWidgetItem(name)
            item.setToolTip(name)  # whole, should the list be too narrow
            item.setData(ItemData, area_id)
            item.setCheckState(Qt.CheckState.Checked)
            self.areas.addItem(item)
        self._update_ok()

    def _proposed_year(self, plan: Plan, targets: list[Target]) -> int:
        """The year the report is proposed as of: the window's, or that of the plan's figures,
        never before the plan can be judged."""
        kind = ReportKind(self.kind.currentData())
        wb = self.session.workbook
        # a year the window shows for another plan may come before this one can be judged
        year = self.session.as_of_year or default_as_of_year(wb, plan, targets, kind)
        return max(year, first_as_of_year(plan, targets))

    def _kind_changed(self) -> None:
        """A final evaluation is brought back within the plan's period; the year it was brought
        back from is given back when another kind is chosen, unless the planner has chosen
        another year since."""
        if self._within_the_period():
            return
        final = self.kind.currentData() == ReportKind.FINAL.value
        if not final and self._brought_back_from is not None:
            self._set_year(self._brought_back_from)
            self._brought_back_from = None

    def _within_the_period(self) -> bool:
        """Bring a final evaluation's year after the plan's period back to the plan's last year
        (figures of later years would judge the plan by what came after it); True if it was."""
        plan = reads.plan_by_id(self.session.workbook, self.plan.currentData())
        final = self.kind.currentData() == ReportKind.FINAL.value
        year = self.as_of.value()
        if plan is None or not final or year <= plan.end_year:
            return False
        self._set_year(plan.end_year)
        self._brought_back_from = year
        return True

    def _set_year(self, year: int) -> None:
        self._setting_year = True
        try:
            self.as_of.setValue(year)
        finally:
            self._setting_year = False

    def _year_changed(self) -> None:
        if not self._setting_year:  # the planner's own year: nothing to give back
            self._brought_back_from = None

    def _update_ok(self) -> None:
        """A report needs a plan, a section, a status and, when the plan has areas, an area:
        with none of these chosen it would hold nothing ("0 of 24 targets (statuses: )")."""
        ok = (
            self.plan.currentData() is not None
            and any(box.isChecked() for box in self.sections.values())
            and bool(_checked(self.statuses))
            and (self.areas.count() == 0 or bool(_checked(self.areas)))
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def options(self) -> ReportOptions:
        plan = reads.plan_by_id(self.session.workbook, self.plan.currentData())
        assert plan is not None
        method = self.method.currentData()
        areas = _checked(self.areas)
        statuses = _checked(self.statuses)
        return ReportOptions(
            plan_code=plan.code,
            lang=as_lang(self.language.currentData()),
            as_of_year=self.as_of.value(),
            method=None if method is None else Method(method),
            sections=frozenset(s for s, box in self.sections.items() if box.isChecked()),
            areas=None if len(areas) == self.areas.count() else frozenset(areas),
            statuses=None
            if len(statuses) == self.statuses.count()
            else frozenset(map(shown_from, statuses)),
            kind=ReportKind(self.kind.currentData()),
        )

    def page_setup(self) -> PageSetup:
        return PageSetup(self.paper.currentData(), self.landscape.isChecked())


def _items(widget: QListWidget) -> list[QListWidgetItem]:
    return [widget.item(row) for row in range(widget.count())]


def _off(item: QListWidgetItem) -> bool:
    return item.checkState() != Qt.CheckState.Checked


def _unchecked(widget: QListWidget) -> list[Any]:
    return [i.data(ItemData) for i in _items(widget) if _off(i)]


def _checked(widget: QListWidget) -> list[Any]:
    return [i.data(ItemData) for i in _items(widget) if not _off(i)]


def _current_plan_id(parent: QWidget | None) -> int | None:
    """The plan the window shows, when it says (a plan, an area or a target of it)."""
    selected = getattr(parent, "selected_item", None)
    item = selected() if callable(selected) else None
    session = getattr(parent, "session", None)
    if item is None or session is None:
        return None
    kind, item_id = item
    if kind == "plan":
        return int(item_id)
    wb = session.workbook
    if kind == "target":
        target = reads.target_by_id(wb, item_id)
        return None if target is None else target.plan_id
    row = wb.conn.execute("SELECT plan_id FROM area WHERE id = ?", [item_id]).fetchone()
    return None if row is None else int(row[0])


def _section_name(section: Section, lang: str) -> str:
    """The section as the report heads it (the cover has no heading)."""
    if section is Section.COVER:
        return translate("ReportDialog", "Cover")
    key = {
        Section.SUMMARY: "summary",
        Section.TABLE: "table",
        Section.TARGETS: "targets",
        Section.METHOD: "method_appendix",
        Section.SOURCES: "sources_appendix",
    }[section]
    return phrase(key, as_lang(lang))


def _ok_text(mode: str) -> str:
    return {
        "preview": translate("ReportDialog", "Preview…"),
        "print": translate("ReportDialog", "Print…"),
        "pdf": translate("ReportDialog", "Save as PDF…"),
    }[mode]


PREVIEW_SHARE = 0.85  # of the screen's width and height


class ReportPreview(QPrintPreviewDialog):
    """A print preview that paints the report on its printer; printing from it prints it."""

    def __init__(self, document: Document, setup: PageSetup, parent: QWidget | None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(setup.page_layout())
        printer.setDocName(document.file_stem)
        super().__init__(printer, parent)
        self._printer = printer  # the dialog does not own its printer
        self.document = document
        self.pages_painted = 0
        self.setWindowTitle(self.tr("Print Preview: {title}").format(title=document.title))
        self.paintRequested.connect(self._paint)
        self._print_by_keyboard()
        # Qt opens it small, its toolbar folded away: room for a page and the whole toolbar
        area = self.screen().availableGeometry()
        self.resize(round(area.width() * PREVIEW_SHARE), round(area.height() * PREVIEW_SHARE))

    def _paint(self, printer: QPrinter) -> None:
        refusal = _file_refusal(printer)
        if refusal is not None:  # Qt writes the file only once painting begins
            text = i18n.error_text(refusal, i18n.current_language())
            QMessageBox.warning(self, self.windowTitle(), text)
            return
        self.pages_painted = paint_document(self.document, printer)

    def _print_by_keyboard(self) -> None:
        """Ctrl+P prints from the preview, as its Print button does (the toolbar's buttons
        take no focus, so Tab cannot reach it)."""
        toolbar = self.findChild(QToolBar)
        actions = toolbar.actions() if toolbar is not None else []
        if actions:  # Qt puts Print last, after Page setup
            print_action = actions[-1]
            print_action.setObjectName("printAction")
            print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
            print_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)


def _file_refusal(printer: QPrinter) -> OutputError | None:
    """Printing to a file goes around the report's own writer: a workbook is refused here."""
    name = printer.outputFileName()
    if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat or not name:
        return None
    return output_refusal(Path(name))


def print_with_dialog(document: Document, setup: PageSetup, parent: QWidget | None) -> bool:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(setup.page_layout())
    printer.setDocName(document.file_stem)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("ReportDialog", "Print the Progress Report"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    refusal = _file_refusal(printer)
    if refusal is not None:
        raise refusal
    # the dialog sets the printer's default paper: the report keeps the paper it was made for
    printer.setPageLayout(setup.page_layout())
    name = printer.printerName()  # none when printing to a file
    paused = check_queue(name) if name else False
    pages = paint_document(document, printer)
    said = translate("ReportDialog", "Sent {report} ({pages} pages) to {printer}")
    said = said.format(
        report=report_name(document.kind), pages=pages, printer=name or printer.outputFileName()
    )
    if paused:
        said += translate("ReportDialog", "; the printer is paused, so the job waits in its queue")
    _say_done(parent, said)
    return True


def _say_done(parent: QWidget | None, message: str) -> None:
    """Where the report went, in the window's status bar for a while."""
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(message, DONE_SHOWN_MS)


def report_name(kind: ReportKind) -> str:
    """The report as the messages saying it was written or sent call it."""
    names = {
        ReportKind.PROGRESS: translate("ReportDialog", "the progress report"),
        ReportKind.MIDTERM: translate("ReportDialog", "the mid-term evaluation"),
        ReportKind.FINAL: translate("ReportDialog", "the final evaluation"),
    }
    return names[kind]


def save_pdf_with_dialog(
    document: Document, setup: PageSetup, parent: QWidget | None, workbook_path: Path
) -> Path | None:
    suggested = str(workbook_path.with_name(f"{document.file_stem}.pdf"))
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("ReportDialog", "Save the Progress Report as PDF"),
        suggested,
        translate("ReportDialog", "PDF files (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    title = translate("ReportDialog", "Save the Progress Report as PDF")
    if path.name != Path(name).name and path.exists() and not may_replace(parent, title, path):
        return None  # the dialog asked about the name typed, not the one with .pdf added
    pages = write_pdf(document, path, setup, protected=(workbook_path,))
    _say_done(
        parent,
        translate("ReportDialog", "Wrote {report} ({pages} pages) to {path}").format(
            report=report_name(document.kind), pages=pages, path=path
        ),
    )
    return path


def open_report_dialog(parent: QWidget | None, session: Session, mode: str) -> bool:
    """Ask for the report's options, then preview, print or save it; False when cancelled."""
    if mode not in MODES:
        raise ValueError(f"unknown report mode {mode!r}")
    options_dialog = ReportDialog(session, mode, parent)
    try:
        if options_dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        options, setup = options_dialog.options(), options_dialog.page_setup()
        session.report_choices = options_dialog.choices()
    finally:
        options_dialog.deleteLater()
    try:
        document = build_report(session.workbook, options)
        if mode == "preview":
            ReportPreview(document, setup, parent).exec()
            return True
        if mode == "print":
            return print_with_dialog(document, setup, parent)
        return save_pdf_with_dialog(document, setup, parent, session.workbook.path) is not None
    except (ReportError, OutputError, PrintError, QueueRefuses) as e:
        QMessageBox.warning(parent, _failure_title(e, mode), i18n.error_text(e, session.lang))
        return False


def _failure_title(error: Exception, mode: str) -> str:
    """What failed: making the report, or saving or printing the report once made."""
    if isinstance(error, ReportError):
        return translate("ReportDialog", "The report could not be made")
    if mode == "pdf":
        return translate("ReportDialog", "The report could not be saved")
    return translate("ReportDialog", "The report could not be printed")
