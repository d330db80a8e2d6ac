"""The known name a mistyped one is taken for."""

from __future__ import annotations

from ljtracker.domain.closest import did_you_mean

SHARES = ["LJ-SHARE-GDP", "LJ-SHARE-IND", "LJ-SHARE-FDI", "LJ-SHARE-TRADE"]


def test_two_letters_swapped_suggest_the_name_they_come_from() -> None:
    """LJ-SHARE-FID was taken for LJ-SHARE-IND, as likely by difflib's measure and first in
    order: following the hint put foreign capital's figures on industry's share."""
    assert did_you_mean("LJ-SHARE-FID", SHARES)[0] == " (did you mean LJ-SHARE-FDI?)"
    assert did_you_mean("lj-share-dgp", SHARES)[1] == "（是否为 LJ-SHARE-GDP？）"


def test_a_name_like_none_known_is_not_given_one() -> None:
    assert did_you_mean("LJ-POP", SHARES) == ("", "")
    assert did_you_mean("LJ-SHARE-GDP", []) == ("", "")
