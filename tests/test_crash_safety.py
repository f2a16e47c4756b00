"""An import killed with SIGKILL at any moment leaves a consistent file holding either all of the
file's rows or none of them; the next opening rolls back, takes over the lock and works."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.workspace.session import Workspace
from tests.trace_files import rows, write_csv

ROWS = 200_000
IMPORTER = """
import sys
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.workspace.session import Workspace
ws = Workspace.open(sys.argv[1])
print("start", flush=True)
report = import_traces(ws, 1, sys.argv[2])
ws.close()
print("done", report.accepted, flush=True)
"""

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_csv(tmp_path_factory.mktemp("traces") / "traces-200k.csv", rows(ROWS))


def _fresh_workspace(path: Path) -> None:
    ws = Workspace.open(path, create=True)
    try:
        pid = create_preserie(
            ws, editor="E", software="S", version="1", exercise="liberal", cpams=["33", "62-artois"]
        ).id
        assert pid == 1
        add_doctor(ws, pid, last_name="Dupré", am="331234567")
    finally:
        ws.close()


def _start(path: Path, csv_path: Path, backups: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "ORDNUM_BACKUP_DIR": str(backups)}
    proc = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(path), str(csv_path)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "start"
    return proc


def _state(path: Path) -> tuple[str, int, list[tuple[int, int]]]:
    """(integrity verdict, trace rows, [(batch id, its rows)]), read once the application has
    opened the file."""
    con = sqlite3.connect(path)
    try:
        verdict = con.execute("PRAGMA integrity_check").fetchone()[0]
        total = con.execute("SELECT count(*) FROM trace_row").fetchone()[0]
        batches = con.execute(
            "SELECT b.id, (SELECT count(*) FROM trace_row t WHERE t.batch_id = b.id) FROM import_batch b"
        ).fetchall()
    finally:
        con.close()
    return verdict, total, batches


@pytest.mark.slow
def test_import_killed_at_random_moments(tmp_path: Path, big_csv: Path, _backups_in_tmp: Path) -> None:
    # A full run first: it gives the import's duration, over which the kills are spread.
    reference = tmp_path / "complet.sqlite"
    _fresh_workspace(reference)
    began = time.monotonic()
    proc = _start(reference, big_csv, _backups_in_tmp)
    out, _ = proc.communicate(timeout=600)
    duration = time.monotonic() - began
    assert proc.returncode == 0 and out.split() == ["done", str(ROWS)]
    assert _state(reference)[:2] == ("ok", ROWS)

    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    outcomes = []
    for n, phase in enumerate((0.15, 0.4, 0.65, 0.9)):
        path = tmp_path / f"tue-{n}.sqlite"
        _fresh_workspace(path)
        proc = _start(path, big_csv, _backups_in_tmp)
        time.sleep(duration * rng.uniform(phase - 0.1, phase + 0.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        # The application opens the file first (a plain sqlite3 connection would roll a hot
        # journal back by itself and hide a failing repair, tests/crash_cli.py): the dead
        # importer's lock does not block, then the file is checked beside the open workspace.
        ws = Workspace.open(path)
        try:
            verdict, total, batches = _state(path)
            context = f"(seed {seed}, kill {n} at {phase:.0%} of {duration:.1f} s)"
            assert verdict == "ok", context
            assert total in (0, ROWS), context
            assert all(count in (0, ROWS) for _, count in batches), context
            assert len(batches) == (1 if total else 0), context
            outcomes.append(total)
            # The workspace works and can import again (once: it is the slow part).
            if n == 0:
                again = import_traces(ws, 1, big_csv)
                assert again.accepted + again.duplicates == ROWS
                assert _state(path)[:2] == ("ok", ROWS)
        finally:
            ws.close()
    # Not an assertion on timing: it only says which states the kills hit.
    print(f"kills: rows present after each kill = {outcomes}; import {duration:.1f} s; seed {seed}")


def test_disk_full_during_an_import_stores_nothing_and_says_so(ws_path: Path, tmp_path: Path) -> None:
    from sqlalchemy import event

    from ordnum_desktop.store.engine import WorkspaceError

    _fresh_workspace(ws_path)
    ws = Workspace.open(ws_path)
    try:
        pages = int(ws.engine.connect().exec_driver_sql("PRAGMA page_count").scalar_one())

        # The file may not grow by more than a few pages: SQLite reports a full disk.
        @event.listens_for(ws.engine, "connect")
        def _small_disk(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 4}")

        ws.engine.dispose()
        before = ws_path.read_bytes()
        with pytest.raises(WorkspaceError, match="est plein : rien n'a été enregistré"):
            import_traces(ws, 1, write_csv(tmp_path / "gros.csv", rows(20_000)))
        assert ws_path.read_bytes() == before
    finally:
        ws.close()
    assert _state(ws_path)[:2] == ("ok", 0)
