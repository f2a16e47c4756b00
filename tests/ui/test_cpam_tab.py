"""CPAM tab: one to three referent caisses, the fourth refused."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ordnum_desktop.services.roster.preseries import selected_cpams


def _row_of(tab, caisse_id: str) -> int:  # type: ignore[no-untyped-def]
    table = tab.ui.caisseTable
    return next(
        r for r in range(table.rowCount()) if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == caisse_id
    )


def _stored(window) -> list[str]:  # type: ignore[no-untyped-def]
    with window.ctx.ws.session() as s:
        return selected_cpams(s, window.ctx.preserie_id)


def test_a_fourth_cpam_is_refused_with_a_message(window, prompts) -> None:
    window.ui.tabs.setCurrentIndex(1)
    tab = window.tab_widgets["cpam"]
    table = tab.ui.caisseTable
    assert table.item(_row_of(tab, "33"), 2).text() == "10"  # the fixture's doctors are in Gironde
    table.item(_row_of(tab, "44"), 0).setCheckState(Qt.CheckState.Checked)
    assert _stored(window) == ["33", "62-artois", "44"]
    table.item(_row_of(tab, "67"), 0).setCheckState(Qt.CheckState.Checked)
    assert _stored(window) == ["33", "62-artois", "44"]
    assert table.item(_row_of(tab, "67"), 0).checkState() == Qt.CheckState.Unchecked
    assert len(prompts.errors()) == 1 and "3 CPAM au plus" in prompts.errors()[0]
    table.item(_row_of(tab, "62-artois"), 0).setCheckState(Qt.CheckState.Unchecked)
    assert _stored(window) == ["33", "44"]
    assert tab._map is not None and tab._map.canvas is not None


def test_unticking_the_roster_caisse_shows_up_in_the_rules_panel(window) -> None:
    window.ui.tabs.setCurrentIndex(1)
    tab = window.tab_widgets["cpam"]
    tab.ui.caisseTable.item(_row_of(tab, "33"), 0).setCheckState(Qt.CheckState.Unchecked)
    window.ui.tabs.setCurrentIndex(0)
    assert any("zone" in m or "CPAM" in m for m in window.tab_widgets["ps"].rules_messages())


def test_caisse_names_are_not_cut_at_1024_px(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """« CPAM des Hautes-Alpes (Gap) » was drawn « CPAM des Hautes-Alpes … » at 1024×768."""
    from PySide6.QtGui import QFontMetrics

    window.resize(1024, 768)
    window.ui.tabs.setCurrentIndex(1)
    qtbot.wait(100)
    table = window.tab_widgets["cpam"].ui.caisseTable
    room = table.columnWidth(0) - 24  # the check box and the cell's margins
    cut = [
        table.item(r, 0).text()
        for r in range(table.rowCount())
        if QFontMetrics(table.item(r, 0).font()).horizontalAdvance(table.item(r, 0).text()) > room
    ]
    assert not cut, cut
    assert table.viewport().width() >= sum(table.columnWidth(c) for c in range(3)) - 1  # no sideways scroll
    canvas = window.tab_widgets["cpam"]._map.canvas
    assert canvas.width() >= 300  # the map keeps a readable size beside the list
