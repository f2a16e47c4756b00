"""The parser's tally of a file's rows against a plain reading of the same rows."""

from __future__ import annotations

import builtins
from collections import Counter
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordnum_desktop.domain import trace_tally
from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.trace_rows import RowParser, match_header
from ordnum_desktop.domain.trace_tally import TraceTally

HEADER = [
    "Horodatage",
    "Identifiant PS",
    "Identifiant ordonnance",
    "Type de prestation",
    "Ordonnance numérique",
    "Opération",
    "Code retour",
]
START = datetime(2025, 3, 3, 8, 0)


def _tally(rows: list[list[object]], chunk: int) -> tuple[TraceTally, list[object]]:
    parser = RowParser(match_header(HEADER), load_referentiel())
    parser.flat = True
    parser.tally = TraceTally()
    good: list[object] = []
    for k in range(0, len(rows), chunk):
        good += parser.parse_chunk(rows[k : k + chunk], 2 + k)[0]
    parser.tally.close()
    return parser.tally, good


def _plain(good: list[object]) -> tuple[Counter, Counter]:
    """Prescriptions per (identifier, days) state and row counts, read straight from the
    accepted rows, one at a time."""
    presc: dict[str, dict[str, list]] = {}
    rows: Counter = Counter()
    for k in range(0, len(good), 9):
        ts, ps, _fi, pid, _pr, digital, op, rc, _nb = good[k : k + 9]
        day = str(ts)[:10]
        state = presc.setdefault(str(ps), {}).setdefault(str(pid), [day, None, None])
        state[0] = min(state[0], day)
        if digital:
            state[1] = day if state[1] is None else min(state[1], day)
        if op == "creer" and rc == 0:
            state[2] = day if state[2] is None else min(state[2], day)
        rows[(ps, day, op, rc)] += 1
    states = Counter((ps, *state) for ps, by in presc.items() for state in by.values())
    return states, rows


def test_prescription_days_and_row_counts_of_a_small_file() -> None:
    rows: list[list[object]] = [
        ["2025-03-04 09:00", "331000001", "P1", "Biologie", "Non", "", ""],
        ["2025-03-04 09:01", "331000002", "P1", "Biologie", "Oui", "Créer", "0"],  # another doctor's P1
        ["2025-03-05 10:00", "331000001", "P1", "Biologie", "Oui", "Créer", "503"],
        ["2025-03-03 08:00", "331000001", "P1", "Biologie", "Non", "", ""],  # earlier, out of order
        ["2025-03-06 10:00", "331000001", "P1", "Biologie", "Oui", "Créer", "0"],
        ["pas une date", "331000001", "P2", "Biologie", "Oui", "", ""],  # rejected: not tallied
        ["", "", "", "", "", "", ""],  # blank
    ]
    tally, _ = _tally(rows, chunk=2)  # the run of P1 is cut by chunks and by another doctor
    assert tally.exact
    assert tally.prescriptions == Counter(
        {
            ("331000001", "2025-03-03", "2025-03-05", "2025-03-06"): 1,
            ("331000002", "2025-03-04", "2025-03-04", "2025-03-04"): 1,
        }
    )
    assert tally.rows == Counter(
        {
            ("331000001", "2025-03-04", "", None): 1,
            ("331000002", "2025-03-04", "creer", 0): 1,
            ("331000001", "2025-03-05", "creer", 503): 1,
            ("331000001", "2025-03-03", "", None): 1,
            ("331000001", "2025-03-06", "creer", 0): 1,
        }
    )
    assert tally.prescriptions.total() == 2
    assert (tally.low_id, tally.high_id) == ("P1", "P1")


row = st.tuples(
    st.integers(0, 200),
    st.sampled_from(["331000001", "331000002", "10005173140"]),
    st.integers(0, 6),
    st.booleans(),
    st.sampled_from(["", "Créer", "Consulter", "Rechercher"]),
    st.sampled_from(["0", "0", "7"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(row, max_size=80), st.integers(1, 9))
def test_tally_equals_a_plain_reading(raw: list, chunk: int) -> None:
    rows: list[list[object]] = [
        [
            START + timedelta(hours=7 * h),
            ps,
            f"P{n}",
            "Biologie",
            "Oui" if dig else "Non",
            op,
            code if op else "",
        ]
        for h, ps, n, dig, op, code in raw
    ]
    tally, good = _tally(rows, chunk)
    presc, counts = _plain(good)
    assert tally.exact
    assert tally.prescriptions == presc
    assert tally.rows == counts


def test_prescriptions_seen_again_later_in_the_file_are_merged() -> None:
    # Every third row continues a prescription from far earlier, across chunks.
    rows: list[list[object]] = []
    for k in range(600):
        n = k if k % 3 else k // 2
        ps = ["331000001", "331000002", "10005173140"][n % 3]
        op = ["", "Créer", "Consulter"][k % 4 % 3]
        digital = "Oui" if k % 5 else "Non"
        rows.append([START + timedelta(hours=k), ps, f"P{n}", "Biologie", digital, op, "0" if op else ""])
    tally, good = _tally(rows, chunk=37)
    presc, counts = _plain(good)
    assert tally.exact
    assert tally.prescriptions == presc
    assert tally.rows == counts


def test_two_identifiers_sharing_a_hash_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    # A hash of the prescription id alone: P1 of two doctors collide, which the tally sees.
    monkeypatch.setattr(trace_tally, "hash", lambda key: builtins.hash(key[1]), raising=False)
    rows: list[list[object]] = [
        ["2025-03-04 09:00", "331000001", "P1", "Biologie", "Non", "", ""],
        ["2025-03-04 09:01", "331000002", "P1", "Biologie", "Oui", "", ""],
    ]
    tally, _ = _tally(rows, chunk=1)
    assert not tally.exact
