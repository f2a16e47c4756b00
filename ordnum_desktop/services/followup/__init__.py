"""Follow-up of a running présérie, in one import for the window and the command line:
prerequisites (services/followup/prerequisites.py), satisfaction (services/followup/satisfaction.py and
services/followup/satisfaction_workbook.py) and anomalies (services/followup/anomalies.py).

The workbook's names are loaded on first use (PEP 562): importing any module of this package runs
this file, and the window's first screen, which reads dates from `status`, must not wait for
openpyxl."""

from typing import TYPE_CHECKING

from ordnum_desktop.services.followup.anomalies import (
    add_anomaly,
    close_anomaly,
    list_anomalies,
    open_blocking_count,
    reopen_anomaly,
)
from ordnum_desktop.services.followup.prerequisites import (
    PRESERIE_FIELDS,
    add_technical_prerequisite,
    delete_technical_prerequisite,
    list_prerequisites,
    list_technical_prerequisites,
    set_prerequisite,
    technical_prerequisites_validated_at,
    unvalidate_technical_prerequisites,
    update_preserie,
    update_technical_prerequisite,
    validate_technical_prerequisites,
)
from ordnum_desktop.services.followup.questionnaire import Question, Questionnaire, load_questionnaire
from ordnum_desktop.services.followup.satisfaction import (
    answer_scores,
    answers_by_doctor,
    delete_answer,
    list_answers,
    record_satisfaction,
)

if TYPE_CHECKING:
    from ordnum_desktop.services.followup.satisfaction_workbook import (
        SatisfactionImportReport,
        import_satisfaction,
        write_satisfaction_template,
    )

_WORKBOOK_NAMES = frozenset(
    {"SatisfactionImportReport", "import_satisfaction", "write_satisfaction_template"}
)


def __getattr__(name: str) -> object:
    if name in _WORKBOOK_NAMES:
        from ordnum_desktop.services.followup import satisfaction_workbook

        return getattr(satisfaction_workbook, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "PRESERIE_FIELDS",
    "Question",
    "Questionnaire",
    "SatisfactionImportReport",
    "add_anomaly",
    "add_technical_prerequisite",
    "answer_scores",
    "answers_by_doctor",
    "close_anomaly",
    "delete_answer",
    "delete_technical_prerequisite",
    "import_satisfaction",
    "list_anomalies",
    "list_answers",
    "list_prerequisites",
    "list_technical_prerequisites",
    "load_questionnaire",
    "open_blocking_count",
    "record_satisfaction",
    "reopen_anomaly",
    "set_prerequisite",
    "technical_prerequisites_validated_at",
    "unvalidate_technical_prerequisites",
    "update_preserie",
    "update_technical_prerequisite",
    "validate_technical_prerequisites",
    "write_satisfaction_template",
]
