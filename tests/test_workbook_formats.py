"""The roster and the satisfaction answers read the same from .xlsx, .ods and .xls (written by the
tests: .ods by hand, .xls through xlwt), and a file that is no workbook is refused with what it
really is (issue 13)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from ordnum_desktop.services import followup
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.planning.dates import get_plans
from ordnum_desktop.services.roster.doctors import add_doctor, list_doctors
from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.roster.workbook import import_roster
from ordnum_desktop.services.workspace.session import Workspace
from tests import workbook_files as wf
from tests.rosters import HEADERS, liberal_row

Writer = Callable[[Path, str, list[list[object]]], Path]
FORMATS: dict[str, Writer] = {"xlsx": wf.write_xlsx, "ods": wf.write_ods, "xls": wf.write_xls}

ROSTER = [
    HEADERS,
    liberal_row(0),
    # Typed cells: an N° AM typed as a number, a real date, accents in every text.
    liberal_row(1, **{"N° AM": 331234501, "Équipé": "non", "Installation prévue": date(2025, 4, 2)}),
    liberal_row(2, **{"Mode d'exercice": "LIBERAL", "Spécialité": "Médecine générale", "Prénom": "Hélène"}),
    liberal_row(3, **{"Accord de principe": "peut-être"}),  # imported with a warning
    [None, "Sans nom", "Libéral"] + [None] * 13,  # rejected: no name
]


def _new_workspace(db: Path) -> int:
    with Workspace.open(db, create=True) as ws:
        p = create_preserie(ws, editor="É", software="S", version="1", exercise="liberal", cpams=["33"])
        return p.id or 0


def _roster_as_read(tmp_path: Path, kind: str) -> tuple[dict[str, object], list[tuple[object, ...]]]:
    folder = tmp_path / kind
    folder.mkdir()
    db = folder / "ws.sqlite"
    pid = _new_workspace(db)
    path = FORMATS[kind](folder / f"effectif.{kind}", "PS", ROSTER)
    with Workspace.open(db) as ws:
        report = import_roster(ws, pid, path).as_json()
        doctors = [
            (d.last_name, d.first_name, d.mode, d.specialty, d.am, d.structure, d.equipped, d.consent, d.cpam)
            for d in list_doctors(ws, pid)
        ]
        plans = [(d.last_name, p.planned_install) for d, p in get_plans(ws, pid)]
    report.pop("file")
    return report, doctors + plans  # type: ignore[operator]


def test_roster_reads_the_same_from_xlsx_ods_and_xls(tmp_path: Path) -> None:
    reference = _roster_as_read(tmp_path, "xlsx")
    report, doctors = reference
    assert report["imported"] == 4 and [r["row"] for r in report["rejected"]] == [6]  # type: ignore[index,union-attr]
    martin1 = ("Médecin1", "Élodie", "liberal", "01", "331234501", "cabinet_individuel", False, True, "33")
    assert martin1 in doctors
    assert ("Médecin1", date(2025, 4, 2)) in doctors and ("Médecin0", date(2025, 3, 15)) in doctors
    for kind in ("ods", "xls"):
        assert _roster_as_read(tmp_path, kind) == reference, kind


AM_1, AM_2 = "331234567", "331234575"
ANSWERS = [
    ["Identifiant PS", "Q1", "Q2", "Q3", "Q4", "Q5", "Frein bloquant", "Précisions", "Commentaire"],
    [int(AM_1), 5, 4, 4, 3, 4, "Non", None, "Très pratique"],
    [AM_2, 2, 2, 1, 3, 2, "Oui", "Lenteur à la création", None],
]


def _answers_as_read(tmp_path: Path, kind: str) -> tuple[dict[str, object], list[tuple[object, ...]]]:
    folder = tmp_path / kind
    folder.mkdir()
    db = folder / "ws.sqlite"
    pid = _new_workspace(db)
    path = FORMATS[kind](folder / f"reponses.{kind}", "Réponses", ANSWERS)
    with Workspace.open(db) as ws:
        add_doctor(ws, pid, last_name="Martin", am=AM_1, equipped=True)
        add_doctor(ws, pid, last_name="Durand", am=AM_2, equipped=True)
        report = followup.import_satisfaction(ws, pid, path).as_json()
        answers = [
            (a.score, json.loads(a.scores_json), a.blocking, a.blocking_text, a.comment)
            for a in followup.list_answers(ws, pid)
        ]
    report.pop("file")
    return report, answers


def test_satisfaction_answers_read_the_same_from_xlsx_ods_and_xls(tmp_path: Path) -> None:
    reference = _answers_as_read(tmp_path, "xlsx")
    report, answers = reference
    assert (report["recorded"], report["rejected"], report["errors"]) == (2, 0, [])
    assert answers[0][0] == 4 and answers[0][4] == "Très pratique"
    assert answers[1][2] is True and answers[1][3] == "Lenteur à la création"
    for kind in ("ods", "xls"):
        assert _answers_as_read(tmp_path, kind) == reference, kind


def test_an_xls_saved_under_an_xlsx_name_still_opens(tmp_path: Path) -> None:
    """The format is told from the bytes, as the spreadsheet itself does."""
    db = tmp_path / "ws.sqlite"
    pid = _new_workspace(db)
    path = wf.write_xls(tmp_path / "x.xls", "PS", ROSTER).rename(tmp_path / "effectif.xlsx")
    with Workspace.open(db) as ws:
        assert import_roster(ws, pid, path).imported == 4


def _text_roster(path: Path) -> Path:
    path.write_text(";".join(HEADERS) + "\nMartin;Paul;Libéral\n", encoding="utf-8")
    return path


def _writer_document(path: Path) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    return path


def _plain_zip(path: Path) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("photo.txt", "rien")
    return path


def _bytes(content: bytes) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        path.write_bytes(content)
        return path

    return build


_broken_xls = _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)  # the OLE2 magic, then nothing


@pytest.mark.parametrize(
    ("name", "build", "fragments"),
    [
        ("effectif.csv", _text_roster, ["fichier texte (CSV ?)", "enregistrez-le en classeur"]),
        ("effectif.xlsx", _text_roster, ["fichier texte (CSV ?)"]),
        ("effectif.odt", _writer_document, ["n'est pas un tableur", "enregistrez-le en classeur"]),
        ("effectif.xlsx", _plain_zip, ["archive zip, pas un classeur"]),
        ("effectif.xls", _broken_xls, ["est illisible", "classeur .xls valide"]),
        ("effectif.pdf", _bytes(b"%PDF-1.4\n%\xe2\xe3"), ["document PDF"]),
        ("effectif.ods", _bytes(b""), ["est vide"]),
    ],
)
def test_what_is_no_workbook_is_refused_naming_what_it_is(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    build: Callable[[Path], Path],
    fragments: list[str],
) -> None:
    db = tmp_path / "ws.sqlite"
    _new_workspace(db)
    path = build(tmp_path / name)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for command in (["roster", "import"], ["satisfaction", "import"]):
        capsys.readouterr()
        assert main([*command, "--db", str(db), str(path)]) == 2
        err = capsys.readouterr().err.strip()
        assert name in err and "Traceback" not in err, err
        for fragment in fragments:
            assert fragment in err, err
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    with Workspace.open(db) as ws, pytest.raises(UserError):
        import_roster(ws, 1, path)
