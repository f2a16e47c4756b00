"""Issue 17, import side: rejections grouped by cause, excluded prestations set aside (« hors
périmètre »), on real files imported into a real workspace, through the service and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from ordnum_desktop.cli import main
from ordnum_desktop.domain.error_groups import group_errors
from ordnum_desktop.domain.fr_format import NNBSP
from ordnum_desktop.domain.row_error import RowError
from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.traces.importer import import_traces, list_batches
from ordnum_desktop.services.traces.report_workbook import write_import_report
from ordnum_desktop.services.workspace.session import Workspace
from tests.trace_files import HEADER, rows, write_csv

# On a SQLite file and on a PostgreSQL server alike (issue 15); tests that take `ws_path` stay
# on the file.
pytestmark = pytest.mark.both_engines

PRESTATION = HEADER.index("Type de prestation")
UNKNOWN_PHARMA = (
    "Type de prestation « PHARMA » inconnu (attendu : Médicaments, Dispositifs médicaux, Biologie, "
    "Actes infirmiers, Kinésithérapie, Orthophonie, Orthoptie, Pédicurie)."
)


def _pharma_rows(total: int, bad: int) -> tuple[list[list[str]], list[int]]:
    """`total` valid rows of which the first `bad` but two (rows 4 and 6 stay good) say PHARMA;
    returns the rows and the file row numbers of the bad ones (the header is row 1)."""
    data = list(rows(total, identifiers=["331234567"]))
    bad_rows: list[int] = []
    index = 0
    while len(bad_rows) < bad:
        if index not in (2, 4):
            data[index][PRESTATION] = "PHARMA"
            bad_rows.append(index + 2)
        index += 1
    return data, bad_rows


def _xlsx(path: Path, data: list[list[str]]) -> Path:
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("Traces")
    sheet.append(HEADER)
    for r in data:
        sheet.append(r)
    wb.save(path)
    return path


def _stored(ws: Workspace) -> int:
    with ws.session() as s:
        return int(s.connection().exec_driver_sql("SELECT count(*) FROM trace_row").scalar_one())


@pytest.fixture
def db(ws: Workspace, ws_path: Path, liberal_preserie_id: int) -> str:
    add_doctor(ws, liberal_preserie_id, last_name="Martin", first_name="Anne", am="331234567", equipped=True)
    ws.close()  # the command opens the file itself (one writer at a time)
    return str(ws_path)


def test_groups_are_keyed_by_column_and_message_largest_first() -> None:
    errors = [
        RowError(n, "Type de prestation", "Type de prestation « PHARMA » inconnu.") for n in range(2, 40)
    ]
    errors += [
        RowError(7, "Horodatage", "Date illisible : « 32/13 »."),
        RowError(9, None, "Ligne illisible."),
    ]
    errors.append(RowError(50, "Type de prestation", "Type de prestation « RADIO » inconnu."))
    groups = group_errors(errors)
    assert [(g.column, g.count) for g in groups] == [
        ("Type de prestation", 38),
        ("Horodatage", 1),
        (None, 1),
        ("Type de prestation", 1),
    ]
    assert groups[0].rows == tuple(range(2, 12))  # the first ten rows of the group
    assert groups[0].sentence() == (
        "Type de prestation « PHARMA » inconnu : 38 lignes, dont 2, 3, 4, 5, 6, 7, 8, 9, 10, 11…"
    )
    assert groups[1].sentence() == "Ligne 7, colonne « Horodatage » : Date illisible : « 32/13 »."
    three = group_errors(
        [RowError(n, "Ordonnance numérique", "Valeur « ? » non reconnue.") for n in (4, 8, 9)]
    )
    # The column is named when the message does not name it.
    assert three[0].sentence() == "« Ordonnance numérique » — Valeur « ? » non reconnue : 3 lignes (4, 8, 9)."


def test_one_unknown_code_in_2220_rows_is_one_group_in_the_cli_and_the_json(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data, bad_rows = _pharma_rows(2400, 2220)
    path = _xlsx(tmp_path / "traces-mars.xlsx", data)
    assert main(["traces", "import", "--db", db, str(path)]) == 1  # some rows rejected
    out = capsys.readouterr().out
    expected = f"Type de prestation « PHARMA » inconnu (attendu : Médicaments, Dispositifs médicaux, Biologie, Actes infirmiers, Kinésithérapie, Orthophonie, Orthoptie, Pédicurie) : 2{NNBSP}220 lignes, dont 2, 3, 5, 7, 8, 9, 10, 11, 12, 13…"  # noqa: E501
    assert f"  {expected}\n" in out
    assert out.count("PHARMA") == 1  # one line, not 2 220 nor 50
    assert "autre(s) erreur(s)" not in out

    # The same file again, as JSON: every row is still listed, and the one group.
    assert main(["traces", "import", "--db", db, str(path), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["rejected"] == 2220 and len(report["errors"]) == 2220
    assert report["error_groups"] == [
        {"column": "Type de prestation", "message": UNKNOWN_PHARMA, "count": 2220, "rows": bad_rows[:10]}
    ]
    assert (
        report["read"]
        == report["accepted"] + report["duplicates"] + report["rejected"] + report["out_of_scope"]
    )


def test_two_unknown_codes_make_two_groups_and_the_workbook_lists_them(
    ws: Workspace, roster: int, tmp_path: Path
) -> None:
    data = list(rows(30, identifiers=["331234567"]))
    for i in range(0, 20):
        data[i][PRESTATION] = "PHARMA" if i < 15 else "Kiné??"
    report = import_traces(ws, roster, write_csv(tmp_path / "t.csv", data))
    assert [(g.message.split(" inconnu")[0], g.count) for g in report.error_groups] == [
        ("Type de prestation « PHARMA »", 15),
        ("Type de prestation « Kiné?? »", 5),
    ]
    out = write_import_report(report, [], tmp_path / "rapport.xlsx")
    book = openpyxl.load_workbook(out)
    sheet = book["Motifs de refus"]
    assert [c.value for c in sheet[1]] == ["Colonne", "Motif", "Lignes", "Premières lignes"]
    assert sheet["C2"].value == 15 and sheet["D2"].value == "2, 3, 4, 5, 6, 7, 8, 9, 10, 11…"
    assert sheet["C3"].value == 5 and sheet["D3"].value == "17, 18, 19, 20, 21"
    assert len(book["Lignes refusées"]["A"]) == 21  # header + every rejected row


def test_excluded_prestations_are_set_aside_not_stored_not_rejected(
    tmp_path: Path, db: str, liberal_preserie_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    data = list(rows(10, identifiers=["331234567"]))
    data[1][PRESTATION] = "Imagerie"
    data[3][PRESTATION] = "TRANSPORT SANITAIRE"
    data[5][PRESTATION] = "transports sanitaires"
    data[6][0] = "pas une date"  # an excluded row is set aside whatever its other cells
    data[6][PRESTATION] = "imagerie médicale"
    path = write_csv(tmp_path / "traces.csv", data)
    assert main(["traces", "import", "--db", db, str(path), "--json"]) == 0  # nothing rejected
    report = json.loads(capsys.readouterr().out)
    assert (report["read"], report["accepted"], report["rejected"], report["out_of_scope"]) == (10, 6, 0, 4)
    assert report["errors"] == [] and report["error_groups"] == []

    ws = Workspace.open(Path(db))
    try:
        assert _stored(ws) == 6
        [batch] = list_batches(ws, liberal_preserie_id)
        assert (batch.read, batch.accepted, batch.rejected, batch.out_of_scope) == (10, 6, 0, 4)
    finally:
        ws.close()

    # Text output of the same file (now all duplicates): the sentence names the excluded types.
    assert main(["traces", "import", "--db", db, str(path)]) == 0
    out = capsys.readouterr().out
    assert "4 lignes hors périmètre (imagerie, transports sanitaires) mises de côté" in out


def test_excluded_types_are_data_of_the_referentiel() -> None:
    from ordnum_desktop.domain.referentiel import load_referentiel

    ref = load_referentiel()
    assert [c.code for c in ref.excluded_prestation_types] == ["imagerie", "transports_sanitaires"]
    assert ref.excluded_prestation("Transports") is not None
    assert ref.prestation("Imagerie") is None  # never an accepted type
