"""How long the présérie has run at a day (domain/preserie_time.py), read from the workspace: the
first e-prescription (typed on the présérie, else the planning's rule), the period in force and
its first day (the kick-off for period 1), and the référentiel's minimum duration."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from ordnum_desktop.domain.bilan_rules import Period
from ordnum_desktop.domain.preserie_time import PreserieTime
from ordnum_desktop.domain.referentiel import Referentiel, load_referentiel
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.lifecycle.periods import period_at
from ordnum_desktop.services.planning.schedule import first_erx_as_of, latest_trace_day
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Preserie


def referentiel_of(p: Preserie) -> Referentiel:
    try:
        return load_referentiel(p.referentiel or None)
    except FileNotFoundError:
        return load_referentiel()


def time_in(
    s: Session, p: Preserie, day: date, planning_first: date | None = None, period: Period | None = None
) -> PreserieTime:
    """`planning_first`: the planning's first e-prescription when the caller has read it already;
    `period`: the period to count from (default: the one in force at `day`)."""
    assert p.id is not None
    first = p.first_eprescription_date or planning_first or first_erx_as_of(s.connection(), p.id, day)
    period = period or period_at(s, p, day)
    start = period.start if period.number > 1 else p.kickoff_date
    return PreserieTime(day, first, period.number, start, referentiel_of(p).thresholds.minimum_weeks)


def current_time(s: Session, p: Preserie, today: date, planning_first: date | None = None) -> PreserieTime:
    """Where the présérie stands now: counted at its latest trace day (today before any trace),
    as its bilan would be, but in the period in force today — a prolongation whose first day has
    no trace yet shows its number and 0 weeks."""
    assert p.id is not None
    day = latest_trace_day(s.connection(), p.id) or today
    return time_in(s, p, day, planning_first, period_at(s, p, max(day, today)))


def preserie_time(
    ws: Workspace, preserie_id: int, today: date | None = None, planning_first: date | None = None
) -> PreserieTime:
    """`planning_first`: the first e-prescription the caller read already (the header has it),
    so that the traces are not grouped a second time."""
    with ws.session() as s:
        p = s.get(Preserie, preserie_id)
        if p is None:
            raise UserError(f"Aucune présérie n° {preserie_id}.")
        return current_time(s, p, today or date.today(), planning_first)


__all__ = ["current_time", "preserie_time", "referentiel_of", "time_in"]
