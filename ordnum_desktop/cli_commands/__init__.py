"""Command modules of `ordnum`; each exposes `register(subparsers)`. Add new modules here."""

from ordnum_desktop.cli_commands import workspace_cmds

COMMAND_MODULES = [workspace_cmds]
