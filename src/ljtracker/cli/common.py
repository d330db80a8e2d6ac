"""What every command shares: error handling, exit codes, the language option."""

from __future__ import annotations

import argparse
import locale
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO, TypeVar, cast

from ljtracker.cli.usage_errors import ArgumentRefused
from ljtracker.domain.as_of import before_plan, first_as_of_year
from ljtracker.domain.errors import UserError
from ljtracker.domain.explain import METHOD_NAMES
from ljtracker.domain.model import Method, Plan, Quality
from ljtracker.domain.numbers import NumberError, parse_year
from ljtracker.domain.wording import command_word
from ljtracker.services import clock
from ljtracker.services.safety import open_for_writing
from ljtracker.sheets.template import (
    enum_choices,
    enum_choices_zh,
    enum_from_text,
)
from ljtracker.storage import reads
from ljtracker.storage.atomic import OutputFailed, output_refusal
from ljtracker.storage.backup import has_backups
from ljtracker.storage.lock import WorkbookLocked
from ljtracker.storage.workbook import Workbook, WorkbookDamaged, WorkbookMissing

_ONE_LINE = re.compile(r"\r\n|[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]")  # as splitlines
T = TypeVar("T")
EXIT_OK = 0
EXIT_DATA = 1
EXIT_OUTPUT = 74  # sysexits' EX_IOERR: the output could not be written
LOCK_WAIT_S = 5.0
LOCK_POLL_S = 0.05


class OutputError(Exception):
    """Standard output refused what a command printed (a full disk, a dead device)."""


class _GuardedOutput:
    """Standard output whose write failures are told apart from every other OSError."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._guarded(lambda: self._stream.write(text))

    def flush(self) -> None:
        self._guarded(self._stream.flush)

    @staticmethod
    def _guarded(call: Callable[[], T]) -> T:
        try:
            return call()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputError(e.strerror or str(e)) from e

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class CommandError(UserError):
    """A problem with the data or file: one line on stderr, exit 1. Commands that speak
    Chinese (--lang) give the Chinese line too."""

    def __init__(self, message_en: str, message_zh: str = "") -> None:
        super().__init__(message_en, message_zh or message_en)


DAMAGED_HINT = (
    "ljtracker: `ljtracker backups {path}` lists its backups; `ljtracker restore {path} BACKUP`"
    " puts one in its place and keeps the damaged file",
    "ljtracker: `ljtracker backups {path}` 列出其备份；`ljtracker restore {path} 备份` 用备份替换"
    "它，并保留损坏的文件",
)
NO_BACKUP_HINT = (
    "ljtracker: it has no backup (one is made when a workbook is first opened each day); a copy"
    " kept elsewhere is what can replace it",
    "ljtracker: 该工作簿没有备份（每天首次打开工作簿时会自动备份）；只能用在别处保存的副本替换它",
)


MISSING_HINT = (
    "ljtracker: its backups are still there: `ljtracker backups {path}` lists them; `ljtracker"
    " restore {path} BACKUP` puts one in its place",
    "ljtracker: 其备份仍在：`ljtracker backups {path}` 列出这些备份；`ljtracker restore {path}"
    " 备份` 用其中一个放回原处",
)


def run_guarded(action: Callable[[], int], lang: str = "en") -> int:
    """Run a command; a refused one prints its reason (in `lang` where it has one) on stderr."""
    stdout = sys.stdout
    if stdout is not None:
        sys.stdout = cast(TextIO, _GuardedOutput(stdout))
    try:
        code = action()
        if sys.stdout is not None:
            sys.stdout.flush()
        return code
    except OutputError as e:
        _drop_output()
        said = (
            f"输出无法写出（{e}）；是否已记录更改，可用 changes 命令查看"
            if lang == "zh"
            else f"the output could not be written ({e}); `changes` tells whether a change"
            " was recorded"
        )
        print(f"ljtracker: {said}", file=sys.stderr)
        return EXIT_OUTPUT
    except OutputFailed as e:  # the file, not the command's own output: it says which
        print(f"ljtracker: {e.message_zh if lang == 'zh' else e}", file=sys.stderr)
        return EXIT_OUTPUT
    except UserError as e:
        reason = e.message_zh if lang == "zh" else str(e)
        print(f"ljtracker: {reason}", file=sys.stderr)
        if isinstance(e, WorkbookDamaged):
            hint = DAMAGED_HINT if has_backups(e.path) else NO_BACKUP_HINT
            print(hint[lang == "zh"].format(path=command_word(str(e.path))), file=sys.stderr)
        elif isinstance(e, WorkbookMissing) and has_backups(e.path):
            print(
                MISSING_HINT[lang == "zh"].format(path=command_word(str(e.path))), file=sys.stderr
            )
        return EXIT_DATA
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        said = (
            "已中断；未完成的更改未被记录，已记录的更改可用 changes 命令查看"
            if lang == "zh"
            else "interrupted; a change not finished was not recorded (`changes` lists those"
            " that were)"
        )
        print(f"\nljtracker: {said}", file=sys.stderr)
        return 130
    finally:
        sys.stdout = stdout


def _drop_output() -> None:
    """Send what is still buffered for stdout nowhere: flushed again as Python exits, it
    would fail again, and turn the exit code into 120."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(devnull)
    except (OSError, ValueError):
        pass


def tab_separated(*fields: str) -> str:
    """One line of tab-separated fields; a tab or line break inside a field (a note of two
    lines) becomes a space, so that each record stays one line of the same fields."""
    return "\t".join(_ONE_LINE.sub(" ", field) for field in fields)


def positive_count(text: str) -> int:
    """An argument counting something: a whole number of 1 or more."""
    if not text.strip().isdigit() or int(text) < 1:
        raise ArgumentRefused(
            f"{text!r} is not a count of 1 or more", f"“{text}”不是 1 或以上的整数"
        )
    return int(text)


def default_language() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh" if code.lower().startswith("zh") else "en"


def command_language(args: argparse.Namespace) -> str:
    """The language a command speaks: its --lang, else the system's; English for a command
    without the option."""
    if not hasattr(args, "lang"):
        return "en"
    return str(args.lang or default_language())


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help="language of names, explanations and messages (default: from the system locale)",
    )


def add_overwrite_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--overwrite", action="store_true", help="replace the output file if it exists"
    )


def refuse_to_replace(args: argparse.Namespace, protected: tuple[Path, ...] = ()) -> None:
    """An existing output file is replaced only when asked: it may be one edited by hand. A
    folder or a workbook, which no output replaces, is left for the writer to refuse."""
    output = Path(args.output)
    if args.overwrite or not output.is_file() or output_refusal(output, protected):
        return
    raise CommandError(
        f"{output} exists; nothing was written (add --overwrite to replace it)",
        f"{output} 已存在；未写入任何内容（如需替换，请加 --overwrite）",
    )


def open_workbook(path: str, *, read_only: bool = False) -> Workbook:
    """Open for reading, or for changes: locked, checked and backed up (services.safety).

    Another command holding the lock for a moment (a script's `record` before this one) is
    waited for, up to LOCK_WAIT_S; a window holds it while it is open, and is named then."""
    if read_only:
        return Workbook.open(path, read_only=True)
    return open_for_writing_when_free(path)


def open_for_writing_when_free(path: str, *, daily_backup: bool = True) -> Workbook:
    """services.safety.open_for_writing, waiting up to LOCK_WAIT_S for another command's lock."""
    deadline = time.monotonic() + LOCK_WAIT_S
    while True:
        try:
            return open_for_writing(path, daily_backup=daily_backup)
        except WorkbookLocked:
            if time.monotonic() >= deadline:
                raise
            time.sleep(LOCK_POLL_S)


def year_argument(text: str) -> int:
    """An argparse type: a malformed year is wrong usage (exit 2), named by the parser."""
    try:
        return parse_year(text)
    except NumberError as e:
        raise ArgumentRefused.of(e) from e


def quality_argument(text: str) -> str:
    """An argparse type for a figure's quality, in the words an import reads ("初步",
    "preliminary"): its value."""
    try:
        quality = enum_from_text(Quality, text)
    except ValueError:
        quality = None
    if quality is None:
        raise ArgumentRefused(
            f"{text!r} is not a quality: choose {enum_choices(Quality)}",
            f"“{text}”不是数据质量，可选：{enum_choices_zh(Quality)}",
        )
    return quality.value


def _method_key(words: str) -> str:
    """Words compared loosely: full-width folded, case, spaces, dashes and brackets ignored
    (not what brackets hold, as with a header: "projection (schedule)" names no method)."""
    return re.sub(r"[\s_\-()]+", "", unicodedata.normalize("NFKC", words).casefold())


# a method's value, its names and the words planners use for it
_METHOD_WORDS = {
    _method_key(word): method
    for method, words in {
        Method.GROWTH_RATIO: ("增长比值", "growth ratio"),
        Method.PROJECTION: ("趋势预测", "趋势外推", "趋势外推法"),
        Method.SCHEDULE: ("序时进度", "时间进度", "时间进度法", "time elapsed", "schedule"),
    }.items()
    for word in (method.value, *METHOD_NAMES[method], *words)
}


def method_argument(text: str) -> str:
    """An argparse type for a progress method, by its value or its name in either language
    ("schedule", "序时进度法", "序时进度"): its value."""
    method = _METHOD_WORDS.get(_method_key(text))
    if method is None:
        listed = ", ".join(f"{m.value} ({METHOD_NAMES[m][1]})" for m in Method)
        listed_zh = "、".join(f"{METHOD_NAMES[m][1]}（{m.value}）" for m in Method)
        raise ArgumentRefused(
            f"{text!r} is not a progress method: choose {listed}",
            f"“{text}”不是进展评估方法，可选：{listed_zh}",
        )
    return method.value


def as_of_argument(text: str) -> int:
    """An argparse type for the year progress is judged as of: one that has begun."""
    year, this_year = year_argument(text), clock.this_year()
    if year > this_year:
        raise ArgumentRefused(
            f"{year} has not come yet (this is {this_year}); progress can be judged as of"
            f" {this_year} at the latest",
            f"{year}年尚未到来（今年是{this_year}年）；进展最晚可评估到{this_year}年",
        )
    return year


def refuse_before_every_plan(wb: Workbook, plans: Sequence[Plan], as_of: int) -> None:
    """A year as of which none of `plans` can be judged (before each plan and its baselines):
    refused as the report refuses it, naming the plan that can be judged earliest."""
    refusals = []
    for plan in plans:
        assert plan.id is not None
        targets = reads.targets(wb, plan.id)
        refusals.append((first_as_of_year(plan, targets), before_plan(plan, targets, as_of)))
    if refusals and all(refused is not None for _, refused in refusals):
        _, refused = min(refusals, key=lambda pair: pair[0])
        assert refused is not None
        raise CommandError(*refused)
