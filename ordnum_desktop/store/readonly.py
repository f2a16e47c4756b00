"""Read-only access to a workspace another instance holds open (the window offers it)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

from ordnum_desktop.domain.errors import WorkspaceError
from ordnum_desktop.store.engine import file_revision, sqlite_uri
from ordnum_desktop.store.schema import head_revision


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA query_only = ON")
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.close()


def open_read_only_engine(path: Path) -> Engine:
    """An engine that cannot write (SQLite `mode=ro`); the file must already be at the current
    schema, since a read-only opener never migrates."""
    if not path.exists():
        raise WorkspaceError(f"Le fichier « {path} » n'existe pas.")
    if path.is_dir():
        raise WorkspaceError(
            f"« {path} » est un dossier, pas un espace de travail : donnez le chemin d'un fichier .sqlite."
        )
    revision = file_revision(path)
    if revision != head_revision():
        raise WorkspaceError(
            f"Le fichier « {path.name} » doit être mis à jour avant de pouvoir être "
            "lu : ouvrez-le normalement une fois l'autre instance fermée."
        )
    uri = sqlite_uri(path.resolve(), "ro")
    # The driver gets the quoted URI itself: no address is ever formatted from a path.
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
    )
    event.listen(engine, "connect", _on_connect)
    return engine
