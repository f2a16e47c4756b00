"""Roster use cases: the doctors of a présérie, edited one by one, and the rules check."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from ordnum_desktop.domain.identifiers import check_am, check_finess, check_rpps, department_of
from ordnum_desktop.domain.names import person_name
from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.roster_rows import roster_doctor
from ordnum_desktop.domain.roster_rules import CheckResult, check_roster
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.roster.preseries import selected_cpams
from ordnum_desktop.services.workspace.row_versions import (
    ChangedMeanwhile,
    check_version,
    keep_version,
    stale_save,
)
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Doctor, HealthCentre, InstallationPlan, Preserie

EDITABLE_FIELDS = (
    "last_name",
    "first_name",
    "mode",
    "specialty",
    "am",
    "rpps",
    "finess",
    "centre_name",
    "structure",
    "equipped",
    "compatibility_checked",
    "consent",
    "cpam",
    "email",
    "phone",
)


def doctor_identifier(d: Doctor) -> str:
    """The identifier of the présérie's exercise situation: N° AM (libéral) or RPPS (salarié)."""
    return d.am if d.mode == "liberal" else d.rpps


def doctor_name(d: Doctor) -> str:
    """The doctor's name as every table shows it (one order everywhere)."""
    return person_name(d.last_name, d.first_name)


def doctor_department(d: Doctor) -> str | None:
    """Department of the practice: from the N° AM of a libéral doctor, the centre's FINESS for a
    salaried one."""
    return department_of(d.am if d.mode == "liberal" else d.finess)


def _doctors(s: Session, preserie_id: int) -> list[Doctor]:
    query = select(Doctor).where(Doctor.preserie_id == preserie_id)
    return list(s.exec(query.order_by(col(Doctor.position), col(Doctor.id))).all())


def list_doctors(ws: Workspace, preserie_id: int) -> list[Doctor]:
    with ws.session() as s:
        return _doctors(s, preserie_id)


def check_roster_for(ws: Workspace, preserie_id: int) -> CheckResult:
    with ws.session() as s:
        p = s.get(Preserie, preserie_id)
        if p is None:
            raise UserError(f"Aucune présérie n° {preserie_id}.")
        doctors = [roster_doctor(d) for d in _doctors(s, preserie_id)]
        cpams = selected_cpams(s, preserie_id)
    return check_roster(p.exercise, p.small_market_share, cpams, doctors, load_referentiel())


def normalise_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Identifiers cleaned and padded (an invalid one is kept as typed, the check flags it);
    names trimmed; unknown keys refused."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise UserError(f"Champ(s) inconnu(s) : {', '.join(sorted(unknown))}.")
    out = dict(fields)
    for name, checker in (("am", check_am), ("rpps", check_rpps), ("finess", check_finess)):
        if name in out:
            out[name] = checker(out[name]).value if out[name] not in (None, "") else ""
    for name in ("last_name", "first_name", "centre_name", "email", "phone", "specialty", "cpam"):
        if name in out:
            out[name] = str(out[name] or "").strip()
    if "mode" in out and out["mode"] not in ("liberal", "salarie"):
        raise UserError(f"Mode d'exercice « {out['mode']} » inconnu : Libéral ou Salarié.")
    return out


def _attach_centre(s: Session, d: Doctor) -> None:
    if d.mode != "salarie" or not d.finess:
        d.centre_id = None
        return
    centre = s.exec(
        select(HealthCentre).where(HealthCentre.preserie_id == d.preserie_id, HealthCentre.finess == d.finess)
    ).first()
    if centre is None:
        centre = HealthCentre(preserie_id=d.preserie_id, finess=d.finess, name=d.centre_name)
        s.add(centre)
        s.flush()
    elif d.centre_name and not centre.name:
        centre.name = d.centre_name
    d.centre_id = centre.id


def add_doctor(ws: Workspace, preserie_id: int, **fields: Any) -> Doctor:
    fields = normalise_fields(fields)
    if not fields.get("last_name"):
        raise UserError("Le nom du médecin est obligatoire.")
    with ws.session() as s:
        position = max((d.position for d in _doctors(s, preserie_id)), default=0) + 1
        d = Doctor(preserie_id=preserie_id, position=fields.pop("position", position), **fields)
        s.add(d)
        s.flush()
        _attach_centre(s, d)
        s.add(InstallationPlan(doctor_id=d.id or 0))
        return d


def _what(d: Doctor) -> str:
    return f"Le médecin {doctor_name(d)}"


def _changed_meanwhile(ws: Workspace, doctor_id: int) -> ChangedMeanwhile:
    with ws.session() as s:
        d = s.get(Doctor, doctor_id)
    if d is None:
        return ChangedMeanwhile(f"Le médecin n° {doctor_id}", "", None)
    return ChangedMeanwhile(_what(d), d.changed_by, d.changed_at)


def update_doctor(
    ws: Workspace, doctor_id: int, *, expected_version: int | None = None, **fields: Any
) -> Doctor:
    """`expected_version`: the version the screen showed; a row saved since by someone else is
    refused (services/workspace/row_versions.py) instead of being overwritten."""
    fields = normalise_fields(fields)
    if "last_name" in fields and not fields["last_name"]:
        raise UserError("Le nom du médecin ne peut pas être vide.")
    with stale_save(lambda: _changed_meanwhile(ws, doctor_id)), ws.session() as s:
        d = s.get(Doctor, doctor_id)
        if d is None:
            if expected_version is not None:  # shown on screen, deleted since by someone else
                raise ChangedMeanwhile(f"Le médecin n° {doctor_id}", "", None)
            raise UserError(f"Aucun médecin n° {doctor_id}.")
        check_version(d, expected_version, _what(d))
        for key, value in fields.items():
            setattr(d, key, value)
        _attach_centre(s, d)
        s.add(d)
        s.flush()  # the version check of the UPDATE happens here, inside stale_save
    return d


def delete_doctor(ws: Workspace, doctor_id: int) -> dict[str, Any]:
    """Deletes a doctor and returns a snapshot from which `restore_doctor` recreates it."""
    with ws.session() as s:
        d = s.get(Doctor, doctor_id)
        if d is None:
            raise UserError(f"Aucun médecin n° {doctor_id}.")
        snapshot = d.model_dump()
        plan = s.exec(select(InstallationPlan).where(InstallationPlan.doctor_id == doctor_id)).first()
        snapshot["_plan"] = plan.model_dump(exclude={"id", "doctor_id"}) if plan else None
        s.delete(d)
        return snapshot


def restore_doctor(ws: Workspace, snapshot: dict[str, Any]) -> Doctor:
    data = dict(snapshot)
    plan_data = dict(data.pop("_plan", None) or {})
    with ws.session() as s:
        d = Doctor(**data)
        s.add(d)
        s.flush()
        _attach_centre(s, d)
        plan = InstallationPlan(doctor_id=d.id or 0, **plan_data)
        s.add(plan)
        s.flush()
        keep_version(s, d, data.get("version"))
        keep_version(s, plan, plan_data.get("version"))
        return d
