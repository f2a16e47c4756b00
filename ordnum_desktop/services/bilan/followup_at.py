"""Reads the follow-up of a présérie as it stood at the end of day D (domain/followup_records.py).

Every record is judged by its own date: an anomaly opened after D does not exist yet, one closed
after D is still open; a technical prerequisite counts from its creation to its removal; the
list's validation holds from its date until a later change revokes it; an answer counts from its
date; a launch prerequisite is done when its date is on or before D. So a bilan reprinted after
later records shows the same figures. One read, shared by the criteria, the PDF and the workbook.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlmodel import Session, col, select

from ordnum_desktop.domain.followup_records import AnomalyRecord, AnswerRecord, FollowupAtDate, LaunchRecord
from ordnum_desktop.domain.referentiel import Referentiel
from ordnum_desktop.services.followup.satisfaction import answer_scores
from ordnum_desktop.services.roster.doctors import doctor_identifier, doctor_name
from ordnum_desktop.store.models import (
    Anomaly,
    Doctor,
    Prerequisite,
    PrerequisiteValidation,
    Preserie,
    SatisfactionAnswer,
    TechnicalPrerequisite,
)


def end_of_day(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59, 999999))


def _alive(created: datetime, gone: datetime | None, cut: datetime) -> bool:
    return created <= cut and (gone is None or gone > cut)


def _anomalies(
    s: Session, preserie_id: int, cut: datetime, names: dict[int | None, str], since: datetime | None
) -> list[AnomalyRecord]:
    rows = s.exec(
        select(Anomaly)
        .where(Anomaly.preserie_id == preserie_id, Anomaly.opened_at <= cut)
        .order_by(col(Anomaly.opened_at), col(Anomaly.id))
    ).all()
    out = []
    for a in rows:
        closed = a.closed_at if a.closed_at is not None and a.closed_at <= cut else None
        if since is not None and a.opened_at < since and closed is not None:
            continue  # opened and closed before the period: judged by the previous bilan
        out.append(
            AnomalyRecord(
                id=a.id,
                operation=a.operation,
                description=a.description,
                blocking=a.blocking,
                opened_at=a.opened_at,
                closed_at=closed,
                resolution=a.resolution if closed else "",
                doctor=names.get(a.doctor_id, "") if a.doctor_id else "",
            )
        )
    return out


def _technical(s: Session, preserie_id: int, cut: datetime) -> tuple[list[str], datetime | None]:
    items = s.exec(
        select(TechnicalPrerequisite)
        .where(TechnicalPrerequisite.preserie_id == preserie_id)
        .order_by(col(TechnicalPrerequisite.position), col(TechnicalPrerequisite.id))
    ).all()
    texts = [t.text for t in items if _alive(t.created_at, t.removed_at, cut)]
    validations = s.exec(
        select(PrerequisiteValidation).where(PrerequisiteValidation.preserie_id == preserie_id)
    ).all()
    standing = [v.validated_at for v in validations if _alive(v.validated_at, v.revoked_at, cut)]
    return texts, (max(standing) if standing and texts else None)


def _answers(
    s: Session, preserie_id: int, cut: datetime, doctors: dict[int | None, Doctor], since: datetime | None
) -> list[AnswerRecord]:
    rows = s.exec(
        select(SatisfactionAnswer).where(
            SatisfactionAnswer.preserie_id == preserie_id, SatisfactionAnswer.answered_at <= cut
        )
    ).all()
    order = {doctor_id: n for n, doctor_id in enumerate(doctors)}
    out = []
    for a in sorted(rows, key=lambda a: order.get(a.doctor_id, len(order))):
        if since is not None and a.answered_at < since:
            continue  # an answer about the previous period
        d = doctors.get(a.doctor_id)
        out.append(
            AnswerRecord(
                doctor_id=a.doctor_id,
                identifier=doctor_identifier(d) if d else "",
                name=doctor_name(d) if d else "",
                answered_at=a.answered_at,
                score=a.score,
                scores=answer_scores(a),
                blocking=a.blocking,
                blocking_text=a.blocking_text,
                comment=a.comment,
                user=bool(d and d.equipped),
            )
        )
    return out


def _launch(s: Session, preserie_id: int, day: date, ref: Referentiel) -> list[LaunchRecord]:
    stored = {
        r.code: r for r in s.exec(select(Prerequisite).where(Prerequisite.preserie_id == preserie_id)).all()
    }
    out = []
    for item in ref.preserie_prerequisites:
        r = stored.get(item.code)
        done = r.done_date if r is not None and r.done and r.done_date and r.done_date <= day else None
        out.append(LaunchRecord(item.code, r.label if r else item.label, done, r.comment if r else ""))
    return out


def read_followup(
    s: Session, p: Preserie, doctors: list[Doctor], day: date, ref: Referentiel, since: date | None = None
) -> FollowupAtDate:
    """`since`: the first day of a prolongation's period — anomalies opened since then or still
    open, and answers given since then, count; the others belong to the previous bilan."""
    assert p.id is not None
    cut = end_of_day(day)
    start = datetime.combine(since, time()) if since is not None else None
    by_id: dict[int | None, Doctor] = {d.id: d for d in doctors}
    names = {d.id: doctor_name(d) for d in doctors}
    texts, validated = _technical(s, p.id, cut)
    return FollowupAtDate(
        anomalies=tuple(_anomalies(s, p.id, cut, names, start)),
        technical_prerequisites=tuple(texts),
        validated_at=validated,
        answers=tuple(_answers(s, p.id, cut, by_id, start)),
        launch=tuple(_launch(s, p.id, day, ref)),
        cnda_reference=p.cnda_reference,
        kickoff_date=p.kickoff_date if p.kickoff_date and p.kickoff_date <= day else None,
    )


__all__ = ["end_of_day", "read_followup"]
