"""Where a workspace lives: a SQLite file (the laptop default) or a PostgreSQL database.

`--db` and the window take either a path or `postgresql://user@host:port/base` (also
`postgres://`). A server address is handed to libpq as typed, so TLS and passwords work the libpq
way: `?sslmode=…`, `~/.pgpass`, `PGPASSWORD`, `?service=…` (pg_service.conf), and the other
`PG*` variables. A password typed in the address is used for the connection but never shown nor
stored: `ServerAddress.safe` is the address without it (recent files, titles, messages).

A leaf of `store/`: no driver is imported here, so the window can tell a file from a server
without loading SQLAlchemy or psycopg.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

SERVER_SCHEMES = ("postgresql", "postgres")
# Query parameters that carry a secret: dropped from the address that is shown or remembered.
_SECRET_PARAMS = {"password", "sslpassword"}


def is_server_address(value: object) -> bool:
    """True for `postgresql://…` / `postgres://…` (a string; a Path is always a file)."""
    if not isinstance(value, str):
        return False
    scheme, sep, _rest = value.partition("://")
    return bool(sep) and scheme.lower() in SERVER_SCHEMES


@dataclass(frozen=True)
class ServerAddress:
    """A PostgreSQL database. `url` goes to libpq unchanged (it may hold a password); everything
    shown to the user or written to the settings uses `safe`."""

    url: str

    @property
    def _parts(self) -> tuple[str, str, str, str]:
        """(user, host, port, database) as written in the address ('' when left to libpq)."""
        split = urlsplit(self.url)
        userinfo, _, hostport = split.netloc.rpartition("@")
        user = unquote(userinfo.partition(":")[0])
        host, port = hostport, ""
        if hostport.startswith("["):  # [IPv6]:port
            host, _, rest = hostport[1:].partition("]")
            port = rest.lstrip(":")
        elif "," not in hostport and ":" in hostport:
            host, _, port = hostport.rpartition(":")
        query = dict(parse_qsl(split.query))
        host = unquote(host) or query.get("host", "")
        return (
            user or query.get("user", ""),
            host,
            port or query.get("port", ""),
            unquote(split.path.lstrip("/")) or query.get("dbname", ""),
        )

    @property
    def user(self) -> str:
        return self._parts[0]

    @property
    def host(self) -> str:
        return self._parts[1]

    @property
    def database(self) -> str:
        return self._parts[3]

    @property
    def safe(self) -> str:
        """The address without any password (user name, host, port, base and options kept)."""
        split = urlsplit(self.url)
        userinfo, at, hostport = split.netloc.rpartition("@")
        netloc = (userinfo.partition(":")[0] + at + hostport) if at else hostport
        query = urlencode([(k, v) for k, v in parse_qsl(split.query) if k.lower() not in _SECRET_PARAMS])
        return urlunsplit((split.scheme, netloc, split.path, query, split.fragment))

    @property
    def has_password(self) -> bool:
        return self.safe != self.url

    @property
    def name(self) -> str:
        """What messages and titles call the workspace: « base sur hôte:port »."""
        _user, host, port, database = self._parts
        where = (host or "serveur local") + (f":{port}" if port else "")
        return f"{database or 'base par défaut'} sur {where}"

    def __str__(self) -> str:  # never the password, whatever prints the address
        return self.safe

    def __repr__(self) -> str:
        return f"ServerAddress({self.safe!r})"


Target = Path | ServerAddress


def parse_address(value: str | Path) -> Target:
    """A server address for `postgresql://…`, else the path of a file (with `~` expanded)."""
    if isinstance(value, str) and is_server_address(value):
        return ServerAddress(value)
    return Path(value).expanduser()


def display_address(value: str | Path) -> str:
    """The address as it may be shown or remembered: a path as is, a server without password."""
    target = parse_address(value)
    return target.safe if isinstance(target, ServerAddress) else str(value)
