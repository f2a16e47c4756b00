"""Prerequisites: the three before the présérie starts (CNDA, support, kit), and the technical
prerequisites for deployment that the team writes and validates (criterion 4); plus the edits of
the présérie's own fields that the window makes (status, kick-off, CNDA…)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlmodel import Session, col, func, select
from sqlmodel.sql.expression import SelectOfScalar

from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.roster_rules import EXERCISES
from ordnum_desktop.services.errors import Hint, RuleError, UserError
from ordnum_desktop.services.followup.status import check_status
from ordnum_desktop.services.roster.preseries import STATUSES
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Prerequisite, PrerequisiteValidation, Preserie, TechnicalPrerequisite


def _preserie(s: Session, preserie_id: int) -> Preserie:
    p = s.get(Preserie, preserie_id)
    if p is None:
        raise UserError(f"Aucune présérie n° {preserie_id}.")
    return p


# --- the three prerequisites before the start ----------------------------------------------


def list_prerequisites(ws: Workspace, preserie_id: int) -> list[Prerequisite]:
    """The pre-start prerequisites in référentiel order (missing ones are created unchecked)."""
    ref = load_referentiel()
    with ws.session() as s:
        _preserie(s, preserie_id)
        rows = {
            r.code: r
            for r in s.exec(select(Prerequisite).where(Prerequisite.preserie_id == preserie_id)).all()
        }
        for item in ref.preserie_prerequisites:
            if item.code not in rows:
                rows[item.code] = Prerequisite(preserie_id=preserie_id, code=item.code, label=item.label)
                s.add(rows[item.code])
        s.flush()
        order = [c.code for c in ref.preserie_prerequisites]
        return sorted(rows.values(), key=lambda r: (order.index(r.code) if r.code in order else 99, r.code))


def set_prerequisite(
    ws: Workspace,
    preserie_id: int,
    code: str,
    done: bool,
    when: date | None = None,
    comment: str | None = None,
) -> Prerequisite:
    """Checks or unchecks one pre-start prerequisite; `when` defaults to today when checked."""
    known = {c.code: c.label for c in load_referentiel().preserie_prerequisites}
    if code not in known:
        raise UserError(f"Prérequis « {code} » inconnu : {', '.join(known)}.")
    if when is not None and not isinstance(when, date):
        raise UserError(f"La valeur « {when} » n'est pas une date.")
    list_prerequisites(ws, preserie_id)
    with ws.session() as s:
        row = s.exec(
            select(Prerequisite).where(Prerequisite.preserie_id == preserie_id, Prerequisite.code == code)
        ).one()
        row.done = bool(done)
        row.done_date = (when or date.today()) if done else None
        if comment is not None:
            row.comment = comment.strip()
        s.add(row)
        return row


# --- technical prerequisites for deployment (criterion 4) ----------------------------------


def _live(preserie_id: int) -> SelectOfScalar[TechnicalPrerequisite]:
    return select(TechnicalPrerequisite).where(
        TechnicalPrerequisite.preserie_id == preserie_id,
        TechnicalPrerequisite.removed_at == None,  # noqa: E711 - SQL IS NULL
    )


def list_technical_prerequisites(ws: Workspace, preserie_id: int) -> list[TechnicalPrerequisite]:
    """The current list (removed items are kept with their date, for the bilans of the past)."""
    with ws.session() as s:
        _preserie(s, preserie_id)
        q = _live(preserie_id)
        return list(
            s.exec(q.order_by(col(TechnicalPrerequisite.position), col(TechnicalPrerequisite.id))).all()
        )


def technical_prerequisites_validated_at(ws: Workspace, preserie_id: int) -> datetime | None:
    with ws.session() as s:
        return _preserie(s, preserie_id).technical_prerequisites_validated_at


def _stamp(when: datetime | date | None) -> datetime:
    """A record's date: now by default; a bare date (the command line's --date) at noon, so that
    it sorts after the morning's records of the same day and stays on that day."""
    if when is None:
        return datetime.now().replace(microsecond=0)
    if not isinstance(when, datetime):
        return datetime.combine(when, time(12, 0))
    return when.replace(microsecond=0)


def add_technical_prerequisite(
    ws: Workspace, preserie_id: int, text: str, when: datetime | date | None = None
) -> TechnicalPrerequisite:
    """Adds one item to the list. A validated list is no longer the list that was validated, so
    adding revokes the validation (the caller tells the user)."""
    text = (text or "").strip()
    if not text:
        raise UserError("Le prérequis technique est vide : décrivez-le en une phrase.")
    stamp = _stamp(when)
    with ws.session() as s:
        _preserie(s, preserie_id)
        position = (
            s.exec(
                select(func.max(TechnicalPrerequisite.position)).where(
                    TechnicalPrerequisite.preserie_id == preserie_id
                )
            ).one()
            or 0
        )
        item = TechnicalPrerequisite(
            preserie_id=preserie_id, position=position + 1, text=text, created_at=stamp
        )
        s.add(item)
        _revoke(s, preserie_id, stamp)
        s.flush()
        return item


def update_technical_prerequisite(
    ws: Workspace, item_id: int, text: str, when: datetime | date | None = None
) -> TechnicalPrerequisite:
    """Rewords one item; like an addition, it revokes the validation."""
    text = (text or "").strip()
    if not text:
        raise UserError("Le prérequis technique est vide : décrivez-le en une phrase.")
    with ws.session() as s:
        item = s.get(TechnicalPrerequisite, item_id)
        if item is None or item.removed_at is not None:
            raise UserError(f"Aucun prérequis technique n° {item_id}.")
        if item.text != text:
            item.text = text
            s.add(item)
            _revoke(s, item.preserie_id, _stamp(when))
        return item


def delete_technical_prerequisite(ws: Workspace, item_id: int, when: datetime | date | None = None) -> None:
    """Removes one item from the list: it stays stored with its removal date, so that a bilan
    printed for an earlier day still counts it; the validation is revoked."""
    with ws.session() as s:
        item = s.get(TechnicalPrerequisite, item_id)
        if item is None or item.removed_at is not None:
            raise UserError(f"Aucun prérequis technique n° {item_id}.")
        stamp = max(_stamp(when), item.created_at)
        item.removed_at = stamp
        s.add(item)
        _revoke(s, item.preserie_id, stamp)


def _revoke(s: Session, preserie_id: int, when: datetime) -> None:
    """Ends the validations still standing; a change dated before a validation (entered after
    the fact) revokes it from the validation's own date."""
    p = _preserie(s, preserie_id)
    for v in s.exec(
        select(PrerequisiteValidation).where(
            PrerequisiteValidation.preserie_id == preserie_id,
            PrerequisiteValidation.revoked_at == None,  # noqa: E711 - SQL IS NULL
        )
    ).all():
        v.revoked_at = max(when, v.validated_at)
        s.add(v)
    if p.technical_prerequisites_validated_at is not None:
        p.technical_prerequisites_validated_at = None
        s.add(p)


def validate_technical_prerequisites(
    ws: Workspace, preserie_id: int, when: datetime | date | None = None
) -> datetime:
    """Marks the list as validated by the team; refused while the list is empty (at that date)."""
    stamp = _stamp(when)
    with ws.session() as s:
        p = _preserie(s, preserie_id)
        items = s.exec(_live(preserie_id)).all()
        if not items:
            raise RuleError(
                "La liste des prérequis techniques au déploiement est vide : elle ne peut pas être validée.",
                hint=Hint.ADD_PREREQUISITES,
            )
        first = min(i.created_at for i in items)
        if stamp < first:
            raise UserError(
                f"La liste ne peut pas être validée le {stamp:%d/%m/%Y} : son premier prérequis "
                f"date du {first:%d/%m/%Y}. Indiquez une date de validation postérieure."
            )
        _revoke(s, preserie_id, stamp)
        s.add(PrerequisiteValidation(preserie_id=preserie_id, validated_at=stamp))
        p.technical_prerequisites_validated_at = stamp
        s.add(p)
        return stamp


def unvalidate_technical_prerequisites(ws: Workspace, preserie_id: int) -> None:
    with ws.session() as s:
        _revoke(s, preserie_id, _stamp(None))


# --- fields of the présérie edited from the window -----------------------------------------

PRESERIE_FIELDS = {
    "editor": str,
    "software": str,
    "version": str,
    "module": str,
    "cnda_reference": str,
    "cnda_date": date,
    "exercise": str,
    "small_market_share": bool,
    "status": str,
    "kickoff_date": date,
    "kickoff_participants": str,
    "first_eprescription_date": date,
    "bilan_date": date,
    "covered_products": str,
}
_REQUIRED_TEXT = {"editor": "L'éditeur", "software": "Le logiciel", "version": "La version"}


def update_preserie(ws: Workspace, preserie_id: int, **fields: Any) -> Preserie:
    unknown = set(fields) - set(PRESERIE_FIELDS)
    if unknown:
        raise UserError(f"Champ(s) de présérie inconnu(s) : {', '.join(sorted(unknown))}.")
    clean: dict[str, Any] = {}
    for key, value in fields.items():
        kind = PRESERIE_FIELDS[key]
        if kind is date:
            if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
                raise UserError(f"La valeur « {value} » n'est pas une date.")
            clean[key] = value
        elif kind is bool:
            clean[key] = bool(value)
        else:
            clean[key] = str(value or "").strip()
    if "status" in clean and clean["status"] not in STATUSES:
        raise UserError(f"Statut « {clean['status']} » inconnu : {', '.join(STATUSES)}.")
    if "exercise" in clean and clean["exercise"] not in EXERCISES:
        raise UserError(f"Type d'exercice « {clean['exercise']} » inconnu : liberal, centre ou mixte.")
    for key, label in _REQUIRED_TEXT.items():
        if key in clean and not clean[key]:
            raise UserError(f"{label} de la présérie doit être renseigné(e).")
    if "status" in clean:
        with ws.session() as s:
            current = _preserie(s, preserie_id).status
        if clean["status"] != current:  # refused before anything is written
            check_status(ws, preserie_id, clean["status"], clean)
    with ws.session() as s:
        p = _preserie(s, preserie_id)
        for key, value in clean.items():
            setattr(p, key, value)
        s.add(p)
        return p
