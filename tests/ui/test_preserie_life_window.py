"""The présérie's life in the window: weeks in the header and the Bilan tab, the early-closing
question, the validation scope and deployment dialogs, the « Vue d'ensemble » tab (first when the
file holds several préséries, sortable, double-click opens, workbook export)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from ordnum_desktop.services.bilan.closing import close_bilan, list_closed
from ordnum_desktop.services.lifecycle.overview import COLUMNS
from ordnum_desktop.services.lifecycle.scope import get_scope
from ordnum_desktop.services.roster.preseries import create_preserie, resolve_preserie
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.ui.dialogs.close_bilan_dialog import CloseBilanDialog


def _open(qtbot, prompts, path: Path):  # type: ignore[no-untyped-def]
    from ordnum_desktop.ui.main_window import MainWindow

    win = MainWindow(prompts=prompts)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert win.open_path(path)
    return win


@pytest.fixture
def two_preseries(populated_path: Path) -> Path:
    path = populated_path
    ws = Workspace.open(path)
    try:
        create_preserie(
            ws, editor="Autre éditeur", software="Logi", version="1.0", exercise="centre", cpams=["94"]
        )
    finally:
        ws.close()
    return path


def test_header_and_bilan_tab_show_the_weeks_and_the_scope(window) -> None:
    dates = window.ui.datesLabel.text()
    # Fixture: first e-prescription 04/03/2025, kick-off 20/02/2025, latest trace 08/04/2025.
    assert "<b>5 semaines</b> depuis la 1re e-prescription" in dates
    assert "période 1 : <b>6 semaines</b>" in dates
    tab = window._bilan_tab()
    text = tab.life_label.text()
    assert "Durée au 08/04/2025 :" in text and "5 semaines depuis la 1re ordonnance numérique" in text
    assert "Périmètre de la validation :" in text and "même module Ordonnance numérique" in text
    tab.ui.asOfDate.setDate(QDate(2025, 3, 24))
    assert "durée minimale de 4 semaines non atteinte" in tab.life_label.text()


def test_closing_early_asks_first(window, prompts) -> None:
    ws, pid = window.ctx.ws, window.ctx.preserie_id
    window._bilan_tab().ui.asOfDate.setDate(QDate(2025, 3, 24))
    prompts.yes_no += [False, True]

    def refuse_then_accept(dialog: CloseBilanDialog) -> bool:
        assert "Durée : 3 semaines depuis la 1re ordonnance numérique" in dialog.ui.decisionLabel.text()
        dialog.ui.meetingDate.setDate(QDate(2025, 3, 25))
        dialog.accept()  # « Ne pas clore »: nothing closed, the dialog stays open
        assert dialog.closed is None and list_closed(ws, pid) == []
        dialog.accept()  # « Clore quand même »
        return dialog.closed is not None

    prompts.dialog_handlers.append(refuse_then_accept)
    window.close_bilan()
    questions = [text for kind, _, text in prompts.messages if kind == "question"]
    assert len(questions) == 2 and "avant la durée minimale" in questions[0]
    assert "3 semaines au 24/03/2025" in questions[0]
    [record] = list_closed(ws, pid)
    assert record.early and record.as_of == date(2025, 3, 24)

    from ordnum_desktop.ui.dialogs.bilan_history_dialog import BilanHistoryDialog

    def look(dialog: BilanHistoryDialog) -> bool:
        html = dialog.details.toHtml()
        assert "Clôture anticipée" in html and "3 semaines depuis la 1re ordonnance numérique" in html
        return True

    prompts.dialog_handlers.append(look)
    window.show_bilan_history()


def test_scope_dialog_records_and_previews(window, prompts) -> None:
    from ordnum_desktop.ui.dialogs.scope_dialog import ScopeDialog

    def fill(dialog: ScopeDialog) -> bool:
        dialog.products_edit.setPlainText("Logi B\nLogi C")
        dialog.both_box.setChecked(True)
        assert "valable pour les deux situations" in dialog.preview.text()
        dialog.engine_box.setChecked(True)
        assert "la validation ne couvre pas" in dialog.preview.text()
        dialog.engine_box.setChecked(False)
        dialog.accept()
        return dialog.result() == 1

    prompts.dialog_handlers.append(fill)
    window.edit_scope()
    scope = get_scope(window.ctx.ws, window.ctx.preserie_id)
    assert scope.products == ("Logi B", "Logi C") and scope.serves_both and not scope.third_party_engine
    assert "Périmètre de la validation enregistré" in window.statusBar().currentMessage()
    assert "Logi B ; Logi C" in window._bilan_tab().life_label.text()


def test_deployment_refused_after_an_extend_bilan(window, prompts) -> None:
    close_bilan(window.ctx.ws, window.ctx.preserie_id, date(2025, 4, 8), date(2025, 4, 9))
    window.record_deployment()  # no dialog: the refusal comes first
    assert any("conclut à la prolongation" in e for e in prompts.errors())


def test_deployment_steps_from_the_window(qtbot, prompts, deploy_path: Path) -> None:
    from ordnum_desktop.ui.dialogs.deploy_dialog import DeployDialog

    path = deploy_path
    ws = Workspace.open(path)
    try:
        pid = resolve_preserie(ws, None).id
        close_bilan(ws, pid, None, date(2025, 4, 15))
    finally:
        ws.close()
    win = _open(qtbot, prompts, path)

    def date_steps(dialog: DeployDialog) -> bool:
        meeting_box, meeting = dialog.steps["deployment_meeting_date"]
        meeting_box.setChecked(True)
        meeting.setDate(QDate(2025, 4, 20))
        authorised_box, authorised = dialog.steps["authorised_date"]
        authorised_box.setChecked(True)
        authorised.setDate(QDate(2025, 5, 15))
        dialog.accept()
        return dialog.result() == 1

    prompts.dialog_handlers.append(date_steps)
    win.record_deployment()
    p = resolve_preserie(win.ctx.ws, pid)
    assert (p.deployment_meeting_date, p.authorised_date, p.traces_off_date) == (
        date(2025, 4, 20),
        date(2025, 5, 15),
        None,
    )
    assert p.status == "generalisation" and win.ui.statusBadge.text() == "Généralisation"
    win.close()


def test_overview_first_sortable_opens_and_exports(  # type: ignore[no-untyped-def]
    qtbot, prompts, two_preseries: Path, tmp_path: Path
) -> None:
    win = _open(qtbot, prompts, two_preseries)
    assert win.ui.tabs.currentIndex() == 4 and win.ui.tabs.tabText(4) == "Vue d'ensemble"
    tab = win.tab_widgets["overview"]
    table = tab.table
    assert table.rowCount() == 2
    titles = [table.horizontalHeaderItem(c).text().replace("\n", " ") for c in range(table.columnCount())]
    assert titles == [c.title for c in COLUMNS]
    editor = titles.index("Éditeur")
    weeks = titles.index("Semaines depuis la 1re e-prescription")
    # Sorted by number, then by editor descending: « Santé & Co » before « Autre éditeur ».
    table.sortItems(editor, Qt.SortOrder.DescendingOrder)
    assert [table.item(r, editor).text() for r in range(2)] == ["Santé & Co", "Autre éditeur"]
    table.sortItems(weeks, Qt.SortOrder.AscendingOrder)  # a number, and the empty cell last
    assert [table.item(r, weeks).text() for r in range(2)] == ["5", "—"]

    out = tmp_path / "vue.xlsx"
    prompts.files.append(str(out))
    tab.export_button.click()
    sheet = load_workbook(out)["Vue d'ensemble"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [c.title for c in COLUMNS]
    assert sorted(r[1] for r in rows[1:]) == ["Autre éditeur", "Santé & Co"]

    row_of_other = next(r for r in range(2) if table.item(r, editor).text() == "Autre éditeur")
    table.cellDoubleClicked.emit(row_of_other, editor)
    assert win.ui.tabs.currentIndex() == 0
    assert win.ui.preserieCombo.currentText().startswith("Autre éditeur")
    assert win.ctx.preserie_id == 2
    win.close()


def test_one_preserie_opens_on_its_tabs(window) -> None:
    assert window.ui.tabs.currentIndex() != 4
    window.show_overview()
    assert window.ui.tabs.currentIndex() == 4
    assert window.tab_widgets["overview"].table.rowCount() == 1


def test_overview_fits_1280_px_without_cutting_a_word(qtbot, prompts, two_preseries: Path) -> None:  # type: ignore[no-untyped-def]
    """At 1280 px the 15 columns share the width (no sideways scrolling); at 853 px (1280 at
    150 %) it scrolls rather than cut a word of a cell or a line of a header."""
    win = _open(qtbot, prompts, two_preseries)
    table = win.tab_widgets["overview"].table
    cells, header = table.fontMetrics(), table.horizontalHeader().fontMetrics()
    for width, scrolls in ((1280, False), (853, True)):
        win.resize(width, 800)
        qtbot.wait(50)
        assert (
            table.horizontalScrollBar().maximum() > 0
            if scrolls
            else table.horizontalScrollBar().maximum() == 0
        )
        for c in range(table.columnCount()):
            lines = table.horizontalHeaderItem(c).text().split("\n")
            words = [w for r in range(table.rowCount()) for w in table.item(r, c).text().split()]
            assert table.columnWidth(c) > max(header.horizontalAdvance(x) for x in lines), (width, c)
            assert table.columnWidth(c) > max(cells.horizontalAdvance(x) for x in words), (width, c)
    win.close()


def test_shared_widths_narrow_the_widest_first_and_never_below_the_least() -> None:
    from ordnum_desktop.ui.widgets.column_share import shared_widths

    assert shared_widths([50, 80], [20, 20], 200) == [50, 80]  # room to spare: as they are
    assert shared_widths([50, 300, 200], [40, 60, 60], 300) == [50, 125, 125]
    assert shared_widths([50, 300], [45, 290], 100) == [45, 290]  # too narrow: it will scroll
