"""Start-up of the built window (`make dist`) against the venv's (`make run`), same machine, same
run: `make bench-dist` (after `make dist`), or `python -m tests.benchmarks.startup_built
[DIST_FOLDER]`. Not a bench_ module: `make bench` does not need a built app.

Both open the 10-doctor présérie of bench_startup with ORDNUM_STARTUP_PROBE=1 and report their
first paint and « données à l'écran » (the PS tab's roster filled and painted), timed from just
before the process starts. One first run of each, printed apart (the venv writes its .pyc
files, the built app's folder is read from disk once), then interleaved runs; medians printed.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

from tests.benchmarks.bench_startup import ROOT, _env, _timed, demo_workspace, ordnum_window

RUNS = int(os.environ.get("ORDNUM_BENCH_STARTUP_RUNS", "3"))
EXE = ".exe" if os.name == "nt" else ""


def built_window(program: Path, db: Path) -> dict[str, float]:
    env = {k: v for k, v in _env().items() if k != "PYTHONPATH"} | {"ORDNUM_STARTUP_PROBE": "1"}
    result = _timed([str(program), "--db", str(db)], env)
    assert result["rows"] > 0, "the built window's PS tab showed no row"
    return result


def median_ms(results: list[dict[str, float]], key: str) -> float:
    return statistics.median(r.get(key, r["data_on_screen"]) for r in results) * 1000


def main() -> None:
    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "ordnum-desktop"
    program = dist.resolve() / f"ordnum-desktop{EXE}"
    if not program.exists():
        sys.exit(f"{program} absent : lancez d'abord « make dist ».")
    db = demo_workspace()
    first_built, first_venv = built_window(program, db), ordnum_window(db)  # not in the medians
    built: list[dict[str, float]] = []
    venv: list[dict[str, float]] = []
    for _ in range(RUNS):
        built.append(built_window(program, db))
        venv.append(ordnum_window(db))
    for label, results, first in (
        ("application construite", built, first_built),
        ("venv (make run)", venv, first_venv),
    ):
        print(
            f"{label} : premier affichage {median_ms(results, 'first_paint'):.0f} ms, données à "
            f"l'écran {median_ms(results, 'data_on_screen'):.0f} ms (médianes de {RUNS}) ; "
            f"premier lancement {median_ms([first], 'data_on_screen'):.0f} ms",
            flush=True,
        )


if __name__ == "__main__":
    main()
