"""Writes traces files in the canonical layout (streamed, so that big ones stay cheap)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

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
    import xlwt  # type: ignore[import-untyped]

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Traces")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY HH:MM:SS")
    for c, value in enumerate(header):
        ws.write(0, c, value)
    for r, row in enumerate(data, start=1):
        for c, value in enumerate(_typed(row)):
            ws.write(r, c, value, date_style) if c == 0 else ws.write(r, c, value)
    wb.save(str(path))
    return path


def _ods_cell(value: object) -> str:

    if isinstance(value, datetime):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value:%d/%m/%Y %H:%M:%S}</text:p></table:table-cell>"
        )
    if isinstance(value, int):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    if value == "":
        return "<table:table-cell/>"
    return (
        f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p>'
        "</table:table-cell>"
    )


def write_ods(path: Path, data: Iterable[list[str]], header: list[str] = HEADER) -> Path:
    """An OpenDocument sheet written by hand (the zip, its manifest and content.xml): enough
    for calamine, and no odfpy dependency for three XML files."""
    import zipfile

    lines = ["<table:table-row>" + "".join(_ods_cell(h) for h in header) + "</table:table-row>"]
    lines += [
        "<table:table-row>" + "".join(_ods_cell(v) for v in _typed(r)) + "</table:table-row>" for r in data
    ]
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Traces">'
        + "".join(lines)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


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
