"""Render the application icon into the hicolor icon theme folders under resources/icons.

Usage: python packaging/render_icons.py   (run from anywhere; needs PySide6, runs offscreen)

The SVG in src/ljtracker/icons is the one source: it is copied as the scalable icon and drawn
at every fixed size the desktop looks up. Sizes of 32 px and below use the small variant beside
it when there is one, whose strokes are drawn for the pixel grid.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "cn.ljtracker.LJTracker"
SIZES = (16, 24, 32, 48, 64, 128, 256)
SMALL_UP_TO = 16
ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "ljtracker" / "icons" / "ljtracker.svg"
SMALL_SOURCE = ROOT / "resources" / "icons" / "ljtracker-small.svg"
THEME = ROOT / "resources" / "icons" / "hicolor"


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def source_for(size: int) -> Path:
    return SMALL_SOURCE if size <= SMALL_UP_TO and SMALL_SOURCE.is_file() else SOURCE


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    scalable = THEME / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable / f"{APP_ID}.svg")
    for size in SIZES:
        folder = THEME / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{APP_ID}.png"
        if not render(source_for(size), size).save(str(target)):
            raise SystemExit(f"cannot write {target}")
        print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
