"""One exception → one French sentence (services/errors.py), and the command line's use of it:
OS errors by errno, SQLite's own errors, hints rendered as commands, bugs sent to the log file."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from ordnum_desktop.cli import main
from ordnum_desktop.cli_commands.remedies import CLI_REMEDIES
from ordnum_desktop.domain.errors import Hint, OrdnumError
from ordnum_desktop.services.errors import failure_message, is_unexpected, user_message
from ordnum_desktop.services.roster import workbook as roster_workbook
from ordnum_desktop.services.workspace.changes import committed_writes
from ordnum_desktop.ui.remedies import WINDOW_REMEDIES

SERVICES = Path(__file__).resolve().parent.parent / "ordnum_desktop" / "services"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (errno.ENOSPC, "le disque est plein"),
        (errno.EACCES, "accès refusé"),
        (errno.EPERM, "opération non permise"),
        (errno.ENOENT, "fichier ou dossier introuvable"),
        (errno.EROFS, "le support est en lecture seule"),
        (errno.EISDIR, "c'est un dossier, pas un fichier"),
        (errno.ENOTDIR, "un élément du chemin n'est pas un dossier"),
        (errno.EEXIST, "le fichier existe déjà"),
    ],
)
def test_os_errors_are_french_by_errno(code: int, expected: str) -> None:
    exc = OSError(code, os.strerror(code), "/data/bilan.pdf")
    message = user_message(exc)
    assert message.startswith(f"Opération impossible sur « /data/bilan.pdf » : {expected}")
    assert os.strerror(code) not in message  # never the English strerror


def test_os_error_without_a_known_errno_still_names_the_file() -> None:
    assert user_message(OSError(errno.ELOOP, "Too many levels", "/a/b")) == (
        f"Opération impossible sur « /a/b » : erreur système n° {errno.ELOOP}."
    )


def test_real_os_errors(tmp_path: Path) -> None:
    with pytest.raises(OSError) as missing:
        (tmp_path / "absent.xlsx").read_bytes()
    assert (
        user_message(missing.value)
        == f"Opération impossible sur « {tmp_path / 'absent.xlsx'} » : fichier ou dossier introuvable."
    )
    with pytest.raises(OSError) as folder:
        tmp_path.read_bytes()
    assert user_message(folder.value) == (
        f"Opération impossible sur « {tmp_path} » : c'est un dossier, pas un fichier."
    )


def test_sqlite_locked_and_readonly_in_french(tmp_path: Path) -> None:
    db = tmp_path / "suivi.sqlite"
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        other = sqlite3.connect(db, timeout=0)
        with pytest.raises(sqlite3.OperationalError) as locked:
            other.execute("INSERT INTO t VALUES (1)")
        other.close()
        assert user_message(locked.value).startswith("Le fichier de suivi est occupé par un autre programme")
        # The same error through SQLAlchemy, as the services meet it.
        engine = create_engine(f"sqlite:///{db}", connect_args={"timeout": 0})
        with pytest.raises(OperationalError) as wrapped, engine.connect() as conn:
            conn.execute(text("INSERT INTO t VALUES (2)"))
        engine.dispose()
        assert user_message(wrapped.value) == user_message(locked.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as readonly:
        reader.execute("INSERT INTO t VALUES (3)")
    reader.close()
    assert (
        user_message(readonly.value)
        == "Le fichier de suivi est en lecture seule : ouvrez une copie modifiable."
    )
    assert not is_unexpected(readonly.value)


def test_bug_names_the_log_file_and_logs_the_traceback(_error_log_in_tmp: Path) -> None:
    from ordnum_desktop.services.io.error_log import setup_error_log

    log = setup_error_log()
    assert log.parent == _error_log_in_tmp
    try:
        {}["clé"]  # noqa: B018 - a real KeyError with a real traceback
    except KeyError as exc:
        message = failure_message(exc, context="essai", saved_since=committed_writes())
    assert message.startswith("Erreur inattendue (KeyError) : aucune modification n'a été enregistrée.")
    assert f"« {log} »" in message
    logged = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged and "KeyError: 'clé'" in logged


def test_each_front_end_words_the_remedy_of_a_hint() -> None:
    exc = OrdnumError("La liste est vide.", hint=Hint.ADD_PREREQUISITES)
    assert user_message(exc) == "La liste est vide."
    assert "« ordnum prerequisites add »" in user_message(exc, CLI_REMEDIES)
    window = user_message(exc, WINDOW_REMEDIES)
    assert "bouton Ajouter" in window and "ordnum" not in window


def test_every_hint_has_both_remedies_and_the_window_never_types_a_command() -> None:
    assert set(CLI_REMEDIES) == set(Hint) == set(WINDOW_REMEDIES)
    assert [r for r in WINDOW_REMEDIES.values() if "ordnum " in r or "--" in r] == []


def test_no_service_message_names_a_command() -> None:
    """The services describe; the front ends tell what to do (a command, a button)."""
    offenders = []
    for path in SERVICES.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            stripped = line.strip()
            if stripped.startswith(("#", '"""')) or '"' not in stripped:
                continue
            if "« ordnum " in stripped or " --" in stripped.split("#")[0].replace('"""', ""):
                offenders.append(f"{path.relative_to(SERVICES)}:{number}: {stripped}")
    assert offenders == []


# --- the command line ---------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(
    ("code", "expected"),
    [(errno.ENOSPC, "le disque est plein"), (errno.EACCES, "accès refusé")],
)
def test_cli_os_error_is_one_french_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    code: int,
    expected: str,
) -> None:
    out = tmp_path / "modele.xlsx"

    def refuse(path: object) -> Path:
        raise OSError(code, os.strerror(code), str(out))

    # The command imports the workbook module when it runs (openpyxl is not loaded at start).
    monkeypatch.setattr(roster_workbook, "write_roster_template", refuse)
    status, _, err = run(capsys, "roster", "template", str(out))
    assert status == 2
    assert err.startswith(f"Opération impossible sur « {out} » : {expected}")
    assert err.count("\n") == 1 and os.strerror(code) not in err


def test_cli_real_os_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # The workbook's folder is a file: the atomic save's temp file fails with a real ENOTDIR.
    (tmp_path / "fichier").write_text("pas un dossier", encoding="utf-8")
    target = tmp_path / "fichier" / "modele.xlsx"
    status, _, err = run(capsys, "roster", "template", str(target))
    assert status == 2
    assert "n'est pas un dossier" in err and "Not a directory" not in err
    # A missing folder is caught before any write and said in French too.
    status, _, err = run(capsys, "roster", "template", str(tmp_path / "absent" / "modele.xlsx"))
    assert status == 2 and "n'existe pas" in err


def test_cli_bug_names_the_log_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, _error_log_in_tmp: Path
) -> None:
    def broken(path: object) -> Path:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(roster_workbook, "write_roster_template", broken)
    status, _, err = run(capsys, "roster", "template", "x.xlsx")
    log = _error_log_in_tmp / "ordnum.log"
    assert status == 2
    assert err.startswith("Erreur inattendue (ZeroDivisionError)") and f"« {log} »" in err
    assert "division by zero" not in err  # English detail stays in the log
    logged = log.read_text(encoding="utf-8")
    assert "ordnum roster" in logged and "ZeroDivisionError: division by zero" in logged
    assert "Traceback (most recent call last)" in logged


def test_cli_renders_the_hint_as_a_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "w.sqlite")
    assert run(capsys, "init", "--db", db)[0] == 0
    created = run(
        capsys, "preserie", "create", "--db", db, "--editor", "E", "--software", "L", "--version", "1",
        "--exercise", "liberal", "--cpam", "33",
    )  # fmt: skip
    assert created[0] == 0, created
    status, _, err = run(capsys, "prerequisites", "validate", "--db", db)
    assert status == 2
    assert err == (
        "La liste des prérequis techniques au déploiement est vide : elle ne peut pas être validée. "
        "Ajoutez-en avec « ordnum prerequisites add » avant de la valider.\n"
    )
    status, _, err = run(capsys, "preserie", "list", "--db", str(tmp_path / "absent.sqlite"))
    assert status == 2 and "ordnum init --db" in err


def test_nothing_saved_is_said_only_when_true(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Issue 12, item 11: an undo whose summary refresh failed after its commit was reported
    with « aucune modification n'a été enregistrée »; the undo had been saved."""
    from ordnum_desktop.services.traces import undo
    from tests.trace_files import rows, write_csv

    path = tmp_path / "w.sqlite"
    assert main(["init", "--db", str(path)]) == 0
    args = ["preserie", "create", "--db", str(path), "--editor", "E", "--software", "S"]
    assert main([*args, "--version", "1", "--exercise", "liberal", "--cpam", "33"]) == 0
    assert main(["roster", "import", "--db", str(path), str(_one_doctor_roster(tmp_path))]) in (0, 1)
    traces = write_csv(tmp_path / "t.csv", rows(400, identifiers=["331234567"]))
    assert main(["traces", "import", "--db", str(path), str(traces)]) in (0, 1)
    capsys.readouterr()

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("panne après la validation")

    monkeypatch.setattr(undo, "refresh_summary", broken)
    monkeypatch.setattr(undo, "DELTA_MAX_SHARE", 0.0)  # the rebuild path, after the commit
    status, _, err = run(capsys, "traces", "undo", "--db", str(path), "1")
    assert status == 2 and "aucune modification" not in err
    assert "les modifications terminées avant l'erreur sont enregistrées" in err
    monkeypatch.setattr(undo, "summary_without_batch", broken)
    monkeypatch.setattr(undo, "DELTA_MAX_SHARE", 1.0)  # fails inside the transaction
    assert main(["traces", "import", "--db", str(path), str(traces)]) in (0, 1)
    capsys.readouterr()
    status, _, err = run(capsys, "traces", "undo", "--db", str(path), "2")
    assert status == 2 and "aucune modification n'a été enregistrée" in err


def _one_doctor_roster(folder: Path) -> Path:
    from tests.rosters import liberal_row, write_roster

    return write_roster(folder / "effectif.xlsx", [liberal_row(0, **{"N° AM": "331234567"})])
