"""The first screen loads only what the PS tab needs: the real `ordnum-desktop --db` in a fresh
process (ORDNUM_STARTUP_PROBE=1 makes it report once the roster is on screen, then quit once the
workspace is open), its `sys.modules` read at those moments. Also: the window paints before the
workspace is opened, the roster is on screen before SQLAlchemy is imported, the window then
opens the workspace and shows the same rows, editable; and a file the window cannot open leaves
nothing of its first screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget

from ordnum_desktop.ui.first_paint import AfterFirstPaint

ROOT = Path(__file__).resolve().parents[2]
# Needed only by a tab not shown, an export or a migration: never on the first screen.
DEFERRED = (
    "matplotlib",
    "reportlab",
    "openpyxl",
    "numpy",
    "alembic",
    "python_calamine",
    "ordnum_desktop.services.bilan.compute",
    "ordnum_desktop.services.bilan.charts",
)

SCRIPT = """
import json, sys
from ordnum_desktop.ui.app import main
code = main(["--db", sys.argv[1]])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _loaded(modules: list[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


def test_first_screen_imports_only_what_the_ps_tab_needs(populated_path: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "ORDNUM_STARTUP_PROBE": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "ORDNUM_LOG_DIR": str(tmp_path / "logs"),
        "PYTHONPATH": str(ROOT),
    }
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(populated_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    probe_line, result_line = out.stdout.strip().splitlines()[-2:]
    probe, result = json.loads(probe_line), json.loads(result_line)
    assert result["code"] == 0
    assert probe["rows"] == 10  # the fixture's ten doctors are in the PS table
    # The window painted before the workspace was opened and its roster shown.
    assert probe["first_paint"] is not None and probe["first_paint"] <= probe["data_on_screen"]
    on_screen, at_exit = probe["modules_on_screen"], result["modules"]
    # The roster was painted from the quick reading: neither the ORM nor the store's engine yet.
    assert _loaded(on_screen, "ordnum_desktop.ui.tabs.ps_tab")
    assert [m for m in ("sqlalchemy", "sqlmodel", "pydantic") if _loaded(on_screen, m)] == []
    # Then the workspace opened (its modules imported off the GUI thread) and took over.
    assert probe["data_on_screen"] <= probe["ready"] and probe["ready_rows"] == 10
    assert _loaded(at_exit, "sqlmodel")
    assert [name for name in DEFERRED if _loaded(at_exit, name)] == []
    # The other tabs are built (and their imports made) when first shown: tests/ui/test_bilan_tab.py.
    tabs = [f"ordnum_desktop.ui.tabs.{t}_tab" for t in ("cpam", "planning", "bilan")]
    assert [t for t in tabs if _loaded(at_exit, t)] == []


def _cells(window) -> list[list[object]]:  # type: ignore[no-untyped-def]
    model = window.tab_widgets["ps"].model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_first_screen_shows_what_the_open_workspace_shows(qtbot, prompts, populated_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from ordnum_desktop.ui.main_window import MainWindow

    window = MainWindow(prompts=prompts)
    qtbot.addWidget(window)
    window.show()
    assert window.show_first_screen(populated_path)
    ps = window.tab_widgets["ps"]
    quick, quick_rules = _cells(window), ps.rules_messages()
    assert len(quick) == 10 and window.ui.preserieCombo.count() == 1
    # Nothing invites an edit before the workspace is open.
    first_cell = ps.model.index(0, 0)
    assert not ps.model.flags(first_cell) & Qt.ItemFlag.ItemIsEditable
    assert not ps.ui.addButton.isEnabled() and not ps.ui.deleteButton.isEnabled()
    assert window.open_path(populated_path)
    assert window.tab_widgets["ps"] is ps  # the same tab, refreshed from the workspace
    assert _cells(window) == quick and ps.rules_messages() == quick_rules
    assert ps.model.flags(first_cell) & Qt.ItemFlag.ItemIsEditable and ps.ui.addButton.isEnabled()
    window.close()


def test_a_file_that_does_not_open_leaves_nothing_of_its_first_screen(  # type: ignore[no-untyped-def]
    qtbot, prompts, populated_path: Path
) -> None:
    from ordnum_desktop.ui.main_window import MainWindow
    from tests.lock_holders import start_holder

    holder = start_holder(populated_path)  # another instance of the app holds the file
    try:
        window = MainWindow(prompts=prompts)
        qtbot.addWidget(window)
        window.show()
        assert window.show_first_screen(populated_path)
        prompts.yes_no.append(False)  # « Annuler » to the read-only offer
        assert not window.open_path(populated_path)
        assert prompts.messages[-1][1] == "Fichier déjà ouvert"
        window.drop_first_screen()
        assert "ps" not in window.tab_widgets and window.ui.preserieCombo.count() == 0
        window.close()
    finally:
        holder.terminate()
        holder.wait(10)


class Painted(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        self.paints += 1


def test_work_after_first_paint_waits_for_the_paint(qtbot) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []
    widget = Painted()
    qtbot.addWidget(widget)
    AfterFirstPaint(widget, lambda: calls.append(widget.paints), fallback_ms=60_000)
    qtbot.wait(50)
    assert calls == []  # not shown: nothing painted, nothing run
    widget.show()
    qtbot.waitUntil(lambda: calls != [])
    widget.update()
    qtbot.wait(50)
    assert calls == [1]  # once, and after the first paint


def test_work_after_first_paint_runs_without_a_paint(qtbot) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []
    widget = QWidget()  # never shown: a minimised start, a platform that paints lazily
    qtbot.addWidget(widget)
    AfterFirstPaint(widget, lambda: calls.append("run"), fallback_ms=10)
    qtbot.waitUntil(lambda: calls != [])
    qtbot.wait(30)
    assert calls == ["run"]
