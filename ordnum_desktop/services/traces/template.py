"""The empty traces workbook the app hands to an éditeur: the canonical columns, drop-down lists
for the closed choices, and an `Aide` sheet explaining each column."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.trace_rows import COLUMNS
from ordnum_desktop.services.io.xlsx_tables import TEMPLATE_FILL, save_workbook, style_header

WIDTHS = {
    "ts": 20,
    "ps": 16,
    "finess": 12,
    "prescription_id": 22,
    "prestation": 22,
    "digital": 12,
    "operation": 12,
    "return_code": 11,
    "number": 24,
}
LAST_ROW = 100_000


def _list_validation(values: list[str], column: str, title: str) -> DataValidation:
    dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
    dv.errorTitle = title
    dv.error = f"Choisissez une valeur de la liste : {', '.join(values)}."
    dv.add(f"{column}2:{column}{LAST_ROW}")
    return dv


def write_traces_template(path: Path | str) -> Path:
    path = Path(path)
    ref = load_referentiel()
    wb = Workbook()
    sheet = wb.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    sheet.title = "Traces"
    letters = {col.key: get_column_letter(idx) for idx, col in enumerate(COLUMNS, start=1)}
    style_header(sheet, [(col.header, WIDTHS.get(col.key, 16)) for col in COLUMNS], fill=TEMPLATE_FILL)
    sheet.freeze_panes = "A2"
    for values, key, title in (
        ([c.label for c in ref.prestation_types], "prestation", "Type de prestation"),
        (["Oui", "Non"], "digital", "Ordonnance numérique"),
        ([c.label for c in ref.operations], "operation", "Opération"),
    ):
        sheet.add_data_validation(_list_validation(values, letters[key], title))

    help_sheet = wb.create_sheet("Aide")
    help_sheet.append(["Colonne", "Obligatoire", "Contenu"])
    for cell in help_sheet[1]:
        cell.font = Font(bold=True)
    for col in COLUMNS:
        required = "oui" if col.required else ("avec une opération" if col.key == "return_code" else "non")
        help_sheet.append([col.header, required, col.help])
    notes = [
        "",
        "Une ligne par événement ; la ligne 1 est l'en-tête. L'ordre des colonnes est libre ; les "
        "colonnes en plus sont ignorées et signalées.",
        "Une ordonnance est un couple (Identifiant PS, Identifiant ordonnance) ; elle est numérique "
        "si l'une de ses lignes porte « Oui ».",
        "Une ligne identique à une ligne déjà importée (Horodatage, Identifiant PS, Identifiant "
        "ordonnance, Opération, Code retour) est un doublon : elle n'est pas comptée deux fois.",
        "Fichier CSV accepté aussi : UTF-8, séparateur « ; » ou « , », mêmes en-têtes.",
    ]
    if ref.excluded_prestation_types:
        excluded = ", ".join(c.label.lower() for c in ref.excluded_prestation_types)
        notes.append(
            f"Types de prestation hors périmètre de la présérie ({excluded}) : ces lignes sont "
            "comptées et mises de côté, ni enregistrées ni refusées."
        )
    for line in notes:
        help_sheet.append([line])
    help_sheet.column_dimensions["A"].width = 26
    help_sheet.column_dimensions["B"].width = 18
    help_sheet.column_dimensions["C"].width = 90
    path.parent.mkdir(parents=True, exist_ok=True)
    return save_workbook(wb, path)
