"""Risky places for a workbook: network shares, sync folders, conflicted copies beside it."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from ljtracker.storage.location import cloud_service, examine, network_file_system

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
/dev/sda2 /home ext4 rw,relatime 0 0
//fileserver/plans /mnt/office\\040share cifs rw,vers=3.0 0 0
nas:/export/plans /srv/plans nfs4 rw 0 0
alice@host:/data /home/alice/remote fuse.sshfs rw 0 0
/dev/sdb1 /media/usb fuseblk rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/mnt/office share/2024/plan.ljt", "cifs"),
        ("/srv/plans/plan.ljt", "nfs4"),
        ("/home/alice/remote/plan.ljt", "fuse.sshfs"),
        ("/run/user/1000/gvfs/smb-share:server=fs,share=plans/plan.ljt", "gvfs"),
        ("/home/alice/plan.ljt", None),
        ("/media/usb/plan.ljt", None),
        ("/srv/plans-local/plan.ljt", None),
    ],
)
def test_network_shares_are_recognised(path: str, kind: str | None) -> None:
    assert network_file_system(Path(path), MOUNTS) == kind


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/li/Dropbox/plans/plan.ljt", "Dropbox"),
        ("/home/li/Dropbox (Planning Office)/plan.ljt", "Dropbox"),
        ("/Users/li/OneDrive - Liangjiang/plan.ljt", "OneDrive"),
        ("/Users/li/Google Drive/My Drive/plan.ljt", "Google Drive"),
        ("/Users/li/Library/Mobile Documents/com~apple~CloudDocs/plan.ljt", "iCloud"),
        ("/home/li/Nutstore Files/plan.ljt", "Nutstore (坚果云)"),
        ("/home/li/我的坚果云/规划/plan.ljt", "Nutstore (坚果云)"),
        ("/home/li/BaiduNetdisk/plan.ljt", "Baidu Netdisk (百度网盘)"),
        ("/home/li/百度网盘/plan.ljt", "Baidu Netdisk (百度网盘)"),
        ("/home/li/Documents/plans/plan.ljt", None),
        ("/home/li/boxing club/plan.ljt", None),
        ("/home/li/plans/Dropbox.ljt", None),
    ],
)
def test_cloud_sync_folders_are_recognised(path: str, service: str | None) -> None:
    assert cloud_service(PurePosixPath(path)) == service


def test_conflicted_copies_beside_the_workbook_are_pointed_out(tmp_path: Path) -> None:
    workbook = tmp_path / "plan.ljt"
    conflicted = [
        "plan (conflicted copy 2024-05-12).ljt",
        "plan (Wang's conflicted copy 2024-05-12).ljt",
        "plan-conflict.ljt",
        "plan (1).ljt",
        "plan.sync-conflict-20240512-143015-ABCDEFG.ljt",
        "plan (冲突副本).ljt",
        "plan - Copy.ljt",
    ]
    innocent = ["plan 2025.ljt", "plans.ljt", "plan.ljt.lock", "plan.ljt-journal", "other.ljt"]
    for name in [workbook.name, *conflicted, *innocent]:
        (tmp_path / name).write_bytes(b"")
    found = examine(workbook).conflicted_copies
    assert sorted(p.name for p in found) == sorted(conflicted)


def test_an_ordinary_folder_gives_no_warning(demo_path: Path) -> None:
    location = examine(demo_path)
    assert not location.worrying
