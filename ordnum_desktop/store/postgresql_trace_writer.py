"""The PostgreSQL trace writer: `COPY` into a temporary table, then one `INSERT … SELECT`.

Row-by-row INSERTs over the network would cost a round trip each; `COPY … FROM STDIN` streams the
chunks as the parser validates them (the server stores them while Python parses the next chunk).
At the end one `INSERT INTO trace_row … SELECT … FROM trace_import ON CONFLICT DO NOTHING` moves
them into the table in a single statement: the unique index `ux_trace_dedup` drops the
duplicates (within the file or across files, the first one kept, as SQLite's `INSERT OR IGNORE`
does) and the statement's row count is the number inserted.

The temporary table lives in the import's transaction only (`ON COMMIT DROP`; a rollback drops
it too), so a failed or cancelled import leaves nothing behind, and two people importing at once
each have their own. Its text columns are `COLLATE "C"` like trace_row's (migration 0001).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from ordnum_desktop.store.trace_writer import ROW_COLUMNS, VALUES_PER_ROW, WriteCounts

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
COPY_SQL = f"COPY {TEMP_TABLE} ({', '.join(ROW_COLUMNS)}) FROM STDIN"
COLUMNS = ", ".join(ROW_COLUMNS)
MOVE_SQL = (
    f"INSERT INTO trace_row (preserie_id, batch_id, {COLUMNS}) "
    f"SELECT %s, %s, {COLUMNS} FROM {TEMP_TABLE} ORDER BY n ON CONFLICT DO NOTHING"
)


class PostgresTraceWriter:
    """Streams the chunks into the import's temporary table; `finish()` moves them."""

    def __init__(self, conn: Connection, preserie_id: int, batch_id: int) -> None:
        self._ids = (preserie_id, batch_id)
        driver: Any = conn.connection.driver_connection
        self._cursor = driver.cursor()
        self._cursor.execute(CREATE_TEMP)
        self._copy_context = self._cursor.copy(COPY_SQL)
        self._copy: Any = self._copy_context.__enter__()
        self._attempted = 0
        self._closed = False

    def write(self, rows: list[Any]) -> None:
        write_row = self._copy.write_row
        for start in range(0, len(rows), VALUES_PER_ROW):
            write_row(rows[start : start + VALUES_PER_ROW])
        self._attempted += len(rows) // VALUES_PER_ROW

    def _end_copy(self, exc: BaseException | None = None) -> None:
        context, self._copy_context = self._copy_context, None
        if context is not None:
            if exc is None:
                context.__exit__(None, None, None)
            else:
                context.__exit__(type(exc), exc, exc.__traceback__)

    def finish(self) -> WriteCounts:
        self._end_copy()
        self._cursor.execute(MOVE_SQL, self._ids)
        inserted = self._cursor.rowcount
        return WriteCounts(self._attempted, inserted)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._copy_context is not None:
            # Failing import: the COPY is ended in error, the caller rolls the transaction back.
            try:
                self._end_copy(RuntimeError("import abandonné"))
            except Exception:  # noqa: BLE001 - the transaction is being rolled back anyway
                pass
        self._cursor.close()
