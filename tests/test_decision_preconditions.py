"""The decision's preconditions on a real workspace (issue 17, acceptance): a bilan whose five
criteria are met still says « Prolongation » while the roster (counted over the user doctors) or
the launch prerequisites are not right, and names what to put right, apart from the criteria."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from ordnum_desktop.cli import main
from ordnum_desktop.services.roster.doctors import list_doctors, update_doctor
from ordnum_desktop.services.workspace.session import Workspace
from tests.rosters import liberal_row, write_roster
from tests.trace_files import meeting_rows, write_csv

DOCTORS = [f"3312345{i:02d}" for i in range(5)]


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A libéral présérie, launched, of five doctors of whom only the first is equipped; every
    doctor's traces and answer meet the criteria."""
    path = str(tmp_path / "w.sqlite")
    roster = write_roster(
        tmp_path / "effectif.xlsx",
        [liberal_row(i, **({} if i == 0 else {"Équipé": "Non"})) for i in range(5)],
    )
    rows = [r for i, am in enumerate(DOCTORS) for r in meeting_rows(am, datetime(2025, 3, 3 + i, 8))]
    steps = [
        ["preserie", "create", "--editor", "E", "--software", "S", "--version", "1", "--exercise", "libéral",
         "--cpam", "33"],
        ["roster", "import", str(roster)],
        ["preserie", "update", "--cnda-reference", "CNDA-2025-042", "--cnda-date", "15/01/2025"],
        ["launch", "done", "cnda", "--date", "15/01/2025"],
        ["launch", "done", "support", "--date", "20/01/2025"],
        ["launch", "done", "kit", "--date", "25/01/2025"],
        ["kickoff", "--date", "03/02/2025"],
        ["traces", "import", str(write_csv(tmp_path / "traces.csv", rows))],
        ["prerequisites", "add", "--date", "20/03/2025", "Poste à jour"],
        ["prerequisites", "validate", "--date", "25/03/2025"],
        *(["satisfaction", "record", "--ps", am, "--score", "4", "--date", "26/03/2025"] for am in DOCTORS),
    ]  # fmt: skip
    for step in steps:
        expected = 1 if step[:2] == ["roster", "import"] else 0  # 1: the roster breaks a rule (too few)
        assert main([*step, "--db", path]) == expected, step
    capsys.readouterr()
    return path


def bilan(db: str, capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()  # what the commands before printed
    assert main(["bilan", "--db", db, "--as-of", "31/03/2025", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def failed_codes(result: dict) -> list[str]:
    return [f["code"] for f in result["preconditions"]["failed"]]


def equip_all(db: str, **fields: object) -> None:
    with Workspace.open(db) as ws:
        for d in list_doctors(ws, 1):
            update_doctor(ws, d.id or 0, equipped=True, **fields)


def test_five_doctors_one_user_is_too_few(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = bilan(db, capsys)
    assert all(c["met"] for c in result["criteria"].values()), result["criteria"]
    assert result["decision"] == "extend"
    assert result["preconditions"]["met"] is False
    assert "too_few_ps" in failed_codes(result)

    pdf = tmp_path / "bilan.pdf"
    assert main(["bilan", "--db", db, "--as-of", "31/03/2025", "--pdf", str(pdf)]) == 0
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Prolongation" in text and "Déploiement autorisé" not in text
    assert "Préconditions" in text  # worded apart from the criteria…
    assert "Critères non atteints" not in text  # …of which none failed
    message = result["preconditions"]["failed"][failed_codes(result).index("too_few_ps")]["message"]
    assert " ".join(message.split()[:4]) in " ".join(text.split())


def test_every_precondition_fixed_gives_deploy_and_each_fault_its_code(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    equip_all(db)
    result = bilan(db, capsys)
    assert (result["decision"], result["preconditions"]) == ("deploy", {"met": True, "failed": []})

    equip_all(db, consent=False)  # a roster error: no « accord de principe »
    assert "missing_consent" in failed_codes(result := bilan(db, capsys))
    assert result["decision"] == "extend"
    equip_all(db, consent=True)

    assert main(["launch", "undo", "kit", "--db", db]) == 0
    result = bilan(db, capsys)
    assert (result["decision"], failed_codes(result)) == ("extend", ["launch_kit"])
    assert main(["launch", "done", "kit", "--date", "25/01/2025", "--db", db]) == 0

    assert main(["preserie", "update", "--cnda-reference", "", "--db", db]) == 0
    result = bilan(db, capsys)
    assert (result["decision"], failed_codes(result)) == ("extend", ["launch_cnda"])
    assert main(["preserie", "update", "--cnda-reference", "CNDA-2025-042", "--db", db]) == 0

    # A launch prerequisite done after the bilan's day does not count at that day.
    assert main(["launch", "done", "support", "--date", "01/04/2025", "--db", db]) == 0
    result = bilan(db, capsys)
    assert (result["decision"], failed_codes(result)) == ("extend", ["launch_support"])
    assert main(["launch", "done", "support", "--date", "20/01/2025", "--db", db]) == 0
    assert bilan(db, capsys)["decision"] == "deploy"
