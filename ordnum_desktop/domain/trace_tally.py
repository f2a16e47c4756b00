"""What the bilan needs from the rows of one traces file, tallied while the file is parsed.

Grouping a million stored rows in SQLite costs seconds (a sort of every row); the parser already
holds each accepted row in hand, so tallying it there costs a fraction of that, and the bilan's
summary can then be brought up to date inside the import (issue 3: the first bilan after an import
of a million rows in well under half a second).

Two tallies:
- per prescription (Identifiant PS, Identifiant ordonnance): the first day, the first day of an
  e-prescription row, the first day of a successful *créer* (days as 'YYYY-MM-DD'), and from them
  how many prescriptions share each (identifier, days) state — all the bilan's summary keeps;
- per (Identifiant PS, day, operation, code retour): the number of rows.

Both are computed per chunk of the parser's accepted rows (`add_chunk`), over columns sliced from
the chunk, with C-speed tools (`Counter.update`, `map`, `zip`, comprehensions) rather than Python
code per row: a chunk whose every row is its own prescription (issue 16's held-out shape) costs
no Python loop at all. Rows of one prescription usually follow each other: each *run*
(consecutive rows of one prescription) becomes one state; the run still open at the end of a
chunk is carried into the next.

A prescription seen again in a later run is recognised by a 64-bit keyed hash of (identifier,
id) kept per prescription with its state number (about 75 bytes a prescription; the ids and days
themselves, kept as {identifier: {id: days}}, took 250 MiB for a million prescriptions). Two
prescriptions of different identifiers sharing a hash are detected (`exact` False: the caller
then tallies in SQL); two of the same doctor would have to share 64 bits of Python's per-process
keyed hash (SipHash), about 1 in 10^9 for a file of a million prescriptions, and a new process
draws a new key.

The tally counts the rows the parser accepted. Rows the unique index then ignores as duplicates
were counted too, so the tally describes the stored rows only when the import stored every
accepted row; the caller checks that.
"""

from __future__ import annotations

from collections import Counter
from itertools import accumulate, compress, islice
from operator import and_, eq, itemgetter, not_
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


# (identifier, first day, first e-prescription day | None, first successful créer day | None)
State = tuple[str, str, str | None, str | None]
_PID, _DIGITAL = 3, 5


class _StateIds(dict[State, int]):
    """State → small integer, a new state numbered on first sight (C speed through `map`);
    `states[number]` is the state."""

    def __init__(self) -> None:
        super().__init__()
        self.states: list[State] = []

    def __missing__(self, state: State) -> int:
        number = self[state] = len(self.states)
        self.states.append(state)
        return number


def _merged(a: State, b: State) -> State:
    return (a[0], min(a[1], b[1]), earliest(a[2], b[2]), earliest(a[3], b[3]))


class TraceTally:
    """`prescriptions[(identifier, first day, e-prescription day | None, successful créer day |
    None)]` = prescriptions (after `close()`), and `rows[(identifier, day, operation, code
    retour)]` = rows. Feed it the parser's chunks (`add_chunk`) or whole prescriptions (`add`),
    then `close()`."""

    def __init__(self) -> None:
        self.prescriptions: Counter[State] = Counter()
        self.rows: Counter[tuple[str, str, str, int | None]] = Counter()
        # The smallest and largest prescription id tallied (any identifier), for the fold's
        # search of earlier rows of the same prescriptions.
        self.low_id: str | None = None
        self.high_id: str | None = None
        self.exact = True
        self._closed = False
        # The run still open at the end of the last chunk: (identifier, id, first, digital,
        # created days).
        self._open: tuple[str, str, str, str | None, str | None] | None = None
        self._state_ids = _StateIds()
        self._runs: Counter[int] = Counter()  # prescriptions per state number
        self._known: dict[int, int] = {}  # hash of (identifier, id) → its state number

    @property
    def identifiers(self) -> set[str]:
        return {ps for ps, *_ in self.prescriptions}

    def add(self, ps: str, pid: str, first: str, digital: str | None, created: str | None) -> None:
        """A whole prescription, or one run of its rows."""
        self.add_runs([ps], [pid], [first], [digital], [created])

    def add_whole(
        self, ps: list[str], first: list[str], digital: list[str | None], created: list[str | None]
    ) -> None:
        """Whole prescriptions, each given once (an SQL GROUP BY): counted, never merged."""
        self._runs.update(map(self._state_ids.__getitem__, zip(ps, first, digital, created, strict=True)))

    def add_chunk(self, flat: list[Any]) -> None:
        """The accepted rows of a chunk, as the parser's flat list of values."""
        if not flat:
            return
        ps, pid = flat[_PS::FIELDS], flat[_PID::FIELDS]
        day = list(map(_DAY, flat[_TS::FIELDS]))
        op, rc = flat[_OP::FIELDS], flat[_RC::FIELDS]
        self.rows.update(zip(ps, day, op, rc, strict=True))
        digital = [d if g else None for d, g in zip(day, flat[_DIGITAL::FIELDS], strict=True)]
        created = [d if o == "creer" and r == 0 else None for d, o, r in zip(day, op, rc, strict=True)]
        if self._open is not None:  # the run left open by the last chunk, as a first row
            o_ps, o_pid, o_first, o_digital, o_created = self._open
            ps, pid, day = [o_ps, *ps], [o_pid, *pid], [o_first, *day]
            digital, created = [o_digital, *digital], [o_created, *created]
        # Row i + 1 continues row i's run: same id, then same identifier. The ids alone first,
        # without a tuple per row: in a file whose every row is its own prescription no two
        # neighbours share one, and the identifiers are not compared at all.
        same = list(map(eq, islice(pid, 1, None), pid))
        if any(same):
            same = list(map(and_, same, map(eq, islice(ps, 1, None), ps)))
        if any(same):
            ps, pid, day, digital, created = _runs(same, ps, pid, day, digital, created)
        self._open = (ps[-1], pid[-1], day[-1], digital[-1], created[-1])
        self.add_runs(ps[:-1], pid[:-1], day[:-1], digital[:-1], created[:-1])

    def add_runs(
        self,
        ps: list[str],
        pid: list[str],
        first: list[str],
        digital: list[str | None],
        created: list[str | None],
    ) -> None:
        """Runs of rows, one per position of the five lists."""
        if not pid:
            return
        low, high = min(pid), max(pid)
        if self.low_id is None or low < self.low_id:
            self.low_id = low
        if self.high_id is None or high > self.high_id:
            self.high_id = high
        keys = list(map(hash, zip(ps, pid, strict=True)))
        numbers = list(map(self._state_ids.__getitem__, zip(ps, first, digital, created, strict=True)))
        known = self._known
        if any(map(known.__contains__, keys)):
            self._add_one_by_one(keys, numbers)
            return
        before = len(known)
        known.update(zip(keys, numbers, strict=True))
        self._runs.update(numbers)
        if len(known) - before < len(keys):  # a prescription twice among these runs
            for key in [k for k, n in Counter(keys).items() if n > 1]:
                mine = [n for k, n in zip(keys, numbers, strict=True) if k == key]
                for n in mine:
                    self._runs[n] -= 1
                known.pop(key)
                self._add_one_by_one([key] * len(mine), mine)

    def _add_one_by_one(self, keys: list[int], numbers: list[int]) -> None:
        """The slow path, for runs of prescriptions already seen: merged with their state."""
        known, runs, ids = self._known, self._runs, self._state_ids
        for key, number in zip(keys, numbers, strict=True):
            old = known.get(key)
            if old is None:
                known[key] = number
                runs[number] += 1
                continue
            old_state, new_state = ids.states[old], ids.states[number]
            if old_state[0] != new_state[0]:
                self.exact = False  # two identifiers' prescriptions share a hash: never one
                runs[number] += 1
                continue
            merged = ids[_merged(old_state, new_state)]
            runs[old] -= 1
            runs[merged] += 1
            known[key] = merged

    def count_rows(self, flat: list[Any]) -> None:
        """Counts the rows of a chunk given as the parser's flat list of values (without the
        prescriptions: `add_chunk` does both)."""
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
        """Adds the run left open, counts the prescriptions per state and frees the per
        prescription dictionary (once)."""
        if self._closed:
            return
        self._closed = True
        if self._open is not None:
            self.add(*self._open)
            self._open = None
        states = self._state_ids.states
        self.prescriptions = Counter({states[n]: c for n, c in self._runs.items() if c > 0})
        self._known = {}


def _runs(
    same: list[bool],
    ps: list[str],
    pid: list[str],
    day: list[str],
    digital: list[str | None],
    created: list[str | None],
) -> tuple[list[str], list[str], list[str], list[str | None], list[str | None]]:
    """The rows' columns folded into one entry per run (`same[i]`: row i + 1 continues row i):
    the first row of each run gives its entry, the next rows only lower its days."""
    starts = [True, *map(not_, same)]
    run_of = list(accumulate(starts, initial=-1))[1:]  # run number of each row
    r_ps, r_pid, r_day = list(compress(ps, starts)), list(compress(pid, starts)), list(compress(day, starts))
    r_digital, r_created = list(compress(digital, starts)), list(compress(created, starts))
    for row in compress(range(1, len(ps)), same):  # the continuation rows only, inlined
        run = run_of[row]
        d = day[row]
        if d < r_day[run]:
            r_day[run] = d
        g = digital[row]
        if g is not None and (r_digital[run] is None or g < r_digital[run]):  # type: ignore[operator]
            r_digital[run] = g
        c = created[row]
        if c is not None and (r_created[run] is None or c < r_created[run]):  # type: ignore[operator]
            r_created[run] = c
    return r_ps, r_pid, r_day, r_digital, r_created


__all__ = ["PrescriptionDays", "State", "TraceTally", "earliest"]
