"""The series a chart draws, kept from one drawing to the next and updated in place.

A drawing names each series it wants by role. A series drawn before with the same kind of item
is kept, and given new data only when what it is given differs from last time; a new role adds
an item; roles not named again are removed. The legend lists the named series in drawing order
and is rebuilt only when that list changes. An edit of one figure thus touches only the series
that show it, and the rest of the chart stays as it was.
"""

from __future__ import annotations

import html
from functools import partial
from typing import Any

import pyqtgraph as pg


class SeriesSet:
    def __init__(self, plot_item: pg.PlotItem, legend: pg.LegendItem) -> None:
        self._plot_item = plot_item
        self._legend = legend
        self.items: dict[str, Any] = {}  # the drawn series by role
        self._options: dict[str, dict[str, Any]] = {}  # what each was last given
        self._links: dict[str, tuple[str, ...]] = {}
        self._before: dict[str, Any] = {}
        self._legend_entries: list[tuple[Any, str]] = []

    def begin(self) -> None:
        """Start a drawing: every series is put aside until it is named again."""
        self._before = self.items
        self.items = {}
        self._links = {}
        self._legend_entries = []

    def draw(
        self,
        role: str,
        kind: Any,
        name: str | None = None,
        *,
        linked: tuple[str, ...] = (),
        z: float = 0,
        **options: Any,
    ) -> Any:
        """The item drawing one series: the one drawn before when it is still there, updated."""
        item: Any = self._before.pop(role, None)
        if type(item) is kind:
            given = self._options.get(role)
            if given != options:
                options = _keeping_equal(given or {}, options)
                item.setData(**options)
        else:
            if item is not None:
                self._plot_item.removeItem(item)
            item = kind(**options)
            self._plot_item.addItem(item)
            item.visibleChanged.connect(partial(self._show_linked, role))
        self._options[role] = options
        item.setZValue(z)
        item.setVisible(True)
        self.items[role] = item
        self._links[role] = linked
        if name is not None:
            self._legend_entries.append((item, html.escape(name)))
        return item

    def _show_linked(self, role: str) -> None:
        """A legend click hides or shows a series; its linked parts follow."""
        item = self.items.get(role)
        if item is None:
            return
        for other in self._links.get(role, ()):
            if other in self.items:
                self.items[other].setVisible(item.isVisible())

    def finish(self) -> None:
        """End a drawing: remove the series not named again, and bring the legend up to date."""
        for role, item in self._before.items():
            self._plot_item.removeItem(item)
            self._options.pop(role, None)
        self._before = {}
        legend, entries = self._legend, self._legend_entries
        if [item for item, _ in entries] != [sample.item for sample, _ in legend.items]:
            legend.clear()
            for item, name in entries:
                legend.addItem(item, name)
            return
        resized = False
        for (_, name), (_, label) in zip(entries, legend.items, strict=True):
            if label.text != name:
                size = (label.minimumWidth(), label.minimumHeight())
                label.setText(name)
                resized |= size != (label.minimumWidth(), label.minimumHeight())
        if resized:
            legend.updateSize()

    def legend_labels(self) -> list[str]:
        return [html.unescape(label.text) for _, label in self._legend.items]


def _keeping_equal(given: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    """The new options, with each one equal to what was given before replaced by that very
    object: pyqtgraph keys its caches by identity (a scatter's rendered symbols by its pen and
    brush objects), so an equal new pen would render the symbols again, and grow the cache."""
    return {
        key: given[key] if key in given and _same(given[key], value) else value
        for key, value in options.items()
    }


def _same(old: Any, new: Any) -> bool:
    return type(old) is type(new) and bool(old == new)
