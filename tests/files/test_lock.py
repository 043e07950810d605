"""The lock on a data folder's drafts: one session at a time, never waiting, never stale, never crashing."""

from __future__ import annotations

import errno
import os
import signal
import socket
import stat
import subprocess
import sys
import types
from pathlib import Path

import pytest
from builders import as_nobody, deadline, readable_by_all

from ictbekwaam.errors import IctbekwaamError
from ictbekwaam.files import lock as lock_module
from ictbekwaam.files.lock import NOT_REGULAR, holder_of, lock_session
from ictbekwaam.files.storage import Store

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fcntl.flock, FIFOs and signals are POSIX")

# Another process that takes the lock, says so and waits (until it is killed).
HOLDER = """
import sys, time
from pathlib import Path
from ictbekwaam.files.lock import lock_session
lock = lock_session(Path(sys.argv[1]))
print("held" if lock is not None and lock.held else "not held", flush=True)
time.sleep(120)
"""


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_another_process_holds_it_until_it_is_killed(tmp_path):
    path = tmp_path / "concept.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        with deadline(10):  # refused at once, never waiting for the holder
            assert lock_session(path) is None
        assert holder_of(path) == holder.pid
    finally:
        holder.kill()  # SIGKILL: no clean-up of its own
        holder.wait()
    assert holder.returncode == -signal.SIGKILL
    assert holder_of(path) == holder.pid  # the file keeps the dead pid, but the lock is gone with the process
    with lock_session(path) as lock:
        assert lock is not None and lock.held and lock.supported
        assert holder_of(path) == os.getpid()


def test_one_session_at_a_time_and_then_the_next(tmp_path):
    path = tmp_path / "concept.lock"
    first = lock_session(path)
    assert first is not None and first.held
    assert mode(path) == 0o600
    assert path.read_text() == f"{os.getpid()}\n"
    assert lock_session(path) is None  # a second open of the file: refused, even in this process
    first.release()
    assert not first.held
    first.release()  # twice is harmless
    assert path.exists() and path.read_text() == ""  # the file stays (see the module), without a pid
    assert holder_of(path) is None
    second = lock_session(path)
    assert second is not None and second.held
    second.release()


def test_an_older_lock_file_becomes_private(tmp_path):
    path = tmp_path / "concept.lock"
    path.write_text("")
    path.chmod(0o644)
    with lock_session(path):
        assert mode(path) == 0o600


def test_the_store_locks_its_own_folder(data_dir):
    store = Store()
    assert not data_dir.exists()
    with store.lock_drafts() as lock:
        assert lock.path == data_dir / "concept.lock" == store.lock_path
        assert mode(data_dir) == 0o700
        assert Store().lock_drafts() is None
        assert Store(results_dir=data_dir / "elders").lock_drafts() is None  # --out moves results, not the draft
    with Store().lock_drafts() as again:
        assert again.held


@posix_only
@pytest.mark.parametrize("code", ["ENOLCK", "ENOSYS", "EOPNOTSUPP", "EINVAL", "EIO"])
def test_a_file_system_that_cannot_lock_goes_on_without(tmp_path, monkeypatch, code):
    """NFS without its lock daemon, some SMB and FUSE mounts: no lock, but no crash and no refusal either."""

    def cannot(fd, operation):  # type: ignore[no-untyped-def]
        raise OSError(getattr(errno, code), os.strerror(getattr(errno, code)))

    monkeypatch.setattr(lock_module, "_WINDOWS", False)
    monkeypatch.setattr("fcntl.flock", cannot)
    path = tmp_path / "concept.lock"
    lock = lock_session(path)
    assert lock is not None and not lock.supported and not lock.held
    assert path.read_text() == ""  # no pid: nothing is held
    lock.release()


@posix_only
@pytest.mark.parametrize("code", ["EWOULDBLOCK", "EACCES"])
def test_held_elsewhere_in_every_way_the_system_says_it(tmp_path, monkeypatch, code):
    def busy(fd, operation):  # type: ignore[no-untyped-def]
        raise OSError(getattr(errno, code), "held")

    monkeypatch.setattr(lock_module, "_WINDOWS", False)
    monkeypatch.setattr("fcntl.flock", busy)
    assert lock_session(tmp_path / "concept.lock") is None


def test_windows_locks_one_byte_past_the_pid(tmp_path, monkeypatch):
    """msvcrt.locking as Windows answers it (faked here): locked, held elsewhere (EACCES), no locking at all."""
    calls = []
    answers = []

    def locking(fd, how, size):  # type: ignore[no-untyped-def]
        calls.append((how, os.lseek(fd, 0, os.SEEK_CUR), size))
        if how == "NB" and answers:
            raise OSError(answers.pop(0), "no")

    monkeypatch.setitem(sys.modules, "msvcrt", types.SimpleNamespace(LK_NBLCK="NB", LK_UNLCK="UN", locking=locking))
    monkeypatch.setattr(lock_module, "_WINDOWS", True)
    path = tmp_path / "concept.lock"
    with lock_session(path) as lock:
        assert lock.held and path.read_text() == f"{os.getpid()}\n"
    assert calls == [("NB", 1024, 1), ("UN", 1024, 1)]
    answers.append(errno.EACCES)
    assert lock_session(path) is None
    answers.append(errno.ENOSYS)
    with lock_session(path) as lock:
        assert not lock.supported


@posix_only
@pytest.mark.parametrize("kind", ["folder", "symlink", "dangling-symlink", "fifo", "socket"])
def test_something_else_in_its_place_is_a_clear_error(tmp_path, kind):
    path = tmp_path / "concept.lock"
    target = tmp_path / "elders"
    target.write_text("niet van ictbekwaam\n")
    if kind == "folder":
        path.mkdir()
    elif kind == "symlink":
        path.symlink_to(target)
    elif kind == "dangling-symlink":
        path.symlink_to(tmp_path / "nergens")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        if len(os.fsencode(path)) > 100:
            pytest.skip("path too long for a socket")
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(os.fspath(path))
    with deadline(10), pytest.raises(IctbekwaamError) as error:
        lock_session(path)
    assert str(error.value) == f"{path}: {NOT_REGULAR}"
    assert target.read_text() == "niet van ictbekwaam\n"  # never followed
    assert not (tmp_path / "nergens").exists()


@posix_only
def test_a_lock_file_it_may_not_open_is_a_clear_error(tmp_path):
    """Left behind by ``sudo ictbekwaam assess``, say: owned by root, 0600."""
    path = tmp_path / "concept.lock"
    path.write_text("")
    path.chmod(0o600)
    readable_by_all(tmp_path)

    def attempt():  # type: ignore[no-untyped-def]
        try:
            lock_session(path)
        except IctbekwaamError as exc:
            return str(exc)
        return None

    if os.geteuid() != 0:
        path.chmod(0)
    assert as_nobody(attempt) == f"{path}: kan het bestand niet openen dat je concept vergrendelt (geen toestemming)"


@pytest.mark.parametrize("content", [b"", b"abc\n", b"12 34\n", b"-5\n", b"1" * 80, b"\xff\xfe"])
def test_a_holder_it_cannot_read_is_not_named(tmp_path, content):
    path = tmp_path / "concept.lock"
    path.write_bytes(content)
    assert holder_of(path) is None
    assert holder_of(tmp_path / "nergens.lock") is None
