"""Running one job in a forked child process and getting its (pickled) outcome back through a pipe.

Used by :func:`~ictbekwaam.files.collect.collect` to read half of many files on
another core. The child never returns into the caller's code; whatever goes
wrong in it, the parent gets None and does the job itself.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def fork_available() -> bool:
    """Whether this OS can fork and there is a second core to gain from it."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2


class Child(Generic[T]):
    """A forked child running a job.

    Attributes:
        pid: the child's process id.
        read_end: the pipe its outcome comes through.
    """

    def __init__(self, pid: int, read_end: int) -> None:
        self.pid = pid
        self.read_end = read_end

    def outcome(self) -> T | None:
        """Wait for the child; what the job returned, or None if it failed in any way."""
        with os.fdopen(self.read_end, "rb") as pipe:
            payload = pipe.read()  # read everything before waiting: a full pipe would block the child
        _, status = os.waitpid(self.pid, 0)
        if not payload or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            return None
        outcome: T = pickle.loads(payload)
        return outcome


def start(job: Callable[[], T]) -> Child[T] | None:
    """Fork a child that runs ``job`` and sends back what it returns; None if forking failed."""
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: never return into the caller's code
        code = 1
        try:
            os.close(read_end)
            payload = pickle.dumps(job(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            code = 0
        except BaseException:  # noqa: BLE001 - the parent does the job itself then
            pass
        finally:
            os._exit(code)
    os.close(write_end)
    return Child(pid, read_end)
