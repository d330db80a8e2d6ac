"""The command line: the same use cases the window calls, for scripts and terminals."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ljtracker import __version__
from ljtracker.cli import commands_data, commands_status
from ljtracker.cli.common import CommandError, run_guarded

COMMAND_MODULES = (commands_data, commands_status)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ljtracker",
        description="Track a development plan's targets year by year. "
        "Without a command, opens the window (on the demo workbook when no file is given).",
    )
    parser.add_argument("--version", action="version", version=f"ljtracker {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    if not args_list or (args_list[0] not in commands and not args_list[0].startswith("-")):
        return open_window(args_list)
    args = parser.parse_args(args_list)
    return run_guarded(lambda: args.handler(args))


def open_window(paths: list[str]) -> int:
    try:
        from ljtracker.ui.app import run_window
    except ImportError as e:
        raise CommandError(f"the window cannot start: {e}") from e
    return run_window(paths)


if __name__ == "__main__":
    sys.exit(main())
