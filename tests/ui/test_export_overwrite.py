"""The window never replaces an exported file without asking (issue 12, item 6): a planning
already in the chosen folder is named in a question; « Annuler » leaves it as it was."""

from __future__ import annotations

from pathlib import Path


def test_planning_export_asks_before_replacing_and_cancel_keeps_the_file(
    window, prompts, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.ui.tabs.setCurrentIndex(2)
    tab = window.tab_widgets["planning"]
    folder = tmp_path / "envoi"
    prompts.folders.append(str(folder))
    tab.ui.exportButton.click()
    qtbot.waitUntil(lambda: "exporté" in window.statusBar().currentMessage(), timeout=30000)
    first = sorted(folder.glob("*.xlsx"))
    assert len(first) == 3 and prompts.messages == []
    whole = next(p for p in first if p.name.endswith("-complet.xlsx"))
    whole.write_bytes(b"le planning envoye hier")

    prompts.folders.append(str(folder))
    prompts.yes_no.append(False)
    tab.ui.exportButton.click()
    (kind, _title, text) = prompts.messages[-1]
    assert kind == "question" and f"« {whole.name} »" in text
    assert whole.read_bytes() == b"le planning envoye hier"
    assert window.statusBar().currentMessage() == "Le planning n'a pas été exporté."

    prompts.folders.append(str(folder))
    prompts.yes_no.append(True)
    tab.ui.exportButton.click()
    qtbot.waitUntil(lambda: "exporté :" in window.statusBar().currentMessage(), timeout=30000)
    assert whole.read_bytes().startswith(b"PK")  # a workbook again
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in first)  # no temp left
