"""An export re-made at minute precision overlapping an earlier import (issue 13).

The duplicate rule compares Horodatage to the second, so the same events exported again as
`JJ/MM/AAAA HH:MM` would be stored twice. Before storing, the file's rows are compared with the
stored rows of the présérie in the file's time span: rows that match one at the minute but not
at the second name the earlier import, and the front ends ask before going on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.trace_rows import RowParser, match_header
from ordnum_desktop.services.traces.reader import open_traces
from ordnum_desktop.services.workspace.session import Workspace


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


def find_overlap(ws: Workspace, preserie_id: int, path: Path | str) -> Overlap | None:
    path = Path(path)
    source = open_traces(path)
    try:
        header = match_header(source.header)
        if header.missing:
            return None  # the import refuses the file with its own message
        parser = RowParser(header, load_referentiel())
        keys: list[tuple[str, str, str, str, str]] = []
        number = source.header_row + 1
        for chunk in source.chunks(5000):
            good, _errors, _read, _rejected = parser.parse_chunk(chunk, number)
            number += len(chunk)
            for r in good:
                keys.append((r[0], r[1], r[3], r[6], "" if r[7] is None else str(r[7])))
    finally:
        source.close()
    if not keys:
        return None
    low, high = min(k[0] for k in keys)[:16], max(k[0] for k in keys)[:16] + ":59"
    with ws.session() as s:
        stored = (
            s.connection()
            .execute(
                text(
                    "SELECT ts, ps_identifier, prescription_id, operation, ifnull(return_code, ''), batch_id "
                    "FROM trace_row WHERE preserie_id = :p AND ts BETWEEN :low AND :high"
                ),
                {"p": preserie_id, "low": low, "high": high},
            )
            .all()
        )
        exact = {(r[0], r[1], r[2], r[3], str(r[4])) for r in stored}
        by_minute = {(r[0][:16], r[1], r[2], r[3], str(r[4])): int(r[5]) for r in stored}
        batches: Counter[int] = Counter()
        for k in keys:
            if k in exact:
                continue
            batch = by_minute.get((k[0][:16], *k[1:]))
            if batch is not None:
                batches[batch] += 1
        if not batches:
            return None
        batch_id, rows = batches.most_common(1)[0]
        row = (
            s.connection()
            .execute(text("SELECT file_name, imported_at FROM import_batch WHERE id = :b"), {"b": batch_id})
            .one()
        )
    imported = row[1] if isinstance(row[1], datetime) else datetime.fromisoformat(str(row[1]))
    return Overlap(path.name, rows, batch_id, str(row[0]), imported)


__all__ = ["Overlap", "find_overlap"]
