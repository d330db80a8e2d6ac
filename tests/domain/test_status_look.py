"""Each status looks the same wherever it is shown, and can be read without telling colours."""

from __future__ import annotations

import pytest

from ljtracker.domain.model import Status
from ljtracker.domain.status_look import STATUS_LOOKS


def _luminance(hex_color: str) -> float:
    """Relative luminance (WCAG 2)."""
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_status_has_its_own_colour_and_symbol() -> None:
    assert set(STATUS_LOOKS) == set(Status)
    looks = STATUS_LOOKS.values()
    assert len({look.color for look in looks}) == len(Status)
    assert len({look.symbol for look in looks}) == len(Status)


@pytest.mark.parametrize("status", list(Status))
def test_texts_on_a_status_colour_can_be_read(status: Status) -> None:
    look = STATUS_LOOKS[status]
    assert _contrast(look.ink, look.tint) >= 4.5  # a spreadsheet's status cell (WCAG AA)
    assert _contrast(look.on_color, look.color) >= 3.0  # a bold count on a report's status bar


def test_the_window_and_the_report_draw_a_status_in_the_same_colour() -> None:
    from ljtracker.report import style
    from ljtracker.ui import status_style

    for status, look in STATUS_LOOKS.items():
        assert status_style.color(status).name() == look.color.lower()
        assert style.status_color(status).name() == look.color.lower()
