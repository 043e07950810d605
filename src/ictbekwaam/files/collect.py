"""Reading a team's result files: inputs -> checked results -> a :class:`~ictbekwaam.core.team.tally.Tally`.

The steps, each in its own module:

- :mod:`~ictbekwaam.files.inputs` expands the inputs (files, folders, glob
  patterns, zip archives) into the files to read, each once, and names what
  it had to skip (archives that cannot be opened, unreadable folders, links
  that lead nowhere, loops of links): those come first in ``rejected``;
- every file is read read-only and bounded: on disk by
  :func:`~ictbekwaam.files.read.read_bytes` (a FIFO or device is never read),
  in a zip archive by :class:`~ictbekwaam.files.zipped.Archive` (in memory,
  with guards against zip bombs);
- :func:`~ictbekwaam.files.checks.check` checks it fully: valid JSON, a result
  file of a schema version we know, made with this kader (same ``meta.id``;
  another *version* of it is fine: answers are matched by item id) and answers
  that fit its scale.

Nothing is ever written or changed. A file that fails gets one Dutch line in
:attr:`Collection.rejected` and is skipped.

Speed: files are decoded by msgspec straight into the typed
:class:`~ictbekwaam.model.result.Result` (validation in C) and handed to the tally,
which keeps a few dozen bytes per respondent; the ``Result`` is dropped at
once. With many files and a ``fork``-capable OS, the list is split in two and
a forked child (:mod:`~ictbekwaam.files.worker`) reads the second half on the
other core; its tally is merged afterwards (see :func:`collect`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import msgspec

from ictbekwaam.core.team.records import By, Conflict, Rejected
from ictbekwaam.core.team.tally import Tally
from ictbekwaam.files import worker
from ictbekwaam.files.checks import Skip, check
from ictbekwaam.files.inputs import Source, expand, label
from ictbekwaam.files.zipped import read_each
from ictbekwaam.model.kader import Kader

PARALLEL_FROM = 2000  # below this, forking costs more than it saves


class Collection(msgspec.Struct, frozen=True):
    """What reading the inputs gave.

    Attributes:
        tally: the counted results (see :class:`~ictbekwaam.core.team.tally.Tally`).
        files: files looked at (valid or not; zip members included, archives not).
        rejected: the files skipped (and folders, links and archives that could not be read), in reading order.
        conflicts: respondent ids used with more than one name, with the files (see :class:`Conflict`).
    """

    tally: Tally
    files: int
    rejected: tuple[Rejected, ...]
    conflicts: tuple[Conflict, ...] = ()


# --- reading ---------------------------------------------------------------------


def _read_all(
    sources: Iterable[Source],
    kader: Kader,
    tally: Tally,
    rejected: list[Rejected],
    tick: Callable[[], None] | None,
    first: int = 0,
) -> int:
    """Read, check and count ``sources`` into ``tally`` (numbered from ``first``); returns how many were looked at."""
    count = 0
    for source, data in read_each(sources):
        number = first + count
        count += 1
        name = label(source)
        if isinstance(data, str):  # why it could not be read
            rejected.append(Rejected(name, data))
        else:
            try:
                result, codes = check(data, name, kader, tally)
            except Skip as skip:
                rejected.append(Rejected(name, skip.reason))
            else:
                tally.add(result, codes, number)
        if tick is not None:
            tick()
    return count


def collect(
    inputs: Sequence[str | Path],
    kader: Kader,
    *,
    by: By | None = None,
    keep_names: bool = False,
    keep_evidence: bool = False,
    progress: Callable[[int, int], None] | None = None,
    parallel: bool | None = None,
) -> Collection:
    """Read every result file that ``inputs`` name, check it and count it.

    ``progress(done, total)`` is called now and then while reading.
    ``parallel``: None decides by itself (a forked child reads half of the
    files when there are at least :data:`PARALLEL_FROM` and the OS can fork),
    True/False force it. If the child fails for any reason, its half is read
    here instead, so the outcome never depends on it.
    """
    sources, unreadable = expand(inputs)
    rejected = [Rejected(archive, reason) for archive, reason in unreadable]
    total = len(sources)

    def make_tally() -> Tally:
        return Tally(kader, by=by, keep_names=keep_names, keep_evidence=keep_evidence)

    tally = make_tally()
    use_fork = worker.fork_available() and (total >= PARALLEL_FROM if parallel is None else parallel) and total >= 2
    child = None
    mine: list[Source] = sources
    theirs: list[Source] = []

    def read_theirs() -> tuple[Tally, int, list[Rejected]]:
        other, other_rejected = make_tally(), []
        return other, _read_all(theirs, kader, other, other_rejected, None, len(mine)), other_rejected

    if use_fork:
        half = total // 2
        mine, theirs = sources[:half], sources[half:]
        child = worker.start(read_theirs)
        if child is None:
            mine, theirs = sources, []
    # Progress: our own share, scaled to the whole (the child runs alongside at the same pace).
    done = 0
    scale = total / len(mine) if mine else 1.0
    tick: Callable[[], None] | None = None
    if progress is not None:
        progress(0, total)
        step = max(1, total // 200)

        def tick_one() -> None:
            nonlocal done
            done += 1
            if done % step == 0:
                progress(min(total, int(done * scale)), total)

        tick = tick_one

    own_rejected: list[Rejected] = []
    try:
        count = _read_all(mine, kader, tally, own_rejected, tick)
    except BaseException:
        if child is not None:
            child.outcome()  # do not leave the child behind
        raise
    rejected.extend(own_rejected)
    if child is not None:
        returned = child.outcome()
        if returned is None:  # the child failed: read its half here, so the outcome never depends on it
            returned = read_theirs()
        other, other_count, other_rejected = returned
        tally.merge(other)
        rejected.extend(other_rejected)
        count += other_count
    if progress is not None:
        progress(total, total)
    return Collection(tally, count + len(unreadable), tuple(rejected), conflicts(tally, sources))


def conflicts(tally: Tally, sources: Sequence[Source]) -> tuple[Conflict, ...]:
    """The tally's :meth:`~ictbekwaam.core.team.tally.Tally.conflicts`, with the files by name."""
    return tuple(
        Conflict(
            respondent_id,
            tuple(label(sources[number]) for number, _, _ in found),
            tuple(naam for _, naam, _ in found) if tally.keep_names else None,
            tuple(not complete for _, _, complete in found),
        )
        for respondent_id, found in tally.conflicts()
    )
