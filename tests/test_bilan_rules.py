"""domain/bilan_rules.py: the five criteria and the decision as pure functions (no workspace)."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, replace
from datetime import date, datetime

import pytest

from ordnum_desktop.domain.bilan_rules import (
    BilanInputs,
    IdentifierCounts,
    OperationCount,
    PrescriptionGroup,
    PreserieInfo,
    UserDoctor,
    WeekPoint,
    evaluate_bilan,
    user_totals,
    weekly_points,
)
from ordnum_desktop.domain.followup_records import AnomalyRecord, AnswerRecord, FollowupAtDate, LaunchRecord
from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.vocabulary import Criterion, Decision, Operation

THRESHOLDS = load_referentiel().thresholds
PRESERIE = PreserieInfo(7, "Éditeur", "Logiciel", "1.0", "liberal", "en_cours")
A = UserDoctor(1, "331234567", "Dupont Anne")
B = UserDoctor(2, "331234568", "Martin Paul")


def counts(
    presc: int, digital: int, registered: int, ops: tuple[int, int, int] = (1, 1, 1)
) -> IdentifierCounts:
    """`presc` prescriptions, `digital` of them e-prescriptions, `registered` registered, and per
    operation that many successful calls out of twice as many."""
    c, k, r = (OperationCount(2 * n, n) for n in ops)
    return IdentifierCounts(presc, digital, registered, presc + sum(ops), c, k, r)


DONE = date(2025, 1, 20)
LAUNCH = tuple(LaunchRecord(code, code, DONE) for code in ("cnda", "support", "kit"))


def answer(doctor: UserDoctor | None, blocking: bool = False, user: bool = True) -> AnswerRecord:
    ident, name, did = (doctor.identifier, doctor.name, doctor.doctor_id) if doctor else ("", "", 99)
    return AnswerRecord(did, ident, name, datetime(2025, 3, 25), 4, {}, blocking, "", "", user)


def anomaly(blocking: bool = True, closed: datetime | None = None) -> AnomalyRecord:
    return AnomalyRecord(1, "creer", "Erreur", blocking, datetime(2025, 3, 1), closed, "", "")


def followup(**changes: object) -> FollowupAtDate:
    base = FollowupAtDate(
        technical_prerequisites=("Version 4.2", "Poste Windows 10"),
        validated_at=datetime(2025, 3, 20, 9, 30),
        answers=(answer(A), answer(B)),
        launch=LAUNCH,
        cnda_reference="CNDA-1",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def inputs(**changes: object) -> BilanInputs:
    base = BilanInputs(
        as_of=date(2025, 3, 31),
        thresholds=THRESHOLDS,
        preserie=PRESERIE,
        users=(A, B),
        roster_identifiers=frozenset({A.identifier, B.identifier}),
        counts={A.identifier: counts(10, 8, 8), B.identifier: counts(4, 2, 2)},
        followup=followup(),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_every_criterion_met_deploys() -> None:
    b = evaluate_bilan(inputs())
    assert b.failed == () and b.decision is Decision.DEPLOY
    assert [d.rate for d in b.doctor_rate.doctors] == [0.8, 0.5]
    assert (b.registration.created, b.registration.registered, b.registration.rate) == (10, 10, 1.0)
    assert b.operations.creer == OperationCount(4, 2) and b.operations.creer.failed == 2
    assert b.satisfaction.answered == b.satisfaction.expected == 2


def test_threshold_exactly_met_counts_as_met() -> None:
    # 5 / 10 = 50 % for the doctor rate, 7 / 10 = 70 % for the registration: both thresholds met.
    b = evaluate_bilan(inputs(users=(A,), counts={A.identifier: counts(10, 10, 7)}))
    assert b.registration.rate == 0.7 and b.registration.met
    b = evaluate_bilan(inputs(users=(A,), counts={A.identifier: counts(10, 5, 5)}))
    assert b.doctor_rate.doctors[0].rate == 0.5 and b.doctor_rate.met
    # One prescription short of the threshold fails.
    b = evaluate_bilan(inputs(users=(A,), counts={A.identifier: counts(10, 4, 4)}))
    assert not b.doctor_rate.met and b.doctor_rate.below == b.doctor_rate.doctors
    assert b.failed == (Criterion.DOCTOR_RATE,) and b.decision is Decision.EXTEND


def test_no_user_doctor_fails_rate_and_satisfaction() -> None:
    b = evaluate_bilan(inputs(users=(), counts={}, followup=followup(answers=())))
    assert b.doctor_rate.doctors == () and not b.doctor_rate.met
    assert b.doctor_rate.lowest_rate is None and b.doctor_rate.at_threshold == 0
    assert (b.satisfaction.expected, b.satisfaction.met) == (0, False)
    # Nothing counted: no e-prescription created, no successful call.
    assert b.registration.created == 0 and b.registration.rate is None and not b.registration.met
    assert not b.operations.met
    assert b.failed == (
        Criterion.DOCTOR_RATE,
        Criterion.REGISTRATION,
        Criterion.OPERATIONS,
        Criterion.SATISFACTION,
    )


def test_zero_prescriptions_is_not_met_and_has_no_rate() -> None:
    b = evaluate_bilan(inputs(counts={A.identifier: counts(10, 8, 8)}))  # B has no row at all
    doctor_b = b.doctor_rate.doctor(B.identifier)
    assert doctor_b is not None
    assert (doctor_b.prescriptions, doctor_b.rate, doctor_b.met) == (0, None, False)
    assert not b.doctor_rate.met and b.doctor_rate.lowest_rate == 0.8


def test_operations_need_a_success_each_and_no_open_blocking_anomaly() -> None:
    no_search = {A.identifier: counts(10, 8, 8, ops=(3, 1, 0)), B.identifier: counts(4, 2, 2, ops=(1, 1, 0))}
    b = evaluate_bilan(inputs(counts=no_search))
    assert b.operations.rechercher == OperationCount(0, 0) and b.operations.rechercher.success_rate is None
    assert b.failed == (Criterion.OPERATIONS,)
    b = evaluate_bilan(inputs(followup=followup(anomalies=(anomaly(),))))
    assert b.operations.open_blocking_anomalies == 1 and b.failed == (Criterion.OPERATIONS,)
    closed = anomaly(closed=datetime(2025, 3, 10))
    not_blocking = anomaly(blocking=False)
    assert evaluate_bilan(inputs(followup=followup(anomalies=(closed, not_blocking)))).failed == ()


def test_prerequisites_and_satisfaction() -> None:
    assert evaluate_bilan(inputs(followup=followup(validated_at=None))).failed == (Criterion.PREREQUISITES,)
    no_list = followup(technical_prerequisites=())
    assert evaluate_bilan(inputs(followup=no_list)).failed == (Criterion.PREREQUISITES,)
    one_answer = evaluate_bilan(inputs(followup=followup(answers=(answer(A), answer(None, user=False)))))
    assert (one_answer.satisfaction.answered, one_answer.failed) == (1, (Criterion.SATISFACTION,))
    blocking = evaluate_bilan(inputs(followup=followup(answers=(answer(A, blocking=True), answer(B)))))
    assert blocking.satisfaction.blocking == 1 and blocking.failed == (Criterion.SATISFACTION,)


def test_satisfaction_counts_user_doctors_only() -> None:
    """A non-user doctor's answer, even blocking, is shown apart and never fails criterion 5."""
    other = answer(None, blocking=True, user=False)
    b = evaluate_bilan(inputs(followup=followup(answers=(answer(A), answer(B), other))))
    s = b.satisfaction
    assert (s.met, s.expected, s.answered, s.blocking, s.others, s.others_blocking) == (True, 2, 2, 0, 1, 1)
    assert b.decision is Decision.DEPLOY


def test_preconditions_decide_apart_from_the_criteria() -> None:
    """Every criterion met, yet a roster error or a launch prerequisite not done gives extend,
    with the precondition named and no criterion failed."""
    roster = (("too_few_ps", "1 médecin utilisateur sur 5 dans l'effectif : il en faut au moins 5."),)
    b = evaluate_bilan(inputs(roster_errors=roster))
    assert b.failed == () and b.decision is Decision.EXTEND
    assert [f.code for f in b.preconditions.failed] == ["too_few_ps"]
    late_kit = LAUNCH[:2] + (LaunchRecord("kit", "Kit", date(2025, 4, 2)),)
    b = evaluate_bilan(inputs(followup=followup(launch=late_kit, cnda_reference="")))
    assert [f.code for f in b.preconditions.failed] == ["launch_cnda", "launch_kit"]
    assert "31/03/2025" in b.preconditions.failed[1].message and b.decision is Decision.EXTEND
    assert b.as_json()["preconditions"] == b.preconditions.as_json()
    assert evaluate_bilan(inputs(followup=followup(launch=()))).preconditions.launch != ()


def test_other_activity_is_named_and_not_counted() -> None:
    b = evaluate_bilan(
        inputs(
            counts={
                A.identifier: counts(10, 8, 8),
                B.identifier: counts(4, 2, 2),
                "10001234567": counts(50, 0, 0),
            },
            other_activity={"10001234567": "Dupont Anne"},
        )
    )
    assert [(u.identifier, u.label) for u in b.unmatched] == [
        ("10001234567", "autre activité de Dupont Anne")
    ]
    assert b.doctor_rate.met and b.registration.created == 10


def test_shared_identifier_counts_once_and_unmatched_are_sorted() -> None:
    twin = UserDoctor(3, A.identifier, "Dupont Anne (autre ligne)")
    totals = user_totals((A, twin, B), {A.identifier: counts(10, 8, 8), B.identifier: counts(4, 2, 2)})
    assert (totals.prescriptions, totals.digital) == (14, 10)
    b = evaluate_bilan(
        inputs(
            counts={
                A.identifier: counts(10, 8, 8),
                "999": IdentifierCounts(rows=3),
                "111": IdentifierCounts(rows=3),
                "555": IdentifierCounts(rows=9),
            }
        )
    )
    assert [(u.identifier, u.rows) for u in b.unmatched] == [("555", 9), ("111", 3), ("999", 3)]
    assert b.unmatched_rows == 15


def test_as_json_keeps_the_contract_and_results_are_frozen() -> None:
    b = evaluate_bilan(inputs(followup=followup(anomalies=(anomaly(),)), rejected_rows=7))
    data = b.as_json()
    assert list(data) == [
        "as_of",
        "criteria",
        "preconditions",
        "period",
        "unmatched_rows",
        "rejected_rows",
        "decision",
        "failed",
        "unmatched",
        "preserie",
    ]
    assert list(data["criteria"]) == [c.value for c in Criterion]  # type: ignore[arg-type]
    assert data["criteria"]["operations"] == {  # type: ignore[index]
        "met": False,
        "creer": {"calls": 4, "succeeded": 2},
        "consulter": {"calls": 4, "succeeded": 2},
        "rechercher": {"calls": 4, "succeeded": 2},
        "open_blocking_anomalies": 1,
    }
    assert data["criteria"]["prerequisites"]["validated_at"] == "2025-03-20 09:30:00"  # type: ignore[index]
    assert data["failed"] == ["operations"] and data["decision"] == "extend"
    assert data["preconditions"] == {"met": True, "failed": []} and data["rejected_rows"] == 7
    assert data["period"] == {"number": 1, "from": None, "software_version": ""}
    json.dumps(data)  # plain JSON types only
    with pytest.raises(FrozenInstanceError):
        b.registration.met = True  # type: ignore[misc]


def test_weekly_points_fill_gaps_and_stop_at_the_last_traced_week() -> None:
    groups = [
        PrescriptionGroup("A", date(2025, 3, 4), date(2025, 3, 4), 2),
        PrescriptionGroup("A", date(2025, 3, 5), None, 1),
        PrescriptionGroup("A", date(2025, 3, 18), date(2025, 4, 2), 4),  # digital after the as-of day
        PrescriptionGroup("A", date(2025, 4, 1), date(2025, 4, 1), 9),  # after the as-of day
        PrescriptionGroup("Z", date(2025, 3, 4), None, 5),  # not a user doctor
    ]
    series = weekly_points(["A", "B"], groups, date(2025, 3, 25))
    assert series["A"] == (
        WeekPoint(date(2025, 3, 3), 3, 2),
        WeekPoint(date(2025, 3, 10), 0, 0),
        WeekPoint(date(2025, 3, 17), 4, 0),
    )  # not the as-of week 24/03: no day of it is traced by the 25th
    assert [w.rate for w in series["A"]] == [0.6667, None, 0.0]
    assert [w.label for w in series["B"]] == ["03/03", "10/03", "17/03"]
    assert weekly_points(["A"], [], date(2025, 3, 25)) == {"A": ()}


def test_vocabulary_follows_the_referentiel() -> None:
    ref = load_referentiel()
    assert [c.code for c in ref.criteria] == [c.value for c in Criterion]
    assert [o.code for o in ref.operations] == [o.value for o in Operation]
    assert Criterion.OPERATIONS.numbered.startswith("3. ")
    assert Operation.CREER.label == "Créer" and Decision.EXTEND.label == "Prolongation de la présérie"
