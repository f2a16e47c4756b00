"""Hostile and broken input: each case gives one French sentence naming the file, within bounded
time (a subprocess timeout) and memory (its peak RSS), and leaves the workspace byte for byte
unchanged. The importer runs in a child process so that its peak memory can be measured."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.workspace.session import Workspace
from tests.hostile_files import (
    EXCEL_MAX_ROWS,
    entity_bomb,
    junk_rows_csv,
    junk_rows_xlsx,
    not_a_workbook,
    zip_bomb,
)
from tests.trace_files import HEADER, rows, write_csv

MAX_PEAK_MB = 1024
TIMEOUT_S = 300
ROSTER_HEADER = ["Nom", "Prénom", "Mode d'exercice", "N° AM", "Accord de principe"]

CHILD = """
import json, resource, sys, time
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.workspace.session import Workspace
kind, db, path = sys.argv[1:]
ws = Workspace.open(db)
began = time.monotonic()
try:
    if kind == "traces":
        from ordnum_desktop.services.traces.importer import import_traces
        report = import_traces(ws, 1, path)
        result = {"report": {k: v for k, v in report.as_json().items() if k != "errors"},
                  "errors": [e.as_json() for e in report.errors[:20]]}
    elif kind == "roster":
        from ordnum_desktop.services.roster.workbook import import_roster
        report = import_roster(ws, 1, path)
        result = {"report": report.as_json()}
    else:
        from ordnum_desktop.services.followup.satisfaction_workbook import import_satisfaction
        report = import_satisfaction(ws, 1, path)
        result = {"report": {"read": report.read, "rejected": report.rejected}}
except UserError as exc:
    result = {"refused": str(exc)}
finally:
    ws.close()
result["seconds"] = round(time.monotonic() - began, 2)
# VmHWM: this process's own peak (ru_maxrss would include the parent's size at fork time).
with open("/proc/self/status") as fh:
    hwm = [line.split()[1] for line in fh if line.startswith("VmHWM")]
result["peak_mb"] = int(hwm[0]) // 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps(result, ensure_ascii=False))
"""

MEASURES: dict[str, dict[str, object]] = {}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A closed workspace (the child process must be able to take its lock): présérie 1, empty roster."""
    path = tmp_path / "espace.sqlite"
    ws = Workspace.open(path, create=True)
    try:
        create_preserie(ws, editor="E", software="S", version="1", exercise="liberal", cpams=["33"])
    finally:
        ws.close()
    return path


def run_import(kind: str, db: Path, file: Path) -> dict[str, object]:
    before = _sha(db)
    began = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(db), str(file)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall_seconds"] = round(time.monotonic() - began, 1)
    MEASURES[f"{kind}:{file.name}"] = result
    print(f"{kind} {file.name}: {result}")
    assert int(result["peak_mb"]) < MAX_PEAK_MB  # type: ignore[call-overload]
    if "refused" in result:
        assert _sha(db) == before, "a refused file must leave the workspace unchanged"
    return result


def assert_sentence(result: dict[str, object], file: Path, *fragments: str) -> None:
    message = result.get("refused")
    assert isinstance(message, str), f"expected a refusal, got {result}"
    assert "\n" not in message and message[0].isupper() and message.endswith(".")
    assert f"« {file.name} »" in message
    for fragment in fragments:
        assert fragment in message


@pytest.fixture(scope="module")
def million_junk_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return junk_rows_xlsx(tmp_path_factory.mktemp("junk") / "un-million.xlsx", ["Colonne", "b", "c"])


CASES: dict[str, tuple[str, Callable[[Path], Path], tuple[str, ...]]] = {
    "traces-not-a-workbook": (
        "traces",
        lambda d: not_a_workbook(d / "export.xlsx"),
        ("n'est pas un classeur Excel",),
    ),
    "roster-not-a-workbook": (
        "roster",
        lambda d: not_a_workbook(d / "effectif.xlsx"),
        ("n'est pas un classeur Excel",),
    ),
    "traces-entity-bomb": ("traces", lambda d: entity_bomb(d / "bombe.xlsx", HEADER), ()),
    "roster-entity-bomb": ("roster", lambda d: entity_bomb(d / "bombe.xlsx", ROSTER_HEADER), ()),
    "answers-entity-bomb": ("satisfaction", lambda d: entity_bomb(d / "bombe.xlsx", ["N° AM ou RPPS"]), ()),
    "traces-zip-bomb": ("traces", lambda d: zip_bomb(d / "zip.xlsx"), ("une fois décompressé",)),
    "roster-zip-bomb": ("roster", lambda d: zip_bomb(d / "zip.xlsx"), ("une fois décompressé",)),
    "traces-invalid-utf8-first-row": (
        "traces",
        lambda d: _latin1_csv(d / "latin1.csv", at_row=1),
        ("n'est pas encodé en UTF-8 (ligne 2)",),
    ),
    "traces-invalid-utf8-row-150000": (
        "traces",
        lambda d: _latin1_csv(d / "latin1-tard.csv", at_row=150_000),
        ("n'est pas encodé en UTF-8 (ligne 150001)",),
    ),
    "traces-million-junk-rows-csv": (
        "traces",
        lambda d: junk_rows_csv(d / "un-million.csv", HEADER),
        ("plus de 10 000 lignes",),
    ),
    "roster-10000-rows": (
        "roster",
        lambda d: _big_roster(d / "effectif-10000.xlsx", 10_000),
        ("plus de 1000 lignes",),
    ),
}


def _latin1_csv(path: Path, at_row: int) -> Path:
    """A valid traces CSV whose row `at_row` holds a name saved in Windows-1252."""
    data = list(rows(max(at_row + 10, 20)))
    data[at_row - 1][4] = "Médicaments"
    write_csv(path, data)
    raw = path.read_bytes()
    lines = raw.split(b"\n")
    lines[at_row] = lines[at_row].decode("utf-8").encode("cp1252")
    path.write_bytes(b"\n".join(lines))
    return path


def _big_roster(path: Path, count: int) -> Path:
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("PS")
    sheet.append(ROSTER_HEADER)
    for n in range(count):
        sheet.append([f"Nom{n}", "Prénom", "Libéral", f"33{n:07d}", "Oui"])
    wb.save(path)
    return path


# The cases that write or inflate tens of megabytes run with the slow tests only.
BIG_CASES = {
    "traces-zip-bomb",
    "roster-zip-bomb",
    "traces-invalid-utf8-row-150000",
    "traces-million-junk-rows-csv",
    "roster-10000-rows",
}


@pytest.mark.parametrize(
    "case", [pytest.param(c, marks=pytest.mark.slow) if c in BIG_CASES else c for c in CASES]
)
def test_hostile_file_is_refused_with_a_sentence(case: str, workspace: Path, tmp_path: Path) -> None:
    kind, build, fragments = CASES[case]
    file = build(tmp_path)
    assert_sentence(run_import(kind, workspace, file), file, *fragments)


@pytest.mark.parametrize(
    ("kind", "fragment"),
    [
        ("traces", "il lui manque les colonnes obligatoires"),  # read by calamine, refused at the header
        ("roster", "une fois décompressé"),  # too big for a ≤ 1000-row workbook, refused from the zip
        ("satisfaction", "une fois décompressé"),
    ],
)
@pytest.mark.slow
def test_million_rows_of_junk_workbook(
    kind: str, fragment: str, workspace: Path, million_junk_xlsx: Path
) -> None:
    with zipfile_rows(million_junk_xlsx) as last_row:
        assert last_row == EXCEL_MAX_ROWS
    result = run_import(kind, workspace, million_junk_xlsx)
    assert_sentence(result, million_junk_xlsx, fragment)


class zipfile_rows:  # noqa: N801 - a tiny context manager reading the last row number of the sheet
    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> int:
        import re
        import zipfile

        with zipfile.ZipFile(self.path) as zf, zf.open("xl/worksheets/sheet1.xml") as fh:
            fh.seek(max(zf.getinfo("xl/worksheets/sheet1.xml").file_size - 4096, 0))
            tail = fh.read().decode("utf-8", "replace")
        return int(re.findall(r'<row r="(\d+)"', tail)[-1])

    def __exit__(self, *exc: object) -> None:
        return None


# --- formulas -------------------------------------------------------------------------------

FORMULA_TEXTS = [
    '=HYPERLINK("http://exemple.invalid","clic")',
    "+33 6 00 00 00 00",
    "@SUM(A1:A9)",
    "-2+3",
    "=cmd|' /C calc'!A0",
]


def _formula_cell(ref: str, formula: str, cached: str | None) -> str:
    value = f"<v>{cached}</v>" if cached is not None else ""
    return f'<c r="{ref}"><f>{formula}</f>{value}</c>'


def test_formulas_in_traces_cells_are_never_evaluated_nor_stored(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    from tests.hostile_files import _row, write_raw_xlsx

    literal = ["2025-03-03 09:00:00", "331234567", "", "RX-1", "Médicaments", "Oui", "Créer", "0", ""]
    body = [_row(1, HEADER), _row(2, literal)]
    # Row 3: the identifier is a formula with the value Excel cached: the value is read, as shown.
    body.append(
        _row(3, ["2025-03-03 09:05:00"]).replace(
            "</row>",
            _formula_cell("B3", "330000000+1234567", "331234567")
            + "".join(
                f'<c r="{c}3" t="inlineStr"><is><t>{v}</t></is></c>'
                for c, v in zip("DEFGH", ["RX-2", "Médicaments", "Oui", "Créer", "0"], strict=True)
            )
            + "</row>",
        )
    )
    # Row 4: formulas without cached values (as openpyxl writes them): empty cells, row rejected.
    body.append(
        _row(4, ["2025-03-03 09:10:00"]).replace(
            "</row>",
            _formula_cell("B4", "A1", None)
            + _formula_cell("D4", 'HYPERLINK("x")', None)
            + "".join(
                f'<c r="{c}4" t="inlineStr"><is><t>{v}</t></is></c>'
                for c, v in zip("EFGH", ["Médicaments", "Oui", "Créer", "0"], strict=True)
            )
            + "</row>",
        )
    )
    # Row 5: formula-like text typed as text: stored as text, it is only data.
    body.append(
        _row(5, ["2025-03-03 09:15:00", "331234567", "", FORMULA_TEXTS[4], "Médicaments", "Non", "", "", ""])
    )
    path = write_raw_xlsx(tmp_path / "formules.xlsx", body)

    from ordnum_desktop.services.traces.importer import import_traces

    report = import_traces(ws, liberal_preserie_id, path)
    assert (report.read, report.accepted, report.rejected) == (4, 3, 1)
    assert {e.row for e in report.errors} == {4}
    assert any(e.column == "Identifiant PS" for e in report.errors)
    import sqlite3

    con = sqlite3.connect(ws.path)
    try:
        stored = con.execute("SELECT ps_identifier, prescription_id FROM trace_row ORDER BY ts").fetchall()
    finally:
        con.close()
    assert stored == [("331234567", "RX-1"), ("331234567", "RX-2"), ("331234567", FORMULA_TEXTS[4])]


def _formula_elements(xlsx: Path) -> list[str]:
    import re
    import zipfile

    found = []
    with zipfile.ZipFile(xlsx) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                found += [f"{name}: {m}" for m in re.findall(r"<f[ >].{0,60}", zf.read(name).decode())]
    return found


def test_exports_never_emit_a_formula_from_user_text(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from ordnum_desktop.services.bilan.workbook import write_bilan_workbook
    from ordnum_desktop.services.followup.anomalies import add_anomaly
    from ordnum_desktop.services.planning.export import export_planning
    from ordnum_desktop.services.roster.doctors import add_doctor
    from ordnum_desktop.services.roster.workbook import export_roster

    add_doctor(
        ws,
        liberal_preserie_id,
        last_name=FORMULA_TEXTS[0],
        first_name=FORMULA_TEXTS[1],
        am="331234567",
        email=FORMULA_TEXTS[3],
        centre_name=FORMULA_TEXTS[2],
    )
    add_anomaly(ws, liberal_preserie_id, "creer", FORMULA_TEXTS[4])
    outputs = [
        export_roster(ws, liberal_preserie_id, tmp_path / "effectif.xlsx"),
        write_bilan_workbook(ws, liberal_preserie_id, tmp_path / "bilan.xlsx"),
        *export_planning(ws, liberal_preserie_id, tmp_path / "planning"),
    ]
    for out in outputs:
        assert _formula_elements(out) == [], out.name
    texts = {c.value for sheet in load_workbook(outputs[0]).worksheets for r in sheet.iter_rows() for c in r}
    assert FORMULA_TEXTS[0] in texts and FORMULA_TEXTS[1] in texts  # kept as the text typed
    bilan_texts = {
        c.value for sheet in load_workbook(outputs[1]).worksheets for r in sheet.iter_rows() for c in r
    }
    assert FORMULA_TEXTS[4] in bilan_texts


def test_workspace_and_backups_are_private(ws: Workspace, liberal_preserie_id: int) -> None:
    import stat

    from ordnum_desktop.services.workspace.backup import backup_now

    assert stat.S_IMODE(ws.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_now(ws).stat().st_mode) == 0o600


def test_odd_file_names_are_printed_escaped_by_batches_and_audit(
    ws: Workspace, ws_path: Path, liberal_preserie_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ordnum_desktop.cli import main
    from ordnum_desktop.services.roster.doctors import add_doctor

    add_doctor(ws, liberal_preserie_id, last_name="Martin", am="331234567", equipped=True)
    ws.close()
    name = "a\nLot 99 : « faux », importé le 01-01-2025 00:00, actif.\x1b[31m.csv"
    traces = tmp_path / name
    traces.write_text(
        "Horodatage;Identifiant PS;Identifiant ordonnance;Type de prestation;Ordonnance numérique;"
        "Opération;Code retour\n2025-03-03 09:00;331234567;P1;Médicaments;Oui;Créer;0\n",
        encoding="utf-8",
    )
    assert main(["traces", "import", "--db", str(ws_path), str(traces)]) == 0
    capsys.readouterr()
    for command in (["traces", "batches"], ["audit"]):
        assert main([*command, "--db", str(ws_path)]) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and not any(line.startswith("Lot 99") for line in out.splitlines())
        assert "\\nLot 99" in out and "\\x1b[31m" in out
    assert main(["traces", "batches", "--db", str(ws_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["file_name"] == name  # stored as given


def test_absurd_dates_and_a_20_digit_return_code_are_row_errors(
    ws: Workspace, ws_path: Path, liberal_preserie_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ordnum_desktop.cli import main
    from ordnum_desktop.services.roster.doctors import add_doctor

    add_doctor(ws, liberal_preserie_id, last_name="Martin", am="331234567", equipped=True)
    ws.close()
    traces = tmp_path / "traces.csv"
    traces.write_text(
        "Horodatage;Identifiant PS;Identifiant ordonnance;Type de prestation;Ordonnance numérique;"
        "Opération;Code retour\n"
        "2025-03-03 09:00;331234567;P1;Médicaments;Oui;Créer;0\n"
        "9999-12-31 09:00;331234567;P2;Médicaments;Oui;Créer;0\n"
        "01/01/1850 09:00;331234567;P3;Médicaments;Oui;Créer;0\n"
        "2025-03-03 09:00;331234567;P4;Médicaments;Oui;Créer;12345678901234567890\n",
        encoding="utf-8",
    )
    assert main(["traces", "import", "--db", str(ws_path), str(traces)]) == 1
    out = capsys.readouterr().out
    assert "Ligne 3, colonne « Horodatage » : Date « 9999-12-31 09:00 » hors des années 2000 à 2100" in out
    assert "Ligne 4, colonne « Horodatage » : Date « 01/01/1850 09:00 » hors des années" in out
    assert "Ligne 5, colonne « Code retour » : Code retour « 12345678901234567890 » invalide" in out
    assert main(["bilan", "--db", str(ws_path), "--json"]) == 0
    xlsx = tmp_path / "bilan.xlsx"
    assert main(["bilan", "--db", str(ws_path), "--xlsx", str(xlsx)]) == 0 and xlsx.exists()


def test_the_cli_never_replaces_an_existing_export_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ordnum_desktop.cli import main

    out = tmp_path / "modèle.xlsx"
    out.write_bytes(b"answers the coordinator already collected")
    for command in (["satisfaction", "template", str(out)], ["traces", "template", str(out)]):
        assert main(command) != 0
        assert "existe déjà" in capsys.readouterr().err
        assert out.read_bytes() == b"answers the coordinator already collected"
    assert main(["traces", "template", str(out), "--force"]) == 0
    assert out.read_bytes().startswith(b"PK")


def test_legacy_absurd_dates_never_make_the_exports_overflow(
    ws: Workspace, ws_path: Path, liberal_preserie_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    from ordnum_desktop.cli import main
    from ordnum_desktop.services.roster.doctors import add_doctor

    add_doctor(ws, liberal_preserie_id, last_name="Martin", am="331234567", equipped=True)
    ws.close()
    traces = tmp_path / "traces.csv"
    lines = [f"2025-03-0{d} 09:00;331234567;P{d};Médicaments;Oui;Créer;0" for d in range(3, 6)]
    traces.write_text(
        "Horodatage;Identifiant PS;Identifiant ordonnance;Type de prestation;Ordonnance numérique;"
        "Opération;Code retour\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    assert main(["traces", "import", "--db", str(ws_path), str(traces)]) == 0
    with sqlite3.connect(ws_path) as conn:  # rows stored before the import checked the years
        conn.execute("UPDATE trace_row SET ts = '9999-12-31 09:00:00' WHERE prescription_id = 'P3'")
        conn.execute("UPDATE trace_row SET ts = '1850-06-01 09:00:00' WHERE prescription_id = 'P4'")
    conn.close()
    capsys.readouterr()
    started = time.monotonic()
    pdf, xlsx = tmp_path / "bilan.pdf", tmp_path / "bilan.xlsx"
    args = ["bilan", "--db", str(ws_path), "--pdf", str(pdf), "--xlsx", str(xlsx)]
    assert main(args) == 0
    assert time.monotonic() - started < 60 and pdf.stat().st_size < 5_000_000
    assert xlsx.stat().st_size < 5_000_000


def test_a_100k_column_header_prints_a_short_line(
    ws: Workspace, ws_path: Path, liberal_preserie_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ordnum_desktop.cli import main
    from ordnum_desktop.services.roster.doctors import add_doctor

    add_doctor(ws, liberal_preserie_id, last_name="Martin", am="331234567", equipped=True)
    ws.close()
    extra = ";".join(f"Colonne inutile {i}" for i in range(100_000))
    traces = tmp_path / "large.csv"
    traces.write_text(
        "Horodatage;Identifiant PS;Identifiant ordonnance;Type de prestation;Ordonnance numérique;"
        f"Opération;Code retour;{extra}\n2025-03-03 09:00;331234567;P1;Médicaments;Oui;Créer;0\n",
        encoding="utf-8",
    )
    main(["traces", "import", "--db", str(ws_path), str(traces)])
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) < 2_000
    assert "et 99990 autre(s)" in out
