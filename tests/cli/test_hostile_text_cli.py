"""Markup and control characters in every field, through every command and format: shown literally, never obeyed.

Each attack of ``builders.ATTACKS`` (``Onderbouw [/]``, ``\\x1b[2J``, an OSC 8
link, ``\\r``, U+202E, NUL, ...) is put in every text a file can bring: the
name, school, team and own examples of a result, the name of a file that is
skipped, the statements, labels and questions of a school's own kader and
handreiking. Then every command and format runs on it. Each must end as it
normally does (never a ``MarkupError``), show the text literally (markup
verbatim, a control character as a visible escape such as ``\\x1b``) and let
no raw control or bidi character out, on the screen, on stderr or in a file.
JSON keeps the data exactly.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import msgspec
import pytest
import yaml
from markupsafe import escape as html_escape

from builders import ATTACKS, MARKERS, MARKUP, everything, hostile_kader, leftover_controls, make_result, write_result
from ictbekwaam.model.result import Context
from ictbekwaam.render.markdown_text import md

IDS = list(ATTACKS)
MARKDOWN = ("profile-markdown", "compare-markdown", "pop", "kader-markdown", "gesprek-markdown", "report-markdown")
"""The commands below whose output is Markdown: data text escaped by ``md``, one line (``\\r`` a space)."""


def file_part(text: str) -> str:
    """``text`` as it can be in a file name (no ``/``, no NUL)."""
    return text.replace("/", "|").replace("\x00", "0")


def one_line(text: str) -> str:
    """What the team report keeps of a name or a group label (white space, ``\\r`` too, made one space)."""
    return " ".join(text.split())


def results(folder: Path, kader, text: str, *, level: int = 3, code: str = "ja") -> Path:
    """Five complete results with ``text`` in name, school, team and own example, and one broken file named with it."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(5):
        result = make_result(
            kader, everything(kader, level, code), respondent="r-" + f"{n:02x}" * 16, naam=f"Naam {text}",
            evidence={"A": (f"Voorbeeld {text}", f"Meerwaarde {text}")},
        )
        write_result(folder / f"r{n}.json", msgspec.structs.replace(result, context=Context(school=f"School {text}", team=text)))
    (folder / f"kapot {file_part(text)}.json").write_text("{", encoding="utf-8")
    return folder


def inert(*outputs: str, allowed: str = "\n") -> None:
    """No raw control or bidi character in any of ``outputs``."""
    for output in outputs:
        left = leftover_controls(output, allowed)
        assert not left, f"raw {sorted(set(left))!r} in {output[:300]!r}"


def shown(output: str, attack: str, verbatim: str, *, cr: str | None = "\\r") -> None:
    """The attack is visible in ``output``: markup ``verbatim``, a control character as its escape (``cr``: how ``\\r`` looks)."""
    flat = "".join(output.split())  # rich wraps long lines, and folds a long word (a path) anywhere
    if attack in MARKUP:
        assert "".join(verbatim.split()) in flat, verbatim
    elif attack == "cr":
        if cr is not None:
            assert "".join(cr.split()) in flat
    else:
        assert MARKERS[attack] in flat


def strings(data: object) -> list[str]:
    """Every string in decoded JSON."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in (k, *strings(v))]
    if isinstance(data, list):
        return [s for v in data for s in strings(v)]
    return []


# -- the coach: report ------------------------------------------------------------------


@pytest.mark.parametrize("attack", IDS)
def test_report_on_screen(run_cli, tmp_path, kader, attack):
    text = ATTACKS[attack]
    run = run_cli("report", str(results(tmp_path / "team", kader, text)), "--by", "team", "--namen", "--voorbeelden")
    assert run.code == 0, run
    inert(run.out, run.err)
    shown(run.out, attack, f"Naam {text}", cr=None)  # names are one line in a team report: "\r" is a space there
    shown(run.out, attack, f"Voorbeeld {text}", cr=None)
    assert "Overgeslagen bestanden (1):" in run.out and run.err == ""  # on the coach's screen, by name
    shown(run.out, attack, f"kapot {file_part(text)}.json", cr=None)


@pytest.mark.parametrize("attack", MARKUP)
def test_group_labels_are_shown_verbatim_in_the_group_tables(tmp_path, kader, attack):
    # The CLI's 80 columns fold a long label inside its column; a wide console shows it on one line.
    from rich.console import Console

    from ictbekwaam.core.team.profile import build_profile
    from ictbekwaam.files.collect import collect
    from ictbekwaam.files.doelen import load_doelen
    from ictbekwaam.render.team.terminal import report_renderable

    text = ATTACKS[attack]
    collection = collect([results(tmp_path / "team", kader, text)], kader, by="team")
    profile = build_profile(collection.tally, kader, load_doelen(None, kader))
    console = Console(file=io.StringIO(), width=400, color_system=None)
    console.print(report_renderable(profile, collection.rejected))
    headers = [line for line in console.file.getvalue().splitlines() if "Heel het team" in line]
    assert len(headers) == 2 and all(f"School {text} · {text}" in line for line in headers)


@pytest.mark.parametrize("namen", [False, True], ids=["zonder-namen", "met-namen"])
@pytest.mark.parametrize("attack", IDS)
def test_report_as_a_text_file(run_cli, tmp_path, kader, attack, namen):
    text = ATTACKS[attack]
    out = tmp_path / "rapport.txt"
    run = run_cli("report", str(results(tmp_path / "team", kader, text)), "--by", "team", "--voorbeelden", "-o", str(out),
                  *(["--namen"] if namen else []))
    assert run.code == 0, run
    content = out.read_text(encoding="utf-8")
    inert(content, run.out, run.err)
    shown(content, attack, f"Voorbeeld {text}", cr=None)
    # Skipped files: on the coach's screen (stderr) by name; in the file only with --namen, else their reasons counted.
    assert "kapot" in run.err
    assert ("kapot" in content) is namen
    assert "Overgeslagen bestanden (1):" in content and "hetbestandisafgebroken" in "".join(content.split())
    assert ("Naam" in content) is namen


def test_a_text_file_without_names_counts_the_reasons_of_skipped_files(run_cli, tmp_path, kader):
    folder = results(tmp_path / "team", kader, "Marieke de Boer")
    (folder / "Jan Jansen - zelfevaluatie.json").write_text("{", encoding="utf-8")
    out = tmp_path / "r.txt"
    run = run_cli("report", str(folder), "-o", str(out))
    assert run.code == 0, run
    content = out.read_text(encoding="utf-8")
    assert "Marieke" not in content and "Jan Jansen" not in content
    assert "✗ 2× het bestand is afgebroken (onvolledige JSON)" in content
    assert "Jan Jansen - zelfevaluatie.json" in run.err  # the coach can still find the file


@pytest.mark.parametrize("suffix", [".md", ".html", ".csv", ".json"])
@pytest.mark.parametrize("attack", IDS)
def test_report_exports(run_cli, tmp_path, kader, attack, suffix):
    text = ATTACKS[attack]
    out = tmp_path / f"rapport{suffix}"
    run = run_cli("report", str(results(tmp_path / "team", kader, text)), "--by", "team", "--voorbeelden", "--namen", "-o", str(out))
    assert run.code == 0, run
    content = out.read_text(encoding="utf-8-sig")
    inert(content, run.out, run.err, allowed="\r\n" if suffix == ".csv" else "\n")
    if suffix == ".md":
        shown(content, attack, md(f"Naam {text}"), cr=None)
    elif suffix == ".html":
        shown(content, attack, str(html_escape(f"Naam {one_line(text)}")), cr=None)
    elif suffix == ".csv":  # no names in a CSV; the team is a column
        rows = list(csv.reader(io.StringIO(content)))
        shown("\n".join(row[0] for row in rows), attack, one_line(text), cr=None)
    else:  # JSON: the data exactly as it was
        found = strings(json.loads(content))
        assert f"Naam {one_line(text)}" in found and f"School {one_line(text)} · {one_line(text)}" in found  # the team label
        assert any(s.endswith(f"kapot {file_part(text)}.json") for s in found)


# -- the teacher: profile, pop, compare --------------------------------------------------


def teacher_file(folder: Path, kader, text: str, name: str = "resultaat.json") -> Path:
    result = make_result(kader, everything(kader, 2, "deels"), naam=f"Naam {text}", evidence={"A": (f"Voorbeeld {text}", f"Meerwaarde {text}")})
    folder.mkdir(parents=True, exist_ok=True)
    return write_result(folder / name, msgspec.structs.replace(result, context=Context(school=f"School {text}", team=text)))


TEACHER_COMMANDS = {
    "profile": ["profile", "{new}"],
    "profile-markdown": ["profile", "{new}", "--format", "markdown"],
    "profile-json": ["profile", "{new}", "--format", "json"],
    "pop": ["pop", "{new}"],
    "compare": ["compare", "{old}", "{new}"],
    "compare-markdown": ["compare", "{old}", "{new}", "--format", "markdown"],
    "compare-json": ["compare", "{old}", "{new}", "--format", "json"],
}


@pytest.mark.parametrize("command", list(TEACHER_COMMANDS))
@pytest.mark.parametrize("attack", IDS)
def test_teacher_commands(run_cli, tmp_path, kader, attack, command):
    text = ATTACKS[attack]
    old = teacher_file(tmp_path, kader, text, "oud.json")
    new = teacher_file(tmp_path, kader, text, "nieuw.json")
    run = run_cli(*(arg.format(old=old, new=new) for arg in TEACHER_COMMANDS[command]))
    assert run.code == 0, run
    inert(run.out, run.err)
    if command.endswith("json"):
        assert f"Naam {text}" in strings(json.loads(run.out))
    elif command in MARKDOWN:  # escaped for Markdown, one line: "\r" a space
        shown(run.out, attack, md(f"Naam {text}"), cr="Naam voor na")
    else:
        shown(run.out, attack, f"Naam {text}", cr="\\r")
    if command == "pop":  # the own examples, one line each
        shown(run.out, attack, md(f"Voorbeeld {text}"), cr="Voorbeeld voor na")


# -- a school's own kader and handreiking -------------------------------------------------

KADER_COMMANDS = {
    "kader": ["kader"],
    "kader-markdown": ["kader", "--format", "markdown"],
    "kader-json": ["kader", "--format", "json"],
    "gesprek": ["gesprek"],
    "gesprek-markdown": ["gesprek", "--format", "markdown"],
    "profile": ["profile", "{result}", "--doelen", "{doelen}"],
    "pop": ["pop", "{result}", "--doelen", "{doelen}"],
    "report": ["report", "{team}", "--doelen", "{doelen}"],
    "report-markdown": ["report", "{team}", "--doelen", "{doelen}", "--format", "markdown", "--namen", "-o", "{out}.md"],
    "report-html": ["report", "{team}", "--doelen", "{doelen}", "-o", "{out}.html"],
}


@pytest.mark.parametrize("command", list(KADER_COMMANDS))
def test_a_schools_own_kader_and_handreiking(run_cli, tmp_path, kader, command):
    # Every attack at once in every text of the kader, the handreiking and the school's targets (one run per
    # command: loading YAML costs).
    every = " | ".join(ATTACKS.values())
    kader_file, handreiking_file = hostile_kader(tmp_path / "school", every)
    doelen = tmp_path / "doelen.yaml"
    doelen.write_text(yaml.safe_dump({"doelen": {"naam": f"Doelen {every}"}}, allow_unicode=True), encoding="utf-8")
    team = results(tmp_path / "team", kader, "x", level=1, code="nee")  # below target: priorities with whole statements
    result = teacher_file(tmp_path, kader, "x")
    args = [arg.format(result=result, team=team, out=tmp_path / "uit", doelen=doelen) for arg in KADER_COMMANDS[command]]
    run = run_cli("--kader", str(kader_file), "--handreiking", str(handreiking_file), *args)
    assert run.code == 0, run
    output = run.out + "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("uit.*"))
    inert(output, run.err)
    if command == "kader-json":
        assert f"Ik {every} stelling" in strings(json.loads(output))
        return
    for attack, text in ATTACKS.items():
        if command in MARKDOWN:
            shown(output, attack, md(text), cr="voor na")
        else:
            shown(output, attack, str(html_escape(text)) if command == "report-html" else text, cr="voor\\rna")
    if "{doelen}" in KADER_COMMANDS[command]:
        assert "DoelenOnderbouw[/]|Team[/b]samen|Bovenbouw" in "".join(output.replace("\\", "").split())  # Markdown escapes [ ]


def test_an_answers_template_from_such_a_kader_stays_readable(run_cli, tmp_path):
    kader_file, _ = hostile_kader(tmp_path / "school", " | ".join(ATTACKS.values()))
    template = tmp_path / "antwoorden.yaml"
    run = run_cli("--kader", str(kader_file), "assess", "--template", str(template))
    assert run.code == 0, run
    text = template.read_text(encoding="utf-8")
    inert(text)
    assert "  # BV1. Ik Onderbouw [/] | Team [/b] samen | Bovenbouw [havo/vwo] | [link=http://x]klik[/link]\n" in text
    assert "  # | \\x1b[2J | \\x1b]0;title\\x07 |" in text  # a comment, also after the statement's wrap
    # Filled in nowhere, it is still YAML: the answers are missing, the file is not unreadable.
    run = run_cli("--kader", str(kader_file), "assess", "--answers", str(template))
    bv1 = next(n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith("BV1:"))
    assert run.code == 1 and f"regel {bv1}: antwoorden.BV1: geen antwoord" in run.err and "stuurtekens" not in run.err, run


# -- messages that echo a file name --------------------------------------------------------


@pytest.mark.parametrize("attack", IDS)
def test_validate_lines_and_error_messages(run_cli, tmp_path, kader, attack):
    name = file_part(ATTACKS[attack])
    broken = tmp_path / f"kapot {name}.json"
    broken.write_text("{", encoding="utf-8")
    good = teacher_file(tmp_path, kader, ATTACKS[attack])
    run = run_cli("validate", str(good), str(broken))
    assert run.code == 1, run
    inert(run.out, run.err)
    if attack != "nul":  # a file name cannot hold NUL
        shown(run.out, attack, f"kapot {name}.json: ongeldig", cr=None)
    assert run.err == "Fout: 1 van de 2 bestanden is ongeldig.\n"

    run = run_cli("profile", str(broken))
    assert run.code == 1, run
    inert(run.out, run.err)
    assert run.err.startswith("Fout: ") and run.err.count("\n") == 1
    if attack != "nul":
        shown(run.err, attack, f"kapot {name}.json", cr=None)


def test_a_file_name_that_is_not_utf8_is_shown_escaped_and_written_in_every_format(run_cli, tmp_path, kader):
    # Bytes that are no UTF-8 reach Python as lone surrogates, which cannot be written as UTF-8 at all.
    folder = results(tmp_path / "team", kader, "x")
    with open(bytes(folder) + b"/oud\xff\x1b[2J.json", "wb") as broken:
        broken.write(b"{")
    shown_as = {".txt": "oud\\udcff\\x1b[2J.json", ".md": "oud\\udcff\\x1b\\[2J.json", ".html": "oud\\udcff\\x1b[2J.json",
                ".json": "oud\\udcff\\u001b[2J.json"}  # JSON: escapes of the JSON kind, the same data for a reader
    for suffix, expected in shown_as.items():
        out = tmp_path / f"r{suffix}"
        run = run_cli("report", str(folder), "--namen", "-o", str(out))
        assert run.code == 0, run
        content = out.read_text(encoding="utf-8")
        inert(content, run.err)
        assert expected in "".join(content.split()), suffix
        assert "oud\\udcff\\x1b[2J.json" in run.err
