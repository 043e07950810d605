"""Every text of kader.yaml that speaks for Kennisnet is in the source, verbatim; what ictbekwaam added says so.

The source is ``tests/sources/kader-ict-bekwaamheid-leraren.txt`` (a copy of the text of the PDF).
Matching ignores what the PDF's layout changes: white space, line-break hyphens, bullets, case
and the form of apostrophes and quotation marks. Nothing else: a changed word, a comma or an
inserted "omdat" makes a text not found.
"""

from __future__ import annotations

import re

import pytest

from locations import SOURCES
from ictbekwaam.model.kader import TOEGEVOEGD

ELISION = "[…]"
QUOTE = re.compile(r"“([^”]*)”")

# Every research reference of chapters 1 to 4 in the source's own form (read off the source by hand).
CHAPTER_4_REFERENCES = [
    "Fisser, 2007", "Van Ast, 2010", "Heemskerk, 2010", "Somekh, 2007", "Marzano, 2009", "Oberon, 2010",
    "Benschop, 2005", "van Rijn, 2009", "Meijer, 2009", "EXSO, 2011", "Oomens, 2011", "De Jong, 2009",
    "Abbit & Orphus, 2008", "Leu e.a., 2004", "Weijs, 2010", "Verbeij, 2009",
    "Heemskerk, Meijer, van Eck, Volman, Karssen & Kuiper, 2011", "Wopereis, 2009", "Luyten, Ehren & Meelissen, 2011",
]
EARLIER_REFERENCES = ["OECD, 2010", "Unesco, 2011", "Kennisnet, 2011", "Mediawijzer.net, 2012", "van Deursen, 2010", "ADEF, 2009"]


def squash(text: str) -> str:
    """The text with what a PDF's layout changes taken out (see the module docstring)."""
    text = text.lower()
    text = re.sub(r"[’‘´`']", "'", text)
    text = re.sub(r"[“”„\"]", '"', text)
    return re.sub(r"[\s\-\u00ad\u2013\u2022\ufffd]", "", text)


@pytest.fixture(scope="module")
def source() -> str:
    return squash((SOURCES / "kader-ict-bekwaamheid-leraren.txt").read_text(encoding="utf-8"))


def in_source(text: str, source: str) -> bool:
    """Found verbatim; with "[…]" the parts are found in this order."""
    at = 0
    for part in text.split(ELISION):
        part = squash(part)
        if not part:
            continue
        found = source.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def quotes(text: str) -> list[str]:
    return QUOTE.findall(text)


def verbatim_texts(kader) -> list[tuple[str, str]]:
    """(where, text) of every text the encoding presents as the Kader's own."""
    texts = [("meta.titel", kader.meta.titel)]
    texts += [(f"meta.opmerking “{q}”", q) for q in quotes(kader.meta.opmerking)]
    texts += [(f"schaal.bron “{q}”", q) for q in quotes(kader.schaal.bron)]
    bv = kader.basisvaardigheden
    texts += [("basisvaardigheden.naam", bv.naam), ("basisvaardigheden.omschrijving", bv.omschrijving)]
    texts += [("basisvaardigheden.referenties", r) for r in bv.referenties]
    for kerntaak in kader.kerntaken:
        texts += [(f"kerntaak {kerntaak.id}.naam", kerntaak.naam), (f"kerntaak {kerntaak.id}.omschrijving", kerntaak.omschrijving)]
    for item in kader.all_items():
        texts += [(f"{item.id}.onderdeel", item.onderdeel)] if item.onderdeel else []
        texts += [(f"{item.id}.toelichting “{q}”", q) for q in quotes(item.toelichting)]
        texts += [(f"{item.id}.referenties", r) for r in item.referenties]
    for voorbeeld in kader.voorbeelden:
        where = f"voorbeeld {voorbeeld.id}"
        texts += [(f"{where}.titel", voorbeeld.titel), (f"{where}.omschrijving", voorbeeld.omschrijving)]
        texts += [(f"{where}.referenties", r) for r in voorbeeld.referenties]
        for ref in voorbeeld.verwijzingen:
            texts += [(f"{where}.url", ref.url)] + ([(f"{where}.verwijzing.titel", ref.titel)] if ref.titel else [])
    for n, citaat in enumerate(kader.onderbouwing):
        texts += [(f"onderbouwing[{n}]", citaat.tekst)] + [(f"onderbouwing[{n}].referenties", r) for r in citaat.referenties]
    return texts


def test_the_matching_ignores_layout_and_nothing_else(source):
    # The K1 finding: the source has two sentences, the old encoding joined them with "omdat".
    honest = "een positief effect hebben op leerresultaten (EXSO, 2011). Voor deze leerlingen is het een groot voordeel"
    assert in_source(honest, source)
    assert not in_source("een positief effect hebben op leerresultaten, omdat zij in hun eigen tempo", source)
    assert in_source("grammaticaregels", source) and in_source("tijd- en plaatsonafhankelijk", source)
    assert not in_source("Digitale toetsen zijn een betrouwbare vervanger", source)  # K3: the source says "blijken"
    assert in_source("Digitale toetsen blijken een betrouwbare vervanger", source)
    assert not in_source("Leerlingen volgen […] Een veilige leeromgeving", source)  # parts out of order


def test_every_text_that_speaks_for_the_kader_is_in_the_source(kader, source):
    texts = verbatim_texts(kader)
    assert len(texts) > 150
    missing = [where for where, text in texts if not in_source(text, source)]
    assert missing == []


def test_a_toelichting_attributes_nothing_to_the_kader_outside_quotation_marks(kader):
    """A sentence that names the Kader, research or Kennisnet holds a verbatim quote; "blijkt" only inside one."""
    for item in kader.all_items():
        own_words = QUOTE.sub("«citaat»", item.toelichting)
        assert own_words.count("“") == own_words.count("”") == 0, item.id  # every quotation mark closed
        for sentence in re.split(r"(?<=[.?!])\s+", own_words):
            if re.search(r"\bKader\b|onderzoek|Kennisnet", sentence, re.I):
                assert "«citaat»" in sentence, (item.id, sentence)
            assert not re.search(r"\bblijk", sentence, re.I), (item.id, sentence)


def test_every_research_reference_of_the_source_is_encoded(kader, source):
    for reference in CHAPTER_4_REFERENCES + EARLIER_REFERENCES:
        assert in_source(reference, source), reference
    encoded = set(kader.basisvaardigheden.referenties)
    for holder in [*kader.all_items(), *kader.voorbeelden, *kader.onderbouwing]:
        encoded.update(holder.referenties)
    assert set(CHAPTER_4_REFERENCES + EARLIER_REFERENCES) <= encoded
    # ... each beside the text it supports: a reference of an example stands in its omschrijving.
    for voorbeeld in kader.voorbeelden:
        for reference in voorbeeld.referenties:
            assert squash(reference) in squash(voorbeeld.omschrijving), (voorbeeld.id, reference)


def test_a_reference_of_a_statement_stands_in_the_quote_of_its_toelichting(kader):
    """A reference beside a statement supports what its toelichting quotes, not the statement in general."""
    for item in kader.all_items():
        quoted = squash(" ".join(quotes(item.toelichting)))
        for reference in item.referenties:
            assert squash(reference) in quoted, (item.id, reference)


def test_every_year_in_brackets_of_chapters_1_to_4_is_a_known_reference():
    raw = " ".join((SOURCES / "kader-ict-bekwaamheid-leraren.txt").read_text(encoding="utf-8").split())
    body = raw.split("5 Verantwoording")[0]
    cited = re.findall(r"\(([^()]*?\b(?:19|20)\d\d)\)", body)
    known = [squash(r) for r in CHAPTER_4_REFERENCES + EARLIER_REFERENCES]
    for citation in cited:
        for part in citation.split(";"):
            part = squash(part)
            assert any(part == k or part.endswith(k) or k.endswith(part) for k in known) or part in {
                "2012", "2009", "universiteittwente,2010"}, citation


def test_each_statement_asks_one_thing(kader):
    """No statement joins two acts with "en" where ictbekwaam joined them (the seven of 1.0.0)."""
    joined_by_ictbekwaam = [
        r"veilige leeromgeving.*pesten", r"leermateriaal.*schoolbord", r"begeleiden", r"gedifferentieerd",
        r"\bcoach\b", r"afgeschermd|afschermen.*toets.*in|toetsen in.*afscherm", r"gericht",
    ]
    for item in kader.all_items():
        for pattern in joined_by_ictbekwaam:
            assert not re.search(pattern, item.stelling, re.I), (item.id, pattern)


def test_the_additions_say_they_are_ictbekwaams(kader):
    assert TOEGEVOEGD in kader.meta.opmerking
    assert TOEGEVOEGD in kader.schaal.bron
    assert "lezing van ictbekwaam" in kader.item("A3").toelichting  # K7: a reading, said to be one


def test_chapter_4_statements_have_a_lower_default_target_and_the_reason_is_given(kader):
    for item in kader.all_items():
        from_chapter_4_only = re.fullmatch(r"Hoofdstuk 4\b.*", item.bron) is not None
        assert (item.doel == 2) == from_chapter_4_only, item.id
    assert "Ter inspiratie" in kader.schaal.bron
