"""`ordnum` alone runs a whole présérie, from `init` to a signed « Déploiement autorisé », with
no window: every step a coordinator takes, dated as it happened (issue 17, acceptance)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from ordnum_desktop.cli import main
from tests.rosters import liberal_row, write_roster
from tests.trace_files import HEADER, meeting_rows, write_csv

# On a SQLite file and on a PostgreSQL server alike (issue 15).
pytestmark = pytest.mark.both_engines

DOCTORS = [f"3312345{i:02d}" for i in range(5)]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_whole_preserie_from_the_command_line(
    tmp_path: Path, db_address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_address

    def ok(*args: str) -> str:
        code, out, err = run(capsys, *args, "--db", db)
        assert code == 0, (args, out, err)
        return out

    def refused(*args: str) -> str:
        code, out, err = run(capsys, *args, "--db", db)
        assert code == 2, (args, out, err)
        return err

    ok("init")
    ok(
        "preserie", "create", "--editor", "Éditeur", "--software", "MédiLog", "--version", "4.2",
        "--exercise", "libéral", "--cpam", "33",
    )  # fmt: skip
    roster = write_roster(tmp_path / "effectif.xlsx", [liberal_row(i) for i in range(5)])
    ok("roster", "import", str(roster))
    ok("roster", "check")

    reason = refused("preserie", "status", "lancée")
    assert "lancement" in reason

    ok("preserie", "update", "--cnda-reference", "CNDA-2025-042", "--cnda-date", "15/01/2025")
    ok("launch", "done", "cnda", "--date", "15/01/2025")
    ok("launch", "done", "support", "--date", "2025-01-20")
    ok("launch", "done", "kit", "--date", "25/01/2025")
    ok("kickoff", "--date", "03/02/2025", "--participants", "CPAM 33, Éditeur, médecins")
    ok("preserie", "status", "lancée")
    for am in DOCTORS:
        ok(
            "planning",
            "set",
            "--ps",
            am,
            "--installed",
            "24/02/2025",
            "--trained",
            "2025-02-25",
            "--traces-on",
            "26/02/2025",
        )
    listed = json.loads(ok("roster", "list", "--json"))
    assert [d["am"] for d in listed["doctors"]] == DOCTORS and all(d["equipped"] for d in listed["doctors"])

    rows = [r for i, am in enumerate(DOCTORS) for r in meeting_rows(am, datetime(2025, 3, 3 + i, 8))]
    traces = write_csv(tmp_path / "traces.csv", rows, HEADER)
    ok("traces", "import", str(traces))

    out = ok(
        "anomaly", "add", "--operation", "créer", "--blocking", "--date", "05/03/2025", "Refus à la création"
    )  # fmt: skip
    assert "Anomalie n° 1 enregistrée" in out
    ok("anomaly", "close", "1", "--date", "10/03/2025", "--resolution", "Correctif 4.2.1")
    ok("prerequisites", "add", "--date", "20/03/2025", "Poste à jour")
    ok("prerequisites", "validate", "--date", "25/03/2025")
    for am in DOCTORS:
        ok("satisfaction", "record", "--ps", am, "--score", "4", "--date", "26/03/2025")

    bilan = json.loads(ok("bilan", "--as-of", "31/03/2025", "--json"))
    assert bilan["decision"] == "deploy", bilan
    assert bilan["preconditions"] == {"met": True, "failed": []}
    assert bilan["rejected_rows"] == 0

    early = json.loads(ok("bilan", "--as-of", "2025-03-04", "--json"))
    assert early["decision"] == "extend"  # the blocking anomaly is still open then

    pdf = tmp_path / "bilan.pdf"
    ok("bilan", "--as-of", "31/03/2025", "--pdf", str(pdf))
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    for expected in ("CNDA-2025-042", "15/01/2025", "20/01/2025", "25/01/2025", "03/02/2025"):
        assert expected in text, expected
    assert "Déploiement autorisé" in text

    ok("preserie", "status", "validée")
