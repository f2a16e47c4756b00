"""What the bilan needs from the rows of one traces file, tallied while the file is parsed.

Grouping a million stored rows in SQLite costs seconds (a sort of every row); the parser already
holds each accepted row in hand, so tallying it there costs a fraction of that, and the bilan's
summary can then be brought up to date inside the import (issue 3: the first bilan after an import
of a million rows in well under half a second).

Two tallies:
- per prescription (Identifiant PS, Identifiant ordonnance): the first day, the first day of an
  e-prescription row, the first day of a successful *créer* (days as 'YYYY-MM-DD'), and from them
  how many prescriptions share each (identifier, days) state — all the bilan's summary keeps;
- per (Identifiant PS, day, operation, code retour): the number of rows, counted by `Counter`
  over columns sliced from the chunk (C speed, no Python code per row).

Rows of one prescription usually follow each other in an export: the parser keeps the running
prescription in hand and hands the tally one *run* (consecutive rows of one prescription) at a
time. A million prescriptions held as {identifier: {id: days}} took 250 MiB (issue 16, a file
where every row is its own prescription); the tally keeps instead, per run, two 64-bit keyed
hashes of (identifier, id) and the index of its state (20 bytes), plus a bitmap of the first
hashes seen. A run whose hash is already in the bitmap may continue an earlier run: at `close()`
the runs sharing both hashes are merged into one prescription (min of the days). Two different
prescriptions are taken for one only if they share 128 bits of Python's per-process keyed hash
(SipHash), about 1 in 10^27 for a million prescriptions; runs sharing hashes but not their
identifier are caught and reported (`exact` False), and the caller then tallies in SQL.

The tally counts the rows the parser accepted. Rows the unique index then ignores as duplicates
were counted too, so the tally describes the stored rows only when the import stored every
accepted row; the caller checks that.
"""

from __future__ import annotations

from array import array
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


# Bits of the bitmap of first hashes (8 MiB): for a million runs, about 1 % of the runs look
# like a repeat and are looked at again at `close()`.
_BITMAP_BITS = 1 << 26
_BIT_MASK = _BITMAP_BITS - 1

# (identifier, first day, first e-prescription day | None, first successful créer day | None)
State = tuple[str, str, str | None, str | None]


class _StateIds(dict[State, int]):
    """State → small integer, a new state numbered on first sight (C speed through `map`)."""

    def __missing__(self, state: State) -> int:
        number = self[state] = len(self)
        return number


class TraceTally:
    """`prescriptions[(identifier, first day, e-prescription day | None, successful créer day |
    None)]` = prescriptions (after `close()`), and `rows[(identifier, day, operation, code
    retour)]` = rows. Feed it runs (`add_runs`, `add`) and chunks (`count_rows`); `close()` after
    the last chunk."""

    def __init__(self) -> None:
        self.prescriptions: Counter[State] = Counter()
        self.rows: Counter[tuple[str, str, str, int | None]] = Counter()
        # The prescription being read: [identifier, prescription id, first, digital, created].
        self.run: list[str | None] = [None, None, None, None, None]
        # The smallest and largest prescription id tallied (any identifier), for the fold's
        # search of earlier rows of the same prescriptions.
        self.low_id: str | None = None
        self.high_id: str | None = None
        self.exact = True
        self._closed = False
        self._first_keys = array("q")
        self._second_keys = array("q")
        self._states = array("I")
        self._state_ids = _StateIds()
        self._seen = bytearray(_BITMAP_BITS // 8)
        self._maybe_again: list[int] = []  # first hashes already in the bitmap when added

    @property
    def identifiers(self) -> set[str]:
        return {ps for ps, *_ in self.prescriptions}

    def add(self, ps: str, pid: str, first: str, digital: str | None, created: str | None) -> None:
        """One run of rows of one prescription."""
        self.add_runs([ps], [pid], [first], [digital], [created])

    def add_runs(
        self,
        ps: list[str],
        pid: list[str],
        first: list[str],
        digital: list[str | None],
        created: list[str | None],
    ) -> None:
        """Runs of rows, one per position of the five lists (the parser's chunk)."""
        if not pid:
            return
        first_keys = list(map(hash, zip(ps, pid, strict=True)))
        self._first_keys.extend(first_keys)
        self._second_keys.extend(map(hash, zip(pid, ps, strict=True)))
        self._states.extend(map(self._state_ids.__getitem__, zip(ps, first, digital, created, strict=True)))
        low, high = min(pid), max(pid)
        if self.low_id is None or low < self.low_id:
            self.low_id = low
        if self.high_id is None or high > self.high_id:
            self.high_id = high
        seen, again = self._seen, self._maybe_again
        for key in first_keys:  # the one loop in Python per run: ~0.1 µs
            bit = key & _BIT_MASK
            mask = 1 << (bit & 7)
            if seen[bit >> 3] & mask:
                again.append(key)
            else:
                seen[bit >> 3] |= mask

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
        """Adds the running prescription, merges the runs of each prescription, counts the
        prescriptions per state, and frees the per-run arrays (once)."""
        if self._closed:
            return
        self._closed = True
        ps, pid, first, digital, created = self.run
        if pid is not None:
            self.add(ps, pid, first, digital, created)  # type: ignore[arg-type]
        self.run = [None, None, None, None, None]
        states = [state for state, _number in sorted(self._state_ids.items(), key=itemgetter(1))]
        runs = Counter(self._states)  # C speed: runs per state number
        if self._maybe_again:
            self._merge_repeated_runs(states, runs)
        self.prescriptions = Counter({states[number]: n for number, n in runs.items() if n > 0})
        self._first_keys, self._second_keys, self._states = array("q"), array("q"), array("I")
        self._seen = bytearray()
        self._maybe_again = []

    def _merge_repeated_runs(self, states: list[State], runs: Counter[int]) -> None:
        wanted = set(self._maybe_again)
        groups: dict[tuple[int, int], list[int]] = {}
        second = self._second_keys
        for position, key in enumerate(self._first_keys):  # ~50 ms per million runs
            if key in wanted:
                groups.setdefault((key, second[position]), []).append(position)
        for positions in groups.values():
            if len(positions) < 2:
                continue  # another run's bit in the bitmap: a new prescription after all
            numbers = [self._states[p] for p in positions]
            mine = [states[n] for n in numbers]
            if len({s[0] for s in mine}) > 1:
                self.exact = False  # shared hashes but not the identifier: never two of one
                continue
            for n in numbers:
                runs[n] -= 1
            merged = (
                mine[0][0],
                min(s[1] for s in mine),
                min((s[2] for s in mine if s[2] is not None), default=None),
                min((s[3] for s in mine if s[3] is not None), default=None),
            )
            number = self._state_ids[merged]
            if number == len(states):
                states.append(merged)
            runs[number] += 1


__all__ = ["PrescriptionDays", "State", "TraceTally", "earliest"]
