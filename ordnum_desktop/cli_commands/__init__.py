"""Command modules of `ordnum`; each exposes `register(subparsers)`. Add new modules here."""

from ordnum_desktop.cli_commands import (
    backup_cmds,
    bilan_cmds,
    demo_cmds,
    followup_cmds,
    launch_cmds,
    overview_cmds,
    planning_cmds,
    roster_cmds,
    traces_cmds,
    workspace_cmds,
)

# In the order of `ordnum --help`.
COMMAND_MODULES = [
    workspace_cmds,
    launch_cmds,
    roster_cmds,
    backup_cmds,
    followup_cmds,
    demo_cmds,
    traces_cmds,
    bilan_cmds,
    planning_cmds,
    overview_cmds,
]
