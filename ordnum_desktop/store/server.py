"""A workspace on a PostgreSQL server (team mode): engine, checks, migrations.

The same Alembic revisions as for a file create and upgrade the database, in one transaction
(PostgreSQL's DDL is transactional), under an advisory lock so that two people opening a new
version at once do not both migrate. What the SQLite opener does and this one does not:
- no lock file: several people work at once. A server-side lock, when a use case needs one (two
  imports into the same présérie), is `advisory_lock_key()` below — hook for team mode;
- no backup before a migration, an import or an undo: the server's backups are its
  administrator's job (`pg_dump`, see the README);
- read-only is a read-only transaction (`default_transaction_read_only`), and the server itself
  refuses any write; no hot journal, no quick_check, no file permissions.

The connection is made by libpq from the address as typed (`psycopg.connect(url)`), so that
`sslmode`, `~/.pgpass`, `PGPASSWORD`, service files and the other `PG*` variables work as in
psql. SQLAlchemy only gets a `creator`: it never parses nor prints the address.
"""

from __future__ import annotations

import logging
import os
import zlib
from typing import Any

from alembic import command
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from ordnum_desktop.domain.errors import Hint, WorkspaceError
from ordnum_desktop.store.address import ServerAddress
from ordnum_desktop.store.schema import (
    APP_VERSION_KEY,
    SCHEMA_VERSION_KEY,
    alembic_config,
    head_revision,
    known_revisions,
)
from ordnum_desktop.store.server_errors import connection_error, server_message
from ordnum_desktop.version import app_version

log = logging.getLogger(__name__)

APPLICATION_NAME = "ordnum-desktop"
# Seconds libpq waits for a server that does not answer, unless the address or PGCONNECT_TIMEOUT
# says otherwise: a wrong address must fail in a sentence, not hang the window.
CONNECT_TIMEOUT = 10
# Advisory lock keys are one bigint space per database, shared with other applications: ours
# start from a fixed 32-bit tag (crc32 of the application's name) in the high half.
_TAG = zlib.crc32(APPLICATION_NAME.encode()) << 32


def advisory_lock_key(purpose: str, ident: int = 0) -> int:
    """The bigint of `pg_advisory_*lock` for `purpose` ("migration", "import"…) and an id (the
    présérie): stable across versions and machines, unlikely to collide with another program's.
    Signed, as PostgreSQL's bigint is."""
    key = _TAG | ((zlib.crc32(purpose.encode()) ^ ident) & 0xFFFFFFFF)
    return key - (1 << 64) if key >= 1 << 63 else key


def _connect_args(address: ServerAddress) -> dict[str, Any]:
    import psycopg.conninfo

    given = psycopg.conninfo.conninfo_to_dict(address.url)
    extra: dict[str, Any] = {}
    if "connect_timeout" not in given and "PGCONNECT_TIMEOUT" not in os.environ:
        extra["connect_timeout"] = CONNECT_TIMEOUT
    if "application_name" not in given and "PGAPPNAME" not in os.environ:
        extra["application_name"] = APPLICATION_NAME
    return extra


def make_server_engine(address: ServerAddress, *, read_only: bool = False) -> Engine:
    """The engine of a server workspace (no check, no migration: see `open_server_engine`)."""
    import psycopg

    extra = _connect_args(address)

    def connect() -> Any:
        return psycopg.connect(address.url, **extra)

    # pool_pre_ping: a connection the server dropped (restart, idle timeout) is replaced
    # instead of failing the user's next action.
    engine = create_engine("postgresql+psycopg://", creator=connect, pool_pre_ping=True)
    if read_only:
        event.listen(engine, "connect", _read_only_session)
    return engine


def _read_only_session(dbapi_connection: Any, _record: object) -> None:
    """Every transaction of this connection is read-only: PostgreSQL refuses any write."""
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    dbapi_connection.execute("SET default_transaction_read_only = on")
    dbapi_connection.autocommit = autocommit


def _tables(conn: Connection) -> set[str]:
    # From the catalogue, not information_schema, which hides the tables a role may not read
    # (then a workspace would look empty to a role without rights).
    rows = conn.exec_driver_sql(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
    )
    return {r[0] for r in rows}


def server_revision(conn: Connection, address: ServerAddress) -> str | None:
    """The schema revision of the database; None for an empty one. Refuses a foreign database."""
    tables = _tables(conn)
    if not tables:
        return None
    if "alembic_version" not in tables:
        raise WorkspaceError(
            f"La base « {address.name} » contient déjà des tables qui ne sont pas celles "
            "d'ordnum-desktop : donnez l'adresse d'une base vide ou d'un espace de travail."
        )
    row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def server_has_tables(address: ServerAddress) -> bool:
    """Whether the database holds any table (connection failures as French sentences)."""
    engine = make_server_engine(address)
    try:
        with engine.connect() as conn:
            return bool(_tables(conn))
    except DBAPIError as exc:
        raise connection_error(exc, address) from exc
    finally:
        engine.dispose()


def _check_known(revision: str | None, address: ServerAddress) -> None:
    if revision is not None and revision not in known_revisions():
        raise WorkspaceError(
            f"La base « {address.name} » a été écrite par une version plus récente "
            f"d'ordnum-desktop (schéma {revision}) : mettez l'application à jour pour l'ouvrir. "
            "La base n'a pas été modifiée."
        )


def open_server_engine(address: ServerAddress, *, create: bool = False, read_only: bool = False) -> Engine:
    """Engine for a server workspace, migrated to the current schema (never when read-only).

    An empty database is set up only with `create` (`ordnum init`, Fichier ▸ Nouveau): opening
    the wrong, empty base by mistake does not fill it."""
    engine = make_server_engine(address, read_only=read_only)
    try:
        with engine.connect() as conn:
            revision = server_revision(conn, address)
    except DBAPIError as exc:
        engine.dispose()
        log.warning("Connexion au serveur impossible : %s", address.safe, exc_info=exc)
        raise connection_error(exc, address) from exc
    except BaseException:
        engine.dispose()
        raise
    try:
        _check_known(revision, address)
        if revision is None and not create:
            raise WorkspaceError(
                f"La base « {address.name} » est vide : ce n'est pas encore un espace de travail.",
                hint=Hint.CREATE_WORKSPACE,
            )
        if revision != head_revision():
            if read_only:
                raise WorkspaceError(
                    f"La base « {address.name} » doit être mise à jour avant de pouvoir être lue : "
                    "ouvrez-la une fois sans --read-only avec un rôle qui peut la modifier."
                )
            _upgrade_server(engine, address)
    except DBAPIError as exc:
        engine.dispose()
        message = server_message(exc, address)
        if message is None:
            raise
        raise WorkspaceError(message) from exc
    except BaseException:
        engine.dispose()
        raise
    return engine


def _upgrade_server(engine: Engine, address: ServerAddress) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        # Held until the commit: a second opener waits here, then finds the schema current.
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%s)", (advisory_lock_key("migration"),))
        revision = server_revision(conn, address)
        _check_known(revision, address)
        if revision == head_revision():
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        for key, value in ((SCHEMA_VERSION_KEY, head_revision()), (APP_VERSION_KEY, app_version())):
            conn.exec_driver_sql(
                "INSERT INTO app_meta(key, value) VALUES (%s, %s) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
