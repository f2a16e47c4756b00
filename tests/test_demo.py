"""`ordnum demo`: a complete, realistic and deterministic présérie, built through the services."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ordnum_desktop.domain.identifiers import check_am, check_rpps
from ordnum_desktop.services import followup
from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.demo.builder import DOCTORS, build_demo, demo_trace_rows
from ordnum_desktop.services.demo.traces import HEADERS, write_traces_csv, write_traces_xlsx
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.planning.dates import get_plans
from ordnum_desktop.services.roster.doctors import check_roster_for, list_doctors
from ordnum_desktop.services.roster.preseries import list_preseries
from ordnum_desktop.services.traces.importer import import_traces, list_batches
from ordnum_desktop.services.workspace.session import Workspace
from tests.cli_output import run_cli


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ORDNUM_BACKUP_DIR", str(folder / "sauvegardes"))
        return build_demo(folder / "demo.sqlite")


@pytest.fixture(scope="module")
def bilan(demo_path: Path) -> dict:
    with Workspace.open(demo_path) as ws:
        return compute_bilan(ws, 1).as_json()


def test_generator_is_deterministic_and_realistic() -> None:
    rows = demo_trace_rows()
    assert rows == demo_trace_rows()
    assert rows[0].ts.date() == date(2025, 2, 17) and rows[-1].ts.date() <= date(2025, 3, 30)
    created = [r for r in rows if r.operation == "Créer"]
    failures = [r for r in created if r.return_code != 0]
    assert failures and len(failures) < len(created) / 4
    # Retries: prescriptions with a failed créer followed by a successful one.
    by_prescription: dict[tuple[str, str], list[int | None]] = {}
    for r in created:
        by_prescription.setdefault((r.ps, r.prescription_id), []).append(r.return_code)
    assert any(codes[0] != 0 and codes[-1] == 0 for codes in by_prescription.values())
    assert any(all(c != 0 for c in codes) for codes in by_prescription.values())  # never registered
    assert {r.operation for r in rows} == {"", "Créer", "Consulter", "Rechercher"}


def test_roster_is_valid_mixte_in_two_caisses(demo_path: Path) -> None:
    with Workspace.open(demo_path) as ws:
        p = list_preseries(ws)[0]
        doctors = list_doctors(ws, 1)
        check = check_roster_for(ws, 1)
    assert p["editor"] == "Médilogic" and p["exercise"] == "mixte" and p["cpams"] == ["33", "62-artois"]
    assert len(doctors) == 7 and {d.cpam for d in doctors} == {"33", "62-artois"}
    assert check.ok and check.errors == [] and check.warnings == []  # group practice present
    for d in doctors:
        if d.mode == "liberal":
            assert check_am(d.am).ok and d.am[:2] == d.cpam[:2]
        else:
            assert check_rpps(d.rpps).ok and d.finess.startswith("33")
    assert {d.structure for d in doctors} >= {"cabinet_groupe", "msp", "centre_sante"}
    assert all(d.consent and d.compatibility_checked for d in doctors)


def test_bilan_has_the_spec_shape_and_extends_for_one_doctor_under_half(bilan: dict) -> None:
    assert set(bilan) >= {"as_of", "criteria", "unmatched_rows", "decision"}
    assert bilan["as_of"] == "2025-03-29"
    c = bilan["criteria"]
    assert set(c) == {"doctor_rate", "registration", "operations", "prerequisites", "satisfaction"}
    assert bilan["decision"] == "extend" and bilan["failed"] == ["doctor_rate"]
    doctors = c["doctor_rate"]["doctors"]
    assert len(doctors) == 6  # the seventh is not installed yet
    under = [d for d in doctors if not d["met"]]
    assert [d["name"] for d in under] == ["Carpentier Sophie"] and 0.3 < under[0]["rate"] < 0.5
    assert all(d["prescriptions"] > 200 for d in doctors)
    assert c["registration"]["met"] and 0.7 <= c["registration"]["rate"] < 1
    for op in ("creer", "consulter", "rechercher"):
        assert 0 < c["operations"][op]["succeeded"] < c["operations"][op]["calls"]
    assert c["operations"]["met"] and c["prerequisites"]["met"] and c["satisfaction"]["met"]
    assert bilan["unmatched_rows"] == 10 and bilan["unmatched"][0]["identifier"] == "331998870"


def test_two_overlapping_exports_were_imported_without_double_count(demo_path: Path) -> None:
    with Workspace.open(demo_path) as ws:
        batches = list_batches(ws, 1)
    assert [b.file_name[-4:] for b in batches] == ["xlsx", ".csv"]
    assert all(b.rejected == 0 for b in batches)
    assert batches[0].duplicates == 0 and batches[1].duplicates > 0  # the repeated third week
    assert batches[1].unmatched == 10


def test_follow_up_data(demo_path: Path) -> None:
    with Workspace.open(demo_path) as ws:
        prereqs = followup.list_prerequisites(ws, 1)
        anomalies = followup.list_anomalies(ws, 1)
        answers = followup.answers_by_doctor(ws, 1)
        plans = get_plans(ws, 1)
        p = followup.update_preserie(ws, 1)
    assert all(x.done and x.done_date for x in prereqs)
    closed = [a for a in anomalies if a.closed_at]
    assert len(closed) == 1 and closed[0].blocking and closed[0].operation == "creer"
    assert all(not a.blocking for a in anomalies if not a.closed_at)
    assert [a is not None for d, a in answers] == [d.equipped for d, _ in answers]
    assert not any(a.blocking for _, a in answers if a)
    as_of = date(2025, 3, 29)
    overdue = [
        d.last_name
        for d, plan in plans
        if plan.planned_install and plan.planned_install < as_of and not plan.actual_install
    ]
    assert overdue == ["N'Diaye"]
    assert p.kickoff_date == date(2025, 2, 6) and p.status == "bilan" and p.cnda_reference
    assert len(DOCTORS) == 7


def test_demo_is_deterministic(tmp_path: Path, bilan: dict) -> None:
    with Workspace.open(build_demo(tmp_path / "encore.sqlite")) as ws:
        assert compute_bilan(ws, 1).as_json() == bilan


def test_refuses_an_existing_non_empty_file(tmp_path: Path) -> None:
    target = tmp_path / "travail.sqlite"
    target.write_bytes(b"mes donnees")
    with pytest.raises(UserError, match="existe déjà"):
        build_demo(target)
    assert target.read_bytes() == b"mes donnees"
    empty = tmp_path / "vide.sqlite"
    empty.touch()
    assert build_demo(empty).stat().st_size > 0
    with pytest.raises(UserError, match="Impossible de créer le dossier"):
        build_demo(target / "demo.sqlite")  # under a file, not a folder
    nested = build_demo(tmp_path / "nouveau" / "dossier" / "demo.sqlite")  # first `make run`
    assert nested.stat().st_size > 0


def test_demo_traces_files_import_through_the_real_importer(
    tmp_path: Path, ws: Workspace, liberal_preserie_id: int
) -> None:
    rows = [r for r in demo_trace_rows() if r.ts.date() <= date(2025, 2, 18)]
    xlsx = write_traces_xlsx(rows, tmp_path / "t.xlsx")
    csv_file = write_traces_csv(rows, tmp_path / "t.csv")
    assert csv_file.read_text(encoding="utf-8-sig").splitlines()[0] == ";".join(HEADERS)
    first = import_traces(ws, liberal_preserie_id, xlsx)
    second = import_traces(ws, liberal_preserie_id, csv_file)
    assert first.rejected == 0 and first.accepted == len(rows)
    assert (second.accepted, second.duplicates, second.rejected) == (0, len(rows), 0)


def test_cli_demo_then_bilan_json(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    env_cmd = [sys.executable, "-m", "ordnum_desktop"]
    r = subprocess.run([*env_cmd, "demo", "--db", str(db)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "prolongation" in r.stdout and "Carpentier Sophie" in r.stdout
    # The next commands through the same `main` in this process (a second of start-up each).
    b = run_cli("bilan", "--db", str(db), "--json")
    assert b.returncode == 0, b.stderr
    data = json.loads(b.stdout)
    assert data["decision"] == "extend" and data["criteria"]["doctor_rate"]["met"] is False
    again = run_cli("demo", "--db", str(db))
    assert again.returncode == 2 and "existe déjà" in again.stderr and "Traceback" not in again.stderr
