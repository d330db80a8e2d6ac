"""The known name a mistyped one resembles, to suggest it."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(word: str, known: Iterable[str]) -> tuple[str, str]:
    """ " (did you mean X?)" and "（是否为 X？）" when a known name X resembles `word` closely,
    else two empty texts: what a message adds after naming the mistyped name."""
    import difflib  # loaded only when a name was not found

    names = {name.casefold(): name for name in sorted(set(known))}
    found = difflib.get_close_matches(word.casefold(), sorted(names), n=1, cutoff=0.75)
    return _hint(names[found[0]]) if found else ("", "")


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
