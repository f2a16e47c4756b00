"""One writer per workspace file: a lock file next to it, `<file>.lock`.

The lock is an OS lock (fcntl.flock on POSIX, msvcrt.locking on Windows) held on the lock file for
as long as the workspace is open. The kernel drops it when the process dies, so a crash never
leaves a lock that blocks forever: the next opener takes it over. The file's content (pid, host,
time) only serves to name the other instance in the refusal sentence.

A lock file written by another computer (a folder synchronised by Dropbox or OneDrive carries it
over) cannot be checked with an OS lock; it is honoured while it is younger than
`FOREIGN_LOCK_MAX_AGE`, then treated as stale.
"""

from __future__ import annotations

import atexit
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import platformdirs

from ordnum_desktop.domain.errors import WorkspaceError, os_reason

FOREIGN_LOCK_MAX_AGE = timedelta(hours=12)

try:  # POSIX
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]


class WorkspaceLockedError(WorkspaceError):
    """The workspace is open in another instance; the message names it."""

    def __init__(self, message: str, owner: LockOwner | None) -> None:
        super().__init__(message)
        self.owner = owner


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str
    since: datetime

    @classmethod
    def read(cls, lock_path: Path) -> LockOwner | None:
        try:
            data = json.loads(lock_path.read_text(encoding="utf-8"))
            return cls(int(data["pid"]), str(data["host"]), datetime.fromisoformat(data["since"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def describe(self) -> str:
        when = self.since.strftime("%d/%m/%Y à %H:%M")
        where = "" if self.host == socket.gethostname() else f" sur l'ordinateur « {self.host} »"
        return f"pid {self.pid}{where}, depuis le {when}"


def lock_path_for(path: Path) -> Path:
    # Through a symlink, the lock is the target's: two names of one file share one lock.
    real = Path(os.path.realpath(path))
    return real.with_name(real.name + ".lock")


def _inode_lock_path(path: Path) -> Path | None:
    """A second lock named after the file's device and inode, in the user's own folder: hard
    links give one file several names in several folders, each with its own `.lock` beside it;
    this one is the same whatever name was used. None when the file does not exist yet (a new
    file has a single name) or the folder cannot be made."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    folder = Path(platformdirs.user_cache_dir("ordnum-desktop", appauthor=False)) / "verrous"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return folder / f"{st.st_dev}-{st.st_ino}.lock"


def _refusal(path: Path, owner: LockOwner | None) -> WorkspaceLockedError:
    who = f" ({owner.describe()})" if owner else ""
    return WorkspaceLockedError(
        f"Le fichier « {path.name} » est déjà ouvert par une autre instance d'ordnum-desktop{who} : "
        "fermez-la d'abord, ou ouvrez le fichier en lecture seule.",
        owner,
    )


class _OsLock:
    """The OS lock itself, one per file and per process."""

    def __init__(self, lock_path: Path, fd: int) -> None:
        self.lock_path = lock_path
        self.fd = fd
        self.users = 0
        self.pid = os.getpid()
        self.inode_lock: _OsLock | None = None


def _take(path: Path, lock_path: Path) -> int:
    host = socket.gethostname()
    for _attempt in range(5):
        try:
            # Never through a symlink: a planted `w.sqlite.lock` link would have its target
            # overwritten by our record.
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except OSError as exc:
            if lock_path.is_symlink():
                raise WorkspaceError(
                    f"Le fichier de verrou « {lock_path.name} » est un lien symbolique : "
                    "l'application ne l'utilise pas. Supprimez ce lien puis rouvrez "
                    f"« {path.name} »."
                ) from exc
            raise WorkspaceError(
                f"Impossible de réserver le fichier « {path.name} » pour écrire "
                f"({os_reason(exc)}) : ouvrez-le en lecture seule ou copiez-le dans "
                "un dossier où vous pouvez écrire."
            ) from exc
        if not _try_lock(fd):
            os.close(fd)
            raise _refusal(path, LockOwner.read(lock_path))
        # A releasing instance unlinks the file before unlocking it: if we locked an unlinked
        # file, another opener may have created a fresh one meanwhile. Lock the current one.
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(lock_path))
        except OSError:
            same = False
        if not same:
            _unlock(fd)
            os.close(fd)
            continue
        previous = LockOwner.read(lock_path)
        if (
            previous is not None
            and previous.host != host
            # A record dated in the future (a wrong clock) is not honoured: it would block the
            # file until that date.
            and timedelta(minutes=-5) < datetime.now() - previous.since < FOREIGN_LOCK_MAX_AGE
        ):
            _unlock(fd)
            os.close(fd)
            raise _refusal(path, previous)
        record = json.dumps(
            {"pid": os.getpid(), "host": host, "since": datetime.now().isoformat(timespec="seconds")}
        )
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, record.encode("utf-8"))
        return fd
    raise _refusal(path, LockOwner.read(lock_path))


class WorkspaceLock:
    """Held from `acquire()` to `release()`; one process at a time per file.

    Within one process the lock is shared (counted): the window and an in-process command, or a
    test and the command it drives, may open the same file; other processes are refused.
    """

    _held: dict[str, _OsLock] = {}

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.lock_path = lock_path_for(self.path)
        self._key = str(self.lock_path)
        self._mine = False

    @property
    def held(self) -> bool:
        return self._mine

    def acquire(self) -> WorkspaceLock:
        if self._mine:
            return self
        shared = WorkspaceLock._held.get(self._key)
        if shared is None:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            shared = _OsLock(self.lock_path, _take(self.path, self.lock_path))
            inode_lock = _inode_lock_path(self.path)
            if inode_lock is not None:
                try:
                    shared.inode_lock = _OsLock(inode_lock, _take(self.path, inode_lock))
                except WorkspaceError:
                    _drop(shared)
                    raise
            WorkspaceLock._held[self._key] = shared
        shared.users += 1
        self._mine = True
        return self

    def release(self) -> None:
        if not self._mine:
            return
        self._mine = False
        shared = WorkspaceLock._held.get(self._key)
        if shared is None:
            return
        shared.users -= 1
        if shared.users > 0:
            return
        del WorkspaceLock._held[self._key]
        _drop(shared)

    def __enter__(self) -> WorkspaceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _drop(shared: _OsLock) -> None:
    if shared.pid != os.getpid():
        # A forked child shares the parent's lock (same open file): unlocking would free the
        # parent's file. Only the process that took it releases it.
        return
    if shared.inode_lock is not None:
        _drop(shared.inode_lock)
        shared.inode_lock = None
    # Unlink while still holding the lock, so that no other opener ever reads a stale record.
    try:
        shared.lock_path.unlink(missing_ok=True)
    except OSError:
        pass
    try:
        _unlock(shared.fd)
    finally:
        os.close(shared.fd)


def owner_of(path: Path) -> LockOwner | None:
    """Who holds the workspace open now (None: nobody, or a stale lock file)."""
    probe = WorkspaceLock(path)
    if probe._key in WorkspaceLock._held:
        return LockOwner.read(probe.lock_path)
    try:
        probe.acquire()
    except WorkspaceLockedError as exc:
        return exc.owner or LockOwner(0, "?", datetime.now())
    probe.release()
    return None


@atexit.register
def _release_all() -> None:
    for key in list(WorkspaceLock._held):
        _drop(WorkspaceLock._held.pop(key))
