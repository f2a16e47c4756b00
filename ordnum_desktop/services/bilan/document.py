"""Everything the printed bilan and the bilan workbook show, gathered in one read.

`gather_bilan_document(ws, preserie_id, as_of)` returns a `BilanDocument`: the bilan figures
(`services.bilan.compute_bilan`), the weekly series, the présérie's identity, the prerequisites,
the satisfaction answers and the anomaly log. The PDF and workbook writers only lay it out.

`figures_digest(bilan)` is the short fingerprint printed in the footer: sha256 of the canonical
JSON of the figures (not of the présérie's status nor of the generation time), first 12 hex
characters — the same workspace and as-of date give the same digest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session, col, select

from ordnum_desktop.domain.bilan_comparison import BilanComparison, closed_figures, compare
from ordnum_desktop.domain.bilan_rules import Bilan, DoctorRate, WeeklySeries
from ordnum_desktop.domain.closing_note import ClosingNote
from ordnum_desktop.domain.followup_records import AnomalyRecord, AnswerRecord, LaunchRecord
from ordnum_desktop.domain.preserie_time import PreserieTime
from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.validation_scope import ValidationScope
from ordnum_desktop.domain.vocabulary import exercise_title
from ordnum_desktop.services.bilan.compute import compute_bilan, weekly_series
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.lifecycle.scope import scope_of
from ordnum_desktop.services.lifecycle.timing import referentiel_of, time_in
from ordnum_desktop.services.roster.preseries import selected_cpams
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import ClosedBilan, Preserie

DIGEST_KEYS = (
    "as_of",
    "criteria",
    "preconditions",
    "period",
    "unmatched_rows",
    "rejected_rows",
    "unmatched",
    "decision",
    "failed",
)


@dataclass
class PreserieSheet:
    """The présérie's identity as the cover page shows it."""

    id: int
    editor: str
    software: str
    version: str
    module: str
    exercise: str
    exercise_label: str
    small_market_share: bool
    cpams: list[str]  # « 33 — CPAM de la Gironde » labels
    cnda_reference: str
    cnda_date: date | None
    kickoff_date: date | None
    first_eprescription_date: date | None
    bilan_date: date | None
    status: str
    referentiel: str  # « 2025-01 — Référentiel présérie médecins — janvier 2025 »


# The records as they stood at the bilan's day (services/bilan/followup_at.py), under the names
# the PDF and workbook writers use.
PrerequisiteLine = LaunchRecord
SatisfactionLine = AnswerRecord
AnomalyLine = AnomalyRecord


@dataclass
class BilanDocument:
    preserie: PreserieSheet
    bilan: Bilan
    weekly: WeeklySeries
    workspace_name: str
    digest: str
    prerequisites: list[PrerequisiteLine] = field(default_factory=list)  # the three before start
    technical_prerequisites: list[str] = field(default_factory=list)
    technical_validated_at: datetime | None = None
    satisfaction: list[SatisfactionLine] = field(default_factory=list)  # user doctors' answers
    other_satisfaction: list[SatisfactionLine] = field(default_factory=list)  # shown apart
    anomalies: list[AnomalyLine] = field(default_factory=list)
    closing: ClosingNote | None = None  # set when the document is laid out to be closed
    comparison: BilanComparison | None = None  # with the previous closed bilan, when there is one
    time: PreserieTime | None = None  # weeks since the first e-prescription and the period's start
    scope: ValidationScope | None = None  # what the validation covers
    scope_sentences: list[str] = field(default_factory=list)  # its wording (the référentiel's)

    @property
    def as_of(self) -> date:
        return self.bilan.as_of

    @property
    def doctors(self) -> tuple[DoctorRate, ...]:
        return self.bilan.doctor_rate.doctors

    @property
    def mean_score(self) -> float | None:
        """The answers' mean overall score (1 to 5), None without answers."""
        scores = [a.score for a in self.satisfaction]
        return sum(scores) / len(scores) if scores else None

    def extras_json(self) -> dict[str, object]:
        return extras_json(self.time, self.scope)

    def question_scores(self, question_id: str) -> list[int]:
        return [a.scores[question_id] for a in self.satisfaction if question_id in a.scores]


def extras_json(time: PreserieTime | None, scope: ValidationScope | None) -> dict[str, object]:
    """What the bilan JSON gains beside the spec's keys (extra keys are allowed): `weeks` and
    `scope`. Left out of the digest, which fingerprints the figures only."""
    out: dict[str, object] = {}
    if time is not None:
        out["weeks"] = time.as_json()
    if scope is not None:
        out["scope"] = scope.as_json()
    return out


def bilan_context(
    ws: Workspace, preserie_id: int, day: date
) -> tuple[PreserieTime, ValidationScope, list[str]]:
    """The weeks at `day`, the validation scope and its sentences, for a bilan computed on its
    own (`ordnum bilan`, the Bilan tab)."""
    with ws.session() as s:
        p = s.get(Preserie, preserie_id)
        if p is None:
            raise UserError(f"Aucune présérie n° {preserie_id}.")
        scope = scope_of(p)
        return time_in(s, p, day), scope, scope.sentences(referentiel_of(p))


def figures_digest(bilan: Bilan) -> str:
    data = bilan.as_json()
    figures = {key: data.get(key) for key in DIGEST_KEYS}
    canonical = json.dumps(figures, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def _preserie_info(p: Preserie, cpam_ids: list[str]) -> PreserieSheet:
    try:
        ref = load_referentiel(p.referentiel or None)
    except FileNotFoundError:
        ref = load_referentiel()
    cpams = []
    for cid in cpam_ids:
        caisse = ref.caisse(cid)
        cpams.append(caisse.label if caisse else cid)
    return PreserieSheet(
        id=p.id or 0,
        editor=p.editor,
        software=p.software,
        version=p.version,
        module=p.module,
        exercise=p.exercise,
        exercise_label=exercise_title(p.exercise),
        small_market_share=p.small_market_share,
        cpams=cpams,
        cnda_reference=p.cnda_reference,
        cnda_date=p.cnda_date,
        kickoff_date=p.kickoff_date,
        first_eprescription_date=p.first_eprescription_date,
        bilan_date=p.bilan_date,
        status=p.status,
        referentiel=f"{ref.version} — {ref.label}",
    )


def previous_comparison(s: Session, preserie_id: int, bilan: Bilan) -> BilanComparison | None:
    """The bilan beside the latest bilan closed at an earlier day, read from its frozen JSON."""
    q = (
        select(ClosedBilan)
        .where(ClosedBilan.preserie_id == preserie_id, col(ClosedBilan.as_of) < bilan.as_of)
        .order_by(col(ClosedBilan.number).desc())
        .limit(1)
    )
    previous = s.exec(q).first()
    if previous is None:
        return None
    return compare(closed_figures(previous.number, json.loads(previous.figures_json)), bilan)


def gather_bilan_document(
    ws: Workspace, preserie_id: int, as_of: date | None = None, *, bilan: Bilan | None = None
) -> BilanDocument:
    """`bilan`: the figures the caller computed already for this présérie and `as_of` (the
    window's Bilan tab, `ordnum bilan` printing its summary), not computed a second time."""
    if bilan is None or (as_of is not None and bilan.as_of != as_of):
        bilan = compute_bilan(ws, preserie_id, as_of)
    day = bilan.as_of
    weekly = weekly_series(ws, preserie_id, day)
    with ws.session() as s:
        p = s.get(Preserie, preserie_id)
        assert p is not None  # compute_bilan refused an unknown présérie already
        info = _preserie_info(p, selected_cpams(s, preserie_id))
        # When the présérie's date was not typed: the planning's, by the rule every front end
        # shares (each doctor's typed date, else their traces).
        time = time_in(s, p, day)
        info.first_eprescription_date = time.first_eprescription
        scope = scope_of(p)
        sentences = scope.sentences(referentiel_of(p))
        comparison = previous_comparison(s, preserie_id, bilan)
    f = bilan.followup
    return BilanDocument(
        preserie=info,
        bilan=bilan,
        weekly=weekly,
        workspace_name=ws.name,
        digest=figures_digest(bilan),
        prerequisites=list(f.launch),
        technical_prerequisites=list(f.technical_prerequisites),
        technical_validated_at=f.validated_at,
        satisfaction=list(f.user_answers),
        other_satisfaction=list(f.other_answers),
        anomalies=list(f.anomalies),
        comparison=comparison,
        time=time,
        scope=scope,
        scope_sentences=sentences,
    )
