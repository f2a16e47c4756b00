"""The PDF stored at the closing states the meeting and who signed; `bilan show --pdf` gives those
very bytes back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from ordnum_desktop.cli import main
from ordnum_desktop.services.workspace.session import Workspace


def test_closed_pdf_has_the_meeting_and_signatories(
    tmp_path: Path, deploy_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = deploy_path
    db = ["--db", str(path)]
    assert (
        main(
            ["bilan", "close", *db, "--meeting-date", "16/04/2025", "--signatories", "Mme Caisse, M. Lévêque"]
        )
        == 0
    )
    out = tmp_path / "clos.pdf"
    assert main(["bilan", "show", *db, "1", "--pdf", str(out)]) == 0
    capsys.readouterr()
    text = " ".join(page.extract_text() or "" for page in PdfReader(out).pages)
    assert "Réunion de bilan" in text and "16/04/2025" in text
    assert "Mme Caisse, M. Lévêque" in text and "n° 1" in text

    ws = Workspace.open(path)
    try:
        from ordnum_desktop.services.bilan.closing import closed_bilan

        stored = closed_bilan(ws, 1, 1).pdf
    finally:
        ws.close()
    assert out.read_bytes() == stored
    # A live export of the same bilan carries no closing block: only the closed one is signed.
    live = tmp_path / "live.pdf"
    assert main(["bilan", *db, "--pdf", str(live)]) == 0
    live_text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(live.read_bytes())).pages)
    assert "Réunion de bilan" not in live_text
