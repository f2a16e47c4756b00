"""The window names the row of a rejected line once: the service writes the message without its
location, the window shows it with `RowError.located()` (it used to prefix « ligne N » to a
message that already began with « Ligne N, colonne … »)."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook

from tests.rosters import liberal_row, write_roster


def _error_text(prompts) -> str:  # type: ignore[no-untyped-def]
    [text] = prompts.errors()
    return text


def test_roster_import_names_each_rejected_row_once(window, prompts, tmp_path: Path) -> None:
    ps = window.tab_widgets["ps"]
    window.ui.tabs.setCurrentIndex(0)
    nameless = liberal_row(9, **{"Nom": None})  # row 4 of the sheet: no name, rejected
    book = write_roster(tmp_path / "effectif.xlsx", [liberal_row(0), liberal_row(1), nameless])
    prompts.files.append(str(book))
    prompts.yes_no.append(True)  # replace the fixture's roster
    ps.ui.importButton.click()
    text = _error_text(prompts)
    assert "1 ligne(s) refusée(s)" in text
    assert len(re.findall(r"\bligne 4\b", text, flags=re.IGNORECASE)) == 1
    assert "Ligne 4, colonne « Nom » : Le nom du médecin est vide" in text
    assert len(ps.model.doctors) == 2


def test_answers_import_names_each_rejected_row_once(window, prompts, tmp_path: Path) -> None:
    window.ui.tabs.setCurrentIndex(3)
    bilan = window.tab_widgets["bilan"]
    wb = Workbook()
    sheet = wb.active
    sheet.title = "Réponses"
    sheet.append(["Identifiant PS", "Q1", "Q2", "Q3", "Q4", "Q5", "Frein bloquant"])
    sheet.append(["339999999", 4, 4, 4, 4, 4, "Non"])  # row 2: no such doctor
    path = tmp_path / "reponses.xlsx"
    wb.save(path)
    prompts.files.append(str(path))
    bilan.ui.importAnswersButton.click()
    text = _error_text(prompts)
    assert len(re.findall(r"\bligne 2\b", text, flags=re.IGNORECASE)) == 1
    assert "Ligne 2, colonne « Identifiant PS » : Aucun médecin de l'effectif" in text
