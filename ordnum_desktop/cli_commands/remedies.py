"""What to type next, for each hint a service gives with its refusal (domain/errors.py)."""

from __future__ import annotations

from ordnum_desktop.domain.errors import Hint

CLI_REMEDIES: dict[Hint, str] = {
    Hint.ADD_PREREQUISITES: "Ajoutez-en avec « ordnum prerequisites add » avant de la valider.",
    Hint.REPLACE_ROSTER: (
        "Relancez avec --replace pour le remplacer (les plannings des médecins conservés sont gardés)."
    ),
    Hint.USE_ROSTER_TEMPLATE: "Utilisez le modèle « ordnum roster template ».",
    Hint.USE_SATISFACTION_TEMPLATE: "Utilisez le modèle « ordnum satisfaction template ».",
    Hint.LIST_PRESERIES: "« ordnum preserie list » donne les préséries du fichier.",
    Hint.CREATE_PRESERIE: "Créez-en une avec « ordnum preserie create ».",
    Hint.CHOOSE_PRESERIE: "Précisez laquelle avec --preserie ID (voir « ordnum preserie list »).",
    Hint.LIST_BACKUPS: "« ordnum backup list » donne les sauvegardes disponibles.",
    Hint.CHECK_ROSTER: "« ordnum roster check » liste les identifiants de l'effectif.",
    Hint.GIVE_SCORE: "Donnez --score ou les notes des questions.",
    Hint.CREATE_WORKSPACE: "Créez-le avec « ordnum init --db FICHIER ».",
    Hint.LAUNCH_PRESERIE: (
        "Notez-les avec « ordnum launch done PRÉREQUIS --date DATE », « ordnum preserie update "
        "--cnda-reference RÉFÉRENCE » et « ordnum kickoff --date DATE »."
    ),
    Hint.READ_BILAN: "« ordnum bilan » détaille les critères et les préconditions à remplir.",
    Hint.CONFIRM_EARLY_CLOSING: (
        "Pour le clore quand même, relancez avec --early : le PDF dira qu'il a été clos avant la "
        "durée minimale."
    ),
    Hint.RELOAD_CHANGED: (
        "Relisez la valeur enregistrée (« ordnum roster list », « ordnum planning export ») puis "
        "recommencez si votre modification est toujours utile."
    ),
    Hint.REPLACE_DESTINATION: ("Relancez avec --replace pour remplacer son contenu par celui de la source."),
}
