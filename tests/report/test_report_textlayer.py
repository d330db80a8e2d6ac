"""The repair of the PDF text layer: radicals back to the ideographs readers search for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ljtracker.report import style
from ljtracker.report.pdftext import fix_text_layer

CMAP = (
    b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
    b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    b"4 beginbfrange\n<0000> <0000> <0000>\n"
    b"<0001> <0004> [<004E> <0009> <2F63> <4EA7> ]\n"
    b"<0005> <0005> <2F63>\n"
    b"<0006> <000F> <0030>\n"
    b"endbfrange\nendcmap\nend\nend\n"
)


def pdf_with(cmap: bytes) -> bytes:
    head = b"%PDF-1.4\n7 0 obj\n<< /Type /Font\n/Subtype /Type0\n/ToUnicode 8 0 R>>\nendobj\n"
    stream = b"8 0 obj\n<< /Length " + str(len(cmap)).encode() + b" >>\nstream\n"
    return head + stream + cmap + b"\nendstream\nendobj\nxref\n"


EQUIVALENTS = {0x2F63: 0x751F, 0x09: 0x20}


def fixed_bytes(pdf: bytes, folder: Path, chunk: int | None = None) -> bytes:
    path = folder / "report.pdf"
    path.write_bytes(pdf)
    if chunk is None:
        fix_text_layer(path, EQUIVALENTS)
    else:
        fix_text_layer(path, EQUIVALENTS, chunk=chunk)
    return path.read_bytes()


def test_codes_are_replaced_in_place(tmp_path: Path) -> None:
    original = pdf_with(CMAP)
    fixed = fixed_bytes(original, tmp_path)
    assert len(fixed) == len(original)
    assert b"[<004E> <0020> <751F> <4EA7> ]" in fixed
    assert b"<0005> <0005> <751F>" in fixed
    assert b"<0006> <000F> <0030>" in fixed  # a run counting up from a code is left alone
    assert fixed.startswith(b"%PDF-1.4\n7 0 obj") and fixed.endswith(b"xref\n")


def test_glyph_codes_are_not_touched(tmp_path: Path) -> None:
    """Only the Unicode side of each entry changes, never the glyph numbers on the left."""
    cmap = CMAP.replace(b"<0005> <0005> <2F63>", b"<2F63> <2F63> <0041>")
    fixed = fixed_bytes(pdf_with(cmap), tmp_path)
    assert b"<2F63> <2F63> <0041>" in fixed


def test_a_pdf_without_text_maps_is_left_unchanged(tmp_path: Path) -> None:
    plain = b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n"
    assert fixed_bytes(plain, tmp_path) == plain


def test_maps_are_found_wherever_the_file_is_cut_into_chunks(tmp_path: Path) -> None:
    """The file is read a piece at a time: a map or a reference across a cut is still mended."""
    filler = b"".join(
        b"%d 0 obj\n<< /Length 3 >>\nstream\nabc\nendstream\nendobj\n" % n for n in range(20, 60)
    )
    pdf = filler + pdf_with(CMAP) + filler
    whole = fixed_bytes(pdf, tmp_path)
    assert b"[<004E> <0020> <751F> <4EA7> ]" in whole
    for chunk in (1, 5, 64, 255, 256, 257, len(filler) + 3, 4096):
        assert fixed_bytes(pdf, tmp_path, chunk) == whole, chunk


def test_a_map_that_opens_the_file_is_mended(tmp_path: Path) -> None:
    stream = b"8 0 obj\n<< /Length " + str(len(CMAP)).encode() + b" >>\nstream\n"
    pdf = stream + CMAP + b"\nendstream\nendobj\n9 0 obj\n<< /ToUnicode 8 0 R >>\nendobj\n"
    assert b"<0005> <0005> <751F>" in fixed_bytes(pdf, tmp_path)


def test_equivalents_come_from_the_chinese_font(qapp: QApplication) -> None:
    if len(style.families()) < 2:
        pytest.skip("no Chinese font installed (fonts-noto-cjk)")
    equivalents = style.text_layer_equivalents()
    assert equivalents[0x2F63] == ord("生")  # Kangxi radical, by compatibility decomposition
    assert equivalents[0x2EC5] == ord("见")  # radical supplement, by the font's shared glyph
    assert equivalents[0x09] == 0x20
