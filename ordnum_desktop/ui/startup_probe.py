"""`ORDNUM_STARTUP_PROBE=1 ordnum-desktop --db FILE`: the start-up as the user waits for it.

The window prints one JSON line on stdout — the wall-clock times (`time.time()`) of its first
paint, of the moment the shown tab's table holds the workspace's rows and has been painted
(« données à l'écran »: the first screen, read before the workspace is open), and of the moment
the workspace is open and that table editable (« fenêtre prête ») — then quits.
tests/benchmarks/bench_startup.py reads it: the whole process is measured (interpreter start,
imports, opening the file), from outside, against a bare Qt window in the same run.
Unset, nothing here runs and nothing is imported but this module.
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

ENV = "ORDNUM_STARTUP_PROBE"


class StartupProbe(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.first_paint: float | None = None
        self.shown: tuple[float, int, list[str]] | None = None
        window.installEventFilter(self)

    @classmethod
    def from_environment(cls, window: QWidget) -> StartupProbe | None:
        return cls(window) if os.environ.get(ENV) else None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self.first_paint is None:
            self.first_paint = time.time()
            self.window.removeEventFilter(self)
        return False

    def data_shown(self, table: QWidget | None) -> None:
        """The PS tab's rows are on screen (the first screen, before the workspace is open):
        paints them now (synchronously) and notes the time and what was imported by then."""
        if table is not None:
            table.viewport().repaint()  # type: ignore[attr-defined]
        self.shown = (time.time(), _rows(table), sorted(sys.modules))

    def ready(self, table: QWidget | None) -> None:
        """The workspace is open and its tab filled (editable): prints the times and quits."""
        if table is not None:
            table.viewport().repaint()  # type: ignore[attr-defined]
        ready = time.time()
        shown, rows, modules = self.shown or (ready, _rows(table), sorted(sys.modules))
        report = {
            "first_paint": self.first_paint,
            "data_on_screen": shown,
            "ready": ready,
            "rows": rows,
            "ready_rows": _rows(table),
            "modules_on_screen": modules,
        }
        print(json.dumps(report))
        sys.stdout.flush()
        QApplication.exit(0)


def _rows(table: QWidget | None) -> int:
    return table.model().rowCount() if table is not None else 0  # type: ignore[attr-defined]
