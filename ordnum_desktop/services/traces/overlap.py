"""An export re-made at minute precision overlapping an earlier import (issue 13).

The duplicate rule compares Horodatage to the second, so the same events exported again as
`JJ/MM/AAAA HH:MM` would be stored twice. The import compares the rows it has just stored, in its
own transaction, with the présérie's earlier rows in the file's time span: rows that match one at
the minute but not at the second name the earlier import; the import is rolled back
(`OverlapFound`) and the front ends ask before importing again with the overlap allowed. Checked
after the rows are stored rather than before, the file is read once (a second reading of a
million rows cost as much as the import itself), and a présérie without earlier rows in the span
costs one index range.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, text


@dataclass(frozen=True)
class Overlap:
    """`rows` rows of `file` match rows of batch `batch_id` only at minute precision."""

    file: str
    rows: int
    batch_id: int
    batch_file: str
    batch_date: datetime

    def message(self, what_to_do: str) -> str:
        """The finding, then `what_to_do` (the CLI's --force, the window's question)."""
        return (
            f"{self.rows} ligne(s) du fichier « {self.file} » reprennent à la minute près, sans les "
            f"secondes, celles de l'import n° {self.batch_id} (« {self.batch_file} », "
            f"{self.batch_date:%d/%m/%Y %H:%M}) : c'est sans doute le même export refait à la "
            "minute, et les importer compterait ces événements deux fois. " + what_to_do
        )


class OverlapFound(Exception):
    """The file re-makes an earlier import at minute precision: the import was rolled back and
    the caller asks (window) or tells (CLI) before importing again with the overlap allowed."""

    def __init__(self, overlap: Overlap) -> None:
        super().__init__(overlap.message(""))
        self.overlap = overlap


# Rows stored before the batch (id ≤ :last) within the minutes the batch spans: the usual new
# export has none, and this index range (ux_trace_dedup) is all the check then costs.
_EARLIER_SPAN_SQL = """
SELECT min(ts), max(ts) FROM trace_row
WHERE preserie_id = :p AND ts BETWEEN :low AND :high AND id <= :last
"""
# The batch's rows (id > :last) that match an earlier row at the minute but not at the second:
# an exact match was ignored as a duplicate, so any match left is another second. Only the
# batch's rows within the minutes of the earlier ones are looked at; each is found through
# ix_trace_cover (présérie, identifier, prescription).
_MINUTE_MATCHES_SQL = """
SELECT e.batch_id, count(DISTINCT n.id) AS n_rows
FROM trace_row AS n
JOIN trace_row AS e
  ON e.preserie_id = n.preserie_id AND e.ps_identifier = n.ps_identifier
  AND e.prescription_id = n.prescription_id AND e.operation = n.operation
  AND (e.return_code = n.return_code OR (e.return_code IS NULL AND n.return_code IS NULL))
  AND substr(e.ts, 1, 16) = substr(n.ts, 1, 16) AND e.id <= :last
WHERE n.preserie_id = :p AND n.ts BETWEEN :low AND :high AND n.id > :last
GROUP BY e.batch_id
ORDER BY n_rows DESC, e.batch_id
LIMIT 1
"""


def stored_overlap(
    conn: Connection, preserie_id: int, last_id: int, file_name: str, first_ts: str, last_ts: str
) -> Overlap | None:
    """Inside an import's transaction, once its rows are stored (ids above `last_id`, times from
    `first_ts` to `last_ts`): the earlier import they re-make at minute precision, if any."""
    span = {"p": preserie_id, "last": last_id, "low": first_ts[:16], "high": last_ts[:16] + ":59"}
    earliest, latest = conn.execute(text(_EARLIER_SPAN_SQL), span).one()
    if earliest is None:
        return None
    found = conn.execute(
        text(_MINUTE_MATCHES_SQL),
        {"p": preserie_id, "last": last_id, "low": earliest[:16], "high": latest[:16] + ":59"},
    ).first()
    if found is None:
        return None
    batch_id, rows = int(found[0]), int(found[1])
    row = conn.execute(
        text("SELECT file_name, imported_at FROM import_batch WHERE id = :b"), {"b": batch_id}
    ).one()
    imported = row[1] if isinstance(row[1], datetime) else datetime.fromisoformat(str(row[1]))
    return Overlap(file_name, rows, batch_id, str(row[0]), imported)


__all__ = ["Overlap", "OverlapFound", "stored_overlap"]
