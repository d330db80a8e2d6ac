"""How each status is told apart wherever it is shown (window, printed report, spreadsheet):
a colour from the Okabe–Ito palette, which colour-blind readers can tell apart and which reads
on light and dark backgrounds, and a symbol, so that a status never rests on colour alone."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NamedTuple

from ljtracker.domain.model import Status


class StatusLook(NamedTuple):
    color: str  # icons, chart points, bars
    symbol: str  # for places that show text only
    on_color: str  # text drawn on a bar of `color`
    tint: str  # a light fill of the same hue (a spreadsheet cell)
    ink: str  # dark text of the same hue, readable on `tint`


STATUS_LOOKS: dict[Status, StatusLook] = {
    Status.TARGET_ACHIEVED: StatusLook("#009E73", "★", "#ffffff", "#D5F0E6", "#00674B"),
    Status.ON_TRACK: StatusLook("#0072B2", "✓", "#ffffff", "#D6E8F5", "#004A75"),
    Status.NEEDS_ACCELERATION: StatusLook("#E69F00", "▲", "#1a1a1a", "#FCEFD2", "#7A5400"),
    Status.LIMITED_PROGRESS: StatusLook("#D55E00", "◆", "#ffffff", "#F9DFCC", "#8A3D00"),
    Status.DETERIORATION: StatusLook("#CC3311", "✕", "#ffffff", "#F5D6D0", "#8C2210"),
    Status.NOT_ASSESSABLE: StatusLook("#888888", "–", "#ffffff", "#EEEEEE", "#555555"),
}


MISSED: Literal["missed"] = "missed"
# what a target is counted and marked as: its status, or MISSED once its year has come unmet
# (the result, what matters then; its pace is said beside it)
Shown = Status | Literal["missed"]
MISSED_LOOK = StatusLook("#CC79A7", "!", "#1a1a1a", "#F5E1EC", "#7A3A5E")


def shown_as(status: Status, missed: bool) -> Shown:
    """What a target with this status is counted and marked as, its year come unmet or not."""
    return MISSED if missed and status is not Status.TARGET_ACHIEVED else status


def counted_as(shown: Iterable[Shown]) -> list[Shown]:
    """What targets shown so are counted under, in order: every status, and MISSED before the
    not assessable when some target is marked so."""
    order: list[Shown] = list(Status)
    if MISSED in set(shown):
        order.insert(order.index(Status.NOT_ASSESSABLE), MISSED)
    return order


def every_shown() -> list[Shown]:
    """Everything a target may be counted and marked as, in the order of the counts."""
    return counted_as([MISSED])


def shown_from(value: str) -> Shown:
    """What a stored or typed word ("on_track", "missed") names; ValueError when nothing."""
    return MISSED if value == MISSED else Status(value)


def look_of(shown: Shown) -> StatusLook:
    return MISSED_LOOK if shown == MISSED else STATUS_LOOKS[Status(shown)]
