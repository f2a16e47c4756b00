"""A closed bilan read back from its figures, and the comparison of a later bilan with it.

A closed bilan keeps its figures as the bilan JSON (services/bilan/closing.py). `ClosedFigures`
reads back what the history view and the comparison need, from that JSON only: nothing is
recomputed from the traces, so the comparison shows what the previous meeting saw.
`compare(previous, current)` lines the two up per criterion and per doctor with the change; the
Bilan tab and the PDF of the later bilan both present this one result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ordnum_desktop.domain.bilan_rules import Bilan
from ordnum_desktop.domain.vocabulary import Criterion, Decision, Operation


def _float(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) else None


def _int(value: Any) -> int:
    return int(value) if isinstance(value, (int, float)) else 0


@dataclass(frozen=True)
class DoctorFigure:
    identifier: str
    name: str
    prescriptions: int
    digital: int
    rate: float | None
    met: bool


@dataclass(frozen=True)
class CriterionFigure:
    """One criterion's state and its headline figure (a fraction for criteria 1 and 2 — the lowest
    doctor rate, the registration rate —, a count for 3 and 5, None for 4)."""

    key: Criterion
    met: bool
    value: float | None
    detail: str  # « 280 / 300 », « 3 / 3 opérations réussies »…


@dataclass(frozen=True)
class ClosedFigures:
    number: int
    as_of: str  # AAAA-MM-JJ
    decision: Decision
    period_number: int
    period_from: str | None
    software_version: str
    criteria: tuple[CriterionFigure, ...]
    doctors: tuple[DoctorFigure, ...]

    def criterion(self, key: Criterion) -> CriterionFigure:
        return next(c for c in self.criteria if c.key == key)

    def doctor(self, identifier: str) -> DoctorFigure | None:
        return next((d for d in self.doctors if d.identifier == identifier), None)


def _criteria_from(data: Mapping[str, Any]) -> tuple[CriterionFigure, ...]:
    c = data.get("criteria", {})
    rate = c.get("doctor_rate", {})
    rates = [d.get("rate") for d in rate.get("doctors", []) if d.get("rate") is not None]
    met_doctors = sum(1 for d in rate.get("doctors", []) if d.get("met"))
    reg = c.get("registration", {})
    ops = c.get("operations", {})
    ok_ops = sum(1 for op in Operation if _int(ops.get(op.value, {}).get("succeeded")) > 0)
    pre = c.get("prerequisites", {})
    sat = c.get("satisfaction", {})
    return (
        CriterionFigure(
            Criterion.DOCTOR_RATE,
            bool(rate.get("met")),
            min(rates) if rates else None,
            f"{met_doctors} / {len(rate.get('doctors', []))} médecins au seuil",
        ),
        CriterionFigure(
            Criterion.REGISTRATION,
            bool(reg.get("met")),
            _float(reg.get("rate")),
            f"{_int(reg.get('registered'))} / {_int(reg.get('created'))} enregistrées",
        ),
        CriterionFigure(
            Criterion.OPERATIONS,
            bool(ops.get("met")),
            float(ok_ops),
            f"{ok_ops} / 3 opérations réussies, {_int(ops.get('open_blocking_anomalies'))} anomalie(s) "
            "bloquante(s) ouverte(s)",
        ),
        CriterionFigure(
            Criterion.PREREQUISITES,
            bool(pre.get("met")),
            None,
            f"{_int(pre.get('count'))} prérequis, "
            + ("validés" if pre.get("validated_at") else "non validés"),
        ),
        CriterionFigure(
            Criterion.SATISFACTION,
            bool(sat.get("met")),
            float(_int(sat.get("answered"))),
            f"{_int(sat.get('answered'))} / {_int(sat.get('expected'))} réponses, "
            f"{_int(sat.get('blocking'))} frein(s) bloquant(s)",
        ),
    )


def closed_figures(number: int, data: Mapping[str, Any]) -> ClosedFigures:
    """Reads a closed bilan's JSON (`Bilan.as_json()` as stored at the closing)."""
    period = data.get("period") or {}
    doctors = tuple(
        DoctorFigure(
            str(d.get("identifier", "")),
            str(d.get("name") or ""),
            _int(d.get("prescriptions")),
            _int(d.get("digital")),
            _float(d.get("rate")),
            bool(d.get("met")),
        )
        for d in data.get("criteria", {}).get("doctor_rate", {}).get("doctors", [])
    )
    decision = data.get("decision")
    return ClosedFigures(
        number=number,
        as_of=str(data.get("as_of", "")),
        decision=Decision(decision) if decision in set(Decision) else Decision.EXTEND,
        period_number=_int(period.get("number")) or 1,
        period_from=period.get("from"),
        software_version=str(period.get("software_version") or ""),
        criteria=_criteria_from(data),
        doctors=doctors,
    )


# --- the comparison ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionChange:
    key: Criterion
    previous: CriterionFigure
    current: CriterionFigure

    @property
    def change(self) -> float | None:
        """current − previous of the headline figure (points of a fraction for 1 and 2)."""
        if self.previous.value is None or self.current.value is None:
            return None
        return round(self.current.value - self.previous.value, 4)

    @property
    def turned(self) -> str:
        """« atteint », « plus atteint », « toujours atteint », « toujours non atteint »."""
        if self.previous.met == self.current.met:
            return "toujours atteint" if self.current.met else "toujours non atteint"
        return "désormais atteint" if self.current.met else "n'est plus atteint"


@dataclass(frozen=True)
class DoctorChange:
    identifier: str
    name: str
    previous: DoctorFigure | None  # None: the doctor was not a user doctor then (extension)
    current: DoctorFigure | None  # None: no longer a user doctor

    @property
    def change(self) -> float | None:
        if self.previous is None or self.current is None:
            return None
        if self.previous.rate is None or self.current.rate is None:
            return None
        return round(self.current.rate - self.previous.rate, 4)

    @property
    def note(self) -> str:
        if self.previous is None:
            return "ajouté depuis"
        if self.current is None:
            return "plus utilisateur"
        return ""


@dataclass(frozen=True)
class BilanComparison:
    previous: ClosedFigures
    criteria: tuple[CriterionChange, ...]
    doctors: tuple[DoctorChange, ...]  # current roster order, then those who left


def compare(previous: ClosedFigures, current: Bilan) -> BilanComparison:
    now = closed_figures(0, current.as_json())
    criteria = tuple(CriterionChange(key, previous.criterion(key), now.criterion(key)) for key in Criterion)
    doctors = [DoctorChange(d.identifier, d.name, previous.doctor(d.identifier), d) for d in now.doctors]
    seen = {d.identifier for d in now.doctors}
    doctors += [
        DoctorChange(d.identifier, d.name, d, None) for d in previous.doctors if d.identifier not in seen
    ]
    return BilanComparison(previous, criteria, tuple(doctors))


__all__ = [
    "BilanComparison",
    "ClosedFigures",
    "CriterionChange",
    "CriterionFigure",
    "DoctorChange",
    "DoctorFigure",
    "closed_figures",
    "compare",
]
