"""What the bilan needs from the rows of one traces file, tallied while the file is parsed.

Grouping a million stored rows in SQLite costs seconds (a sort of every row); the parser already
holds each accepted row in hand, so tallying it there costs a fraction of that, and the bilan's
summary can then be brought up to date inside the import (issue 3: the first bilan after an import
of a million rows in well under half a second).

Two tallies:
- per prescription (Identifiant PS, Identifiant ordonnance): the first day, the first day of an
  e-prescription row, the first day of a successful *créer* (days as 'YYYY-MM-DD'); rows of one
  prescription usually follow each other in an export, so the running prescription is kept in
  hand and merged into the dictionary only when the next one starts;
- per (Identifiant PS, day, operation, code retour): the number of rows, counted by `Counter`
  over columns sliced from the chunk (C speed, no Python code per row).

The tally counts the rows the parser accepted. Rows the unique index then ignores as duplicates
were counted too, so the tally describes the stored rows only when the import stored every
accepted row; the caller checks that.
"""

from __future__ import annotations

from collections import Counter
from operator import itemgetter
from typing import Any

# (first day, first e-prescription day | None, first successful créer day | None)
PrescriptionDays = tuple[str, str | None, str | None]

_DAY = itemgetter(slice(0, 10))
FIELDS = 9  # values per row in the parser's flat list: ts, ps, finess, prescription id, …
_TS, _PS, _OP, _RC = 0, 1, 6, 7


def earliest(a: str | None, b: str | None) -> str | None:
    """The earlier of two optional days."""
    if a is None:
        return b
    if b is None:
        return a
    return a if a <= b else b


class TraceTally:
    """`presc[identifier][prescription id]` = PrescriptionDays and `rows[(identifier, day,
    operation, code retour)]` = rows. Call `close()` after the last chunk."""

    def __init__(self) -> None:
        self.presc: dict[str, dict[str, PrescriptionDays]] = {}
        self.rows: Counter[tuple[str, str, str, int | None]] = Counter()
        # The prescription being read: [identifier, prescription id, first, digital, created].
        self.run: list[str | None] = [None, None, None, None, None]

    def add(self, ps: str, pid: str, first: str, digital: str | None, created: str | None) -> None:
        """Merges the days of a run of rows of one prescription."""
        by_pid = self.presc.get(ps)
        if by_pid is None:
            by_pid = self.presc[ps] = {}
        old = by_pid.get(pid)
        if old is None:
            by_pid[pid] = (first, digital, created)
        else:
            by_pid[pid] = (min(old[0], first), earliest(old[1], digital), earliest(old[2], created))

    def count_rows(self, flat: list[Any]) -> None:
        """Counts the rows of a chunk given as the parser's flat list of values."""
        self.rows.update(
            zip(
                flat[_PS::FIELDS],
                map(_DAY, flat[_TS::FIELDS]),
                flat[_OP::FIELDS],
                flat[_RC::FIELDS],
                strict=True,
            )
        )

    def close(self) -> None:
        ps, pid, first, digital, created = self.run
        if pid is not None:
            self.add(ps, pid, first, digital, created)  # type: ignore[arg-type]
        self.run = [None, None, None, None, None]


__all__ = ["PrescriptionDays", "TraceTally", "earliest"]
