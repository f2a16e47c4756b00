"""Bilan tab: criteria cards, decision, follow-up forms, as-of date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from ordnum_desktop.domain.vocabulary import Criterion
from ordnum_desktop.ui.dialogs.satisfaction_dialog import SatisfactionDialog


def _bilan(window):  # type: ignore[no-untyped-def]
    window.ui.tabs.setCurrentIndex(3)
    return window.tab_widgets["bilan"]


def test_cards_and_decision_name_the_failed_criteria(window) -> None:
    bilan = _bilan(window)
    verdicts = {k: c.met for k, c in bilan.cards.items()}
    assert verdicts == {
        "doctor_rate": False,
        "registration": True,
        "operations": False,
        "prerequisites": True,
        "satisfaction": False,
    }
    text = bilan.ui.decisionLabel.text()
    assert "Prolongation" in text
    assert Criterion.SATISFACTION.numbered in text and Criterion.DOCTOR_RATE.numbered in text
    assert Criterion.REGISTRATION.numbered not in text
    assert bilan.ui.doctorTable.rowCount() == 10
    assert bilan.ui.doctorTable.item(0, 4).text() == "20,0\u202f%"
    assert len(bilan.doctors_page.charts) == 2 and bilan.doctors_page.charts[0].canvas is not None


def test_closing_the_blocking_anomaly_and_the_satisfaction_form_update_the_cards(window, prompts) -> None:
    bilan = _bilan(window)
    row = next(r for r, a in enumerate(bilan.anomalies_page.anomalies) if a.blocking and a.closed_at is None)
    bilan.ui.anomalyTable.selectRow(row)
    bilan.anomalies_page.close_selected_anomaly()
    # Closed today: the bilan at its own day (the last trace day) still sees it open…
    assert bilan.cards["operations"].met is False
    bilan.ui.asOfDate.setDate(QDate.currentDate())  # …the bilan at today sees it closed
    assert bilan.cards["operations"].met is True

    blocked = next(
        r for r, (_, a) in enumerate(bilan.satisfaction_page.answers) if a is not None and a.blocking
    )

    def answer(dialog: SatisfactionDialog) -> bool:
        assert len(dialog.combos) == len(dialog.questionnaire.questions)
        dialog.set_scores({q.id: 4 for q in dialog.questionnaire.questions})
        dialog.ui.blockingCheck.setChecked(False)
        dialog.accept()
        return dialog.result() == 1

    prompts.dialog_handlers.append(answer)
    bilan.ui.satisfactionTable.selectRow(blocked)
    bilan.satisfaction_page.answer_selected()
    assert bilan.cards["satisfaction"].met is True
    assert bilan.ui.satisfactionTable.item(blocked, 3).text() == "non"


def test_prerequisite_added_unvalidates_then_validate(window) -> None:
    bilan = _bilan(window)
    bilan.ui.prerequisiteEdit.setText("Certificat serveur renouvelé")
    bilan.prerequisites_page.add_prerequisite()
    assert bilan.ui.prerequisitesList.count() == 3
    # Added today: the bilan at its own day keeps the list as it stood, validated…
    assert bilan.cards["prerequisites"].met is True
    bilan.ui.asOfDate.setDate(QDate.currentDate())  # …at today the list changed: no longer validated
    assert bilan.cards["prerequisites"].met is False
    bilan.prerequisites_page.validate_prerequisites()
    assert bilan.cards["prerequisites"].met is True


def test_blocking_anomaly_added_fails_criterion_three(window) -> None:
    bilan = _bilan(window)
    bilan.ui.anomalyEdit.setText("")
    bilan.anomalies_page.add_anomaly()  # empty description: refused, nothing added
    count = bilan.ui.anomalyTable.rowCount()
    assert window.prompts.errors()
    bilan.ui.anomalyEdit.setText("Recherche impossible")
    bilan.ui.anomalyBlocking.setChecked(True)
    bilan.anomalies_page.add_anomaly()
    assert bilan.ui.anomalyTable.rowCount() == count + 1


def test_as_of_date_recomputes(window) -> None:
    bilan = _bilan(window)
    bilan.ui.asOfDate.setDate(QDate(2025, 3, 9))
    assert bilan.as_of == date(2025, 3, 9)
    assert bilan.ui.doctorTable.item(0, 2).text() == "10"


def test_undo_of_an_import_from_the_imports_page(window, prompts) -> None:
    bilan = _bilan(window)
    assert bilan.ui.importsTable.rowCount() == 1
    bilan.ui.importsTable.selectRow(0)
    prompts.yes_no.append(False)
    bilan.imports_page.undo_selected_import()
    assert bilan.ui.doctorTable.item(0, 2).text() == "60"
    prompts.yes_no.append(True)
    bilan.imports_page.undo_selected_import()
    assert bilan.ui.doctorTable.item(0, 2).text() == "0"
    assert bilan.ui.importsTable.item(0, 7).text().startswith("retiré le")


def test_answers_workbook_round_trip(window, prompts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bilan = _bilan(window)
    book = tmp_path / "questionnaire.xlsx"
    prompts.files.append(str(book))
    bilan.satisfaction_page.save_answers_template()
    assert book.exists()
    prompts.files.append(str(book))
    bilan.satisfaction_page.import_answers()  # the blank template: nothing recorded, no traceback
    assert "réponse(s) enregistrée(s)" in window.statusBar().currentMessage() or prompts.errors()


def test_charts_stop_at_the_last_traced_week(window) -> None:
    """A bilan dated two weeks after the last traces draws no empty weeks (issue 13)."""
    bilan = _bilan(window)
    bilan.ui.asOfDate.setDate(QDate(2025, 4, 21))
    assert bilan.as_of == date(2025, 4, 21)
    bilan.doctors_page.draw_selected_doctor()
    weeks = bilan.doctors_page.series[bilan.doctors_page.selected_identifier()]
    assert weeks[0].label == "03/03" and weeks[-1].label == "07/04"
    for slot in bilan.doctors_page.charts:
        figure = slot.canvas.figure
        figure.canvas.draw()
        labels = [t.get_text() for ax in figure.axes for t in ax.get_xticklabels() if t.get_text()]
        assert labels and "14/04" not in labels and "21/04" not in labels, labels
        assert figure.axes[0].get_xlim()[1] == len(weeks) - 0.5


def test_at_1024_px_names_are_whole_and_the_charts_apart(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The doctors' names were cut to « Médecin1… » and the two charts drawn over each other."""
    from PySide6.QtGui import QFontMetrics

    window.resize(1024, 768)
    bilan = _bilan(window)
    qtbot.wait(300)
    table = bilan.ui.doctorTable
    for r in range(table.rowCount()):
        name = table.item(r, 0)
        needed = QFontMetrics(name.font()).horizontalAdvance(name.text()) + 8
        assert needed <= table.columnWidth(0), name.text()
    first, second = (slot.canvas for slot in bilan.doctors_page.charts)
    assert first.geometry().bottom() < second.geometry().top()
    assert min(first.height(), second.height()) >= first.minimumHeight()
