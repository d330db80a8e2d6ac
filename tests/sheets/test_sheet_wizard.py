"""The import wizard and the export dialog, driven as a planner would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QTableWidget, QWizard
from pytestqt.qtbot import QtBot
from sheet_files import (
    WIDE_SHEET,
    hidden_sheet_xlsx,
    template_xlsx,
    wide_xlsx,
    with_cell,
    write_xlsx,
)

from ljtracker.services import clock, importing
from ljtracker.services.exporting import export_plans, write_template
from ljtracker.storage import reads
from ljtracker.ui import i18n
from ljtracker.ui.export_dialog import ExportDialog
from ljtracker.ui.import_mapping import NO_YEAR
from ljtracker.ui.import_wizard import ImportWizard
from ljtracker.ui.session import Session


def target_id(session: Session, code: str) -> int:
    plan = reads.plan_by_code(session.workbook, "LJ2025")
    assert plan is not None
    target = reads.target_by_code(session.workbook, plan.id or 0, code)
    assert target is not None and target.id is not None
    return target.id


def gdp_figures(session: Session) -> dict[int, float]:
    return {
        o.year: o.value
        for o in reads.observations(session.workbook, [target_id(session, "LJ-GDP")])
    }


def texts(table: QTableWidget, col: int) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]  # type: ignore[union-attr]


def open_wizard(qtbot: QtBot, session: Session, path: Path) -> ImportWizard:
    wizard = ImportWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    return wizard


def preview_lines(wizard: ImportWizard) -> list[tuple[str, str]]:
    table = wizard.preview_page.lines
    return list(zip(texts(table, 0), texts(table, 1), strict=True))


def mapping_combo(wizard: ImportWizard, label: str) -> QComboBox:
    table = wizard.mapping_page.mapping
    row = texts(table, 1).index(label)
    combo = table.cellWidget(row, 4)
    assert isinstance(combo, QComboBox)
    return combo


def commit(qtbot: QtBot, wizard: ImportWizard) -> None:
    button = wizard.button(QWizard.WizardButton.CommitButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_wizard_imports_a_wide_sheet_as_one_undo_step(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    path = wide_xlsx(tmp_path / "bureau.xlsx")
    wizard = open_wizard(qtbot, session, path)
    page = wizard.mapping_page
    assert page.plan.currentData() == "LJ2025"
    assert mapping_combo(wizard, "占重庆市地区生产总值比重").currentData() == target_id(
        session, "LJ-SHARE-GDP"
    )
    gdp_row = mapping_combo(wizard, "地区生产总值")
    assert gdp_row.currentData() is None
    gdp_row.setCurrentIndex(gdp_row.findData(target_id(session, "LJ-GDP")))

    wizard.next()
    preview = wizard.preview_page
    assert preview.summary.text().startswith("6 to add, 1 to change, 3 unchanged.")
    lines = list(zip(texts(preview.lines, 0), texts(preview.lines, 1), strict=True))
    assert ("Add", "LJ2025 LJ-GDP 2022") in lines and (
        "Change",
        "LJ2025 LJ-SHARE-GDP 2023",
    ) in lines
    assert ("Unchanged", "LJ2025 LJ-GDP 2021") in lines
    assert not preview.problems.isVisibleTo(wizard)

    commit(qtbot, wizard)
    assert wizard.currentPage() is wizard.summary_page
    assert "Imported as one change: 6 added, 1 changed" in wizard.summary_page.text.text()
    assert gdp_figures(session) == {2021: 4000.0, 2022: 4150.0, 2023: 4400.5}
    assert session.undo_stack.count() == 1

    session.undo_stack.undo()
    assert gdp_figures(session) == {2021: 4000.0}
    session.undo_stack.redo()
    assert gdp_figures(session) == {2021: 4000.0, 2022: 4150.0, 2023: 4400.5}

    again = open_wizard(qtbot, session, path)
    row = mapping_combo(again, "地区生产总值")
    row.setCurrentIndex(row.findData(target_id(session, "LJ-GDP")))
    again.next()
    assert "Nothing to import" in again.preview_page.summary.text()
    assert not again.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert session.undo_stack.count() == 1


def test_wizard_lists_unreadable_cells_and_refuses(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    wizard = open_wizard(qtbot, session, wide_xlsx(tmp_path / "marked.xlsx", footnote=True))
    row = mapping_combo(wizard, "地区生产总值")
    row.setCurrentIndex(row.findData(target_id(session, "LJ-GDP")))
    wizard.next()
    preview = wizard.preview_page
    assert texts(preview.problems, 0) == [f"{WIDE_SHEET}!F4"]
    assert texts(preview.problems, 1) == ["4,400*"]
    assert "footnote mark" in texts(preview.problems, 2)[0]
    table = preview.problems
    wizard.setMinimumSize(0, 0)
    wizard.resize(330, 600)  # far narrower than the message
    QApplication.processEvents()
    message_width = table.fontMetrics().horizontalAdvance(texts(table, 2)[0])
    lines = -(-message_width // table.columnWidth(2))
    assert lines >= 3
    assert table.rowHeight(0) >= lines * table.fontMetrics().lineSpacing()  # wrapped, not cut
    assert "1 cell cannot be read" in preview.summary.text()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()

    wizard.back()
    row = mapping_combo(wizard, "地区生产总值")
    assert row.currentData() is not None  # the choice survives going back
    row.setCurrentIndex(row.findData(None))
    wizard.next()
    assert preview.problems.rowCount() == 0
    commit(qtbot, wizard)
    assert gdp_figures(session) == {2021: 4000.0}
    assert session.undo_stack.count() == 1


def test_cells_that_cannot_be_read_take_the_room_of_an_empty_list_of_changes(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    """Six refused figures were squeezed into four rows above an empty table of changes."""
    figures = [
        {"plan": "LJ2025", "code": "LJ-GDP", "year": year, "value": "约4400"}
        for year in range(2016, 2022)
    ]
    wizard = open_wizard(qtbot, session, template_xlsx(tmp_path / "t.xlsx", [], figures))
    wizard.next()
    preview = wizard.preview_page
    QApplication.processEvents()
    table = preview.problems
    assert table.rowCount() == 6 and not preview.lines.isVisibleTo(wizard)
    last = table.rowCount() - 1
    assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()


def test_wizard_says_why_a_file_cannot_be_read(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    bad = tmp_path / "report.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    wizard = ImportWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(bad))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.error.text().startswith("report.xlsx: the file is damaged")

    session.lang = "zh"
    empty = tmp_path / "空.csv"
    empty.write_bytes(b"")
    wizard.file_page.path.setText(str(empty))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.error.text() == "空.csv：文件是空的"
    wizard.file_page.path.setText(str(bad))
    wizard.next()
    assert wizard.file_page.error.text().startswith("report.xlsx：文件已损坏或不是电子表格（")
    wizard.file_page.path.setText(str(tmp_path / "不存在.xlsx"))
    wizard.next()
    assert wizard.file_page.error.text().endswith("不存在.xlsx：无法读取（文件不存在）")


def test_export_dialog_writes_the_chosen_plan(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.plan.setCurrentIndex(dialog.plan.findData("LJ2025"))
    dialog.format.setCurrentIndex(1)
    assert dialog.path.text().endswith("LJ2025.csv")
    dialog.path.setText(str(tmp_path / "missing-folder" / "x.csv"))
    dialog.export()
    assert "does not exist" in dialog.error.text() and dialog.result() == 0

    dialog.path.setText(str(tmp_path / "lj.csv"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.export()
    assert dialog.summary is not None and dialog.summary.plans == ("LJ2025",)
    assert (tmp_path / "lj.csv").read_bytes().startswith(b"\xef\xbb\xbfplan,code,year")

    xlsx = ExportDialog(session)
    qtbot.addWidget(xlsx)
    xlsx.language.setCurrentIndex(xlsx.language.findData("zh"))
    xlsx.path.setText(str(tmp_path / "all.xlsx"))
    xlsx.export()
    assert xlsx.summary is not None and len(xlsx.summary.plans) == 4


def test_export_dialog_asks_before_replacing_a_file_typed_in(
    session: Session, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A typed name of an existing file was written over without a question (Export PDF
    and Save a Copy ask)."""
    kept = tmp_path / "lj.xlsx"
    kept.write_bytes(b"a colleague's sheet")
    no, yes = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes
    answers = [no, yes, no]
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers[len(asked) - 1]

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(kept))
    dialog.export()
    assert asked == ["lj.xlsx already exists. Do you want to replace it?"]
    assert kept.read_bytes() == b"a colleague's sheet" and dialog.summary is None
    dialog.export()
    assert dialog.summary is not None and kept.read_bytes() != b"a colleague's sheet"
    other = tmp_path / "LJ.xlsx"  # another file, though its name differs only in case
    other.write_bytes(b"another sheet")
    again = ExportDialog(session)
    qtbot.addWidget(again)
    again._replace_agreed = kept  # as the file dialog leaves it, having asked about lj.xlsx
    again.path.setText(str(other))
    again.export()
    assert len(asked) == 3 and other.read_bytes() == b"another sheet"


def test_wizard_speaks_chinese_to_a_chinese_window(
    user_dirs: Path, session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    i18n.install("zh")
    session.lang = "zh"
    path = tmp_path / "wide.csv"
    path.write_text("指标,单位,2021,2022\n不在规划中的指标,亿元,1,2\n", encoding="utf-8")
    wizard = open_wizard(qtbot, session, path)
    assert texts(wizard.mapping_page.mapping, 0) == ["2"]  # the sheet's row, under 行
    assert wizard.mapping_page.plan.isVisibleTo(wizard.mapping_page)  # a table's plan is chosen
    wizard.next()
    preview = wizard.preview_page
    assert preview.summary.text() == (
        "新增 0 项，修改 0 项，0 项不变。没有可导入的内容：表中没有哪一行对应到指标；"
        "请在上一页选择对应的指标。"
    )
    assert preview.notes.text().splitlines() == [
        "按 CSV 读取：UTF-8，逗号分隔",
        "1 行未对应到指标，未导入：“不在规划中的指标”",
    ]
    headers = [preview.lines.horizontalHeaderItem(c).text() for c in range(4)]
    assert headers == ["变动", "内容", "导入前", "导入后"]  # "修改" headed its values 修改、不变


def test_a_sheet_whose_rows_go_nowhere_points_to_the_file_s_other_tables(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    """The sheet in view comes first; when none of its rows matched, the wizard said "choose
    the plan" and "choose the targets", not that a hidden sheet held the figures."""
    wizard = open_wizard(qtbot, session, hidden_sheet_xlsx(tmp_path / "bureau.xlsx"))
    page = wizard.mapping_page
    assert page.error.text() == (
        "sheet '封面': no row matches a target of any plan by code or name; choose the plan."
        ' The file\'s other sheets hold a table too ("数据"): if the figures are there, choose it'
        " in Sheet."
    )
    wizard.next()
    assert wizard.preview_page.summary.text().endswith(
        "Nothing to import: no row of the table goes to a target; choose the targets on the"
        ' previous page. The file\'s other sheets hold a table too ("数据"): if the figures are'
        " there, choose it in Sheet."
    )
    wizard.back()
    page.plan.setCurrentIndex(page.plan.findData("LJ2025"))  # as the message asks
    assert page.error.text().startswith("The file's other sheets hold a table too")
    page.sheet.setCurrentIndex(page.sheet.findData("数据"))  # the plan chosen stays
    assert page.plan.currentData() == "LJ2025" and page.error.text() == ""
    wizard.next()
    commit(qtbot, wizard)
    assert gdp_figures(session)[2021] == 4100


def test_a_plan_chosen_by_hand_stays_through_the_sheets_until_another_file(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    """The plan the planner chose was picked anew at the second change of sheet."""
    sheets = {
        "A": [["指标", "2021年"], ["战略性新兴产业产值占工业总产值比重", 45]],
        "B": [["指标", "2021年"], ["两江新区工业总产值", 9000]],
    }
    path = write_xlsx(tmp_path / "two.xlsx", sheets)
    wizard = open_wizard(qtbot, session, path)
    page = wizard.mapping_page
    assert page.plan.currentData() == "LJ2025"  # picked by its rows
    page.plan.setCurrentIndex(page.plan.findData("CQST2025"))
    for sheet in ("B", "A", None, "A"):
        page.sheet.setCurrentIndex(page.sheet.findData(sheet))
        assert page.plan.currentData() == "CQST2025", sheet
    wizard.back()
    wizard.next()  # the file read again: its plan is picked again
    assert page.plan.currentData() == "LJ2025"


def test_the_other_tables_are_pointed_to_in_chinese(
    user_dirs: Path, session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    i18n.install("zh")
    session.lang = "zh"
    wizard = open_wizard(qtbot, session, hidden_sheet_xlsx(tmp_path / "bureau.xlsx"))
    assert wizard.mapping_page.error.text().endswith(
        "；文件中的其他工作表也有表格（“数据”）：如数据在其中，请在“工作表”中选择。"
    )


def test_a_template_row_without_its_plan_is_refused_not_sent_to_the_plan_box(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    path = template_xlsx(tmp_path / "t.xlsx", [], [], plans=[{"plan": "", "issuer": "某某机关"}])
    wizard = open_wizard(qtbot, session, path)
    page = wizard.mapping_page
    assert not page.plan.isEnabled()  # the file names its plans
    # not shown either: greyed, the first plan of the workbook read as where it all went
    assert not page.plan.isVisibleTo(page)
    wizard.next()
    assert texts(wizard.preview_page.problems, 0) == ["plans!A2"]
    # a template's rows cannot be left out in a mapping: only the file can be put right
    assert wizard.preview_page.summary.text().endswith("until it is fixed in the file.")
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert all(plan.issuer != "某某机关" for plan in reads.plans(session.workbook))


def test_from_a_template_sheet_to_a_table_of_no_known_plan_the_plan_can_be_chosen(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    """The plan box stayed greyed (and, once hidden for templates, out of sight): nothing
    could be imported from the table."""
    observations = [["plan", "code", "year", "value"], ["LJ2025", "LJ-GDP", 2022, 4300]]
    table = [["指标", "单位", "2021", "2022"], ["某个新指标", "亿元", 1, 2]]
    path = write_xlsx(tmp_path / "both.xlsx", {"observations": observations, "其他": table})
    wizard = open_wizard(qtbot, session, path)
    page = wizard.mapping_page
    assert not page.plan.isVisibleTo(page)  # the template's rows name their plan
    page.sheet.setCurrentIndex(page.sheet.findData("其他"))
    assert page.plan.isEnabled() and page.plan.isVisibleTo(page)
    assert page.mapping.rowCount() == 1
    assert page.error.text()  # why no plan was chosen for the user


def test_an_empty_template_is_said_to_hold_nothing(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "figures.csv"
    write_template(path)
    wizard = open_wizard(qtbot, session, path)
    wizard.next()
    assert wizard.preview_page.summary.text() == (
        "0 to add, 0 to change, 0 unchanged. "
        "Nothing to import: the file holds no figure or target to import."
    )


def test_by_year_edits_alone_are_not_said_to_be_held_by_the_workbook(
    session: Session, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "out.xlsx"
    export_plans(session.workbook, path, plan_code="LJ2025")
    edited = with_cell(importing.read_source(path), "LJ2025 by year", 4000.0, 4100.0)
    monkeypatch.setattr(importing, "read_source", lambda _path: edited)
    wizard = open_wizard(qtbot, session, path)
    wizard.next()
    summary = wizard.preview_page.summary.text()
    assert "already holds all of it" not in summary
    assert summary.endswith(
        'The figures edited in "LJ2025 by year" are not imported with them: to keep those, go'
        " back and choose that sheet."
    )


def test_export_dialog_says_why_in_chinese(
    user_dirs: Path, session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    i18n.install("zh")
    session.lang = "zh"
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    missing = tmp_path / "没有这个文件夹" / "out.xlsx"
    dialog.path.setText(str(missing))
    dialog.export()
    assert dialog.error.text() == f"{missing}：文件夹 {missing.parent} 不存在"
    assert dialog.result() == 0


def test_a_table_that_fits_two_plans_alike_says_so_beside_the_plan_box(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    """GDP by name is in LJ2020 and in LJ2025: the wizard showed the first plan of the box,
    matched nothing there, and gave no reason."""
    rows = [["指标", "单位", "2022年", "2023年"], ["两江新区地区生产总值", "亿元", 4400, 4700]]
    path = write_xlsx(tmp_path / "gdp.xlsx", {"表": rows})
    wizard = open_wizard(qtbot, session, path)
    page = wizard.mapping_page
    assert "LJ2020, LJ2025" in page.error.text() and "choose one" in page.error.text()
    page.plan.setCurrentIndex(page.plan.findData("LJ2025"))
    assert page.error.text() == ""
    assert mapping_combo(wizard, "两江新区地区生产总值").currentData() == target_id(
        session, "LJ-GDP"
    )


def test_a_quality_chosen_in_the_wizard_is_set_on_repeated_figures_too(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    path = wide_xlsx(tmp_path / "bureau.xlsx")
    wizard = open_wizard(qtbot, session, path)
    page = wizard.mapping_page
    gdp_row = mapping_combo(wizard, "地区生产总值")
    gdp_row.setCurrentIndex(gdp_row.findData(target_id(session, "LJ-GDP")))
    # by default the table's marks decide, and a repeated figure keeps what it has
    assert page.quality.currentData() is None and page.source.text() == ""
    assert page.source.placeholderText() == "bureau.xlsx"
    wizard.next()
    lines = preview_lines(wizard)
    assert ("Unchanged", "LJ2025 LJ-GDP 2021") in lines
    wizard.back()
    page.quality.setCurrentIndex(page.quality.findData("official"))
    wizard.next()
    lines = preview_lines(wizard)
    assert ("Change", "LJ2025 LJ-GDP 2021") in lines
    commit(qtbot, wizard)
    figure = next(
        o
        for o in reads.observations(session.workbook, [target_id(session, "LJ-GDP")])
        if o.year == 2021
    )
    assert (figure.value, figure.quality.value) == (4000.0, "official")
    assert figure.source.startswith("Chongqing Daily")  # no source typed: the figure keeps its


def test_a_table_of_one_year_is_shown_as_a_table_and_says_why_it_is_refused(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    """A table with no rows to import was taken for the app's template, with "choose the
    plan" and no plan box; a title naming months gave no reason at all."""
    rows = [["两江新区2023年主要经济指标"], ["指标", "绝对值"], ["常住人口", 335]]
    wizard = open_wizard(qtbot, session, write_xlsx(tmp_path / "year.xlsx", {"表": rows}))
    page = wizard.mapping_page
    assert mapping_combo(wizard, "常住人口").currentData() == target_id(session, "LJ-POP")
    assert texts(page.mapping, 3) == ["2023: 335"]
    rows[0] = ["两江新区2023年1—11月主要经济指标"]
    wizard = open_wizard(qtbot, session, write_xlsx(tmp_path / "months.xlsx", {"表": rows}))
    page = wizard.mapping_page
    assert not page.plan.isHidden()
    assert page.error.text().startswith("表!A1: the title names a part of a year (1—11月)")


def test_a_table_s_year_is_shown_in_a_box_to_check_change_or_give(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    """The wizard imported a year read from a title in one click, with no place to see or
    correct it, and a title naming no year was only "no table found"."""
    rows = [["两江新区2023年主要经济指标"], ["指标", "绝对值"], ["常住人口", 335]]
    wizard = open_wizard(qtbot, session, write_xlsx(tmp_path / "year.xlsx", {"表": rows}))
    page = wizard.mapping_page
    assert page._form.isRowVisible(page.year) and page.year.value() == 2023
    assert "read from the table's title (两江新区2023年主要经济指标)" in page.shape.text()
    mapping_combo(wizard, "常住人口").setCurrentIndex(0)  # left out by the planner
    page.year.setValue(2022)  # not the title's year: refused, with why, and no way on
    assert "the year given, 2022, is not one the title names (2023)" in page.error.text()
    assert not page.isComplete()
    page.year.setValue(2023)
    assert texts(page.mapping, 3) == ["2023: 335"] and page.isComplete()
    assert mapping_combo(wizard, "常住人口").currentData() is None  # the choice kept
    rows[0] = ["两江新区2022—2023年主要经济指标"]  # refused for two years; a year given reads it
    wizard = open_wizard(qtbot, session, write_xlsx(tmp_path / "two.xlsx", {"表": rows}))
    page = wizard.mapping_page
    assert "several years" in page.error.text() and not page.isComplete()
    assert page.error.text().endswith("or give the figures' year when importing")
    page.year.stepBy(1)  # from "not given": last year, not 1900
    assert page.year.value() == clock.this_year() - 1
    page.year.setValue(2023)
    assert page.plan.currentData() == "LJ2025"  # picked, as for any table
    assert mapping_combo(wizard, "常住人口").currentData() == target_id(session, "LJ-POP")
    rows[0] = ["两江新区主要经济指标"]  # no year in the title: given in the box
    wizard = open_wizard(qtbot, session, write_xlsx(tmp_path / "none.xlsx", {"表": rows}))
    page = wizard.mapping_page
    assert "no table found" in page.error.text() and page._form.isRowVisible(page.year)
    assert page.sheet.itemText(1) == "表 — no table found"
    page.year.setValue(2023)
    assert texts(page.mapping, 3) == ["2023: 335"] and page.error.text() == ""
    # the sheet list says what the year made of the sheet, and again when it is taken back
    assert page.sheet.itemText(1) == "表 — indicator and value columns of one year"
    page.year.setValue(NO_YEAR)
    assert page.sheet.itemText(1) == "表 — no table found"
    page.year.setValue(2023)
    wizard.next()
    assert ("Change", "LJ2025 LJ-POP 2023") in preview_lines(wizard)
    wide = write_xlsx(tmp_path / "wide.xlsx", {"表": [["指标", "2023年"], ["常住人口", 335]]})
    wizard = open_wizard(qtbot, session, wide)
    assert not wizard.mapping_page._form.isRowVisible(wizard.mapping_page.year)


def test_the_year_box_keeps_a_plan_chosen_a_year_given_across_sheets_and_clears_to_none(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    rows = [["指标", "绝对值"], ["常住人口", 335]]
    book = {"一年": [["两江新区2023年主要经济指标"], *rows], "无年": [["主要指标"], *rows]}
    book["无年2"] = [["又一表"], *rows]
    wizard = open_wizard(qtbot, session, write_xlsx(tmp_path / "three.xlsx", book))
    page = wizard.mapping_page
    page.sheet.setCurrentIndex(page.sheet.findData("一年"))
    page.year.setValue(2022)  # refused; the planner then chooses a plan, then the year again
    page.plan.setCurrentIndex(page.plan.findData("LJ2020"))
    page.year.setValue(2023)
    assert page.plan.currentData() == "LJ2020"  # was put back to LJ2025 unasked
    edit = page.year.lineEdit()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)  # emptied, another year can be typed
    qtbot.keyClicks(edit, "2022")
    assert page.year.value() == 2022
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # left empty: "not given", the title's year again
    assert page.year.value() == 2023 and page.year.text() == "2023"
    page.sheet.setCurrentIndex(0)  # automatic: the one-year sheet; then two sheets without
    page.sheet.setCurrentIndex(page.sheet.findData("无年"))
    assert "no table found" in page.error.text() and page.shape.text() == ""
    assert page.error.text().endswith(
        "columns of indicator, year and value. A table of indicator and value columns whose"
        " title names no year is read once its year is given above."
    )
    page.year.setValue(2023)
    assert texts(page.mapping, 3) == ["2023: 335"]
    edit = page.year.lineEdit()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)  # emptied and not yet left: not given
    assert page.options().year is None
    page.year.stepBy(1)  # an arrow after emptying it: the year stepped to stays
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert page.year.value() == 2024 and texts(page.mapping, 3) == ["2024: 335"]
    page.sheet.setCurrentIndex(page.sheet.findData("无年2"))
    assert page.year.value() == NO_YEAR  # a table's year is not the next sheet's
    page.year.stepBy(1)
    stepped = page.year.value()
    page.sheet.setCurrentIndex(page.sheet.findData("无年"))
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    page.year.stepBy(1)  # to the year the box last showed for another sheet: kept on leaving
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert page.year.value() == stepped and page.isComplete()
    both = write_xlsx(tmp_path / "both.xlsx", {"无年": book["无年"], "无年2": book["无年2"]})
    wizard = open_wizard(qtbot, session, both)
    page = wizard.mapping_page
    page.year.setValue(2023)  # both sheets could be of it: the planner is to choose one
    assert "could each be a table of one year: choose the sheet" in page.error.text()
    page.sheet.setCurrentIndex(page.sheet.findData("无年2"))
    assert page.year.value() == 2023 and texts(page.mapping, 3) == ["2023: 335"]
    wizard.back()  # another file: the year given for this one is not its
    wizard.file_page.path.setText(str(write_xlsx(tmp_path / "next.xlsx", {"无年": book["无年"]})))
    wizard.next()
    assert page.year.value() == NO_YEAR and "no table found" in page.error.text()


def test_a_row_the_planner_leaves_out_is_named_apart_from_rows_matched_to_nothing(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    """A row taken out of the import by hand was named "not matched to a target (perhaps
    …)", as a row the wizard could not match is."""
    rows = [["两江新区2023年主要经济指标"], ["指标", "绝对值"], ["常住人口", 335]]
    rows += [["不在规划中的指标", 12]]
    wizard = open_wizard(qtbot, session, write_xlsx(tmp_path / "year.xlsx", {"表": rows}))
    assert mapping_combo(wizard, "常住人口").currentData() == target_id(session, "LJ-POP")
    mapping_combo(wizard, "常住人口").setCurrentIndex(0)  # left out by the planner
    wizard.next()
    assert wizard.preview is not None
    notes = [note.en for note in wizard.preview.notes if "not imported" in note.en]
    assert notes[0] == "1 row left out by the mapping, not imported: 常住人口"
    assert notes[1] == "1 row not matched to a target, not imported: 不在规划中的指标"


def test_figures_far_from_the_ones_compared_are_imported_only_when_the_planner_agrees(
    session: Session, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table in 万元 for a target in 亿元 went in with a note under the list only."""
    path = tmp_path / "bureau.csv"
    path.write_text(
        "指标,2022年,2023年\n两江新区地区生产总值,42500000,47553500\n", encoding="utf-8"
    )
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def answer(_parent: object, _title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers[len(asked) - 1]

    monkeypatch.setattr(QMessageBox, "warning", answer)
    wizard = open_wizard(qtbot, session, path)
    plans = wizard.mapping_page.plan
    plans.setCurrentIndex(plans.findData("LJ2025"))  # GDP by name is in LJ2020 too
    wizard.next()
    commit(qtbot, wizard)
    assert asked[0].startswith("2 figures are a hundred times or a hundredth of the figure")
    assert wizard.currentPage() is wizard.preview_page
    assert gdp_figures(session) == {2021: 4000.0} and session.undo_stack.count() == 0
    commit(qtbot, wizard)
    assert wizard.currentPage() is wizard.summary_page
    assert gdp_figures(session) == {2021: 4000.0, 2022: 42500000.0, 2023: 47553500.0}
