from __future__ import annotations

from ordnum_desktop.ui.tab_base import BaseTab


class PlanningTab(BaseTab):
    name = "planning"

    def refresh(self) -> None:
        pass
