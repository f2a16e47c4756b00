"""The change journal speaks the window's words: a prerequisite by its label (never its key
« cnda / support / kit »), a planning line by its doctor (never « n° 9 »)."""

from __future__ import annotations

import re
from pathlib import Path

from ordnum_desktop.services.workspace.audit_log import describe, list_entries
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.ui.dialogs.journal_dialog import _subjects, detail


def test_no_internal_key_in_the_journal(populated_path: Path) -> None:
    ws = Workspace.open(populated_path)
    try:
        entries = list_entries(ws)
    finally:
        ws.close()
    lines = [f"{s} | {detail(e)} | {describe(e)}" for e, s in zip(entries, _subjects(entries), strict=True)]
    assert lines
    for line in lines:
        assert not re.search(r"\bcode : |— (cnda|support|kit)\b|— n° \d", line), line
    prerequisites = [line for line, e in zip(lines, entries, strict=True) if e.entity == "prerequisite"]
    assert all("— n°" not in p and "| kit |" not in p for p in prerequisites)
