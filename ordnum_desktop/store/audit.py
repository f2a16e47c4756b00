"""The audit trail: every ORM change to the tracked tables becomes an `audit_entry` row.

Written from SQLAlchemy session events, in the same transaction as the change itself (a rolled
back change leaves no entry, a committed one always has its entry), so services need no code for
it. Only engines passed to `enable()` are audited (the workspace opener does it once migrations
are done; a read-only workspace is not). Trace rows are written in bulk through the driver and
are audited per batch (the `import_batch` row), not per row. Each entry names the database user
(store/identity.py); the rows' own version stamps (store/row_stamps.py) are not part of the change.
"""

from __future__ import annotations

import json
import weakref
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, event, inspect, select
from sqlalchemy.orm import Session, UOWTransaction
from sqlmodel import col

from ordnum_desktop.store.identity import database_user
from ordnum_desktop.store.models import (
    Anomaly,
    AuditEntry,
    CpamSelection,
    Doctor,
    ImportBatch,
    InstallationPlan,
    Prerequisite,
    Preserie,
    PreseriePeriod,
    SatisfactionAnswer,
    TechnicalPrerequisite,
)
from ordnum_desktop.store.row_stamps import STAMP_COLUMNS

TRACKED: tuple[type, ...] = (
    Preserie,
    Doctor,
    InstallationPlan,
    CpamSelection,
    SatisfactionAnswer,
    Anomaly,
    TechnicalPrerequisite,
    Prerequisite,
    ImportBatch,
    PreseriePeriod,
)
ACTIONS = ("insert", "update", "delete", "import", "undo", "restore")
_PENDING = "ordnum_audit_pending"
_IMPORTS = "ordnum_audit_imports"

_enabled: weakref.WeakSet[Engine] = weakref.WeakSet()


def enable(engine: Engine) -> None:
    _enabled.add(engine)


def _is_audited(session: Session) -> bool:
    bind = session.bind
    engine = getattr(bind, "engine", bind)
    return engine is not None and engine in _enabled


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _columns(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {
        attr.key: _plain(getattr(obj, attr.key))
        for attr in mapper.column_attrs
        if attr.key not in STAMP_COLUMNS
    }


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in STAMP_COLUMNS:
            continue
        hist = state.attrs[attr.key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if _plain(old) == _plain(new):
            continue
        before[attr.key] = _plain(old)
        after[attr.key] = _plain(new)
    return before, after


def _preserie_of(conn: Connection, obj: Any) -> int | None:
    if isinstance(obj, Preserie):
        return obj.id
    if isinstance(obj, InstallationPlan):
        preserie_id: int | None = conn.execute(
            select(col(Doctor.preserie_id)).where(col(Doctor.id) == obj.doctor_id)
        ).scalar()
        return preserie_id
    return getattr(obj, "preserie_id", None)


def _entry(
    conn: Connection,
    action: str,
    obj: Any,
    preserie_id: int | None,
    before: dict[str, Any],
    after: dict[str, Any],
) -> dict[str, Any]:
    batch_id = obj.id if isinstance(obj, ImportBatch) else None
    return {
        "at": datetime.now().replace(microsecond=0),
        "preserie_id": preserie_id,
        "entity": obj.__tablename__,
        "entity_id": obj.id,
        "action": action,
        "before_json": json.dumps(before, ensure_ascii=False, default=str),
        "after_json": json.dumps(after, ensure_ascii=False, default=str),
        "batch_id": batch_id,
        "changed_by": database_user(conn),
    }


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    if not _is_audited(session):
        return
    pending: list[Any] = session.info.setdefault(_PENDING, [])
    conn = session.connection()
    imports: dict[int, Any] = session.info.setdefault(_IMPORTS, {})  # id(obj): models are unhashable
    for obj in session.new:
        if isinstance(obj, ImportBatch):
            # An import inserts its batch first and fills in the counts at the end: one entry,
            # written at commit with the final counts, instead of an insert and an update.
            imports[id(obj)] = obj
        elif isinstance(obj, TRACKED):
            pending.append(("insert", obj))
    for obj in session.dirty:
        if id(obj) in imports:
            continue
        if isinstance(obj, TRACKED) and session.is_modified(obj, include_collections=False):
            before, after = _changes(obj)
            if before or after:
                pending.append(_entry(conn, "update", obj, _preserie_of(conn, obj), before, after))
    for obj in session.deleted:
        if isinstance(obj, TRACKED):
            pending.append(_entry(conn, "delete", obj, _preserie_of(conn, obj), _columns(obj), {}))


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    conn = session.connection()
    rows = []
    for item in pending:
        if isinstance(item, tuple):  # an insert: its id and defaults are known only now
            _action, obj = item
            rows.append(_entry(conn, "insert", obj, _preserie_of(conn, obj), {}, _columns(obj)))
        else:
            rows.append(item)
    conn.execute(AuditEntry.__table__.insert(), rows)  # type: ignore[attr-defined]


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    if not _is_audited(session):
        return
    session.flush()  # commit flushes after this event: flush now so that every batch is known
    imports = session.info.pop(_IMPORTS, None)
    if not imports:
        return
    conn = session.connection()
    rows = [
        _entry(conn, "import", b, b.preserie_id, {}, _columns(b))
        for b in imports.values()
        if b.id is not None
    ]
    if rows:
        conn.execute(AuditEntry.__table__.insert(), rows)  # type: ignore[attr-defined]


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_IMPORTS, None)


def record(
    conn: Connection,
    *,
    action: str,
    entity: str,
    entity_id: int | None,
    preserie_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    batch_id: int | None = None,
) -> None:
    """An entry for a change made outside the ORM (undo of a batch, restore of a backup), written
    on the caller's connection so that it commits or rolls back with the change."""
    conn.execute(
        AuditEntry.__table__.insert(),  # type: ignore[attr-defined]
        [
            {
                "at": datetime.now().replace(microsecond=0),
                "preserie_id": preserie_id,
                "entity": entity,
                "entity_id": entity_id,
                "action": action,
                "before_json": json.dumps(before or {}, ensure_ascii=False, default=str),
                "after_json": json.dumps(after or {}, ensure_ascii=False, default=str),
                "batch_id": batch_id,
                "changed_by": database_user(conn),
            }
        ],
    )
