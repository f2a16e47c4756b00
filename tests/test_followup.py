"""Prerequisites, anomalies, satisfaction answers and présérie edits: services and commands on a
real workspace file."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from ordnum_desktop.services import followup
from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.errors import Hint, RuleError, UserError
from ordnum_desktop.services.followup.questionnaire import load_questionnaire, overall_score
from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.workspace.session import Workspace

# On a SQLite file and on a PostgreSQL server alike (issue 15); tests that take `ws_path` stay
# on the file.
pytestmark = pytest.mark.both_engines

AM_1 = "331234567"
AM_2 = "331234575"
RPPS = "10005173140"


def _roster(ws: Workspace, pid: int) -> None:
    add_doctor(ws, pid, last_name="Martin", first_name="Paul", am=AM_1, equipped=True)
    add_doctor(ws, pid, last_name="Durand", first_name="Léa", am=AM_2, rpps=RPPS, equipped=True)
    add_doctor(ws, pid, last_name="Petit", first_name="Jean", am="331234583", equipped=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A workspace file with one libéral présérie and three doctors, closed for the CLI to open."""
    path = tmp_path / "suivi.sqlite"
    with Workspace.open(path, create=True) as ws:
        p = create_preserie(
            ws, editor="Éditeur", software="Logiciel", version="1", exercise="liberal", cpams=["33"]
        )
        _roster(ws, p.id or 0)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- questionnaire --------------------------------------------------------------------------


def test_questionnaire_is_data_with_five_questions_on_a_1_to_5_scale() -> None:
    q = load_questionnaire()
    assert [x.id for x in q.questions] == ["global", "creation", "rapidite", "formation", "support"]
    assert (q.scale_min, q.scale_max) == (1, 5) and q.scale_labels[5] == "Très satisfait"
    assert "bloquant" in q.blocking_question


def test_overall_score_is_the_mean_rounded_half_up() -> None:
    assert overall_score({"a": 3, "b": 4}) == 4  # 3.5 → 4, not banker's 4… nor 3 for 2.5
    assert overall_score({"a": 2, "b": 3}) == 3
    assert overall_score({"a": 2, "b": 2, "c": 3}) == 2  # 2.33
    assert overall_score({"a": 5, "b": 5, "c": 4}) == 5  # 4.67


# --- pre-start prerequisites and présérie fields --------------------------------------------


def test_set_prerequisite_checks_dates_and_unchecks(ws: Workspace, liberal_preserie_id: int) -> None:
    pid = liberal_preserie_id
    assert [p.code for p in followup.list_prerequisites(ws, pid)] == ["cnda", "support", "kit"]
    followup.set_prerequisite(ws, pid, "cnda", True, date(2025, 1, 20), "Réf. CNDA-1")
    cnda = followup.list_prerequisites(ws, pid)[0]
    assert (cnda.done, cnda.done_date, cnda.comment) == (True, date(2025, 1, 20), "Réf. CNDA-1")
    followup.set_prerequisite(ws, pid, "cnda", False)
    cnda = followup.list_prerequisites(ws, pid)[0]
    assert (cnda.done, cnda.done_date, cnda.comment) == (False, None, "Réf. CNDA-1")
    with pytest.raises(UserError, match="inconnu"):
        followup.set_prerequisite(ws, pid, "autre", True)


def test_update_preserie_validates_status_exercise_and_dates(ws: Workspace, liberal_preserie_id: int) -> None:
    pid = liberal_preserie_id
    for code in ("cnda", "support", "kit"):
        followup.set_prerequisite(ws, pid, code, True, date(2025, 1, 10))
    p = followup.update_preserie(
        ws,
        pid,
        status="en_cours",
        cnda_reference=" CNDA-9 ",
        cnda_date=date(2025, 1, 2),
        kickoff_date=date(2025, 2, 1),
    )
    assert (p.status, p.cnda_reference, p.cnda_date) == ("en_cours", "CNDA-9", date(2025, 1, 2))
    for bad in (
        {"status": "finie"},
        {"exercise": "hopital"},
        {"kickoff_date": "2025-02-01"},
        {"editor": "  "},
        {"couleur": "bleu"},
    ):
        with pytest.raises(UserError):
            followup.update_preserie(ws, pid, **bad)
    with ws.session() as s:
        from ordnum_desktop.store.models import Preserie

        assert s.get(Preserie, pid).status == "en_cours"  # type: ignore[union-attr]


# --- technical prerequisites (criterion 4) --------------------------------------------------


def test_technical_prerequisites_validation_and_unvalidation(ws: Workspace, liberal_preserie_id: int) -> None:
    pid = liberal_preserie_id
    with pytest.raises(RuleError, match="vide") as refused:
        followup.validate_technical_prerequisites(ws, pid)
    assert refused.value.hint is Hint.ADD_PREREQUISITES
    with pytest.raises(UserError, match="vide"):
        followup.add_technical_prerequisite(ws, pid, "   ")
    first = followup.add_technical_prerequisite(ws, pid, "Version 7.4.2 minimum", when=datetime(2025, 3, 20))
    assert compute_bilan(ws, pid).prerequisites.met is False
    stamp = followup.validate_technical_prerequisites(ws, pid, when=datetime(2025, 3, 27, 16, 30))
    assert stamp == datetime(2025, 3, 27, 16, 30)
    assert compute_bilan(ws, pid).prerequisites.met is True
    followup.add_technical_prerequisite(ws, pid, "Carte e-CPS")
    assert followup.technical_prerequisites_validated_at(ws, pid) is None
    assert compute_bilan(ws, pid).prerequisites.met is False
    assert [i.text for i in followup.list_technical_prerequisites(ws, pid)] == [
        "Version 7.4.2 minimum",
        "Carte e-CPS",
    ]
    followup.validate_technical_prerequisites(ws, pid)
    followup.update_technical_prerequisite(ws, first.id or 0, "Version 7.4.3 minimum")
    assert followup.technical_prerequisites_validated_at(ws, pid) is None
    followup.validate_technical_prerequisites(ws, pid)
    followup.delete_technical_prerequisite(ws, first.id or 0)
    assert followup.technical_prerequisites_validated_at(ws, pid) is None
    assert len(followup.list_technical_prerequisites(ws, pid)) == 1


def test_cli_prerequisites(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sha(db)
    code, out, err = run(capsys, "prerequisites", "validate", "--db", str(db))
    assert code == 2 and "vide" in err and out == "" and sha(db) == before
    code, out, _ = run(capsys, "prerequisites", "add", "--db", str(db), "Lecteur de cartes compatible")
    assert code == 0 and "ajouté (1 dans la liste)" in out
    code, out, _ = run(capsys, "prerequisites", "validate", "--db", str(db))
    assert code == 0 and "Liste de 1 prérequis technique(s) validée" in out
    code, out, _ = run(capsys, "prerequisites", "add", "--db", str(db), "Accès Internet sécurisé")
    assert code == 0 and "elle ne l'est plus" in out
    code, out, _ = run(capsys, "prerequisites", "list", "--db", str(db), "--json")
    data = json.loads(out)
    assert data["validated_at"] is None
    assert [i["text"] for i in data["technical_prerequisites"]] == [
        "Lecteur de cartes compatible",
        "Accès Internet sécurisé",
    ]
    code, _, err = run(capsys, "prerequisites", "add", "--db", str(db), "--preserie", "9", "x")
    assert code == 2 and "Aucune présérie n° 9" in err


# --- anomalies (criterion 3) ----------------------------------------------------------------


def test_open_blocking_anomaly_fails_operations_until_closed(ws: Workspace, liberal_preserie_id: int) -> None:
    pid = liberal_preserie_id
    a = followup.add_anomaly(
        ws, pid, "Créer", "Échec de création", blocking=True, when=datetime(2025, 3, 1, 10, 0)
    )
    followup.add_anomaly(ws, pid, "rechercher", "Tri des résultats", blocking=False)
    assert a.operation == "creer"
    bilan = compute_bilan(ws, pid)
    assert bilan.operations.open_blocking_anomalies == 1
    assert followup.open_blocking_count(ws, pid) == 1
    with pytest.raises(UserError, match="avant son ouverture"):
        followup.close_anomaly(ws, a.id or 0, when=datetime(2025, 2, 1))
    closed = followup.close_anomaly(ws, a.id or 0, "Corrigé en 7.4.2", when=datetime(2025, 3, 4, 18))
    assert closed.closed_at == datetime(2025, 3, 4, 18) and closed.resolution == "Corrigé en 7.4.2"
    assert compute_bilan(ws, pid).operations.open_blocking_anomalies == 0
    assert len(followup.list_anomalies(ws, pid)) == 2
    assert [x.description for x in followup.list_anomalies(ws, pid, open_only=True)] == ["Tri des résultats"]
    with pytest.raises(UserError, match="déjà close"):
        followup.close_anomaly(ws, a.id or 0)
    followup.reopen_anomaly(ws, a.id or 0)
    assert followup.open_blocking_count(ws, pid) == 1
    for op, text in (("supprimer", "x"), ("creer", "  ")):
        with pytest.raises(UserError):
            followup.add_anomaly(ws, pid, op, text)


def test_cli_anomaly_add_says_its_number_and_close(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "anomaly",
        "add",
        "--db",
        str(db),
        "--operation",
        "creer",
        "--blocking",
        "Plantage à la création",
    )
    assert code == 0 and out.startswith("Anomalie n° 1 enregistrée (bloquante, ouverte le ")
    code, out, _ = run(
        capsys,
        "anomaly",
        "add",
        "--db",
        str(db),
        "--operation",
        "consulter",
        "--date",
        "05/03/2025",
        "Lenteur",
    )
    assert (
        code == 0
        and out.strip() == "Anomalie n° 2 enregistrée (non bloquante, ouverte le 05/03/2025 à 12:00)."
    )
    code, out, _ = run(capsys, "anomaly", "close", "--db", str(db), "1")
    assert code == 0 and "Anomalie n° 1 close le" in out
    code, _, err = run(capsys, "anomaly", "close", "--db", str(db), "2", "--date", "2025-03-01")
    assert code == 2 and "avant son ouverture" in err
    code, out, _ = run(capsys, "anomaly", "list", "--db", str(db), "--json")
    items = json.loads(out)
    assert [(i["id"], i["blocking"], i["closed_at"] is not None) for i in items] == [
        (2, False, False),  # opened on 05/03/2025: listed in the order of their dates
        (1, True, True),
    ]
    before = sha(db)
    for args, message in (
        (("anomaly", "close", "--db", str(db), "1"), "déjà close"),
        (("anomaly", "close", "--db", str(db), "42"), "Aucune anomalie n° 42"),
    ):
        code, _, err = run(capsys, *args)
        assert code == 2 and message in err and "Traceback" not in err
    assert sha(db) == before


def test_cli_bad_operation_is_a_french_usage_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["anomaly", "add", "--db", str(db), "--operation", "supprimer", "x"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "« supprimer » inconnue" in err and "creer, consulter, rechercher" in err


def test_cli_operation_accepts_accents_and_capitals(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for spelling in ("Créer", "créer", "CONSULTER", "rechercher"):
        assert main(["anomaly", "add", "--db", str(db), "--operation", spelling, spelling]) == 0
    capsys.readouterr()
    assert main(["anomaly", "list", "--db", str(db), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [a["operation"] for a in listed] == ["creer", "creer", "consulter", "rechercher"]


# --- satisfaction record (criterion 5) ------------------------------------------------------


def test_record_replaces_and_finds_doctor_by_am_or_rpps(ws: Workspace, liberal_preserie_id: int) -> None:
    pid = liberal_preserie_id
    _roster(ws, pid)
    followup.record_satisfaction(ws, pid, "33 123 4567", 4)
    followup.record_satisfaction(ws, pid, AM_1, 2, blocking_text="Trop lent à la création")
    answers = followup.list_answers(ws, pid)
    assert len(answers) == 1 and answers[0].score == 2 and answers[0].blocking
    assert answers[0].blocking_text == "Trop lent à la création"
    # Excel-like number and the RPPS of a libéral doctor both find the doctor.
    by_rpps = followup.record_satisfaction(ws, pid, 10005173140, scores={"global": 3, "creation": 4})
    assert by_rpps.score == 4 and followup.answer_scores(by_rpps) == {"global": 3, "creation": 4}
    pairs = followup.answers_by_doctor(ws, pid)
    assert [(d.last_name, a is not None) for d, a in pairs] == [
        ("Martin", True),
        ("Durand", True),
        ("Petit", False),
    ]
    for bad in (
        {"identifier": "339999999", "score": 3},
        {"identifier": "abc", "score": 3},
        {"identifier": AM_1, "score": 6},
        {"identifier": AM_1, "score": 0},
        {"identifier": AM_1, "score": None},
        {"identifier": AM_1, "score": None, "scores": {"couleur": 3}},
        {"identifier": AM_1, "score": None, "scores": {"global": 9}},
    ):
        with pytest.raises(UserError):
            followup.record_satisfaction(ws, pid, **bad)  # type: ignore[arg-type]
    assert followup.list_answers(ws, pid)[0].score == 2


def test_satisfaction_criterion_follows_user_doctors_and_blocking(
    ws: Workspace, liberal_preserie_id: int
) -> None:
    pid = liberal_preserie_id
    _roster(ws, pid)
    followup.record_satisfaction(ws, pid, AM_1, 4)
    sat = compute_bilan(ws, pid).satisfaction
    assert (sat.met, sat.expected, sat.answered) == (False, 2, 1)
    followup.record_satisfaction(ws, pid, AM_2, 5)
    assert compute_bilan(ws, pid).satisfaction.met is True
    followup.record_satisfaction(ws, pid, "331234583", 1, blocking_text="Pas équipé")  # not a user
    sat = compute_bilan(ws, pid).satisfaction
    # Shown apart, never counted: a non-user doctor's blocking obstacle does not fail criterion 5.
    assert (sat.met, sat.blocking, sat.others, sat.others_blocking) == (True, 0, 1, 1)
    followup.record_satisfaction(ws, pid, AM_2, 2, blocking_text="Trop lent")  # a user doctor
    sat = compute_bilan(ws, pid).satisfaction
    assert (sat.met, sat.blocking) == (False, 1)


def test_cli_satisfaction_record(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "satisfaction", "record", "--db", str(db), "--ps", AM_1, "--score", "4")
    assert code == 0 and "Martin Paul" in out and "note 4/5" in out and "sans frein" in out
    code, out, _ = run(
        capsys,
        "satisfaction",
        "record",
        "--db",
        str(db),
        "--ps",
        "331234583",
        "--score",
        "2",
        "--blocking",
        "Impression trop lente",
    )
    assert code == 0 and "frein bloquant signalé" in out and "n'est pas marqué équipé" in out
    before = sha(db)
    code, _, err = run(capsys, "satisfaction", "record", "--db", str(db), "--ps", "339999999", "--score", "3")
    assert code == 2 and "Aucun médecin de l'effectif" in err and "339999999" in err
    code, _, err = run(capsys, "satisfaction", "record", "--db", str(db), "--ps", AM_1, "--score", "7")
    assert code == 2 and "entier de 1 à 5" in err
    assert sha(db) == before
