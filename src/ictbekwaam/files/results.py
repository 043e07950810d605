"""Reading one result file from disk (``profile``, ``pop``, ``validate``).

The bytes come through :func:`~ictbekwaam.files.read.read_bytes` (bounded,
regular files only); parsing and checking them is the model's
(:func:`~ictbekwaam.model.result.decode`, :func:`~ictbekwaam.model.result.check_answers`).
A team's many files are read by :mod:`ictbekwaam.files.collect` instead.
"""

from __future__ import annotations

from pathlib import Path

from ictbekwaam.errors import LineMap, Problems
from ictbekwaam.files.read import read_bytes
from ictbekwaam.model.kader import Kader
from ictbekwaam.model.result import MAX_RESULT_BYTES, AnswerCheck, Result, check_answers, decode

RESULT_FILE = "een resultaatbestand"  # for "te groot voor ..."


def read_result_bytes(path: Path | str) -> bytes:
    """The bytes of a result file (at most :data:`~ictbekwaam.model.result.MAX_RESULT_BYTES`); DataError if unreadable."""
    return read_bytes(path, limit=MAX_RESULT_BYTES, what=RESULT_FILE)


def read_result(path: Path) -> Result:
    """Read and validate a result file (not yet against a kader)."""
    return decode(read_result_bytes(path), path)


def load_result(path: Path, kader: Kader) -> Result:
    """Read a result file and check its answers against ``kader``.

    Answers to items the kader does not know are tolerated (another version of
    the kader, matched by id); invalid values for known items are errors.
    """
    result = read_result(path)
    checked_answers(result, kader, path)
    return result


def checked_answers(result: Result, kader: Kader, file: Path | str) -> AnswerCheck:
    """:func:`~ictbekwaam.model.result.check_answers`, raising one DataError with every invalid value in ``file``."""
    check = check_answers(result, kader)
    problems = Problems(file, LineMap())  # JSON: no lines to name, the path inside says where
    for where, message in check.problems:
        problems.add(where, message)
    problems.raise_if_any()
    return check
