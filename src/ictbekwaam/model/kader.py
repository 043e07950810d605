"""The typed model of the Kader and the Handreiking.

``data/kader.yaml`` and ``data/handreiking.yaml`` are decoded into these frozen
structs by :mod:`ictbekwaam.files.loader`; a school's own version of either file must
have the same shape. Field names are Dutch, like the sources.

Kader (Kennisnet, *Kader voor ict-bekwaamheid van leraren*):

- ``meta``: title, publisher, year, where to find the source, this encoding's version.
- ``schaal``: the rating scale for kerntaak statements (levels 1..n, each with
  a label and a one-line description) plus "niet van toepassing"; and the
  default target level. The Kader itself sets no levels (it leaves concrete
  requirements to each school), so the scale is this tool's, said so in ``bron``.
- ``checklist``: the answer options for the digitale basisvaardigheden
  (ja / deels / nee) and the default target option.
- ``basisvaardigheden``: chapter 3, as checklist items.
- ``kerntaken``: A, B, C (chapter 2), each with rateable "Ik ..." items.
- ``voorbeelden``: chapter 4's examples of effective ict use with their
  leraar24 references, each linked to the items it illustrates.
- ``onderbouwing``: the Kader's own claims that frame it (chapters 1 and 2),
  verbatim, with the research references the source gives for them.
- ``geschiedenis``: what changed in the items since each earlier version of
  this encoding (:mod:`ictbekwaam.model.versions`), so results made with an
  earlier version keep working.

What is the source's and what ictbekwaam added: titles, descriptions,
omschrijvingen of examples, onderdelen, references (``referenties``, in the
source's own form, "Fisser, 2007") and text in quotation marks are the
Kader's, verbatim (a test finds each in the source); statements, the rest of a
toelichting, the scale, the checklist and the default targets are
ictbekwaam's, and every view says so beside them (:data:`TOEGEVOEGD`).

Handreiking (Kennisnet, *Handreiking professionalisering ict-bekwaamheid*):
five ``themas``, each with a ``hoofdvraag`` and ``onderwerpen`` whose
``vragen`` are the verbatim conversation questions.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

import msgspec

from ictbekwaam.model.versions import VorigeVersie

# The words every view puts beside what ictbekwaam added to the Kader.
TOEGEVOEGD = "toegevoegd door ictbekwaam"
# The footer sentence of every profile, report and POP that names the additions.
ADDED_LINE = (
    "De schaal, de checklist, de stellingen, de toelichtingen (buiten de aanhalingstekens) en de standaarddoelen "
    f"zijn {TOEGEVOEGD}."
)

Id = Annotated[str, msgspec.Meta(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]
Text = Annotated[str, msgspec.Meta(min_length=1)]
# A research reference in the source's own form: "Fisser, 2007", "Leu e.a., 2004".
Referentie = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]

# What a kerntaak statement or checklist item is about, for linking Handreiking
# onderwerpen to gaps: a kerntaak id ("A", "B", "C") or this word.
BASISVAARDIGHEDEN = "basisvaardigheden"

Doelgroep = Literal["bestuur", "schoolleider", "i-coach", "leraar"]


class _Struct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Base: immutable, strict about unknown fields, keyword-only."""


class Meta(_Struct, kw_only=True):
    """Where a data file comes from.

    Attributes:
        id: stable id of the kader, stored in every result file.
        titel: the source's title.
        uitgever: the publisher (Kennisnet).
        jaar: year of publication of the source.
        bron: where the source can be found (a web address).
        versie: version of this encoding; results store it.
        opmerking: a note on the encoding, e.g. what the tool added.
    """

    id: Id
    titel: Text
    uitgever: Text
    jaar: Annotated[int, msgspec.Meta(ge=1990, le=2100)]
    bron: Text
    versie: Text
    opmerking: str = ""


class Niveau(_Struct, kw_only=True):
    """One level of the rating scale.

    Attributes:
        waarde: the number, 1 is lowest; levels are consecutive from 1.
        label: short Dutch label ("Bekwaam").
        omschrijving: one line that tells a teacher when to choose it.
    """

    waarde: Annotated[int, msgspec.Meta(ge=1, le=10)]
    label: Text
    omschrijving: Text


class NietVanToepassing(_Struct, kw_only=True):
    """The "niet van toepassing" answer: left out of every figure."""

    code: Id = "nvt"
    label: Text = "Niet van toepassing"
    omschrijving: Text


class Schaal(_Struct, kw_only=True):
    """The rating scale for kerntaak statements.

    Attributes:
        niveaus: the levels, in ascending order, numbered 1..n.
        niet_van_toepassing: the answer that takes an item out of the figures.
        standaard_doel: the level a school expects when it sets nothing else.
        bron: where the scale comes from (it is not in the Kader itself).
    """

    niveaus: Annotated[list[Niveau], msgspec.Meta(min_length=2)]
    niet_van_toepassing: NietVanToepassing
    standaard_doel: int
    bron: Text


class ChecklistOptie(_Struct, kw_only=True):
    """One answer option of the basisvaardigheden checklist.

    Attributes:
        code: stored in results ("ja", "deels", "nee").
        label: shown to the teacher.
        omschrijving: one line explaining the option.
        score: 0 (not at all) .. 1 (fully), for team coverage figures.
    """

    code: Id
    label: Text
    omschrijving: Text
    score: Annotated[float, msgspec.Meta(ge=0, le=1)]


class Checklist(_Struct, kw_only=True):
    """The scale of the basisvaardigheden checklist.

    Attributes:
        opties: from best to worst; codes are unique.
        standaard_doel: the option code a school expects by default.
    """

    opties: Annotated[list[ChecklistOptie], msgspec.Meta(min_length=2)]
    standaard_doel: Id


class Item(_Struct, kw_only=True):
    """A statement a teacher rates (or, for basisvaardigheden, checks).

    Attributes:
        id: stable id, unique across the whole kader (results store it).
        stelling: first-person statement ("Ik ...").
        toelichting: a short explanation, shown on request.
        bron: where in the source it comes from (chapter, section).
        onderdeel: optional grouping inside a kerntaak ("Instructie geven").
        doel: the default target for this item, when it differs from the
            scale's ``standaard_doel`` (a level number, or a checklist code).
        referenties: research the source cites for what the toelichting quotes.
    """

    id: Id
    stelling: Text
    toelichting: Text
    bron: Text
    onderdeel: str = ""
    doel: int | str | None = None
    referenties: list[Referentie] = []


class Basisvaardigheden(_Struct, kw_only=True):
    """Chapter 3: the prerequisite digital skills.

    Attributes:
        naam: heading.
        omschrijving: the chapter's framing (why they are a prerequisite).
        bron: chapter reference.
        items: the checklist items.
        referenties: the sources the chapter names for the skills.
    """

    naam: Text
    omschrijving: Text
    bron: Text
    items: Annotated[list[Item], msgspec.Meta(min_length=1)]
    referenties: list[Referentie] = []


class Kerntaak(_Struct, kw_only=True):
    """A kerntaak (A, B, C) of chapter 2, with its items.

    Attributes:
        id: "A", "B" or "C".
        naam: "Pedagogisch-didactisch handelen", ...
        omschrijving: the description from chapter 2.
        bron: chapter reference.
        items: the statements a teacher rates.
    """

    id: Id
    naam: Text
    omschrijving: Text
    bron: Text
    items: Annotated[list[Item], msgspec.Meta(min_length=1)]


class Verwijzing(_Struct, kw_only=True):
    """A reference to illustrating material (a leraar24 video or dossier, or a site the source names).

    Attributes:
        url: as the source gives it.
        titel: the title the source gives it, verbatim; empty where it gives none.
    """

    url: Text
    titel: str = ""

    def shown(self) -> str:
        """``url (titel)``, or the url alone when the source gives no title."""
        return f"{self.url} ({self.titel})" if self.titel else self.url


class Voorbeeld(_Struct, kw_only=True):
    """An example of effective ict use (chapter 4): a next step for a gap.

    Attributes:
        id: stable id.
        titel: short title ("Videoprentenboeken").
        omschrijving: what it is and what it adds, after the source.
        kerntaak: the kerntaak it belongs to in chapter 4.
        bron: chapter/section reference.
        verwijzingen: leraar24 (or other source-named) references.
        referenties: the research the source cites for it.
        items: ids of the items it illustrates.
    """

    id: Id
    titel: Text
    omschrijving: Text
    kerntaak: Id
    bron: Text
    verwijzingen: list[Verwijzing] = []
    referenties: list[Referentie] = []
    items: Annotated[list[Id], msgspec.Meta(min_length=1)]


class Citaat(_Struct, kw_only=True):
    """A claim of the Kader, verbatim, with where it stands and the research it cites.

    Attributes:
        tekst: the sentence(s), verbatim ("[…]" where words are left out).
        bron: chapter reference.
        referenties: the references the source gives for it.
    """

    tekst: Text
    bron: Text
    referenties: list[Referentie] = []


class Kader(_Struct, kw_only=True):
    """The whole Kader voor ict-bekwaamheid van leraren, as encoded here."""

    meta: Meta
    schaal: Schaal
    checklist: Checklist
    basisvaardigheden: Basisvaardigheden
    kerntaken: Annotated[list[Kerntaak], msgspec.Meta(min_length=1)]
    voorbeelden: list[Voorbeeld] = []
    onderbouwing: list[Citaat] = []
    geschiedenis: list[VorigeVersie] = []

    # --- derived look-ups (cheap; the kader is small) -------------------
    def all_items(self) -> list[Item]:
        """Every item: basisvaardigheden first, then kerntaak by kerntaak."""
        items = list(self.basisvaardigheden.items)
        for kerntaak in self.kerntaken:
            items.extend(kerntaak.items)
        return items

    def item(self, item_id: str) -> Item | None:
        """The item with this id, or None."""
        for candidate in self.all_items():
            if candidate.id == item_id:
                return candidate
        return None

    def section_of(self, item_id: str) -> str | None:
        """``"basisvaardigheden"`` or the kerntaak id that holds the item."""
        if any(i.id == item_id for i in self.basisvaardigheden.items):
            return BASISVAARDIGHEDEN
        for kerntaak in self.kerntaken:
            if any(i.id == item_id for i in kerntaak.items):
                return kerntaak.id
        return None

    def kerntaak(self, kerntaak_id: str) -> Kerntaak | None:
        """The kerntaak with this id, or None."""
        return next((k for k in self.kerntaken if k.id == kerntaak_id), None)

    def level_values(self) -> list[int]:
        """The numeric levels of the scale, ascending."""
        return [n.waarde for n in self.schaal.niveaus]

    def checklist_codes(self) -> list[str]:
        """The checklist option codes, best first."""
        return [o.code for o in self.checklist.opties]

    def level_choices(self) -> dict[str, int]:
        """What a level may be written as in a file a person fills in ("3", "Bekwaam"), as :func:`answer_key` -> level."""
        return {answer_key(t): n.waarde for n in self.schaal.niveaus for t in (str(n.waarde), n.label)}

    def option_choices(self) -> dict[str, str]:
        """What a checklist option may be written as ("ja", "Ja"), as :func:`answer_key` -> code."""
        return {answer_key(t): o.code for o in self.checklist.opties for t in (o.code, o.label)}

    def default_target(self, item_id: str) -> int | str:
        """The target the Kader encoding sets for an item, before any school doelen."""
        item = self.item(item_id)
        if item is not None and item.doel is not None:
            return item.doel
        if self.section_of(item_id) == BASISVAARDIGHEDEN:
            return self.checklist.standaard_doel
        return self.schaal.standaard_doel

    def examples_for(self, item_id: str) -> list[Voorbeeld]:
        """The chapter 4 examples linked to an item."""
        return [v for v in self.voorbeelden if item_id in v.items]

    def previous(self, versie: str) -> VorigeVersie | None:
        """What changed since an earlier version of this encoding, or None for a version it does not know."""
        return next((v for v in self.geschiedenis if v.versie == versie), None)


class Vraag(_Struct, kw_only=True):
    """One conversation question, verbatim (one paragraph of the source).

    Attributes:
        tekst: the question text, one or more question sentences.
        hint: a hint in brackets that belongs to the question, if any
            (verbatim, brackets included).
    """

    tekst: Text
    hint: str = ""


class Onderwerp(_Struct, kw_only=True):
    """A topic (1.1 .. 4.2) with its questions.

    Attributes:
        id: "1.1" .. "4.2".
        titel: the topic as in the source.
        raakt_aan: kerntaak ids and/or "basisvaardigheden" this topic bears
            on; a team's gaps there make these questions relevant.
        vragen: the gespreksvragen, verbatim, in source order.
    """

    id: Id
    titel: Text
    raakt_aan: Annotated[list[Id], msgspec.Meta(min_length=1)]
    vragen: Annotated[list[Vraag], msgspec.Meta(min_length=1)]


class Hoofdvraag(_Struct, kw_only=True):
    """The main question of a theme ("1a", "2a", "2b", "3", "4")."""

    id: Id
    tekst: Text


class Thema(_Struct, kw_only=True):
    """A theme of the Handreiking.

    Attributes:
        id: short slug ("onderwijsvisie").
        naam: the theme as in the source.
        doelgroep: who the questions are meant for.
        hoofdvraag: the theme's main question.
        onderwerpen: its topics.
    """

    id: Id
    naam: Text
    doelgroep: Annotated[list[Doelgroep], msgspec.Meta(min_length=1)]
    hoofdvraag: Hoofdvraag
    onderwerpen: Annotated[list[Onderwerp], msgspec.Meta(min_length=1)]


class Handreiking(_Struct, kw_only=True):
    """The question sets of the Handreiking professionalisering ict-bekwaamheid."""

    meta: Meta
    themas: Annotated[list[Thema], msgspec.Meta(min_length=1)]

    def onderwerpen(self) -> list[tuple[Thema, Onderwerp]]:
        """Every topic with its theme, in source order."""
        return [(t, o) for t in self.themas for o in t.onderwerpen]


# Fields added after kaderversie 1.0.0: left out of the hash while empty, so that a kader
# file that does not use them (the shipped 1.0.0, a school's own) keeps the hash its
# results store.
_LATER_FIELDS = frozenset({"referenties", "onderbouwing", "geschiedenis"})


def _without_empty_later_fields(node: object) -> object:
    if isinstance(node, dict):
        return {
            key: _without_empty_later_fields(value)
            for key, value in node.items()
            if not (key in _LATER_FIELDS and value == [])
        }
    if isinstance(node, list):
        return [_without_empty_later_fields(value) for value in node]
    return node


def fingerprint(model: Kader | Handreiking) -> str:
    """A content hash of a kader or handreiking (``sha256:...``), stored in results.

    Two files with the same content give the same hash, however they are
    formatted; any change in wording, ids or scale gives another.
    """
    import hashlib

    data = _without_empty_later_fields(msgspec.to_builtins(model))
    return "sha256:" + hashlib.sha256(msgspec.json.encode(data)).hexdigest()


def answer_key(text: str) -> str:
    """An answer as it is compared: lower case; a word also without dots, spaces and the marks of the template's
    "3 = Bekwaam" ("N.V.T." is "nvt", "Nog niet" "nogniet", "3 (Bekwaam)" "3bekwaam").

    A number keeps its dots: "1.0" is not level 10.
    """
    text = text.strip().lower()
    return re.sub(r"[\s.=()\-–:]+", "", text) if re.search(r"[^\W\d_]", text) else text
