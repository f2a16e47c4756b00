"""Import speed on a PostgreSQL server (team mode, issue 15), against calamine alone, same run.

The server is a local throwaway one, started by tests/pg_server.py exactly as for the tests
(initdb as the `postgres` user when root, a free localhost port, socket in a temporary folder,
`fsync=off`); the workbook is the « export » shape of tests/benchmarks/trace_files.py. Two whole
processes are timed from spawn to exit, interleaved, `REPEAT` times (medians):
- the anchor: a Python process that only iterates the sheet with python-calamine (as bench_import);
- the import: `ordnum traces import --db postgresql://… FILE --json` into a fresh database with the
  10-doctor roster (made by another process, untimed): each 10 000-row chunk goes by COPY into a
  temporary table, then one `INSERT … SELECT … ON CONFLICT DO NOTHING` per chunk (while the next
  chunk is parsed), the bilan summary folded, commit.
Target (issue 15): time ≤ 2.5 × the anchor.

API for the bench summary, kept stable:
    measure(sizes=None, repeat=REPEAT) -> list[PgImportFigure]   (None when no PostgreSQL)
one figure per size; `ok` tells whether the target holds, `line()` is the printed line.
Environment: ORDNUM_BENCH_PG_SIZES (default "1000000"), ORDNUM_BENCH_REPEAT (default 3).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass

from tests.benchmarks.bench_import import ANCHOR, REPEAT, ROOT, _child_env, _ordnum, _run
from tests.benchmarks.trace_files import traces_workbook
from tests.pg_server import PgServer, ServerUnavailable, start_server

SIZES = [int(s) for s in os.environ.get("ORDNUM_BENCH_PG_SIZES", "1000000").split(",")]
TIME_TARGET = 2.5
SHAPE = "export"


@dataclass(frozen=True)
class PgImportFigure:
    rows: int  # data rows of the workbook
    anchor_seconds: float  # calamine-only process, median
    seconds: float  # whole `ordnum traces import --db postgresql://…` process, median
    time_ratio: float  # seconds / anchor_seconds
    accepted: int
    repeat: int
    server: str  # how the server was started, in a few words
    load: str  # the 1-minute load average when the measure started

    @property
    def ok(self) -> bool:
        return self.time_ratio <= TIME_TARGET

    def line(self) -> str:
        return (
            f"import PostgreSQL {self.rows:>9,} lignes : calamine seul {self.anchor_seconds:.2f} s | "
            f"« ordnum traces import --db postgresql://… » {self.seconds:.2f} s | ratio temps "
            f"{self.time_ratio:.2f} (cible ≤ {TIME_TARGET:g}) {'OK' if self.ok else 'DÉPASSÉ'} | "
            f"acceptées {self.accepted:,} | médianes de {self.repeat}, charge {self.load} | {self.server}"
        )


def _server_description(server: PgServer) -> str:
    version = subprocess.run(
        [str(server.bindir / "postgres"), "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return f"{version}, local (tests/pg_server.py : initdb + pg_ctl, port {server.port}, fsync=off)"


def _fresh_database(server: PgServer, number: int) -> str:
    url = server.url(server.new_database(f"bench_{number}"))
    subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.measure", "workspace", url],
        check=True,
        capture_output=True,
        env=_child_env(),
        cwd=ROOT,
    )
    return url


def measure_one(server: PgServer, size: int, repeat: int = REPEAT) -> PgImportFigure:
    path = traces_workbook(size, SHAPE)
    load = f"{os.getloadavg()[0]:.2f}"
    anchors: list[float] = []
    imports: list[float] = []
    report: dict[str, int] = {}
    for n in range(repeat):  # interleaved, so that a busy moment of the machine hits both
        anchors.append(_run([sys.executable, "-c", ANCHOR, str(path)])[0])
        url = _fresh_database(server, n)
        seconds, _mib, out, _cpu = _run([*_ordnum(), "traces", "import", "--db", url, str(path), "--json"])
        imports.append(seconds)
        report = json.loads(out)
        server.drop_database(url.rsplit("/", 1)[1])
    a_s, i_s = statistics.median(anchors), statistics.median(imports)
    return PgImportFigure(
        rows=size,
        anchor_seconds=a_s,
        seconds=i_s,
        time_ratio=i_s / a_s,
        accepted=int(report["accepted"]),
        repeat=repeat,
        server=_server_description(server),
        load=load,
    )


def measure(sizes: list[int] | None = None, repeat: int = REPEAT) -> list[PgImportFigure] | None:
    """The figures, or None when PostgreSQL is not installed here (said by `main`)."""
    try:
        server = start_server()
    except ServerUnavailable:
        return None
    try:
        return [measure_one(server, size, repeat) for size in sizes or SIZES]
    finally:
        server.stop()


def main() -> None:
    figures = measure()
    if figures is None:
        print("import PostgreSQL : mesure sautée, PostgreSQL n'est pas installé (make sysdeps en root).")
        return
    for figure in figures:
        print(figure.line(), flush=True)


if __name__ == "__main__":
    main()
