"""Whether the workspace file was changed since a given moment, so that an error message says
« aucune modification n'a été enregistrée » only when that is true (issue 12, item 11): an undo
whose summary refresh fails after its commit, or Ctrl-C after an import's commit, did save.

Counts the committed transactions that wrote something (INSERT, UPDATE, DELETE, REPLACE, DDL),
whatever the writer (ORM session, bulk driver statements, a migration); a restore counts itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the window's first paint imports this module; SQLAlchemy waits for a workspace
    from sqlalchemy import Engine

_WRITES = ("insert", "update", "delete", "replace", "create", "drop", "alter")
_DIRTY = "ordnum_wrote"
_committed = 0


def committed_writes() -> int:
    """A counter to compare with a later value: equal means nothing was saved in between."""
    return _committed


def note_saved() -> None:
    global _committed
    _committed += 1


def _before_execute(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    if statement.lstrip()[:7].lower().startswith(_WRITES):
        conn.info[_DIRTY] = True


def _commit(conn: Any) -> None:
    if conn.info.pop(_DIRTY, False):
        note_saved()


def _rollback(conn: Any) -> None:
    conn.info.pop(_DIRTY, None)


def watch(engine: Engine) -> None:
    from sqlalchemy import event

    event.listen(engine, "before_cursor_execute", _before_execute)
    event.listen(engine, "commit", _commit)
    event.listen(engine, "rollback", _rollback)
