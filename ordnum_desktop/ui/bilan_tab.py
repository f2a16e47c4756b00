from __future__ import annotations

from ordnum_desktop.ui.tab_base import BaseTab


class BilanTab(BaseTab):
    name = "bilan"

    def refresh(self) -> None:
        pass
