"""Traces import through the dialog: background thread, progress, cancel, report, bilan refresh."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QTimer

from ordnum_desktop.services.traces.importer import ImportReport
from ordnum_desktop.store.models import TraceRow
from ordnum_desktop.ui.dialogs.traces_dialog import REPORT, TracesImportDialog
from ordnum_desktop.ui.import_worker import ImportThread
from tests.bilan_fixture import am
from tests.trace_files import rows, write_csv


def _count_rows(window) -> int:  # type: ignore[no-untyped-def]
    from sqlmodel import func, select

    with window.ctx.ws.session() as s:
        return s.exec(select(func.count()).select_from(TraceRow)).one()


def _bilan(window):  # type: ignore[no-untyped-def]
    window.ui.tabs.setCurrentIndex(3)
    return window.tab_widgets["bilan"]


def test_import_through_the_dialog_updates_the_bilan_tab(window, prompts, qtbot, tmp_path: Path) -> None:
    bilan = _bilan(window)
    before = bilan.ui.doctorTable.item(0, 2).text()
    # 40 more prescriptions of doctor 0, one bad row, one stranger.
    data = list(rows(40, identifiers=[am(0)], prefix="NEW"))
    data.append(["32/13/2025 10:00", am(0), "", "BAD", "Médicaments", "Oui", "", "", ""])
    data.append(["2025-03-04 12:00:00", "441234567", "", "S1", "Biologie", "Non", "", "", ""])
    path = write_csv(tmp_path / "traces-avril.csv", data)
    report_path = tmp_path / "rapport.xlsx"
    seen: dict[str, object] = {}

    def drive(dialog: TracesImportDialog) -> bool:
        prompts.files.append(str(path))
        dialog.browse()
        assert dialog.ui.importButton.isEnabled()
        assert dialog.ui.previewTable.rowCount() > 0
        assert "Horodatage" in dialog.ui.columnsLabel.text()
        dialog.ui.importButton.click()
        qtbot.waitUntil(lambda: dialog.ui.pages.currentIndex() == REPORT, timeout=20000)
        seen["report"] = dialog.report
        seen["label"] = dialog.ui.reportLabel.text()
        prompts.files.append(str(report_path))
        dialog.ui.saveReportButton.click()
        dialog.ui.closeButton.click()
        return True

    prompts.dialog_handlers.append(drive)
    bilan.ui.importTracesButton.click()
    report = seen["report"]
    assert isinstance(report, ImportReport)
    assert (report.accepted, report.rejected, report.unmatched) == (41, 1, 1)
    assert "441234567" in str(seen["label"])
    assert bilan.ui.doctorTable.item(0, 2).text() == str(int(before) + 40)
    book = openpyxl.load_workbook(report_path)
    assert book["Rapport"]["B3"].value == 41
    assert book["Lignes refusées"]["A2"].value is not None
    strangers = {row[0].value for row in book["PS inconnus"].iter_rows(min_row=2)}
    assert strangers == {"441234567", "339999999"}  # every unknown PS of the présérie


def _big_file(tmp_path: Path, count: int) -> Path:
    return write_csv(tmp_path / "gros.csv", rows(count, identifiers=[am(1), am(2)], prefix="BIG"))


def test_cancel_leaves_no_row_and_the_thread_is_finished(window, qtbot, tmp_path: Path) -> None:
    before = _count_rows(window)
    dialog = TracesImportDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.set_file(_big_file(tmp_path, 30000))
    dialog.start_import()
    thread = dialog.thread
    assert thread is not None
    dialog.ui.cancelButton.click()  # before the first chunk ends: the service must roll back
    qtbot.waitUntil(lambda: dialog.outcome == "cancelled", timeout=30000)
    # The dialog waited for the thread before dropping it from the registry of running imports.
    assert dialog.thread is None and not ImportThread.active
    assert _count_rows(window) == before
    assert "aucune ligne" in dialog.ui.columnsLabel.text()


@pytest.mark.slow  # imports 120 000 rows to watch the window's clock tick meanwhile
def test_window_stays_responsive_during_an_import(window, qtbot, tmp_path: Path) -> None:
    dialog = TracesImportDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.set_file(_big_file(tmp_path, 120000))
    ticks: list[int] = []
    progress: list[int] = []
    timer = QTimer()
    timer.setInterval(5)

    def tick() -> None:  # runs on the GUI thread: it only fires when the event loop is free
        if dialog.thread is not None and dialog.thread.isRunning():
            ticks.append(1)
            progress.append(dialog.ui.progressBar.value())

    timer.timeout.connect(tick)
    timer.start()
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.outcome != "", timeout=120000)
    timer.stop()
    assert dialog.outcome == "imported"
    assert len(ticks) >= 3, "la fenêtre n'a pas traité d'événements pendant l'import"
    assert max(progress) > 0  # progress signals reached the bar while the thread ran
    assert dialog.thread is None


def test_a_refused_file_is_explained_and_cannot_be_imported(window, prompts, tmp_path: Path) -> None:
    path = tmp_path / "faux.csv"
    path.write_text("Date;Médecin\n2025-03-03;331230000\n", encoding="utf-8")
    dialog = TracesImportDialog(window.ctx, window)
    before = _count_rows(window)
    dialog.set_file(path)
    assert not dialog.ui.importButton.isEnabled()
    assert "manquantes" in dialog.ui.columnsLabel.text() or prompts.errors()
    assert _count_rows(window) == before
    dialog.deleteLater()
