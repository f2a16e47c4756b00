"""Hand-written SQL on either engine: the one place that knows the drivers' parameter styles.

The services write their fast queries once, in the dialect-neutral subset both engines run
(`coalesce`, `FILTER (WHERE …)`, `count(*) FILTER`, `ON CONFLICT … DO UPDATE`), with `?` or
`:name` placeholders as sqlite3 takes them. On PostgreSQL they are rewritten once (cached) to
psycopg's `%s` / `%(name)s`, with any literal `%` doubled; quoted literals are left alone.

`run()` goes through SQLAlchemy's `exec_driver_sql` (a `CursorResult`); `driver_rows()` through
the driver's own connection, for the passes that stream millions of tuples (no Row objects).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine
from sqlalchemy.util.typing import TupleAny

Params = Sequence[Any] | Mapping[str, Any]

# A quoted literal, a `::` cast, a `?`, a `:name`, or a `%`.
_TOKEN = re.compile(r"'(?:[^']|'')*'|::|\?|:(?P<name>[A-Za-z_]\w*)|%")


def is_server(bind: Connection | Engine) -> bool:
    """True on PostgreSQL (team mode), False on a SQLite file."""
    return bind.dialect.name == "postgresql"


@lru_cache(maxsize=256)
def to_format_style(sql: str) -> str:
    """`?` → `%s`, `:name` → `%(name)s`, `%` → `%%` (psycopg's `format`/`pyformat` styles)."""

    def swap(m: re.Match[str]) -> str:
        token = m.group(0)
        if token.startswith("'") or token == "::":
            return token
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        return f"%({m.group('name')})s"

    return _TOKEN.sub(swap, sql)


def native(bind: Connection | Engine, sql: str) -> str:
    """`sql` in the parameter style of `bind`'s driver."""
    return to_format_style(sql) if is_server(bind) else sql


def run(conn: Connection, sql: str, params: Params = ()) -> CursorResult[*TupleAny]:
    """`conn.exec_driver_sql` with the placeholders of sqlite3 on either engine."""
    if isinstance(params, Mapping):
        return conn.exec_driver_sql(native(conn, sql), dict(params))
    return conn.exec_driver_sql(native(conn, sql), tuple(params))


def driver_rows(conn: Connection, sql: str, params: Params = ()) -> Iterable[tuple[Any, ...]]:
    """The rows of `sql` straight from the driver's cursor (plain tuples), on `conn`'s
    transaction."""
    driver: Any = conn.connection.driver_connection
    if isinstance(params, Mapping):
        return driver.execute(native(conn, sql), dict(params))  # type: ignore[no-any-return]
    return driver.execute(native(conn, sql), tuple(params))  # type: ignore[no-any-return]
