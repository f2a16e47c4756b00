"""Undo of a traces import: exactly that batch's rows go, recorded in the audit trail."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.traces.importer import import_traces, list_batches
from ordnum_desktop.services.traces.undo import undo_batch
from ordnum_desktop.services.workspace import backup
from ordnum_desktop.services.workspace.audit_log import describe, list_entries
from ordnum_desktop.services.workspace.session import Workspace
from tests.trace_files import rows, write_csv

# On a SQLite file and on a PostgreSQL server alike (issue 15); tests that take `ws_path` stay
# on the file.
pytestmark = pytest.mark.both_engines


def _count(ws: Workspace, batch_id: int | None = None) -> int:
    """Rows as a fresh connection sees them (committed)."""
    with ws.engine.connect() as con:
        if batch_id is None:
            return int(con.execute(text("SELECT count(*) FROM trace_row")).scalar_one())
        return int(
            con.execute(
                text("SELECT count(*) FROM trace_row WHERE batch_id = :b"), {"b": batch_id}
            ).scalar_one()
        )


def _backup_reasons(ws: Workspace) -> list[str]:
    """The file's backups, newest first; none on a server (pg_dump is the server's job)."""
    return [] if ws.path is None else [b.reason for b in backup.list_backups(ws.path)]


def test_undo_removes_exactly_that_batch(ws: Workspace, liberal_preserie_id: int, tmp_path: Path) -> None:
    add_doctor(ws, liberal_preserie_id, last_name="Dupré", am="331234567")
    first = import_traces(ws, liberal_preserie_id, write_csv(tmp_path / "mars.csv", rows(50)))
    # The second file repeats 10 rows of the first (duplicates, kept by the first batch).
    overlap = list(rows(60))[40:]
    second = import_traces(ws, liberal_preserie_id, write_csv(tmp_path / "avril.csv", overlap))
    assert (first.accepted, second.accepted, second.duplicates) == (50, 10, 10)
    assert _count(ws) == 60
    assert _backup_reasons(ws) == ([] if ws.is_server else ["import", "import"])

    assert undo_batch(ws, second.batch_id or 0) == 10
    assert _count(ws) == 50 and _count(ws, first.batch_id) == 50
    batches = {b.id: b for b in list_batches(ws, liberal_preserie_id)}
    assert batches[second.batch_id].undone_at is not None
    assert batches[first.batch_id].undone_at is None

    last = list_entries(ws, liberal_preserie_id, limit=1)[0]
    assert (last.action, last.entity, last.batch_id) == ("undo", "import_batch", second.batch_id)
    assert describe(last) == "avril.csv : 10 ligne(s) de traces retirée(s)"
    entries = list_entries(ws, liberal_preserie_id, entity="import_batch")
    imports = [e for e in entries if e.action == "import"]
    assert sorted(e.after["accepted"] for e in imports) == [10, 50]
    assert _backup_reasons(ws)[:1] == ([] if ws.is_server else ["annulation"])


def test_undo_twice_or_unknown_batch_is_refused(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    report = import_traces(ws, liberal_preserie_id, write_csv(tmp_path / "mars.csv", rows(5)))
    undo_batch(ws, report.batch_id or 0)
    with pytest.raises(UserError, match="déjà été annulé le"):
        undo_batch(ws, report.batch_id or 0)
    with pytest.raises(UserError, match="Aucun import n° 999"):
        undo_batch(ws, 999)


def test_undo_from_the_command_line(
    ws: Workspace,
    liberal_preserie_id: int,
    db_address: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from ordnum_desktop.cli import main

    ws_path = db_address
    csv_path = write_csv(tmp_path / "mars.csv", rows(20))
    assert main(["traces", "import", "--db", str(ws_path), str(csv_path)]) == 0
    capsys.readouterr()
    assert main(["traces", "batches", "--db", str(ws_path)]) == 0
    assert "Lot 1 : « mars.csv »" in capsys.readouterr().out
    assert main(["traces", "undo", "--db", str(ws_path), "1"]) == 0
    assert capsys.readouterr().out.strip() == "Import n° 1 annulé : 20 ligne(s) de traces retirée(s)."
    assert _count(ws) == 0
    assert main(["traces", "undo", "--db", str(ws_path), "1"]) == 2
    assert "déjà été annulé" in capsys.readouterr().err
    assert main(["traces", "batches", "--db", str(ws_path)]) == 0
    assert "annulé le" in capsys.readouterr().out
