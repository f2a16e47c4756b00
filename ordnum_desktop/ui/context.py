"""What the tabs share: the open workspace, the présérie shown, the prompts, the undo stack,
and one signal telling every tab what changed so that each reloads only what concerns it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ordnum_desktop.services.errors import failure_message
from ordnum_desktop.services.workspace.changes import committed_writes
from ordnum_desktop.ui.dialogs.prompts import Prompts
from ordnum_desktop.ui.remedies import WINDOW_REMEDIES

T = TypeVar("T")

# Kinds of change carried by AppContext.changed.
ROSTER = "roster"
CPAMS = "cpams"
PLANNING = "planning"
TRACES = "traces"
FOLLOWUP = "followup"
PRESERIE = "preserie"


class AppContext(QObject):
    changed = Signal(str)
    status = Signal(str)

    def __init__(self, prompts: Prompts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.prompts = prompts
        self.ws: Any = None  # services.workspace.Workspace, imported after the first paint
        self.preserie_id: int | None = None
        self.undo_stack = QUndoStack(self)

    @property
    def ready(self) -> bool:
        return self.ws is not None and self.preserie_id is not None

    def say(self, text: str) -> None:
        self.status.emit(text)

    def notify(self, kind: str) -> None:
        self.changed.emit(kind)

    def attempt(self, title: str, fn: Callable[..., object], *args: Any, **kwargs: Any) -> bool:
        """Like `run` for services that return nothing: True when the call succeeded."""
        done = []
        self.run(title, lambda: done.append(fn(*args, **kwargs)))
        return bool(done)

    def run(self, title: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Calls a service; any failure becomes one French message box instead of a traceback
        (a bug also goes to the log file with its traceback), and None is returned."""
        began = committed_writes()
        try:
            return fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - a bug must cost one message, not the window
            self.prompts.error(title, failure_message(exc, WINDOW_REMEDIES, context=title, saved_since=began))
            return None
