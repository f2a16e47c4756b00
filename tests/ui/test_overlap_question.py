"""The window asks before storing a minute-precision re-export of an earlier import (issue 13):
nothing is stored unless confirmed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ordnum_desktop.services.traces.importer import list_batches
from ordnum_desktop.ui.dialogs.traces_dialog import PREVIEW, REPORT, TracesImportDialog
from tests.bilan_fixture import am
from tests.trace_files import meeting_rows, write_text, write_xlsx


def _import(window, qtbot, path: Path) -> TracesImportDialog:  # type: ignore[no-untyped-def]
    dialog = TracesImportDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.set_file(path)
    dialog.start_import()
    return dialog


def test_a_minute_reexport_asks_and_stores_only_when_confirmed(
    window, prompts, qtbot, tmp_path: Path
) -> None:
    data = meeting_rows(am(0), datetime(2025, 3, 20, 8, 0, 33))
    dialog = _import(window, qtbot, write_xlsx(tmp_path / "export-secondes.xlsx", data))
    qtbot.waitUntil(lambda: dialog.ui.pages.currentIndex() == REPORT, timeout=20000)
    pid = window.ctx.preserie_id
    batches = len(list_batches(window.ctx.ws, pid))
    again = write_text(
        tmp_path / "export-minute.csv", data, encoding="cp1252", french_dates=True, seconds=False
    )

    # The import finds the overlap in its own transaction (the file is read once), rolls back,
    # and the dialog asks.
    prompts.yes_no.append(False)
    dialog = _import(window, qtbot, again)
    qtbot.waitUntil(lambda: bool(prompts.messages) and prompts.messages[-1][0] == "question", timeout=20000)
    kind, _title, text = prompts.messages[-1]
    assert kind == "question"
    assert "« export-secondes.xlsx »" in text and "« export-minute.csv »" in text and "import n° " in text
    assert dialog.thread is None and len(list_batches(window.ctx.ws, pid)) == batches
    assert dialog.ui.pages.currentIndex() == PREVIEW and dialog.outcome == ""

    prompts.yes_no.append(True)
    dialog = _import(window, qtbot, again)
    qtbot.waitUntil(lambda: dialog.ui.pages.currentIndex() == REPORT, timeout=20000)
    assert len(list_batches(window.ctx.ws, pid)) == batches + 1
