"""The errors the program raises on purpose: one French sentence that describes the problem, the
exit status of the command line, and an optional hint code.

The sentence never says how to fix the problem with a given front end: the command line and the
window each turn the hint into their own remedy (a command to type, a button to press). This
module is a leaf so that store/, services/ and both front ends can share the family.
"""

from __future__ import annotations

from enum import StrEnum


class Hint(StrEnum):
    """What the user can do next; each front end words the remedy its own way."""

    ADD_PREREQUISITES = "add_prerequisites"
    REPLACE_ROSTER = "replace_roster"
    USE_ROSTER_TEMPLATE = "use_roster_template"
    USE_SATISFACTION_TEMPLATE = "use_satisfaction_template"
    LIST_PRESERIES = "list_preseries"
    CREATE_PRESERIE = "create_preserie"
    CHOOSE_PRESERIE = "choose_preserie"
    LIST_BACKUPS = "list_backups"
    CHECK_ROSTER = "check_roster"
    GIVE_SCORE = "give_score"
    CREATE_WORKSPACE = "create_workspace"


class OrdnumError(Exception):
    """A refusal the user can act on; nothing was changed. Exit status 2 on the command line."""

    exit_code = 2

    def __init__(self, message: str, *, hint: Hint | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputError(OrdnumError):
    """Unusable input: unreadable file, missing column, unknown présérie or doctor."""


class RuleError(OrdnumError):
    """The action would break a rule of the présérie (validating an empty list, loading a roster
    over an existing one without saying so)."""


class WorkspaceError(OrdnumError):
    """A workspace file that cannot be used (missing, foreign, newer, damaged, locked)."""


# The name thirty service modules import for unusable input; the same class, not a second one.
UserError = InputError
