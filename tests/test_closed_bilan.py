"""A closed bilan is a record (issue 11): `bilan close` freezes the figures, the digest and the PDF
bytes; later imports, an undo and roster edits leave `bilan show N` exactly as it was closed."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text as sql_text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from ordnum_desktop.cli import main
from ordnum_desktop.services.roster.doctors import add_doctor, list_doctors, update_doctor
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.traces.undo import undo_batch
from ordnum_desktop.services.workspace.audit_log import list_entries
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import AuditEntry, ImportBatch, Preserie
from tests.bilan_fixture import am, populate
from tests.trace_files import rows, write_csv

# On a SQLite file and on a PostgreSQL server alike (issue 15).
pytestmark = pytest.mark.both_engines

MEETING = "2025-04-15"


def _workspace(tmp_path: Path, address: str, *, deploy: bool) -> tuple[str, int]:
    path = address
    ws = Workspace.open(path, create=True)
    try:
        pid = populate(ws, tmp_path, deploy=deploy)
    finally:
        ws.close()
    return path, pid


def _out(capsys: pytest.CaptureFixture[str], argv: list[str], code: int = 0) -> str:
    assert main(argv) == code
    return capsys.readouterr().out


def _status(path: str, pid: int) -> str:
    ws = Workspace.open(path)
    try:
        with ws.session() as s:
            p = s.get(Preserie, pid)
            assert p is not None
            return p.status
    finally:
        ws.close()


def test_closed_bilan_is_given_back_unchanged(
    tmp_path: Path, db_address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, pid = _workspace(tmp_path, db_address, deploy=True)
    db = ["--db", str(path)]
    live_before = json.loads(_out(capsys, ["bilan", *db, "--json"]))
    assert live_before["decision"] == "deploy"

    out = _out(
        capsys,
        ["bilan", "close", *db, "--meeting-date", "15/04/2025", "--signatories", "Mme Caisse, M. Éditeur"],
    )
    assert "Bilan n° 1" in out and "Validée" in out
    closed_json = _out(capsys, ["bilan", "show", *db, "1", "--json"])
    assert json.loads(closed_json) == live_before  # the figures of the meeting, as computed then
    first_pdf = tmp_path / "bilan-1.pdf"
    _out(capsys, ["bilan", "show", *db, "1", "--pdf", str(first_pdf)])
    pdf = first_pdf.read_bytes()
    assert pdf.startswith(b"%PDF")

    # Life goes on: traces within the closed period and after it, an undo, roster edits.
    ws = Workspace.open(path)
    try:
        late = write_csv(
            tmp_path / "tardif.csv",
            rows(40, [am(0), am(1)], start=datetime(2025, 3, 5, 14, 0), prefix="TARD"),
        )
        after = write_csv(
            tmp_path / "avril.csv", rows(30, [am(2)], start=datetime(2025, 4, 20, 9, 0), prefix="AVR")
        )
        import_traces(ws, pid, late)
        import_traces(ws, pid, after)
        with ws.session() as s:
            first = s.exec(select(ImportBatch).where(ImportBatch.file_name == "traces.csv")).one()
        undo_batch(ws, first.id or 0)
        doctors = list_doctors(ws, pid)
        update_doctor(ws, doctors[0].id or 0, equipped=False)
        add_doctor(
            ws, pid, last_name="Nouveau", first_name="Paul", mode="liberal", am="331239999", equipped=True
        )
    finally:
        ws.close()

    live_now = json.loads(_out(capsys, ["bilan", *db, "--as-of", live_before["as_of"], "--json"]))
    assert live_now["criteria"] != live_before["criteria"]  # the edits did change the live bilan
    assert _out(capsys, ["bilan", "show", *db, "1", "--json"]) == closed_json
    again = tmp_path / "bilan-1-encore.pdf"
    _out(capsys, ["bilan", "show", *db, "1", "--pdf", str(again)])
    assert again.read_bytes() == pdf

    history = json.loads(_out(capsys, ["bilan", "history", *db, "--json"]))
    assert [(h["number"], h["as_of"], h["meeting_date"], h["decision"]) for h in history] == [
        (1, live_before["as_of"], MEETING, "deploy")
    ]
    assert history[0]["signatories"] == "Mme Caisse, M. Éditeur" and len(history[0]["digest"]) == 12
    text = _out(capsys, ["bilan", "history", *db])
    assert "Bilan n° 1" in text and history[0]["digest"] in text
    assert _status(path, pid) == "validee"

    # The trigger refuses any UPDATE, whatever writes to the workspace (file or server).
    ws = Workspace.open(path)
    try:
        with ws.engine.connect() as conn, pytest.raises(DBAPIError, match="frozen"):
            conn.execute(sql_text("UPDATE closed_bilan SET decision = 'extend'"))
    finally:
        ws.close()
    ws = Workspace.open(path)
    try:
        with ws.session() as s:
            trail = s.exec(select(AuditEntry).where(AuditEntry.entity == "closed_bilan")).all()
            status_changes = s.exec(
                select(AuditEntry).where(AuditEntry.entity == "preserie", AuditEntry.action == "update")
            ).all()
    finally:
        ws.close()
    assert [json.loads(e.after_json)["number"] for e in trail] == [1]
    ws = Workspace.open(path)
    try:
        (journal,) = list_entries(ws, pid, entity="closed_bilan")
    finally:
        ws.close()
    assert journal.label == "Ajout — Bilan clos"
    assert journal.summary().startswith("bilan n° 1 au ") and "réunion du 15/04/2025" in journal.summary()
    assert any(json.loads(e.after_json).get("status") == "validee" for e in status_changes)


def test_extend_decision_and_refusals(
    tmp_path: Path, db_address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, pid = _workspace(tmp_path, db_address, deploy=False)
    db = ["--db", str(path)]
    assert _out(capsys, ["bilan", "history", *db]).startswith("Aucun bilan clos")
    assert _out(capsys, ["bilan", "history", *db, "--json"]).strip() == "[]"

    # The meeting cannot come before the bilan's day: refused, nothing stored.
    assert main(["bilan", "close", *db, "--as-of", "2025-04-07", "--meeting-date", "2025-04-06"]) == 2
    err = capsys.readouterr().err
    assert "précède la date du bilan" in err and "Corrigez" in err
    assert _status(path, pid) != "prolongee"

    out = _out(
        capsys, ["bilan", "close", *db, "--as-of", "2025-04-07", "--meeting-date", "2025-04-07", "--json"]
    )
    assert json.loads(out)["decision"] == "extend"
    assert _status(path, pid) == "prolongee"

    # A later bilan gets the next number; an earlier one than the last closed is refused.
    assert main(["bilan", "close", *db, "--as-of", "2025-03-31", "--meeting-date", "2025-04-20"]) == 2
    assert "déjà été clos" in capsys.readouterr().err
    _out(capsys, ["bilan", "close", *db, "--as-of", "2025-04-08", "--meeting-date", "2025-04-20"])
    history = json.loads(_out(capsys, ["bilan", "history", *db, "--json"]))
    assert [h["number"] for h in history] == [1, 2]

    assert main(["bilan", "show", *db, "9"]) == 2
    assert "Aucun bilan clos n° 9" in capsys.readouterr().err
    shown = _out(capsys, ["bilan", "show", *db, "2"])
    assert "Bilan n° 2 au 08/04/2025" in shown


def test_plain_bilan_form_still_works(
    tmp_path: Path, db_address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _pid = _workspace(tmp_path, db_address, deploy=True)
    assert "Bilan de la présérie" in _out(capsys, ["bilan", "--db", str(path)])
    assert json.loads(_out(capsys, ["bilan", "--db", str(path), "--as-of", "31/03/2025", "--json"]))[
        "as_of"
    ] == ("2025-03-31")
    with pytest.raises(SystemExit) as exit_:
        main(["bilan"])
    assert exit_.value.code == 2 and "--db" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["bilan", "close", "--db", str(path)])
    assert exit_.value.code == 2 and "--meeting-date" in capsys.readouterr().err
