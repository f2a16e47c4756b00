"""Importing a traces postes file: one file = one transaction, rows stored once.

Speed matters (a million rows): rows are validated per chunk and handed to the store's trace
writer (store/trace_writer.py), opened on the connection of the session's own transaction, so the
import batch row and every trace row are committed together or not at all. Duplicates are left to
the unique index `ux_trace_dedup`: attempted − inserted, within the file or across files. The ORM
would be 50× slower and hold every row in memory (see the spec's measurements). The writer may
write from a thread of its own while the next chunk is validated (SQLite's does).

The parser also tallies the rows for the bilan (domain/trace_tally.py), and the batch is folded
into the bilan's summary before the commit (services/bilan/summary.py): the first bilan after the
import reads it back instead of grouping every stored row again.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from ordnum_desktop.domain.error_groups import ErrorGroup, group_errors, out_of_scope_sentence
from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.row_error import RowError
from ordnum_desktop.domain.trace_rows import RowParser, match_header
from ordnum_desktop.domain.trace_tally import TraceTally
from ordnum_desktop.services.bilan.summary import ImportFold
from ordnum_desktop.services.errors import UserError, WorkspaceError
from ordnum_desktop.services.traces.overlap import OverlapFound, stored_overlap
from ordnum_desktop.services.traces.reader import open_traces
from ordnum_desktop.services.workspace import backup
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store import sql
from ordnum_desktop.store.import_lock import Waiting, hold_import_lock
from ordnum_desktop.store.models import ImportBatch, Preserie
from ordnum_desktop.store.trace_writer import VALUES_PER_ROW, open_trace_writer

# Small enough that the writer starts early and finishes soon after the last chunk is parsed
# (100k rows: 0.15 s faster than 20 000), large enough to keep the hand-overs few.
CHUNK_ROWS = 10_000
# Past this many unreadable rows the file is not a traces export (1 048 576 rows of junk would
# otherwise pile up ~5 million error entries, 2 GB): refused whole, nothing stored (issue 6).
MAX_REJECTED = 10_000

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

# The identifier of each doctor's exercise situation in the présérie (N° AM or RPPS); computed at
# query time so that a doctor added to the roster later matches rows imported before.
ROSTER_IDENTIFIERS_SQL = (
    "SELECT CASE WHEN mode = 'liberal' THEN am ELSE rpps END FROM doctor WHERE preserie_id = :pid"
)


# Past this many unknown identifiers (a hostile file), one pass over the batch's rows instead.
MAX_CANDIDATES = 500


def _count_unmatched(
    conn: Any, preserie_id: int, batch_id: int, seen: set[str], tally: TraceTally | None
) -> int:
    """Rows of the batch whose identifier is not on the roster. From the tally when it describes
    the stored rows; else only the identifiers of the file that are not on the roster can match,
    usually a handful: their rows are found through ix_trace_cover (`+batch_id` keeps the planner
    there); the roster test itself is the same NOT IN as for any identifier."""
    roster_sql = ROSTER_IDENTIFIERS_SQL.replace(":pid", "?")
    roster = {r for (r,) in sql.run(conn, roster_sql, (preserie_id,)) if r}
    if tally is not None:
        return sum(n for (ident, *_), n in tally.rows.items() if ident not in roster)
    candidates = sorted(seen - roster)
    if not candidates:
        return 0
    if len(candidates) > MAX_CANDIDATES:
        return int(
            sql.run(
                conn,
                f"SELECT count(*) FROM trace_row WHERE batch_id = ? AND ps_identifier NOT IN ({roster_sql})",
                (batch_id, preserie_id),
            ).scalar_one()
        )
    marks = ", ".join("?" * len(candidates))
    return int(
        sql.run(
            conn,
            f"SELECT count(*) FROM trace_row WHERE preserie_id = ? AND ps_identifier IN ({marks}) "
            f"AND +batch_id = ? AND ps_identifier NOT IN ({roster_sql})",
            (preserie_id, *candidates, batch_id, preserie_id),
        ).scalar_one()
    )


class ImportCancelled(Exception):
    """The user cancelled: the transaction was rolled back, nothing was stored."""


@dataclass(frozen=True)
class ImportReport:
    """What one import did; `read = accepted + duplicates + rejected + out_of_scope`, `unmatched`
    ⊂ `accepted`. `out_of_scope` rows (an excluded prestation type: imagerie, transports
    sanitaires) are read, not stored and not rejected; `out_of_scope_labels` names their types."""

    file: str
    read: int
    accepted: int
    duplicates: int
    rejected: int
    unmatched: int
    ignored_columns: list[str]
    errors: list[RowError]
    batch_id: int
    out_of_scope: int = 0
    out_of_scope_labels: tuple[str, ...] = ()
    # How a CSV was decoded (« UTF-8 », « Windows-1252 », « UTF-16 »); None for a workbook.
    encoding: str | None = None

    @cached_property
    def error_groups(self) -> list[ErrorGroup]:
        """The errors grouped by cause (domain/error_groups.py), what every front end shows."""
        return group_errors(self.errors)

    def out_of_scope_sentence(self) -> str:
        return out_of_scope_sentence(self.out_of_scope, self.out_of_scope_labels) if self.out_of_scope else ""

    def as_json(self) -> dict[str, object]:
        """The report of `ordnum traces import --json` (shared/spec/traces-format.md)."""
        return {
            "file": self.file,
            "read": self.read,
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "unmatched": self.unmatched,
            "ignored_columns": list(self.ignored_columns),
            "out_of_scope": self.out_of_scope,
            "encoding": self.encoding,
            "errors": [e.as_json() for e in self.errors],
            "error_groups": [g.as_json() for g in self.error_groups],
        }


@dataclass(frozen=True)
class TracesPreview:
    """The header as matched and the first rows as read, shown before importing."""

    file: str
    header: list[str]
    columns: dict[str, int]  # column key → position in `header`
    missing: list[str]
    ignored_columns: list[str]
    rows: list[list[str]]
    total: int


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _missing_columns_message(name: str, missing: list[str], found: list[object]) -> str:
    cols = ", ".join(f"« {m} »" for m in missing)
    seen = ", ".join(str(c) for c in found if c not in (None, "")) or "aucune"
    plural = "les colonnes obligatoires" if len(missing) > 1 else "la colonne obligatoire"
    return (
        f"Le fichier « {name} » est refusé : il lui manque {plural} {cols} en ligne 1 "
        f"(colonnes trouvées : {seen})."
    )


def _too_many_rejected(name: str, first: RowError) -> str:
    column = f", colonne « {first.column} »" if first.column else ""
    return (
        f"Le fichier « {name} » est refusé : plus de 10 000 lignes sont illisibles (la première, "
        f"ligne {first.row}{column} : {first.message.rstrip('.')}). Ce n'est pas un export "
        "de traces postes conforme ; rien n'a été importé."
    )


def import_traces(
    ws: Workspace,
    preserie_id: int,
    path: Path | str,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    refuse_overlap: bool = False,
    waiting: Waiting | None = None,
) -> ImportReport:
    """Imports one file into the présérie. Raises UserError when the file is refused whole,
    ImportCancelled when `cancel()` returned True, and with `refuse_overlap` OverlapFound when
    the file re-makes an earlier import at minute precision (overlap.py); in all three cases
    nothing is stored. `waiting(sentence)`: told why the import waits when another one into the
    same présérie runs on the server (store/import_lock.py)."""
    if ws.read_only:  # refused before the file is read (a read-only role on a server)
        raise WorkspaceError(ws.read_only_reason or f"« {ws.name} » est ouvert en lecture seule.")
    # The parse allocates millions of lists and tuples that live until the end (the reader's
    # rows, the tally): the cycle collector would walk them again and again (about a tenth of the
    # import). Paused until `_import` has returned and they are freed, so that the collection
    # that follows finds little to walk.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _import(ws, preserie_id, Path(path), progress, cancel, refuse_overlap, waiting)
    finally:
        if collecting:
            gc.enable()


def _import(
    ws: Workspace,
    preserie_id: int,
    path: Path,
    progress: Progress | None,
    cancel: Cancel | None,
    refuse_overlap: bool,
    waiting: Waiting | None,
) -> ImportReport:
    source = open_traces(path)
    try:
        header = match_header(source.header)
        if header.missing:
            raise UserError(_missing_columns_message(path.name, header.missing, source.header))
        parser = RowParser(header, load_referentiel())
        parser.flat = True
        read = rejected = 0
        errors: list[RowError] = []
        file_hash = file_sha256(path)
        backup.before_import(ws)  # rotating copy of the workspace before it changes (issue 6)
        with ws.session() as s:
            # Before anything is read: the fold below assumes no other import runs meanwhile.
            hold_import_lock(s.connection(), preserie_id, waiting)
            if s.get(Preserie, preserie_id) is None:
                raise UserError(f"Aucune présérie n° {preserie_id} dans « {ws.name} ».")
            # Read before the batch row exists: the stored summary's signature is that of the
            # rows before this import.
            fold = ImportFold.before_import(s.connection(), preserie_id)
            tally = parser.tally = TraceTally() if fold.summary is not None else None
            batch = ImportBatch(
                preserie_id=preserie_id, kind="traces", file_name=path.name, file_hash=file_hash
            )
            s.add(batch)
            s.flush()
            assert batch.id is not None
            writer = open_trace_writer(s.connection(), preserie_id, batch.id)
            first_ts: str | None = None
            last_ts: str | None = None
            try:
                number = source.header_row + 1
                done = 0
                for chunk in source.chunks(CHUNK_ROWS):
                    good, chunk_errors, chunk_read, chunk_rejected = parser.parse_chunk(chunk, number)
                    number += len(chunk)
                    done += len(chunk)
                    if good:
                        # C speed: the span of the file's times, for the overlap check.
                        times: list[str] = good[0::VALUES_PER_ROW]  # type: ignore[assignment]
                        low, high = min(times), max(times)
                        first_ts = low if first_ts is None or low < first_ts else first_ts
                        last_ts = high if last_ts is None or high > last_ts else last_ts
                        writer.write(good)
                    read += chunk_read
                    rejected += chunk_rejected
                    errors.extend(chunk_errors)
                    if rejected > MAX_REJECTED:
                        raise UserError(_too_many_rejected(path.name, errors[0]))
                    if progress is not None:
                        progress(done, max(source.total, done))
                    if cancel is not None and cancel():
                        raise ImportCancelled("Import annulé : aucune ligne n'a été enregistrée.")
                inserted = writer.finish().inserted
            finally:
                writer.close()
            if refuse_overlap and fold.had_rows and first_ts is not None and last_ts is not None:
                overlap = stored_overlap(
                    s.connection(), preserie_id, fold.last_id, path.name, first_ts, last_ts
                )
                if overlap is not None:
                    raise OverlapFound(overlap)  # rolled back with the session's transaction
            if read == 0:
                raise UserError(
                    f"Le fichier « {path.name} » ne contient aucune ligne de traces sous son en-tête."
                )
            out_of_scope = sum(parser.out_of_scope.values())
            duplicates = read - rejected - out_of_scope - inserted
            if tally is not None:
                tally.close()
                if duplicates or not tally.exact:
                    # It counted rows the index ignored, or could not tell two doctors'
                    # prescriptions apart: the stored rows are tallied again in SQL.
                    tally = None
            unmatched = _count_unmatched(s.connection(), preserie_id, batch.id, parser.identifiers(), tally)
            report = ImportReport(
                file=path.name,
                read=read,
                accepted=inserted,
                duplicates=duplicates,
                rejected=rejected,
                unmatched=unmatched,
                ignored_columns=header.ignored,
                errors=errors,
                batch_id=batch.id,
                out_of_scope=out_of_scope,
                encoding=source.encoding,
                out_of_scope_labels=tuple(
                    c.label for c in parser.ref.excluded_prestation_types if c.code in parser.out_of_scope
                ),
            )
            batch.read, batch.accepted, batch.duplicates = read, inserted, duplicates
            batch.rejected, batch.unmatched = rejected, unmatched
            batch.out_of_scope = out_of_scope
            s.add(batch)
            s.flush()  # the summary's signature reads the batch's counts
            fold.after_import(s.connection(), preserie_id, tally)
        return report
    finally:
        source.close()


def list_batches(ws: Workspace, preserie_id: int) -> list[ImportBatch]:
    with ws.session() as s:
        q = select(ImportBatch).where(ImportBatch.preserie_id == preserie_id, ImportBatch.kind == "traces")
        return list(s.exec(q.order_by(col(ImportBatch.imported_at), col(ImportBatch.id))).all())


def preview_traces(path: Path | str, limit: int = 20) -> TracesPreview:
    """The header as matched and the first rows as read, for the window to show before importing;
    raises UserError for a file that would be refused."""
    path = Path(path)
    source = open_traces(path)
    try:
        header = match_header(source.header)
        rows: list[list[str]] = []
        for chunk in source.chunks(limit):
            rows = [["" if v is None else str(v) for v in r] for r in chunk]
            break
        return TracesPreview(
            file=path.name,
            header=["" if h is None else str(h) for h in source.header],
            columns=dict(header.positions),
            missing=header.missing,
            ignored_columns=header.ignored,
            rows=rows,
            total=source.total,
        )
    finally:
        source.close()
