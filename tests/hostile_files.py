"""Builders of hostile input files (each written in a few seconds at most, streamed)."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

from openpyxl import Workbook

EXCEL_MAX_ROWS = 1_048_576

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Traces" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_CLOSE = "</sheetData></worksheet>"
COLS = "ABCDEFGHIJ"


def _cell(col: int, row: int, text: str) -> str:
    return f'<c r="{COLS[col]}{row}" t="inlineStr"><is><t>{text}</t></is></c>'


def _row(number: int, values: list[str]) -> str:
    return f'<row r="{number}">' + "".join(_cell(i, number, v) for i, v in enumerate(values)) + "</row>"


def write_raw_xlsx(path: Path, sheet_xml_chunks: object, *, doctype: str = "") -> Path:
    """A minimal workbook whose single sheet is the concatenation of `sheet_xml_chunks` (an
    iterable of str, streamed into the zip)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            head = SHEET_OPEN if not doctype else SHEET_OPEN.replace("\n", "\n" + doctype, 1)
            fh.write(head.encode())
            for chunk in sheet_xml_chunks:  # type: ignore[attr-defined]
                fh.write(chunk.encode())
            fh.write(SHEET_CLOSE.encode())
    return path


def not_a_workbook(path: Path) -> Path:
    """A PDF renamed to .xlsx."""
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)) * 40)
    return path


def entity_bomb(path: Path, header: list[str]) -> Path:
    """Billion laughs: ten levels of ten references, 10^9 copies of "lol" if expanded."""
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    doctype = "<!DOCTYPE worksheet [" + "".join(levels) + "]>\n"
    body = [_row(1, header), _row(2, ["&lol9;"] * len(header))]
    return write_raw_xlsx(path, body, doctype=doctype)


def zip_bomb(path: Path, megabytes: int = 300) -> Path:
    """A sheet of `megabytes` MB of the same row once decompressed (about 1/1000 of it on disk)."""
    filler = "<!-- " + "0" * (1024 * 1024 - 9) + " -->"
    return write_raw_xlsx(path, (filler for _ in range(megabytes)))


def junk_rows_xlsx(path: Path, header: list[str], rows: int = EXCEL_MAX_ROWS - 1, seed: int = 7) -> Path:
    """The sheet filled to Excel's last row (1 048 576) with random junk under `header`."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz0123456789éàç"

    def chunks() -> object:
        yield _row(1, header)
        buf = []
        for n in range(2, rows + 2):
            buf.append(_row(n, ["".join(rng.choices(letters, k=6)) for _ in range(3)]))
            if len(buf) == 10_000:
                yield "".join(buf)
                buf = []
        yield "".join(buf)

    return write_raw_xlsx(path, chunks())


def junk_rows_csv(path: Path, header: list[str], rows: int = EXCEL_MAX_ROWS - 1, seed: int = 7) -> Path:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(";".join(header) + "\n")
        line = ";".join(["x"] * len(header))
        for n in range(rows):
            fh.write(f"{rng.random():.6f};{line}\n" if n % 2 else f"junk{n};{line}\n")
    return path


def formulas_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    """A real workbook (openpyxl) whose cells hold formulas, written without cached values."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Traces"
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path
