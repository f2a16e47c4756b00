"""The audit trail records every change of roster, planning, CPAM choice, answers, anomalies and
imports, in the same transaction as the change."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.planning.dates import update_plan
from ordnum_desktop.services.roster.doctors import add_doctor, delete_doctor, update_doctor
from ordnum_desktop.services.roster.preseries import set_cpams
from ordnum_desktop.services.workspace import audit_log
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Anomaly, Doctor, ImportBatch, SatisfactionAnswer

# On a SQLite file and on a PostgreSQL server alike (issue 15); tests that take `ws_path` stay
# on the file.
pytestmark = pytest.mark.both_engines


def _entries(ws: Workspace, entity: str) -> list[audit_log.AuditView]:
    return list(reversed(audit_log.list_entries(ws, entity=entity)))


def test_roster_and_planning_changes_have_before_and_after(ws: Workspace, liberal_preserie_id: int) -> None:
    d = add_doctor(ws, liberal_preserie_id, last_name="Dupré", first_name="Élodie", am="331234567")
    update_doctor(ws, d.id or 0, consent=True, email="e@exemple.fr")
    update_plan(ws, d.id or 0, planned_install=date(2025, 2, 10))
    delete_doctor(ws, d.id or 0)

    doctor = _entries(ws, "doctor")
    assert [e.action for e in doctor] == ["insert", "update", "delete"]
    assert doctor[0].after["last_name"] == "Dupré" and doctor[0].preserie_id == liberal_preserie_id
    assert doctor[1].before == {"consent": False, "email": ""}
    assert doctor[1].after == {"consent": True, "email": "e@exemple.fr"}
    assert doctor[2].before["first_name"] == "Élodie" and doctor[2].after == {}
    assert audit_log.describe(doctor[0]) == "Dupré Élodie"
    assert audit_log.describe(doctor[1]) == ("accord de principe : non → oui; e-mail : (vide) → e@exemple.fr")

    plan = _entries(ws, "installation_plan")
    assert [e.action for e in plan] == ["insert", "update"]
    assert plan[1].preserie_id == liberal_preserie_id
    assert audit_log.describe(plan[1]) == "installation prévue : (vide) → 10/02/2025"


def test_saving_an_unchanged_value_writes_no_entry(ws: Workspace, liberal_preserie_id: int) -> None:
    d = add_doctor(ws, liberal_preserie_id, last_name="Martin", am="331234567")
    update_doctor(ws, d.id or 0, last_name="Martin")
    assert [e.action for e in _entries(ws, "doctor")] == ["insert"]


def test_cpam_choice_is_recorded(ws: Workspace, liberal_preserie_id: int) -> None:
    set_cpams(ws, liberal_preserie_id, ["33"])
    actions = [
        (e.action, e.before.get("cpam_id") or e.after.get("cpam_id")) for e in _entries(ws, "cpam_selection")
    ]
    assert actions[:2] == [("insert", "33"), ("insert", "62-artois")]
    assert sorted(actions[2:]) == [("delete", "33"), ("delete", "62-artois"), ("insert", "33")]


def test_rolled_back_change_leaves_no_entry(ws: Workspace, liberal_preserie_id: int) -> None:
    d = add_doctor(ws, liberal_preserie_id, last_name="Leroy", am="331234567")
    count = len(audit_log.list_entries(ws))
    with pytest.raises(UserError):
        set_cpams(ws, liberal_preserie_id, ["33", "inconnue"])
    with pytest.raises(RuntimeError), ws.session() as s:
        doctor = s.get(Doctor, d.id)
        assert doctor is not None
        doctor.last_name = "Autre"
        s.add(doctor)
        s.flush()  # the entry is written here, then rolled back with the change
        raise RuntimeError("panne")
    assert len(audit_log.list_entries(ws)) == count
    with ws.session() as s:
        assert s.get(Doctor, d.id).last_name == "Leroy"  # type: ignore[union-attr]


def test_answers_anomalies_and_imports_are_recorded(ws: Workspace, liberal_preserie_id: int) -> None:
    d = add_doctor(ws, liberal_preserie_id, last_name="Petit", am="331234567")
    with ws.session() as s:
        s.add(SatisfactionAnswer(preserie_id=liberal_preserie_id, doctor_id=d.id or 0, score=4))
        anomaly = Anomaly(
            preserie_id=liberal_preserie_id, operation="creer", description="Écran figé", blocking=True
        )
        s.add(anomaly)
        batch = ImportBatch(
            preserie_id=liberal_preserie_id, file_name="traces-mars.csv", file_hash="x", read=12, accepted=10
        )
        s.add(batch)
    with ws.session() as s:
        a = s.get(Anomaly, anomaly.id)
        assert a is not None
        a.blocking = False
        s.add(a)

    assert _entries(ws, "satisfaction_answer")[0].after["score"] == 4
    assert [e.action for e in _entries(ws, "anomaly")] == ["insert", "update"]
    (imp,) = _entries(ws, "import_batch")
    assert imp.action == "import" and imp.batch_id == batch.id
    assert audit_log.describe(imp) == "traces-mars.csv : 12 ligne(s) lue(s), 10 retenue(s)"


def test_export_rows_and_cli(
    ws: Workspace, liberal_preserie_id: int, ws_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_doctor(ws, liberal_preserie_id, last_name='=HYPERLINK("x")', am="331234567")
    rows = audit_log.export_rows(ws, liberal_preserie_id)
    assert audit_log.EXPORT_HEADER == ["Date", "Action", "Objet", "Détail", "Lot d'import", "Par"]
    assert rows[0][1:3] == ["Ajout", "Présérie"]
    assert rows[-1][1:3] == ["Ajout", "Planning"]

    assert main(["audit", "--db", str(ws_path), "--json", "--limit", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [e["entity"] for e in data] == ["installation_plan", "doctor"]
    assert main(["audit", "--db", str(ws_path)]) == 0
    assert "Ajout — Médecin" in capsys.readouterr().out


def test_bilan_workbook_carries_the_journal(ws: Workspace, liberal_preserie_id: int, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from ordnum_desktop.services.bilan.workbook import write_bilan_workbook

    d = add_doctor(ws, liberal_preserie_id, last_name="Dupré", am="331234567")
    update_doctor(ws, d.id or 0, consent=True)
    out = write_bilan_workbook(ws, liberal_preserie_id, tmp_path / "bilan.xlsx")
    sheet = load_workbook(out)["Journal des modifications"]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0] == audit_log.EXPORT_HEADER
    assert ["Modification", "Médecin", "accord de principe : non → oui"] in [r[1:4] for r in rows[1:]]


def test_stored_codes_read_as_the_window_words(ws: Workspace, liberal_preserie_id: int) -> None:
    from ordnum_desktop.services.followup.prerequisites import set_prerequisite, update_preserie
    from ordnum_desktop.services.planning.dates import set_kickoff

    d = add_doctor(ws, liberal_preserie_id, last_name="Roux", am="331234500", structure="msp")
    update_doctor(ws, d.id or 0, mode="salarie", structure="cabinet_groupe")
    for code in ("cnda", "support", "kit"):  # the kick-off launches a présérie ready for it
        set_prerequisite(ws, liberal_preserie_id, code, True, date(2025, 1, 20))
    update_preserie(ws, liberal_preserie_id, cnda_reference="CNDA-1")
    set_kickoff(ws, liberal_preserie_id, date(2025, 2, 6), "Cnam, CPAM")
    lines = [audit_log.describe(e) for e in audit_log.list_entries(ws, liberal_preserie_id)]
    assert any("mode d'exercice : Libéral → Salarié" in line for line in lines)
    assert any("structure : MSP → Cabinet de groupe" in line for line in lines)
    assert any("statut : Préparation → Lancée" in line for line in lines)
    assert not any("lancee" in line or "salarie" in line for line in lines)
