"""On the demo, the window says what the command line and the PDF say: the same decision
statement, the same criterion titles, the same doctors and figures, the same satisfaction count
(one `Bilan`, presented)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from ordnum_desktop.cli import main
from ordnum_desktop.domain.bilan_wording import decision_statement
from ordnum_desktop.domain.fr_format import format_int
from ordnum_desktop.domain.vocabulary import Criterion
from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.demo.builder import build_demo
from ordnum_desktop.services.workspace.session import Workspace


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


@pytest.mark.slow  # the whole demo, written then read by the window, the CLI and the PDF
def test_window_cli_and_pdf_agree_on_the_demo(qtbot, prompts, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from ordnum_desktop.ui.main_window import MainWindow

    path = build_demo(tmp_path / "demo.sqlite")
    with Workspace.open(path) as ws:
        bilan = compute_bilan(ws, 1)
    assert main(["bilan", "--db", str(path), "--pdf", str(tmp_path / "b.pdf")]) == 0
    cli = capsys.readouterr().out
    pdf = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(tmp_path / "b.pdf").pages))

    win = MainWindow(prompts=prompts)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert win.open_path(path)
    win.ui.tabs.setCurrentIndex(3)  # tabs are built when first shown
    tab = win.tab_widgets["bilan"]
    shown = _plain(tab.ui.decisionLabel.text())
    statement = decision_statement(bilan)
    for line in statement.criteria + statement.preconditions + statement.notes:
        assert line in shown and line in cli  # the same sentences in the window and the CLI
        assert re.sub(r"\s+", " ", line) in pdf
    assert statement.headline in shown and f"Décision : {statement.headline}" in pdf
    for key in Criterion:  # one title per criterion: the card's is the CLI's and the PDF's
        assert tab.cards[key.value].title.text() == key.numbered
        assert key.numbered in cli and key.label in pdf
    assert {k: c.met for k, c in tab.cards.items()} == {k.value: bilan.criterion(k).met for k in Criterion}
    table = tab.ui.doctorTable
    rows = [
        (table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(table.rowCount())
    ]
    assert rows == [(d.name, d.identifier, format_int(d.prescriptions)) for d in bilan.doctor_rate.doctors]
    for d in bilan.doctor_rate.doctors:
        assert f"{d.name} ({d.identifier})" in cli and d.name in pdf
    sat = bilan.satisfaction
    assert f"{sat.answered} réponse(s) sur {sat.expected}" in tab.cards["satisfaction"].figures.text()
    assert f"{sat.answered} / {sat.expected} réponses" in pdf
    win.close()
