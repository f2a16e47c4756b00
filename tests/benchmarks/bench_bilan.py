"""`compute_bilan` on 1M stored rows (target < 0.5 s): the first one after the import, the next ones,
and a rebuild of the summary from the rows (with the query plan it uses)."""

from __future__ import annotations

from pathlib import Path

from tests.benchmarks.measure import run
from tests.benchmarks.trace_files import cache_dir, traces_workbook

ROWS = 1_000_000


def main() -> None:
    db = cache_dir() / f"bench-{ROWS}.sqlite"
    # A new import each time: the first bilan must read what the import of this version left.
    run("import", str(traces_workbook(ROWS)), str(db))
    result = run("bilan", str(Path(db)))
    print(
        f"bilan sur {ROWS:,} lignes : premier bilan après l'import {result['first_seconds'] * 1000:.0f} ms "
        f"(cible < 500 ms) ; suivants {result['seconds'] * 1000:.0f} ms (médiane de 5) ; "
        f"série hebdomadaire {result['weekly_seconds'] * 1000:.0f} ms ; "
        f"résumé reconstruit depuis les lignes (fichier ancien ou résumé périmé) "
        f"{result['rebuild_seconds'] * 1000:.0f} ms"
    )
    print(f"   plan de la reconstruction : {' / '.join(result['plan'])}")


if __name__ == "__main__":
    main()
