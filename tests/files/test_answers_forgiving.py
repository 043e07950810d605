"""Answer files that forgive (issue 13): each way a teacher's file went wrong works, or is one Dutch sentence
with the file, the line to change and how; nothing is written then. The file bytes are real: Notepad's UTF-16,
ANSI (Windows-1252) with é and ’, tabs, colons, apostrophes, hashtags, labels and yes/no.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_answers import RID, all_answers, line_of, write_answers

from ictbekwaam.core.interview import clean_text
from ictbekwaam.errors import DataError, Place
from ictbekwaam.files.answers import QUOTE_EXAMPLE, WINDOWS_1252, load_answers, template_text
from ictbekwaam.files.results import read_result
from ictbekwaam.files.yamlerrors import quoted
from ictbekwaam.model.result import Evidence


def refused_run(run_cli, path: Path, data_dir: Path) -> str:
    """The one line of stderr of ``assess --answers path`` that refuses it: exit 1, nothing written."""
    run = run_cli("assess", "--answers", str(path))
    assert run.code == 1, run
    assert not (data_dir / "resultaten").exists()
    assert "Traceback" not in run.err
    lines = run.err.splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith("Fout: ")
    return lines[0].removeprefix("Fout: ")


def saved_result(run_cli, path: Path, data_dir: Path):
    """The result that ``assess --answers path`` saved (exit 0), and its stderr."""
    run = run_cli("assess", "--answers", str(path))
    assert run.code == 0, run
    (saved,) = (data_dir / "resultaten").iterdir()
    return read_result(saved), run.err


def replaced(path: Path, old: str, new: str) -> Path:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


def test_a_tab_for_indentation(run_cli, kader, tmp_path, data_dir):
    path = replaced(write_answers(tmp_path, kader), "\n  BV2: ", "\n\tBV2: ")
    message = refused_run(run_cli, path, data_dir)
    assert message == f"{path}, regel {line_of(path, 'BV2')}: geen geldige YAML: hier staat een tab; gebruik spaties in plaats van tabs"


def test_a_tab_before_the_first_answer(run_cli, kader, tmp_path, data_dir):
    """libyaml's "found character that cannot start any token": the tester's message."""
    path = write_answers(tmp_path, kader)
    path.write_text(re.sub(r"\n +BV1: ", "\n\tBV1: ", path.read_text()))
    message = refused_run(run_cli, path, data_dir)
    assert message == f"{path}, regel {line_of(path, 'BV1')}: geen geldige YAML: hier staat een tab; gebruik spaties in plaats van tabs"


def evidence_line(path: Path) -> int:
    """The line of kerntaak A's ``voorbeeld:``."""
    return line_of(path, "voorbeeld")


def with_example(tmp_path, kader, voorbeeld: str, meerwaarde: str = "") -> Path:
    """An answers file with ``voorbeeld:`` (and ``meerwaarde:``) of kerntaak A written as given, raw."""
    path = write_answers(tmp_path, kader)
    return replaced(path, "    voorbeeld:\n    meerwaarde:\n", f"    voorbeeld: {voorbeeld}\n    meerwaarde: {meerwaarde}\n".replace(": \n", ":\n"))


@pytest.mark.parametrize(
    ("field", "text"),
    [("voorbeeld", "[Kahoot] quiz"), ("meerwaarde", "{Kahoot} quiz"), ("school", "[OBS] De Brug"), ("naam", "[Sam] de Vries")],
)
def test_a_text_that_starts_with_a_bracket(run_cli, kader, tmp_path, data_dir, field, text):
    """Not "springt verder in dan regel 188 ('A:')": the template's comment after 'A:' is no value."""
    path = write_answers(tmp_path, kader)
    path.write_text(re.sub(rf"^(\s*{field}:) *", rf"\1 {text}   ", path.read_text(), count=1, flags=re.M))
    message = refused_run(run_cli, path, data_dir)
    assert message == (
        f"{path}, regel {line_of(path, field)}: geen geldige YAML: een tekst die met {text[0]} begint, zet je tussen dubbele "
        f'aanhalingstekens, zo: {field}: "{text}"'
    )


def test_a_colon_in_an_example(run_cli, kader, tmp_path, data_dir):
    path = with_example(tmp_path, kader, "Les over rekenen: breuken")
    message = refused_run(run_cli, path, data_dir)
    assert message == (
        f"{path}, regel {evidence_line(path)}: geen geldige YAML: de tekst bevat een dubbele punt; zet tekst met een dubbele "
        'punt tussen aanhalingstekens, zo: voorbeeld: "Les over rekenen: breuken"'
    )


def test_an_example_that_starts_with_an_apostrophe_is_named_at_its_own_line(run_cli, kader, tmp_path, data_dir):
    path = with_example(tmp_path, kader, "'s Ochtends een quiz")
    message = refused_run(run_cli, path, data_dir)
    assert message == (
        f"{path}, regel {evidence_line(path)}: geen geldige YAML: de tekst begint met een apostrof ('), en die leest het "
        "bestand als een aanhalingsteken dat nergens wordt gesloten; zet zo'n tekst helemaal tussen dubbele "
        "aanhalingstekens, zo: voorbeeld: \"'s Ochtends een quiz\""
    )


def test_the_fix_the_messages_propose_works(run_cli, kader, tmp_path, data_dir):
    path = with_example(tmp_path, kader, '"\'s Ochtends een quiz"', '"Les over rekenen: breuken"')
    result, err = saved_result(run_cli, path, data_dir)
    assert result.evidence["A"] == Evidence(voorbeeld="'s Ochtends een quiz", meerwaarde="Les over rekenen: breuken")
    assert "Let op" not in err


NOTEPAD = {"naam": "René", "school": "’s-Hertogenbosch: De Brug"}


def notepad_file(tmp_path, kader, encoding: str) -> Path:
    """A filled-in answers file as Notepad saves it: ``encoding`` (with its byte order mark, if it has one)."""
    path = write_answers(tmp_path, kader, naam=NOTEPAD["naam"], school=quoted(NOTEPAD["school"]))
    path.write_bytes(path.read_text(encoding="utf-8").replace("\n", "\r\n").encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_notepads_unicode_and_utf8_with_a_byte_order_mark_are_read(run_cli, kader, tmp_path, data_dir, encoding):
    path = notepad_file(tmp_path, kader, encoding)
    assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xef\xbb")
    result, err = saved_result(run_cli, path, data_dir)
    assert (result.respondent.naam, result.context.school) == (NOTEPAD["naam"], NOTEPAD["school"])
    assert result.answers == all_answers(kader)
    assert "Let op" not in err


def test_an_ansi_file_is_read_with_a_warning_that_names_the_first_letter_to_check(run_cli, kader, tmp_path, data_dir):
    path = notepad_file(tmp_path, kader, "cp1252")
    assert b"Ren\xe9" in path.read_bytes()
    result, err = saved_result(run_cli, path, data_dir)
    assert (result.respondent.naam, result.context.school) == (NOTEPAD["naam"], NOTEPAD["school"])
    assert "één" in template_text(kader).split("\nnaam:")[0]  # in a comment above: not the letter to check
    assert f"Let op: {path}, regel {line_of(path, 'naam')}: {WINDOWS_1252}\n" in err


def test_an_ansi_file_with_an_answer_wrong_is_still_refused_with_that_answer(run_cli, kader, tmp_path, data_dir):
    path = notepad_file(tmp_path, kader, "cp1252")
    path.write_bytes(path.read_bytes().replace(b"  A1: 1", b"  A1: \xe9\xe9n"))
    assert refused_run(run_cli, path, data_dir) == (
        f"{path}, regel {line_of(path, 'A1')}: antwoorden.A1: 'één' is geen niveau van de schaal; kies 1, 2, 3, 4 of nvt"
    )


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("n.v.t.", "nvt"), ("nvt", "nvt"), ("NVT", "nvt"), ("N.V.T", "nvt"), ("Niet van toepassing", "nvt"), ("niet van toepassing", "nvt"),
        ("Bekwaam", 3), ("bekwaam", 3), ("BEKWAAM", 3), ("Nog niet", 1), ("beginnend", 2), ("Voorbeeld voor anderen", 4),
        ('"3"', 3), ("'4'", 4), ("2", 2),
        # As the template lists the levels, or as a teacher copies them from a screen.
        ("3 = Bekwaam", 3), ("2 (Beginnend)", 2), ("4 - Voorbeeld voor anderen", 4), ("nvt = Niet van toepassing", "nvt"),
    ],
)
def test_a_statement_answered_as_a_word_the_tool_shows(run_cli, kader, tmp_path, data_dir, written, meant):
    result, _ = saved_result(run_cli, write_answers(tmp_path, kader, A1=written), data_dir)
    assert result.answers["A1"] == meant


@pytest.mark.parametrize(("written", "meant"), [("Ja", "ja"), ("JA", "ja"), ("ja", "ja"), ("Deels", "deels"), ("NEE", "nee"), ('"nee"', "nee")])
def test_a_basic_skill_answered_as_its_label(run_cli, kader, tmp_path, data_dir, written, meant):
    result, _ = saved_result(run_cli, write_answers(tmp_path, kader, BV1=written), data_dir)
    assert result.answers["BV1"] == meant


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "true", "False", "ja", "nee", "deels"])
def test_a_yes_or_no_for_a_statement_says_what_is_expected(run_cli, kader, tmp_path, data_dir, word):
    path = write_answers(tmp_path, kader, A1=word)
    assert refused_run(run_cli, path, data_dir) == (
        f"{path}, regel {line_of(path, 'A1')}: antwoorden.A1: '{word}' is geen niveau; bij een stelling kies je hoe ver je "
        "bent: 1 (Nog niet), 2 (Beginnend), 3 (Bekwaam) of 4 (Voorbeeld voor anderen), en nvt als de stelling niet bij je werk past"
    )


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "true", "false"])
def test_yes_and_no_never_become_booleans(run_cli, kader, tmp_path, data_dir, word):
    path = write_answers(tmp_path, kader, BV1=word, naam=word, team=word)
    assert refused_run(run_cli, path, data_dir) == (
        f"{path}, regel {line_of(path, 'BV1')}: antwoorden.BV1: '{word}' is geen antwoord op deze vraag; kies ja, deels of nee"
    )
    result, _ = saved_result(run_cli, write_answers(tmp_path, kader, naam=word, team=word), data_dir)
    assert (result.respondent.naam, result.context.team) == (word, word)  # a name is what was written


def test_a_hashtag_that_cut_an_example_short_is_a_warning_with_the_fix(run_cli, kader, tmp_path, data_dir):
    path = with_example(tmp_path, kader, "Ik gebruik #hashtag: quiz")
    result, err = saved_result(run_cli, path, data_dir)
    assert result.evidence["A"].voorbeeld == "Ik gebruik"
    assert err == (
        f"Let op: {path}, regel {evidence_line(path)}: voorbeelden.A.voorbeeld: na de # is de rest van de regel als "
        "commentaar gelezen, dus bewaard is alleen 'Ik gebruik'; bedoel je de # als tekst, zet de hele tekst dan tussen "
        'dubbele aanhalingstekens, zo: voorbeeld: "Ik gebruik #hashtag: quiz"\n'
    )


@pytest.mark.parametrize(
    ("voorbeeld", "kept", "fix"),
    [
        ("\n      Ik gebruik #hashtag in de klas", "Ik gebruik", "Ik gebruik #hashtag in de klas"),  # the text starts on the next line
        ("Eerste regel\n      tweede #regel met meer", "Eerste regel tweede", "Eerste regel tweede #regel met meer"),  # goes on there
    ],
)
def test_a_hashtag_on_a_later_line_of_a_text_is_a_warning_at_that_line(run_cli, kader, tmp_path, data_dir, voorbeeld, kept, fix):
    path = with_example(tmp_path, kader, voorbeeld)
    result, err = saved_result(run_cli, path, data_dir)
    assert result.evidence["A"].voorbeeld == kept
    assert err == (
        f"Let op: {path}, regel {evidence_line(path) + 1}: voorbeelden.A.voorbeeld: na de # is de rest van de regel als "
        f"commentaar gelezen, dus bewaard is alleen '{kept}'; bedoel je de # als tekst, zet de hele tekst dan tussen "
        f'dubbele aanhalingstekens, zo: voorbeeld: "{fix}"\n'
    )


@pytest.mark.parametrize(
    ("voorbeeld", "naam", "warned"),
    [
        ("#hashtag quiz", "", "voorbeelden.A.voorbeeld: na de # is de rest van de regel als commentaar gelezen, dus er is niets bewaard"),
        ("", "Sam #leraar", "naam: na de # is de rest van de regel als commentaar gelezen, dus bewaard is alleen 'Sam'"),
        ("  # nog invullen", "", None),  # a comment, not a text
        ('"Ik gebruik #hashtag"', "", None),  # quoted: the # is text
        ("Ik gebruik#hashtag", "", None),  # no space before the #: text too
        ("", "Sam", None),  # the template's own hint after the name stays a comment
        ("\n      #hashtag quiz", "", "voorbeelden.A.voorbeeld: na de # is de rest van de regel als commentaar gelezen, dus er is niets bewaard"),
        ("\n      # nog invullen\n      # echt", "", None),  # comment lines under an empty value
        ("Mijn les\n      # nog aanvullen", "", None),  # a comment line of its own under a text
        ('\n      "Ik gebruik #hashtag"', "", None),  # quoted on the next line: the # is text
    ],
)
def test_which_comments_are_warned_about(run_cli, kader, tmp_path, data_dir, voorbeeld, naam, warned):
    path = with_example(tmp_path, kader, voorbeeld)
    if naam:
        path.write_text(re.sub(r"^naam: {3}", f"naam: {naam}", path.read_text(), flags=re.M))
        assert f"naam: {naam}" in path.read_text() and "# Je naam" in path.read_text()
    _, err = saved_result(run_cli, path, data_dir)
    if warned is None:
        assert err == ""
    else:
        assert warned in err and err.count("Let op") == 1


def test_an_answer_moved_to_the_start_of_the_line_is_named_at_its_own_line(run_cli, kader, tmp_path, data_dir):
    """Not the line after it, with the advice to move that one too."""
    path = replaced(write_answers(tmp_path, kader), "\n  B3: ", "\nB3: ")
    assert refused_run(run_cli, path, data_dir) == (
        f"{path}, regel {line_of(path, 'B3')}: geen geldige YAML: zet 'B3:' even ver in als de andere vragen (2 spaties)"
    )


def test_a_deleted_answer_is_named_where_it_belongs(run_cli, kader, tmp_path, data_dir):
    path = write_answers(tmp_path, kader)
    b2 = line_of(path, "B2")
    path.write_text(re.sub(r"^  B3: .*\n", "", path.read_text(), flags=re.M))
    assert refused_run(run_cli, path, data_dir) == (
        f"{path}, regel {b2}: antwoorden.B3: B3 ontbreekt (hoort na regel {b2}, onder B2); voeg een regel 'B3:' met je antwoord toe"
    )


def test_a_deleted_first_answer_belongs_under_antwoorden(kader, tmp_path):
    path = write_answers(tmp_path, kader)
    path.write_text(re.sub(r"^  BV1: .*\n", "", path.read_text(), flags=re.M))
    with pytest.raises(DataError) as error:
        load_answers(path, kader, RID)
    line = line_of(path, "antwoorden")
    assert error.value.problems == [
        (Place(path, "antwoorden.BV1", line), f"BV1 ontbreekt (hoort direct onder 'antwoorden:' op regel {line}); voeg een regel 'BV1:' met je antwoord toe")
    ]


def test_no_answers_at_all_is_one_sentence(kader, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("naam: Sam\n")
    with pytest.raises(DataError) as error:
        load_answers(path, kader, RID)
    assert [m for _, m in error.value.problems] == ["de lijst 'antwoorden:' met een antwoord per vraag ontbreekt"]


def test_answers_without_a_space_after_the_colon(kader, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("antwoorden:\n  BV1:ja\n  BV2:nee\n")
    with pytest.raises(DataError) as error:
        load_answers(path, kader, RID)
    assert error.value.problems == [
        (Place(path, "antwoorden", 1), "de antwoorden lezen als één tekst: na de dubbele punt van elke vraag hoort een spatie (zo: BV1: ja)")
    ]


def test_the_template_explains_the_quoting_rule_with_an_example_that_works(kader):
    text = template_text(kader)
    assert f"#       voorbeeld: {quoted(QUOTE_EXAMPLE)}\n" in text
    assert '#   Staat er in de tekst zelf een " of een \\, schrijf die dan als \\" of \\\\.\n' in text
    assert "# - Spring in met spaties, niet met tabs.\n" in text
    assert "#   Een niveau mag als getal of als woord (3 of Bekwaam).\n" in text
    assert yaml.safe_load(f"voorbeeld: {quoted(QUOTE_EXAMPLE)}") == {"voorbeeld": QUOTE_EXAMPLE}


# Text a teacher can type or paste on one line: no control characters, line breaks or unassigned code points.
TYPED = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn")), max_size=120)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(voorbeeld=TYPED, naam=TYPED.map(lambda t: t[:60]))
def test_any_text_written_by_the_templates_quoting_rule_reads_back(kader, tmp_path, voorbeeld, naam):
    path = with_example(tmp_path, kader, quoted(voorbeeld))
    path.write_text(re.sub(r"^naam: {3}", lambda _: f"naam: {quoted(naam)}", path.read_text(), flags=re.M))
    answers = load_answers(path, kader, RID)
    expected = clean_text(voorbeeld, multiline=True)
    assert (answers.result.evidence["A"].voorbeeld if expected else None) == (expected or None)
    assert answers.result.respondent.naam == (clean_text(naam) or None)
    assert answers.notes == ()


@pytest.mark.parametrize("written", ["3.0", "1.0", "33", "drie", "3 of 4", "3 = Beginnend", "2 (Bekwaam)", "3 4"])
def test_what_is_not_a_level_stays_refused(run_cli, kader, tmp_path, data_dir, written):
    path = write_answers(tmp_path, kader, A1=written)
    assert refused_run(run_cli, path, data_dir) == (
        f"{path}, regel {line_of(path, 'A1')}: antwoorden.A1: '{written}' is geen niveau van de schaal; kies 1, 2, 3, 4 of nvt"
    )
