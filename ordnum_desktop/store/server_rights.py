"""What the database role may do (least privilege, issue 15 and packaging/postgresql/roles.sql).

A role that may read the workspace's tables but change none of them (`ordnum_reader`: a CPAM
that follows the bilan) gets a read-only workspace: the window disables editing and says why,
and every save is refused in French before any statement reaches the server (the guard below),
instead of failing half-way on the server's « permission denied ».
"""

from __future__ import annotations

import weakref

from sqlalchemy import Connection, Engine, event
from sqlalchemy.orm import Session, UOWTransaction

from ordnum_desktop.domain.errors import WorkspaceError
from ordnum_desktop.store.address import ServerAddress

# The workspace's own tables the role may not write (the Alembic bookkeeping aside).
_UNWRITABLE = (
    "SELECT count(*) FILTER (WHERE NOT has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE')), "
    "count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'alembic_version'"
)

_refusals: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def read_only_sentence(user: str, address: ServerAddress) -> str:
    return (
        f"Le rôle « {user} » a seulement le droit de lire la base « {address.name} » : vous pouvez "
        "tout consulter, mais aucune modification n'est possible. Demandez à l'administrateur de "
        "la base un rôle de coordination (ordnum_coordinator) pour modifier."
    )


def write_refusal(conn: Connection, address: ServerAddress) -> str | None:
    """The sentence saying why nothing can be changed, or None when the role may write."""
    unwritable, tables = conn.exec_driver_sql(_UNWRITABLE).one()
    if tables and unwritable == tables:
        user = conn.exec_driver_sql("SELECT current_user").scalar()
        return read_only_sentence(str(user), address)
    return None


def refuse_writes(engine: Engine, sentence: str) -> None:
    """Every session on `engine` that tries to flush a change raises `sentence` instead."""
    _refusals[engine] = sentence


@event.listens_for(Session, "before_flush")
def _guard(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    bind = session.bind
    engine = getattr(bind, "engine", bind)
    sentence = _refusals.get(engine) if isinstance(engine, Engine) else None
    if sentence is not None and (session.new or session.dirty or session.deleted):
        raise WorkspaceError(sentence)
