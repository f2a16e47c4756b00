"""The bilan: the five validation criteria, the decision, and the weekly series for the charts.

Figures come from SQL aggregates over `trace_row` (never a Python loop over rows): one pass groups
rows into prescriptions (distinct Identifiant PS + Identifiant ordonnance) and sums them per
identifier, walking the covering index `ix_trace_cover` in order. Rows are matched to the roster at
query time, so a doctor added after an import counts at once.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, func, select

from ordnum_desktop.domain.referentiel import Referentiel, load_referentiel
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.roster import doctor_identifier
from ordnum_desktop.services.workspace import Workspace, WorkspaceError
from ordnum_desktop.store.models import Anomaly, Doctor, Preserie, SatisfactionAnswer, TechnicalPrerequisite

CRITERIA = ("doctor_rate", "registration", "operations", "prerequisites", "satisfaction")
OPERATIONS = ("creer", "consulter", "rechercher")

# The figures as of any day D derive from a per-day summary of the présérie's rows, built by two
# aggregate passes over the covering index ix_trace_cover and kept in app_meta until the rows
# change (an import or an undo changes the import_batch signature). A pass over 1M rows costs
# about a second; a bilan from the summary costs milliseconds, for any as-of day.
#
# A prescription counts as of D when its first row is on or before D; it is an e-prescription as
# of D when its first "Oui" row is; it is registered as of D when it is an e-prescription and its
# first successful créer row is on or before D. So each prescription contributes to three days.
PRESCRIPTION_DAYS_SQL = """
SELECT ps_identifier, substr(min(ts), 1, 10),
       substr(min(ts) FILTER (WHERE digital = 1), 1, 10),
       substr(min(ts) FILTER (WHERE operation = 'creer' AND return_code = 0), 1, 10)
FROM trace_row
WHERE preserie_id = ?
GROUP BY ps_identifier, prescription_id
"""
# Rows and operation calls per identifier and day (operation '' = the prescription's own row).
ROW_DAYS_SQL = """
SELECT ps_identifier, substr(ts, 1, 10), operation, count(*), sum(return_code = 0)
FROM trace_row
WHERE preserie_id = ?
GROUP BY 1, 2, 3
"""
SUMMARY_VERSION = 3



def _rate(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _preserie(s: Session, preserie_id: int) -> Preserie:
    p = s.get(Preserie, preserie_id)
    if p is None:
        raise UserError(f"Aucune présérie n° {preserie_id}.")
    return p


def _doctors(s: Session, preserie_id: int) -> list[Doctor]:
    q = select(Doctor).where(Doctor.preserie_id == preserie_id).order_by(Doctor.position, Doctor.id)
    return list(s.exec(q).all())


def user_doctors(ws: Workspace, preserie_id: int) -> list[Doctor]:
    """The doctors equipped for Ordonnance numérique, in roster order: those the criteria count."""
    with ws.session() as s:
        return [d for d in _doctors(s, preserie_id) if d.equipped]


def latest_trace_date(conn: Connection, preserie_id: int) -> date | None:
    # max(ts) is one seek in ux_trace_dedup, whose first columns are (preserie_id, ts).
    ts = conn.exec_driver_sql("SELECT max(ts) FROM trace_row WHERE preserie_id = ?",
                              (preserie_id,)).scalar()
    return date.fromisoformat(ts[:10]) if ts else None


def _as_of(conn: Connection, preserie_id: int, as_of: date | None) -> date:
    """Default: the day of the latest stored trace, so that a bilan printed later shows the same
    figures; today when nothing is stored yet."""
    if as_of is not None:
        return as_of
    return latest_trace_date(conn, preserie_id) or date.today()


def _cut(as_of: date) -> str:
    return f"{as_of.isoformat()} 23:59:59"


def _referentiel(p: Preserie) -> Referentiel:
    try:
        return load_referentiel(p.referentiel or None)
    except FileNotFoundError:
        return load_referentiel()


def compute_bilan(ws: Workspace, preserie_id: int, as_of: date | None = None) -> dict[str, Any]:
    """The spec's bilan JSON, plus: `preserie`, each doctor's `name`, `unmatched` (identifiers
    and row counts) and `failed` (keys of the criteria not met)."""
    with ws.session() as s:
        p = _preserie(s, preserie_id)
        ref = _referentiel(p)
        doctors = _doctors(s, preserie_id)
        conn = s.connection()
        day = _as_of(conn, preserie_id, as_of)
        summary, fresh = _load_summary(conn, preserie_id)
        open_blocking = s.exec(select(func.count()).select_from(Anomaly).where(
            Anomaly.preserie_id == preserie_id, Anomaly.blocking == True,  # noqa: E712
            Anomaly.closed_at == None)).one()  # noqa: E711
        tech_count = s.exec(select(func.count()).select_from(TechnicalPrerequisite).where(
            TechnicalPrerequisite.preserie_id == preserie_id)).one()
        answers = list(s.exec(select(SatisfactionAnswer).where(
            SatisfactionAnswer.preserie_id == preserie_id)).all())

    if fresh is not None and not getattr(ws, "read_only", False):
        _store_summary(ws, preserie_id, fresh)
    stats = _stats_as_of(summary, day.isoformat())
    thresholds = ref.thresholds
    users = [d for d in doctors if d.equipped]
    empty = [0] * 10

    # 1. Rate per user doctor.
    doctor_items = []
    for d in users:
        ident = doctor_identifier(d)
        presc, digital = (stats.get(ident) or empty)[:2]
        rate = _rate(digital, presc)
        doctor_items.append({
            "identifier": ident, "name": f"{d.last_name} {d.first_name}".strip(),
            "doctor_id": d.id, "prescriptions": presc, "digital": digital, "rate": rate,
            "met": bool(presc) and digital / presc >= thresholds.doctor_rate,
        })
    rate_met = bool(doctor_items) and all(i["met"] for i in doctor_items)

    # 2 and 3: totals over user doctors, each identifier counted once.
    user_ids = {doctor_identifier(d) for d in users} - {""}
    totals = [0] * 10
    for ident in user_ids:
        for k, v in enumerate(stats.get(ident) or empty):
            totals[k] += v
    created, registered = totals[1], totals[2]
    registration_rate = _rate(registered, created)
    registration_met = created > 0 and registered / created >= thresholds.registration_rate
    operations: dict[str, Any] = {}
    for k, op in enumerate(OPERATIONS):
        operations[op] = {"calls": totals[4 + 2 * k], "succeeded": totals[5 + 2 * k]}
    operations_met = all(operations[op]["succeeded"] > 0 for op in OPERATIONS) and not open_blocking

    # 4. Technical prerequisites written and validated.
    validated_at = p.technical_prerequisites_validated_at
    prerequisites_met = tech_count > 0 and validated_at is not None

    # 5. Satisfaction: every user doctor answered, nobody reported a blocking obstacle.
    answered = {a.doctor_id for a in answers}
    blocking_answers = sum(1 for a in answers if a.blocking)
    satisfaction_met = bool(users) and all(d.id in answered for d in users) and not blocking_answers

    roster_ids = {doctor_identifier(d) for d in doctors} - {""}
    unmatched = sorted(({"identifier": ident, "rows": v[3]} for ident, v in stats.items()
                        if ident not in roster_ids), key=lambda u: (-u["rows"], u["identifier"]))

    criteria: dict[str, Any] = {
        "doctor_rate": {"met": rate_met, "threshold": thresholds.doctor_rate, "doctors": doctor_items},
        "registration": {"met": registration_met, "threshold": thresholds.registration_rate,
                         "created": created, "registered": registered, "rate": registration_rate},
        "operations": {"met": operations_met, **operations, "open_blocking_anomalies": open_blocking},
        "prerequisites": {"met": prerequisites_met, "count": tech_count,
                          "validated_at": validated_at.isoformat(sep=" ") if validated_at else None},
        "satisfaction": {"met": satisfaction_met, "expected": len(users),
                         "answered": sum(1 for d in users if d.id in answered),
                         "blocking": blocking_answers},
    }
    failed = [key for key in CRITERIA if not criteria[key]["met"]]
    return {
        "as_of": day.isoformat(),
        "criteria": criteria,
        "unmatched_rows": sum(u["rows"] for u in unmatched),
        "decision": "deploy" if not failed else "extend",
        "failed": failed,
        "unmatched": unmatched,
        "preserie": {"id": p.id, "editor": p.editor, "software": p.software, "version": p.version,
                     "exercise": p.exercise, "status": p.status},
    }


# --- the per-day summary ------------------------------------------------------------------------

Summary = dict[str, Any]


def _signature(conn: Connection, preserie_id: int) -> list[Any]:
    """Changes whenever the présérie's trace rows may have changed: a new import batch, an undone
    one, or any new trace row in the file."""
    batches = conn.exec_driver_sql(
        "SELECT count(*), max(id), count(undone_at), total(accepted) FROM import_batch "
        "WHERE preserie_id = ?", (preserie_id,)).one()
    last_row = conn.exec_driver_sql("SELECT max(id) FROM trace_row").scalar()
    return [SUMMARY_VERSION, *batches, last_row]


def _cache_key(preserie_id: int) -> str:
    return f"bilan_summary:{preserie_id}"


def _build_summary(conn: Connection, preserie_id: int) -> Summary:
    """{"presc": [[identifier, first day, first e-prescription day | None, registration day | None,
    prescriptions], …], "rows": {identifier: {day: [rows, créer calls, successes, consulter…,
    rechercher…]}}} — a few hundred entries per doctor at most.

    The two passes run at once, the row pass on a second connection in a thread (SQLite works
    without the GIL). The prescription pass streams one tuple per prescription, counted by
    `Counter` in C: cheaper than a second GROUP BY in SQLite, which would sort them all."""
    found: dict[str, Any] = {}

    def row_pass() -> None:
        try:
            with conn.engine.connect() as other:
                driver = other.connection.driver_connection
                found["rows"] = driver.execute(ROW_DAYS_SQL, (preserie_id,)).fetchall()  # type: ignore[union-attr]
        except BaseException as exc:  # noqa: BLE001 - re-raised by the caller
            found["error"] = exc

    thread = threading.Thread(target=row_pass, name="bilan-summary")
    thread.start()
    try:
        driver = conn.connection.driver_connection
        groups = Counter(driver.execute(PRESCRIPTION_DAYS_SQL, (preserie_id,)))  # type: ignore[union-attr]
    finally:
        thread.join()
    if "error" in found:
        raise found["error"]
    presc = []
    for (ident, first_day, digital_day, ok_day), count in groups.items():
        # Registered on the later of the two days: it must be an e-prescription and created.
        registered_day = max(digital_day, ok_day) if digital_day and ok_day else None
        presc.append([ident, first_day, digital_day, registered_day, count])
    rows: dict[str, dict[str, list[int]]] = {}
    for ident, d, op, count, ok in found["rows"]:
        cell = rows.setdefault(ident, {}).setdefault(d, [0] * 7)
        cell[0] += count
        if op in OPERATIONS:
            k = 1 + 2 * OPERATIONS.index(op)
            cell[k] += count
            cell[k + 1] += ok or 0
    return {"presc": presc, "rows": rows}


def _load_summary(conn: Connection, preserie_id: int) -> tuple[Summary, dict[str, Any] | None]:
    """The summary, and the cache entry to store when it had to be rebuilt (else None)."""
    signature = _signature(conn, preserie_id)
    cached = conn.exec_driver_sql("SELECT value FROM app_meta WHERE key = ?",
                                  (_cache_key(preserie_id),)).scalar()
    if cached:
        try:
            entry = json.loads(cached)
            if entry.get("signature") == signature:
                return entry["summary"], None
        except (ValueError, KeyError, AttributeError):
            pass  # a damaged cache entry is rebuilt
    summary = _build_summary(conn, preserie_id)
    return summary, {"signature": signature, "summary": summary}


def _store_summary(ws: Workspace, preserie_id: int, entry: dict[str, Any]) -> None:
    """Best effort: a bilan must work on a read-only or busy file, so a failure to store the
    cache only costs the next bilan another pass."""
    try:
        with ws.session() as s:
            s.connection().exec_driver_sql(
                "INSERT INTO app_meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (_cache_key(preserie_id), json.dumps(entry, separators=(",", ":"))))
    except (OperationalError, WorkspaceError):
        pass


def refresh_summary(ws: Workspace, preserie_id: int) -> None:
    """Rebuilds and stores the summary when stale, so that the next bilan reads it in
    milliseconds. Run it after the change is committed: the row pass reads on a second
    connection, which does not see an open transaction's rows. Best effort, like the cache: a
    failure only leaves the work to the next bilan."""
    try:
        with ws.session() as s:
            _, fresh = _load_summary(s.connection(), preserie_id)
    except (OperationalError, WorkspaceError):
        return
    if fresh is not None and not getattr(ws, "read_only", False):
        _store_summary(ws, preserie_id, fresh)


# Undo: the batch's prescriptions, their days over all rows and over the rows of other batches.
BATCH_PRESCRIPTIONS_SQL = """
SELECT ps_identifier,
       substr(min(ts), 1, 10),
       substr(min(ts) FILTER (WHERE digital = 1), 1, 10),
       substr(min(ts) FILTER (WHERE operation = 'creer' AND return_code = 0), 1, 10),
       substr(min(ts) FILTER (WHERE batch_id IS NOT :b), 1, 10),
       substr(min(ts) FILTER (WHERE batch_id IS NOT :b AND digital = 1), 1, 10),
       substr(min(ts) FILTER (WHERE batch_id IS NOT :b AND operation = 'creer' AND return_code = 0), 1, 10)
FROM trace_row
WHERE preserie_id = :p AND (ps_identifier, prescription_id) IN (
    SELECT ps_identifier, prescription_id FROM trace_row WHERE batch_id = :b)
GROUP BY ps_identifier, prescription_id
"""
BATCH_ROW_DAYS_SQL = """
SELECT ps_identifier, substr(ts, 1, 10), operation, count(*), sum(return_code = 0)
FROM trace_row
WHERE batch_id = ?
GROUP BY 1, 2, 3
"""


def _registered(digital_day: str | None, ok_day: str | None) -> str | None:
    return max(digital_day, ok_day) if digital_day and ok_day else None


def summary_without_batch(conn: Connection, preserie_id: int, batch_id: int) -> Summary | None:
    """The current summary minus batch `batch_id`'s rows, read before they are deleted (in the
    undo's transaction): a pass over that batch's rows only. None when the stored summary is
    stale or absent (then `refresh_summary` rebuilds it after the commit)."""
    cached = conn.exec_driver_sql("SELECT value FROM app_meta WHERE key = ?",
                                  (_cache_key(preserie_id),)).scalar()
    try:
        entry = json.loads(cached) if cached else None
        if not entry or entry.get("signature") != _signature(conn, preserie_id):
            return None
        summary: Summary = entry["summary"]
        groups: Counter[tuple[Any, ...]] = Counter()
        for ident, first, digital_day, registered_day, count in summary["presc"]:
            groups[(ident, first, digital_day, registered_day)] += count
        rows: dict[str, dict[str, list[int]]] = summary["rows"]
    except (ValueError, KeyError, AttributeError, TypeError):
        return None
    driver = conn.connection.driver_connection
    for ident, first, dig, ok, kept_first, kept_dig, kept_ok in driver.execute(  # type: ignore[union-attr]
            BATCH_PRESCRIPTIONS_SQL, {"p": preserie_id, "b": batch_id}):
        groups[(ident, first, dig, _registered(dig, ok))] -= 1
        if kept_first is not None:  # still has rows from other batches
            groups[(ident, kept_first, kept_dig, _registered(kept_dig, kept_ok))] += 1
    for ident, d, op, count, ok_count in driver.execute(BATCH_ROW_DAYS_SQL, (batch_id,)):  # type: ignore[union-attr]
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


def store_summary_in(conn: Connection, preserie_id: int, summary: Summary) -> None:
    """Stores `summary` as the one of the rows now visible on `conn` (same transaction)."""
    entry = {"signature": _signature(conn, preserie_id), "summary": summary}
    conn.exec_driver_sql(
        "INSERT INTO app_meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (_cache_key(preserie_id), json.dumps(entry, separators=(",", ":"))))


def _stats_as_of(summary: Summary, day: str) -> dict[str, list[int]]:
    """Per identifier, the figures as of `day` (inclusive): [prescriptions, e-prescriptions,
    registered, rows, créer calls, créer successes, consulter…, rechercher…]."""
    stats: dict[str, list[int]] = {}
    for ident, first_day, digital_day, registered_day, count in summary["presc"]:
        if first_day <= day:
            out = stats.setdefault(ident, [0] * 10)
            out[0] += count
            if digital_day is not None and digital_day <= day:
                out[1] += count
            if registered_day is not None and registered_day <= day:
                out[2] += count
    for ident, days in summary["rows"].items():
        out = stats.setdefault(ident, [0] * 10)
        for d, values in days.items():
            if d <= day:
                for k in range(7):
                    out[3 + k] += values[k]
    return {ident: v for ident, v in stats.items() if v[3]}


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def weekly_series(ws: Workspace, preserie_id: int,
                  as_of: date | None = None) -> dict[str, list[dict[str, Any]]]:
    """Per user doctor (by identifier, roster order): one entry per week (Monday) from the first
    week with a prescription up to the as-of week, gaps filled with zeros. A prescription belongs
    to the week of its first row."""
    with ws.session() as s:
        _preserie(s, preserie_id)
        users = [d for d in _doctors(s, preserie_id) if d.equipped]
        conn = s.connection()
        day = _as_of(conn, preserie_id, as_of)
        summary, fresh = _load_summary(conn, preserie_id)
    if fresh is not None and not getattr(ws, "read_only", False):
        _store_summary(ws, preserie_id, fresh)
    idents = list(dict.fromkeys(doctor_identifier(d) for d in users))
    cut = day.isoformat()
    found: dict[str, dict[date, list[int]]] = {i: {} for i in idents}
    for ident, first_day, digital_day, _registered, count in summary["presc"]:
        if ident in found and first_day <= cut:
            cell = found[ident].setdefault(_monday(date.fromisoformat(first_day)), [0, 0])
            cell[0] += count
            if digital_day is not None and digital_day <= cut:
                cell[1] += count
    all_weeks = [w for weeks in found.values() for w in weeks]
    series: dict[str, list[dict[str, Any]]] = {i: [] for i in idents}
    if not all_weeks:
        return series
    first, last = min(all_weeks), max(_monday(day), max(all_weeks))
    for ident, weeks in found.items():
        week = first
        while week <= last:
            presc, digital = weeks.get(week, (0, 0))
            series[ident].append({"week": week.isoformat(), "prescriptions": presc,
                                  "digital": digital, "rate": _rate(digital, presc)})
            week += timedelta(days=7)
    return series


__all__ = ["compute_bilan", "latest_trace_date", "refresh_summary", "store_summary_in",
           "summary_without_batch", "user_doctors", "weekly_series"]
