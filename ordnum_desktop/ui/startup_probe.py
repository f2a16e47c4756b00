"""`ORDNUM_STARTUP_PROBE=1 ordnum-desktop --db FILE`: the start-up as the user waits for it.

The window prints one JSON line on stdout — the wall-clock times (`time.time()`) of its first
paint and of the moment the shown tab's table holds the workspace's rows and has been painted —
then quits. tests/benchmarks/bench_startup.py reads it: the whole process is measured (interpreter
start, imports, opening the file), from outside, against a bare Qt window in the same run.
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
        """Called once the workspace is open and the shown tab filled: paints the table's rows
        now (synchronously), prints the times and quits."""
        rows = 0
        if table is not None:
            table.viewport().repaint()  # type: ignore[attr-defined]
            rows = table.model().rowCount()  # type: ignore[attr-defined]
        shown = time.time()
        print(json.dumps({"first_paint": self.first_paint, "data_on_screen": shown, "rows": rows}))
        sys.stdout.flush()
        QApplication.exit(0)
