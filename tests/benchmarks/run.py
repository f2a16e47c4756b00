"""`make bench`: runs every tests/benchmarks/bench_*.py module in name order, then prints the five
figures of issue 16, each measured against its anchor in this same run:

- `ordnum traces import` of a 1M-row workbook, whole process, vs a calamine-only process: time and
  peak memory ratios, for both workbook shapes (bench_import.measure());
- the window's data on screen vs a bare tabbed Qt window (bench_startup.measure());
- `ordnum bilan --pdf` of a 10-doctor présérie, fresh process, and the same warm, the window's
  second export (bench_pdf.measure()).

The three modules that feed the table are measured once: their lines are printed from the same
figures. The machine's load is printed beside the table: on a shared machine wall times grow
with it, ratios to an anchor measured in the same run much less.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import time
from typing import Any

import tests.benchmarks as package
from tests.benchmarks import bench_import, bench_pdf, bench_startup

SUMMARISED = {"bench_import", "bench_pdf", "bench_startup"}
BARE_OF_THE_ISSUE = bench_startup.ISSUE_BARE_MS / 1000  # seconds


def _load() -> str:
    return ", ".join(f"{v:.2f}" for v in os.getloadavg())


def summary(
    imports: list[bench_import.Figure], startup: bench_startup.StartupFigures, pdf: bench_pdf.PdfFigures
) -> list[str]:
    """The issue's table, « now » being this run."""
    lines = ["| ce qui est mesuré | mesure | ancre (même exécution) | cible |", "|---|---|---|---|"]
    for f in imports:
        rows = f"{f.rows:,}".replace(",", " ")
        lines.append(
            f"| `ordnum traces import` {rows} lignes ({f.shape}), processus entier | "
            f"**{f.time_ratio:.2f} ×** ({f.seconds:.1f} s) | calamine seul {f.anchor_seconds:.1f} s | ≤ 2 × |"
        )
        lines.append(
            f"| mémoire de pointe de cet import ({f.shape}) | **{f.memory_ratio:.2f} ×** "
            f"({f.peak_mib:.0f} Mio) | calamine seul {f.anchor_mib:.0f} Mio | ≤ 1,2 × |"
        )
    lines.append(
        f"| fenêtre : données de l'espace de travail à l'écran | **{startup.data_ms:.0f} ms** "
        f"({startup.data_ratio:.1f} ×) | fenêtre Qt nue à onglets {startup.bare_ms:.0f} ms | "
        f"≤ 500 ms (≤ {bench_startup.TARGET_RATIO:.1f} ×) |"
    )
    # The PDF's targets are seconds on the issue's machine, whose bare window painted in 120 ms:
    # against the bare window of this run, they are 2 s / 120 ms and 1 s / 120 ms.
    bare_s = startup.bare_ms / 1000
    for what, seconds, cpu, target in (
        ("`ordnum bilan --pdf`, 10 médecins, processus neuf", pdf.cold_s, pdf.cold_cpu_s, 2.0),
        ("le même à chaud (export de la fenêtre, 2e fois)", pdf.warm_s, pdf.warm_cpu_s, 1.0),
    ):
        lines.append(
            f"| {what} | **{seconds:.2f} s** (CPU {cpu:.2f} s) | fenêtre Qt nue {startup.bare_ms:.0f} ms : "
            f"{seconds / bare_s:.1f} × | < {target:g} s (< {target / BARE_OF_THE_ISSUE:.1f} ×) |"
        )
    return lines


def main() -> None:
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name.startswith("bench_"))
    figures: dict[str, Any] = {}
    started = _load()
    for name in names:
        print(f"== {name}", flush=True)
        t0 = time.perf_counter()
        if name == "bench_import":
            figures[name] = bench_import.measure()
            for figure in figures[name]:
                print(figure.line(), flush=True)
        elif name == "bench_startup":
            figures[name] = bench_startup.measure()
            print(bench_startup.report(figures[name]), flush=True)
        elif name == "bench_pdf":
            figures[name] = bench_pdf.measure()
            print(bench_pdf.report(figures[name]), flush=True)
        else:
            importlib.import_module(f"tests.benchmarks.{name}").main()
        print(f"   ({time.perf_counter() - t0:.0f} s)", flush=True)
    if SUMMARISED <= figures.keys():
        print(f"== ticket 16 : les cinq chiffres (charge au départ {started}, à la fin {_load()})")
        lines = summary(figures["bench_import"], figures["bench_startup"], figures["bench_pdf"])
        print("\n".join(lines), flush=True)


if __name__ == "__main__":
    main()
