"""Command modules of `ordnum`; each exposes `register(subparsers)`. Add new modules here.

A command's module is imported only when that command runs (`ordnum traces import` never loads
the bilan's PDF, openpyxl or numpy: a second of start-up on a 2-core machine, issue 16); `ordnum`
alone, `--help` or an unknown command load them all. tests/test_cli_commands_table.py checks that
`COMMANDS` names every command each module registers.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# Top-level command → the module that registers it, in the order of `ordnum --help`.
COMMANDS: dict[str, str] = {
    "init": "workspace_cmds",
    "preserie": "workspace_cmds",
    "launch": "launch_cmds",
    "kickoff": "launch_cmds",
    "roster": "roster_cmds",
    "backup": "backup_cmds",
    "audit": "backup_cmds",
    "prerequisites": "followup_cmds",
    "satisfaction": "followup_cmds",
    "anomaly": "followup_cmds",
    "demo": "demo_cmds",
    "traces": "traces_cmds",
    "bilan": "bilan_cmds",
    "planning": "planning_cmds",
    "overview": "overview_cmds",
    "workspace": "copy_cmds",
}


def command_modules(command: str | None = None) -> list[ModuleType]:
    """The module of `command` when it is a known one, else every module (help, errors)."""
    names = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    return [importlib.import_module(f"ordnum_desktop.cli_commands.{name}") for name in names]
