"""A doctor of the roster as the PS tab shows it: the same row whichever way it was read.

The window's first screen reads the roster without the ORM (store/first_screen_read.py, plain
`sqlite3`, so that SQLAlchemy's ~400 ms of imports wait until after the data is on screen); the
full workspace then reads it through the ORM. Both end up as this one frozen row, and the rules
check takes it through `roster_doctor`, so the two readings cannot show different things
(tests/test_first_screen.py compares them on every fixture workspace).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from ordnum_desktop.domain.roster_rules import RosterDoctor


@dataclass(frozen=True)
class DoctorRow:
    id: int
    version: int
    last_name: str
    first_name: str
    mode: str
    specialty: str
    am: str
    rpps: str
    finess: str
    centre_name: str
    structure: str
    cpam: str
    equipped: bool
    compatibility_checked: bool
    consent: bool


DOCTOR_ROW_FIELDS = tuple(f.name for f in fields(DoctorRow))
FLAG_FIELDS = ("equipped", "compatibility_checked", "consent")


def doctor_row(doctor: Any) -> DoctorRow:
    """From the ORM's `Doctor` (any object carrying the fields); the first screen's reader makes
    its rows directly (store/first_screen_read.py)."""
    return DoctorRow(**{name: getattr(doctor, name) for name in DOCTOR_ROW_FIELDS})


def roster_doctor(d: Any) -> RosterDoctor:
    """What the roster rules look at, from a `DoctorRow` or the ORM's `Doctor`."""
    return RosterDoctor(
        key=d.id or 0,
        last_name=d.last_name,
        first_name=d.first_name,
        mode=d.mode,
        am=d.am,
        rpps=d.rpps,
        finess=d.finess,
        centre_name=d.centre_name,
        structure=d.structure,
        equipped=d.equipped,
        compatibility_checked=d.compatibility_checked,
        consent=d.consent,
        cpam=d.cpam,
        specialty=d.specialty,
    )
