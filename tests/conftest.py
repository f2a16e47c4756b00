"""Shared fixtures: every test gets a real SQLite workspace file in its own temp folder, and the
modules marked `both_engines` run their workspace tests on a real PostgreSQL database too.

`db_address` is the workspace's address: the file `espace.sqlite` of the test's folder, or, for
the `postgresql` case, a fresh database on the session's throwaway server (tests/pg_server.py;
skipped with the reason when PostgreSQL is not installed). `ws` opens it. A test that takes
`ws_path` works on the file itself (lock, journal, backups) and stays SQLite-only."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ordnum_desktop.services.roster.doctors import add_doctor  # noqa: E402
from ordnum_desktop.services.roster.preseries import create_preserie  # noqa: E402
from ordnum_desktop.services.workspace.session import Workspace  # noqa: E402
from ordnum_desktop.store.address import is_server_address  # noqa: E402
from tests.bilan_fixture import populate  # noqa: E402
from tests.pg_server import PgServer, ServerUnavailable, start_server  # noqa: E402

ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """In a module marked `both_engines`, every test that opens a workspace through `db_address`
    (or `ws`) runs once per engine, unless it also takes the file itself (`ws_path`)."""
    if "db_address" not in metafunc.fixturenames or "ws_path" in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("both_engines") is not None:
        metafunc.parametrize("db_address", ENGINES, indirect=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One throwaway PostgreSQL server for the whole session (skipped when not installed)."""
    try:
        server = start_server()
    except ServerUnavailable as exc:
        pytest.skip(str(exc))
    yield server
    server.stop()


@pytest.fixture
def pg_url(request: pytest.FixtureRequest, pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty database of its own for each test: its `postgresql://` address. For a test
    that takes `ws`, a copy of the migrated one (what `ws` would have written into it)."""
    if "ws" in request.fixturenames:
        template = request.getfixturevalue("server_empty_template")
        name = pg_server.new_database(template=template)
    else:
        name = pg_server.new_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture
def db_address(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the test's workspace lives: a SQLite file (default) or a PostgreSQL database."""
    engine = getattr(request, "param", "sqlite")
    if engine == "postgresql":
        return str(request.getfixturevalue("pg_url"))
    return str(tmp_path / "espace.sqlite")


@pytest.fixture(autouse=True)
def _backups_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Automatic backups (before imports, migrations) go to the test's folder, not the user's."""
    folder = tmp_path / "sauvegardes"
    monkeypatch.setenv("ORDNUM_BACKUP_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True, scope="session")
def _private_temp_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The app's private temp folder (services/io/private_temp.py) under the session's temp
    folder, not the user's cache; one for the session, as the process keeps its folder."""
    folder = tmp_path_factory.mktemp("temp-prive")
    os.environ["ORDNUM_TEMP_DIR"] = str(folder)
    yield folder


@pytest.fixture(autouse=True)
def _error_log_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The log file of unexpected errors goes to the test's folder, not the user's."""
    folder = tmp_path / "journaux"
    monkeypatch.setenv("ORDNUM_LOG_DIR", str(folder))
    return folder


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return tmp_path / "espace.sqlite"


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new workspace file (schema at head, nothing in it) created once: every SQLite `ws` is a
    copy, which spares the migrations' ~40 ms in each of some 400 tests."""
    path = tmp_path_factory.mktemp("vide") / "espace.sqlite"
    Workspace.open(path, create=True).close()
    return path


@pytest.fixture(scope="session")
def server_empty_template(pg_server: PgServer) -> str:
    """The same on the session's server: a database with the schema at head, which the database of
    every server `ws` copies (CREATE DATABASE … TEMPLATE) instead of running the migrations
    (~0.2 s each)."""
    name = pg_server.new_database("modele")
    Workspace.open(pg_server.url(name), create=True).close()
    return name


@pytest.fixture
def ws(db_address: str, empty_template: Path) -> Iterator[Workspace]:
    # A server database comes migrated already (pg_url).
    if not is_server_address(db_address) and not Path(db_address).exists():
        shutil.copy2(empty_template, db_address)  # what `create=True` would have written
    workspace = Workspace.open(db_address, create=True)
    yield workspace
    workspace.close()


@pytest.fixture
def liberal_preserie_id(ws: Workspace) -> int:
    p = create_preserie(
        ws,
        editor="Éditeur Test",
        software="MédiLog",
        version="4.2",
        exercise="liberal",
        cpams=["33", "62-artois"],
    )
    assert p.id is not None
    return p.id


@pytest.fixture
def roster(ws: Workspace, liberal_preserie_id: int) -> int:
    """The liberal présérie with one equipped doctor, Martin, AM 331234567."""
    add_doctor(ws, liberal_preserie_id, last_name="Martin", am="331234567", equipped=True)
    return liberal_preserie_id


def _populated_file(factory: pytest.TempPathFactory, *, deploy: bool) -> Path:
    folder = factory.mktemp("deploiement" if deploy else "rempli")
    path = folder / "suivi.sqlite"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ORDNUM_BACKUP_DIR", str(folder / "sauvegardes"))
        env.setenv("ORDNUM_LOG_DIR", str(folder / "journaux"))
        ws = Workspace.open(path, create=True)
        try:
            populate(ws, folder, deploy=deploy)
        finally:
            ws.close()
    return path


@pytest.fixture(scope="session")
def populated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bilan fixture (tests/bilan_fixture.py: 10 doctors, traces, follow-up; its bilan says
    « prolonger ») written once per test session through the services: an import and its backup,
    the follow-up… about a second that each test would otherwise pay. Never changed: tests take
    `populated_path`, their own copy."""
    return _populated_file(tmp_path_factory, deploy=False)


@pytest.fixture(scope="session")
def deploy_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same with every criterion met (`populate(deploy=True)`): its bilan says « déployer »."""
    return _populated_file(tmp_path_factory, deploy=True)


def _own_copy(template: Path, tmp_path: Path) -> Path:
    """A closed SQLite file in the rollback-journal mode is complete on its own: the test's own
    copy is the workspace the services wrote, free to be changed."""
    path = tmp_path / "suivi.sqlite"
    shutil.copy2(template, path)  # with its owner-only permissions
    return path


@pytest.fixture
def populated_path(tmp_path: Path, populated_template: Path) -> Path:
    return _own_copy(populated_template, tmp_path)


@pytest.fixture
def deploy_path(tmp_path: Path, deploy_template: Path) -> Path:
    return _own_copy(deploy_template, tmp_path)


@pytest.fixture
def populated_db(populated_path: Path) -> list[str]:
    """`--db FILE` of the command line, on the test's copy of the bilan fixture."""
    return ["--db", str(populated_path)]
