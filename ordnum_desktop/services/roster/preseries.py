"""Use cases on préséries: create, list, pick the one a command targets, choose the CPAMs."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.roster_rules import EXERCISES
from ordnum_desktop.domain.vocabulary import PreserieStatus, labels
from ordnum_desktop.services.errors import Hint, UserError
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import CpamSelection, Prerequisite, Preserie

STATUSES = labels(PreserieStatus)  # {code: label}, the words from the référentiel


def create_preserie(
    ws: Workspace,
    *,
    editor: str,
    software: str,
    version: str,
    exercise: str,
    small_market_share: bool = False,
    cpams: list[str] | None = None,
    module: str = "",
    cnda_reference: str = "",
    cnda_date: date | None = None,
) -> Preserie:
    if exercise not in EXERCISES:
        raise UserError(f"Type d'exercice « {exercise} » inconnu : liberal, centre ou mixte.")
    for label, value in (("L'éditeur", editor), ("Le logiciel", software), ("La version", version)):
        if not value.strip():
            raise UserError(f"{label} de la présérie doit être renseigné(e).")
    ref = load_referentiel()
    with ws.session() as s:
        p = Preserie(
            editor=editor.strip(),
            software=software.strip(),
            version=version.strip(),
            exercise=exercise,
            small_market_share=small_market_share,
            module=module,
            cnda_reference=cnda_reference,
            cnda_date=cnda_date,
            referentiel=ref.version,
        )
        s.add(p)
        s.flush()
        assert p.id is not None
        for item in ref.preserie_prerequisites:
            s.add(Prerequisite(preserie_id=p.id, code=item.code, label=item.label))
        _store_cpams(s, p.id, cpams or [])
        return p


def list_preseries(ws: Workspace) -> list[dict[str, Any]]:
    with ws.session() as s:
        rows = s.exec(select(Preserie).order_by(col(Preserie.id))).all()
        return [
            {
                "id": p.id,
                "editor": p.editor,
                "software": p.software,
                "version": p.version,
                "exercise": p.exercise,
                "small_market_share": p.small_market_share,
                "status": p.status,
                "cpams": selected_cpams(s, p.id or 0),
            }
            for p in rows
        ]


def resolve_preserie(ws: Workspace, preserie_id: int | None) -> Preserie:
    """The présérie a command targets; `None` is allowed when the file holds exactly one."""
    with ws.session() as s:
        if preserie_id is not None:
            p = s.get(Preserie, preserie_id)
            if p is None:
                raise UserError(
                    f"Aucune présérie n° {preserie_id} dans « {ws.name} ».", hint=Hint.LIST_PRESERIES
                )
            return p
        rows = s.exec(select(Preserie)).all()
        if not rows:
            raise UserError(
                f"Le fichier « {ws.name} » ne contient aucune présérie.", hint=Hint.CREATE_PRESERIE
            )
        if len(rows) > 1:
            raise UserError(
                f"Le fichier « {ws.name} » contient {len(rows)} préséries.", hint=Hint.CHOOSE_PRESERIE
            )
        return rows[0]


def selected_cpams(s: Session, preserie_id: int) -> list[str]:
    rows = s.exec(
        select(CpamSelection).where(CpamSelection.preserie_id == preserie_id).order_by(col(CpamSelection.id))
    ).all()
    return [r.cpam_id for r in rows]


def set_cpams(ws: Workspace, preserie_id: int, cpams: list[str]) -> None:
    with ws.session() as s:
        for row in s.exec(select(CpamSelection).where(CpamSelection.preserie_id == preserie_id)):
            s.delete(row)
        s.flush()
        _store_cpams(s, preserie_id, cpams)


def _store_cpams(s: Session, preserie_id: int, cpams: list[str]) -> None:
    ref = load_referentiel()
    ids: list[str] = []
    for raw in cpams:
        caisse = ref.find_caisse(raw)
        if caisse is None:
            several = ref.caisses_of_department(raw.zfill(2))
            if several:
                choices = ", ".join(c.id for c in several)
                raise UserError(f"Le département {raw} a plusieurs caisses : précisez-en une ({choices}).")
            raise UserError(
                f"CPAM « {raw} » inconnue : elle ne figure pas parmi les CPAM "
                f"référentes du référentiel {ref.version}."
            )
        if caisse.id not in ids:
            ids.append(caisse.id)
    if len(ids) > ref.thresholds.cpam_max:
        raise UserError(
            f"{len(ids)} CPAM demandées : une présérie se déroule dans "
            f"{ref.thresholds.cpam_max} CPAM au plus."
        )
    for cid in ids:
        s.add(CpamSelection(preserie_id=preserie_id, cpam_id=cid))
