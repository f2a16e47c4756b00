"""`ordnum overview`: one line per présérie with its status, period, last bilan and next step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.workspace.session import Workspace


def test_overview_lists_every_preserie(populated_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = populated_path
    ws = Workspace.open(path)
    try:
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


def test_overview_weeks_next_dated_step_overdue_and_workbook(
    tmp_path: Path, populated_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    from openpyxl import load_workbook

    from ordnum_desktop.services.followup.prerequisites import update_preserie
    from ordnum_desktop.services.lifecycle.overview import COLUMNS, overview

    path = populated_path
    ws = Workspace.open(path)
    try:
        other = create_preserie(
            ws, editor="Autre", software="Logi", version="1.0", exercise="centre", cpams=["94"]
        )
        update_preserie(ws, other.id, kickoff_date=date(2025, 5, 1))
        update_preserie(ws, 1, bilan_date=date(2025, 4, 10))
        first, second = overview(ws, today=date(2025, 4, 9))
        # Fixture: first e-prescription 04/03/2025, kick-off 20/02/2025, latest trace 08/04/2025.
        assert (first.weeks_since_first, first.weeks_in_period) == (5, 6)
        assert (first.next_step, first.next_step_date) == ("bilan à clore en réunion", date(2025, 4, 10))
        assert first.cpam_names == ("CPAM de la Gironde", "CPAM de l'Artois") and first.overdue == ()
        assert (second.next_step, second.next_step_date) == ("réunion de lancement", date(2025, 5, 1))
        assert second.weeks_since_first is None
        late = overview(ws, today=date(2025, 4, 20))[0]
        assert late.overdue == ("bilan prévu le 10/04/2025 non clos",)
    finally:
        ws.close()
    out = tmp_path / "vue.xlsx"
    assert main(["overview", "--db", str(path), "--xlsx", str(out)]) == 0
    assert "Écrit" in capsys.readouterr().out
    rows = list(load_workbook(out)["Vue d'ensemble"].iter_rows(values_only=True))
    assert list(rows[0]) == [c.title for c in COLUMNS]
    weeks = [c.title for c in COLUMNS].index("Semaines depuis la 1re e-prescription")
    assert [r[weeks] for r in rows[1:]] == [5, None]
    assert main(["overview", "--db", str(path), "--xlsx", str(out)]) == 2  # never overwritten silently
    assert "--force" in capsys.readouterr().err
