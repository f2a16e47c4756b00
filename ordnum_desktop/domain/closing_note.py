"""What the meeting adds to a bilan when it is closed: its number, the meeting date and who signed.

Carried by the document the PDF is laid out from (services/bilan/document.py), so that the PDF
stored at the closing — and given back byte for byte by `bilan show --pdf` — states them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ClosingNote:
    number: int
    meeting_date: date
    signatories: str = ""
    early: bool = False  # closed before the référentiel's minimum duration, confirmed by the user


__all__ = ["ClosingNote"]
