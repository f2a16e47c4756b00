"""The open workspace: one SQLite file or one PostgreSQL database, its engine and sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session

from ordnum_desktop.domain.errors import WorkspaceError
from ordnum_desktop.services.workspace import changes
from ordnum_desktop.services.workspace.backup import before_migration
from ordnum_desktop.services.workspace.entry_guard import refuse_bad_entries
from ordnum_desktop.store import audit
from ordnum_desktop.store.address import ServerAddress
from ordnum_desktop.store.location import location_warning
from ordnum_desktop.store.lock import WorkspaceLock
from ordnum_desktop.store.opening import open_store
from ordnum_desktop.store.server_errors import server_message


class Workspace:
    """An open workspace: a SQLite file (`path`) or a PostgreSQL database (`server`)."""

    def __init__(
        self,
        path: Path | None,
        engine: Engine,
        *,
        lock: WorkspaceLock | None = None,
        read_only: bool = False,
        server: ServerAddress | None = None,
        read_only_reason: str | None = None,
    ) -> None:
        self.path = path
        self.server = server
        self.engine = engine
        self.lock = lock
        self.read_only = read_only
        # Why nothing can be changed, for the window's status line and the refusals (a server role
        # that may only read); None for a file opened read-only on request.
        self.read_only_reason = read_only_reason
        # French sentence for the window / CLI when the file is on a network or synced folder.
        self.location_warning = location_warning(path) if path is not None else None
        # Set on the view `joined` gives: its sessions work inside that connection's transaction.
        self._joined: Connection | None = None

    @property
    def name(self) -> str:
        """What messages, titles and the bilan's footer call the workspace."""
        if self.server is not None:
            return self.server.name
        assert self.path is not None
        return self.path.name

    @property
    def address(self) -> str:
        """The address to show or remember: the file's path, or the server's without password."""
        return self.server.safe if self.server is not None else str(self.path)

    @property
    def is_server(self) -> bool:
        return self.server is not None

    @classmethod
    def open(cls, address: Path | str, *, create: bool = False, read_only: bool = False) -> Workspace:
        """Opens (and migrates) a workspace: a file, holding its one-writer lock until `close()`,
        or a `postgresql://` address. `read_only`: no lock, no migration, no write (a file open
        in another instance; a read-only transaction on a server)."""
        opened = open_store(address, create=create, read_only=read_only, before_migration=before_migration)
        if not opened.read_only:
            audit.enable(opened.engine)
            changes.watch(opened.engine)
        path = opened.target if isinstance(opened.target, Path) else None
        return cls(
            path,
            opened.engine,
            lock=opened.lock,
            read_only=opened.read_only,
            server=opened.server,
            read_only_reason=opened.read_only_reason,
        )

    @contextmanager
    def joined(self, conn: Connection) -> Iterator[Workspace]:
        """The same workspace seen from inside `conn`'s transaction, not yet committed: its
        sessions read what that transaction wrote, and their "commit" only releases a savepoint
        (their rollback goes back to it), so the transaction is committed or rolled back by its
        owner alone. For checking a copy before it counts (services/workspace/copy.py)."""
        view = Workspace(
            self.path,
            self.engine,
            read_only=self.read_only,
            server=self.server,
            read_only_reason=self.read_only_reason,
        )
        view._joined = conn
        yield view  # not closed: the engine (and the lock) stay this workspace's

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error."""
        bind: Engine | Connection = self.engine if self._joined is None else self._joined
        with Session(bind, expire_on_commit=False, join_transaction_mode="create_savepoint") as session:
            event.listen(session, "before_flush", refuse_bad_entries)
            try:
                yield session
                session.commit()
            except (OperationalError, sqlite3.OperationalError) as exc:
                # Bulk writers use the driver's connection directly: its errors come unwrapped.
                session.rollback()
                if self.server is not None:
                    raise self._server_error(exc) from exc
                if self.read_only:
                    raise WorkspaceError(
                        f"Le fichier « {self.name} » est ouvert en lecture "
                        "seule : aucune modification n'est possible."
                    ) from exc
                text = str(getattr(exc, "orig", exc)).lower()
                if "full" in text:
                    raise WorkspaceError(
                        f"Le disque qui contient « {self.name} » est plein : rien "
                        "n'a été enregistré. Libérez de la place puis recommencez."
                    ) from exc
                if "locked" in text or "busy" in text:
                    raise WorkspaceError(
                        f"Le fichier « {self.name} » est occupé par un autre "
                        "programme : rien n'a été enregistré, recommencez dans un "
                        "instant."
                    ) from exc
                raise
            except DBAPIError as exc:
                session.rollback()
                if self.server is None:
                    raise
                raise self._server_error(exc) from exc
            except BaseException:
                session.rollback()
                raise

    def _server_error(self, exc: BaseException) -> BaseException:
        """A server's refusal (read-only role, lost connection…) as one French sentence; an error
        the store does not recognise is left as it is (a bug: logged with its trace)."""
        message = server_message(exc, self.server)
        return WorkspaceError(message) if message is not None else exc

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Workspace", "WorkspaceError"]
