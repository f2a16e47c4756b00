"""`ordnum workspace copy`: a whole workspace from a laptop file to a server, back, or file to
file (issue 15, item 5).

The copy is checked before it counts: every table holds the same number of rows on both sides,
and every présérie's bilan JSON is the same computed from either side. Otherwise the destination
is left as it was: a file is written under a temporary name and only renamed over the
destination once checked; on a server, emptying the base, copying and checking are one
transaction (PostgreSQL's DELETE is transactional), checked from inside before it is committed
(`Workspace.joined`), so a failure anywhere rolls the replaced workspace back whole; a base that
had no tables before gets its new ones dropped again.
A destination that already holds a workspace is replaced only when asked (`replace`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from ordnum_desktop.domain.errors import Hint, WorkspaceError
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.address import ServerAddress, parse_address
from ordnum_desktop.store.lock import WorkspaceLock
from ordnum_desktop.store.opening import holds_workspace
from ordnum_desktop.store.server_errors import server_message
from ordnum_desktop.store.workspace_copy import Progress, clear_rows, copy_rows, drop_tables, row_counts


class CopyMismatch(WorkspaceError):
    """The destination did not come out identical to the source: it was rolled back."""


@dataclass
class CopyReport:
    source: str
    destination: str
    counts: dict[str, int]
    preseries: int

    @property
    def trace_rows(self) -> int:
        return self.counts.get("trace_row", 0)


def _name(target: Path | ServerAddress) -> str:
    return target.name if isinstance(target, ServerAddress) else str(target)


def _same(a: Path | ServerAddress, b: Path | ServerAddress) -> bool:
    if isinstance(a, Path) and isinstance(b, Path):
        return a.resolve() == b.resolve()
    return isinstance(a, ServerAddress) and isinstance(b, ServerAddress) and a.safe == b.safe


def copy_workspace(
    source: str | Path, destination: str | Path, *, replace: bool = False, progress: Progress | None = None
) -> CopyReport:
    src_target, dst_target = parse_address(source), parse_address(destination)
    if _same(src_target, dst_target):
        raise WorkspaceError(
            "La source et la destination sont le même espace de travail : rien n'a été copié."
        )
    if isinstance(dst_target, Path) and dst_target.is_dir():
        raise WorkspaceError(
            f"« {dst_target} » est un dossier : donnez le chemin du fichier .sqlite à écrire."
        )
    if holds_workspace(destination) and not replace:
        raise WorkspaceError(
            f"La destination « {_name(dst_target)} » contient déjà des données : rien n'a été copié.",
            hint=Hint.REPLACE_DESTINATION,
        )
    # Read-only: no lock on a file (the window may keep it open), a read-only transaction on a
    # server; the source is never changed.
    src = Workspace.open(source, read_only=True)
    try:
        if isinstance(dst_target, Path):
            return _to_file(src, dst_target, progress)
        return _to_server(src, str(destination), dst_target, progress)
    finally:
        src.close()


def _to_file(src: Workspace, path: Path, progress: Progress | None) -> CopyReport:
    # The destination's lock for the whole copy: an instance that has it open is not replaced
    # under its feet (it refuses with the instance's name).
    lock = WorkspaceLock(path).acquire()
    try:
        partial = path.with_name(f".{path.name}.copie-en-cours")
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
        try:
            dst = Workspace.open(partial, create=True)
            try:
                report = _fill_and_check(src, dst, _name(path), progress)
            finally:
                dst.close()
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        return report
    finally:
        lock.release()


def _to_server(src: Workspace, address: str, target: ServerAddress, progress: Progress | None) -> CopyReport:
    had_tables = holds_workspace(address)
    dst = Workspace.open(address, create=True)
    try:
        if dst.read_only:
            raise WorkspaceError(dst.read_only_reason or f"La base « {target.name} » est en lecture seule.")
        try:
            with src.engine.connect() as reading, dst.engine.begin() as writing:
                # One transaction: committed only once checked, rolled back whole otherwise.
                clear_rows(writing)  # the schema's own rows (app_meta), or the replaced workspace's
                copy_rows(reading, writing, progress)
                with dst.joined(writing) as copied:
                    return _check(src, copied, target.name, lambda: row_counts(writing))
        except BaseException as exc:
            if not had_tables:  # the tables `Workspace.open(create=True)` made above
                with dst.engine.begin() as conn:
                    drop_tables(conn)
            if isinstance(exc, DBAPIError):
                raise _failed(target, exc) from exc
            raise
    finally:
        dst.close()


def _failed(target: ServerAddress, exc: DBAPIError) -> WorkspaceError:
    """The server refused the copy: a sentence the store knows (rights, lost connection…), else
    the server's own reason (a text it cannot store, a constraint…)."""
    undone = f"La copie vers « {target.name} » a été annulée, la destination est telle qu'avant."
    known = server_message(exc, target)
    if known is not None:
        return WorkspaceError(f"{known} {undone}")
    reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
    return WorkspaceError(
        f"La copie vers « {target.name} » a échoué ({reason}) : elle a été annulée, la destination "
        "est telle qu'avant."
    )


def _fill_and_check(src: Workspace, dst: Workspace, name: str, progress: Progress | None) -> CopyReport:
    """Into a new file (renamed over the destination by the caller once checked)."""
    with src.engine.connect() as reading, dst.engine.begin() as writing:
        clear_rows(writing)  # the schema's own rows (app_meta)
        copy_rows(reading, writing, progress)

    def counts() -> dict[str, int]:
        with dst.engine.connect() as conn:
            return row_counts(conn)

    return _check(src, dst, name, counts)


def _check(src: Workspace, dst: Workspace, name: str, counts: Callable[[], dict[str, int]]) -> CopyReport:
    """Raises CopyMismatch unless `dst` (its rows counted by `counts`) is the same as `src`."""
    with src.engine.connect() as conn:
        expected = row_counts(conn)
    found = counts()
    differing = sorted(t for t in expected if expected[t] != found.get(t))
    if differing:
        raise CopyMismatch(
            f"La copie vers « {name} » n'a pas le même nombre de lignes que la source (table(s) "
            f"{', '.join(differing)}) : elle a été annulée, la destination est telle qu'avant."
        )
    preseries = _bilans(src)
    if preseries != _bilans(dst):
        raise CopyMismatch(
            f"Le bilan calculé sur la copie « {name} » diffère de celui de la source : la copie a "
            "été annulée, la destination est telle qu'avant."
        )
    return CopyReport(src.name, name, expected, len(preseries))


BilanJson = Callable[[Workspace, int], dict[str, Any]]


def _bilans(ws: Workspace) -> dict[int, dict[str, Any]]:
    """Every présérie's bilan JSON, as `ordnum bilan --json` prints it."""
    from ordnum_desktop.services.bilan.compute import compute_bilan
    from ordnum_desktop.services.bilan.document import bilan_context, extras_json
    from ordnum_desktop.services.roster.preseries import list_preseries

    out: dict[int, dict[str, Any]] = {}
    for p in list_preseries(ws):
        result = compute_bilan(ws, p["id"])
        time, scope, _ = bilan_context(ws, p["id"], result.as_of)
        out[p["id"]] = result.as_json() | extras_json(time, scope)
    return out
