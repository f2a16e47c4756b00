"""Where the time of `ordnum traces import` goes, stage by stage (not run by `make bench`).

    python -m tests.benchmarks.profile_import [SHAPE] [ROWS]

Runs the CLI's own `main()` in this process on a fresh 10-doctor workspace, with a wall-clock
timer wrapped around each stage: the interpreter start and the imports (timed in a separate
`python -c` process against a bare one), opening the workspace, the overlap check, the file hash,
the backup, reading the sheet (calamine), validating and tallying the rows (the parser), waiting
for the writer (the chunks SQLite has not finished), the unmatched count, the fold into the
bilan's summary, the commit. Prints one JSON object, seconds per stage, then the CPU seconds
of the thread that ran each stage (the SQLite inserts: the writer thread's, if any).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tests.benchmarks.measure import make_workspace
from tests.benchmarks.trace_files import cache_dir, traces_workbook

STAGES: dict[str, float] = defaultdict(float)
# CPU seconds of the calling thread per stage (time.thread_time): on a busy 2-core machine the
# wall-clock stages include waiting for a core and for the GIL, these do not.
CPU: dict[str, float] = defaultdict(float)


def _timed(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0, c0 = time.perf_counter(), time.thread_time()
        try:
            return func(*args, **kwargs)
        finally:
            STAGES[name] += time.perf_counter() - t0
            CPU[name] += time.thread_time() - c0

    return wrapper


def _timed_iter(name: str, iterator: Iterator[Any]) -> Iterator[Any]:
    while True:
        t0, c0 = time.perf_counter(), time.thread_time()
        try:
            item = next(iterator)
        except StopIteration:
            STAGES[name] += time.perf_counter() - t0
            CPU[name] += time.thread_time() - c0
            return
        STAGES[name] += time.perf_counter() - t0
        CPU[name] += time.thread_time() - c0
        yield item


def _start_up() -> dict[str, float]:
    def run(code: str) -> float:
        best = []
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            best.append(time.perf_counter() - t0)
        return sorted(best)[1]

    bare = run("pass")
    # What `ordnum traces import` imports before it reads the file (build_parser took no
    # argument before issue 16: every command module was imported).
    cli = run(
        "import inspect; from ordnum_desktop.cli import build_parser as b; "
        "b('traces') if inspect.signature(b).parameters else b(); "
        "import ordnum_desktop.services.traces.importer"
    )
    return {"interpreter": bare, "imports": cli - bare}


def main() -> None:
    shape = sys.argv[1] if len(sys.argv) > 1 else "heldout"
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    path = traces_workbook(size, shape)
    db = cache_dir() / f"profile-{shape}-{size}.sqlite"
    db.unlink(missing_ok=True)
    make_workspace(str(db))
    start = _start_up()

    from sqlalchemy.orm import Session

    from ordnum_desktop import cli
    from ordnum_desktop.cli_commands import common, traces_cmds
    from ordnum_desktop.domain.trace_rows import RowParser
    from ordnum_desktop.domain.trace_tally import TraceTally
    from ordnum_desktop.services.bilan import summary
    from ordnum_desktop.services.traces import importer, reader
    from ordnum_desktop.services.workspace import backup
    from ordnum_desktop.store import sqlite_trace_writer

    Session.commit = _timed("commit", Session.commit)  # type: ignore[method-assign]
    if hasattr(traces_cmds, "find_overlap"):  # before issue 16: a whole second reading of the file
        traces_cmds.find_overlap = _timed("overlap check (reads the file)", traces_cmds.find_overlap)
    if hasattr(importer, "stored_overlap"):
        importer.stored_overlap = _timed("overlap check (stored rows)", importer.stored_overlap)
    common_open = common.open_ws
    traces_cmds.open_ws = _timed("open workspace", common_open)
    importer.file_sha256 = _timed("file hash", importer.file_sha256)
    backup.before_import = _timed("backup", backup.before_import)
    importer._count_unmatched = _timed("unmatched count", importer._count_unmatched)
    summary.ImportFold.before_import = classmethod(  # type: ignore[method-assign, assignment]
        _timed("fold: read summary", summary.ImportFold.before_import.__func__)  # type: ignore[attr-defined]
    )
    summary.ImportFold.after_import = _timed("fold", summary.ImportFold.after_import)  # type: ignore[method-assign]
    sqlite_trace_writer.SqliteTraceWriter.write = _timed(  # type: ignore[method-assign]
        "writer: waiting for a free slot", sqlite_trace_writer.SqliteTraceWriter.write
    )
    # The statements themselves, in whichever thread runs them (the writer thread, if any).
    writes = "_write_chunk" if hasattr(sqlite_trace_writer.SqliteTraceWriter, "_write_chunk") else "_write"
    setattr(
        sqlite_trace_writer.SqliteTraceWriter,
        writes,
        _timed("writer: SQLite inserts", getattr(sqlite_trace_writer.SqliteTraceWriter, writes)),
    )
    TraceTally.add_chunk = _timed("tally (inside the parser)", TraceTally.add_chunk)  # type: ignore[method-assign]
    sqlite_trace_writer.SqliteTraceWriter.finish = _timed(  # type: ignore[method-assign]
        "writer: waiting for the last chunks", sqlite_trace_writer.SqliteTraceWriter.finish
    )
    chunks = reader.TraceSource.chunks

    def timed_chunks(self: reader.TraceSource, size: int) -> Iterator[Any]:
        # The overlap check reads the file too: its reading is counted in its own stage.
        return _timed_iter("calamine (read rows)", chunks(self, size))

    import_traces = importer.import_traces

    parse_chunk = RowParser.parse_chunk
    open_traces = importer.open_traces

    def import_and_commit(*args: Any, **kwargs: Any) -> Any:
        # Only the import's own reading and parsing: the overlap check's are in its stage.
        reader.TraceSource.chunks = timed_chunks  # type: ignore[method-assign]
        RowParser.parse_chunk = _timed("parser (validate + tally)", parse_chunk)  # type: ignore[method-assign]
        importer.open_traces = _timed("calamine (open, load the sheet)", open_traces)
        t0 = time.perf_counter()
        try:
            return import_traces(*args, **kwargs)
        finally:
            STAGES["import_traces total"] += time.perf_counter() - t0
            reader.TraceSource.chunks = chunks  # type: ignore[method-assign]
            RowParser.parse_chunk = parse_chunk  # type: ignore[method-assign]
            importer.open_traces = open_traces

    traces_cmds.import_traces = import_and_commit
    before = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    with open("/dev/null", "w") as sink:
        stdout, sys.stdout = sys.stdout, sink
        try:
            cli.main(["traces", "import", "--db", str(db), str(path), "--json"])
        finally:
            sys.stdout = stdout
    total = time.perf_counter() - t0
    inside = STAGES["import_traces total"]
    # Not in the main thread's sum: the inserts may run in the writer thread, and the tally is
    # inside the parser's stage.
    outside = (
        "import_traces total",
        "overlap check (reads the file)",
        "open workspace",
        "writer: SQLite inserts",
        "tally (inside the parser)",
    )
    named = sum(v for k, v in STAGES.items() if k not in outside)
    out = {
        **start,
        **{k: round(v, 3) for k, v in STAGES.items()},
        "import_traces, other (fold read, batch row, commit…)": round(inside - named, 3),
        "cli main total": round(total, 3),
    }
    usage = resource.getrusage(resource.RUSAGE_SELF)
    out["CPU seconds per stage (thread_time)"] = {k: round(v, 3) for k, v in CPU.items()}
    out["cli main CPU (user + system, all threads)"] = round(
        usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime, 3
    )
    out["process peak RSS MiB"] = round(usage.ru_maxrss / 1024)
    print(json.dumps(out, indent=1, ensure_ascii=False))
    Path(db).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
