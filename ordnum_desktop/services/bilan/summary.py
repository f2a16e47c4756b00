"""The bilan's per-day summary of a présérie's trace rows, kept in `app_meta` beside the rows.

The figures as of any day D derive from it: a prescription counts as of D when its first row is
on or before D; it is an e-prescription as of D when its first "Oui" row is; it is registered as
of D when it is an e-prescription and its first successful créer row is on or before D. So each
prescription contributes to three days, and the summary holds, per identifier, how many
prescriptions share each (first day, e-prescription day, registration day), plus the rows and
operation calls per day: a few hundred entries per doctor, whatever the number of rows.

Kept current three ways, cheapest first:
- an import folds the file's rows into it in the same transaction (`ImportFold`), from the tally
  the parser made (see domain/trace_tally.py), so the first bilan after importing a million rows
  only reads it back;
- an undo subtracts the batch (`summary_without_batch`), or rebuilds it when the batch is big;
- anything else (an older file, a damaged entry) is caught by the signature, and the next bilan
  rebuilds it from the rows: two aggregate passes over the covering index ix_trace_cover.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError

from ordnum_desktop.domain.bilan_rules import IdentifierCounts, OperationCount, PrescriptionGroup
from ordnum_desktop.domain.trace_tally import PrescriptionDays, TraceTally, earliest
from ordnum_desktop.domain.vocabulary import Operation
from ordnum_desktop.services.workspace.session import Workspace, WorkspaceError
from ordnum_desktop.store import sql

OPERATIONS = tuple(op.value for op in Operation)  # the order of the stored cells
SUMMARY_VERSION = 3
Summary = dict[str, Any]


def _days(where: str = "") -> str:
    """A prescription's first day, first e-prescription day and first successful créer day over
    its rows (those matching `where` when given)."""
    also = f"{where} AND " if where else ""
    first = f"min(ts) FILTER (WHERE {where})" if where else "min(ts)"
    return (
        f"substr({first}, 1, 10), "
        f"substr(min(ts) FILTER (WHERE {also}digital = 1), 1, 10), "
        f"substr(min(ts) FILTER (WHERE {also}operation = 'creer' AND return_code = 0), 1, 10)"
    )


PRESCRIPTION_DAYS_SQL = f"""
SELECT ps_identifier, {_days()}
FROM trace_row
WHERE preserie_id = ?
GROUP BY ps_identifier, prescription_id
"""
# A prolongation's period (from day F): the same passes over the rows from F on only, as if the
# file held nothing before F (shared/spec/traces-format.md, « Periods »).
PERIOD_PRESCRIPTION_DAYS_SQL = f"""
SELECT ps_identifier, {_days()}
FROM trace_row
WHERE preserie_id = ? AND ts >= ?
GROUP BY ps_identifier, prescription_id
"""
# Rows and operation calls per identifier and day (operation '' = the prescription's own row).
_ROW_DAYS = """
SELECT ps_identifier, substr(ts, 1, 10), operation, count(*), count(*) FILTER (WHERE return_code = 0)
FROM trace_row
WHERE {rows}
GROUP BY 1, 2, 3
"""
ROW_DAYS_SQL = _ROW_DAYS.format(rows="preserie_id = ?")
PERIOD_ROW_DAYS_SQL = _ROW_DAYS.format(rows="preserie_id = ? AND ts >= ?")


def registered_day(digital_day: str | None, created_day: str | None) -> str | None:
    """Registered on the later of the two days: it must be an e-prescription and created."""
    return max(digital_day, created_day) if digital_day and created_day else None


def signature(conn: Connection, preserie_id: int) -> list[Any]:
    """Changes whenever the présérie's trace rows may have changed: a new import batch, an undone
    one, or any new trace row in the file."""
    batches = sql.run(
        conn,
        "SELECT count(*), max(id), count(undone_at), coalesce(sum(accepted), 0) FROM import_batch "
        "WHERE preserie_id = ?",
        (preserie_id,),
    ).one()
    last_row = sql.run(conn, "SELECT max(id) FROM trace_row").scalar()
    return [SUMMARY_VERSION, *batches, last_row]


def cache_key(preserie_id: int, since: str | None = None) -> str:
    """The summary of all rows, or of a prolongation's period (rows from `since` on)."""
    return f"bilan_summary:{preserie_id}" + (f":{since}" if since else "")


def _add_row_counts(
    rows: dict[str, dict[str, list[int]]], ident: str, day: str, op: str, count: int, ok: int
) -> None:
    cell = rows.setdefault(ident, {}).setdefault(day, [0] * 7)
    cell[0] += count
    if op in OPERATIONS:
        k = 1 + 2 * OPERATIONS.index(op)
        cell[k] += count
        cell[k + 1] += ok


def _build_summary(conn: Connection, preserie_id: int, since: str | None = None) -> Summary:
    """{"presc": [[identifier, first day, first e-prescription day | None, registration day | None,
    prescriptions], …], "rows": {identifier: {day: [rows, créer calls, successes, consulter…,
    rechercher…]}}} from the stored rows.

    The two passes run at once, the row pass on a second connection in a thread (SQLite works
    without the GIL), unless the rows are not committed yet. The prescription pass streams one
    tuple per prescription, counted by `Counter` in C: cheaper than a second GROUP BY in SQLite,
    which would sort them all."""
    found: dict[str, Any] = {}
    params: tuple[Any, ...] = (preserie_id,) if since is None else (preserie_id, since)
    presc_sql = PRESCRIPTION_DAYS_SQL if since is None else PERIOD_PRESCRIPTION_DAYS_SQL
    rows_sql = ROW_DAYS_SQL if since is None else PERIOD_ROW_DAYS_SQL

    def row_pass() -> None:
        try:
            with conn.engine.connect() as other:
                found["rows"] = list(sql.driver_rows(other, rows_sql, params))
        except BaseException as exc:  # noqa: BLE001 - re-raised by the caller
            found["error"] = exc

    if conn.in_nested_transaction():
        # Inside a savepoint (a copy checked before it is committed, Workspace.joined): the
        # rows are not committed, a second connection would not see them: one pass after the other.
        return _summary_of(
            Counter(sql.driver_rows(conn, presc_sql, params)), list(sql.driver_rows(conn, rows_sql, params))
        )
    thread = threading.Thread(target=row_pass, name="bilan-summary")
    thread.start()
    try:
        groups: Counter[tuple[Any, ...]] = Counter(sql.driver_rows(conn, presc_sql, params))
    finally:
        thread.join()
    if "error" in found:
        raise found["error"]
    return _summary_of(groups, found["rows"])


def _summary_of(groups: Counter[tuple[Any, ...]], row_days: list[tuple[Any, ...]]) -> Summary:
    presc = [
        [ident, first, digital, registered_day(digital, ok), count]
        for (ident, first, digital, ok), count in groups.items()
    ]
    rows: dict[str, dict[str, list[int]]] = {}
    for ident, d, op, count, ok in row_days:
        _add_row_counts(rows, ident, d, op, count, ok or 0)
    return {"presc": presc, "rows": rows}


def _cached(conn: Connection, preserie_id: int, since: str | None = None) -> Summary | None:
    """The stored summary when it describes the rows visible on `conn`, else None."""
    raw = sql.run(conn, "SELECT value FROM app_meta WHERE key = ?", (cache_key(preserie_id, since),)).scalar()
    if not raw:
        return None
    try:
        entry = json.loads(raw)
        if entry.get("signature") == signature(conn, preserie_id):
            summary: Summary = entry["summary"]
            return summary
    except (ValueError, KeyError, AttributeError):
        pass  # a damaged cache entry is rebuilt
    return None


def load_summary(
    conn: Connection, preserie_id: int, since: str | None = None
) -> tuple[Summary, dict[str, Any] | None]:
    """The summary (of the rows from `since` on when given), and the cache entry to store when it
    had to be rebuilt (else None)."""
    summary = _cached(conn, preserie_id, since)
    if summary is not None:
        return summary, None
    summary = _build_summary(conn, preserie_id, since)
    return summary, {"signature": signature(conn, preserie_id), "summary": summary}


def store_summary(ws: Workspace, preserie_id: int, entry: dict[str, Any], since: str | None = None) -> None:
    """Best effort: a bilan must work on a read-only or busy file, so a failure to store the
    cache only costs the next bilan another pass."""
    if getattr(ws, "read_only", False):
        return
    try:
        with ws.session() as s:
            _write_entry(s.connection(), preserie_id, entry, since)
    except (OperationalError, WorkspaceError):
        pass


def _write_entry(conn: Connection, preserie_id: int, entry: dict[str, Any], since: str | None = None) -> None:
    sql.run(
        conn,
        "INSERT INTO app_meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (cache_key(preserie_id, since), json.dumps(entry, separators=(",", ":"))),
    )


def store_summary_in(conn: Connection, preserie_id: int, summary: Summary) -> None:
    """Stores `summary` as the one of the rows now visible on `conn` (same transaction)."""
    _write_entry(conn, preserie_id, {"signature": signature(conn, preserie_id), "summary": summary})


def refresh_summary(ws: Workspace, preserie_id: int) -> None:
    """Rebuilds and stores the summary when stale, so that the next bilan reads it in
    milliseconds. Run it after the change is committed: the row pass reads on a second
    connection, which does not see an open transaction's rows. Best effort, like the cache: a
    failure only leaves the work to the next bilan."""
    try:
        with ws.session() as s:
            _, fresh = load_summary(s.connection(), preserie_id)
    except (OperationalError, WorkspaceError):
        return
    if fresh is not None:
        store_summary(ws, preserie_id, fresh)


# --- an import folded into the summary -----------------------------------------------------------

# The rows of the batch being imported are those above the largest id before it: SQLite gives a
# new row the largest rowid plus one.
BATCH_PRESCRIPTION_DAYS_SQL = f"""
SELECT ps_identifier, prescription_id, {_days()}
FROM trace_row WHERE id > ? GROUP BY ps_identifier, prescription_id
"""
BATCH_ROW_COUNTS_SQL = """
SELECT ps_identifier, substr(ts, 1, 10), operation, return_code, count(*)
FROM trace_row WHERE id > ? GROUP BY 1, 2, 3, 4
"""
# The prescriptions of one identifier, within a range of prescription ids, that have rows both
# before the batch (id ≤ :last) and in it: their days over each side (a range in
# ix_trace_cover, which also holds the rowid that tells the two sides apart).
CONTINUED_DAYS_SQL = f"""
SELECT {_days("id <= :last")}, {_days("id > :last")}
FROM trace_row
WHERE preserie_id = :p AND ps_identifier = :ps AND prescription_id BETWEEN :low AND :high
GROUP BY prescription_id
HAVING count(*) FILTER (WHERE id <= :last) > 0 AND count(*) FILTER (WHERE id > :last) > 0
"""
# A prescription's days over the earlier rows and over the batch's, for the fold.
Continued = tuple[str, PrescriptionDays, PrescriptionDays]
# Rows fetched at a time when the batch is tallied in SQL.
FETCH_ROWS = 10_000


@dataclass
class ImportFold:
    """Read at the start of an import's transaction: the summary the batch will be folded into
    (None when the stored one is stale: the next bilan rebuilds it), the largest row id before
    the batch, and whether the présérie had rows (else no prescription can continue one)."""

    summary: Summary | None
    last_id: int
    had_rows: bool

    @classmethod
    def before_import(cls, conn: Connection, preserie_id: int) -> ImportFold:
        last_id = sql.run(conn, "SELECT coalesce(max(id), 0) FROM trace_row").scalar_one()
        had_rows = sql.run(
            conn, "SELECT EXISTS (SELECT 1 FROM trace_row WHERE preserie_id = ?)", (preserie_id,)
        ).scalar_one()
        summary = _cached(conn, preserie_id)
        if summary is None and not had_rows:
            summary = {"presc": [], "rows": {}}
        return cls(summary, int(last_id), bool(had_rows))

    def after_import(self, conn: Connection, preserie_id: int, tally: TraceTally | None) -> None:
        """Folds the batch's stored rows into the summary and stores it (same transaction).
        `tally` (closed) must describe exactly the rows stored (no duplicate ignored); without
        it they are tallied in SQL, which costs a pass over the batch's rows."""
        if self.summary is None:
            return
        if tally is None:
            tally = self._tally_stored(conn)
        try:
            summary = fold(self.summary, tally, self._continued(conn, preserie_id, tally))
        except (KeyError, TypeError, ValueError, AttributeError):
            # A stored entry of the right signature but the wrong shape (edited by hand): the
            # import must not fail for a cache; dropped, the next bilan rebuilds it.
            sql.run(conn, "DELETE FROM app_meta WHERE key = ?", (cache_key(preserie_id),))
            return
        store_summary_in(conn, preserie_id, summary)

    def _tally_stored(self, conn: Connection) -> TraceTally:
        """The batch's stored rows tallied in SQL: one entry per prescription, fetched in chunks
        so that the prescriptions are never all held as Python tuples."""
        tally = TraceTally()
        cursor: Any = sql.driver_rows(conn, BATCH_PRESCRIPTION_DAYS_SQL, (self.last_id,))
        while chunk := cursor.fetchmany(FETCH_ROWS):
            ps, pid, first, digital, created = (list(column) for column in zip(*chunk, strict=True))
            tally.add_whole(ps, first, digital, created)
            low, high = min(pid), max(pid)
            tally.low_id = low if tally.low_id is None else min(low, tally.low_id)
            tally.high_id = high if tally.high_id is None else max(high, tally.high_id)
        for ps_, day, op, rc, count in sql.driver_rows(conn, BATCH_ROW_COUNTS_SQL, (self.last_id,)):
            tally.rows[(ps_, day, op, rc)] += count
        tally.close()
        return tally

    def _continued(self, conn: Connection, preserie_id: int, tally: TraceTally) -> list[Continued]:
        """The batch's prescriptions that continue one stored before it (an overlapping export),
        with their days over the earlier rows and over the batch's."""
        if not self.had_rows or self.summary is None or tally.low_id is None:
            return []
        found: list[Continued] = []
        for ps in sorted(tally.identifiers & set(self.summary["rows"])):  # else no earlier row
            params = {
                "p": preserie_id,
                "ps": ps,
                "low": tally.low_id,
                "high": tally.high_id,
                "last": self.last_id,
            }
            for e_first, e_digital, e_created, b_first, b_digital, b_created in sql.driver_rows(
                conn, CONTINUED_DAYS_SQL, params
            ):
                found.append((ps, (e_first, e_digital, e_created), (b_first, b_digital, b_created)))
        return found


def fold(summary: Summary, tally: TraceTally, continued: list[Continued]) -> Summary:
    """`summary` plus the batch's rows (`tally`, closed); `continued` holds the batch's
    prescriptions that already had rows, with their days over those rows and over the batch's:
    such a prescription moves from its two states to the earliest days of both."""
    groups: Counter[tuple[str, str, str | None, str | None]] = Counter()
    for ident, first, digital, registered, count in summary["presc"]:
        groups[(ident, first, digital, registered)] += count
    for (ident, first, digital, created), count in tally.prescriptions.items():
        groups[(ident, first, digital, registered_day(digital, created))] += count
    for ident, (e_first, e_digital, e_created), (b_first, b_digital, b_created) in continued:
        groups[(ident, e_first, e_digital, registered_day(e_digital, e_created))] -= 1
        groups[(ident, b_first, b_digital, registered_day(b_digital, b_created))] -= 1
        digital, created = earliest(e_digital, b_digital), earliest(e_created, b_created)
        groups[(ident, min(e_first, b_first), digital, registered_day(digital, created))] += 1
    rows: dict[str, dict[str, list[int]]] = {
        ident: {day: list(cell) for day, cell in days.items()} for ident, days in summary["rows"].items()
    }
    for (ident, day, op, rc), count in tally.rows.items():
        _add_row_counts(rows, ident, day, op, count, count if rc == 0 else 0)
    return {"presc": [[*key, n] for key, n in groups.items() if n > 0], "rows": rows}


# --- an undo subtracted from the summary ---------------------------------------------------------

# The batch's prescriptions, their days over all rows and over the rows of other batches.
BATCH_PRESCRIPTIONS_SQL = f"""
SELECT ps_identifier, {_days()}, {_days("batch_id <> :b")}
FROM trace_row
WHERE preserie_id = :p AND (ps_identifier, prescription_id) IN (
    SELECT ps_identifier, prescription_id FROM trace_row WHERE batch_id = :b)
GROUP BY ps_identifier, prescription_id
"""
BATCH_ROW_DAYS_SQL = _ROW_DAYS.format(rows="batch_id = ?")


def summary_without_batch(conn: Connection, preserie_id: int, batch_id: int) -> Summary | None:
    """The current summary minus batch `batch_id`'s rows, read before they are deleted (in the
    undo's transaction): a pass over that batch's rows only. None when the stored summary is
    stale or absent (then `refresh_summary` rebuilds it after the commit)."""
    try:
        summary = _cached(conn, preserie_id)
        if summary is None:
            return None
        groups: Counter[tuple[Any, ...]] = Counter()
        for ident, first, digital_day, registered, count in summary["presc"]:
            groups[(ident, first, digital_day, registered)] += count
        rows: dict[str, dict[str, list[int]]] = summary["rows"]
    except (ValueError, KeyError, AttributeError, TypeError):
        return None
    for ident, first, dig, ok, kept_first, kept_dig, kept_ok in sql.driver_rows(
        conn, BATCH_PRESCRIPTIONS_SQL, {"p": preserie_id, "b": batch_id}
    ):
        groups[(ident, first, dig, registered_day(dig, ok))] -= 1
        if kept_first is not None:  # still has rows from other batches
            groups[(ident, kept_first, kept_dig, registered_day(kept_dig, kept_ok))] += 1
    for ident, d, op, count, ok_count in sql.driver_rows(conn, BATCH_ROW_DAYS_SQL, (batch_id,)):
        cell = rows.get(ident, {}).get(d)
        if cell is None:
            return None  # the summary does not hold these rows: rebuild it
        cell[0] -= count
        if op in OPERATIONS:
            k = 1 + 2 * OPERATIONS.index(op)
            cell[k] -= count
            cell[k + 1] -= ok_count or 0
        if not any(cell):
            del rows[ident][d]
            if not rows[ident]:
                del rows[ident]
    if any(n < 0 for n in groups.values()):
        return None
    return {"presc": [[*key, n] for key, n in groups.items() if n > 0], "rows": rows}


def stats_as_of(summary: Summary, day: str) -> dict[str, IdentifierCounts]:
    """Per identifier with at least one row on or before `day` (inclusive), its figures then."""
    stats: dict[str, list[int]] = {}
    for ident, first_day, digital_day, registered, count in summary["presc"]:
        if first_day <= day:
            out = stats.setdefault(ident, [0] * 10)
            out[0] += count
            if digital_day is not None and digital_day <= day:
                out[1] += count
            if registered is not None and registered <= day:
                out[2] += count
    for ident, days in summary["rows"].items():
        out = stats.setdefault(ident, [0] * 10)
        for d, values in days.items():
            if d <= day:
                for k in range(7):
                    out[3 + k] += values[k]
    # The stored layout is positional (compact JSON); it stops here.
    return {
        ident: IdentifierCounts(
            prescriptions=v[0],
            digital=v[1],
            registered=v[2],
            rows=v[3],
            creer=OperationCount(v[4], v[5]),
            consulter=OperationCount(v[6], v[7]),
            rechercher=OperationCount(v[8], v[9]),
        )
        for ident, v in stats.items()
        if v[3]
    }


def prescription_groups(summary: Summary) -> list[PrescriptionGroup]:
    """The summary's prescriptions grouped by (identifier, first day, e-prescription day)."""
    return [
        PrescriptionGroup(
            ident,
            date.fromisoformat(first_day),
            date.fromisoformat(digital_day) if digital_day is not None else None,
            count,
        )
        for ident, first_day, digital_day, _registered, count in summary["presc"]
    ]


__all__ = [
    "ImportFold",
    "OPERATIONS",
    "fold",
    "prescription_groups",
    "load_summary",
    "refresh_summary",
    "signature",
    "stats_as_of",
    "store_summary",
    "store_summary_in",
    "summary_without_batch",
]
