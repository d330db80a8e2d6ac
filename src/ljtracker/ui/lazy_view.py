"""Views that redraw only while shown: a hidden view may belong to a closed workbook."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class LazyView(QWidget):
    """Subclasses implement `reload()` and `_retranslate()`; `mark_stale()` defers a reload."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = False

    def reload(self) -> None:
        raise NotImplementedError

    def _retranslate(self) -> None:
        raise NotImplementedError

    def mark_stale(self) -> None:
        """Reload now if shown, otherwise when next shown."""
        self._stale = True
        if self.isVisible():
            self._reload_if_stale()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.mark_stale()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reload_if_stale()

    def _reload_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.reload()
