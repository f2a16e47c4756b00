"""Writes `tests/data/workspace-<head revision>.sqlite` with the code of the current checkout.

Run it once per released schema revision (before adding the next migration) and commit the file:
tests/test_upgrade.py opens every `workspace-*.sqlite` with the current version and checks the data
below survives. Usage: `.venv/bin/python -m tests.data.make_workspace`.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from ordnum_desktop.services.planning.dates import update_plan
from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.schema import head_revision

HERE = Path(__file__).resolve().parent

# What every fixture holds; tests/test_upgrade.py checks these values.
DOCTORS = [
    {"last_name": "Dupré", "first_name": "Élodie", "mode": "liberal", "am": "331234567", "consent": True},
    {"last_name": "Martin", "first_name": "Jean", "mode": "liberal", "am": "621234567", "consent": True},
    {"last_name": "Bérénice", "first_name": "Anne", "mode": "liberal", "am": "331111111"},
]
TRACES = [
    ("2025-03-03 09:15:00", "331234567", "RX-1", "PH", 1, "creer", 0),
    ("2025-03-03 10:20:00", "331234567", "RX-2", "PH", 1, "creer", 0),
    ("2025-03-04 11:00:00", "621234567", "RX-3", "BIO", 0, "", None),
]


def build(path: Path) -> None:
    path.unlink(missing_ok=True)
    ws = Workspace.open(path, create=True)
    try:
        p = create_preserie(
            ws,
            editor="Éditeur Fixture",
            software="MédiLog",
            version="4.2",
            exercise="liberal",
            cpams=["33", "62-artois"],
        )
        assert p.id is not None
        ids = [add_doctor(ws, p.id, **fields).id for fields in DOCTORS]
        update_plan(ws, ids[0], planned_install=date(2025, 2, 10), actual_install=date(2025, 2, 12))
    finally:
        ws.close()
    # Trace rows straight through SQL: the fixture must not depend on the importer of its day.
    con = sqlite3.connect(path)
    with con:
        cur = con.execute(
            "INSERT INTO import_batch(preserie_id, kind, file_name, file_hash, imported_at, read, "
            "accepted, duplicates, rejected, unmatched) VALUES (?, 'traces', 'traces-mars.csv', "
            "'0' , '2025-03-05 08:00:00', 3, 3, 0, 0, 0)",
            (p.id,),
        )
        con.executemany(
            "INSERT INTO trace_row(preserie_id, batch_id, ts, ps_identifier, finess, prescription_id, "
            "prestation, digital, operation, return_code, prescription_number) "
            "VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?, '')",
            [(p.id, cur.lastrowid, *t) for t in TRACES],
        )
    con.execute("VACUUM")
    con.close()


if __name__ == "__main__":
    target = HERE / f"workspace-{head_revision()}.sqlite"
    build(target)
    print(target)
