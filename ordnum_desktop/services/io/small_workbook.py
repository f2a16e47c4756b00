"""Reading the small workbook a person filled in (roster, satisfaction answers) in any format a
coordinator's spreadsheet saves: .xlsx/.xlsm/.xlsb, .xls (Excel 97-2003) or .ods, through
python-calamine (issue 13).

The format is told from the file's first bytes, not its name: an .xls renamed .xlsx still opens,
and a CSV or a PDF under a workbook's name is refused with what it really is. Each format is
checked for its size before calamine loads the sheet (calamine reads a whole sheet at once).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.io.xlsx_guard import SMALL_WORKBOOK, check_ods, check_xlsx

ACCEPTED = "xlsx, xlsm, xlsb, xls ou ods"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) compound document
_RESAVE = "ouvrez-le dans le tableur et enregistrez-le en classeur (.xlsx ou .ods)"


def _kind(path: Path) -> str:
    """'xlsx', 'ods', 'xls' from the content; raises a UserError naming what the file is."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if not head:
        raise UserError(f"Le fichier « {path.name} » est vide : ce n'est pas un classeur ; {_RESAVE}.")
    if head.startswith(OLE2_MAGIC):
        return "xls"
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
                mimetype = zf.read("mimetype")[:80] if "mimetype" in names else b""
        except (zipfile.BadZipFile, OSError, KeyError) as exc:
            raise UserError(f"Le fichier « {path.name} » est un classeur endommagé.") from exc
        if b"opendocument.spreadsheet" in mimetype:
            return "ods"
        if mimetype:
            raise UserError(
                f"Le fichier « {path.name} » est un document OpenDocument qui n'est pas un "
                f"tableur (texte ou présentation ?) : {_RESAVE}."
            )
        return "xlsx"  # .xlsx, .xlsm and .xlsb: check_xlsx tells a zip that is none of them
    if head.startswith(b"%PDF"):
        raise UserError(
            f"Le fichier « {path.name} » n'est pas un classeur Excel ou OpenDocument "
            f"({ACCEPTED}) mais un document PDF : utilisez le classeur d'origine."
        )
    if _looks_like_text(head):
        raise UserError(
            f"Le fichier « {path.name} » n'est pas un classeur mais un fichier texte (CSV ?) : {_RESAVE}."
        )
    raise UserError(
        f"Le fichier « {path.name} » n'est pas un classeur Excel ou OpenDocument lisible "
        f"({ACCEPTED}) : {_RESAVE}."
    )


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 text, as Excel's « Texte Unicode » writes it
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = head.decode("cp1252", errors="replace")
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
    return printable >= 0.95 * len(text)


def _plain(value: object) -> object:
    """A cell as openpyxl gave it: empty is None, a whole number is an int (an N° AM typed as a
    number reads 331234567, not 331234567.0)."""
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read_small_sheet(path: Path | str, preferred: str) -> Iterator[tuple[object, ...]]:
    """Rows (from row 1, column A) of the sheet named `preferred` (else the first) of a small
    workbook. Cached values only: a formula is never evaluated here. Every refusal (UserError)
    is raised here, before the caller reads a row."""
    from python_calamine import CalamineWorkbook  # loaded when a workbook is read

    path = Path(path)
    if not path.is_file():
        raise UserError(f"Le fichier « {path.name} » est introuvable.")
    kind = _kind(path)
    if kind == "xls":
        size = path.stat().st_size
        if size > SMALL_WORKBOOK:
            raise UserError(
                f"Le fichier « {path.name} » est refusé : il occupe {size // (1024 * 1024)} Mo, "
                "ce qui n'est pas un classeur d'effectif ou de réponses normal."
            )
    elif kind == "ods":
        check_ods(path, max_uncompressed=SMALL_WORKBOOK)
    else:
        check_xlsx(path, max_uncompressed=SMALL_WORKBOOK)
    try:
        with path.open("rb") as fh:
            wb = CalamineWorkbook.from_filelike(fh)  # calamine tells the format from the bytes
            try:
                names = list(wb.sheet_names)
                if not names:
                    raise UserError(f"Le classeur « {path.name} » ne contient aucune feuille.")
                sheet = wb.get_sheet_by_name(preferred if preferred in names else names[0])
                cells = sheet.to_python()
                start = sheet.start
            finally:
                wb.close()
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - calamine raises several types for a bad file
        raise UserError(
            f"Le classeur « {path.name} » est illisible : son contenu n'est pas celui d'un "
            f"classeur {path.suffix.lower() or kind} valide (fichier endommagé ou modifié) ; "
            f"{_RESAVE}."
        ) from exc
    # calamine starts at the first cell that holds something: put back the empty rows and
    # columns above and left of it, so row numbers and column positions are the sheet's own.
    top, left = start if start else (0, 0)
    pad = (None,) * left
    rows: list[tuple[object, ...]] = [() for _ in range(top)]
    rows += [pad + tuple(_plain(v) for v in row) for row in cells]
    return iter(rows)
