"""A figure's quality in words (official, preliminary, estimate), and read back from a cell."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ljtracker.domain.model import Quality

QUALITIES = (Quality.OFFICIAL, Quality.PRELIMINARY, Quality.ESTIMATE)

# What people write in a spreadsheet's quality column, besides the labels the window shows.
_ALIASES: dict[Quality, tuple[str, ...]] = {
    Quality.OFFICIAL: ("official", "final", "正式", "正式数", "正式值", "最终"),
    Quality.PRELIMINARY: ("preliminary", "prelim", "初步", "初步数", "初步核算", "快报", "快报数"),
    Quality.ESTIMATE: ("estimate", "estimated", "est", "估算", "估计", "估计数", "估算数", "测算"),
}


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
        if key == quality_label(quality).casefold() or key in _ALIASES[quality]:
            return quality
    accepted = QCoreApplication.translate("Quality", ", ").join(quality_label(q) for q in QUALITIES)
    raise QualityError(
        QCoreApplication.translate(
            "Quality", '"{text}" is not a quality; use one of: {accepted}.'
        ).format(text=text.strip(), accepted=accepted)
    )
