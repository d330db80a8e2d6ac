"""The report from the window: the options dialog, the print preview, printing and saving a PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from ljtracker.domain.model import Method, Status
from ljtracker.domain.status_look import MISSED, every_shown
from ljtracker.report import print_queue
from ljtracker.report.builder import build_report
from ljtracker.report.document import Section
from ljtracker.services import clock, editing
from ljtracker.services.editing import ObservationEntry
from ljtracker.storage import reads
from ljtracker.ui import report_dialog
from ljtracker.ui.report_dialog import ReportDialog, ReportPreview
from ljtracker.ui.session import Session

Accepted = QDialog.DialogCode.Accepted


def options_dialog(session: Session, qtbot: QtBot, mode: str = "preview") -> ReportDialog:
    dialog = ReportDialog(session, mode)
    qtbot.addWidget(dialog)
    dialog.plan.setCurrentIndex(dialog.plan.findData(plan_id(session, "LJ2025")))
    return dialog


def plan_id(session: Session, code: str) -> int:
    row = session.workbook.conn.execute("SELECT id FROM plan WHERE code = ?", [code]).fetchone()
    return int(row[0])


def uncheck(widget: QListWidget, text: str) -> None:
    item = widget.findItems(text, Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(Qt.CheckState.Unchecked)


def test_defaults_cover_the_whole_plan_as_of_its_target_year_once_over(
    session: Session, qtbot: QtBot
) -> None:
    """In 2026, LJ2025's targets of 2025 await their figures, as the window shows them on all
    figures; the plan's figures reach 2023."""
    dialog = options_dialog(session, qtbot)
    assert dialog.areas.count() == 6
    options = dialog.options()
    assert options.plan_code == "LJ2025" and options.lang == "en"
    assert options.as_of_year == 2025
    assert options.method is None and options.areas is None and options.statuses is None
    assert options.sections == frozenset(Section)
    assert dialog.page_setup().paper == "a4" and not dialog.page_setup().landscape
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Preview…"


def test_a_final_evaluation_is_proposed_as_of_the_plans_last_year(
    session: Session, qtbot: QtBot
) -> None:
    """With a figure of 2026 in, choosing a final evaluation of the 2021–2025 plan left the
    year at 2026: the plan judged by a year after it."""
    wb = session.workbook
    plan = reads.plan_by_code(wb, "LJ2025")
    assert plan is not None and plan.id is not None
    gdp = reads.target_by_code(wb, plan.id, "LJ-GDP")
    assert gdp is not None and gdp.id is not None
    editing.set_observations(wb, [ObservationEntry(gdp.id, 2026, 5300.0)])
    dialog = options_dialog(session, qtbot)
    assert dialog.as_of.value() == 2026

    dialog.kind.setCurrentIndex(dialog.kind.findData("final"))

    assert dialog.options().as_of_year == 2025
    dialog.kind.setCurrentIndex(dialog.kind.findData("progress"))  # changed back
    assert dialog.options().as_of_year == 2026
    dialog.kind.setCurrentIndex(dialog.kind.findData("final"))
    dialog.as_of.setValue(2026)  # when asked for
    assert dialog.options().as_of_year == 2026


def with_a_2026_figure(session: Session) -> None:
    plan = reads.plan_by_code(session.workbook, "LJ2025")
    assert plan is not None and plan.id is not None
    gdp = reads.target_by_code(session.workbook, plan.id, "LJ-GDP")
    assert gdp is not None and gdp.id is not None
    editing.set_observations(session.workbook, [ObservationEntry(gdp.id, 2026, 5300.0)])


def test_the_year_a_final_evaluation_brought_back_is_given_back_when_opened_again(
    session: Session, qtbot: QtBot
) -> None:
    """Opened again on a final evaluation (2026 brought back to 2025), the dialog kept 2025
    for a progress report chosen then."""
    with_a_2026_figure(session)
    dialog = options_dialog(session, qtbot)
    dialog.kind.setCurrentIndex(dialog.kind.findData("final"))
    session.report_choices = dialog.choices()

    again = ReportDialog(session)
    qtbot.addWidget(again)
    assert (again.kind.currentData(), again.as_of.value()) == ("final", 2025)
    again.kind.setCurrentIndex(again.kind.findData("progress"))
    assert again.as_of.value() == 2026


def test_another_plan_s_year_is_not_given_back(session: Session, qtbot: QtBot) -> None:
    """A final evaluation of LJ2025 (2026 brought back to 2025), then CQ2022 chosen (2022) and
    a progress report: the year became LJ2025's 2026."""
    with_a_2026_figure(session)
    dialog = options_dialog(session, qtbot)
    fresh = ReportDialog(session)
    qtbot.addWidget(fresh)
    fresh.plan.setCurrentIndex(fresh.plan.findData(plan_id(session, "CQ2022")))
    proposed = fresh.as_of.value()

    dialog.kind.setCurrentIndex(dialog.kind.findData("final"))
    dialog.plan.setCurrentIndex(dialog.plan.findData(plan_id(session, "CQ2022")))
    dialog.kind.setCurrentIndex(dialog.kind.findData("progress"))

    assert dialog.as_of.value() == proposed


def test_a_year_chosen_in_the_box_stays_when_the_kind_changes(
    session: Session, qtbot: QtBot
) -> None:
    with_a_2026_figure(session)
    dialog = options_dialog(session, qtbot)
    dialog.kind.setCurrentIndex(dialog.kind.findData("final"))
    dialog.as_of.setValue(2024)
    dialog.as_of.setValue(2025)  # by hand, as the planner wants it
    dialog.kind.setCurrentIndex(dialog.kind.findData("progress"))
    assert dialog.as_of.value() == 2025


def test_a_year_the_planner_chose_is_kept_or_given_back_never_replaced(
    session: Session, qtbot: QtBot
) -> None:
    """A year chosen and kept for next time became the year proposed when a mid-term
    evaluation was chosen; a year typed, brought back by a final evaluation, was not given
    back when a progress report was chosen again."""
    with_a_2026_figure(session)
    dialog = options_dialog(session, qtbot)
    dialog.as_of.setValue(2025)
    session.report_choices = dialog.choices()
    again = ReportDialog(session)
    qtbot.addWidget(again)
    again.kind.setCurrentIndex(again.kind.findData("midterm"))
    assert again.as_of.value() == 2025

    dialog.as_of.setValue(2026)
    dialog.kind.setCurrentIndex(dialog.kind.findData("final"))
    assert dialog.as_of.value() == 2025
    dialog.kind.setCurrentIndex(dialog.kind.findData("progress"))
    assert dialog.as_of.value() == 2026


def test_the_as_of_year_goes_no_later_than_this_year(session: Session, qtbot: QtBot) -> None:
    """The box went up to 2200: a report as of a year to come could be handed over."""
    dialog = options_dialog(session, qtbot)
    dialog.as_of.setValue(clock.this_year() + 4)
    assert dialog.as_of.value() == dialog.as_of.maximum() == clock.this_year()


@pytest.mark.usefixtures("while_the_demo_plans_run")
def test_while_its_targets_are_not_due_a_report_is_as_of_its_latest_figures(
    session: Session, qtbot: QtBot
) -> None:
    assert options_dialog(session, qtbot).options().as_of_year == 2023


class ShowingTarget(QWidget):
    """A window that shows one target, as the main window tells the dialog."""

    def __init__(self, session: Session, target_id: int) -> None:
        super().__init__()
        self.session = session
        self.target_id = target_id

    def selected_item(self) -> tuple[str, int]:
        return "target", self.target_id


def test_the_plan_the_window_shows_is_chosen(session: Session, qtbot: QtBot) -> None:
    row = session.workbook.conn.execute("SELECT id FROM target WHERE code = 'LJ-GDP'").fetchone()
    window = ShowingTarget(session, int(row[0]))
    qtbot.addWidget(window)
    dialog = ReportDialog(session, "print", window)
    assert dialog.options().plan_code == "LJ2025"
    assert ReportDialog(session, "print", None).options().plan_code == "CQ2022"


def test_long_area_names_are_wrapped_not_hidden_past_a_scroll_bar(
    session: Session, qtbot: QtBot
) -> None:
    dialog = options_dialog(session, qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    areas = dialog.areas
    longest = max(range(areas.count()), key=lambda row: len(areas.item(row).text()))
    assert areas.fontMetrics().horizontalAdvance(areas.item(longest).text()) > areas.width()
    assert not areas.horizontalScrollBar().isVisible()
    line = areas.fontMetrics().lineSpacing()
    assert areas.visualItemRect(areas.item(longest)).height() >= 2 * line  # on two lines


def test_the_window_as_of_year_is_the_default(session: Session, qtbot: QtBot) -> None:
    session.set_as_of_year(2021)
    assert options_dialog(session, qtbot).options().as_of_year == 2021


def test_a_window_year_before_the_plan_can_be_judged_is_not_offered(
    session: Session, qtbot: QtBot
) -> None:
    """As of 2018 (for CQ2022), LJ2025 was refused only after OK, and the options were lost."""
    session.set_as_of_year(2018)
    dialog = options_dialog(session, qtbot)
    dialog.plan.setCurrentIndex(dialog.plan.findData(plan_id(session, "LJ2025")))
    assert dialog.as_of.value() == 2020 == dialog.as_of.minimum()  # its baselines' year


def test_chosen_options(session: Session, qtbot: QtBot) -> None:
    dialog = options_dialog(session, qtbot, "pdf")
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.method.setCurrentIndex(dialog.method.findData("schedule"))
    dialog.as_of.setValue(2021)
    dialog.sections[Section.COVER].setChecked(False)
    uncheck(dialog.areas, "Inland opening-up gateway")
    uncheck(dialog.statuses, "Not assessable")
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    qtbot.mouseClick(dialog.landscape, Qt.MouseButton.LeftButton)
    options = dialog.options()
    assert options.lang == "zh" and options.method is Method.SCHEDULE
    assert options.as_of_year == 2021
    assert Section.COVER not in options.sections and Section.TARGETS in options.sections
    assert options.areas is not None and len(options.areas) == 5
    assert options.statuses is not None and Status.NOT_ASSESSABLE not in options.statuses
    assert MISSED in options.statuses  # counted apart, so chosen apart
    assert dialog.page_setup().paper == "letter" and dialog.page_setup().landscape


def test_no_section_means_no_report(session: Session, qtbot: QtBot) -> None:
    dialog = options_dialog(session, qtbot)
    for box in dialog.sections.values():
        box.setChecked(False)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.sections[Section.SUMMARY].setChecked(True)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_no_status_or_no_area_means_no_report(session: Session, qtbot: QtBot) -> None:
    """With every status unticked, the cover read "0 of 24 targets (statuses: )"."""
    dialog = options_dialog(session, qtbot)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    for row in range(dialog.statuses.count()):
        dialog.statuses.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert not ok.isEnabled()
    dialog.statuses.item(0).setCheckState(Qt.CheckState.Checked)
    assert ok.isEnabled()
    for row in range(dialog.areas.count()):
        dialog.areas.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert not ok.isEnabled()
    dialog.areas.item(0).setCheckState(Qt.CheckState.Checked)
    assert ok.isEnabled()


def test_preview_shows_every_page_of_the_report(session: Session, qtbot: QtBot) -> None:
    dialog = options_dialog(session, qtbot)
    dialog.as_of.setValue(2021)
    document = build_report(session.workbook, dialog.options())
    preview = ReportPreview(document, dialog.page_setup(), None)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: preview.pages_painted > 0)
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    qtbot.waitUntil(lambda: widget.pageCount() == preview.pages_painted)
    assert preview.pages_painted > 5
    screen = preview.screen().availableGeometry()  # opened large enough for a page
    assert preview.height() >= 0.8 * screen.height() and preview.width() >= 0.8 * screen.width()
    portrait = preview.pages_painted
    widget.setLandscapeOrientation()  # the preview's own Landscape button
    qtbot.waitUntil(lambda: preview.pages_painted != portrait)
    assert widget.orientation() == QPageLayout.Orientation.Landscape


def accept_with(change: Callable[[ReportDialog], None] | None = None) -> Callable[..., Any]:
    def exec_(self: ReportDialog) -> QDialog.DialogCode:
        self.plan.setCurrentIndex(self.plan.findData(plan_id(self.session, "LJ2025")))
        self.as_of.setValue(2021)
        if change is not None:
            change(self)
        return Accepted

    return exec_


def test_save_as_pdf_from_the_window(
    session: Session,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    pdf_text: Callable[..., str],
) -> None:
    chinese = accept_with(lambda d: d.language.setCurrentIndex(d.language.findData("zh")))
    monkeypatch.setattr(ReportDialog, "exec", chinese)
    chosen = tmp_path / "liangjiang"
    monkeypatch.setattr(
        report_dialog.QFileDialog, "getSaveFileName", lambda *a: (str(chosen), "PDF")
    )
    window = QMainWindow()
    qtbot.addWidget(window)
    assert report_dialog.open_report_dialog(window, session, "pdf")
    text = pdf_text(tmp_path / "liangjiang.pdf")
    assert "两江新区地区生产总值" in text and "进展顺利" in text
    said = window.statusBar().currentMessage()  # where it went
    assert said.startswith("Wrote the progress report (") and said.endswith("liangjiang.pdf")


def test_a_final_evaluation_saved_from_the_window_is_called_so(
    session: Session, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    final = accept_with(lambda d: d.kind.setCurrentIndex(d.kind.findData("final")))
    monkeypatch.setattr(ReportDialog, "exec", final)
    suggested: list[str] = []

    def save_as(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        suggested.append(start)
        return str(tmp_path / "evaluation.pdf"), "PDF"

    monkeypatch.setattr(report_dialog.QFileDialog, "getSaveFileName", save_as)
    window = QMainWindow()
    qtbot.addWidget(window)
    assert report_dialog.open_report_dialog(window, session, "pdf")
    said = window.statusBar().currentMessage()
    assert said.startswith("Wrote the final evaluation (") and said.endswith("evaluation.pdf")
    assert Path(suggested[0]).name.startswith("LJ2025-final-")


def test_print_from_the_window(
    session: Session,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    pdf_info: Callable[[Path], dict[str, str]],
) -> None:
    monkeypatch.setattr(ReportDialog, "exec", accept_with())
    out = tmp_path / "printed.pdf"

    def print_to_file(self: QPrintDialog) -> QDialog.DialogCode:
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(out))
        return Accepted

    monkeypatch.setattr(QPrintDialog, "exec", print_to_file)
    window = QMainWindow()
    qtbot.addWidget(window)
    assert report_dialog.open_report_dialog(window, session, "print")
    pages = int(pdf_info(out)["Pages"])
    assert pages > 5
    said = window.statusBar().currentMessage()
    assert said == f"Sent the progress report ({pages} pages) to {out}"


def test_preview_from_the_window(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ReportDialog, "exec", accept_with())
    shown: list[int] = []

    def show_and_close(self: ReportPreview) -> int:
        qtbot.addWidget(self)
        self.show()
        qtbot.waitUntil(lambda: self.pages_painted > 0)
        shown.append(self.pages_painted)
        return 0

    monkeypatch.setattr(ReportPreview, "exec", show_and_close)
    assert report_dialog.open_report_dialog(None, session, "preview")
    assert shown and shown[0] > 5


def test_cancel_makes_nothing(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ReportDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert not report_dialog.open_report_dialog(None, session, "pdf")


def test_a_file_that_cannot_be_written_is_explained(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ReportDialog, "exec", accept_with())
    missing = tmp_path / "no-such-folder" / "report.pdf"
    monkeypatch.setattr(
        report_dialog.QFileDialog, "getSaveFileName", lambda *a: (str(missing), "PDF")
    )
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(
        report_dialog.QMessageBox,
        "warning",
        lambda parent, title, text: warnings.append((title, text)),
    )
    assert not report_dialog.open_report_dialog(None, session, "pdf")
    [(title, text)] = warnings
    assert "does not exist" in text
    assert title == "The report could not be saved"  # it was made: "could not be made" misled
    assert not missing.exists()


def test_printing_keeps_the_paper_chosen_for_the_report(
    session: Session,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    pdf_info: Callable[[Path], dict[str, str]],
) -> None:
    """The printer dialog set the printer's default paper (A4): a report laid out on Letter,
    as the preview had shown it, was printed on A4, with another page count."""
    letter = accept_with(lambda d: d.paper.setCurrentIndex(d.paper.findData("letter")))
    monkeypatch.setattr(ReportDialog, "exec", letter)
    out = tmp_path / "printed.pdf"

    def print_on_a4(self: QPrintDialog) -> QDialog.DialogCode:
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(out))
        self.printer().setPageSize(QPageSize(QPageSize.PageSizeId.A4))  # the queue's default
        return Accepted

    monkeypatch.setattr(QPrintDialog, "exec", print_on_a4)
    assert report_dialog.open_report_dialog(None, session, "print")
    assert pdf_info(out)["Page size"].startswith("612 x 792 pts")  # Letter


def test_a_print_queue_refusing_jobs_is_said_to_and_nothing_is_sent(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ReportDialog, "exec", accept_with())

    monkeypatch.setattr(QPrintDialog, "exec", lambda self: Accepted)
    # the queue as the print system would name it, whether or not one is set up here
    monkeypatch.setattr(QPrinter, "printerName", lambda self: "PDF")
    monkeypatch.setattr(
        print_queue, "_lpstat", lambda *args: "PDF not accepting requests since Sun 29 Nov\n"
    )
    painted: list[object] = []
    monkeypatch.setattr(report_dialog, "paint_document", lambda *a: painted.append(a) or 1)
    warnings: list[str] = []
    monkeypatch.setattr(
        report_dialog.QMessageBox, "warning", lambda parent, title, text: warnings.append(text)
    )
    assert not report_dialog.open_report_dialog(None, session, "print")
    assert warnings == ["the printer PDF is not accepting jobs; nothing was sent"]
    assert painted == []


def test_a_name_typed_without_pdf_does_not_replace_a_file_unasked(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save dialog asked about "old", and "old.pdf" was replaced without a word."""
    monkeypatch.setattr(ReportDialog, "exec", accept_with())
    old = tmp_path / "old.pdf"
    old.write_bytes(b"%PDF- the report of last year")
    monkeypatch.setattr(
        report_dialog.QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "old"), "PDF")
    )
    asked: list[str] = []

    def answer_no(parent: object, title: str, text: str, *rest: object) -> object:
        asked.append(text)
        return report_dialog.QMessageBox.StandardButton.No

    monkeypatch.setattr(report_dialog.QMessageBox, "question", answer_no)
    assert not report_dialog.open_report_dialog(None, session, "pdf")
    assert asked == ["old.pdf already exists. Do you want to replace it?"]
    assert old.read_bytes() == b"%PDF- the report of last year"


def test_the_paper_box_names_a4_in_a_chinese_window(session: Session, qtbot: QtBot) -> None:
    """Through tr(), a translation that is its own source came back empty: the box was blank."""
    from ljtracker.ui import i18n

    i18n.install("zh")
    try:
        session.lang = "zh"
        dialog = options_dialog(session, qtbot)
        assert [dialog.paper.itemText(i) for i in range(2)] == ["A4", "Letter（美国信纸）"]
    finally:
        i18n.install("en")


def test_every_status_of_the_dialog_is_in_sight(session: Session, qtbot: QtBot) -> None:
    """In a Chinese window the last status (无法评估) had to be scrolled to."""
    dialog = options_dialog(session, qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    statuses = dialog.statuses
    viewport = statuses.viewport().rect()
    for row in range(statuses.count()):
        assert viewport.contains(statuses.visualItemRect(statuses.item(row)))


def test_the_preview_prints_on_ctrl_p(session: Session, qtbot: QtBot) -> None:
    """Its toolbar's buttons take no focus: the keyboard reaches Print by its key alone."""
    dialog = options_dialog(session, qtbot)
    document = build_report(session.workbook, dialog.options())
    preview = ReportPreview(document, dialog.page_setup(), None)
    qtbot.addWidget(preview)
    action = preview.findChild(QAction, "printAction")
    assert action is not None and action.text() == "Print"
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)


def test_the_dialog_opens_again_on_the_choices_of_a_print_cancelled(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A planner who set the year, the language, landscape and fewer sections, then cancelled
    the print dialog to check the printer, found every choice back at its default."""

    def choose(dialog: ReportDialog) -> None:
        dialog.language.setCurrentIndex(dialog.language.findData("zh"))
        dialog.landscape.setChecked(True)
        dialog.kind.setCurrentIndex(dialog.kind.findData("final"))
        dialog.sections[Section.METHOD].setChecked(False)
        uncheck(dialog.statuses, "Target achieved")
        dialog.areas.item(1).setCheckState(Qt.CheckState.Unchecked)

    monkeypatch.setattr(ReportDialog, "exec", accept_with(choose))
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    assert not report_dialog.open_report_dialog(None, session, "print")

    again = ReportDialog(session, "print")
    qtbot.addWidget(again)
    options = again.options()
    assert options.plan_code == "LJ2025" and options.as_of_year == 2021
    assert options.lang == "zh" and again.page_setup().landscape
    assert options.kind == "final"
    assert options.sections == frozenset(Section) - {Section.METHOD}
    assert options.statuses == frozenset(every_shown()) - {Status.TARGET_ACHIEVED}
    assert options.areas is not None and len(options.areas) == again.areas.count() - 1
    # another plan keeps the choices that are not the plan's own
    again.plan.setCurrentIndex(again.plan.findData(plan_id(session, "CQ2022")))
    assert again.options().areas is None and again.options().lang == "zh"


def test_a_window_switched_to_another_language_is_followed_by_the_report(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report made in the English window, its language left as it came, came out in
    English again after the window was switched to Chinese."""
    monkeypatch.setattr(ReportDialog, "exec", accept_with())
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    assert not report_dialog.open_report_dialog(None, session, "print")
    session.lang = "zh"
    switched = ReportDialog(session, "print")
    qtbot.addWidget(switched)
    assert switched.options().lang == "zh"
    assert switched.options().as_of_year == 2021  # the other choices kept

    # a language chosen in the dialog stays while the window keeps its own
    monkeypatch.setattr(
        ReportDialog,
        "exec",
        accept_with(lambda d: d.language.setCurrentIndex(d.language.findData("en"))),
    )
    assert not report_dialog.open_report_dialog(None, session, "print")
    again = ReportDialog(session, "print")
    qtbot.addWidget(again)
    assert again.options().lang == "en"


def test_printing_to_a_file_never_replaces_a_workbook(
    session: Session,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_path: Path,
) -> None:
    """Print to File goes around the report's own writer: the open workbook, or another one,
    named as the file was replaced by the PDF."""
    from PySide6.QtWidgets import QMessageBox

    other = tmp_path / "colleague.ljt"
    other.write_bytes(demo_path.read_bytes())
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_: warned.append(text))
    monkeypatch.setattr(ReportDialog, "exec", accept_with())
    for target in (session.workbook.path, other):
        before = target.read_bytes()

        def print_to(self: QPrintDialog, target: Path = target) -> QDialog.DialogCode:
            self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer().setOutputFileName(str(target))
            return Accepted

        monkeypatch.setattr(QPrintDialog, "exec", print_to)
        assert not report_dialog.open_report_dialog(None, session, "print")
        assert target.read_bytes() == before
    assert "that is the open workbook" in warned[0] and "that is a workbook" in warned[1]

    # the preview's own Print button prints through its printer the same way
    document = build_report(session.workbook, options_dialog(session, qtbot).options())
    preview = ReportPreview(document, report_dialog.PageSetup(), None)
    qtbot.addWidget(preview)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(other))
    before = other.read_bytes()
    preview._paint(printer)
    assert other.read_bytes() == before and preview.pages_painted == 0
    assert "that is a workbook" in warned[-1]


@pytest.mark.usefixtures("ids_used_again")  # the area deleted gives its number to the next
def test_remembered_choices_give_way_to_the_plan_the_window_shows_now(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ljtracker.domain.change_names import ChangeName
    from ljtracker.domain.model import Area
    from ljtracker.services import editing
    from ljtracker.storage import reads

    def target_in(code: str) -> int:
        plan = plan_id(session, code)
        return next(t.id for t in reads.targets(session.workbook, plan) if t.id is not None)

    lj2025 = plan_id(session, "LJ2025")
    last_area = max(reads.areas(session.workbook, lj2025), key=lambda a: a.id or 0)

    def choose(dialog: ReportDialog) -> None:
        for item in dialog.areas.findItems(last_area.name_en, Qt.MatchFlag.MatchExactly):
            item.setCheckState(Qt.CheckState.Unchecked)

    monkeypatch.setattr(ReportDialog, "exec", accept_with(choose))
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    showing = ShowingTarget(session, target_in("LJ2025"))
    qtbot.addWidget(showing)
    report_dialog.open_report_dialog(showing, session, "print")

    elsewhere = ShowingTarget(session, target_in("CQ2022"))
    qtbot.addWidget(elsewhere)
    moved = ReportDialog(session, "print", elsewhere)
    qtbot.addWidget(moved)
    assert moved.options().plan_code == "CQ2022"

    # the area left out is deleted, and a new one takes its number: it is in the report
    assert last_area.id is not None
    for target in reads.targets(session.workbook, lj2025):
        if target.area_id == last_area.id:
            session.apply(
                ChangeName("Delete"), lambda wb, t=target: editing.delete_target(wb, t.id)
            )
    session.apply(ChangeName("Delete"), lambda wb: editing.delete_area(wb, last_area.id))
    new = Area(plan_id=lj2025, position=99, name_zh="新领域", name_en="New area")
    session.apply(ChangeName("Add"), lambda wb: editing.add_area(wb, new))
    assert max(a.id or 0 for a in reads.areas(session.workbook, lj2025)) == last_area.id
    again = ReportDialog(session, "print", showing)
    qtbot.addWidget(again)
    assert again.options().plan_code == "LJ2025" and again.options().areas is None


def test_areas_left_out_stay_out_when_the_language_changes(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ReportDialog, "exec", accept_with(lambda d: uncheck_first_area(d)))
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    report_dialog.open_report_dialog(None, session, "print")
    session.lang = "zh"  # the areas are now listed by their Chinese names
    again = ReportDialog(session, "print")
    qtbot.addWidget(again)
    areas = again.options().areas
    assert areas is not None and len(areas) == again.areas.count() - 1


def uncheck_first_area(dialog: ReportDialog) -> None:
    dialog.areas.item(0).setCheckState(Qt.CheckState.Unchecked)


def test_the_sections_are_named_as_the_report_heads_them(session: Session, qtbot: QtBot) -> None:
    """The dialog offered "摘要", "每个指标一节", "进展如何评估"; the report's headings read
    "总体情况", "分指标进展情况", "进展评估方法"."""
    session.lang = "zh"
    dialog = options_dialog(session, qtbot)
    names = {section: box.text() for section, box in dialog.sections.items()}
    assert names[Section.SUMMARY] == "总体情况"
    assert names[Section.TARGETS] == "分指标进展情况"
    assert names[Section.METHOD] == "进展评估方法"
    document = build_report(session.workbook, dialog.options())
    headings = document.text()
    assert all(name in headings for section, name in names.items() if section != Section.COVER)
