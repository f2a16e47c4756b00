"""« Présérie ▸ Clore le bilan… »: the dialog closes the bilan the Bilan tab shows, through the same
service as `ordnum bilan close`; a meeting before the bilan's day is refused in French."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from ordnum_desktop.services.bilan.closing import list_closed
from ordnum_desktop.ui.dialogs.close_bilan_dialog import CloseBilanDialog


def test_close_bilan_from_the_window(window, prompts) -> None:
    def too_early(dialog: CloseBilanDialog) -> bool:
        as_of = dialog.ui.asOfDate.date().toPython()
        assert as_of == window.tab_widgets["bilan"].bilan.as_of
        assert "Décision du bilan" in dialog.ui.decisionLabel.text()
        dialog.ui.meetingDate.setDate(QDate(date(as_of.year, as_of.month, as_of.day)).addDays(-1))
        dialog.accept()
        return dialog.result() == 1

    prompts.dialog_handlers.append(too_early)
    window.close_bilan()
    assert any("précède la date du bilan" in e for e in prompts.errors())
    assert list_closed(window.ctx.ws, window.ctx.preserie_id) == []

    def sign(dialog: CloseBilanDialog) -> bool:
        dialog.ui.meetingDate.setDate(QDate(2025, 4, 15))
        dialog.ui.signatoriesEdit.setText("Mme Caisse (CPAM 33), M. Éditeur")
        dialog.accept()
        return dialog.result() == 1

    prompts.dialog_handlers.append(sign)
    window.close_bilan()
    (closed,) = list_closed(window.ctx.ws, window.ctx.preserie_id)
    assert (closed.number, closed.meeting_date, closed.decision) == (1, date(2025, 4, 15), "extend")
    assert closed.signatories == "Mme Caisse (CPAM 33), M. Éditeur" and closed.pdf.startswith(b"%PDF")
    assert window.ui.statusBadge.text() == "Prolongée"
    assert "Bilan n° 1 clos" in window.statusBar().currentMessage()
