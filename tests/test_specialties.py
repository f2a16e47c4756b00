"""The specialty list of the référentiel is the médecin part of the official ANS table TRE_G100."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.paths import resources_dir
from tests.data.make_specialties import DOCTOR_CODES

SHIPPED = resources_dir() / "referentiel" / "TRE_G100-specialite-am.tsv"
# The table as handed over with the project, when the checkout sits beside it.
_ROOT = Path(__file__).resolve().parent.parent
_CANDIDATES = [
    p / "shared/data/specialite-am/TRE_G100-specialite-am.tsv" for p in (_ROOT.parent, _ROOT.parent.parent)
]
UPSTREAM = next((p for p in _CANDIDATES if p.exists()), _CANDIDATES[0])


def _table(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as f:
        return {row["code"]: row["libelle"] for row in csv.DictReader(f, delimiter="\t")}


def test_referentiel_lists_the_doctor_codes_of_the_table_with_their_labels() -> None:
    table = _table(SHIPPED)
    ref = load_referentiel()
    assert [(c.code, c.label) for c in ref.specialties] == [
        (code, label) for code, label in table.items() if code in DOCTOR_CODES
    ]


@pytest.mark.parametrize("code", ["22", "23", "47", "70"])
def test_codes_fixed_by_the_issue_match_the_table(code: str) -> None:
    choice = load_referentiel().specialty(code)
    assert choice is not None and choice.label == _table(SHIPPED)[code]


def test_other_professions_are_not_doctor_specialties() -> None:
    ref = load_referentiel()
    for code in ("19", "21", "24", "50", "86"):  # dentist, midwife, nurse, pharmacist, IPA
        assert ref.specialty(code) is None


def test_attribution_is_kept_with_the_data() -> None:
    source = load_referentiel().specialties_source
    for part in ("ANS", "TRE_G100", "1.2.250.1.71.1.2.38", "20241025", "Licence"):
        assert part in source


@pytest.mark.skipif(not UPSTREAM.exists(), reason="shared data not beside the checkout")
def test_shipped_table_is_the_upstream_one() -> None:
    assert SHIPPED.read_bytes() == UPSTREAM.read_bytes()
