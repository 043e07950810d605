"""Issue 10, by mutation: any spoilt result file gives a result or a Dutch DataError, and never costs a good file.

Valid result files are mutated the ways files really break and the ways an
attacker would break them: cut off, bytes flipped, inserted or deleted, a
value wrapped in deep nesting, a field given another type (or a number JSON
cannot hold), a key written twice. Then:

- :func:`ictbekwaam.model.result.decode` and :func:`ictbekwaam.files.results.read_result`
  only ever return a :class:`~ictbekwaam.model.result.Result` or raise
  :class:`~ictbekwaam.errors.DataError`, which names the file and is Dutch;
- :func:`ictbekwaam.files.collect.collect` on a folder with the mutant and one
  good file never raises, always counts the good file, and either counts the
  mutant or lists it in ``rejected`` (nothing is lost silently).

The examples per test come from the project's Hypothesis profile (tests/conftest.py).
"""

from __future__ import annotations

import json
import tempfile
from functools import lru_cache
from pathlib import Path

import msgspec
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import everything, make_result
from english import english_in

from ictbekwaam.errors import DataError
from ictbekwaam.files.collect import collect
from ictbekwaam.files.loader import load_kader
from ictbekwaam.files.results import read_result
from ictbekwaam.model.result import Context, Result, decode, encode

HOLE = "@@mutant@@"


@lru_cache(maxsize=1)
def kader():
    return load_kader()


@lru_cache(maxsize=1)
def originals() -> tuple[bytes, ...]:
    """A few valid result files: complete with everything, a draft with gaps, one with context and examples."""
    k = kader()
    full = make_result(k, everything(k), naam="Anne")
    draft = make_result(k, {"BV1": "ja", "A1": 2, "A3": "nvt"}, complete=False, respondent="r-" + "12" * 16)
    rich = make_result(
        k,
        everything(k, level=4),
        respondent="r-" + "34" * 16,
        naam="Özlem Çelik",
        evidence={k.kerntaken[0].id: ("Een quiz — met “feedback”", "Ik zag meteen wie het snapte.")},
    )
    rich = msgspec.structs.replace(rich, context=Context(school="OBS De Brug", team="bovenbouw", sector="po"))
    return tuple(encode(r) for r in (full, draft, rich))


@lru_cache(maxsize=1)
def good_file() -> bytes:
    """The good file beside each mutant (another respondent than any original)."""
    k = kader()
    return encode(make_result(k, everything(k, level=2), respondent="r-" + "ef" * 16))


# --- mutations ------------------------------------------------------------------------------------

# Values of every JSON type, and raw texts that are not JSON values at all or that no parser should take.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
).map(lambda v: json.dumps(v, ensure_ascii=False))
raw_values = st.sampled_from(
    ["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1" + "0" * 5000, str(10**40), "-0", "0.5", '"\\ud800"', '""', "{}", "[]"]
)
replacement = json_values | raw_values


def paths(doc, prefix=()) -> list[tuple]:
    """Every path to a value inside ``doc`` (keys and indexes), the document itself excluded."""
    found = []
    items = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    for key, value in items:
        here = (*prefix, key)
        found.append(here)
        found.extend(paths(value, here))
    return found


def with_hole(doc, path: tuple):
    """A deep copy of ``doc`` with the value at ``path`` replaced by the :data:`HOLE` marker."""
    doc = json.loads(json.dumps(doc))
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = HOLE
    return doc


def fill(doc, raw: str) -> bytes:
    """``doc`` as indented JSON, its hole filled with the raw JSON text ``raw``."""
    return json.dumps(doc, ensure_ascii=False, indent=2).replace(json.dumps(HOLE), raw).encode("utf-8")


def value_at(doc, path: tuple):
    for key in path:
        doc = doc[key]
    return doc


@st.composite
def mutants(draw) -> bytes:
    original = draw(st.sampled_from(originals()))
    how = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "nest", "retype", "duplicate"]))
    if how == "truncate":
        return original[: draw(st.integers(0, len(original) - 1))]
    if how == "flip":
        at = draw(st.integers(0, len(original) - 1))
        return original[:at] + bytes([original[at] ^ draw(st.integers(1, 255))]) + original[at + 1 :]
    if how == "insert":
        at = draw(st.integers(0, len(original)))
        return original[:at] + draw(st.binary(min_size=1, max_size=8)) + original[at:]
    if how == "delete":
        at = draw(st.integers(0, len(original) - 1))
        return original[:at] + original[at + draw(st.integers(1, 16)) :]
    doc = json.loads(original)
    path = draw(st.sampled_from(paths(doc)))
    if how == "nest":
        depth = draw(st.integers(1, 3000))
        inner = json.dumps(value_at(doc, path), ensure_ascii=False)
        opener, closer = draw(st.sampled_from([("[", "]"), ('{"x":', "}")]))
        return fill(with_hole(doc, path), opener * depth + inner + closer * depth)
    if how == "retype":
        return fill(with_hole(doc, path), draw(replacement))
    # duplicate: the key at ``path`` written twice in its object, the other copy before or after it.
    parent = value_at(doc, path[:-1])
    if not isinstance(parent, dict):
        return fill(with_hole(doc, path), draw(replacement))
    key = path[-1]
    other = draw(replacement)
    entries = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in parent.items()]
    twice = f"{json.dumps(key, ensure_ascii=False)}: {other}"
    entries.insert(draw(st.integers(0, len(entries))), twice)
    text = "{" + ", ".join(entries) + "}"
    return fill(with_hole(doc, path[:-1]), text) if path[:-1] else text.encode("utf-8")


# --- the properties ----------------------------------------------------------------------------------


def assert_dutch_error(exc: DataError, file) -> None:
    text = str(exc)
    assert exc.problems, text
    assert exc.problems[0][0].file == file, text
    assert str(file) in text, text
    english = english_in(text, file)
    assert not english, f"English in {text!r}: {english}"


@given(data=mutants())
def test_decode_gives_a_result_or_a_data_error(data):
    try:
        result = decode(data, "mutant.json")
    except DataError:
        return
    assert isinstance(result, Result)


@given(data=mutants())
def test_decode_errors_are_dutch_and_name_the_file(data):
    try:
        decode(data, "mutant.json")
    except DataError as exc:
        assert_dutch_error(exc, "mutant.json")


@given(data=mutants())
def test_read_result_gives_a_result_or_a_dutch_data_error(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutant.json"
        path.write_bytes(data)
        try:
            result = read_result(path)
        except DataError as exc:
            assert_dutch_error(exc, path)
        else:
            assert isinstance(result, Result)


@settings(max_examples=max(10, settings.default.max_examples // 2))  # a folder and a tally per example: half as many
@given(data=mutants())
def test_collect_never_raises_and_never_loses_a_file(data):
    with tempfile.TemporaryDirectory() as folder:
        mutant = Path(folder) / "mutant.json"
        mutant.write_bytes(data)
        (Path(folder) / "goed.json").write_bytes(good_file())
        collection = collect([folder], kader(), parallel=False)
    rejected = {r.file: r.reason for r in collection.rejected}
    assert collection.files == 2
    assert set(rejected) <= {str(mutant)}, rejected
    # The good file always counts; the mutant counts or is named with a reason.
    assert collection.tally.valid_files == (1 if rejected else 2), (collection.tally.valid_files, rejected)
    for reason in rejected.values():
        assert reason.strip() and "\n" not in reason
        assert not english_in(reason), reason
