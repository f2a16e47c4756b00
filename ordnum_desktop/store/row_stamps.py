"""Every ORM change to a versioned row (doctor, installation_plan) is stamped with who made it
and when, at flush time, whatever service made it: the refusal of a concurrent edit
(services/workspace/row_versions.py) names them. The version itself is bumped by SQLAlchemy
(`version_id_col`, store/models.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import event
from sqlalchemy.orm import Session, UOWTransaction

from ordnum_desktop.store.identity import database_user
from ordnum_desktop.store.models import Doctor, InstallationPlan

VERSIONED: tuple[type, ...] = (Doctor, InstallationPlan)
# Bookkeeping columns: not part of what the user changed (the audit trail leaves them out).
STAMP_COLUMNS = frozenset({"version", "changed_by", "changed_at"})


@event.listens_for(Session, "before_flush")
def _stamp(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    changed = [
        obj
        for obj in (*session.new, *session.dirty)
        if isinstance(obj, VERSIONED)
        and (obj in session.new or session.is_modified(obj, include_collections=False))
    ]
    if not changed:
        return
    user = database_user(session.connection())
    now = datetime.now().replace(microsecond=0)
    for obj in changed:
        obj.changed_by = user  # type: ignore[attr-defined]
        obj.changed_at = now  # type: ignore[attr-defined]
