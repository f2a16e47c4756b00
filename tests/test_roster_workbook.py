from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ordnum_desktop.services.errors import Hint, RuleError, UserError
from ordnum_desktop.services.planning.dates import get_plans, update_plan
from ordnum_desktop.services.roster.doctors import add_doctor, check_roster_for, list_doctors
from ordnum_desktop.services.roster.workbook import export_roster, import_roster, write_roster_template
from ordnum_desktop.services.workspace.session import Workspace
from tests.engines import state_digest
from tests.rosters import liberal_row, write_roster

# On a SQLite file and on a PostgreSQL server alike (issue 15); tests that take `ws_path` stay
# on the file.
pytestmark = pytest.mark.both_engines


def test_template_has_dropdowns_and_help_sheet(tmp_path: Path) -> None:
    path = write_roster_template(tmp_path / "modele.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "PS" and "Aide" in wb.sheetnames
    headers = [c.value for c in wb["PS"][1]]
    assert headers[:5] == ["Nom", "Prénom", "Mode d'exercice", "Spécialité", "N° AM"]
    formulas = {dv.formula1 for dv in wb["PS"].data_validations.dataValidation}
    assert any("Listes!$A$2" in f for f in formulas)
    listed = [wb["Listes"].cell(row=i, column=4).value for i in range(2, 23)]
    assert "62-artois" in listed and "76-le-havre" in listed
    help_text = " ".join(str(c.value) for row in wb["Aide"].iter_rows() for c in row if c.value)
    assert "accord de principe" in help_text


def test_round_trip_template_fill_import(ws: Workspace, liberal_preserie_id: int, tmp_path: Path) -> None:
    rows = [liberal_row(i) for i in range(5)]
    rows[1] = liberal_row(1, **{"N° AM": 331234501, "Équipé": "non", "Installation prévue": date(2025, 4, 2)})
    rows[2] = liberal_row(2, **{"Mode d'exercice": "LIBERAL", "Spécialité": "Médecine générale"})
    path = write_roster(tmp_path / "effectif.xlsx", rows)
    report = import_roster(ws, liberal_preserie_id, path)
    assert report.imported == 5 and report.rejected == []
    doctors = list_doctors(ws, liberal_preserie_id)
    assert [d.last_name for d in doctors] == [f"Médecin{i}" for i in range(5)]
    assert doctors[1].am == "331234501" and not doctors[1].equipped
    assert doctors[2].specialty == "01" and doctors[0].structure == "cabinet_groupe"
    plans = dict((d.id, p) for d, p in get_plans(ws, liberal_preserie_id))
    assert plans[doctors[0].id].planned_install == date(2025, 3, 15)
    assert plans[doctors[1].id].planned_install == date(2025, 4, 2)
    # Four user doctors: the not-equipped one does not count towards the minimum of five.
    assert [f.code for f in check_roster_for(ws, liberal_preserie_id).errors] == ["too_few_ps"]


def test_rows_breaking_rules_are_loaded_and_flagged(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    rows = [liberal_row(i) for i in range(3)] + [liberal_row(0, Nom="Doublon")]
    rows.append(liberal_row(9, **{"N° AM": "12AB", "Accord de principe": "peut-être"}))
    rows.append([None, "Sans nom", "Libéral"] + [None] * 13)
    report = import_roster(ws, liberal_preserie_id, write_roster(tmp_path / "e.xlsx", rows))
    assert report.imported == 5
    assert [r.row for r in report.rejected] == [7]
    assert report.warnings[0].row == 6 and report.warnings[0].column == "Accord de principe"
    codes = {f.code for f in check_roster_for(ws, liberal_preserie_id).errors}
    assert {"duplicate_ps", "invalid_identifier", "missing_consent"} <= codes


def test_replace_is_explicit_and_keeps_planning(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    first = write_roster(tmp_path / "a.xlsx", [liberal_row(i) for i in range(5)])
    import_roster(ws, liberal_preserie_id, first)
    kept = list_doctors(ws, liberal_preserie_id)[0]
    update_plan(ws, kept.id or 0, training_date=date(2025, 3, 20))
    second = write_roster(tmp_path / "b.xlsx", [liberal_row(0), liberal_row(7)])
    before = state_digest(ws)
    with pytest.raises(RuleError, match="déjà un effectif de 5") as refused:
        import_roster(ws, liberal_preserie_id, second)
    assert refused.value.hint is Hint.REPLACE_ROSTER
    assert state_digest(ws) == before
    report = import_roster(ws, liberal_preserie_id, second, replace=True)
    assert report.imported == 2 and report.replaced == 4
    plans = {d.last_name: (d.id, p) for d, p in get_plans(ws, liberal_preserie_id)}
    assert plans["Médecin0"][0] == kept.id
    assert plans["Médecin0"][1].training_date == date(2025, 3, 20)


def test_headers_matched_ignoring_case_accents_and_order(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    wb = Workbook()
    sheet = wb.active
    sheet.append(
        ["ACCORD DE PRINCIPE", "n° am", "nom", "Prenom", "compatibilite verifiee", "equipe", "Commentaire"]
    )
    sheet.append(["oui", 51234567, "Lefèvre", "Zoé", "O", 1, "x"])
    wb.save(tmp_path / "libre.xlsx")
    report = import_roster(ws, liberal_preserie_id, tmp_path / "libre.xlsx")
    assert report.ignored_columns == ["Commentaire"]
    d = list_doctors(ws, liberal_preserie_id)[0]
    assert (d.last_name, d.am, d.consent, d.equipped, d.compatibility_checked) == (
        "Lefèvre",
        "051234567",
        True,
        True,
        True,
    )


@pytest.mark.parametrize(
    "content,needle", [(b"not a zip at all", "n'est pas un classeur"), (b"", "n'est pas un classeur")]
)
def test_unreadable_file_is_refused(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path, content: bytes, needle: str
) -> None:
    path = tmp_path / "faux.xlsx"
    path.write_bytes(content)
    with pytest.raises(UserError, match=needle):
        import_roster(ws, liberal_preserie_id, path)


def test_missing_name_column_is_refused(ws: Workspace, liberal_preserie_id: int, tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["Prénom", "N° AM"])
    wb.save(tmp_path / "sans-nom.xlsx")
    with pytest.raises(UserError, match="« Nom »"):
        import_roster(ws, liberal_preserie_id, tmp_path / "sans-nom.xlsx")


def test_export_writes_formula_like_text_as_text(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    add_doctor(ws, liberal_preserie_id, last_name='=HYPERLINK("http://x")', email="@evil", am="331234500")
    out = export_roster(ws, liberal_preserie_id, tmp_path / "export.xlsx")
    sheet = load_workbook(out)["PS"]
    assert sheet["A2"].value == '=HYPERLINK("http://x")' and sheet["A2"].data_type == "s"
    assert sheet["O2"].value == "@evil" and sheet["O2"].data_type == "s"
    assert sheet["E2"].value == "331234500"
