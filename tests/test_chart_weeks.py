"""The weekly charts draw only the weeks that hold traced days of the bilan: a bilan dated two
weeks after the last import has no empty weeks at the end of its charts, in the PDF as in the
window (issue 13: « 14/04 » drawn empty on every chart)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from matplotlib.figure import Figure
from PIL.Image import Image as PILImage

from ordnum_desktop.domain.bilan_rules import WeekPoint
from ordnum_desktop.services.bilan.chart_reuse import DoctorChartPainter
from ordnum_desktop.services.bilan.document import gather_bilan_document
from ordnum_desktop.services.bilan.pdf import sections
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.workspace.session import Workspace
from tests.bilan_scenario import D1, D2, SCENARIO, setup_roster, write

LATE_MONDAY = date(2025, 3, 24)  # the last traced day is Tuesday 11/03


def _labels(figure: Figure) -> list[str]:
    figure.canvas.draw() if figure.canvas is not None else None
    return [t.get_text() for ax in figure.axes for t in ax.get_xticklabels() if t.get_text()]


def test_pdf_charts_stop_at_the_last_traced_week(ws: Workspace, tmp_path: Path) -> None:
    pid, _ = setup_roster(ws)
    import_traces(ws, pid, write(tmp_path / "t.csv", SCENARIO))
    doc = gather_bilan_document(ws, pid, LATE_MONDAY)
    assert doc.bilan.as_of == LATE_MONDAY
    assert [w.label for w in doc.weekly[D1]] == ["03/03", "10/03"]
    assert [w.label for w in doc.weekly[D2]] == ["03/03", "10/03"]

    drawn: list[list[str]] = []

    def paint(weeks: Sequence[WeekPoint], title: str, threshold: float) -> PILImage:
        painter = DoctorChartPainter(weeks, threshold, dpi=40)  # the PDF's reused figure
        drawn.append(_labels(painter.figure))
        return painter.paint(weeks, title)

    assert sections.doctor_charts(doc, paint)
    assert drawn and all(labels for labels in drawn)
    for labels in drawn:  # both panels of every doctor: the two traced weeks, nothing after
        assert set(labels) <= {"03/03", "10/03"}, labels
        assert "17/03" not in labels and "24/03" not in labels
