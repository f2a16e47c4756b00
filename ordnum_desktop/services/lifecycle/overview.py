"""All préséries of a file at a glance: one typed line each (`overview`), and the columns every
front end shows of it (`COLUMNS`): `ordnum overview`, its JSON, the « Vue d'ensemble » tab and
its workbook present this one model.

Weeks are counted at the présérie's own day (its latest trace, else today), as its bilan would;
what is overdue is judged at today: installations planned before today and not done, a bilan
planned before today and not closed since, doctors installed but silent for the référentiel's
number of days while the traces are still on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from ordnum_desktop.domain.bilan_rules import Period
from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.preserie_time import PreserieTime
from ordnum_desktop.domain.schedule import DoctorSchedule, earliest_first_erx
from ordnum_desktop.domain.vocabulary import Decision, Exercise, PreserieStatus
from ordnum_desktop.services.lifecycle.periods import period_at
from ordnum_desktop.services.lifecycle.timing import current_time, referentiel_of
from ordnum_desktop.services.planning.schedule import latest_trace_day, schedules_as_of
from ordnum_desktop.services.roster.preseries import selected_cpams
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import ClosedBilan, Preserie


@dataclass(frozen=True)
class OverviewLine:
    id: int
    editor: str
    software: str
    version: str
    exercise: str
    cpams: tuple[str, ...]  # caisse ids
    status: str
    period: Period
    last_bilan: int | None
    last_bilan_as_of: date | None
    last_decision: str | None
    next_step: str  # what comes next, in words
    cpam_names: tuple[str, ...] = ()  # « CPAM de la Gironde »…
    time: PreserieTime | None = None  # at the présérie's day
    next_step_date: date | None = None  # when that step is planned, if it is
    overdue: tuple[str, ...] = ()  # what is late at today, in words

    @property
    def status_label(self) -> str:
        return PreserieStatus(self.status).label if self.status in set(PreserieStatus) else self.status

    @property
    def decision_label(self) -> str:
        return Decision(self.last_decision).label if self.last_decision in set(Decision) else ""

    @property
    def exercise_label(self) -> str:
        """« libéral », « centre de santé », « mixte »: the référentiel's short word."""
        return Exercise(self.exercise).label if self.exercise in set(Exercise) else self.exercise

    @property
    def period_label(self) -> str:
        p = self.period
        return f"{p.number} depuis le {format_date(p.start)}" if p.start else f"{p.number}"

    @property
    def weeks_since_first(self) -> int | None:
        return self.time.since_first_eprescription if self.time else None

    @property
    def weeks_in_period(self) -> int | None:
        return self.time.since_period_start if self.time else None

    @property
    def last_bilan_label(self) -> str:
        if self.last_bilan is None:
            return "aucun bilan clos"
        return f"n° {self.last_bilan} au {format_date(self.last_bilan_as_of)}"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "editor": self.editor,
            "software": self.software,
            "version": self.version,
            "exercise": self.exercise,
            "cpams": list(self.cpams),
            "cpam_names": list(self.cpam_names),
            "status": self.status,
            "period": self.period.as_json(),
            "weeks": self.time.as_json() if self.time else None,
            "last_bilan": self.last_bilan,
            "last_bilan_as_of": self.last_bilan_as_of.isoformat() if self.last_bilan_as_of else None,
            "last_decision": self.last_decision,
            "next_step": self.next_step,
            "next_step_date": self.next_step_date.isoformat() if self.next_step_date else None,
            "overdue": list(self.overdue),
        }


@dataclass(frozen=True)
class OverviewColumn:
    title: str
    kind: str  # text | int | date: how the tab sorts it and the workbook types it
    value: Callable[[OverviewLine], object]
    width: float = 14  # in the workbook, characters


COLUMNS: tuple[OverviewColumn, ...] = (
    OverviewColumn("N°", "int", lambda x: x.id, 6),
    OverviewColumn("Éditeur", "text", lambda x: x.editor, 20),
    OverviewColumn("Logiciel", "text", lambda x: x.software, 20),
    OverviewColumn("Version", "text", lambda x: x.version, 10),
    OverviewColumn("Exercice", "text", lambda x: x.exercise_label, 16),
    OverviewColumn("CPAM", "text", lambda x: ", ".join(x.cpam_names or x.cpams), 30),
    OverviewColumn("Statut", "text", lambda x: x.status_label, 14),
    OverviewColumn("Période", "text", lambda x: x.period_label, 18),
    OverviewColumn("Semaines depuis la 1re e-prescription", "int", lambda x: x.weeks_since_first, 14),
    OverviewColumn("Semaines de la période", "int", lambda x: x.weeks_in_period, 12),
    OverviewColumn("Dernier bilan clos", "text", lambda x: x.last_bilan_label, 18),
    OverviewColumn("Décision", "text", lambda x: x.decision_label, 24),
    OverviewColumn("Prochaine étape", "text", lambda x: x.next_step, 32),
    OverviewColumn("Prévue le", "date", lambda x: x.next_step_date, 12),
    OverviewColumn("En retard", "text", lambda x: " ; ".join(x.overdue), 40),
)


def _pending_installs(schedules: list[DoctorSchedule], today: date) -> list[date]:
    """Planned installations not done yet (no typed installation, no trace) from today on."""
    return sorted(
        s.planned
        for s in schedules
        if s.planned and s.installed is None and not s.has_traces and s.planned >= today
    )


def _next_step(
    p: Preserie, last: ClosedBilan | None, schedules: list[DoctorSchedule], today: date
) -> tuple[str, date | None]:
    planned_bilan = p.bilan_date if p.bilan_date and (last is None or p.bilan_date > last.as_of) else None
    if last is None:
        if p.kickoff_date is None:
            return "réunion de lancement à tenir", None
        if p.kickoff_date > today:
            return "réunion de lancement", p.kickoff_date
        pending = _pending_installs(schedules, today)
        if pending:
            return f"installation de {len(pending)} médecin(s)", pending[0]
        return "bilan à clore en réunion", planned_bilan
    if last.decision == Decision.EXTEND:
        return "nouveau bilan de la période prolongée", planned_bilan
    for value, label in (
        (p.deployment_meeting_date, "réunion de démarrage du déploiement"),
        (p.traces_off_date, "désactivation des traces postes"),
        (p.authorised_date, "annonce de la généralisation"),
    ):
        if value is None:
            return label, None
    return "généralisation annoncée", None


def _overdue(
    p: Preserie,
    last: ClosedBilan | None,
    schedules: list[DoctorSchedule],
    today: date,
    day: date,
    silent_days: int,
    period: Period,
) -> tuple[str, ...]:
    out = []
    late = sorted(s.planned for s in schedules if s.planned and s.late(today))
    if late:
        out.append(f"{len(late)} installation(s) prévue(s) dès le {format_date(late[0])} non faite(s)")
    # A planned bilan is late until a bilan of the period in force is closed (one closed earlier
    # than planned counts: the meeting was brought forward).
    closed_in_period = last is not None and (period.start is None or last.as_of >= period.start)
    if p.bilan_date and p.bilan_date < today and not closed_in_period:
        out.append(f"bilan prévu le {format_date(p.bilan_date)} non clos")
    traces_on = p.traces_off_date is None and (last is None or last.decision == Decision.EXTEND)
    silent = sum(s.silent_since(day, silent_days) is not None for s in schedules) if traces_on else 0
    if silent:
        out.append(f"{silent} médecin(s) sans trace depuis {silent_days} jours ou plus au {format_date(day)}")
    return tuple(out)


def _line(s: Session, p: Preserie, today: date) -> OverviewLine:
    pid = p.id or 0
    conn = s.connection()
    last = s.exec(
        select(ClosedBilan)
        .where(ClosedBilan.preserie_id == pid)
        .order_by(col(ClosedBilan.number).desc())
        .limit(1)
    ).first()
    day = latest_trace_day(conn, pid) or today
    schedules = schedules_as_of(conn, pid, max(day, today))
    time = current_time(s, p, today, earliest_first_erx(schedules))
    ref = referentiel_of(p)
    cpams = tuple(selected_cpams(s, pid))
    names = tuple(c.name if (c := ref.caisse(cid)) else cid for cid in cpams)
    step, step_date = _next_step(p, last, schedules, today)
    period = period_at(s, p, max(day, today))
    return OverviewLine(
        id=pid,
        editor=p.editor,
        software=p.software,
        version=p.version,
        exercise=p.exercise,
        cpams=cpams,
        status=p.status,
        period=period,
        last_bilan=last.number if last else None,
        last_bilan_as_of=last.as_of if last else None,
        last_decision=last.decision if last else None,
        next_step=step,
        cpam_names=names,
        time=time,
        next_step_date=step_date,
        overdue=_overdue(p, last, schedules, today, day, ref.thresholds.silent_days, period),
    )


def overview(ws: Workspace, today: date | None = None) -> list[OverviewLine]:
    day = today or date.today()
    with ws.session() as s:
        return [_line(s, p, day) for p in s.exec(select(Preserie).order_by(col(Preserie.id))).all()]


__all__ = ["COLUMNS", "OverviewColumn", "OverviewLine", "overview"]
