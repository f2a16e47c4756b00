"""One measurement per fresh process, so that peak memory (ru_maxrss) belongs to it alone.

`python -m tests.benchmarks.measure WHAT ARGS…` prints one JSON line: seconds and peak RSS.
tracemalloc would miss calamine's native (Rust) allocations, hence getrusage.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.trace_files import DOCTORS


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def parse(path: str) -> dict[str, Any]:
    """Raw calamine read: every row of the sheet as Python values, nothing kept."""
    from python_calamine import CalamineWorkbook

    t0 = time.perf_counter()
    wb = CalamineWorkbook.from_path(path)
    rows = 0
    for _row in wb.get_sheet_by_name(wb.sheet_names[0]).iter_rows():
        rows += 1
    return {"seconds": time.perf_counter() - t0, "rows": rows - 1}


def make_workspace(db: str) -> int:
    from ordnum_desktop.services.roster.doctors import add_doctor
    from ordnum_desktop.services.roster.preseries import create_preserie
    from ordnum_desktop.services.workspace.session import Workspace

    ws = Workspace.open(db, create=True)
    p = create_preserie(
        ws, editor="Bench", software="Bench", version="1", exercise="liberal", cpams=["33", "62-artois"]
    )
    for i, am in enumerate(DOCTORS):
        add_doctor(ws, p.id or 0, last_name=f"Médecin {i}", am=am, equipped=i < 9)
    ws.close()
    return p.id or 0


def workspace(db: str) -> dict[str, Any]:
    """A new workspace with the 10-doctor roster, for a measure of `ordnum traces import`."""
    Path(db).unlink(missing_ok=True)
    return {"preserie_id": make_workspace(db)}


def import_(path: str, db: str) -> dict[str, Any]:
    """Whole import (open, validate, store, commit) into a new workspace with a 10-doctor roster."""
    Path(db).unlink(missing_ok=True)
    pid = make_workspace(db)
    from ordnum_desktop.services.traces.importer import import_traces
    from ordnum_desktop.services.workspace.session import Workspace

    ws = Workspace.open(db)
    t0 = time.perf_counter()
    report = import_traces(ws, pid, path)
    seconds = time.perf_counter() - t0
    ws.close()
    return {
        "seconds": seconds,
        "rows": report.read,
        "accepted": report.accepted,
        "duplicates": report.duplicates,
        "rejected": report.rejected,
    }


def bilan(db: str, repeat: str = "5") -> dict[str, Any]:
    """First: the first bilan after the import (a fresh process: the summary the import left in
    the file is read back); warm: the next ones; rebuild: with the summary deleted, as for a file
    whose summary went stale (an import with duplicates into a stale summary, a damaged entry).
    Also the weekly series and the query plans of the rebuild."""
    from ordnum_desktop.services.bilan import compute as service
    from ordnum_desktop.services.bilan import summary as bilan_summary
    from ordnum_desktop.services.workspace.session import Workspace

    ws = Workspace.open(db)
    t0 = time.perf_counter()
    service.compute_bilan(ws, 1)
    first = time.perf_counter() - t0
    times, weekly = [], []
    for _ in range(int(repeat)):
        t0 = time.perf_counter()
        service.compute_bilan(ws, 1)
        times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        service.weekly_series(ws, 1)
        weekly.append(time.perf_counter() - t0)
    with ws.session() as s:
        s.connection().exec_driver_sql("DELETE FROM app_meta WHERE key LIKE 'bilan_summary:%'")
    t0 = time.perf_counter()
    service.compute_bilan(ws, 1)
    rebuild = time.perf_counter() - t0
    with ws.engine.connect() as conn:
        plan = [
            r[-1]
            for sql in (bilan_summary.PRESCRIPTION_DAYS_SQL, bilan_summary.ROW_DAYS_SQL)
            for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, (1,)).all()
        ]
    ws.close()
    times.sort()
    weekly.sort()
    return {
        "seconds": times[len(times) // 2],
        "first_seconds": first,
        "rebuild_seconds": rebuild,
        "weekly_seconds": weekly[len(weekly) // 2],
        "plan": plan,
    }


def run(what: str, *args: str) -> dict[str, Any]:
    """Runs one measurement in a fresh interpreter and returns its JSON result."""
    out = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.measure", what, *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    func = {"parse": parse, "import": import_, "bilan": bilan, "workspace": workspace}[sys.argv[1]]
    result = func(*sys.argv[2:])
    result["peak_mib"] = _peak_mib()
    print(json.dumps(result))
