"""Where a workbook lives: network shares and cloud-sync folders, where file locking and syncing
are unreliable, and the conflicted copies sync services leave beside a file."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePath

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "davfs",
        "fuse.sshfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.davfs2",
        "fuse.gvfsd-fuse",
        "fuse.glusterfs",
        "fuse.cephfs",
        "fuse.juicefs",
    }
)

# Folder names (or their beginnings) that sync services create; matched per path component.
CLOUD_FOLDERS = (
    ("Dropbox", re.compile(r"^dropbox\b", re.IGNORECASE)),
    ("OneDrive", re.compile(r"^onedrive\b", re.IGNORECASE)),
    ("Google Drive", re.compile(r"^(google ?drive|my drive|googledrive)\b", re.IGNORECASE)),
    ("iCloud", re.compile(r"^(icloud( drive)?|mobile documents|com~apple~clouddocs)$", re.I)),
    ("Nutstore (坚果云)", re.compile(r"^(nutstore|我的坚果云|坚果云)", re.IGNORECASE)),
    ("Baidu Netdisk (百度网盘)", re.compile(r"^(baidunetdisk|baidu ?netdisk|百度网盘)", re.I)),
    ("Box", re.compile(r"^box( sync)?$", re.IGNORECASE)),
    ("Nextcloud", re.compile(r"^nextcloud\b", re.IGNORECASE)),
    ("ownCloud", re.compile(r"^owncloud\b", re.IGNORECASE)),
    ("Seafile", re.compile(r"^seafile\b", re.IGNORECASE)),
    ("pCloud", re.compile(r"^pcloud( drive)?$", re.IGNORECASE)),
    ("MEGA", re.compile(r"^megasync$|^mega$", re.IGNORECASE)),
    ("Synology Drive", re.compile(r"^synologydrive$", re.IGNORECASE)),
    ("WPS Cloud (WPS云文档)", re.compile(r"^(wps ?cloud|wps云文档|wpsdrive)", re.IGNORECASE)),
    ("cloud storage", re.compile(r"^cloudstorage$", re.IGNORECASE)),
)

_CONFLICT_MARK = re.compile(r"conflict|冲突|副本|\bcopy\b|\(\d+\)", re.IGNORECASE)


@dataclass(frozen=True)
class Location:
    network: str | None  # the file system's type when the workbook is on a network share
    cloud: str | None  # the sync service whose folder holds the workbook
    conflicted_copies: tuple[Path, ...]

    @property
    def worrying(self) -> bool:
        return bool(self.network or self.cloud or self.conflicted_copies)


def _unescape_mount(text: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), text)


def file_system_type(path: Path, mounts: str | None = None) -> str:
    """The type of the file system holding `path`, from /proc/mounts; "" where unknown."""
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
    best, best_type = -1, ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = PurePath(_unescape_mount(parts[1]))
        if (path == point or point in path.parents) and len(point.parts) > best:
            best, best_type = len(point.parts), parts[2]
    return best_type


def network_file_system(path: Path, mounts: str | None = None) -> str | None:
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return "network share"
    if "/gvfs/" in text:
        return "gvfs"
    kind = file_system_type(path, mounts)
    if kind in NETWORK_FILE_SYSTEMS or kind.startswith(("nfs", "smb", "cifs")):
        return kind
    return None


def cloud_service(path: PurePath) -> str | None:
    for part in path.parts[:-1]:
        for service, pattern in CLOUD_FOLDERS:
            if pattern.search(part):
                return service
    return None


def conflicted_copies(path: Path) -> tuple[Path, ...]:
    """Files beside `path` that look like a sync service's conflicted copies of it."""
    stem, suffix = path.stem, path.suffix
    try:
        names = os.listdir(path.parent)  # a workbook may lie among thousands of files
    except OSError:
        return ()
    found = []
    for name in names:
        if name == path.name or not name.startswith(stem) or not name.endswith(suffix):
            continue
        middle = name[len(stem) : len(name) - len(suffix)]
        if middle and _CONFLICT_MARK.search(middle) and (path.parent / name).is_file():
            found.append(path.parent / name)
    return tuple(sorted(found))


def examine(path: str | Path, mounts: str | None = None) -> Location:
    resolved = Path(path).resolve()
    return Location(
        network=network_file_system(resolved, mounts),
        cloud=cloud_service(resolved),
        conflicted_copies=conflicted_copies(resolved),
    )
