"""`ordnum COMMAND …` imports only COMMAND's module: the table of commands must name every
command each module registers, and a traces import must not load what only other commands use."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from ordnum_desktop.cli import build_parser
from ordnum_desktop.cli_commands import COMMANDS, command_modules

ROOT = Path(__file__).resolve().parent.parent


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def test_the_table_names_each_command_of_each_module() -> None:
    for module in command_modules():
        parser = argparse.ArgumentParser()
        module.register(parser.add_subparsers())
        for command in _commands(parser):
            assert COMMANDS[command] == module.__name__.rsplit(".", 1)[1]
    assert _commands(build_parser()) == list(COMMANDS)  # `ordnum --help` lists them all, in order


def test_one_command_builds_its_own_parser_only() -> None:
    assert _commands(build_parser("traces")) == ["traces"]
    assert _commands(build_parser("--version")) == list(COMMANDS)
    assert _commands(build_parser("pas-une-commande")) == list(COMMANDS)


def test_a_traces_import_loads_neither_the_bilan_nor_the_workbook_writers() -> None:
    code = (
        "import sys; from ordnum_desktop.cli import build_parser; build_parser('traces'); "
        "import ordnum_desktop.services.traces.importer; "
        "print(' '.join(m for m in ('openpyxl', 'numpy', 'reportlab', 'matplotlib', "
        "'ordnum_desktop.services.bilan.compute') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == ""
