"""After a deploy bilan: `preserie deploy` dates the deployment meeting, the traces switched off
and the authorisation; refused without a closed deploy bilan; « Généralisation » once authorised;
each step in the audit trail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import select

from ordnum_desktop.cli import main
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import AuditEntry


def test_deployment_steps(deploy_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(deploy_path)]
    assert main(["preserie", "deploy", *db, "--meeting", "2025-04-20"]) == 2
    assert "aucun bilan n'a été clos" in capsys.readouterr().err
    assert main(["bilan", "close", *db, "--meeting-date", "2025-04-15"]) == 0
    capsys.readouterr()
    assert main(["preserie", "deploy", *db, "--meeting", "2025-04-20", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)["deployment"]
    assert out["deployment_meeting_date"] == "2025-04-20" and out["status"] == "validee"
    assert main(["preserie", "deploy", *db, "--traces-off", "2025-05-02", "--authorised", "2025-05-15"]) == 0
    text = capsys.readouterr().out
    assert "Généralisation" in text and "02/05/2025" in text
    ws = Workspace.open(db[1])
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
    assert any(c.get("deployment_meeting_date") == "2025-04-20" for c in changes)
    assert any(
        c.get("authorised_date") == "2025-05-15" and c.get("status") == "generalisation" for c in changes
    )


def test_deploy_refused_after_an_extend_bilan(
    populated_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(populated_path)]
    assert main(["bilan", "close", *db, "--meeting-date", "2025-04-15"]) == 0
    capsys.readouterr()
    assert main(["preserie", "deploy", *db, "--authorised", "2025-05-15"]) == 2
    assert "conclut à la prolongation" in capsys.readouterr().err
