"""Opening a workspace file: checks, migrations, and the one engine factory.

Journal mode: DELETE (the rollback journal). A workspace is a single file that coordinators copy
and mail around; in WAL mode committed data can sit in a `-wal` side file that a copy leaves
behind. With a rollback journal the main file is complete after every commit, and a crash is rolled
back from the journal at the next open.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from alembic import command
from sqlalchemy import Engine, create_engine, event

from ordnum_desktop import __version__
from ordnum_desktop.domain.errors import Hint, WorkspaceError
from ordnum_desktop.store.schema import (
    APP_VERSION_KEY,
    SCHEMA_VERSION_KEY,
    SQLITE_MAGIC,
    alembic_config,
    head_revision,
    known_revisions,
    user_version,
)

log = logging.getLogger(__name__)

# Called with the file and its current revision (None: a new, empty file) just before it is
# migrated; raising refuses the migration and leaves the file as it is.
MigrationHook = Callable[[Path, str | None], None]


class NewerSchemaError(WorkspaceError):
    pass


def file_revision(path: Path) -> str | None:
    """The schema revision stored in an existing file, read without writing to it."""
    with path.open("rb") as fh:
        header = fh.read(16)
    if header and header != SQLITE_MAGIC:
        raise WorkspaceError(
            f"Le fichier « {path.name} » n'est pas un espace de travail "
            "ordnum-desktop (ce n'est pas une base SQLite)."
        )
    if not header:
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return None
            if "alembic_version" not in tables:
                raise WorkspaceError(
                    f"Le fichier « {path.name} » est une base SQLite qui n'a pas "
                    "été créée par ordnum-desktop."
                )
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        # SQLite's reason is English: it goes to the log file, the user reads the sentence.
        log.warning("Fichier illisible : %s", path, exc_info=exc)
        raise WorkspaceError(f"Le fichier « {path.name} » est illisible ou endommagé.") from exc
    return row[0] if row else None


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = DELETE")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    return engine


def _create_private_file(path: Path) -> None:
    """The workspace holds doctors' personal data: readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def needs_upgrade(path: Path) -> bool:
    return path.exists() and file_revision(path) not in (head_revision(),)


def open_engine(path: Path | str, *, before_migration: MigrationHook, create: bool = False) -> Engine:
    """Engine for a workspace, migrated to the current schema. Refuses newer or foreign files.

    `before_migration` is the caller's rule for a file about to change format (the workspace
    service takes a backup); the store itself knows no use case."""
    path = Path(path)
    if not path.exists():
        if not create:
            raise WorkspaceError(f"Le fichier « {path} » n'existe pas.", hint=Hint.CREATE_WORKSPACE)
        _create_private_file(path)
    revision = file_revision(path)
    revisions = known_revisions()
    if revision is not None and revision not in revisions:
        raise NewerSchemaError(
            f"Le fichier « {path.name} » a été écrit par une version plus "
            f"récente d'ordnum-desktop (schéma {revision}) : mettez "
            "l'application à jour pour l'ouvrir. Le fichier n'a pas été modifié."
        )
    engine = make_engine(path)
    if revision != revisions[-1]:
        before_migration(path, revision)
        _upgrade(engine)
    return engine


def _upgrade(engine: Engine) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        # Batch migrations rebuild tables; foreign keys are checked again just after.
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        head = head_revision()
        for key, value in ((SCHEMA_VERSION_KEY, head), (APP_VERSION_KEY, __version__)):
            conn.exec_driver_sql(
                "INSERT INTO app_meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
        conn.exec_driver_sql(f"PRAGMA user_version = {user_version(head)}")
        bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise WorkspaceError(
                "La mise à jour du fichier a échoué (références incohérentes) ; "
                "le fichier n'a pas été modifié."
            )
    # The migration connection had foreign keys off (a no-op to switch back inside the
    # transaction); drop it so every later connection gets the pragmas of `_on_connect`.
    engine.dispose()
