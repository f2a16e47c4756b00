"""Satisfaction answers (criterion 5): one answer per doctor, replaced when recorded again."""

from __future__ import annotations

import json
from datetime import datetime

from sqlmodel import Session, col, select

from ordnum_desktop.domain.identifiers import clean, trace_identifier
from ordnum_desktop.services.errors import Hint, UserError
from ordnum_desktop.services.followup.questionnaire import Questionnaire, load_questionnaire, overall_score
from ordnum_desktop.services.roster.doctors import doctor_identifier
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Doctor, Preserie, SatisfactionAnswer

BLOCKING_WITHOUT_DETAIL = "Frein bloquant signalé, sans précision."


def normalise_identifier(raw: object) -> str | None:
    """An N° AM (≤ 9 digits, padded) or RPPS (10–11 digits, padded) as typed or read in a cell."""
    return trace_identifier(raw)


def find_doctor(s: Session, preserie_id: int, raw: object) -> Doctor | None:
    """The roster doctor with this N° AM or RPPS; the présérie's own identifier wins when a
    person would match twice (an N° AM of one and the RPPS of another cannot collide: 9 vs 11)."""
    ident = normalise_identifier(raw)
    if ident is None:
        return None
    doctors = s.exec(
        select(Doctor).where(Doctor.preserie_id == preserie_id).order_by(col(Doctor.position), col(Doctor.id))
    ).all()
    own = [d for d in doctors if doctor_identifier(d) == ident]
    if own:
        return own[0]
    return next((d for d in doctors if ident in (d.am, d.rpps)), None)


def check_scores(scores: dict[str, int], q: Questionnaire) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, value in scores.items():
        if q.question(key) is None:
            known = ", ".join(x.id for x in q.questions)
            raise UserError(f"Question « {key} » inconnue du questionnaire {q.version} ({known}).")
        out[key] = _score(value, q, f"La note de la question « {key} »")
    return out


def _score(value: object, q: Questionnaire, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not q.in_scale(value):
        raise UserError(f"{what} doit être un entier de {q.scale_min} à {q.scale_max} (reçu : « {value} »).")
    return value


def record_satisfaction(
    ws: Workspace,
    preserie_id: int,
    identifier: object,
    score: int | None = None,
    scores: dict[str, int] | None = None,
    blocking_text: str | None = None,
    *,
    blocking: bool | None = None,
    comment: str = "",
    when: datetime | None = None,
) -> SatisfactionAnswer:
    """Records (or replaces) the answer of the roster doctor with this N° AM / RPPS. The overall
    score is `score`, or the rounded mean of `scores`; a blocking text means a blocking obstacle."""
    q = load_questionnaire()
    checked = check_scores(scores or {}, q)
    if score is None:
        if not checked:
            raise UserError("Aucune note n'est donnée.", hint=Hint.GIVE_SCORE)
        overall = overall_score(checked)
    else:
        overall = _score(score, q, "La note globale")
    text = (blocking_text or "").strip()
    is_blocking = bool(text) if blocking is None else bool(blocking)
    if is_blocking and not text:
        text = BLOCKING_WITHOUT_DETAIL
    with ws.session() as s:
        if s.get(Preserie, preserie_id) is None:
            raise UserError(f"Aucune présérie n° {preserie_id}.")
        d = find_doctor(s, preserie_id, identifier)
        if d is None:
            shown = clean(identifier) or "(vide)"
            raise UserError(
                f"Aucun médecin de l'effectif n'a le N° AM ou le RPPS « {shown} ».", hint=Hint.CHECK_ROSTER
            )
        return upsert_answer(
            s, preserie_id, d, overall, checked, text, is_blocking, comment=comment, when=when
        )


def upsert_answer(
    s: Session,
    preserie_id: int,
    d: Doctor,
    overall: int,
    scores: dict[str, int],
    text: str,
    is_blocking: bool,
    *,
    comment: str = "",
    when: datetime | None = None,
) -> SatisfactionAnswer:
    """Stores the doctor's answer in the session, replacing a previous one."""
    answer = s.exec(
        select(SatisfactionAnswer).where(
            SatisfactionAnswer.preserie_id == preserie_id, SatisfactionAnswer.doctor_id == d.id
        )
    ).first()
    if answer is None:
        answer = SatisfactionAnswer(preserie_id=preserie_id, doctor_id=d.id or 0, score=overall)
    answer.score = overall
    answer.scores_json = json.dumps(scores, ensure_ascii=False, sort_keys=True)
    answer.blocking = is_blocking
    answer.blocking_text = text if is_blocking else ""
    # A detail given with « Non » is kept, as a comment: it is not a blocking obstacle.
    answer.comment = (comment or "").strip() or ("" if is_blocking else text)
    answer.answered_at = (when or datetime.now()).replace(microsecond=0)
    s.add(answer)
    s.flush()
    return answer


def list_answers(ws: Workspace, preserie_id: int) -> list[SatisfactionAnswer]:
    """The answers, in roster order of their doctors."""
    return [a for _, a in answers_by_doctor(ws, preserie_id) if a is not None]


def answers_by_doctor(ws: Workspace, preserie_id: int) -> list[tuple[Doctor, SatisfactionAnswer | None]]:
    """Every roster doctor with its answer (None when the doctor has not answered yet)."""
    with ws.session() as s:
        doctors = s.exec(
            select(Doctor)
            .where(Doctor.preserie_id == preserie_id)
            .order_by(col(Doctor.position), col(Doctor.id))
        ).all()
        answers = {
            a.doctor_id: a
            for a in s.exec(
                select(SatisfactionAnswer).where(SatisfactionAnswer.preserie_id == preserie_id)
            ).all()
        }
        return [(d, answers.get(d.id or 0)) for d in doctors]


def answer_scores(answer: SatisfactionAnswer) -> dict[str, int]:
    try:
        data = json.loads(answer.scores_json or "{}")
    except ValueError:
        return {}
    return {str(k): int(v) for k, v in data.items()} if isinstance(data, dict) else {}


def delete_answer(ws: Workspace, answer_id: int) -> None:
    with ws.session() as s:
        a = s.get(SatisfactionAnswer, answer_id)
        if a is None:
            raise UserError(f"Aucune réponse n° {answer_id}.")
        s.delete(a)
