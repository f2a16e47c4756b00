"""Undo of a traces import: that batch's rows go, the batch stays in the history as undone.

Only the rows the batch stored are removed: a row the file repeated from an earlier import was
counted as a duplicate and belongs to the earlier batch, so it stays. The bilan is computed from
the rows at each display, so it is recomputed by the next look.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update

from ordnum_desktop.services import backup
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.workspace import Workspace
from ordnum_desktop.store import audit
from ordnum_desktop.store.models import ImportBatch


def undo_batch(ws: Workspace, batch_id: int) -> int:
    """Removes the rows of import `batch_id`, marks it undone (audit entry "undo"); returns the
    number of rows removed. A copy of the workspace is taken first."""
    with ws.session() as s:
        batch = s.get(ImportBatch, batch_id)
        if batch is None:
            raise UserError(f"Aucun import n° {batch_id} dans « {ws.path.name} ».")
        if batch.undone_at is not None:
            raise UserError(f"L'import n° {batch_id} (« {batch.file_name} ») a déjà été annulé le "
                            f"{batch.undone_at:%d/%m/%Y à %H:%M}.")
    backup.before_undo(ws)
    with ws.session() as s:
        conn = s.connection()
        removed = conn.exec_driver_sql("DELETE FROM trace_row WHERE batch_id = ?", (batch_id,)).rowcount
        now = datetime.now().replace(microsecond=0)
        # Core, not the ORM: the audit gets one "undo" entry rather than an "update".
        table = ImportBatch.__table__  # type: ignore[attr-defined]
        conn.execute(update(table).where(table.c.id == batch_id).values(undone_at=now))
        audit.record(conn, action="undo", entity="import_batch", entity_id=batch_id,
                     preserie_id=batch.preserie_id, batch_id=batch_id,
                     before={"file_name": batch.file_name, "accepted": batch.accepted},
                     after={"rows_removed": removed, "undone_at": now.isoformat(sep=" ")})
    return removed
