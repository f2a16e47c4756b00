"""The import dialog shows the rejections grouped by cause and the rows set aside (issue 17)."""

from __future__ import annotations

from pathlib import Path

from ordnum_desktop.domain.fr_format import NNBSP
from ordnum_desktop.ui.dialogs.traces_dialog import REPORT, TracesImportDialog
from tests.bilan_fixture import am
from tests.trace_files import HEADER, rows, write_csv

PRESTATION = HEADER.index("Type de prestation")


def test_dialog_shows_one_sentence_per_cause_and_the_out_of_scope_rows(window, qtbot, tmp_path: Path) -> None:
    data = list(rows(1300, identifiers=[am(0)], prefix="GRP"))
    for i in range(1200):
        data[i][PRESTATION] = "PHARMA"
    data[1250][PRESTATION] = "Imagerie"
    data[1251][PRESTATION] = "Transport"
    dialog = TracesImportDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.set_file(write_csv(tmp_path / "pharma.csv", data))
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.ui.pages.currentIndex() == REPORT, timeout=30000)
    report = dialog.report
    assert report is not None and report.rejected == 1200 and report.out_of_scope == 2
    text = dialog.ui.reportLabel.text()
    assert "inconnu (attendu : Médicaments" in text
    assert f") : 1{NNBSP}200 lignes, dont 2, 3, 4, 5, 6, 7, 8, 9, 10, 11…" in text
    assert text.count("PHARMA") == 1
    assert "2 lignes hors périmètre (imagerie, transports sanitaires) mises de côté" in text
    assert dialog.ui.errorsTable.rowCount() == 1200  # the detail stays below, row by row

    # The imports list of the Bilan tab counts the rows set aside for that file.
    window.ui.tabs.setCurrentIndex(3)
    imports = window.tab_widgets["bilan"]
    imports.imports_page.fill()
    table = imports.ui.importsTable
    assert table.horizontalHeaderItem(8).text() == "Hors périmètre"
    assert table.item(0, 0).text() == "pharma.csv" and table.item(0, 8).text() == "2"
