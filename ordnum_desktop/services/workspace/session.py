"""The open workspace: one SQLite file, its engine and sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from ordnum_desktop.domain.errors import WorkspaceError
from ordnum_desktop.services.workspace.backup import before_migration
from ordnum_desktop.store import audit
from ordnum_desktop.store.engine import open_engine
from ordnum_desktop.store.location import location_warning
from ordnum_desktop.store.lock import WorkspaceLock
from ordnum_desktop.store.readonly import open_read_only_engine


class Workspace:
    def __init__(
        self, path: Path, engine: Engine, *, lock: WorkspaceLock | None = None, read_only: bool = False
    ) -> None:
        self.path = path
        self.engine = engine
        self.lock = lock
        self.read_only = read_only
        # French sentence for the window / CLI when the file is on a network or synced folder.
        self.location_warning = location_warning(path)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, read_only: bool = False) -> Workspace:
        """Opens (and migrates) a workspace, holding its one-writer lock until `close()`.
        `read_only`: no lock, no migration, no write (the file is open in another instance)."""
        path = Path(path).expanduser()
        if read_only:
            return cls(path, open_read_only_engine(path), read_only=True)
        lock = WorkspaceLock(path).acquire()
        try:
            engine = open_engine(path, create=create, before_migration=before_migration)
        except BaseException:
            lock.release()
            raise
        audit.enable(engine)
        return cls(path, engine, lock=lock)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except (OperationalError, sqlite3.OperationalError) as exc:
                # Bulk writers use the driver's connection directly: its errors come unwrapped.
                session.rollback()
                if self.read_only:
                    raise WorkspaceError(
                        f"Le fichier « {self.path.name} » est ouvert en lecture "
                        "seule : aucune modification n'est possible."
                    ) from exc
                text = str(getattr(exc, "orig", exc)).lower()
                if "full" in text:
                    raise WorkspaceError(
                        f"Le disque qui contient « {self.path.name} » est plein : rien "
                        "n'a été enregistré. Libérez de la place puis recommencez."
                    ) from exc
                if "locked" in text or "busy" in text:
                    raise WorkspaceError(
                        f"Le fichier « {self.path.name} » est occupé par un autre "
                        "programme : rien n'a été enregistré, recommencez dans un "
                        "instant."
                    ) from exc
                raise
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Workspace", "WorkspaceError"]
