"""The « Vue d'ensemble » as a workbook: one sheet, the overview's columns (overview.COLUMNS),
one row per présérie; cells through the export tables of services/io (no user text becomes a
formula) and the atomic save."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.services.io.xlsx_tables import Column, new_workbook, save_workbook, write_table
from ordnum_desktop.services.lifecycle.overview import COLUMNS, OverviewLine

SHEET = "Vue d'ensemble"


def write_overview_workbook(
    lines: Sequence[OverviewLine], path: Path | str, today: date | None = None
) -> Path:
    wb = new_workbook()
    sheet = wb.create_sheet(SHEET)
    columns = [Column(c.title, c.width, c.kind) for c in COLUMNS]
    write_table(sheet, columns, [[c.value(line) for c in COLUMNS] for line in lines])
    note = wb.create_sheet("À propos")
    note["A1"] = f"Vue d'ensemble des préséries du fichier, établie le {format_date(today or date.today())}."
    note["A2"] = (
        "Semaines comptées au jour de la dernière trace de chaque présérie ; « En retard » jugé à la date "
        "d'établissement."
    )
    note.column_dimensions["A"].width = 110
    return save_workbook(wb, path)


__all__ = ["SHEET", "write_overview_workbook"]
