"""A throwaway PostgreSQL server for the tests (team mode, issue 15).

One server per test session, in a temporary folder, on a free localhost port, with its socket in
that folder too (never /var/run/postgresql, never the machine's own cluster). `initdb` refuses to
run as root: as root the cluster belongs to the `postgres` user and every server program runs
through `runuser -u postgres --`; as anyone else it runs as that user. Durability is switched off
(`fsync=off`): a test server that dies is thrown away anyway.

Roles: `postgres` (superuser, trusted over TCP from 127.0.0.1: what the tests connect as) and
any role a test creates with `server.create_role(...)`, which must give its password
(scram-sha-256) — so that « authentication failed » can be tested for real.

When no PostgreSQL binaries are found, `start_server()` raises `ServerUnavailable` with the reason,
and the fixtures turn it into `pytest.skip(reason)`.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "postgres"
# Where Debian/Ubuntu put each major version's programs (not on PATH); PATH and
# ORDNUM_PG_BIN are tried too.
_DEBIAN_BINS = "/usr/lib/postgresql/*/bin"


class ServerUnavailable(Exception):
    """No PostgreSQL to start here; the message says why (the tests are then skipped)."""


class ServerFailed(Exception):
    """PostgreSQL is installed but the test server did not start: a failure, never a skip."""


def find_bindir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, newest version first."""
    candidates: list[str] = []
    if os.environ.get("ORDNUM_PG_BIN"):
        candidates.append(os.environ["ORDNUM_PG_BIN"])
    candidates += sorted(glob.glob(_DEBIAN_BINS), key=_major, reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for folder in candidates:
        if all((Path(folder) / p).is_file() for p in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


def _major(folder: str) -> int:
    try:
        return int(Path(folder).parent.name)
    except ValueError:
        return 0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    """A running test server: `url(database)` gives the address the application takes."""

    bindir: Path
    root: Path
    port: int
    host: str = "127.0.0.1"
    _as_postgres: bool = False
    _names: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    def url(self, database: str, user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@{self.host}:{self.port}/{database}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self._as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True, timeout=120)

    def admin(self, sql: str, database: str = "postgres") -> None:
        """Runs `sql` as the superuser, outside any transaction (CREATE DATABASE needs that)."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as con:
            con.execute(sql.encode())

    def new_database(self, prefix: str = "test", template: str = "") -> str:
        """A fresh database owned by the superuser, empty or a copy of `template` (no one may be
        connected to it); returns its name."""
        name = f"{prefix}_{next(self._names)}"
        self.admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def create_role(self, name: str, password: str) -> None:
        self.admin(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)


HBA = """\
# Test server: the superuser is trusted over the socket and from 127.0.0.1; other roles give
# their password.
local all all trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
"""


def start_server() -> PgServer:
    """initdb + pg_ctl start in a new temporary folder; raises ServerUnavailable when impossible."""
    bindir = find_bindir()
    if bindir is None:
        raise ServerUnavailable(
            "PostgreSQL n'est pas installé (initdb, pg_ctl introuvables ; `make sysdeps` en root l'installe)"
        )
    as_postgres = os.geteuid() == 0
    if as_postgres and (shutil.which("runuser") is None or not _user_exists("postgres")):
        raise ServerUnavailable("initdb refuse root, et l'utilisateur « postgres » (ou runuser) manque")
    root = Path(tempfile.mkdtemp(prefix="ordnum-pg-"))
    if as_postgres:
        shutil.chown(root, "postgres", "postgres")
    server = PgServer(bindir, root, free_port(), _as_postgres=as_postgres)
    try:
        server._run("initdb", "-D", str(server.data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                    "--locale=C", "--no-sync", "--no-instructions")  # fmt: skip
        (server.data / "pg_hba.conf").write_text(HBA, encoding="utf-8")
        if as_postgres:
            shutil.chown(server.data / "pg_hba.conf", "postgres", "postgres")
        server.socket_dir.mkdir()
        if as_postgres:
            shutil.chown(server.socket_dir, "postgres", "postgres")
        options = (
            f"-p {server.port} -k {server.socket_dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        server._run("pg_ctl", "-D", str(server.data), "-o", options, "-l", str(root / "server.log"),
                    "-w", "-t", "60", "start")  # fmt: skip
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", "") or ""
        log = root / "server.log"
        if log.exists():
            detail += log.read_text(encoding="utf-8", errors="replace")[-2000:]
        server.stop()
        raise ServerFailed(f"le serveur PostgreSQL de test n'a pas démarré : {exc} {detail}") from exc
    return server


def _user_exists(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
