"""Markdown from every teacher command and every kader command: text from a file is never live Markdown or HTML.

A name, team or own example like ``<script>alert(1)</script>*[md](http://e)|``
and the same in a school's own kader and handreiking go through ``pop``,
``profile -f markdown``, ``compare -f markdown``, ``kader -f markdown`` and
``gesprek -f markdown``. The Markdown must hold no raw ``<script``, no link
``](http``, no table row broken by a ``|`` or a line break; rendered by a
CommonMark parser it has no script, link, image or emphasis that ictbekwaam
did not write, and the text still reads as it was written.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import msgspec
import pytest
import yaml
from markdown_it import MarkdownIt

from builders import everything, hostile_kader, make_result, write_result
from ictbekwaam.model.result import Context

ATTACK = "<script>alert(1)</script>*[md](http://e)| ![x](http://e/x.png) _em_ `c`"
LINE_BREAK = "regel een\nregel twee | drie"


def to_html(markdown: str) -> str:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(markdown)


def cells(row: str) -> int:
    """The cells of a table row: the pipes not escaped by a backslash, less one."""
    return len(re.findall(r"(?<!\\)(?:\\\\)*\|", row)) - 1


def unbroken_tables(markdown: str) -> int:
    """Every row of every table has as many cells as its header; returns how many rows there are."""
    rows = 0
    header = None
    for line in markdown.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        if header is None:
            header = cells(line)
        assert cells(line) == header, line
        rows += 1
    return rows


def inert(markdown: str, *, tables: bool = True) -> str:
    """The checks every such Markdown must pass; returns the text a reader sees."""
    assert "<script" not in markdown and "<http" not in markdown
    assert not re.search(r"(?<!\\)(?:\\\\)*\]\(", markdown)  # a "](" whose "]" is not escaped: a link
    if tables:
        assert unbroken_tables(markdown) > 2
    rendered = to_html(markdown)
    for live in ("<script", "<img", "<a ", "<em>em</em>"):
        assert live not in rendered, live
    assert all(set(code) <= set("█░·") for code in re.findall(r"<code>(.*?)</code>", rendered))  # ictbekwaam's bars only
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())


def teacher_file(folder: Path, kader, name: str, level: int) -> Path:
    result = make_result(
        kader, everything(kader, level, "deels"), naam=f"Naam {ATTACK}",
        evidence={"A": (f"Voorbeeld {ATTACK}", f"Meerwaarde {LINE_BREAK}"), "B": (f"1. {ATTACK}", "")},
    )
    folder.mkdir(parents=True, exist_ok=True)
    context = Context(school=f"School {ATTACK}", team=f"Team {ATTACK}")
    return write_result(folder / name, msgspec.structs.replace(result, context=context))


@pytest.mark.parametrize(
    "command",
    [["pop", "{new}"], ["profile", "{new}", "--format", "markdown"], ["compare", "{old}", "{new}", "--format", "markdown"]],
    ids=["pop", "profile-markdown", "compare-markdown"],
)
def test_a_hostile_name_team_and_example(run_cli, tmp_path, kader, command):
    old = teacher_file(tmp_path, kader, "oud.json", 1)
    new = teacher_file(tmp_path, kader, "nieuw.json", 2)
    run = run_cli(*(arg.format(old=old, new=new) for arg in command))
    assert run.code == 0, run
    seen = inert(run.out)
    assert f"Naam {ATTACK}" in seen
    if command[0] == "pop":
        assert f"Voorbeeld {ATTACK}" in seen and f"Meerwaarde {' '.join(LINE_BREAK.split())}" in seen
        assert f"1. {ATTACK}" in seen
        assert "| Naam | Naam &lt;script&gt;alert(1)&lt;/script&gt;\\*\\[md\\](http://e)\\| " in run.out


def own_kader(folder: Path) -> tuple[Path, Path]:
    """A school's kader and handreiking with the attack in their texts, and paragraphs that start like a block."""
    kader_file, handreiking_file = hostile_kader(folder, ATTACK)
    data = yaml.safe_load(kader_file.read_text(encoding="utf-8"))
    data["kerntaken"][0]["omschrijving"] = f"# Kop {ATTACK}\n1. lijst\n- punt\n===\n<img src=x onerror=alert(1)>"
    next(v for v in data["voorbeelden"] if v.get("verwijzingen"))["verwijzingen"][0]["url"] = "javascript:alert(1)//<http://e>"
    data["kerntaken"][0]["items"][0]["stelling"] = f"Ik {LINE_BREAK}"
    kader_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return kader_file, handreiking_file


@pytest.mark.parametrize(
    "command",
    [
        ["kader", "--format", "markdown"],
        ["gesprek", "--format", "markdown"],
        ["pop", "{result}"],
        ["profile", "{result}", "--format", "markdown"],
        ["compare", "{result}", "{result}", "--format", "markdown"],
    ],
    ids=["kader-markdown", "gesprek-markdown", "pop", "profile-markdown", "compare-markdown"],
)
def test_a_hostile_kader_and_handreiking(run_cli, tmp_path, kader, command):
    kader_file, handreiking_file = own_kader(tmp_path / "school")
    result = write_result(tmp_path / "r.json", make_result(kader, everything(kader, 1, "nee"), naam="Jan"))
    run = run_cli("--kader", str(kader_file), "--handreiking", str(handreiking_file), *(a.format(result=result) for a in command))
    assert run.code == 0, run
    seen = inert(run.out, tables=command[0] not in ("kader", "gesprek"))
    if command[0] != "gesprek":
        assert f"Ik {ATTACK} stelling" in seen
    if command[0] in ("gesprek", "pop"):
        assert f"Vraag {ATTACK}?" in seen and f"Onderwerp {ATTACK}" in seen
    if command[0] == "kader":
        rendered = to_html(run.out)
        assert "<h1>Kop" not in rendered and "<ol>" not in rendered and "<img" not in rendered
        assert f"# Kop {ATTACK}" in seen and "1. lijst - punt ===" in seen
        assert f"Ik {' '.join(LINE_BREAK.split())}" in seen
    if command[0] in ("profile", "compare"):
        assert f"Ik {' '.join(LINE_BREAK.split())}" in seen
