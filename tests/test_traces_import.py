"""Importing traces files: counts of the report, one transaction, refusals that change nothing."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.traces.importer import (
    ImportCancelled,
    import_traces,
    list_batches,
    preview_traces,
)
from ordnum_desktop.services.traces.template import write_traces_template
from ordnum_desktop.services.workspace.session import Workspace

# On a SQLite file and on a PostgreSQL server alike (issue 15); tests that take `ws_path` stay
# on the file.
pytestmark = pytest.mark.both_engines

HEADER = [
    "Horodatage",
    "Identifiant PS",
    "Identifiant ordonnance",
    "Type de prestation",
    "Ordonnance numérique",
    "Opération",
    "Code retour",
]


def write_csv(
    path: Path, rows: list[list[str]], header: list[str] = HEADER, sep: str = ";", bom: bool = False
) -> Path:
    text = "\n".join(sep.join(r) for r in [header, *rows]) + "\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def write_xlsx(
    path: Path,
    rows: list[list[object]],
    header: list[str] = HEADER,
    sheet: str = "Traces",
    first_sheet: str | None = None,
) -> Path:
    wb = Workbook()
    ws = wb.active
    if first_sheet:
        ws.title = first_sheet
        ws.append(["Notes de l'éditeur"])
        ws = wb.create_sheet(sheet)
    else:
        ws.title = sheet
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count_rows(ws: Workspace) -> int:
    with ws.session() as s:
        return int(s.connection().exec_driver_sql("SELECT count(*) FROM trace_row").scalar_one())


ROWS = [
    ["2025-03-03 09:00", "331234567", "RX1", "Médicaments", "Oui", "", ""],
    ["2025-03-03 09:00", "331234567", "RX1", "Médicaments", "Oui", "Créer", "0"],
    ["2025-03-03 09:00", "331234567", "RX1", "Médicaments", "Oui", "Créer", "0"],  # same file duplicate
    ["2025-03-03 09:05", "331234567", "RX2", "Biologie", "Non", "", ""],
    ["2025-03-03 09:10", "339999999", "RX3", "Biologie", "Oui", "", ""],  # unknown PS
    ["2025-03-03 09:15", "331234567", "RX4", "Radiologie", "Oui", "", ""],  # rejected
]


UNKNOWN_RADIOLOGIE = (
    "Type de prestation « Radiologie » inconnu (attendu : Médicaments, Dispositifs médicaux, Biologie, "
    "Actes infirmiers, Kinésithérapie, Orthophonie, Orthoptie, Pédicurie)."
)


def test_report_counts_follow_the_spec(ws: Workspace, roster: int, tmp_path: Path) -> None:
    report = import_traces(ws, roster, write_csv(tmp_path / "mars.csv", ROWS))
    assert report.as_json() == {
        "file": "mars.csv",
        "read": 6,
        "accepted": 4,
        "duplicates": 1,
        "rejected": 1,
        "unmatched": 1,
        "ignored_columns": [],
        "out_of_scope": 0,
        "encoding": "UTF-8",
        "errors": [{"row": 7, "column": "Type de prestation", "message": UNKNOWN_RADIOLOGIE}],
        "error_groups": [
            {"column": "Type de prestation", "message": UNKNOWN_RADIOLOGIE, "count": 1, "rows": [7]}
        ],
    }
    assert count_rows(ws) == 4
    [batch] = list_batches(ws, roster)
    assert (
        batch.file_name,
        batch.read,
        batch.accepted,
        batch.duplicates,
        batch.rejected,
        batch.unmatched,
    ) == ("mars.csv", 6, 4, 1, 1, 1)
    assert batch.file_hash == sha(tmp_path / "mars.csv")


def test_reimporting_the_same_file_stores_nothing_more(ws: Workspace, roster: int, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "mars.csv", ROWS)
    import_traces(ws, roster, path)
    again = import_traces(ws, roster, path)
    assert (again.read, again.accepted, again.duplicates, again.rejected, again.unmatched) == (6, 0, 5, 1, 0)
    assert count_rows(ws) == 4


def test_overlapping_exports_count_the_overlap_as_duplicates(
    ws: Workspace, roster: int, tmp_path: Path
) -> None:
    import_traces(ws, roster, write_csv(tmp_path / "a.csv", ROWS[:4]))
    report = import_traces(ws, roster, write_csv(tmp_path / "b.csv", ROWS[2:5]))
    assert (report.read, report.accepted, report.duplicates) == (3, 1, 2)
    assert count_rows(ws) == 4


def test_duplicate_key_ignores_other_columns_but_not_the_code(
    ws: Workspace, roster: int, tmp_path: Path
) -> None:
    rows = [
        ["2025-03-03 09:00", "331234567", "RX1", "Médicaments", "Oui", "Créer", "503"],
        ["2025-03-03 09:00", "331234567", "RX1", "Biologie", "Non", "Créer", "503"],  # same key
        ["2025-03-03 09:00", "331234567", "RX1", "Médicaments", "Oui", "Créer", "0"],  # other code
        ["2025-03-03 09:00", "331234567", "RX1", "Médicaments", "Oui", "", ""],
        ["2025-03-03 09:00", "331234567", "RX1", "Médicaments", "Non", "", ""],  # same key (no code)
    ]
    report = import_traces(ws, roster, write_csv(tmp_path / "a.csv", rows))
    assert (report.accepted, report.duplicates) == (3, 2)


def test_xlsx_typed_cells_sheet_named_traces_and_extra_columns(
    ws: Workspace, roster: int, tmp_path: Path
) -> None:
    header = [
        "identifiant ps",
        "HORODATAGE",
        "Commentaire",
        "Identifiant ordonnance",
        "Type de prestation",
        "Ordonnance numerique",
        "Operation",
        "Code retour",
    ]
    rows: list[list[object]] = [
        [331234567, datetime(2025, 3, 3, 9, 0), "x", 1001, "Médicaments", "Oui", "Créer", 0],
        [331234567, datetime(2025, 3, 4, 0, 0), "", "1002", "Biologie", "Non", None, None],  # midnight
        [31234567, "04/03/2025 10:00", "", "1003", "biologie", "N", None, None],  # lost zero: 031234567
        [10005173140, "2025-03-04T11:00:00", "", "1004", "Biologie", "1", "Consulter", 0],
        [None, None, None, None, None, None, None, None],  # blank row
        [331234567, 45720.5, "", "1005", "Médicaments", "Oui", "Rechercher", 1],  # Excel serial
    ]
    path = write_xlsx(tmp_path / "export.xlsx", rows, header, first_sheet="Lisez-moi")
    report = import_traces(ws, roster, path)
    assert (report.read, report.accepted, report.rejected, report.unmatched) == (5, 5, 0, 2)
    assert report.ignored_columns == ["Commentaire"]
    with ws.session() as s:
        stored = (
            s.connection()
            .exec_driver_sql(
                "SELECT ts, ps_identifier, prescription_id, prestation, digital, operation, return_code "
                "FROM trace_row ORDER BY prescription_id"
            )
            .all()
        )
    assert [tuple(r) for r in stored] == [
        ("2025-03-03 09:00:00", "331234567", "1001", "medicaments", 1, "creer", 0),
        ("2025-03-04 00:00:00", "331234567", "1002", "biologie", 0, "", None),
        ("2025-03-04 10:00:00", "031234567", "1003", "biologie", 0, "", None),
        ("2025-03-04 11:00:00", "10005173140", "1004", "biologie", 1, "consulter", 0),
        ("2025-03-04 12:00:00", "331234567", "1005", "medicaments", 1, "rechercher", 1),
    ]


def test_csv_with_bom_and_comma_separator(ws: Workspace, roster: int, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", ROWS[:2], sep=",", bom=True)
    report = import_traces(ws, roster, path)
    assert (report.read, report.accepted, report.ignored_columns) == (2, 2, [])


def test_the_template_is_read_back_with_every_column(tmp_path: Path) -> None:
    path = write_traces_template(tmp_path / "modele.xlsx")
    preview = preview_traces(path)
    assert preview.missing == [] and preview.ignored_columns == []
    assert preview.header[:2] == ["Horodatage", "Identifiant PS"]


def test_unmatched_follows_the_exercise_situation(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    # The RPPS rows of a libéral doctor are another activity: unmatched.
    add_doctor(ws, liberal_preserie_id, last_name="Durand", am="331234567", rpps="10005173140", equipped=True)
    rows = [
        ["2025-03-03 09:00", "10005173140", "R1", "Biologie", "Oui", "", ""],
        ["2025-03-03 09:00", "331234567", "R2", "Biologie", "Oui", "", ""],
    ]
    report = import_traces(ws, liberal_preserie_id, write_csv(tmp_path / "a.csv", rows))
    assert report.unmatched == 1


def test_progress_is_reported_and_cancel_stores_nothing(
    ws: Workspace, roster: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ordnum_desktop.services.traces.importer.CHUNK_ROWS", 10)
    rows = [[f"2025-03-03 09:{m:02d}", "331234567", f"RX{m}", "Biologie", "Oui", "", ""] for m in range(35)]
    path = write_csv(tmp_path / "a.csv", rows)
    seen: list[tuple[int, int]] = []
    report = import_traces(ws, roster, path, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(10, 35), (20, 35), (30, 35), (35, 35)] and report.accepted == 35

    path2 = write_csv(tmp_path / "b.csv", [[r[0].replace("03-03", "03-04"), *r[1:]] for r in rows])
    batches_before = len(list_batches(ws, roster))
    with pytest.raises(ImportCancelled):
        import_traces(ws, roster, path2, cancel=lambda: True)
    assert count_rows(ws) == 35
    assert len(list_batches(ws, roster)) == batches_before


def put(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    return path


def _entity_bomb(path: Path, tmp_path: Path) -> Path:
    plain = write_xlsx(
        tmp_path / "plain.xlsx", [["2025-03-03 09:00", "331234567", "RX1", "Biologie", "Oui", "", ""]]
    )
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                start = text.index("<worksheet")
                text = (text[:start] + f"<!DOCTYPE worksheet [{entities}]>" + text[start:]).replace(
                    "RX1", "&a9;"
                )
                data = text.encode()
            zout.writestr(item, data)
    return path


@pytest.mark.parametrize(
    "case",
    [
        "missing_column",
        "not_a_workbook",
        "empty",
        "header_only",
        "not_utf8",
        "zip_bomb",
        "entity_bomb",
        "binary_csv",
        "absent",
    ],
)
def test_refused_files_leave_the_workspace_byte_for_byte_unchanged(
    ws: Workspace, roster: int, tmp_path: Path, ws_path: Path, case: str
) -> None:
    import_traces(ws, roster, write_csv(tmp_path / "first.csv", ROWS[:2]))
    before = sha(ws_path)
    files = {
        "missing_column": lambda: write_csv(tmp_path / "f.csv", [r[:-2] for r in ROWS], HEADER[:-3]),
        "not_a_workbook": lambda: put(tmp_path / "f.xlsx", b"%PDF-1.4 not a workbook"),
        "empty": lambda: put(tmp_path / "f.csv", b""),
        "header_only": lambda: write_csv(tmp_path / "f.csv", []),
        "not_utf8": lambda: put(
            tmp_path / "f.csv",
            # \x81 is neither UTF-8 nor Windows-1252 (a Windows-1252 file is read: issue 13)
            (";".join(HEADER) + "\n2025-03-03 09:00;331234567;RX9;M\xe9dicaments\x81;Oui;;\n").encode(
                "latin-1"
            ),
        ),
        "zip_bomb": lambda: _zip_bomb(tmp_path / "f.xlsx"),
        "entity_bomb": lambda: _entity_bomb(tmp_path / "f.xlsx", tmp_path),
        "binary_csv": lambda: put(tmp_path / "f.csv", b"\x00\x01\x02" * 100),
        "absent": lambda: tmp_path / "nowhere.xlsx",
    }
    path = files[case]()
    with pytest.raises(UserError) as err:
        import_traces(ws, roster, path)
    message = str(err.value)
    assert path.name in message and "\n" not in message
    assert sha(ws_path) == before
    assert len(list_batches(ws, roster)) == 1


def test_a_failure_midway_rolls_back_the_whole_file(
    ws: Workspace, roster: int, tmp_path: Path, ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ordnum_desktop.services.traces.importer.CHUNK_ROWS", 2)
    good = [[f"2025-03-03 09:{m:02d}", "331234567", f"RX{m}", "Biologie", "Oui", "", ""] for m in range(6)]
    body = (";".join(HEADER) + "\n" + "\n".join(";".join(r) for r in good) + "\n").encode()
    path = tmp_path / "late.csv"
    path.write_bytes(body + b"2025-03-03 10:00;331234567;RX\xff;Biologie;Oui;;\n")  # bad byte at the end
    before = sha(ws_path)
    with pytest.raises(UserError, match="UTF-8"):
        import_traces(ws, roster, path)
    assert count_rows(ws) == 0 and sha(ws_path) == before


def test_unknown_preserie_is_refused(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Aucune présérie n° 42"):
        import_traces(ws, 42, write_csv(tmp_path / "a.csv", ROWS[:1]))


def test_rows_one_second_apart_are_distinct_events(ws: Workspace, roster: int, tmp_path: Path) -> None:
    # Two rows identical except for the time: distinct events, both stored.
    rows = [
        ["2025-03-03 09:00:00", "331234567", "RX1", "Biologie", "Oui", "Créer", "0"],
        ["2025-03-03 09:00:01", "331234567", "RX1", "Biologie", "Oui", "Créer", "0"],
    ]
    report = import_traces(ws, roster, write_csv(tmp_path / "a.csv", rows))
    assert (report.accepted, report.duplicates) == (2, 0)


def test_rows_split_over_several_statements(
    ws: Workspace, roster: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 4 rows per statement: the 6 rows of the file need a full statement and a shorter one.
    monkeypatch.setattr("ordnum_desktop.store.sqlite_trace_writer.ROWS_PER_STATEMENT", 4)
    report = import_traces(ws, roster, write_csv(tmp_path / "mars.csv", ROWS))
    assert (report.read, report.accepted, report.duplicates, report.rejected, report.unmatched) == (
        6,
        4,
        1,
        1,
        1,
    )
    with ws.session() as s:
        stored = (
            s.connection()
            .exec_driver_sql("SELECT ts, digital, operation, return_code FROM trace_row ORDER BY id")
            .all()
        )
    assert [tuple(r) for r in stored] == [
        ("2025-03-03 09:00:00", 1, "", None),
        ("2025-03-03 09:00:00", 1, "creer", 0),
        ("2025-03-03 09:05:00", 0, "", None),
        ("2025-03-03 09:10:00", 1, "", None),
    ]


def test_stored_values_keep_their_types(ws: Workspace, roster: int, tmp_path: Path, ws_path: Path) -> None:
    """SQLite's dynamic typing (a server's columns are typed by the schema)."""
    rows = [["2025-03-03 09:00", "331234567", 'RX « 1 » \\ "é"', "Biologie", "Oui", "Créer", "-12"]]
    import_traces(ws, roster, write_csv(tmp_path / "a.csv", rows))
    with ws.session() as s:
        row = (
            s.connection()
            .exec_driver_sql(
                "SELECT prescription_id, typeof(digital), return_code, typeof(return_code), typeof(ts) "
                "FROM trace_row"
            )
            .one()
        )
    assert tuple(row) == ('RX « 1 » \\ "é"', "integer", -12, "integer", "text")


def test_csv_with_an_overlong_value_is_refused_with_its_line(
    ws: Workspace, roster: int, tmp_path: Path, ws_path: Path
) -> None:
    lines = [
        ["2025-03-03 09:00", "331234567", "RX1", "Biologie", "Oui", "", ""],
        ["2025-03-03 09:01", "331234567", '"' + "x" * 70_000 + '"', "Biologie", "Oui", "", ""],
    ]
    before = sha(ws_path)
    with pytest.raises(UserError, match="illisible à la ligne 3 : guillemets non refermés ou valeur"):
        import_traces(ws, roster, write_csv(tmp_path / "long.csv", lines))
    assert sha(ws_path) == before


@pytest.mark.parametrize("threaded", [True, False])
def test_with_or_without_the_writer_thread_the_same_rows_are_stored(
    ws: Workspace, roster: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threaded: bool
) -> None:
    """SQLite's writer runs its statements on a thread of its own only when a core is free
    (store/sqlite_trace_writer.py: spare_core); either way, over several chunks, the same
    counts and the same rows."""
    from ordnum_desktop.store import sqlite_trace_writer

    monkeypatch.setattr(sqlite_trace_writer, "spare_core", lambda: threaded)
    start = datetime(2025, 3, 3, 8, 0)
    rows = [
        [str(start + timedelta(seconds=n)), "331234567", f"RX{n % 7_000}", "Médicaments", "Oui", "Créer", "0"]
        for n in range(25_000)
    ]
    rows.append(["2025-03-03 09:00:00", "12AB", "RX1", "Médicaments", "Oui", "", ""])
    report = import_traces(ws, roster, write_csv(tmp_path / "t.csv", rows))
    assert (report.read, report.accepted, report.duplicates, report.rejected) == (25_001, 25_000, 0, 1)
    assert count_rows(ws) == 25_000
    again = import_traces(ws, roster, write_csv(tmp_path / "t2.csv", rows[:12_000]))
    assert (again.accepted, again.duplicates) == (0, 12_000)
    assert count_rows(ws) == 25_000
