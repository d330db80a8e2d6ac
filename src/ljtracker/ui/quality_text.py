"""A figure's quality in words (official, preliminary, estimate), and read back from a cell."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication

from ljtracker.domain.model import Quality
from ljtracker.sheets.template import enum_from_text

QUALITIES = (Quality.OFFICIAL, Quality.PRELIMINARY, Quality.ESTIMATE)


def quality_label(quality: Quality) -> str:
    labels = {
        Quality.OFFICIAL: QCoreApplication.translate("Quality", "Official"),
        Quality.PRELIMINARY: QCoreApplication.translate("Quality", "Preliminary"),
        Quality.ESTIMATE: QCoreApplication.translate("Quality", "Estimate"),
    }
    return labels[quality]


class QualityError(ValueError):
    """A cell that names no quality; the message lists the accepted words."""


def parse_quality(text: str) -> Quality | None:
    """The quality a cell names, None for an empty cell; QualityError otherwise."""
    key = text.strip().casefold()
    if not key:
        return None
    for quality in QUALITIES:
        if key == quality_label(quality).casefold():
            return quality
    with contextlib.suppress(ValueError):
        return enum_from_text(Quality, text)  # the words an import reads
    accepted = QCoreApplication.translate("Quality", ", ").join(quality_label(q) for q in QUALITIES)
    raise QualityError(
        QCoreApplication.translate(
            "Quality", '"{text}" is not a quality; use one of: {accepted}.'
        ).format(text=text.strip(), accepted=accepted)
    )
