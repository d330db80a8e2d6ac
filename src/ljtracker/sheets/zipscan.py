"""Checks on a zipped spreadsheet (XLSX or ODS) before the reader opens it.

The reader underneath allocates whole sheets at once, so a tiny hostile file with one cell at
row 1,048,576 and column XFD, or a shared-string count of two billion, would exhaust memory.
This scan walks the zip and its XML with defusedxml (no DTDs, no entities) and refuses such
files with one line. On the way it notes what the reader loses: XLSX error cells and formulas
saved without their results (read as empty), cells shown as percentages (read as fractions) and
ODS merged cells (not given). xls_scan does the same for XLS files.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from ljtracker.sheets.cells import SheetError
from ljtracker.sheets.plain_sheet import (
    QUICK_SCAN_BYTES,
    column_number,
    hidden_lines,
    plain_cell_area,
)

MAX_MEMBERS = 2_000
MAX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_RATIO = 100  # for members larger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 1_000
MAX_CELLS = 5_000_000  # rows x columns of the area holding data
MAX_SHARED_STRINGS = 2_000_000
MAX_MERGED_RANGES = 10_000

ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"
_ODS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
}
_CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_BUILTIN_PERCENT_FORMATS = {9, 10}

Position = tuple[int, int]


@dataclass
class ZipFacts:
    kind: str  # "xlsx", "ods" or "xls"
    error_cells: dict[str, dict[Position, str]] = field(default_factory=dict)
    percent_cells: dict[str, set[Position]] = field(default_factory=dict)
    # ODS merged ranges, first and last cell, which the reader does not give for ODS
    merged: dict[str, list[tuple[Position, Position]]] = field(default_factory=dict)
    # the workbook asks to be recalculated when opened: a formula's stored result of 0 (or
    # "") is a stand-in (XlsxWriter, and pandas through it, store 0 unless given the result)
    stale_results: bool = False
    # the rows and the columns each XLSX sheet hides
    hidden: dict[str, tuple[frozenset[int], frozenset[int]]] = field(default_factory=dict)


def too_many_merged(count: int) -> SheetError:
    return SheetError(
        f"{count:,} merged ranges; an import reads {MAX_MERGED_RANGES:,}",
        f"共 {count:,} 处合并单元格，导入最多读取 {MAX_MERGED_RANGES:,} 处",
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(element: Any, name: str, namespace: str = "") -> str | None:
    value = element.get(f"{{{namespace}}}{name}" if namespace else name)
    return None if value is None else str(value)


def _events(stream: IO[bytes], events: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
    try:
        yield from iterparse(stream, events=events, forbid_dtd=True)
    except DefusedXmlException as e:
        raise SheetError(
            "the file holds XML with a DTD or entities; refusing to read it",
            "文件中的 XML 含有 DTD 或实体声明，拒绝读取",
        ) from e
    except SyntaxError as e:  # ElementTree.ParseError
        raise SheetError(
            f"the file is damaged (bad XML: {e})", f"文件已损坏（XML 有误：{e}）"
        ) from e


def _check_members(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise SheetError(
            f"the file has {len(infos):,} parts; more than a spreadsheet needs",
            f"文件包含 {len(infos):,} 个部件，远多于电子表格所需",
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        size_mb, most = f"{total / 2**20:,.0f}", MAX_UNCOMPRESSED // 2**20
        raise SheetError(
            f"the file unpacks to {size_mb} MB, more than the {most} MB an import reads",
            f"文件解压后为 {size_mb} MB，超过导入上限 {most} MB",
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise SheetError(
                f"the file's part {info.filename} unpacks {ratio:,.0f} times its size; "
                "refusing a possible zip bomb",
                f"文件部件 {info.filename} 解压后是原来的 {ratio:,.0f} 倍，"
                "可能是压缩炸弹，拒绝读取",
            )


def _check_area(sheet: str, max_row: int, max_col: int) -> None:
    where, where_zh = f"sheet {sheet!r}", f"工作表“{sheet}”"
    rows, cols = max_row + 1, max_col + 1
    if rows > MAX_ROWS:
        raise SheetError(
            f"{where} has data down to row {rows:,}; an import reads {MAX_ROWS:,}",
            f"{where_zh}的数据一直到第 {rows:,} 行；导入最多读取 {MAX_ROWS:,} 行",
        )
    if cols > MAX_COLUMNS:
        raise SheetError(
            f"{where} has data in {cols:,} columns; an import reads {MAX_COLUMNS:,}",
            f"{where_zh}有 {cols:,} 列数据；导入最多读取 {MAX_COLUMNS:,} 列",
        )
    if rows * cols > MAX_CELLS:
        raise SheetError(
            f"{where} spans {rows:,} rows by {cols:,} columns; an import reads at most "
            f"{MAX_CELLS:,} cells per sheet",
            f"{where_zh}有 {rows:,} 行 {cols:,} 列；导入每个工作表最多读取 {MAX_CELLS:,} 个单元格",
        )


def scan_zip(archive: zipfile.ZipFile) -> ZipFacts:
    """Check a zipped spreadsheet; raises SheetError naming what is wrong."""
    _check_members(archive)
    names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        return _scan_xlsx(archive, names)
    if "xl/workbook.bin" in names:
        raise SheetError(
            "XLSB workbooks are not read; save the file as XLSX",
            "不支持 XLSB 格式；请在 Excel 中将文件另存为 XLSX",
        )
    if "mimetype" in names and archive.read("mimetype").strip() == ODS_MIME.encode():
        return _scan_ods(archive, names)
    raise SheetError(
        "a zip file that is neither an XLSX nor an ODS spreadsheet",
        "是 zip 压缩文件，但既不是 XLSX 也不是 ODS 电子表格",
    )


# --- XLSX --------------------------------------------------------------------------------


def _workbook_part(archive: zipfile.ZipFile, names: set[str]) -> tuple[dict[str, str], bool]:
    """From the workbook and its relationships: worksheet part name -> sheet name, and whether
    the workbook asks to be recalculated when opened."""
    rel_targets: dict[str, str] = {}
    if "xl/_rels/workbook.xml.rels" in names:
        with archive.open("xl/_rels/workbook.xml.rels") as f:
            for _, el in _events(f, ("end",)):
                if _local(el.tag) == "Relationship":
                    target = _attr(el, "Target") or ""
                    path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                    rel_targets[_attr(el, "Id") or ""] = posixpath.normpath(path)
    parts: dict[str, str] = {}
    recalculated = False
    with archive.open("xl/workbook.xml") as f:
        for _, el in _events(f, ("end",)):
            tag = _local(el.tag)
            if tag == "sheet":
                rel_id = next((v for k, v in el.attrib.items() if _local(k) == "id"), "")
                part = rel_targets.get(str(rel_id))
                if part:
                    parts[part] = _attr(el, "name") or part
            elif tag == "calcPr":
                recalculated = (_attr(el, "fullCalcOnLoad") or "").lower() in ("1", "true")
    return parts, recalculated


def _percent_styles(archive: zipfile.ZipFile, names: set[str]) -> set[int]:
    if "xl/styles.xml" not in names:
        return set()
    custom: dict[int, str] = {}
    percent: set[int] = set()
    in_cell_xfs = False
    index = 0
    with archive.open("xl/styles.xml") as f:
        for event, el in _events(f, ("start", "end")):
            tag = _local(el.tag)
            if tag == "numFmt" and event == "end":
                custom[int(_attr(el, "numFmtId") or -1)] = _attr(el, "formatCode") or ""
            elif tag == "cellXfs":
                in_cell_xfs = event == "start"
            elif tag == "xf" and event == "end" and in_cell_xfs:
                fmt = int(_attr(el, "numFmtId") or 0)
                if fmt in _BUILTIN_PERCENT_FORMATS or is_percent_format(custom.get(fmt, "")):
                    percent.add(index)
                index += 1
    return percent


def is_percent_format(code: str) -> bool:
    """A number format that multiplies by 100: a "%" outside quotes, escapes and brackets."""
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code)
    return "%" in bare


def _scan_xlsx(archive: zipfile.ZipFile, names: set[str]) -> ZipFacts:
    parts, recalculated = _workbook_part(archive, names)
    facts = ZipFacts("xlsx", stale_results=recalculated)
    percent_styles = _percent_styles(archive, names)
    for name in sorted(names):
        if not name.endswith((".xml", ".rels", ".vml")):
            continue
        if name in parts:
            with archive.open(name) as f:
                facts.hidden[parts[name]] = hidden_lines(f)
        if name in parts and _quick_scan(archive, name, parts[name], percent_styles, facts):
            continue
        with archive.open(name) as f:
            if name in parts:
                _scan_worksheet(f, parts[name], percent_styles, facts)
            elif name == "xl/sharedStrings.xml":
                _scan_shared_strings(f)
            else:
                for _ in _events(f, ("end",)):
                    pass
    return facts


def _scan_shared_strings(stream: IO[bytes]) -> None:
    for _, el in _events(stream, ("start",)):
        if _local(el.tag) == "sst":
            declared = max(int(_attr(el, k) or 0) for k in ("uniqueCount", "count"))
            if declared > MAX_SHARED_STRINGS:
                raise SheetError(
                    f"the file declares {declared:,} texts; an import reads at most "
                    f"{MAX_SHARED_STRINGS:,}",
                    f"文件声明了 {declared:,} 条文本；导入最多读取 {MAX_SHARED_STRINGS:,} 条",
                )
            return


def _position(ref: str | None, row: int, last_col: int) -> Position:
    if ref is None:
        return row, last_col + 1
    m = _CELL_REF.fullmatch(ref)
    if m is None:
        raise SheetError(
            f"the file is damaged (a cell is named {ref[:12]!r})",
            f"文件已损坏（有单元格名为“{ref[:12]}”）",
        )
    return int(m[2]) - 1, column_number(m[1])


def _scan_worksheet(
    stream: IO[bytes], sheet: str, percent_styles: set[int], facts: ZipFacts
) -> None:
    max_row = max_col = 0
    row = -1
    last_col = -1
    errors: dict[Position, str] = {}
    percents: set[Position] = set()
    local_names: dict[str, str] = {}  # the loop runs for every element: names looked up once
    for event, el in _events(stream, ("start", "end")):
        tag = local_names.get(el.tag)
        if tag is None:
            tag = local_names[el.tag] = _local(el.tag)
        if tag == "c":
            if event == "end":
                row, last_col = _position(el.get("r"), row, last_col)
                if len(el):
                    max_row, max_col = max(max_row, row), max(max_col, last_col)
                    _note_cell(
                        el, (row, last_col), percent_styles, errors, percents, facts.stale_results
                    )
                el.clear()
        elif tag == "row":
            if event == "start":
                r = el.get("r")
                row = int(r) - 1 if r and r.isdigit() else row + 1
                last_col = -1
            else:
                el.clear()
                _check_area(sheet, max_row, max_col)
    _check_area(sheet, max_row, max_col)
    facts.error_cells[sheet] = errors
    facts.percent_cells[sheet] = percents


def _note_cell(
    el: Any,
    position: Position,
    percent_styles: set[int],
    errors: dict[Position, str],
    percents: set[Position],
    stale_results: bool,
) -> None:
    kind = el.get("t") or "n"
    value = _child_text(el, "v")
    if kind == "e":
        errors[position] = (value or "#ERROR").strip()
    elif (
        value is None or (kind == "n" and not value) or (stale_results and value in ("0", ""))
    ) and (
        formula := _child_text(el, "f")
    ) is not None:  # a formula whose result the file does not hold (written by a program)
        errors[position] = "=" + (formula.strip() or "…")
    elif kind == "n" and value is not None and int(el.get("s") or 0) in percent_styles:
        percents.add(position)


def _child_text(cell: Any, name: str) -> str | None:
    """The text of the cell's child element `name` ("" when empty), None without one."""
    return next((child.text or "" for child in cell if _local(child.tag) == name), None)


# --- XLSX worksheets as most programs write them -------------------------------------------


def _quick_scan(
    archive: zipfile.ZipFile, name: str, sheet: str, percent_styles: set[int], facts: ZipFacts
) -> bool:
    """The scan of a worksheet in plain form, without a Python step per cell (see
    plain_sheet). It answers (True) only when the full scan would find no error cell, no
    percentage cell and nothing to refuse; in any other case it returns False and the full
    scan decides, with its own messages."""
    if archive.getinfo(name).file_size > QUICK_SCAN_BYTES:
        return False
    try:
        data = archive.read(name)
    except Exception:  # the full scan meets the same damage and names it
        return False
    area = plain_cell_area(data, percent_styles, formulas=not facts.stale_results)
    if area is None:
        return False
    try:
        _check_area(sheet, *area)
    except SheetError:
        return False
    facts.error_cells[sheet] = {}
    facts.percent_cells[sheet] = set()
    return True


# --- ODS ---------------------------------------------------------------------------------


def _scan_ods(archive: zipfile.ZipFile, names: set[str]) -> ZipFacts:
    facts = ZipFacts("ods")
    for name in sorted(names):
        if not name.endswith((".xml", ".rdf")):
            continue
        with archive.open(name) as f:
            if name == "content.xml":
                _scan_ods_content(f, facts)
            else:
                for _ in _events(f, ("end",)):
                    pass
    return facts


def _repeat(el: Any, name: str) -> int:
    text = _attr(el, name, _ODS["table"]) or "1"
    return int(text) if text.isdigit() else 1


def _scan_ods_content(stream: IO[bytes], facts: ZipFacts) -> None:
    table = ""
    row = col = 0
    max_row = max_col = 0
    row_has_data = False
    percents: set[Position] = set()
    merged: list[tuple[Position, Position]] = []
    spans: list[tuple[int, int, int]] = []  # this row's merged cells: column, rows, columns
    for event, el in _events(stream, ("start", "end")):
        tag = _local(el.tag)
        if tag == "table" and event == "start":
            table = _attr(el, "name", _ODS["table"]) or ""
            row = max_row = max_col = 0
            percents = set()
            merged = []
        elif tag == "table" and event == "end":
            facts.percent_cells[table] = percents
            if merged:
                facts.merged[table] = merged
        elif tag == "table-row" and event == "start":
            col = 0
            row_has_data = False
            spans = []
        elif tag in ("table-cell", "covered-table-cell") and event == "end":
            repeat = _repeat(el, "number-columns-repeated")
            rows, columns = (
                _repeat(el, "number-rows-spanned"),
                _repeat(el, "number-columns-spanned"),
            )
            if rows > 1 or columns > 1:
                spans.append((col, rows, columns))
            value_type = _attr(el, "value-type", _ODS["office"])
            if value_type is not None or len(el):
                row_has_data = True
                max_col = max(max_col, col + repeat - 1)
                if value_type == "percentage" and repeat <= MAX_COLUMNS:
                    percents.update((row, c) for c in range(col, col + repeat))
            col += repeat
            el.clear()
        elif tag == "table-row" and event == "end":
            repeat = _repeat(el, "number-rows-repeated")
            if row_has_data:
                max_row = max(max_row, row + repeat - 1)
                _check_area(table, max_row, max_col)
                repeated = [c for r, c in percents if r == row] if repeat > 1 else []
                percents.update((r, c) for r in range(row + 1, row + repeat) for c in repeated)
                if len(merged) + repeat * len(spans) > MAX_MERGED_RANGES:
                    raise too_many_merged(len(merged) + repeat * len(spans))
                merged += [
                    ((r, c), (r + rows - 1, c + columns - 1))
                    for r in range(row, row + repeat)
                    for c, rows, columns in spans
                ]
            row += repeat
            el.clear()
