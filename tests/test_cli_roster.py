"""The `ordnum` command line as a user runs it, on real files: a few commands through a real
process (`python -m ordnum_desktop`, the entry point), the others through the same `main` in
this process (tests/cli_output.py), which spares a second of start-up per command."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_output import run_cli
from tests.rosters import liberal_row, write_roster

# The tests that take `db_address` run on a SQLite file and on a PostgreSQL server (issue 15).
pytestmark = pytest.mark.both_engines


def process(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ordnum_desktop", *args], capture_output=True, text=True, timeout=120
    )


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_init_create_list(tmp_path: Path, db_address: str) -> None:
    db = db_address
    assert run_cli("init", "--db", db).returncode == 0
    r = run_cli(
        "preserie",
        "create",
        "--db",
        db,
        "--editor",
        "Santé & Co",
        "--software",
        "CentreMed <Pro>",
        "--version",
        "2.1",
        "--exercise",
        "mixte",
        "--small-market-share",
        "--cpam",
        "33",
        "--cpam",
        "62-artois",
    )
    assert r.returncode == 0, r.stderr
    listed = json.loads(process("preserie", "list", "--db", db, "--json").stdout)  # the entry point
    assert listed[0]["editor"] == "Santé & Co" and listed[0]["cpams"] == ["33", "62-artois"]
    assert listed[0]["small_market_share"] is True and listed[0]["exercise"] == "mixte"


def test_roster_check_names_every_code_with_exit_1(tmp_path: Path, db_address: str) -> None:
    db = db_address
    run_cli(
        "preserie",
        "create",
        "--db",
        str(db),
        "--editor",
        "E",
        "--software",
        "S",
        "--version",
        "1",
        "--exercise",
        "liberal",
        "--cpam",
        "33",
    )
    rows = [
        liberal_row(0, **{"Structure": "Cabinet individuel"}),
        liberal_row(1, **{"N° AM": "123"}),
        liberal_row(2, **{"Accord de principe": "Non"}),
        liberal_row(0, Nom="Bis", Structure="MSP"),
        liberal_row(4, **{"N° AM": "941234567", "Compatibilité vérifiée": "Non"}),
        liberal_row(5, **{"Mode d'exercice": "Salarié", "RPPS": "10005173140", "FINESS": "330000019"}),
    ]
    roster = write_roster(tmp_path / "effectif.xlsx", rows)
    imported = run_cli("roster", "import", "--db", str(db), str(roster))
    assert imported.returncode == 1 and "6 médecin(s) importé(s)" in imported.stdout
    r = run_cli("roster", "check", "--db", str(db), "--json")
    assert r.returncode == 1
    result = json.loads(r.stdout)
    assert result["ok"] is False
    codes = {e["code"] for e in result["errors"]}
    assert codes == {
        "invalid_identifier",
        "missing_consent",
        "duplicate_ps",
        "ps_outside_zone",
        "compatibility_unchecked",
        "wrong_exercise",
    }
    assert result["warnings"] == []
    assert all(e["message"] for e in result["errors"])


def test_roster_check_ok_exit_0(tmp_path: Path, db_address: str) -> None:
    db = db_address
    run_cli(
        "preserie",
        "create",
        "--db",
        str(db),
        "--editor",
        "E",
        "--software",
        "S",
        "--version",
        "1",
        "--exercise",
        "liberal",
        "--small-market-share",
        "--cpam",
        "33",
    )
    roster = write_roster(tmp_path / "e.xlsx", [liberal_row(i) for i in range(3)])
    assert run_cli("roster", "import", "--db", str(db), str(roster)).returncode == 0
    r = run_cli("roster", "check", "--db", str(db), "--json")
    assert r.returncode == 0 and json.loads(r.stdout) == {"ok": True, "errors": [], "warnings": []}


def test_unusable_input_exit_2_french_no_traceback_db_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "w.sqlite"
    run_cli(
        "preserie",
        "create",
        "--db",
        str(db),
        "--editor",
        "E",
        "--software",
        "S",
        "--version",
        "1",
        "--exercise",
        "liberal",
        "--cpam",
        "33",
    )
    before = sha(db)
    bad = tmp_path / "faux.xlsx"
    bad.write_text("ceci n'est pas un classeur")
    cases = [
        ("roster", "import", "--db", str(db), str(bad)),
        ("roster", "import", "--db", str(db), str(tmp_path / "absent.xlsx")),
        ("roster", "check", "--db", str(db), "--preserie", "42"),
        ("roster", "check", "--db", str(tmp_path / "absent.sqlite")),
        (
            "preserie",
            "create",
            "--db",
            str(db),
            "--editor",
            "E",
            "--software",
            "S",
            "--version",
            "1",
            "--exercise",
            "liberal",
            "--cpam",
            "33",
            "--cpam",
            "94",
            "--cpam",
            "05",
            "--cpam",
            "08",
        ),
        (
            "preserie",
            "create",
            "--db",
            str(db),
            "--editor",
            "E",
            "--software",
            "S",
            "--version",
            "1",
            "--exercise",
            "liberal",
            "--cpam",
            "62",
        ),
        ("roster", "check"),
    ]
    for n, args in enumerate(cases):
        r = process(*args) if n == 0 else run_cli(*args)  # the first as the user's shell gets it
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr and r.stderr.strip(), args
        assert r.stderr.strip().endswith((".", ")", "»")), r.stderr
    assert sha(db) == before
    assert not (tmp_path / "absent.sqlite").exists()


def test_two_preseries_need_an_explicit_id(tmp_path: Path, db_address: str) -> None:
    db = db_address
    for name in ("A", "B"):
        run_cli(
            "preserie",
            "create",
            "--db",
            db,
            "--editor",
            name,
            "--software",
            "S",
            "--version",
            "1",
            "--exercise",
            "liberal",
            "--cpam",
            "33",
        )
    r = run_cli("roster", "check", "--db", db)
    assert r.returncode == 2 and "--preserie" in r.stderr
    assert run_cli("roster", "check", "--db", db, "--preserie", "2", "--json").returncode == 1


def test_newer_schema_is_refused_and_file_untouched(tmp_path: Path) -> None:
    db = tmp_path / "w.sqlite"
    run_cli("init", "--db", str(db))
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = sha(db)
    r = run_cli("preserie", "list", "--db", str(db))
    assert r.returncode == 2 and "plus récente" in r.stderr and "Traceback" not in r.stderr
    assert sha(db) == before


def test_foreign_sqlite_and_junk_file_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "autre.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00garbage" * 100)
    for path, needle in ((other, "pas été créée par ordnum"), (junk, "n'est pas un espace de travail")):
        before = sha(path)
        r = run_cli("preserie", "list", "--db", str(path))
        assert r.returncode == 2 and needle in r.stderr
        assert sha(path) == before


def test_template_command_writes_workbook(tmp_path: Path) -> None:
    out = tmp_path / "modele.xlsx"
    r = run_cli("roster", "template", str(out))
    assert r.returncode == 0 and out.stat().st_size > 1000
