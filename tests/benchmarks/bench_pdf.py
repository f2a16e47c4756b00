"""The printed bilan of a 10-doctor présérie (12 weeks of traces) with every chart rendered:
target < 2 s. Measured warm in this process (median of 5) and cold as `ordnum bilan --pdf` in a
fresh process (Python start-up and imports included). CPU time is printed beside the wall
time: on a shared 2-core machine the wall time also counts the other processes."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from ordnum_desktop.services.bilan.pdf_export import write_bilan_pdf
from ordnum_desktop.services.workspace.session import Workspace
from tests.bilan_fixture import populate

DOCTORS = 10
WEEKS = 12


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "bench-pdf.sqlite"
        ws = Workspace.open(db, create=True)
        try:
            pid = populate(ws, folder, doctors=DOCTORS, weeks=WEEKS)
            times, cpu = [], []
            for n in range(6):
                t0, c0 = time.perf_counter(), time.process_time()
                out = write_bilan_pdf(ws, pid, folder / f"bilan-{n}.pdf")
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
        finally:
            ws.close()
        first, warm = times[0], statistics.median(times[1:])
        size = out.stat().st_size
        pages = len(PdfReader(out).pages)
        ordnum = Path(sys.executable).with_name("ordnum")
        command = [str(ordnum), "bilan", "--db", str(db), "--pdf", str(folder / "cold.pdf")]
        t0 = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        cold = time.perf_counter() - t0

    print(
        f"bilan PDF, {DOCTORS} médecins × {WEEKS} semaines, {DOCTORS + 1} graphiques : "
        f"{warm:.2f} s à chaud (médiane de 5, dont {statistics.median(cpu[1:]):.2f} s de CPU ; "
        f"1er appel {first:.2f} s), "
        f"{cold:.2f} s « ordnum bilan --pdf » processus neuf ; cible < 2 s ; "
        f"{size // 1024} Kio, {pages} pages"
    )


if __name__ == "__main__":
    main()
