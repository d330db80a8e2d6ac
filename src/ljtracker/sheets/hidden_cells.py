"""Figures an import reads from what the spreadsheet program does not show: a hidden sheet, or
hidden rows and columns (a bureau's file often keeps old or working figures there). They are
imported as any other, and a note says where they are, so that the preview can be checked
against what the planner sees in the file."""

from __future__ import annotations

from ljtracker.domain.wording import first_few
from ljtracker.sheets.cells import Note, column_letter
from ljtracker.sheets.layout import Layout


def hidden_cells_note(layout: Layout) -> Note | None:
    """The note on the hidden places of the layout's sheet that hold figures it reads."""
    sheet = layout.sheet
    read = [
        (figure.value.row, figure.value.col)
        for indicator in layout.indicators
        for figure in indicator.figures
        if not figure.value.blank
    ]
    read += [(row, col) for row in layout.record_rows for _, col in layout.columns]
    if not read:
        return None
    name = sheet.name
    if sheet.hidden:
        return Note(
            f"sheet {name!r} is hidden in the file: its figures are imported; check them in the"
            " preview",
            f"工作表“{name}”在文件中为隐藏：其中的数据也会导入；请在预览中核对",
        )
    rows = sorted({row for row, _ in read if row in sheet.hidden_rows})
    cols = sorted({col for _, col in read if col in sheet.hidden_cols})
    if not rows and not cols:
        return None
    named_en, named_zh = [], []
    if cols:
        letters = first_few([column_letter(c) for c in cols], [column_letter(c) for c in cols])
        named_en.append(f"{'column' if len(cols) == 1 else 'columns'} {letters[0]}")
        named_zh.append(f"第 {letters[1]} 列")
    if rows:
        numbers = [str(row + 1) for row in rows]
        shown = first_few(numbers, numbers)
        named_en.append(f"{'row' if len(rows) == 1 else 'rows'} {shown[0]}")
        named_zh.append(f"第 {shown[1]} 行")
    return Note(
        f"sheet {name!r}: figures in hidden {' and '.join(named_en)} are imported, though the"
        " spreadsheet program does not show them; check them in the preview",
        f"工作表“{name}”：隐藏的{'和'.join(named_zh)}中的数据也会导入（表格程序中不显示）；"
        "请在预览中核对",
    )
