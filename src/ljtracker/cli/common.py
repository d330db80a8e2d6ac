"""What every command shares: error handling, exit codes, the language option."""

from __future__ import annotations

import argparse
import locale
import os
import sys
from collections.abc import Callable

from ljtracker.domain.errors import UserError
from ljtracker.domain.numbers import NumberError, parse_year
from ljtracker.services.safety import open_for_writing
from ljtracker.storage.workbook import Workbook

EXIT_OK = 0
EXIT_DATA = 1


class CommandError(Exception):
    """A problem with the data or file: one line on stderr, exit 1."""


def run_guarded(action: Callable[[], int]) -> int:
    try:
        return action()
    except (CommandError, UserError) as e:
        print(f"ljtracker: {e}", file=sys.stderr)
        return EXIT_DATA
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def default_language() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh" if code.lower().startswith("zh") else "en"


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help="language of names and explanations (default: from the system locale)",
    )


def open_workbook(path: str, *, read_only: bool = False) -> Workbook:
    """Open for reading, or for changes: locked, checked and backed up (services.safety)."""
    return Workbook.open(path, read_only=True) if read_only else open_for_writing(path)


def year_argument(text: str) -> int:
    """An argparse type: a malformed year is wrong usage (exit 2), named by the parser."""
    try:
        return parse_year(text)
    except NumberError as e:
        raise argparse.ArgumentTypeError(e.message_en) from e
