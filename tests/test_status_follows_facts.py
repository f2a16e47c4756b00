"""The présérie's status follows the facts on the command line (issue 17, acceptance): « Lancée »
is refused until the kick-off and the three launch prerequisites, « Validée » without a bilan
that says « Déploiement autorisé »; each refusal is exit 2 with the French reason, and the status
stays as it was. (The window's refusal: tests/ui/test_status_window.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from tests.rosters import liberal_row, write_roster


def status(db: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["preserie", "list", "--db", db, "--json"]) == 0
    return str(json.loads(capsys.readouterr().out)[0]["status"])


def refusal(db: str, capsys: pytest.CaptureFixture[str], value: str) -> str:
    capsys.readouterr()
    assert main(["preserie", "status", value, "--db", db]) == 2
    return " ".join(capsys.readouterr().err.split())


def test_launched_needs_the_kickoff_and_the_launch_prerequisites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "w.sqlite")
    assert main(["preserie", "create", "--db", db, "--editor", "E", "--software", "S", "--version", "1",
                 "--exercise", "libéral", "--cpam", "33"]) == 0  # fmt: skip
    roster = write_roster(tmp_path / "effectif.xlsx", [liberal_row(i) for i in range(5)])
    assert main(["roster", "import", "--db", db, str(roster)]) == 0

    reason = refusal(db, capsys, "lancée")
    assert "Le statut « Lancée » est refusé" in reason
    assert "réunion de lancement" in reason
    assert reason.count("Prérequis de lancement non rempli") == 3
    assert "« ordnum launch done PRÉREQUIS --date DATE »" in reason  # what to type
    assert status(db, capsys) == "preparation"

    assert main(["kickoff", "--db", db, "--date", "03/02/2025"]) == 0
    assert main(["preserie", "update", "--db", db, "--cnda-reference", "CNDA-2025-042"]) == 0
    for code, day in (("cnda", "15/01/2025"), ("support", "20/01/2025")):
        assert main(["launch", "done", code, "--db", db, "--date", day]) == 0
        reason = refusal(db, capsys, "Lancee")  # without the accent, capitalised: the same status
        assert "Prérequis de lancement non rempli" in reason and "réunion de lancement" not in reason
        assert status(db, capsys) == "preparation"

    assert main(["launch", "done", "kit", "--db", db, "--date", "25/01/2025"]) == 0
    capsys.readouterr()
    assert main(["preserie", "status", "lancée", "--db", db]) == 0
    assert "Lancée" in capsys.readouterr().out
    assert status(db, capsys) == "lancee"

    # No trace, no answer: the bilan cannot say « Déploiement autorisé ».
    reason = refusal(db, capsys, "validée")
    assert "Le statut « Validée » est refusé" in reason
    assert "ne conclut pas au déploiement" in reason and "Déploiement autorisé" in reason
    assert "« ordnum bilan » détaille" in reason
    assert status(db, capsys) == "lancee"
