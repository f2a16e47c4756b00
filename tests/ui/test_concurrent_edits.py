"""Two people editing the same row through the window (issue 15): the PS and Planning tabs save
with the version they show; a row saved meanwhile by someone else is refused in French naming
them, and the table reloads with the stored value."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ordnum_desktop.services.planning.dates import update_plan
from ordnum_desktop.services.roster.doctors import update_doctor
from ordnum_desktop.store.identity import os_login


def test_ps_tab_edit_of_a_row_saved_meanwhile_is_refused_and_reloaded(window, prompts) -> None:
    window.ui.tabs.setCurrentIndex(0)
    ps = window.tab_widgets["ps"]
    shown = ps.model.doctors[0]
    # Another editor saves the same doctor after the table was loaded.
    update_doctor(window.ctx.ws, shown.id, first_name="Premier")

    assert not ps.proxy.setData(ps.index_of(shown.id, "first_name"), "Second", Qt.ItemDataRole.EditRole)
    (message,) = prompts.errors()
    assert f"a été modifié par « {os_login()} » le " in message
    assert "n'a pas été enregistrée" in message and "Le tableau a été rechargé" in message
    assert ps.index_of(shown.id, "first_name").data(Qt.ItemDataRole.DisplayRole) == "Premier"
    assert window.ctx.undo_stack.count() == 0

    # The reloaded row carries the new version: the edit now goes through, and undoes.
    assert ps.proxy.setData(ps.index_of(shown.id, "first_name"), "Second", Qt.ItemDataRole.EditRole)
    assert ps.model.doctors[0].first_name == "Second"
    window.ctx.undo_stack.undo()
    assert ps.model.doctors[0].first_name == "Premier"


def test_planning_tab_edit_of_a_row_saved_meanwhile_is_refused_and_reloaded(window, prompts) -> None:
    window.ui.tabs.setCurrentIndex(2)
    planning = window.tab_widgets["planning"]
    planning.refresh()
    row = planning.model.rows[0]
    column = next(
        n for n in range(planning.model.columnCount()) if planning.model.field_of(n) == "training_date"
    )
    update_plan(window.ctx.ws, row.doctor.id, training_date=date(2025, 1, 20))

    index = planning.model.index(0, column)
    assert not planning.model.setData(index, date(2025, 1, 27), Qt.ItemDataRole.EditRole)
    (message,) = prompts.errors()
    assert message.startswith("Le planning de ") and "a été modifié par" in message
    assert planning.model.rows[0].plan.training_date == date(2025, 1, 20)
