"""What the reader loses from an XLS file (Excel 97-2003): error cells, which it reads as
empty, and number cells shown as percentages, which it reads as the fractions they hold
(15.8 % as 0.158)."""

from __future__ import annotations

from pathlib import Path

import xlrd

from ljtracker.sheets.zipscan import Position, ZipFacts, is_percent_format


def scan_xls(path: Path) -> ZipFacts:
    facts = ZipFacts("xls")
    book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    try:
        percent_styles = {
            index
            for index, style in enumerate(book.xf_list)
            if style.format_key in book.format_map
            and is_percent_format(book.format_map[style.format_key].format_str)
        }
        for index, name in enumerate(book.sheet_names()):
            sheet = book.sheet_by_index(index)
            errors: dict[Position, str] = {}
            percents: set[Position] = set()
            for row in range(sheet.nrows):
                for col, kind in enumerate(sheet.row_types(row)):
                    if kind == xlrd.XL_CELL_ERROR:
                        code = sheet.cell_value(row, col)
                        errors[row, col] = xlrd.error_text_from_code.get(code, "#ERROR")
                    elif (
                        kind == xlrd.XL_CELL_NUMBER
                        and sheet.cell_xf_index(row, col) in percent_styles
                    ):
                        percents.add((row, col))
            facts.error_cells[name] = errors
            facts.percent_cells[name] = percents
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return facts
