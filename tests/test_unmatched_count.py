"""The import's unmatched count, through the unknown identifiers' rows or one pass over the batch."""

from __future__ import annotations

from pathlib import Path

import pytest

from ordnum_desktop.services.traces import importer as traces_import
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.workspace.session import Workspace
from tests.trace_files import REQUIRED_HEADER, write_csv

ROSTERED = "331234567"


def _rows(tag: str) -> list[list[str]]:
    rows = [[f"2025-03-03 09:{m:02d}", ROSTERED, f"{tag}{m}", "Biologie", "Oui", "", ""] for m in range(4)]
    # three unknown identifiers, one of them on two rows, and a row repeated (a duplicate)
    for m, ident in enumerate(["339999991", "339999992", "339999993", "339999993"]):
        rows.append([f"2025-03-03 10:{m:02d}", ident, f"{tag}X{m}", "Biologie", "Non", "", ""])
    rows.append(rows[-1])
    return rows


@pytest.mark.parametrize("limit", [500, 1])
def test_unmatched_counts_stored_rows_of_this_batch_only(
    ws: Workspace,
    roster: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    limit: int,
) -> None:
    monkeypatch.setattr(traces_import, "MAX_CANDIDATES", limit)  # 1: the one-pass fallback
    first = import_traces(ws, roster, write_csv(tmp_path / "a.csv", _rows("A"), REQUIRED_HEADER))
    assert (first.accepted, first.duplicates, first.unmatched) == (8, 1, 4)
    # the same unknown identifiers again, in new rows: only this batch's rows count
    second = import_traces(ws, roster, write_csv(tmp_path / "b.csv", _rows("B")[:6], REQUIRED_HEADER))
    assert (second.accepted, second.unmatched) == (6, 2)
    again = import_traces(ws, roster, write_csv(tmp_path / "c.csv", _rows("A"), REQUIRED_HEADER))
    assert (again.accepted, again.unmatched) == (0, 0)
