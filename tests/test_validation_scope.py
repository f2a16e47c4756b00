"""The validation scope: `ordnum preserie scope` records the covered products, the third-party
engine and both situations (audited); the bilan PDF, `bilan` and its JSON say them in the
référentiel's words."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import select

from ordnum_desktop.cli import main
from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import AuditEntry
from tests.cli_output import cli_output


def _pdf_text(path: Path) -> str:
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(path.read_bytes())).pages)
    return " ".join(text.split())


def test_scope_recorded_printed_and_audited(
    populated_db: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    words = load_referentiel().validation_scope
    start = json.loads(cli_output(capsys, ["preserie", "scope", *populated_db, "--json"]))
    assert start["scope"]["products"] == [] and start["scope"]["both_situations"] is False

    out = json.loads(
        cli_output(
            capsys,
            [
                "preserie",
                "scope",
                *populated_db,
                "--products",
                "Logi B ; Logi C;Logi B",
                "--serves-both",
                "--json",
            ],
        )
    )
    assert out["scope"]["products"] == out["scope"]["covered"] == ["Logi B", "Logi C"]
    assert words["both_situations"] in out["sentences"]
    assert "valable pour les deux situations" in words["both_situations"]
    assert "Logi B ; Logi C" in out["sentences"][0] and "« ON-Module 2 »" in out["sentences"][0]

    pdf = tmp_path / "bilan.pdf"
    cli_output(capsys, ["bilan", *populated_db, "--pdf", str(pdf)])
    text = _pdf_text(pdf)
    assert "Périmètre de la validation" in text and "Logi B ; Logi C" in text
    assert "valable pour les deux situations d'exercice" in text

    engine = json.loads(
        cli_output(capsys, ["preserie", "scope", *populated_db, "--third-party-engine", "--json"])
    )
    assert engine["scope"]["covered"] == [] and engine["scope"]["products"] == ["Logi B", "Logi C"]
    assert "intègre un moteur de prescription développé par un éditeur tiers" in engine["sentences"][0]
    assert "la validation ne couvre pas" in engine["sentences"][0]
    assert "non couverts" in engine["sentences"][1]
    live = json.loads(cli_output(capsys, ["bilan", *populated_db, "--json"]))
    assert live["scope"]["third_party_engine"] is True
    text = cli_output(capsys, ["bilan", *populated_db])
    assert "Périmètre de la validation : Ce logiciel intègre un moteur" in text

    ws = Workspace.open(populated_db[1])
    try:
        with ws.session() as s:
            changes = [
                json.loads(e.after_json)
                for e in s.exec(
                    select(AuditEntry).where(AuditEntry.entity == "preserie", AuditEntry.action == "update")
                )
            ]
    finally:
        ws.close()
    assert any(c.get("covered_products") == "Logi B ; Logi C" and c.get("serves_both") for c in changes)
    assert any(c.get("third_party_engine") is True for c in changes)
    journal = cli_output(capsys, ["audit", *populated_db, "--limit", "2"])
    assert "moteur de prescription d'un éditeur tiers : non → oui" in journal


def test_scope_refusals_are_french_and_change_nothing(
    populated_db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["preserie", "scope", *populated_db, "--third-party-engine=oui"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "valeur en trop" in err and "ignored" not in err
    err = cli_output(capsys, ["preserie", "scope", *populated_db, "--products", "x" * 2500], 2)
    assert "2000 au plus" in err and "Traceback" not in err
    assert (
        json.loads(cli_output(capsys, ["preserie", "scope", *populated_db, "--json"]))["scope"]["products"]
        == []
    )
