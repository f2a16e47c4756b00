"""The follow-up of a présérie as it stood at the end of the bilan's day: anomalies, technical
prerequisites and their validation, questionnaire answers, the three launch prerequisites.

Each record carries its own date, and services/bilan/followup_at.py keeps only what existed at
the end of day D (an anomaly closed after D is still open at D, an answer given after D does not
exist yet). The bilan's criteria and preconditions, the PDF and the workbook read these records,
so reprinting a past bilan after later records gives the same pages. Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class AnomalyRecord:
    id: int | None
    operation: str  # an Operation code, or '' outside the three services
    description: str
    blocking: bool
    opened_at: datetime
    closed_at: datetime | None  # None when still open at the bilan's day
    resolution: str  # '' while open at the bilan's day
    doctor: str  # the doctor's name, '' when none

    @property
    def open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class AnswerRecord:
    """One questionnaire answer; `user` is False for a doctor who is not equipped (shown apart,
    never counted by criterion 5)."""

    doctor_id: int | None
    identifier: str
    name: str
    answered_at: datetime
    score: int  # overall, 1 to 5
    scores: dict[str, int]  # question id -> 1 to 5
    blocking: bool
    blocking_text: str
    comment: str
    user: bool = True


@dataclass(frozen=True)
class LaunchRecord:
    """One of the three prerequisites before the start (CNDA authorisation, support, kit)."""

    code: str
    label: str
    done_date: date | None  # None when not done by the bilan's day
    comment: str = ""

    @property
    def done(self) -> bool:
        return self.done_date is not None

    @property
    def date(self) -> date | None:
        return self.done_date


@dataclass(frozen=True)
class FollowupAtDate:
    anomalies: tuple[AnomalyRecord, ...] = ()
    technical_prerequisites: tuple[str, ...] = ()
    validated_at: datetime | None = None  # the validation standing at the bilan's day
    answers: tuple[AnswerRecord, ...] = ()
    launch: tuple[LaunchRecord, ...] = ()
    cnda_reference: str = ""
    kickoff_date: date | None = None

    @property
    def open_blocking_anomalies(self) -> int:
        return sum(1 for a in self.anomalies if a.blocking and a.open)

    @property
    def user_answers(self) -> tuple[AnswerRecord, ...]:
        return tuple(a for a in self.answers if a.user)

    @property
    def other_answers(self) -> tuple[AnswerRecord, ...]:
        return tuple(a for a in self.answers if not a.user)


__all__ = ["AnomalyRecord", "AnswerRecord", "FollowupAtDate", "LaunchRecord"]
