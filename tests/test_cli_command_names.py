"""The window's start tells commands from paths by a static list of names; it must match the
commands the modules register, and opening the window must not import them."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys

import pytest

from ljtracker.cli import COMMANDS, build_parser, main


def test_static_command_names_are_the_registered_commands() -> None:
    _, registered = build_parser()
    assert registered == set(COMMANDS)


def test_help_lists_every_command(capsys) -> None:
    parser, _ = build_parser()
    parser.print_help()
    shown = capsys.readouterr().out
    for name in COMMANDS:
        assert name in shown


def _helps(parser: argparse.ArgumentParser) -> list[str]:
    """Every description and help text of the parser and its commands' parsers."""
    found = [parser.description] if parser.description else []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += [choice.help for choice in action._choices_actions if choice.help]
            for command in action.choices.values():
                found += _helps(command)
        elif action.help and action.help is not argparse.SUPPRESS:
            found.append(action.help)
    return found


def test_the_help_in_chinese_has_every_text_in_chinese(capsys) -> None:
    """`--lang zh` gave Chinese errors but English help, its "usage:" line included."""
    parser, _ = build_parser("zh")
    untranslated = [text for text in _helps(parser) if not re.search("[\u4e00-\u9fff]", text)]
    assert untranslated == []
    with pytest.raises(SystemExit):
        main(["status", "--help", "--lang", "zh"])
    shown = capsys.readouterr().out
    assert shown.startswith("用法：ljtracker status")
    assert "--plan CODE           只看此规划（默认：全部规划）" in shown
    assert "显示本帮助并退出" in shown
    english, _ = build_parser("en")
    assert "only this plan (default: all plans)" in _helps(english)


def test_telling_a_path_from_a_command_imports_no_command_module(tmp_path) -> None:
    probe = (
        "import sys\n"
        "import ljtracker.cli as cli\n"
        "cli.open_window = lambda paths, language=None: 0\n"
        f"assert cli.main([{str(tmp_path / 'x.ljt')!r}]) == 0\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('ljtracker.cli.commands_'))\n"
        "print(loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_a_command_s_usage_error_names_the_command_as_typed(capsys) -> None:
    parser, _ = build_parser()
    with pytest.raises(SystemExit) as exited:
        parser.parse_args(["status", "--method", "fastest", "plans.ljt"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: ljtracker status [-h]")
    assert "ljtracker status: error: argument --method: 'fastest' is not a progress method" in err


@pytest.mark.parametrize(
    ("args", "opened"),
    [
        (["--lang", "zh", "plans.ljt"], (["plans.ljt"], "zh")),
        (["--lang=en"], ([], "en")),
        (["plans.ljt", "--lang", "zh"], (["plans.ljt"], "zh")),
        (["--lang", "zh", "--lang", "en", "plans.ljt"], (["plans.ljt"], "en")),
        (["plans.ljt"], (["plans.ljt"], None)),  # the language the user chose before
    ],
)
def test_the_window_opens_in_the_language_asked_for_this_time(
    monkeypatch: pytest.MonkeyPatch, args: list[str], opened: tuple[list[str], str | None]
) -> None:
    import ljtracker.cli as cli

    calls: list[tuple[list[str], str | None]] = []
    monkeypatch.setattr(
        cli, "open_window", lambda paths, language=None: calls.append((paths, language)) or 0
    )
    assert cli.main(args) == 0
    assert calls == [opened]


def test_a_language_before_a_command_is_still_the_command_s(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import ljtracker.cli as cli

    monkeypatch.setattr(cli, "open_window", lambda paths, language=None: 1 / 0)
    with pytest.raises(SystemExit):
        cli.main(["--lang", "zh", "--help"])
    assert "ljtracker [--lang zh|en] [PATH]" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["--lang", "xx", "plans.ljt"], ["--lang"], ["--lang="]])
def test_a_window_language_other_than_zh_or_en_is_a_usage_error(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    import ljtracker.cli as cli

    with pytest.raises(SystemExit) as exited:
        cli.main(args)
    assert exited.value.code == 2
    assert "--lang takes zh or en" in capsys.readouterr().err


@pytest.mark.parametrize("version", ["--version", "--vers"])
def test_the_version_is_told_after_a_language_too(
    version: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import ljtracker.cli as cli

    with pytest.raises(SystemExit) as exited:
        cli.main(["--lang", "zh", version])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("ljtracker ")
