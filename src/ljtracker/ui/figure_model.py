"""Table models whose rows are yearly figures of targets: what they show and how they change.

The yearly table (one target, a row per year) and the year-entry grid (one year, a row per
target) differ only in their leading reference columns; the figure columns (value, quality,
source, note), their display and every way of changing them are here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QGuiApplication, QPalette

from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Quality, unstated_quality
from ljtracker.domain.number_text import format_number
from ljtracker.domain.runs import runs
from ljtracker.domain.wording import first_few
from ljtracker.services import clock, editing
from ljtracker.services.changes import Changes
from ljtracker.services.editing import EditError, ObservationEntry
from ljtracker.services.figure_jumps import jumps
from ljtracker.storage.workbook import WorkbookError
from ljtracker.ui import i18n
from ljtracker.ui.app_settings import format_value
from ljtracker.ui.figure_cells import (
    FIELDS,
    CellError,
    Field,
    FigureRow,
    describe_clear,
    describe_edit,
    entry_with,
    field_label,
    parse_cell,
    plain_number,
)
from ljtracker.ui.listed import listed
from ljtracker.ui.quality_text import quality_label
from ljtracker.ui.session import Session

Index = QModelIndex | QPersistentModelIndex

_SHOWN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SHOWN | Qt.ItemFlag.ItemIsEditable
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

UNIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the unit the value column's text is parsed with
COPY_ROLE = Qt.ItemDataRole.UserRole + 2  # a cell's text for the clipboard


MAX_NAMED = 5  # figures a note names before it counts the rest
_EMPTIED_WORDS = ((Field.SOURCE, "source", "来源"), (Field.NOTE, "note", "备注"))


_KEPT_WORDS = {
    Field.QUALITY: ("quality", "数据质量"),
    Field.SOURCE: ("source", "来源"),
    Field.NOTE: ("note", "备注"),
}


def _kept_fields(before: FigureRow, written: frozenset[Field]) -> list[Field]:
    """What an existing figure keeps when given a new value with the fields `written`: its
    quality when not official, its source and its note, when it has them."""
    old = before.observation
    if old is None:
        return []
    kept = [Field.QUALITY] if old.quality is not Quality.OFFICIAL else []
    kept += [Field.SOURCE] if old.source else []
    kept += [Field.NOTE] if old.note else []
    return [field for field in kept if field not in written]


def _kept_words(row: FigureRow, kept: Sequence[Field]) -> tuple[list[str], list[str]]:
    """The fields kept, in English and Chinese, the quality with its label."""
    en, zh = [], []
    for field in kept:
        word_en, word_zh = _KEPT_WORDS[field]
        if field is Field.QUALITY and row.observation is not None:
            label = quality_label(row.observation.quality)
            word_en, word_zh = f"{word_en} ({label})", f"{word_zh}（{label}）"
        en.append(word_en)
        zh.append(word_zh)
    return en, zh


def _joined(words: Sequence[str], between: str, last: str) -> str:
    """ "a, b and c" (", ", " and "), "a、b或c" ("、", "或")."""
    return between.join(words[:-1]) + last + words[-1] if len(words) > 1 else words[0]


def _them(several: bool) -> tuple[str, str]:
    """How a note's advice names the fields kept: "change them … if they no longer hold"."""
    return ("them", "they no longer hold") if several else ("it", "it no longer holds")


def figures_named(figures: Sequence[tuple[str, int]]) -> tuple[str, str]:
    """The first few figures by target code and year, in English and Chinese: "LJ-GDP 2022"."""
    return first_few(
        [f"{code} {year}" for code, year in figures],
        [f"{code} {year}年" for code, year in figures],
        MAX_NAMED,
    )


class FigureTableModel(QAbstractTableModel):
    """Rows of figures after some read-only leading columns; edits go through the session."""

    rejected = Signal(str)  # why an edit or a paste changed nothing
    # an edit or a paste was written; with a note on what it kept that the user may not have
    # meant to keep ("" when none)
    accepted = Signal(str)

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self._rows: list[FigureRow] = []
        self._as_of: int | None = None
        self.decimals: int | None = None  # the user's decimal places; None: as few as needed
        self._lead_count: int | None = None
        self.announcing = False  # writing a change that `accepted` or `rejected` speaks of next

    def show_number(self, value: float) -> str:
        if self.decimals is None:
            return format_number(value)
        return format_value(value, self.decimals)

    # --- what subclasses say about their leading columns -------------------------------

    def lead_headers(self) -> list[str]:
        raise NotImplementedError

    def lead_data(self, row: FigureRow, column: int, role: int) -> Any:
        raise NotImplementedError

    def row_name(self, row: FigureRow) -> str:
        """How messages name a row: its year, or its target's code."""
        raise NotImplementedError

    def value_header(self) -> str:
        return field_label(Field.VALUE)

    # --- shape ---------------------------------------------------------------------------

    def lead_count(self) -> int:
        """How many leading columns there are; asked for every cell drawn, so counted once."""
        if self._lead_count is None:
            self._lead_count = len(self.lead_headers())
        return self._lead_count

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.lead_count() + len(FIELDS)

    def field_at(self, column: int) -> Field | None:
        offset = column - self.lead_count()
        return FIELDS[offset] if 0 <= offset < len(FIELDS) else None

    def column_of(self, field: Field) -> int:
        return self.lead_count() + FIELDS.index(field)

    def figure_row(self, row: int) -> FigureRow:
        return self._rows[row]

    def rows(self) -> list[FigureRow]:
        return list(self._rows)

    def header_text(self, column: int) -> str:
        field = self.field_at(column)
        if field is Field.VALUE:
            return self.value_header()
        if field is not None:
            return field_label(field)
        return self.lead_headers()[column]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(section)
        if role == Qt.ItemDataRole.ToolTipRole and self.field_at(section) is None:
            return QCoreApplication.translate("FigureTable", "Reference, not editable here")
        return None

    def set_rows(
        self, rows: Sequence[FigureRow], as_of_year: int | None, *, lead_from_rows: bool = False
    ) -> None:
        """Show new rows; rows that stay keep their place, so selection and editing survive.

        With `lead_from_rows` the caller says its leading columns show nothing but what the rows
        hold, so only rows that differ are redrawn (an edit repaints its row, not the table).
        """
        as_of_changed = as_of_year != self._as_of
        self._as_of = as_of_year
        old = [r.key for r in self._rows]
        new = [r.key for r in rows]
        if old == new:
            before, self._rows = self._rows, list(rows)
            every = not lead_from_rows or as_of_changed
            changed = [n for n, row in enumerate(rows) if every or row != before[n]]
            for first, last in runs(changed):
                self.dataChanged.emit(
                    self.index(first, 0), self.index(last, self.columnCount() - 1)
                )
            return
        if old and _is_run(old, new):
            self._grow(list(rows), new.index(old[0]))
            return
        if new and _is_run(new, old):
            self._shrink(list(rows), old.index(new[0]))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _grow(self, rows: list[FigureRow], before: int) -> None:
        after = len(rows) - before - len(self._rows)
        if before:
            self.beginInsertRows(QModelIndex(), 0, before - 1)
            self._rows = rows[:before] + self._rows
            self.endInsertRows()
        if after:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + after - 1)
            self._rows = self._rows + rows[len(self._rows) :]
            self.endInsertRows()
        self.set_rows(rows, self._as_of)

    def _shrink(self, rows: list[FigureRow], before: int) -> None:
        after = len(self._rows) - before - len(rows)
        if after:
            self.beginRemoveRows(QModelIndex(), len(self._rows) - after, len(self._rows) - 1)
            self._rows = self._rows[: len(self._rows) - after]
            self.endRemoveRows()
        if before:
            self.beginRemoveRows(QModelIndex(), 0, before - 1)
            self._rows = self._rows[before:]
            self.endRemoveRows()
        self.set_rows(rows, self._as_of)

    # --- display -------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        field = self.field_at(index.column())
        if role == Qt.ItemDataRole.ForegroundRole and self._after_as_of(row):
            return QBrush(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if role == UNIT_ROLE:
            return row.target.unit
        if field is None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QGuiApplication.palette().color(QPalette.ColorRole.AlternateBase))
            return self.lead_data(row, index.column(), role)
        return self._field_data(row, field, role)

    def _field_data(self, row: FigureRow, field: Field, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, COPY_ROLE, Qt.ItemDataRole.EditRole):
            return self._field_text(row, field, role)
        if role == Qt.ItemDataRole.TextAlignmentRole and field is Field.VALUE:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._field_tooltip(row, field)
        if role == Qt.ItemDataRole.FontRole and row.baseline:
            font = QGuiApplication.font()
            font.setItalic(True)
            return font
        return None

    def _field_text(self, row: FigureRow, field: Field, role: int) -> str:
        if field is Field.VALUE:
            if row.value is None:
                return ""
            if role == Qt.ItemDataRole.DisplayRole:
                return self.show_number(row.value)
            return plain_number(row.value)
        if field is Field.QUALITY:
            if row.quality is None:
                return ""
            return (
                row.quality.value
                if role == Qt.ItemDataRole.EditRole
                else quality_label(row.quality)
            )
        return row.source if field is Field.SOURCE else row.note

    def _field_tooltip(self, row: FigureRow, field: Field) -> str | None:
        lines = []
        if row.baseline:
            lines.append(
                QCoreApplication.translate(
                    "FigureTable",
                    "The baseline, part of the target's definition; change it in the target.",
                )
            )
        elif row.value is None and field is not Field.VALUE:
            lines.append(QCoreApplication.translate("FigureTable", "Enter the value first."))
        if field in (Field.SOURCE, Field.NOTE) and self._field_text(row, field, 0):
            lines.append(self._field_text(row, field, 0))
        if self._after_as_of(row):
            lines.append(
                QCoreApplication.translate(
                    "FigureTable", "After the as-of year {year}: not counted in the status."
                ).format(year=self._as_of)
            )
        return "\n".join(lines) or None

    def _after_as_of(self, row: FigureRow) -> bool:
        return self._as_of is not None and row.year > self._as_of

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self._rows[index.row()]
        field = self.field_at(index.column())
        if field is None or row.baseline or self.session.workbook.read_only:
            return _SHOWN
        if field is Field.VALUE or row.observation is not None:
            return _EDITABLE
        return _SHOWN

    # --- checks --------------------------------------------------------------------------

    def _message(self, en: str, zh: str) -> str:
        return zh if self.session.lang == "zh" else en

    def parse_cell(self, row: FigureRow, field: Field, value: object, *, pasting: bool) -> Any:
        return parse_cell(row, field, value, lang=self.session.lang, pasting=pasting)

    def problem_with(self, index: Index, text: str) -> str | None:
        """Why typing `text` into the cell would be refused; None when it would be taken."""
        row = self._rows[index.row()]
        field = self.field_at(index.column())
        if field is None:
            return QCoreApplication.translate("FigureTable", "This column cannot be changed.")
        try:
            parsed = self.parse_cell(row, field, text, pasting=False)
            entry = entry_with(row, {field: parsed})
        except CellError as error:
            return str(error)
        # said while the text can still be corrected
        return None if entry is None else self.entry_problem(row, entry)

    def entry_problem(self, row: FigureRow, entry: ObservationEntry) -> str | None:
        """Why writing `entry` over `row`'s figure would be refused (a year to come, a share
        over 100); None when it would be taken."""
        problems = editing.entry_problems(row.target, row.observation, entry, clock.this_year())
        return self._message(problems[0].message_en, problems[0].message_zh) if problems else None

    def at_cell(self, index: Index, problem: str) -> str:
        """A problem with the cell it is in: "2022, Value: …"."""
        return QCoreApplication.translate("FigureTable", "{cell}: {problem}").format(
            cell=self.cell_name(self._rows[index.row()], index.column()), problem=problem
        )

    def cell_name(self, row: FigureRow, column: int) -> str:
        field = self.field_at(column)
        header = field_label(field) if field is not None else self.header_text(column)
        return QCoreApplication.translate("FigureTable", "{row}, {field}").format(
            row=self.row_name(row), field=header
        )

    # --- changes -------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        field = self.field_at(index.column())
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or field is None:
            return False
        row = self._rows[index.row()]
        try:
            entry = entry_with(row, {field: self.parse_cell(row, field, value, pasting=False)})
        except CellError as error:
            self.rejected.emit(self.at_cell(index, str(error)))
            return False
        if entry is None:
            return False
        written = [(row, frozenset({field}))]
        jump = self.jump_note([entry]) if field is Field.VALUE else ""
        notes = (self.kept_note(written), self.estimate_note(written), jump)
        note = "\n".join(n for n in notes if n)
        return self.apply_entries(describe_edit(row, field, entry), [entry], note=note)

    def kept_note(self, written: Sequence[tuple[FigureRow, frozenset[Field]]]) -> str:
        """What figures given a new value keep of their quality, source and note (the fields
        each is given beside it aside): said, as they may describe the old value only (a
        preliminary figure revised, a source that gave the old number); "" when nothing.
        (`record` starts afresh instead, and says what it did not keep.)"""
        kept = [
            (row, fields_kept)
            for row, fields in written
            if Field.VALUE in fields and (fields_kept := _kept_fields(row, fields))
        ]
        if not kept:
            return ""
        if len(kept) > 1:
            names_en, names_zh = figures_named([(r.target.code, r.year) for r, _ in kept])
            fields = [f for f in _KEPT_WORDS if any(f in fields_kept for _, fields_kept in kept)]
            words_en = [_KEPT_WORDS[f][0] for f in fields]
            words_zh = [_KEPT_WORDS[f][1] for f in fields]
            them, hold = _them(len(fields) > 1)
            return self._message(
                f"{names_en}: the new values keep the {_joined(words_en, ', ', ' or ')} their"
                f" figures had; change {them} beside the values if {hold}.",
                f"{names_zh}：新数值沿用各数据原有的{_joined(words_zh, '、', '或')}；如已不再适用，"
                "请在旁边修改。",
            )
        row, fields_kept = kept[0]
        kept_en, kept_zh = _kept_words(row, fields_kept)
        them, hold = _them(len(kept_en) > 1)
        return self._message(
            f"{row.target.code} {row.year}: the new value keeps the figure's"
            f" {_joined(kept_en, ', ', ' and ')}; change {them} beside the value if {hold} (Edit"
            " Figure, Ctrl+Shift+E, changes all four as one).",
            f"{row.target.code} {row.year}年：新数值沿用该数据原有的"
            f"{'、'.join(kept_zh)}；如已不再适用，请在旁边修改"
            "（“编辑数据”，Ctrl+Shift+E，可一次修改全部四项）。",
        )

    def estimate_note(self, written: Sequence[tuple[FigureRow, frozenset[Field]]]) -> str:
        """New figures of a year not over yet, given without a quality, are marked as
        estimates: said, with how to mark them otherwise; "" when none."""
        this_year = clock.this_year()
        rows = [
            row
            for row, fields in written
            if row.observation is None
            and Field.QUALITY not in fields
            and unstated_quality(row.year, this_year) is Quality.ESTIMATE
        ]
        if not rows:
            return ""
        names_en, names_zh = figures_named([(r.target.code, r.year) for r in rows])
        return self._message(
            f"{names_en}: {this_year} is not over yet, so the new figures are marked as"
            " estimates; set their quality beside them if they are preliminary or official."
            if len(rows) > 1
            else f"{names_en}: {this_year} is not over yet, so the new figure is marked as an"
            " estimate; set its quality beside it if it is preliminary or official.",
            f"{names_zh}：{this_year}年尚未结束，新数据标为“估算”；"
            "如为初步或正式数据，请在旁边修改数据质量。",
        )

    def jump_note(self, entries: Sequence[ObservationEntry]) -> str:
        """New values ten times or a tenth of their target's nearest figure of another year (or
        its baseline) or more so: said, with how to take them back, as a slipped digit or decimal
        point is the likeliest cause; "" when none."""
        rows = {row.key: row for row in self._rows}
        given = [
            (row.target, row.year, entry.value)
            for entry in entries
            if (row := rows.get((entry.target_id, entry.year))) is not None
            and entry.value is not None
            and (row.observation is None or row.observation.value != entry.value)
        ]
        found = jumps(self.session.workbook, given)
        if not found:
            return ""
        if len(found) > 1:
            names_en, names_zh = figures_named([(j.target.code, j.year) for j in found])
            if not any(jump.below_zero for jump in found):
                return self._message(
                    f"{names_en}: each is at least ten times, or at most a tenth of, the nearest"
                    " figure of another year; if a digit or a decimal point slipped, Undo"
                    " (Ctrl+Z) takes the change back.",
                    f"{names_zh}：与相邻年份的数据相差十倍以上；如数字或小数点有误，可撤销（Ctrl+Z）。",
                )
            return self._message(
                f"{names_en}: each is far from the nearest figure of another year (tenfold, or"
                " below zero);"
                " if a digit, the decimal point or a sign slipped, Undo (Ctrl+Z) takes the"
                " change back.",
                f"{names_zh}：与相邻年份的数据相差十倍以上或正负相反；如数字、小数点或负号有误，"
                "可撤销（Ctrl+Z）。",
            )
        jump = found[0]
        return self._message(
            f"{jump.target.code} {jump.year}: {jump.text('en', self.show_number)}; if"
            f" {jump.slip('en')} slipped, Undo (Ctrl+Z) takes it back.",
            f"{jump.target.code} {jump.year}年：{jump.text('zh', self.show_number)}；"
            f"如{jump.slip('zh')}有误，可撤销（Ctrl+Z）。",
        )

    def emptied_note(self, emptied: Sequence[tuple[FigureRow, frozenset[Field]]]) -> str:
        """The sources and notes a pasted block's empty cells emptied, as a spreadsheet would:
        said, as the user may have meant to leave them; "" when none. One line for the
        figures whose source was emptied, one for their notes, one for both."""
        by_fields: dict[frozenset[Field], list[FigureRow]] = {}
        for row, fields in emptied:
            by_fields.setdefault(fields, []).append(row)
        lines = []
        for fields, rows in sorted(by_fields.items(), key=lambda item: len(item[0])):
            names_en, names_zh = figures_named([(r.target.code, r.year) for r in rows])
            words = [(en, zh) for f, en, zh in _EMPTIED_WORDS if f in fields]
            what_en, what_zh = " and ".join(w[0] for w in words), "和".join(w[1] for w in words)
            lines.append(
                self._message(
                    f"{names_en}: the block's empty cells emptied the {what_en}.",
                    f"{names_zh}：粘贴区域中的空单元格清空了{what_zh}。",
                )
            )
        return "\n".join(lines)

    def apply_entries(
        self,
        name: ChangeName,
        entries: Sequence[ObservationEntry],
        *,
        refused_heading: str | None = None,
        note: str = "",
    ) -> bool:
        """Write the figures as one change (one undo step), with a note on them when given;
        False, with a message, if refused (listed beneath `refused_heading`, when given)."""
        self.announcing = True
        try:
            changes = self.write_entries(name, entries)
        except EditError as error:
            if refused_heading is None:
                self.rejected.emit(self._message(str(error), error.message_zh))
            else:
                problems = [self._message(p.message_en, p.message_zh) for p in error.problems]
                self.rejected.emit(listed(refused_heading, problems))
            return False
        except WorkbookError as error:
            self.rejected.emit(i18n.error_text(error, self.session.lang))
            return False
        finally:
            self.announcing = False
        self.announce(changes, note)
        return True

    def write_entries(self, name: ChangeName, entries: Sequence[ObservationEntry]) -> Changes:
        """Write the figures as one change (one undo step); raises EditError or WorkbookError
        when refused."""
        return self.session.apply(name, lambda wb: editing.set_observations(wb, entries, name))

    def announce(self, changes: Changes, note: str = "") -> None:
        """Say that figures were written, with `note` and the baselines that followed them."""
        followed = [f.text(self.session.lang) for f in changes.followed_baselines]
        self.accepted.emit("\n".join([*([note] if note else []), *followed]))

    def clear_cells(self, indexes: Sequence[Index]) -> bool:
        """Delete: selected values remove their figures, selected sources and notes are emptied."""
        by_row: dict[int, set[Field]] = {}
        for index in indexes:
            field = self.field_at(index.column())
            if field is not None and field is not Field.QUALITY:
                by_row.setdefault(index.row(), set()).add(field)
        cleared: list[tuple[FigureRow, frozenset[Field]]] = []
        entries: list[ObservationEntry] = []
        for row_number in sorted(by_row):
            row, fields = self._rows[row_number], frozenset(by_row[row_number])
            if row.observation is None or row.target.id is None:
                continue
            if Field.VALUE in fields:
                entry: ObservationEntry | None = ObservationEntry(row.target.id, row.year, None)
            else:
                entry = entry_with(row, dict.fromkeys(fields, ""))
            if entry is not None:
                entries.append(entry)
                cleared.append((row, fields))
        return bool(entries) and self.apply_entries(describe_clear(cleared), entries)


def _is_run(short: list[Any], long: list[Any]) -> bool:
    """True when `short` appears in `long` as one unbroken run."""
    if not short or len(short) > len(long) or short[0] not in long:
        return False
    start = long.index(short[0])
    return long[start : start + len(short)] == short
