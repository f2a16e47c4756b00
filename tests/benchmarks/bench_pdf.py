"""The printed bilan of a 10-doctor présérie (12 weeks of traces, every chart drawn).

- cold: `ordnum bilan --db … --pdf …` as a fresh process, timed from outside (Python start-up,
  imports, opening the file, the bilan and the PDF) — target < 2 s;
- warm: the window's export, `write_bilan_pdf` again in a process that has printed one already
  (second and later calls) — target < 1 s.
Medians; CPU time beside the wall time, since on a shared 2-core machine the wall time also
counts the other processes.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from ordnum_desktop.services.bilan.pdf_export import write_bilan_pdf
from ordnum_desktop.services.workspace.session import Workspace
from tests.bilan_fixture import populate

DOCTORS = 10
WEEKS = 12
COLD_RUNS = int(os.environ.get("ORDNUM_BENCH_PDF_COLD_RUNS", "3"))
WARM_RUNS = 5


@dataclass(frozen=True)
class PdfFigures:
    cold_s: float
    cold_cpu_s: float
    warm_s: float
    warm_cpu_s: float
    first_s: float
    size_kib: int
    pages: int


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure() -> PdfFigures:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "bench-pdf.sqlite"
        ws = Workspace.open(db, create=True)
        try:
            pid = populate(ws, folder, doctors=DOCTORS, weeks=WEEKS)
        finally:
            ws.close()
        ordnum = Path(sys.executable).with_name("ordnum")
        cold, cold_cpu = [], []
        for n in range(COLD_RUNS):
            command = [str(ordnum), "bilan", "--db", str(db), "--pdf", str(folder / f"cold-{n}.pdf")]
            t0, c0 = time.perf_counter(), _children_cpu()
            subprocess.run(command, check=True, capture_output=True)
            cold.append(time.perf_counter() - t0)
            cold_cpu.append(_children_cpu() - c0)
        ws = Workspace.open(db)
        try:
            times, cpu = [], []
            for n in range(1 + WARM_RUNS):
                t0, c0 = time.perf_counter(), time.process_time()
                out = write_bilan_pdf(ws, pid, folder / f"bilan-{n}.pdf")
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
        finally:
            ws.close()
        return PdfFigures(
            cold_s=statistics.median(cold),
            cold_cpu_s=statistics.median(cold_cpu),
            warm_s=statistics.median(times[1:]),
            warm_cpu_s=statistics.median(cpu[1:]),
            first_s=times[0],
            size_kib=out.stat().st_size // 1024,
            pages=len(PdfReader(out).pages),
        )


def report(f: PdfFigures) -> str:
    return (
        f"bilan PDF, {DOCTORS} médecins × {WEEKS} semaines : « ordnum bilan --pdf » processus neuf "
        f"{f.cold_s:.2f} s (CPU {f.cold_cpu_s:.2f} s ; cible < 2 s) "
        f"{'OK' if f.cold_s < 2 else 'DÉPASSÉ'} ; à chaud (export de la fenêtre, 2e fois) "
        f"{f.warm_s:.2f} s (CPU {f.warm_cpu_s:.2f} s ; cible < 1 s) {'OK' if f.warm_s < 1 else 'DÉPASSÉ'}"
        f" ; 1er export du processus {f.first_s:.2f} s ; {f.size_kib} Kio, {f.pages} pages ; "
        f"médianes de {COLD_RUNS} et {WARM_RUNS}"
    )


def main() -> None:
    print(report(measure()), flush=True)


if __name__ == "__main__":
    main()
