"""The desktop integration files of the built folder, laid out as they are under /usr/share.

The PyInstaller spec calls this after the build, so the folder carries its own menu entry,
icons, file type and software-centre description, and install.sh (packaging/install-linux.sh)
to put them in place.
"""

from __future__ import annotations

import shutil
from pathlib import Path

APP_ID = "cn.ljtracker.LJTracker"


def add_desktop_integration(root: Path, folder: Path) -> None:
    """Copy resources/ of the repository at `root` into `folder`/share, and install.sh."""
    resources = root / "resources"
    share = folder / "share"
    shutil.rmtree(share, ignore_errors=True)
    for source, target in (
        (resources / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop"),
        (resources / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml"),
        (resources / f"{APP_ID}-mime.xml", share / "mime" / "packages" / f"{APP_ID}.xml"),
        (root / "packaging" / "install-linux.sh", folder / "install.sh"),
    ):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    shutil.copytree(resources / "icons" / "hicolor", share / "icons" / "hicolor")
