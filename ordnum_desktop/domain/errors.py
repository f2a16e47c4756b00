"""The errors the program raises on purpose: one French sentence that describes the problem, the
exit status of the command line, and an optional hint code.

The sentence never says how to fix the problem with a given front end: the command line and the
window each turn the hint into their own remedy (a command to type, a button to press). This
module is a leaf so that store/, services/ and both front ends can share the family.
"""

from __future__ import annotations

import errno
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
    LAUNCH_PRESERIE = "launch_preserie"  # launch prerequisites, CNDA reference, kick-off
    READ_BILAN = "read_bilan"  # the bilan names the criteria and preconditions to put right
    CONFIRM_EARLY_CLOSING = "confirm_early_closing"  # a bilan closed before the minimum duration
    RELOAD_CHANGED = "reload_changed"  # someone else saved the row first (team mode)
    REPLACE_DESTINATION = "replace_destination"  # a workspace copy onto one that holds data


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


# Why an OS call failed, by errno, as a clause that follows a colon. Python's `strerror` is
# English (and the C library's wording); the user reads these instead.
OS_REASONS: dict[int, str] = {
    errno.ENOSPC: "le disque est plein, libérez de la place puis recommencez",
    errno.EDQUOT: "votre quota de disque est atteint",
    errno.EACCES: "accès refusé, vous n'avez pas les droits nécessaires",
    errno.EPERM: "opération non permise, vous n'avez pas les droits nécessaires",
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EROFS: "le support est en lecture seule, choisissez un autre emplacement",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EEXIST: "le fichier existe déjà",
    errno.ENAMETOOLONG: "le nom est trop long pour le système",
    errno.EBUSY: "le fichier est utilisé par un autre programme, fermez-le puis recommencez",
    errno.EIO: "erreur de lecture ou d'écriture du disque, vérifiez le support",
    errno.EXDEV: "impossible de le déplacer vers un autre disque",
    errno.EMFILE: "trop de fichiers ouverts, fermez des programmes puis recommencez",
}


def os_reason(exc: OSError) -> str:
    """The French clause for an OS error, for the messages that embed it."""
    return OS_REASONS.get(exc.errno or -1, f"erreur système n° {exc.errno}")
