"""Moving every row of a workspace from one engine to another (`ordnum workspace copy`): the
dialect-specific part. The destination already has the schema (the same Alembic revisions make
it on both engines); rows go table by table in foreign-key order, streamed in chunks, keeping
their ids (the audit trail and the closed bilans refer to them), then the server's sequences are
moved past the copied ids so that the next insert does not collide.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Table, func, select
from sqlmodel import SQLModel

from ordnum_desktop.store import models  # noqa: F401 - every table registered on the metadata
from ordnum_desktop.store.sql import is_server

CHUNK = 5_000
Progress = Callable[[str, int], None]  # table, rows copied so far


def workspace_tables() -> list[Table]:
    """The workspace's tables in foreign-key order (parents first). Alembic's own bookkeeping
    (alembic_version) is not one of them: each side keeps the one its migrations wrote."""
    return list(SQLModel.metadata.sorted_tables)


def row_counts(conn: Connection) -> dict[str, int]:
    return {
        t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
        for t in workspace_tables()
    }


def clear_rows(conn: Connection) -> None:
    """Deletes every row (children first), for --replace and for a failed copy. A DELETE is not
    an UPDATE: the trigger that freezes closed bilans (migration 0005) is not involved."""
    for table in reversed(workspace_tables()):
        conn.execute(table.delete())


def copy_rows(source: Connection, destination: Connection, progress: Progress | None = None) -> None:
    for table in workspace_tables():
        done = 0
        result = source.execution_options(yield_per=CHUNK).execute(select(table).order_by(*table.primary_key))
        for chunk in result.mappings().partitions(CHUNK):
            destination.execute(table.insert(), [dict(row) for row in chunk])
            done += len(chunk)
            if progress is not None:
                progress(table.name, done)
    if is_server(destination):
        _move_sequences(destination)


def _move_sequences(conn: Connection) -> None:
    for table in workspace_tables():
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f'coalesce((SELECT max(id) FROM "{table.name}"), 0) + 1, false)'
        )


def drop_tables(conn: Connection) -> None:
    """Takes a server base back to empty after a failed copy into it: the tables the migrations
    made (and Alembic's), and the closed bilans' trigger function (migration 0005)."""
    for table in reversed(workspace_tables()):
        conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{table.name}" CASCADE')
    conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS closed_bilan_frozen()")
