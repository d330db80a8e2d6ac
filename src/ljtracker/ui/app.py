"""Starting the window: the application object, its look and language, the first workbook."""

from __future__ import annotations

import gc
import os
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ljtracker import __version__, package_file
from ljtracker.domain.errors import UserError
from ljtracker.ui import file_ops, i18n
from ljtracker.ui.app_settings import APPLICATION, ORGANIZATION, AppSettings, follow_system_scheme
from ljtracker.ui.main_window import MainWindow

SCREENSHOT_VARIABLE = "LJTRACKER_SCREENSHOT"  # save the window there 2 s after start, then quit
SCREENSHOT_DELAY_MS = 2000
SETTLE_MS = 100
UNPAINTED_MS = 1000  # run anyway this long after the window is shown, painted or not
DESKTOP_ID = "cn.ljtracker.LJTracker"  # the .desktop file's name: the desktop's taskbar icon


def prepare_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the names QSettings and the data folder depend on, and its style."""
    # Qt's raster engine hands every fill of 96 or more spans (a translucent grid line, a
    # chart's curve) to a thread pool and waits for it; for the window's chart-sized shapes the
    # hand-off costs more than the fill. Read once, before anything is painted.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or ["ljtracker"])
    app.setApplicationDisplayName("ljtracker")
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(QIcon(str(package_file("icons", "ljtracker.svg"))))
    follow_system_scheme(app)
    return app


def create_window(paths: list[str], language: str | None = None) -> MainWindow:
    """The main window in `language` (else the user's) and the user's layout, on the
    workbook to start with."""
    settings = AppSettings()
    i18n.install(language or settings.language)
    window = MainWindow(settings, settings.language, language)
    window.restore_layout(*settings.window_layout())
    choice = file_ops.start_choice(paths, settings)
    if choice.path is not None:
        window.open_path(choice.path)
    if choice.note:
        window.start_page.note.setText(choice.note)
    return window


def _install_error_hook(window: MainWindow) -> None:
    """Errors raised in any slot end up in front of the user, not only on stderr."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, UserError):
            window.report_error(error)
            return
        previous(kind, error, tb)
        if isinstance(error, Exception):
            QMessageBox.critical(
                window,
                QCoreApplication.translate("App", "Unexpected error"),
                QCoreApplication.translate(
                    "App", "Something went wrong; your saved work is safe.\n\n{error}"
                ).format(error="".join(traceback.format_exception_only(error)).strip()),
            )

    sys.excepthook = hook


def _schedule_screenshot(app: QApplication, window: MainWindow, path: str) -> None:
    def take() -> None:
        saved = window.grab().save(path)
        window.close()  # as the user would: the workbook is released and the layout kept
        app.exit(0 if saved else 1)

    QTimer.singleShot(SCREENSHOT_DELAY_MS, take)


class _AfterFirstPaint(QObject):
    """Runs `then` once, a moment after the window has first been painted (time for the rest
    of the first paint and the layout settling). A paint pass paints the window itself before
    its children, so only the window's own events are watched; should its children cover it
    all (nothing of its own to paint), `then` runs a while after the window is shown."""

    def __init__(self, window: MainWindow, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._window, self._then = window, then
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint:
            self._run_after(SETTLE_MS)
        elif kind == QEvent.Type.Show:
            QTimer.singleShot(UNPAINTED_MS, self, lambda: self._run_after(0))
        return False

    def _run_after(self, delay_ms: int) -> None:
        if not self._done:
            self._done = True
            self._window.removeEventFilter(self)
            QTimer.singleShot(delay_ms, self, self._then)


def _load_writing(window: MainWindow) -> None:
    """Load what writing needs now, so that the first edit does not wait for it."""
    if window.session is not None:
        window.session.workbook.load_writer()


def after_first_paint(window: MainWindow) -> None:
    gc.collect()  # what starting left behind, once
    gc.enable()
    _load_writing(window)


def first_window(paths: list[str], language: str | None = None) -> MainWindow:
    """The window built as the program starts, not yet shown: the collector held off until it
    is first painted."""
    # What importing made (modules, classes) lives as long as the program: the collector
    # need never walk it again. Building the window makes tens of thousands of objects more
    # that the collector would walk again and again while they are made (a twentieth of the
    # start); it is held off until the window is painted, then runs once.
    gc.freeze()
    gc.disable()
    window = create_window(paths, language)
    _AfterFirstPaint(window, lambda: after_first_paint(window))
    return window


def start_window(paths: list[str], language: str | None = None) -> tuple[QApplication, MainWindow]:
    """The window shown, its event loop not yet run."""
    app = prepare_application(sys.argv[:1])
    window = first_window(paths, language)
    _install_error_hook(window)  # before showing: showing runs slots that may raise
    window.show()
    screenshot = os.environ.get(SCREENSHOT_VARIABLE)
    if screenshot:
        _schedule_screenshot(app, window, screenshot)
    return app, window


def run_window(paths: list[str], language: str | None = None) -> int:
    app, _window = start_window(paths, language)
    return app.exec()
