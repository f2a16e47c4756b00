"""The bilan: the five validation criteria, the decision, and the weekly series for the charts.

Figures come from the per-day summary of the rows (services/bilan/summary.py: SQL aggregates
over `trace_row`, folded in by each import), never from a Python loop over the rows. Rows are
matched to the roster at query time, so a doctor added after an import counts at once.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection
from sqlmodel import Session, func, select

from ordnum_desktop.domain.referentiel import Referentiel, load_referentiel
from ordnum_desktop.services.bilan.summary import OPERATIONS, load_summary, stats_as_of, store_summary
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.roster.doctors import doctor_identifier
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Anomaly, Doctor, Preserie, SatisfactionAnswer, TechnicalPrerequisite

CRITERIA = ("doctor_rate", "registration", "operations", "prerequisites", "satisfaction")


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
    ts = conn.exec_driver_sql("SELECT max(ts) FROM trace_row WHERE preserie_id = ?", (preserie_id,)).scalar()
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
        summary, fresh = load_summary(conn, preserie_id)
        open_blocking = s.exec(
            select(func.count())
            .select_from(Anomaly)
            .where(
                Anomaly.preserie_id == preserie_id,
                Anomaly.blocking == True,  # noqa: E712
                Anomaly.closed_at == None,  # noqa: E711
            )
        ).one()
        tech_count = s.exec(
            select(func.count())
            .select_from(TechnicalPrerequisite)
            .where(TechnicalPrerequisite.preserie_id == preserie_id)
        ).one()
        answers = list(
            s.exec(select(SatisfactionAnswer).where(SatisfactionAnswer.preserie_id == preserie_id)).all()
        )

    if fresh is not None:
        store_summary(ws, preserie_id, fresh)
    stats = stats_as_of(summary, day.isoformat())
    thresholds = ref.thresholds
    users = [d for d in doctors if d.equipped]
    empty = [0] * 10

    # 1. Rate per user doctor.
    doctor_items = []
    for d in users:
        ident = doctor_identifier(d)
        presc, digital = (stats.get(ident) or empty)[:2]
        rate = _rate(digital, presc)
        doctor_items.append(
            {
                "identifier": ident,
                "name": f"{d.last_name} {d.first_name}".strip(),
                "doctor_id": d.id,
                "prescriptions": presc,
                "digital": digital,
                "rate": rate,
                "met": bool(presc) and digital / presc >= thresholds.doctor_rate,
            }
        )
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
    unmatched = sorted(
        ({"identifier": ident, "rows": v[3]} for ident, v in stats.items() if ident not in roster_ids),
        key=lambda u: (-u["rows"], u["identifier"]),
    )

    criteria: dict[str, Any] = {
        "doctor_rate": {"met": rate_met, "threshold": thresholds.doctor_rate, "doctors": doctor_items},
        "registration": {
            "met": registration_met,
            "threshold": thresholds.registration_rate,
            "created": created,
            "registered": registered,
            "rate": registration_rate,
        },
        "operations": {"met": operations_met, **operations, "open_blocking_anomalies": open_blocking},
        "prerequisites": {
            "met": prerequisites_met,
            "count": tech_count,
            "validated_at": validated_at.isoformat(sep=" ") if validated_at else None,
        },
        "satisfaction": {
            "met": satisfaction_met,
            "expected": len(users),
            "answered": sum(1 for d in users if d.id in answered),
            "blocking": blocking_answers,
        },
    }
    failed = [key for key in CRITERIA if not criteria[key]["met"]]
    return {
        "as_of": day.isoformat(),
        "criteria": criteria,
        "unmatched_rows": sum(u["rows"] for u in unmatched),
        "decision": "deploy" if not failed else "extend",
        "failed": failed,
        "unmatched": unmatched,
        "preserie": {
            "id": p.id,
            "editor": p.editor,
            "software": p.software,
            "version": p.version,
            "exercise": p.exercise,
            "status": p.status,
        },
    }


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def weekly_series(
    ws: Workspace, preserie_id: int, as_of: date | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Per user doctor (by identifier, roster order): one entry per week (Monday) from the first
    week with a prescription up to the as-of week, gaps filled with zeros. A prescription belongs
    to the week of its first row."""
    with ws.session() as s:
        _preserie(s, preserie_id)
        users = [d for d in _doctors(s, preserie_id) if d.equipped]
        conn = s.connection()
        day = _as_of(conn, preserie_id, as_of)
        summary, fresh = load_summary(conn, preserie_id)
    if fresh is not None:
        store_summary(ws, preserie_id, fresh)
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
            series[ident].append(
                {
                    "week": week.isoformat(),
                    "prescriptions": presc,
                    "digital": digital,
                    "rate": _rate(digital, presc),
                }
            )
            week += timedelta(days=7)
    return series


__all__ = ["compute_bilan", "latest_trace_date", "user_doctors", "weekly_series"]
