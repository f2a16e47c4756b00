"""All préséries of a file at a glance: one typed line each (`overview`), for `ordnum overview`
and the window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import col, select

from ordnum_desktop.domain.bilan_rules import Period
from ordnum_desktop.domain.vocabulary import Decision, PreserieStatus
from ordnum_desktop.services.lifecycle.periods import period_at
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
    cpams: tuple[str, ...]
    status: str
    period: Period
    last_bilan: int | None
    last_bilan_as_of: date | None
    last_decision: str | None
    next_step: str  # what comes next, in words

    @property
    def status_label(self) -> str:
        return PreserieStatus(self.status).label if self.status in set(PreserieStatus) else self.status

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "editor": self.editor,
            "software": self.software,
            "version": self.version,
            "exercise": self.exercise,
            "cpams": list(self.cpams),
            "status": self.status,
            "period": self.period.as_json(),
            "last_bilan": self.last_bilan,
            "last_bilan_as_of": self.last_bilan_as_of.isoformat() if self.last_bilan_as_of else None,
            "last_decision": self.last_decision,
            "next_step": self.next_step,
        }


def _next_step(p: Preserie, last: ClosedBilan | None) -> str:
    if last is None:
        return "bilan à clore en réunion" if p.kickoff_date else "réunion de lancement à tenir"
    if last.decision == Decision.EXTEND:
        return "nouveau bilan de la période prolongée"
    for value, label in (
        (p.deployment_meeting_date, "réunion de démarrage du déploiement"),
        (p.traces_off_date, "désactivation des traces postes"),
        (p.authorised_date, "annonce de la généralisation"),
    ):
        if value is None:
            return label
    return "généralisation annoncée"


def overview(ws: Workspace, today: date | None = None) -> list[OverviewLine]:
    day = today or date.today()
    out = []
    with ws.session() as s:
        for p in s.exec(select(Preserie).order_by(col(Preserie.id))).all():
            pid = p.id or 0
            last = s.exec(
                select(ClosedBilan)
                .where(ClosedBilan.preserie_id == pid)
                .order_by(col(ClosedBilan.number).desc())
                .limit(1)
            ).first()
            out.append(
                OverviewLine(
                    id=pid,
                    editor=p.editor,
                    software=p.software,
                    version=p.version,
                    exercise=p.exercise,
                    cpams=tuple(selected_cpams(s, pid)),
                    status=p.status,
                    period=period_at(s, p, day),
                    last_bilan=last.number if last else None,
                    last_bilan_as_of=last.as_of if last else None,
                    last_decision=last.decision if last else None,
                    next_step=_next_step(p, last),
                )
            )
    return out


__all__ = ["OverviewLine", "overview"]
