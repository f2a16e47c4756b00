"""Planning from the traces on every front end (issue 17, bullet 5): after importing traces, the
window header, the Planning tab, the CPAM workbooks and the PDF give the same first
e-prescription date, and the same doctors are « en retard »."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from ordnum_desktop.cli import main
from ordnum_desktop.services.planning.dates import update_plan
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.workspace.session import Workspace
from tests.bilan_scenario import D1, D4, SCENARIO, setup_roster, write
from tests.ui.scripted_prompts import ScriptedPrompts

FIRST_ERX = "03/03/2025"  # D1 and D2's first « Oui » rows; nothing typed


def _workspace(tmp_path: Path) -> Path:
    path = tmp_path / "w.sqlite"
    with Workspace.open(path, create=True) as ws:
        pid, ids = setup_roster(ws)
        import_traces(ws, pid, write(tmp_path / "t.csv", SCENARIO))
        # Both planned before the traces began: D1 has traces (never late), D4 none (late).
        for doctor_id in (ids[0], ids[3]):
            update_plan(ws, doctor_id, planned_install=date(2025, 3, 1))
    return path


def test_header_tab_workbooks_and_pdf_agree(qtbot, prompts: ScriptedPrompts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _workspace(tmp_path)
    out = tmp_path / "planning"
    assert main(["planning", "export", "--db", str(path), str(out)]) == 0
    pdf = tmp_path / "bilan.pdf"
    assert main(["bilan", "--db", str(path), "--pdf", str(pdf)]) == 0

    sheet = load_workbook(next(out.glob("*-complet.xlsx")))["Planning"]
    header, *cells = list(sheet.iter_rows(values_only=True))
    col = {title: k for k, title in enumerate(header)}
    rows = {r[col["N° AM"]]: r for r in cells}
    book_first = min(
        r[col["Première ordonnance numérique"]] for r in cells if r[col["Première ordonnance numérique"]]
    )
    assert book_first.strftime("%d/%m/%Y") == FIRST_ERX
    assert {am for am, r in rows.items() if r[col["En retard"]] == "Oui"} == {D4}
    assert rows[D1][col["Installation réalisée"]].strftime("%d/%m/%Y") == FIRST_ERX

    pdf_text = " ".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    assert f"Première ordonnance numérique {FIRST_ERX}" in " ".join(pdf_text.split())

    from ordnum_desktop.ui.main_window import MainWindow

    win = MainWindow(prompts=prompts)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(path)
    qtbot.waitUntil(lambda: "1re e-prescription" in win.ui.datesLabel.text(), timeout=5000)
    assert f"1re e-prescription <b>{FIRST_ERX}</b>" in win.ui.datesLabel.text()
    win.ui.tabs.setCurrentIndex(2)
    tab = win.tab_widgets["planning"]
    tab.refresh()
    model = tab.model
    assert {r.doctor.am for r in model.rows if model.overdue(r)} == {D4}
    assert model.view.first_erx is not None and model.view.first_erx.strftime("%d/%m/%Y") == FIRST_ERX
    assert "1 en retard" in tab.ui.planHint.text()
    win.close()


def test_planning_headers_are_whole_at_1024_px(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Each column header shows its whole title (« Installation prévue » was « stallation prévu »)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics

    window.resize(1024, 768)
    window.ui.tabs.setCurrentIndex(2)
    qtbot.wait(100)
    table = window.tab_widgets["planning"].ui.table
    header = table.horizontalHeader()
    metrics = QFontMetrics(header.font())
    model = table.model()
    cut = []
    for c in range(model.columnCount()):
        lines = str(model.headerData(c, Qt.Orientation.Horizontal)).split("\n")
        if max(metrics.horizontalAdvance(line) for line in lines) + 8 > header.sectionSize(c):
            cut.append(lines)
        assert " ".join(lines) == model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert not cut, cut
    assert header.height() >= 2 * metrics.lineSpacing()  # room for the two lines
