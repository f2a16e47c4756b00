"""Weeks since the first e-prescription and since the period's start, in the bilan JSON, the
command line and the PDF; the référentiel's minimum duration (data); a bilan closed sooner is
refused unless `--early`, which the record and the PDF keep."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from ordnum_desktop.domain.referentiel import load_referentiel, referentiel_dir
from tests.cli_output import cli_output

FIRST_ERX = date(2025, 3, 4)  # doctor 1's typed date and the first digital trace of the fixture
KICKOFF = date(2025, 2, 20)


def _weeks(start: date, day: date) -> int:
    """Plain reading: whole weeks over, the bilan's day included."""
    return ((day - start).days + 1) // 7


def test_minimum_weeks_is_data_of_the_referentiel() -> None:
    raw = json.loads((referentiel_dir() / "2025-01.json").read_text(encoding="utf-8"))
    assert load_referentiel().thresholds.minimum_weeks == raw["thresholds"]["minimum_weeks"] == 4


def test_bilan_json_counts_the_weeks(populated_db: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    day = date(2025, 4, 8)
    data = json.loads(cli_output(capsys, ["bilan", *populated_db, "--as-of", day.isoformat(), "--json"]))
    weeks = data["weeks"]
    assert weeks["since_first_eprescription"] == _weeks(FIRST_ERX, day) == 5
    assert weeks["since_period_start"] == _weeks(KICKOFF, day) == 6
    assert weeks["first_eprescription"] == FIRST_ERX.isoformat()
    assert (weeks["minimum"], weeks["early"]) == (4, False)
    # The spec's keys are all there, beside the extra ones.
    for key in (
        "as_of",
        "criteria",
        "preconditions",
        "period",
        "unmatched_rows",
        "rejected_rows",
        "decision",
    ):
        assert key in data
    text = cli_output(capsys, ["bilan", *populated_db, "--as-of", "2025-03-24"])
    assert "Durée au 24/03/2025 : 3 semaines depuis la 1re ordonnance numérique" in text


def test_closing_early_asks_for_early(
    populated_db: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    close = ["bilan", "close", *populated_db, "--as-of", "2025-03-24", "--meeting-date", "2025-03-25"]
    err = cli_output(capsys, close, 2)
    assert "avant la durée minimale" in err and "3 semaines au 24/03/2025" in err
    assert "au moins 4 semaines" in err and "--early" in err and "Traceback" not in err
    history = ["bilan", "history", *populated_db, "--json"]
    assert json.loads(cli_output(capsys, history)) == []  # nothing written

    out = cli_output(capsys, [*close, "--early"])
    assert "avant la durée minimale" in out
    [record] = json.loads(cli_output(capsys, history))
    assert record["early"] is True
    shown = json.loads(cli_output(capsys, ["bilan", "show", *populated_db, "1", "--json"]))
    assert shown["weeks"]["early"] is True and shown["weeks"]["since_first_eprescription"] == 3
    pdf = tmp_path / "clos.pdf"
    cli_output(capsys, ["bilan", "show", *populated_db, "1", "--pdf", str(pdf)])
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "Clôture anticipée" in text and "avant la durée minimale" in text
    assert "Durée au bilan" in text


def test_a_bilan_at_four_weeks_closes_without_early(
    populated_db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    cli_output(
        capsys, ["bilan", "close", *populated_db, "--as-of", "2025-03-31", "--meeting-date", "2025-04-01"]
    )
    [record] = json.loads(cli_output(capsys, ["bilan", "history", *populated_db, "--json"]))
    assert record["early"] is False


def test_a_prolonged_period_counts_its_own_weeks(
    populated_db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    cli_output(
        capsys, ["bilan", "close", *populated_db, "--as-of", "2025-03-31", "--meeting-date", "2025-04-01"]
    )
    cli_output(capsys, ["preserie", "extend", *populated_db, "--from", "2025-04-02", "--version", "4.3"])
    data = json.loads(cli_output(capsys, ["bilan", *populated_db, "--as-of", "2025-04-08", "--json"]))
    assert data["weeks"]["since_period_start"] == _weeks(date(2025, 4, 2), date(2025, 4, 8)) == 1
    assert data["weeks"]["since_first_eprescription"] == 5 and data["weeks"]["early"] is True
    err = cli_output(
        capsys, ["bilan", "close", *populated_db, "--as-of", "2025-04-08", "--meeting-date", "2025-04-09"], 2
    )
    assert "la période 2 a commencé le 02/04/2025" in err
