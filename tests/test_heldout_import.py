"""The held-out import shape of issue 16 (every row its own prescription, one row in eight from a
PS outside the roster, code retour as text), written as a real .xlsx, imports with the figures a
plain-Python reading of the same file gives: the import report and the bilan's summary, per
identifier, strangers included."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ordnum_desktop.domain.bilan_rules import IdentifierCounts, OperationCount
from ordnum_desktop.services.bilan import summary as bilan_summary
from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.workspace.session import Workspace
from tests.benchmarks.measure import make_workspace
from tests.benchmarks.trace_files import DOCTORS, HEADERS, heldout_rows

ROWS = 20_000
OPERATIONS = {"Créer": "creer", "Consulter": "consulter", "Rechercher": "rechercher"}

pytestmark = pytest.mark.slow


def _write(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("Traces")
    sheet.append(HEADERS)
    for row in heldout_rows(ROWS):
        sheet.append(row)
    wb.save(path)
    return path


def _expected(path: Path) -> tuple[dict[str, IdentifierCounts], str]:
    """Per identifier, its figures from the file as openpyxl reads it, by plain counting; and
    the last day of the file."""
    sheet = load_workbook(path, read_only=True)["Traces"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == ROWS
    by_ps: dict[str, list[tuple]] = defaultdict(list)
    for ts, ps, _fi, pid, _pr, digital, op, code, number in rows:
        assert type(ts) is datetime and type(ps) is str and type(pid) is str  # date cells, strings
        assert code is None or type(code) is str
        assert (number is None) == (op is None)
        by_ps[ps].append((ts, pid, digital, op, code))
    assert len({r[3] for r in rows}) == ROWS  # every row its own prescription
    expected = {}
    for ps, mine in by_ps.items():
        calls: Counter[str] = Counter()
        ok: Counter[str] = Counter()
        for _ts, _pid, _digital, op, code in mine:
            if op is not None:
                calls[OPERATIONS[op]] += 1
                ok[OPERATIONS[op]] += code == "0"
        expected[ps] = IdentifierCounts(
            prescriptions=len({pid for _, pid, *_ in mine}),
            digital=len({pid for _, pid, d, *_ in mine if d == "Oui"}),
            registered=len(
                {pid for _, pid, d, op, code in mine if d == "Oui" and op == "Créer" and code == "0"}
            ),
            rows=len(mine),
            **{k: OperationCount(calls[k], ok[k]) for k in OPERATIONS.values()},
        )
    last_day = max(r[0] for r in rows).date().isoformat()
    return expected, last_day


def test_heldout_shape_imports_with_the_figures_of_a_plain_reading(tmp_path: Path) -> None:
    path = _write(tmp_path / "heldout.xlsx")
    expected, last_day = _expected(path)
    db = tmp_path / "ws.sqlite"
    pid = make_workspace(str(db))
    strangers = {ps for ps in expected if ps not in DOCTORS}
    assert len(strangers) > 10  # the shape's many PS outside the roster

    with Workspace.open(db) as ws:
        report = import_traces(ws, pid, path)
        assert (report.read, report.accepted, report.duplicates, report.rejected) == (ROWS, ROWS, 0, 0)
        assert report.unmatched == sum(expected[ps].rows for ps in strangers)
        with ws.session() as s:
            stored = bilan_summary._cached(s.connection(), pid)
            rebuilt = bilan_summary._build_summary(s.connection(), pid)
        assert stored is not None  # the import folded its rows into a current summary
        assert bilan_summary.stats_as_of(stored, last_day) == expected
        assert bilan_summary.stats_as_of(rebuilt, last_day) == expected
        bilan = compute_bilan(ws, pid)
    figures = {d.identifier: (d.prescriptions, d.digital) for d in bilan.doctor_rate.doctors}
    for am in DOCTORS[:9]:  # the equipped doctors of the roster
        assert figures[am] == (expected[am].prescriptions, expected[am].digital)
