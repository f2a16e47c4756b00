"""Rejected rows grouped by cause: « Type de prestation « PHARMA » inconnu (…) : 2 220 lignes,
dont 2, 3, 5… » instead of 2 220 identical lines.

The group key is (column, message): the message names the offending value, so every row with the
same unknown code falls in one group and two different unknown codes make two groups (each code
is its own thing to put right in the export). A row with two faults counts in both groups.
Every front end (dialog, CLI, workbook, JSON) presents these groups; none regroups by itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ordnum_desktop.domain.fr_format import format_int
from ordnum_desktop.domain.row_error import RowError
from ordnum_desktop.domain.text import fold

# Row numbers kept per group: enough to find the rows in the file, few enough to read.
FIRST_ROWS = 10


@dataclass(frozen=True, slots=True)
class ErrorGroup:
    column: str | None  # as in RowError: None when the whole row is at fault
    message: str
    count: int
    rows: tuple[int, ...]  # the first FIRST_ROWS row numbers, in file order

    def sentence(self) -> str:
        """« Motif : 2 220 lignes, dont 2, 3, 5… »; the column is named first when the message
        does not name it (« Oui ou Non attendu »). A single row reads as RowError.located()."""
        if self.count == 1:
            return RowError(self.rows[0], self.column, self.message).located()
        cause = self.message.rstrip(". ")
        if self.column and fold(self.column) not in fold(cause):
            cause = f"« {self.column} » — {cause}"
        listed = ", ".join(str(r) for r in self.rows)
        if self.count <= len(self.rows):
            return f"{cause} : {format_int(self.count)} lignes ({listed})."
        return f"{cause} : {format_int(self.count)} lignes, dont {listed}…"

    def as_json(self) -> dict[str, object]:
        return {
            "column": self.column or "",
            "message": self.message,
            "count": self.count,
            "rows": list(self.rows),
        }


def group_errors(errors: Iterable[RowError], first_rows: int = FIRST_ROWS) -> list[ErrorGroup]:
    """Groups by (column, message), the largest first (then by first row)."""
    counts: dict[tuple[str | None, str], int] = {}
    rows: dict[tuple[str | None, str], list[int]] = {}
    for e in errors:
        key = (e.column, e.message)
        n = counts.get(key)
        if n is None:
            counts[key] = 1
            rows[key] = [e.row]
        else:
            counts[key] = n + 1
            if n < first_rows:
                rows[key].append(e.row)
    groups = [ErrorGroup(col, msg, counts[(col, msg)], tuple(rows[(col, msg)])) for col, msg in counts]
    groups.sort(key=lambda g: (-g.count, g.rows[0]))
    return groups


def out_of_scope_sentence(count: int, labels: Sequence[str]) -> str:
    """« 120 lignes hors périmètre (imagerie, transports sanitaires) mises de côté. »"""
    kinds = f" ({', '.join(label.lower() for label in labels)})" if labels else ""
    if count == 1:
        return f"1 ligne hors périmètre{kinds} mise de côté : ni enregistrée, ni refusée."
    return f"{format_int(count)} lignes hors périmètre{kinds} mises de côté : ni enregistrées, ni refusées."


__all__ = ["FIRST_ROWS", "ErrorGroup", "group_errors", "out_of_scope_sentence"]
