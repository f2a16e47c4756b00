"""`ordnum traces template/import` and `ordnum bilan`: outputs and exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.workspace.session import Workspace
from tests.engines import address_digest

# On a SQLite file and on a PostgreSQL server alike (issue 15).
pytestmark = pytest.mark.both_engines

HEADER = (
    "Horodatage;Identifiant PS;Identifiant ordonnance;Type de prestation;Ordonnance numérique;"
    "Opération;Code retour"
)
GOOD = [
    "2025-03-03 09:00;331234567;P1;Médicaments;Oui;Créer;0",
    "2025-03-03 09:05;331234567;P2;Médicaments;Non;;",
]


def csv(path: Path, lines: list[str], header: str = HEADER) -> str:
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def db(ws: Workspace, db_address: str, liberal_preserie_id: int) -> str:
    add_doctor(ws, liberal_preserie_id, last_name="Martin", first_name="Anne", am="331234567", equipped=True)
    ws.close()  # the command opens the file itself (one writer at a time)
    return db_address


def test_template_then_import_of_it_is_refused_as_empty(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "modele.xlsx"
    assert main(["traces", "template", str(out)]) == 0
    assert out.exists()
    assert main(["traces", "import", "--db", db, str(out)]) == 2
    assert "ne contient aucune ligne" in capsys.readouterr().err


def test_import_json_report_and_exit_statuses(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["traces", "import", "--db", db, csv(tmp_path / "a.csv", GOOD), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {
        "file": "a.csv",
        "read": 2,
        "accepted": 2,
        "duplicates": 0,
        "rejected": 0,
        "unmatched": 0,
        "ignored_columns": [],
        "out_of_scope": 0,
        "encoding": "UTF-8",
        "errors": [],
        "error_groups": [],
    }
    bad = [*GOOD, "2025-03-03 09:10;331234567;P3;Médicaments;Peut-être;;"]
    assert main(["traces", "import", "--db", db, csv(tmp_path / "b.csv", bad), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["duplicates"], report["rejected"]) == (2, 1)
    assert report["errors"] == [
        {
            "row": 4,
            "column": "Ordonnance numérique",
            "message": "Valeur « Peut-être » non reconnue : Oui ou Non attendu.",
        }
    ]


def test_import_text_output_is_french(tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [*GOOD, "2025-03-03 09:10;339999999;X1;Biologie;Oui;;", "32/13/2025;331234567;P3;Biologie;Oui;;"]
    assert main(["traces", "import", "--db", db, csv(tmp_path / "a.csv", lines)]) == 1
    out = capsys.readouterr().out
    assert "4 ligne(s) lue(s), 3 enregistrée(s), 0 doublon(s) ignoré(s), 1 rejetée(s)" in out
    assert "1 ligne(s) enregistrée(s) d'un PS inconnu" in out
    assert "Ligne 5, colonne « Horodatage » : Date illisible : « 32/13/2025 »" in out


def test_refused_file_exit_2_one_sentence_database_unchanged(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = address_digest(db)
    path = csv(tmp_path / "a.csv", GOOD, header="Date;PS")
    assert main(["traces", "import", "--db", db, path, "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(
        "Le fichier « a.csv » est refusé : il lui manque les colonnes obligatoires"
    )
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert address_digest(db) == before


def test_bilan_json_has_the_spec_shape(tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["traces", "import", "--db", db, csv(tmp_path / "a.csv", GOOD)])
    capsys.readouterr()
    assert main(["bilan", "--db", db, "--as-of", "2025-03-31", "--json"]) == 0
    b = json.loads(capsys.readouterr().out)
    assert b["as_of"] == "2025-03-31"
    assert set(b["criteria"]) == {
        "doctor_rate",
        "registration",
        "operations",
        "prerequisites",
        "satisfaction",
    }
    assert b["criteria"]["doctor_rate"]["doctors"][0] == {
        "identifier": "331234567",
        "name": "Martin Anne",
        "doctor_id": 1,
        "prescriptions": 2,
        "digital": 1,
        "rate": 0.5,
        "met": True,
    }
    assert b["criteria"]["registration"] == {
        "met": True,
        "threshold": 0.7,
        "created": 1,
        "registered": 1,
        "rate": 1.0,
    }
    assert b["criteria"]["operations"]["creer"] == {"calls": 1, "succeeded": 1}
    assert b["unmatched_rows"] == 0 and b["decision"] == "extend"


def test_bilan_text_summary(tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["traces", "import", "--db", db, csv(tmp_path / "a.csv", GOOD)])
    capsys.readouterr()
    assert main(["bilan", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "au 03/03/2025" in out
    assert "Martin Anne (331234567) : 1 / 2 = 50,0\u202f% — ok" in out
    assert "Décision : Prolongation de la présérie" in out


def test_bilan_bad_as_of_and_unknown_preserie(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    # Both French and ISO dates are read (issue 17); anything else is refused in French, exit 2.
    assert main(["bilan", "--db", db, "--as-of", "31/03/2025", "--json"]) in (0, 1)
    french = json.loads(capsys.readouterr().out)
    assert main(["bilan", "--db", db, "--as-of", "2025-03-31", "--json"]) in (0, 1)
    assert json.loads(capsys.readouterr().out) == french
    assert french["as_of"] == "2025-03-31"
    with pytest.raises(SystemExit) as refused:
        main(["bilan", "--db", db, "--as-of", "32/13/2025"])
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert "« 32/13/2025 » illisible" in err and "JJ/MM/AAAA" in err
    assert main(["bilan", "--db", db, "--preserie", "9"]) == 2
    assert "Aucune présérie n° 9" in capsys.readouterr().err


def test_rejected_rows_are_stated_by_the_bilan_until_the_import_is_undone(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Half a file rejected is not silent: JSON `rejected_rows`, the CLI's sentence, the PDF."""
    bad = [f"2025-03-03 10:{k:02d};331234567;X{k};PHARMA;Oui;;" for k in range(3)]
    assert main(["traces", "import", "--db", db, "--json", csv(tmp_path / "a.csv", GOOD + bad)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["rejected"] == 3
    assert main(["bilan", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rejected_rows"] == 3
    pdf = tmp_path / "b.pdf"
    assert main(["bilan", "--db", db, "--pdf", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "3 lignes de traces rejetées à l'import ne sont pas comptées" in out
    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "3 lignes de traces rejetées à l'import ne sont pas comptées" in text
    assert main(["traces", "undo", "--db", db, "1"]) == 0
    capsys.readouterr()
    assert main(["bilan", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rejected_rows"] == 0
