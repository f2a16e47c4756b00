"""Closing a bilan (issue 11): the bilan put on the table at the meeting becomes a record.

`close_bilan` computes the bilan once, lays out its PDF, and stores the figures (the bilan JSON),
the digest, the PDF bytes, the decision, the meeting date and the signatories in `closed_bilan`,
numbered per présérie. Nothing reads the traces or the roster again for a closed bilan: later
imports, undos and roster edits leave it as it was (a trigger of migration 0005 refuses any
update). The présérie's status moves with the closed decision in the same transaction:
deploy → « Validée », extend → « Prolongée ». The status check of services/followup/status.py
is not asked: the closed decision is the bilan it wants.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlmodel import col, func, select

from ordnum_desktop.domain.bilan_comparison import ClosedFigures, closed_figures
from ordnum_desktop.domain.closing_note import ClosingNote
from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.vocabulary import Decision, PreserieStatus
from ordnum_desktop.services.bilan.document import gather_bilan_document
from ordnum_desktop.services.errors import Hint, RuleError, UserError
from ordnum_desktop.services.io.private_temp import private_temp
from ordnum_desktop.services.io.stale_parts import sweep_stale_parts
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store import audit
from ordnum_desktop.store.models import ClosedBilan, Preserie

STATUS_AFTER = {Decision.DEPLOY: PreserieStatus.VALIDEE, Decision.EXTEND: PreserieStatus.PROLONGEE}


def _pdf_bytes(doc: Any, generated_at: datetime) -> bytes:
    # reportlab and matplotlib load only when a bilan is closed.
    from ordnum_desktop.services.bilan.pdf_export import build_pdf

    with private_temp(), tempfile.TemporaryDirectory(prefix="ordnum-bilan-") as tmp:
        return build_pdf(doc, Path(tmp) / "bilan.pdf", generated_at=generated_at).read_bytes()


def _last(ws: Workspace, preserie_id: int) -> ClosedBilan | None:
    with ws.session() as s:
        q = (
            select(ClosedBilan)
            .where(ClosedBilan.preserie_id == preserie_id)
            .order_by(col(ClosedBilan.number).desc())
            .limit(1)
        )
        return s.exec(q).first()


def close_bilan(
    ws: Workspace,
    preserie_id: int,
    as_of: date | None,
    meeting_date: date,
    signatories: str = "",
    *,
    early: bool = False,
) -> ClosedBilan:
    """Freezes the bilan at `as_of` (None: the latest trace day) as decided at the meeting of
    `meeting_date`; returns the stored record. A bilan before the référentiel's minimum duration
    (domain/preserie_time.py) is refused unless `early` confirms it; the record and the PDF then
    say so."""
    meeting = meeting_date
    doc = gather_bilan_document(ws, preserie_id, as_of)
    bilan = doc.bilan
    if meeting < bilan.as_of:
        raise UserError(
            f"La réunion du {format_date(meeting)} précède la date du bilan ({format_date(bilan.as_of)}) : "
            "un bilan se clôt à une réunion tenue ce jour-là ou après. Corrigez la date de la réunion "
            "ou la date du bilan."
        )
    previous = _last(ws, preserie_id)
    if previous is not None and bilan.as_of < previous.as_of:
        raise RuleError(
            f"Le bilan n° {previous.number} a déjà été clos au {format_date(previous.as_of)} : "
            f"un nouveau bilan ne peut pas être arrêté plus tôt ({format_date(bilan.as_of)}). "
            "Choisissez une date de bilan postérieure."
        )
    is_early = doc.time is not None and doc.time.early
    if is_early and not early:
        assert doc.time is not None
        raise RuleError(
            f"Le bilan au {format_date(bilan.as_of)} serait clos avant la durée minimale de la "
            f"présérie : {doc.time.early_reason()}.",
            hint=Hint.CONFIRM_EARLY_CLOSING,
        )
    number = previous.number + 1 if previous is not None else 1
    # The meeting's facts go into the PDF itself: the stored bytes are the signed document.
    doc.closing = ClosingNote(number, meeting, signatories.strip(), early=is_early)
    closed_at = datetime.now().replace(microsecond=0)
    pdf = _pdf_bytes(doc, closed_at)
    decision = bilan.decision
    with ws.session() as s:
        p = s.get(Preserie, preserie_id)
        assert p is not None  # the bilan above refused an unknown présérie
        record = ClosedBilan(
            preserie_id=preserie_id,
            number=number,
            as_of=bilan.as_of,
            closed_at=closed_at,
            meeting_date=meeting,
            signatories=signatories.strip(),
            decision=decision.value,
            digest=doc.digest,
            figures_json=json.dumps(bilan.as_json() | doc.extras_json(), ensure_ascii=False, default=str),
            pdf=pdf,
            early=is_early,
        )
        s.add(record)
        p.status = STATUS_AFTER[decision].value  # audited as an update of the présérie
        s.add(p)
        s.flush()
        # closed_bilan is not in the audited tables (its PDF and JSON do not belong in the
        # trail): one entry with what identifies the record.
        audit.record(
            s.connection(),
            action="insert",
            entity="closed_bilan",
            entity_id=record.id,
            preserie_id=preserie_id,
            after=summary(record),
        )
    return record


def summary(record: ClosedBilan) -> dict[str, Any]:
    """What `bilan history` lists of a closed bilan (no figures, no PDF)."""
    return {
        "number": record.number,
        "as_of": record.as_of.isoformat(),
        "meeting_date": record.meeting_date.isoformat(),
        "closed_at": record.closed_at.isoformat(sep=" ", timespec="seconds"),
        "decision": record.decision,
        "digest": record.digest,
        "signatories": record.signatories,
        "early": record.early,
    }


def figures(record: ClosedBilan) -> Any:
    """The bilan JSON as it was closed."""
    return json.loads(record.figures_json)


def figures_of(record: ClosedBilan) -> ClosedFigures:
    """The closed bilan's figures, typed (domain/bilan_comparison.py), read from its JSON."""
    return closed_figures(record.number, figures(record))


def last_closed(ws: Workspace, preserie_id: int) -> ClosedBilan | None:
    """The latest closed bilan of the présérie (None before the first closing)."""
    return _last(ws, preserie_id)


def list_closed(ws: Workspace, preserie_id: int) -> list[ClosedBilan]:
    with ws.session() as s:
        q = (
            select(ClosedBilan)
            .where(ClosedBilan.preserie_id == preserie_id)
            .order_by(col(ClosedBilan.number))
        )
        return list(s.exec(q).all())


def closed_bilan(ws: Workspace, preserie_id: int, number: int) -> ClosedBilan:
    with ws.session() as s:
        q = select(ClosedBilan).where(ClosedBilan.preserie_id == preserie_id, ClosedBilan.number == number)
        found = s.exec(q).first()
        count = s.exec(select(func.count()).where(ClosedBilan.preserie_id == preserie_id)).one()
    if found is None:
        known = f"ses bilans clos vont du n° 1 au n° {count}" if count else "aucun de ses bilans n'a été clos"
        raise UserError(
            f"Aucun bilan clos n° {number} pour la présérie n° {preserie_id} : {known}. "
            "Choisissez un numéro de la liste des bilans clos."
        )
    return found


def write_pdf(record: ClosedBilan, out_path: Path | str) -> Path:
    """Writes the PDF bytes stored at the closing, unchanged, beside the target then renamed."""
    out = Path(out_path)
    if out.suffix.lower() != ".pdf":
        raise UserError(f"Le fichier « {out.name} » doit porter l'extension .pdf.")
    if not out.parent.exists():
        raise UserError(f"Le dossier « {out.parent} » n'existe pas : impossible d'y écrire le bilan.")
    try:
        sweep_stale_parts(out.parent)
        fd, tmp_name = tempfile.mkstemp(prefix=".bilan-", suffix=".pdf", dir=out.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(record.pdf)
            os.replace(tmp_name, out)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
    except PermissionError as exc:
        raise UserError(f"Impossible d'écrire « {out} » : accès refusé (fichier ouvert ailleurs ?).") from exc
    return out


__all__ = [
    "STATUS_AFTER",
    "close_bilan",
    "closed_bilan",
    "figures",
    "figures_of",
    "last_closed",
    "list_closed",
    "summary",
    "write_pdf",
]
