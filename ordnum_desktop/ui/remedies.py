"""What to click next, for each hint a service gives with its refusal (domain/errors.py): the
window's wording of the remedies the command line gives as commands."""

from __future__ import annotations

from ordnum_desktop.domain.errors import Hint

WINDOW_REMEDIES: dict[Hint, str] = {
    Hint.ADD_PREREQUISITES: (
        "Ajoutez-en avec le bouton Ajouter de la page Prérequis techniques avant de la valider."
    ),
    Hint.REPLACE_ROSTER: "Répondez « Remplacer » quand l'onglet PS le propose.",
    Hint.USE_ROSTER_TEMPLATE: "Partez du classeur que donne le bouton Modèle vierge de l'onglet PS.",
    Hint.USE_SATISFACTION_TEMPLATE: (
        "Partez du classeur que donne le bouton Questionnaire à remplir de la page Satisfaction."
    ),
    Hint.LIST_PRESERIES: "Choisissez-en une dans la liste Présérie en haut de la fenêtre.",
    Hint.CREATE_PRESERIE: "Créez-en une avec le bouton Nouvelle présérie.",
    Hint.CHOOSE_PRESERIE: "Choisissez-en une dans la liste Présérie en haut de la fenêtre.",
    Hint.LIST_BACKUPS: "Le menu Fichier › Restaurer une sauvegarde liste les sauvegardes disponibles.",
    Hint.CHECK_ROSTER: "Vérifiez l'identifiant dans l'onglet PS.",
    Hint.GIVE_SCORE: "Donnez une note globale ou les notes des questions.",
    Hint.CREATE_WORKSPACE: "Créez-le avec le menu Fichier › Nouveau…",
    Hint.LAUNCH_PRESERIE: (
        "Cochez les prérequis au lancement et saisissez la réunion de lancement dans l'onglet Planning ; "
        "la référence CNDA se saisit par le menu Présérie › Modifier la présérie…"
    ),
    Hint.READ_BILAN: "L'onglet Bilan détaille les critères et les préconditions à remplir.",
    Hint.CONFIRM_EARLY_CLOSING: (
        "Pour le clore quand même, répondez « Clore quand même » à la question : le PDF dira qu'il "
        "a été clos avant la durée minimale."
    ),
    Hint.RELOAD_CHANGED: (
        "Le tableau a été rechargé avec la valeur enregistrée : refaites votre modification si elle "
        "est toujours utile."
    ),
    Hint.REPLACE_DESTINATION: "Choisissez une destination vide.",
}
