"""The hostile corpus: every kind of bad input ictbekwaam must refuse calmly (issue 10), built at test time.

Nothing here is checked in as a binary: :func:`build_corpus` writes each case into
a folder from one valid result made with :mod:`builders`, and returns where it
put them. Each :class:`Case` says what it is, how it is made and what the tool
must do with it:

- ``valid``: ``validate`` says it is valid, ``profile`` shows it, ``report`` counts it;
- ``refused``: every command names the file with a Dutch reason (exit 1 for
  ``validate``/``profile``; ``report`` skips it and counts the rest);
- ``either``: accepting and refusing are both fine (the spec leaves it open), as
  long as nothing crashes and ``validate``, ``profile`` and ``report`` agree.

Whatever the outcome: no traceback, no hang, no English from Python, msgspec
or PyYAML, and the file is named. The tests are ``tests/files/test_hostile.py``;
``benchmarks/bench_reader.py`` times the same cases.

The cases are public (:data:`CASES`, :data:`YAML_CASES`) so that a new one is
added in one place and is then tested and benchmarked everywhere.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal

from builders import everything, make_result
from hostile_files import make_duplicate_zip, make_fifo, make_socket, link_to, make_loop, make_folder, make_big, make_slip_zip, make_bomb, make_zip_in_zip

from ictbekwaam.model import result as results
from ictbekwaam.model.kader import Kader

Outcome = Literal["valid", "refused", "either"]
# What ``report`` does with the case beside good files: count it, skip it (named), either, or
# nothing at all (a folder given to ``report`` is a folder of inputs: an empty one adds nothing).
ReportOutcome = Literal["counted", "rejected", "either", "ignored"]
Kind = Literal["result", "zip", "yaml"]

BOM = b"\xef\xbb\xbf"
DEPTH = 1500  # nested lists in a result: far past any parser's comfort, far below a file's size limit
YAML_DEPTH = 5000


@dataclass(frozen=True)
class Case:
    """One hostile input.

    Attributes:
        name: the test id (also the benchmark's row).
        file: its file name in the corpus folder.
        expect: what ``validate``/``profile`` must say: valid, refused, or either.
        kind: a result file (``.json``, or anything named as one), a zip archive, or YAML.
        content: the file's bytes, made from the valid result document (a dict
            from ``json.loads``) and its exact bytes; None when ``make`` builds it.
        make: builds what is not plain bytes (a FIFO, a socket, a link, a
            folder, a large file) at the given path from the same two; returns
            False when this system cannot make it (the case is then left out).
        reason: a regular expression the Dutch reason must match (refused cases).
        note: for a valid case, what ``validate``'s ``✓`` line must also say.
        members: for a zip archive, the members ``validate`` and ``report`` name
            (``archief.zip:member``); empty: the archive itself is named.
        report_outcome: what ``report`` does with it beside good files, when not
            counted / rejected / either as ``expect`` says (see :attr:`report`).
        profile_outcome: what ``profile`` does, when not what ``expect`` says
            (see :attr:`profile`).
        isolate: may crash the interpreter (a C stack overflow) or eat memory on a
            broken reader: the tests run it only in a subprocess, with a time and
            memory limit. (What may only hang, such as a FIFO, runs in-process
            under an alarm.)
        why: what the case is, in a line (for the report of a failure).
    """

    name: str
    file: str
    expect: Outcome
    kind: Kind = "result"
    content: Callable[[dict, bytes], bytes] | None = None
    make: Callable[[Path, dict, bytes], bool | None] | None = None
    reason: str | None = None
    note: str | None = None
    members: tuple[str, ...] = ()
    report_outcome: ReportOutcome | None = None
    profile_outcome: Outcome | None = None
    isolate: bool = False
    why: str = ""

    @property
    def profile(self) -> Outcome:
        if self.profile_outcome is not None:
            return self.profile_outcome
        # A zip archive is not a result file: profile refuses it, whatever is inside.
        return "refused" if self.kind == "zip" else self.expect

    @property
    def report(self) -> ReportOutcome:
        if self.report_outcome is not None:
            return self.report_outcome
        return {"valid": "counted", "refused": "rejected", "either": "either"}[self.expect]

    def labels(self, path: Path | str) -> list[str]:
        """How ``validate`` and ``report`` name this case's file(s)."""
        return [f"{path}:{m}" for m in self.members] if self.members else [str(path)]


# --- the valid document and ways to spoil it ------------------------------------------------


def base_result(kader: Kader) -> results.Result:
    """The valid result every case starts from: complete, a name, one example of effective ict use."""
    return make_result(
        kader,
        everything(kader),
        naam="Jan de Vries",
        evidence={kader.kerntaken[0].id: ("Een quiz met directe feedback.", "Ik zag meteen wie het snapte.")},
    )


def good_results(kader: Kader, count: int) -> list[bytes]:
    """``count`` valid result files of different respondents (none of them the corpus's own)."""
    return [
        results.encode(make_result(kader, everything(kader, level=1 + n % 4), respondent=f"r-{n + 1:032x}"))
        for n in range(count)
    ]


def dumps(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def with_fields(**changes: Any) -> Callable[[dict, bytes], bytes]:
    """The document with these top-level fields replaced (or added)."""
    return lambda doc, good: dumps(doc | changes)


def with_answer(item: str, value: Any) -> Callable[[dict, bytes], bytes]:
    return lambda doc, good: dumps(doc | {"answers": doc["answers"] | {item: value}})


def dated(name: str, file: str, created: str, updated: str, reason: str, why: str) -> "Case":
    """A result refused for its dates alone: ``created_at`` and ``updated_at`` as given."""
    return Case(name, file, "refused", content=with_fields(created_at=created, updated_at=updated), reason=reason, why=why)


HOLE = "@@hostile@@"


def with_raw(key: str, raw: str, *, inside: str | None = None) -> Callable[[dict, bytes], bytes]:
    """The document with ``key`` (in the object ``inside``, else at the top) set to the raw JSON text ``raw``.

    For what ``json.dumps`` will not write: deep nesting, numbers out of range, NaN.
    """

    def build(doc: dict, good: bytes) -> bytes:
        if inside is None:
            changed = doc | {key: HOLE}
        else:
            changed = doc | {inside: doc[inside] | {key: HOLE}}
        return dumps(changed).replace(json.dumps(HOLE).encode(), raw.encode())

    return build


def duplicate_answers(doc: dict, good: bytes) -> bytes:
    """``answers`` twice: first one answer (A1: 1), then all of them. Which wins is the parser's choice."""
    text = dumps(doc | {"answers": HOLE})
    first = json.dumps({"A1": 1})
    return text.replace(json.dumps(HOLE).encode(), f"{first},\n  \"answers\": {json.dumps(doc['answers'])}".encode())


def deep(depth: int) -> str:
    return "[" * depth + "]" * depth


def at(when: datetime) -> str:
    return when.isoformat()


def soon(hours: float) -> str:
    """A time ``hours`` from now (UTC), as a result stores it."""
    return (datetime.now(timezone.utc) + timedelta(hours=hours)).replace(microsecond=0).isoformat()


# --- the cases -------------------------------------------------------------------------------

CASES: tuple[Case, ...] = (
    # Structure: nesting that would blow a recursive parser's stack.
    Case(
        "diep-genest-evidence", "diep-evidence.json", "refused",
        content=with_raw("evidence", deep(DEPTH)), isolate=True,
        why=f"evidence is {DEPTH} nested lists",
    ),
    Case(
        "diep-genest-extra-veld", "diep-extra.json", "refused",
        content=with_raw("x", deep(DEPTH)), isolate=True,
        why=f'an unknown extra field {{"x": [[[...]]]}}, {DEPTH} deep',
    ),
    Case(
        "diep-onafgesloten", "diep-open.json", "refused",
        content=lambda doc, good: b"[" * 100_000, isolate=True,
        why="100,000 opening brackets and nothing else",
    ),
    # Not regular files: the reader must refuse them without waiting or reading.
    Case(
        "fifo", "pijp.json", "refused", make=make_fifo, reason="geen gewoon bestand",
        why="a FIFO (named pipe) with no writer: opening it blocking would hang",
    ),
    Case(
        "socket", "socket.json", "refused", make=make_socket,
        why="a Unix socket file (open() gives ENXIO, an English strerror)",
    ),
    Case(
        "apparaat-null", "dev.json", "refused", make=link_to("/dev/null"), reason="geen gewoon bestand",
        why="a symlink to /dev/null",
    ),
    Case(
        "apparaat-zero", "zero.json", "refused", make=link_to("/dev/zero"), reason="geen gewoon bestand", isolate=True,
        why="a symlink to /dev/zero: endless bytes",
    ),
    Case(
        "symlink-lus", "lus.json", "refused", make=make_loop,
        why="a symbolic link to itself (the OS says 'Too many levels of symbolic links')",
    ),
    Case(
        "map", "map.json", "refused", make=make_folder, reason="map", report_outcome="ignored",
        why="a folder named like a result file (report reads a folder as a folder: empty, nothing to count)",
    ),
    Case(
        "te-groot", "groot.json", "refused", make=make_big, reason="te groot",
        why="60 MB of valid JSON (the cap is 1 MB)",
    ),
    # Bytes that are not (UTF-8) JSON.
    Case("afgebroken", "afgebroken.json", "refused", content=lambda doc, good: good[: len(good) // 2], why="cut off halfway"),
    Case("leeg", "leeg.json", "refused", content=lambda doc, good: b"", why="empty"),
    Case("binair", "binair.json", "refused", content=lambda doc, good: bytes(range(256)) * 4, why="binary, with NUL bytes"),
    Case(
        "latin-1", "latin1.json", "refused",
        content=lambda doc, good: json.dumps(
            doc | {"respondent": doc["respondent"] | {"naam": "José Émile"}}, ensure_ascii=False, indent=2
        ).encode("latin-1"),
        why="a name with é, saved as Latin-1",
    ),
    Case(
        "utf-16", "utf16.json", "refused", content=lambda doc, good: json.dumps(doc, indent=2).encode("utf-16"),
        why="UTF-16 with its byte order mark",
    ),
    Case(
        "utf-8-bom", "bom.json", "valid", content=lambda doc, good: BOM + good,
        why="a UTF-8 byte order mark before a valid result (some editors write one): it must count",
    ),
    # Numbers JSON does not have, or that no parser should take.
    Case("nan", "nan.json", "refused", content=with_raw("A1", "NaN", inside="answers"), why="NaN as an answer"),
    Case("infinity", "infinity.json", "refused", content=with_raw("position", "Infinity"), why="Infinity as position"),
    Case(
        "getal-te-groot-float", "1e400.json", "refused", content=with_raw("A1", "1e400", inside="answers"),
        why="1e400 as an answer (msgspec: 'Number out of range')",
    ),
    Case(
        "getal-5000-cijfers", "cijfers.json", "refused", content=with_raw("A1", "1" + "0" * 5000, inside="answers"),
        why="an answer of 5,001 digits (msgspec: 'Integer value out of range'; Python refuses to print it)",
    ),
    Case(
        "groot-getal-antwoord", "groot-antwoord.json", "refused", content=with_answer("A1", 10**40),
        reason="A1", why="10**40 as an answer: not a level of the scale",
    ),
    Case(
        "groot-getal-positie", "groot-positie.json", "valid", content=with_fields(position=10**40),
        why="10**40 as position: the schema only says >= 0, and a complete result never resumes",
    ),
    # Well-formed JSON that is not a valid result.
    Case(
        "dubbele-sleutel", "dubbel.json", "either", content=duplicate_answers,
        why="'answers' twice (JSON leaves duplicates to the parser; msgspec: the last wins)",
    ),
    Case("verkeerd-type-complete", "type-complete.json", "refused", content=with_fields(complete="ja"), reason="complete"),
    Case("verkeerd-type-answers", "type-answers.json", "refused", content=with_fields(answers=[3, 3, 3]), reason="answers"),
    Case(
        "verkeerd-type-respondent", "type-respondent.json", "refused",
        content=lambda doc, good: dumps(doc | {"respondent": {"id": 12345}}), reason="respondent",
    ),
    Case(
        "onbekend-item", "onbekend-item.json", "valid", content=with_answer("Z99", 3), note="onbekend",
        why="an answer to an item the kader does not have (another kader version): counted, with a note",
    ),
    Case(
        "nieuwere-schemaversie", "nieuwer.json", "refused", content=with_fields(schema_version=2),
        reason="nieuwere versie", why="made by a newer ictbekwaam",
    ),
    Case(
        "ander-kader", "ander-kader.json", "refused",
        content=lambda doc, good: dumps(doc | {"framework": doc["framework"] | {"id": "een-ander-kader"}}),
        reason="ander kader", profile_outcome="either",
        why="made with another kader: report skips it, so validate must not call it valid (profile may show it)",
    ),
    Case(
        "voorbeeld-geen-kerntaak", "voorbeeld-z.json", "refused",
        content=with_fields(evidence={"Z": {"voorbeeld": "x", "meerwaarde": ""}}), reason="geen kerntaak",
        why="an example under a key that is no kerntaak: report must skip it as validate refuses it",
    ),
    Case("geen-resultaat-object", "object.json", "refused", content=lambda doc, good: b'{"a": 1}', why='{"a": 1}'),
    Case("geen-resultaat-lijst", "lijst.json", "refused", content=lambda doc, good: b"[]", why="[]"),
    Case("geen-resultaat-tekst", "tekst.json", "refused", content=lambda doc, good: b'"text"', why='"text"'),
    # Dates no result can have.
    dated("datum-toekomst", "toekomst.json", "2099-06-01T12:00:00+02:00", "2099-06-01T12:00:00+02:00", "created_at|updated_at", "dated 2099"),
    dated("datum-jaar-1", "jaar1.json", "0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00+00:00", "created_at|updated_at", "dated in the year 1"),
    dated("datum-voor-2000", "1999.json", "1999-12-31T12:00:00+00:00", "1999-12-31T12:00:00+00:00", "created_at|updated_at", "dated 31 December 1999"),
    dated(
        "bijgewerkt-voor-begin", "bijgewerkt.json", "2026-03-12T14:30:00+01:00", "2026-03-11T09:00:00+01:00", "updated_at",
        "updated_at a day before created_at",
    ),
    Case(
        "klok-iets-voor", "klok.json", "valid",
        content=lambda doc, good: dumps(doc | {"created_at": soon(-1), "updated_at": soon(12)}),
        why="saved 12 hours 'ahead' (another time zone, a clock a bit fast): within a day, so valid",
    ),
    # Zip archives.
    Case(
        "zip-pad-erbuiten", "slip.zip", "either", kind="zip", make=make_slip_zip, members=("../evil.json",),
        why="a member named ../evil.json (a valid result): read in memory or refused, never unpacked",
    ),
    Case(
        "zip-bom", "bom.zip", "refused", kind="zip", make=make_bomb, members=("bomb.json",), isolate=True,
        why="one member of 200 MB of zeros, packed more than 200 times",
    ),
    Case(
        "zip-in-zip", "dubbel.zip", "refused", kind="zip", make=make_zip_in_zip, members=("binnen.zip",),
        why="a zip holding only a zip: not opened, but named (not silently ignored)",
    ),
    Case(
        "zip-dubbele-naam", "dubbele-naam.zip", "refused", kind="zip", make=make_duplicate_zip, members=("a.json",),
        reason="meer dan eens", why="two members named a.json (two teachers): zipfile gives only the last",
    ),
    Case(
        "zip-kapot", "kapot.zip", "refused", kind="zip", content=lambda doc, good: b"PK\x03\x04" + bytes(200),
        why="not a zip archive, though named as one",
    ),
)


def billion_laughs() -> bytes:
    """The "billion laughs": 9 levels of 9 aliases, about 400 bytes that expand to 9**9 (387 million) strings."""
    names = "abcdefghi"
    lines = [f'{names[0]}: &{names[0]} ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for before, name in zip(names, names[1:]):
        lines.append(f"{name}: &{name} [" + ", ".join(f"*{before}" for _ in range(9)) + "]")
    return ("\n".join(lines) + "\n").encode()


HARMLESS_ALIAS = b"""\
doelen:
  naam: Doelen met een anker
  standaard: &niveau 3
  basisvaardigheden: ja
  kerntaken: {A: *niveau, C: *niveau}
"""

YAML_CASES: tuple[Case, ...] = (
    Case(
        "yaml-billion-laughs", "lachen.yaml", "refused", kind="yaml", content=lambda doc, good: billion_laughs(),
        isolate=True, why="~400 bytes of aliases that expand to 387 million strings",
    ),
    Case(
        "yaml-alias-naar-zichzelf", "zichzelf.yaml", "refused", kind="yaml",
        content=lambda doc, good: b"a: &a [*a]\n", isolate=True, why="an alias inside its own anchor: an endless list",
    ),
    Case(
        "yaml-diep-flow", "diep-flow.yaml", "refused", kind="yaml",
        content=lambda doc, good: b"doelen: " + b"[" * YAML_DEPTH + b"]" * YAML_DEPTH + b"\n",
        isolate=True, why=f"{YAML_DEPTH} nested flow lists",
    ),
    Case(
        "yaml-diep-blok", "diep-blok.yaml", "refused", kind="yaml",
        content=lambda doc, good: "".join(" " * i + f"k{i}:\n" for i in range(1200)).encode() + b" " * 1200 + b"x\n",
        isolate=True, why="1,200 nested block mappings (one space of indentation each)",
    ),
    Case(
        "yaml-datum-bestaat-niet", "datum.yaml", "refused", kind="yaml",
        content=lambda doc, good: b"doelen:\n  naam: 2025-13-45\n", why="a date PyYAML cannot build (ValueError)",
    ),
    Case(
        "yaml-getal-5000-cijfers", "getal.yaml", "refused", kind="yaml",
        content=lambda doc, good: b"doelen:\n  standaard: " + b"9" * 5000 + b"\n", why="an integer Python will not parse",
    ),
    Case(
        "yaml-te-veel-waarden", "breed.yaml", "refused", kind="yaml",
        content=lambda doc, good: b"a: [" + b"[], " * 250_000 + b"]\n", isolate=True,
        why="1 MB of 250,000 empty lists: a tree of a GB if composed",
    ),
    Case(
        "yaml-onschuldig-anker", "anker.yaml", "valid", kind="yaml", content=lambda doc, good: HARMLESS_ALIAS,
        why="a doelen file that uses one anchor twice, as YAML allows: still valid",
    ),
)

ALL_CASES = CASES + YAML_CASES


@dataclass
class Corpus:
    """A built corpus.

    Attributes:
        folder: where the cases are.
        paths: case name -> its path (cases this system cannot make are absent).
        good: a valid result file that is not part of any case (the unspoilt document).
    """

    folder: Path
    paths: dict[str, Path] = field(default_factory=dict)
    good: Path | None = None

    def path(self, case: Case) -> Path | None:
        return self.paths.get(case.name)


def build_corpus(folder: Path, kader: Kader, cases: tuple[Case, ...] = ALL_CASES) -> Corpus:
    """Write ``cases`` into ``folder`` (made if needed), from a valid result of ``kader``."""
    folder.mkdir(parents=True, exist_ok=True)
    good = results.encode(base_result(kader))
    doc = json.loads(good)
    corpus = Corpus(folder)
    corpus.good = folder / "origineel.json.txt"  # not .json: never picked up by a folder walk
    corpus.good.write_bytes(good)
    for case in cases:
        path = folder / case.file
        if case.content is not None:
            path.write_bytes(case.content(doc, good))
        elif case.make is not None and case.make(path, doc, good) is False:
            continue
        corpus.paths[case.name] = path
    return corpus
