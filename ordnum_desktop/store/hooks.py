"""Extension points of the workspace opener (the backup before a migration plugs in here)."""

from __future__ import annotations

from pathlib import Path


def before_migration(path: Path, revision: str | None) -> None:
    """Called before a file is migrated from `revision` (None: a new, empty file).

    An existing file is copied first (Anki, Vorta: copy before migrating); if the copy cannot be
    made, the migration is refused and the file stays as it is."""
    if revision is None:
        return
    import sqlite3

    from ordnum_desktop.store.backups import make_backup
    from ordnum_desktop.store.engine import WorkspaceError

    try:
        make_backup(path, "migration")
    except (OSError, sqlite3.Error) as exc:
        raise WorkspaceError(
            f"Le fichier « {path.name} » doit être mis à jour, mais sa sauvegarde "
            f"préalable a échoué ({exc}) : le fichier n'a pas été modifié."
        ) from exc
