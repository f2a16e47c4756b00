"""The command line run in the test's own process (`main`, as `ordnum` runs it): quicker than a
process each time, and pytest's capture gives its output."""

from __future__ import annotations

import pytest

from ordnum_desktop.cli import main


def cli_output(capsys: pytest.CaptureFixture[str], argv: list[str], code: int = 0) -> str:
    """The output of `ordnum argv`, or its error text when the expected exit `code` is not 0."""
    assert main(argv) == code, capsys.readouterr()
    captured = capsys.readouterr()
    return captured.out if code == 0 else captured.err
