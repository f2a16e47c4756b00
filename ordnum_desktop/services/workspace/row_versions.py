"""Optimistic locking of the rows several people edit at once (doctor, installation plan).

A screen remembers the `version` of each row it shows and gives it back with the change
(`expected_version`): a row changed since is refused, naming who changed it and when (the
stamps of store/row_stamps.py). The read-then-write inside one save is covered too: the UPDATE
says `WHERE version = :read` (SQLAlchemy's `version_id_col`), so a save that lands between the
read and the write of another one fails with StaleDataError and gets the same sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from ordnum_desktop.domain.errors import Hint, RuleError
from ordnum_desktop.domain.fr_format import format_datetime

T = TypeVar("T")


class ChangedMeanwhile(RuleError):
    """The row was saved by someone else since it was read; nothing was changed."""

    def __init__(self, what: str, changed_by: str, changed_at: datetime | None) -> None:
        who = f"« {changed_by} »" if changed_by else "un autre utilisateur"
        when = f" le {format_datetime(changed_at)}" if changed_at else ""
        super().__init__(
            f"{what} a été modifié par {who}{when} pendant que vous le modifiiez : votre "
            "modification n'a pas été enregistrée.",
            hint=Hint.RELOAD_CHANGED,
        )
        self.changed_by = changed_by
        self.changed_at = changed_at


def check_version(row: Any, expected_version: int | None, what: str) -> None:
    """Refuses the save when the row is no longer the version the screen showed."""
    if expected_version is not None and row.version != expected_version:
        raise ChangedMeanwhile(what, row.changed_by, row.changed_at)


@contextmanager
def stale_save(current: Callable[[], ChangedMeanwhile]) -> Iterator[None]:
    """Turns SQLAlchemy's StaleDataError (the UPDATE found the row at another version) into the
    refusal; `current` reads the row again, after the failed transaction, to name its author."""
    try:
        yield
    except StaleDataError:
        raise current() from None


def keep_version(s: Session, row: Any, version: int | None) -> None:
    """A deleted row put back (undo of a deletion) is the same row at the same version: an undo
    of an earlier edit of it still matches. SQLAlchemy writes version 1 on every INSERT, so the
    version is set afterwards, outside the ORM's own versioning."""
    if not version or version == row.version:
        return
    s.flush()
    table = type(row).__table__
    s.execute(update(table).where(table.c.id == row.id).values(version=version))
    set_committed_value(row, "version", version)
