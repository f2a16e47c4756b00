"""An import into a PostgreSQL workspace killed mid-way (SIGKILL of `ordnum traces import`)
leaves all or nothing, as the application sees it when it opens the base again (issue 15)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.traces.importer import list_batches
from ordnum_desktop.services.workspace.session import Workspace
from tests.trace_files import rows, write_csv

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only"),
]

ROWS = 100_000


def _ordnum(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ordnum_desktop.cli", *args], capture_output=True, text=True, timeout=300
    )


def _import_statement_running(url: str) -> str | None:
    """The import's statement as the server runs it (COPY or the move into trace_row), if any."""
    with psycopg.connect(url, autocommit=True) as con:
        row = con.execute(
            "SELECT query FROM pg_stat_activity WHERE application_name = 'ordnum-desktop' "
            "AND state = 'active' AND (query LIKE 'COPY%%' OR query LIKE 'INSERT INTO trace_row%%')"
        ).fetchone()
    return row[0] if row else None


def test_a_killed_import_leaves_nothing_and_the_next_one_everything(pg_url: str, tmp_path: Path) -> None:
    with Workspace.open(pg_url, create=True) as ws:
        pid = create_preserie(
            ws, editor="E", software="S", version="1", exercise="liberal", cpams=["33", "62-artois"]
        ).id
        assert pid is not None
        add_doctor(ws, pid, last_name="Dupré", am="331234567")
    traces = write_csv(tmp_path / "gros.csv", rows(ROWS))

    proc = subprocess.Popen(
        [sys.executable, "-m", "ordnum_desktop.cli", "traces", "import", "--db", pg_url, str(traces)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seen = None
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        seen = _import_statement_running(pg_url)
        if seen:
            break
        time.sleep(0.02)
    assert seen, "the import never reached the server"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    # Reopened through the application: the batch and its rows are gone together.
    with Workspace.open(pg_url) as ws:
        assert list_batches(ws, pid) == []
        with ws.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM trace_row")).scalar() == 0
    done = _ordnum("traces", "batches", "--db", pg_url)
    assert done.returncode == 0, done.stderr

    # …and the same file imported again is stored whole.
    done = _ordnum("traces", "import", "--db", pg_url, str(traces), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["read"], report["accepted"], report["duplicates"]) == (ROWS, ROWS, 0)
    with Workspace.open(pg_url) as ws:
        batches = list_batches(ws, pid)
        assert [b.accepted for b in batches] == [ROWS]
