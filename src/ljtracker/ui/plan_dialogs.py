"""Creating, editing, reordering and deleting plans, areas and targets from the window.

Each function returns the Changes it made, or None when the user cancelled or the change was
refused. Every change is one call of `Session.apply`: one transaction, one undo step.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ljtracker.domain import change_names as names
from ljtracker.domain import wording
from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Area, Plan, Target
from ljtracker.services import editing
from ljtracker.services.changes import Changes
from ljtracker.services.editing import EditError
from ljtracker.services.follow_on import follow_on_plan
from ljtracker.storage import reads
from ljtracker.storage.workbook import WorkbookError
from ljtracker.storage.writer import Entity
from ljtracker.ui.area_form import AreaForm
from ljtracker.ui.form_fields import FormDialog, area_name
from ljtracker.ui.i18n import error_text
from ljtracker.ui.plan_form import PlanForm
from ljtracker.ui.session import ServiceAction, Session
from ljtracker.ui.target_form import TargetForm

translate = QCoreApplication.translate
Answer = QMessageBox.StandardButton


def _run(form: FormDialog[Any]) -> Changes | None:
    try:
        accepted = form.exec() == QDialog.DialogCode.Accepted
        return form.changes if accepted else None
    finally:
        form.deleteLater()


def _paragraphs(*parts: str) -> str:
    """Message box text as escaped paragraphs: names typed by users are never read as markup."""
    return "".join(f"<p>{html.escape(part)}</p>" for part in parts if part)


def _gone(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, translate("PlanDialogs", "Not Found"), _paragraphs(message))


# --- plans -------------------------------------------------------------------------------


def new_plan(parent: QWidget | None, session: Session) -> Changes | None:
    def submit(plan: Plan) -> Changes:
        name = names.add_plan(plan.code)
        return session.apply(name, lambda wb: editing.add_plan(wb, plan, name))

    return _run(PlanForm(session, submit, parent))


def next_plan(parent: QWidget | None, session: Session, plan_id: int) -> Changes | None:
    """The plan that follows `plan_id`, with its areas and indicators (see follow_on)."""
    earlier = reads.plan_by_id(session.workbook, plan_id)
    if earlier is None:
        _gone(parent, translate("PlanDialogs", "The plan no longer exists."))
        return None

    def submit(plan: Plan) -> Changes:
        name = names.follow_on_plan(plan.code, earlier.code)
        return session.apply(name, lambda wb: follow_on_plan(wb, plan_id, plan, name))

    return _run(PlanForm(session, submit, parent, after=earlier))


def edit_plan(parent: QWidget | None, session: Session, plan_id: int) -> Changes | None:
    plan = reads.plan_by_id(session.workbook, plan_id)
    if plan is None:
        _gone(parent, translate("PlanDialogs", "The plan no longer exists."))
        return None

    def submit(edited: Plan) -> Changes:
        name = names.edit_plan(edited.code)
        return session.apply(name, lambda wb: editing.update_plan(wb, edited, name))

    return _run(PlanForm(session, submit, parent, plan=plan))


def delete_plan(parent: QWidget | None, session: Session, plan_id: int) -> Changes | None:
    wb = session.workbook
    plan = reads.plan_by_id(wb, plan_id)
    if plan is None:
        _gone(parent, translate("PlanDialogs", "The plan no longer exists."))
        return None
    targets = reads.targets(wb, plan_id)
    figures = len(reads.observations(wb, [t.id for t in targets if t.id is not None]))
    areas = len(reads.areas(wb, plan_id))
    if areas == 0 and not targets:
        question = translate("PlanDialogs", "Delete plan {code}? It has no areas or targets.")
    else:
        question = translate(
            "PlanDialogs", "Delete plan {code} with its {areas}, {targets} and {figures}?"
        )
    question = question.format(
        code=plan.code,
        areas=_areas_count(areas),
        targets=_targets_count(len(targets)),
        figures=_figures_count(figures),
    )
    title = wording.title(plan, session.lang)
    if not _confirm(parent, translate("PlanDialogs", "Delete Plan"), question, title):
        return None
    name = names.delete_plan(plan.code)
    return _apply_or_warn(parent, session, name, lambda wb: editing.delete_plan(wb, plan_id, name))


# --- areas -------------------------------------------------------------------------------


def new_area(parent: QWidget | None, session: Session, plan_id: int) -> Changes | None:
    def submit(area: Area) -> Changes:
        name = names.add_area(area)
        return session.apply(name, lambda wb: editing.add_area(wb, area, name))

    return _run(AreaForm(session, plan_id, submit, parent))


def edit_area(parent: QWidget | None, session: Session, area_id: int) -> Changes | None:
    area = reads.area_by_id(session.workbook, area_id)
    if area is None:
        _gone(parent, translate("PlanDialogs", "The area no longer exists."))
        return None

    def submit(edited: Area) -> Changes:
        name = names.rename_area(edited)
        return session.apply(name, lambda wb: editing.update_area(wb, edited, name))

    return _run(AreaForm(session, area.plan_id, submit, parent, area=area))


def delete_area(parent: QWidget | None, session: Session, area_id: int) -> Changes | None:
    wb = session.workbook
    area = reads.area_by_id(wb, area_id)
    if area is None:
        _gone(parent, translate("PlanDialogs", "The area no longer exists."))
        return None
    name = area_name(area, session.lang)
    members = sum(1 for t in reads.targets(wb, area.plan_id) if t.area_id == area_id)
    if members == 0:
        question = translate("PlanDialogs", "Delete the area “{name}”? It has no targets.")
    elif members == 1:
        question = translate(
            "PlanDialogs",
            "Delete the area “{name}”? Its target stays in the plan, without an area.",
        )
    else:
        question = translate(
            "PlanDialogs",
            "Delete the area “{name}”? Its {n} targets stay in the plan, without an area.",
        )
    question = question.format(name=name, n=members)
    if not _confirm(parent, translate("PlanDialogs", "Delete Area"), question):
        return None
    change = names.delete_area(area)
    return _apply_or_warn(
        parent, session, change, lambda wb: editing.delete_area(wb, area_id, change)
    )


def move_area(parent: QWidget | None, session: Session, area_id: int, delta: int) -> Changes | None:
    """Move an area one place up (delta -1) or down (+1) among its plan's areas."""
    area = reads.area_by_id(session.workbook, area_id)
    if area is None:
        return None
    order = [a.id for a in reads.areas(session.workbook, area.plan_id) if a.id is not None]
    moved = _swapped(order, area_id, order, delta)
    if moved is None:
        return None
    name = names.move_area(area, up=delta < 0)
    return _apply_or_warn(
        parent, session, name, lambda wb: editing.move(wb, Entity.AREA, moved, name)
    )


# --- targets -----------------------------------------------------------------------------


def new_target(
    parent: QWidget | None, session: Session, plan_id: int, area_id: int | None = None
) -> Changes | None:
    def submit(target: Target) -> Changes:
        name = names.add_target(target.code)
        return session.apply(name, lambda wb: editing.add_target(wb, target, name))

    return _run(TargetForm(session, plan_id, submit, parent, area_id=area_id))


def edit_target(parent: QWidget | None, session: Session, target_id: int) -> Changes | None:
    target = reads.target_by_id(session.workbook, target_id)
    if target is None:
        _gone(parent, translate("PlanDialogs", "The target no longer exists."))
        return None

    def submit(edited: Target) -> Changes:
        name = names.edit_target(edited.code)
        return session.apply(name, lambda wb: editing.update_target(wb, edited, name))

    return _run(TargetForm(session, target.plan_id, submit, parent, target=target))


def delete_target(parent: QWidget | None, session: Session, target_id: int) -> Changes | None:
    target = reads.target_by_id(session.workbook, target_id)
    if target is None:
        _gone(parent, translate("PlanDialogs", "The target no longer exists."))
        return None
    figures = len(reads.observations(session.workbook, [target_id]))
    if figures == 0:
        question = translate("PlanDialogs", "Delete target {code}? It has no yearly figures.")
    elif figures == 1:
        question = translate("PlanDialogs", "Delete target {code} and its 1 yearly figure?")
    else:
        question = translate("PlanDialogs", "Delete target {code} and its {n} yearly figures?")
    question = question.format(code=target.code, n=figures)
    name = wording.name(target, session.lang)
    if not _confirm(parent, translate("PlanDialogs", "Delete Target"), question, name):
        return None
    change = names.delete_target(target.code)
    return _apply_or_warn(
        parent, session, change, lambda wb: editing.delete_target(wb, target_id, change)
    )


def move_target(
    parent: QWidget | None, session: Session, target_id: int, delta: int
) -> Changes | None:
    """Move a target one place up (delta -1) or down (+1) past its neighbour in the same area
    (the order the navigator shows); the whole plan's order is written as one change."""
    wb = session.workbook
    target = reads.target_by_id(wb, target_id)
    if target is None:
        return None
    plan_targets = reads.targets(wb, target.plan_id)
    order = [t.id for t in plan_targets if t.id is not None]
    siblings = [t.id for t in plan_targets if t.id is not None and t.area_id == target.area_id]
    moved = _swapped(order, target_id, siblings, delta)
    if moved is None:
        return None
    name = names.move_target(target.code, up=delta < 0)
    return _apply_or_warn(
        parent, session, name, lambda wb: editing.move(wb, Entity.TARGET, moved, name)
    )


# --- helpers -----------------------------------------------------------------------------


def _swapped(order: list[int], item: int, siblings: list[int], delta: int) -> list[int] | None:
    """`order` with `item` and its neighbour `delta` places away among `siblings` swapped."""
    index = siblings.index(item)
    if delta == 0 or not 0 <= index + delta < len(siblings):
        return None
    neighbour = siblings[index + delta]
    swapped = list(order)
    i, j = swapped.index(item), swapped.index(neighbour)
    swapped[i], swapped[j] = swapped[j], swapped[i]
    return swapped


def _confirm(parent: QWidget | None, title: str, question: str, detail: str = "") -> bool:
    undo_note = translate("PlanDialogs", "You can undo this with Edit ▸ Undo.")
    text = _paragraphs(question, detail, undo_note)
    answer = QMessageBox.question(parent, title, text, Answer.Yes | Answer.No, Answer.No)
    return answer == Answer.Yes


def _apply_or_warn(
    parent: QWidget | None, session: Session, name: ChangeName, action: ServiceAction
) -> Changes | None:
    try:
        return session.apply(name, action)
    except (EditError, WorkbookError) as e:
        title = name.text(session.lang)
        QMessageBox.warning(parent, title, _paragraphs(error_text(e, session.lang)))
        return None


def _areas_count(n: int) -> str:
    if n == 1:
        return translate("PlanDialogs", "1 area")
    return translate("PlanDialogs", "{n} areas").format(n=n)


def _targets_count(n: int) -> str:
    if n == 1:
        return translate("PlanDialogs", "1 target")
    return translate("PlanDialogs", "{n} targets").format(n=n)


def _figures_count(n: int) -> str:
    if n == 1:
        return translate("PlanDialogs", "1 yearly figure")
    return translate("PlanDialogs", "{n} yearly figures").format(n=n)
