"""Every released schema revision has a workspace file under tests/data; the current version opens
each one and keeps its data. A file from a newer version is refused and never modified."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from ordnum_desktop.cli import main
from ordnum_desktop.services.planning.dates import get_plans
from ordnum_desktop.services.roster.doctors import list_doctors, update_doctor
from ordnum_desktop.services.roster.preseries import list_preseries
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.backups import list_backups
from ordnum_desktop.store.engine import NewerSchemaError, file_revision
from ordnum_desktop.store.lock import lock_path_for
from ordnum_desktop.store.models import AuditEntry
from ordnum_desktop.store.schema import head_revision, known_revisions
from tests.data.make_workspace import DOCTORS, TRACES

DATA = Path(__file__).resolve().parent / "data"
FIXTURES = sorted(DATA.glob("workspace-*.sqlite"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_released_revision_has_a_fixture() -> None:
    assert [f.stem.removeprefix("workspace-") for f in FIXTURES] == known_revisions()


def test_revisions_read_from_file_names_are_alembics_own_chain() -> None:
    """Opening reads the revisions from the migration files' names (no Alembic import): they
    must be exactly Alembic's graph, oldest first, one straight chain."""
    from alembic.script import ScriptDirectory

    from ordnum_desktop.store.schema import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    chain = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert chain == known_revisions()
    assert [script.get_revision(r).down_revision for r in chain] == [None, *chain[:-1]]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_old_file_opens_with_its_data(fixture: Path, tmp_path: Path) -> None:
    original = _sha(fixture)
    path = tmp_path / "ancien.sqlite"
    shutil.copyfile(fixture, path)
    old_revision = file_revision(path)

    ws = Workspace.open(path)
    try:
        assert file_revision(path) == head_revision()
        (p,) = list_preseries(ws)
        assert p["editor"] == "Éditeur Fixture"
        assert sorted(p["cpams"]) == ["33", "62-artois"]
        doctors = list_doctors(ws, p["id"])
        assert [(d.last_name, d.first_name, d.am) for d in doctors] == [
            (x["last_name"], x["first_name"], x["am"]) for x in DOCTORS
        ]
        plans = {d.last_name: plan for d, plan in get_plans(ws, p["id"])}
        assert plans["Dupré"].actual_install is not None
        assert plans["Dupré"].actual_install.isoformat() == "2025-02-12"
        con = sqlite3.connect(path)
        try:
            rows = con.execute(
                "SELECT ts, ps_identifier, prescription_id, prestation, digital, "
                "operation, return_code FROM trace_row ORDER BY ts"
            ).fetchall()
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            con.close()
        assert rows == [tuple(t) for t in TRACES]

        # The upgraded file is fully usable: a change lands in the audit trail.
        update_doctor(ws, doctors[0].id or 0, email="e.dupre@example.org")
        with ws.session() as s:
            updates = s.exec(
                select(AuditEntry).where(AuditEntry.entity == "doctor", AuditEntry.action == "update")
            ).all()
        assert [u.after_json for u in updates] == ['{"email": "e.dupre@example.org"}']
    finally:
        ws.close()

    assert _sha(fixture) == original, "the committed fixture must never change"
    migration_copies = [b for b in list_backups(path) if b.reason == "migration"]
    if old_revision != head_revision():
        # Copy before migrating: the copy still has the old schema.
        assert len(migration_copies) == 1
        assert file_revision(migration_copies[0].path) == old_revision
    else:
        assert migration_copies == []


def test_newer_file_is_refused_and_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "futur.sqlite"
    shutil.copyfile(FIXTURES[-1], path)
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '9001'")
    con.close()
    before = _sha(path)
    mtime = path.stat().st_mtime_ns

    with pytest.raises(NewerSchemaError) as err:
        Workspace.open(path)
    assert "version plus récente" in str(err.value) and "n'a pas été modifié" in str(err.value)
    assert main(["preserie", "list", "--db", str(path)]) == 2
    assert "version plus récente" in capsys.readouterr().err

    assert _sha(path) == before and path.stat().st_mtime_ns == mtime
    assert not lock_path_for(path).exists()
    assert list_backups(path) == []
