"""The command line: the same use cases the window calls, for scripts and terminals."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ljtracker import __version__
from ljtracker.cli.common import CommandError, command_language, default_language, run_guarded
from ljtracker.cli.usage_errors import asked_language, in_both, language_option, parser_in
from ljtracker.domain.closest import did_you_mean

# Each command module of this package, and the commands its `register` adds. Opening the window
# (`ljtracker [PATH]`) tells a command from a path by these names alone, so it imports none of
# the command modules; tests check the names against what the modules register.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "commands_data": ("new", "demo", "check", "record", "remove", "history"),
    "commands_status": ("status",),
    "commands_safety": ("backups", "restore", "changes", "revert"),
    "commands_sheets": ("import", "export", "template"),
    "commands_report": ("report",),
    "commands_plans": ("next-plan",),
}
COMMANDS = frozenset(name for names in COMMAND_MODULES.values() for name in names)


def build_parser(language: str = "en") -> tuple[argparse.ArgumentParser, set[str]]:
    """The command line's parser, saying usage errors in `language`."""
    parser = parser_in(language)(
        prog="ljtracker",
        description="Track a development plan's targets year by year. Without a command, "
        "opens the window on PATH (or on the last workbook, or the demo workbook).",
        usage="ljtracker [--lang zh|en] [PATH] | ljtracker COMMAND ...",
    )
    parser.add_argument("--version", action="version", version=f"ljtracker {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="ljtracker")
    for module_name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{module_name}").register(sub)
    if language == "zh":
        from ljtracker.cli.help_zh import in_chinese  # not loaded for the window's start

        in_chinese(parser)
    return parser, set(sub.choices)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = _language_after_the_command(list(sys.argv[1:] if argv is None else argv))
    language = asked_language(args_list, default_language())
    window_language, args_list = _window_language(args_list)
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        if args_list and _looks_like_command(args_list[0]):
            hint_en, hint_zh = did_you_mean(args_list[0], COMMANDS)
            build_parser(language)[0].error(
                in_both(
                    f"unknown command {args_list[0]!r}{hint_en}",
                    f"没有命令“{args_list[0]}”{hint_zh}",
                )
            )
        if len(args_list) > 1:
            build_parser(language)[0].error(
                in_both(
                    "the window opens one workbook at a time; commands are listed by --help",
                    "窗口一次打开一个工作簿；命令列表见 --help",
                )
            )
        _prepare_output(machine_readable=False)
        return run_guarded(lambda: open_window(args_list, window_language))
    parser, _ = build_parser(language)
    _prepare_output(machine_readable=False)  # usage errors come before the arguments are read
    args = parser.parse_args(args_list)
    _prepare_output(machine_readable=getattr(args, "format", None) in ("csv", "json"))
    handler: Callable[[argparse.Namespace], int] = args.handler
    return run_guarded(lambda: handler(args), command_language(args))


def _language_after_the_command(args: list[str]) -> list[str]:
    """`ljtracker --lang zh status …` as `ljtracker status … --lang zh`: the option belongs to
    each command, and before one it read as a command named "zh"."""
    is_lang, value = language_option(args[0]) if args else (False, None)
    given = 1 if value is not None else 2  # `--lang=zh`, or `--lang zh`
    if not is_lang or len(args) <= given:
        return args
    after = args[given]
    # a command, a mistyped one (told so, with the one meant), or the list of commands
    mistyped = _looks_like_command(after) and not after.startswith("-")
    version = len(after) > 2 and "--version".startswith(after)  # as argparse takes it
    if after in COMMANDS or mistyped or version or after in ("-h", "--help"):
        # written out: after some commands `--la` could be another option too (`--landscape`)
        return [*args[given:], f"--lang={args[1] if value is None else value}"]
    return args


def _window_language(args: list[str]) -> tuple[str | None, list[str]]:
    """`ljtracker --lang zh [PATH]` (the option before or after the path, the last one
    counting): the language the window opens in this time (its settings keep their own), and
    the arguments without it; None and them all for a command."""
    language, rest, index, asked = None, [], 0, False
    while index < len(args):
        is_lang, value = language_option(args[index])
        asked |= is_lang
        if not is_lang:
            rest.append(args[index])
        elif value is None and index + 1 < len(args):
            index += 1
            language = args[index]
        else:
            language = value
        index += 1
    if not asked or any(w in COMMANDS or w[:1] == "-" for w in rest):
        return None, args
    if language not in ("zh", "en"):
        build_parser(default_language())[0].error(
            in_both("--lang takes zh or en", "--lang 的值应为 zh 或 en")
        )
    return language, rest


def _prepare_output(*, machine_readable: bool) -> None:
    """A terminal or pipe in an encoding without Chinese (ASCII, Latin-1, cp1252) gets
    "\\u4ebf" for 亿 in what people read, not a traceback halfway through; CSV and JSON,
    read by programs, are written in UTF-8 whatever the encoding, as escapes would change
    their data."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        if machine_readable and stream is sys.stdout:
            reconfigure(encoding="utf-8", errors="strict")
        else:
            reconfigure(errors="backslashreplace")


def _looks_like_command(word: str) -> bool:
    """A bare word that names no file is a mistyped command, not a workbook to open."""
    return not Path(word).exists() and "/" not in word and "." not in word


def _has_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_window(paths: list[str], language: str | None = None) -> int:
    """The window on the workbook given, in `language` when given, else the user's."""
    if not _has_display():
        raise CommandError(
            "no display to open the window on: start it in a desktop session or under "
            "xvfb-run, or use a command (see ljtracker --help)"
        )
    try:
        from ljtracker.ui.app import run_window
    except ImportError as e:
        raise CommandError(f"the window cannot start: {e}") from e
    return run_window(paths, language)
