"""Reading XLSX, XLS, ODS (cached values, never formulas) and CSV files into plain cells.

Every failure, however odd the file, comes out as a SheetError with one line for the user.
"""

from __future__ import annotations

import csv
import datetime
import io
import itertools
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from ljtracker.sheets.cells import (
    Cell,
    Note,
    Sheet,
    SheetError,
    SourceFile,
    is_blank,
    unguard_text,
    without_binary_noise,
)
from ljtracker.sheets.xls_scan import scan_xls
from ljtracker.sheets.zipscan import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_MERGED_RANGES,
    MAX_ROWS,
    ZipFacts,
    scan_zip,
    too_many_merged,
)
from ljtracker.storage.os_reasons import reason_en, reason_zh

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_SHEETS = 200
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CSV_DELIMITERS = ",\t;|"
_SNIFF_SAMPLE = 64 * 1024
_DELIMITER_NAMES = {
    "\t": ("tab", "制表符"),
    ",": ("comma", "逗号"),
    ";": ("semicolon", "分号"),
    "|": ("bar", "竖线"),
}
_ENCODING_NAMES = {  # English, Chinese
    "utf-8-sig": ("UTF-8 with BOM", "UTF-8（带 BOM）"),
    "utf-16": ("UTF-16", "UTF-16"),
    "utf-8": ("UTF-8", "UTF-8"),
    "gb18030": ("GB18030", "GB18030"),
}


def read_file(path: str | Path) -> SourceFile:
    """Read every worksheet of a spreadsheet or CSV file, whatever its name says it is."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise SheetError(f"{path}: not a file", f"{path}：不是文件")
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as e:
        raise SheetError(
            f"{path}: cannot be read ({reason_en(e)})", f"{path}：无法读取（{reason_zh(e)}）"
        ) from e
    if size > MAX_FILE_BYTES:
        size_mb, most = f"{size / 2**20:,.1f}", MAX_FILE_BYTES // 2**20
        raise SheetError(
            f"{path.name}: {size_mb} MB is more than the {most} MB an import reads",
            f"{path.name}：文件大小 {size_mb} MB，超过导入上限 {most} MB",
        )
    if size == 0:
        raise SheetError(f"{path.name}: the file is empty", f"{path.name}：文件是空的")
    try:
        if head.startswith(ZIP_MAGIC):
            facts = _scan(path)  # before the reader: this scan is what keeps hostile zips out
            return _read_workbook(path, lambda: facts)
        if head.startswith(OLE_MAGIC):
            return _read_workbook(path, lambda: _scan_xls(path))
        return _read_csv(path)
    except SheetError as e:
        named = e if e.message_en.startswith(str(path)) else e.of_file(path.name)
        raise named from e.__cause__


def _scan(path: Path) -> ZipFacts:
    try:
        with zipfile.ZipFile(path) as archive:
            return scan_zip(archive)
    except SheetError:
        raise
    # A hostile zip can fail in many ways (bad headers, CRC, encryption, odd compression);
    # each of them means the same to the user.
    except Exception as e:
        raise _damaged(e) from e


def _scan_xls(path: Path) -> ZipFacts:
    try:
        return scan_xls(path)
    except Exception as e:  # as for a zip: many ways to fail, one meaning for the user
        raise _damaged(e) from e


# what the zip reader says of a damaged file, as Chinese messages say it
_ZIP_REASONS_ZH = {
    "File is not a zip file": "不是 ZIP 压缩文件",
    "Bad magic number for file header": "文件头损坏",
    "Bad magic number for central directory": "目录损坏",
    "Truncated file header": "文件头不完整",
    "Bad CRC-32 for file": "校验和错误",
}


def _damaged(error: BaseException) -> SheetError:
    reason = _reason(error)
    reason_zh = next((zh for en, zh in _ZIP_REASONS_ZH.items() if reason.startswith(en)), reason)
    return SheetError(
        f"the file is damaged or not a spreadsheet ({reason})",
        f"文件已损坏或不是电子表格（{reason_zh}）",
    )


def _reason(error: BaseException) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:120]


# --- XLSX, XLS, ODS ----------------------------------------------------------------------


def _read_workbook(path: Path, facts_of: Callable[[], ZipFacts]) -> SourceFile:
    """The workbook's worksheets; `facts_of` gives what the reader loses, asked once every
    sheet has passed the size checks (an XLS file is scanned for them only then)."""
    try:
        book = CalamineWorkbook.from_path(str(path))
        try:
            metadata = book.sheets_metadata
            if len(metadata) > MAX_SHEETS:
                raise SheetError(
                    f"{len(metadata):,} sheets; an import reads at most {MAX_SHEETS}",
                    f"共 {len(metadata):,} 个工作表，导入最多读取 {MAX_SHEETS} 个",
                )
            read = []
            for meta in metadata:
                if meta.typ != SheetTypeEnum.WorkSheet:
                    continue
                sheet = book.get_sheet_by_name(meta.name)
                _check_size(meta.name, sheet.end)
                read.append((meta, sheet.to_python(skip_empty_area=False), sheet))
            facts = facts_of()
            sheets = [
                _sheet(
                    meta.name,
                    rows,
                    sheet.merged_cell_ranges or facts.merged.get(meta.name, []),
                    facts,
                    hidden=meta.visible != SheetVisibleEnum.Visible,
                )
                for meta, rows, sheet in read
            ]
        finally:
            book.close()
    except SheetError:
        raise
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    # The reader is written in Rust: its panics arrive as pyo3's PanicException, which
    # derives from BaseException.
    except BaseException as e:
        raise _damaged(e) from e
    if not sheets:
        raise SheetError("the file has no worksheet", "文件中没有工作表")
    return SourceFile(path, facts.kind, tuple(sheets))


def _check_size(name: str, end: tuple[int, int] | None) -> None:
    if end is None:
        return
    rows, cols = end[0] + 1, end[1] + 1
    if rows > MAX_ROWS or cols > MAX_COLUMNS or rows * cols > MAX_CELLS:
        raise SheetError(
            f"sheet {name!r} spans {rows:,} rows by {cols:,} columns; an import reads at most "
            f"{MAX_ROWS:,} rows, {MAX_COLUMNS:,} columns and {MAX_CELLS:,} cells",
            f"工作表“{name}”有 {rows:,} 行 {cols:,} 列；导入最多读取 {MAX_ROWS:,} 行、"
            f"{MAX_COLUMNS:,} 列、共 {MAX_CELLS:,} 个单元格",
        )


_PLAIN = (str, float)  # cells that _value gives back as they are


def _value(raw: Any) -> Cell:
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, int | float):
        return float(raw)
    if isinstance(raw, str):
        return raw
    if isinstance(raw, datetime.date | datetime.time):
        return raw.isoformat()
    return str(raw)


def _percent_text(value: Cell) -> Cell:
    """A fraction shown as a percentage, as the text the sheet shows: 0.15 -> "15%"."""
    if isinstance(value, str):
        return value
    if value != value or value in (float("inf"), float("-inf")):
        return value
    scaled = Decimal(repr(without_binary_noise(value))) * 100
    text = format(scaled.normalize(), "f")
    return f"{text}%"


def _sheet(
    name: str,
    raw_rows: list[list[Any]],
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]],
    facts: ZipFacts,
    *,
    hidden: bool,
) -> Sheet:
    rows = _cells(raw_rows)
    for (r, c), text in facts.error_cells.get(name, {}).items():
        if r < len(rows) and c < len(rows[r]):
            rows[r][c] = text
    for r, c in facts.percent_cells.get(name, ()):
        if r < len(rows) and c < len(rows[r]):
            rows[r][c] = _percent_text(rows[r][c])
    rows = _rectangular(rows)
    copies = _fill_merged(rows, merged)
    hidden_rows, hidden_cols = facts.hidden.get(name, (frozenset(), frozenset()))
    return Sheet(
        name,
        tuple(map(tuple, rows)),
        frozenset(copies),
        hidden=hidden,
        hidden_rows=hidden_rows,
        hidden_cols=hidden_cols,
    )


def _cells(raw_rows: list[list[Any]]) -> list[list[Cell]]:
    """The reader's rows as cells: its own lists when every value is a text or a number
    already, as in most sheets."""
    if set(map(type, itertools.chain.from_iterable(raw_rows))).issubset(_PLAIN):
        return cast(list[list[Cell]], list(raw_rows))
    return _converted(raw_rows)


def _converted(raw_rows: list[list[Any]]) -> list[list[Cell]]:
    return [[v if v.__class__ in _PLAIN else _value(v) for v in row] for row in raw_rows]


def _rectangular(rows: list[list[Cell]]) -> list[list[Cell]]:
    while rows and all(is_blank(c) for c in rows[-1]):
        rows.pop()
    width = max(map(len, rows), default=0)
    for row in rows:  # in place: most rows are whole already, and copying them all is slow
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    return rows


def _fill_merged(
    rows: list[list[Cell]], merged: Sequence[tuple[tuple[int, int], tuple[int, int]]]
) -> set[tuple[int, int]]:
    """Copy each merged range's value into its other cells; returns where copies went."""
    if len(merged) > MAX_MERGED_RANGES:
        raise too_many_merged(len(merged))
    height = len(rows)
    width = len(rows[0]) if rows else 0
    copies: set[tuple[int, int]] = set()
    budget = MAX_CELLS
    for (r0, c0), (r1, c1) in merged:
        if r0 >= height or c0 >= width:
            continue
        r1, c1 = min(r1, height - 1), min(c1, width - 1)
        budget -= (r1 - r0 + 1) * (c1 - c0 + 1)
        if budget < 0:
            raise SheetError(
                "the merged cells cover more than an import reads", "合并单元格的范围超过导入上限"
            )
        value = rows[r0][c0]
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0) and is_blank(rows[r][c]):
                    rows[r][c] = value
                    copies.add((r, c))
    return copies


# --- CSV ---------------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise SheetError(
        "not a spreadsheet, and not text in UTF-8 or GB18030; save it as XLSX or UTF-8 CSV",
        "不是电子表格，也不是 UTF-8 或 GB18030 编码的文本；请另存为 XLSX 或 UTF-8 CSV",
    )


def _consistency(sample: str, delimiter: str) -> tuple[int, int]:
    """(lines with the commonest field count, that count): higher is a better delimiter."""
    try:
        rows = list(itertools.islice(csv.reader(io.StringIO(sample), delimiter=delimiter), 50))
    except csv.Error:
        return 0, 0
    widths = Counter(len(r) for r in rows if r)
    if not widths:
        return 0, 0
    width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
    return (count, width) if width > 1 else (0, width)


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: the one csv.Sniffer names, unless another candidate splits
    the first lines more consistently (the sniffer can be misled by text inside cells)."""
    sample = text[:_SNIFF_SAMPLE]
    if len(text) > _SNIFF_SAMPLE and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        sniffed = ","
    order = [sniffed, *(d for d in CSV_DELIMITERS if d != sniffed)]
    return max(order, key=lambda d: (_consistency(sample, d), -order.index(d)))


def _read_csv(path: Path) -> SourceFile:
    text, encoding = _decode(path.read_bytes())
    if "\x00" in text:
        raise SheetError(
            "not a spreadsheet or a CSV text file (it holds binary data)",
            "不是电子表格或 CSV 文本文件（含有二进制数据）",
        )
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        lines = itertools.islice(reader, MAX_ROWS + 1)
        # Only a cell that begins with an apostrophe can carry the guard.
        rows: list[list[Cell]] = (
            [[unguard_text(c) for c in r] for r in lines] if "'" in text else cast(Any, list(lines))
        )
    except csv.Error as e:
        raise SheetError(
            f"line {reader.line_num} cannot be read as CSV ({e})",
            f"第 {reader.line_num} 行无法按 CSV 读取（{e}）",
        ) from e
    if len(rows) > MAX_ROWS:
        raise SheetError(
            f"more than {MAX_ROWS:,} lines; an import reads at most {MAX_ROWS:,}",
            f"超过 {MAX_ROWS:,} 行；导入最多读取 {MAX_ROWS:,} 行",
        )
    width = max((len(r) for r in rows), default=0)
    if width > MAX_COLUMNS:
        raise SheetError(
            f"{width:,} columns; an import reads at most {MAX_COLUMNS:,}",
            f"共 {width:,} 列；导入最多读取 {MAX_COLUMNS:,} 列",
        )
    rows = _rectangular(rows)
    if not rows:
        raise SheetError("the file holds no rows", "文件中没有任何行")
    shown_en, shown_zh = _DELIMITER_NAMES[delimiter]
    name_en, name_zh = _ENCODING_NAMES[encoding]
    notes = (
        Note(
            f"read as CSV: {name_en}, {shown_en}-separated",
            f"按 CSV 读取：{name_zh}，{shown_zh}分隔",
        ),
    )
    sheet = Sheet(path.name, tuple(tuple(r) for r in rows), decimal_comma_possible=delimiter == ";")
    return SourceFile(path, "csv", (sheet,), notes)
