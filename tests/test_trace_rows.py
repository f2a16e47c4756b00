"""Row rules of the traces format, cell by cell (pure functions, no file, no database)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.trace_rows import RowParser, match_header, parse_timestamp
from tests.trace_files import HEADER


def parse(rows: list[list[object]], header: list[object] = HEADER):
    parser = RowParser(match_header(header), load_referentiel())
    return parser.parse_chunk(rows, 2)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2025, 3, 1, 10, 0, 0), "2025-03-01 10:00:00"),
        (datetime(2025, 3, 1, 9, 59, 59, 999998), "2025-03-01 10:00:00"),  # Excel float rounding
        (datetime(2025, 3, 1, 10, 0, 0, 1), "2025-03-01 10:00:00"),
        (date(2025, 3, 1), "2025-03-01 00:00:00"),  # calamine: a date-time at midnight is a date
        (45717.5, "2025-03-01 12:00:00"),  # an Excel serial in a number cell
        ("2025-03-01 10:05", "2025-03-01 10:05:00"),
        ("2025-03-01 10:05:07", "2025-03-01 10:05:07"),
        ("2025-03-01T10:05:07", "2025-03-01 10:05:07"),
        (" 01/03/2025 10:05 ", "2025-03-01 10:05:00"),
        ("1/3/2025 8:05:09", "2025-03-01 08:05:09"),
        ("32/13/2025 10:00", None),
        ("2025-02-30 10:00", None),
        ("demain", None),
        (-3.0, None),
        (True, None),
    ],
)
def test_timestamps(value: object, expected: str | None) -> None:
    assert parse_timestamp(value) == expected


def test_header_ignores_case_accents_spacing_and_order_and_reports_extras() -> None:
    m = match_header(
        [
            "  code_RETOUR ",
            "operation",
            "IDENTIFIANT-PS",
            "horodatage",
            "Commentaire",
            "type de prestation",
            "ordonnance numerique",
            "Identifiant  ordonnance",
            "",
        ]
    )
    assert m.missing == []
    assert m.positions["ts"] == 3 and m.positions["return_code"] == 0 and m.positions["ps"] == 2
    assert m.ignored == ["Commentaire"]


def test_header_names_every_missing_required_column() -> None:
    m = match_header(["Horodatage", "Identifiant PS"])
    assert m.missing == ["Identifiant ordonnance", "Type de prestation", "Ordonnance numérique"]


def test_a_valid_row_of_typed_cells_is_normalised() -> None:
    good, errors, read, rejected = parse(
        [
            [
                datetime(2025, 3, 1, 10, 0),
                31234567.0,
                10003820.0,
                12345.0,
                "médicaments",
                "O",
                "CRÉER",
                0.0,
                "EP-1",
            ],
        ]
    )
    assert (errors, read, rejected) == ([], 1, 0)
    # N° AM padded to 9 digits, FINESS to 9, numeric ordonnance id without ".0", code as int.
    assert good == [
        ("2025-03-01 10:00:00", "031234567", "010003820", "12345", "medicaments", 1, "creer", 0, "EP-1")
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Oui", 1),
        ("oui", 1),
        ("O", 1),
        ("1", 1),
        (1.0, 1),
        ("vrai", 1),
        ("TRUE", 1),
        ("Non", 0),
        ("n", 0),
        ("0", 0),
        (0.0, 0),
        ("faux", 0),
        ("false", 0),
    ],
)
def test_yes_no_variants(raw: object, expected: int) -> None:
    good, errors, _, _ = parse([["2025-03-01 10:00", "331234567", "", "A", "Biologie", raw, "", "", ""]])
    assert errors == [] and good[0][5] == expected


def test_identifiers_rpps_restored_to_eleven_digits() -> None:
    good, _, _, _ = parse(
        [
            ["2025-03-01 10:00", 1005173140.0, "", "A", "Biologie", "Oui", "", "", ""],
            ["2025-03-01 10:00", "10005173140", "", "B", "Biologie", "Oui", "", "", ""],
        ]
    )
    assert [g[1] for g in good] == ["01005173140", "10005173140"]


def test_row_without_operation_has_empty_operation_and_null_code() -> None:
    good, _, _, _ = parse([["2025-03-01 10:00", "331234567", "", "A", "Biologie", "Non", "", "", ""]])
    assert good[0][6:8] == ("", None)


def test_each_broken_rule_is_reported_with_row_column_and_french_message() -> None:
    rows: list[list[object]] = [
        ["32/13/2025 10:00", "331234567", "", "A", "Biologie", "Oui", "", "", ""],  # row 2
        ["2025-03-01 10:00", "", "", "A", "Biologie", "Oui", "", "", ""],  # row 3
        ["2025-03-01 10:00", "12AB", "", "A", "Biologie", "Oui", "", "", ""],  # row 4
        ["2025-03-01 10:00", "331234567", "", "", "Biologie", "Oui", "", "", ""],  # row 5
        ["2025-03-01 10:00", "331234567", "", "A", "Radiologie", "Oui", "", "", ""],  # row 6
        ["2025-03-01 10:00", "331234567", "", "A", "Biologie", "peut-être", "", "", ""],  # row 7
        ["2025-03-01 10:00", "331234567", "", "A", "Biologie", "Oui", "Supprimer", "0", ""],  # row 8
        ["2025-03-01 10:00", "331234567", "", "A", "Biologie", "Oui", "Créer", "0,5", ""],  # row 9
        ["2025-03-01 10:00", "331234567", "", "A", "Biologie", "Oui", "Créer", "", ""],  # row 10
        ["2025-03-01 10:00", "331234567", "", "A", "Biologie", "Oui", "Créer", "-3", ""],  # row 11: ok
    ]
    good, errors, read, rejected = parse(rows)
    assert (read, rejected, len(good)) == (10, 9, 1)
    by_row = {(e.row, e.column): e.message for e in errors}
    assert by_row[(2, "Horodatage")] == (
        "Date illisible : « 32/13/2025 10:00 » (attendu : AAAA-MM-JJ HH:MM ou JJ/MM/AAAA HH:MM)."
    )
    assert "Valeur manquante" in by_row[(3, "Identifiant PS")]
    assert "invalide" in by_row[(4, "Identifiant PS")]
    assert "Valeur manquante" in by_row[(5, "Identifiant ordonnance")]
    assert "Type de prestation « Radiologie » inconnu" in by_row[(6, "Type de prestation")]
    assert "Oui ou Non" in by_row[(7, "Ordonnance numérique")]
    assert "Opération inconnue : « Supprimer »" in by_row[(8, "Opération")]
    assert "nombre entier" in by_row[(9, "Code retour")]
    assert "Code retour manquant" in by_row[(10, "Code retour")]
    assert good[0][7] == -3


def test_blank_rows_are_skipped_and_not_read() -> None:
    good, errors, read, rejected = parse(
        [
            ["", "", "", "", "", "", "", "", ""],
            [None, " ", None, "", "", "", "", "", ""],
            ["2025-03-01 10:00", "331234567", "", "A", "Biologie", "Oui"],  # short row: optional cells empty
        ]
    )
    assert (len(good), errors, read, rejected) == (1, [], 1, 0)


def test_a_code_without_operation_is_kept() -> None:
    # The spec lists no rule against it; the code is stored, the row counts as no operation.
    good, errors, _, _ = parse([["2025-03-01 10:00", "331234567", "", "A", "Biologie", "Oui", "", "0", ""]])
    assert errors == [] and good[0][6:8] == ("", 0)


@pytest.mark.parametrize(
    "cell",
    [
        datetime(2025, 3, 1, 0, 0, 0),
        datetime(2025, 3, 1, 23, 59, 59, 999_998),  # rounded to the next day
        datetime(2025, 12, 31, 23, 59, 59, 500_000),  # … and to the next year
        datetime(2025, 3, 1, 9, 5, 7, 499_999),
        datetime(2026, 1, 9, 13, 0, 59, 1),
    ],
)
def test_date_time_cells_read_as_the_nearest_second_in_iso_text(cell: datetime) -> None:
    """The row loop writes a date-time cell's text from tables: the same text as isoformat."""
    rounded = cell + timedelta(seconds=1) if cell.microsecond >= 500_000 else cell
    row: list[object] = [cell, "331234567", "", "RX1", "Médicaments", "Oui", "", "", ""]
    good, errors, _read, _rejected = parse([row, row[:]])
    assert not errors
    assert [g[0] for g in good] == [rounded.isoformat(" ", "seconds")] * 2


def test_the_last_second_there_is_is_a_row_error_not_a_crash() -> None:
    """9999-12-31 23:59:59.7 rounds to a second that does not exist: the row is refused like any
    date outside the référentiel's years, with its row and column."""
    last = datetime(9999, 12, 31, 23, 59, 59, 700_000)
    assert parse_timestamp(last) is None
    good, errors, read, rejected = parse([[last, "331234567", "", "A", "Biologie", "Oui", "Créer", "0", ""]])
    assert (read, rejected, good) == (1, 1, [])
    assert [(e.row, e.column) for e in errors] == [(2, "Horodatage")]
    assert "9999" in errors[0].message
