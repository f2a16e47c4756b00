"""The anomaly log of a présérie. An anomaly recorded as blocking and still open fails
criterion 3 (nominal use of créer / consulter / rechercher)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Anomaly, Doctor, Preserie


def normalise_operation(text: str | None) -> str:
    """`Créer`, `creer`, `CRÉER`… → 'creer'; empty → '' (an anomaly outside the three services)."""
    if text is None or not str(text).strip():
        return ""
    choice = load_referentiel().operation(text)
    if choice is None:
        raise UserError(f"Opération « {text} » inconnue : creer, consulter ou rechercher.")
    return choice.code


def add_anomaly(
    ws: Workspace,
    preserie_id: int,
    operation: str | None,
    text: str,
    blocking: bool = False,
    doctor_id: int | None = None,
    when: datetime | None = None,
) -> Anomaly:
    op = normalise_operation(operation)
    text = (text or "").strip()
    if not text:
        raise UserError("La description de l'anomalie est vide : décrivez ce qui ne fonctionne pas.")
    with ws.session() as s:
        if s.get(Preserie, preserie_id) is None:
            raise UserError(f"Aucune présérie n° {preserie_id}.")
        if doctor_id is not None:
            d = s.get(Doctor, doctor_id)
            if d is None or d.preserie_id != preserie_id:
                raise UserError(f"Aucun médecin n° {doctor_id} dans cette présérie.")
        a = Anomaly(
            preserie_id=preserie_id,
            operation=op,
            description=text,
            blocking=bool(blocking),
            doctor_id=doctor_id,
            opened_at=(when or datetime.now()).replace(microsecond=0),
        )
        s.add(a)
        s.flush()
        return a


def close_anomaly(
    ws: Workspace, anomaly_id: int, resolution: str = "", when: datetime | None = None
) -> Anomaly:
    with ws.session() as s:
        a = s.get(Anomaly, anomaly_id)
        if a is None:
            raise UserError(f"Aucune anomalie n° {anomaly_id} dans « {ws.name} ».")
        if a.closed_at is not None:
            raise UserError(
                f"L'anomalie n° {anomaly_id} est déjà close depuis le {a.closed_at:%d/%m/%Y à %H:%M}."
            )
        stamp = (when or datetime.now()).replace(microsecond=0)
        if stamp < a.opened_at:
            raise UserError(
                f"L'anomalie n° {anomaly_id} ne peut pas être close avant son ouverture "
                f"({a.opened_at:%d/%m/%Y}) : indiquez une date de clôture à partir de ce jour."
            )
        a.closed_at = stamp
        a.resolution = (resolution or "").strip()
        s.add(a)
        return a


def reopen_anomaly(ws: Workspace, anomaly_id: int) -> Anomaly:
    with ws.session() as s:
        a = s.get(Anomaly, anomaly_id)
        if a is None:
            raise UserError(f"Aucune anomalie n° {anomaly_id}.")
        a.closed_at = None
        s.add(a)
        return a


def list_anomalies(ws: Workspace, preserie_id: int, open_only: bool = False) -> list[Anomaly]:
    with ws.session() as s:
        q = select(Anomaly).where(Anomaly.preserie_id == preserie_id)
        if open_only:
            q = q.where(Anomaly.closed_at == None)  # noqa: E711 - SQL IS NULL
        return list(s.exec(q.order_by(col(Anomaly.opened_at), col(Anomaly.id))).all())


def open_blocking_count(ws: Workspace, preserie_id: int) -> int:
    return sum(1 for a in list_anomalies(ws, preserie_id, open_only=True) if a.blocking)
