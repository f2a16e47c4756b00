"""The SQLite trace writer: multi-row `INSERT OR IGNORE` statements from a second thread.

Validated chunks are inserted by a writer thread with multi-row `INSERT … VALUES (…), (…), …`
statements (a whole chunk each where SQLite allows it): the driver binds the values, then releases
the GIL for the whole statement, so SQLite updates the table and its indexes while Python
validates the next chunk. With `executemany` the driver takes the GIL back for every row and the
two threads would only take turns; one statement per row is also slower in SQLite itself.
Duplicates are ignored by the unique index `ux_trace_dedup` (`OR IGNORE`) and not counted.

The thread uses the session's connection, and the importer touches that connection again only
after `finish()` or `close()` — one user at a time, so the transaction stays whole (SQLAlchemy
opens file databases with check_same_thread=False).
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from typing import Any

from sqlalchemy import Connection

from ordnum_desktop.store.trace_writer import ROW_COLUMNS, VALUES_PER_ROW, WriteCounts

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


def rows_per_statement(dbapi: Any) -> int:
    """Rows per statement within the connection's limit of bound values (999 before SQLite
    3.32)."""
    try:
        limit = int(dbapi.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except (AttributeError, ValueError):
        limit = 999
    return max(1, min(ROWS_PER_STATEMENT, limit // VALUES_PER_ROW))


class SqliteTraceWriter:
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
        self._queue: queue.Queue[tuple[int, list[Any]] | None] = queue.Queue(maxsize=2)
        self._attempted = 0
        self._inserted = 0
        self._error: BaseException | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="traces-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if self._error is not None:
                continue  # keep draining so that `put` never blocks after a failure
            try:
                self._write(*item)
            except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
                self._error = exc

    def _write(self, count: int, values: list[Any]) -> None:
        step = self._per_statement
        for start in range(0, count, step):
            rows = min(step, count - start)
            # Full-size statements share one SQL text, so the driver prepares it only once.
            sql = self._full_sql if rows == step else insert_sql(*self._ids, rows)
            self._cursor.execute(sql, values[start * VALUES_PER_ROW : (start + rows) * VALUES_PER_ROW])
            self._inserted += self._cursor.rowcount

    def write(self, rows: list[Any]) -> None:
        if self._error is not None:
            raise self._error
        count = len(rows) // VALUES_PER_ROW
        self._attempted += count
        self._queue.put((count, rows))

    def _stop(self) -> None:
        """Waits for the thread to end; pending chunks are still written, and then rolled back
        with the transaction by the caller when it is failing."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def finish(self) -> WriteCounts:
        self._stop()
        if self._error is not None:
            raise self._error
        return WriteCounts(self._attempted, self._inserted)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._stop()
        try:
            self._cursor.execute(f"PRAGMA cache_size = {self._old_cache:d}")
        finally:
            self._cursor.close()


__all__ = ["SqliteTraceWriter"]
