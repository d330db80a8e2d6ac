"""A message that lists what was refused beneath its heading, one line each."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

MAX_LISTED = 12


def listed(heading: str, items: Sequence[str]) -> str:
    """The heading and the items as bullets, the first MAX_LISTED of them and how many more."""
    shown = ["• " + item for item in items[:MAX_LISTED]]
    if len(items) > MAX_LISTED:
        shown.append(
            QCoreApplication.translate("Clipboard", "… and {count} more.").format(
                count=len(items) - MAX_LISTED
            )
        )
    return "\n".join([heading, *shown])
