"""RowError: the message written once, located by the front end, JSON as the spec says."""

from __future__ import annotations

import dataclasses

import pytest

from ordnum_desktop.domain.row_error import RowError


def test_located_names_the_row_and_the_column_once() -> None:
    e = RowError(17, "Horodatage", "Date illisible : « 32/13/2025 10:00 »")
    assert e.located() == "Ligne 17, colonne « Horodatage » : Date illisible : « 32/13/2025 10:00 »"
    assert e.located().count("Ligne") == 1 and e.located().count("17") == 1


def test_a_row_level_error_has_no_column() -> None:
    e = RowError(4, None, "Ligne illisible.")
    assert e.located() == "Ligne 4 : Ligne illisible."
    assert e.as_json() == {"row": 4, "column": "", "message": "Ligne illisible."}


def test_as_json_keeps_the_spec_contract() -> None:
    # shared/spec/traces-format.md, "Import report"
    e = RowError(17, "Horodatage", "Date illisible : « 32/13/2025 10:00 »")
    assert e.as_json() == {
        "row": 17,
        "column": "Horodatage",
        "message": "Date illisible : « 32/13/2025 10:00 »",
    }
    assert list(e.as_json()) == ["row", "column", "message"]


def test_row_errors_are_frozen_values() -> None:
    e = RowError(2, "Nom", "Le nom du médecin est vide : ligne ignorée.")
    assert e == RowError(2, "Nom", "Le nom du médecin est vide : ligne ignorée.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.row = 3  # type: ignore[misc]
