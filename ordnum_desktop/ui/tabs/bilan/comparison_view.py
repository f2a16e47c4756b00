"""The Bilan tab's comparison with the previous closed bilan: per criterion and per doctor, the
figures then, now, and the change (domain/bilan_comparison.py, as on the PDF)."""

from __future__ import annotations

from html import escape

from ordnum_desktop.domain.bilan_comparison import BilanComparison
from ordnum_desktop.domain.fr_format import format_decimal, format_iso_date, format_percent


def _points(value: float | None) -> str:
    if value is None:
        return "—"
    return ("+" if value > 0 else "") + f"{format_decimal(value * 100)} pt"


def comparison_html(c: BilanComparison | None) -> str:
    if c is None:
        return ""
    prev = c.previous
    parts = [
        f"<b>Par rapport au bilan n° {prev.number} au {format_iso_date(prev.as_of)}</b> "
        f"({escape(prev.decision.label)}) :"
    ]
    parts.append(" · ".join(f"{ch.key.number}. {escape(ch.turned)}" for ch in c.criteria))
    doctors = [
        f"{escape(d.name or d.identifier)} {format_percent(d.previous.rate) if d.previous else '—'} → "
        f"{format_percent(d.current.rate) if d.current else '—'} ({escape(d.note or _points(d.change))})"
        for d in c.doctors
    ]
    parts.append("Taux par médecin : " + " ; ".join(doctors))
    return "<br/>".join(parts)


__all__ = ["comparison_html"]
