"""A `Prompts` stand-in for tests: answers come from queues, messages are recorded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog


class ScriptedPrompts:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str, str]] = []  # (kind, title, text)
        self.yes_no: list[bool] = []
        self.files: list[str | None] = []
        self.folders: list[str | None] = []
        self.dialog_handlers: list[Callable[[QDialog], bool]] = []

    def info(self, title: str, text: str) -> None:
        self.messages.append(("info", title, text))

    def error(self, title: str, text: str) -> None:
        self.messages.append(("error", title, text))

    def ask_yes_no(self, title: str, text: str, yes: str = "Oui", no: str = "Non") -> bool:
        self.messages.append(("question", title, text))
        return self.yes_no.pop(0) if self.yes_no else False

    def open_file(self, title: str, filters: str) -> str | None:
        return self.files.pop(0) if self.files else None

    def save_file(self, title: str, suggested_name: str, filters: str) -> str | None:
        return self.files.pop(0) if self.files else None

    def choose_folder(self, title: str) -> str | None:
        return self.folders.pop(0) if self.folders else None

    def run_dialog(self, dialog: QDialog) -> bool:
        handler = self.dialog_handlers.pop(0)
        return handler(dialog)

    def unused(self) -> list[str]:
        """The answers still queued: a test that scripts an answer the window never asked for is
        testing less than it says."""
        queues = {
            "yes_no": self.yes_no,
            "files": self.files,
            "folders": self.folders,
            "dialog_handlers": self.dialog_handlers,
        }
        return [f"{name}: {queue!r}" for name, queue in queues.items() if queue]

    def errors(self) -> list[str]:
        return [text for kind, _, text in self.messages if kind == "error"]

    def __getattr__(self, name: str) -> Any:  # a prompt the tests did not expect is a failure
        raise AttributeError(f"ScriptedPrompts has no {name}")
