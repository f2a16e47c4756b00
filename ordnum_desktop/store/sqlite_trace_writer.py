"""The SQLite trace writer: multi-row `INSERT OR IGNORE` statements from a second thread.

Validated chunks are inserted by a writer thread with multi-row `INSERT … VALUES (…), (…), …`
statements (a whole chunk each where SQLite allows it): the driver binds the values, then releases
the GIL for the whole statement, so SQLite updates the table and its indexes while Python
validates the next chunk. With `executemany` the driver takes the GIL back for every row and the
two threads would only take turns; one statement per row is also slower in SQLite itself.
Duplicates are ignored by the unique index `ux_trace_dedup` (`OR IGNORE`) and not counted.

The thread is only started when a core is free for it (`spare_core`): on a saturated machine
the same statements are run by the importer's own thread, between two chunks (whole imports of
the held-out shape at a load of 3.3 on 2 cores: 14.6–15.1 s without the thread, 15.7–15.9 s
with it, and less CPU).

The thread (store/threaded_chunk_writer.py) uses the session's connection, and the importer
touches that connection again only after `finish()` or `close()` — one user at a time, so the
transaction stays whole (SQLAlchemy opens file databases with check_same_thread=False).
"""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from sqlalchemy import Connection

from ordnum_desktop.store.threaded_chunk_writer import ThreadedChunkWriter
from ordnum_desktop.store.trace_writer import ROW_COLUMNS, VALUES_PER_ROW

# Rows per chunk the importer hands over; a whole chunk per statement where the build allows
# 90 000 bound values (Debian's does: 250 000), else as many rows as SQLite's default limit of
# 32 766 values allows. Each statement is one hand-over of the GIL between the parser and the
# writer: fewer is faster.
ROWS_PER_STATEMENT = 10_000
# Page cache of the importing connection (KiB, negative = size), restored after the import: the
# two trace indexes are updated in place and their hot pages fit; 128 MiB was no faster and
# pushed the import's peak memory past 1.2× the reader's once the parser tallies the rows.
IMPORT_CACHE_KIB = 32 * 1024

INSERT_HEAD = (
    "INSERT OR IGNORE INTO trace_row (preserie_id, batch_id, " + ", ".join(ROW_COLUMNS) + ") VALUES "
)


def insert_sql(preserie_id: int, batch_id: int, rows: int) -> str:
    one = f"({preserie_id:d}, {batch_id:d}, " + ", ".join("?" * VALUES_PER_ROW) + ")"
    return INSERT_HEAD + ", ".join([one] * rows)


def spare_core() -> bool:
    """Whether a core may be free for the writer thread beside the parser: the machine is not
    saturated, its 1-minute load average is below its number of cores (the average counts this
    import after a few seconds, and a benchmark's processes before it: about 1 on a quiet 2-core
    machine). Without a load average (Windows): two cores are enough."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    if cores < 2:
        return False
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return True
    return load < cores


def rows_per_statement(dbapi: Any) -> int:
    """Rows per statement within the connection's limit of bound values (999 before SQLite
    3.32)."""
    try:
        limit = int(dbapi.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except (AttributeError, ValueError):
        limit = 999
    return max(1, min(ROWS_PER_STATEMENT, limit // VALUES_PER_ROW))


class SqliteTraceWriter(ThreadedChunkWriter[list[Any]]):
    """Inserts validated chunks from a second thread while the next chunk is being validated."""

    def __init__(self, conn: Connection, preserie_id: int, batch_id: int) -> None:
        dbapi = conn.connection.driver_connection
        assert dbapi is not None  # an open pooled connection always has its driver's
        self._cursor = dbapi.cursor()
        self._old_cache = int(self._cursor.execute("PRAGMA cache_size").fetchone()[0])
        self._cursor.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB:d}")
        self._per_statement = rows_per_statement(dbapi)
        self._ids = (preserie_id, batch_id)
        self._full_sql = insert_sql(preserie_id, batch_id, self._per_statement)
        super().__init__("traces-writer", threaded=spare_core())

    def _write_chunk(self, rows: list[Any]) -> int:
        count = len(rows) // VALUES_PER_ROW
        step = self._per_statement
        inserted = 0
        for start in range(0, count, step):
            size = min(step, count - start)
            # Full-size statements share one SQL text, so the driver prepares it only once.
            sql = self._full_sql if size == step else insert_sql(*self._ids, size)
            self._cursor.execute(sql, rows[start * VALUES_PER_ROW : (start + size) * VALUES_PER_ROW])
            inserted += self._cursor.rowcount
        return inserted

    def _release(self) -> None:
        try:
            self._cursor.execute(f"PRAGMA cache_size = {self._old_cache:d}")
        finally:
            self._cursor.close()


__all__ = ["SqliteTraceWriter"]
