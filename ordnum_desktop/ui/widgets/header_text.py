"""The header's status badge and key dates for the présérie shown."""

from __future__ import annotations

from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.preserie_time import PreserieTime, weeks_text
from ordnum_desktop.services.lifecycle.timing import preserie_time
from ordnum_desktop.services.planning.schedule import planning_view
from ordnum_desktop.services.roster.preseries import STATUSES, resolve_preserie
from ordnum_desktop.services.workspace.session import Workspace

STATUS_COLOURS = {
    "preparation": "#6d6d6d",
    "lancee": "#1565c0",
    "en_cours": "#00838f",
    "bilan": "#ef6c00",
    "validee": "#2e7d32",
    "prolongee": "#8e24aa",
    "generalisation": "#1b5e20",
}


def weeks_part(t: PreserieTime) -> str:
    """« 5 semaines depuis la 1re e-prescription · période 1 : 7 semaines », at the présérie's
    day; the minimum is named while it is not reached."""
    first = (
        f"<b>{weeks_text(t.since_first_eprescription)}</b> depuis la 1re e-prescription"
        if t.first_eprescription
        else "aucune e-prescription encore"
    )
    period = f"période {t.period_number} : <b>{weeks_text(t.since_period_start)}</b>"
    short = f" (minimum {weeks_text(t.minimum_weeks)})" if t.early else ""
    return f"{first} · {period}{short}"


def header_parts(ws: Workspace, preserie_id: int) -> tuple[str, str, str]:
    """The badge, the dates and the badge's colour: the présérie's milestones, then on a line of
    their own the weeks elapsed."""
    p = resolve_preserie(ws, preserie_id)
    first = p.first_eprescription_date
    if first is None:  # not recorded on the présérie: the planning's, typed or from the traces
        first = planning_view(ws, preserie_id).first_erx
    dates = []
    if p.cnda_reference or p.cnda_date:
        cnda = p.cnda_reference or "autorisé"
        dates.append(f"CNDA {cnda}" + (f" ({format_date(p.cnda_date)})" if p.cnda_date else ""))
    for label, value in (
        ("Lancement", p.kickoff_date),
        ("1re e-prescription", first),
        ("Bilan", p.bilan_date),
    ):
        dates.append(f"{label} <b>{format_date(value) if value else 'à venir'}</b>")
    text = " · ".join(dates) + "<br/>" + weeks_part(preserie_time(ws, preserie_id, planning_first=first))
    return STATUSES.get(p.status, p.status), text, STATUS_COLOURS.get(p.status, "#6d6d6d")
