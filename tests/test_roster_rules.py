from __future__ import annotations

from dataclasses import replace

import pytest

from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.roster_rules import RosterDoctor, check_roster

REF = load_referentiel()
RPPS = [
    "10005173140",
    "10100997245",
    "10000000009",
    "00000000018",
    "00000000026",
    "00000000034",
    "00000000042",
]


def liberal(i: int, **kw: object) -> RosterDoctor:
    base = RosterDoctor(
        key=i,
        last_name=f"Nom{i}",
        first_name="Prénom",
        mode="liberal",
        am=f"3312345{i:02d}",
        structure="cabinet_groupe",
        equipped=True,
        compatibility_checked=True,
        consent=True,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def salaried(i: int, finess: str = "330000019", **kw: object) -> RosterDoctor:
    base = RosterDoctor(
        key=100 + i,
        last_name=f"Sal{i}",
        mode="salarie",
        rpps=RPPS[i],
        finess=finess,
        structure="centre_sante",
        equipped=True,
        compatibility_checked=True,
        consent=True,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def codes(findings: list) -> set[str]:
    return {f.code for f in findings}


def test_valid_liberal_roster_has_no_error() -> None:
    result = check_roster("liberal", False, ["33"], [liberal(i) for i in range(5)], REF)
    assert result.ok and result.errors == [] and result.warnings == []


@pytest.mark.parametrize("count,code", [(4, "too_few_ps"), (11, "too_many_ps")])
def test_liberal_counts(count: int, code: str) -> None:
    result = check_roster("liberal", False, ["33"], [liberal(i) for i in range(count)], REF)
    assert codes(result.errors) == {code}


def test_small_market_share_lowers_minimum_to_three() -> None:
    doctors = [liberal(i) for i in range(3)]
    assert check_roster("liberal", True, ["33"], doctors, REF).ok
    assert "too_few_ps" in codes(check_roster("liberal", False, ["33"], doctors, REF).errors)
    assert "too_few_ps" in codes(check_roster("liberal", True, ["33"], doctors[:2], REF).errors)


def test_mixte_counts_both_kinds_and_max_ten() -> None:
    doctors = [liberal(i) for i in range(3)] + [salaried(i) for i in range(2)]
    assert check_roster("mixte", False, ["33"], doctors, REF).ok
    more = doctors + [liberal(i) for i in range(10, 16)]
    assert codes(check_roster("mixte", False, ["33"], more, REF).errors) == {"too_many_ps"}


def test_centre_counts_equipped_doctors_and_centres() -> None:
    doctors = [salaried(i) for i in range(5)]
    assert check_roster("centre", False, ["33"], doctors, REF).ok
    doctors[0] = replace(doctors[0], equipped=False)
    assert codes(check_roster("centre", False, ["33"], doctors, REF).errors) == {"too_few_ps"}
    finesses = ["330000019", "330000027", "330000035", "330000043", "330000050", "330000068"]
    six_centres = [salaried(i, finess=f) for i, f in enumerate(finesses)]
    result = check_roster("centre", False, ["33"], six_centres, REF)
    assert "too_many_centres" in codes(result.errors)
    no_finess = [replace(d, finess="") for d in doctors]
    assert "too_few_centres" in codes(check_roster("centre", False, ["33"], no_finess, REF).errors)


def test_invalid_and_missing_identifiers() -> None:
    doctors = [liberal(i) for i in range(5)]
    doctors[0] = replace(doctors[0], am="12345")
    doctors[1] = replace(doctors[1], rpps="10005173141")
    result = check_roster("liberal", False, ["33"], doctors, REF)
    bad = [f for f in result.errors if f.code == "invalid_identifier"]
    assert {f.doctor for f in bad} == {0, 1}
    assert "Nom0" in bad[0].message and "N° AM" in bad[0].message
    sal = [salaried(i) for i in range(5)]
    sal[2] = replace(sal[2], rpps="")
    sal[3] = replace(sal[3], finess="330000018")
    result = check_roster("centre", False, ["33"], sal, REF)
    assert {(f.doctor, f.field) for f in result.errors} == {(102, "rpps"), (103, "finess")}


def test_duplicates_same_am_and_same_rpps_in_same_centre() -> None:
    doctors = [liberal(i) for i in range(5)] + [liberal(0, key=50)]
    result = check_roster("liberal", False, ["33"], doctors, REF)
    assert [f.doctor for f in result.errors if f.code == "duplicate_ps"] == [50]
    sal = [salaried(i) for i in range(5)] + [salaried(0, key=60)]
    other_centre = [salaried(i) for i in range(5)] + [salaried(0, key=61, finess="330000027")]
    assert "duplicate_ps" in codes(check_roster("centre", False, ["33"], sal, REF).errors)
    assert "duplicate_ps" not in codes(check_roster("centre", False, ["33"], other_centre, REF).errors)


@pytest.mark.parametrize(
    "selected,ok",
    [
        ([], False),
        (["33"], True),
        (["33", "62-artois", "94"], True),
        (["33", "62-artois", "94", "05"], False),
    ],
)
def test_cpam_count(selected: list[str], ok: bool) -> None:
    result = check_roster("liberal", False, selected, [liberal(i) for i in range(5)], REF)
    assert ("cpam_count" not in codes(result.errors)) is ok


def test_outside_zone_by_department_and_by_cpam_column() -> None:
    doctors = [liberal(i) for i in range(5)]
    doctors[0] = replace(doctors[0], am="941234567")
    doctors[1] = replace(doctors[1], cpam="62-artois")
    doctors[2] = replace(doctors[2], cpam="33")
    result = check_roster("liberal", False, ["33"], doctors, REF)
    outside = [f for f in result.errors if f.code == "ps_outside_zone"]
    assert [f.doctor for f in outside] == [0, 1]
    assert "94" in outside[0].message


def test_consent_compatibility_and_exercise() -> None:
    doctors = [liberal(i) for i in range(5)]
    doctors[0] = replace(doctors[0], consent=False)
    doctors[1] = replace(doctors[1], compatibility_checked=False)
    result = check_roster("liberal", False, ["33"], doctors + [salaried(0)], REF)
    assert codes(result.errors) == {"missing_consent", "compatibility_unchecked", "wrong_exercise"}
    centre = check_roster("centre", False, ["33"], [salaried(i) for i in range(5)] + [liberal(0)], REF)
    assert "wrong_exercise" in codes(centre.errors)


def test_group_practice_is_a_warning_for_liberal_and_mixte_only() -> None:
    individual = [liberal(i, structure="cabinet_individuel") for i in range(5)]
    result = check_roster("liberal", False, ["33"], individual, REF)
    assert result.ok and codes(result.warnings) == {"no_group_practice"}
    centre = check_roster("centre", False, ["33"], [salaried(i) for i in range(5)], REF)
    assert centre.warnings == []


def test_unknown_specialty_is_a_warning_not_an_error() -> None:
    doctors = [liberal(i) for i in range(5)]
    doctors[0] = replace(doctors[0], specialty="99 - Acupuncture")
    doctors[1] = replace(doctors[1], specialty="Spécialité médecine générale")
    result = check_roster("liberal", False, ["33"], doctors, REF)
    assert result.ok
    assert [(f.code, f.doctor) for f in result.warnings] == [("unknown_specialty", 0)]
    assert "« 99 - Acupuncture »" in result.warnings[0].message


@pytest.mark.parametrize("cpam", ["", "62", "062"])
def test_two_caisse_department_without_caisse_is_ambiguous(cpam: str) -> None:
    doctors = [liberal(i, am=f"6212345{i:02d}", cpam=cpam) for i in range(5)]
    result = check_roster("liberal", False, ["62-artois"], doctors, REF)
    ambiguous = [f for f in result.errors if f.code == "cpam_ambiguous"]
    assert len(ambiguous) == 5 and "ps_outside_zone" not in codes(result.errors)
    assert ambiguous[0].message.startswith(
        "Le département 62 compte deux caisses (CPAM de l'Artois, CPAM de la Côte d'Opale) : "
        "indiquez la CPAM de Nom0 Prénom"
    )
    assert "« 62 »" not in ambiguous[0].message or "62-artois" in ambiguous[0].message


def test_two_caisse_department_with_named_caisse_passes() -> None:
    doctors = [liberal(i, am=f"6212345{i:02d}", cpam="62-artois") for i in range(5)]
    assert check_roster("liberal", False, ["62-artois"], doctors, REF).ok
    calais = [liberal(i, am=f"6212345{i:02d}", cpam="CPAM de la Côte d'Opale") for i in range(5)]
    result = check_roster("liberal", False, ["62-artois"], calais, REF)
    assert codes(result.errors) == {"ps_outside_zone"}


def test_doctor_of_a_non_referent_department_is_told_so() -> None:
    doctors = [liberal(i) for i in range(4)] + [liberal(9, am="751234567")]
    result = check_roster("liberal", False, ["33", "38"], doctors, REF)
    outside = [f for f in result.errors if f.code == "ps_outside_zone"]
    assert len(outside) == 1
    message = outside[0].message
    assert "exerce dans le département 75" in message
    assert (
        "qui n'a pas de CPAM référente dans cette présérie : choisissez un médecin des départements 33, 38"
        in message
    )
    assert "ajoutez sa CPAM" not in message
