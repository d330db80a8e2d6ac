"""The status bar: the workbook's path, its counts, and whether the last change was saved."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMainWindow

from ljtracker.storage import reads
from ljtracker.ui.session import Session

translate = QCoreApplication.translate


class StatusLine:
    """Shows a workbook in the window's status bar and title."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self.path, self.counts, self.saved = QLabel(), QLabel(), QLabel()
        for label in (self.path, self.counts, self.saved):
            label.setContentsMargins(6, 0, 6, 0)
        window.statusBar().addWidget(self.path, 1)
        window.statusBar().addPermanentWidget(self.counts)
        window.statusBar().addPermanentWidget(self.saved)
        self._saved = True

    def show(self, session: Session | None, saved: bool | None = None) -> None:
        """`saved`: whether the last change was saved; None keeps what was last said."""
        window = self._window
        if session is None:
            window.setWindowTitle("ljtracker")
            window.setWindowFilePath("")
            for label in (self.path, self.counts, self.saved):
                label.clear()
            self.path.setText(translate("MainWindow", "No workbook is open"))
            return
        path = session.workbook.path
        name = path.name
        if session.workbook.read_only:
            name = translate("MainWindow", "{name} (read-only)").format(name=path.name)
        window.setWindowTitle(f"{name} — ljtracker")
        window.setWindowFilePath(str(path))
        home = Path.home()
        self.path.setText(f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path))
        self.path.setToolTip(str(path))
        if saved is not None:
            self._saved = saved
        self._show_saved(session)
        try:
            counts = reads.counts(session.workbook)
        except sqlite3.Error:  # the file failed under the window (a disk gone): counts wait
            return
        plans, targets, figures = counts["plan"], counts["target"], counts["observation"]
        parts = (
            translate("MainWindow", "1 plan")
            if plans == 1
            else translate("MainWindow", "{n} plans"),
            translate("MainWindow", "1 target")
            if targets == 1
            else translate("MainWindow", "{n} targets"),
            translate("MainWindow", "1 yearly figure")
            if figures == 1
            else translate("MainWindow", "{n} yearly figures"),
        )
        self.counts.setText(
            " · ".join(
                part.format(n=f"{n:,}")
                for part, n in zip(parts, (plans, targets, figures), strict=True)
            )
        )

    def _show_saved(self, session: Session) -> None:
        if session.workbook.read_only:
            self.saved.setText(translate("MainWindow", "Opened read-only: nothing can be changed"))
            self.saved.setStyleSheet("")
        elif self._saved:
            self.saved.setText(translate("MainWindow", "All changes saved"))
            self.saved.setStyleSheet("")
        else:
            self.saved.setText(translate("MainWindow", "Last change NOT saved"))
            self.saved.setStyleSheet("color: #CC3311; font-weight: bold")
