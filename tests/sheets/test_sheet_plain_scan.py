"""The quick scan of worksheets in plain form answers exactly as the full scan does, and leaves
every worksheet it is not sure of to the full scan."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import xlsxwriter
from sheet_files import rewrite_zip, write_xlsx

from ljtracker.sheets import plain_sheet, readers, zipscan
from ljtracker.sheets.cells import SheetError, column_letter

Outcome = tuple[dict[str, dict[tuple[int, int], str]], dict[str, set[tuple[int, int]]]] | str


def _scan(path: Path) -> Outcome:
    try:
        facts = readers._scan(path)  # as an import scans: any failure is a SheetError
    except SheetError as e:
        return str(e)
    return facts.error_cells, facts.percent_cells


def _full_scan(path: Path, monkeypatch: pytest.MonkeyPatch) -> Outcome:
    with monkeypatch.context() as patched:
        patched.setattr(zipscan, "_quick_scan", lambda *args: False)
        return _scan(path)


def _worksheet(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def _percent_book(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("S")
    sheet.write_string(0, 0, "share")
    sheet.write_number(1, 0, 0.155, book.add_format({"num_format": "0.0%"}))
    sheet.write_number(2, 0, 12.5)
    book.close()
    return path


def _edited(base: Path, target: Path, edit: Callable[[bytes], bytes]) -> Path:
    return rewrite_zip(base, target, lambda n, d: edit(d) if n.endswith("sheet1.xml") else d)


def _row(cells: bytes) -> Callable[[bytes], bytes]:
    return lambda d: d.replace(b"</sheetData>", b'<row r="3">' + cells + b"</row></sheetData>")


EDITS: dict[str, Callable[[bytes], bytes]] = {
    "as written": lambda d: d,
    "error cell": _row(b'<c r="A3" t="e"><v>#DIV/0!</v></c>'),
    "error cell by character reference": _row(b'<c r="A3" t="&#101;"><v>#N/A</v></c>'),
    "far cell with a value": _row(b'<c r="XFD1048576"><v>1</v></c>'),
    "far cell without a value": _row(b'<c r="XFD1048576"/>'),
    "far cell in a comment": _row(b'<!-- <c r="XFD1048576"><v>1</v></c> -->'),
    "far cell in CDATA": _row(
        b'<c r="A3" t="inlineStr"><is><t><![CDATA[<c r="XFD9">]]></t></is></c>'
    ),
    "formula without its result": _row(b'<c r="A3"><f>A2*2</f></c>'),
    "formula with an empty result": _row(b'<c r="A3"><f>A2*2</f><v/></c>'),
    "shared formula without its result": _row(b'<c r="A3"><f t="shared" si="0"/></c>'),
    "cell named after its style": lambda d: d.replace(b'<c r="A2"', b'<c s="0" r="A2"', 1),
    "cell without a name": _row(b"<c><v>2</v></c>"),
    "cell with a lower-case name": _row(b'<c r="a3"><v>2</v></c>'),
    "prefixed cell": lambda d: d.replace(b"<worksheet ", b'<worksheet xmlns:x="urn:x" ', 1).replace(
        b"</sheetData>", b'<row r="3"><x:c r="XFD3"><x:v>1</x:v></x:c></row></sheetData>'
    ),
    "style that is not a number": _row(b'<c r="A3" s="x"><v>2</v></c>'),
    "row named by a superscript digit": lambda d: d.replace(
        b"</sheetData>", '<row r="²"><c r="A3"><v>2</v></c></row></sheetData>'.encode()
    ),
    "bad XML": lambda d: d.replace(b"</sheetData>", b"<row></sheetData>"),
    "unbound prefix": _row(b'<c r="A3"><y:v>1</y:v></c>'),
    "UTF-16 with a far cell": lambda d: (
        _row(b'<c r="XFD1048576"><v>1</v></c>')(d)
        .decode("utf-8")
        .replace('encoding="UTF-8"', 'encoding="UTF-16"')
        .encode("utf-16")
    ),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_quick_and_full_scans_agree(
    edit: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for base in (
        write_xlsx(tmp_path / "plain.xlsx", {"S": [["year", "value"], [2021.0, 4000.5]]}),
        _percent_book(tmp_path / "percent.xlsx"),
    ):
        path = _edited(base, tmp_path / f"edited-{base.name}", EDITS[edit])
        assert _scan(path) == _full_scan(path, monkeypatch)


@pytest.mark.parametrize(
    "edit", sorted(set(EDITS) - {"as written", "far cell without a value", "far cell with a value"})
)
def test_the_quick_scan_leaves_anything_unusual_to_the_full_scan(edit: str, tmp_path: Path) -> None:
    base = write_xlsx(tmp_path / "plain.xlsx", {"S": [["year", "value"], [2021.0, 4000.5]]})
    path = _edited(base, tmp_path / "edited.xlsx", EDITS[edit])
    assert plain_sheet.plain_cell_area(_worksheet(path), set()) is None


def test_the_quick_scan_answers_for_plain_worksheets(tmp_path: Path) -> None:
    rows: list[Sequence[object]] = [["code", "year", "value"]]
    rows += [[f"T{n}", 2000.0 + n % 30, n * 1.5] for n in range(300)]
    path = write_xlsx(tmp_path / "plain.xlsx", {"S": rows})
    assert plain_sheet.plain_cell_area(_worksheet(path), set()) == (300, 2)
    assert plain_sheet.plain_cell_area(_worksheet(path), {3}) == (300, 2)  # no cell of style 3
    far = _edited(path, tmp_path / "far.xlsx", _row(b'<c r="XFD1048576"/>'))
    assert plain_sheet.plain_cell_area(_worksheet(far), set()) == (1_048_575, 16_383)


def test_a_cell_of_a_percentage_style_goes_to_the_full_scan(tmp_path: Path) -> None:
    path = _percent_book(tmp_path / "percent.xlsx")
    assert plain_sheet.plain_cell_area(_worksheet(path), {1}) is None
    assert plain_sheet.plain_cell_area(_worksheet(path), {0}) is None  # cells without a style
    assert _scan(path) == ({"S": {}}, {"S": {(1, 0)}})


@pytest.mark.parametrize(
    ("cell", "read_as"),
    [
        (b'<c r="B3"><f>B2*2</f></c>', "=B2*2"),
        (b'<c r="B3"><f>B2*2</f><v/></c>', "=B2*2"),
        (b'<c r="B3"><f t="shared" si="0"/><v></v></c>', "=…"),
        (b'<c r="B3"><f>B2*2</f><v>8001</v></c>', None),  # the result, as a program saves it
        (b'<c r="B3" t="str"><f>IF(B2&gt;0,"","x")</f><v></v></c>', None),  # an empty text
    ],
)
def test_a_formula_without_its_result_is_read_as_the_formula(
    cell: bytes, read_as: str | None, tmp_path: Path
) -> None:
    base = write_xlsx(tmp_path / "plain.xlsx", {"S": [["year", "value"], [2021.0, 4000.5]]})
    path = rewrite_zip(base, tmp_path / "formula.xlsx", _saved_by_a_spreadsheet(_row(cell)))
    errors, _percents = _scan(path)  # type: ignore[misc]
    assert errors == {"S": {(2, 1): read_as} if read_as else {}}


def _saved_by_a_spreadsheet(edit: Callable[[bytes], bytes]) -> Callable[[str, bytes], bytes]:
    """The worksheet edited, in a workbook that holds its formulas' results: one that does
    not ask to be recalculated when opened, as XlsxWriter's files do."""

    def rewrite(name: str, data: bytes) -> bytes:
        if name.endswith("sheet1.xml"):
            return edit(data)
        if name == "xl/workbook.xml":
            assert b' fullCalcOnLoad="1"' in data
            return data.replace(b' fullCalcOnLoad="1"', b"")
        return data

    return rewrite


@pytest.mark.parametrize("scan", ["quick", "full"])
def test_a_result_stored_in_a_workbook_to_be_recalculated_is_read_as_the_formula(
    scan: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """XlsxWriter stores 0 as every formula's result and asks to be recalculated."""
    base = write_xlsx(tmp_path / "plain.xlsx", {"S": [["year", "value"], [2021.0, 4000.5]]})
    path = _edited(base, tmp_path / "formula.xlsx", _row(b'<c r="B3"><f>B2*2</f><v>0</v></c>'))
    errors, _ = _scan(path) if scan == "quick" else _full_scan(path, monkeypatch)  # type: ignore[misc]
    assert errors == {"S": {(2, 1): "=B2*2"}}


def _worksheet_of_rows(count: int, extra_cell: bytes, in_row: int) -> bytes:
    rows = []
    for r in range(1, count + 1):
        cells = b"".join(b'<c r="%s%d"><v>%d</v></c>' % (c, r, r) for c in (b"A", b"B", b"C"))
        rows.append(b'<row r="%d">%s%s</row>' % (r, cells, extra_cell if r == in_row else b""))
    namespace = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return b'<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (
        namespace,
        b"".join(rows),
    )


@pytest.mark.parametrize(
    ("cell", "area"),
    [
        (b"", (999, 2)),
        (b'<c r="Z400"><v>1</v></c>', (999, 25)),
        (b'<c r="B5000"/>', (4999, 2)),
        (b'<c r="A0400"><v>1</v></c>', (999, 2)),  # a row number with a leading zero
        (b'<c r="A0"><v>1</v></c>', (999, 2)),
        (b"<c><v>1</v></c>", None),
    ],
)
def test_the_area_is_that_of_every_cell_named_wherever_it_is(
    cell: bytes, area: tuple[int, int] | None
) -> None:
    data = _worksheet_of_rows(1000, cell, in_row=400)  # row 400 lies far from either end
    assert plain_sheet.plain_cell_area(data, set()) == area
    assert plain_sheet._area_of_every_name(data) == area


@pytest.mark.parametrize("last", [1, 9, 10, 11, 99, 100, 305, 1000, 30001, 1_048_576])
def test_the_row_numbers_up_to_a_last_one(last: int) -> None:
    pattern = re.compile(plain_sheet._names_up_to(str(last), "1-9", "0-9"))
    for number in {*range(1200), last - 1, last, last + 1, last * 10}:
        assert bool(pattern.fullmatch(str(number))) == (0 < number <= last)
    assert pattern.fullmatch("01") is None


@pytest.mark.parametrize("last", [0, 1, 25, 26, 27, 51, 52, 701, 702, 703, 16_383, 18_277])
def test_the_column_letters_up_to_a_last_one(last: int) -> None:
    pattern = re.compile(plain_sheet._names_up_to(column_letter(last), "A-Z", "A-Z"))
    for col in {*range(800), last, last + 1, 16_383, 18_277}:
        assert bool(pattern.fullmatch(column_letter(col))) == (col <= last)


def test_hidden_rows_and_columns_are_found_across_the_chunks_they_are_read_in() -> None:
    xml = (
        b'<worksheet><cols><col min="2" max="4" width="0" hidden="1"/>'
        b'<col min="6" max="6" hidden="0"/></cols><sheetData>'
        + b" " * ((1 << 20) - 130)  # the hidden row 7 straddles the first chunk's end
        + b'<row r="7" spans="1:4" hidden="true" customHeight="1">'
        + b'<x:row hidden="1" r="9"/><row r="10"/></sheetData></worksheet>'
    )
    assert plain_sheet.hidden_lines(io.BytesIO(xml)) == (frozenset({6, 8}), frozenset({1, 2, 3}))
