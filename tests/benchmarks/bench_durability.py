"""Cost of the safety net on a big workspace: the copy taken before each import, undoing a
1M-row import, taking the lock. No target in the issue; the figures go in the report."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.traces.undo import undo_batch
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.backups import make_backup
from ordnum_desktop.store.lock import WorkspaceLock

SIZES = [int(s) for s in os.environ.get("ORDNUM_BENCH_SIZES", "100000,1000000").split(",")]


def _workspace(folder: Path, rows: int) -> Path:
    path = folder / f"espace-{rows}.sqlite"
    ws = Workspace.open(path, create=True)
    try:
        pid = create_preserie(ws, editor="E", software="S", version="1", exercise="liberal", cpams=["33"]).id
    finally:
        ws.close()
    con = sqlite3.connect(path)
    with con:
        batch = con.execute(
            "INSERT INTO import_batch(preserie_id, kind, file_name, file_hash, imported_at, read, accepted, "
            "duplicates, rejected, unmatched) VALUES (?, 'traces', 'bench.csv', '', '2025-03-05 08:00:00', "
            "?, ?, 0, 0, 0)",
            (pid, rows, rows),
        ).lastrowid
        con.executemany(
            "INSERT INTO trace_row(preserie_id, batch_id, ts, ps_identifier, finess, prescription_id, "
            "prestation, digital, operation, return_code, prescription_number) "
            "VALUES (?, ?, ?, ?, '', ?, 'PH', ?, 'creer', 0, '')",
            (
                (
                    pid,
                    batch,
                    f"2025-03-{1 + n % 28:02d} {n % 24:02d}:{n % 60:02d}:{n // 3600 % 60:02d}",
                    f"33{n % 10:07d}",
                    f"RX-{n}",
                    n % 2,
                )
                for n in range(rows)
            ),
        )
    con.close()
    return path


def _fr(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="ordnum-durability-"))
    os.environ["ORDNUM_BACKUP_DIR"] = str(folder / "sauvegardes")
    try:
        for rows in SIZES:
            path = _workspace(folder, rows)
            size_mb = path.stat().st_size / 1e6
            t0 = time.perf_counter()
            make_backup(path, "manuelle")
            backup_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            with WorkspaceLock(path):
                pass
            lock_ms = (time.perf_counter() - t0) * 1000
            ws = Workspace.open(path)
            try:
                t0 = time.perf_counter()
                removed = undo_batch(ws, 1)  # includes its own copy of the workspace first
                undo_s = time.perf_counter() - t0
            finally:
                ws.close()
            print(
                f"{_fr(rows):>9} lignes ({size_mb:.0f} Mo) : sauvegarde {backup_s:.2f} s | verrou "
                f"{lock_ms:.1f} ms | annulation de l'import ({_fr(removed)} lignes, copie comprise) "
                f"{undo_s:.2f} s"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
