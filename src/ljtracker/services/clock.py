"""The year it is, for what only a year that has begun can hold."""

from __future__ import annotations

import datetime


def this_year() -> int:
    return datetime.date.today().year
