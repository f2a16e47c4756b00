"""Matching of human-typed labels: headers and closed choices ignore case, accents, spacing."""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s_\-\u00a0\u202f'’.°]+")


def fold(text: object) -> str:
    """Lower-case, accent-free, separator-free key: `N° AM` → `nam`, `Prénom` → `prenom`."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub("", stripped.strip().casefold())


_TRUE = {"oui", "o", "1", "vrai", "true", "yes", "y", "x"}
_FALSE = {"non", "n", "0", "faux", "false", "no", ""}


def parse_yes_no(value: object) -> bool | None:
    """Oui/Non and their variants; None when the value is not recognisable."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        return None
    key = fold(value)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    return None


def quote(value: object) -> str:
    """French quotation of a user value inside a message."""
    return f"« {value} »"


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: object) -> str:
    """A stored value as a terminal line shows it: newlines, ESC and other control characters
    written escaped (`\\n`, `\\x1b`), so a file name can neither fake a line nor colour the
    terminal (issue 12, item 8)."""

    def escape(m: re.Match[str]) -> str:
        c = m.group()
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c, f"\\x{ord(c):02x}")

    return _UNPRINTABLE.sub(escape, str(text))


def column_list(names: list[str], limit: int = 10) -> str:
    """The first `limit` column names, escaped, then how many more: a 100 000-column header
    printed a 1 MB line (issue 12, item 12)."""
    shown = ", ".join(printable(n)[:80] for n in names[:limit])
    more = len(names) - limit
    return f"{shown} … et {more} autre(s)" if more > 0 else shown
