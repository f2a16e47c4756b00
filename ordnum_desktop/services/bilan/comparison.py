"""The comparison of a bilan with the previous closed one, for the Bilan tab (the PDF gets it in
the gathered document): one read, the same rule as services/bilan/document.py."""

from __future__ import annotations

from ordnum_desktop.domain.bilan_comparison import BilanComparison
from ordnum_desktop.domain.bilan_rules import Bilan
from ordnum_desktop.services.bilan.document import previous_comparison
from ordnum_desktop.services.workspace.session import Workspace


def comparison_for(ws: Workspace, preserie_id: int, bilan: Bilan) -> BilanComparison | None:
    with ws.session() as s:
        return previous_comparison(s, preserie_id, bilan)


__all__ = ["comparison_for"]
