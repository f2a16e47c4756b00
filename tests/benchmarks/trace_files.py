"""Synthetic traces workbooks for the benchmarks, written once and cached in a temp folder.

Two shapes (`SHAPES`):
- "export": a real export's shape: date-time cells, identifiers and texts as strings (shared
  strings, as Excel saves them), code retour as numbers; each prescription has its own row, then
  a *créer* call (sometimes retried after a failure) and now and then *consulter* / *rechercher*
  calls (about 550k prescriptions over 1M rows, 1 % of rows from PS outside the roster);
- "heldout": the shape of issue 16, heavier on the prescription tally and the unmatched path:
  every row is its own prescription (distinct Identifiant ordonnance), 70 % digital, each
  digital row carries an operation (créer/consulter/rechercher 3:1:1, 10 % failures code 503)
  and a distinct 18-digit Numéro de prescription, one row in eight from a PS outside the roster,
  rows 3 s apart, dates as date cells, everything else (code retour included) as shared strings.
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
# The held-out shape's PS outside the roster: libéral N° AM of other départements and salaried
# RPPS, 40 of them.
HELDOUT_STRANGERS = [f"{dep:02d}{n:07d}" for dep in (13, 59, 69, 75) for n in range(3001, 3006)] + [
    f"1000{n:07d}" for n in range(5001, 5021)
]
HELDOUT_OPERATIONS = ["Créer"] * 3 + ["Consulter", "Rechercher"]


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


def heldout_rows(count: int, seed: int = 16):
    """Yields `count` data rows of the held-out shape (see the module docstring)."""
    rng = random.Random(seed)
    start = datetime(2025, 3, 3, 8, 0, 0)
    three = timedelta(seconds=3)
    for n in range(count):
        stranger = rng.random() < 1 / 8
        ps = rng.choice(HELDOUT_STRANGERS) if stranger else rng.choice(DOCTORS)
        digital = rng.random() < 0.7
        operation = code = number = ""
        if digital:
            operation = rng.choice(HELDOUT_OPERATIONS)
            code = "503" if rng.random() < 0.1 else "0"
            number = f"{100_000_000_000_000_000 + n * 7919:018d}"
        yield [
            start + three * n,
            ps,
            "",
            f"RX{n:09d}",
            rng.choice(PRESTATIONS),
            "Oui" if digital else "Non",
            operation,
            code,
            number,
        ]


SHAPES = {"export": trace_rows, "heldout": heldout_rows}


def traces_workbook(count: int, shape: str = "export") -> Path:
    """Path of a cached workbook with `count` data rows of `shape` (written with openpyxl's
    write-only mode, which puts every string in the shared-strings table as Excel does)."""
    from openpyxl import Workbook

    name = f"traces-{count}.xlsx" if shape == "export" else f"traces-{shape}-{count}.xlsx"
    path = cache_dir() / name
    if path.exists():
        return path
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("Traces")
    sheet.append(HEADERS)
    for row in SHAPES[shape](count):
        sheet.append(row)
    tmp = path.with_suffix(".part")
    wb.save(tmp)
    tmp.rename(path)
    return path
