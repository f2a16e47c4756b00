"""PostgreSQL's failures as one French sentence each (never the driver's English).

Connection failures come from libpq without an SQLSTATE, so they are recognised by the words of
its message (English, and the French of a libpq built with translations); the others by SQLSTATE.
Anything unrecognised still gets a French sentence, with the detail left to the log file.
"""

from __future__ import annotations

from ordnum_desktop.domain.errors import WorkspaceError
from ordnum_desktop.store.address import ServerAddress

# (fragments of libpq's message, sentence). `{where}` is « base sur hôte:port », `{user}` the role.
_CONNECTION: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("connection refused", "connexion refusée"),
        "Le serveur PostgreSQL {host} refuse la connexion : il est arrêté, ou n'écoute pas sur ce "
        "port. Vérifiez l'adresse et le port, ou demandez à l'administrateur de le démarrer.",
    ),
    (
        (
            "password authentication failed",
            "no password supplied",
            "authentification par mot de passe",
            "aucun mot de passe",
            "authentication failed",
            "pg_hba.conf",
        ),  # fmt: skip
        "Le serveur PostgreSQL {host} a refusé l'identification de « {user} » : mot de passe absent "
        "ou faux. Donnez-le dans ~/.pgpass ou la variable PGPASSWORD (jamais dans les réglages), "
        "ou vérifiez le nom d'utilisateur.",
    ),
    (
        ("does not exist", "n'existe pas"),
        "La base « {database} » n'existe pas sur le serveur PostgreSQL {host} : demandez à "
        "l'administrateur de la créer (createdb), puis lancez « ordnum init » sur son adresse.",
    ),
    (
        (
            "failed to resolve host",
            "could not translate host name",
            "name or service not known",
            "n'a pas pu traduire le nom d'hôte",
        ),  # fmt: skip
        "Le serveur « {host} » est introuvable : vérifiez son nom dans l'adresse et la connexion au réseau.",
    ),
    (
        ("timeout expired", "timed out", "délai"),
        "Le serveur PostgreSQL {host} ne répond pas : vérifiez la connexion au réseau, puis recommencez.",
    ),
    (
        ("ssl", "certificate", "certificat"),
        "La connexion chiffrée au serveur PostgreSQL {host} a échoué : vérifiez le paramètre "
        "sslmode de l'adresse et les certificats.",
    ),
)
_UNKNOWN_CONNECTION = (
    "La connexion au serveur PostgreSQL {host} a échoué : vérifiez l'adresse « {address} » ; "
    "le détail est dans le journal de l'application."
)
# SQLSTATE → sentence, for errors raised by statements once connected.
_BY_SQLSTATE: dict[str, str] = {
    "42501": (
        "Le rôle « {user} » n'a pas les droits nécessaires sur la base « {database} » ({host}) : "
        "demandez à l'administrateur de les lui accorder."
    ),
    "25006": (
        "La base « {database} » ({host}) est ouverte en lecture seule : aucune modification n'est possible."
    ),
    "53100": "Le disque du serveur PostgreSQL {host} est plein : rien n'a été enregistré.",
    "57P01": "Le serveur PostgreSQL {host} a été arrêté pendant l'opération : rien n'a été enregistré.",
    "40001": (
        "Une autre personne modifiait les mêmes données sur « {database} » ({host}) : rien n'a été "
        "enregistré, recommencez."
    ),
    "40P01": (
        "Une autre personne modifiait les mêmes données sur « {database} » ({host}) : rien n'a été "
        "enregistré, recommencez."
    ),
    "3D000": "La base « {database} » n'existe pas sur le serveur PostgreSQL {host}.",
}
_NO_ROLE = (
    "Le rôle « {user} » n'existe pas sur le serveur PostgreSQL {host} : vérifiez le nom "
    "d'utilisateur de l'adresse, ou demandez à l'administrateur de créer ce rôle."
)
_LOST = (
    "La connexion au serveur PostgreSQL {host} a été perdue : rien n'a été enregistré depuis la "
    "dernière opération réussie ; vérifiez le réseau puis rouvrez la base."
)


def _fields(address: ServerAddress | None) -> dict[str, str]:
    if address is None:
        return {"host": "du serveur", "user": "(inconnu)", "database": "(inconnue)", "address": ""}
    host = address.host or "local"
    port = address._parts[2]
    return {
        "host": f"« {host}{':' + port if port else ''} »",
        "user": address.user or "(utilisateur du système)",
        "database": address.database or "(par défaut)",
        "address": address.safe,
    }


def _driver_error(exc: BaseException) -> BaseException | None:
    """The psycopg error behind `exc` (SQLAlchemy wraps it in `orig`), or None."""
    for candidate in (exc, getattr(exc, "orig", None), exc.__cause__):
        if candidate is not None and type(candidate).__module__.startswith("psycopg"):
            return candidate
    return None


def server_message(
    exc: BaseException, address: ServerAddress | None, *, connecting: bool = False
) -> str | None:
    """The French sentence for a PostgreSQL failure, or None when `exc` is not one."""
    err = _driver_error(exc)
    if err is None:
        return None
    fields = _fields(address)
    state = getattr(err, "sqlstate", None)
    if state in _BY_SQLSTATE:
        return _BY_SQLSTATE[state].format(**fields)
    text = str(err).lower()
    if state is None and (connecting or "connection failed" in text):
        if ('role "' in text or "le rôle" in text) and ("does not exist" in text or "n'existe pas" in text):
            return _NO_ROLE.format(**fields)
        for fragments, sentence in _CONNECTION:
            if any(f in text for f in fragments):
                return sentence.format(**fields)
        return _UNKNOWN_CONNECTION.format(**fields)
    # A connection that broke: libpq says so without an SQLSTATE (or with class 08), as an
    # OperationalError; other errors without one are the program's own (a bug, left as it is).
    if (state is None and type(err).__name__ == "OperationalError") or (state or "").startswith("08"):
        return _LOST.format(**fields)
    return None


def connection_error(exc: BaseException, address: ServerAddress) -> WorkspaceError:
    """The refusal to open a server workspace whose connection failed."""
    return WorkspaceError(
        server_message(exc, address, connecting=True) or _UNKNOWN_CONNECTION.format(**_fields(address))
    )
