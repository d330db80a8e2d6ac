"""The target page of a demo target (its GDP, unless another is named), as several window
tests open it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ljtracker.storage import reads
from ljtracker.ui.session import Session
from ljtracker.ui.target_page import TargetPage


def lj2025_page(qtbot: QtBot, session: Session, code: str = "LJ-GDP") -> TargetPage:
    """The page of LJ2025's GDP target, or of its target `code`."""
    plan = reads.plan_by_code(session.workbook, "LJ2025")
    assert plan is not None and plan.id is not None
    target = reads.target_by_code(session.workbook, plan.id, code)
    assert target is not None and target.id is not None
    page = TargetPage(session)
    qtbot.addWidget(page)
    page.show_target(target.id)
    return page
