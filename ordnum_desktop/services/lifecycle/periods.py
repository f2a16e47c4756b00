"""Prolongations: `extend_preserie` opens measurement period n+1 from day F with the corrected
software version; `period_at` tells which period a bilan at day D judges.

A prolongation follows a closed bilan that decided `extend` (the seed: « si le bilan n'est pas
satisfaisant, la présérie peut être prolongée et/ou étendue à d'autres PS après que l'éditeur ait
réalisé les correctifs »), so it is refused without one, or when that bilan was already followed
by a prolongation, or when F is not after that bilan's day (the rows up to it were judged there).
Doctors may be added to the roster at any time (extension to other PS); the roster rules apply
to the current roster as always.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from ordnum_desktop.domain.bilan_rules import Period
from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.vocabulary import Decision, PreserieStatus
from ordnum_desktop.services.errors import RuleError, UserError
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import ClosedBilan, Preserie, PreseriePeriod


def _rows(s: Session, preserie_id: int) -> list[PreseriePeriod]:
    q = (
        select(PreseriePeriod)
        .where(PreseriePeriod.preserie_id == preserie_id)
        .order_by(col(PreseriePeriod.number))
    )
    return list(s.exec(q).all())


def _first_version(p: Preserie, rows: list[PreseriePeriod]) -> str:
    return rows[0].previous_version if rows and rows[0].previous_version else p.version


def period_at(s: Session, p: Preserie, day: date) -> Period:
    """The period in force at the end of `day`: the latest one started by then (period 1, from
    the start of the présérie, when none)."""
    assert p.id is not None
    rows = _rows(s, p.id)
    started = [r for r in rows if r.start <= day]
    if not started:
        return Period(1, None, _first_version(p, rows))
    r = started[-1]
    return Period(r.number, r.start, r.software_version)


def list_periods(ws: Workspace, preserie_id: int) -> list[Period]:
    """Every period of the présérie, the first included."""
    with ws.session() as s:
        p = s.get(Preserie, preserie_id)
        if p is None:
            raise UserError(f"Aucune présérie n° {preserie_id}.")
        rows = _rows(s, preserie_id)
        return [Period(1, None, _first_version(p, rows))] + [
            Period(r.number, r.start, r.software_version) for r in rows
        ]


def current_period(ws: Workspace, preserie_id: int) -> Period:
    return list_periods(ws, preserie_id)[-1]


def _last_closed(s: Session, preserie_id: int) -> ClosedBilan | None:
    q = (
        select(ClosedBilan)
        .where(ClosedBilan.preserie_id == preserie_id)
        .order_by(col(ClosedBilan.number).desc())
        .limit(1)
    )
    return s.exec(q).first()


def extend_preserie(
    ws: Workspace, preserie_id: int, start: date, version: str | None = None, reason: str = ""
) -> PreseriePeriod:
    """Opens the next period from `start`; `version` (default: the présérie's) becomes the
    présérie's version. Audited as the insert of the period (and the update of the version)."""
    with ws.session() as s:
        p = s.get(Preserie, preserie_id)
        if p is None:
            raise UserError(f"Aucune présérie n° {preserie_id}.")
        last = _last_closed(s, preserie_id)
        if last is None:
            raise RuleError(
                "Aucun bilan clos : une présérie se prolonge après un bilan non satisfaisant. "
                "Clôturez d'abord le bilan présenté en réunion."
            )
        if last.decision != Decision.EXTEND:
            raise RuleError(
                f"Le dernier bilan clos (n° {last.number} au {format_date(last.as_of)}) conclut au "
                "déploiement : la présérie ne se prolonge qu'après un bilan non satisfaisant. "
                "Enregistrez plutôt les étapes du déploiement."
            )
        rows = _rows(s, preserie_id)
        if rows and rows[-1].after_bilan == last.number:
            raise RuleError(
                f"La présérie a déjà été prolongée après le bilan n° {last.number} (période "
                f"{rows[-1].number} depuis le {format_date(rows[-1].start)}). Clôturez le bilan de "
                "cette période avant une nouvelle prolongation."
            )
        if start <= last.as_of:
            raise RuleError(
                f"La prolongation ne peut pas partir du {format_date(start)} : le bilan n° "
                f"{last.number} a jugé les traces jusqu'au {format_date(last.as_of)}. Choisissez "
                "une date de début postérieure (le jour de l'installation du correctif, par exemple)."
            )
        new_version = (version or "").strip() or p.version
        period = PreseriePeriod(
            preserie_id=preserie_id,
            number=(rows[-1].number if rows else 1) + 1,
            start=start,
            software_version=new_version,
            previous_version=p.version,
            reason=reason.strip(),
            after_bilan=last.number,
        )
        s.add(period)
        p.version = new_version
        p.status = PreserieStatus.PROLONGEE.value
        s.add(p)
        s.flush()
        return period


__all__ = ["current_period", "extend_preserie", "list_periods", "period_at"]
