"""A traces import report as a workbook: summary, rejections by cause, rejected rows, PS not on
the roster.

Cells go through the export tables of services/io (no user text ever becomes a formula) and the
workbook through the atomic save (a failure leaves no half-written file).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ordnum_desktop.domain.bilan_rules import UnmatchedIdentifier
from ordnum_desktop.services.io.xlsx_tables import (
    Column,
    new_workbook,
    save_workbook,
    write_pairs,
    write_table,
)
from ordnum_desktop.services.traces.importer import ImportReport

ERROR_COLUMNS = (Column("Ligne", 8, "int"), Column("Colonne", 24), Column("Motif", 90))
GROUP_COLUMNS = (
    Column("Colonne", 24),
    Column("Motif", 80),
    Column("Lignes", 10, "int"),
    Column("Premières lignes", 40),
)
UNKNOWN_COLUMNS = (Column("Identifiant PS", 18), Column("Lignes", 10, "int"))


def write_import_report(
    report: ImportReport, unknown: Sequence[UnmatchedIdentifier], path: Path | str
) -> Path:
    """`unknown`: every PS of the présérie's traces not on its roster, with its row count."""
    wb = new_workbook()
    write_pairs(
        wb.create_sheet("Rapport"),
        [
            ("Fichier", report.file),
            ("Lignes lues", report.read),
            ("Lignes acceptées", report.accepted),
            ("Doublons ignorés", report.duplicates),
            ("Lignes refusées", report.rejected),
            ("Lignes hors périmètre (mises de côté)", report.out_of_scope),
            ("Lignes de PS inconnus", report.unmatched),
            ("Colonnes ignorées", ", ".join(report.ignored_columns)),
        ],
        widths=(34, 50),
    )
    groups = [
        (
            g.column or "",
            g.message,
            g.count,
            ", ".join(str(r) for r in g.rows) + ("…" if g.count > len(g.rows) else ""),
        )
        for g in report.error_groups
    ]
    write_table(wb.create_sheet("Motifs de refus"), GROUP_COLUMNS, groups)
    errors = [(e.row, e.column or "", e.message) for e in report.errors]
    write_table(wb.create_sheet("Lignes refusées"), ERROR_COLUMNS, errors)
    strangers = [(u.identifier, u.rows) for u in unknown]
    write_table(wb.create_sheet("PS inconnus"), UNKNOWN_COLUMNS, strangers)
    return save_workbook(wb, path)


__all__ = ["write_import_report"]
