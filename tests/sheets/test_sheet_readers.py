"""Reading XLSX, ODS and CSV files into cells, and refusing hostile files with one line."""

from __future__ import annotations

import datetime
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sheet_files import WIDE_SHEET, ods, rewrite_zip, wide_xlsx, write_csv, write_xlsx

from ljtracker.sheets import readers, zipscan
from ljtracker.sheets.cells import SheetError, column_letter
from ljtracker.sheets.readers import read_file, sniff_delimiter


def test_xlsx_gives_cached_values_never_formulas(tmp_path: Path) -> None:
    path = tmp_path / "types.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("S")
    sheet.write_number(0, 0, 4000)
    sheet.write_formula(0, 1, "=A1*2", None, 8000)
    sheet.write_formula(0, 2, "=1/0", None, "#DIV/0!")
    sheet.write_number(0, 3, 0.155, book.add_format({"num_format": "0.0%"}))
    sheet.write_number(0, 4, 15, book.add_format({"num_format": '0.0"%"'}))
    sheet.write_datetime(
        0, 5, datetime.datetime(2021, 3, 1), book.add_format({"num_format": "yyyy-mm-dd"})
    )
    sheet.write_boolean(0, 6, True)
    sheet.write_string(0, 7, '=HYPERLINK("http://x")')
    book.close()

    row = read_file(path).sheets[0].rows[0]

    assert row[0] == 4000.0
    assert row[1] == 8000.0  # the cached result, not "=A1*2"
    assert row[2] == "#DIV/0!"  # an error cell stays visible, not an empty cell
    assert row[3] == "15.5%"  # a fraction shown as a percentage reads as the sheet shows it
    assert row[4] == 15.0  # a literal "%" in the format does not scale the value
    assert row[5] == "2021-03-01"
    assert row[6] == "TRUE"
    assert row[7] == '=HYPERLINK("http://x")'


def test_xls_gives_error_cells_and_percentages_as_the_sheet_shows_them() -> None:
    """data/cells.xls: the cells above (a formula's result, an error, percentages of three
    formats, a literal "%", a date, a boolean) saved by LibreOffice as Excel 97-2003. The
    reader gives an XLS error cell as empty and a percentage as its fraction (47.2 % as 0.472)."""
    source = read_file(Path(__file__).parent / "data" / "cells.xls")
    assert source.kind == "xls"
    assert source.sheets[0].rows[0] == (
        4000.0,
        8000.0,
        "#DIV/0!",
        "15.5%",
        15.0,
        "2021-03-01",
        "TRUE",
        "4.72%",
        "30%",
    )


def test_merged_cells_are_filled_and_remembered(tmp_path: Path) -> None:
    source = read_file(wide_xlsx(tmp_path / "wide.xlsx"))
    sheet = source.sheets[0]
    assert sheet.name == WIDE_SHEET
    assert sheet.cell(0, 6) == sheet.cell(0, 0) == "两江新区主要经济指标（2021—2024年）"
    assert (0, 6) in sheet.merged_copies and (0, 0) not in sheet.merged_copies
    assert sheet.cell(2, 3) == "2021年"
    assert sheet.cell(3, 3) == "４，０００"


def test_a_sheet_of_texts_and_numbers_reads_as_with_every_value_converted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plain.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("S")
    sheet.merge_range("A1:C1", "两江新区")
    sheet.write_row(1, 0, ["year", "share", "value"])
    sheet.write_row(2, 0, [2021, 0.155, 4000.5])
    sheet.write_number(3, 1, 0.2, book.add_format({"num_format": "0%"}))
    sheet.write_string(4, 0, "note")
    book.close()
    converted = readers._converted
    monkeypatch.setattr(readers, "_converted", lambda rows: pytest.fail("rows converted"))
    source = read_file(path)
    monkeypatch.setattr(readers, "_cells", converted)
    assert read_file(path) == source
    assert source.sheets[0].rows[:4] == (
        ("两江新区", "两江新区", "两江新区"),
        ("year", "share", "value"),
        (2021.0, 0.155, 4000.5),
        ("", "20%", ""),
    )


def test_ods_written_by_hand_is_read(tmp_path: Path) -> None:
    path = ods(tmp_path / "small.ods", {"指标": [["指标", "2021年"], ["地区生产总值", 4000.5]]})
    source = read_file(path)
    assert source.kind == "ods"
    assert source.sheets[0].name == "指标"
    assert source.sheets[0].rows == (("指标", "2021年"), ("地区生产总值", 4000.5))


ROWS = [["指标", "单位", "2021年"], ["地区生产总值", "亿元", "4,000"], ["占比", "%", "15.5"]]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ","), ("gb18030", ","), ("gb18030", ";"), ("utf-8", "\t")],
)
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    path = write_csv(tmp_path / "t.csv", ROWS, encoding=encoding, delimiter=delimiter)
    source = read_file(path)
    assert source.kind == "csv"
    assert [list(r) for r in source.sheets[0].rows] == ROWS
    assert source.sheets[0].name == "t.csv"


def test_delimiter_falls_back_when_the_sniffer_gives_up() -> None:
    assert sniff_delimiter("one column\nonly\n") == ","
    assert sniff_delimiter("a;b;c\n") == ";"


def test_csv_apostrophe_guard_is_undone(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "g.csv", [["name"], ["'=SUM(A1)"], ["'hello"], ["''"]])
    cells = [r[0] for r in read_file(path).sheets[0].rows]
    assert cells == ["name", "=SUM(A1)", "'hello", "'"]


def test_column_letters() -> None:
    assert [column_letter(c) for c in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


# --- hostile and broken files -------------------------------------------------------------


def refused(path: Path, pattern: str) -> None:
    with pytest.raises(SheetError) as caught:
        read_file(path)
    message = str(caught.value)
    assert "\n" not in message
    assert re.search(pattern, message), message


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as f:
        f.truncate(readers.MAX_FILE_BYTES + 1)
    refused(path, r"huge\.csv: .* MB is more than the 50 MB")


def test_empty_and_missing_files(tmp_path: Path) -> None:
    (tmp_path / "empty.xlsx").write_bytes(b"")
    refused(tmp_path / "empty.xlsx", "the file is empty")
    refused(tmp_path / "nowhere.xlsx", "cannot be read")


def test_zip_bomb_is_refused_before_the_reader_opens_it(tmp_path: Path) -> None:
    base = write_xlsx(tmp_path / "base.xlsx", {"S": [["a"]]})
    bomb = rewrite_zip(
        base,
        tmp_path / "bomb.xlsx",
        lambda n, d: d + b"<!--" + b" " * 5_000_000 + b"-->" if n.endswith("sheet1.xml") else d,
    )
    refused(bomb, "unpacks .* times its size")


def test_far_away_cell_is_refused(tmp_path: Path) -> None:
    base = write_xlsx(tmp_path / "base.xlsx", {"S": [["a"]]})
    far = rewrite_zip(
        base,
        tmp_path / "far.xlsx",
        lambda n, d: (
            d.replace(
                b"</sheetData>",
                b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
            )
            if n.endswith("sheet1.xml")
            else d
        ),
    )
    refused(far, r"sheet 'S' has data down to row 1,048,576")


def test_too_many_columns_are_refused(tmp_path: Path) -> None:
    wide = write_xlsx(tmp_path / "wide.xlsx", {"S": [[1.0] * (zipscan.MAX_COLUMNS + 1)]})
    refused(wide, "data in 1,001 columns")


def test_declared_text_count_is_bounded(tmp_path: Path) -> None:
    base = write_xlsx(tmp_path / "base.xlsx", {"S": [["a"]]})
    sst = rewrite_zip(
        base,
        tmp_path / "sst.xlsx",
        lambda n, d: (
            re.sub(rb'uniqueCount="\d+"', b'uniqueCount="2000000000"', d)
            if n.endswith("sharedStrings.xml")
            else d
        ),
    )
    refused(sst, "declares 2,000,000,000 texts")


def test_xml_with_entities_is_refused(tmp_path: Path) -> None:
    base = write_xlsx(tmp_path / "base.xlsx", {"S": [["hello"]]})
    laughs = b'<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    bad = rewrite_zip(
        base,
        tmp_path / "lol.xlsx",
        lambda n, d: (
            d.replace(b"?>\n<sst", b"?>" + laughs + b"<sst").replace(b">hello<", b">&b;<")
            if n.endswith("sharedStrings.xml")
            else d
        ),
    )
    refused(bad, "DTD or entities")


def test_foreign_zip_xlsb_and_garbage(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "other.xlsx", "w") as z:
        z.writestr("readme.txt", "hello")
    refused(tmp_path / "other.xlsx", "neither an XLSX nor an ODS")
    with zipfile.ZipFile(tmp_path / "b.xlsb", "w") as z:
        z.writestr("xl/workbook.bin", b"\x00")
    refused(tmp_path / "b.xlsb", "XLSB")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    refused(tmp_path / "broken.xlsx", "damaged or not a spreadsheet")
    (tmp_path / "broken.xls").write_bytes(readers.OLE_MAGIC + b"\x00" * 600)
    refused(tmp_path / "broken.xls", "damaged or not a spreadsheet")
    (tmp_path / "binary.csv").write_bytes(b"a,b\x00c\n")
    refused(tmp_path / "binary.csv", "binary data")


def test_csv_with_too_many_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_ROWS", 10)
    path = write_csv(tmp_path / "long.csv", [[str(i)] for i in range(11)])
    refused(path, "more than 10 lines")


def _read_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            source = read_file(path)
        except SheetError as e:
            assert str(e) and "\n" not in str(e)
        else:
            assert source.sheets and all(s.rows for s in source.sheets)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from([b"", b"PK\x03\x04", readers.OLE_MAGIC, b"\xef\xbb\xbf", b"\xff\xfe"]),
    data=st.binary(max_size=600),
)
def test_any_bytes_give_cells_or_a_clear_error(prefix: bytes, data: bytes) -> None:
    _read_bytes(prefix + data, ".xlsx")


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=0, max_value=4000), flip=st.integers(min_value=0, max_value=255))
def test_damaged_real_files_give_cells_or_a_clear_error(cut: int, flip: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        good = wide_xlsx(Path(folder) / "good.xlsx").read_bytes()
    position = cut % len(good)
    damaged = good[:position] + bytes([flip]) + good[position + 1 :]
    _read_bytes(damaged, ".xlsx")
    _read_bytes(good[:position], ".xlsx")


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_excel_97_and_opendocument_files_read_as_their_xlsx_does(tmp_path: Path, kind: str) -> None:
    """data/bureau.xls and .ods are the bureau's sheet (sheet_files.wide_xlsx) saved by
    LibreOffice as Excel 97-2003 and as OpenDocument: the same cells, merged title rows and
    all (the reader gives no merged cells for ODS; they are read from its XML)."""
    other = read_file(Path(__file__).parent / "data" / f"bureau.{kind}")
    xlsx = read_file(wide_xlsx(tmp_path / "bureau.xlsx"))
    assert other.kind == kind
    assert [s.name for s in other.sheets] == [WIDE_SHEET]
    assert other.sheets[0].rows == xlsx.sheets[0].rows
    assert other.sheets[0].merged_copies == xlsx.sheets[0].merged_copies
    assert other.sheets[0].merged_copies  # the title rows are merged


def test_an_ods_with_a_name_merged_down_its_years_fills_each_row(tmp_path: Path) -> None:
    rows = [["指标", "年份", "数值"], ["地区生产总值", 2021, 4000], [None, 2022, 4150]]
    plain = ods(tmp_path / "plain.ods", {"长表": rows})

    def merge_down(name: str, data: bytes) -> bytes:
        if name != "content.xml":
            return data
        text = data.decode()
        first = text.index('<table:table-cell office:value-type="string"><text:p>地区')
        cell = '<table:table-cell table:number-rows-spanned="2" office:value-type="string">'
        text = (
            text[:first]
            + cell
            + text[first + len('<table:table-cell office:value-type="string">') :]
        )
        return text.replace("<table:table-cell/>", "<table:covered-table-cell/>", 1).encode()

    merged = read_file(rewrite_zip(plain, tmp_path / "merged.ods", merge_down)).sheets[0]
    assert merged.rows[2][:2] == ("地区生产总值", 2022)
    assert merged.merged_copies == frozenset({(2, 0)})


def test_an_ods_with_too_many_merged_cells_is_refused(tmp_path: Path) -> None:
    plain = ods(tmp_path / "plain.ods", {"表": [["a", "b"]]})

    def repeat_a_merged_row(name: str, data: bytes) -> bytes:
        if name != "content.xml":
            return data
        text = data.decode().replace(
            "<table:table-row>", '<table:table-row table:number-rows-repeated="20000">'
        )
        return text.replace(
            '<table:table-cell office:value-type="string">',
            '<table:table-cell table:number-columns-spanned="2" office:value-type="string">',
            1,
        ).encode()

    refused(rewrite_zip(plain, tmp_path / "many.ods", repeat_a_merged_row), "merged ranges")


def test_an_xls_file_is_scanned_only_once_its_sheets_pass_the_size_checks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The scan for percentages reads every cell with xlrd: a sheet too large to import is
    refused before it."""
    scanned: list[Path] = []
    monkeypatch.setattr(readers, "scan_xls", lambda path: scanned.append(path))
    monkeypatch.setattr(readers, "MAX_CELLS", 5)
    refused(Path(__file__).parent / "data" / "cells.xls", "cells")
    assert scanned == []
