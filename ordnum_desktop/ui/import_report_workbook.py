"""Saves a traces import report as a workbook (summary sheet + rejected rows sheet)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from ordnum_desktop.domain.bilan_rules import UnmatchedIdentifier


def _safe(value: object) -> object:
    # A cell text starting with = + - @ would be run as a formula by Excel: keep it as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def write_import_report(report: dict[str, Any], unknown: Sequence[UnmatchedIdentifier], path: Path) -> Path:
    wb = Workbook()
    summary = wb.active
    summary.title = "Rapport"
    rows = [
        ("Fichier", report["file"]),
        ("Lignes lues", report["read"]),
        ("Lignes acceptées", report["accepted"]),
        ("Doublons ignorés", report["duplicates"]),
        ("Lignes refusées", report["rejected"]),
        ("Lignes de PS inconnus", report["unmatched"]),
        ("Colonnes ignorées", ", ".join(report.get("ignored_columns", []))),
    ]
    for label, value in rows:
        summary.append([label, _safe(value)])
        summary.cell(summary.max_row, 1).font = Font(bold=True)
    summary.column_dimensions["A"].width = 26
    summary.column_dimensions["B"].width = 50
    errors = wb.create_sheet("Lignes refusées")
    errors.append(["Ligne", "Colonne", "Motif"])
    for e in report.get("errors", []):
        errors.append([e.get("row"), _safe(e.get("column", "")), _safe(e.get("message", ""))])
    errors.column_dimensions["B"].width = 24
    errors.column_dimensions["C"].width = 90
    strangers = wb.create_sheet("PS inconnus")
    strangers.append(["Identifiant PS", "Lignes"])
    for u in unknown:
        strangers.append([_safe(u.identifier), u.rows])
    strangers.column_dimensions["A"].width = 18
    for sheet in (errors, strangers):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    wb.save(path)
    return path
