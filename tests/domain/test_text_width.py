"""How much room a text takes in a fixed-width grid (a terminal, a spreadsheet column)."""

from __future__ import annotations

from ljtracker.domain.text_width import display_width


def test_a_chinese_character_takes_two_columns_and_a_word_joiner_none() -> None:
    assert display_width("GDP") == 3
    assert display_width("地区生产总值") == 12
    assert display_width("2021\u2060–\u20602023") == 9
