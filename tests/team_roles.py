"""A workspace database set up as packaging/postgresql/roles.sql says, on the throwaway server:
the owner role created the schema; alice and bob are coordinators, cpam33 a reader."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.workspace.session import Workspace
from tests.pg_server import PgServer

ROLES_SQL = Path(__file__).resolve().parents[1] / "packaging" / "postgresql" / "roles.sql"
PASSWORD = "mot-de-passe-de-test"
# Login roles (cluster-wide: created once per server, in the group each plays).
PEOPLE = {
    "ordnum_owner": None,
    "alice": "ordnum_coordinator",
    "bob": "ordnum_coordinator",
    "cpam33": "ordnum_reader",
}


@dataclass
class TeamBase:
    server: PgServer
    database: str

    def url(self, role: str) -> str:
        return f"postgresql://{role}:{PASSWORD}@{self.server.host}:{self.server.port}/{self.database}"

    def admin(self, sql: str) -> None:
        self.server.admin(sql, database=self.database)


def set_up_roles(server: PgServer, database: str) -> None:
    server.admin(ROLES_SQL.read_text(encoding="utf-8"), database=database)
    for role, group in PEOPLE.items():
        server.admin(
            "DO $$ BEGIN "
            f"IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role} LOGIN; "
            "END IF; END $$; "
            f"ALTER ROLE {role} LOGIN PASSWORD '{PASSWORD}'" + (f"; GRANT {group} TO {role}" if group else "")
        )


@pytest.fixture
def team_base(pg_server: PgServer) -> Iterator[TeamBase]:
    """An empty database with roles.sql applied (the administrator's part, as a superuser)."""
    name = pg_server.new_database("equipe")
    set_up_roles(pg_server, name)
    yield TeamBase(pg_server, name)
    pg_server.drop_database(name)


DOCTORS = [("Dupré", "Élodie", "331234567"), ("Martin", "Jean", "621234567")]


@pytest.fixture
def team(team_base: TeamBase, capsys: pytest.CaptureFixture[str]) -> Iterator[TeamBase]:
    """The owner created the schema (`ordnum init`); alice set up the présérie and its roster."""
    assert main(["init", "--db", team_base.url("ordnum_owner")]) == 0
    with Workspace.open(team_base.url("alice")) as ws:
        p = create_preserie(
            ws, editor="Éditeur Équipe", software="MédiLog", version="4.2", exercise="liberal", cpams=["33"]
        )
        for last, first, am in DOCTORS:
            add_doctor(ws, p.id or 0, last_name=last, first_name=first, am=am, consent=True)
    capsys.readouterr()
    yield team_base
