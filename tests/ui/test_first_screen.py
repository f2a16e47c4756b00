"""The first screen loads only what the PS tab needs: the real `ordnum-desktop --db` in a fresh
process (ORDNUM_STARTUP_PROBE=1 makes it report and quit once the roster is on screen), its
`sys.modules` read at that moment. Also: the window paints before the workspace is opened, and
the probe's report."""

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
    first = result["modules"]
    assert _loaded(first, "ordnum_desktop.ui.tabs.ps_tab") and _loaded(first, "sqlmodel")
    assert [name for name in DEFERRED if _loaded(first, name)] == []
    # The other tabs are built (and their imports made) when first shown: tests/ui/test_bilan_tab.py.
    tabs = [f"ordnum_desktop.ui.tabs.{t}_tab" for t in ("cpam", "planning", "bilan")]
    assert [t for t in tabs if _loaded(first, t)] == []


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
