"""One exception → one French sentence, for the command line and the window alike.

The errors raised on purpose are the `OrdnumError` family (domain/errors.py, re-exported here for
the services). Everything else is translated here: OS errors by errno (never `strerror`, which is
English), SQLite's own messages, and, for a bug, « Erreur inattendue » with the log file that
holds the traceback.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Mapping

from ordnum_desktop.domain.errors import (
    Hint,
    InputError,
    OrdnumError,
    RuleError,
    UserError,
    WorkspaceError,
    os_reason,
)
from ordnum_desktop.services.io.error_log import log_failure, log_path
from ordnum_desktop.services.workspace.changes import committed_writes

__all__ = [
    "Hint",
    "InputError",
    "OrdnumError",
    "RuleError",
    "UserError",
    "WorkspaceError",
    "failure_message",
    "os_reason",
    "is_unexpected",
    "saved_clause",
    "user_message",
]

Remedies = Mapping[Hint, str]

# Fragment of SQLite's message → sentence about the workspace.
_SQLITE_MESSAGES: tuple[tuple[str, str], ...] = (
    (
        "database is locked",
        "Le fichier de suivi est occupé par un autre programme : réessayez dans un instant.",
    ),
    ("readonly database", "Le fichier de suivi est en lecture seule : ouvrez une copie modifiable."),
    (
        "disk i/o error",
        "Erreur de lecture ou d'écriture du disque sur le fichier de suivi : vérifiez le support.",
    ),
    ("database or disk is full", "Le disque est plein : libérez de la place puis recommencez."),
    (
        "unable to open database file",
        "Le fichier de suivi ne peut pas être ouvert : vérifiez son emplacement.",
    ),
    ("file is not a database", "Le fichier ouvert n'est pas un fichier de suivi."),
    ("malformed", "Le fichier de suivi est endommagé : restaurez une sauvegarde."),
)


def is_unexpected(exc: BaseException) -> bool:
    """True for a bug rather than a problem of the user's file or machine."""
    return user_message_or_none(exc) is None


def user_message_or_none(exc: BaseException, remedies: Remedies | None = None) -> str | None:
    if isinstance(exc, OrdnumError):
        remedy = (remedies or {}).get(exc.hint) if exc.hint is not None else None
        return f"{exc.message} {remedy}" if remedy else exc.message
    # SQLAlchemy's DBAPIError wraps the sqlite3 error in `orig`; read by attribute so that the
    # window's first paint does not wait for SQLAlchemy (200 ms) just to import this module.
    wrapped = getattr(exc, "orig", None)
    if type(wrapped).__module__.startswith("psycopg") or type(exc).__module__.startswith("psycopg"):
        # A server's failure outside a workspace session (store/server_errors.py).
        from ordnum_desktop.store.server_errors import server_message

        return server_message(exc, None)
    if isinstance(wrapped, sqlite3.Error):
        return user_message_or_none(wrapped)
    if isinstance(exc, sqlite3.DatabaseError):
        text = str(exc).lower()
        for fragment, sentence in _SQLITE_MESSAGES:
            if fragment in text:
                return sentence
        return None
    if isinstance(exc, OSError):
        return _os_message(exc)
    return None


def _os_message(exc: OSError) -> str:
    name = exc.filename if exc.filename is not None else "fichier"
    if exc.filename2 is not None and exc.errno in (errno.EEXIST, errno.EXDEV):
        name = exc.filename2
    return f"Opération impossible sur « {name} » : {os_reason(exc)}."


def saved_clause(saved_since: int | None) -> str:
    """What was saved since `saved_since` (a `committed_writes()` value taken when the action
    began), said only when known: « aucune modification » once came after a committed undo."""
    if saved_since is None:
        return ""
    if committed_writes() == saved_since:
        return "aucune modification n'a été enregistrée. "
    return "les modifications terminées avant l'erreur sont enregistrées, pas celle en cours. "


def user_message(
    exc: BaseException, remedies: Remedies | None = None, *, saved_since: int | None = None
) -> str:
    """The one French sentence the user reads for `exc`, with the front end's remedy for its hint."""
    known = user_message_or_none(exc, remedies)
    if known is not None:
        return known
    return (
        f"Erreur inattendue ({type(exc).__name__}) : {saved_clause(saved_since)}"
        f"Le détail est dans le journal « {log_path()} »."
    )


def failure_message(
    exc: BaseException, remedies: Remedies | None = None, context: str = "", *, saved_since: int | None = None
) -> str:
    """`user_message`, after writing the traceback to the log file for anything that is not a
    refusal of ours (OS and SQLite errors too: they help when a user reports a problem)."""
    if not isinstance(exc, OrdnumError):
        log_failure(exc, context)
    return user_message(exc, remedies, saved_since=saved_since)
