"""What every exported document shares, whatever writes it (PDF, workbook, template): its
permissions and the sentence for a full disk. Kept apart from the workbook helpers so that the
PDF export does not load openpyxl."""

from __future__ import annotations

import os
from pathlib import Path

from ordnum_desktop.services.errors import UserError


def shared_file_mode(path: Path | str) -> None:
    """A document meant to be shared (PDF, workbook, template) gets the user's normal
    permissions (0666 minus the umask): mkstemp creates 0600, right for the workspace and its
    backups only (issue 12, item 6)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def disk_full_error(out: Path, exc: OSError) -> UserError:
    return UserError(
        f"Impossible d'écrire « {out.name} » dans « {out.parent} » : le disque est plein. "
        "Libérez de la place ou choisissez un autre dossier, puis recommencez ; "
        "aucun fichier partiel n'a été laissé."
    )
