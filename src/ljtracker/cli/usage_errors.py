"""Usage errors (a missing argument, a year to come, a mistyped command) in the language the
command was asked to speak: argparse says them in English, before `--lang` has been read."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from ljtracker.domain.errors import UserError

_LANGUAGES = ("zh", "en")
_CHINESE: dict[str, str] = {}  # the program's own usage messages: English -> Chinese


def language_option(word: str) -> tuple[bool, str | None]:
    """Whether the word is `--lang`, or an abbreviation argparse takes for it (`--la`), and the
    value it gives after "=" (`--lang=zh`), if any."""
    name, equals, value = word.partition("=")
    return len(name) > 2 and "--lang".startswith(name), value if equals else None


def asked_language(argv: Sequence[str], default: str) -> str:
    """The language the last `--lang` asks for among the arguments (as argparse takes the
    last), else `default`."""
    found = default
    for index, word in enumerate(argv):
        is_lang, value = language_option(word)
        if is_lang and value is None and index + 1 < len(argv):
            value = argv[index + 1]
        if is_lang and value in _LANGUAGES:
            found = value
    return found


def parser_in(language: str) -> type[Parser]:
    """The parser class whose usage errors are said in `language`, for a command line and
    its subcommands (argparse makes those of the class of the parser they belong to)."""
    return _PARSERS[language]


class ArgumentRefused(argparse.ArgumentTypeError):
    """An argument's value refused by its type, said in both languages; argparse keeps only the
    English text, so the Chinese is looked up by it when the error is reported."""

    def __init__(self, message_en: str, message_zh: str) -> None:
        super().__init__(message_en)
        _CHINESE[message_en] = message_zh

    @classmethod
    def of(cls, error: UserError) -> ArgumentRefused:
        return cls(error.message_en, error.message_zh)


def in_both(message_en: str, message_zh: str) -> str:
    """A usage message of the program's own, given to `Parser.error`, that has a Chinese line."""
    _CHINESE[message_en] = message_zh
    return message_en


def _listed(text: str) -> str:
    """ "'table', 'json', 'csv'" or "TARGET, YEAR" as a Chinese list."""
    return "、".join(item.strip().strip("'") for item in text.split(","))


def _spaced(text: str) -> str:
    """ "-o/--output --printer", a group's options as argparse lists them, as a Chinese list."""
    return "、".join(text.split())


def _as_is(text: str) -> str:
    return text


# argparse's message, its Chinese, and how its last part (a list, when it is one) is written
_ARGPARSE_ZH: tuple[tuple[re.Pattern[str], str, Callable[[str], str]], ...] = (
    (re.compile(r"the following arguments are required: (.+)"), "缺少参数：{0}", _listed),
    (re.compile(r"unrecognized arguments: (.+)"), "无法识别的参数：{0}", _as_is),
    (re.compile(r"one of the arguments (.+) is required"), "须给出参数 {0} 之一", _spaced),
    (
        re.compile(r"argument (\S+): not allowed with argument (\S+)"),
        "参数 {0} 不能与 {1} 同时使用",
        _as_is,
    ),
    (re.compile(r"argument (\S+): expected one argument"), "参数 {0} 需要一个值", _as_is),
    (
        re.compile(r"ambiguous option: (\S+) could match (.+)"),
        "选项 {0} 有歧义，可指 {1}",
        _listed,
    ),
    (
        re.compile(r"argument (\S+): ignored explicit argument '?(.*?)'?"),
        "参数 {0} 不带值",
        _as_is,
    ),
    (
        re.compile(r"argument (\S+): invalid choice: '?(.*?)'? \(choose from (.+)\)"),
        "参数 {0}：“{1}”不是可选值（可选：{2}）",
        _listed,
    ),
    (
        re.compile(r"argument (\S+): invalid \S+ value: '?(.*?)'?"),
        "参数 {0}：“{1}”无效",
        _as_is,
    ),
)


def chinese_usage_error(message: str) -> str:
    """argparse's message (or one of the program's own) in Chinese; as it is when unknown."""
    known = _CHINESE.get(message)
    if known is not None:
        return known
    argument, _, reason = message.partition(": ")
    if argument.startswith("argument ") and reason in _CHINESE:
        return f"参数 {argument.removeprefix('argument ')}：{_CHINESE[reason]}"
    for pattern, chinese, last_part in _ARGPARSE_ZH:
        found = pattern.fullmatch(message)
        if found is not None:
            *parts, last = found.groups()
            return chinese.format(*parts, last_part(last))
    return message


class Parser(argparse.ArgumentParser):
    """An argument parser that reports usage errors in its `language`."""

    language = "en"

    def error(self, message: str) -> NoReturn:
        if self.language != "zh":
            super().error(message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{chinese_usage_error(message)}\n")


_PARSERS = {lang: type(f"Parser_{lang}", (Parser,), {"language": lang}) for lang in _LANGUAGES}
