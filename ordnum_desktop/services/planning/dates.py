"""Installation planning: per doctor dates, and the kick-off meeting of the présérie."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import col, select

from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.followup.status import launch_blockers
from ordnum_desktop.services.roster.doctors import doctor_name
from ordnum_desktop.services.workspace.row_versions import ChangedMeanwhile, check_version, stale_save
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Doctor, InstallationPlan, Preserie

PLAN_FIELDS = (
    "planned_install",
    "actual_install",
    "training_date",
    "traces_activated",
    "first_eprescription",
    "notes",
)


def get_plans(ws: Workspace, preserie_id: int) -> list[tuple[Doctor, InstallationPlan]]:
    """Every doctor of the roster with its plan (an empty plan is created when missing)."""
    with ws.session() as s:
        doctors = s.exec(
            select(Doctor)
            .where(Doctor.preserie_id == preserie_id)
            .order_by(col(Doctor.position), col(Doctor.id))
        ).all()
        out = []
        for d in doctors:
            plan = s.exec(select(InstallationPlan).where(InstallationPlan.doctor_id == d.id)).first()
            if plan is None:
                plan = InstallationPlan(doctor_id=d.id or 0)
                if not ws.read_only:  # read-only (`--read-only` exports): an empty plan, unsaved
                    s.add(plan)
                    s.flush()
            out.append((d, plan))
        return out


def _what(d: Doctor) -> str:
    return f"Le planning de {doctor_name(d)}"


def _changed_meanwhile(ws: Workspace, doctor_id: int) -> ChangedMeanwhile:
    with ws.session() as s:
        d = s.get(Doctor, doctor_id)
        plan = s.exec(select(InstallationPlan).where(InstallationPlan.doctor_id == doctor_id)).first()
    if d is None or plan is None:
        return ChangedMeanwhile(f"Le planning du médecin n° {doctor_id}", "", None)
    return ChangedMeanwhile(_what(d), plan.changed_by, plan.changed_at)


def update_plan(
    ws: Workspace, doctor_id: int, *, expected_version: int | None = None, **fields: Any
) -> InstallationPlan:
    """`expected_version`: the plan's version the screen showed (see update_doctor)."""
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise UserError(f"Champ(s) de planning inconnu(s) : {', '.join(sorted(unknown))}.")
    for key, value in fields.items():
        if key != "notes" and value is not None and not isinstance(value, date):
            raise UserError(f"La valeur « {value} » n'est pas une date.")
    with stale_save(lambda: _changed_meanwhile(ws, doctor_id)), ws.session() as s:
        d = s.get(Doctor, doctor_id)
        if d is None:
            if expected_version is not None:
                raise ChangedMeanwhile(f"Le planning du médecin n° {doctor_id}", "", None)
            raise UserError(f"Aucun médecin n° {doctor_id}.")
        plan = s.exec(select(InstallationPlan).where(InstallationPlan.doctor_id == doctor_id)).first()
        if plan is None:
            plan = InstallationPlan(doctor_id=doctor_id)
        else:
            check_version(plan, expected_version, _what(d))
        for key, value in fields.items():
            setattr(plan, key, value)
        s.add(plan)
        s.flush()
    return plan


def set_kickoff(ws: Workspace, preserie_id: int, when: date | None, participants: str) -> None:
    with ws.session() as s:
        p = s.get(Preserie, preserie_id)
        if p is None:
            raise UserError(f"Aucune présérie n° {preserie_id}.")
        p.kickoff_date = when
        p.kickoff_participants = participants.strip()
        # The meeting launches the présérie only when the launch prerequisites are done too
        # (services/followup/status.py): the status never says more than the facts.
        if when is not None and p.status == "preparation":
            if not launch_blockers(s, preserie_id, when, p.cnda_reference, today=max(when, date.today())):
                p.status = "lancee"
        s.add(p)
