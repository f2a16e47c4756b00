"""The window's first screen: the présérie list, the roster and its rules check, before the
workspace (and SQLAlchemy) is opened — see store/first_screen_read.py for why and when.

The check is the same domain function the full workspace calls (`check_roster`, on the same rows
through `roster_doctor`), so the first screen and the one that replaces it agree cell for cell.
Nothing here imports the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.roster_rows import DoctorRow, roster_doctor
from ordnum_desktop.domain.roster_rules import CheckResult, check_roster
from ordnum_desktop.store.first_screen_read import PreserieLine, read_first_screen


@dataclass(frozen=True)
class FirstScreen:
    preseries: list[PreserieLine]
    preserie_id: int
    exercise: str
    doctors: list[DoctorRow]
    check: CheckResult


def first_screen(path: Path) -> FirstScreen | None:
    """None when the file is not one the quick reading handles: the full opening then runs."""
    rows = read_first_screen(path)
    if rows is None:
        return None
    check = check_roster(
        rows.exercise,
        rows.small_market_share,
        rows.cpams,
        [roster_doctor(d) for d in rows.doctors],
        load_referentiel(),
    )
    return FirstScreen(rows.preseries, rows.preserie_id, rows.exercise, rows.doctors, check)
