from __future__ import annotations

import os
from pathlib import Path

import pytest

from ljtracker.storage.atomic import OutputError, atomic_output, protect, unprotect
from ljtracker.storage.workbook import Workbook


def test_output_appears_whole_on_success(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    with atomic_output(out) as temp:
        temp.write_bytes(b"%PDF-1.7 whole")
        assert not out.exists()
    assert out.read_bytes() == b"%PDF-1.7 whole"
    assert list(tmp_path.iterdir()) == [out]


def test_failure_keeps_the_old_file_and_leaves_no_partial(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(out) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("renderer failed")
    assert out.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [out]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with (
        pytest.raises(OutputError, match="does not exist"),
        atomic_output(tmp_path / "nope" / "x.pdf"),
    ):
        pass


def test_open_workbook_is_never_overwritten(tmp_path: Path) -> None:
    workbook = tmp_path / "plans.ljt"
    workbook.write_bytes(b"workbook")
    protect(workbook)
    try:
        with pytest.raises(OutputError, match="open workbook"), atomic_output(workbook):
            pass
    finally:
        unprotect(workbook)
    assert workbook.read_bytes() == b"workbook"


def test_new_output_gets_the_usual_permissions(tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    old_umask = os.umask(0o022)
    try:
        with atomic_output(out) as temp:
            temp.write_text("plan,code\n")
    finally:
        os.umask(old_umask)
    assert out.stat().st_mode & 0o777 == 0o644


def test_rewritten_output_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old")
    out.chmod(0o664)
    with atomic_output(out) as temp:
        temp.write_bytes(b"new")
    assert out.stat().st_mode & 0o777 == 0o664


def test_a_workbook_open_twice_stays_protected_until_both_close(tmp_path: Path) -> None:
    workbook = tmp_path / "plans.ljt"
    workbook.write_bytes(b"workbook")
    protect(workbook)
    protect(workbook)
    unprotect(workbook)
    try:
        with pytest.raises(OutputError, match="open workbook"), atomic_output(workbook):
            pass
    finally:
        unprotect(workbook)
    with atomic_output(workbook) as temp:
        temp.write_bytes(b"replaced once closed")
    assert workbook.read_bytes() == b"replaced once closed"


def test_a_workbook_opened_through_a_link_is_freed_at_close_though_the_link_moved(
    tmp_path: Path,
) -> None:
    first, second, link = tmp_path / "a.ljt", tmp_path / "b.ljt", tmp_path / "current.ljt"
    first.write_bytes(b"a")
    second.write_bytes(b"b")
    link.symlink_to(first)
    key = protect(link)
    link.unlink()
    link.symlink_to(second)
    unprotect(key)
    with atomic_output(first) as temp:
        temp.write_bytes(b"free again")
    assert first.read_bytes() == b"free again"


def test_a_workbook_opened_through_a_link_moved_while_open_is_freed_at_close(
    demo_path: Path,
) -> None:
    link = demo_path.with_name("current.ljt")
    link.symlink_to(demo_path)
    other = demo_path.with_name("other.ljt")
    other.write_bytes(demo_path.read_bytes())
    with Workbook.open(link, read_only=True):
        link.unlink()
        link.symlink_to(other)
    with atomic_output(demo_path, replaces_workbooks=True) as temp:  # closed: not refused
        temp.write_bytes(b"replaced")


def test_a_workbook_not_open_is_replaced_only_by_a_workbook(demo_path: Path) -> None:
    before = demo_path.read_bytes()
    with pytest.raises(OutputError, match="that is a workbook"), atomic_output(demo_path):
        pass
    assert demo_path.read_bytes() == before
    with atomic_output(demo_path, replaces_workbooks=True) as temp:  # Save a Copy over it
        temp.write_bytes(before)
    plain = demo_path.with_name("plain.db")  # SQLite, but not a workbook: a report may go
    plain.write_bytes(b"SQLite format 3\x00" + bytes(84))
    with atomic_output(plain) as temp:
        temp.write_bytes(b"report")
    assert plain.read_bytes() == b"report"
