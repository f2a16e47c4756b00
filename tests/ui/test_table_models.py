"""The window's table models pass Qt's QAbstractItemModelTester through their usual changes.

The tester stays attached to the model and rechecks it after every signal (edits, row insertions
and removals, resets). It reports a broken invariant as a Qt warning, which the marker below
turns into a test failure.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

# The offscreen platform says it cannot propagate size hints each time a window shows: not a model matter.
pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]


def test_roster_model_and_its_sort_proxy_through_edit_add_delete_undo(window, qtmodeltester) -> None:
    window.ui.tabs.setCurrentIndex(0)
    ps = window.tab_widgets["ps"]
    assert ps.model.rowCount() == 10
    qtmodeltester.check(ps.model)
    qtmodeltester.check(ps.proxy)

    doctor = ps.model.doctors[0]
    assert ps.proxy.setData(ps.index_of(doctor.id, "last_name"), "Durand", Qt.ItemDataRole.EditRole)
    consent = ps.index_of(ps.model.doctors[3].id, "consent")
    assert ps.proxy.setData(consent, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    ps.add_doctor()
    assert ps.model.rowCount() == 11
    ps.ui.table.setCurrentIndex(ps.index_of(doctor.id, "last_name"))
    ps.delete_selected()
    assert ps.model.rowCount() == 10
    ps.proxy.sort(1, Qt.SortOrder.DescendingOrder)
    while window.ctx.undo_stack.canUndo():
        window.ctx.undo_stack.undo()
    assert ps.model.rowCount() == 10
    assert ps.model.doctors[0].last_name == doctor.last_name


def test_planning_model_through_date_edits_and_reload(window, qtmodeltester) -> None:
    window.ui.tabs.setCurrentIndex(2)
    tab = window.tab_widgets["planning"]
    assert tab.model.rowCount() == 10
    qtmodeltester.check(tab.model)

    first = tab.model.index(0, 3)  # actual installation of the first doctor
    assert tab.model.setData(first, date(2025, 3, 1), Qt.ItemDataRole.EditRole)
    assert tab.model.data(first, Qt.ItemDataRole.DisplayRole)
    assert tab.model.setData(first, None, Qt.ItemDataRole.EditRole)
    tab.refresh()
    assert tab.model.rowCount() == 10
