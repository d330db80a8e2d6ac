"""The known name a mistyped one resembles, to suggest it."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(word: str, known: Iterable[str]) -> tuple[str, str]:
    """ " (did you mean X?)" and "（是否为 X？）" when a known name X resembles `word` closely,
    else two empty texts: what a message adds after naming the mistyped name."""
    import difflib  # loaded only when a name was not found

    names = {name.casefold(): name for name in sorted(set(known))}
    typed = word.casefold()
    close = difflib.get_close_matches(typed, sorted(names), n=max(1, len(names)), cutoff=0.75)
    if not close:
        return "", ""
    # the fewest typing slips first: two letters swapped ("FID" for "FDI") is one, where
    # difflib's likeness may rank a name two letters off as high
    nearest = min(close, key=lambda name: (_slips(typed, name), close.index(name)))
    return _hint(names[nearest])


def _slips(a: str, b: str) -> int:
    """How many letters typed wrong, missed, added or swapped with the next turn `a` into `b`
    (the optimal string alignment distance)."""
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        earlier, before, row = before, row, [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(before[j] + 1, row[j - 1] + 1, before[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], earlier[j - 2] + 1)
    return row[-1]


def _hint(name: str) -> tuple[str, str]:
    return f" (did you mean {name}?)", f"（是否为 {name}？）"


_LOOKALIKES = str.maketrans("oil", "011")  # after casefold: O for 0, I or l for 1


def lookalike(word: str, known: Iterable[str]) -> tuple[str, str]:
    """As did_you_mean, but only for a known name that `word` is but for case and letters
    typed for the digits they look like ("LJ2O25" for LJ2025): a new name one digit off a
    known one (LJ2030 beside LJ2020) is no mistake."""
    key = word.casefold().translate(_LOOKALIKES)
    for name in sorted(set(known)):
        if name != word and name.casefold().translate(_LOOKALIKES) == key:
            return _hint(name)
    return "", ""


def same_but_case(code: str, known: Iterable[str]) -> str | None:
    """A known code that `code` is in another case (lj2025 for LJ2025), if any."""
    key = code.casefold()
    return next((name for name in known if name != code and name.casefold() == key), None)


def no_such_plan(code: str, known: Iterable[str], where: object = "") -> tuple[str, str]:
    """That no plan has the code (in `where`, a workbook's path, when given), with the known
    code it resembles: "no plan with the code LJ2052 in d.ljt (did you mean LJ2025?)"."""
    hint_en, hint_zh = did_you_mean(code, known)
    place_en, place_zh = (f" in {where}", f"{where} 中") if where else ("", "")
    return (
        f"no plan with the code {code}{place_en}{hint_en}",
        f"{place_zh}没有代码为 {code} 的规划{hint_zh}",
    )
