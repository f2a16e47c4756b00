"""A bilan is a function of its date (issue 17, acceptance): reprinted at D after records dated
later — an anomaly opened, another closed, a prerequisite added, an answer, a launch prerequisite
done — it gives the same JSON and the same digest (in the PDF's footer too); at a later date
those records count."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from ordnum_desktop.cli import main
from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.bilan.document import figures_digest
from ordnum_desktop.services.workspace.session import Workspace
from tests.rosters import liberal_row, write_roster
from tests.trace_files import meeting_rows, write_csv

DOCTORS = [f"3312345{i:02d}" for i in range(5)]
D = "20/03/2025"


def run(db: str, *args: str) -> None:
    assert main([*args, "--db", db]) == 0, args


@pytest.fixture
def db(tmp_path: Path) -> str:
    """Five user doctors whose traces meet the criteria; by D: the CNDA and the support done
    (not the kit), one blocking anomaly open, one prerequisite validated, three answers of five."""
    path = str(tmp_path / "w.sqlite")
    roster = write_roster(tmp_path / "effectif.xlsx", [liberal_row(i) for i in range(5)])
    rows = [r for i, am in enumerate(DOCTORS) for r in meeting_rows(am, datetime(2025, 3, 3 + i, 8))]
    run(path, "preserie", "create", "--editor", "E", "--software", "S", "--version", "1",
        "--exercise", "liberal", "--cpam", "33")  # fmt: skip
    run(path, "roster", "import", str(roster))
    run(path, "preserie", "update", "--cnda-reference", "CNDA-2025-042", "--cnda-date", "15/01/2025")
    run(path, "launch", "done", "cnda", "--date", "15/01/2025")
    run(path, "launch", "done", "support", "--date", "20/01/2025")
    run(path, "kickoff", "--date", "03/02/2025")
    run(path, "traces", "import", str(write_csv(tmp_path / "traces.csv", rows)))
    run(path, "anomaly", "add", "--operation", "créer", "--blocking", "--date", "05/03/2025", "Refus")
    run(path, "prerequisites", "add", "--date", "10/03/2025", "Poste à jour")
    run(path, "prerequisites", "validate", "--date", "12/03/2025")
    for am in DOCTORS[:3]:
        run(path, "satisfaction", "record", "--ps", am, "--score", "4", "--date", "15/03/2025")
    return path


def bilan_json(db: str, day: str, capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert main(["bilan", "--db", db, "--as-of", day, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def digest_at(db: str, day: date) -> str:
    with Workspace.open(db) as ws:
        return figures_digest(compute_bilan(ws, 1, day))


def pdf_digest(db: str, day: str, out: Path) -> str:
    assert main(["bilan", "--db", db, "--as-of", day, "--pdf", str(out)]) == 0
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    found = set(re.findall(r"empreinte des chiffres ([0-9a-f]{12})", text))
    assert len(found) == 1, found  # one digest, on every page
    return found.pop()


def test_a_past_bilan_reprinted_after_later_records_is_unchanged(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = bilan_json(db, D, capsys)
    digest = digest_at(db, date(2025, 3, 20))
    assert before["decision"] == "extend"
    assert before["criteria"]["operations"]["open_blocking_anomalies"] == 1
    assert before["criteria"]["prerequisites"]["met"] is True
    assert before["criteria"]["satisfaction"]["answered"] == 3
    assert [f["code"] for f in before["preconditions"]["failed"]] == ["launch_kit"]

    # Recorded after D, each with its own date.
    run(db, "anomaly", "close", "1", "--date", "25/03/2025")
    run(db, "anomaly", "add", "--operation", "consulter", "--date", "22/03/2025", "Lenteur")
    run(db, "prerequisites", "add", "--date", "21/03/2025", "Lecteur de carte")
    run(db, "prerequisites", "validate", "--date", "23/03/2025")
    for am in DOCTORS[3:]:
        run(db, "satisfaction", "record", "--ps", am, "--score", "5", "--date", "26/03/2025")
    run(db, "launch", "done", "kit", "--date", "27/03/2025")

    assert bilan_json(db, D, capsys) == before
    assert digest_at(db, date(2025, 3, 20)) == digest
    assert pdf_digest(db, D, tmp_path / "bilan.pdf") == digest  # the footer of the reprint

    # Between the records: the prerequisite added on the 21st and not yet validated fails criterion 4.
    between = bilan_json(db, "21/03/2025", capsys)
    assert between["criteria"]["prerequisites"]["met"] is False
    assert between["criteria"]["prerequisites"]["count"] == 2

    later = bilan_json(db, "31/03/2025", capsys)
    assert later["criteria"]["operations"]["open_blocking_anomalies"] == 0
    assert later["criteria"]["prerequisites"] == {
        "met": True,
        "count": 2,
        "validated_at": "2025-03-23 12:00:00",
    }
    assert later["criteria"]["satisfaction"]["answered"] == 5
    assert later["preconditions"] == {"met": True, "failed": []}
    assert later["decision"] == "deploy"
    assert digest_at(db, date(2025, 3, 31)) != digest
