"""Spreadsheet files for the tests, made here: the shapes planners' files come in."""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import xlsxwriter

from ljtracker.sheets.cells import SourceFile
from ljtracker.sheets.template import (
    AREA_COLUMNS,
    OBSERVATION_COLUMNS,
    PLAN_COLUMNS,
    TARGET_COLUMNS,
)

Row = Sequence[Any]

WIDE_SHEET = "主要指标"
# A statistics bureau's sheet for the Liangjiang plan (LJ2025 in the demo workbook): merged
# title rows, "2021年" headers, full-width digits, thousands separators, notes below.
WIDE_HEADER = ["代码", "指标", "单位", "2021年", "2022年", "2023年", "2024年"]
WIDE_ROWS: list[list[Any]] = [
    ["", "地区生产总值", "亿元", "４，０００", "4,150", 4400.5, "—"],
    ["", "占重庆市地区生产总值比重", "%", 15, "15.5%", "16", "…"],
    ["", "Share of Chongqing's industrial output value", "%", "", 18.2, 20, ""],
    ["LJ-SEI", "战略性新兴产业产值占比", "%", 44.5, 45, "", ""],
    ["", "一、开放型经济", "", "", "", "", ""],
    ["", "进出口总额", "亿元", 6000, "6,500", "", ""],
]
WIDE_NOTES = ["注：1. 2023年数据为初步核算数。", "资料来源：两江新区统计局。"]


def write_xlsx(
    path: Path, sheets: dict[str, list[Row]], merges: Sequence[tuple[str, str]] = ()
) -> Path:
    """Cells as given: numbers stay numbers, text stays text (never formulas)."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, str):
                    sheet.write_string(r, c, value)
                else:
                    sheet.write_number(r, c, value)
        for sheet_name, cells in merges:
            if sheet_name == name:
                start = cells.split(":")[0]  # "C1": columns A to Z only
                first = rows[int(start[1:]) - 1][ord(start[0]) - ord("A")]
                sheet.merge_range(cells, first)
    book.close()
    return path


def hidden_sheet_xlsx(path: Path) -> Path:
    """A sheet in view whose row names no target, a hidden one holding LJ2025's GDP for 2021,
    and a sheet of notes without a table."""
    book = xlsxwriter.Workbook(str(path))
    shown, kept = book.add_worksheet("封面"), book.add_worksheet("数据")
    book.add_worksheet("说明").write(0, 0, "数据来源：两江新区统计局")
    for sheet, name in ((shown, "某个指标"), (kept, "两江新区地区生产总值")):
        sheet.write_row(0, 0, ["指标", "2021年"])
        sheet.write_row(1, 0, [name, 4100])
    kept.hide()
    shown.activate()
    book.close()
    return path


def wide_rows(*, footnote: bool = False) -> list[Row]:
    data = [list(r) for r in WIDE_ROWS]
    if footnote:
        data[0][5] = "4,400*"
    return [
        ["两江新区主要经济指标（2021—2024年）"],
        ["单位：亿元、%"],
        WIDE_HEADER,
        *data,
        [],
        *[[note] for note in WIDE_NOTES],
    ]


def wide_xlsx(path: Path, *, footnote: bool = False) -> Path:
    """The bureau's sheet; with `footnote`, the GDP figure for 2023 carries a footnote mark."""
    return write_xlsx(
        path,
        {WIDE_SHEET: wide_rows(footnote=footnote)},
        merges=[(WIDE_SHEET, "A1:G1"), (WIDE_SHEET, "A2:G2")],
    )


def write_csv(
    path: Path, rows: Sequence[Row], *, encoding: str = "utf-8", delimiter: str = ","
) -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return path


def template_xlsx(
    path: Path,
    targets: Sequence[dict[str, Any]],
    observations: Sequence[dict[str, Any]],
    *,
    chinese: bool = False,
    plans: Sequence[dict[str, Any]] = (),
    areas: Sequence[dict[str, Any]] = (),
) -> Path:
    """The template with the given rows; `chinese`: headers by their Chinese names."""
    from ljtracker.sheets.template import (
        AREA_ALIASES,
        OBSERVATION_ALIASES,
        PLAN_ALIASES,
        TARGET_ALIASES,
    )

    def header(columns: Sequence[str], aliases: dict[str, tuple[str, ...]]) -> list[str]:
        return [aliases[c][0] if chinese else c for c in columns]

    sheets: dict[str, list[Row]] = {}
    if plans:
        sheets["plans"] = [
            header(PLAN_COLUMNS, PLAN_ALIASES),
            *[[p.get(c, "") for c in PLAN_COLUMNS] for p in plans],
        ]
    if areas:
        sheets["areas"] = [
            header(AREA_COLUMNS, AREA_ALIASES),
            *[[a.get(c, "") for c in AREA_COLUMNS] for a in areas],
        ]
    if targets:
        sheets["targets"] = [
            header(TARGET_COLUMNS, TARGET_ALIASES),
            *[[t.get(c, "") for c in TARGET_COLUMNS] for t in targets],
        ]
    if observations:
        sheets["observations"] = [
            header(OBSERVATION_COLUMNS, OBSERVATION_ALIASES),
            *[[o.get(c, "") for c in OBSERVATION_COLUMNS] for o in observations],
        ]
    return write_xlsx(path, sheets)


def ods(path: Path, tables: dict[str, list[Row]]) -> Path:
    """A minimal OpenDocument spreadsheet written by hand: mimetype, manifest and content."""
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    body = []
    for name, rows in tables.items():
        body.append(f'<table:table table:name="{name}">')
        for row in rows:
            body.append("<table:table-row>")
            for value in row:
                if value is None or value == "":
                    body.append("<table:table-cell/>")
                elif isinstance(value, str):
                    text = value.replace("&", "&amp;").replace("<", "&lt;")
                    body.append(
                        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p>'
                        "</table:table-cell>"
                    )
                else:
                    body.append(
                        f'<table:table-cell office:value-type="float" office:value="{value!r}">'
                        f"<text:p>{value}</text:p></table:table-cell>"
                    )
            body.append("</table:table-row>")
        body.append("</table:table>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content xmlns:office="{office}" xmlns:table="{table_ns}" '
        f'xmlns:text="{text_ns}" office:version="1.2"><office:body><office:spreadsheet>'
        + "".join(body)
        + "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def rewrite_zip(source: Path, target: Path, edit: Any) -> Path:
    """A copy of a zipped file with each member's bytes passed through `edit(name, data)`."""
    with zipfile.ZipFile(source) as z:
        members = {name: z.read(name) for name in z.namelist()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, edit(name, data))
    return target


def sheet_xml(path: Path) -> dict[str, str]:
    """Each worksheet's XML of an XLSX file, by member name."""
    with zipfile.ZipFile(path) as z:
        return {
            n: z.read(n).decode("utf-8")
            for n in z.namelist()
            if n.startswith("xl/worksheets/sheet")
        }


def with_cell(source: SourceFile, sheet_name: str, old: object, new: object) -> SourceFile:
    """The file as read, with the one cell of `sheet_name` holding `old` holding `new`."""
    sheets = []
    for sheet in source.sheets:
        if sheet.name == sheet_name:
            rows = [list(row) for row in sheet.rows]
            (where,) = [(r, c) for r, row in enumerate(rows) for c, v in enumerate(row) if v == old]
            rows[where[0]][where[1]] = new
            sheet = replace(sheet, rows=tuple(tuple(row) for row in rows))
        sheets.append(sheet)
    return replace(source, sheets=tuple(sheets))
