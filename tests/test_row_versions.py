"""Two people editing the same doctor or planning row (issue 15): the second save, based on what
its screen read before the first one landed, is refused with who changed the row and when, and
changes nothing; the audit trail names the database user."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event
from sqlmodel import select

from ordnum_desktop.cli_commands.remedies import CLI_REMEDIES
from ordnum_desktop.services.errors import failure_message
from ordnum_desktop.services.planning.dates import get_plans, update_plan
from ordnum_desktop.services.roster.doctors import add_doctor, list_doctors, update_doctor
from ordnum_desktop.services.workspace.row_versions import ChangedMeanwhile
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.identity import os_login
from ordnum_desktop.store.models import AuditEntry, Doctor

pytestmark = pytest.mark.both_engines


def _user(ws: Workspace) -> str:
    """Who the stamps name: the server's current_user (the address's role), or the OS login."""
    return ws.server.user if ws.server is not None else os_login()


def _doctor(ws: Workspace, doctor_id: int) -> Doctor:
    (d,) = [d for d in list_doctors(ws, d_preserie(ws, doctor_id)) if d.id == doctor_id]
    return d


def d_preserie(ws: Workspace, doctor_id: int) -> int:
    with ws.session() as s:
        d = s.get(Doctor, doctor_id)
        assert d is not None
        return d.preserie_id


@pytest.fixture
def doctor_id(ws: Workspace, liberal_preserie_id: int) -> int:
    d = add_doctor(ws, liberal_preserie_id, last_name="Dupré", first_name="Élodie", am="331234567")
    assert d.id is not None
    return d.id


def test_second_save_of_a_doctor_read_before_the_first_is_refused(ws: Workspace, doctor_id: int) -> None:
    first_screen = _doctor(ws, doctor_id)
    second_screen = _doctor(ws, doctor_id)
    assert first_screen.version == second_screen.version == 1

    saved = update_doctor(ws, doctor_id, expected_version=first_screen.version, email="premier@exemple.fr")
    assert saved.version == 2
    assert saved.changed_by == _user(ws) and saved.changed_at is not None

    with pytest.raises(ChangedMeanwhile) as refused:
        update_doctor(ws, doctor_id, expected_version=second_screen.version, email="second@exemple.fr")
    message = refused.value.message
    assert message.startswith("Le médecin Dupré Élodie a été modifié par ")
    assert f"« {_user(ws)} »" in message
    assert saved.changed_at.strftime("le %d/%m/%Y à %H:%M") in message
    assert "n'a pas été enregistrée" in message
    # The CLI adds what to do next; nothing English, no traceback.
    assert "ordnum roster list" in failure_message(refused.value, CLI_REMEDIES)

    # Reloading shows the first one's value; a save based on the reloaded row goes through.
    reloaded = _doctor(ws, doctor_id)
    assert (reloaded.email, reloaded.version) == ("premier@exemple.fr", 2)
    again = update_doctor(ws, doctor_id, expected_version=reloaded.version, email="second@exemple.fr")
    assert (again.email, again.version) == ("second@exemple.fr", 3)


def test_second_save_of_a_planning_row_is_refused(ws: Workspace, doctor_id: int) -> None:
    preserie_id = d_preserie(ws, doctor_id)
    ((_, first_screen),) = get_plans(ws, preserie_id)
    ((_, second_screen),) = get_plans(ws, preserie_id)

    update_plan(ws, doctor_id, expected_version=first_screen.version, planned_install=date(2025, 3, 1))
    with pytest.raises(ChangedMeanwhile) as refused:
        update_plan(ws, doctor_id, expected_version=second_screen.version, planned_install=date(2025, 4, 1))
    assert refused.value.message.startswith("Le planning de Dupré Élodie a été modifié par ")

    ((_, plan),) = get_plans(ws, preserie_id)
    assert plan.planned_install == date(2025, 3, 1) and plan.version == 2


def test_save_landing_between_the_read_and_the_write_is_refused(ws: Workspace, doctor_id: int) -> None:
    """The UPDATE itself carries the version read (`WHERE version = :v`): another save committed
    after this one's read and before its write makes it change nothing and fail the same way."""
    other: dict[str, Any] = {"done": False}

    def other_editor_first(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE DOCTOR") and not other["done"]:
            other["done"] = True
            update_doctor(ws, doctor_id, phone="01 02 03 04 05")  # another connection, committed

    event.listen(ws.engine, "before_cursor_execute", other_editor_first)
    try:
        with pytest.raises(ChangedMeanwhile) as refused:
            update_doctor(ws, doctor_id, email="tard@exemple.fr")
    finally:
        event.remove(ws.engine, "before_cursor_execute", other_editor_first)
    assert "Dupré Élodie a été modifié par" in refused.value.message
    d = _doctor(ws, doctor_id)
    assert (d.phone, d.email, d.version) == ("01 02 03 04 05", "", 2)


def test_a_row_deleted_meanwhile_is_refused_too(ws: Workspace, doctor_id: int) -> None:
    from ordnum_desktop.services.roster.doctors import delete_doctor

    shown = _doctor(ws, doctor_id)
    delete_doctor(ws, doctor_id)
    with pytest.raises(ChangedMeanwhile):
        update_doctor(ws, doctor_id, expected_version=shown.version, email="x@exemple.fr")


def test_audit_entries_name_the_user_and_leave_the_stamps_out(ws: Workspace, doctor_id: int) -> None:
    update_doctor(ws, doctor_id, expected_version=1, email="e@exemple.fr")
    with ws.session() as s:
        entries = list(s.exec(select(AuditEntry).where(AuditEntry.entity == "doctor")).all())
    assert [e.action for e in entries] == ["insert", "update"]
    assert {e.changed_by for e in entries} == {_user(ws)}
    assert json.loads(entries[1].after_json) == {"email": "e@exemple.fr"}
    assert not {"version", "changed_by", "changed_at"} & set(json.loads(entries[0].after_json))


@pytest.fixture
def no_login(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    import getpass

    def refuse() -> str:
        raise OSError("no login")

    monkeypatch.setattr(getpass, "getuser", refuse)
    yield


def test_unknown_login_is_said_plainly(no_login: None) -> None:
    assert os_login() == ""
    refusal = ChangedMeanwhile("Le médecin Dupré Élodie", "", None)
    assert refusal.message == (
        "Le médecin Dupré Élodie a été modifié par un autre utilisateur pendant que vous le "
        "modifiiez : votre modification n'a pas été enregistrée."
    )
