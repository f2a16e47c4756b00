"""A workspace on a real PostgreSQL server (issue 15): opening, refusals in French, read-only,
no backups, and the address never showing a password."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from ordnum_desktop.cli import main
from ordnum_desktop.services.errors import WorkspaceError
from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.address import ServerAddress, display_address, is_server_address, parse_address
from ordnum_desktop.store.schema import head_revision
from ordnum_desktop.store.sql import to_format_style
from tests.pg_server import PgServer, free_port

# Words of libpq's and psycopg's English messages that must never reach the user.
ENGLISH = ("failed", "fatal", "error", "connection to server", "does not exist", "permission denied")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_french(err: str) -> None:
    assert err.strip(), "no message"
    assert len(err.strip().splitlines()) == 1, err
    lowered = err.lower()
    assert not any(word in lowered for word in ENGLISH), err
    assert "Traceback" not in err


def test_addresses_are_told_apart_and_never_show_a_password() -> None:
    assert is_server_address("postgresql://alice@db.cnam.fr:5433/preserie")
    assert is_server_address("postgres://db/preserie")
    assert not is_server_address("presérie.sqlite")
    assert not is_server_address(Path("postgresql://x"))  # a Path is always a file
    address = parse_address("postgresql://alice:s3cret@db.cnam.fr:5433/preserie?sslmode=require&password=x")
    assert isinstance(address, ServerAddress)
    assert "s3cret" not in address.safe and "password" not in address.safe
    assert address.safe == "postgresql://alice@db.cnam.fr:5433/preserie?sslmode=require"
    assert "s3cret" not in str(address) and "s3cret" not in repr(address)
    assert address.name == "preserie sur db.cnam.fr:5433"
    assert (address.user, address.host, address.database) == ("alice", "db.cnam.fr", "preserie")
    assert display_address("/tmp/a.sqlite") == "/tmp/a.sqlite"


def test_placeholders_are_rewritten_for_psycopg_outside_literals() -> None:
    assert to_format_style("SELECT ? WHERE a = :b AND c LIKE 'x:y?%' AND d % 2 = 0 AND e::text = ?") == (
        "SELECT %s WHERE a = %(b)s AND c LIKE 'x:y?%' AND d %% 2 = 0 AND e::text = %s"
    )


def test_init_creates_the_schema_and_refuses_a_second_time(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "init", "--db", pg_url)
    assert code == 0, err
    assert "sur le serveur" in out
    with Workspace.open(pg_url) as ws:
        assert ws.is_server and ws.path is None and ws.lock is None
        with ws.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
            meta = dict(conn.execute(text("SELECT key, value FROM app_meta")).all())
        assert meta["schema_version"] == head_revision()
    code, _out, err = run(capsys, "init", "--db", pg_url)
    assert code == 2
    assert_french(err)
    assert "n'est pas vide" in err


def test_an_empty_base_is_not_filled_by_mistake(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "preserie", "list", "--db", pg_url)
    assert code == 2
    assert_french(err)
    assert "est vide" in err and "ordnum init" in err


def test_a_foreign_database_is_refused(
    pg_server: PgServer, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pg_server.admin("CREATE TABLE clients (id int)", pg_url.rsplit("/", 1)[1])
    code, _out, err = run(capsys, "init", "--db", pg_url)
    assert code == 2
    assert_french(err)
    with pytest.raises(WorkspaceError, match="ne sont pas celles d'ordnum-desktop"):
        Workspace.open(pg_url, create=True)


def test_connection_refused_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(
        capsys, "preserie", "list", "--db", f"postgresql://postgres@127.0.0.1:{free_port()}/x"
    )
    assert code == 2
    assert_french(err)
    assert "refuse la connexion" in err


def test_authentication_failed_in_french(
    pg_server: PgServer, pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pg_server.create_role("alice_auth", "le-bon-mot")
    url = pg_url.replace("postgres@", "alice_auth@")
    monkeypatch.setenv("PGPASSWORD", "un-mauvais-mot")
    code, _out, err = run(capsys, "preserie", "list", "--db", url)
    assert code == 2
    assert_french(err)
    assert "identification de « alice_auth »" in err
    assert "un-mauvais-mot" not in err
    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    code, _out, err = run(capsys, "preserie", "list", "--db", url)
    assert code == 2
    assert_french(err)
    assert "mot de passe absent" in err


def test_a_password_from_pgpassword_is_used(
    pg_server: PgServer, pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """libpq's own ways: PGPASSWORD here (and ~/.pgpass, service files, sslmode alike)."""
    assert run(capsys, "init", "--db", pg_url)[0] == 0
    base = pg_url.rsplit("/", 1)[1]
    pg_server.create_role("bea_pw", "secret-de-bea")
    pg_server.admin(f'GRANT ALL ON DATABASE "{base}" TO bea_pw')
    pg_server.admin("GRANT ALL ON ALL TABLES IN SCHEMA public TO bea_pw", base)
    pg_server.admin("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO bea_pw", base)
    monkeypatch.setenv("PGPASSWORD", "secret-de-bea")
    code, out, err = run(capsys, "preserie", "list", "--db", pg_url.replace("postgres@", "bea_pw@"), "--json")
    assert code == 0, err
    assert json.loads(out) == []


def test_missing_database_in_french(pg_server: PgServer, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "init", "--db", pg_server.url("pas_de_base_ici"))
    assert code == 2
    assert_french(err)
    assert "« pas_de_base_ici » n'existe pas" in err


def test_permission_denied_in_french(
    pg_server: PgServer, pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "init", "--db", pg_url)[0] == 0
    pg_server.create_role("carl_noright", "mdp")
    monkeypatch.setenv("PGPASSWORD", "mdp")
    code, _out, err = run(capsys, "preserie", "list", "--db", pg_url.replace("postgres@", "carl_noright@"))
    assert code == 2
    assert_french(err)
    assert "n'a pas les droits" in err and "carl_noright" in err


def test_read_only_is_a_read_only_transaction(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with Workspace.open(pg_url, create=True) as ws:
        create_preserie(ws, editor="É", software="L", version="1", exercise="liberal", cpams=["33"])
    code, out, err = run(capsys, "preserie", "list", "--db", pg_url, "--json")
    assert code == 0, err
    code, out, err = run(capsys, "roster", "list", "--db", pg_url, "--read-only", "--json")
    assert code == 0, err
    with Workspace.open(pg_url, read_only=True) as ws:
        assert ws.read_only
        with pytest.raises(WorkspaceError, match="lecture seule"):
            create_preserie(ws, editor="X", software="Y", version="2", exercise="liberal", cpams=["33"])
    with Workspace.open(pg_url) as ws, ws.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM preserie")).scalar() == 1


def test_no_backup_on_a_server_and_the_commands_say_pg_dump(
    pg_url: str, tmp_path: Path, _backups_in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "init", "--db", pg_url)[0] == 0
    code, _out, err = run(capsys, "backup", "list", "--db", pg_url)
    assert code == 2
    assert_french(err)
    assert "pg_dump" in err
    code, _out, err = run(capsys, "backup", "create", "--db", pg_url)
    assert code == 2 and "pg_dump" in err
    assert not _backups_in_tmp.exists() or not any(_backups_in_tmp.rglob("*.sqlite"))


def test_trace_rows_keep_their_references_on_a_server(pg_url: str) -> None:
    """trace_row's foreign keys are checked per statement on a server (migration 0001): a row
    of no import batch is refused, and deleting a batch or a présérie deletes its rows."""
    from sqlalchemy.exc import DBAPIError

    with Workspace.open(pg_url, create=True) as ws:
        pid = create_preserie(ws, editor="É", software="L", version="1", exercise="liberal", cpams=["33"]).id
        insert = (
            "INSERT INTO trace_row (preserie_id, batch_id, ts, ps_identifier, finess, prescription_id, "
            "prestation, digital, operation, return_code, prescription_number) "
            "VALUES (:p, :b, '2025-03-03 08:00:00', '331234567', '', :rx, 'PH', 1, '', NULL, '')"
        )
        with ws.engine.begin() as conn:
            batch = conn.execute(
                text(
                    "INSERT INTO import_batch (preserie_id, kind, file_name, file_hash, imported_at, read, "
                    "accepted, duplicates, rejected, unmatched, out_of_scope) "
                    "VALUES (:p, 'traces', 'a.csv', 'h', now(), 0, 0, 0, 0, 0, 0) RETURNING id"
                ),
                {"p": pid},
            ).scalar_one()
            conn.execute(text(insert), [{"p": pid, "b": batch, "rx": f"RX-{n}"} for n in range(3)])
        for wrong in ({"p": pid, "b": batch + 1, "rx": "X"}, {"p": pid + 1, "b": batch, "rx": "Y"}):
            with pytest.raises(DBAPIError, match="refers to no import_batch"), ws.engine.begin() as conn:
                conn.execute(text(insert), wrong)
        with ws.engine.begin() as conn:
            conn.execute(text("DELETE FROM import_batch WHERE id = :b"), {"b": batch})
            assert conn.execute(text("SELECT count(*) FROM trace_row")).scalar() == 0
            batch = conn.execute(
                text(
                    "INSERT INTO import_batch (preserie_id, kind, file_name, file_hash, imported_at, read, "
                    "accepted, duplicates, rejected, unmatched, out_of_scope) "
                    "VALUES (:p, 'traces', 'b.csv', 'h', now(), 0, 0, 0, 0, 0, 0) RETURNING id"
                ),
                {"p": pid},
            ).scalar_one()
            conn.execute(text(insert), {"p": pid, "b": batch, "rx": "RX-9"})
        with ws.engine.begin() as conn:
            conn.execute(text("DELETE FROM preserie WHERE id = :p"), {"p": pid})
            assert conn.execute(text("SELECT count(*) FROM trace_row")).scalar() == 0


def test_imported_values_arrive_unchanged_on_a_server(pg_url: str, tmp_path: Path) -> None:
    """COPY (binary) keeps every value as the parser gave it: quotes, backslashes, tabs' absence,
    accents, a negative code, NULL for no code."""
    from ordnum_desktop.services.roster.doctors import add_doctor
    from ordnum_desktop.services.traces.importer import import_traces
    from tests.trace_files import write_csv

    with Workspace.open(pg_url, create=True) as ws:
        pid = create_preserie(ws, editor="É", software="L", version="1", exercise="liberal", cpams=["33"]).id
        assert pid is not None
        add_doctor(ws, pid, last_name="Martin", am="331234567")
        lines = [
            [
                "2025-03-03 09:00",
                "331234567",
                "",
                'RX « 1 » \\ "é" %s',
                "Biologie",
                "Oui",
                "Créer",
                "-12",
                "N\\1",
            ],
            ["2025-03-03 09:05", "331234567", "", "RX-2", "Médicaments", "Non", "", "", ""],
        ]
        report = import_traces(ws, pid, write_csv(tmp_path / "a.csv", lines))
        assert report.accepted == 2
        with ws.engine.connect() as conn:
            stored = conn.execute(
                text(
                    "SELECT ts, prescription_id, prestation, digital, operation, return_code, "
                    "prescription_number FROM trace_row ORDER BY id"
                )
            ).all()
    assert [tuple(r) for r in stored] == [
        ("2025-03-03 09:00:00", 'RX « 1 » \\ "é" %s', "biologie", 1, "creer", -12, "N\\1"),
        ("2025-03-03 09:05:00", "RX-2", "medicaments", 0, "", None, ""),
    ]
