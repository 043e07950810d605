"""How deeply JSON bytes nest, worked out without parsing them.

A result file nests four levels deep (result, evidence, kerntaak, text). A file
that nests hundreds of levels is not one of ours, and would make a recursive
parser (msgspec's, Python's) run out of stack: :func:`nests_deeper` tells such
bytes apart without parsing them, in time linear in the size with a small
constant (a few passes of C string methods, no Python loop per byte). It runs
before any parse that skips over unknown values (those recurse); the typed
decoder of a result stops at the first unknown field and needs no guard.
"""

from __future__ import annotations

import re

MAX_JSON_DEPTH = 64  # a result nests 4 deep; JSON Schema and kader exports stay far below this too

# Only the bytes that matter for nesting once escapes are gone: brackets and quotes.
_KEEP = b'[]{}"'
_DROP = bytes(b for b in range(256) if b not in _KEEP)
# Objects nest like arrays: "{" and "}" become "[" and "]", so one replace() of "[]" removes one level.
_AS_ARRAYS = bytes.maketrans(b"{}", b"[]")
_STRING = re.compile(rb'"[^"]*"')


def nests_deeper(data: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the JSON text ``data`` has arrays/objects nested more than ``limit`` deep.

    Brackets inside strings do not count. Unbalanced brackets (a truncated
    file) are not "deep": the parser reports those itself.
    """
    # Fast path, almost always taken: fewer opening brackets than the limit cannot nest deeper.
    if data.count(b"[") + data.count(b"{") <= limit:
        return False
    # Escapes go first, on the full text (a backslash pairs with the byte after it): escaped
    # backslashes, then escaped quotes. Then only brackets and quotes are kept, and strings dropped.
    skeleton = data.replace(b"\\\\", b"").replace(b'\\"', b"").translate(_AS_ARRAYS, _DROP)
    skeleton = _STRING.sub(b"", skeleton)
    # Each round removes the innermost empty pairs (replace() does not rescan what it made): the
    # rounds needed is the depth.
    for _ in range(limit):
        shorter = skeleton.replace(b"[]", b"")
        if len(shorter) == len(skeleton):
            return False
        skeleton = shorter
    return b"[]" in skeleton
