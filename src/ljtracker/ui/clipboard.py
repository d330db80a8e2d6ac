"""Blocks of figures to and from spreadsheets, as tab-separated text.

Copy gives the selected rectangle. Paste writes a block from the current cell over the value,
quality, source and note columns: every cell is checked first, and either the whole block is
written as one change (one undo step) or nothing is, with a message naming each bad cell.

In a pasted block, an empty value cell or one that marks a missing figure ("—", "n/a") leaves
that year's figure as it is; an empty quality keeps the quality; empty sources and notes are
emptied, as in a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableView

from ljtracker.services.editing import ObservationEntry
from ljtracker.ui.figure_cells import CellError, Field, FigureRow, describe_paste, entry_with
from ljtracker.ui.figure_model import COPY_ROLE, FigureTableModel
from ljtracker.ui.listed import listed


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells; quoted cells may hold tabs, newlines and doubled quotes.

    The newline that ends the last row (spreadsheets always add one) makes no extra row.
    """
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab"))
    return [row or [""] for row in rows]


def format_tsv(rows: Sequence[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel-tab", lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue()


def selected_block(view: QTableView) -> list[list[str]]:
    """The bounding rectangle of the selection (or the current cell) as clipboard texts."""
    indexes = view.selectionModel().selectedIndexes() or [view.currentIndex()]
    indexes = [i for i in indexes if i.isValid()]
    if not indexes:
        return []
    rows = sorted({i.row() for i in indexes})
    columns = sorted({i.column() for i in indexes if not view.isColumnHidden(i.column())})
    model = view.model()
    chosen = {(i.row(), i.column()) for i in indexes}
    return [
        [
            str(model.index(r, c).data(COPY_ROLE) or "") if (r, c) in chosen else ""
            for c in range(columns[0], columns[-1] + 1)
            if not view.isColumnHidden(c)
        ]
        for r in range(rows[0], rows[-1] + 1)
    ]


def copy_selection(view: QTableView) -> str:
    text = format_tsv(selected_block(view))
    if text:
        QGuiApplication.clipboard().setText(text)
    return text


@dataclass
class PastePlan:
    entries: list[ObservationEntry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # the rows whose value the paste changes, with the fields it gives them
    written: list[tuple[FigureRow, frozenset[Field]]] = field(default_factory=list)
    # the rows whose source or note the paste's empty cells empty, with those fields
    emptied: list[tuple[FigureRow, frozenset[Field]]] = field(default_factory=list)


def plan_paste(model: FigureTableModel, top: int, left: int, block: list[list[str]]) -> PastePlan:
    """What pasting `block` at (top, left) would write, or why it cannot be pasted."""
    plan = PastePlan()
    height, width = len(block), max(len(r) for r in block)
    if model.field_at(left) is None:
        plan.problems.append(
            QCoreApplication.translate(
                "Clipboard", "Start the paste in one of the columns {columns}."
            ).format(
                columns=QCoreApplication.translate("Clipboard", ", ").join(
                    model.header_text(model.column_of(f)) for f in Field
                )
            )
        )
        return plan
    room = model.columnCount() - left
    if width > room and not any(cell.strip() for cells in block for cell in cells[room:]):
        # empty cells a spreadsheet copies beyond the table's last column: left out
        block = [cells[:room] for cells in block]
        width = room
    if width > room:
        plan.problems.append(
            QCoreApplication.translate(
                "Clipboard",
                "The block is {width} columns wide; from {column} there is room for {room}.",
            ).format(width=width, column=model.header_text(left), room=room)
        )
    if top + height > model.rowCount():
        plan.problems.append(
            QCoreApplication.translate(
                "Clipboard", "The block has {height} rows; from {row} there is room for {room}."
            ).format(
                height=height,
                row=model.row_name(model.figure_row(top)),
                room=model.rowCount() - top,
            )
        )
    if plan.problems:
        return plan
    for i, cells in enumerate(block):
        row = model.figure_row(top + i)
        changes: dict[Field, Any] = {}
        unread = 0
        for j, text in enumerate(cells):
            column = left + j
            fld = model.field_at(column)
            assert fld is not None
            try:
                parsed = model.parse_cell(row, fld, text, pasting=True)
            except CellError as error:
                if text.strip():
                    plan.problems.append(_where(model, i, j, top, column) + str(error))
                    unread += 1
                continue
            if parsed is not None:
                changes[fld] = parsed
        if unread:
            continue  # the row's own cells say what is wrong with it
        try:
            entry = entry_with(row, changes)
        except CellError as error:
            plan.problems.append(_where(model, i, None, top, None) + str(error))
            continue
        if entry is not None and not _as_it_is(row, entry):
            # what writing would refuse, named with the cells that cannot be read
            if (problem := model.entry_problem(row, entry)) is not None:
                plan.problems.append(_where(model, i, None, top, None) + problem)
                continue
            plan.entries.append(entry)
            if changes.get(Field.VALUE, row.value) != row.value:
                plan.written.append((row, frozenset(changes)))
            emptied = frozenset(
                f
                for f, had in ((Field.SOURCE, row.source), (Field.NOTE, row.note))
                if had and changes.get(f) == ""
            )
            if emptied:
                plan.emptied.append((row, emptied))
    return plan


def _as_it_is(row: FigureRow, entry: ObservationEntry) -> bool:
    """Whether the entry only repeats the figure there (the same values pasted again)."""
    old = row.observation
    return old is not None and (old.value, old.quality, old.source, old.note) == (
        entry.value,
        entry.quality,
        entry.source,
        entry.note,
    )


def _where(model: FigureTableModel, i: int, j: int | None, top: int, column: int | None) -> str:
    row = model.figure_row(top + i)
    if j is None or column is None:
        return QCoreApplication.translate("Clipboard", "Row {row} ({name}): ").format(
            row=i + 1, name=model.row_name(row)
        )
    return QCoreApplication.translate("Clipboard", "Row {row}, column {column} ({name}): ").format(
        row=i + 1, column=j + 1, name=model.cell_name(row, column)
    )


def paste_block(view: QTableView, text: str | None = None) -> bool:
    """Paste the clipboard's (or the given) text at the view's current cell; True if written."""
    model = view.model()
    assert isinstance(model, FigureTableModel)
    if text is None:
        text = QGuiApplication.clipboard().text()
    block = parse_tsv(text)
    start = view.currentIndex()
    if not block or not start.isValid():
        return False
    plan = plan_paste(model, start.row(), start.column(), block)
    nothing_pasted = QCoreApplication.translate("Clipboard", "Nothing was pasted:")
    if plan.problems:
        model.rejected.emit(listed(nothing_pasted, plan.problems))
        return False
    if not plan.entries:  # a lone "-", or the figures already there
        model.rejected.emit(
            QCoreApplication.translate("Clipboard", "Nothing was pasted: it changes no figure.")
        )
        return False
    name = describe_paste(plan.entries, model.rows())
    notes = (
        model.kept_note(plan.written),
        model.estimate_note(plan.written),
        model.emptied_note(plan.emptied),
        model.jump_note(plan.entries),
    )
    note = "\n".join(n for n in notes if n)
    if not model.apply_entries(name, plan.entries, refused_heading=nothing_pasted, note=note):
        return False
    top, left = start.row(), start.column()
    width = min(max(len(r) for r in block), model.columnCount() - left)
    selection = QItemSelection(
        model.index(top, left), model.index(top + len(block) - 1, left + width - 1)
    )
    selection_model = view.selectionModel()
    selection_model.setCurrentIndex(
        model.index(top, left), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    return True
