"""render.markdown_text: the one Markdown escaper. Data text stays text, ordinary prose stays as it is."""

from __future__ import annotations

import html
import re

import msgspec
import pytest
from markdown_it import MarkdownIt

from ictbekwaam import safe
from ictbekwaam.render.markdown_text import md, md_lines

HOSTILE = "<script>alert(1)</script>*[md](http://e)| ![i](http://e/i.png) `code` _em_ **b** ~~s~~ &amp; <http://e> {#id} \\"


def to_html(markdown: str) -> str:
    """CommonMark with GFM tables and strike-through, raw HTML allowed: what a viewer would make of it."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(markdown)


def unescaped(markdown: str) -> str:
    """What a reader sees of escaped text: backslash escapes and entities undone."""
    return html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown))


def test_hostile_text_is_inert_and_reads_back_exactly():
    out = md(HOSTILE)
    assert "<" not in out and "](" not in out.replace("\\]", "")
    assert unescaped(out) == HOSTILE
    rendered = to_html(f"Naam: {out}")
    for live in ("<script", "<a ", "<img", "<em>", "<strong>", "<code>", "<del>", "<s>"):
        assert live not in rendered, live
    assert html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip() == f"Naam: {HOSTILE}"


def test_a_pipe_or_a_line_break_does_not_break_a_table_row():
    text = "een | twee\nregel drie\r\nvier\rvijf\t| zes"
    rendered = to_html(f"| Naam | Waarde |\n|---|---|\n| {md(text)} | x |\n")
    assert rendered.count("<tr>") == 2 and rendered.count("<td>") == 2
    assert "<td>een | twee regel drie vier vijf | zes</td>" in rendered


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. lijst", "1\\. lijst"),
        ("12) lijst", "12\\) lijst"),
        ("- punt", "\\- punt"),
        ("+ punt", "\\+ punt"),
        ("-", "\\-"),
        ("---", "\\---"),
        ("===", "\\==="),
        ("# Kop", "\\# Kop"),
        ("> citaat", "&gt; citaat"),
        ("    code", "code"),
        # Not a block: left alone.
        ("1.1 Titel", "1.1 Titel"),
        ("+0,5 beter", "+0,5 beter"),
        ("-5 graden", "-5 graden"),
        ("= gelijk", "= gelijk"),
        ("ict-bekwaam (2012).", "ict-bekwaam (2012)."),
    ],
)
def test_what_would_begin_a_block_at_the_start(text, expected):
    assert md(text) == expected


@pytest.mark.parametrize("text", ["1. lijst", "- punt", "# Kop", "===", "---", "> citaat", "    code"])
def test_a_line_that_would_begin_a_block_stays_a_paragraph(text):
    assert to_html("\n".join(md_lines(f"Eerste regel\n{text}"))).startswith("<p>Eerste regel\n")


def test_control_characters_are_left_for_safe_text():
    # White space becomes a space; the controls Python also calls white space show as an escape.
    assert safe.text(md("a\x1fb\u2028c\x85d\x1b[2J")) == "a\\x1fb\\u2028c\\x85d\\x1b\\[2J"
    assert md("  a \t b\n") == "a b"


def test_md_lines_keeps_the_line_breaks_of_a_paragraph():
    assert md_lines("\n\n  *Een*\r\n\n1. twee\n---\n\n") == ["\\*Een\\*", "", "1\\. twee", "\\---"]


def test_the_built_in_texts_are_not_changed(kader, handreiking):
    # Ordinary prose reads as before: md changes a text of the built-in kader and handreiking only where
    # a character of its own would be Markdown: the "[…]" that marks words left out of a quotation from
    # the Kader gets backslashes, and the underscore of a field name in the handreiking's remark
    # (raakt_aan) gets one. Nothing else: the "&" of a reference ("Abbit & Orphus, 2008") begins no entity.
    def texts(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for v in value.values() for s in texts(v)]
        if isinstance(value, list):
            return [s for v in value for s in texts(v)]
        return []

    def marked(text: str) -> str:
        return text.replace("[…]", "\\[…\\]").replace("raakt_aan", "raakt\\_aan")

    all_texts = texts(msgspec.to_builtins(kader)) + texts(msgspec.to_builtins(handreiking))
    assert len(all_texts) > 300
    assert [t for t in all_texts if md(t) != marked(" ".join(t.split()))] == []
    assert all(marked(line) == md(line) for t in all_texts for line in t.splitlines() if line == line.strip())
    changed = [t for t in all_texts if md(t) != " ".join(t.split())]
    assert {reason for t in changed for reason in ("[…]", "raakt_aan") if reason in t} == {"[…]", "raakt_aan"}
    assert any("Abbit & Orphus" in md(t) for t in all_texts)
    # And a viewer shows each of them exactly as written.
    for text in changed:
        shown = html.unescape(re.sub(r"<[^>]+>", "", to_html(md(text)))).strip()
        assert shown == " ".join(text.split()), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kahoot & Quizlet", "Kahoot & Quizlet"),
        ("R&D", "R&D"),
        ("&amp; en &#60; en &#x3C; en &copy;", "&amp;amp; en &amp;\\#60; en &amp;\\#x3C; en &amp;copy;"),
        ("& ;", "& ;"),
    ],
)
def test_an_ampersand_is_escaped_only_where_it_would_begin_an_entity(text, expected):
    assert md(text) == expected
    assert html.unescape(re.sub(r"<[^>]+>", "", to_html(md(text)))).strip() == text
