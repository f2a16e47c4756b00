"""`satisfaction import`: the answers workbook (one row per doctor), its template, bad rows and
unusable files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ordnum_desktop.cli import main
from ordnum_desktop.services import followup
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.workspace.session import Workspace

# On a SQLite file and on a PostgreSQL server alike (issue 15); tests that take `ws_path` stay
# on the file.
pytestmark = pytest.mark.both_engines

AM_1, AM_2, AM_3 = "331234567", "331234575", "331234583"


def _roster(ws: Workspace, pid: int) -> None:
    add_doctor(ws, pid, last_name="Martin", first_name="Paul", am=AM_1, equipped=True)
    add_doctor(ws, pid, last_name="Durand", first_name="Léa", am=AM_2, equipped=True)
    add_doctor(ws, pid, last_name="Petit", first_name="Jean", am=AM_3, equipped=False)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_answers(path: Path, header: list[object], rows: list[list[object]]) -> Path:
    wb = Workbook()
    sheet = wb.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return path


SHORT = ["Identifiant PS", "Q1", "Q2", "Q3", "Q4", "Q5", "Frein bloquant", "Précisions"]


def test_template_prefilled_then_filled_imports_every_answer(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    pid = liberal_preserie_id
    _roster(ws, pid)
    path = followup.write_satisfaction_template(tmp_path / "reponses.xlsx", ws, pid)
    wb = load_workbook(path)
    sheet = wb["Réponses"]
    assert [sheet.cell(row=r, column=1).value for r in (2, 3, 4)] == [AM_1, AM_2, None]  # users only
    assert sheet.cell(row=1, column=4).value.startswith("Q1 - Satisfaction globale")
    assert "Aide" in wb.sheetnames
    for col, value in enumerate([5, 4, 4, 3, 4, "Non", "", "Très pratique"], start=4):
        sheet.cell(row=2, column=col, value=value)
    for col, value in enumerate([2, 2, 1, 3, 2, "Oui", "Lenteur à la création"], start=4):
        sheet.cell(row=3, column=col, value=value)
    wb.save(path)

    report = followup.import_satisfaction(ws, pid, path)
    assert report.as_json() == {
        "file": "reponses.xlsx",
        "read": 2,
        "recorded": 2,
        "replaced": 0,
        "rejected": 0,
        "unanswered": 0,
        "ignored_columns": [],
        "errors": [],
    }
    martin, durand = followup.list_answers(ws, pid)
    assert (martin.score, martin.blocking, martin.comment) == (4, False, "Très pratique")  # 4.0
    assert followup.answer_scores(martin) == {
        "global": 5,
        "creation": 4,
        "rapidite": 4,
        "formation": 3,
        "support": 4,
    }
    assert (durand.score, durand.blocking, durand.blocking_text) == (2, True, "Lenteur à la création")

    again = followup.import_satisfaction(ws, pid, path)
    assert (again.recorded, again.replaced) == (2, 2)
    assert len(followup.list_answers(ws, pid)) == 2


def test_unanswered_prefilled_rows_are_skipped(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    pid = liberal_preserie_id
    _roster(ws, pid)
    path = followup.write_satisfaction_template(tmp_path / "vide.xlsx", ws, pid)
    report = followup.import_satisfaction(ws, pid, path)
    assert (report.read, report.recorded, report.unanswered, report.errors) == (0, 0, 2, [])


def test_headers_matched_ignoring_case_accents_order_and_extra_columns(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    pid = liberal_preserie_id
    _roster(ws, pid)
    header = [
        "COMMENTAIRE",
        "support",
        "Rapidite",
        "n° am",
        "Global",
        "CREATION",
        "formation",
        "frein  bloquant",
        "Service",
    ]
    path = write_answers(
        tmp_path / "libre.xlsx",
        header,
        [
            ["RAS", 4, 4, 331234567, 5, 5, 4, "non", "Cardio"],
            [None, 3, "3", "331234575", 3, 4, 3.0, "O", None],
        ],
    )
    report = followup.import_satisfaction(ws, pid, path)
    assert report.errors == [] and report.recorded == 2 and report.ignored_columns == ["Service"]
    martin, durand = followup.list_answers(ws, pid)
    assert martin.score == 4 and martin.comment == "RAS"  # 22 / 5 = 4.4
    assert durand.score == 3 and durand.blocking and durand.blocking_text.startswith("Frein bloquant")


def test_bad_rows_are_reported_with_row_and_column_others_stored(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    pid = liberal_preserie_id
    _roster(ws, pid)
    path = write_answers(
        tmp_path / "erreurs.xlsx",
        SHORT,
        [
            [AM_1, 4, 4, 4, 4, 4, "Non", None],  # 2: good
            ["339999999", 4, 4, 4, 4, 4, "Non", None],  # 3: unknown doctor
            [AM_2, 4, 6, "bien", None, 4, "Non", None],  # 4: out of scale, text, missing
            [AM_3, 4, 4, 4, 4, 4, "Peut-être", None],  # 5: not Oui/Non
            [None, 4, 4, 4, 4, 4, "Non", None],  # 6: no identifier
            [AM_1, 1, 1, 1, 1, 1, "Oui", "Doublon"],  # 7: second answer of the same doctor
        ],
    )
    report = followup.import_satisfaction(ws, pid, path)
    assert (report.read, report.recorded, report.rejected) == (6, 1, 5)
    where = [(e.row, e.column) for e in report.errors]
    assert where == [
        (3, "Identifiant PS"),
        (4, "Q2"),
        (4, "Q3"),
        (4, "Q4"),
        (5, "Frein bloquant"),
        (6, "Identifiant PS"),
        (7, "Identifiant PS"),
    ]
    messages = [e.located() for e in report.errors]
    assert messages[0].startswith("Ligne 3, colonne « Identifiant PS » : Aucun médecin")
    assert "« 6 » n'est pas une note de 1 à 5" in messages[1]
    assert "Note manquante" in messages[3]
    assert "déjà une réponse à la ligne 2" in messages[6]
    answers = followup.list_answers(ws, pid)
    assert len(answers) == 1 and answers[0].score == 4 and not answers[0].blocking


@pytest.mark.parametrize("kind", ["not_xlsx", "missing_columns", "no_identifier", "empty_sheet", "no_rows"])
def test_unusable_file_is_refused_whole_and_workspace_unchanged(kind: str, tmp_path: Path) -> None:
    db = tmp_path / "w.sqlite"
    with Workspace.open(db, create=True) as ws:
        pid = (
            create_preserie(ws, editor="E", software="S", version="1", exercise="liberal", cpams=["33"]).id
            or 0
        )
        _roster(ws, pid)
        followup.record_satisfaction(ws, pid, AM_1, 3)
    path = tmp_path / "reponses.xlsx"
    if kind == "not_xlsx":
        path.write_text("Identifiant PS;Q1\n331234567;4\n", encoding="utf-8")
    elif kind == "missing_columns":
        write_answers(path, ["Identifiant PS", "Q1", "Q2"], [[AM_1, 4, 4]])
    elif kind == "no_identifier":
        write_answers(path, SHORT[1:], [[4, 4, 4, 4, 4, "Non", None]])
    elif kind == "empty_sheet":
        write_answers(path, [], [])
    else:
        write_answers(path, SHORT, [])
    before = sha(db)
    with Workspace.open(db) as ws:
        with pytest.raises(UserError) as exc:
            followup.import_satisfaction(ws, pid, path)
        assert len(followup.list_answers(ws, pid)) == 1
    message = str(exc.value)
    assert "reponses.xlsx" in message and "\n" not in message
    if kind == "missing_columns":
        assert "« Q3 - Rapidité" in message and "« Frein bloquant »" in message
    assert sha(db) == before


def test_cli_import_exit_codes_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "w.sqlite"
    with Workspace.open(db, create=True) as ws:
        pid = (
            create_preserie(ws, editor="E", software="S", version="1", exercise="liberal", cpams=["33"]).id
            or 0
        )
        _roster(ws, pid)
    good = write_answers(tmp_path / "bon.xlsx", SHORT, [[AM_1, 4, 4, 4, 4, 4, "Non", None]])
    assert main(["satisfaction", "import", "--db", str(db), str(good)]) == 0
    assert "1 réponse(s) enregistrée(s)" in capsys.readouterr().out
    bad = write_answers(
        tmp_path / "mauvais.xlsx",
        SHORT,
        [[AM_2, 4, 4, 4, 4, 9, "Non", None], [AM_1, 5, 5, 5, 5, 5, "Non", None]],
    )
    assert main(["satisfaction", "import", "--db", str(db), str(bad), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert (data["recorded"], data["replaced"], data["rejected"]) == (1, 1, 1)
    assert data["errors"][0]["row"] == 2 and data["errors"][0]["column"] == "Q5"
    before = sha(db)
    assert main(["satisfaction", "import", "--db", str(db), str(tmp_path / "absent.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "absent.xlsx" in err and "introuvable" in err and sha(db) == before
    template = tmp_path / "modele.xlsx"
    assert main(["satisfaction", "template", str(template)]) == 0
    assert load_workbook(template)["Réponses"]["A1"].value == "Identifiant PS"
