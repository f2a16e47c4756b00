"""Import speed and memory against the raw calamine parse of the same file, in the same run.

Targets (issue 3): whole import ≤ 2× the raw parse, peak memory ≤ 1.2× calamine's own,
100k rows well under 2 s.
"""

from __future__ import annotations

import os

from tests.benchmarks.measure import run
from tests.benchmarks.trace_files import cache_dir, traces_workbook

SIZES = [int(s) for s in os.environ.get("ORDNUM_BENCH_SIZES", "100000,1000000").split(",")]


def main() -> None:
    for size in SIZES:
        path = str(traces_workbook(size))
        db = str(cache_dir() / f"bench-{size}.sqlite")
        parse = run("parse", path)
        imp = run("import", path, db)
        ratio = imp["seconds"] / parse["seconds"]
        mem_ratio = imp["peak_mib"] / parse["peak_mib"]
        print(
            f"import {size:>9,} lignes : lecture calamine {parse['seconds']:.2f} s "
            f"({parse['peak_mib']:.0f} Mio) | import complet {imp['seconds']:.2f} s "
            f"({imp['peak_mib']:.0f} Mio) | ratio temps {ratio:.2f} (cible ≤ 2) | "
            f"ratio mémoire {mem_ratio:.2f} (cible ≤ 1,2) | {imp['rows'] / imp['seconds']:,.0f} lignes/s "
            f"| acceptées {imp['accepted']:,}, doublons {imp['duplicates']:,}, "
            f"rejetées {imp['rejected']:,}"
        )


if __name__ == "__main__":
    main()
