"""Traces postes of the demonstration présérie: a deterministic generator (fixed seed) of what an
éditeur's export looks like — prescriptions, e-prescriptions, créer calls with failures and
retries, some consulter / rechercher calls, a stranger's rows — and writers to .xlsx and .csv."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from openpyxl import Workbook

from ordnum_desktop.services.io.private_temp import private_temp
from ordnum_desktop.services.io.xlsx_tables import save_workbook

HEADERS = (
    "Horodatage",
    "Identifiant PS",
    "FINESS",
    "Identifiant ordonnance",
    "Type de prestation",
    "Ordonnance numérique",
    "Opération",
    "Code retour",
    "Numéro de prescription",
)

# Weights of the prestation types in a GP's prescriptions (medicines dominate).
PRESTATIONS = (
    ("Médicaments", 70),
    ("Biologie", 12),
    ("Actes infirmiers", 6),
    ("Kinésithérapie", 5),
    ("Dispositifs médicaux", 5),
    ("Orthophonie", 1),
    ("Orthoptie", 0.5),
    ("Pédicurie", 0.5),
)
FAILURE_CODES = (5001, 5003, 5012)  # service indisponible, délai dépassé, données refusées


@dataclass(frozen=True)
class TraceDoctor:
    identifier: str
    finess: str
    first_day: date  # traces activated / first e-prescription
    digital_rate: float  # target share of e-prescriptions once the doctor is used to it
    per_day: tuple[int, int]  # prescriptions per working day (min, max)
    code: str  # prefix of the software's prescription ids


@dataclass(frozen=True)
class TraceRowOut:
    ts: datetime
    ps: str
    finess: str
    prescription_id: str
    prestation: str
    digital: bool
    operation: str  # '' | Créer | Consulter | Rechercher
    return_code: int | None
    number: str

    def cells(self) -> tuple[object, ...]:
        return (
            self.ts,
            self.ps,
            self.finess,
            self.prescription_id,
            self.prestation,
            "Oui" if self.digital else "Non",
            self.operation,
            "" if self.return_code is None else self.return_code,
            self.number,
        )


@dataclass(frozen=True)
class Incident:
    """A period when créer failed more often (the blocking anomaly of the demo, later fixed)."""

    start: date
    end: date
    failure_rate: float
    code: int


def _working_days(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        if day.weekday() < 5 or (day.weekday() == 5 and day.toordinal() % 2 == 0):
            yield day  # Monday–Friday, and one Saturday morning out of two
        day += timedelta(days=1)


def generate_traces(
    doctors: Sequence[TraceDoctor],
    last_day: date,
    *,
    seed: int = 2025,
    incident: Incident | None = None,
    strangers: Sequence[tuple[str, date, int]] = (),
) -> list[TraceRowOut]:
    """Rows in time order. `strangers`: (identifier, day, prescriptions) of a PS not on the roster."""
    rng = random.Random(seed)
    labels = [p for p, _ in PRESTATIONS]
    weights = [w for _, w in PRESTATIONS]
    rows: list[TraceRowOut] = []
    serial = 0
    for doc in doctors:
        for day in _working_days(doc.first_day, last_day):
            saturday = day.weekday() == 5
            low, high = doc.per_day
            count = rng.randint(max(1, low // 3), max(1, high // 3)) if saturday else rng.randint(low, high)
            # Use grows over the first two weeks, as doctors get used to the new button.
            weeks_in = (day - doc.first_day).days / 7
            rate = doc.digital_rate * min(1.0, 0.8 + 0.1 * weeks_in)
            minutes = sorted(rng.sample(range(8 * 60 + 30, (12 if saturday else 19) * 60), count))
            for seq, minute in enumerate(minutes, start=1):
                serial += 1
                start = datetime.combine(day, time(minute // 60, minute % 60, rng.randint(0, 59)))
                pid = f"{doc.code}-{day:%y%m%d}-{seq:03d}"
                prestation = rng.choices(labels, weights)[0]
                digital = rng.random() < rate
                rows.append(
                    TraceRowOut(start, doc.identifier, doc.finess, pid, prestation, digital, "", None, "")
                )
                if digital:
                    rows.extend(_operations(rng, doc, start, pid, prestation, serial, incident))
    for ident, day, count in strangers:
        for seq in range(1, count + 1):
            ts = datetime.combine(day, time(9 + seq, 15, 0))
            rows.append(
                TraceRowOut(ts, ident, "", f"RPL-{day:%y%m%d}-{seq:03d}", "Médicaments", True, "", None, "")
            )
            rows.append(
                TraceRowOut(
                    ts + timedelta(seconds=20),
                    ident,
                    "",
                    f"RPL-{day:%y%m%d}-{seq:03d}",
                    "Médicaments",
                    True,
                    "Créer",
                    0,
                    f"2025{ident[-4:]}{seq:06d}",
                )
            )
    rows.sort(key=lambda r: (r.ts, r.ps, r.prescription_id, r.operation))
    return rows


def _operations(
    rng: random.Random,
    doc: TraceDoctor,
    start: datetime,
    pid: str,
    prestation: str,
    serial: int,
    incident: Incident | None,
) -> list[TraceRowOut]:
    """Créer (with failures and retries), then sometimes consulter and rechercher."""
    out: list[TraceRowOut] = []
    number = f"ON{start:%y%m%d}{serial:07d}"
    fail_rate = 0.08
    fail_code: int | None = None
    if incident and incident.start <= start.date() <= incident.end:
        fail_rate, fail_code = incident.failure_rate, incident.code
    t = start + timedelta(seconds=rng.randint(5, 40))
    attempts = 0
    while True:
        attempts += 1
        if rng.random() < fail_rate:
            code = fail_code or rng.choice(FAILURE_CODES)
            out.append(TraceRowOut(t, doc.identifier, doc.finess, pid, prestation, True, "Créer", code, ""))
            if attempts >= 2 or rng.random() < 0.25:
                return out  # gave up: printed on paper, the e-prescription is not registered
            t += timedelta(seconds=rng.randint(20, 90))  # the doctor clicks again
            continue
        out.append(TraceRowOut(t, doc.identifier, doc.finess, pid, prestation, True, "Créer", 0, number))
        break
    if rng.random() < 0.12:  # a pharmacist's call or a later look at the prescription
        t2 = t + timedelta(minutes=rng.randint(2, 240))
        code = 0 if rng.random() < 0.97 else 5003
        out.append(
            TraceRowOut(t2, doc.identifier, doc.finess, pid, prestation, True, "Consulter", code, number)
        )
    if rng.random() < 0.05:
        t3 = t + timedelta(minutes=rng.randint(5, 600))
        code = 0 if rng.random() < 0.95 else 5001
        out.append(TraceRowOut(t3, doc.identifier, doc.finess, pid, prestation, True, "Rechercher", code, ""))
    return out


def write_traces_xlsx(rows: Iterable[TraceRowOut], path: Path) -> Path:
    """As an éditeur's Excel export: date-times as date cells, identifiers as text."""
    with private_temp():  # write-only mode streams the rows into a temporary file
        wb = Workbook(write_only=True)
        sheet = wb.create_sheet("Traces")
        sheet.append(list(HEADERS))
        for row in rows:
            sheet.append(list(row.cells()))
        return save_workbook(wb, path)


def write_traces_csv(rows: Iterable[TraceRowOut], path: Path) -> Path:
    """As a French CSV export: `;` separator, UTF-8 with BOM, dates `JJ/MM/AAAA HH:MM:SS`."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(HEADERS)
        for row in rows:
            cells = list(row.cells())
            cells[0] = row.ts.strftime("%d/%m/%Y %H:%M:%S")
            writer.writerow(cells)
    return path
