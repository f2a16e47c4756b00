"""Where a workspace file lives: a network share or a cloud-synchronised folder is risky.

SQLite's locks are unreliable over NFS/SMB, and sync clients (Dropbox, OneDrive…) upload a file
while it is being written and may bring back a conflicting copy. The app still opens such a
file, but says so.
"""

from __future__ import annotations

import os
from pathlib import Path

CLOUD_FOLDERS = (
    "dropbox",
    "onedrive",
    "google drive",
    "googledrive",
    "my drive",
    "mon drive",
    "icloud",
    "icloud drive",
    "mobile documents",
    "nextcloud",
    "owncloud",
    "pcloud",
    "box sync",
    "seafile",
    "synology drive",
)
NETWORK_FS = (
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smbfs",
    "smb3",
    "9p",
    "afs",
    "sshfs",
    "davfs",
    "fuse",
    "fuseblk",
    "ceph",
    "glusterfs",
    "lustre",
)


def _mount_of(path: Path, mounts_file: Path) -> tuple[str, str] | None:
    """(mount point, filesystem type) of the longest mount point containing `path`."""
    try:
        lines = mounts_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best: tuple[str, str] | None = None
    target = str(path)
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > len(best[0])):
            best = (point, parts[2])
    return best


def location_warning(path: Path | str, *, mounts_file: Path = Path("/proc/mounts")) -> str | None:
    """A French warning when the file sits in a cloud-synced folder or on a network drive."""
    path = Path(os.path.abspath(Path(path).expanduser()))
    lowered = [part.lower() for part in path.parent.parts]
    for part in lowered:
        for name in CLOUD_FOLDERS:
            if (
                part == name
                or part.startswith(name + " ")
                or part.startswith(name + "-")
                or part.startswith(name + "_")
            ):
                return (
                    f"Attention : « {path.name} » est dans un dossier synchronisé ({path.parent}). "
                    "La synchronisation peut copier le fichier pendant une écriture ou créer des "
                    "copies en conflit : travaillez de préférence sur un dossier local et "
                    "copiez le fichier une fois l'application fermée."
                )
    if path.drive.startswith("\\\\"):  # pragma: no cover - Windows UNC path
        fstype: str | None = "smb"
    else:
        mount = _mount_of(path, mounts_file)
        fstype = mount[1] if mount else None
    if fstype and (fstype in NETWORK_FS or fstype.startswith("fuse.") or fstype.startswith("nfs")):
        return (
            f"Attention : « {path.name} » est sur un lecteur réseau ({fstype}). Le verrouillage "
            "n'y est pas fiable et une coupure réseau pendant une écriture peut abîmer le "
            "fichier : travaillez de préférence sur une copie locale."
        )
    return None
