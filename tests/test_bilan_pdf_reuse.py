"""The printed bilan reuses what it drew: one figure per chart size for all doctors
(services/bilan/chart_reuse.py), kept for the next PDF of the process. Reuse must change nothing:
each reused chart is the chart a fresh figure draws, and the PDF made twice in one process is
byte for byte the PDF of a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from ordnum_desktop.domain.bilan_rules import WeekPoint
from ordnum_desktop.services.bilan import chart_reuse
from ordnum_desktop.services.bilan.charts import doctor_chart, render_image
from ordnum_desktop.services.bilan.document import gather_bilan_document
from ordnum_desktop.services.bilan.pdf_export import build_pdf
from ordnum_desktop.services.workspace.session import Workspace
from tests.bilan_fixture import populate

ROOT = Path(__file__).resolve().parents[1]
MONDAYS = [date(2025, 3, 3), date(2025, 3, 10), date(2025, 3, 17), date(2025, 3, 24)]
# Scales that differ from one doctor to the next: 40 a week, a week with none, everything
# numérique (the bars' top is then the digital bars' top), and a quiet doctor.
DOCTORS = [
    [(40, 10), (25, 20), (30, 30), (12, 0)],
    [(3, 1), (0, 0), (5, 5), (2, 1)],
    [(10, 10), (10, 10), (9, 9), (10, 10)],
    [(1, 0), (1, 1), (0, 0), (1, 0)],
]
GENERATED = datetime(2025, 4, 1, 9, 30)

FRESH = """
import sys
from datetime import datetime
from ordnum_desktop.services.bilan.document import gather_bilan_document
from ordnum_desktop.services.bilan.pdf_export import build_pdf
from ordnum_desktop.services.workspace.session import Workspace
ws = Workspace.open(sys.argv[1], read_only=True)
build_pdf(gather_bilan_document(ws, int(sys.argv[2])), sys.argv[3], generated_at=datetime(2025, 4, 1, 9, 30))
ws.close()
"""


def _weeks(counts: list[tuple[int, int]]) -> list[WeekPoint]:
    return [WeekPoint(m, prescriptions=p, digital=d) for m, (p, d) in zip(MONDAYS, counts, strict=True)]


def _differing(a: Image.Image, b: Image.Image) -> int:
    assert a.size == b.size
    diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 40 else 0)
    return diff.histogram()[255]


def test_each_reused_chart_is_the_chart_of_a_fresh_figure() -> None:
    painter = chart_reuse.DoctorChartPainter(_weeks(DOCTORS[0]), threshold=0.5, dpi=60)
    for n, counts in enumerate(DOCTORS):
        title = f"Médecin {n} (33123456{n}) — $x$"
        fresh = render_image(doctor_chart(_weeks(counts), title=title, threshold=0.5), dpi=60)
        reused = painter.paint(_weeks(counts), title)
        # Only a few antialiased pixels where the bars meet the redrawn axis lines may differ.
        assert _differing(fresh, reused) < fresh.size[0] * fresh.size[1] // 1000, n


def test_painters_are_kept_per_figure() -> None:
    weeks = _weeks(DOCTORS[0])
    chart_reuse.paint_doctor_chart(weeks, title="a", threshold=0.5, dpi=40)
    painter = chart_reuse._painters[(tuple(MONDAYS), 0.5, 40)]
    chart_reuse.paint_doctor_chart(_weeks(DOCTORS[1]), title="b", threshold=0.5, dpi=40)
    assert chart_reuse._painters[(tuple(MONDAYS), 0.5, 40)] is painter  # the same figure again
    chart_reuse.paint_doctor_chart(weeks[:2], title="c", threshold=0.5, dpi=40)  # other weeks
    assert (tuple(MONDAYS[:2]), 0.5, 40) in chart_reuse._painters
    # A doctor without any week gets the « Aucune prescription » chart, drawn whole.
    assert chart_reuse.paint_doctor_chart([], title="d", threshold=0.5, dpi=40).size[0] > 0


@pytest.mark.slow  # a fresh process that loads matplotlib and reportlab
def test_pdf_twice_in_one_process_is_the_pdf_of_a_fresh_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # reportlab dates the file (and derives its /ID) from SOURCE_DATE_EPOCH when it is set.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1743500000")
    path = tmp_path / "suivi.sqlite"
    ws = Workspace.open(path, create=True)
    try:
        pid = populate(ws, tmp_path, doctors=3, weeks=3)
        first = build_pdf(gather_bilan_document(ws, pid), tmp_path / "a.pdf", generated_at=GENERATED)
        second = build_pdf(gather_bilan_document(ws, pid), tmp_path / "b.pdf", generated_at=GENERATED)
    finally:
        ws.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ORDNUM_LOG_DIR": str(tmp_path / "logs")}
    fresh = tmp_path / "c.pdf"
    subprocess.run(
        [sys.executable, "-c", FRESH, str(path), str(pid), str(fresh)], check=True, env=env, timeout=120
    )
    assert first.read_bytes() == second.read_bytes() == fresh.read_bytes()
    assert b"/ASCII85Decode" not in first.read_bytes()  # binary streams, see pdf_export.py


def test_cli_hands_its_bilan_to_the_pdf_and_the_workbook(
    ws: Workspace, ws_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ordnum bilan --pdf --xlsx` prints the bilan it computed and lays out the same one: the
    figures are computed once, not once more for each document."""
    from ordnum_desktop.cli import main
    from ordnum_desktop.cli_commands import bilan_cmds
    from ordnum_desktop.services.bilan import compute, document

    pid = populate(ws, tmp_path, doctors=2, weeks=2)
    ws.close()
    calls: list[int] = []
    real = compute.compute_bilan

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    for module in (compute, document, bilan_cmds):
        monkeypatch.setattr(module, "compute_bilan", counted)
    pdf, xlsx = tmp_path / "b.pdf", tmp_path / "b.xlsx"
    command = ["bilan", "--db", str(ws_path), "--preserie", str(pid), "--pdf", str(pdf), "--xlsx", str(xlsx)]
    assert main(command) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0
    assert len(calls) == 1
