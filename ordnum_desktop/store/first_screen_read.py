"""What the window's first screen shows, read with the standard library's `sqlite3` alone.

SQLAlchemy, SQLModel and pydantic cost ~400 ms of imports on a laptop, more than everything else
the first screen needs (issue 16). So when the window opens a workspace file it first reads the
few rows the PS tab shows — the présérie list, the roster, the selected CPAMs — here, read-only,
and paints them; the full workspace (lock, checks, ORM) opens right after and takes over.

This reader never decides anything: whatever it does not expect (a file to upgrade, an unreadable
or locked file, a journal to roll back, several préséries) gives `None`, and the full opening
reports it in French as usual. Only SQLite files: a server address always takes the full path.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ordnum_desktop.domain.roster_rows import DOCTOR_ROW_FIELDS, FLAG_FIELDS, DoctorRow
from ordnum_desktop.store.schema import SQLITE_MAGIC, head_revision


@dataclass(frozen=True)
class PreserieLine:
    id: int
    editor: str
    software: str
    version: str


@dataclass(frozen=True)
class FirstScreenRows:
    preseries: list[PreserieLine]
    preserie_id: int
    exercise: str
    small_market_share: bool
    cpams: list[str]
    doctors: list[DoctorRow]


_DOCTORS = f"SELECT {', '.join(DOCTOR_ROW_FIELDS)} FROM doctor WHERE preserie_id = ? ORDER BY position, id"


def _doctor(values: tuple[object, ...]) -> DoctorRow:
    row = dict(zip(DOCTOR_ROW_FIELDS, values, strict=True))
    for name in FLAG_FIELDS:  # SQLite keeps booleans as 0/1, the ORM gives bool
        row[name] = bool(row[name])
    return DoctorRow(**row)  # type: ignore[arg-type]


def read_first_screen(path: Path) -> FirstScreenRows | None:
    """The rows of the PS tab of a file holding exactly one présérie, or None (see above)."""
    try:
        with path.open("rb") as f:
            if f.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return None
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0)
    except (OSError, ValueError, sqlite3.Error):
        return None
    try:
        return _read(conn)
    except (sqlite3.Error, TypeError, ValueError):
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection) -> FirstScreenRows | None:
    (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone() or ("",)
    if revision != head_revision():  # to be upgraded (or newer than this app): the full opening
        return None
    rows = conn.execute(
        "SELECT id, editor, software, version, exercise, small_market_share FROM preserie ORDER BY id"
    ).fetchall()
    if len(rows) != 1:  # none, or several: the window then starts on the overview
        return None
    pid, editor, software, version, exercise, small_share = rows[0]
    preseries = [PreserieLine(pid, editor, software, version)]
    cpams = [
        cpam
        for (cpam,) in conn.execute(
            "SELECT cpam_id FROM cpam_selection WHERE preserie_id = ? ORDER BY id", (pid,)
        )
    ]
    doctors = [_doctor(values) for values in conn.execute(_DOCTORS, (pid,))]
    return FirstScreenRows(preseries, pid, exercise, bool(small_share), cpams, doctors)
