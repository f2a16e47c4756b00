"""The présérie's status follows the facts: a change that contradicts them is refused with the
reason, in the window and on the command line alike.

- any status after « En préparation » (the présérie has started) needs the kick-off meeting and
  the three launch prerequisites (CNDA authorisation with its reference, support, kit);
- « Validée » also needs a bilan that concludes to deployment, judged today: the bilan's default
  day (the latest trace day) would leave out the answers and validations recorded after the
  last trace, which are what a présérie is validated on.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlmodel import Session, select

from ordnum_desktop.domain.errors import Hint
from ordnum_desktop.domain.followup_records import LaunchRecord
from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.preconditions import launch_failures
from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.vocabulary import Criterion, Decision, PreserieStatus
from ordnum_desktop.services.errors import RuleError, UserError
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Prerequisite, Preserie

BILAN_REASON = "Le bilan au"
STARTED = frozenset(set(PreserieStatus) - {PreserieStatus.PREPARATION})


def _launch_records(s: Session, preserie_id: int) -> list[LaunchRecord]:
    stored = {r.code: r for r in s.exec(select(Prerequisite).where(Prerequisite.preserie_id == preserie_id))}
    out = []
    for item in load_referentiel().preserie_prerequisites:
        r = stored.get(item.code)
        out.append(LaunchRecord(item.code, item.label, r.done_date if r is not None and r.done else None))
    return out


def launch_blockers(
    s: Session, preserie_id: int, kickoff: date | None, cnda_reference: str, today: date | None = None
) -> list[str]:
    """Why the présérie cannot be said started (empty when it can)."""
    day = today or date.today()
    reasons = [f.message for f in launch_failures(_launch_records(s, preserie_id), cnda_reference, day)]
    if kickoff is None or kickoff > day:
        reasons.append("La réunion de lancement n'a pas eu lieu : saisissez sa date et ses participants.")
    return reasons


def status_blockers(
    ws: Workspace, preserie_id: int, code: str, pending: Mapping[str, Any] | None = None
) -> list[str]:
    """Why `code` contradicts the facts of the présérie (empty: the change is allowed).
    `pending`: fields changed in the same edit (kick-off date, CNDA reference), judged as saved."""
    if code not in STARTED:
        return []
    values = dict(pending or {})
    with ws.session() as s:
        p = s.get(Preserie, preserie_id)
        if p is None:
            raise UserError(f"Aucune présérie n° {preserie_id}.")
        kickoff = values.get("kickoff_date", p.kickoff_date)
        reference = values.get("cnda_reference", p.cnda_reference)
        reasons = launch_blockers(s, preserie_id, kickoff, reference)
        if code == PreserieStatus.GENERALISATION and p.authorised_date is None:
            reasons.append(
                "L'autorisation de la généralisation n'est pas enregistrée : datez-la parmi les étapes "
                "du déploiement, après un bilan clos « Déploiement autorisé »."
            )
    if code == PreserieStatus.VALIDEE and not reasons:
        # Imported here: the bilan reads the follow-up, whose package imports this module.
        from ordnum_desktop.services.bilan.compute import compute_bilan

        bilan = compute_bilan(ws, preserie_id, date.today())
        if bilan.decision != Decision.DEPLOY:
            parts = []
            if bilan.failed:
                parts.append(
                    "critères non atteints : " + " ; ".join(Criterion(k).numbered for k in bilan.failed)
                )
            if bilan.preconditions.failed:
                codes = ", ".join(dict.fromkeys(f.code for f in bilan.preconditions.failed))
                parts.append(f"préconditions non remplies : {codes}")
            reasons.append(
                f"{BILAN_REASON} {format_date(bilan.as_of)} ne conclut pas au déploiement ("
                + " ; ".join(parts)
                + "). Une présérie n'est validée que sur un bilan « Déploiement autorisé »."
            )
    return reasons


def check_status(
    ws: Workspace, preserie_id: int, code: str, pending: Mapping[str, Any] | None = None
) -> None:
    """Raises RuleError with every reason when the change to `code` contradicts the facts."""
    reasons = status_blockers(ws, preserie_id, code, pending)
    if reasons:
        label = PreserieStatus(code).label
        # The bilan is only asked once the launch is right: its reason then stands alone.
        hint = Hint.READ_BILAN if reasons[0].startswith(BILAN_REASON) else Hint.LAUNCH_PRESERIE
        raise RuleError(f"Le statut « {label} » est refusé. " + " ".join(reasons), hint=hint)
