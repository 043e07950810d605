"""How deeply JSON bytes nest, worked out without parsing them.

A result file nests four levels deep (result, evidence, kerntaak, text). A file
that nests hundreds of levels is not one of ours, and would make a recursive
parser (msgspec's, Python's) run out of stack: :func:`nests_deeper` tells such
bytes apart before anything parses them, in time linear in the size with a
small constant (a few passes of C string methods, no Python loop per byte).
"""

from __future__ import annotations

import re

MAX_JSON_DEPTH = 64  # a result nests 4 deep; JSON Schema and kader exports stay far below this too

# Only the bytes that matter for nesting: brackets, quotes, backslashes.
_KEEP = b'[]{}"\\'
_DROP = bytes(b for b in range(256) if b not in _KEEP)
_STRING = re.compile(rb'"[^"]*"')


def nests_deeper(data: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the JSON text ``data`` has arrays/objects nested more than ``limit`` deep.

    Brackets inside strings do not count. Unbalanced brackets (a truncated
    file) are not "deep": the parser reports those itself.
    """
    # Fast path, almost always taken: fewer opening brackets than the limit cannot nest deeper.
    if data.count(b"[") + data.count(b"{") <= limit:
        return False
    skeleton = data.translate(None, _DROP)
    # Escaped backslashes first, then escaped quotes, then what remains of other escapes.
    skeleton = skeleton.replace(b"\\\\", b"").replace(b'\\"', b"").replace(b"\\", b"")
    skeleton = _STRING.sub(b"", skeleton)
    # Each round removes the innermost empty pairs: the rounds needed is the depth.
    for _ in range(limit):
        shorter = skeleton.replace(b"[]", b"").replace(b"{}", b"")
        if len(shorter) == len(skeleton):
            return False
        skeleton = shorter
    return b"[]" in skeleton or b"{}" in skeleton
