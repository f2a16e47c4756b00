"""The last check before anything typed is stored: a text with a control character or a date
outside the référentiel's years is refused with the field's French name, whatever the way in (a
window field, a CLI option such as `--description`, a service called by a test).

It runs at every flush of a workspace session and looks only at the values the flush writes (the
new rows, the changed columns): a legacy anomaly holding a vertical tab can still be closed, its
text is cleaned on export (issue 12, item 8). The imports check their cells earlier, with the row
and the column (services/roster/workbook.py, services/followup/satisfaction_workbook.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session, UOWTransaction

from ordnum_desktop.domain.entry_checks import control_character_problem, year_problem
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.workspace.field_labels import FIELD_LABELS
from ordnum_desktop.store.models import AppMeta, AuditEntry, ImportBatch, TraceRow

# Rows the application writes itself (file names, digests, the audit trail), not typed values;
# a traces file name holding ESC is stored as it is and printed escaped.
_NOT_TYPED = (AppMeta, AuditEntry, ImportBatch, TraceRow)
_GENERATED_COLUMNS = frozenset({"figures_json", "digest", "pdf", "file_name", "file_hash"})


def _written(obj: Any, new: bool) -> list[tuple[str, object]]:
    state = inspect(obj)
    out = []
    for attr in state.mapper.column_attrs:
        if attr.key in _GENERATED_COLUMNS:
            continue
        if new:
            out.append((attr.key, getattr(obj, attr.key)))
        else:
            out.extend((attr.key, v) for v in state.attrs[attr.key].history.added)
    return out


def refuse_bad_entries(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    """A `before_flush` listener: raises UserError (the flush, so the transaction, fails)."""
    for new, objects in ((True, session.new), (False, session.dirty)):
        for obj in objects:
            if isinstance(obj, _NOT_TYPED):
                continue
            for key, value in _written(obj, new):
                label = FIELD_LABELS.get(key, key)
                if isinstance(value, str) and (problem := control_character_problem(value)):
                    raise UserError(f"Le champ « {label} » {problem}. Rien n'a été enregistré.")
                if isinstance(value, date) and (problem := year_problem(value)):
                    raise UserError(f"Le champ « {label} » : {problem}. Rien n'a été enregistré.")
