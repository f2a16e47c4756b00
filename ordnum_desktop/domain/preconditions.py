"""The preconditions of the decision: what must hold, besides the five criteria, for a bilan to
say « Déploiement autorisé ».

- the roster rules (domain/roster_rules.py, sizes counted over the user doctors) — every error
  of the roster check, with its code (`too_few_ps`, `missing_consent`…);
- the three launch prerequisites done by the bilan's day (`launch_cnda`, `launch_support`,
  `launch_kit`), and a CNDA authorisation that has its reference.

A failed precondition is worded apart from a failed criterion: it says what to put right before
the decision can be taken, not what the présérie measured. Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ordnum_desktop.domain.followup_records import LaunchRecord
from ordnum_desktop.domain.fr_format import format_date

Json = dict[str, object]

LAUNCH_CODES = ("cnda", "support", "kit")  # the référentiel's preserie_prerequisites, in order


@dataclass(frozen=True)
class FailedPrecondition:
    code: str
    message: str

    def as_json(self) -> Json:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class Preconditions:
    failed: tuple[FailedPrecondition, ...] = ()

    @property
    def met(self) -> bool:
        return not self.failed

    @property
    def roster(self) -> tuple[FailedPrecondition, ...]:
        return tuple(f for f in self.failed if not f.code.startswith("launch_"))

    @property
    def launch(self) -> tuple[FailedPrecondition, ...]:
        return tuple(f for f in self.failed if f.code.startswith("launch_"))

    def as_json(self) -> Json:
        return {"met": self.met, "failed": [f.as_json() for f in self.failed]}


def launch_failures(
    launch: Iterable[LaunchRecord], cnda_reference: str, as_of: date
) -> list[FailedPrecondition]:
    """One failure per launch prerequisite not done by the end of `as_of` (a record missing from
    the workspace counts as not done)."""
    found = {r.code: r for r in launch}
    failed = []
    for code in LAUNCH_CODES:
        record = found.get(code)
        if record is None or record.done_date is None or record.done_date > as_of:
            label = record.label if record else code
            failed.append(
                FailedPrecondition(
                    f"launch_{code}",
                    f"Prérequis de lancement non rempli au {format_date(as_of)} : {label}. "
                    "Renseignez la date à laquelle il a été rempli.",
                )
            )
        elif code == "cnda" and not cnda_reference.strip():
            failed.append(
                FailedPrecondition(
                    "launch_cnda",
                    "La référence de l'autorisation CNDA n'est pas renseignée : saisissez-la dans "
                    "la fiche de la présérie.",
                )
            )
    return failed


def evaluate_preconditions(
    roster_errors: Iterable[tuple[str, str]],
    launch: Iterable[LaunchRecord],
    cnda_reference: str,
    as_of: date,
) -> Preconditions:
    """`roster_errors`: (code, message) of every error of the roster check, in its order."""
    failed = [FailedPrecondition(code, message) for code, message in roster_errors]
    failed += launch_failures(launch, cnda_reference, as_of)
    return Preconditions(tuple(failed))


__all__ = ["LAUNCH_CODES", "FailedPrecondition", "Preconditions", "evaluate_preconditions", "launch_failures"]
