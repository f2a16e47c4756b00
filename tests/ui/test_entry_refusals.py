"""The window's fields refuse a control character (a vertical tab pasted from Word) with one
French sentence naming the field, and store nothing (issue 12, item 8)."""

from __future__ import annotations

VT = "\x0b"


def test_the_window_anomaly_field_refuses_a_control_character(window, prompts) -> None:  # type: ignore[no-untyped-def]
    window.ui.tabs.setCurrentIndex(3)
    bilan = window.tab_widgets["bilan"]
    count = bilan.ui.anomalyTable.rowCount()
    bilan.ui.anomalyEdit.setText(f"Recherche{VT}impossible")
    bilan.anomalies_page.add_anomaly()
    assert bilan.ui.anomalyTable.rowCount() == count
    (error,) = prompts.errors()
    assert "« description »" in error and "U+000B" in error


def test_every_date_field_stops_at_the_referentiel_years(window, prompts, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Tabs, table cells and dialogs: no date field lets a year outside `date_years` be typed."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit, QStyleOptionViewItem

    from ordnum_desktop.domain.referentiel import load_referentiel
    from tests.ui.dialog_openers import dialog_openers

    years = load_referentiel().date_years
    wrong: list[str] = []

    def check(where: str, root) -> int:  # type: ignore[no-untyped-def]
        edits = [root] if isinstance(root, QDateEdit) else root.findChildren(QDateEdit)
        for edit in edits:
            if (edit.minimumDate(), edit.maximumDate()) != (
                QDate(years.first, 1, 1),
                QDate(years.last, 12, 31),
            ):
                wrong.append(f"{where} : {edit.objectName() or type(edit).__name__}")
            edit.setDate(QDate(1752, 9, 14))  # a slip of the wheel: held at the first year
            if edit.date().year() != years.first:
                wrong.append(f"{where} : {edit.date().toString()}")
        return len(edits)

    fields = 0
    for index in range(window.ui.tabs.count()):
        window.ui.tabs.setCurrentIndex(index)
    for name, tab in window.tab_widgets.items():
        fields += check(f"onglet {name}", tab)
    planning = window.tab_widgets["planning"]
    delegate = planning.ui.table.itemDelegateForColumn(2) or planning.ui.table.itemDelegate()
    fields += check(
        "cellule du planning",
        delegate.createEditor(planning.ui.table, QStyleOptionViewItem(), planning.model.index(0, 2)),
    )

    seen: list[str] = []
    for name, open_dialog in dialog_openers(window).items():

        def handler(dialog, name: str = name) -> bool:  # type: ignore[no-untyped-def]
            seen.append(name)
            nonlocal fields
            fields += check(name, dialog)
            dialog.reject()
            return False

        prompts.dialog_handlers.append(handler)
        open_dialog()
    assert "étapes du déploiement" in seen and "nouvelle présérie" in seen
    assert fields >= 6, fields
    assert not wrong, "\n".join(wrong)
