"""Workbook exports read back with openpyxl: the bilan workbook, the planning (whole and per
CPAM), and text that looks like a formula stored as text."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ordnum_desktop.cli import main
from ordnum_desktop.domain.vocabulary import Criterion
from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.bilan.workbook import write_bilan_workbook
from ordnum_desktop.services.io.safe_text import safe_cell
from ordnum_desktop.services.planning.dates import update_plan
from ordnum_desktop.services.planning.export import export_planning, planning_rows
from ordnum_desktop.services.roster.doctors import add_doctor, list_doctors, update_doctor
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Anomaly
from tests.bilan_fixture import populate

# On a SQLite file and on a PostgreSQL server alike (issue 15); tests that take `ws_path` stay
# on the file.
pytestmark = pytest.mark.both_engines

HOSTILE = ["=SUM(A1:A9)", "+33 6 12 34 56 78", "-2+3", "@risque", "=cmd|' /C calc'!A0"]


def _no_formula(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name).decode("utf-8")
                assert "<f>" not in xml and "<f " not in xml, name


def test_safe_cell_keeps_formula_like_text_as_text(tmp_path: Path) -> None:
    wb = Workbook()
    sheet = wb.active
    for r, value in enumerate(HOSTILE, start=1):
        safe_cell(sheet.cell(row=r, column=1), value)
    path = tmp_path / "t.xlsx"
    wb.save(path)
    _no_formula(path)
    back = load_workbook(path).active
    for r, value in enumerate(HOSTILE, start=1):
        cell = back.cell(row=r, column=1)
        assert cell.value == value and cell.data_type == "s"
        assert cell.quotePrefix  # Excel shows it as text even when the cell is edited


def test_bilan_workbook_has_every_sheet_and_the_bilan_figures(ws: Workspace, tmp_path: Path) -> None:
    pid = populate(ws, tmp_path)
    doctors = list_doctors(ws, pid)
    update_doctor(ws, doctors[2].id or 0, last_name=HOSTILE[0], first_name=HOSTILE[3])
    with ws.session() as s:
        opened = datetime(2025, 3, 20, 9, 0)  # in the bilan's period: it is judged at its date
        s.add(Anomaly(preserie_id=pid, operation="creer", description=HOSTILE[1], opened_at=opened))
    out = write_bilan_workbook(ws, pid, tmp_path / "bilan.xlsx")
    bilan = compute_bilan(ws, pid)
    wb = load_workbook(out)
    assert wb.sheetnames == [
        "Bilan",
        "Critères",
        "Médecins",
        "Séries hebdomadaires",
        "Opérations",
        "Lignes non rattachées",
        "Satisfaction",
        "Anomalies",
        "Journal des modifications",
    ]
    summary = {row[0]: row[1] for row in wb["Bilan"].iter_rows(values_only=True)}
    assert summary["Logiciel"] == "CentreMed <Pro>" and summary["Éditeur"] == "Santé & Co"
    assert summary["Décision"] == "Prolongation de la présérie"
    assert summary["Lignes de traces non rattachées"] == 7
    rows = list(wb["Médecins"].iter_rows(min_row=2, values_only=True))
    expected = [
        (d.identifier, d.name, d.prescriptions, d.digital, d.rate, "Oui" if d.met else "Non")
        for d in bilan.doctor_rate.doctors
    ]
    assert rows == expected
    assert rows[2][1] == f"{HOSTILE[0]} {HOSTILE[3]}"  # the name as typed, as text
    assert wb["Médecins"]["E2"].number_format == "0.0%"
    criteria = list(wb["Critères"].iter_rows(min_row=2, values_only=True))
    assert [c[5] for c in criteria] == ["Oui" if bilan.criterion(k).met else "Non" for k in Criterion]
    assert criteria[1][3] == bilan.registration.rate
    weekly = list(wb["Séries hebdomadaires"].iter_rows(min_row=2, values_only=True))
    assert len(weekly) == 10 * 6 and weekly[0][2].date() == date(2025, 3, 3)
    ops = {r[0]: r[1:3] for r in wb["Opérations"].iter_rows(min_row=2, values_only=True)}
    creer = bilan.operations.creer
    assert ops["Créer"] == (creer.calls, creer.succeeded)
    assert list(wb["Lignes non rattachées"].iter_rows(min_row=2, values_only=True)) == [
        ("339999999", 7, "PS inconnu")
    ]
    descriptions = [r[2] for r in wb["Anomalies"].iter_rows(min_row=2, values_only=True)]
    assert HOSTILE[1] in descriptions and "-Erreur 3 à la création" in descriptions
    _no_formula(out)


def test_planning_whole_and_per_cpam(ws: Workspace, tmp_path: Path) -> None:
    pid = populate(ws, tmp_path, doctors=4, weeks=1)
    # One doctor of the Artois (department 62, caisse found from the N° AM), one outside the zone.
    artois = add_doctor(
        ws, pid, last_name="Artois", first_name=HOSTILE[4], mode="liberal", am="621234567", equipped=True
    )
    update_plan(ws, artois.id or 0, planned_install=date(2025, 3, 12), training_date=date(2025, 3, 11))
    add_doctor(ws, pid, last_name="Ailleurs", mode="liberal", am="761234567")
    # A salaried doctor: the caisse comes from the department of the centre's FINESS.
    add_doctor(
        ws,
        pid,
        last_name="Salariée",
        mode="salarie",
        rpps="10005173140",
        finess="330054180",
        centre_name="Centre <Chartrons> & Co",
    )
    paths = export_planning(ws, pid, tmp_path / "planning", today=date(2025, 3, 20))
    names = [p.name for p in paths]
    base = "planning-CentreMed-Pro-4.2-1-1"
    assert names == [f"{base}-complet.xlsx", f"{base}-CPAM-33.xlsx", f"{base}-CPAM-62-artois.xlsx"]
    whole = list(load_workbook(paths[0])["Planning"].iter_rows(values_only=True))
    assert whole[0][:6] == ("CPAM", "Nom", "Prénom", "Mode d'exercice", "N° AM", "RPPS")
    assert len(whole) == 1 + 7
    assert [r[0] for r in whole[1:]] == ["33 — CPAM de la Gironde"] * 4 + [
        "62 — CPAM de l'Artois",
        "à préciser",
        "33 — CPAM de la Gironde",
    ]
    gironde = list(load_workbook(paths[1])["Planning"].iter_rows(min_row=2, values_only=True))
    assert [r[4] for r in gironde] == ["331230000", "331230001", "331230002", "331230003", None]
    assert gironde[-1][3:8] == ("Salarié", None, "10005173140", "330054180", "Centre <Chartrons> & Co")
    sheet = load_workbook(paths[2])["Planning"]
    artois_rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(artois_rows) == 1
    row = artois_rows[0]
    assert row[1:3] == ("Artois", HOSTILE[4]) and row[4] == "621234567"
    assert row[8].date() == date(2025, 3, 12) and row[10].date() == date(2025, 3, 11)
    assert row[13] == "Oui"  # planned before the export day, not installed
    assert sheet["I2"].number_format == "DD/MM/YYYY"
    scope = {r[0]: r[1] for r in load_workbook(paths[2])["Présérie"].iter_rows(values_only=True)}
    assert scope["CPAM"] == "62 — CPAM de l'Artois" and scope["Médecins"] == 1
    for path in paths:
        _no_formula(path)
    assert [r.cpam_id for r in planning_rows(ws, pid)][-2:] == ["", "33"]


def test_planning_export_command(
    ws: Workspace, ws_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    populate(ws, tmp_path, doctors=3, weeks=1)
    ws.close()
    outdir = tmp_path / "envoi"
    assert main(["planning", "export", "--db", str(ws_path), str(outdir)]) == 0
    out = capsys.readouterr().out
    assert out.count("Planning écrit :") == 3 and len(list(outdir.glob("*.xlsx"))) == 3
    blocker = tmp_path / "fichier.txt"
    blocker.write_text("x")
    assert main(["planning", "export", "--db", str(ws_path), str(blocker)]) == 2
    err = capsys.readouterr().err
    assert "est un fichier, pas un dossier" in err and "Traceback" not in err
    assert main(["planning", "export", "--db", str(ws_path), "--preserie", "99", str(outdir)]) == 2
    assert "Aucune présérie n° 99" in capsys.readouterr().err
