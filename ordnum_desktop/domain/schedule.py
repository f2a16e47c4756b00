"""One doctor's schedule: the typed planning dates beside what the traces show.

Every front end (window header, Planning tab, CPAM workbooks, PDF) presents this one model, so
that they cannot disagree. A typed date wins (the coordinator may know better, e.g. a test
prescription before the traces were imported), the trace date fills in when nothing is typed,
and a difference between the two is shown rather than hidden."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ordnum_desktop.domain.fr_format import format_date


@dataclass(frozen=True)
class TraceDays:
    """A doctor's days in the imported traces (SQL aggregates, never a loop over rows)."""

    first: date | None = None
    first_erx: date | None = None
    last: date | None = None


@dataclass(frozen=True)
class DoctorSchedule:
    planned: date | None = None
    installed: date | None = None
    trained: date | None = None
    traces_on: date | None = None
    first_erx_typed: date | None = None
    traces: TraceDays = TraceDays()

    @property
    def has_traces(self) -> bool:
        return self.traces.first is not None

    @property
    def first_erx(self) -> date | None:
        """The effective first e-prescription day: the typed one, else the traces'."""
        return self.first_erx_typed or self.traces.first_erx

    @property
    def effective_traces_on(self) -> date | None:
        return self.traces_on or self.traces.first

    @property
    def effective_installed(self) -> date | None:
        """Traces prove an installation: the first trace day when none was typed."""
        return self.installed or self.traces.first

    @property
    def first_erx_difference(self) -> str:
        """Shown to the user when the typed date and the traces disagree ('' otherwise)."""
        typed, seen = self.first_erx_typed, self.traces.first_erx
        if typed is None or seen is None or typed == seen:
            return ""
        return f"Date saisie {format_date(typed)}, traces : {format_date(seen)}."

    def late(self, on: date) -> bool:
        """Installation planned before `on`, not done, and no trace: a doctor with traces is in
        service whatever was typed."""
        return (
            not self.has_traces and self.installed is None and self.planned is not None and self.planned < on
        )

    def silent_since(self, on: date, silent_days: int) -> date | None:
        """The last trace day (or the installation day when there is none) when the doctor is
        installed and has sent nothing for `silent_days` days as of `on`; else None."""
        installed = self.effective_installed
        if installed is None or installed > on:
            return None
        last = self.traces.last if self.traces.last and self.traces.last <= on else None
        since = last or installed
        return since if (on - since).days >= silent_days else None

    def flag(self, on: date, silent_days: int) -> str:
        """The one French word on this doctor's progress as of `on` ('' when nothing to say)."""
        if self.late(on):
            return "En retard"
        since = self.silent_since(on, silent_days)
        if since is not None:
            return f"Sans trace depuis {(on - since).days} jours"
        return ""


def earliest_first_erx(schedules: list[DoctorSchedule]) -> date | None:
    return min((s.first_erx for s in schedules if s.first_erx), default=None)
