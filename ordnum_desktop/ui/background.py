"""Long service calls (PDF of the bilan, planning workbooks) run off the GUI thread so that the
window keeps repainting; the result comes back through a signal, errors as one French sentence
(the traceback is kept on the task and written to the log file)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal

from ordnum_desktop.services.errors import failure_message
from ordnum_desktop.ui.remedies import WINDOW_REMEDIES


class BackgroundTask(QThread):
    done = Signal(object)
    failed = Signal(str)
    # Tasks started and not yet collected: the window waits for them before closing the file.
    active: set[BackgroundTask] = set()

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.error: BaseException | None = None  # with its __traceback__, for whoever needs more

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # noqa: BLE001 - reported in French rather than lost in the thread
            self.error = exc
            name = getattr(self.fn, "__qualname__", type(self.fn).__name__)
            self.failed.emit(failure_message(exc, WINDOW_REMEDIES, context=f"Tâche de fond {name}"))
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
