"""The known name a mistyped one resembles, to suggest it."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(word: str, known: Iterable[str]) -> tuple[str, str]:
    """ " (did you mean X?)" and "（是否为 X？）" when a known name X resembles `word` closely,
    else two empty texts: what a message adds after naming the mistyped name."""
    import difflib  # loaded only when a name was not found

    names = {name.casefold(): name for name in sorted(set(known))}
    found = difflib.get_close_matches(word.casefold(), sorted(names), n=1, cutoff=0.75)
    if not found:
        return "", ""
    name = names[found[0]]
    return f" (did you mean {name}?)", f"（是否为 {name}？）"
