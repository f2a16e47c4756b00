"""Command modules of `ordnum`; each exposes `register(subparsers)`. Add new modules here."""

from ordnum_desktop.cli_commands import backup_cmds, demo_cmds, followup_cmds, roster_cmds, workspace_cmds

COMMAND_MODULES = [workspace_cmds, roster_cmds, backup_cmds]
COMMAND_MODULES += [followup_cmds, demo_cmds]

from ordnum_desktop.cli_commands import bilan_cmds, traces_cmds  # noqa: E402

COMMAND_MODULES += [traces_cmds, bilan_cmds]

from ordnum_desktop.cli_commands import planning_cmds  # noqa: E402

COMMAND_MODULES += [planning_cmds]
