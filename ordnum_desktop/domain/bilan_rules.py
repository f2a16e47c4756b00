"""The bilan's five validation criteria and the decision, as pure functions over typed inputs.

The service (services/bilan/compute.py) reads the roster, the per-day summary of the trace rows
and the follow-up from the workspace, builds a `BilanInputs`, and calls `evaluate_bilan`. Every
front end (CLI text and JSON, window cards, PDF, workbook) reads the returned `Bilan`: a figure
is computed here once, never again by a consumer. `Bilan.as_json()` is the JSON contract of
shared/spec/traces-format.md, key order included.

Criteria (référentiel of January 2025, thresholds from `Thresholds`):
1. each user doctor's e-prescriptions / prescriptions ≥ doctor_rate (a doctor without
   prescription does not meet it; no user doctor: not met);
2. registered / created e-prescriptions ≥ registration_rate, over the user doctors;
3. at least one successful call of each operation and no open blocking anomaly;
4. at least one technical prerequisite, and the list validated;
5. every user doctor answered the questionnaire and no user doctor reported a blocking obstacle
   (the answers of other doctors are kept apart and never count).

The decision is `deploy` only when the five criteria are met and no precondition fails
(domain/preconditions.py: roster rules over the user doctors, launch prerequisites). The
follow-up (anomalies, prerequisites, answers, launch) comes as it stood at the end of the bilan's
day (domain/followup_records.py), so a bilan is a function of its date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple

from ordnum_desktop.domain.entry_checks import date_years
from ordnum_desktop.domain.followup_records import AnswerRecord, FollowupAtDate
from ordnum_desktop.domain.preconditions import Preconditions, evaluate_preconditions
from ordnum_desktop.domain.referentiel import Thresholds
from ordnum_desktop.domain.vocabulary import Criterion, Decision, Operation

Json = dict[str, object]


def rate(num: int, den: int) -> float | None:
    """num / den rounded to 4 decimals (0,1 % in the text), None when there is nothing to divide."""
    return round(num / den, 4) if den else None


# --- inputs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OperationCount:
    calls: int = 0
    succeeded: int = 0

    @property
    def failed(self) -> int:
        return self.calls - self.succeeded

    @property
    def success_rate(self) -> float | None:
        return self.succeeded / self.calls if self.calls else None

    def plus(self, other: OperationCount) -> OperationCount:
        return OperationCount(self.calls + other.calls, self.succeeded + other.succeeded)

    def as_json(self) -> Json:
        return {"calls": self.calls, "succeeded": self.succeeded}


NO_CALLS = OperationCount()


class IdentifierCounts(NamedTuple):
    """One PS identifier's figures as of the bilan's day (see services/bilan/summary.py)."""

    prescriptions: int = 0
    digital: int = 0  # e-prescriptions (« créées » in criterion 2)
    registered: int = 0  # e-prescriptions registered in the Assurance Maladie's base
    rows: int = 0  # trace rows
    creer: OperationCount = NO_CALLS
    consulter: OperationCount = NO_CALLS
    rechercher: OperationCount = NO_CALLS

    def operation(self, op: Operation) -> OperationCount:
        count: OperationCount = getattr(self, op.value)
        return count

    def plus(self, other: IdentifierCounts) -> IdentifierCounts:
        return IdentifierCounts(
            self.prescriptions + other.prescriptions,
            self.digital + other.digital,
            self.registered + other.registered,
            self.rows + other.rows,
            self.creer.plus(other.creer),
            self.consulter.plus(other.consulter),
            self.rechercher.plus(other.rechercher),
        )


NO_COUNTS = IdentifierCounts()


@dataclass(frozen=True)
class UserDoctor:
    """A roster doctor equipped for the Ordonnance numérique: one the criteria count."""

    doctor_id: int | None
    identifier: str  # of the présérie's exercise situation ('' when missing)
    name: str


@dataclass(frozen=True)
class PreserieInfo:
    id: int | None
    editor: str
    software: str
    version: str
    exercise: str
    status: str

    def as_json(self) -> Json:
        return {
            "id": self.id,
            "editor": self.editor,
            "software": self.software,
            "version": self.version,
            "exercise": self.exercise,
            "status": self.status,
        }


@dataclass(frozen=True)
class Period:
    """The period the bilan judges: 1 for the first bilan; a prolongation starts a new one."""

    number: int = 1
    start: date | None = None  # None: from the start of the présérie
    software_version: str = ""

    def as_json(self) -> Json:
        return {
            "number": self.number,
            "from": self.start.isoformat() if self.start else None,
            "software_version": self.software_version,
        }


@dataclass(frozen=True)
class BilanInputs:
    as_of: date
    thresholds: Thresholds
    preserie: PreserieInfo
    users: tuple[UserDoctor, ...]  # roster order
    roster_identifiers: frozenset[str]  # every roster doctor's, equipped or not
    counts: Mapping[str, IdentifierCounts]  # per identifier with at least one row
    followup: FollowupAtDate = FollowupAtDate()
    roster_errors: tuple[tuple[str, str], ...] = ()  # (code, message) of the roster check's errors
    # The other identifier of a roster doctor (the RPPS of a libéral doctor, the N° AM of a
    # salaried one) -> the doctor's name: rows there are another activity, named but not counted.
    other_activity: Mapping[str, str] = field(default_factory=dict)
    rejected_rows: int = 0  # rows of the live imports that were rejected, so counted nowhere
    period: Period = Period()


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DoctorRate:
    identifier: str
    name: str
    doctor_id: int | None
    prescriptions: int
    digital: int
    rate: float | None
    met: bool

    @property
    def display_name(self) -> str:
        return self.name or self.identifier

    def as_json(self) -> Json:
        return {
            "identifier": self.identifier,
            "name": self.name,
            "doctor_id": self.doctor_id,
            "prescriptions": self.prescriptions,
            "digital": self.digital,
            "rate": self.rate,
            "met": self.met,
        }


@dataclass(frozen=True)
class DoctorRateCriterion:
    met: bool
    threshold: float
    doctors: tuple[DoctorRate, ...]

    @property
    def at_threshold(self) -> int:
        return sum(1 for d in self.doctors if d.met)

    @property
    def below(self) -> tuple[DoctorRate, ...]:
        return tuple(d for d in self.doctors if not d.met)

    @property
    def lowest_rate(self) -> float | None:
        rates = [d.rate for d in self.doctors if d.rate is not None]
        return min(rates) if rates else None

    def doctor(self, identifier: str) -> DoctorRate | None:
        return next((d for d in self.doctors if d.identifier == identifier), None)

    def as_json(self) -> Json:
        return {"met": self.met, "threshold": self.threshold, "doctors": [d.as_json() for d in self.doctors]}


@dataclass(frozen=True)
class RegistrationCriterion:
    met: bool
    threshold: float
    created: int
    registered: int
    rate: float | None

    def as_json(self) -> Json:
        return {
            "met": self.met,
            "threshold": self.threshold,
            "created": self.created,
            "registered": self.registered,
            "rate": self.rate,
        }


@dataclass(frozen=True)
class OperationsCriterion:
    met: bool
    creer: OperationCount
    consulter: OperationCount
    rechercher: OperationCount
    open_blocking_anomalies: int

    def operation(self, op: Operation) -> OperationCount:
        count: OperationCount = getattr(self, op.value)
        return count

    def as_json(self) -> Json:
        data: Json = {"met": self.met}
        for op in Operation:
            data[op.value] = self.operation(op).as_json()
        data["open_blocking_anomalies"] = self.open_blocking_anomalies
        return data


@dataclass(frozen=True)
class PrerequisitesCriterion:
    met: bool
    count: int
    validated_at: datetime | None

    def as_json(self) -> Json:
        when = self.validated_at.isoformat(sep=" ") if self.validated_at else None
        return {"met": self.met, "count": self.count, "validated_at": when}


@dataclass(frozen=True)
class SatisfactionCriterion:
    met: bool
    expected: int  # user doctors
    answered: int  # user doctors with an answer
    blocking: int  # answers of user doctors reporting a blocking obstacle
    others: int = 0  # answers of doctors who are not users: shown apart, never counted
    others_blocking: int = 0

    def as_json(self) -> Json:
        return {
            "met": self.met,
            "expected": self.expected,
            "answered": self.answered,
            "blocking": self.blocking,
            "other_answers": self.others,
            "other_blocking": self.others_blocking,
        }


@dataclass(frozen=True)
class UnmatchedIdentifier:
    """An identifier with trace rows but no roster doctor for the présérie's exercise situation:
    kept, counted in no criterion. `other_activity_of` names the roster doctor whose other
    identifier it is (the RPPS of a libéral doctor…), '' for an unknown identifier."""

    identifier: str
    rows: int
    other_activity_of: str = ""

    @property
    def label(self) -> str:
        """« autre activité de LEFÈVRE Anne » or « PS inconnu »: the words of every front end."""
        return f"autre activité de {self.other_activity_of}" if self.other_activity_of else "PS inconnu"

    def as_json(self) -> Json:
        return {
            "identifier": self.identifier,
            "rows": self.rows,
            "other_activity_of": self.other_activity_of or None,
        }


AnyCriterion = (
    DoctorRateCriterion
    | RegistrationCriterion
    | OperationsCriterion
    | PrerequisitesCriterion
    | SatisfactionCriterion
)


@dataclass(frozen=True)
class Bilan:
    as_of: date
    doctor_rate: DoctorRateCriterion
    registration: RegistrationCriterion
    operations: OperationsCriterion
    prerequisites: PrerequisitesCriterion
    satisfaction: SatisfactionCriterion
    unmatched: tuple[UnmatchedIdentifier, ...]  # most rows first
    preserie: PreserieInfo
    preconditions: Preconditions = Preconditions()
    period: Period = Period()
    rejected_rows: int = 0
    followup: FollowupAtDate = FollowupAtDate()

    def criterion(self, key: Criterion) -> AnyCriterion:
        found: AnyCriterion = getattr(self, key.value)
        return found

    @property
    def failed(self) -> tuple[Criterion, ...]:
        return tuple(key for key in Criterion if not self.criterion(key).met)

    @property
    def decision(self) -> Decision:
        """Deploy only when the five criteria are met and no precondition fails."""
        return Decision.EXTEND if self.failed or not self.preconditions.met else Decision.DEPLOY

    @property
    def unmatched_rows(self) -> int:
        return sum(u.rows for u in self.unmatched)

    def as_json(self) -> Json:
        """The spec's bilan JSON, plus `preserie`, each doctor's `name`, `unmatched` (identifiers,
        row counts, the doctor of another activity) and `failed` (keys of the criteria not met)."""
        return {
            "as_of": self.as_of.isoformat(),
            "criteria": {key.value: self.criterion(key).as_json() for key in Criterion},
            "preconditions": self.preconditions.as_json(),
            "period": self.period.as_json(),
            "unmatched_rows": self.unmatched_rows,
            "rejected_rows": self.rejected_rows,
            "decision": self.decision.value,
            "failed": [key.value for key in self.failed],
            "unmatched": [u.as_json() for u in self.unmatched],
            "preserie": self.preserie.as_json(),
        }


# --- the rules -------------------------------------------------------------------------------


def doctor_rate_criterion(
    users: Iterable[UserDoctor], counts: Mapping[str, IdentifierCounts], threshold: float
) -> DoctorRateCriterion:
    doctors = []
    for d in users:
        c = counts.get(d.identifier, NO_COUNTS)
        met = bool(c.prescriptions) and c.digital / c.prescriptions >= threshold
        doctors.append(
            DoctorRate(
                d.identifier,
                d.name,
                d.doctor_id,
                c.prescriptions,
                c.digital,
                rate(c.digital, c.prescriptions),
                met,
            )
        )
    return DoctorRateCriterion(bool(doctors) and all(d.met for d in doctors), threshold, tuple(doctors))


def user_totals(users: Iterable[UserDoctor], counts: Mapping[str, IdentifierCounts]) -> IdentifierCounts:
    """The user doctors' figures summed, each identifier counted once (two roster lines may share
    one), missing identifiers left out."""
    total = NO_COUNTS
    for ident in sorted({d.identifier for d in users} - {""}):
        total = total.plus(counts.get(ident, NO_COUNTS))
    return total


def registration_criterion(totals: IdentifierCounts, threshold: float) -> RegistrationCriterion:
    created, registered = totals.digital, totals.registered
    met = created > 0 and registered / created >= threshold
    return RegistrationCriterion(met, threshold, created, registered, rate(registered, created))


def operations_criterion(totals: IdentifierCounts, open_blocking_anomalies: int) -> OperationsCriterion:
    met = all(totals.operation(op).succeeded > 0 for op in Operation) and not open_blocking_anomalies
    return OperationsCriterion(
        met, totals.creer, totals.consulter, totals.rechercher, open_blocking_anomalies
    )


def prerequisites_criterion(count: int, validated_at: datetime | None) -> PrerequisitesCriterion:
    return PrerequisitesCriterion(count > 0 and validated_at is not None, count, validated_at)


def satisfaction_criterion(
    users: tuple[UserDoctor, ...], answers: tuple[AnswerRecord, ...]
) -> SatisfactionCriterion:
    """Over the user doctors' answers only (`AnswerRecord.user`): another doctor's answer, even
    one reporting a blocking obstacle, is counted apart."""
    user_ids = {d.doctor_id for d in users}
    mine = [a for a in answers if a.user and a.doctor_id in user_ids]
    others = [a for a in answers if not (a.user and a.doctor_id in user_ids)]
    answered = len({a.doctor_id for a in mine})
    blocking = sum(1 for a in mine if a.blocking)
    met = bool(users) and answered == len(users) and not blocking
    return SatisfactionCriterion(
        met, len(users), answered, blocking, len(others), sum(1 for a in others if a.blocking)
    )


def unmatched_identifiers(
    counts: Mapping[str, IdentifierCounts],
    roster_identifiers: frozenset[str],
    other_activity: Mapping[str, str] | None = None,
) -> tuple[UnmatchedIdentifier, ...]:
    names = other_activity or {}
    found = [
        UnmatchedIdentifier(i, c.rows, names.get(i, ""))
        for i, c in counts.items()
        if i not in roster_identifiers
    ]
    return tuple(sorted(found, key=lambda u: (-u.rows, u.identifier)))


def evaluate_bilan(inputs: BilanInputs) -> Bilan:
    t = inputs.thresholds
    f = inputs.followup
    totals = user_totals(inputs.users, inputs.counts)
    return Bilan(
        as_of=inputs.as_of,
        doctor_rate=doctor_rate_criterion(inputs.users, inputs.counts, t.doctor_rate),
        registration=registration_criterion(totals, t.registration_rate),
        operations=operations_criterion(totals, f.open_blocking_anomalies),
        prerequisites=prerequisites_criterion(len(f.technical_prerequisites), f.validated_at),
        satisfaction=satisfaction_criterion(inputs.users, f.answers),
        unmatched=unmatched_identifiers(inputs.counts, inputs.roster_identifiers, inputs.other_activity),
        preserie=inputs.preserie,
        preconditions=evaluate_preconditions(inputs.roster_errors, f.launch, f.cnda_reference, inputs.as_of),
        period=inputs.period,
        rejected_rows=inputs.rejected_rows,
        followup=f,
    )


# --- weekly series ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekPoint:
    week: date  # the Monday
    prescriptions: int
    digital: int

    @property
    def rate(self) -> float | None:
        return rate(self.digital, self.prescriptions)

    @property
    def label(self) -> str:
        """« 03/03 »: short enough for twelve weeks on a half-page chart."""
        return self.week.strftime("%d/%m")

    def as_json(self) -> Json:
        return {
            "week": self.week.isoformat(),
            "prescriptions": self.prescriptions,
            "digital": self.digital,
            "rate": self.rate,
        }


class PrescriptionGroup(NamedTuple):
    """`prescriptions` of one identifier sharing their first day and first e-prescription day
    (None: never an e-prescription)."""

    identifier: str
    first_day: date
    digital_day: date | None
    prescriptions: int


WeeklySeries = dict[str, tuple[WeekPoint, ...]]


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def weekly_points(
    identifiers: Iterable[str], groups: Iterable[PrescriptionGroup], as_of: date
) -> WeeklySeries:
    """Per identifier (in the given order): one point per week (Monday) from the first to the
    last week with a prescription on or before `as_of`, gaps filled with zeros. The weeks after
    the last traced day are no days of the bilan: a bilan dated the Monday after the last import
    drew an empty last week on every chart (« 14/04 », issue 13). A prescription belongs to the
    week of its first row; it counts as an e-prescription when that became so by `as_of`."""
    found: dict[str, dict[date, tuple[int, int]]] = {i: {} for i in identifiers}
    years = date_years()
    for g in groups:
        weeks = found.get(g.identifier)
        if weeks is None or g.first_day > as_of or g.first_day.year not in years:
            # A legacy row dated 1850 or 9999 (accepted before issue 12) would make the chart a
            # million weeks wide or overflow: it is left out of the weekly series.
            continue
        week = monday(g.first_day)
        presc, digital = weeks.get(week, (0, 0))
        digital_now = g.digital_day is not None and g.digital_day <= as_of
        weeks[week] = (presc + g.prescriptions, digital + (g.prescriptions if digital_now else 0))
    all_weeks = [w for weeks in found.values() for w in weeks]
    if not all_weeks:
        return {i: () for i in found}
    first, last = min(all_weeks), max(all_weeks)
    span = [first + timedelta(days=7 * n) for n in range((last - first).days // 7 + 1)]
    return {ident: tuple(WeekPoint(w, *weeks.get(w, (0, 0))) for w in span) for ident, weeks in found.items()}


__all__ = [
    "Bilan",
    "BilanInputs",
    "DoctorRate",
    "DoctorRateCriterion",
    "IdentifierCounts",
    "OperationCount",
    "OperationsCriterion",
    "Period",
    "PrerequisitesCriterion",
    "PrescriptionGroup",
    "PreserieInfo",
    "RegistrationCriterion",
    "SatisfactionCriterion",
    "UnmatchedIdentifier",
    "UserDoctor",
    "WeekPoint",
    "WeeklySeries",
    "evaluate_bilan",
    "weekly_points",
]
