"""The command line run in the test's own process (`main`, as `ordnum` runs it): quicker than a
process each time (each one pays ~1 s of start-up: Python, SQLAlchemy, the models), and the
same code from the parsing of the arguments to the exit code. `python -m ordnum_desktop` itself
is `raise SystemExit(main())`; the tests that need a real process (kills, locks held by another
program, the entry point) start one."""

from __future__ import annotations

import contextlib
import io
import subprocess

import pytest

from ordnum_desktop.cli import main


def cli_output(capsys: pytest.CaptureFixture[str], argv: list[str], code: int = 0) -> str:
    """The output of `ordnum argv`, or its error text when the expected exit `code` is not 0."""
    assert main(argv) == code, capsys.readouterr()
    captured = capsys.readouterr()
    return captured.out if code == 0 else captured.err


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`ordnum args` as a process would end: its exit code, its output and its error text
    (argparse's refusals included, which leave through SystemExit)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    return subprocess.CompletedProcess(["ordnum", *args], code, out.getvalue(), err.getvalue())
