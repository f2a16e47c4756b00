"""An undo rebuilds the bilan's summary at once, so that the next bilan only reads it back."""

from __future__ import annotations

import json
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ordnum_desktop.services.bilan import summary as bilan
from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.traces import undo as undo_module
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


def _current_summary(ws: Workspace, pid: int) -> dict | None:
    with ws.session() as s:
        conn = s.connection()
        raw = sql.run(conn, "SELECT value FROM app_meta WHERE key = ?", (bilan.cache_key(pid),)).scalar()
        entry = json.loads(raw) if raw else None
        if entry is None or entry["signature"] != bilan.signature(conn, pid):
            return None
        return entry["summary"]


def test_undo_leaves_a_current_summary_with_the_right_figures(ws: Workspace, tmp_path: Path) -> None:
    pid, _ = setup_roster(ws)
    import_traces(ws, pid, write(tmp_path / "a.csv", SCENARIO[::2]))
    before = compute_bilan(ws, pid, as_of=date(2025, 3, 31)).as_json()
    # the second file completes prescriptions of the first (D1 P1, D2 P1…)
    second = import_traces(ws, pid, write(tmp_path / "b.csv", SCENARIO[1::2]))
    assert compute_bilan(ws, pid, as_of=date(2025, 3, 31)).as_json() != before
    assert _current_summary(ws, pid) is not None

    undo_batch(ws, second.batch_id or 0)
    refreshed = _current_summary(ws, pid)
    assert refreshed is not None  # rebuilt by the undo, not left to the next bilan
    assert compute_bilan(ws, pid, as_of=date(2025, 3, 31)).as_json() == before
    with ws.session() as s:  # the same figures as a rebuild from the rows
        sql.run(s.connection(), "DELETE FROM app_meta WHERE key = ?", (bilan.cache_key(pid),))
    assert compute_bilan(ws, pid, as_of=date(2025, 3, 31)).as_json() == before
    assert sorted(map(tuple, _current_summary(ws, pid)["presc"])) == sorted(  # type: ignore[index]
        map(tuple, refreshed["presc"])
    )


row = st.tuples(
    st.integers(0, 13 * 24 - 1),
    st.sampled_from([D1, D2, D3, D4, D1_RPPS, STRANGER]),
    st.integers(0, 5),
    st.booleans(),
    st.sampled_from(["", "", "Créer", "Consulter", "Rechercher"]),
    st.sampled_from(["0", "0", "7"]),
    st.integers(0, 2),
)


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row, min_size=1, max_size=50), st.integers(0, 2))
def test_summary_carried_through_an_undo_equals_a_rebuild(raw: list, undone: int) -> None:
    share = undo_module.DELTA_MAX_SHARE
    files: list[list[str]] = [[], [], []]
    for hour, ps, n, dig, op, code, part in raw:  # files may repeat rows (duplicates) and split
        ts = (datetime(2025, 3, 3) + timedelta(hours=hour)).strftime("%Y-%m-%d %H:%M:%S")
        files[part].append(f"{ts};{ps};P{n};Biologie;{'Oui' if dig else 'Non'};{op};{code if op else ''}")
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp) / "w.sqlite", create=True)
        try:
            pid, _ = setup_roster(ws)
            batches = [
                import_traces(ws, pid, write(Path(tmp) / f"p{k}.csv", lines)).batch_id
                for k, lines in enumerate(files)
                if lines
            ]
            compute_bilan(ws, pid).as_json()  # the summary is current before the undo
            undo_module.DELTA_MAX_SHARE = 1.0  # subtract whatever the batch's size
            try:
                undo_batch(ws, batches[undone % len(batches)] or 0)
            finally:
                undo_module.DELTA_MAX_SHARE = share
            carried = _current_summary(ws, pid)
            assert carried is not None
            with ws.session() as s:
                sql.run(s.connection(), "DELETE FROM app_meta WHERE key = ?", (bilan.cache_key(pid),))
            compute_bilan(ws, pid)
            assert normal_summary(carried) == normal_summary(_current_summary(ws, pid))  # type: ignore[arg-type]
        finally:
            ws.close()
