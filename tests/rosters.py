"""Builders of roster workbooks as a person fills the template (used by several test files)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from ordnum_desktop.services.roster.workbook import write_roster_template

HEADERS = [
    "Nom",
    "Prénom",
    "Mode d'exercice",
    "Spécialité",
    "N° AM",
    "RPPS",
    "FINESS",
    "Centre",
    "Structure",
    "Équipé",
    "Compatibilité vérifiée",
    "Accord de principe",
    "CPAM",
    "Installation prévue",
    "Email",
    "Téléphone",
]


def liberal_row(i: int, **over: object) -> list[object]:
    values: dict[str, object] = {
        "Nom": f"Médecin{i}",
        "Prénom": "Élodie",
        "Mode d'exercice": "Libéral",
        "Spécialité": "01",
        "N° AM": f"3312345{i:02d}",
        "Structure": "Cabinet de groupe" if i == 0 else "Cabinet individuel",
        "Équipé": "Oui",
        "Compatibilité vérifiée": "Oui",
        "Accord de principe": "Oui",
        "CPAM": "33",
        "Installation prévue": "15/03/2025",
    }
    values.update(over)
    return [values.get(h) for h in HEADERS]


def write_roster(path: Path, rows: list[list[object]]) -> Path:
    """Fills the app's own template, the way an éditeur does."""
    write_roster_template(path)
    wb = load_workbook(path)
    sheet = wb["PS"]
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            sheet.cell(row=r, column=c, value=value)
    wb.save(path)
    return path
