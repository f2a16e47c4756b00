"""Opening a workspace wherever it lives: the one entry point for a file or a server address.

A file gets its one-writer lock, its checks, its backup before a migration and SQLite's own
read-only mode (store/engine.py, store/lock.py, store/readonly.py); a server gets libpq's
connection, the same migrations and a read-only transaction (store/server.py). Callers above
`store/` only see an `OpenedStore`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from ordnum_desktop.store.address import ServerAddress, Target, parse_address
from ordnum_desktop.store.engine import MigrationHook, open_engine
from ordnum_desktop.store.lock import WorkspaceLock
from ordnum_desktop.store.readonly import open_read_only_engine


@dataclass
class OpenedStore:
    target: Target
    engine: Engine
    lock: WorkspaceLock | None
    read_only: bool
    # Why nothing can be changed, when the server's role decides it (store/server_rights.py).
    read_only_reason: str | None = None

    @property
    def server(self) -> ServerAddress | None:
        return self.target if isinstance(self.target, ServerAddress) else None


def holds_workspace(address: str | Path) -> bool:
    """True when `address` already holds something: a non-empty file, or a database with
    tables (`ordnum init` and the demo refuse to write over it)."""
    target = parse_address(address)
    if isinstance(target, ServerAddress):
        from ordnum_desktop.store.server import server_has_tables

        return server_has_tables(target)
    return target.exists() and target.stat().st_size > 0


def open_store(
    address: str | Path, *, create: bool, read_only: bool, before_migration: MigrationHook
) -> OpenedStore:
    """Opens (and migrates, unless read-only) the workspace at `address`."""
    target = parse_address(address)
    if isinstance(target, ServerAddress):
        from ordnum_desktop.store.server import open_server_engine

        # No lock: several people work on a server at once. Use cases that must not run twice at
        # once take a server-side advisory lock (store/server.py, advisory_lock_key).
        engine = open_server_engine(target, create=create, read_only=read_only)
        if not read_only:
            reason = _role_refusal(engine, target)
            if reason is not None:
                return OpenedStore(target, engine, None, True, reason)
        return OpenedStore(target, engine, None, read_only)
    if read_only:
        return OpenedStore(target, open_read_only_engine(target), None, True)
    lock = WorkspaceLock(target).acquire()
    try:
        engine = open_engine(target, create=create, before_migration=before_migration)
    except BaseException:
        lock.release()
        raise
    return OpenedStore(target, engine, lock, False)


def _role_refusal(engine: Engine, target: ServerAddress) -> str | None:
    """A role that may only read (ordnum_reader) opens the workspace read-only."""
    from ordnum_desktop.store.server_rights import refuse_writes, write_refusal

    try:
        with engine.connect() as conn:
            reason = write_refusal(conn, target)
    except BaseException:
        engine.dispose()
        raise
    if reason is not None:
        refuse_writes(engine, reason)
    return reason
