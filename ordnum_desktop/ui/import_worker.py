"""Runs a traces import off the GUI thread. The thread only calls the service and emits signals;
it never touches a widget. Cancelling sets a flag the service checks between chunks."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThread, Signal

from ordnum_desktop.services.errors import failure_message
from ordnum_desktop.services.traces.importer import ImportCancelled, import_traces
from ordnum_desktop.services.traces.overlap import OverlapFound
from ordnum_desktop.ui.remedies import WINDOW_REMEDIES


class ImportThread(QThread):
    progressed = Signal(int, int)  # rows done, rows expected
    succeeded = Signal(object)  # ImportReport
    failed = Signal(str)  # one French sentence
    cancelled = Signal(str)
    overlapped = Signal(object)  # Overlap: nothing stored, the dialog asks before forcing
    waiting = Signal(str)  # why the import waits: another one into the présérie (server)
    # Threads started and not yet waited for: the window's teardown (and the tests) check it is
    # empty, so that no import outlives its dialog.
    active: set[ImportThread] = set()

    def __init__(self, ws: Any, preserie_id: int, path: Path, *, refuse_overlap: bool = True) -> None:
        super().__init__()
        self.ws = ws
        self.preserie_id = preserie_id
        self.path = path
        self.refuse_overlap = refuse_overlap
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            report = import_traces(
                self.ws,
                self.preserie_id,
                self.path,
                progress=lambda done, total: self.progressed.emit(done, total),
                cancel=self._cancel.is_set,
                refuse_overlap=self.refuse_overlap,
                waiting=self.waiting.emit,
            )
        except ImportCancelled as exc:
            self.cancelled.emit(str(exc))
        except OverlapFound as found:
            self.overlapped.emit(found.overlap)
        except Exception as exc:  # noqa: BLE001 - a bug must not kill the window silently
            self.failed.emit(failure_message(exc, WINDOW_REMEDIES, context=f"Import de « {self.path.name} »"))
        else:
            self.succeeded.emit(report)
