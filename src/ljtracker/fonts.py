"""The installed font that draws Chinese in its Simplified Chinese forms, for the window and the
report alike. Left to itself, font fallback may pick the first CJK font the system lists (on
Debian, Noto Sans CJK JP), whose shared characters take their Japanese forms."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase

SIMPLIFIED_CHINESE_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Serif CJK SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
)


def first_installed(candidates: tuple[str, ...]) -> str | None:
    installed = set(QFontDatabase.families())
    return next((name for name in candidates if name in installed), None)


@cache
def simplified_chinese_family() -> str | None:
    return first_installed(SIMPLIFIED_CHINESE_FAMILIES)
