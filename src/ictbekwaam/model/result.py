"""The result file: what a teacher's assessment leaves behind.

One JSON document per assessment (drafts have ``complete: false``). It is
personal data under the AVG, so it holds no more than the assessment needs:
an optional name, a random respondent id, the context the teacher chose to
give, the answers by item id and the teacher's own evidence texts.

The layout is versioned (``schema_version``); a reader refuses a newer version
with a clear message instead of guessing. ``schemas/result.schema.json`` is
generated from :class:`Result` (``python -m ictbekwaam.model.result``), and a test
keeps the two equal.
"""

from __future__ import annotations

import inspect
import re
import secrets
import time
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Annotated, Literal, Union

import msgspec

from ictbekwaam import __version__
from ictbekwaam.errors import DataError, Place
from ictbekwaam.model.kader import BASISVAARDIGHEDEN, Kader, fingerprint
from ictbekwaam.model.convert import translate
from ictbekwaam.model.nesting import MAX_JSON_DEPTH, nests_deeper

SCHEMA_ID = "ictbekwaam/result"
SCHEMA_VERSION = 1
MAX_RESULT_BYTES = 1024 * 1024  # a full result is ~5 kB; larger is not one of ours

Sector = Literal["po", "vo", "mbo"]
# The one set of sector labels: the interview's menu, answer files and the team report all show these.
SECTOR_LABELS = {
    "po": "po (primair onderwijs)",
    "vo": "vo (voortgezet onderwijs)",
    "mbo": "mbo (middelbaar beroepsonderwijs)",
}
ShortText = Annotated[str, msgspec.Meta(max_length=200)]
LongText = Annotated[str, msgspec.Meta(max_length=5000)]
AwareDatetime = Annotated[datetime, msgspec.Meta(tz=True)]
# A kerntaak answer is a level (int) or the "niet van toepassing" code; a
# basisvaardigheid answer is a checklist code. Which is valid depends on the kader.
Answer = Union[int, Annotated[str, msgspec.Meta(min_length=1, max_length=40)]]
RESPONDENT_ID_PATTERN = r"^r-[0-9a-f]{32}$"
RespondentId = Annotated[str, msgspec.Meta(pattern=RESPONDENT_ID_PATTERN)]
_RESPONDENT_ID_RE = re.compile(RESPONDENT_ID_PATTERN)


class _Struct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, omit_defaults=False):
    """Base for the result layout."""


class KaderRef(_Struct, kw_only=True):
    """Which kader the answers belong to.

    Attributes:
        id: the kader's ``meta.id``.
        versie: the kader's ``meta.versie``.
        hash: :func:`ictbekwaam.model.kader.fingerprint` of the kader.
    """

    id: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    versie: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
    hash: Annotated[str, msgspec.Meta(pattern=r"^sha256:[0-9a-f]{64}$")]


class Respondent(_Struct, kw_only=True):
    """Who answered.

    Attributes:
        id: random id, kept in the user's data folder per person (per name, see
            :func:`name_key`) and reused for that person, so that progress over
            time and de-duplication work without a name.
        naam: optional name or pseudonym, as the teacher typed it.
    """

    id: RespondentId
    naam: ShortText | None = None


class Context(_Struct, kw_only=True):
    """Optional context the teacher gave (all may be empty)."""

    school: ShortText | None = None
    team: ShortText | None = None
    sector: Sector | None = None
    rol: ShortText | None = None


class Evidence(_Struct, kw_only=True):
    """A teacher's own example of effective ict use for one kerntaak (for the POP).

    Attributes:
        voorbeeld: what they did.
        meerwaarde: what it added.
    """

    voorbeeld: LongText = ""
    meerwaarde: LongText = ""


class Result(_Struct, kw_only=True):
    """One assessment (or a draft of one).

    Attributes:
        schema: always ``"ictbekwaam/result"``: tells our files from others.
        schema_version: layout version; readers refuse newer ones.
        tool_version: the ictbekwaam version that wrote the file.
        kader: the kader the answers belong to (``framework`` in the file).
        created_at: when the assessment was started (with time zone).
        updated_at: when it was last saved.
        complete: True once the teacher confirmed the overview.
        respondent: who answered.
        context: school, team, sector, role (optional).
        answers: item id -> answer; unanswered (skipped) items are absent.
        evidence: kerntaak id -> the teacher's own example and its added value.
        position: for a draft, the question to continue at (0-based).
    """

    schema: Literal["ictbekwaam/result"] = SCHEMA_ID
    schema_version: Annotated[int, msgspec.Meta(ge=1, le=SCHEMA_VERSION)] = SCHEMA_VERSION
    tool_version: Annotated[str, msgspec.Meta(min_length=1, max_length=40)] = __version__
    # The file calls it "framework" (schema version 1); the code says kader, as everywhere.
    kader: KaderRef = msgspec.field(name="framework")
    created_at: AwareDatetime
    updated_at: AwareDatetime
    complete: bool = False
    respondent: Respondent
    context: Context = Context()
    answers: dict[Annotated[str, msgspec.Meta(min_length=1, max_length=40)], Answer] = {}
    evidence: dict[Annotated[str, msgspec.Meta(min_length=1, max_length=40)], Evidence] = {}
    position: Annotated[int, msgspec.Meta(ge=0)] = 0


def now() -> datetime:
    """The current time, with the local time zone."""
    return datetime.now(timezone.utc).astimezone()


EARLIEST = datetime(2000, 1, 1)  # no result of this tool can be older (in the time zone it was written in)
CLOCK_SLACK = timedelta(days=1)  # clocks and time zones differ; more than a day ahead cannot be true


def date_problems(result: Result, at: datetime | None = None) -> list[tuple[str, str]]:
    """(path, Dutch reason) for each date in ``result`` that cannot be true at ``at`` (default: now).

    A date before 2000, a date more than a day after ``at``, and ``updated_at``
    before ``created_at`` are refused: such a result would silently win (or
    lose) "the newest result of this respondent" in a team report.
    """
    created, updated = result.created_at, result.updated_at
    if at is None and created.tzinfo is updated.tzinfo:
        earliest, latest_here = _bounds_in(created.tzinfo)
        if earliest <= created <= updated <= latest_here:
            return []  # the common case: three fast comparisons (this runs for every file of a team)
    latest = (at or datetime.now(timezone.utc)) + CLOCK_SLACK
    problems = []
    for path, stamp in (("created_at", created), ("updated_at", updated)):
        if stamp.replace(tzinfo=None) < EARLIEST:
            problems.append((path, f"{_day(stamp)} ligt vóór 2000; zo oud kan een resultaat niet zijn"))
        elif stamp > latest:
            problems.append(
                (path, f"{_day(stamp)} ligt in de toekomst; stond de klok van de computer goed toen dit werd opgeslagen?")
            )
    if not problems and updated < created:
        problems.append(("updated_at", f"{_day(updated)} ligt vóór het begin van de zelfevaluatie (created_at {_day(created)})"))
    return problems


_BOUNDS: dict[tuple[object, int], tuple[datetime, datetime]] = {}


def _bounds_in(tz: object) -> tuple[datetime, datetime]:
    """:data:`EARLIEST` and now plus :data:`CLOCK_SLACK` (now rounded up to the minute), in the time zone ``tz``.

    Why: comparing two datetimes with the *same* tzinfo object is a plain field
    comparison; with different ones (a file's +01:00 against UTC) each
    comparison asks both for their offset, three times slower. msgspec gives
    every date with the same offset the same tzinfo object, so the bounds are
    made once per offset (and minute) and reused for every file.
    """
    minute = int(time.time() // 60) + 1
    key = (tz, minute)
    bounds = _BOUNDS.get(key)
    if bounds is None:
        if len(_BOUNDS) > 64:
            _BOUNDS.clear()
        latest = datetime.fromtimestamp(minute * 60, timezone.utc) + CLOCK_SLACK
        bounds = _BOUNDS[key] = (EARLIEST.replace(tzinfo=tz), latest.astimezone(tz))  # type: ignore[arg-type]
    return bounds


def _day(stamp: datetime) -> str:
    # To the minute, unless the seconds are what tells two times apart.
    spec = "milliseconds" if stamp.microsecond else "seconds" if stamp.second else "minutes"
    return stamp.isoformat(timespec=spec)


def new_respondent_id() -> str:
    """A fresh random respondent id (no personal data in it)."""
    return "r-" + secrets.token_hex(16)


def is_respondent_id(text: str) -> bool:
    """Whether ``text`` is a respondent id: ``r-`` and 32 lowercase hex digits."""
    return _RESPONDENT_ID_RE.fullmatch(text) is not None


def name_key(naam: str | None) -> str:
    """A name as names are compared: NFKC, one space between words, case folded; "" for no name.

    "Sam  de Vries", " sam de vries", "SAM DE VRIES" and "Sam\u200b de Vries" are one person; the
    respondent id follows this key (``assess``), and ``report`` and ``compare``
    tell people apart by it.
    """
    if not naam:
        return ""
    if naam.isascii() and naam.isprintable() and "  " not in naam and naam[0] != " " != naam[-1]:
        return naam.lower()  # the same, twice as fast: ``report`` does this for every file
    # Invisible format characters (a zero-width space pasted with a name) make no other person.
    visible = "".join(ch for ch in unicodedata.normalize("NFKC", naam) if unicodedata.category(ch) != "Cf")
    return " ".join(visible.split()).casefold()


def kader_ref(kader: Kader) -> KaderRef:
    """The reference to ``kader`` that a result stores."""
    return KaderRef(id=kader.meta.id, versie=kader.meta.versie, hash=fingerprint(kader))


def new_result(kader: Kader, respondent_id: str, *, naam: str | None = None, context: Context | None = None) -> Result:
    """An empty draft for ``kader``."""
    stamp = now()
    return Result(
        kader=kader_ref(kader),
        created_at=stamp,
        updated_at=stamp,
        respondent=Respondent(id=respondent_id, naam=naam),
        context=context or Context(),
    )


_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(Result)


def encode(result: Result) -> bytes:
    """The result as indented UTF-8 JSON (as stored on disk)."""
    return msgspec.json.format(_ENCODER.encode(result), indent=2) + b"\n"


def decode(data: bytes, file: Path | str | None = None) -> Result:
    """Parse and validate a result document; DataError (Dutch, with the place) if it is not one.

    Any bytes at all give either a Result or a DataError, never another exception.
    Besides the layout, the dates must be possible (see :func:`date_problems`).
    """
    try:
        # The typed decoder never nests deeper than the layout (4 levels): an unknown field or a
        # list where an object belongs stops it at once. Only the header check below skips over
        # unknown values, so the nesting guard comes before that (and stays off the fast path).
        result = _DECODER.decode(data)
    except msgspec.ValidationError as exc:
        if nests_deeper(data):
            raise _too_deep(file) from None
        _check_header(data, file)
        text, path = translate(str(exc))
        raise DataError(Place(file, path), text) from None
    except msgspec.DecodeError as exc:
        raise _syntax_error(data, exc, file) from None
    except UnicodeDecodeError:  # msgspec checks UTF-8 inside strings with Python's codec
        raise _not_utf8(data, file) from None
    except RecursionError:  # unbalanced and deep ("[[[[..."): the stack ran out before the end did
        raise _too_deep(file) from None
    for path, message in date_problems(result):
        raise DataError(Place(file, path), message)
    return result


def _too_deep(file: Path | str | None) -> DataError:
    return DataError(Place(file), f"te diep genest (meer dan {MAX_JSON_DEPTH} niveaus van lijsten of objecten); dit is geen resultaatbestand")


_NOT_UTF8 = "geen geldige UTF-8-tekst; sla het bestand op als UTF-8"
_DECODE_PROBLEMS = (
    ("trailing characters", "er staat nog tekst na het einde van de JSON"),
    ("object keys must be strings", "een sleutel moet tussen aanhalingstekens staan"),
    ("expected ','", "er ontbreekt een komma"),
    ("expected ':'", "er ontbreekt een dubbele punt"),
    ("invalid escape", "een ongeldige escape (\\) in een tekst"),
    ("invalid character", "een teken dat hier niet hoort"),
)


def _not_utf8(data: bytes, file: Path | str | None) -> DataError | None:
    """A DataError naming the line of the first byte that is not UTF-8; None when all of it is."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as bad:
        return DataError(Place(file, line=data[: bad.start].count(b"\n") + 1), _NOT_UTF8)
    return None


def _syntax_error(data: bytes, exc: msgspec.DecodeError, file: Path | str | None) -> DataError:
    """A Dutch DataError for bytes that are not JSON, with the line where msgspec stopped."""
    if not data.strip():
        return DataError(Place(file), "het bestand is leeg")
    if data.startswith(b"PK\x03\x04"):
        return DataError(Place(file), "dit is een zip-archief, geen resultaatbestand; report en validate lezen de resultaten erin")
    if b"\x00" in data:
        return DataError(Place(file), "dit is geen tekstbestand (bevat binaire gegevens)")
    message = str(exc)
    if "truncated" in message:
        return DataError(Place(file), "het bestand is afgebroken (onvolledige JSON)")
    bad_text = _not_utf8(data, file)
    if bad_text is not None:
        return bad_text
    at = re.search(r"\(byte (\d+)\)", message)
    line = data[: int(at[1])].count(b"\n") + 1 if at else None
    problem = next((dutch for english, dutch in _DECODE_PROBLEMS if english in message), None)
    return DataError(Place(file, line=line), f"geen geldige JSON: {problem}" if problem else "geen geldige JSON")


class _Header(msgspec.Struct):
    schema: object = None
    schema_version: object = None


def _check_header(data: bytes, file: Path | str | None) -> None:
    """Give a clear message for files that are not ours or are from a newer version."""
    try:
        header = msgspec.json.decode(data, type=_Header)
    except msgspec.ValidationError:
        raise DataError(Place(file), "dit is geen resultaatbestand van ictbekwaam (verwacht een JSON-object)") from None
    except RecursionError:
        raise _too_deep(file) from None
    except msgspec.DecodeError as exc:  # a syntax error after the first unknown field
        raise _syntax_error(data, exc, file) from None
    except UnicodeDecodeError:
        raise _not_utf8(data, file) from None
    if header.schema != SCHEMA_ID:
        raise DataError(Place(file, "schema"), "dit is geen resultaatbestand van ictbekwaam")
    version = header.schema_version
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise DataError(
            Place(file, "schema_version"),
            f"gemaakt met een nieuwere versie van ictbekwaam (schemaversie {version}, deze versie kent "
            f"tot en met {SCHEMA_VERSION}); werk ictbekwaam bij",
        )


def is_result_document(data: bytes) -> bool:
    """Whether ``data`` says it is a result (a draft included), valid or not."""
    if nests_deeper(data):
        return False
    try:
        header = msgspec.json.decode(data, type=_Header)
    except (msgspec.DecodeError, msgspec.ValidationError, UnicodeDecodeError, RecursionError):
        return False
    return header.schema == SCHEMA_ID


class AnswerCheck(msgspec.Struct, frozen=True):
    """How a result's answers fit a kader.

    Attributes:
        problems: (path, message) for invalid values of known items.
        unknown: answered item ids the kader does not have (e.g. another version).
        missing: item ids of the kader without an answer.
    """

    problems: list[tuple[str, str]]
    unknown: list[str]
    missing: list[str]


def check_answers(result: Result, kader: Kader) -> AnswerCheck:
    """Check every answer's value against the kader's scale and checklist."""
    levels = set(kader.level_values())
    nvt = kader.schaal.niet_van_toepassing.code
    codes = set(kader.checklist_codes())
    sections = {i.id: BASISVAARDIGHEDEN for i in kader.basisvaardigheden.items}
    for kerntaak in kader.kerntaken:
        sections.update({i.id: kerntaak.id for i in kerntaak.items})
    problems: list[tuple[str, str]] = []
    unknown: list[str] = []
    for item_id, value in result.answers.items():
        section = sections.get(item_id)
        if section is None:
            unknown.append(item_id)
        elif section == BASISVAARDIGHEDEN:
            if value not in codes:
                problems.append((f"answers.{item_id}", f"{value!r} is geen optie van de checklist ({', '.join(sorted(codes))})"))
        elif isinstance(value, bool) or not (value in levels or value == nvt):
            allowed = ", ".join(str(v) for v in sorted(levels))
            problems.append((f"answers.{item_id}", f"{value!r} is geen niveau van de schaal ({allowed} of {nvt})"))
    kerntaak_ids = {k.id for k in kader.kerntaken}
    for key in result.evidence:
        if key not in kerntaak_ids:
            problems.append((f"evidence.{key}", f"'{key}' is geen kerntaak van het kader"))
    missing = [item_id for item_id in sections if item_id not in result.answers]
    return AnswerCheck(problems, unknown, missing)


def _clean_descriptions(node: object) -> None:
    """Dedent every description taken from a docstring, in place.

    Python 3.13 strips the indentation of docstrings when compiling, older
    versions do not; cleaning them here makes the schema the same on each.
    """
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                node[key] = inspect.cleandoc(value)
            else:
                _clean_descriptions(value)
    elif isinstance(node, list):
        for value in node:
            _clean_descriptions(value)


def json_schema() -> dict:
    """The JSON Schema of the result file, generated from :class:`Result`."""
    schema = msgspec.json.schema(Result)
    _clean_descriptions(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://ictbekwaam.invalid/schemas/result.schema.json"
    schema["title"] = "ictbekwaam-resultaat"
    schema["description"] = (
        "Resultaat van een zelfevaluatie met ictbekwaam, naar het Kader voor ict-bekwaamheid van leraren (Kennisnet)."
    )
    return schema


if __name__ == "__main__":  # regenerate schemas/result.schema.json
    import json
    import sys

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
