"""Checks on an .xlsx before any parser sees it: a real zip, no absurd decompressed size.

Python's bundled expat already refuses entity expansion bombs; a zip bomb has to be caught here,
from the sizes the zip directory declares.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ordnum_desktop.services.errors import UserError

MAX_UNCOMPRESSED = 1_500 * 1024 * 1024
MAX_RATIO = 200
# A roster or an answers workbook holds at most 1000 rows: a few MB. openpyxl scans a whole sheet
# that lacks a <dimension> before giving its first row (27 s for 1 048 576 junk rows), so a
# bigger one is refused from the zip directory instead (issue 6).
SMALL_WORKBOOK = 32 * 1024 * 1024


def check_xlsx(path: Path, *, max_uncompressed: int = MAX_UNCOMPRESSED) -> None:
    if not path.exists():
        raise UserError(f"Le fichier « {path.name} » est introuvable.")
    if not zipfile.is_zipfile(path):
        raise UserError(f"Le fichier « {path.name} » n'est pas un classeur Excel (.xlsx) lisible.")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UserError(f"Le fichier « {path.name} » est un classeur endommagé.") from exc
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise UserError(
            f"Le fichier « {path.name} » est une archive zip, pas un classeur Excel (.xlsx) "
            "lisible : ouvrez-le dans le tableur et enregistrez-le de nouveau."
        )
    total = sum(i.file_size for i in infos)
    compressed = sum(i.compress_size for i in infos) or 1
    if total > max_uncompressed or (total > 50 * 1024 * 1024 and total / compressed > MAX_RATIO):
        raise UserError(
            f"Le fichier « {path.name} » est refusé : une fois décompressé il occuperait "
            f"{total // (1024 * 1024)} Mo, ce qui n'est pas un classeur d'export normal."
        )


def check_ods(path: Path, *, max_uncompressed: int = MAX_UNCOMPRESSED) -> None:
    """An OpenDocument sheet is a zip too: refused when it is not one or would be a zip bomb."""
    if not zipfile.is_zipfile(path):
        raise UserError(
            f"Le fichier « {path.name} » n'est pas un classeur OpenDocument (.ods) lisible : "
            "ouvrez-le dans le tableur et enregistrez-le de nouveau en .ods ou .xlsx."
        )
    with zipfile.ZipFile(path) as zf:
        total = sum(i.file_size for i in zf.infolist())
    if total > max_uncompressed:
        raise UserError(
            f"Le fichier « {path.name} » est refusé : une fois décompressé il occuperait "
            f"{total // (1024 * 1024)} Mo, ce qui n'est pas un classeur d'export normal."
        )
