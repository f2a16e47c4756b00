"""Long service calls (PDF of the bilan, planning workbooks) run off the GUI thread so that the
window keeps repainting; the result comes back through a signal, errors as one French sentence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal


class BackgroundTask(QThread):
    done = Signal(object)
    failed = Signal(str)
    # Tasks started and not yet collected: the window waits for them before closing the file.
    active: set[BackgroundTask] = set()

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs

    def run(self) -> None:
        from ordnum_desktop.services.errors import UserError
        from ordnum_desktop.store.engine import WorkspaceError

        try:
            result = self.fn(*self.args, **self.kwargs)
        except (UserError, WorkspaceError) as exc:
            self.failed.emit(str(exc))
        except OSError as exc:
            self.failed.emit(f"Opération impossible : {exc.strerror or exc}.")
        except Exception as exc:  # noqa: BLE001 - reported in French rather than lost in the thread
            self.failed.emit(f"Opération interrompue par une erreur inattendue ({type(exc).__name__}).")
        else:
            self.done.emit(result)

    @classmethod
    def start_task(
        cls,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
        **kwargs: Any,
    ) -> BackgroundTask:
        task = cls(fn, *args, **kwargs)
        cls.active.add(task)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            task.wait()
            cls.active.discard(task)
            task.deleteLater()
            callback(value)

        task.done.connect(lambda value: finish(on_done, value))
        task.failed.connect(lambda message: finish(on_failed, message))
        task.start()
        return task

    @classmethod
    def wait_all(cls) -> None:
        for task in list(cls.active):
            task.wait()
        cls.active.clear()
