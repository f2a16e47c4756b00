"""Behaviour every tab shares: reload only when shown and stale; remember splitter and column
layouts in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget

from ordnum_desktop.ui.context import AppContext


class BaseTab(QWidget):
    name = "tab"
    watches: frozenset[str] = frozenset()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.dirty = True
        self._state_restored = False

    # Subclasses: reload everything from the services.
    def refresh(self) -> None:
        raise NotImplementedError

    def mark_dirty(self) -> None:
        self.dirty = True

    def restore_state_once(self) -> None:
        """The remembered splitter and column layout, the first time the tab is shown (a second
        time would undo what the user changed since)."""
        if not self._state_restored:
            self.restore_state()
            self._state_restored = True

    def show_if_dirty(self) -> None:
        self.restore_state_once()
        if self.dirty and self.ctx.ready:
            self.dirty = False
            self.refresh()

    def on_changed(self, kind: str) -> None:
        if kind in self.watches:
            self.dirty = True
            if self.isVisible():
                self.show_if_dirty()

    def shutdown(self) -> None:
        """Stops what the tab runs in the background (nothing by default)."""

    # -- layout memory ----------------------------------------------------------------------
    def _stateful(self) -> dict[str, QSplitter | QHeaderView]:
        out: dict[str, QSplitter | QHeaderView] = {}
        for splitter in self.findChildren(QSplitter):
            out[f"splitter/{splitter.objectName()}"] = splitter
        for header in self.findChildren(QHeaderView):
            if header.parent() is not None and header.orientation().name == "Horizontal":
                out[f"header/{header.parent().objectName()}"] = header
        return out

    def save_state(self) -> None:
        settings = QSettings()
        for key, widget in self._stateful().items():
            settings.setValue(f"{self.name}/{key}", widget.saveState())

    def restore_state(self) -> None:
        settings = QSettings()
        for key, widget in self._stateful().items():
            value = settings.value(f"{self.name}/{key}")
            if isinstance(value, QByteArray) and not value.isEmpty():
                widget.restoreState(value)
