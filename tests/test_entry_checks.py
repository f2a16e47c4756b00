"""Control characters and absurd dates are refused where they come in (issue 12, items 7 and 8):
CLI options, the window's fields, the roster and answers workbooks (with the row and the column);
the year limits are the référentiel's. Stored legacy text still works (closing, exporting)."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ordnum_desktop.cli import main
from ordnum_desktop.cli_commands.arguments import cli_date
from ordnum_desktop.domain import entry_checks
from ordnum_desktop.domain.referentiel import YearRange, load_referentiel
from ordnum_desktop.services import followup
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.followup.anomalies import add_anomaly, close_anomaly, list_anomalies
from ordnum_desktop.services.planning.dates import get_plans, update_plan
from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.roster.workbook import import_roster
from ordnum_desktop.services.workspace.session import Workspace
from tests.rosters import liberal_row, write_roster

VT, ESC = "\x0b", "\x1b"
# As Excel writes them in a workbook (XML cannot hold them), and openpyxl reads them back.
XLSX_VT, XLSX_ESC = "_x000B_", "_x001b_"


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's refusal of an option value
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_text_with_a_control_character_is_refused_and_nothing_stored(
    ws: Workspace, liberal_preserie_id: int, ws_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws.close()
    code, _out, err = _cli(
        capsys, "anomaly", "add", "--db", str(ws_path), "--operation", "creer", f"Recherche{VT}impossible"
    )
    assert code != 0 and "Traceback" not in err
    assert "« description »" in err and "U+000B" in err and "Rien n'a été enregistré" in err
    code, _out, err = _cli(
        capsys, "launch", "done", "--db", str(ws_path), "kit", "--comment", f"réf{ESC}[31m rouge"
    )
    assert code != 0 and "U+001B" in err and "« commentaire »" in err
    with Workspace.open(ws_path) as again:
        assert list_anomalies(again, liberal_preserie_id) == []
    # Newlines and tabs are ordinary text in a note.
    code, _out, err = _cli(
        capsys, "anomaly", "add", "--db", str(ws_path), "--operation", "creer", "Deux\tcolonnes\net lignes"
    )
    assert code == 0, err


@pytest.mark.parametrize(
    ("command", "options"),
    [
        (["anomaly", "add"], ["--operation", "creer", "--date", "31/12/9999", "Lenteur"]),
        (["launch", "done"], ["kit", "--date", "01/01/1850"]),
        (["planning", "set"], ["--ps", "331234567", "--planned", "0001-01-01"]),
        (["bilan"], ["--as-of", "2101-01-01"]),
        (["satisfaction", "record"], ["--ps", "331234567", "--date", "1999-12-31", "--score", "4"]),
    ],
)
def test_cli_dates_outside_the_years_are_refused_with_the_option(
    roster: int,
    ws: Workspace,
    ws_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    options: list[str],
) -> None:
    ws.close()
    code, _out, err = _cli(capsys, *command, "--db", str(ws_path), *options)
    assert code == 2 and "Traceback" not in err
    assert "hors des années 2000 à 2100" in err and "--" in err.split("hors")[0]


def test_the_year_limits_are_the_referentiels(monkeypatch: pytest.MonkeyPatch) -> None:
    narrow = dataclasses.replace(load_referentiel(), date_years=YearRange(2020, 2030))
    monkeypatch.setattr(entry_checks, "load_referentiel", lambda: narrow)
    assert cli_date("2025-03-31") == date(2025, 3, 31)
    with pytest.raises(Exception, match="hors des années 2020 à 2030"):
        cli_date("2019-12-31")


def test_the_services_refuse_what_the_window_fields_would_store(ws: Workspace, roster: int) -> None:
    """The window calls these services: a field holding a vertical tab or a year 9999 is one
    French sentence with the field's name, and nothing is stored."""
    with pytest.raises(UserError, match="« description ».*U\\+000B"):
        add_anomaly(ws, roster, "creer", f"Collé{VT}depuis Word")
    with pytest.raises(UserError, match="« ouverte le ».*hors des années"):
        add_anomaly(ws, roster, "creer", "Lenteur", when=datetime(9999, 12, 31, 12, 0))
    assert list_anomalies(ws, roster) == []
    (doctor, _plan), *_ = get_plans(ws, roster)
    with pytest.raises(UserError, match="« installation prévue » : la date du 01/01/1850"):
        update_plan(ws, doctor.id or 0, planned_install=date(1850, 1, 1))
    with pytest.raises(UserError, match="« nom »"):
        add_doctor(ws, roster, last_name=f"Du{ESC}pont", am="331234575")
    (_doctor, plan), *_ = get_plans(ws, roster)
    assert plan.planned_install is None


def test_a_legacy_control_character_does_not_block_closing_the_anomaly(ws: Workspace, roster: int) -> None:
    anomaly = add_anomaly(ws, roster, "creer", "Recherche impossible", blocking=True)
    con = sqlite3.connect(ws.path)
    con.execute("UPDATE anomaly SET description = ? WHERE id = ?", (f"Collé{VT}avant", anomaly.id))
    con.commit()
    con.close()
    closed = close_anomaly(ws, anomaly.id or 0, resolution="Corrigé en 4.2.1")
    assert closed.closed_at is not None


def test_roster_cells_with_a_control_character_or_an_absurd_date_name_row_and_column(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    path = write_roster(
        tmp_path / "effectif.xlsx",
        [
            liberal_row(0),
            liberal_row(1, **{"Nom": f"Mar{XLSX_VT}tin"}),
            liberal_row(2, **{"Email": f"a{XLSX_ESC}@b.fr"}),
            liberal_row(3, **{"Installation prévue": "01/01/1850"}),
        ],
    )
    report = import_roster(ws, liberal_preserie_id, path)
    assert report.imported == 2
    rejected = {(e.row, e.column): e.message for e in report.rejected}
    assert set(rejected) == {(3, "Nom"), (4, "Email")}
    assert "U+000B" in rejected[(3, "Nom")] and "ligne ignorée" in rejected[(3, "Nom")]
    warned = {(e.row, e.column): e.message for e in report.warnings}
    assert "hors des années 2000 à 2100" in warned[(5, "Installation prévue")]
    plans = {d.last_name: p.planned_install for d, p in get_plans(ws, liberal_preserie_id)}
    assert plans == {"Médecin0": date(2025, 3, 15), "Médecin3": None}


def test_answer_cells_with_a_control_character_name_row_and_column(
    ws: Workspace, roster: int, tmp_path: Path
) -> None:
    template = followup.write_satisfaction_template(tmp_path / "modele.xlsx", ws, roster)
    header = [c.value for c in load_workbook(template)["Réponses"][1]]
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "Réponses"
    sheet.append(header)
    sheet.append(["331234567", "Martin", "", 4, 4, 4, 4, 4, "Non", "", f"Très{XLSX_VT}bien"])
    path = tmp_path / "reponses.xlsx"
    wb.save(path)
    report = followup.import_satisfaction(ws, roster, path)
    assert (report.recorded, report.rejected) == (0, 1)
    (error,) = report.errors
    assert error.row == 2 and error.column == header[-1] and "U+000B" in error.message
    assert followup.list_answers(ws, roster) == []
