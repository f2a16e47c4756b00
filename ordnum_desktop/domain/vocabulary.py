"""The app's vocabulary: the codes stored and written in JSON, as `StrEnum`s, and their French
words, read from the référentiel data (resources/referentiel/): one place to change a word.

A member compares equal to its code (`Criterion.OPERATIONS == "operations"`), so stored values
and the JSON contract stay plain strings."""

from __future__ import annotations

from enum import StrEnum

from ordnum_desktop.domain.referentiel import Choice, Referentiel, load_referentiel


def _choice(choices: tuple[Choice, ...], code: str) -> Choice:
    found = next((c for c in choices if c.code == code), None)
    if found is None:  # the référentiel file and the enum went out of step: a packaging error
        raise LookupError(f"{code!r} is missing from the référentiel's vocabulary")
    return found


def _ref() -> Referentiel:
    return load_referentiel()


class Criterion(StrEnum):
    """The five validation criteria of the bilan, in the référentiel's order."""

    DOCTOR_RATE = "doctor_rate"
    REGISTRATION = "registration"
    OPERATIONS = "operations"
    PREREQUISITES = "prerequisites"
    SATISFACTION = "satisfaction"

    @property
    def number(self) -> int:
        return list(Criterion).index(self) + 1

    @property
    def label(self) -> str:
        return _choice(_ref().criteria, self.value).label

    @property
    def numbered(self) -> str:
        """« 3. Absence d'anomalie empêchant l'utilisation nominale… » (the seed's wording): the
        title on the card, in the CLI and the PDF."""
        return f"{self.number}. {self.label}"


class Operation(StrEnum):
    """The three services of the Ordonnance numérique counted by criterion 3."""

    CREER = "creer"
    CONSULTER = "consulter"
    RECHERCHER = "rechercher"

    @property
    def label(self) -> str:
        return _choice(_ref().operations, self.value).label


def operation_label(code: str) -> str:
    """The label of a stored operation code; '' (an anomaly outside the three services) reads
    as the référentiel's word for it."""
    if code in set(Operation):
        return Operation(code).label
    return _ref().no_operation_label if not code else code


class Decision(StrEnum):
    DEPLOY = "deploy"
    EXTEND = "extend"

    @property
    def label(self) -> str:
        return _choice(_ref().decisions, self.value).label


class Exercise(StrEnum):
    """The présérie's exercise type."""

    LIBERAL = "liberal"
    CENTRE = "centre"
    MIXTE = "mixte"

    @property
    def label(self) -> str:
        return _choice(_ref().exercises, self.value).label

    @property
    def long_label(self) -> str:
        return _choice(_ref().exercises, self.value).long


def exercise_title(code: str) -> str:
    """« Mixte (libéraux et centres de santé) » for a stored exercise code; an unknown code as is."""
    return Exercise(code).long_label if code in set(Exercise) else code


class Mode(StrEnum):
    """A doctor's exercise situation."""

    LIBERAL = "liberal"
    SALARIE = "salarie"

    @property
    def label(self) -> str:
        return _choice(_ref().modes, self.value).label


class PreserieStatus(StrEnum):
    PREPARATION = "preparation"
    LANCEE = "lancee"
    EN_COURS = "en_cours"
    BILAN = "bilan"
    VALIDEE = "validee"
    PROLONGEE = "prolongee"
    GENERALISATION = "generalisation"  # the Assurance Maladie announced the generalisation

    @property
    def label(self) -> str:
        return _choice(_ref().statuses, self.value).label


def labels(members: type[Exercise] | type[Mode] | type[PreserieStatus] | type[Operation]) -> dict[str, str]:
    """{code: label} in declaration order, for combo boxes and lookups of stored codes."""
    return {m.value: m.label for m in members}


__all__ = [
    "Criterion",
    "Decision",
    "Exercise",
    "Mode",
    "Operation",
    "PreserieStatus",
    "exercise_title",
    "labels",
    "operation_label",
]
