"""The same events re-exported at minute precision are caught before they are stored twice
(issue 13): the import finds them in its own transaction and rolls back, the CLI exits 1 naming
the earlier import, `--force` stores them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from ordnum_desktop.services.traces.importer import import_traces, list_batches
from ordnum_desktop.services.traces.overlap import OverlapFound
from ordnum_desktop.services.workspace.session import Workspace
from tests import trace_files as tf
from tests.bilan_scenario import D1, D2, setup_roster

# On a SQLite file and on a PostgreSQL server alike (issue 15); tests that take `ws_path` stay
# on the file.
pytestmark = pytest.mark.both_engines

ROWS = [
    *tf.meeting_rows(D1, datetime(2025, 3, 3, 8, 0, 17)),
    *tf.meeting_rows(D2, datetime(2025, 3, 4, 9, 0, 42)),
]


def _workspace(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "ws.sqlite"
    with Workspace.open(db, create=True) as ws:
        pid, _ = setup_roster(ws)
    return db, pid


def test_a_minute_precision_reexport_is_caught_then_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, pid = _workspace(tmp_path)
    first = tf.write_xlsx(tmp_path / "mars.xlsx", ROWS)
    assert main(["traces", "import", "--db", str(db), str(first)]) == 0
    again = tf.write_text(
        tmp_path / "mars-minute.csv", ROWS, encoding="cp1252", french_dates=True, seconds=False
    )
    capsys.readouterr()
    assert main(["traces", "import", "--db", str(db), str(again)]) == 1
    err = capsys.readouterr().err
    assert "import n° 1" in err and "« mars.xlsx »" in err and "« mars-minute.csv »" in err
    assert "--force" in err
    with Workspace.open(db) as ws:
        assert len(list_batches(ws, pid)) == 1  # nothing stored
    assert main(["traces", "import", "--db", str(db), "--force", str(again)]) == 0
    with Workspace.open(db) as ws:
        assert len(list_batches(ws, pid)) == 2


def test_the_same_file_again_and_other_events_are_not_an_overlap(tmp_path: Path) -> None:
    db, pid = _workspace(tmp_path)
    first = tf.write_xlsx(tmp_path / "mars.xlsx", ROWS)
    assert main(["traces", "import", "--db", str(db), str(first)]) == 0
    later = [[r[0].replace("2025-03-0", "2025-03-1"), *r[1:]] for r in ROWS]
    minute = tf.write_text(tmp_path / "m.csv", ROWS, encoding="utf-8", french_dates=True, seconds=False)
    with Workspace.open(db) as ws:
        # Exact duplicates: the duplicate rule's job, not an overlap.
        again = import_traces(ws, pid, first, refuse_overlap=True)
        assert (again.accepted, again.duplicates) == (0, len(ROWS))
        with pytest.raises(OverlapFound) as found:
            import_traces(ws, pid, minute, refuse_overlap=True)
        overlap = found.value.overlap
        assert (overlap.batch_id, overlap.batch_file, overlap.file, overlap.rows) == (
            1,
            "mars.xlsx",
            "m.csv",
            len(ROWS),
        )
        assert len(list_batches(ws, pid)) == 2  # the refused import left nothing, not even its batch
        assert _stored_rows(ws) == len(ROWS)
        assert import_traces(
            ws, pid, tf.write_csv(tmp_path / "later.csv", later), refuse_overlap=True
        ).accepted
        assert import_traces(ws, pid, minute).accepted == len(ROWS)  # allowed: stored


def _stored_rows(ws: Workspace) -> int:
    with ws.session() as s:
        return int(s.connection().exec_driver_sql("SELECT count(*) FROM trace_row").scalar_one())
