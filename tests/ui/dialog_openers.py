"""Every dialog of the window, opened the way a person opens it (menu action or button), for the
keyboard and accessibility walks: the window hands each one to `prompts.run_dialog`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def dialog_openers(window: Any) -> dict[str, Callable[[], object]]:
    from ordnum_desktop.ui.dialogs.error_dialog import ErrorDialog

    def satisfaction() -> None:
        window.ui.tabs.setCurrentIndex(3)
        bilan = window.tab_widgets["bilan"]
        bilan.ui.satisfactionTable.selectRow(0)
        bilan.satisfaction_page.answer_selected()

    def restore() -> None:
        window.backup_now()  # one backup at least, so that the list is shown
        window.restore_backup()

    def error() -> None:  # what error_hooks.py shows for an unexpected exception
        window.prompts.run_dialog(
            ErrorDialog(
                "Une erreur inattendue s'est produite.", "Traceback (most recent call last): …", window
            )
        )

    def deployment() -> None:  # the window opens it after a bilan closed « déploiement »
        from ordnum_desktop.ui.dialogs.deploy_dialog import DeployDialog

        window.prompts.run_dialog(DeployDialog(window.ctx, window))

    return {
        "nouvelle présérie": window.new_preserie,
        "import des traces": window.import_traces,
        "journal des modifications": window.show_journal,
        "à propos": window.show_about,
        "historique des bilans": window.show_bilan_history,
        "clore le bilan": window.close_bilan,
        "prolonger la présérie": window.extend_preserie,
        "périmètre de la validation": window.edit_scope,
        "étapes du déploiement": deployment,
        "se connecter à un serveur": window.connect_to_server,
        "réponse au questionnaire": satisfaction,
        "restaurer une sauvegarde": restore,
        "erreur inattendue": error,
    }
