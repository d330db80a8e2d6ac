"""The target page of the demo's GDP target, as several window tests open it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ljtracker.storage import reads
from ljtracker.ui.session import Session
from ljtracker.ui.target_page import TargetPage


def gdp_page(qtbot: QtBot, session: Session) -> TargetPage:
    plan = reads.plan_by_code(session.workbook, "LJ2025")
    assert plan is not None and plan.id is not None
    target = reads.target_by_code(session.workbook, plan.id, "LJ-GDP")
    assert target is not None and target.id is not None
    page = TargetPage(session)
    qtbot.addWidget(page)
    page.show_target(target.id)
    return page
