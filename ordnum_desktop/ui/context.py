"""What the tabs share: the open workspace, the présérie shown, the prompts, the undo stack,
and one signal telling every tab what changed so that each reloads only what concerns it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ordnum_desktop.ui.dialogs.prompts import Prompts

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
        """Calls a service; a refused input (UserError, WorkspaceError) becomes one French message
        box instead of a traceback, and None is returned."""
        from ordnum_desktop.services.errors import UserError
        from ordnum_desktop.store.engine import WorkspaceError

        try:
            return fn(*args, **kwargs)
        except (UserError, WorkspaceError) as exc:
            self.prompts.error(title, str(exc))
            return None
        except OSError as exc:
            self.prompts.error(title, f"Opération impossible : {exc.strerror or exc}.")
            return None
        except Exception as exc:  # noqa: BLE001 - a bug must cost one message, not the window
            import traceback

            traceback.print_exc()  # for the developer's terminal
            self.prompts.error(
                title,
                f"Opération impossible : erreur inattendue ({type(exc).__name__}). "
                "Rien n'a été modifié ; si elle se reproduit, signalez-la.",
            )
            return None
