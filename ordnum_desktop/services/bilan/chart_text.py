"""The text alternative of each chart (RGAA 1.x: an image that carries information says it in
words): the same figures the chart draws, as one sentence a screen reader reads out. Qt-free, so
the window sets it on the canvas and a test reads it without drawing anything (issue 13)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ordnum_desktop.domain.bilan_rules import WeekPoint
from ordnum_desktop.domain.fr_format import format_date, format_int, format_percent


def weekly_rate_text(name: str, weeks: Sequence[WeekPoint], threshold: float) -> str:
    head = (
        f"Taux hebdomadaire d'ordonnances numériques de {name} (seuil {format_percent(threshold, digits=0)})"
    )
    if not weeks:
        return f"{head} : aucune prescription."
    parts = [
        f"semaine du {w.label} : "
        + (
            "aucune prescription"
            if w.rate is None
            else f"{format_int(w.digital)} sur {format_int(w.prescriptions)}, {format_percent(w.rate)}"
        )
        for w in weeks
    ]
    return f"{head} : " + " ; ".join(parts) + "."


def prescription_bars_text(name: str, weeks: Sequence[WeekPoint]) -> str:
    head = f"Prescriptions par semaine de {name}, numériques et papier"
    if not weeks:
        return f"{head} : aucune prescription."
    parts = [
        f"semaine du {w.label} : {format_int(w.prescriptions)} dont {format_int(w.digital)} numérique(s)"
        for w in weeks
    ]
    return f"{head} : " + " ; ".join(parts) + "."


def _day(value: object) -> str:
    return format_date(value) if isinstance(value, date) else ""


def planning_timeline_text(rows: Sequence[dict[str, Any]], *, today: date) -> str:
    """`rows` as `charts.planning_timeline_chart` takes them."""
    head = f"Frise des installations au {format_date(today)}"
    if not any(r.get("planned") or r.get("actual") or r.get("first_eprescription") for r in rows):
        return f"{head} : aucune date d'installation saisie."
    parts = []
    for r in rows:
        planned, actual, first = r.get("planned"), r.get("actual"), r.get("first_eprescription")
        facts = []
        if planned:
            late = actual is None and planned < today
            facts.append(f"prévue le {_day(planned)}" + (", en retard" if late else ""))
        facts.append(f"installée le {_day(actual)}" if actual else "pas encore installée")
        if first:
            facts.append(f"1re ordonnance numérique le {_day(first)}")
        parts.append(f"{r.get('label', '')} : " + ", ".join(facts))
    return f"{head} : " + " ; ".join(parts) + "."
