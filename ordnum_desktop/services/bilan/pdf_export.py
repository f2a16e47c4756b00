"""The printed bilan (A4 PDF): what is put on the table and signed by the Assurance Maladie and
the éditeur. `write_bilan_pdf(ws, preserie_id, out_path, as_of=None) -> Path`.

Same workspace and as-of date → same figures and same digest; only the generation time in the
footer changes. The file is written beside its target and renamed, so a failure never leaves a
half-written PDF under the requested name.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from matplotlib.figure import Figure
from PIL.Image import Image as PILImage
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.platypus import PageBreak, SimpleDocTemplate
from reportlab.platypus.doctemplate import LayoutError

from ordnum_desktop.domain.bilan_rules import Bilan, WeekPoint
from ordnum_desktop.domain.fr_format import format_datetime
from ordnum_desktop.services.bilan.chart_reuse import paint_doctor_chart
from ordnum_desktop.services.bilan.charts import render_image
from ordnum_desktop.services.bilan.document import BilanDocument, gather_bilan_document
from ordnum_desktop.services.bilan.pdf import life_sections, sections
from ordnum_desktop.services.bilan.pdf.page import footer_text, numbered_canvas
from ordnum_desktop.services.bilan.pdf.styles import PAGE_MARGIN
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.followup.questionnaire import load_questionnaire
from ordnum_desktop.services.io.shared_files import disk_full_error, shared_file_mode
from ordnum_desktop.services.io.stale_parts import sweep_stale_parts
from ordnum_desktop.services.workspace.session import Workspace

PRINT_DPI = 150  # print resolution for the charts: sharp on paper, under 1 s for ten doctors
# Streams (page contents, the charts' pixels) stored as compressed binary, not also turned into
# ASCII85 text: reportlab does that in pure Python here (0.4 s of a ten-doctor bilan) for a file
# a quarter larger. PDF readers need neither.
rl_config.useA85 = 0


def _render(fig: Figure) -> PILImage:
    return render_image(fig, dpi=PRINT_DPI)


def _paint_doctor(weeks: Sequence[WeekPoint], title: str, threshold: float) -> PILImage:
    return paint_doctor_chart(weeks, title=title, threshold=threshold, dpi=PRINT_DPI)


def load_questions() -> list[dict[str, str]]:
    """The satisfaction questions (id, text) of the shipped questionnaire."""
    return [{"id": q.id, "text": q.text} for q in load_questionnaire().questions]


def build_pdf(doc: BilanDocument, out_path: Path | str, *, generated_at: datetime | None = None) -> Path:
    """Lays out a gathered bilan into `out_path` (A4)."""
    out = Path(out_path)
    generated = format_datetime(generated_at or datetime.now().replace(microsecond=0))
    p = doc.preserie
    story = [
        *sections.cover(doc, generated),
        *sections.decision(doc),
        *sections.criteria_table(doc),
        *life_sections.comparison(doc),
        *sections.doctors_table(doc, _render),
        *sections.doctor_charts(doc, _paint_doctor),
        PageBreak(),
        *sections.operations_table(doc),
        *sections.prerequisites(doc),
        *sections.satisfaction(doc, load_questions()),
        *sections.anomalies(doc),
        *sections.unmatched(doc),
        *life_sections.validation_scope(doc),
        *life_sections.closing_meeting(doc),
        *sections.signatures(doc),
    ]
    canvas = numbered_canvas(
        footer_text(doc.workspace_name, generated, doc.digest),
        header=f"Bilan de la présérie — {p.editor} · {p.software} {p.version}",
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale_parts(out.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=".bilan-", suffix=".pdf", dir=out.parent)
    os.close(fd)
    try:
        template = SimpleDocTemplate(
            tmp_name,
            pagesize=A4,
            leftMargin=PAGE_MARGIN,
            rightMargin=PAGE_MARGIN,
            topMargin=PAGE_MARGIN,
            bottomMargin=PAGE_MARGIN + 4,
            title=f"Bilan de la présérie Ordonnance numérique — {p.software} {p.version}",
            author=p.editor,
            subject=f"Bilan arrêté au {doc.as_of.strftime('%d/%m/%Y')}",
            creator="ordnum-desktop",
        )
        try:
            template.build(story, canvasmaker=canvas)
        except LayoutError as exc:
            raise UserError(
                "Le bilan n'a pas pu être mis en page : un texte saisi (nom, description "
                "d'anomalie…) est trop long pour tenir sur une page ; raccourcissez-le."
            ) from exc
        shared_file_mode(tmp_name)
        os.replace(tmp_name, out)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise disk_full_error(out, exc) from exc
        raise
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return out


def write_bilan_pdf(
    ws: Workspace,
    preserie_id: int,
    out_path: Path | str,
    as_of: date | None = None,
    *,
    bilan: Bilan | None = None,
) -> Path:
    """`bilan`: figures already computed for this `as_of` (see `gather_bilan_document`)."""
    out = Path(out_path)
    if out.suffix.lower() != ".pdf":
        raise UserError(f"Le fichier « {out.name} » doit porter l'extension .pdf.")
    if not out.parent.exists():
        raise UserError(f"Le dossier « {out.parent} » n'existe pas : impossible d'y écrire le bilan.")
    doc = gather_bilan_document(ws, preserie_id, as_of, bilan=bilan)
    try:
        return build_pdf(doc, out)
    except PermissionError as exc:
        raise UserError(f"Impossible d'écrire « {out} » : accès refusé (fichier ouvert ailleurs ?).") from exc
