"""A child process that shows a window and reports when its first paint has happened.

`python -m ljtracker.bench.startup_probe floor` shows a bare PySide6 + pyqtgraph window;
`python -m ljtracker.bench.startup_probe app PATH` starts the application the way the
`ljtracker PATH` command does. Either prints one JSON line: the wall-clock time at which the
window's first paint was finished, and the process's peak resident memory (VmHWM) then.
The parent measures from just before it started the process.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any


def peak_rss_mb() -> float:
    """The process's peak resident memory, from /proc/self/status (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _watch_first_paint(app: Any, on_painted: Any) -> Any:
    """An application-wide event filter that calls `on_painted(window)` once, after the first
    complete paint of a visible top-level main window."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QWidget

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                not self.seen
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and isinstance(watched.window(), QMainWindow)
                and watched.window().isVisible()
            ):
                self.seen = True
                window = watched.window()
                # the rest of this paint pass (every child widget) runs before the timer fires
                QTimer.singleShot(0, lambda: on_painted(window))
            return False

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    return watcher


def _report(window: Any) -> None:
    from PySide6.QtWidgets import QApplication

    painted = time.time()
    print(json.dumps({"painted": painted, "peak_rss_mb": peak_rss_mb()}), flush=True)
    window.close()
    QApplication.instance().exit(0)  # type: ignore[union-attr]


def run_floor() -> int:
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(["floor"])
    watcher = _watch_first_paint(app, _report)
    window = QMainWindow()
    plot = pg.PlotWidget()
    plot.plot([1, 2, 3], [2, 1, 3])
    window.setCentralWidget(plot)
    window.resize(1400, 900)
    window.show()
    code = app.exec()
    del watcher
    return code


def run_app(path: str) -> int:
    from ljtracker.cli import main
    from ljtracker.ui.app import prepare_application

    # The window's own start (`ljtracker PATH`) reuses this application object.
    app = prepare_application(["ljtracker"])
    watcher = _watch_first_paint(app, _report)
    code = main([path])
    del watcher
    return code


def main(argv: list[str]) -> int:
    if argv[:1] == ["floor"]:
        return run_floor()
    if argv[:1] == ["app"] and len(argv) == 2:
        return run_app(argv[1])
    print("usage: startup_probe floor | startup_probe app PATH", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
