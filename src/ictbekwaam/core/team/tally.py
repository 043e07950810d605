"""Step 1 of the team picture: a :class:`Tally` of validated results, in constant memory per file.

:class:`Tally` takes one validated :class:`~ictbekwaam.model.result.Result` at
a time and keeps, per respondent, only what the report needs: the answers of
the latest complete result as one byte per item (a few dozen bytes), the group
it belongs to, when it was saved, and (only when asked for) the name and the
evidence texts. A ``Result`` itself is never kept.

**Who counts.** A respondent is a respondent id *and* a name (compared as
:func:`~ictbekwaam.model.result.name_key` says; no name is a name of its own).
Per respondent only the latest complete result counts (the latest draft when
there is no complete one; on equal times the one read last). Every other file
of the same respondent is *set aside*. Respondents with only a draft are
counted, but not scored.

**One id, different names** is a *conflict*, and each name counts as its own
respondent. Why not keep one of them: before ictbekwaam gave an id per person,
every teacher on one computer (and every converted answers file) got the same
id, so different names under one id are almost always different people, who
all belong in the team's figures; one person who typed their name differently
is the rarer case, and the coach sees it in :meth:`Tally.conflicts` (with the
files) and can leave a file out. To tell names apart without keeping them, the
tally keeps per respondent a fingerprint of the name (Python's string hash of
the name key: the same within one run and its forked reader, which is all it
is used for).

**Groups** (``by``): school, team (named within its school) or sector, as the
result's context gives it; the label as first seen, matched without regard to
case and spacing. The tally keeps each respondent's context (school, team,
sector as given, one shared tuple per distinct context), not only the group of
``by``: the group keys are worked out once per distinct context when the tally
is read, and the other groupings stay available to warn about differencing
between reports (:mod:`~ictbekwaam.core.team.differencing`).
"""

from __future__ import annotations

from array import array
from collections import Counter

from ictbekwaam.core.team.records import OPEN, By
from ictbekwaam.model.kader import Kader, fingerprint
from ictbekwaam.model.result import SECTOR_LABELS, Result, name_key

UNKNOWN_GROUP = {"school": "(geen school opgegeven)", "team": "(geen team opgegeven)", "sector": "(geen sector opgegeven)"}

_DRAFT = 1  # slot states
_COMPLETE = 2
_FLAG_OTHER_VERSION = 4
_FLAG_UNKNOWN_ITEMS = 8


def _norm(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


Where = tuple[str | None, str | None, str | None]
"""A respondent's context as given: (school, team, sector)."""
_NOWHERE: Where = (None, None, None)


def where_label(by: By | None, where: Where) -> str:
    """The label of the group a context (school, team, sector) puts a result in, or "" when it names none (or no ``by``)."""
    school, team, sector = where
    if by == "school":
        return _norm(school)
    if by == "team":
        # Teams are named within a school: "Onderbouw" of two schools are two teams.
        school, team = _norm(school), _norm(team)
        if not team:
            return ""
        return f"{school} · {team}" if school else f"{team} (geen school opgegeven)"
    if by == "sector":
        return SECTOR_LABELS.get(sector or "", "")
    return ""


def where_key(by: By | None, where: Where) -> str | None:
    """The group key of a context under a grouping: its label case-folded, None when it names no group."""
    label = where_label(by, where)
    return label.casefold() if label else None


class AnswerCodes:
    """Answers as one category byte per item, in kader order.

    Per item the byte is 0 (:data:`~ictbekwaam.core.team.records.OPEN`) when
    unanswered, else 1.. for the levels ascending and one more for "niet van
    toepassing" (kerntaken), or 1.. for the checklist options best first
    (basisvaardigheden).

    Attributes:
        items: the kader's item ids, in kader order (the byte order).
    """

    def __init__(self, kader: Kader) -> None:
        self.items: tuple[str, ...] = tuple(i.id for i in kader.all_items())
        n_levels = len(kader.level_values())
        kerntaak_map: dict[object, int] = {level: n + 1 for n, level in enumerate(kader.level_values())}
        kerntaak_map[kader.schaal.niet_van_toepassing.code] = n_levels + 1
        checklist_map: dict[object, int] = {code: n + 1 for n, code in enumerate(kader.checklist_codes())}
        basis = {i.id for i in kader.basisvaardigheden.items}
        # item id -> (byte position, value -> category byte); one dict look-up per answer.
        self._lookup = {
            item_id: (pos, checklist_map if item_id in basis else kerntaak_map) for pos, item_id in enumerate(self.items)
        }
        self._position = {item_id: pos for pos, item_id in enumerate(self.items)}
        self._kerntaken = frozenset(k.id for k in kader.kerntaken)  # the keys a result's evidence may have
        self._pairs = {
            (item_id, value): category
            for item_id, (_, categories) in self._lookup.items()
            for value, category in categories.items()
        }

    def encode(self, result: Result) -> bytes | None:
        """The answers as one category byte per item, or None if an answer (or an example's kerntaak) does not fit the kader.

        Answers to item ids the kader does not have are ignored here (another
        version of the kader: matched by id). Call
        :func:`ictbekwaam.model.result.check_answers` for the reason when this is None.
        ``result`` comes from :func:`ictbekwaam.model.result.decode`, which never
        gives a bool as an answer (:meth:`Tally.add_result` checks that for results
        built in code: ``True == 1`` in a look-up).
        """
        if result.evidence and not self._kerntaken.issuperset(result.evidence):
            return None  # an example under a key that is no kerntaak: as invalid as a wrong answer
        answers = result.answers
        # (item id, value) -> category in one C-level pass; None: unknown item or invalid value.
        categories = list(map(self._pairs.get, answers.items()))
        if None in categories:
            return self._encode_slowly(answers)
        if len(categories) == len(self.items) and tuple(answers) == self.items:
            return bytes(categories)  # complete and in kader order: what assess writes
        codes = bytearray(len(self.items))
        for pos, category in zip(map(self._position.__getitem__, answers), categories):
            codes[pos] = category
        return bytes(codes)

    def _encode_slowly(self, answers: dict) -> bytes | None:
        codes = bytearray(len(self.items))
        for item_id, value in answers.items():
            found = self._lookup.get(item_id)
            if found is None:
                continue  # another version of the kader: matched by id
            category = found[1].get(value)
            if category is None:
                return None
            codes[found[0]] = category
        return bytes(codes)


class Respondents:
    """Who is who in a :class:`Tally`: (respondent id, name fingerprint) -> slot.

    The first name seen with an id is in :attr:`first` (the fast path: most ids
    have one name); the other names of an id are in :attr:`more`, and make the
    id a conflict. :class:`Tally` fills them inline (this runs for every file).

    Attributes:
        first: id -> the slot of the first name seen with it.
        more: (id, fingerprint) -> slot, for the other names of an id.
        fp: slot -> the fingerprint of its name.
    """

    def __init__(self) -> None:
        self.first: dict[str, int] = {}
        self.more: dict[tuple[str, int], int] = {}
        self.fp = array("q")

    def keys(self) -> list[tuple[str, int, int]]:
        """(respondent id, name fingerprint, slot) of every respondent: each id's first name, then the other names (merge relies on it)."""
        keys = [(rid, self.fp[slot], slot) for rid, slot in self.first.items()]
        keys.extend((rid, fp, slot) for (rid, fp), slot in self.more.items())
        return keys

    def conflicts(self) -> dict[str, list[int]]:
        """Respondent id -> its slots, for every id seen with more than one name."""
        slots: dict[str, list[int]] = {}
        for (rid, _), slot in self.more.items():
            slots.setdefault(rid, [self.first[rid]]).append(slot)
        return slots


class _Rows:
    """The read side of a :class:`Tally`: what it gives out once every file is read.

    A mixin, so that the counting (:class:`Tally`) and the giving out are two short
    classes; the attributes are :class:`Tally`'s.
    """

    items: tuple
    keep_names: bool

    def columns(self) -> dict[object, tuple[bytes, int, int]]:
        """Per group key (None: no group given): (answers of the completed, one row per respondent; completed; drafts).

        Without ``by`` there is one group, None: the whole team.
        """
        n = len(self.items)
        buffers: dict[object, bytearray] = {}
        drafts: Counter[object] = Counter()
        codes = self._codes
        keys = self.keys()
        group = self._group
        for slot, state in enumerate(self._state):
            key = keys[group[slot]]
            if state & 3 == _COMPLETE:
                buffers.setdefault(key, bytearray()).extend(codes[slot * n : (slot + 1) * n])
            else:
                drafts[key] += 1
                buffers.setdefault(key, bytearray())
        return {key: (bytes(buf), len(buf) // n if n else 0, drafts[key]) for key, buf in buffers.items()}

    def completed_rows(self) -> list[tuple[object, bytes]]:
        """(group key, answers) per completed respondent, in random-id order (not file or name order)."""
        n = len(self.items)
        keys = self.keys()
        rows = [
            (rid, bytes(self._codes[slot * n : (slot + 1) * n]), slot)
            for rid, _, slot in self._who.keys()
            if self._state[slot] & 3 == _COMPLETE
        ]
        # One id with two names: by their answers, not by file or name (nor by the fingerprint, which varies per run).
        return [(keys[self._group[slot]], codes) for _, codes, slot in sorted(rows, key=lambda row: row[:2])]

    def conflicts(self) -> list[tuple[str, tuple[tuple[int, str | None, bool], ...]]]:
        """Respondent ids used with more than one name: (id, per name (file number, name, complete)), by id.

        Each name counts as its own respondent (see the module docstring); the
        file is the one whose result counts for that name. The name is None
        unless names are kept.
        """
        slots = self._who.conflicts()
        out = []
        for rid in sorted(slots):
            found = (
                (self._source[slot], self._names[slot] if self.keep_names else None, self._state[slot] & 3 == _COMPLETE)
                for slot in slots[rid]
            )
            out.append((rid, tuple(sorted(found, key=lambda f: f[0]))))
        return out

    def completed_by_id(self) -> dict[tuple[str, int], tuple[str | None, bytes]]:
        """(respondent id, name fingerprint) -> (group key, answers) of every completed respondent.

        To match two rounds read in one run (the fingerprint is the same within a run):
        a respondent is an id and a name, as everywhere in the tally.
        """
        n = len(self.items)
        keys = self.keys()
        codes, state, group = self._codes, self._state, self._group
        return {
            (respondent_id, fp): (keys[group[slot]], bytes(codes[slot * n : (slot + 1) * n]))
            for respondent_id, fp, slot in self._who.keys()
            if state[slot] & 3 == _COMPLETE
        }

    def completed_by_context(self) -> dict[Where, bytes]:
        """Per distinct context: the answers of its completed respondents, one row per respondent."""
        n = len(self.items)
        buffers: dict[Where, bytearray] = {}
        codes, group = self._codes, self._group
        for slot, state in enumerate(self._state):
            if state & 3 == _COMPLETE:
                buffers.setdefault(group[slot], bytearray()).extend(codes[slot * n : (slot + 1) * n])
        return {where: bytes(buf) for where, buf in buffers.items()}

    def other_versions(self) -> Counter[str]:
        """Kader version -> number of counted (completed) results made with another version of this kader."""
        return Counter(v for slot, v in self._versie.items() if self._state[slot] & 3 == _COMPLETE)

    def with_unknown_items(self) -> int:
        """Counted results with answers to items this kader does not have."""
        return sum(1 for s in self._state if s & 3 == _COMPLETE and s & _FLAG_UNKNOWN_ITEMS)

    def names(self) -> list[tuple[str | None, bool]]:
        """(name or None, complete) per respondent, sorted by name; empty unless kept."""
        if not self.keep_names:
            return []
        pairs = [(self._names[slot], self._state[slot] & 3 == _COMPLETE) for slot in range(len(self._ts))]
        return sorted(pairs, key=lambda p: ((p[0] or "").casefold(), p[0] is None, not p[1]))

    def evidence(self) -> list[tuple[object, str, str, str]]:
        """(group key, kerntaak, voorbeeld, meerwaarde) of the counted results, sorted by text; empty unless kept."""
        if not self.keep_evidence:
            return []
        keys = self.keys()
        out = [
            (keys[self._group[slot]], *texts)
            for slot in range(len(self._ts))
            if self._state[slot] & 3 == _COMPLETE
            for texts in self._evidence[slot]
        ]
        return sorted(out, key=lambda e: (e[1], e[2].casefold(), e[3].casefold()))


class Tally(_Rows):
    """Streaming accumulator of validated results (see the module docstring).

    Feed it with :meth:`add` (after :meth:`encode` said the answers fit the
    kader); combine partial tallies with :meth:`merge`. Memory per respondent is
    a few dozen bytes plus the id, whatever the files hold.

    Attributes:
        items: the kader's item ids, in kader order (the byte order of the answers).
        by: the grouping, or None.
        valid_files: results added (including those later set aside).
    """

    # Per slot (respondent), in parallel arrays: when its counted result was saved,
    # its state and flags, its answers, its group, the number of its file (-1: not given).

    def __init__(self, kader: Kader, *, by: By | None = None, keep_names: bool = False, keep_evidence: bool = False) -> None:
        self._codec = AnswerCodes(kader)
        self.items = self._codec.items
        self.by = by
        self.keep_names = keep_names
        self.keep_evidence = keep_evidence
        self.kader_id = kader.meta.id
        self.kader_hash = fingerprint(kader)
        self.valid_files = 0
        self._who = Respondents()
        self._first, self._fps = self._who.first, self._who.fp  # the fast path, without an attribute look-up more
        self._source = array("q")
        self._ts = array("d")
        self._state = bytearray()
        self._codes = bytearray()
        self._group: list[Where] = []  # per slot: the context, one shared tuple per distinct context
        self._contexts: dict[Where, Where] = {}  # every context seen, in the order first seen
        self._label_cache: tuple[int, dict[str, str]] = (-1, {})
        self._versie: dict[int, str] = {}  # slot -> kader version, when not ours
        # Item ids of earlier versions that are gone on purpose (split, removed): answers to them are expected, not unknown.
        self._known = frozenset(self.items)
        self._retired = frozenset(i for v in kader.geschiedenis for i in v.retired_ids())
        # Per earlier version: the byte positions of the items new since (not asked in it).
        position = {item_id: p for p, item_id in enumerate(self.items)}
        self._new_since = {v.versie: tuple(position[i] for i in v.new_ids() if i in position) for v in kader.geschiedenis}
        self._names: list[str | None] = []
        self._evidence: list[tuple[tuple[str, str, str], ...]] = []

    # -- adding ----------------------------------------------------------------

    def encode(self, result: Result) -> bytes | None:
        """The answers as one category byte per item, or None if an answer does not fit the kader (see :meth:`AnswerCodes.encode`)."""
        return self._codec.encode(result)

    def _claim(self, respondent_id: str, fp: int, state: int, stamp: float) -> int | None:
        """The slot for a respondent's result, or None when the result counted already wins.

        A complete result beats any draft; otherwise the later one wins (the
        one read last, at equal times). A new respondent (id and name) gets a
        new, empty slot.
        """
        slot = known = self._first.get(respondent_id)
        if known is not None and self._fps[known] != fp:  # the same id with another name: another respondent
            slot = self._who.more.get((respondent_id, fp))
        if slot is None:
            slot = len(self._fps)
            self._fps.append(fp)
            if known is None:
                self._first[respondent_id] = slot
            else:
                self._who.more[(respondent_id, fp)] = slot
            self._source.append(-1)
            self._ts.append(stamp)
            self._state.append(0)
            self._codes.extend(bytes(len(self.items)))
            self._group.append(_NOWHERE)
            if self.keep_names:
                self._names.append(None)
            if self.keep_evidence:
                self._evidence.append(())
            return slot
        current = self._state[slot] & 3
        if current > state or (current == state and stamp < self._ts[slot]):
            return None
        return slot

    def add(self, result: Result, codes: bytes, source: int = -1) -> None:
        """Count one validated result whose answers :meth:`encode` turned into ``codes``.

        ``source`` numbers the file it came from (for :meth:`conflicts`); -1: not given.
        """
        self.valid_files += 1
        stamp = result.updated_at.timestamp()
        state = _COMPLETE if result.complete else _DRAFT
        naam = result.respondent.naam
        slot = self._claim(result.respondent.id, hash(name_key(naam)) if naam else 0, state, stamp)
        if slot is None:
            return
        self._ts[slot] = stamp
        self._source[slot] = source
        n = len(self.items)
        self._codes[slot * n : (slot + 1) * n] = codes
        flags = state
        if result.kader.hash != self.kader_hash:
            flags |= _FLAG_OTHER_VERSION
            self._versie[slot] = result.kader.versie
            later = self._new_since.get(result.kader.versie)
            if later and any(codes[p] for p in later):
                # Items new since that version were not asked in it: an answer to one is not counted.
                masked = bytearray(codes)
                for p in later:
                    masked[p] = OPEN
                self._codes[slot * n : (slot + 1) * n] = masked
        else:
            self._versie.pop(slot, None)
        # Every known answer has a non-zero byte; more answers than that are unknown items.
        if len(result.answers) > len(codes) - codes.count(OPEN) and any(
            k not in self._known and k not in self._retired for k in result.answers
        ):
            flags |= _FLAG_UNKNOWN_ITEMS
        self._state[slot] = flags
        where = (result.context.school, result.context.team, result.context.sector)
        self._group[slot] = self._contexts.setdefault(where, where)  # one shared tuple per distinct context
        if self.keep_names:
            self._names[slot] = _norm(result.respondent.naam) or None
        if self.keep_evidence:
            self._evidence[slot] = tuple(
                (kerntaak, " ".join(e.voorbeeld.split()), " ".join(e.meerwaarde.split()))
                for kerntaak, e in sorted(result.evidence.items())
                if e.voorbeeld.strip() or e.meerwaarde.strip()
            )

    def add_result(self, result: Result, source: int = -1) -> bool:
        """:meth:`encode` and :meth:`add` in one; False (and nothing counted) if an answer does not fit."""
        if any(value.__class__ is bool for value in result.answers.values()):
            return False
        codes = self.encode(result)
        if codes is None:
            return False
        self.add(result, codes, source)
        return True

    def merge(self, other: Tally) -> None:
        """Add a tally of files read *after* this one's (same kader and options)."""
        self.valid_files += other.valid_files
        n = len(self.items)
        for where in other._contexts:  # theirs were seen after ours
            self._contexts.setdefault(where, where)
        for respondent_id, fp, theirs in other._who.keys():
            state, stamp = other._state[theirs], other._ts[theirs]
            mine = self._claim(respondent_id, fp, state & 3, stamp)
            if mine is None:
                continue
            self._ts[mine] = stamp
            self._source[mine] = other._source[theirs]
            self._state[mine] = state
            self._codes[mine * n : (mine + 1) * n] = other._codes[theirs * n : (theirs + 1) * n]
            self._group[mine] = self._contexts[other._group[theirs]]
            if theirs in other._versie:
                self._versie[mine] = other._versie[theirs]
            else:
                self._versie.pop(mine, None)
            if self.keep_names:
                self._names[mine] = other._names[theirs]
            if self.keep_evidence:
                self._evidence[mine] = other._evidence[theirs]

    # -- reading ---------------------------------------------------------------

    @property
    def respondents(self) -> int:
        """Distinct respondents (complete or draft)."""
        return len(self._ts)

    @property
    def completed(self) -> int:
        """Respondents with a complete result (these are scored)."""
        return sum(1 for s in self._state if s & 3 == _COMPLETE)

    @property
    def set_aside(self) -> int:
        """Valid results that do not count: older or duplicate results of the same respondent."""
        return self.valid_files - self.respondents

    def keys(self, by: By | None = None) -> dict[Where, str | None]:
        """Per distinct context: its group key under ``by`` (the tally's own grouping when not given)."""
        by = by if by is not None else self.by
        return {where: where_key(by, where) for where in self._contexts}

    def labels(self, by: By | None = None) -> dict[str, str]:
        """Group key -> its label as first seen, under ``by`` (the tally's own grouping when not given)."""
        by = by if by is not None else self.by
        out: dict[str, str] = {}
        for where in self._contexts:  # in the order first seen
            label = where_label(by, where)
            if label:
                out.setdefault(label.casefold(), label)  # "Onderbouw" and "onderbouw " are one team
        return out

    def group_label(self, key: object) -> str:
        """The label of a group key (as first seen), or the "not given" label."""
        if key is None:
            return UNKNOWN_GROUP.get(self.by or "", "")
        if self._label_cache[0] != len(self._contexts):  # contexts are only ever added: as many, the same labels
            self._label_cache = (len(self._contexts), self.labels())
        return self._label_cache[1].get(str(key), str(key))
