"""`compute_bilan` on 1M stored rows (target < 0.5 s), and the query plan it uses."""

from __future__ import annotations

from pathlib import Path

from tests.benchmarks.measure import run
from tests.benchmarks.trace_files import cache_dir, traces_workbook

ROWS = 1_000_000


def main() -> None:
    db = cache_dir() / f"bench-{ROWS}.sqlite"
    if not db.exists():
        run("import", str(traces_workbook(ROWS)), str(db))
    result = run("bilan", str(Path(db)))
    print(f"bilan sur {ROWS:,} lignes : {result['seconds'] * 1000:.0f} ms (médiane de 5, résumé à jour ; "
          f"cible < 500 ms) ; premier bilan après un import (résumé recalculé) "
          f"{result['cold_seconds'] * 1000:.0f} ms ; "
          f"série hebdomadaire {result['weekly_seconds'] * 1000:.0f} ms")
    print(f"   plan : {' / '.join(result['plan'])}")


if __name__ == "__main__":
    main()
