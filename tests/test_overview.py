"""`ordnum overview`: one line per présérie with its status, period, last bilan and next step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.workspace.session import Workspace
from tests.bilan_fixture import populate


def test_overview_lists_every_preserie(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "suivi.sqlite"
    ws = Workspace.open(path, create=True)
    try:
        populate(ws, tmp_path)
        create_preserie(ws, editor="Autre", software="Logi", version="1.0", exercise="centre", cpams=["94"])
    finally:
        ws.close()
    db = ["--db", str(path)]
    assert (
        main(
            [
                "bilan",
                "close",
                *db,
                "--preserie",
                "1",
                "--as-of",
                "2025-04-08",
                "--meeting-date",
                "2025-04-09",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["overview", *db, "--json"]) == 0
    lines = json.loads(capsys.readouterr().out)
    assert [x["editor"] for x in lines] == ["Santé & Co", "Autre"]
    assert lines[0]["last_decision"] == "extend" and lines[0]["status"] == "prolongee"
    assert lines[0]["next_step"] == "nouveau bilan de la période prolongée"
    assert lines[1]["last_bilan"] is None and lines[1]["period"]["number"] == 1
    assert main(["overview", *db]) == 0
    text = capsys.readouterr().out
    assert "Prolongée" in text and "aucun bilan clos" in text
