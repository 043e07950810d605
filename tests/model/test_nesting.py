"""The nesting guard in front of every JSON parse: exact against a real parser, and fast on any input."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from ictbekwaam.model.nesting import MAX_JSON_DEPTH, nests_deeper


def depth(value: object) -> int:
    """How deep ``value`` nests: a scalar 0, ``[]`` 1, ``[[1]]`` 2."""
    if isinstance(value, list):
        return 1 + max((depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((depth(v) for v in value.values()), default=0)
    return 0


def nested(n: int, inner: str = "1") -> bytes:
    return ("[" * n + inner + "]" * n).encode()


# Text that tries to fool a bracket counter: brackets, quotes and backslashes inside strings.
tricky_text = st.text(alphabet='[]{}"\\ab\n', max_size=8)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | tricky_text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(tricky_text, children, max_size=3),
    max_leaves=40,
)


@given(json_values, st.integers(min_value=0, max_value=8))
def test_it_agrees_with_a_real_parser(value, limit):
    data = json.dumps(value, ensure_ascii=False).encode()
    assert nests_deeper(data, limit) == (depth(value) > limit)


@given(st.integers(min_value=1, max_value=3 * MAX_JSON_DEPTH))
def test_the_limit_is_exact(n):
    assert nests_deeper(nested(n)) == (n > MAX_JSON_DEPTH)
    assert nests_deeper(('{"a":' * n + "1" + "}" * n).encode()) == (n > MAX_JSON_DEPTH)


def test_brackets_in_strings_do_not_count():
    assert not nests_deeper(json.dumps(["[" * 1000, "{" * 1000, '\\"[[[[' * 100]).encode())
    assert not nests_deeper(json.dumps({"voorbeeld": "[" * 5000}).encode())


def test_many_shallow_brackets_are_not_deep():
    assert not nests_deeper(b"[" + b",".join([b"[]"] * 200_000) + b"]")
    assert not nests_deeper(b"[]" * 500_000)


def test_unbalanced_input_is_left_to_the_parser():
    # A truncated file is not "deep"; the parser names it as truncated.
    assert not nests_deeper(b"[" * 1_000_000)
    assert not nests_deeper(b'{"a": {"b": [1, 2')
