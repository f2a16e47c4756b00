"""PS tab: inline edits with validation, live rules panel, undo, workbook import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from ordnum_desktop.domain.identifiers import luhn_ok
from ordnum_desktop.services.roster.doctors import list_doctors
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.ui.models.roster_model import ERROR_BG


def _valid_rpps() -> str:
    return next(f"1000000{n:04d}" for n in range(10000) if luhn_ok(f"1000000{n:04d}"))


def _ps(window):  # type: ignore[no-untyped-def]
    window.ui.tabs.setCurrentIndex(0)
    return window.tab_widgets["ps"]


def test_invalid_rpps_colours_the_cell_and_the_rules_panel_then_fixing_clears_both(window) -> None:
    ps = _ps(window)
    doctor = ps.model.doctors[1]
    index = ps.index_of(doctor.id, "rpps")
    bad = "10000000000"
    assert not luhn_ok(bad)
    assert ps.rules_messages() == []

    assert ps.proxy.setData(index, bad, Qt.ItemDataRole.EditRole)
    index = ps.index_of(doctor.id, "rpps")
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == ERROR_BG
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "RPPS" in tooltip
    assert any("RPPS" in m and m.startswith("✖") for m in ps.rules_messages())

    assert ps.proxy.setData(index, _valid_rpps(), Qt.ItemDataRole.EditRole)
    index = ps.index_of(doctor.id, "rpps")
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    assert index.data(Qt.ItemDataRole.ToolTipRole) is None
    assert ps.rules_messages() == []


def test_edit_delete_and_undo_go_to_the_file(window, populated_path: Path) -> None:
    ps = _ps(window)
    doctor = ps.model.doctors[0]
    assert ps.proxy.setData(ps.index_of(doctor.id, "last_name"), "Durand", Qt.ItemDataRole.EditRole)
    assert ps.model.doctors[0].last_name == "Durand"
    ps.ui.table.setCurrentIndex(ps.index_of(doctor.id, "last_name"))
    ps.delete_selected()
    assert doctor.id not in [d.id for d in ps.model.doctors]
    assert (
        any("effectif de 9" in m or "9 médecin" in m for m in ps.rules_messages())
        or len(ps.model.doctors) == 9
    )
    window.ctx.undo_stack.undo()  # the deletion
    window.ctx.undo_stack.undo()  # the rename
    assert [d.id for d in ps.model.doctors][0] == doctor.id
    assert ps.model.doctors[0].last_name == doctor.last_name
    window.close()
    with Workspace.open(populated_path) as ws:
        names = [d.last_name for d in list_doctors(ws, 1)]
    assert names[0] == doctor.last_name and len(names) == 10


def test_empty_name_is_refused_with_a_french_message(window, prompts) -> None:
    ps = _ps(window)
    doctor = ps.model.doctors[2]
    assert not ps.proxy.setData(ps.index_of(doctor.id, "last_name"), "  ", Qt.ItemDataRole.EditRole)
    assert prompts.errors() == ["Le nom du médecin ne peut pas être vide."]
    assert ps.model.doctors[2].last_name == doctor.last_name
    assert window.ctx.undo_stack.count() == 0


def test_boolean_cell_is_a_checkbox_and_consent_rule_follows(window) -> None:
    ps = _ps(window)
    doctor = ps.model.doctors[3]
    index = ps.index_of(doctor.id, "consent")
    assert ps.proxy.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert any("accord de principe" in m for m in ps.rules_messages())
    window.ctx.undo_stack.undo()
    assert not any("accord de principe" in m for m in ps.rules_messages())


def test_import_asks_before_replacing_and_keeps_roster_when_refused(window, prompts, tmp_path: Path) -> None:
    from ordnum_desktop.services.roster.workbook import export_roster

    ps = _ps(window)
    book = export_roster(window.ctx.ws, window.ctx.preserie_id, tmp_path / "effectif.xlsx")
    prompts.files.append(str(book))
    prompts.yes_no.append(False)
    ps.import_workbook()
    assert prompts.messages[-1][0] == "question"
    assert len(ps.model.doctors) == 10
    prompts.files.append(str(book))
    prompts.yes_no.append(True)
    ps.import_workbook()
    assert len(ps.model.doctors) == 10
    assert "10 médecin(s) importé(s)" in window.statusBar().currentMessage()


def test_identifier_editor_only_takes_digits(window) -> None:
    from PySide6.QtWidgets import QLineEdit, QStyleOptionViewItem

    ps = _ps(window)
    index = ps.index_of(ps.model.doctors[0].id, "am")
    editor = ps.ui.table.itemDelegate().createEditor(ps.ui.table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QLineEdit)
    editor.setText("")
    for char in "33a12-345B67":
        editor.insert(char)
    assert editor.text() == "331234567"


def test_add_then_undo_then_redo(window) -> None:
    ps = _ps(window)
    ps.add_doctor()
    assert len(ps.model.doctors) == 11 and ps.model.doctors[-1].last_name == "Nouveau médecin"
    messages = ps.rules_messages()
    # The new line is flagged (no N° AM, no consent…) but, not equipped, it is no 11th user doctor.
    assert any("Nouveau médecin" in m for m in messages) and not any("11 médecins" in m for m in messages)
    window.ctx.undo_stack.undo()
    assert len(ps.model.doctors) == 10 and ps.rules_messages() == []
    window.ctx.undo_stack.redo()
    assert len(ps.model.doctors) == 11


def test_filter_and_shortcut_to_the_cpam_tab(window, qtbot) -> None:
    from PySide6.QtCore import Qt as QtKeys

    ps = _ps(window)
    ps.ui.filterEdit.setText("Médecin3")
    assert ps.proxy.rowCount() == 1
    qtbot.keyClick(window, QtKeys.Key.Key_2, QtKeys.KeyboardModifier.ControlModifier)
    assert window.ui.tabs.currentIndex() == 1


def test_the_filter_hint_is_whole_at_1280_px_and_150_percent(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """853 × 533 is 1280 × 800 at 150 % (QT_SCALE_FACTOR=1.5): the buttons beside the filter left
    it too narrow and its hint ended in « … »."""
    ps = _ps(window)
    edit = ps.ui.filterEdit
    metrics = edit.fontMetrics()
    # Qt's own line edit hint: 17 « x » plus the frame and margins around the text.
    around_text = edit.sizeHint().width() - 17 * metrics.horizontalAdvance("x")
    for size in ((1280, 800), (1024, 768), (853, 533)):
        window.resize(*size)
        qtbot.wait(50)
        assert edit.width() >= metrics.horizontalAdvance(edit.placeholderText()) + around_text, size
