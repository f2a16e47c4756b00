"""Odd paths and interrupted writes, reopened with the application's own CLI (issue 12, items
1, 2, 5, 11 and `--read-only`). Each item has one test: the others are in
tests/test_reopen_after_kill.py (hot journal, odd names, links, restore onto itself, lock
symlink, folder and dangling link) and tests/test_hostile_places.py."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.backups import backup_dir_for, list_backups
from tests.lock_holders import start_holder

DATA = Path(__file__).parent / "data"


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _init(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(capsys, "init", "--db", str(path))[0] == 0


def _hot_journal(path: Path) -> None:
    """A real hot journal: a child process is killed in the middle of a commit's write."""
    script = (
        "import os, sqlite3, sys\n"
        "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "con.execute('PRAGMA journal_mode=DELETE')\n"
        "con.execute('BEGIN IMMEDIATE')\n"
        "con.execute(\"INSERT INTO app_meta(key, value) VALUES ('crash', 'x')\")\n"
        "con.execute('PRAGMA cache_size=1')\n"
        "con.execute(\"UPDATE app_meta SET value = value || 'y'\")\n"
        "con.execute('CREATE TABLE filler(x)')\n"
        "con.executemany('INSERT INTO filler VALUES (?)', [(b'z' * 4000,) for _ in range(500)])\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=False)
    assert Path(str(path) + "-journal").stat().st_size > 0


def test_hot_journal_then_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "w.sqlite"
    _init(path, capsys)
    assert _cli(capsys, "backup", "create", "--db", str(path))[0] == 0
    _hot_journal(path)
    code, _out, err = _cli(capsys, "backup", "restore", "--db", str(path), "1")
    assert code == 0, err


def test_backups_of_two_same_named_files_stay_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "A" / "presérie.sqlite", tmp_path / "B" / "presérie.sqlite"
    for p in (a, b):
        p.parent.mkdir()
        _init(p, capsys)
        assert _cli(capsys, "backup", "create", "--db", str(p))[0] == 0
    assert backup_dir_for(a) != backup_dir_for(b)
    assert len(list_backups(a)) == 1 and len(list_backups(b)) == 1


def test_a_read_only_file_is_refused_before_any_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.sqlite"
    _init(path, capsys)
    os.chmod(path, 0o400)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("root ignores file modes")
        code, _o, err = _cli(capsys, "bilan", "--db", str(path))
        assert code != 0 and "lecture seule" in err and "--read-only" in err
        assert list_backups(path) == []
    finally:
        os.chmod(path, 0o600)


@pytest.mark.slow  # it waits out the 5 s busy timeout of store/engine.py, by design
def test_other_programs_exclusive_lock_is_not_damage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.sqlite"
    _init(path, capsys)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("BEGIN EXCLUSIVE")
    try:
        code, _o, err = _cli(capsys, "bilan", "--db", str(path))
    finally:
        con.rollback()
        con.close()
    assert code != 0 and "endommagé" not in err


def test_read_only_option_works_while_the_file_is_held(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.sqlite"
    _init(path, capsys)
    assert _cli(
        capsys,
        "preserie",
        "create",
        "--db",
        str(path),
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
    )[0] in (0, 2)
    holder = start_holder(path, env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    try:
        assert _cli(capsys, "audit", "--db", str(path))[0] != 0
        for command in (["audit"], ["roster", "list"]):
            code, _o, err = _cli(capsys, *command, "--db", str(path), "--read-only")
            assert code == 0, err
        assert list_backups(path) == []
    finally:
        holder.kill()
        holder.wait()


def test_failed_migration_leaves_the_old_revision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "w.sqlite"
    shutil.copy(DATA / "workspace-0001.sqlite", path)
    before = sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchone()
    import ordnum_desktop.store.engine as engine_mod

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("crash simulé après les migrations")

    original = engine_mod.head_revision
    calls = {"n": 0}

    def failing_head() -> str:
        calls["n"] += 1
        if calls["n"] >= 1:
            boom()
        return original()

    with monkeypatch.context() as m, pytest.raises(RuntimeError):
        m.setattr(engine_mod, "head_revision", failing_head)
        Workspace.open(path)
    after = sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchone()
    assert after == before
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert "audit_entry" not in tables
    first = len(list_backups(path))
    assert first == 1
    with monkeypatch.context() as m, pytest.raises(RuntimeError):
        m.setattr(engine_mod, "head_revision", failing_head)
        Workspace.open(path)
    assert len(list_backups(path)) == first  # no new copy of the same, unchanged file
    code, out, err = _cli(capsys, "preserie", "list", "--db", str(path), "--json")
    assert code == 0, err
    json.loads(out)
