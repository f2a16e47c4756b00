"""Writing export tables into openpyxl sheets: styled header, typed cells, widths, frozen header.

Every value goes through `safe_text.safe_cell`, so a text starting with `=`, `+`, `-` or `@` is
stored as text and never becomes a formula. Identifiers are text (leading zeros kept); dates are
real dates shown `JJ/MM/AAAA`; rates are fractions shown as percentages.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.io.private_temp import private_temp
from ordnum_desktop.services.io.safe_text import safe_cell
from ordnum_desktop.services.io.shared_files import disk_full_error, shared_file_mode
from ordnum_desktop.services.io.stale_parts import sweep_stale_parts

HEADER_FILL = PatternFill("solid", fgColor="0C2F6B")
# The blank templates an éditeur fills in (roster, traces, answers) keep a lighter blue.
TEMPLATE_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
PERCENT_FORMAT = "0.0%"
INTEGER_FORMAT = "#,##0"


@dataclass(frozen=True)
class Column:
    title: str
    width: float = 14
    kind: str = "text"  # text | int | percent | date | datetime | number


def style_header(
    sheet: Worksheet, headers: Sequence[tuple[str, float]], *, fill: PatternFill = HEADER_FILL, row: int = 1
) -> None:
    """Header cells in white bold on blue, wrapped, with their column widths."""
    for c, (title, width) in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=c)
        safe_cell(cell, title)
        cell.fill = fill
        cell.font = HEADER_FONT
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(c)].width = width


def write_table(
    sheet: Worksheet, columns: Sequence[Column], rows: Sequence[Sequence[object]], first_row: int = 1
) -> None:
    style_header(sheet, [(col.title, col.width) for col in columns], row=first_row)
    for r, values in enumerate(rows, start=first_row + 1):
        for c, (col, value) in enumerate(zip(columns, values, strict=True), start=1):
            cell = sheet.cell(row=r, column=c)
            if col.kind == "text" and value is not None and not isinstance(value, str):
                value = str(value)  # identifiers stay text: Excel would drop their leading zeros
            safe_cell(cell, value)
            if col.kind == "text":
                cell.number_format = "@"
            elif col.kind == "int":
                cell.number_format = INTEGER_FORMAT
            elif col.kind == "percent":
                cell.number_format = PERCENT_FORMAT
            elif col.kind == "date" and isinstance(value, date | datetime):
                cell.number_format = DATE_FORMAT
            elif col.kind == "datetime" and isinstance(value, datetime):
                cell.number_format = DATETIME_FORMAT
    sheet.freeze_panes = f"A{first_row + 1}"
    if rows:
        sheet.auto_filter.ref = f"A{first_row}:{get_column_letter(len(columns))}{first_row + len(rows)}"


def write_pairs(
    sheet: Worksheet, pairs: Sequence[tuple[str, object]], widths: tuple[float, float] = (34, 60)
) -> None:
    """A two-column « label : value » sheet (présérie identity, summary)."""
    for r, (label, value) in enumerate(pairs, start=1):
        label_cell = sheet.cell(row=r, column=1)
        safe_cell(label_cell, label)
        label_cell.font = Font(bold=True)
        cell = sheet.cell(row=r, column=2)
        safe_cell(cell, value)
        if isinstance(value, datetime):
            cell.number_format = DATETIME_FORMAT
        elif isinstance(value, date):
            cell.number_format = DATE_FORMAT
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = widths[0]
    sheet.column_dimensions["B"].width = widths[1]


def new_workbook() -> Workbook:
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    return wb


def save_workbook(wb: Workbook, path: Path | str) -> Path:
    """Saved beside the target then renamed: a failure leaves no half-written workbook."""
    return save_workbooks([(wb, Path(path))])[0]


def save_workbooks(books: list[tuple[Workbook, Path]]) -> list[Path]:
    """Several workbooks written as one set (the planning export: the whole planning and one per
    CPAM): each is saved beside its target first, and only once every one is complete are they
    renamed over the targets. A failure or a kill while saving leaves the old set untouched,
    never new and old workbooks mixed (issue 12, item 12)."""
    ready: list[tuple[str, Path]] = []
    try:
        for wb, out in books:
            sweep_stale_parts(out.parent)
            ready.append((_save_beside(wb, out), out))
        for tmp, out in ready:
            try:
                os.replace(tmp, out)
            except PermissionError as exc:
                raise UserError(
                    f"Impossible d'écrire « {out} » : accès refusé (fichier ouvert dans Excel ?)."
                ) from exc
    except BaseException:
        for tmp, _out in ready:
            Path(tmp).unlink(missing_ok=True)
        raise
    return [out for _wb, out in books]


def _save_beside(wb: Workbook, out: Path) -> str:
    if out.suffix.lower() != ".xlsx":
        raise UserError(f"Le fichier « {out.name} » doit porter l'extension .xlsx.")
    if not out.parent.exists():
        raise UserError(f"Le dossier « {out.parent} » n'existe pas : impossible d'y écrire « {out.name} ».")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=".xlsx", dir=out.parent)
    except PermissionError as exc:
        raise UserError(f"Impossible d'écrire dans le dossier « {out.parent} » : accès refusé.") from exc
    os.close(fd)
    try:
        with private_temp():  # openpyxl's per-sheet temporary files hold the same data
            wb.save(tmp)
        shared_file_mode(tmp)
    except PermissionError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UserError(
            f"Impossible d'écrire « {out} » : accès refusé (fichier ouvert dans Excel ?)."
        ) from exc
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise disk_full_error(out, exc) from exc
        raise
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp
