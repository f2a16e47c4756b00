"""Writing an import's validated trace rows into `trace_row`: the interface and its factory.

The importer (services/traces/importer.py) validates a file chunk by chunk and hands each chunk
to a `TraceWriter` opened on the connection of its session's transaction, so that the batch row
and every trace row are committed together or not at all. Duplicates are left to the unique
index `ux_trace_dedup`: the writer reports how many rows it was given (`attempted`) and how many
the table kept (`inserted`); the importer counts the difference as duplicates.

Each engine has its own implementation, in its own module, chosen by the dialect name of the
connection (`WRITERS`): SQLite's is in sqlite_trace_writer.py, PostgreSQL's in
postgresql_trace_writer.py, and both write from the thread of threaded_chunk_writer.py. Nothing
else of the import knows which engine it writes to.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection

# The values of one row, in this order, as the parser's flat list gives them (VALUES_PER_ROW per
# row, rows one after the other); `preserie_id` and `batch_id` are the writer's own.
ROW_COLUMNS = (
    "ts",
    "ps_identifier",
    "finess",
    "prescription_id",
    "prestation",
    "digital",
    "operation",
    "return_code",
    "prescription_number",
)
VALUES_PER_ROW = len(ROW_COLUMNS)

# Dialect name (`Connection.dialect.name`) → (module, class) of its writer, imported on first use.
WRITERS: dict[str, tuple[str, str]] = {
    "sqlite": ("ordnum_desktop.store.sqlite_trace_writer", "SqliteTraceWriter"),
    "postgresql": ("ordnum_desktop.store.postgresql_trace_writer", "PostgresTraceWriter"),
}


@dataclass(frozen=True)
class WriteCounts:
    attempted: int  # rows handed to `write`
    inserted: int  # rows the table kept (the others were duplicates the unique index ignored)


class TraceWriter(Protocol):
    """Opened (by its constructor) on the connection of the import's transaction, before the
    first chunk; the caller does not use that connection again until `finish()` or `close()`
    has returned (a writer may write from a thread of its own)."""

    def __init__(self, conn: Connection, preserie_id: int, batch_id: int) -> None: ...

    def write(self, rows: list[Any]) -> None:
        """Writes (or queues) one chunk: VALUES_PER_ROW values per row, flat, in ROW_COLUMNS
        order. Raises an earlier chunk's failure, if any. The list is the writer's afterwards."""
        ...

    def finish(self) -> WriteCounts:
        """Writes what is left and returns the counts; raises any failure of the writing."""
        ...

    def close(self) -> None:
        """Stops the writing and restores the connection's settings; idempotent, called in a
        `finally` after `finish()` or instead of it (the caller then rolls the transaction
        back)."""
        ...


def open_trace_writer(conn: Connection, preserie_id: int, batch_id: int) -> TraceWriter:
    """The writer of the connection's engine, opened for batch `batch_id` of présérie
    `preserie_id`."""
    try:
        module, name = WRITERS[conn.dialect.name]
    except KeyError:
        raise NotImplementedError(f"no trace writer for the {conn.dialect.name!r} dialect") from None
    writer_class = getattr(importlib.import_module(module), name)
    writer: TraceWriter = writer_class(conn, preserie_id, batch_id)
    return writer


__all__ = ["ROW_COLUMNS", "VALUES_PER_ROW", "WRITERS", "TraceWriter", "WriteCounts", "open_trace_writer"]
