"""Import speed and memory as the user waits for them, against a calamine-only process, same run.

For each workbook shape of trace_files.py ("export": the shape of a real export; "heldout": every
row its own prescription, one row in eight from a PS outside the roster — issue 16), two whole
processes are timed from spawn to exit, interleaved, `REPEAT` times (medians):
- the anchor: a Python process that only iterates the sheet with python-calamine `iter_rows()`;
- the import: `ordnum traces import --db WORKSPACE FILE --json` into a fresh workspace with a
  10-doctor roster (interpreter start, imports, lock, overlap check, backup, parse, store, fold,
  commit: everything the user waits for). The workspace is made by another process, untimed.
Peak memory is each child's own maximum resident set (`os.wait4`'s rusage), so calamine's native
allocations count. Targets (issue 16): time ≤ 2 ×, peak memory ≤ 1.2 × the anchor's.

API for other benchmarks (tests/benchmarks/run.py's summary table), kept stable:
    measure(sizes=None, shapes=None, repeat=REPEAT) -> list[Figure]
one `Figure` per (shape, size), in `shapes` × `sizes` order; its fields are plain numbers and
strings (see the dataclass), `ok` tells whether both targets hold, `cpu_ratio` compares the CPU
seconds of both processes (what the wall-clock ratio drifts to on a saturated machine), `line()`
is the printed line.
`main()` prints one line per figure. Environment: ORDNUM_BENCH_SIZES (default "1000000"),
ORDNUM_BENCH_SHAPES (default "export,heldout"), ORDNUM_BENCH_REPEAT (default 3).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks.trace_files import cache_dir, traces_workbook

REPEAT = int(os.environ.get("ORDNUM_BENCH_REPEAT", "3"))
SIZES = [int(s) for s in os.environ.get("ORDNUM_BENCH_SIZES", "1000000").split(",")]
SHAPES = os.environ.get("ORDNUM_BENCH_SHAPES", "export,heldout").split(",")
TIME_TARGET = 2.0
MEMORY_TARGET = 1.2
ROOT = Path(__file__).resolve().parents[2]

ANCHOR = """
import sys
from python_calamine import CalamineWorkbook
wb = CalamineWorkbook.from_path(sys.argv[1])
rows = 0
for _row in wb.get_sheet_by_name(wb.sheet_names[0]).iter_rows():
    rows += 1
print(rows - 1)
"""


@dataclass(frozen=True)
class Figure:
    shape: str  # "export" or "heldout" (trace_files.SHAPES)
    rows: int  # data rows of the workbook
    anchor_seconds: float  # calamine-only process, median
    anchor_mib: float  # its peak RSS, median
    seconds: float  # whole `ordnum traces import` process, median
    peak_mib: float  # its peak RSS, median
    time_ratio: float  # seconds / anchor_seconds
    memory_ratio: float  # peak_mib / anchor_mib
    accepted: int
    unmatched: int
    repeat: int
    load: str  # the 1-minute load average when the measure started
    # CPU seconds (user + system, all threads) of each process, medians: on a busy machine the
    # wall-clock ratio drifts towards this one.
    anchor_cpu_seconds: float = 0.0
    cpu_seconds: float = 0.0

    @property
    def cpu_ratio(self) -> float:
        return self.cpu_seconds / self.anchor_cpu_seconds if self.anchor_cpu_seconds else 0.0

    @property
    def ok(self) -> bool:
        return self.time_ratio <= TIME_TARGET and self.memory_ratio <= MEMORY_TARGET

    def line(self) -> str:
        return (
            f"import {self.shape:<8} {self.rows:>9,} lignes : calamine seul {self.anchor_seconds:.2f} s "
            f"({self.anchor_mib:.0f} Mio) | « ordnum traces import » {self.seconds:.2f} s "
            f"({self.peak_mib:.0f} Mio) | ratio temps {self.time_ratio:.2f} (cible ≤ {TIME_TARGET:g}) | "
            f"ratio mémoire {self.memory_ratio:.2f} (cible ≤ {MEMORY_TARGET:g}) "
            f"{'OK' if self.ok else 'DÉPASSÉ'} | CPU {self.cpu_seconds:.1f} s / "
            f"{self.anchor_cpu_seconds:.1f} s = {self.cpu_ratio:.2f} | acceptées {self.accepted:,}, "
            f"hors effectif {self.unmatched:,} | médianes de {self.repeat}, charge {self.load}"
        )


def _child_env() -> dict[str, str]:
    # The checkout being measured wins over any installed copy of the package.
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path}


def _run(command: list[str]) -> tuple[float, float, str, float]:
    """(seconds from spawn to exit, peak RSS in MiB, stdout, CPU seconds) of one child process,
    reaped with os.wait4 so that its rusage is its own."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, env=_child_env(), cwd=ROOT)
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - t0
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode not in (0, 1):  # 1: some rows rejected, still an import
            raise RuntimeError(
                f"{' '.join(command[:4])} failed ({child.returncode}): {err.read().decode(errors='replace')}"
            )
        cpu = usage.ru_utime + usage.ru_stime
        return seconds, usage.ru_maxrss / 1024, out.read().decode(), cpu  # ru_maxrss: KiB on Linux


def _ordnum() -> list[str]:
    script = Path(sys.executable).with_name("ordnum")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ordnum_desktop"]


def _fresh_workspace(db: Path) -> None:
    db.unlink(missing_ok=True)
    for old in db.parent.glob(db.name + "*"):
        if old.is_file():
            old.unlink()
    subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.measure", "workspace", str(db)],
        check=True,
        capture_output=True,
        env=_child_env(),
        cwd=ROOT,
    )


def measure_one(shape: str, size: int, repeat: int = REPEAT) -> Figure:
    path = traces_workbook(size, shape)
    db = cache_dir() / f"bench-import-{shape}-{size}.sqlite"
    load = f"{os.getloadavg()[0]:.2f}"
    anchors: list[tuple[float, float, float]] = []
    imports: list[tuple[float, float, float]] = []
    report: dict[str, int] = {}
    for _ in range(repeat):  # interleaved, so that a busy moment of the machine hits both
        seconds, mib, _out, cpu = _run([sys.executable, "-c", ANCHOR, str(path)])
        anchors.append((seconds, mib, cpu))
        _fresh_workspace(db)
        seconds, mib, out, cpu = _run([*_ordnum(), "traces", "import", "--db", str(db), str(path), "--json"])
        imports.append((seconds, mib, cpu))
        report = json.loads(out)
    a_s, a_m, a_c = (statistics.median(r[k] for r in anchors) for k in range(3))
    i_s, i_m, i_c = (statistics.median(r[k] for r in imports) for k in range(3))
    return Figure(
        shape=shape,
        rows=size,
        anchor_seconds=a_s,
        anchor_mib=a_m,
        seconds=i_s,
        peak_mib=i_m,
        time_ratio=i_s / a_s,
        memory_ratio=i_m / a_m,
        accepted=int(report["accepted"]),
        unmatched=int(report["unmatched"]),
        repeat=repeat,
        load=load,
        anchor_cpu_seconds=a_c,
        cpu_seconds=i_c,
    )


def measure(
    sizes: list[int] | None = None, shapes: list[str] | None = None, repeat: int = REPEAT
) -> list[Figure]:
    return [measure_one(shape, size, repeat) for shape in shapes or SHAPES for size in sizes or SIZES]


def main() -> None:
    for figure in measure():
        print(figure.line(), flush=True)


if __name__ == "__main__":
    main()
