"""How a doctor's name is written on every screen, page, workbook and command: « Nom Prénom ».

Administrative lists (and the Assurance Maladie's) put the family name first, so that a list
reads and sorts the same everywhere: « Lefèvre Anne ». The family name is kept as typed (no
forced capitals): the roster workbooks hold it that way and a capitalised copy would differ
from what the coordinator searches for.
"""

from __future__ import annotations


def person_name(last_name: str, first_name: str = "") -> str:
    return " ".join(p for p in (last_name.strip(), first_name.strip()) if p)


def preserie_name(editor: str, software: str, version: str) -> str:
    """A présérie as the selector and the command line name it: « Éditeur — Logiciel 4.2 »."""
    return f"{editor} — {software} {version}"
