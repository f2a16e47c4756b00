"""The versioned référentiel (thresholds, caisses, prestation types…) read from resources/."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ordnum_desktop.domain.text import fold
from ordnum_desktop.paths import resources_dir


@dataclass(frozen=True)
class Caisse:
    id: str
    department: str
    name: str
    city: str

    @property
    def label(self) -> str:
        return f"{self.department} — {self.name}"


@dataclass(frozen=True)
class Thresholds:
    doctor_rate: float
    registration_rate: float
    roster_min: int
    roster_min_small_market_share: int
    roster_max: int
    centres_min: int
    centres_max: int
    cpam_min: int
    cpam_max: int
    silent_days: int = 7  # an installed doctor with no trace for this many days is flagged
    # The seed's « quelques semaines » from the first e-prescriptions, as a number: closing a
    # bilan sooner asks for confirmation and is written on the PDF.
    minimum_weeks: int = 4


@dataclass(frozen=True)
class YearRange:
    """The years a date typed or imported may fall in: outside, it is a typing error (9999-12-31
    made every export overflow, 0001-01-01 took gigabytes: issue 12, item 7)."""

    first: int
    last: int

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.first <= year <= self.last


@dataclass(frozen=True)
class Choice:
    code: str
    label: str
    long_label: str = ""  # where a heading wants more than the label (exercise types)
    aliases: tuple[str, ...] = ()  # other spellings an export may use (excluded prestations)

    @property
    def long(self) -> str:
        return self.long_label or self.label


@dataclass(frozen=True)
class Referentiel:
    version: str
    label: str
    thresholds: Thresholds
    date_years: YearRange
    caisses: tuple[Caisse, ...]
    departments: dict[str, str]
    prestation_types: tuple[Choice, ...]
    # Prestations the présérie leaves out (the seed: imagerie, transports sanitaires): their rows
    # are set aside as « hors périmètre », neither stored nor rejected.
    excluded_prestation_types: tuple[Choice, ...]
    operations: tuple[Choice, ...]
    structures: tuple[Choice, ...]
    group_practice_structures: frozenset[str]
    specialties: tuple[Choice, ...]
    specialties_source: str  # the attribution of the ANS table the list comes from
    preserie_prerequisites: tuple[Choice, ...]
    # The words of the app's vocabulary (domain/vocabulary.py): one place to change a title.
    criteria: tuple[Choice, ...]
    decisions: tuple[Choice, ...]
    exercises: tuple[Choice, ...]
    modes: tuple[Choice, ...]
    statuses: tuple[Choice, ...]
    no_operation_label: str
    # The validation scope's sentences (domain/validation_scope.py fills them in) and the PS
    # category each exercise type names.
    validation_scope: dict[str, str] = field(default_factory=dict)
    ps_categories: dict[str, str] = field(default_factory=dict)

    def caisse(self, caisse_id: str) -> Caisse | None:
        return next((c for c in self.caisses if c.id == caisse_id), None)

    def find_caisse(self, text: str) -> Caisse | None:
        """A caisse from its id, its department (when that department has one caisse) or name."""
        key = fold(text)
        if not key:
            return None
        for c in self.caisses:
            if fold(c.id) == key or fold(c.name) == key or fold(c.city) == key:
                return c
        in_department = [c for c in self.caisses if fold(c.department) == key.zfill(2)]
        return in_department[0] if len(in_department) == 1 else None

    def caisses_of_department(self, department: str) -> list[Caisse]:
        return [c for c in self.caisses if c.department == department]

    @staticmethod
    def _match(choices: tuple[Choice, ...], text: object) -> Choice | None:
        key = fold(text)
        if not key:
            return None
        return next(
            (c for c in choices if key in (fold(c.code), fold(c.label), *(fold(a) for a in c.aliases))), None
        )

    def prestation(self, text: object) -> Choice | None:
        return self._match(self.prestation_types, text)

    def excluded_prestation(self, text: object) -> Choice | None:
        return self._match(self.excluded_prestation_types, text)

    def operation(self, text: object) -> Choice | None:
        return self._match(self.operations, text)

    def structure(self, text: object) -> Choice | None:
        return self._match(self.structures, text)

    def specialty(self, text: object) -> Choice | None:
        raw = str(text).strip()
        if raw.replace(".0", "").isdigit():
            raw = raw.replace(".0", "").zfill(2)
        return self._match(self.specialties, raw)

    def label_of(self, choices: tuple[Choice, ...], code: str) -> str:
        return next((c.label for c in choices if c.code == code), code)


def _choices(items: list[dict[str, str]]) -> tuple[Choice, ...]:
    return tuple(
        Choice(i["code"], i["label"], i.get("long_label", ""), tuple(i.get("aliases", ()))) for i in items
    )


def parse_referentiel(data: dict[str, Any]) -> Referentiel:
    return Referentiel(
        version=data["version"],
        label=data["label"],
        thresholds=Thresholds(**data["thresholds"]),
        date_years=YearRange(data["date_years"]["first"], data["date_years"]["last"]),
        caisses=tuple(Caisse(**c) for c in data["caisses"]),
        departments={d["code"]: d["name"] for d in data["departments"]},
        prestation_types=_choices(data["prestation_types"]),
        excluded_prestation_types=_choices(data.get("excluded_prestation_types", [])),
        operations=_choices(data["operations"]),
        structures=_choices(data["structures"]),
        group_practice_structures=frozenset(data["group_practice_structures"]),
        specialties=_choices(data["specialties"]),
        specialties_source=data.get("specialties_source", ""),
        preserie_prerequisites=_choices(data["preserie_prerequisites"]),
        criteria=_choices(data["criteria"]),
        decisions=_choices(data["decisions"]),
        exercises=_choices(data["exercises"]),
        modes=_choices(data["modes"]),
        statuses=_choices(data["statuses"]),
        no_operation_label=data["no_operation_label"],
        validation_scope={k: v for k, v in data.get("validation_scope", {}).items() if isinstance(v, str)},
        ps_categories=dict(data.get("validation_scope", {}).get("categories", {})),
    )


def referentiel_dir() -> Path:
    return resources_dir() / "referentiel"


def current_version() -> str:
    return (referentiel_dir() / "current.txt").read_text(encoding="utf-8").strip()


@cache
def load_referentiel(version: str | None = None) -> Referentiel:
    version = version or current_version()
    path = referentiel_dir() / f"{version}.json"
    return parse_referentiel(json.loads(path.read_text(encoding="utf-8")))
