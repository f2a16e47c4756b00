"""Acceptance of team mode (issue 15): `ordnum init --db postgresql://…` then the whole command
line flow of the README gives the same `bilan --json` as on a SQLite file."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from tests.rosters import liberal_row, write_roster
from tests.trace_files import HEADER, meeting_rows, rows, write_csv

pytestmark = pytest.mark.slow  # about 10 s: the README's flow twice, PDF and workbooks included

DOCTORS = [f"3312345{i:02d}" for i in range(6)]


def readme_flow(db: str, files: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    """The README's commands in its order, on workspace `db`; returns the bilan JSON figures
    (as of a given day and as of the default day) and what the other commands printed."""

    def ok(*args: str, code: int = 0) -> str:
        done = main([*args, "--db", db])
        out, err = capsys.readouterr()
        assert done == code, (args, out, err)
        assert "Traceback" not in err
        return out

    files.mkdir(exist_ok=True)
    ok("init")
    ok(
        "preserie", "create", "--editor", "Médilogic", "--software", "MédiPrescrire", "--version", "5.2",
        "--exercise", "liberal", "--cpam", "33", "--cpam", "62-artois",
    )  # fmt: skip
    assert main(["roster", "template", str(files / "modele.xlsx")]) == 0
    roster = write_roster(files / "effectif.xlsx", [liberal_row(i) for i in range(len(DOCTORS))])
    ok("roster", "import", str(roster))
    check = json.loads(ok("roster", "check", "--json"))
    ok("preserie", "update", "--cnda-reference", "CNDA-2025-042", "--cnda-date", "15/01/2025")
    for step, day in (("cnda", "15/01/2025"), ("support", "20/01/2025"), ("kit", "25/01/2025")):
        ok("launch", "done", step, "--date", day)
    ok("launch", "list")
    ok("kickoff", "--date", "03/02/2025", "--participants", "Cnam, CPAM 33, éditeur")
    ok("preserie", "status", "lancée")
    for am in DOCTORS:
        ok("planning", "set", "--ps", am, "--installed", "10/02/2025", "--trained", "11/02/2025")
    listed = json.loads(ok("roster", "list", "--json"))
    ok("prerequisites", "add", "Carte e-CPS active pour chaque médecin", "--date", "20/03/2025")
    ok("prerequisites", "validate", "--date", "25/03/2025")
    for am in DOCTORS[:-1]:
        ok("satisfaction", "record", "--ps", am, "--score", "4", "--date", "26/03/2025")
    ok(
        "satisfaction",
        "record",
        "--ps",
        DOCTORS[-1],
        "--score",
        "2",
        "--blocking",
        "Lenteur",
        "--date",
        "26/03/2025",
    )
    ok("anomaly", "add", "--operation", "créer", "--blocking", "Échec de création", "--date", "05/03/2025")
    ok("anomaly", "close", "1", "--date", "10/03/2025")

    # Traces: a first export, a second that overlaps it by a week (duplicates), rows of an
    # identifier outside the roster, one refused row, and an import undone.
    all_rows = [r for i, am in enumerate(DOCTORS) for r in meeting_rows(am, datetime(2025, 3, 3 + i, 8))]
    first = write_csv(files / "traces-mars.csv", all_rows[: len(all_rows) * 2 // 3])
    unknown = ["2025-03-12 10:00:00", "339999999", "", "X-1", "Médicaments", "Oui", "", "", ""]
    refused = ["2025-03-12 10:00:00", DOCTORS[0], "", "Z-1", "PHARMA", "Oui", "", "", ""]
    second = write_csv(
        files / "traces-avril.csv", [*all_rows[len(all_rows) // 2 :], unknown, refused], HEADER
    )
    reports = [json.loads(ok("traces", "import", str(first), "--json"))]
    reports.append(json.loads(ok("traces", "import", str(second), "--json", code=1)))
    extra = write_csv(files / "en-trop.csv", rows(30, (DOCTORS[1],), start=datetime(2025, 3, 20, 9)))
    reports.append(json.loads(ok("traces", "import", str(extra), "--json")))
    ok("traces", "undo", "3")
    batches = ok("traces", "batches")

    bilan = json.loads(ok("bilan", "--as-of", "2025-03-31", "--json"))
    default_day = json.loads(ok("bilan", "--json"))
    early = json.loads(ok("bilan", "--as-of", "2025-03-06", "--json"))
    ok(
        "bilan",
        "--as-of",
        "2025-03-31",
        "--pdf",
        str(files / "bilan.pdf"),
        "--xlsx",
        str(files / "bilan.xlsx"),
    )
    ok("planning", "export", str(files / "envoi"))
    audit = ok("audit", "--limit", "20")
    for report in reports:
        report.pop("file")
    return {
        "bilan": bilan,
        "default_day": default_day,
        "early": early,
        "check": check,
        "roster": listed,
        "imports": reports,
        "batches": [line.split(" le ")[0] for line in batches.splitlines()],  # without the hour
        "audit_lines": len(audit.splitlines()),
        "exports": sorted(p.name for p in (files / "envoi").iterdir()),
    }


def test_the_readme_flow_gives_the_same_bilan_on_a_server(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    on_file = readme_flow(str(tmp_path / "presérie.sqlite"), tmp_path / "fichier", capsys)
    on_server = readme_flow(pg_url, tmp_path / "serveur", capsys)
    assert on_server["bilan"] == on_file["bilan"]
    assert on_server == on_file
    bilan = on_file["bilan"]
    assert isinstance(bilan, dict)
    # The flow is not trivial: duplicates, a refused row, an unknown identifier, an undo.
    imports = on_file["imports"]
    assert isinstance(imports, list)
    assert imports[1]["duplicates"] > 0 and imports[1]["rejected"] == 1 and imports[1]["unmatched"] == 1
    assert bilan["rejected_rows"] == 1
    assert bilan["criteria"]["doctor_rate"]["doctors"][0]["prescriptions"] == 10
