"""One assessment at a time per data folder: a lock on the draft for the whole session.

Two ``ictbekwaam assess`` runs on one data folder (two terminal windows, two
people on a shared laptop) would both autosave to ``concept.json``, and the last
to save would silently replace the other's answers; ``--new`` in the second
would even set the first one's draft aside under its feet.
So the interactive session holds an exclusive lock on ``concept.lock`` in the
data folder from its start (before a draft is read, offered or set aside) to its
end, and a second run that cannot take it refuses before it touches anything.

- The lock is the operating system's, on an open file: ``fcntl.flock`` (POSIX),
  ``msvcrt.locking`` (Windows). The kernel releases it when the process ends in
  whatever way, a crash or ``kill -9`` included, so a lock is never stale. The
  file itself stays (mode 0600): removing it on release would let a run that
  opened it just before lock a file that no longer has a name while a third run
  locks a new one, and both would go on.
- Taking it never waits (non-blocking): held elsewhere means refuse at once.
- The holder writes its process id into the file, only so that the refusal can
  name it (:func:`holder_of`); on Windows the locked byte lies past that text,
  which stays readable.
- A file system that cannot lock (some network shares: NFS without its lock
  daemon says ENOLCK; some SMB and FUSE mounts say ENOSYS or EOPNOTSUPP): the
  session goes on without the lock (:attr:`SessionLock.supported` is False, and
  the caller warns). Refusing would make ``assess`` unusable there for the one
  teacher who has only one window open; going on is what every earlier version
  did. Only "another process holds it" refuses.

Pure: no user-interface imports; the refusal's text is the caller's.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from ictbekwaam.errors import DataError, IctbekwaamError, os_reason
from ictbekwaam.files.read import read_bytes

LOCK_FILE = "concept.lock"
PRIVATE = 0o600
# Another process holds the lock: flock says EWOULDBLOCK (= EAGAIN); fcntl-style
# locks (NFS) may say EACCES; msvcrt.locking says EACCES or EDEADLOCK.
_BUSY = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, getattr(errno, "EDEADLK", -1), getattr(errno, "EDEADLOCK", -1)}
# Read and write, made if missing, never through a symbolic link, never waiting
# (a FIFO in its place), never our controlling terminal, no newline translation.
_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)
_WINDOWS = os.name == "nt"
_WINDOWS_BYTE = 1024  # msvcrt locks a byte range others cannot read: one byte well past the pid
_PID_RE = re.compile(rb"[0-9]{1,10}\n?")
_PID_MAX_BYTES = 64
NOT_REGULAR = (
    "dit is geen gewoon bestand (ictbekwaam vergrendelt er je concept mee); verwijder het, dan maakt ictbekwaam een nieuw"
)


class SessionLock:
    """The lock of one session on its data folder's drafts; release it with :meth:`release` or ``with``.

    Attributes:
        path: the lock file.
        supported: False when the file system cannot lock: the session runs without the lock.
    """

    def __init__(self, path: Path, fd: int, *, supported: bool) -> None:
        self.path = path
        self.supported = supported
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        """Whether this session holds the lock (not released, and the file system can lock)."""
        return self._fd is not None and self.supported

    def release(self) -> None:
        """Let go of the lock (closing the file does that too); the file stays. Twice is harmless."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if self.supported:
                os.ftruncate(fd, 0)  # no pid of a run that has ended
                _unlock(fd)
        except OSError:
            pass  # closing releases it all the same
        finally:
            os.close(fd)

    def __enter__(self) -> "SessionLock":
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_session(path: Path) -> SessionLock | None:
    """Take the lock ``path`` without waiting; None when another process holds it.

    A file system that cannot lock gives a :class:`SessionLock` with
    ``supported`` False (see the module's docstring).

    Raises:
        IctbekwaamError: the lock file cannot be opened or made (naming it, with the reason).
    """
    fd = _open(path)
    try:
        state = _lock(fd)
    except BaseException:
        os.close(fd)
        raise
    if state == "busy":
        os.close(fd)
        return None
    supported = state == "held"
    if supported:
        _write_pid(fd)
    return SessionLock(path, fd, supported=supported)


def holder_of(path: Path) -> int | None:
    """The process id the holder of the lock ``path`` wrote, when it can be read; only for a message."""
    try:
        data = read_bytes(path, limit=_PID_MAX_BYTES, what="een slotbestand", missing_ok=True)
    except DataError:
        return None
    if data is None or not _PID_RE.fullmatch(data):
        return None
    return int(data)


def _open(path: Path) -> int:
    try:
        fd = os.open(path, _FLAGS, PRIVATE)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO, getattr(errno, "EMLINK", -1)):
            # ELOOP (EMLINK on FreeBSD): a symbolic link, refused by O_NOFOLLOW; EISDIR: a folder; ENXIO: a socket.
            raise IctbekwaamError(f"{path}: {NOT_REGULAR}") from None
        raise IctbekwaamError(f"{path}: kan het bestand niet openen dat je concept vergrendelt ({os_reason(exc)})") from None
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except OSError:
        regular = True  # cannot tell: taking the lock will
    if not regular:  # a FIFO or a device
        os.close(fd)
        raise IctbekwaamError(f"{path}: {NOT_REGULAR}")
    if hasattr(os, "fchmod"):
        try:
            os.fchmod(fd, PRIVATE)  # also a file made earlier under another umask
        except OSError:
            pass  # not ours to change: the lock works all the same
    return fd


def _lock(fd: int) -> str:
    """``held``, ``busy`` (another process holds it) or ``unsupported`` (this file system cannot lock)."""
    try:
        if _WINDOWS:
            import msvcrt

            os.lseek(fd, _WINDOWS_BYTE, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        return "busy" if exc.errno in _BUSY else "unsupported"
    return "held"


def _unlock(fd: int) -> None:
    if _WINDOWS:
        import msvcrt

        os.lseek(fd, _WINDOWS_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _write_pid(fd: int) -> None:
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
    except OSError:
        pass  # only for the message of a second run: the lock is what counts
