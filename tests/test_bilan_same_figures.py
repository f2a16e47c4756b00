"""On the demo, the CLI text, `--json`, the workbook and the printed PDF show the same figures and
the same criterion titles: they all read one `Bilan` object."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook
from pypdf import PdfReader

from ordnum_desktop.cli import main
from ordnum_desktop.domain.bilan_rules import Bilan
from ordnum_desktop.domain.bilan_wording import decision_statement
from ordnum_desktop.domain.fr_format import NNBSP, format_int, format_percent
from ordnum_desktop.domain.vocabulary import Criterion, Operation
from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.demo.builder import build_demo
from ordnum_desktop.services.workspace.session import Workspace


def _flat(text: str) -> str:
    # pypdf returns the lines of a wrapped paragraph with "\n"; compare on single spaces.
    return re.sub(r"\s+", " ", text.replace(NNBSP, "\u0001")).replace("\u0001", NNBSP)


@dataclass
class Outputs:
    bilan: Bilan
    text: str  # `ordnum bilan`
    json: Any  # `ordnum bilan --json`
    pdf: str  # the PDF's text
    xlsx: Workbook


@pytest.fixture
def outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Outputs:
    db = build_demo(tmp_path / "demo.sqlite")
    pdf, xlsx = tmp_path / "bilan.pdf", tmp_path / "bilan.xlsx"
    assert main(["bilan", "--db", str(db), "--pdf", str(pdf), "--xlsx", str(xlsx)]) == 0
    text = capsys.readouterr().out
    assert main(["bilan", "--db", str(db), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    with Workspace.open(db) as ws:
        bilan = compute_bilan(ws, 1)
    pdf_text = _flat("\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages))
    return Outputs(bilan, text, data, pdf_text, load_workbook(xlsx))


def test_cli_json_workbook_and_pdf_show_the_same_figures(outputs: Outputs) -> None:
    bilan, text, pdf, wb = outputs.bilan, outputs.text, outputs.pdf, outputs.xlsx
    # The JSON adds the weeks and the validation scope (extra keys, domain/preserie_time.py and
    # domain/validation_scope.py) to the bilan's own figures.
    assert {k: v for k, v in outputs.json.items() if k not in ("weeks", "scope")} == bilan.as_json()
    assert outputs.json["weeks"]["since_first_eprescription"] == 5
    assert outputs.json["scope"]["both_situations"] is True

    # Criterion titles: one wording in the CLI, the PDF and the workbook.
    criteria_sheet = list(wb["Critères"].iter_rows(min_row=2, values_only=True))
    for key, row in zip(Criterion, criteria_sheet, strict=True):
        assert key.numbered in text
        assert key.label in pdf
        assert row[:2] == (key.number, key.label)
        assert row[5] == ("Oui" if bilan.criterion(key).met else "Non")

    # Per doctor: the same counts and rate everywhere.
    doctor_rows = list(wb["Médecins"].iter_rows(min_row=2, values_only=True))
    assert len(doctor_rows) == len(bilan.doctor_rate.doctors) == 6
    for d, row in zip(bilan.doctor_rate.doctors, doctor_rows, strict=True):
        figures = f"{format_int(d.digital)} / {format_int(d.prescriptions)} = {format_percent(d.rate)}"
        assert f"{d.name} ({d.identifier}) : {figures}" in text
        assert (
            f"{d.identifier} {d.name} {format_int(d.prescriptions)} {format_int(d.digital)} "
            f"{format_percent(d.rate)}"
        ) in pdf
        assert row[:5] == (d.identifier, d.name, d.prescriptions, d.digital, d.rate)

    # Registration: 1 325 registered out of 1 395 created on the demo.
    reg = bilan.registration
    assert (reg.registered, reg.created) == (1325, 1395)
    assert f"{format_int(reg.registered)} enregistrées sur {format_int(reg.created)} créées" in text
    assert f"({format_int(reg.registered)} enregistrées / {format_int(reg.created)} créées)" in pdf
    assert criteria_sheet[1][3] == reg.rate

    # Operations: calls and successes per service.
    ops_sheet = {r[0]: r[1:] for r in wb["Opérations"].iter_rows(min_row=2, values_only=True)}
    for op in Operation:
        c = bilan.operations.operation(op)
        assert (
            f"{op.label.lower()} {format_int(c.succeeded)} réussi(s) / {format_int(c.calls)} appel(s)" in text
        )
        assert f"{op.label} : {format_int(c.succeeded)} succès / {format_int(c.calls)} appels" in pdf
        assert ops_sheet[op.label] == (c.calls, c.succeeded, c.failed, c.success_rate)

    # Unmatched rows and the decision.
    assert bilan.unmatched_rows == 10
    assert (
        "10 lignes hors critères, sans médecin utilisateur de l'effectif : PS inconnu 331998870 (10)." in text
    )
    assert "PS inconnu 331998870 (10)" in pdf
    assert "10 lignes de traces ne correspondent" in pdf
    summary = {r[0]: r[1] for r in wb["Bilan"].iter_rows(values_only=True)}
    assert summary["Lignes de traces non rattachées"] == 10
    assert summary["Décision"] == bilan.decision.label == "Prolongation de la présérie"
    assert f"Décision : {bilan.decision.label}" in pdf
    statement = decision_statement(bilan)
    assert summary["Critères non atteints"] == " ; ".join(statement.criteria)
    assert statement.criteria[0].startswith(Criterion.DOCTOR_RATE.numbered)
    for line in statement.lines:  # the CLI prints the statement the PDF and the window show
        assert line in text
