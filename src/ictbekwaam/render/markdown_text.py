"""Data text for Markdown: shown literally, never read as Markdown or HTML.

Every Markdown file ictbekwaam writes (the team report, the profile, the POP,
the comparison, the kader and the conversation sheet) holds texts from files
that anyone can write: names, school and team, a teacher's own examples, the
statements and questions of a school's own kader or handreiking. Written raw,
``<script>`` is live HTML in many viewers, ``[klik](http://x)`` a link,
``*x*`` emphasis and ``|`` a new table cell. :func:`md` makes such a text
inert; the renderers put it around their own Markdown (headings, bold labels,
tables), which stays as it is.

What :func:`md` does, and only that, so that ordinary prose reads as before:

- white space (a line break, a tab, ``\\r`` too) becomes one space: a text is
  one line, and a table row stays one row. The control characters that Python
  also counts as white space (U+001C–U+001F, U+0085, U+2028, U+2029) are left
  for :func:`ictbekwaam.safe.text`, which shows them as an escape;
- ``<`` and ``>`` become entities: no HTML, no autolink ``<http://…>``,
  no block quote; so does an ``&`` that would begin an entity (``&amp;``,
  ``&#60;``), so that it reads as written. Any other ``&`` ("Kahoot & Quizlet",
  "Abbit & Orphus") is no entity to any viewer and stays as it is: a POP is a
  file the teacher edits, and ``&amp;`` there would be noise;
- ``\\ ` * _ { } [ ] # | ~`` get a backslash: no emphasis, code, link, image,
  heading, table cell or strike-through;
- at the start of the text, what would begin a block: a list item (``-``,
  ``+``, ``1.`` or ``1)`` followed by a space), a rule or a setext underline
  (a line of only ``-`` or ``=``).

Dots, brackets ``( )``, hyphens, ``+1`` and ids such as ``1.1`` are left
alone. Every line of a Markdown document then passes
:func:`ictbekwaam.safe.text` on its way out, so a control or bidi character
shows as ``\\x1b`` or ``\\u202e`` (after :func:`md`: the backslash of that
escape is ictbekwaam's, not the data's).
"""

from __future__ import annotations

import re

__all__ = ["md", "md_lines"]

_SPACE = re.compile(r"[^\S\x1c-\x1f\x85\u2028\u2029]+")
_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")
_LIST = re.compile(r"^(\d+)([.)])(?=\s|$)")
_BLOCK = re.compile(r"^([-+])(?=\s|$)|^([-=])(?=[-=\s]*$)")
_LINE_BREAK = re.compile(r"\r\n|\n")
_ENTITY = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


def md(text: object) -> str:
    """Data text made inert for Markdown, as one line (see the module docstring).

    ``md("<b>*Jan*</b> | [x](http://e)")`` ->
    ``"&lt;b&gt;\\*Jan\\*&lt;/b&gt; \\| \\[x\\](http://e)"``.
    """
    flat = _SPACE.sub(" ", str(text)).strip(" ")
    flat = _ENTITY.sub("&amp;", flat).replace("<", "&lt;").replace(">", "&gt;")
    flat = _SPECIAL.sub(r"\\\1", flat)
    flat = _LIST.sub(r"\1\\\2", flat)
    return _BLOCK.sub(lambda m: "\\" + m.group(), flat, count=1)


def md_lines(text: str) -> list[str]:
    """A text of one or more lines (a paragraph) as Markdown lines, each made inert by :func:`md`.

    The text's own line breaks stay (``\\r\\n`` is one); leading and trailing
    empty lines go.
    """
    lines = [md(line) for line in _LINE_BREAK.split(text)]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines
