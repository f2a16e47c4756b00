"""Undo of a traces import: that batch's rows go, the batch stays in the history as undone.

Only the rows the batch stored are removed: a row the file repeated from an earlier import was
counted as a duplicate and belongs to the earlier batch, so it stays. The bilan's per-day
summary is brought up to date by the undo itself, so the next bilan only reads it back.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update

from ordnum_desktop.services.bilan.summary import refresh_summary, store_summary_in, summary_without_batch
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.workspace import backup
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store import audit, sql
from ordnum_desktop.store.models import ImportBatch

# Up to this share of the présérie's rows, an undo subtracts the batch from the bilan's summary;
# past it, the summary is rebuilt from the rows kept (see undo_batch).
DELTA_MAX_SHARE = 0.25


def undo_batch(ws: Workspace, batch_id: int) -> int:
    """Removes the rows of import `batch_id`, marks it undone (audit entry "undo"); returns the
    number of rows removed. A copy of the workspace is taken first."""
    with ws.session() as s:
        batch = s.get(ImportBatch, batch_id)
        if batch is None:
            raise UserError(f"Aucun import n° {batch_id} dans « {ws.name} ».")
        if batch.undone_at is not None:
            raise UserError(
                f"L'import n° {batch_id} (« {batch.file_name} ») a déjà été annulé le "
                f"{batch.undone_at:%d/%m/%Y à %H:%M}."
            )
    backup.before_undo(ws)
    with ws.session() as s:
        conn = s.connection()
        # The bilan's summary minus this batch, read before its rows go (issue 3: a bilan in
        # < 0.5 s right after an undo). That pass costs ~4 µs per row of the batch, a rebuild
        # ~1.5 µs per row kept: a big batch is cheaper to rebuild without, after the commit.
        total = sql.run(
            conn, "SELECT count(*) FROM trace_row WHERE preserie_id = ?", (batch.preserie_id,)
        ).scalar_one()
        carried = (
            summary_without_batch(conn, batch.preserie_id, batch_id)
            if batch.accepted <= DELTA_MAX_SHARE * total
            else None
        )
        removed = sql.run(conn, "DELETE FROM trace_row WHERE batch_id = ?", (batch_id,)).rowcount
        now = datetime.now().replace(microsecond=0)
        # Core, not the ORM: the audit gets one "undo" entry rather than an "update".
        table = ImportBatch.__table__  # type: ignore[attr-defined]
        conn.execute(update(table).where(table.c.id == batch_id).values(undone_at=now))
        audit.record(
            conn,
            action="undo",
            entity="import_batch",
            entity_id=batch_id,
            preserie_id=batch.preserie_id,
            batch_id=batch_id,
            before={"file_name": batch.file_name, "accepted": batch.accepted},
            after={"rows_removed": removed, "undone_at": now.isoformat(sep=" ")},
        )
        if carried is not None:
            store_summary_in(conn, batch.preserie_id, carried)
    if carried is None:  # a big batch, or a stale summary: rebuilt now, not by the next bilan
        refresh_summary(ws, batch.preserie_id)
    return removed
