"""A table of figures as offices use one: type over a cell, Delete, copy and paste blocks."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import (
    QContextMenuEvent,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QTableView,
    QToolButton,
    QWidget,
)

from ljtracker.domain.model import Quality
from ljtracker.domain.number_text import join_unit
from ljtracker.domain.validation import future_year_problem
from ljtracker.services import clock
from ljtracker.ui import clipboard
from ljtracker.ui.figure_cells import (
    Field,
    baseline_row_message,
    describe_form_edit,
    no_figure_message,
)
from ljtracker.ui.figure_delegates import (
    NumberDelegate,
    QualityDelegate,
    TableDelegate,
    leaving_forward,
    typed_problem,
)
from ljtracker.ui.figure_form import FigureForm
from ljtracker.ui.figure_model import FigureTableModel
from ljtracker.ui.quality_text import quality_label

MAX_FITTED_WIDTH = 240
QUALITY_PADDING = 40  # the cell's margins and the drop-down arrow of its editor
_BAR_STYLE = (
    "#MessageBar { border: 1px solid #CC3311; border-radius: 4px;"
    " background: rgba(204, 51, 17, 0.10); }"
)
# a note on what was written, not a refusal: the blue of "on track", not the red of a fault
_NOTE_STYLE = (
    "#MessageBar { border: 1px solid #0072B2; border-radius: 4px;"
    " background: rgba(0, 114, 178, 0.08); }"
)


class MessageBar(QFrame):
    """Why the last edit or paste changed nothing, or a note on what a written edit kept that
    may no longer hold; stays until the workbook next changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBar")
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setAutoRaise(True)
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.setToolTip(self.tr("Hide this message"))
        close.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.is_note: bool | None = None  # None until a first message is styled
        self.hide()

    def show_refusal(self, text: str) -> None:
        """Why something was refused."""
        self._show(text, note=False)

    def show_note(self, text: str) -> None:
        """What was written, and what to look at."""
        self._show(text, note=True)

    def _show(self, text: str, *, note: bool) -> None:
        if note != self.is_note:  # styling polishes the bar again: only when its kind changes
            self.is_note = note
            self.setStyleSheet(_NOTE_STYLE if note else _BAR_STYLE)
            kind = (
                QStyle.StandardPixmap.SP_MessageBoxInformation
                if note
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
            self.icon.setPixmap(self.style().standardIcon(kind).pixmap(size))
        self.label.setText(text)
        self.show()

    def written(self, note: str) -> None:
        """After a written edit: its note, or nothing (a refusal shown before is over)."""
        if note:
            self.show_note(note)
        else:
            self.clear()

    def clear(self) -> None:
        self.label.clear()
        self.hide()

    def text(self) -> str:
        return self.label.text()


_NO_KEYS = Qt.KeyboardModifier.NoModifier


class FigureTableView(QTableView):
    """Edits figures through the delegates; Delete removes, copy and paste move blocks."""

    def __init__(self, message_bar: MessageBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message_bar = message_bar
        text_delegate = TableDelegate(self)  # the text columns'
        self.setItemDelegate(text_delegate)
        self.number_delegate = NumberDelegate(self)
        self.quality_delegate = QualityDelegate(self)
        self.number_delegate.problem_shown.connect(message_bar.show_refusal)
        self._entered = False  # Enter pressed in the open cell: it closes, then moves down
        for delegate in (text_delegate, self.number_delegate, self.quality_delegate):
            delegate.entered.connect(self._enter_pressed)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setHighlightSections(False)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if isinstance(model, FigureTableModel):
            self.setItemDelegateForColumn(model.column_of(Field.VALUE), self.number_delegate)
            self.setItemDelegateForColumn(model.column_of(Field.QUALITY), self.quality_delegate)
            model.rejected.connect(self.message_bar.show_refusal)
            model.session.changed.connect(self._end_message)
            model.accepted.connect(self.message_bar.written)

    def _end_message(self) -> None:
        """A change (an undo among them) ends what the bar said of the one before. The table's
        own edit is left to say its note in its place: hiding the bar only to show it again
        would lay out and repaint the table for nothing."""
        if not self.figure_model().announcing:
            self.message_bar.clear()

    def figure_model(self) -> FigureTableModel:
        model = self.model()
        assert isinstance(model, FigureTableModel)
        return model

    def fit_columns(self, source_width: int = 220) -> None:
        """Columns fit their text within limits; the source gets a set width, the note the rest."""
        model = self.figure_model()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in range(model.columnCount()):
            field = model.field_at(column)
            if field is Field.SOURCE:
                header.resizeSection(column, source_width)
            elif field is not Field.NOTE:
                self.resizeColumnToContents(column)
                least = 110 if field is Field.VALUE else 64
                if field is Field.QUALITY:  # every choice, not only those shown now
                    least = self._widest_quality()
                width = min(max(header.sectionSize(column), least), MAX_FITTED_WIDTH)
                header.resizeSection(column, width)

    def _widest_quality(self) -> int:
        """The width the quality column needs for its longest choice ("Preliminary"), with its
        editor's arrow."""
        text = max(self.fontMetrics().horizontalAdvance(quality_label(q)) for q in Quality)
        return text + QUALITY_PADDING

    def copy(self) -> str:
        return clipboard.copy_selection(self)

    def paste(self, text: str | None = None) -> bool:
        if self.figure_model().session.workbook.read_only:  # said as typing into it is
            self.message_bar.show_refusal(
                self.tr("The workbook is open read-only: nothing was pasted.")
            )
            return False
        return clipboard.paste_block(self, text)

    def clear_selected(self) -> bool:
        return self.figure_model().clear_cells(self.selectionModel().selectedIndexes())

    def edit_figure(self) -> bool:
        """The current year's figure in a form, its four fields written as one change, or
        why not in the message bar (the baseline's row, a year to come); False when there
        is no current year to edit."""
        index = self.currentIndex()
        model = self.figure_model()
        if not index.isValid() or model.session.workbook.read_only:
            return False
        row, zh = model.figure_row(index.row()), model.session.lang == "zh"
        self.message_bar.clear()
        if row.baseline:
            self.message_bar.show_refusal(baseline_row_message(row.year))
            return True
        future = future_year_problem(row.year, clock.this_year())
        if future and row.observation is None:
            problem = future[0]
            self.message_bar.show_refusal(
                f"{row.year}年：{problem.message_zh}。"
                if zh
                else f"{row.year}: {problem.message_en}."
            )
            return True
        unit = row.target.unit
        form = FigureForm(
            model.session,
            row,
            lambda entry: model.write_entries(describe_form_edit(row, entry), [entry]),
            lambda value: join_unit(model.show_number(value), unit, zh=zh),
            self,
        )
        try:
            if form.exec() == QDialog.DialogCode.Accepted and form.changes is not None:
                model.announce(form.changes)
        finally:
            form.deleteLater()
        return True

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        writable = not self.figure_model().session.workbook.read_only
        edit = menu.addAction(self.tr("Edit Figure…"), self.edit_figure)
        current = self.currentIndex()
        baseline = current.isValid() and self.figure_model().figure_row(current.row()).baseline
        edit.setEnabled(writable and current.isValid() and not baseline)
        menu.addSeparator()
        menu.addAction(self.tr("Copy"), self.copy)
        menu.addAction(self.tr("Paste"), self.paste).setEnabled(writable)
        menu.exec(event.globalPos())

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab moves from cell to cell, as in a spreadsheet, and out of the table past its
        last cell (Shift+Tab: before its first), to the controls after it."""
        current = self.currentIndex()
        action = QAbstractItemView.CursorAction
        moved = self.moveCursor(action.MoveNext if forward else action.MovePrevious, _NO_KEYS)
        position, then = (current.row(), current.column()), (moved.row(), moved.column())
        wrapped = then <= position if forward else then >= position
        if current.isValid() and moved.isValid() and not wrapped:
            return super().focusNextPrevChild(forward)
        return QWidget.focusNextPrevChild(self, forward)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        forward = leaving_forward(event)
        if forward is not None:  # Ctrl+Tab leaves the table wherever the cursor is
            QWidget.focusNextPrevChild(self, forward)
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            self.clear_selected()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._edit_current():
            return
        else:
            if self._typed(event) and self._refuses_typing():
                return  # said why; the search by first letter moved on and typed there
            super().keyPressEvent(event)

    def _enter_pressed(self) -> None:
        self._entered = True

    def untaken(self) -> str | None:
        """Why the text typed into the open cell cannot be taken, named with its cell; None
        when no cell is open or its text can be taken."""
        if self.state() is not QAbstractItemView.State.EditingState:
            return None
        editor = self.indexWidget(self.currentIndex())
        return None if editor is None else typed_problem(editor)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter takes the cell's text and moves down a row, as in a spreadsheet: figures
        typed down a column each go to their own row."""
        entered, self._entered = self._entered, False
        super().closeEditor(editor, hint)
        current = self.currentIndex()
        below = current.sibling(current.row() + 1, current.column())
        if entered and below.isValid():
            self.setCurrentIndex(below)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """Text an input method gives (Chinese typed by pinyin) is typed as keys are."""
        if event.commitString().strip() and self._refuses_typing():
            event.accept()
        else:
            super().inputMethodEvent(event)

    def _refuses_typing(self) -> bool:
        """Whether what was typed is not taken, said why: the workbook is read-only, or the
        current cell, of a figure's column, cannot be edited (the baseline's row, the source
        of a year without a figure)."""
        if self.figure_model().session.workbook.read_only:
            self.message_bar.show_refusal(
                self.tr("The workbook is open read-only: nothing typed here is kept.")
            )
            return True
        index = self.currentIndex()
        return (
            self.state() != QAbstractItemView.State.EditingState
            and index.isValid()
            and self.figure_model().field_at(index.column()) is not None
            and not index.flags() & Qt.ItemFlag.ItemIsEditable
            and self._say_why_not_editable(index)
        )

    @staticmethod
    def _typed(event: QKeyEvent) -> bool:
        """Whether the key types a character, as over a cell (not a command or a move)."""
        commands = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        return (
            event.text().isprintable()
            and bool(event.text().strip())
            and not event.modifiers() & commands
        )

    def _edit_current(self) -> bool:
        """Enter starts editing the current cell, as in a spreadsheet."""
        index = self.currentIndex()
        if self.state() == QAbstractItemView.State.EditingState or not index.isValid():
            return False
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            return self._say_why_not_editable(index)
        self.edit(index)
        return True

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and not index.flags() & Qt.ItemFlag.ItemIsEditable:
            self._say_why_not_editable(index)
        super().mouseDoubleClickEvent(event)

    def _say_why_not_editable(self, index: QModelIndex) -> bool:
        """The baseline's row says where the baseline is changed, and a year without a figure
        that its value comes first; True when it said something."""
        model = self.figure_model()
        row = model.figure_row(index.row())
        field = model.field_at(index.column())
        read_only = model.session.workbook.read_only  # no cell is edited: no value comes first
        if row.baseline:
            self.message_bar.show_refusal(baseline_row_message(row.year))
        elif field not in (None, Field.VALUE) and row.observation is None and not read_only:
            self.message_bar.show_refusal(no_figure_message(row.year))
        else:
            return False
        return True
