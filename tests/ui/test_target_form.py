"""The target form, driven through its widgets: what it writes, what it refuses and why."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from dialogs import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Comparator, Direction, Milestone, Target
from ljtracker.services import clock, editing
from ljtracker.services.changes import Changes
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook
from ljtracker.ui import i18n
from ljtracker.ui.session import Session
from ljtracker.ui.target_form import TargetForm


def plan_id(session: Session) -> int:
    plan = reads.plan_by_code(session.workbook, "LJ2025")
    assert plan is not None and plan.id is not None
    return plan.id


def open_form(qtbot: QtBot, session: Session, target: Target | None = None) -> TargetForm:
    def submit(t: Target) -> Changes:
        if t.id is None:
            return session.apply(ChangeName("Add"), lambda wb: editing.add_target(wb, t))
        return session.apply(ChangeName("Edit"), lambda wb: editing.update_target(wb, t))

    form = TargetForm(session, plan_id(session), submit, target=target)
    qtbot.addWidget(form)
    form.show()
    return form


def line(form: TargetForm, name: str) -> QLineEdit:
    widget = form.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def combo(form: TargetForm, name: str) -> QComboBox:
    widget = form.findChild(QComboBox, name)
    assert widget is not None, name
    return widget


def message(form: TargetForm, name: str) -> QLabel:
    label = form.findChild(QLabel, f"{name}_message")
    assert label is not None, name
    return label


def shown(form: TargetForm, name: str) -> str:
    label = message(form, name)
    return label.text() if label.isVisibleTo(form) else ""


def choose(form: TargetForm, name: str, text: str) -> None:
    box = combo(form, name)
    index = box.findText(text)
    assert index >= 0, (name, text)
    box.setCurrentIndex(index)


def press_ok(qtbot: QtBot, form: TargetForm) -> None:
    buttons = form.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def fill_new_target(qtbot: QtBot, form: TargetForm, code: str = "LJ-NEW") -> None:
    type_text(qtbot, form, "code", code)
    type_text(qtbot, form, "name_zh", "新增指标")
    type_text(qtbot, form, "name_en", "A new indicator")
    type_text(qtbot, form, "unit", "亿元")
    choose(form, "comparator", "At least")
    type_text(qtbot, form, "target_year", "2025")
    type_text(qtbot, form, "target_value", "600")
    type_text(qtbot, form, "baseline_year", "2020")
    type_text(qtbot, form, "baseline_value", "300")


def saved(session: Session, code: str) -> Target | None:
    return reads.target_by_code(session.workbook, plan_id(session), code)


def test_filled_form_writes_the_target(qtbot: QtBot, session: Session) -> None:
    form = open_form(qtbot, session)
    fill_new_target(qtbot, form)
    choose(form, "kind", "Binding (约束性)")
    press_ok(qtbot, form)

    assert not form.isVisible()
    target = saved(session, "LJ-NEW")
    assert target is not None
    assert (target.name_zh, target.name_en, target.unit) == ("新增指标", "A new indicator", "亿元")
    assert target.comparator is Comparator.AT_LEAST
    assert (target.target_year, target.target_value) == (2025, 600.0)
    assert (target.baseline_year, target.baseline_value) == (2020, 300.0)
    assert target.kind.value == "binding"
    assert target.tolerance is None and target.direction is None
    assert session.undo_stack.count() == 1


def test_tolerance_is_only_open_for_about(qtbot: QtBot, session: Session) -> None:
    form = open_form(qtbot, session)
    tolerance = line(form, "tolerance")
    assert not tolerance.isEnabled()
    choose(form, "comparator", "At most")
    assert not tolerance.isEnabled()
    choose(form, "comparator", "About (a band)")
    assert tolerance.isEnabled()

    fill_new_target(qtbot, form, "LJ-BAND")
    choose(form, "comparator", "About (a band)")
    press_ok(qtbot, form)
    assert "positive tolerance" in shown(form, "tolerance")
    assert saved(session, "LJ-BAND") is None

    type_text(qtbot, form, "tolerance", "±0.5")  # as the field's placeholder invites
    press_ok(qtbot, form)
    target = saved(session, "LJ-BAND")
    assert target is not None
    assert (target.comparator, target.tolerance) == (Comparator.ABOUT, 0.5)


def test_monitoring_only_asks_for_a_direction(qtbot: QtBot, session: Session) -> None:
    form = open_form(qtbot, session)
    direction = combo(form, "direction")
    assert not direction.isEnabled()
    type_text(qtbot, form, "code", "LJ-WATCH")
    type_text(qtbot, form, "name_en", "Watched share")
    type_text(qtbot, form, "target_year", "2025")  # ignored once monitoring is chosen
    monitoring = form.findChild(QRadioButton, "monitoring")
    assert monitoring is not None
    qtbot.mouseClick(monitoring, Qt.MouseButton.LeftButton)
    assert direction.isEnabled()
    for name in ("comparator", "target_year", "target_value", "tolerance"):
        assert not form.findChild(QWidget, name).isEnabled(), name
    choose(form, "direction", "Decrease")
    press_ok(qtbot, form)

    target = saved(session, "LJ-WATCH")
    assert target is not None
    assert target.is_monitoring and target.direction is Direction.DECREASE
    assert target.target_year is None


def test_target_year_before_baseline_is_refused(qtbot: QtBot, session: Session) -> None:
    form = open_form(qtbot, session)
    fill_new_target(qtbot, form)
    type_text(qtbot, form, "target_year", "2019")
    press_ok(qtbot, form)

    assert form.isVisible()
    text = shown(form, "target_year")
    assert "2019" in text and "must come after the baseline year" in text
    assert saved(session, "LJ-NEW") is None
    assert session.undo_stack.count() == 0


def test_a_baseline_year_still_to_come_is_refused_at_its_field(
    qtbot: QtBot, session: Session
) -> None:
    coming = clock.this_year() + 1
    form = open_form(qtbot, session)
    fill_new_target(qtbot, form)
    type_text(qtbot, form, "target_year", str(coming + 3))
    type_text(qtbot, form, "baseline_year", str(coming))
    press_ok(qtbot, form)

    assert form.isVisible()
    assert shown(form, "baseline_year").startswith(
        f"The baseline year {coming} has not come yet (this is {coming - 1})"
    )
    assert saved(session, "LJ-NEW") is None and session.undo_stack.count() == 0


def test_problems_are_shown_in_the_session_language(demo_path: Path, qtbot: QtBot) -> None:
    session = Session(Workbook.open(demo_path), lang="zh")
    try:
        form = open_form(qtbot, session)
        fill_new_target(qtbot, form)
        type_text(qtbot, form, "target_year", "2019")
        type_text(qtbot, form, "target_value", "六百")
        press_ok(qtbot, form)
        assert "必须晚于基期年份" in shown(form, "target_year")
        assert "中文数字" in shown(form, "target_value")
    finally:
        session.close()


def test_bad_number_is_explained_at_its_field(qtbot: QtBot, session: Session) -> None:
    form = open_form(qtbot, session)
    fill_new_target(qtbot, form)
    type_text(qtbot, form, "target_value", "12abc")
    press_ok(qtbot, form)

    assert '"12abc" is not a number' in shown(form, "target_value")
    assert saved(session, "LJ-NEW") is None

    type_text(qtbot, form, "target_value", "1,200")
    assert shown(form, "target_value") == ""  # the message follows the text as it is typed
    press_ok(qtbot, form)
    target = saved(session, "LJ-NEW")
    assert target is not None and target.target_value == 1200.0


def test_a_year_out_of_range_is_the_only_thing_said_of_the_baseline(
    qtbot: QtBot, session: Session
) -> None:
    """Until it reads, the year counted as empty, and the baseline was said to lack a year and
    its quality to lack a baseline, beside a year and a value typed in."""
    form = open_form(qtbot, session)
    fill_new_target(qtbot, form)
    choose(form, "baseline_quality", "Official")
    type_text(qtbot, form, "baseline_year", "1850")
    press_ok(qtbot, form)

    assert "outside the accepted years" in shown(form, "baseline_year")
    assert shown(form, "baseline_value") == ""
    assert shown(form, "baseline_quality") == ""
    assert saved(session, "LJ-NEW") is None

    type_text(qtbot, form, "baseline_year", "2026")  # read, and after the target year
    assert "must come after the baseline year" in shown(form, "target_year")
    type_text(qtbot, form, "baseline_year", "2020")
    press_ok(qtbot, form)
    assert saved(session, "LJ-NEW") is not None


def test_changing_the_unit_says_the_numbers_keep_their_value(
    qtbot: QtBot, session: Session
) -> None:
    gdp = saved(session, "LJ-GDP")
    assert gdp is not None
    form = open_form(qtbot, session, gdp)
    note = form.findChild(QLabel, "unit_note")
    assert note is not None and not note.isVisibleTo(form)

    type_text(qtbot, form, "unit", "万元")
    assert note.isVisibleTo(form)
    figures = len(reads.observations(session.workbook, [gdp.id or 0]))
    assert note.text() == (
        f"The unit changes from 亿元 to 万元, but the numbers stay: the baseline, the target"
        f" and every yearly figure entered ({figures}) will read in 万元. If the amounts"
        " changed, not only the unit's name, convert them too."
    )
    type_text(qtbot, form, "unit", "亿元")
    assert not note.isVisibleTo(form)
    watched = saved(session, "LJ-SHARE-IND")  # a monitoring indicator: no target value
    assert watched is not None
    other = open_form(qtbot, session, watched)
    type_text(qtbot, other, "unit", "‰")
    assert (
        other.findChild(QLabel, "unit_note")
        .text()
        .startswith(
            "The unit changes from % to ‰, but the numbers stay: the baseline and every yearly"
            " figure entered (2) will read in ‰."
        )
    )
    assert not open_form(qtbot, session).findChild(QLabel, "unit_note").isVisibleTo(form)


def test_a_target_year_outside_the_plan_s_period_is_said(qtbot: QtBot, session: Session) -> None:
    """2035 in a plan for 2021–2025 was taken without a word; a long-range goal may be
    meant, a slip of the keyboard too."""
    gdp = saved(session, "LJ-GDP")
    assert gdp is not None
    form = open_form(qtbot, session, gdp)
    note = form.findChild(QLabel, "period_note")
    assert note is not None and not note.isVisibleTo(form)
    type_text(qtbot, form, "target_year", "2035")
    assert note.isVisibleTo(form)
    assert note.text() == (
        "The target year 2035 is after the plan's period, 2021–2025: check that it is meant."
    )
    press_ok(qtbot, form)  # a note, not a refusal
    after = saved(session, "LJ-GDP")
    assert after is not None and after.target_year == 2035
    again = open_form(qtbot, session, after)
    type_text(qtbot, again, "target_year", "2025")
    assert not again.findChild(QLabel, "period_note").isVisibleTo(again)


def form_with_goal(
    qtbot: QtBot, session: Session, baseline: str, goal: str, comparator: int
) -> tuple[TargetForm, QLabel]:
    """A new target's form with its baseline, goal and comparator typed, and its goal note."""
    form = open_form(qtbot, session)
    note = form.findChild(QLabel, "goal_note")
    assert note is not None
    type_text(qtbot, form, "baseline_value", baseline)
    type_text(qtbot, form, "target_value", goal)
    combo(form, "comparator").setCurrentIndex(comparator)
    return form, note


def add_milestone(qtbot: QtBot, form: TargetForm, year: str, value: str) -> QTableWidget:
    table = form.findChild(QTableWidget, "milestones")
    assert table is not None
    qtbot.mouseClick(form.findChild(QPushButton, "milestones_add"), Qt.MouseButton.LeftButton)
    row = table.rowCount() - 1
    table.item(row, 0).setText(year)
    table.item(row, 1).setText(value)
    return table


def test_a_baseline_that_already_meets_the_goal_is_said(qtbot: QtBot, session: Session) -> None:
    """Energy use per unit of GDP "at least 0.40" from 0.46 was taken without a word and read
    "target achieved" from the first figure: the plan meant a fall."""
    form, note = form_with_goal(qtbot, session, "0.46", "0.40", 0)  # at least
    assert note.isVisibleTo(form)
    assert note.text() == (
        'The baseline, 0.46, is already above 0.4: "at least" makes this a target met from the'
        ' start, to hold. If the plan means a fall to 0.4, choose "at most".'
    )
    combo(form, "comparator").setCurrentIndex(1)  # at most: a fall to reach
    assert not note.isVisibleTo(form)
    type_text(qtbot, form, "target_value", "0.50")  # at most 0.50 from 0.46: one to hold
    assert note.isVisibleTo(form) and "already below 0.5" in note.text()
    combo(form, "comparator").setCurrentIndex(2)  # a band around the baseline is to hold
    assert not note.isVisibleTo(form)


def test_a_milestone_that_runs_against_the_goal_is_said(qtbot: QtBot, session: Session) -> None:
    """A milestone of 4.3 (for 43) on the way from 42 to at least 45 was taken without a
    word, and the target read "deterioration" against the path through it."""
    form, note = form_with_goal(qtbot, session, "42", "45", 0)  # at least
    table = add_milestone(qtbot, form, "2023", "4.3")
    assert note.isVisibleTo(form)
    assert note.text() == (
        "The 2023 milestone, 4.3, is below the baseline 42, though the target rises to 45:"
        " check it."
    )
    table.item(0, 1).setText("43")
    assert not note.isVisibleTo(form)
    i18n.install("zh")
    try:
        chinese, said = form_with_goal(qtbot, session, "0.46", "0.40", 1)  # at most: a fall
        add_milestone(qtbot, chinese, "2023", "0.48")
        assert said.text() == "2023年阶段目标 0.48 高于基期值 0.46，而目标是降至 0.4：请核对。"
    finally:
        i18n.install("en")


def test_an_approximate_goal_points_to_the_band_comparator(qtbot: QtBot, session: Session) -> None:
    """ "约90%" as a target value was told to mark its quality an estimate, which a target
    value has not."""
    form = open_form(qtbot, session)
    type_text(qtbot, form, "unit", "%")
    type_text(qtbot, form, "target_value", "约90%")
    press_ok(qtbot, form)
    assert shown(form, "target_value") == (
        '"约90%" is an approximate amount; enter the number alone: a target of about a value'
        ' takes the comparator "About (a band)".'
    )
    type_text(qtbot, form, "baseline_value", "约85%")  # a figure: its quality can say so
    assert "its quality can say it is an estimate" in shown(form, "baseline_value")


def test_duplicate_code_keeps_the_dialog_open(qtbot: QtBot, session: Session) -> None:
    form = open_form(qtbot, session)
    fill_new_target(qtbot, form, "LJ-GDP")
    press_ok(qtbot, form)

    assert form.isVisible()
    assert "already has a target with the code LJ-GDP" in shown(form, "code")
    assert session.undo_stack.count() == 0
    assert saved(session, "LJ-GDP").name_en == "GDP of the whole new area"  # type: ignore[union-attr]


def test_milestones_are_added_and_checked(qtbot: QtBot, session: Session) -> None:
    form = open_form(qtbot, session)
    fill_new_target(qtbot, form)
    table = form.findChild(QTableWidget, "milestones")
    add = form.findChild(QPushButton, "milestones_add")
    assert table is not None and add is not None
    for _ in range(2):
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    for row, (year, value) in enumerate((("2023", "450"), ("2023", "48O"))):
        table.item(row, 0).setText(year)
        table.item(row, 1).setText(value)
    press_ok(qtbot, form)
    assert shown(form, "milestones").startswith('Row 2: "48O" is not a number')

    table.item(1, 1).setText("480")
    press_ok(qtbot, form)
    assert "two milestones for 2023" in shown(form, "milestones")

    table.setCurrentCell(1, 0)
    qtbot.mouseClick(form.findChild(QPushButton, "milestones_remove"), Qt.MouseButton.LeftButton)
    type_text(qtbot, form, "natural_limit", "400")  # a milestone past it is refused
    press_ok(qtbot, form)
    assert "The 2023 milestone 450 is above the indicator's natural limit of 400" in shown(
        form, "milestones"
    )
    type_text(qtbot, form, "natural_limit", "")
    press_ok(qtbot, form)
    target = saved(session, "LJ-NEW")
    assert target is not None and target.milestones == (Milestone(2023, 450.0),)


def test_the_trajectory_is_closed_while_milestones_make_the_path(
    qtbot: QtBot, session: Session
) -> None:
    form = open_form(qtbot, session)
    fill_new_target(qtbot, form)
    trajectory = combo(form, "trajectory")
    assert trajectory.isEnabled()
    table = form.findChild(QTableWidget, "milestones")
    assert table is not None
    qtbot.mouseClick(form.findChild(QPushButton, "milestones_add"), Qt.MouseButton.LeftButton)
    table.item(0, 0).setText("2023")
    table.item(0, 1).setText("450")
    assert not trajectory.isEnabled()
    assert trajectory.toolTip() == (
        "With milestones, the planned path runs straight from one to the next"
    )
    qtbot.mouseClick(form.findChild(QPushButton, "milestones_remove"), Qt.MouseButton.LeftButton)
    assert trajectory.isEnabled() and trajectory.toolTip() == ""


def test_editing_the_baseline_updates_the_target(qtbot: QtBot, session: Session) -> None:
    before = saved(session, "LJ-GDP")
    assert before is not None
    form = open_form(qtbot, session, before)
    assert line(form, "baseline_value").text() == "3750"
    assert combo(form, "baseline_quality").currentText() == "Estimate"
    type_text(qtbot, form, "baseline_value", "3,800")
    press_ok(qtbot, form)

    after = saved(session, "LJ-GDP")
    assert after is not None
    assert after.baseline_value == 3800.0
    assert after == replace(before, baseline_value=3800.0)


def test_unchanged_target_records_nothing(qtbot: QtBot, session: Session) -> None:
    for code in ("LJ-GDP", "LJ-SHARE-GDP"):
        target = saved(session, code)
        form = open_form(qtbot, session, target)
        press_ok(qtbot, form)
        assert not form.isVisible(), shown(form, "form")
    assert session.undo_stack.count() == 0


def test_a_missing_name_is_asked_for_beneath_the_name_in_the_window_language(
    qtbot: QtBot, session: Session
) -> None:
    """A Chinese window said 指标需要名称 beneath the English name, though a Chinese name alone
    is enough."""
    session.lang = "zh"
    form = open_form(qtbot, session)
    type_text(qtbot, form, "code", "LJ-NEW")
    press_ok(qtbot, form)
    assert shown(form, "name_zh") == "指标需要名称"
    assert shown(form, "name_en") == ""
    session.lang = "en"
    english = open_form(qtbot, session)
    type_text(qtbot, english, "code", "LJ-NEW")
    press_ok(qtbot, english)
    assert shown(english, "name_en") == "The target needs a name"


def refuse_four_fields(qtbot: QtBot, form: TargetForm) -> None:
    """OK on a form with four fields a planner got wrong: four messages at once."""
    type_text(qtbot, form, "code", "FOREST")
    type_text(qtbot, form, "target_year", "2030年底")
    type_text(qtbot, form, "target_value", "about fifty")
    type_text(qtbot, form, "baseline_year", "2020")
    type_text(qtbot, form, "baseline_value", "52.5 percent")
    press_ok(qtbot, form)
    QApplication.processEvents()


def test_many_messages_at_once_make_the_form_grow_rather_than_squeeze_a_field(
    qtbot: QtBot, session: Session
) -> None:
    """Four messages at once squeezed the English name's box to a thin line."""
    form = open_form(qtbot, session)
    before = form.height()
    refuse_four_fields(qtbot, form)
    assert form.height() > before
    for edit in form.findChildren(QLineEdit):
        if edit.isVisibleTo(form):
            assert edit.height() >= edit.minimumSizeHint().height(), edit.objectName()


def test_a_growing_form_stays_on_the_screen(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Grown for its messages on a short screen, the form's OK button went past the edge."""
    from PySide6.QtCore import QRect

    class ShortScreen:
        def availableGeometry(self) -> QRect:
            return QRect(0, 0, 1366, 620)

    monkeypatch.setattr(TargetForm, "screen", lambda self: ShortScreen())
    form = open_form(qtbot, session)
    form.move(0, 63)
    refuse_four_fields(qtbot, form)
    assert form.frameGeometry().bottom() < 620


def test_the_form_is_about_as_wide_in_chinese_as_in_english(
    qtbot: QtBot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Chinese font's average character is a full-width one: measured by it, the form asked
    for 1,680 pixels, and its OK button lay past the edge of a laptop's screen."""
    from PySide6.QtCore import QRect

    class LaptopScreen:
        def availableGeometry(self) -> QRect:
            return QRect(0, 0, 1366, 728)

    monkeypatch.setattr(TargetForm, "screen", lambda self: LaptopScreen())
    widths = {}
    try:
        for lang in ("en", "zh"):
            i18n.install(lang)
            session = Session(Workbook.open(demo_path), lang=lang)
            try:
                widths[lang] = open_form(qtbot, session).minimumWidth()
            finally:
                session.close()
    finally:
        i18n.install("en")
    assert widths["zh"] <= widths["en"] * 1.1
    assert widths["zh"] < 1366


def test_every_input_of_the_form_is_named_for_a_screen_reader(
    qtbot: QtBot, session: Session
) -> None:
    form = open_form(qtbot, session)
    assert line(form, "code").accessibleName() == "Code"
    assert combo(form, "comparator").accessibleName() == "Comparator"
    unnamed = [
        w.objectName()
        for w in form.findChildren(QWidget)
        if isinstance(w, QLineEdit | QComboBox) and w.isVisibleTo(form) and not w.accessibleName()
    ]
    assert unnamed == []
