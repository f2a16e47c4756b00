"""Writes traces files in the canonical layout (streamed, so that big ones stay cheap)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

from tests import workbook_files

HEADER = [
    "Horodatage",
    "Identifiant PS",
    "FINESS",
    "Identifiant ordonnance",
    "Type de prestation",
    "Ordonnance numérique",
    "Opération",
    "Code retour",
    "Numéro de prescription",
]
# The seven columns a traces file must have, without the two optional ones.
REQUIRED_HEADER = [c for c in HEADER if c not in ("FINESS", "Numéro de prescription")]


def rows(
    count: int,
    identifiers: Iterable[str] = ("331234567", "621234567"),
    *,
    start: datetime = datetime(2025, 3, 3, 8, 0),
    prefix: str = "RX",
) -> Iterator[list[str]]:
    """`count` distinct valid rows: a créer call per prescription, digital one time in two."""
    ids = list(identifiers)
    for n in range(count):
        ts = start + timedelta(seconds=n)
        digital = n % 2 == 0
        yield [
            ts.strftime("%Y-%m-%d %H:%M:%S"),
            ids[n % len(ids)],
            "",
            f"{prefix}-{n}",
            "Médicaments",
            "Oui" if digital else "Non",
            "Créer" if digital else "",
            "0" if digital else "",
            f"N{n}" if digital else "",
        ]


def write_csv(path: Path, data: Iterable[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(";".join(header) + "\n")
        for row in data:
            fh.write(";".join(row) + "\n")
    return path


def meeting_rows(identifier: str, start: datetime, prescriptions: int = 10) -> list[list[str]]:
    """One doctor's rows that meet the criteria: `prescriptions` prescriptions spread an hour
    apart, six in ten digital and registered (créer code 0), then one successful consulter and
    one successful rechercher."""
    out = []
    for n in range(prescriptions):
        ts = (start + timedelta(hours=n)).strftime("%Y-%m-%d %H:%M:%S")
        digital = n < prescriptions * 6 // 10
        created = ["Créer", "0", f"N{identifier}-{n}"] if digital else ["", "", ""]
        out.append(
            [ts, identifier, "", f"{identifier}-{n}", "Médicaments", "Oui" if digital else "Non", *created]
        )
    last = (start + timedelta(hours=prescriptions + 1)).strftime("%Y-%m-%d %H:%M:%S")
    out.append([last, identifier, "", f"{identifier}-0", "Médicaments", "Oui", "Consulter", "0", ""])
    out.append([last, identifier, "", f"{identifier}-1", "Médicaments", "Oui", "Rechercher", "0", ""])
    return out


# --- the same rows in every format a coordinator may have (issue 13) --------------------------


def _typed(row: list[str]) -> list[object]:
    """Cells as a spreadsheet holds them: a date-time and numbers where the export has them."""
    out: list[object] = list(row)
    out[0] = datetime.strptime(row[0], "%Y-%m-%d %H:%M:%S")
    if row[7]:
        out[7] = int(row[7])
    return out


def write_xlsx(path: Path, data: Iterable[list[str]], header: list[str] = HEADER) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Traces"
    ws.append(header)
    for row in data:
        ws.append(_typed(row))
    wb.save(path)
    return path


def write_xls(path: Path, data: Iterable[list[str]], header: list[str] = HEADER) -> Path:
    """BIFF8 through xlwt (a test extra: the only writer of the old format on PyPI)."""
    return workbook_files.write_xls(path, "Traces", [header, *(_typed(r) for r in data)])


def write_ods(path: Path, data: Iterable[list[str]], header: list[str] = HEADER) -> Path:
    return workbook_files.write_ods(path, "Traces", [header, *(_typed(r) for r in data)])


def french_date(text: str, *, seconds: bool = True) -> str:
    """'2025-03-03 08:00:05' as French Excel writes it: '03/03/2025 08:00:05' (or '… 08:00')."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").strftime(
        "%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M"
    )


def write_text(
    path: Path,
    data: Iterable[list[str]],
    *,
    encoding: str,
    separator: str = ";",
    french_dates: bool = False,
    seconds: bool = True,
    header: list[str] = HEADER,
) -> Path:
    """A CSV/TSV as a spreadsheet saves it: any encoding (utf-16 writes its BOM), any separator,
    optionally French JJ/MM/AAAA dates."""
    out = [separator.join(header)]
    for row in data:
        cells = list(row)
        if french_dates:
            cells[0] = french_date(cells[0], seconds=seconds)
        out.append(separator.join(cells))
    path.write_bytes(("\r\n".join(out) + "\r\n").encode(encoding))
    return path
