"""`ordnum workspace copy` (issue 15, item 5): a whole workspace file → file, file → server →
file, checked (same bilan JSON, same row counts), never leaving a half destination behind and
never writing over a workspace without --replace."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from ordnum_desktop.services.roster.doctors import add_doctor, list_doctors
from ordnum_desktop.services.workspace import copy as copy_service
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.opening import holds_workspace
from ordnum_desktop.store.workspace_copy import row_counts
from tests.bilan_fixture import populate
from tests.pg_server import PgServer


@pytest.fixture(scope="module")
def laptop_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A laptop file with a présérie's roster, traces, follow-up and a closed bilan's worth."""
    folder = tmp_path_factory.mktemp("copie")
    path = folder / "portable.sqlite"
    with Workspace.open(path, create=True) as ws:
        populate(ws, folder)
    return path


@pytest.fixture
def laptop(tmp_path: Path, laptop_template: Path) -> Path:
    path = tmp_path / "portable.sqlite"
    shutil.copy2(laptop_template, path)
    return path


def _bilan(capsys: pytest.CaptureFixture[str], address: str) -> dict[str, object]:
    capsys.readouterr()
    assert main(["bilan", "--json", "--db", address]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def _counts(address: str | Path) -> dict[str, int]:
    with Workspace.open(address, read_only=True) as ws, ws.engine.connect() as conn:
        return row_counts(conn)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_file_to_file_is_identical_and_refuses_to_overwrite(
    laptop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copie.sqlite"
    assert main(["workspace", "copy", str(laptop), str(copy)]) == 0
    out = capsys.readouterr().out
    assert "mêmes bilans et mêmes nombres de lignes des deux côtés" in out
    assert _bilan(capsys, str(copy)) == _bilan(capsys, str(laptop))
    assert _counts(copy) == _counts(laptop) and _counts(copy)["trace_row"] > 0
    assert not list(tmp_path.glob(".*copie-en-cours*"))

    before = _sha(copy)
    assert main(["workspace", "copy", str(laptop), str(copy)]) == 2
    err = capsys.readouterr().err
    assert "contient déjà des données : rien n'a été copié" in err and "--replace" in err
    assert _sha(copy) == before

    assert main(["workspace", "copy", str(laptop), str(copy), "--replace"]) == 0
    # The copy is a full workspace: new rows get new ids.
    with Workspace.open(copy) as ws:
        doctor = add_doctor(ws, 1, last_name="Nouveau")
        assert doctor.id == max(d.id or 0 for d in list_doctors(ws, 1))


def test_same_source_and_destination_is_refused(laptop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _sha(laptop)
    assert main(["workspace", "copy", str(laptop), str(laptop), "--replace"]) == 2
    assert "le même espace de travail" in capsys.readouterr().err
    assert _sha(laptop) == before


def _lose_a_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy that comes out one trace row short: what the check is there to catch."""
    real = copy_service.copy_rows

    def short(source, destination, progress=None):  # type: ignore[no-untyped-def]
        real(source, destination, progress)
        destination.exec_driver_sql("DELETE FROM trace_row WHERE id = (SELECT max(id) FROM trace_row)")

    monkeypatch.setattr(copy_service, "copy_rows", short)


def test_a_copy_that_does_not_match_leaves_the_destination_as_it_was(
    laptop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _lose_a_row(monkeypatch)
    fresh = tmp_path / "neuve.sqlite"
    assert main(["workspace", "copy", str(laptop), str(fresh)]) == 2
    err = capsys.readouterr().err
    assert "n'a pas le même nombre de lignes que la source (table(s) trace_row)" in err
    assert "annulée" in err and "Traceback" not in err
    assert not fresh.exists()

    kept = tmp_path / "gardee.sqlite"
    shutil.copy2(laptop, kept)
    with Workspace.open(kept) as ws:
        add_doctor(ws, 1, last_name="Seulement ici")
    before = _sha(kept)
    assert main(["workspace", "copy", str(laptop), str(kept), "--replace"]) == 2
    assert _sha(kept) == before
    assert not list(tmp_path.glob(".*copie-en-cours*"))


@pytest.mark.slow  # about 5 s: three copies of the bilan fixture and four bilans
def test_laptop_to_server_and_back_gives_the_same_bilan(
    laptop: Path, tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["workspace", "copy", str(laptop), pg_url]) == 0
    back = tmp_path / "retour.sqlite"
    assert main(["workspace", "copy", pg_url, str(back)]) == 0
    laptop_bilan = _bilan(capsys, str(laptop))
    assert _bilan(capsys, pg_url) == laptop_bilan
    assert _bilan(capsys, str(back)) == laptop_bilan
    assert _counts(laptop) == _counts(pg_url) == _counts(back)

    # The server's sequences moved past the copied ids; a second copy needs --replace.
    with Workspace.open(pg_url) as ws:
        doctor = add_doctor(ws, 1, last_name="Nouveau")
        assert doctor.id == max(d.id or 0 for d in list_doctors(ws, 1))
    assert main(["workspace", "copy", str(laptop), pg_url]) == 2
    assert "--replace" in capsys.readouterr().err
    assert main(["workspace", "copy", str(laptop), pg_url, "--replace"]) == 0
    assert _counts(pg_url) == _counts(laptop)


def test_a_failed_copy_to_an_empty_server_base_leaves_it_empty(
    laptop: Path,
    pg_server: PgServer,
    pg_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _lose_a_row(monkeypatch)
    assert main(["workspace", "copy", str(laptop), pg_url]) == 2
    assert "n'a pas le même nombre de lignes" in capsys.readouterr().err
    assert not holds_workspace(pg_url)


def _server_holding_a_workspace(laptop: Path, pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The server base already holds a workspace of its own: the laptop's, then a doctor more."""
    assert main(["workspace", "copy", str(laptop), pg_url]) == 0
    with Workspace.open(pg_url) as ws:
        add_doctor(ws, 1, last_name="Seulement sur le serveur")
    capsys.readouterr()


def _text_the_server_refuses(path: Path) -> None:
    """A trace row whose FINESS holds a NUL character: SQLite stores it, PostgreSQL refuses any
    text with one, so the copy fails at trace_row, after the tables before it were copied."""
    with sqlite3.connect(path) as con:
        last = "(SELECT max(id) FROM trace_row)"
        con.execute(f"UPDATE trace_row SET finess = ? WHERE id = {last}", ("75\x0001",))
    con.close()


def test_a_replace_that_fails_midway_leaves_the_server_as_it_was(
    laptop: Path, tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _server_holding_a_workspace(laptop, pg_url, capsys)
    bilan, counts = _bilan(capsys, pg_url), _counts(pg_url)
    refused = tmp_path / "refusee.sqlite"
    shutil.copy2(laptop, refused)
    _text_the_server_refuses(refused)

    capsys.readouterr()
    assert main(["workspace", "copy", str(refused), pg_url, "--replace"]) == 2
    err = capsys.readouterr().err
    assert "a échoué" in err and "la destination est telle qu'avant" in err and "Traceback" not in err
    assert _bilan(capsys, pg_url) == bilan
    assert _counts(pg_url) == counts
    with Workspace.open(pg_url, read_only=True) as ws:
        assert "Seulement sur le serveur" in {d.last_name for d in list_doctors(ws, 1)}


def test_a_replace_whose_check_fails_leaves_the_server_as_it_was(
    laptop: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _server_holding_a_workspace(laptop, pg_url, capsys)
    bilan, counts = _bilan(capsys, pg_url), _counts(pg_url)
    _lose_a_row(monkeypatch)
    assert main(["workspace", "copy", str(laptop), pg_url, "--replace"]) == 2
    assert "n'a pas le même nombre de lignes" in capsys.readouterr().err
    assert _bilan(capsys, pg_url) == bilan
    assert _counts(pg_url) == counts
