"""Fill empty or unfinished messages of a .ts file from the Chinese phrase book below.

Usage: python scripts/fill_translations.py resources/translations/ljtracker_zh_CN.ts

The .ts file stays the source of truth: translations already there are never overwritten, and
messages the phrase book does not know are listed so they can be translated in the .ts (or
added here). Run `make translations` afterwards to compile the .qm.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from translations_zh import BY_CONTEXT, PHRASES

HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def fill(path: Path) -> list[str]:
    """Fill what the phrase book knows; return "context: source" of what is still missing."""
    tree = ET.parse(path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if translation.text and translation.get("type") != "unfinished":
                continue
            known = BY_CONTEXT.get((name, source), PHRASES.get(source))
            if known is None:
                missing.append(f"{name}: {source}")
                continue
            translation.text = known
            translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(HEADER + body + "\n", encoding="utf-8")
    return missing


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    missing = fill(Path(argv[0]))
    for entry in missing:
        print(f"untranslated: {entry}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
