"""The repair of the PDF text layer: radicals back to the ideographs readers search for."""

from __future__ import annotations

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


def test_codes_are_replaced_in_place() -> None:
    original = pdf_with(CMAP)
    fixed = fix_text_layer(original, EQUIVALENTS)
    assert len(fixed) == len(original)
    assert b"[<004E> <0020> <751F> <4EA7> ]" in fixed
    assert b"<0005> <0005> <751F>" in fixed
    assert b"<0006> <000F> <0030>" in fixed  # a run counting up from a code is left alone
    assert fixed.startswith(b"%PDF-1.4\n7 0 obj") and fixed.endswith(b"xref\n")


def test_glyph_codes_are_not_touched() -> None:
    """Only the Unicode side of each entry changes, never the glyph numbers on the left."""
    cmap = CMAP.replace(b"<0005> <0005> <2F63>", b"<2F63> <2F63> <0041>")
    fixed = fix_text_layer(pdf_with(cmap), EQUIVALENTS)
    assert b"<2F63> <2F63> <0041>" in fixed


def test_a_pdf_without_text_maps_is_returned_unchanged() -> None:
    plain = b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n"
    assert fix_text_layer(plain, EQUIVALENTS) == plain


def test_equivalents_come_from_the_chinese_font(qapp: QApplication) -> None:
    if len(style.families()) < 2:
        pytest.skip("no Chinese font installed (fonts-noto-cjk)")
    equivalents = style.text_layer_equivalents()
    assert equivalents[0x2F63] == ord("生")  # Kangxi radical, by compatibility decomposition
    assert equivalents[0x2EC5] == ord("见")  # radical supplement, by the font's shared glyph
    assert equivalents[0x09] == 0x20
