"""How long the présérie has run at a day: whole weeks since the first e-prescription and since
the start of the period judged, against the référentiel's minimum duration.

The seed: « Durée : quelques semaines, à compter de la date d'envoi des premières ordonnances
numériques par le médecin ». The minimum (`thresholds.minimum_weeks`) applies to the weeks since
the first e-prescription for period 1, and to the weeks since its first day for a prolonged
period: the correction has to be measured for as long as the first version was. Period 1 starts
at the kick-off meeting. A week counts once its seven days are over, the bilan's day included
(a bilan at the end of day 28 has four weeks).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ordnum_desktop.domain.fr_format import format_date


def whole_weeks(start: date | None, day: date) -> int | None:
    if start is None:
        return None
    return max(0, ((day - start).days + 1) // 7)


def weeks_text(weeks: int | None) -> str:
    if weeks is None:
        return "—"
    return f"{weeks} semaine" + ("s" if weeks > 1 else "")


@dataclass(frozen=True)
class PreserieTime:
    as_of: date
    first_eprescription: date | None
    period_number: int
    period_start: date | None  # the kick-off for period 1, the prolongation's first day after
    minimum_weeks: int

    @property
    def since_first_eprescription(self) -> int | None:
        return whole_weeks(self.first_eprescription, self.as_of)

    @property
    def since_period_start(self) -> int | None:
        return whole_weeks(self.period_start, self.as_of)

    @property
    def measured(self) -> int:
        """The weeks the minimum is compared with (0 before any e-prescription)."""
        weeks = self.since_first_eprescription if self.period_number == 1 else self.since_period_start
        return weeks or 0

    @property
    def early(self) -> bool:
        return self.measured < self.minimum_weeks

    def early_reason(self) -> str:
        """Why a bilan at `as_of` is early, in one clause (empty when it is not)."""
        if not self.early:
            return ""
        if self.period_number > 1:
            since = f"la période {self.period_number} a commencé le {format_date(self.period_start)}"
        elif self.first_eprescription is None:
            return (
                f"aucune ordonnance numérique n'a encore été envoyée, et le référentiel demande au "
                f"moins {weeks_text(self.minimum_weeks)} à compter de la première"
            )
        else:
            since = f"la première ordonnance numérique date du {format_date(self.first_eprescription)}"
        return (
            f"{since}, soit {weeks_text(self.measured)} au {format_date(self.as_of)}, et le référentiel "
            f"demande au moins {weeks_text(self.minimum_weeks)}"
        )

    def summary(self) -> str:
        """« 6 semaines depuis la 1re ordonnance numérique, 7 semaines depuis le début de la période 1 »."""
        first = (
            f"{weeks_text(self.since_first_eprescription)} depuis la 1re ordonnance numérique"
            if self.first_eprescription
            else "aucune ordonnance numérique encore"
        )
        period = (
            f"{weeks_text(self.since_period_start)} depuis le début de la période {self.period_number}"
            if self.period_start
            else f"période {self.period_number} sans date de début"
        )
        return f"{first}, {period}"

    def as_json(self) -> dict[str, Any]:
        return {
            "since_first_eprescription": self.since_first_eprescription,
            "since_period_start": self.since_period_start,
            "first_eprescription": self.first_eprescription.isoformat() if self.first_eprescription else None,
            "period_start": self.period_start.isoformat() if self.period_start else None,
            "minimum": self.minimum_weeks,
            "early": self.early,
        }


__all__ = ["PreserieTime", "weeks_text", "whole_weeks"]
