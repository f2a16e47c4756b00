"""One name order everywhere: « Nom Prénom », from domain/names.py."""

from __future__ import annotations

from ordnum_desktop.domain.names import person_name
from ordnum_desktop.domain.roster_rows import roster_doctor
from ordnum_desktop.domain.roster_rules import RosterDoctor
from ordnum_desktop.services.roster.doctors import doctor_name
from ordnum_desktop.store.models import Doctor


def test_family_name_first_as_typed() -> None:
    assert person_name(" Lefèvre ", "Anne") == "Lefèvre Anne"
    assert person_name("Lefèvre") == "Lefèvre"


def test_roster_check_and_tables_use_the_same_order() -> None:
    doctor = Doctor(preserie_id=1, last_name="Lefèvre", first_name="Anne", mode="liberal", am="331234567")
    assert doctor_name(doctor) == roster_doctor(doctor).name == "Lefèvre Anne"
    assert RosterDoctor(key=1, last_name="", first_name="").name == "(sans nom)"
