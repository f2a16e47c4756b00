"""An import folds its rows into the bilan's summary in its own transaction: the summary it leaves
is current (the next bilan only reads it back) and equal to a rebuild from the stored rows,
whatever the files repeat, complete or split."""

from __future__ import annotations

import json
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ordnum_desktop.services.bilan import summary as bilan_summary
from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.traces.undo import undo_batch
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store import sql
from tests.bilan_scenario import (
    D1,
    D1_RPPS,
    D2,
    D3,
    D4,
    SCENARIO,
    STRANGER,
    normal_summary,
    setup_roster,
    write,
)

# On a SQLite file and on a PostgreSQL server alike (issue 15); tests that take `ws_path` stay
# on the file.
pytestmark = pytest.mark.both_engines


def _stored(ws: Workspace, pid: int) -> dict | None:
    """The summary stored in the file when it describes the rows now stored, else None."""
    with ws.session() as s:
        return bilan_summary._cached(s.connection(), pid)


def _rebuilt(ws: Workspace, pid: int) -> dict:
    with ws.session() as s:
        return bilan_summary._build_summary(s.connection(), pid)


def test_first_import_leaves_a_current_summary(ws: Workspace, tmp_path: Path) -> None:
    pid, _ = setup_roster(ws)
    import_traces(ws, pid, write(tmp_path / "t.csv", SCENARIO))
    stored = _stored(ws, pid)
    assert stored is not None  # no bilan was computed: the import stored it
    assert normal_summary(stored) == normal_summary(_rebuilt(ws, pid))
    b = compute_bilan(ws, pid, as_of=date(2025, 3, 10)).as_json()
    assert [d["prescriptions"] for d in b["criteria"]["doctor_rate"]["doctors"]] == [3, 4, 0]


def test_second_file_continues_prescriptions_of_the_first(ws: Workspace, tmp_path: Path) -> None:
    pid, _ = setup_roster(ws)
    import_traces(ws, pid, write(tmp_path / "a.csv", SCENARIO[::2]))
    # D1 P1 and D2 P1 get their successful créer / their "Oui" row from the second file
    import_traces(ws, pid, write(tmp_path / "b.csv", SCENARIO[1::2]))
    stored = _stored(ws, pid)
    assert stored is not None
    assert normal_summary(stored) == normal_summary(_rebuilt(ws, pid))


def test_overlapping_file_is_folded_through_sql(ws: Workspace, tmp_path: Path) -> None:
    """A file with duplicates: the parser's tally counted rows the index ignored, so the stored
    rows of the batch are tallied again in SQL."""
    pid, _ = setup_roster(ws)
    import_traces(ws, pid, write(tmp_path / "a.csv", SCENARIO[:10]))
    later = [f"2025-03-03 09:00;{D1};P1;Médicaments;Non;;"]  # a duplicate that says "Non"
    report = import_traces(ws, pid, write(tmp_path / "b.csv", SCENARIO[5:] + later))
    assert report.duplicates == 6
    stored = _stored(ws, pid)
    assert stored is not None
    assert normal_summary(stored) == normal_summary(_rebuilt(ws, pid))


def test_stale_summary_is_left_to_the_next_bilan(ws: Workspace, tmp_path: Path) -> None:
    pid, _ = setup_roster(ws)
    import_traces(ws, pid, write(tmp_path / "a.csv", SCENARIO[:6]))
    with ws.session() as s:  # a damaged entry: nothing to fold into
        sql.run(
            s.connection(), "UPDATE app_meta SET value = '{' WHERE key = ?", (bilan_summary.cache_key(pid),)
        )
    import_traces(ws, pid, write(tmp_path / "b.csv", SCENARIO[6:]))
    assert _stored(ws, pid) is None
    b = compute_bilan(ws, pid, as_of=date(2025, 3, 10)).as_json()
    assert b["criteria"]["doctor_rate"]["doctors"][0]["prescriptions"] == 3
    stored = _stored(ws, pid)
    assert stored is not None and normal_summary(stored) == normal_summary(_rebuilt(ws, pid))


row = st.tuples(
    st.integers(0, 13 * 24 - 1),
    st.sampled_from([D1, D2, D3, D4, D1_RPPS, STRANGER]),
    st.integers(0, 5),
    st.booleans(),
    st.sampled_from(["", "", "Créer", "Consulter", "Rechercher"]),
    st.sampled_from(["0", "0", "7"]),
    st.sets(st.integers(0, 2), min_size=1),
)


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row, min_size=1, max_size=40), st.integers(0, 3))
def test_summary_after_each_import_equals_a_rebuild(raw: list, undone: int) -> None:
    files: list[list[str]] = [[], [], []]
    for hour, ps, n, dig, op, code, parts in raw:  # a row may be in several files (duplicates)
        ts = (datetime(2025, 3, 3) + timedelta(hours=hour)).strftime("%Y-%m-%d %H:%M:%S")
        for part in parts:
            files[part].append(f"{ts};{ps};P{n};Biologie;{'Oui' if dig else 'Non'};{op};{code if op else ''}")
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp) / "w.sqlite", create=True)
        try:
            pid, _ = setup_roster(ws)
            batches = []
            for k, lines in enumerate(files):
                if not lines:
                    continue
                batches.append(import_traces(ws, pid, write(Path(tmp) / f"p{k}.csv", lines)).batch_id)
                stored = _stored(ws, pid)
                assert stored is not None
                assert normal_summary(stored) == normal_summary(_rebuilt(ws, pid))
            if undone < len(batches):  # an undo, then the file again
                undo_batch(ws, batches[undone] or 0)
                lines = [f for f in files if f][undone]
                import_traces(ws, pid, write(Path(tmp) / "again.csv", lines))
                stored = _stored(ws, pid)
                assert stored is not None
                assert normal_summary(stored) == normal_summary(_rebuilt(ws, pid))
        finally:
            ws.close()


def test_a_summary_of_the_wrong_shape_does_not_fail_the_import(ws: Workspace, tmp_path: Path) -> None:
    pid, _ = setup_roster(ws)
    import_traces(ws, pid, write(tmp_path / "a.csv", SCENARIO[:6]))
    with ws.session() as s:  # the right signature, a summary that is not one
        conn = s.connection()
        entry = {"signature": bilan_summary.signature(conn, pid), "summary": {"presc": [[1]], "rows": {}}}
        sql.run(
            conn,
            "UPDATE app_meta SET value = ? WHERE key = ?",
            (json.dumps(entry), bilan_summary.cache_key(pid)),
        )
    report = import_traces(ws, pid, write(tmp_path / "b.csv", SCENARIO[6:]))
    assert report.accepted == len(SCENARIO) - 6
    assert _stored(ws, pid) is None  # dropped: the next bilan rebuilds it
    b = compute_bilan(ws, pid, as_of=date(2025, 3, 31)).as_json()
    assert b["criteria"]["doctor_rate"]["doctors"][0]["prescriptions"] == 4


def test_a_tally_that_is_not_exact_is_redone_in_sql(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two doctors' prescriptions sharing the tally's hash (forced here: the id alone) are told
    apart by the rows stored, and the summary is still that of the rows."""
    from ordnum_desktop.domain import trace_tally

    monkeypatch.setattr(trace_tally, "hash", lambda key: hash(key[1]), raising=False)
    pid, _ = setup_roster(ws)
    import_traces(ws, pid, write(tmp_path / "t.csv", SCENARIO))
    stored = _stored(ws, pid)
    assert stored is not None
    assert normal_summary(stored) == normal_summary(_rebuilt(ws, pid))
