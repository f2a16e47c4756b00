"""An export never replaces an existing file unless the user said so (`--force` on the command
line, a question in the window): issue 12, item 6. A command-line rule, hence here."""

from __future__ import annotations

from pathlib import Path

from ordnum_desktop.services.errors import UserError


def refuse_overwrite(path: Path | str | None, force: bool) -> None:
    if path is None or force:
        return
    out = Path(path)
    if out.exists() or out.is_symlink():
        raise UserError(
            f"Le fichier « {out} » existe déjà : il n'est pas remplacé. Choisissez un autre nom, "
            "ou ajoutez --force pour le remplacer."
        )
