"""The same events as xlsx, ods, xls, Windows-1252 CSV (`;`, French dates) and UTF-16 TSV import
into fresh workspaces with the same bilan; each refusal names its real cause (issue 13)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.workspace.session import Workspace
from tests import trace_files as tf
from tests.bilan_scenario import D1, D2, D4, setup_roster

ROWS = [
    *tf.meeting_rows(D1, datetime(2025, 3, 3, 8, 0, 5)),
    *tf.meeting_rows(D2, datetime(2025, 3, 4, 9, 0, 7)),
    *tf.meeting_rows(D4, datetime(2025, 3, 5, 10, 0, 9)),
]
# A name with accents: a wrong decoding would make it another (unknown) prestation type.
assert any("é" in r[4] for r in ROWS)

Writer = Callable[[Path], Path]
WRITERS: dict[str, tuple[str, Writer, str | None]] = {
    "xlsx": ("traces.xlsx", lambda p: tf.write_xlsx(p, ROWS), None),
    "ods": ("traces.ods", lambda p: tf.write_ods(p, ROWS), None),
    "xls": ("traces.xls", lambda p: tf.write_xls(p, ROWS), None),
    "csv-cp1252": (
        "traces.csv",
        lambda p: tf.write_text(p, ROWS, encoding="cp1252", separator=";", french_dates=True),
        "Windows-1252",
    ),
    "tsv-utf16": (
        "traces.txt",
        lambda p: tf.write_text(p, ROWS, encoding="utf-16", separator="\t"),
        "UTF-16",
    ),
    "csv-utf8-bom": (
        "traces.csv",
        lambda p: tf.write_text(p, ROWS, encoding="utf-8-sig", separator=","),
        "UTF-8",
    ),
}


def _bilan(tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> tuple[dict, str | None]:
    name, write, _ = WRITERS[kind]
    folder = tmp_path / kind
    folder.mkdir()
    db = folder / "ws.sqlite"
    with Workspace.open(db, create=True) as ws:
        pid, _ids = setup_roster(ws)
        report = import_traces(ws, pid, write(folder / name))
    assert report.rejected == 0, report.errors
    assert report.accepted == len(ROWS)
    capsys.readouterr()
    assert main(["bilan", "--db", str(db), "--json"]) in (0, 1)
    data = json.loads(capsys.readouterr().out)
    return data, report.encoding


def _figures(data: dict) -> dict:
    """The bilan without what names the moment it was computed."""
    return {k: v for k, v in data.items() if k not in ("computed_at", "generated_at")}


def test_every_format_gives_the_same_bilan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reference, _ = _bilan(tmp_path, "xlsx", capsys)
    for kind in WRITERS:
        if kind == "xlsx":
            continue
        data, encoding = _bilan(tmp_path, kind, capsys)
        assert _figures(data) == _figures(reference), kind
        assert encoding == WRITERS[kind][2], kind


def test_the_cli_names_the_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "ws.sqlite"
    with Workspace.open(db, create=True) as ws:
        setup_roster(ws)
    path = tf.write_text(tmp_path / "t.csv", ROWS, encoding="cp1252", french_dates=True)
    capsys.readouterr()
    assert main(["traces", "import", "--db", str(db), str(path)]) == 0
    assert "Encodage du fichier : Windows-1252." in capsys.readouterr().out
    assert main(["traces", "import", "--db", str(db), "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["encoding"] == "Windows-1252"


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("t.pdf", b"%PDF-1.4", ["format", "n'est pas pris en charge", "xlsx, xlsm, xls, xlsb, ods"]),
        (
            "t.csv",
            b"Horodatage|Identifiant PS\n",
            ["séparateur", "n'est pas reconnu", "point-virgule"],
        ),
        ("t.ods", b"not a zip", ["OpenDocument", "enregistrez-le"]),
        ("t.xls", b"not a workbook", ["n'est pas un classeur .xls lisible", "enregistrez-le"]),
        ("t.csv", b"Horodatage;Identifiant PS\n\x81\x8d\x8f\x90\x9d\n", ["UTF-8", "Windows-1252", "UTF-16"]),
    ],
)
def test_refusals_name_the_cause(tmp_path: Path, name: str, content: bytes, words: list[str]) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with Workspace.open(tmp_path / "ws.sqlite", create=True) as ws:
        pid, _ = setup_roster(ws)
        with pytest.raises(UserError) as err:
            import_traces(ws, pid, path)
    message = str(err.value)
    assert f"« {name} »" in message
    for word in words:
        assert word in message, message


def test_utf16_without_bom_and_tab_header(tmp_path: Path) -> None:
    path = tf.write_text(
        tmp_path / "t.tsv", ROWS, encoding="utf-16-le", separator="\t", french_dates=True, seconds=True
    )
    with Workspace.open(tmp_path / "ws.sqlite", create=True) as ws:
        pid, _ = setup_roster(ws)
        report = import_traces(ws, pid, path)
    assert (report.accepted, report.rejected, report.encoding) == (len(ROWS), 0, "UTF-16")
