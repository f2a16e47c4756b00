"""After a deploy decision: the deployment start meeting, the day the éditeur switched the traces
postes off, and the Assurance Maladie's authorisation / generalisation announcement, each dated on
the présérie (audited as updates of the présérie). Refused unless the last closed bilan decided
`deploy`; the status becomes « Généralisation » once the authorisation is recorded."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.vocabulary import Decision, PreserieStatus
from ordnum_desktop.services.errors import RuleError, UserError
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import ClosedBilan, Preserie

STEPS = {
    "deployment_meeting_date": "réunion de démarrage du déploiement",
    "traces_off_date": "désactivation des traces postes",
    "authorised_date": "autorisation et annonce de la généralisation",
}


def _deploy_bilan(s: Session, preserie_id: int) -> ClosedBilan:
    last = s.exec(
        select(ClosedBilan)
        .where(ClosedBilan.preserie_id == preserie_id)
        .order_by(col(ClosedBilan.number).desc())
        .limit(1)
    ).first()
    if last is None or last.decision != Decision.DEPLOY:
        why = (
            "aucun bilan n'a été clos"
            if last is None
            else f"le dernier bilan clos (n° {last.number} au {format_date(last.as_of)}) "
            "conclut à la prolongation"
        )
        raise RuleError(
            f"Le déploiement ne peut pas être suivi : {why}. Les étapes du déploiement suivent un "
            "bilan clos « Déploiement autorisé »."
        )
    return last


def deploy_bilan(ws: Workspace, preserie_id: int) -> ClosedBilan:
    """The closed bilan that decided deploy (the last one), or the refusal `record_deployment`
    would give: the window asks before showing its dialog."""
    with ws.session() as s:
        return _deploy_bilan(s, preserie_id)


def record_deployment(
    ws: Workspace,
    preserie_id: int,
    *,
    meeting: date | None = None,
    traces_off: date | None = None,
    authorised: date | None = None,
) -> Preserie:
    asked = {"deployment_meeting_date": meeting, "traces_off_date": traces_off, "authorised_date": authorised}
    given: dict[str, date] = {k: v for k, v in asked.items() if v is not None}
    if not given:
        raise UserError(
            "Aucune étape donnée : indiquez la date de la réunion de démarrage, de la désactivation des "
            "traces ou de l'autorisation."
        )
    with ws.session() as s:
        p = s.get(Preserie, preserie_id)
        if p is None:
            raise UserError(f"Aucune présérie n° {preserie_id}.")
        last = _deploy_bilan(s, preserie_id)
        for key, day in given.items():
            if day < last.as_of:
                raise RuleError(
                    f"La date de {STEPS[key]} ({format_date(day)}) précède le bilan n° {last.number} "
                    f"({format_date(last.as_of)}) qui l'a décidé : corrigez la date."
                )
            setattr(p, key, day)
        if p.authorised_date is not None:
            p.status = PreserieStatus.GENERALISATION.value
        s.add(p)
        return p


__all__ = ["STEPS", "deploy_bilan", "record_deployment"]
