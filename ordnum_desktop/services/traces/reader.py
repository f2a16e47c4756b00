"""Opening a traces file (.xlsx/.xlsm/.xls/.xlsb/.ods through python-calamine, or a CSV/TSV) as
a header and row chunks.

Checks happen before any parser runs: an .xlsx or .ods must be a real zip whose declared
decompressed size is sane (a zip bomb is refused from its directory), a CSV must decode in the
encoding detected (text_format.py).
calamine reads a 1M-row sheet about ten times faster than openpyxl (see the measurements in the
spec); its XML parser does not expand custom entities, so entity bombs fail as unreadable files.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from ordnum_desktop.domain.text import fold
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.io.xlsx_guard import check_ods, check_xlsx
from ordnum_desktop.services.traces.text_format import (
    BrokenUtf8,
    TextFormat,
    detect_encoding,
    detect_separator,
)

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
ZIP_WORKBOOKS = {".xlsx", ".xlsm"}
OTHER_WORKBOOKS = {".xls", ".xlsb", ".ods"}
ACCEPTED = "xlsx, xlsm, xls, xlsb, ods, csv, tsv ou txt"
# A CSV line longer than this is not a traces export (and would let one line eat the memory).
MAX_CSV_FIELD = 64 * 1024


@dataclass
class TraceSource:
    """A file opened for reading: `header` cells (row `header_row`), then `chunks()` of data rows;
    `total` is the number of data rows (blank ones included) for progress reports."""

    name: str
    header: list[object]
    header_row: int
    total: int
    _rows: Iterator[Sequence[object]]
    _closers: list[object] = field(default_factory=list)
    _line_counter: object = None  # the csv reader, whose line_num locates a broken line
    encoding: str | None = None  # the CSV's encoding as people name it; None for a workbook

    def chunks(self, size: int) -> Iterator[list[Sequence[object]]]:
        while True:
            try:
                chunk = list(islice(self._rows, size))
            except UnicodeDecodeError as exc:
                raise UserError(_not_utf8(self.name, exc)) from exc
            except csv.Error as exc:
                raise UserError(
                    f"Le fichier « {self.name} » est illisible à la ligne "
                    f"{self._position()} : guillemets non refermés ou valeur de plus de "
                    f"{MAX_CSV_FIELD // 1024} Kio."
                ) from exc
            except (ValueError, RuntimeError, OSError) as exc:
                raise UserError(
                    f"Le fichier « {self.name} » est illisible ou endommagé : il n'a pas "
                    "pu être lu jusqu'au bout."
                ) from exc
            if not chunk:
                return
            yield chunk

    def _position(self) -> int:
        """Line of the file being read: the CSV reader counts the lines after the header."""
        return self.header_row + int(getattr(self._line_counter, "line_num", 0))

    def close(self) -> None:
        for obj in self._closers:
            close = getattr(obj, "close", None)
            if close is not None:
                try:
                    close()
                except Exception:  # noqa: BLE001 - closing a reader must never hide the result
                    pass


def _not_utf8(name: str, exc: UnicodeDecodeError, line: int | None = None) -> str:
    where = f"ligne {line}" if line else f"octet invalide à la position {exc.start}"
    return (
        f"Le fichier « {name} » n'est pas encodé en UTF-8 ({where}) : enregistrez-le en "
        "« CSV UTF-8 » depuis le tableur."
    )


def _first_bad_utf8_line(path: Path) -> int | None:
    """The line of the first byte that is not UTF-8 (the text layer decodes 8 KiB ahead of the
    CSV reader, so its error does not say which line)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                return line + block.count(b"\n", 0, max(exc.start, 0))
            line += block.count(b"\n")
    return None


def _utf8_checked(rows: Iterator[Sequence[object]], path: Path) -> Iterator[Sequence[object]]:
    try:
        yield from rows
    except UnicodeDecodeError as exc:
        raise UserError(_not_utf8(path.name, exc, _first_bad_utf8_line(path))) from exc


def open_traces(path: Path | str) -> TraceSource:
    path = Path(path)
    if not path.is_file():
        raise UserError(f"Le fichier « {path.name} » est introuvable.")
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _open_csv(path)
    if suffix in ZIP_WORKBOOKS:
        check_xlsx(path)
    elif suffix == ".ods":
        check_ods(path)
    elif suffix not in OTHER_WORKBOOKS:
        raise UserError(
            f"Le format du fichier « {path.name} » ({suffix or 'sans extension'}) n'est pas pris "
            f"en charge : enregistrez-le depuis le tableur dans l'un de ces formats : {ACCEPTED}."
        )
    return _open_workbook(path)


def _open_workbook(path: Path) -> TraceSource:
    from python_calamine import CalamineWorkbook  # loaded when an xlsx is read, not at start-up

    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # noqa: BLE001 - calamine raises several types for a bad file
        raise UserError(
            f"Le fichier « {path.name} » n'est pas un classeur {path.suffix.lower()} lisible "
            "(fichier endommagé ou d'un autre format) : ouvrez-le dans le tableur et "
            "enregistrez-le de nouveau."
        ) from exc
    try:
        names = list(wb.sheet_names)
        if not names:
            raise UserError(f"Le classeur « {path.name} » ne contient aucune feuille.")
        name = next((n for n in names if fold(n) == "traces"), names[0])
        # Loads the sheet's cells (calamine's own memory); rows become Python lists one by one.
        sheet = wb.get_sheet_by_name(name)
        rows = sheet.iter_rows()
        header = next(rows, None)
        start = sheet.start
        total = max(sheet.height - 1, 0)
    except UserError:
        wb.close()
        raise
    except Exception as exc:  # noqa: BLE001
        wb.close()
        raise UserError(
            f"Le classeur « {path.name} » est illisible : sa feuille contient du XML "
            "invalide ou non pris en charge (fichier endommagé ou modifié)."
        ) from exc
    if header is None:
        wb.close()
        raise UserError(f"Le classeur « {path.name} » est vide (feuille « {name} »).")
    header_row = (start[0] + 1) if start else 1
    return TraceSource(path.name, list(header), header_row, total, rows, [wb])


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            count += block.count(b"\n")
    return count


def _open_csv(path: Path) -> TraceSource:
    with path.open("rb") as fh:
        head = fh.read(64 * 1024)
    try:
        encoding = detect_encoding(path, head)
    except BrokenUtf8:
        encoding = "utf-8-sig"  # read as UTF-8: the reader stops at the bad byte and names its line
    raw = path.open("rb")
    text = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
    try:
        first = text.readline()
    except UnicodeDecodeError as exc:
        text.close()
        raise UserError(_not_utf8(path.name, exc, _first_bad_utf8_line(path))) from exc
    first = first.lstrip("\ufeff")  # a BOM the utf-16-le/be codecs leave in the text
    if not first.strip():
        text.close()
        raise UserError(f"Le fichier « {path.name} » est vide.")
    try:
        delimiter = detect_separator(path.name, first)
    except UserError:
        text.close()
        raise
    fmt = TextFormat(encoding, delimiter)
    csv.field_size_limit(MAX_CSV_FIELD)
    header = next(csv.reader([first], delimiter=delimiter))
    reader = csv.reader(text, delimiter=delimiter)
    total = max(_count_lines(path) - 1, 0)
    rows: Iterator[Sequence[object]] = reader
    if encoding.startswith("utf-8"):
        rows = _utf8_checked(reader, path)
    return TraceSource(
        path.name, list(header), 1, total, rows, [text], _line_counter=reader, encoding=fmt.label
    )


__all__ = ["ACCEPTED", "TraceSource", "check_ods", "open_traces"]
