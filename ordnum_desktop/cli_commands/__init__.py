"""Command modules of `ordnum`; each exposes `register(subparsers)`. Add new modules here."""

from ordnum_desktop.cli_commands import backup_cmds, roster_cmds, workspace_cmds

COMMAND_MODULES = [workspace_cmds, roster_cmds, backup_cmds]
