"""The window's last line of defence: an exception nobody caught, in a slot or in a thread, is
written to the log file with its traceback and shown as one French dialog instead of a message
on a terminal the user does not have.

A thread's exception is handed over to the GUI thread by a queued signal: widgets are only ever
touched from the GUI thread.
"""

from __future__ import annotations

import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from ordnum_desktop.services.errors import user_message
from ordnum_desktop.services.io.error_log import log_failure
from ordnum_desktop.ui.dialogs.prompts import Prompts
from ordnum_desktop.ui.remedies import WINDOW_REMEDIES


class ErrorHooks(QObject):
    reported = Signal(str, str)  # French sentence, traceback

    def __init__(self, prompts: Prompts, window: QWidget | None = None) -> None:
        super().__init__(window)
        self.prompts = prompts
        self.window = window
        self.showing = False
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        # Queued even from the GUI thread: the dialog opens once the failing slot has unwound.
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self.handle_thread

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        exc.__traceback__ = tb
        log_failure(exc, "Exception non rattrapée dans la fenêtre")
        self.reported.emit(user_message(exc, WINDOW_REMEDIES), details)

    def handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, message: str, details: str) -> None:
        if self.showing:  # a second failure while the first is on screen: logged, not stacked
            return
        self.showing = True
        try:
            # Imported at the first error: its generated form costs ~35 ms that the first paint
            # would otherwise wait for.
            from ordnum_desktop.ui.dialogs.error_dialog import ErrorDialog

            self.prompts.run_dialog(ErrorDialog(message, details, self.window))
        finally:
            self.showing = False
