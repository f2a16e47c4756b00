"""The bilan read from the workspace: the inputs of the five criteria and of the weekly series,
evaluated by domain/bilan_rules.py.

Figures come from the per-day summary of the rows (services/bilan/summary.py: SQL aggregates
over `trace_row`, folded in by each import), never from a Python loop over the rows. Rows are
matched to the roster at query time, so a doctor added after an import counts at once.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection
from sqlmodel import Session, col, func, select

from ordnum_desktop.domain.bilan_rules import (
    Bilan,
    BilanInputs,
    PreserieInfo,
    UserDoctor,
    WeeklySeries,
    evaluate_bilan,
    weekly_points,
)
from ordnum_desktop.domain.referentiel import Referentiel, load_referentiel
from ordnum_desktop.services.bilan.followup_at import read_followup
from ordnum_desktop.services.bilan.summary import (
    load_summary,
    prescription_groups,
    stats_as_of,
    store_summary,
)
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.lifecycle.periods import period_at
from ordnum_desktop.services.roster.doctors import check_roster_for, doctor_identifier, doctor_name
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store import sql
from ordnum_desktop.store.models import Doctor, ImportBatch, Preserie


def _preserie(s: Session, preserie_id: int) -> Preserie:
    p = s.get(Preserie, preserie_id)
    if p is None:
        raise UserError(f"Aucune présérie n° {preserie_id}.")
    return p


def _doctors(s: Session, preserie_id: int) -> list[Doctor]:
    q = select(Doctor).where(Doctor.preserie_id == preserie_id).order_by(col(Doctor.position), col(Doctor.id))
    return list(s.exec(q).all())


def user_doctors(ws: Workspace, preserie_id: int) -> list[Doctor]:
    """The doctors equipped for Ordonnance numérique, in roster order: those the criteria count."""
    with ws.session() as s:
        return [d for d in _doctors(s, preserie_id) if d.equipped]


def latest_trace_date(conn: Connection, preserie_id: int) -> date | None:
    # max(ts) is one seek in ux_trace_dedup, whose first columns are (preserie_id, ts).
    ts = sql.run(conn, "SELECT max(ts) FROM trace_row WHERE preserie_id = ?", (preserie_id,)).scalar()
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


def _other_activity(doctors: list[Doctor]) -> dict[str, str]:
    """The identifier of each roster doctor's other exercise situation -> the doctor's name."""
    found: dict[str, str] = {}
    for d in doctors:
        other = d.rpps if d.mode == "liberal" else d.am
        if other:
            found.setdefault(other, doctor_name(d))
    return found


def _rejected_rows(s: Session, preserie_id: int) -> int:
    """Rows rejected by the imports still in force (an undone import left nothing behind)."""
    total = s.exec(
        select(func.sum(ImportBatch.rejected)).where(
            ImportBatch.preserie_id == preserie_id,
            ImportBatch.kind == "traces",
            ImportBatch.undone_at == None,  # noqa: E711 - SQL IS NULL
        )
    ).one()
    return int(total or 0)


def compute_bilan(ws: Workspace, preserie_id: int, as_of: date | None = None) -> Bilan:
    """Reads what the criteria and preconditions need, as it stood at the end of the bilan's day,
    and evaluates them (domain/bilan_rules.py). The roster is the current one. After a
    prolongation, the period in force at the bilan's day counts only the rows from its first day,
    the anomalies opened since or still open, and the answers given since."""
    roster = check_roster_for(ws, preserie_id)
    with ws.session() as s:
        p = _preserie(s, preserie_id)
        ref = _referentiel(p)
        doctors = _doctors(s, preserie_id)
        conn = s.connection()
        day = _as_of(conn, preserie_id, as_of)
        period = period_at(s, p, day)
        since = period.start.isoformat() if period.start else None
        summary, fresh = load_summary(conn, preserie_id, since)
        followup = read_followup(s, p, doctors, day, ref, since=period.start)
        rejected = _rejected_rows(s, preserie_id)

    if fresh is not None:
        store_summary(ws, preserie_id, fresh, since)
    inputs = BilanInputs(
        as_of=day,
        thresholds=ref.thresholds,
        preserie=PreserieInfo(p.id, p.editor, p.software, p.version, p.exercise, p.status),
        users=tuple(UserDoctor(d.id, doctor_identifier(d), doctor_name(d)) for d in doctors if d.equipped),
        roster_identifiers=frozenset(doctor_identifier(d) for d in doctors) - {""},
        counts=stats_as_of(summary, day.isoformat()),
        followup=followup,
        roster_errors=tuple((f.code, f.message) for f in roster.errors),
        other_activity=_other_activity(doctors),
        rejected_rows=rejected,
        period=period,
    )
    return evaluate_bilan(inputs)


def weekly_series(ws: Workspace, preserie_id: int, as_of: date | None = None) -> WeeklySeries:
    """Per user doctor (by identifier, roster order): one point per week, see
    `bilan_rules.weekly_points`."""
    with ws.session() as s:
        _preserie(s, preserie_id)
        p = _preserie(s, preserie_id)
        users = [d for d in _doctors(s, preserie_id) if d.equipped]
        conn = s.connection()
        day = _as_of(conn, preserie_id, as_of)
        start = period_at(s, p, day).start
        since = start.isoformat() if start else None
        summary, fresh = load_summary(conn, preserie_id, since)
    if fresh is not None:
        store_summary(ws, preserie_id, fresh, since)
    idents = list(dict.fromkeys(doctor_identifier(d) for d in users))
    return weekly_points(idents, prescription_groups(summary), day)


__all__ = ["compute_bilan", "latest_trace_date", "user_doctors", "weekly_series"]
