"""Matching the header row of an imported file against the columns an importer expects.

The three importers (traces, roster, satisfaction answers) read headers typed by people: case,
accents, spaces and punctuation are ignored (`text.fold`), each column may have aliases, the
order does not matter. A header seen twice counts once (the first); later copies and unknown
headers are reported as ignored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ordnum_desktop.domain.text import fold


@dataclass(frozen=True, slots=True)
class ExpectedColumn:
    key: str  # what the importer calls the column
    header: str  # the spelling of the template, named in "missing column" messages
    aliases: tuple[str, ...] = ()  # other accepted spellings (folded when matched)
    required: bool = False


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    positions: dict[str, int]  # key → index of its cell in the header row
    labels: dict[str, str]  # key → the header as written in the file (for row errors)
    missing: list[str]  # template headers of the required columns not found, in expected order
    ignored: list[str]  # headers found but not used, in file order

    def has(self, key: str) -> bool:
        return key in self.positions


def header_lookup(expected: Sequence[ExpectedColumn]) -> dict[str, str]:
    """fold(spelling) → key; the first column to claim a spelling keeps it."""
    lookup: dict[str, str] = {}
    for col in expected:
        for spelling in (col.header, *col.aliases):
            lookup.setdefault(fold(spelling), col.key)
    return lookup


def match_headers(found: Sequence[object], expected: Sequence[ExpectedColumn]) -> HeaderMatch:
    lookup = header_lookup(expected)
    positions: dict[str, int] = {}
    labels: dict[str, str] = {}
    ignored: list[str] = []
    for index, cell in enumerate(found):
        text = "" if cell is None else str(cell).strip()
        if not text:
            continue
        key = lookup.get(fold(text))
        if key is None or key in positions:
            ignored.append(text)
        else:
            positions[key] = index
            labels[key] = text
    missing = [col.header for col in expected if col.required and col.key not in positions]
    return HeaderMatch(positions, labels, missing, ignored)


__all__ = ["ExpectedColumn", "HeaderMatch", "header_lookup", "match_headers"]
