"""Each roster doctor's `DoctorSchedule`: the typed plan plus the days their traces show.

The trace days come from one GROUP BY over trace_row per identifier (the covering index
ix_trace_cover starts with preserie_id, ps_identifier and holds digital and ts), so the cost does
not grow with a Python loop over a million rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection

from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.schedule import DoctorSchedule, TraceDays, earliest_first_erx
from ordnum_desktop.services.planning.dates import get_plans
from ordnum_desktop.services.roster.doctors import doctor_identifier
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store import sql
from ordnum_desktop.store.models import Doctor, InstallationPlan

TRACE_DAYS_SQL = """
SELECT ps_identifier, substr(min(ts), 1, 10), substr(min(ts) FILTER (WHERE digital = 1), 1, 10),
       substr(max(ts), 1, 10)
FROM trace_row
WHERE preserie_id = ? AND ts <= ?
GROUP BY ps_identifier
"""


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def trace_days(conn: Connection, preserie_id: int, on: date) -> dict[str, TraceDays]:
    rows = sql.run(conn, TRACE_DAYS_SQL, (preserie_id, f"{on.isoformat()} 23:59:59")).all()
    return {ident: TraceDays(_day(first), _day(erx), _day(last)) for ident, first, erx, last in rows}


def latest_trace_day(conn: Connection, preserie_id: int) -> date | None:
    # One seek in ux_trace_dedup, whose first columns are (preserie_id, ts).
    ts = sql.run(conn, "SELECT max(ts) FROM trace_row WHERE preserie_id = ?", (preserie_id,)).scalar()
    return date.fromisoformat(ts[:10]) if ts else None


def schedule_of(plan: InstallationPlan, traces: TraceDays) -> DoctorSchedule:
    return DoctorSchedule(
        planned=plan.planned_install,
        installed=plan.actual_install,
        trained=plan.training_date,
        traces_on=plan.traces_activated,
        first_erx_typed=plan.first_eprescription,
        traces=traces,
    )


@dataclass
class ScheduleRow:
    doctor: Doctor
    plan: InstallationPlan
    schedule: DoctorSchedule


@dataclass
class PlanningView:
    """The planning judged at `on`: what every front end shows."""

    on: date
    silent_days: int
    rows: list[ScheduleRow]

    def flag(self, row: ScheduleRow) -> str:
        return row.schedule.flag(self.on, self.silent_days)

    def late(self, row: ScheduleRow) -> bool:
        return row.schedule.late(self.on)

    @property
    def first_erx(self) -> date | None:
        return earliest_first_erx([r.schedule for r in self.rows])

    @property
    def late_count(self) -> int:
        return sum(self.late(r) for r in self.rows)

    @property
    def silent_count(self) -> int:
        return sum(r.schedule.silent_since(self.on, self.silent_days) is not None for r in self.rows)


def planning_view(ws: Workspace, preserie_id: int, on: date | None = None) -> PlanningView:
    """Default date: the latest trace day (the bilan's default), else today."""
    plans = get_plans(ws, preserie_id)
    with ws.engine.connect() as conn:
        day = on or latest_trace_day(conn, preserie_id) or date.today()
        days = trace_days(conn, preserie_id, day)
    rows = [ScheduleRow(d, p, schedule_of(p, days.get(doctor_identifier(d), TraceDays()))) for d, p in plans]
    return PlanningView(day, load_referentiel().thresholds.silent_days, rows)


PLAN_SQL = """
SELECT d.id, d.mode, d.am, d.rpps, p.planned_install, p.actual_install, p.training_date,
       p.traces_activated, p.first_eprescription
FROM doctor d LEFT JOIN installation_plan p ON p.doctor_id = d.id
WHERE d.preserie_id = ?
"""


def first_erx_as_of(conn: Connection, preserie_id: int, on: date) -> date | None:
    """The présérie's first e-prescription by the same rule as `planning_view`, read only (a
    bilan may be printed from a workspace opened read-only, where no empty plan can be created)."""
    return earliest_first_erx(schedules_as_of(conn, preserie_id, on))


def schedules_as_of(conn: Connection, preserie_id: int, on: date) -> list[DoctorSchedule]:
    """Every roster doctor's schedule with the traces up to `on`, read only (no plan created)."""
    days = trace_days(conn, preserie_id, on)
    schedules = []
    for _, mode, am, rpps, *typed in sql.run(conn, PLAN_SQL, (preserie_id,)).all():
        planned, installed, trained, traces_on, first_erx = (_day(str(v)[:10]) if v else None for v in typed)
        ident = am if mode == "liberal" else rpps
        schedules.append(
            DoctorSchedule(planned, installed, trained, traces_on, first_erx, days.get(ident, TraceDays()))
        )
    return schedules
