"""The known name a mistyped one resembles, to suggest it."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known name `word` most resembles, when one resembles it closely."""
    import difflib  # loaded only when a name was not found

    found = difflib.get_close_matches(word, sorted(set(known)), n=1, cutoff=0.75)
    return found[0] if found else None
