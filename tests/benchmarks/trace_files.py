"""Synthetic traces workbooks for the benchmarks, written once and cached in a temp folder.

Shape of a real export: date-time cells, identifiers and texts as strings (shared strings, as
Excel saves them), code retour as numbers; each prescription has its own row, then a *créer*
call (sometimes retried after a failure) and now and then *consulter* / *rechercher* calls.
"""

from __future__ import annotations

import os
import random
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

HEADERS = [
    "Horodatage",
    "Identifiant PS",
    "FINESS",
    "Identifiant ordonnance",
    "Type de prestation",
    "Ordonnance numérique",
    "Opération",
    "Code retour",
    "Numéro de prescription",
]
PRESTATIONS = ["Médicaments"] * 6 + ["Biologie", "Dispositifs médicaux", "Actes infirmiers", "Kinésithérapie"]
# Ten libéral doctors of Gironde (33) and Pas-de-Calais (62), plus two strangers.
DOCTORS = [f"33{n:07d}" for n in range(1001, 1006)] + [f"62{n:07d}" for n in range(2001, 2006)]
STRANGERS = ["330009999", "10005173140"]


def cache_dir() -> Path:
    path = Path(os.environ.get("ORDNUM_BENCH_DIR", Path(tempfile.gettempdir()) / "ordnum-bench"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def trace_rows(count: int, seed: int = 7):
    """Yields `count` data rows (lists of cell values) in time order."""
    rng = random.Random(seed)
    start = datetime(2025, 3, 3, 8, 0, 0)
    step = timedelta(days=42) / max(count, 1)
    produced = 0
    n = 0
    while produced < count:
        n += 1
        ts = start + step * produced
        ps = rng.choice(STRANGERS) if rng.random() < 0.01 else rng.choice(DOCTORS)
        pid = f"ORD-{n:08d}"
        digital = rng.random() < 0.7
        rows = [[ts, ps, "", pid, rng.choice(PRESTATIONS), "Oui" if digital else "Non", "", None, ""]]
        if digital:
            code = 0 if rng.random() < 0.9 else 503
            number = f"EP{n:010d}"
            rows.append(
                [
                    ts + timedelta(seconds=2),
                    ps,
                    "",
                    pid,
                    rows[0][4],
                    "Oui",
                    "Créer",
                    code,
                    number if code == 0 else "",
                ]
            )
            if code != 0:
                rows.append([ts + timedelta(seconds=30), ps, "", pid, rows[0][4], "Oui", "Créer", 0, number])
            if rng.random() < 0.1:
                rows.append(
                    [
                        ts + timedelta(minutes=5),
                        ps,
                        "",
                        pid,
                        rows[0][4],
                        "Oui",
                        rng.choice(["Consulter", "Rechercher"]),
                        0,
                        number,
                    ]
                )
        for row in rows[: count - produced]:
            yield row
            produced += 1


def traces_workbook(count: int) -> Path:
    """Path of a cached workbook with `count` data rows (written with openpyxl's write-only mode)."""
    from openpyxl import Workbook

    path = cache_dir() / f"traces-{count}.xlsx"
    if path.exists():
        return path
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("Traces")
    sheet.append(HEADERS)
    for row in trace_rows(count):
        sheet.append(row)
    tmp = path.with_suffix(".part")
    wb.save(tmp)
    tmp.rename(path)
    return path
