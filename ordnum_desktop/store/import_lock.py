"""One import at a time per présérie on a server (team mode, issue 15).

Two people importing into the same présérie at once would each fold the bilan summary from the
rows they saw at their start (the fold reads "the rows with an id above the last one" — see
services/traces/importer.py): the second import waits for the first instead. The lock is
PostgreSQL's transaction-level advisory lock keyed on the présérie, taken on the import's own
connection before anything is read, and let go by the import's commit or rollback (a killed
client loses its connection, and the server drops the lock with it). A laptop file needs none:
its one-writer lock (store/lock.py) already lets a single instance write.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection

from ordnum_desktop.store.sql import is_server

Waiting = Callable[[str], None]

# Who holds the lock: the advisory lock of a bigint key is (classid, objid) = (high, low) halves.
_HOLDER = (
    "SELECT a.usename FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
    "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
    "AND l.classid::bigint = %(high)s AND l.objid::bigint = %(low)s LIMIT 1"
)


def waiting_sentence(holder: str | None) -> str:
    by = f" (par « {holder} »)" if holder else ""
    return (
        f"Un autre import est en cours dans cette présérie{by} : celui-ci attend qu'il se termine "
        "pour compter les lignes sans doublon, puis commence de lui-même."
    )


def hold_import_lock(conn: Connection, preserie_id: int, waiting: Waiting | None = None) -> None:
    """Takes the présérie's import lock for the rest of `conn`'s transaction, telling `waiting`
    why when another import holds it."""
    if not is_server(conn):
        return
    from ordnum_desktop.store.server import advisory_lock_key  # Alembic's import: on a server only

    key = advisory_lock_key("import", preserie_id)
    if conn.exec_driver_sql("SELECT pg_try_advisory_xact_lock(%s)", (key,)).scalar():
        return
    if waiting is not None:
        unsigned = key & 0xFFFFFFFFFFFFFFFF
        row = conn.exec_driver_sql(_HOLDER, {"high": unsigned >> 32, "low": unsigned & 0xFFFFFFFF}).first()
        waiting(waiting_sentence(row[0] if row else None))
    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%s)", (key,))
