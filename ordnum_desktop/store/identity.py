"""Who is writing: the name the audit trail and the row stamps record.

On a server it is the database user the connection logged in as (`current_user`: what the
server's own privileges and logs know the person by). On a laptop file there is no database user:
the operating system's login stands in. Read once per engine (one query per opened workspace).
"""

from __future__ import annotations

import getpass
import weakref

from sqlalchemy import Connection, Engine

_users: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def os_login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no USER/LOGNAME and no password-file entry (some containers)
        return ""


def database_user(conn: Connection) -> str:
    engine = conn.engine
    user = _users.get(engine)
    if user is None:
        if conn.dialect.name == "postgresql":
            user = str(conn.exec_driver_sql("SELECT current_user").scalar() or "")
        else:
            user = os_login()
        _users[engine] = user
    return user
