"""« Présérie ▸ Historique des bilans… »: the closed bilans listed, the selected one's figures shown
as closed, its signed PDF saved byte for byte."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ordnum_desktop.services.bilan.closing import close_bilan
from ordnum_desktop.ui.dialogs.bilan_history_dialog import BilanHistoryDialog


def test_history_lists_and_gives_back_the_pdf(window, prompts, tmp_path: Path) -> None:
    ws, pid = window.ctx.ws, window.ctx.preserie_id
    record = close_bilan(ws, pid, date(2025, 4, 7), date(2025, 4, 8), "Mme Caisse")
    out = tmp_path / "signe.pdf"

    def look(dialog: BilanHistoryDialog) -> bool:
        assert dialog.table.rowCount() == 1
        assert dialog.table.item(0, 3).text() == "Prolongation de la présérie"
        assert dialog.table.item(0, 5).text() == record.digest
        html = dialog.details.toHtml()
        assert "Bilan n° 1 au 07/04/2025" in html and "Taux par médecin" in html
        prompts.files.append(str(out))
        dialog.save_pdf()
        return True

    prompts.dialog_handlers.append(look)
    window.show_bilan_history()
    assert out.read_bytes() == record.pdf


def test_bilan_tab_shows_the_comparison(window) -> None:
    ws, pid = window.ctx.ws, window.ctx.preserie_id
    close_bilan(ws, pid, date(2025, 3, 31), date(2025, 4, 1), "")
    tab = window._bilan_tab()
    tab.ui.asOfDate.setDate(tab.ui.asOfDate.date().addDays(7))
    assert tab.comparison_label.isVisibleTo(tab)
    assert "Par rapport au bilan n° 1 au 31/03/2025" in tab.comparison_label.text()
    assert "Taux par médecin" in tab.comparison_label.text()


def test_extend_from_the_window(window, prompts) -> None:
    from PySide6.QtCore import QDate

    from ordnum_desktop.services.lifecycle.periods import current_period
    from ordnum_desktop.ui.dialogs.extend_dialog import ExtendDialog

    ws, pid = window.ctx.ws, window.ctx.preserie_id
    close_bilan(ws, pid, date(2025, 4, 7), date(2025, 4, 8), "")

    def extend(dialog: ExtendDialog) -> bool:
        dialog.start_date.setDate(QDate(2025, 4, 14))
        dialog.version_edit.setText("4.3")
        dialog.accept()
        return dialog.result() == 1

    prompts.dialog_handlers.append(extend)
    window.extend_preserie()
    period = current_period(ws, pid)
    assert (period.number, period.start, period.software_version) == (2, date(2025, 4, 14), "4.3")
    assert "période 2" in window.statusBar().currentMessage()
