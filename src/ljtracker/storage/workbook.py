"""Opening, creating and checking workbook files."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ljtracker.domain.errors import UserError
from ljtracker.storage import atomic
from ljtracker.storage.file_format import (
    APPLICATION_ID,
    COLUMNS_ADDED,
    SCHEMA_VERSION,
    SQLITE_HEADER,
    TABLE_COLUMNS,
)
from ljtracker.storage.os_reasons import sqlite_reasons
from ljtracker.storage.writer import ChangeWriter

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ljtracker.domain.change_names import ChangeName

_IN_MEMORY = Path(":memory:")
_OWN_OBJECT_TYPES = ("table", "index")


class WorkbookError(UserError):
    """A workbook cannot be opened or written."""


def already_exists(path: Path) -> WorkbookError:
    return WorkbookError(
        f"{path}: already exists; choose another name", f"{path}：文件已存在，请另选名称"
    )


_OTHER_KINDS = {  # files the program reads or writes beside workbooks
    ".csv": ("a CSV file", "CSV 文件"),
    ".tsv": ("a TSV file", "TSV 文件"),
    ".txt": ("a text file", "文本文件"),
    ".xlsx": ("an Excel file", "Excel 文件"),
    ".xlsm": ("an Excel file", "Excel 文件"),
    ".xls": ("an Excel file", "Excel 文件"),
    ".ods": ("an OpenDocument spreadsheet", "OpenDocument 电子表格"),
    ".pdf": ("a PDF file", "PDF 文件"),
    ".json": ("a JSON file", "JSON 文件"),
}


def refuse_another_kind_of_name(path: Path) -> None:
    """A new workbook named like a spreadsheet or a report ("plans.csv") would be taken for
    one, by people and by the programs that open such files."""
    kind = _OTHER_KINDS.get(path.suffix.lower())
    if kind is not None:
        kind_en, kind_zh = kind
        raise WorkbookError(
            f"{path}: a workbook is not {kind_en}; give it a name ending in .ljt",
            f"{path}：工作簿的文件名不能以 {path.suffix} 结尾（{kind_zh}的扩展名）；"
            "请使用以 .ljt 结尾的文件名",
        )


class WorkbookGone(WorkbookError):
    """The file was deleted, moved or replaced while open; the open connection still holds
    what it held, so a copy can be saved from it."""


class WorkbookWrittenElsewhere(WorkbookError):
    """Another program wrote into the file while it was open here (copied an older workbook
    over it, say): what is shown here is no longer what the file holds."""


class WorkbookDamaged(WorkbookError):
    """The file is a workbook whose contents fail SQLite's checks; it is never written to."""

    def __init__(self, message_en: str, message_zh: str, path: Path) -> None:
        super().__init__(message_en, message_zh)
        self.path = path


class WorkbookMissing(WorkbookError):
    """No file where the workbook is named to be; its backups may still be there."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: no such file", f"{path}：文件不存在")
        self.path = path


def _uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    conn = sqlite3.connect(_uri(path, mode), uri=True)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _check_header(path: Path) -> None:
    if not path.exists():
        raise WorkbookMissing(path)
    if not path.is_file():
        raise WorkbookError(f"{path}: not a file", f"{path}：不是文件")
    with path.open("rb") as f:
        header = f.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        _damaged_if_backed_up(path)
        raise WorkbookError(
            f"{path}: not an ljtracker workbook (not an SQLite database file)",
            f"{path}：不是 ljtracker 工作簿（不是 SQLite 数据库文件）",
        )


def _damaged_if_backed_up(path: Path) -> None:
    """A workbook file with backups was a workbook: one that no longer reads as one is damaged
    (its first bytes overwritten, say), and its backups can replace it. Only a name ending in
    .ljt is taken for a workbook so: plan.xlsx beside plan.ljt is not."""
    from ljtracker.storage.backup import SUFFIX, has_backups  # backups build on this module

    if path.suffix.lower() == SUFFIX and has_backups(path):
        raise WorkbookDamaged(
            f"{path}: damaged (it no longer reads as a workbook, and backups of it exist)",
            f"{path}：已损坏（无法再作为工作簿读取，而存在其备份）",
            path,
        )


def _check_identity(path: Path, conn: sqlite3.Connection) -> int:
    """Refuses a file that is not a workbook of a version this program reads; returns its
    format version."""
    try:
        (app_id,) = conn.execute("PRAGMA application_id").fetchone()
        (version,) = conn.execute("PRAGMA user_version").fetchone()
    except sqlite3.DatabaseError as e:
        raise WorkbookDamaged(
            f"{path}: damaged or not a workbook ({e})",
            f"{path}：已损坏或不是工作簿（{e}）",
            path,
        ) from e
    if app_id != APPLICATION_ID:
        _damaged_if_backed_up(path)
        raise WorkbookError(
            f"{path}: not an ljtracker workbook (a foreign SQLite database)",
            f"{path}：不是 ljtracker 工作簿（是其他程序的 SQLite 数据库）",
        )
    if version > SCHEMA_VERSION:
        raise WorkbookError(
            f"{path}: written by a newer version of ljtracker (workbook format {version}, "
            f"this version reads up to {SCHEMA_VERSION}); update ljtracker to open it",
            f"{path}：由更新版本的 ljtracker 写入（工作簿格式 {version}，本版本最高支持格式 "
            f"{SCHEMA_VERSION}）；请更新 ljtracker 后再打开",
        )
    return int(version)


def _first_problem(problems: list[str]) -> tuple[str, int]:
    """The first of SQLite's findings, and how many more: it can list hundreds, one a line."""
    lines = [
        line.strip()
        for problem in problems
        for line in problem.splitlines()
        if line.strip() and not line.startswith("***")
    ]
    return (lines[0], len(lines) - 1) if lines else ("", 0)


def _check_contents(path: Path, conn: sqlite3.Connection) -> int:
    """Refuses a file that is not a sound workbook of a version this program reads; returns
    its format version."""
    version = _check_identity(path, conn)
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as e:
        raise WorkbookDamaged(f"{path}: damaged ({e})", f"{path}：已损坏（{e}）", path) from e
    if problems != ["ok"]:
        first, more = _first_problem(problems)
        raise WorkbookDamaged(
            f"{path}: damaged ({first}{f'; and {more} more' if more else ''})",
            f"{path}：已损坏（{first}{f'；另有 {more} 处' if more else ''}）",
            path,
        )
    foreign = [
        f"{kind} {name}"
        for kind, name in conn.execute(
            "SELECT type, name FROM sqlite_schema WHERE type NOT IN (?, ?)", _OWN_OBJECT_TYPES
        )
    ]
    if foreign:
        raise WorkbookError(
            f"{path}: contains objects ljtracker did not create ({', '.join(foreign)}); "
            "refusing to open it",
            f"{path}：含有并非 ljtracker 创建的对象（{'、'.join(foreign)}），拒绝打开",
        )
    _check_tables(path, conn, version)
    return version


def _check_tables(path: Path, conn: sqlite3.Connection, version: int) -> None:
    """Refuses a workbook missing one of the tables or columns its format version has
    (dropped by another program)."""
    for table, columns in TABLE_COLUMNS.items():
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        missing = [
            c for c in columns if c not in present and COLUMNS_ADDED.get((table, c), 1) <= version
        ]
        if not present:
            en, zh = f"its table {table} is missing", f"缺少数据表 {table}"
        elif missing:
            named = "column" if len(missing) == 1 else "columns"
            en = f"its table {table} lacks the {named} {', '.join(missing)}"
            zh = f"数据表 {table} 缺少列 {'、'.join(missing)}"
        else:
            continue
        raise WorkbookDamaged(f"{path}: damaged ({en})", f"{path}：已损坏（{zh}）", path)


@contextmanager
def _glance(path: Path, wait: float) -> Iterator[sqlite3.Connection]:
    """A read-only connection of its own, for one quick read of the file as it is on disk;
    it waits for a writer's lock `wait` seconds at most."""
    conn = sqlite3.connect(_uri(path, "ro"), uri=True, timeout=wait)
    try:
        yield conn
    finally:
        conn.close()


def _newest_change(conn: sqlite3.Connection) -> tuple[int, str] | None:
    """The newest recorded change, by number and time, as `conn` reads it."""
    row = conn.execute("SELECT id, at FROM change ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def changes_on_disk(path: Path, numbers: Sequence[int]) -> dict[int, str] | None:
    """The time of each of these recorded changes that the file on disk holds, by number;
    None when it cannot be read now."""
    try:
        with _glance(path, wait=0.2) as conn:
            rows = conn.execute(
                "SELECT id, at FROM change WHERE id IN (SELECT value FROM json_each(?))",
                ["[" + ",".join(str(int(n)) for n in numbers) + "]"],
            ).fetchall()
    except sqlite3.Error:
        return None
    return {int(number): str(at) for number, at in rows}


def being_written(path: Path) -> bool:
    """Whether another program holds the file locked while it writes a change into it now, as
    SQLite tells it (without waiting); a change a stopped program left is not being written."""
    try:
        with _glance(path, wait=0) as conn:
            conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error as e:
        return getattr(e, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY
    return False


def _finish_interrupted_change(path: Path) -> None:
    """Roll back a change a stopped program left in its journal, as SQLite does on writing.

    A read-only connection cannot do this itself and would report the file as unreadable.
    """
    journal = path.with_name(path.name + "-journal")
    try:
        if journal.stat().st_size == 0:
            return
    except FileNotFoundError:  # none, or the writer holding it just finished
        return
    try:
        conn = _connect(path, "rw")
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as e:
        if getattr(e, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY:  # a live writer's
            raise WorkbookError(
                f"{path}: another program is writing a change into it; try again once it"
                " has finished",
                f"{path}：另一程序正在向其写入更改；请待其完成后再试",
            ) from e
        raise WorkbookError(
            f"{path}: a change was interrupted and cannot be rolled back here ({e}); "
            "open it once where the file and its folder can be written",
            f"{path}：有一次更改被中断，在此无法回滚（{e}）；请在文件及其文件夹可写的位置打开一次",
        ) from e


@contextmanager
def _probe(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a file that looks like an SQLite database, for checking it."""
    _check_header(path)
    _finish_interrupted_change(path)
    try:
        probe = _connect(path, "ro")
    except sqlite3.Error as e:
        raise WorkbookError(f"{path}: cannot be opened ({e})", f"{path}：无法打开（{e}）") from e
    try:
        yield probe
    finally:
        probe.close()


def stamped_version(path: str | Path) -> int:
    """The format version a workbook file is stamped with. Refuses a file that is not a
    workbook or comes from a newer version; opening it checks the rest of its contents."""
    path = Path(path)
    with _probe(path) as probe:
        return _check_identity(path, probe)


def _identity(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """Device and inode of the connection's main file; None in memory."""
    file = next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "")
    if not file:
        return None
    info = os.stat(file)
    return info.st_dev, info.st_ino


class Workbook:
    """An open workbook file. Writes go through `change()`, one transaction each."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self.conn = conn
        self._db: Database | None = None
        self.identity = _identity(conn)
        self._data_version = self._read_data_version()
        self._stamp = self._file_stamp()  # the file as this connection last left it
        self._newest_change = self._newest_change_seen()
        self.on_close: list[Callable[[], None]] = []  # e.g. releasing the writer's lock
        self.before_change: list[Callable[[], None]] = []  # e.g. checking it is still held
        if path != _IN_MEMORY:  # no output may be written over it while it is open
            protected = atomic.protect(path)
            self.on_close.append(lambda: atomic.unprotect(protected))

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Workbook:
        """Open an existing workbook after checking it; refuses anything else untouched."""
        path = Path(path)
        with _probe(path) as probe:
            version = _check_contents(path, probe)
        try:
            conn = _connect(path, "ro" if read_only else "rw")
        except sqlite3.Error as e:
            if read_only:
                raise WorkbookError(
                    f"{path}: cannot be opened ({e})", f"{path}：无法打开（{e}）"
                ) from e
            raise WorkbookError(
                f"{path}: cannot be opened for writing ({e})", f"{path}：无法以可写方式打开（{e}）"
            ) from e
        workbook = cls(path, conn, read_only=read_only)
        if not read_only and version < SCHEMA_VERSION:
            workbook._upgrade_or_close()
        return workbook

    @classmethod
    def create(cls, path: str | Path) -> Workbook:
        """Create a new, empty workbook; refuses to overwrite an existing file."""
        path = Path(path)
        refuse_another_kind_of_name(path)
        if path.exists():
            raise already_exists(path)
        if not path.parent.is_dir():
            raise WorkbookError(
                f"{path}: the folder {path.parent} does not exist",
                f"{path}：文件夹 {path.parent} 不存在",
            )
        try:
            conn = _connect(path, "rwc")
        except sqlite3.Error as e:
            raise WorkbookError(
                f"{path}: cannot be created ({e})", f"{path}：无法创建（{e}）"
            ) from e
        workbook = cls(path, conn, read_only=False)
        workbook._upgrade_or_close()
        return workbook

    @classmethod
    def in_memory(cls) -> Workbook:
        conn = sqlite3.connect(":memory:")
        conn.execute("PRAGMA foreign_keys = ON")
        workbook = cls(_IN_MEMORY, conn, read_only=False)
        workbook.upgrade()
        return workbook

    def needs_upgrade(self) -> bool:
        (version,) = self.conn.execute("PRAGMA user_version").fetchone()
        return int(version) < SCHEMA_VERSION

    def upgrade(self) -> None:
        """Apply the migrations this file lacks and stamp it with this program's version."""
        from ljtracker.storage import schema

        try:
            schema.upgrade(self.db)
        except sqlite3.Error as e:
            raise WorkbookError(
                f"{self.path}: cannot be upgraded ({e})", f"{self.path}：无法升级（{e}）"
            ) from e
        finally:
            self._note_own_writes()

    def _upgrade_or_close(self) -> None:
        try:
            self.upgrade()
        except BaseException:
            self.close()
            raise

    @property
    def db(self) -> Database:
        """sqlite-utils' view of the connection, for writing; loaded on first use so that
        opening and reading a workbook do not wait for it."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def load_writer(self) -> None:
        """Load what writing needs ahead of the first change."""
        self._db = self.db

    def query(
        self, sql: str, params: Sequence[Any] | dict[str, Any] = ()
    ) -> Iterator[dict[str, Any]]:
        """The rows of a read, each as a dict by column name."""
        cursor = self.conn.execute(sql, params)
        names = [column[0] for column in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def close(self) -> None:
        self.conn.close()
        while self.on_close:
            self.on_close.pop()()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def change(self, name: ChangeName) -> Iterator[ChangeWriter]:
        """One user action: one transaction, recorded in the revision history."""
        if self.read_only:
            raise WorkbookError(
                f"{self.path}: opened read-only; nothing was changed",
                f"{self.path}：以只读方式打开，未做任何更改",
            )
        self.check_still_there()
        for check in self.before_change:
            check()
        try:
            with self.db.atomic():
                # References are checked when the change is committed, not write by write: a
                # restore, or its undo, takes a row out and puts it back under rows that refer
                # to it. A change that leaves one dangling is refused whole.
                self.conn.execute("PRAGMA defer_foreign_keys = ON")
                yield ChangeWriter(self.db, name)
        except sqlite3.Error as e:
            en, zh = sqlite_reasons(e)
            raise WorkbookError(
                f"{self.path}: the change was not saved ({en})",
                f"{self.path}：更改未能保存（{zh}）",
            ) from e
        finally:
            self._note_own_writes()

    @property
    def newest_change(self) -> tuple[int, str] | None:
        """The newest recorded change, by number and time, as this connection last wrote or
        opened the file."""
        return self._newest_change

    def _note_own_writes(self) -> None:
        self._stamp = self._file_stamp()
        self._newest_change = self._newest_change_seen()

    def _newest_change_seen(self) -> tuple[int, str] | None:
        """The newest recorded change as this connection reads it (from its own cache while
        SQLite takes the file to be as it left it)."""
        try:
            return _newest_change(self.conn)
        except sqlite3.Error:  # not a workbook yet: its tables come with the upgrade
            return None

    def _read_data_version(self) -> int:
        (version,) = self.conn.execute("PRAGMA data_version").fetchone()
        return int(version)

    def _file_info(self) -> os.stat_result | None:
        """The file now at the workbook's path; None in memory or when there is none."""
        if self.identity is None:
            return None
        try:
            return os.stat(self.path)
        except OSError:
            return None

    def _file_stamp(self) -> tuple[int, int] | None:
        """The file's size and time of last change; None in memory or when it is gone."""
        info = self._file_info()
        return None if info is None else (info.st_size, info.st_mtime_ns)

    def written_elsewhere(self, *, ask_sqlite: bool = True) -> bool:
        """Whether another program has written into the file since this connection last wrote
        or opened it. SQLite tells (`ask_sqlite`) by the file's header, which can be alike in
        two copies changed as often since they parted; so the file's size and time of change
        are kept too, and when they moved, the newest change the file records is compared
        with the one this connection knows (a time touched by a sync tool, or reported late
        by a network share, is no write). Without `ask_sqlite` this never waits for a lock
        another program holds: a file moved at all counts as written."""
        stamp = self._file_stamp()
        if stamp != self._stamp:
            if not ask_sqlite:
                return True
            try:
                with _glance(self.path, wait=0.2) as on_disk:
                    if _newest_change(on_disk) != self._newest_change:
                        return True
            except sqlite3.Error:  # locked by a writer, or unreadable: not as it was left
                return True
            self._stamp = stamp  # touched only
        if not ask_sqlite:
            return False
        try:
            return self._read_data_version() != self._data_version
        except sqlite3.Error:  # busy: the change itself will say so
            return False

    def is_gone(self) -> bool:
        """Whether the file was deleted, moved or replaced by another while open: what this
        connection holds is then in no file that can be opened again."""
        if self.identity is None:
            return False
        info = self._file_info()
        return info is None or (info.st_dev, info.st_ino) != self.identity

    def check_still_there(self) -> None:
        """Refuse to write into a file that was deleted, moved, replaced or written by another
        program while open: WorkbookGone, WorkbookWrittenElsewhere."""
        if self.identity is None:
            return
        if self.is_gone():
            raise WorkbookGone(
                f"{self.path}: the file was deleted, moved or replaced while open; "
                "nothing was saved (open it again to go on)",
                f"{self.path}：文件在打开期间被删除、移动或替换，未保存任何内容（请重新打开后继续）",
            )
        if self.written_elsewhere():
            raise WorkbookWrittenElsewhere(
                f"{self.path}: another program wrote into the file while it was open here;"
                " nothing was saved, so as not to write over what it wrote (open the workbook"
                " again to see what it holds now)",
                f"{self.path}：打开期间另一程序写入了该文件；为免覆盖其写入的内容，未保存任何更改"
                "（请重新打开工作簿查看其现有内容）",
            )

    def integrity_problems(self) -> list[str]:
        rows = [row[0] for row in self.conn.execute("PRAGMA integrity_check")]
        problems = [] if rows == ["ok"] else rows
        problems += [
            f"foreign key: {table} row {rowid} refers to a missing {parent}"
            for table, rowid, parent, _ in self.conn.execute("PRAGMA foreign_key_check")
        ]
        return problems
