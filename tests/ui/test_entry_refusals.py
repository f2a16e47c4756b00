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
