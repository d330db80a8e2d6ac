"""The window's plan, area and target commands: each a dialog or a question, each one undo step."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from dialogs import press_ok, shown, type_text, with_dialog
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
)
from pytestqt.qtbot import QtBot

from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Plan, Target
from ljtracker.services import editing
from ljtracker.services.changes import Changes
from ljtracker.storage import reads
from ljtracker.ui import plan_dialogs
from ljtracker.ui.plan_form import next_code
from ljtracker.ui.session import Session


def lj2025(session: Session) -> Plan:
    plan = reads.plan_by_code(session.workbook, "LJ2025")
    assert plan is not None and plan.id is not None
    return plan


def target(session: Session, code: str) -> Target:
    found = reads.target_by_code(session.workbook, lj2025(session).id or 0, code)
    assert found is not None and found.id is not None
    return found


def codes_in_order(session: Session) -> list[str]:
    return [t.code for t in reads.targets(session.workbook, lj2025(session).id)]


class Answers:
    """Stands in for QMessageBox.question: records each question and gives a set answer."""

    def __init__(self, answer: QMessageBox.StandardButton) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, parent: Any, title: str, text: str, *args: Any) -> Any:
        self.questions.append(text)
        return self.answer


def answering(monkeypatch: pytest.MonkeyPatch, yes: bool) -> Answers:
    answers = Answers(QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "question", answers)
    return answers


# --- targets -----------------------------------------------------------------------------


def test_new_target_is_one_undo_step(qtbot: QtBot, session: Session) -> None:
    def fill(dialog: QDialog) -> None:
        for name, text in (
            ("code", "LJ-NEW"),
            ("name_zh", "新增指标"),
            ("name_en", "A new indicator"),
            ("target_year", "2025"),
            ("target_value", "600"),
            ("baseline_year", "2020"),
            ("baseline_value", "300"),
        ):
            type_text(qtbot, dialog, name, text)
        press_ok(qtbot, dialog)

    area = reads.areas(session.workbook, lj2025(session).id or 0)[1]
    changes = with_dialog(
        qtbot, fill, lambda: plan_dialogs.new_target(None, session, lj2025(session).id, area.id)
    )

    assert isinstance(changes, Changes) and not changes.empty
    added = target(session, "LJ-NEW")
    assert added.area_id == area.id
    assert codes_in_order(session)[-1] == "LJ-NEW"
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Add target LJ-NEW"
    session.undo_stack.undo()
    assert reads.target_by_code(session.workbook, lj2025(session).id or 0, "LJ-NEW") is None
    session.undo_stack.redo()
    assert target(session, "LJ-NEW").name_zh == "新增指标"


def test_a_form_asks_for_a_changed_choice_but_not_for_an_empty_milestone_row(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(_parent: object, title: str, *_: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)

    def fill(dialog: QDialog) -> None:
        dialog.findChild(QPushButton, "milestones_add").click()  # a row left empty
        dialog.reject()
        assert not asked and not dialog.isVisible()

    gdp = target(session, "LJ-GDP")
    with_dialog(qtbot, fill, lambda: plan_dialogs.edit_target(None, session, gdp.id or 0))

    def monitor_only(dialog: QDialog) -> None:
        radio = next(r for r in dialog.findChildren(QRadioButton) if not r.isChecked())
        radio.setChecked(True)
        dialog.reject()
        assert asked == ["Discard What Was Typed?"] and dialog.isVisible()

    with_dialog(qtbot, monitor_only, lambda: plan_dialogs.edit_target(None, session, gdp.id or 0))


def test_cancelled_target_dialog_writes_nothing(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(_parent: object, title: str, *_: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Cancel if len(asked) == 1 else Discard

    Discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", answer)

    def fill(dialog: QDialog) -> None:
        dialog.reject()  # nothing typed yet: closed without a question
        assert not dialog.isVisible() and not asked

    assert (
        with_dialog(
            qtbot, fill, lambda: plan_dialogs.new_target(None, session, lj2025(session).id or 0)
        )
        is None
    )

    def type_then_cancel(dialog: QDialog) -> None:
        type_text(qtbot, dialog, "code", "LJ-NEW")
        type_text(qtbot, dialog, "name_en", "Never saved")
        dialog.reject()  # Esc or Cancel: asked first; "Cancel" keeps the form and its text
        assert dialog.isVisible() and asked == ["Discard What Was Typed?"]
        dialog.reject()  # "Discard"
        assert not dialog.isVisible()

    changes = with_dialog(
        qtbot,
        type_then_cancel,
        lambda: plan_dialogs.new_target(None, session, lj2025(session).id or 0),
    )
    assert changes is None and len(asked) == 2
    assert "LJ-NEW" not in codes_in_order(session)
    assert session.undo_stack.count() == 0


def test_edit_target_changes_its_baseline(qtbot: QtBot, session: Session) -> None:
    gdp = target(session, "LJ-GDP")

    def fill(dialog: QDialog) -> None:
        type_text(qtbot, dialog, "baseline_year", "2019")
        type_text(qtbot, dialog, "baseline_value", "3500")
        press_ok(qtbot, dialog)

    with_dialog(qtbot, fill, lambda: plan_dialogs.edit_target(None, session, gdp.id))
    edited = target(session, "LJ-GDP")
    assert (edited.baseline_year, edited.baseline_value) == (2019, 3500.0)
    assert session.undo_stack.undoText() == "Edit target LJ-GDP"
    session.undo_stack.undo()
    assert target(session, "LJ-GDP") == gdp


def test_delete_target_asks_first(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    gdp = target(session, "LJ-GDP")
    answers = answering(monkeypatch, yes=False)
    assert plan_dialogs.delete_target(None, session, gdp.id) is None
    assert "Delete target LJ-GDP and its 1 yearly figure?" in answers.questions[0]
    assert "undo" in answers.questions[0].lower()
    assert target(session, "LJ-GDP") == gdp
    assert session.undo_stack.count() == 0

    answering(monkeypatch, yes=True)
    changes = plan_dialogs.delete_target(None, session, gdp.id)
    assert changes is not None and gdp.id in changes.target_ids
    assert "LJ-GDP" not in codes_in_order(session)
    assert reads.observations(session.workbook, [gdp.id]) == []
    session.undo_stack.undo()
    assert target(session, "LJ-GDP") == gdp
    assert len(reads.observations(session.workbook, [gdp.id])) == 1


def test_move_target_within_its_area(qtbot: QtBot, session: Session) -> None:
    before = codes_in_order(session)
    share = target(session, "LJ-SHARE-GDP")
    assert before.index("LJ-SHARE-GDP") == before.index("LJ-GDP") + 1

    changes = plan_dialogs.move_target(None, session, share.id, -1)
    assert changes is not None
    after = codes_in_order(session)
    assert after.index("LJ-SHARE-GDP") == after.index("LJ-GDP") - 1
    assert sorted(after) == sorted(before)
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Move target LJ-SHARE-GDP up"

    assert plan_dialogs.move_target(None, session, share.id, -1) is None  # first of its area
    session.undo_stack.undo()
    assert codes_in_order(session) == before


# --- plans -------------------------------------------------------------------------------


def test_new_plan_checks_its_period_then_writes(qtbot: QtBot, session: Session) -> None:
    def fill(dialog: QDialog) -> None:
        type_text(qtbot, dialog, "code", "CQ2035")
        type_text(qtbot, dialog, "title_zh", "重庆市远景目标")
        type_text(qtbot, dialog, "title_en", "Chongqing long-range goals")
        type_text(qtbot, dialog, "issue_date", "2021-02-30")
        type_text(qtbot, dialog, "start_year", "2035")
        type_text(qtbot, dialog, "end_year", "2021")
        press_ok(qtbot, dialog)
        assert dialog.isVisible()
        assert "ends (2021) before it starts (2035)" in shown(dialog, "end_year")
        assert "2020-11-05" in shown(dialog, "issue_date")
        assert reads.plan_by_code(session.workbook, "CQ2035") is None

        type_text(qtbot, dialog, "issue_date", "2021年2月")  # as planners write it
        type_text(qtbot, dialog, "start_year", "2021")
        type_text(qtbot, dialog, "end_year", "2035")
        press_ok(qtbot, dialog)

    with_dialog(qtbot, fill, lambda: plan_dialogs.new_plan(None, session))
    plan = reads.plan_by_code(session.workbook, "CQ2035")
    assert plan is not None
    assert (plan.start_year, plan.end_year, plan.issue_date) == (2021, 2035, "2021-02")
    assert session.undo_stack.undoText() == "Add plan CQ2035"


def test_a_period_that_leaves_out_its_targets_years_is_said(qtbot: QtBot, session: Session) -> None:
    """LJ2025 edited to end in 2024, while its GDP target is for 2025: taken without a word."""
    seen: list[tuple[bool, str]] = []

    def fill(dialog: QDialog) -> None:
        note = dialog.findChild(QLabel, "period_note")
        assert note is not None and not note.isVisibleTo(dialog)
        type_text(qtbot, dialog, "end_year", "2024")
        seen.append((note.isVisibleTo(dialog), note.text()))
        press_ok(qtbot, dialog)  # a note, not a refusal

    with_dialog(qtbot, fill, lambda: plan_dialogs.edit_plan(None, session, lj2025(session).id or 0))
    assert seen == [
        (
            True,
            "Some of the plan's targets are set for years outside 2021–2024 (2025): check that"
            " the period is meant.",
        )
    ]
    assert lj2025(session).end_year == 2024


def test_duplicate_plan_code_keeps_the_dialog_open(qtbot: QtBot, session: Session) -> None:
    def fill(dialog: QDialog) -> None:
        type_text(qtbot, dialog, "code", "LJ2025")
        type_text(qtbot, dialog, "title_en", "A second plan")
        type_text(qtbot, dialog, "start_year", "2021")
        type_text(qtbot, dialog, "end_year", "2025")
        press_ok(qtbot, dialog)
        assert dialog.isVisible()
        assert "already exists" in shown(dialog, "code")

    assert with_dialog(qtbot, fill, lambda: plan_dialogs.new_plan(None, session)) is None
    assert session.undo_stack.count() == 0


def test_delete_plan_names_what_goes_with_it(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = lj2025(session)
    targets = reads.targets(session.workbook, plan.id)
    figures = reads.observations(session.workbook, [t.id for t in targets if t.id])
    areas = reads.areas(session.workbook, plan.id or 0)

    answers = answering(monkeypatch, yes=True)
    assert plan_dialogs.delete_plan(None, session, plan.id or 0) is not None
    question = answers.questions[0]
    assert f"Delete plan LJ2025 with its {len(areas)} areas" in question
    assert f"{len(targets)} targets and {len(figures)} yearly figures?" in question
    assert reads.plan_by_code(session.workbook, "LJ2025") is None
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert reads.plan_by_code(session.workbook, "LJ2025") == plan
    assert len(reads.targets(session.workbook, plan.id)) == len(targets)


# --- areas -------------------------------------------------------------------------------


def lj2025_first_area(session: Session) -> str:
    return reads.areas(session.workbook, lj2025(session).id or 0)[0].name_zh


def test_new_area_needs_a_name(qtbot: QtBot, session: Session) -> None:
    plan_id = lj2025(session).id or 0
    before = reads.areas(session.workbook, plan_id)

    def fill(dialog: QDialog) -> None:
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert f"Plan: {lj2025(session).title_en}" in labels  # which plan gets the area
        press_ok(qtbot, dialog)
        assert dialog.isVisible()
        assert shown(dialog, "name_en") == "The area needs a name"
        type_text(qtbot, dialog, "name_zh", lj2025_first_area(session))
        press_ok(qtbot, dialog)
        assert shown(dialog, "name_zh").startswith("The plan already has an area named")
        type_text(qtbot, dialog, "name_zh", "绿色发展")
        type_text(qtbot, dialog, "name_en", "Green development")
        press_ok(qtbot, dialog)

    with_dialog(qtbot, fill, lambda: plan_dialogs.new_area(None, session, plan_id))
    after = reads.areas(session.workbook, plan_id)
    assert len(after) == len(before) + 1
    assert (after[-1].name_zh, after[-1].name_en) == ("绿色发展", "Green development")
    assert session.undo_stack.undoText() == "Add area Green development"


def test_rename_and_move_area(qtbot: QtBot, session: Session) -> None:
    plan_id = lj2025(session).id or 0
    first, second = reads.areas(session.workbook, plan_id)[:2]

    def fill(dialog: QDialog) -> None:
        type_text(qtbot, dialog, "name_en", "Innovation")
        press_ok(qtbot, dialog)

    with_dialog(qtbot, fill, lambda: plan_dialogs.edit_area(None, session, first.id))
    assert reads.areas(session.workbook, plan_id)[0].name_en == "Innovation"

    assert plan_dialogs.move_area(None, session, first.id or 0, +1) is not None
    assert [a.id for a in reads.areas(session.workbook, plan_id)[:2]] == [second.id, first.id]
    assert session.undo_stack.undoText() == "Move area Innovation down"
    assert session.undo_stack.count() == 2


def test_delete_area_keeps_its_targets(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    gdp = target(session, "LJ-GDP")
    area_id = gdp.area_id or 0
    members = [t for t in reads.targets(session.workbook, gdp.plan_id) if t.area_id == area_id]

    answers = answering(monkeypatch, yes=False)
    assert plan_dialogs.delete_area(None, session, area_id) is None
    assert f"Its {len(members)} targets stay in the plan" in answers.questions[0]
    assert reads.area_by_id(session.workbook, area_id) is not None

    answering(monkeypatch, yes=True)
    assert plan_dialogs.delete_area(None, session, area_id) is not None
    assert reads.area_by_id(session.workbook, area_id) is None
    assert target(session, "LJ-GDP").area_id is None
    session.undo_stack.undo()
    assert target(session, "LJ-GDP").area_id == area_id


def test_questions_show_names_as_plain_text(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    gdp = target(session, "LJ-GDP")
    session.apply(
        ChangeName("Rename"), lambda wb: editing.update_target(wb, replace(gdp, name_en="<b>GDP"))
    )
    answers = answering(monkeypatch, yes=False)
    plan_dialogs.delete_target(None, session, gdp.id or 0)
    assert "&lt;b&gt;GDP" in answers.questions[0]
    assert "<b>GDP" not in answers.questions[0]


def test_deleting_an_empty_plan_says_it_is_empty(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = Plan("CQ-EMPTY", "空规划", "Empty plan", 2021, 2025)
    session.apply(ChangeName("Add"), lambda wb: editing.add_plan(wb, empty))
    plan = reads.plan_by_code(session.workbook, "CQ-EMPTY")
    assert plan is not None and plan.id is not None
    answers = answering(monkeypatch, yes=True)
    assert plan_dialogs.delete_plan(None, session, plan.id) is not None
    assert "Delete plan CQ-EMPTY? It has no areas or targets." in answers.questions[0]
    assert reads.plan_by_code(session.workbook, "CQ-EMPTY") is None


def test_the_next_plan_is_proposed_after_the_selected_one_and_made_in_one_step(
    qtbot: QtBot, window: Any
) -> None:
    from ljtracker.ui.actions import Act

    session = window.session
    earlier = lj2025(session)
    assert earlier.id is not None
    window.show_plan(earlier.id)
    action = window.commands[Act.NEXT_PLAN]
    assert action.isEnabled()
    proposed: dict[str, str] = {}

    def fill(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "New plan after LJ2025"
        code = dialog.findChild(QLineEdit, "code")
        assert code is not None
        assert code.placeholderText() == "e.g. LJ2030"  # not the earlier plan's own code
        for name in ("start_year", "end_year"):
            edit = dialog.findChild(QLineEdit, name)
            assert edit is not None
            proposed[name] = edit.text()
        note = dialog.findChild(QLabel, "carried_note")
        assert note is not None
        assert "the 10 indicators of LJ2025" in note.text()
        assert "0 of them have a figure of 2025" in note.text()  # no 2025 figure is in yet
        assert "also holds figures" not in note.text()
        type_text(qtbot, dialog, "code", "LJ2030")
        type_text(qtbot, dialog, "title_zh", "两江新区“十五五”规划")
        type_text(qtbot, dialog, "start_year", "2023")  # the 2023 figures are LJ2025's
        assert "LJ2025 also holds figures after 2022 (LJ-SHARE-GDP 2023, " in note.text()
        type_text(qtbot, dialog, "start_year", "2024")
        assert "6 of them have a figure of 2023" in note.text()
        assert "also holds figures" not in note.text()
        assert dialog.findChild(QLineEdit, "end_year").text() == "2028"  # the end follows
        assert code.placeholderText() == "e.g. LJ2028"
        type_text(qtbot, dialog, "end_year", "2035")
        assert code.placeholderText() == "e.g. LJ2035"
        press_ok(qtbot, dialog)
        assert "starts after 2025" in shown(dialog, "start_year")  # not the plan after it
        type_text(qtbot, dialog, "start_year", "2026")
        press_ok(qtbot, dialog)

    with_dialog(qtbot, fill, action.trigger)
    assert proposed == {"start_year": "2026", "end_year": "2030"}  # the next five years
    plan = reads.plan_by_code(session.workbook, "LJ2030")
    assert plan is not None and plan.id is not None
    carried = reads.targets(session.workbook, plan.id)
    assert len(carried) == len(reads.targets(session.workbook, earlier.id))
    assert all(t.is_monitoring for t in carried)  # their new targets are the planner's to set
    assert window.switcher.current_plan()[0] == plan.id  # shown at once
    assert session.undo_stack.undoText() == "Add plan LJ2030 after LJ2025"
    session.undo_stack.undo()
    assert reads.plan_by_code(session.workbook, "LJ2030") is None


@pytest.mark.parametrize(
    ("earlier", "proposed"),
    [
        ("LJ2025", "LJ2030"),
        ("CQ-2021", "CQ-2026"),
        ("LJ2021-2025", "LJ2026-2030"),
        ("CQ18", "CQ18-2030"),
        ("lj2025", "lj2030"),
    ],
)
def test_the_next_plan_s_code_is_proposed_from_the_earlier_one(earlier: str, proposed: str) -> None:
    plan = Plan(earlier, "规划", "Plan", 2021, 2025)
    assert next_code(plan, 2026, 2030) == proposed
