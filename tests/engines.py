"""Helpers for the tests that run on both engines (tests/conftest.py, `both_engines`)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import inspect, text

from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.address import is_server_address


def state_digest(ws: Workspace) -> str:
    """What « the workspace is unchanged » means on each engine: the file's bytes for SQLite; on
    a server, every row of every table (in key order) as a fresh connection reads it."""
    if ws.path is not None:
        return hashlib.sha256(ws.path.read_bytes()).hexdigest()
    digest = hashlib.sha256()
    with ws.engine.connect() as conn:
        for table in sorted(inspect(conn).get_table_names()):
            digest.update(table.encode())
            for row in conn.execute(text(f'SELECT * FROM "{table}" ORDER BY 1')):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def address_digest(address: str) -> str:
    """`state_digest` of the workspace at `address`, for tests that hold an address, not a
    workspace (a file is read without being opened, so that nothing touches it)."""
    if not is_server_address(address):
        return hashlib.sha256(Path(address).read_bytes()).hexdigest()
    with Workspace.open(address) as ws:
        return state_digest(ws)
