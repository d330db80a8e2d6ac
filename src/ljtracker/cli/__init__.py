"""The command line: the same use cases the window calls, for scripts and terminals."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from ljtracker import __version__
from ljtracker.cli import (
    commands_data,
    commands_report,
    commands_safety,
    commands_sheets,
    commands_status,
)
from ljtracker.cli.common import CommandError, run_guarded

COMMAND_MODULES = (
    commands_data,
    commands_status,
    commands_safety,
    commands_sheets,
    commands_report,
)


def build_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    parser = argparse.ArgumentParser(
        prog="ljtracker",
        description="Track a development plan's targets year by year. Without a command, "
        "opens the window on PATH (or on the last workbook, or the demo workbook).",
        usage="ljtracker [PATH] | ljtracker COMMAND ...",
    )
    parser.add_argument("--version", action="version", version=f"ljtracker {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser, set(sub.choices)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser, commands = build_parser()
    if not args_list or (args_list[0] not in commands and not args_list[0].startswith("-")):
        return run_guarded(lambda: open_window(args_list))
    args = parser.parse_args(args_list)
    handler: Callable[[argparse.Namespace], int] = args.handler
    return run_guarded(lambda: handler(args))


def open_window(paths: list[str]) -> int:
    try:
        from ljtracker.ui.app import run_window
    except ImportError as e:
        raise CommandError(f"the window cannot start: {e}") from e
    return run_window(paths)
