"""Team mode on a real server (issue 15, items 3 and 4): packaging/postgresql/roles.sql's three
roles, two coordinators editing the same row, two imports into one présérie, a reader."""

from __future__ import annotations

import json
import threading
import time
from datetime import datetime
from pathlib import Path

import psycopg
import pytest
from sqlmodel import select

from ordnum_desktop.cli import main
from ordnum_desktop.domain.errors import WorkspaceError
from ordnum_desktop.services.planning.dates import get_plans, update_plan
from ordnum_desktop.services.roster.doctors import list_doctors, update_doctor
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.workspace.row_versions import ChangedMeanwhile
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import AuditEntry
from tests import team_roles
from tests.engines import state_digest
from tests.team_roles import DOCTORS, TeamBase
from tests.trace_files import meeting_rows, write_csv

# The team base's fixtures (tests/team_roles.py).
team_base = team_roles.team_base
team = team_roles.team


def _traces(tmp_path: Path, name: str, day: int) -> Path:
    rows = [r for _, _, am in DOCTORS for r in meeting_rows(am, datetime(2025, 3, day, 8, 0))]
    return write_csv(tmp_path / name, rows)


def test_no_role_is_a_superuser_and_later_tables_are_granted(team: TeamBase) -> None:
    for role in ("ordnum_owner", "alice", "cpam33"):
        with psycopg.connect(team.url(role)) as con:
            assert con.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone() == (
                False,
            )
    # A table a later migration creates (as the owner) is granted by the default privileges.
    with psycopg.connect(team.url("ordnum_owner"), autocommit=True) as con:
        con.execute("CREATE TABLE later_table (id serial PRIMARY KEY, label text)")
    with psycopg.connect(team.url("alice"), autocommit=True) as con:
        con.execute("INSERT INTO later_table (label) VALUES ('écrit par alice')")
    with psycopg.connect(team.url("cpam33")) as con:
        assert con.execute("SELECT label FROM later_table").fetchall() == [("écrit par alice",)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("INSERT INTO later_table (label) VALUES ('non')")


def test_two_editors_second_save_refused_with_name_and_time(
    team: TeamBase, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workspace.open(team.url("alice")) as alice, Workspace.open(team.url("bob")) as bob:
        alice_screen = list_doctors(alice, 1)[0]
        bob_screen = list_doctors(bob, 1)[0]
        saved = update_doctor(
            alice, alice_screen.id or 0, expected_version=alice_screen.version, phone="0102030405"
        )
        assert saved.changed_by == "alice"

        with pytest.raises(ChangedMeanwhile) as refused:
            update_doctor(bob, bob_screen.id or 0, expected_version=bob_screen.version, phone="0607080910")
        assert refused.value.changed_by == "alice"
        assert refused.value.message.startswith(
            f"Le médecin Dupré Élodie a été modifié par « alice » le {saved.changed_at:%d/%m/%Y à %H:%M} "
        )
        reloaded = list_doctors(bob, 1)[0]
        assert (reloaded.phone, reloaded.version) == ("0102030405", 2)

        # The same for a planning row.
        ((_, alice_plan), _) = get_plans(alice, 1)
        ((_, bob_plan), _) = get_plans(bob, 1)
        update_plan(alice, alice_screen.id or 0, expected_version=alice_plan.version, notes="alice")
        with pytest.raises(ChangedMeanwhile, match="« alice »"):
            update_plan(bob, bob_screen.id or 0, expected_version=bob_plan.version, notes="bob")

        # The audit trail names the database user of each change.
        with bob.session() as s:
            by = {(e.entity, e.action, e.changed_by) for e in s.exec(select(AuditEntry)).all()}
        assert ("doctor", "update", "alice") in by and ("installation_plan", "update", "alice") in by
        assert not any(who == "bob" for _, action, who in by if action == "update")
    capsys.readouterr()
    assert main(["audit", "--db", team.url("bob"), "--limit", "1"]) == 0
    assert "(par alice)" in capsys.readouterr().out


def _wait_for(condition, what: str, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"jamais arrivé : {what}")
        time.sleep(0.05)


def test_second_import_into_the_same_preserie_waits_and_says_why(
    team: TeamBase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first_file, second_file = _traces(tmp_path, "mars-03.csv", 3), _traces(tmp_path, "mars-10.csv", 10)
    paused, go_on = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def alice_imports() -> None:
        def hold(_done: int, _total: int) -> None:  # mid-import, its transaction open
            paused.set()
            go_on.wait(60)

        with Workspace.open(team.url("alice")) as ws:
            outcome["alice"] = import_traces(ws, 1, first_file, progress=hold).accepted

    def bob_imports() -> None:
        outcome["bob"] = main(["traces", "import", "--db", team.url("bob"), str(second_file)])

    alice = threading.Thread(target=alice_imports)
    alice.start()
    assert paused.wait(60)
    bob = threading.Thread(target=bob_imports)
    bob.start()

    def bob_waits() -> bool:
        with psycopg.connect(team.server.url(team.database)) as con:
            row = con.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            ).fetchone()
        return row is not None and row[0] == 1

    _wait_for(bob_waits, "le second import attend le verrou")
    assert bob.is_alive()
    go_on.set()
    alice.join(60)
    bob.join(60)
    assert outcome == {"alice": 24, "bob": 0}
    err = capsys.readouterr().err
    assert "Un autre import est en cours dans cette présérie (par « alice ») : celui-ci attend" in err

    with Workspace.open(team.url("bob")) as ws, ws.session() as s:
        from ordnum_desktop.store.models import ImportBatch, TraceRow

        batches = s.exec(select(ImportBatch).order_by(ImportBatch.id)).all()  # type: ignore[arg-type]
        assert [(b.file_name, b.accepted) for b in batches] == [("mars-03.csv", 24), ("mars-10.csv", 24)]
        assert len(s.exec(select(TraceRow)).all()) == 48


def test_reader_sees_everything_and_changes_nothing(
    team: TeamBase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["traces", "import", "--db", team.url("alice"), str(_traces(tmp_path, "mars.csv", 3))]) == 0
    capsys.readouterr()
    assert main(["bilan", "--json", "--db", team.url("alice")]) == 0
    alice_bilan = json.loads(capsys.readouterr().out)

    with Workspace.open(team.server.url(team.database)) as admin:
        before = state_digest(admin)

    with Workspace.open(team.url("cpam33")) as reader:
        assert reader.read_only
        assert reader.read_only_reason is not None
        assert reader.read_only_reason.startswith("Le rôle « cpam33 » a seulement le droit de lire la base ")
        assert [d.last_name for d in list_doctors(reader, 1)] == [d[0] for d in DOCTORS]
        with pytest.raises(WorkspaceError, match="seulement le droit de lire"):
            update_doctor(reader, 1, phone="0102030405")
        with pytest.raises(WorkspaceError, match="seulement le droit de lire"):
            update_plan(reader, 1, notes="non")

    assert main(["bilan", "--json", "--db", team.url("cpam33")]) == 0
    assert json.loads(capsys.readouterr().out) == alice_bilan

    # The CLI refuses before trying: a traces file that does not even exist is not looked at.
    for args in (
        ["traces", "import", "--db", team.url("cpam33"), str(tmp_path / "absent.csv")],
        ["preserie", "update", "--db", team.url("cpam33"), "--module", "Module B"],
        ["planning", "set", "--db", team.url("cpam33"), "--ps", "331234567", "--trained", "2025-03-01"],
    ):
        assert main(args) == 2, args
        err = capsys.readouterr().err
        assert "Le rôle « cpam33 » a seulement le droit de lire la base" in err, (args, err)
        assert "Traceback" not in err and "permission denied" not in err.lower()

    with Workspace.open(team.server.url(team.database)) as admin:
        assert state_digest(admin) == before
