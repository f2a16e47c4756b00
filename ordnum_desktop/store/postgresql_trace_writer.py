"""The PostgreSQL trace writer: `COPY` into a temporary table, then `INSERT … SELECT`.

Row-by-row INSERTs over the network would cost a round trip each; `COPY … FROM STDIN` streams
a chunk into the import's temporary table, and `INSERT INTO trace_row … SELECT … FROM
trace_import ON CONFLICT (…) DO NOTHING` moves it into the table in one statement: the unique index
`ux_trace_dedup` drops the duplicates (within the file or across files; the first one is kept,
in the file's order, as SQLite's `INSERT OR IGNORE` does) and the statement's row count is the
number inserted.

One move per chunk, from a writer thread, rather than one for the whole file at the end: moving
a row (its heap tuple, three indexes, ON CONFLICT's speculative insertion, the references check
of migration 0001) is most of the server's work, and while the server moves chunk n the thread
waits on the socket without the GIL, so Python validates chunk n+1 — the same overlap as
SQLite's writer thread (store/threaded_chunk_writer.py). One move at the end measured no faster
per row, and would leave the parse and the server's work one after the other. The thread has
the session's connection to itself until `finish()`/`close()` (psycopg connections may be used
from another thread).

The temporary table lives in the import's transaction only (`ON COMMIT DROP`; a rollback drops
it too), so a failed or cancelled import leaves nothing behind, and two people importing at once
each have their own. Its text columns are `COLLATE "C"` like trace_row's (migration 0001).
"""

from __future__ import annotations

import io
from typing import Any

from psycopg.copy import Copy, FileWriter
from sqlalchemy import Connection

from ordnum_desktop.store.threaded_chunk_writer import ThreadedChunkWriter
from ordnum_desktop.store.trace_writer import ROW_COLUMNS, VALUES_PER_ROW

TEMP_TABLE = "trace_import"
# `n` keeps the file's order, so that of two rows with the same key the first one is kept.
CREATE_TEMP = f"""
CREATE TEMPORARY TABLE {TEMP_TABLE} (
    n bigint GENERATED ALWAYS AS IDENTITY,
    ts text COLLATE "C", ps_identifier text COLLATE "C", finess text COLLATE "C",
    prescription_id text COLLATE "C", prestation text COLLATE "C", digital integer,
    operation text COLLATE "C", return_code integer, prescription_number text COLLATE "C"
) ON COMMIT DROP
"""
# Binary: no text escaping to do on either side (psycopg's C dumpers, the server's receive
# functions); the types follow ROW_COLUMNS.
COPY_SQL = f"COPY {TEMP_TABLE} ({', '.join(ROW_COLUMNS)}) FROM STDIN (FORMAT BINARY)"
COPY_TYPES = ("text", "text", "text", "text", "text", "int4", "text", "int4", "text")
COLUMNS = ", ".join(ROW_COLUMNS)
# The conflict target names ux_trace_dedup's key (migration 0001, the server's form), so that it
# is the only arbiter: a bare `ON CONFLICT DO NOTHING` makes every unique index one, and the
# primary key's extra check on every row cost about 4 % of the server's work for a million
# rows, for a conflict that would be a bug (and now raises instead of dropping the row).
DEDUP_KEY = "preserie_id, ts, ps_identifier, prescription_id, operation, (coalesce(return_code::text, ''))"
MOVE_SQL = (
    f"INSERT INTO trace_row (preserie_id, batch_id, {COLUMNS}) "
    f"SELECT %s, %s, {COLUMNS} FROM {TEMP_TABLE} ORDER BY n ON CONFLICT ({DEDUP_KEY}) DO NOTHING"
)
EMPTY_SQL = f"TRUNCATE {TEMP_TABLE}"


class PostgresTraceWriter(ThreadedChunkWriter[bytes]):
    """Formats each chunk as COPY data, then copies and moves it from a second thread while the
    next one is validated."""

    def __init__(self, conn: Connection, preserie_id: int, batch_id: int) -> None:
        self._ids = (preserie_id, batch_id)
        driver: Any = conn.connection.driver_connection
        self._cursor = driver.cursor()
        self._cursor.execute(CREATE_TEMP)
        # Only formats (no I/O): a cursor of its own, as the writer thread's has a COPY result.
        self._format_cursor = driver.cursor()
        super().__init__("traces-writer-pg")

    def _prepare(self, rows: list[Any]) -> bytes:
        # On the caller's thread: the writer thread is bound by the server (moving a row costs it
        # several times what formatting one costs Python), so formatting there would make the
        # server wait for each chunk; here it only delays the parser, which waits for the
        # writer anyway. `FileWriter` is psycopg's way of formatting COPY data without sending it.
        data = io.BytesIO()
        with Copy(self._format_cursor, binary=True, writer=FileWriter(data)) as copy:
            copy.set_types(COPY_TYPES)
            write_row = copy.write_row
            for start in range(0, len(rows), VALUES_PER_ROW):
                write_row(rows[start : start + VALUES_PER_ROW])
        return data.getvalue()

    def _write_chunk(self, chunk: bytes) -> int:
        cursor = self._cursor
        with cursor.copy(COPY_SQL) as copy:
            copy.write(chunk)  # whole binary COPY data, signature and trailer included
        cursor.execute(MOVE_SQL, self._ids)
        inserted: int = cursor.rowcount
        cursor.execute(EMPTY_SQL)
        return inserted

    def _release(self) -> None:
        self._format_cursor.close()
        self._cursor.close()


__all__ = ["PostgresTraceWriter"]
