"""Backups as use cases: before a migration or an import, listing, restoring, retention settings.

`session.py` hands `before_migration` to the store's opener, so this module must not import
`session` at run time (it would be a cycle): `Workspace` is a type-only import here, and
`restore_backup` reopens the file through the store directly.

The window's « Restaurer une sauvegarde… » action closes its workspace, calls `restore_backup`,
then reopens the file (the ORM objects it holds would be stale otherwise).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ordnum_desktop.domain.errors import WorkspaceError, os_reason
from ordnum_desktop.services.errors import Hint, UserError, failure_message
from ordnum_desktop.services.workspace import changes
from ordnum_desktop.store import audit, backups
from ordnum_desktop.store.address import ServerAddress, is_server_address
from ordnum_desktop.store.backups import BackupInfo
from ordnum_desktop.store.engine import file_revision, open_engine
from ordnum_desktop.store.lock import WorkspaceLock
from ordnum_desktop.store.models import AppMeta
from ordnum_desktop.store.schema import BACKUP_DAYS_KEY, BACKUP_KEEP_KEY

if TYPE_CHECKING:
    from ordnum_desktop.services.workspace.session import Workspace


def _safe_backup(path: Path, reason: str, what: str) -> Path | None:
    try:
        return backups.make_backup(path, reason)
    except (OSError, sqlite3.Error) as exc:
        raise UserError(
            f"La sauvegarde de « {path.name} » avant {what} a échoué, rien n'a été modifié. "
            + failure_message(exc, context=f"Sauvegarde avant {what}")
        ) from exc


def before_migration(path: Path, revision: str | None) -> None:
    """Called by the store before a file is migrated from `revision` (None: a new, empty file).

    An existing file is copied first (Anki, Vorta: copy before migrating); if the copy cannot be
    made, the migration is refused and the file stays as it is."""
    if revision is None:
        return
    try:
        backups.make_backup(path, "migration")
    except (OSError, sqlite3.Error) as exc:
        raise WorkspaceError(
            f"Le fichier « {path.name} » doit être mis à jour, mais sa sauvegarde préalable a échoué : "
            "le fichier n'a pas été modifié. " + failure_message(exc, context="Sauvegarde avant migration")
        ) from exc


# On a server the copies are the server's: its administrator runs pg_dump (README, « Mode équipe »).
SERVER_BACKUPS = (
    "« {name} » est une base PostgreSQL : ses sauvegardes sont faites sur le serveur "
    "(pg_dump, par son administrateur), pas par l'application."
)


def _file_of(ws: Workspace, what: str) -> Path:
    """The workspace's file, for the actions that copy it; refused on a server."""
    if ws.path is None:
        raise UserError(SERVER_BACKUPS.format(name=ws.name) + f" {what} n'est possible que pour un fichier.")
    return ws.path


def before_import(ws: Workspace) -> Path | None:
    """A rotating copy taken at the start of every import; refuses the import when it fails.
    None on a server (its backups are pg_dump's, see SERVER_BACKUPS) and for an empty file."""
    if ws.path is None:
        return None
    return _safe_backup(ws.path, "import", "l'import")


def before_undo(ws: Workspace) -> Path | None:
    if ws.path is None:
        return None
    return _safe_backup(ws.path, "annulation", "l'annulation")


def backup_now(ws: Workspace) -> Path:
    path = _file_of(ws, "Une sauvegarde par l'application")
    copy = _safe_backup(path, "manuelle", "la copie")
    if copy is None:
        raise UserError(f"Le fichier « {ws.name} » est vide : rien à sauvegarder.")
    return copy


def save_copy(ws: Workspace, target: Path | str) -> Path:
    """Fichier ▸ Enregistrer une copie: a consistent, checked copy of the open workspace under a
    name the user chose, a normal workspace file to open elsewhere. Same guarantees as a backup
    (SQLite online backup, integrity check, `.part` then rename, mode 0600)."""
    path = _file_of(ws, "« Enregistrer une copie »")
    target = Path(target).expanduser()
    if target.resolve() == path.resolve():
        raise UserError("La copie doit porter un autre nom que le fichier ouvert.")
    if not target.parent.is_dir():
        raise UserError(f"Le dossier « {target.parent} » n'existe pas : impossible d'y écrire la copie.")
    try:
        return backups.write_checked_copy(path, target)
    except (OSError, sqlite3.Error) as exc:
        raise UserError(f"La copie de « {ws.name} » dans « {target} » a échoué ({exc}).") from exc


def _refuse_server(address: Path | str, what: str) -> None:
    if is_server_address(address):
        name = ServerAddress(str(address)).name
        raise UserError(SERVER_BACKUPS.format(name=name) + f" {what} n'est possible que pour un fichier.")


def list_backups(path: Path | str) -> list[BackupInfo]:
    """Newest first; works even when the workspace file itself is gone."""
    _refuse_server(path, "La liste des sauvegardes")
    return backups.list_backups(Path(path).expanduser())


def resolve_backup(path: Path | str, ref: str) -> Path:
    """A backup named by its number in `list_backups` (1 = newest), its file name, or a path."""
    found = list_backups(path)
    if ref.isdigit() and 1 <= int(ref) <= len(found) and not Path(ref).exists():
        return found[int(ref) - 1].path
    for b in found:
        if b.path.name == ref:
            return b.path
    candidate = Path(ref).expanduser()
    if candidate.is_file():
        return candidate
    raise UserError(f"Sauvegarde « {ref} » introuvable.", hint=Hint.LIST_BACKUPS)


def restore_backup(path: Path | str, ref: str | Path) -> Path | None:
    """Puts a backup's content back into the workspace file, after copying the current content
    (that copy does not rotate others out). Refused while another instance has the file open.
    Returns the copy of the replaced content."""
    _refuse_server(path, "La restauration d'une sauvegarde")
    path = Path(path).expanduser()
    backup = resolve_backup(path, str(ref))
    if backup.exists() and path.exists() and backup.samefile(path):
        # Copying a file onto itself through SQLite's backup API waits for its own lock forever.
        raise UserError(
            f"« {backup.name} » est l'espace de travail lui-même, pas une de ses sauvegardes : "
            "choisissez l'une des sauvegardes de la liste."
        )
    with WorkspaceLock(path):
        if path.exists():
            # Repairs an interrupted commit (hot journal) before the pre-restore copy reads it.
            file_revision(path)
        backups.check_backup(backup)
        safety = _pre_restore_copy(path)
        # The backup's content is prepared beside the workspace, migrated to the current format
        # and with its « restore » audit line, then put into the workspace in one transaction: a
        # kill leaves the file as it was or restored with its audit line, never in between.
        staged = path.with_name(f".{path.name}.restauration")
        try:
            _discard(staged)  # what a killed restore left
            backups.write_checked_copy(backup, staged)
            engine = open_engine(staged, before_migration=_kept_as_is)
            try:
                with engine.begin() as conn:
                    audit.record(
                        conn,
                        action="restore",
                        entity="workspace",
                        entity_id=None,
                        preserie_id=None,
                        before={"copy": safety.name if safety else ""},
                        after={"backup": backup.name},
                    )
            finally:
                engine.dispose()
            backups.restore_into(path, staged)
        except (OSError, sqlite3.Error) as exc:
            raise UserError(
                f"La restauration dans « {path.name} » a échoué, le fichier n'a pas été modifié. "
                + failure_message(exc, context="Restauration")
            ) from exc
        finally:
            _discard(staged)
        changes.note_saved()  # the file's content is now the backup's
    return safety


def _pre_restore_copy(path: Path) -> Path | None:
    try:
        return backups.make_backup(path, "restauration", rotate=False)
    except (OSError, sqlite3.Error) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else "le disque est plein"
        if isinstance(exc, sqlite3.Error) and "full" not in str(exc).lower():
            reason = failure_message(exc)
        raise UserError(
            f"La restauration dans « {path.name} » a échoué : la copie de sécurité n'a pas pu "
            f"être écrite dans « {backups.backup_dir_for(path)} » ({reason}). Le fichier "
            "n'a pas été modifié : libérez de la place dans ce dossier puis recommencez."
        ) from exc


def _kept_as_is(_path: Path, _revision: str | None) -> None:
    """The staged copy of a backup needs no copy before its migration: the backup is that copy."""


def _discard(staged: Path) -> None:
    for leftover in (staged, staged.with_name(staged.name + "-journal")):
        leftover.unlink(missing_ok=True)


def set_retention(ws: Workspace, keep: int | None = None, days: int | None = None) -> tuple[int, int]:
    """Number of copies kept (≥ 1) and age limit in days (0: none). Returns the settings now."""
    path = _file_of(ws, "Le réglage des sauvegardes")
    if keep is not None and keep < 1:
        raise UserError("Il faut garder au moins une sauvegarde.")
    if days is not None and days < 0:
        raise UserError("La durée de conservation ne peut pas être négative.")
    with ws.session() as s:
        for key, value in ((BACKUP_KEEP_KEY, keep), (BACKUP_DAYS_KEY, days)):
            if value is None:
                continue
            row = s.get(AppMeta, key) or AppMeta(key=key, value="")
            row.value = str(value)
            s.add(row)
    return backups.retention_settings(path)


def retention(path: Path | str) -> tuple[int, int]:
    _refuse_server(path, "Le réglage des sauvegardes")
    return backups.retention_settings(Path(path).expanduser())


def as_json(b: BackupInfo, number: int) -> dict[str, Any]:
    return {
        "number": number,
        "file": str(b.path),
        "name": b.path.name,
        "created": b.created.isoformat(sep=" ", timespec="seconds"),
        "reason": b.reason,
        "reason_label": b.reason_label,
        "size": b.size,
    }
