"""Rotating copies of a workspace file, taken before every migration, import and restore.

Copies go through SQLite's online backup API (never a raw file copy: a copy taken during a write
could mix two states). Each copy is written under a `.part` name, checked with
`PRAGMA quick_check`, then renamed: a file with the final name is always a complete, good copy.
Rotation keeps the newest N copies (and, when set, drops those older than D days except the
newest one); it never runs for the copy taken just before a restore, so restoring never pushes
good copies out.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import platformdirs

from ordnum_desktop.domain.errors import WorkspaceError
from ordnum_desktop.store.engine import content_digest, file_revision, sqlite_uri
from ordnum_desktop.store.schema import BACKUP_DAYS_KEY, BACKUP_KEEP_KEY, SQLITE_MAGIC, known_revisions

log = logging.getLogger(__name__)

DEFAULT_KEEP = 10
REASONS = {
    "migration": "avant mise à jour du format",
    "import": "avant import",
    "annulation": "avant annulation d'import",
    "restauration": "avant restauration",
    "manuelle": "manuelle",
}
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z]+)\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)


def backup_root() -> Path:
    override = os.environ.get("ORDNUM_BACKUP_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("ordnum-desktop", appauthor=False)) / "backups"


def backup_dir_for(path: Path) -> Path:
    # Keyed by the resolved path, not the name alone: two « présérie.sqlite » in two folders
    # once shared one backup folder (restoring A brought B back, B's rotation deleted A's).
    real = os.path.realpath(path)
    digest = hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:10]
    return backup_root() / f"{Path(path).stem}-{digest}"


def _ro_connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(sqlite_uri(path.resolve(), "ro"), uri=True)


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def retention_settings(path: Path) -> tuple[int, int]:
    """(keep, days) from the workspace's app_meta; defaults when unset or unreadable."""
    keep, days = DEFAULT_KEEP, 0
    try:
        con = _ro_connect(path)
        try:
            rows = dict(
                con.execute(
                    "SELECT key, value FROM app_meta WHERE key IN (?, ?)", (BACKUP_KEEP_KEY, BACKUP_DAYS_KEY)
                ).fetchall()
            )
        finally:
            con.close()
        keep = max(1, int(rows.get(BACKUP_KEEP_KEY, keep)))
        days = max(0, int(rows.get(BACKUP_DAYS_KEY, days)))
    except (sqlite3.Error, ValueError):
        pass
    return keep, days


def copy_database(source: Path, target: Path) -> None:
    """Online copy of `source` into `target` (which may be a live workspace: the backup API writes
    it in one journaled transaction), then a quick integrity check of the result."""
    src = _ro_connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            verdict = dst.execute("PRAGMA quick_check").fetchone()
        finally:
            dst.close()
    finally:
        src.close()
    if not verdict or verdict[0] != "ok":
        raise sqlite3.DatabaseError(f"copie incohérente ({verdict[0] if verdict else '?'})")


def write_checked_copy(source: Path, final: Path) -> Path:
    """A copy of `source` that appears under `final` only once complete and checked: written
    under `final.part` (mode 0600: a workspace holds personal data), renamed over `final`; the
    `.part` is removed when anything fails."""
    part = final.with_name(final.name + ".part")
    part.unlink(missing_ok=True)  # a leftover of an interrupted copy to the same name
    os.close(os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        copy_database(source, part)
        os.replace(part, final)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return final


def make_backup(path: Path, reason: str, *, rotate: bool = True) -> Path | None:
    """A checked copy of the workspace in its backups folder (None: nothing to back up).

    A "migration" copy identical to the newest copy is not taken again: a file whose upgrade
    keeps failing (rolled back each time) must not push the good copies out one open at a time."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    if reason == "migration":
        found = list_backups(path)
        if (
            found
            and found[0].size == path.stat().st_size
            and content_digest(found[0].path) == content_digest(path)
        ):
            return found[0].path
    folder = backup_dir_for(path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    final = write_checked_copy(path, folder / f"{path.stem}-{stamp}-{reason}.sqlite")
    if rotate:
        rotate_backups(path)
    return final


def list_backups(path: Path) -> list[BackupInfo]:
    """Good copies of this workspace, newest first."""
    folder = backup_dir_for(Path(path))
    out = []
    if folder.is_dir():
        for entry in folder.iterdir():
            m = _NAME.match(entry.name)
            if not m or m["stem"] != Path(path).stem or not entry.is_file():
                continue
            created = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S-%f")
            out.append(BackupInfo(entry, created, m["reason"], entry.stat().st_size))
    return sorted(out, key=lambda b: b.created, reverse=True)


def rotate_backups(path: Path, keep: int | None = None, days: int | None = None) -> list[Path]:
    """Deletes the copies beyond the newest `keep` (and older than `days`, the newest one always
    kept); returns the deleted files. Leftover `.part` files older than an hour go too."""
    default_keep, default_days = retention_settings(path)
    keep = default_keep if keep is None else max(1, keep)
    days = default_days if days is None else max(0, days)
    backups = list_backups(path)
    doomed = backups[keep:]
    if days:
        limit = datetime.now() - timedelta(days=days)
        doomed += [b for b in backups[1:keep] if b.created < limit]
    removed = []
    for b in doomed:
        b.path.unlink(missing_ok=True)
        removed.append(b.path)
    folder = backup_dir_for(path)
    if folder.is_dir():
        # `.part-journal`: the journal of a copy killed while SQLite wrote it (issue 12, item 12).
        parts = [
            *folder.glob(f"{Path(path).stem}-*.sqlite.part"),
            *folder.glob(f"{Path(path).stem}-*.sqlite.part-journal"),
        ]
        for part in parts:
            if time.time() - part.stat().st_mtime > 3600:
                part.unlink(missing_ok=True)
    return removed


def check_backup(backup: Path) -> str | None:
    """The schema revision of a usable backup; raises WorkspaceError otherwise."""
    if not backup.is_file() or not _is_sqlite(backup):
        raise WorkspaceError(f"« {backup.name} » n'est pas une sauvegarde d'espace de travail lisible.")
    revision = file_revision(backup)
    if revision is not None and revision not in known_revisions():
        raise WorkspaceError(
            f"La sauvegarde « {backup.name} » vient d'une version plus récente "
            "d'ordnum-desktop : mettez l'application à jour pour la restaurer."
        )
    try:
        con = _ro_connect(backup)
        try:
            verdict = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        # SQLite's reason is English: it goes to the log file, the user reads the sentence.
        log.warning("Sauvegarde illisible : %s", backup, exc_info=exc)
        raise WorkspaceError(f"La sauvegarde « {backup.name} » est endommagée.") from exc
    if not verdict or verdict[0] != "ok":
        raise WorkspaceError(f"La sauvegarde « {backup.name} » est endommagée : elle n'a pas été restaurée.")
    return revision


def restore_into(path: Path, source: Path) -> None:
    """Replaces the content of `path` by the checked copy `source`'s, in one journaled
    transaction. The caller holds the workspace lock and has copied the current content."""
    check_backup(source)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    copy_database(source, path)
