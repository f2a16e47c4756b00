"""Opening a workspace file: checks, migrations, and the one engine factory.

Journal mode: DELETE (the rollback journal). A workspace is a single file that coordinators copy
and mail around; in WAL mode committed data can sit in a `-wal` side file that a copy leaves
behind. With a rollback journal the main file is complete after every commit, and a crash is rolled
back from the journal at the next open.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

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
from ordnum_desktop.version import app_version

log = logging.getLogger(__name__)

# Called with the file and its current revision (None: a new, empty file) just before it is
# migrated; raising refuses the migration and leaves the file as it is.
MigrationHook = Callable[[Path, str | None], None]


class NewerSchemaError(WorkspaceError):
    pass


def sqlite_url(path: Path) -> URL:
    """The database address of a file, built from its path: `?`, `#` or `%` in a file name are
    part of the name, never a query string or an escape (string formatting got that wrong)."""
    return URL.create("sqlite", database=str(path))


def _probe_connection(path: Path) -> sqlite3.Connection:
    """A connection that can roll back an interrupted transaction left by a crash (a hot
    `-journal`): SQLite does that at the first read, but only on a read-write connection; a
    `mode=ro` one fails with « attempt to write a readonly database ». Read-only opening is kept
    for a file the user cannot write, which then cannot hold anything to roll back by us."""
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    if writable:
        return sqlite3.connect(str(path))
    journal = path.with_name(path.name + "-journal")
    if journal.exists() and journal.stat().st_size > 0:
        raise WorkspaceError(
            f"Le fichier « {path.name} » garde une modification interrompue (fichier « "
            f"{journal.name} ») que l'application ne peut pas annuler : le fichier ou son dossier "
            "est en lecture seule. Rendez-les modifiables puis rouvrez le fichier ; ne supprimez "
            "pas le fichier « -journal », il sert à remettre l'espace de travail en état."
        )
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def file_revision(path: Path) -> str | None:
    """The schema revision stored in an existing file. The caller holds the workspace's lock:
    reading it also rolls back a transaction interrupted by a crash."""
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
        con = _probe_connection(path)
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
        reason = str(exc).lower()
        if "locked" in reason or "busy" in reason:
            raise _locked_message(path) from exc
        if has_hot_journal(path) and "readonly" in reason.replace(" ", "").replace("-", ""):
            raise WorkspaceError(
                f"Le fichier « {path.name} » ({path.parent}) a une écriture interrompue à réparer, "
                "mais il est en lecture seule : rendez le fichier et son dossier modifiables, "
                "puis ouvrez-le normalement (ne supprimez pas le fichier « -journal »)."
            ) from exc
        raise WorkspaceError(
            f"Le fichier « {path.name} » ({path.parent}) est illisible ou endommagé : restaurez "
            "une sauvegarde (« ordnum backup list »)."
        ) from exc
    return row[0] if row else None


def _set_pragmas(dbapi_connection: sqlite3.Connection, *, foreign_keys: bool) -> None:
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    cur.execute("PRAGMA journal_mode = DELETE")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.close()


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    _set_pragmas(dbapi_connection, foreign_keys=True)


def make_engine(path: Path) -> Engine:
    engine = create_engine(sqlite_url(path))
    event.listen(engine, "connect", _on_connect)
    return engine


def _on_migration_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # The driver opens a transaction before DML only, so every CREATE/DROP of a migration ran
    # in autocommit and a kill or a full disk left a half-upgraded file. With it off and an
    # explicit BEGIN (below), the whole upgrade is one transaction that the next opening rolls
    # back.
    dbapi_connection.isolation_level = None
    # Batch migrations rebuild tables; foreign keys are checked again at the end. The pragma is
    # a no-op inside a transaction, hence here, before BEGIN.
    _set_pragmas(dbapi_connection, foreign_keys=False)


def _on_migration_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _migration_engine(path: Path) -> Engine:
    engine = create_engine(sqlite_url(path))
    event.listen(engine, "connect", _on_migration_connect)
    event.listen(engine, "begin", _on_migration_begin)
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
    check_openable(path, create=create)
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
    if revision != revisions[-1]:
        before_migration(path, revision)
        _upgrade(path)
    return make_engine(path)


def _upgrade(path: Path) -> None:
    from alembic import command  # only for a file to migrate: a current one opens without it

    cfg = alembic_config()
    engine = _migration_engine(path)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        head = head_revision()
        for key, value in ((SCHEMA_VERSION_KEY, head), (APP_VERSION_KEY, app_version())):
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
    # The migration connection had foreign keys off: it is never reused.
    engine.dispose()


def sqlite_uri(path: Path, mode: str) -> str:
    """A `file:` URI for the driver, quoted so that `?`, `#` and `%` in a name stay in the name."""
    return f"file:{quote(str(Path(os.path.abspath(path))))}?mode={mode}"


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def has_hot_journal(path: Path) -> bool:
    """A rollback journal left by a process killed (or a disk filled) in a commit."""
    try:
        return journal_of(path).stat().st_size > 0
    except OSError:
        return False


def _locked_message(path: Path) -> WorkspaceError:
    return WorkspaceError(
        f"Le fichier « {path.name} » ({path.parent}) est verrouillé par un autre programme "
        "(une autre application SQLite ou une copie en cours) : fermez ce programme puis "
        "recommencez."
    )


def content_digest(path: Path) -> str:
    """The pages of a database file without its 100-byte header (change counters differ between
    a file and its online copy even when every page is the same)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        fh.seek(100)
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def check_openable(path: Path, *, create: bool) -> None:
    """The refusals that need no SQLite: each one sentence, in French, with what to do."""
    if path.is_dir():
        raise WorkspaceError(
            f"« {path} » est un dossier, pas un espace de travail : donnez le chemin d'un "
            f"fichier .sqlite (par exemple « {path / 'preserie.sqlite'} »)."
        )
    if path.is_symlink() and not path.exists():
        raise WorkspaceError(
            f"« {path} » est un lien symbolique vers un fichier absent ({os.readlink(path)}) : "
            "supprimez ce lien ou donnez un autre nom de fichier."
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise WorkspaceError(
            f"Le fichier « {path.name} » ({path.parent}) est en lecture seule : rendez-le "
            "modifiable, ou lisez-le avec l'option --read-only (bilan, roster list, audit…)."
        )
    folder = path.parent
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        raise WorkspaceError(
            f"Le dossier « {folder} » est en lecture seule : SQLite ne peut pas y écrire son "
            f"journal pour « {path.name} ». Copiez le fichier dans un dossier où vous pouvez "
            "écrire, ou lisez-le avec l'option --read-only (bilan, roster list, audit…)."
        )
